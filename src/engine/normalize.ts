import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import { Dec } from "../_decimal.js";
import { own } from "../_own.js";
import { DatasetError, createIssue, type Issue, type IssueWhere } from "../errors.js";
import type { FieldSpec, FieldValue } from "../formulas/_types.js";
import { ratioParts } from "../formulas/_value.js";
import { isNotApplicable, readNumber, type Dataset, type DatasetUnit } from "../io/dataset.js";
import { isDue, periodsProblem } from "../_periods.js";

/** One indicator's data in one period, normalised. */
export type Entry = { readonly na: true } | { readonly na: false; readonly values: Readonly<Record<string, FieldValue>> };
/** Data by period, then by indicator code. */
export type PeriodEntries = ReadonlyMap<string, ReadonlyMap<string, Entry>>;

/** A unit validated against its catalog. */
export interface NormalizedUnit {
  readonly id: string;
  readonly name: string;
  readonly catalog: CompiledCatalog;
  readonly parent: string | undefined;
  readonly registered: number | undefined;
  readonly profile: Readonly<Record<string, FieldValue>>;
  readonly self: PeriodEntries;
  readonly appraisal: PeriodEntries | undefined;
}

/** Warnings: accepted input that the user should know about. */
export interface Normalized {
  readonly units: readonly NormalizedUnit[];
  readonly warnings: readonly Issue[];
}

function describe(v: unknown): string {
  return v === null ? "null" : typeof v === "string" ? JSON.stringify(v) : typeof v === "object" ? "an object" : String(v);
}

/** Why a value does not fit its field. */
class Bad {
  constructor(
    readonly code: "expectedCount" | "expectedNumber" | "expectedBoolean" | "expectedOption" | "expectedText",
    readonly expected?: string,
  ) {}
}
const BAD = {
  count: new Bad("expectedCount"),
  number: new Bad("expectedNumber"),
  boolean: new Bad("expectedBoolean"),
  text: new Bad("expectedText"),
};

/** Normalises one field value, or says why it does not fit (no allocation on the common path). */
function readValue(spec: Pick<FieldSpec, "type" | "options">, raw: unknown): FieldValue | Bad {
  switch (spec.type) {
    case "boolean":
      return typeof raw === "boolean" ? raw : BAD.boolean;
    case "option":
      return typeof raw === "string" && spec.options?.includes(raw) ? raw : new Bad("expectedOption", (spec.options ?? []).join(" | "));
    case "text":
      return typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : BAD.text;
    default: {
      const n = readNumber(raw);
      const bad = spec.type === "count" ? BAD.count : BAD.number;
      if (!n || (n.isNeg() && !n.isZero())) return bad;
      if (spec.type === "count" && !n.isInteger()) return bad;
      return n;
    }
  }
}

/** Normalises one field value; pushes an issue when it does not fit the spec, a warning for numbers given as text. */
function readField(
  spec: Pick<FieldSpec, "type" | "options">,
  raw: unknown,
  where: () => IssueWhere,
  path: () => (string | number)[],
  issues: Issue[],
  warnings: Issue[],
): FieldValue | undefined {
  const v = readValue(spec, raw);
  if (v instanceof Bad) {
    issues.push(
      createIssue("dataset", v.code, where(), { received: describe(raw), ...(v.expected ? { expected: v.expected } : {}) }, path()),
    );
    return undefined;
  }
  if (typeof raw === "string" && v instanceof Dec) {
    warnings.push(
      createIssue("dataset", "usage", where(), { detail: `number given as text ${JSON.stringify(raw)}, read as ${v.toString()}` }, path()),
    );
  }
  return v;
}

/** Input values of a node for one entry, with `from` references resolved. */
export function resolveInputs(
  node: CompiledNode,
  values: Readonly<Record<string, FieldValue>>,
  profile: Readonly<Record<string, FieldValue>>,
  periodEntries: ReadonlyMap<string, Entry> | undefined,
): { inputs: Record<string, FieldValue>; missing: string[] } {
  const inputs: Record<string, FieldValue> = {};
  const missing: string[] = [];
  for (const f of node.fields) {
    let v: FieldValue | undefined;
    if (f.from?.startsWith("profile.")) v = own(profile, f.from.slice(8));
    else if (f.from) {
      const dot = f.from.lastIndexOf(".");
      const e = periodEntries?.get(f.from.slice(0, dot));
      v = e && !e.na ? own(e.values, f.from.slice(dot + 1)) : undefined;
    } else v = own(values, f.name) ?? f.absentAs;
    if (v === undefined) missing.push(f.from ?? f.name);
    else inputs[f.name] = v;
  }
  return { inputs, missing };
}

function normalizeEntries(
  unit: DatasetUnit,
  source: "data" | "appraisal",
  catalog: CompiledCatalog,
  periods: readonly string[],
  unitIndex: number,
  issues: Issue[],
  warnings: Issue[],
): PeriodEntries {
  const out = new Map<string, Map<string, Entry>>();
  const byPeriod = unit[source] ?? {};
  const last = periods[periods.length - 1];
  for (const [period, codes] of Object.entries(byPeriod)) {
    const basePath: (string | number)[] = ["units", unitIndex, source, period];
    if (!periods.includes(period)) {
      issues.push(
        createIssue("dataset", "unknownPeriod", { unit: unit.id, period }, { received: period, expected: periods.join(", ") }, basePath),
      );
      continue;
    }
    const entries = new Map<string, Entry>();
    out.set(period, entries);
    for (const [code, raw] of Object.entries(codes ?? {})) {
      // Places and paths are built only when there is something to report.
      const where = () => ({ unit: unit.id, period, indicator: code });
      const path = () => [...basePath, code];
      const node = catalog.nodes.get(code);
      if (!node) {
        issues.push(createIssue("dataset", "unknownIndicator", where(), { received: code }, path()));
        continue;
      }
      if (node.children.length) {
        issues.push(createIssue("dataset", "notALeaf", where(), { received: code, detail: node.children.join(", ") }, path()));
        continue;
      }
      if (!isDue(node.cadence, period, period === last)) {
        warnings.push(
          createIssue(
            "dataset",
            "usage",
            where(),
            { detail: `indicator ${code} is evaluated per ${node.cadence}; its data for ${period} is not used` },
            path(),
          ),
        );
      }
      if (typeof raw === "string" && isNotApplicable(raw)) {
        entries.set(code, { na: true });
        continue;
      }
      const asked = node.asked;
      let obj: Record<string, unknown>;
      if (raw !== null && typeof raw === "object") obj = raw;
      else if (asked.length === 1) obj = { [asked[0]!.name]: raw };
      else {
        issues.push(
          createIssue(
            "dataset",
            "expectedObject",
            where(),
            { received: describe(raw), expected: asked.map((f) => f.name).join(", ") },
            path(),
          ),
        );
        continue;
      }
      const values: Record<string, FieldValue> = {};
      for (const name in obj) {
        if (!Object.hasOwn(obj, name)) continue;
        const spec = node.fieldByName.get(name);
        const fw = () => ({ ...where(), field: name });
        const fp = () => [...path(), name];
        if (!spec) {
          issues.push(
            createIssue(
              "dataset",
              "unknownField",
              fw(),
              { received: name, expected: asked.map((f) => f.name).join(", ") || "(none)" },
              fp(),
            ),
          );
        } else if (spec.from) {
          issues.push(createIssue("dataset", "fromField", fw(), { detail: spec.from }, fp()));
        } else {
          const val = readField(spec, obj[name], fw, fp, issues, warnings);
          if (val !== undefined) values[name] = val;
        }
      }
      for (const f of asked) {
        if (f.absentAs === undefined && !Object.hasOwn(obj, f.name)) {
          issues.push(createIssue("dataset", "missingField", { ...where(), field: f.name }, { detail: f.label }, [...path(), f.name]));
        }
      }
      entries.set(code, { na: false, values });
    }
  }
  return out;
}

/**
 * Proportions: numerator ≤ denominator, with `from` references resolved in the same period.
 * Checked on the self-assessed data and on the final data (appraisal over self), where a
 * referenced value may come from the other assessment.
 */
function checkProportions(
  unitId: string,
  unitIndex: number,
  catalog: CompiledCatalog,
  profile: Readonly<Record<string, FieldValue>>,
  self: PeriodEntries,
  appraisal: PeriodEntries | undefined,
  issues: Issue[],
): void {
  const seen = new Set<string>();
  const check = (period: string, entries: ReadonlyMap<string, Entry>, sourceOf: (code: string) => "data" | "appraisal") => {
    for (const [code, entry] of entries) {
      if (entry.na) continue;
      const node = catalog.nodes.get(code)!;
      const exprs = node.proportions;
      if (!exprs.length) continue;
      const { inputs, missing } = resolveInputs(node, entry.values, profile, entries);
      if (missing.length) continue;
      for (const expr of exprs) {
        const r = ratioParts(expr, inputs);
        if (!r.numerator.gt(r.denominator)) continue;
        const source = sourceOf(code);
        const key = `${period}|${code}|${source}|${expr.numerator.join("+")}`;
        if (seen.has(key)) continue;
        seen.add(key);
        issues.push(
          createIssue(
            "dataset",
            "numeratorExceedsDenominator",
            { unit: unitId, period, indicator: code, field: expr.numerator.join("+") },
            { received: r.numerator.toString(), expected: r.denominator.toString(), detail: expr.numerator.join("+") },
            ["units", unitIndex, source, period, code],
          ),
        );
      }
    }
  };
  for (const [period, entries] of self) check(period, entries, () => "data");
  if (!appraisal) return;
  for (const [period, overriding] of appraisal) {
    const merged = new Map(self.get(period) ?? []);
    for (const [code, e] of overriding) merged.set(code, e);
    check(period, merged, (code) => (overriding.has(code) ? "appraisal" : "data"));
  }
}

/**
 * Validates a dataset against its catalogs and normalises every value.
 * @param dataset The dataset (shape already checked).
 * @param mainCatalog The dataset's catalog.
 * @param childCatalog For mixed datasets, the catalog of the child units (communes of a district).
 * @returns Normalised units and warnings.
 * @throws DatasetError listing every problem, each naming unit, period, indicator and field.
 */
export function normalizeDataset(dataset: Dataset, mainCatalog: CompiledCatalog, childCatalog?: CompiledCatalog): Normalized {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  if (periodsProblem(dataset.periods)) {
    issues.push(createIssue("dataset", "badPeriods", {}, { received: dataset.periods.join(", ") }, ["periods"]));
  }
  if (dataset.catalog !== mainCatalog.catalog.id) {
    issues.push(
      createIssue("dataset", "catalogMismatch", {}, { received: dataset.catalog, expected: mainCatalog.catalog.id }, ["catalog"]),
    );
  }
  const ids = new Set<string>();
  const units: NormalizedUnit[] = [];
  dataset.units.forEach((unit, i) => {
    if (ids.has(unit.id))
      issues.push(createIssue("dataset", "duplicateUnit", { unit: unit.id }, { received: unit.id }, ["units", i, "id"]));
    ids.add(unit.id);
    let catalog = mainCatalog;
    if (unit.catalog && unit.catalog !== mainCatalog.catalog.id) {
      if (childCatalog && unit.catalog === childCatalog.catalog.id) catalog = childCatalog;
      else {
        issues.push(
          createIssue(
            "dataset",
            "wrongUnitCatalog",
            { unit: unit.id },
            { received: unit.catalog, expected: [mainCatalog.catalog.id, childCatalog?.catalog.id].filter(Boolean).join(", ") },
            ["units", i, "catalog"],
          ),
        );
        return;
      }
    }
    const profileSpec = catalog.catalog.profile ?? {};
    const profile: Record<string, FieldValue> = {};
    for (const [key, raw] of Object.entries(unit.profile ?? {})) {
      const spec = own(profileSpec, key);
      if (!spec) {
        issues.push(
          createIssue(
            "dataset",
            "unknownProfileField",
            { unit: unit.id, field: key },
            { received: key, expected: Object.keys(profileSpec).join(", ") || "(none)" },
            ["units", i, "profile", key],
          ),
        );
        continue;
      }
      if (raw === null) continue;
      const v = readField(
        spec,
        raw,
        () => ({ unit: unit.id, field: `profile.${key}` }),
        () => ["units", i, "profile", key],
        issues,
        warnings,
      );
      if (v !== undefined) profile[key] = v;
    }
    if (unit.registered !== undefined && (unit.registered < 1 || unit.registered > 5)) {
      issues.push(
        createIssue("dataset", "badRegistered", { unit: unit.id }, { received: String(unit.registered) }, ["units", i, "registered"]),
      );
    }
    const self = normalizeEntries(unit, "data", catalog, dataset.periods, i, issues, warnings);
    const appraisal = unit.appraisal ? normalizeEntries(unit, "appraisal", catalog, dataset.periods, i, issues, warnings) : undefined;
    checkProportions(unit.id, i, catalog, profile, self, appraisal, issues);
    units.push({ id: unit.id, name: unit.name, catalog, parent: unit.parent, registered: unit.registered, profile, self, appraisal });
  });
  dataset.units.forEach((unit, i) => {
    if (unit.parent !== undefined && !ids.has(unit.parent)) {
      issues.push(createIssue("dataset", "unknownParent", { unit: unit.id }, { received: unit.parent }, ["units", i, "parent"]));
    }
  });
  if (issues.length) throw new DatasetError(issues);
  return { units, warnings };
}
