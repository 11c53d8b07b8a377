import Papa from "papaparse";

// CSV for a Vietnamese-locale Excel (issue 12): Excel there takes `,` as the decimal mark, so it
// splits cells on `;`, and it reads a CSV as UTF-8 only after a byte-order mark. `--excel` writes
// that form; the CSV reader reads it back (src/io/csv.ts: a BOM and `;` mark such a file).

/** Columns of the written CSVs that hold text even when it looks like a decimal (codes such as `6.3`). */
const TEXT_COLUMNS = new Set([
  "catalog",
  "unit_id",
  "unit_name",
  "parent",
  "code",
  "name",
  "period",
  "status",
  "field",
  "value",
  "label",
  "type",
  "unit",
  "evidence",
  "year",
]);

/** A plain decimal as `dti` writes numbers (no thousands groups, no exponent). */
const DECIMAL = /^-?\d+\.\d+$/;

/**
 * Rewrites a CSV written by `dti` (comma-separated, "." decimals) for a Vietnamese-locale Excel:
 * a UTF-8 BOM, `;` between cells, and a decimal comma in the number columns (never thousands groups).
 * @param csv A CSV with a header row.
 * @returns The same table in Excel's form.
 */
export function excelCsv(csv: string): string {
  const rows = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data;
  const head = rows[0] ?? [];
  const out = rows.map((cells, k) =>
    k === 0 ? cells : cells.map((c, i) => (TEXT_COLUMNS.has(head[i] ?? "") || !DECIMAL.test(c) ? c : c.replace(".", ","))),
  );
  return `\uFEFF${Papa.unparse(out, { delimiter: ";" })}`;
}
