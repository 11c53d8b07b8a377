import Papa from "papaparse";
import type { CompiledCatalog } from "../catalog/compile.js";
import { DatasetError, createIssue, type Issue } from "../errors.js";
import { isNotApplicable, readNumber, type DatasetInput } from "./dataset.js";
import { PERIOD_ORDER } from "../_periods.js";

type Cell = string | number | boolean;

/**
 * Reads a filled CSV template back into a dataset. Rows with an empty `value` are not reported
 * (missing data); `n/a` in any field of an indicator marks it not applicable. Numbers may use a
 * decimal comma; booleans are true/false (also có/không, yes/no).
 * @param text The CSV text (columns of `template(catalog, "csv")`; extra columns are ignored).
 * @param catalog The catalog the template was made from.
 * @param file File name for error messages.
 * @returns The dataset (validated later by `score`).
 * @throws DatasetError naming the CSV row of every problem.
 */
export function datasetFromCsv(text: string, catalog: CompiledCatalog, file?: string): DatasetInput {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<Record<string, string>>(clean, { header: true, skipEmptyLines: "greedy" });
  const issues: Issue[] = [];
  const where = (row: number, extra: object = {}) => ({ ...(file ? { file } : {}), ...extra, field: `row ${row}` });
  // A row may omit trailing optional columns (label, type…); other structural errors are reported.
  for (const e of parsed.errors.filter((x) => x.code !== "TooFewFields"))
    issues.push(createIssue("dataset", "datasetSchema", where((e.row ?? 0) + 2), { detail: e.message }, ["row", (e.row ?? 0) + 2]));
  const cols = parsed.meta.fields ?? [];
  for (const c of ["unit_id", "period", "code", "field", "value"]) {
    if (!cols.includes(c)) issues.push(createIssue("dataset", "datasetSchema", file ? { file } : {}, { detail: `missing column "${c}"` }));
  }
  if (issues.length) throw new DatasetError(issues);
  const compiled = catalog;
  const units = new Map<
    string,
    { id: string; name: string; profile: Record<string, Cell>; data: Record<string, Record<string, Record<string, Cell> | string>> }
  >();
  const periods = new Set<string>();
  let year: number | undefined;
  parsed.data.forEach((r, i) => {
    const row = i + 2; // header is row 1
    const value = (r["value"] ?? "").trim();
    const unitId = (r["unit_id"] ?? "").trim();
    if (!unitId) {
      if (value) issues.push(createIssue("dataset", "datasetSchema", where(row), { detail: "unit_id is empty" }, ["row", row]));
      return;
    }
    const unit = units.get(unitId) ?? { id: unitId, name: (r["unit_name"] ?? "").trim() || unitId, profile: {}, data: {} };
    units.set(unitId, unit);
    if (r["year"] && year === undefined) year = Number(r["year"]);
    const period = (r["period"] ?? "").trim();
    const code = (r["code"] ?? "").trim();
    const fieldName = (r["field"] ?? "").trim();
    if (period) periods.add(period);
    if (!value) return;
    if (code === "profile") {
      const spec = catalog.profile?.[fieldName];
      unit.profile[fieldName] = spec && spec.type !== "text" ? cellOf(value, spec.type) : value;
      return;
    }
    const node = compiled.nodes.get(code);
    const spec = node?.fieldByName.get(fieldName);
    const byPeriod = (unit.data[period] ??= {});
    if (isNotApplicable(value)) {
      byPeriod[code] = "n/a";
      return;
    }
    const entry = byPeriod[code];
    if (entry === "n/a") return;
    const obj = (byPeriod[code] = entry ?? {}) as Record<string, Cell>;
    obj[fieldName] = spec ? cellOf(value, spec.type) : value;
  });
  if (issues.length) throw new DatasetError(issues);
  const ordered = [...periods].sort((a, b) => PERIOD_ORDER.indexOf(a as never) - PERIOD_ORDER.indexOf(b as never));
  return {
    catalog: catalog.id,
    year: year !== undefined && Number.isInteger(year) ? year : new Date().getFullYear(),
    periods: ordered.length ? ordered : ["Y"],
    units: [...units.values()].map((u) => ({
      id: u.id,
      name: u.name,
      ...(Object.keys(u.profile).length ? { profile: u.profile } : {}),
      data: u.data as never,
    })),
  };
}

function cellOf(value: string, type: string): Cell {
  if (type === "boolean") {
    const v = value.toLowerCase();
    if (["true", "có", "co", "yes", "x", "1"].includes(v)) return true;
    if (["false", "không", "khong", "no", "0"].includes(v)) return false;
    return value; // refused with a clear message by the dataset check
  }
  if (type === "option" || type === "text") return value;
  const n = readNumber(value);
  if (n && String(Number(n.toString())) === n.toString()) return Number(n.toString());
  return n ? n.toString() : value;
}
