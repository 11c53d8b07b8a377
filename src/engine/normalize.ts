import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import { Dec } from "../_decimal.js";
import { own } from "../_own.js";
import { DatasetError, createIssue, type Issue, type IssueWhere } from "../errors.js";
import type { FieldSpec, FieldValue } from "../formulas/_types.js";
import { ratioParts } from "../formulas/_value.js";
import type { Dataset, DatasetUnit } from "../io/dataset.js";
import { isMissingMarker, isNotApplicable, optionKeyOfLabel, readNumber, type NumberFormat } from "../_values.js";
import { isDue, periodGaps, periodsProblem } from "../_periods.js";

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
    readonly code:
      | "expectedCount"
      | "expectedNumber"
      | "expectedShare"
      | "expectedPercent"
      | "expectedBoolean"
      | "expectedOption"
      | "expectedText"
      | "ambiguousNumber"
      | "numberFormatMismatch"
      | "inexactNumber",
    readonly expected?: string,
    readonly detail?: string,
  ) {}
}
const BAD = {
  count: new Bad("expectedCount"),
  number: new Bad("expectedNumber"),
  amount: new Bad("expectedNumber"),
  share: new Bad("expectedShare"),
  percent: new Bad("expectedPercent"),
  boolean: new Bad("expectedBoolean"),
  text: new Bad("expectedText"),
  ambiguous: new Bad("ambiguousNumber"),
  inexact: new Bad("inexactNumber"),
  mismatch: { vi: new Bad("numberFormatMismatch", "vi", "en"), en: new Bad("numberFormatMismatch", "en", "vi") },
};

const PERCENT_TEXT = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/;

/** A share written as a percentage (85, "85%"): refused, with the share it likely means as a hint. */
function badShare(raw: unknown, n: Dec | undefined): Bad {
  let pct = n;
  const m = typeof raw === "string" ? PERCENT_TEXT.exec(raw) : null;
  if (m) pct = new Dec(m[1]!.replace(",", "."));
  return pct && pct.gt(1) && pct.lte(100) ? new Bad("expectedShare", undefined, pct.div(100).toString()) : BAD.share;
}

/** Normalises one field value, or says why it does not fit (no allocation on the common path). */
function readValue(spec: Pick<FieldSpec, "type" | "options">, raw: unknown, format: NumberFormat | undefined): FieldValue | Bad {
  switch (spec.type) {
    case "boolean":
      return typeof raw === "boolean" ? raw : BAD.boolean;
    case "option":
      // Option fields come from choice formulas, which always list their options.
      return typeof raw === "string" && spec.options!.includes(raw) ? raw : new Bad("expectedOption", spec.options!.join(" | "));
    case "text":
      // A number is not text: YAML has already dropped what was written (02113000001 → 2113000001, 1.10 → 1.1).
      return typeof raw === "string" ? raw : BAD.text;
    default: {
      // count, number, amount, share, percent: the one number reader, with the dataset's format.
      const type = spec.type;
      const r = readNumber(raw, format);
      if (!r) return type === "share" ? badShare(raw, undefined) : BAD[type];
      if ("problem" in r) {
        if (r.problem === "ambiguousNumber") return BAD.ambiguous;
        if (r.problem === "numberFormatMismatch") return BAD.mismatch[format ?? "vi"];
        if (r.problem === "inexactNumber") return BAD.inexact;
        return type === "share" ? badShare(raw, undefined) : BAD[type];
      }
      const n = r.value;
      if (n.isNeg() && !n.isZero()) return BAD[type];
      if (type === "count" && !n.isInteger()) return BAD.count;
      if (type === "share" && n.gt(1)) return badShare(raw, n);
      if (type === "percent" && n.gt(100)) return BAD.percent;
      return n;
    }
  }
}

/** Normalises one field value; pushes an issue when it does not fit the spec, a warning for numbers given as text. */
function readField(
  spec: Pick<FieldSpec, "type" | "options" | "optionLabels">,
  raw: unknown,
  format: NumberFormat | undefined,
  where: () => IssueWhere,
  path: () => (string | number)[],
  issues: Issue[],
  warnings: Issue[],
): FieldValue | undefined {
  // An option given by its label ("Trên 6 lần" for over6): read as its key, said in a warning
  // (the compiled reader leaves every non-key to this one: docs/fast-path.md).
  if (spec.type === "option" && typeof raw === "string" && !spec.options!.includes(raw)) {
    const key = optionKeyOfLabel(spec, raw);
    if (key !== undefined) {
      warnings.push(createIssue("dataset", "optionByLabel", where(), { received: JSON.stringify(raw), expected: key }, path()));
      return key;
    }
  }
  const v = readValue(spec, raw, format);
  if (v instanceof Bad) {
    issues.push(
      createIssue(
        "dataset",
        v.code,
        where(),
        {
          received: describe(raw),
          ...(v.expected !== undefined ? { expected: v.expected } : {}),
          ...(v.detail !== undefined ? { detail: v.detail } : {}),
        },
        path(),
      ),
    );
    return undefined;
  }
  if (typeof raw === "string" && v instanceof Dec) {
    warnings.push(createIssue("dataset", "numberAsText", where(), { received: JSON.stringify(raw), expected: v.toString() }, path()));
  }
  return v;
}

/** A missing-value marker (NA, N/A, #N/A, na) read as absent: the warning naming its place. */
function missingMarker(
  raw: string,
  where: IssueWhere,
  path: (string | number)[],
  consequence: "indicator" | "field" | "profile" | "absentAs",
  absentAs?: string,
): Issue {
  // The consequence is a keyword, worded by each language's message.
  return createIssue(
    "dataset",
    "missingMarker",
    where,
    { received: JSON.stringify(raw), detail: consequence, ...(absentAs !== undefined ? { expected: absentAs } : {}) },
    path,
  );
}

/** Input values of a node for one entry, with `from` references resolved. */
export function resolveInputs(
  node: CompiledNode,
  values: Readonly<Record<string, FieldValue>>,
  profile: Readonly<Record<string, FieldValue>>,
  periodEntries: ReadonlyMap<string, Entry>,
): { inputs: Record<string, FieldValue>; missing: string[] } {
  const inputs: Record<string, FieldValue> = {};
  const missing: string[] = [];
  for (const f of node.fields) {
    let v: FieldValue | undefined;
    if (f.from?.startsWith("profile.")) v = own(profile, f.from.slice(8));
    else if (f.from) {
      const dot = f.from.lastIndexOf(".");
      const e = periodEntries.get(f.from.slice(0, dot));
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
  format: NumberFormat | undefined,
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
        warnings.push(createIssue("dataset", "notDue", where(), { received: period, expected: node.cadence, detail: code }, path()));
      }
      if (isNotApplicable(raw)) {
        entries.set(code, { na: true });
        continue;
      }
      // NA, #N/A…: not reported (scored as missing), never "not applicable".
      if (isMissingMarker(raw)) {
        warnings.push(missingMarker(raw as string, where(), path(), "indicator"));
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
        } else if (isMissingMarker(obj[name])) {
          // A missing value: the field is absent (the missing-field check below, or its absentAs).
          const raw = obj[name] as string;
          warnings.push(
            spec.absentAs === undefined
              ? missingMarker(raw, fw(), fp(), "field")
              : missingMarker(raw, fw(), fp(), "absentAs", String(spec.absentAs)),
          );
        } else {
          const val = readField(spec, obj[name], format, fw, fp, issues, warnings);
          if (val !== undefined) values[name] = val;
        }
      }
      for (const f of asked) {
        const given = Object.hasOwn(obj, f.name) ? obj[f.name] : undefined;
        if (f.absentAs === undefined && (given === undefined || isMissingMarker(given))) {
          issues.push(
            createIssue(
              "dataset",
              "missingField",
              { ...where(), field: f.name },
              { detail: f.label, ...(given !== undefined ? { received: describe(given) } : {}) },
              [...path(), f.name],
            ),
          );
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

/** Leaves that read profile values (`from: profile.<field>`), per catalog: computed once. */
const readersOf = new WeakMap<CompiledCatalog, readonly { readonly code: string; readonly keys: readonly string[] }[]>();
function profileReaders(catalog: CompiledCatalog): readonly { readonly code: string; readonly keys: readonly string[] }[] {
  let list = readersOf.get(catalog);
  if (!list) {
    list = catalog.leaves.flatMap((n) => {
      const keys = n.fields.flatMap((f) => (f.from?.startsWith("profile.") ? [f.from.slice(8)] : []));
      return keys.length ? [{ code: n.code, keys }] : [];
    });
    readersOf.set(catalog, list);
  }
  return list;
}

/**
 * Profile values used by indicators with data (`from: profile.<field>`): a unit that reports the
 * indicator but not the profile value would score it as missing without a word. Collected per
 * profile field with the indicators that need it; nothing is allocated when all are there.
 */
function checkProfile(
  unit: DatasetUnit,
  unitIndex: number,
  profile: Readonly<Record<string, FieldValue>>,
  given: ReadonlySet<string> | undefined,
  catalog: CompiledCatalog,
  sources: readonly (PeriodEntries | undefined)[],
  issues: Issue[],
): void {
  let needs: Map<string, Set<string>> | undefined;
  for (const { code, keys } of profileReaders(catalog)) {
    for (const entries of sources) {
      if (!entries) continue;
      for (const byCode of entries.values()) {
        const entry = byCode.get(code);
        if (!entry || entry.na) continue;
        for (const key of keys) {
          // Given but refused: already reported with its own issue.
          if (own(profile, key) !== undefined || given?.has(key)) continue;
          needs ??= new Map();
          let codes = needs.get(key);
          if (!codes) needs.set(key, (codes = new Set()));
          codes.add(code);
        }
      }
    }
  }
  for (const [key, codes] of needs ?? []) {
    issues.push(
      createIssue(
        "dataset",
        "missingProfileField",
        { unit: unit.id, field: `profile.${key}` },
        { received: `profile.${key}`, detail: [...codes].join(", ") },
        ["units", unitIndex, "profile"],
      ),
    );
  }
}

/**
 * The dataset's `parents` list: each id once, none also a unit of the dataset (which one would a
 * summary name?), and each named by at least one unit (a warning: a leftover of another year).
 */
export function checkDeclaredParents(
  parents: readonly { readonly id: string }[] | undefined,
  units: readonly { readonly id: string; readonly parent?: string | undefined }[],
  issues: Issue[],
  warnings: Issue[],
): void {
  if (!parents) return;
  const unitIds = new Set(units.map((u) => u.id));
  const named = new Set(units.flatMap((u) => (u.parent !== undefined ? [u.parent] : [])));
  const seen = new Set<string>();
  parents.forEach((p, i) => {
    const path = ["parents", i, "id"];
    if (seen.has(p.id)) issues.push(createIssue("dataset", "duplicateParent", {}, { received: p.id }, path));
    else if (unitIds.has(p.id)) issues.push(createIssue("dataset", "parentIsUnit", { unit: p.id }, { received: p.id }, path));
    else if (!named.has(p.id)) warnings.push(createIssue("dataset", "unusedParent", {}, { received: p.id }, path));
    seen.add(p.id);
  });
}

/**
 * Parent links (Kon Tum: communes roll up into their district): the parent exists; in a dataset
 * that mixes levels, a child unit has a parent and it is a unit of the main catalog, and a main
 * unit has no parent in the dataset; no unit is its own ancestor.
 */
export function checkParents(
  units: readonly { readonly unit: DatasetUnit; readonly index: number; readonly catalog: CompiledCatalog | undefined }[],
  main: CompiledCatalog,
  child: CompiledCatalog | undefined,
  otherIds: ReadonlySet<string>,
  issues: Issue[],
  declared: ReadonlySet<string> = new Set(),
): void {
  const byId = new Map<string, (typeof units)[number]>();
  for (const u of units) if (!byId.has(u.unit.id)) byId.set(u.unit.id, u);
  const mixed = child !== undefined && units.some((u) => u.catalog === child);
  for (const { unit, index, catalog } of units) {
    const path = ["units", index, "parent"];
    if (unit.parent === undefined) {
      if (mixed && catalog === child) {
        issues.push(
          createIssue("dataset", "missingParent", { unit: unit.id }, { received: child.catalog.id, expected: main.catalog.id }, [
            "units",
            index,
          ]),
        );
      }
      continue;
    }
    const parent = byId.get(unit.parent);
    if (!parent) {
      // A declared parent is not assessed: in a dataset with both levels a child's parent must be
      // assessed, or the child would silently leave its parent's count (Kon Tum huyện 1.1).
      if (mixed && catalog === child && declared.has(unit.parent) && !otherIds.has(unit.parent))
        issues.push(
          createIssue("dataset", "parentNotAssessed", { unit: unit.id }, { received: unit.parent, expected: main.catalog.id }, path),
        );
      else if (!otherIds.has(unit.parent) && !declared.has(unit.parent))
        issues.push(createIssue("dataset", "unknownParent", { unit: unit.id }, { received: unit.parent }, path));
      continue;
    }
    if (!mixed || !catalog || !parent.catalog) continue;
    if (catalog === child && parent.catalog !== main) {
      issues.push(
        createIssue(
          "dataset",
          "parentWrongLevel",
          { unit: unit.id },
          { received: unit.parent, detail: parent.catalog.catalog.id, expected: `a unit of ${main.catalog.id}` },
          path,
        ),
      );
    } else if (catalog === main) {
      issues.push(
        createIssue(
          "dataset",
          "parentWrongLevel",
          { unit: unit.id },
          {
            received: unit.parent,
            detail: parent.catalog.catalog.id,
            expected: `no parent in this dataset (units of ${main.catalog.id} are its top level)`,
          },
          path,
        ),
      );
    }
  }
  // Cycles: follow each chain once; a chain that comes back to a unit on the current walk is a cycle.
  const state = new Map<string, 1 | 2>(); // 1: on the current walk, 2: done
  for (const start of units) {
    if (start.unit.parent === undefined || state.has(start.unit.id)) continue;
    const walk: (typeof units)[number][] = [];
    let u: (typeof units)[number] | undefined = start;
    while (u && !state.has(u.unit.id)) {
      state.set(u.unit.id, 1);
      walk.push(u);
      u = u.unit.parent === undefined ? undefined : byId.get(u.unit.parent);
    }
    if (u && state.get(u.unit.id) === 1) {
      const cycle = walk.slice(walk.indexOf(u));
      issues.push(
        createIssue("dataset", "parentCycle", { unit: u.unit.id }, { detail: [...cycle.map((c) => c.unit.id), u.unit.id].join(" → ") }, [
          "units",
          u.index,
          "parent",
        ]),
      );
    }
    for (const w of walk) state.set(w.unit.id, 2);
  }
}

/**
 * The warning for periods with a gap (Q1, Q3, Q4): only indicators evaluated per quarter or half
 * average over the periods, so it is given when the catalogs have one; annual ones use the last.
 */
export function periodGapWarnings(periods: readonly string[], mainCatalog: CompiledCatalog, childCatalog?: CompiledCatalog): Issue[] {
  const gaps = periodGaps(periods);
  const cadence = gaps.length
    ? [mainCatalog, childCatalog].flatMap((c) => c?.leaves ?? []).find((n) => n.cadence !== "year")?.cadence
    : undefined;
  if (!cadence) return [];
  return [
    createIssue("dataset", "periodGap", {}, { received: periods.join(", "), detail: gaps.join(", "), expected: cadence }, ["periods"]),
  ];
}

/** Options of {@link normalizeDataset} for a dataset read unit by unit (see `readDataset`). */
export interface NormalizeOptions {
  /** Shape problems of the units left out: reported with the problems found here, at once. */
  readonly pending?: readonly Issue[];
  /** Position in the source of each unit, when units were left out (for paths). */
  readonly unitIndex?: readonly number[] | undefined;
  /** Ids of the units left out (a parent link to one is not reported again). */
  readonly otherIds?: ReadonlySet<string>;
}

/**
 * Validates a dataset against its catalogs and normalises every value.
 * @param dataset The dataset (shape already checked).
 * @param mainCatalog The dataset's catalog.
 * @param childCatalog For mixed datasets, the catalog of the child units (communes of a district).
 * @param options Shape problems found before, to report with these.
 * @returns Normalised units and warnings.
 * @throws DatasetError listing every problem, each naming unit, period, indicator and field.
 */
export function normalizeDataset(
  dataset: Dataset,
  mainCatalog: CompiledCatalog,
  childCatalog?: CompiledCatalog,
  options: NormalizeOptions = {},
): Normalized {
  const issues: Issue[] = [...(options.pending ?? [])];
  const warnings: Issue[] = [];
  const format = dataset.numberFormat;
  if (periodsProblem(dataset.periods)) {
    issues.push(createIssue("dataset", "badPeriods", {}, { received: dataset.periods.join(", ") }, ["periods"]));
  } else warnings.push(...periodGapWarnings(dataset.periods, mainCatalog, childCatalog));
  if (dataset.catalog !== mainCatalog.catalog.id) {
    issues.push(
      createIssue("dataset", "catalogMismatch", {}, { received: dataset.catalog, expected: mainCatalog.catalog.id }, ["catalog"]),
    );
  }
  const ids = new Set<string>();
  const units: NormalizedUnit[] = [];
  const linked: { unit: DatasetUnit; index: number; catalog: CompiledCatalog | undefined }[] = [];
  dataset.units.forEach((unit, at) => {
    const i = options.unitIndex?.[at] ?? at;
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
        linked.push({ unit, index: i, catalog: undefined });
        return;
      }
    }
    linked.push({ unit, index: i, catalog });
    const profileSpec = catalog.catalog.profile ?? {};
    const profile: Record<string, FieldValue> = {};
    // Profile fields given but refused (reported already), so that they are not also "missing".
    let refused: Set<string> | undefined;
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
      if (isMissingMarker(raw)) {
        warnings.push(missingMarker(raw as string, { unit: unit.id, field: `profile.${key}` }, ["units", i, "profile", key], "profile"));
        continue;
      }
      const v = readField(
        spec,
        raw,
        format,
        () => ({ unit: unit.id, field: `profile.${key}` }),
        () => ["units", i, "profile", key],
        issues,
        warnings,
      );
      if (v !== undefined) profile[key] = v;
      else (refused ??= new Set()).add(key);
    }
    if (unit.registered !== undefined && (unit.registered < 1 || unit.registered > 5)) {
      issues.push(
        createIssue("dataset", "badRegistered", { unit: unit.id }, { received: String(unit.registered) }, ["units", i, "registered"]),
      );
    }
    const self = normalizeEntries(unit, "data", catalog, dataset.periods, i, format, issues, warnings);
    const appraisal = unit.appraisal
      ? normalizeEntries(unit, "appraisal", catalog, dataset.periods, i, format, issues, warnings)
      : undefined;
    checkProfile(unit, i, profile, refused, catalog, [self, appraisal], issues);
    checkProportions(unit.id, i, catalog, profile, self, appraisal, issues);
    units.push({ id: unit.id, name: unit.name, catalog, parent: unit.parent, registered: unit.registered, profile, self, appraisal });
  });
  checkDeclaredParents(dataset.parents, dataset.units, issues, warnings);
  const declared = new Set((dataset.parents ?? []).map((p) => p.id));
  checkParents(linked, mainCatalog, childCatalog, options.otherIds ?? new Set<string>(), issues, declared);
  if (issues.length) throw new DatasetError(issues);
  return { units, warnings };
}
