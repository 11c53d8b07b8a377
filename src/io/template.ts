import { Document, isMap, isPair, isScalar, isSeq } from "yaml";
import * as z from "zod/mini";
import Papa from "papaparse";
import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import { isDue } from "../_periods.js";
import type { FieldSpec } from "../formulas/_types.js";

/** Template formats. */
export type TemplateFormat = "csv" | "csv-wide" | "yaml" | "json-schema";

/** Options of {@link template}. */
export interface TemplateOptions {
  /** Periods to ask for; default Q1–Q4, or Y for catalogs evaluated yearly. */
  readonly periods?: readonly string[];
  /** The assessment year; without it the template leaves the year empty for the assessor to fill (never guessed). */
  readonly year?: number;
  /** Unit ids (and names) to prefill; default one placeholder unit. */
  readonly units?: readonly { readonly id: string; readonly name: string }[];
  /**
   * CSV for a Vietnamese-locale Excel (`csv` and `csv-wide`): a UTF-8 BOM and `;` between cells
   * (Excel with a decimal comma splits on `;`, and reads the file as UTF-8 only with the BOM).
   */
  readonly excel?: boolean;
}

/** Columns of the CSV template (and of a filled CSV dataset). */
export const CSV_COLUMNS = [
  "year",
  "unit_id",
  "unit_name",
  "period",
  "code",
  "field",
  "value",
  "label",
  "type",
  "unit",
  "evidence",
] as const;

/**
 * The code of the rows that hold a unit's own fields (`template` writes them for level catalogs):
 * `registered` (Kon Tum's đăng ký mức, 1–5) and `parent` (mã đơn vị cấp trên).
 */
export const UNIT_CODE = "unit";

/** The fields of a unit row: a registered level only where levels are recognised. */
export function unitFields(catalog: CompiledCatalog): readonly string[] {
  return catalog.scoring === "levels" ? ["registered", "parent"] : ["parent"];
}

/**
 * The unit's own columns a template asks for: Kon Tum's registration and parent; a commune's
 * district in a points catalog (`--group-by parent`; the districts are units of the file or
 * declared with `--parents`). Departments and districts have no parent unit in a province's DTI.
 */
export function templateUnitFields(catalog: CompiledCatalog): readonly string[] {
  return catalog.scoring === "levels" ? unitFields(catalog) : catalog.level === "xa" ? ["parent"] : [];
}

function defaultPeriods(catalog: CompiledCatalog): string[] {
  return catalog.defaults.cadence === "year" ? ["Y"] : ["Q1", "Q2", "Q3", "Q4"];
}

function asked(node: CompiledNode): FieldSpec[] {
  return node.fields.filter((f) => !f.from);
}

function typeText(f: FieldSpec): string {
  return f.type === "option" ? `option: ${(f.options ?? []).join(" | ")}` : f.type;
}

/**
 * The prefix of a wide CSV column holding a profile field (`profile.population`); the columns of
 * indicator inputs are `<code>.<field>` (`6.3.2.a`), and `registered` / `parent` the unit's own.
 */
export const PROFILE_PREFIX = "profile.";

/** The columns of a wide CSV before the fields: `period` only when periods other than the year are asked. */
function wideHead(catalog: CompiledCatalog, periods: readonly string[]): string[] {
  return [
    "year",
    "unit_id",
    "unit_name",
    ...(periods.length === 1 && periods[0] === "Y" ? [] : ["period"]),
    ...templateUnitFields(catalog),
    ...Object.keys(catalog.profile ?? {}).map((k) => `${PROFILE_PREFIX}${k}`),
  ];
}

/**
 * The wide template: one header row (machine-readable, nothing else), then one row per unit × period
 * (the labels of the columns are in the long template and the catalog). A field column is asked in
 * every period where its indicator is due; its cell in another period stays empty.
 */
function wideTemplate(catalog: CompiledCatalog, options: TemplateOptions): string[][] {
  const periods = options.periods ?? defaultPeriods(catalog);
  const year = options.year !== undefined ? String(options.year) : "";
  const units = options.units ?? [{ id: "UNIT_ID", name: "Tên đơn vị" }];
  const head = wideHead(catalog, periods);
  const fields = catalog.leaves.filter((n) => periods.some((p, i) => isDue(n.cadence, p, i === periods.length - 1)));
  const columns = fields.flatMap((n) => asked(n).map((f) => `${n.code}.${f.name}`));
  const rows = [[...head, ...columns]];
  for (const u of units)
    for (const p of head.includes("period") ? periods : ["Y"])
      rows.push([
        year,
        u.id,
        u.name,
        ...(head.includes("period") ? [p] : []),
        ...head.slice(head.includes("period") ? 4 : 3).map(() => ""),
        ...columns.map(() => ""),
      ]);
  return rows;
}

/** Rows of the fill-in template: profile fields, then every input of every indicator due in each period. */
function templateRows(catalog: CompiledCatalog, options: TemplateOptions): Record<(typeof CSV_COLUMNS)[number], string>[] {
  const compiled = catalog;
  const periods = options.periods ?? defaultPeriods(catalog);
  // Left empty unless given: a template filled in 2026 for 2025 must not score as 2026 (the reader refuses an empty year).
  const year = options.year !== undefined ? String(options.year) : "";
  const units = options.units ?? [{ id: "UNIT_ID", name: "Tên đơn vị" }];
  const rows: Record<(typeof CSV_COLUMNS)[number], string>[] = [];
  for (const u of units) {
    for (const [key, f] of Object.entries(catalog.profile ?? {})) {
      rows.push({
        year,
        unit_id: u.id,
        unit_name: u.name,
        period: "",
        code: "profile",
        field: key,
        value: "",
        label: f.label,
        type: f.type,
        unit: f.unit ?? "",
        evidence: "",
      });
    }
    // Level catalogs (Kon Tum): the registered level and the parent; a points catalog's communes:
    // the parent (district), read by readCsvDataset.
    const own = templateUnitFields(catalog);
    for (const [field, label, type] of [
      ["registered", "Mức đăng ký (đăng ký mức 1–5; bỏ trống nếu không đăng ký)", "level 1–5"],
      ["parent", "Mã đơn vị cấp trên, trong cùng tệp hoặc khai báo bằng --parents (bỏ trống nếu không có)", "text"],
    ] as const)
      if (own.includes(field))
        rows.push({
          year,
          unit_id: u.id,
          unit_name: u.name,
          period: "",
          code: UNIT_CODE,
          field,
          value: "",
          label,
          type,
          unit: "",
          evidence: "",
        });
    periods.forEach((p, i) => {
      for (const node of compiled.leaves) {
        if (!isDue(node.cadence, p, i === periods.length - 1)) continue;
        for (const f of asked(node)) {
          rows.push({
            year,
            unit_id: u.id,
            unit_name: u.name,
            period: p,
            code: node.code,
            field: f.name,
            value: "",
            label: `${node.name} — ${f.label}`,
            type: typeText(f),
            unit: f.unit ?? "",
            evidence: node.source.evidence ?? "",
          });
        }
      }
    });
  }
  return rows;
}

/** A catalog-specific zod schema of a dataset (fields named, labelled and typed per indicator). */
export function catalogDatasetSchema(catalog: CompiledCatalog, options: TemplateOptions = {}) {
  const compiled = catalog;
  const periods = options.periods ?? defaultPeriods(catalog);
  // zod/mini has no .meta(): the same registration in zod's global registry (what .meta() does).
  const meta = <T extends z.ZodMiniType>(schema: T, m: { title: string; description?: string }): T => {
    z.globalRegistry.add(schema, m);
    return schema;
  };
  const fieldSchema = (f: FieldSpec) => {
    const base =
      f.type === "boolean"
        ? z.boolean()
        : f.type === "option"
          ? z.enum((f.options ?? []) as [string, ...string[]])
          : f.type === "text"
            ? z.string()
            : f.type === "count"
              ? z.number().check(z.int(), z.gte(0))
              : z.number().check(z.gte(0));
    return meta(base, { title: f.label, ...(f.unit ? { description: f.unit } : {}) });
  };
  const periodSchema = (p: string, isLast: boolean) =>
    z.strictObject(
      Object.fromEntries(
        compiled.leaves
          .filter((n) => isDue(n.cadence, p, isLast) && asked(n).length)
          .map((n) => [
            n.code,
            meta(
              z.optional(
                z.union([
                  z.literal("n/a"),
                  z.strictObject(
                    Object.fromEntries(
                      asked(n).map((f) => [f.name, f.absentAs !== undefined ? z.optional(fieldSchema(f)) : fieldSchema(f)]),
                    ),
                  ),
                ]),
              ),
              { title: `${n.code}. ${n.name}`, ...(n.source.evidence ? { description: `Tài liệu kiểm chứng: ${n.source.evidence}` } : {}) },
            ),
          ]),
      ),
    );
  const profile = z.strictObject(
    Object.fromEntries(
      Object.entries(catalog.profile ?? {}).map(([k, f]) => [
        k,
        z.optional(fieldSchema({ name: k, type: f.type, label: f.label, ...(f.unit ? { unit: f.unit } : {}), moreIsBetter: true })),
      ]),
    ),
  );
  return meta(
    z.object({
      catalog: z.literal(catalog.id),
      year: z.number().check(z.int()),
      periods: z.array(z.enum(periods as [string, ...string[]])),
      units: z.array(
        z.object({
          id: z.string().check(z.minLength(1)),
          name: z.string().check(z.minLength(1)),
          ...(catalog.profile ? { profile: z.optional(profile) } : {}),
          data: z.strictObject(Object.fromEntries(periods.map((p, i) => [p, z.optional(periodSchema(p, i === periods.length - 1))]))),
        }),
      ),
    }),
    { title: `${catalog.title} (${catalog.id})`, description: `${catalog.province} · ${catalog.document.number}` },
  );
}

/**
 * Produces a fill-in template for a catalog: every input of every indicator and every profile
 * field, with Vietnamese labels, units and the evidence required.
 * @param catalog The catalog.
 * @param format `csv` (one row per unit × period × field; fill `value`, then `dti score filled.csv`),
 *   `csv-wide` (one row per unit × period, one column `<code>.<field>` per input; labels in `csv`),
 *   `yaml` (a dataset skeleton with comments) or `json-schema` (for a portal's data-entry form).
 * @param options Periods, year and units to prefill.
 * @returns The template text.
 */
export function template(catalog: CompiledCatalog, format: TemplateFormat, options: TemplateOptions = {}): string {
  const csv = (rows: string[][]) => (options.excel ? `\uFEFF${Papa.unparse(rows, { delimiter: ";" })}` : Papa.unparse(rows));
  if (format === "csv") return csv([[...CSV_COLUMNS], ...templateRows(catalog, options).map((r) => CSV_COLUMNS.map((c) => r[c]))]);
  if (format === "csv-wide") return csv(wideTemplate(catalog, options));
  if (format === "json-schema")
    return JSON.stringify(z.toJSONSchema(catalogDatasetSchema(catalog, options), { target: "draft-2020-12" }), null, 2);
  const compiled = catalog;
  const periods = options.periods ?? defaultPeriods(catalog);
  const units = options.units ?? [{ id: "UNIT_ID", name: "Tên đơn vị" }];
  const skeleton = {
    catalog: catalog.id,
    // null unless given: the dataset check asks for it (never the year the template was made).
    year: options.year ?? null,
    periods: [...periods],
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      ...(catalog.profile ? { profile: Object.fromEntries(Object.keys(catalog.profile).map((k) => [k, null])) } : {}),
      data: Object.fromEntries(
        periods.map((p, i) => [
          p,
          Object.fromEntries(
            compiled.leaves
              .filter((n) => isDue(n.cadence, p, i === periods.length - 1) && asked(n).length)
              .map((n) => [n.code, Object.fromEntries(asked(n).map((f) => [f.name, null]))]),
          ),
        ]),
      ),
    })),
  };
  const doc = new Document(skeleton);
  doc.commentBefore = ` Mẫu nhập liệu ${catalog.id}: ${catalog.title} (${catalog.document.number}).\n Điền giá trị thay cho null; "n/a" nếu không áp dụng; bỏ trống = không có số liệu (0 điểm).`;
  const units0 = doc.get("units", true);
  if (!isSeq(units0)) return doc.toString();
  for (const unitNode of units0.items) {
    if (!isMap(unitNode)) continue;
    const profile = unitNode.get("profile", true);
    if (isMap(profile))
      for (const pair of profile.items)
        if (isPair(pair) && isScalar(pair.key)) pair.key.commentBefore = ` ${catalog.profile?.[String(pair.key.value)]?.label ?? ""}`;
    const data = unitNode.get("data", true);
    if (!isMap(data)) continue;
    for (const periodPair of data.items) {
      if (!isPair(periodPair) || !isMap(periodPair.value)) continue;
      for (const pair of periodPair.value.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const node = compiled.nodes.get(String(pair.key.value))!;
        pair.key.commentBefore = ` ${node.code}. ${node.name}${node.source.evidence ? `\n Kiểm chứng: ${node.source.evidence}` : ""}\n ${asked(
          node,
        )
          .map((f) => `${f.name} (${typeText(f)}): ${f.label}`)
          .join("\n ")}`;
      }
    }
  }
  return doc.toString({ lineWidth: 0 });
}
