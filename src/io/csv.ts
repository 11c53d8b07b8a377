import Papa from "papaparse";
import type { CompiledCatalog } from "../catalog/compile.js";
import { DatasetError, createIssue, type Issue, type IssueCode, type IssueWhere, type RejectedUnit, registerMessages } from "../errors.js";
import { fileMessages } from "../i18n/files.js";
import type { DatasetInput } from "./dataset.js";
import type { RosterEntry } from "./roster.js";
import { notDelimiterGuess } from "./rosterFile.js";
import {
  EXACT_DIGITS,
  isMissingMarker,
  optionKeyOfLabel,
  isNotApplicable,
  readBooleanText,
  readNumberText,
  type NumberFormat,
} from "../_values.js";
import { PERIOD_ORDER } from "../_periods.js";
import { PROFILE_PREFIX, UNIT_CODE, unitFields } from "./template.js";
import type { FieldSpec } from "../formulas/_types.js";

// The messages of the problems raised here (not carried by score() alone).
registerMessages(fileMessages);

// The CSV reader (issue 10, "no silent guesses"): a filled template is read as written or refused
// with its row. Spreadsheets hide what a YAML parser would refuse: a row pasted twice, a column
// duplicated (papaparse would rename it `value_1`), a year left empty, two names for one unit id,
// "1.000" meaning one thousand or one. Each of these is an issue naming the file and the row.

type Cell = string | number | boolean;

/** Options of {@link readCsvDataset}. */
export interface CsvReadOptions {
  /** File name for the messages. */
  readonly file?: string | undefined;
  /** How numbers are written (`vi` 1.234,5; `en` 1,234.5); without it, "1.000" and "1,500" are refused as ambiguous. */
  readonly numberFormat?: NumberFormat | undefined;
  /** The units that should be in the file: becomes the dataset's `roster` (checked when it is scored). */
  readonly roster?: readonly RosterEntry[] | undefined;
  /**
   * Leave out the units whose rows have problems (listed in `rejected` with every problem) instead
   * of refusing the file; problems of the file itself (header, year) still throw.
   */
  readonly skipInvalid?: boolean | undefined;
}

/** A CSV read into a dataset, and what the reader noticed without refusing it. */
export interface CsvReading {
  readonly dataset: DatasetInput;
  /** Accepted but worth a look: missing-value markers (`NA`, `#N/A`…) and empty values, with their rows. */
  readonly warnings: readonly Issue[];
  /**
   * The CSV row a place of the dataset came from (`{ unit, period, indicator, field }`, or a
   * profile field as `profile.<key>`): problems `score` finds later can name the row too.
   */
  readonly rowOf: (where: IssueWhere) => number | undefined;
  /** For a workbook (rowOf gives nothing then): the cell a place of the dataset came from (`Q1!F7`). */
  readonly cellOf?: (where: IssueWhere) => string | undefined;
  /** With `skipInvalid`: the units left out, each with the problems of its rows. */
  readonly rejected?: readonly RejectedUnit[];
}

/** Columns a filled template must have (the template writes them all; label, type, unit, evidence are for people). */
const REQUIRED = ["year", "unit_id", "unit_name", "period", "code", "field", "value"] as const;
/** Columns a wide CSV must have (then `period` unless the catalog is yearly, and one column per input). */
const WIDE_REQUIRED = ["year", "unit_id", "unit_name"] as const;
/** Years a DTI assessment can be for: a year outside them is a typo (2204), not a guess to make. */
const YEARS = { min: 2000, max: 2100 } as const;
/** Rows listed in a warning or a detail before "…": the count is always given. */
const LISTED_ROWS = 10;

const listCsvRows = (rows: readonly number[]): string =>
  `row${rows.length > 1 ? "s" : ""} ${rows.slice(0, LISTED_ROWS).join(", ")}${rows.length > LISTED_ROWS ? `, … (${rows.length} in all)` : ""}`;

/** One value of the file in the long layout's terms: its row, and for a wide file the column it came from. */
interface Rec {
  readonly row: number;
  readonly cells: Readonly<Record<(typeof REQUIRED)[number], string>>;
  /** The wide layout's column (`6.3.2.a`): named by the problems of the code, field and value. */
  readonly column?: string;
  /** A workbook's number cell: its exact decimal (see {@link CellGrid.exact}). */
  readonly exact?: string;
}

/** One value cell read: its row, its text as written, and what the dataset will hold. */
interface ReadCell {
  readonly row: number;
  readonly text: string;
  readonly value: Cell | "n/a";
}

/** The fields of one unit × period × indicator (or of one unit's profile), as read. */
interface Entry {
  readonly unit: string;
  readonly period: string;
  readonly code: string;
  readonly cells: Map<string, ReadCell>;
}

/**
 * Reads a filled CSV template (columns of `template(catalog, "csv")`) into a dataset, refusing
 * with its row every structure that would otherwise be a guess:
 * - a duplicated column, a missing column, a row with more cells than the header;
 * - the year: required in every row, a whole number from 2000 to 2100, one year per file;
 * - one unit_name per unit_id; a period on every indicator row (Q1–Q4, H1, H2, Y);
 * - codes and fields of the catalog (`profile` rows: the catalog's profile fields; `unit` rows:
 *   `registered`, a whole level 1–5 (level catalogs), and `parent`; empty means none);
 * - one row per unit, period, code and field (a repeated row, equal or not, is refused);
 * - numbers read by `readNumberText` in the declared format (without one, "1.000" and "1,500"
 *   are refused as ambiguous), booleans by `readBooleanText`.
 * An empty value, or a missing-value marker (`NA`, `N/A`, `#N/A`, `na`), is not reported (a
 * warning counts and lists the rows); only `n/a` and "không áp dụng" mean not applicable.
 * @param text The CSV text.
 * @param catalog The catalog the template was made from.
 * @param options File name, number format, roster.
 * @returns The dataset (validated against the catalog by `score`) and the reader's warnings.
 * @throws DatasetError naming the file and row of every problem, all at once.
 * @example
 * const { dataset, warnings } = readCsvDataset(readFileSync("filled.csv", "utf8"), getCatalog("dong-nai-2023/so"), { file: "filled.csv", numberFormat: "vi" });
 * const result = score(getCatalog("dong-nai-2023/so"), dataset); // then show warnings with result.warnings
 */
export function readCsvDataset(text: string, catalog: CompiledCatalog, options: CsvReadOptions = {}): CsvReading {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Without papaparse's header mode: it renames a duplicated column (`value_1`) and keeps going.
  // Blank lines are kept so that the row numbers are the file's (the header is row 1).
  const parsed = Papa.parse<string[]>(clean, { header: false });
  const syntax = parsed.errors
    .filter(notDelimiterGuess)
    .map((e) =>
      createIssue(
        "dataset",
        "csvSyntax",
        { ...(options.file !== undefined ? { file: options.file } : {}), row: (e.row ?? 0) + 1 },
        { detail: e.message },
        ["row", (e.row ?? 0) + 1],
      ),
    );
  // A BOM and `;` between cells: the file is what `--excel` writes (or Excel saves in a decimal-comma locale).
  const excelMarked = text.charCodeAt(0) === 0xfeff && parsed.meta.delimiter === ";";
  return readCellGrid({ rows: parsed.data, excelMarked, syntax }, catalog, options);
}

/**
 * A table of cells read from a file (a CSV, or a workbook's period sheets laid side by side): the
 * header row first, every cell as text. The CSV reader's rules apply to it whatever the file was;
 * a workbook adds where each cell is (`Q1!F7`) and the exact decimals of its number cells.
 */
export interface CellGrid {
  /** The rows, the header (one column per key) first; a row is numbered by its index + 1. */
  readonly rows: readonly (readonly string[])[];
  /** The cells are the decimal-comma CSV that `--excel` writes (its commas are read with a warning). */
  readonly excelMarked?: boolean;
  /** Problems found while reading the file itself, reported with the grid's own. */
  readonly syntax?: readonly Issue[];
  /**
   * A number cell's exact decimal (row number, column index): read as that decimal in a number
   * field, never through `--numbers` (a workbook's 1.234 is one point two three four).
   */
  readonly exact?: (row: number, column: number) => string | undefined;
  /** Where a row (and column) is, for the issues: default `{ row }` and the path `["row", row, column]`. */
  readonly place?: (row: number, column?: string) => { readonly where: IssueWhere; readonly path: readonly (string | number)[] };
  /** A row's name in a message's detail: default `row 7`. */
  readonly rowName?: (row: number) => string;
  /** Problems of single cells found by the file's reader (a date, a formula without result), reported with the rest. */
  readonly cellIssues?: readonly Issue[];
  /** The wide layout (one row per unit and period), whatever the header looks like. */
  readonly wide?: boolean;
  /** Option labels are what the file asks for (a workbook's dropdowns): read as their keys without a warning. */
  readonly optionLabels?: boolean;
}

/**
 * {@link readCsvDataset} on cells already split into rows (see {@link CellGrid}): the one reading of
 * values shared by the CSV and the workbook readers.
 * @throws DatasetError naming the place of every problem, all at once.
 */
export function readCellGrid(grid: CellGrid, catalog: CompiledCatalog, options: CsvReadOptions = {}): CsvReading {
  if (!options.skipInvalid) return readStrictly(grid, catalog, options);
  // The rows of a unit with problems are blanked (not removed: the other rows keep their numbers)
  // and the grid read again, until it reads; a problem without a unit refuses the file.
  const rejected = new Map<string, { id: string; name?: string; parent?: string; issues: Issue[] }>();
  let current = grid;
  for (;;) {
    try {
      return { ...readStrictly(current, catalog, options), rejected: [...rejected.values()] };
    } catch (e) {
      if (!(e instanceof DatasetError) || e.issues.some((i) => i.where.unit === undefined)) throw e;
      const out = new Set(e.issues.map((i) => i.where.unit!));
      const rows = current.rows;
      const head = (rows[0] ?? []).map((h) => h.trim());
      const at = head.indexOf("unit_id");
      const nameAt = head.indexOf("unit_name");
      // Its parent as written: the wide layout's `parent` column, or the long layout's unit row.
      const parentAt = head.indexOf("parent");
      const [codeAt, fieldAt, valueAt] = [head.indexOf("code"), head.indexOf("field"), head.indexOf("value")];
      const parentOf = (cells: readonly string[]): string | undefined => {
        const v =
          parentAt >= 0
            ? cells[parentAt]
            : codeAt >= 0 && cells[codeAt]?.trim() === UNIT_CODE && cells[fieldAt]?.trim() === "parent"
              ? cells[valueAt]
              : undefined;
        return v?.trim() || undefined;
      };
      let blanked = 0;
      const kept = rows.map((cells, k) => {
        if (k === 0 || !out.has((cells[at] ?? "").trim())) return cells;
        blanked++;
        const id = (cells[at] ?? "").trim();
        const entry = rejected.get(id) ?? { id, issues: [] };
        const name = (cells[nameAt] ?? "").trim();
        if (entry.name === undefined && name) entry.name = name;
        const parent = parentOf(cells);
        if (entry.parent === undefined && parent !== undefined) entry.parent = parent;
        rejected.set(id, entry);
        return [""];
      });
      for (const issue of e.issues) rejected.get(issue.where.unit!)?.issues.push(issue);
      if (!blanked) throw e;
      current = { ...current, rows: kept };
    }
  }
}

/** {@link readCellGrid} without `skipInvalid`: every problem refuses the file. */
function readStrictly(grid: CellGrid, catalog: CompiledCatalog, options: CsvReadOptions): CsvReading {
  const file = options.file;
  const fileWhere: IssueWhere = file !== undefined ? { file } : {};
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const rowIssue = (
    code: IssueCode,
    row: number,
    where: IssueWhere,
    params: { expected?: string; received?: string; detail?: string },
    column?: string,
  ) => {
    const at = grid.place?.(row, column) ?? { where: { row }, path: column !== undefined ? ["row", row, column] : ["row", row] };
    return createIssue("dataset", code, { ...fileWhere, ...at.where, ...where }, params, at.path);
  };
  const rowName = grid.rowName ?? ((row: number) => `row ${row}`);
  const listRows = (rows: readonly number[]): string =>
    grid.rowName
      ? `${rows.slice(0, LISTED_ROWS).map(rowName).join(", ")}${rows.length > LISTED_ROWS ? `, … (${rows.length} in all)` : ""}`
      : listCsvRows(rows);
  issues.push(...(grid.syntax ?? []));
  const header = (grid.rows[0] ?? []).map((h) => h.trim());
  const columns = new Map<string, number>();
  header.forEach((name, i) => {
    if (!name) return;
    const first = columns.get(name);
    if (first !== undefined)
      issues.push(rowIssue("csvDuplicateColumn", 1, {}, { received: name, detail: `columns ${first + 1} and ${i + 1}` }, name));
    else columns.set(name, i);
  });
  // The wide layout (one row per unit × period, a column per input) has no code/field/value columns.
  const wide = grid.wide ?? (!columns.has("code") && !columns.has("field") && !columns.has("value") && header.some((h) => h.includes(".")));
  const required: readonly string[] = wide ? [...WIDE_REQUIRED, ...(catalog.defaults.cadence === "year" ? [] : ["period"])] : REQUIRED;
  for (const c of required)
    if (!columns.has(c)) issues.push(rowIssue("csvMissingColumn", 1, {}, { received: c, expected: required.join(", ") }));
  if (issues.length) throw new DatasetError(issues);
  const excelMarked = grid.excelMarked ?? false;
  // An unknown column is reported with the problems of the other columns' values (all at once).
  const records: Rec[] = wide ? wideRecords(grid, header, columns, catalog, rowIssue, rowName, issues) : [];
  if (!wide)
    grid.rows.slice(1).forEach((cells, k) => {
      const row = k + 2;
      if (cells.every((c) => c.trim() === "")) return; // a blank line
      // A row may omit trailing columns (label, type…); more cells than columns is a shifted row.
      if (cells.length > header.length)
        issues.push(rowIssue("csvRowShape", row, {}, { received: String(cells.length), expected: String(header.length) }));
      const at = (name: string) => (cells[columns.get(name)!] ?? "").trim();
      records.push({ row, cells: Object.fromEntries(REQUIRED.map((c) => [c, at(c)])) as Rec["cells"] });
    });

  const units = new Map<string, { id: string; name: string; nameRow: number; firstRow: number }>();
  const entries = new Map<string, Entry>();
  const periods = new Set<string>();
  const years = new Map<number, number>(); // year → its first row
  const yearless: number[] = [];
  const empty: number[] = [];
  const markers: number[] = [];
  const excelCommas: number[] = [];
  const labelled: Issue[] = [];
  const format = options.numberFormat;
  // A wide row gives many values: its year and name are checked once.
  const checked = new Set<number>();

  for (const rec of records) {
    const { row, cells } = rec;
    const col = (name: (typeof REQUIRED)[number]) => cells[name];
    // The column a problem of the code, field or value is in: the wide file's own column.
    const at = (name: "code" | "field" | "value") => rec.column ?? name;
    const value = col("value");
    const unitId = col("unit_id");
    if (!unitId) {
      if (value) issues.push(rowIssue("csvMissingUnitId", row, {}, { received: value }, "unit_id"));
      continue;
    }
    const firstOfRow = !checked.has(row);
    checked.add(row);
    // The year: every row carries it (the template writes it on every row); never the current year.
    const yearText = col("year");
    if (firstOfRow && !yearText) yearless.push(row);
    else if ((firstOfRow && !/^\d+$/.test(yearText)) || Number(yearText) < YEARS.min || Number(yearText) > YEARS.max)
      issues.push(rowIssue("csvBadYear", row, {}, { received: yearText, expected: `${YEARS.min} to ${YEARS.max}` }, "year"));
    else if (!years.has(Number(yearText))) years.set(Number(yearText), row);

    // One name per unit id.
    const name = col("unit_name");
    const unit = units.get(unitId) ?? { id: unitId, name: "", nameRow: 0, firstRow: row };
    units.set(unitId, unit);
    if (name && !unit.name) Object.assign(unit, { name, nameRow: row });
    else if (firstOfRow && name && name.normalize("NFC") !== unit.name.normalize("NFC"))
      issues.push(
        rowIssue(
          "csvConflictingUnitName",
          row,
          { unit: unitId },
          { received: name, expected: unit.name, detail: rowName(unit.nameRow) },
          "unit_name",
        ),
      );

    const code = col("code");
    const field = col("field");
    const periodText = col("period");
    const profile = code === "profile";
    // A unit row (code "unit"): the unit's registered level or its parent, no period.
    const unitRow = code === UNIT_CODE;
    const perUnit = profile || unitRow;
    const where: IssueWhere = perUnit ? { unit: unitId, field } : { unit: unitId, period: periodText, indicator: code, field };

    // The code and field: the catalog's, checked on every row (an empty row of an unknown code is still a wrong template).
    let type: string | undefined;
    let choices: Pick<FieldSpec, "options" | "optionLabels"> | undefined;
    if (profile) {
      const spec = catalog.profile?.[field];
      if (!spec) {
        issues.push(
          rowIssue(
            "unknownProfileField",
            row,
            where,
            { received: field, expected: Object.keys(catalog.profile ?? {}).join(", ") || "none" },
            at("field"),
          ),
        );
        continue;
      }
      type = spec.type;
    } else if (unitRow) {
      const fields = unitFields(catalog);
      if (!fields.includes(field)) {
        issues.push(rowIssue("csvUnknownUnitField", row, where, { received: field, expected: fields.join(", ") }, at("field")));
        continue;
      }
      type = "text";
    } else {
      if (!periodText) {
        if (value) issues.push(rowIssue("csvMissingPeriod", row, where, {}, "period"));
        continue;
      }
      if (!(PERIOD_ORDER as readonly string[]).includes(periodText)) {
        issues.push(rowIssue("unknownPeriod", row, where, { received: periodText, expected: PERIOD_ORDER.join(", ") }, "period"));
        continue;
      }
      periods.add(periodText);
      const node = catalog.nodes.get(code);
      if (!node) {
        issues.push(rowIssue("unknownIndicator", row, where, { received: code }, at("code")));
        continue;
      }
      if (node.children.length) {
        issues.push(rowIssue("notALeaf", row, where, { received: code, detail: node.children.join(", ") }, at("code")));
        continue;
      }
      const spec = node.fieldByName.get(field);
      if (!spec) {
        issues.push(
          rowIssue("unknownField", row, where, { received: field, expected: node.asked.map((f) => f.name).join(", ") }, at("field")),
        );
        continue;
      }
      if (spec.from !== undefined) {
        issues.push(rowIssue("fromField", row, where, { detail: spec.from }, at("field")));
        continue;
      }
      type = spec.type;
      choices = spec;
    }

    // The value: missing, not applicable, or read in the field's type.
    let read: Cell | "n/a" | undefined;
    // An empty registered level or parent is none (not an unreported value): no warning.
    if (!value) {
      if (!unitRow) empty.push(row);
    } else if (isMissingMarker(value)) markers.push(row);
    else if (unitRow && field === "registered") {
      // Strictly a whole level 1–5, as the YAML dataset's `registered` (never "4.0", "mức 4" or n/a).
      if (!/^[1-5]$/.test(value)) {
        issues.push(rowIssue("badRegistered", row, where, { received: value }, at("value")));
        continue;
      }
      read = Number(value);
    } else if (isNotApplicable(value) && !perUnit) read = "n/a";
    else {
      read = readCell(value, type, choices, format, excelMarked, rec.exact, (code, params) => {
        const issue = rowIssue(code, row, where, params, at("value"));
        if (code === "optionByLabel") {
          if (!grid.optionLabels) labelled.push(issue);
        } else if (code === "csvExcelDecimalComma") excelCommas.push(row);
        else issues.push(issue);
      });
      if (read === undefined) continue;
    }

    // One row per unit, period, code and field, whatever its value.
    const key = JSON.stringify([unitId, perUnit ? "" : periodText, code]);
    const entry = entries.get(key) ?? { unit: unitId, period: perUnit ? "" : periodText, code, cells: new Map<string, ReadCell>() };
    entries.set(key, entry);
    const before = entry.cells.get(field);
    const cell: ReadCell = { row, text: value, value: read ?? "" };
    if (!before) entry.cells.set(field, cell);
    else if (sameValue(before, cell))
      issues.push(rowIssue("csvDuplicateRow", row, where, { received: value, detail: rowName(before.row) }));
    else
      issues.push(
        rowIssue("csvConflictingValues", row, where, { received: value, expected: before.text, detail: rowName(before.row) }, at("value")),
      );
  }

  // A cell's problem counts while its unit is read (with skipInvalid, a rejected unit's rows are blanked).
  issues.push(...(grid.cellIssues ?? []).filter((i) => i.where.unit === undefined || units.has(i.where.unit)));

  // The year, once for the file.
  if (!years.size && !yearless.length && !issues.length) issues.push(rowIssue("csvMissingYear", 1, {}, { detail: "the file has no rows" }));
  if (yearless.length) issues.push(rowIssue("csvMissingYear", yearless[0]!, {}, { detail: `empty year in ${listRows(yearless)}` }, "year"));
  if (years.size > 1) {
    const [, second] = [...years.entries()];
    issues.push(
      rowIssue(
        "csvConflictingYears",
        second![1],
        {},
        { detail: [...years.entries()].map(([y, r]) => `${y} from ${rowName(r)}`).join(", ") },
        "year",
      ),
    );
  }
  for (const u of units.values()) if (!u.name) issues.push(rowIssue("csvMissingUnitName", u.firstRow, { unit: u.id }, {}, "unit_name"));

  // Assemble the units; "n/a" on one field with a value on another of the same indicator is refused.
  const data = new Map<
    string,
    { profile: Record<string, Cell>; own: Record<string, Cell>; data: Record<string, Record<string, Record<string, Cell> | "n/a">> }
  >();
  for (const u of units.keys()) data.set(u, { profile: {}, own: {}, data: {} });
  for (const e of entries.values()) {
    const target = data.get(e.unit)!;
    const given = [...e.cells].filter(([, c]) => c.value !== "");
    if (e.code === "profile" || e.code === UNIT_CODE) {
      for (const [f, c] of given) (e.code === "profile" ? target.profile : target.own)[f] = c.value as Cell;
      continue;
    }
    const na = given.find(([, c]) => c.value === "n/a");
    if (na) {
      for (const [f, c] of given)
        if (c.value !== "n/a")
          issues.push(
            rowIssue(
              "csvNotApplicableMixed",
              c.row,
              { unit: e.unit, period: e.period, indicator: e.code, field: f },
              { received: c.text, detail: rowName(na[1].row) },
              "value",
            ),
          );
      (target.data[e.period] ??= {})[e.code] = "n/a";
    } else if (given.length) (target.data[e.period] ??= {})[e.code] = Object.fromEntries(given.map(([f, c]) => [f, c.value as Cell]));
  }
  if (issues.length) throw new DatasetError(issues);

  // Rows read as not reported: one warning per kind, counting them and listing the first (a wide row once).
  for (const [code, rows] of [
    ["csvMissingMarker", [...new Set(markers)]],
    ["csvEmptyValues", [...new Set(empty)]],
    ["csvExcelDecimalComma", [...new Set(excelCommas)]],
  ] as const)
    if (rows.length) warnings.push(rowIssue(code, rows[0]!, {}, { received: String(rows.length), detail: listRows(rows) }, "value"));

  warnings.push(...labelled);

  const ordered = [...periods].sort((a, b) => PERIOD_ORDER.indexOf(a as never) - PERIOD_ORDER.indexOf(b as never));
  const dataset: DatasetInput = {
    catalog: catalog.id,
    year: [...years.keys()][0]!,
    // A file of profile rows only names no period: the catalog's own cadence, as its template writes it.
    periods: ordered.length ? ordered : catalog.defaults.cadence === "year" ? ["Y"] : ["Q1", "Q2", "Q3", "Q4"],
    units: [...units.values()].map((u) => {
      const d = data.get(u.id)!;
      return {
        id: u.id,
        name: u.name,
        ...(d.own["parent"] !== undefined ? { parent: String(d.own["parent"]) } : {}),
        ...(d.own["registered"] !== undefined ? { registered: Number(d.own["registered"]) } : {}),
        ...(Object.keys(d.profile).length ? { profile: d.profile } : {}),
        data: d.data as never,
      };
    }),
    ...(options.roster ? { roster: [...options.roster] } : {}),
  };
  // Rows by place, for the problems score() finds in the values (a count of 2.5, a numerator over its denominator…).
  const rows = new Map<string, number>();
  const placeKey = (unit: string, period: string, indicator: string, field: string) =>
    `${unit}\u0000${period}\u0000${indicator}\u0000${field}`;
  for (const e of entries.values())
    for (const [field, c] of e.cells) {
      if (e.code === UNIT_CODE) continue; // checked here (registered) or named by unit (parent)
      if (e.period === "") rows.set(placeKey(e.unit, "", "", `profile.${field}`), c.row);
      else {
        rows.set(placeKey(e.unit, e.period, e.code, field), c.row);
        if (!rows.has(placeKey(e.unit, e.period, e.code, ""))) rows.set(placeKey(e.unit, e.period, e.code, ""), c.row);
      }
    }
  const rowOf = (w: IssueWhere): number | undefined => {
    if (w.unit === undefined) return undefined;
    const exact = rows.get(placeKey(w.unit, w.period ?? "", w.indicator ?? "", w.field ?? ""));
    return exact ?? (w.indicator !== undefined ? rows.get(placeKey(w.unit, w.period ?? "", w.indicator, "")) : undefined);
  };
  return { dataset, warnings, rowOf };
}

/** Two cells hold the same value (a pasted row): compared as read, so "1,5" and "1.5" are the same. */
function sameValue(a: ReadCell, b: ReadCell): boolean {
  return a.value === b.value || (a.value === "" && b.value === "");
}

/**
 * Reads one value in its field's type; reports and returns undefined when it cannot.
 * Numbers that a JS number holds exactly become numbers; others stay exact decimal text.
 */
function readCell(
  value: string,
  type: string | undefined,
  choices: Pick<FieldSpec, "options" | "optionLabels"> | undefined,
  format: NumberFormat | undefined,
  excelMarked: boolean,
  exact: string | undefined,
  report: (code: IssueCode, params: { expected?: string; received?: string; detail?: string }) => void,
): Cell | undefined {
  if (type === "text" || type === undefined) return value;
  // A workbook's number cell in a number field: its decimal as stored, whatever `--numbers` says.
  if (exact !== undefined && type !== "option" && type !== "boolean") return String(Number(exact)) === exact ? Number(exact) : exact;
  if (type === "option") {
    if (choices?.options?.includes(value)) return value;
    // An option's label (what people see in the document) is read as its key, with a warning.
    const key = optionKeyOfLabel(choices ?? {}, value);
    if (key !== undefined) {
      report("optionByLabel", { received: JSON.stringify(value), expected: key });
      return key;
    }
    report("expectedOption", { received: value, expected: (choices?.options ?? []).join(", ") });
    return undefined;
  }
  if (type === "boolean") {
    const b = readBooleanText(value);
    if (b === undefined) report("expectedBoolean", { received: value });
    return b;
  }
  let r = readNumberText(value, format);
  // "1,500" in a file marked as Excel's (BOM and `;`, no --numbers): the decimal comma `--excel`
  // writes (it never writes thousands groups), said in a warning; "1.000" stays ambiguous.
  if (!format && excelMarked && "problem" in r && r.problem === "ambiguousNumber" && value.includes(",")) {
    r = readNumberText(value, "vi");
    report("csvExcelDecimalComma", {});
  }
  if ("value" in r) {
    const s = r.value.toFixed();
    return String(Number(s)) === s ? Number(s) : s;
  }
  switch (r.problem) {
    case "ambiguousNumber": {
      const vi = readNumberText(value, "vi");
      const en = readNumberText(value, "en");
      const as = (x: typeof vi) => ("value" in x ? x.value.toFixed() : "?");
      report("csvAmbiguousNumber", { received: value, detail: `${as(vi)} in the vi format, ${as(en)} in the en format` });
      break;
    }
    case "numberFormatMismatch":
      report("csvNumberFormatMismatch", {
        received: value,
        expected: format ?? "",
        detail: `it reads as the ${format === "vi" ? "en" : "vi"} format`,
      });
      break;
    case "inexactNumber":
      report("csvInexactNumber", { received: value, expected: String(EXACT_DIGITS) });
      break;
    default:
      report("csvNotANumber", { received: value });
  }
  return undefined;
}

/**
 * Reads a filled CSV template into a dataset (see {@link readCsvDataset}), without its warnings
 * (the missing-value markers and empty values it counted): use `readCsvDataset` to show them.
 * @param text The CSV text.
 * @param catalog The catalog the template was made from.
 * @param options File name (a string, as before) or the reader's options.
 * @returns The dataset (validated later by `score`).
 * @throws DatasetError naming the file and row of every problem.
 */
export function datasetFromCsv(text: string, catalog: CompiledCatalog, options?: string | CsvReadOptions): DatasetInput {
  return readCsvDataset(text, catalog, typeof options === "string" ? { file: options } : options).dataset;
}

type RowIssue = (
  code: IssueCode,
  row: number,
  where: IssueWhere,
  params: { expected?: string; received?: string; detail?: string },
  column?: string,
) => Issue;

/**
 * The wide layout read into the long layout's terms: one record per unit × period × input, naming
 * its row and column. The header is checked first (every column an input of the catalog), then one
 * row per unit and period. A unit's own fields (profile, registered, parent) may be given on any of
 * its rows; the same value repeated is one value, two values are a conflict (refused as in the long form).
 */
function wideRecords(
  grid: CellGrid,
  header: readonly string[],
  columns: ReadonlyMap<string, number>,
  catalog: CompiledCatalog,
  rowIssue: RowIssue,
  rowName: (row: number) => string,
  issues: Issue[],
): Rec[] {
  const data = grid.rows;
  const base = new Set(["year", "unit_id", "unit_name", "period"]);
  const inputs: { column: string; index: number; code: string; field: string; perUnit: boolean }[] = [];
  for (const [column, index] of columns) {
    if (base.has(column)) continue;
    let code: string;
    let field: string;
    let known: boolean;
    if (unitFields(catalog).includes(column)) [code, field, known] = [UNIT_CODE, column, true];
    else if (column.startsWith(PROFILE_PREFIX)) {
      [code, field] = ["profile", column.slice(PROFILE_PREFIX.length)];
      known = Object.hasOwn(catalog.profile ?? {}, field);
    } else {
      const dot = column.lastIndexOf(".");
      [code, field] = dot > 0 ? [column.slice(0, dot), column.slice(dot + 1)] : [column, ""];
      const node = catalog.nodes.get(code);
      known = !!node && !node.children.length && node.asked.some((f) => f.name === field && f.from === undefined);
    }
    if (!known) {
      const node = catalog.nodes.get(code);
      const expected =
        code === "profile"
          ? Object.keys(catalog.profile ?? {})
              .map((k) => `${PROFILE_PREFIX}${k}`)
              .join(", ")
          : node && !node.children.length
            ? node.asked
                .filter((f) => f.from === undefined)
                .map((f) => `${code}.${f.name}`)
                .join(", ")
            : "";
      issues.push(rowIssue("csvUnknownColumn", 1, {}, { received: column, expected, detail: catalog.id }, column));
      continue;
    }
    inputs.push({ column, index, code, field, perUnit: code === "profile" || code === UNIT_CODE });
  }
  const cell = (cells: readonly string[], name: string) => {
    const i = columns.get(name);
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
  const records: Rec[] = [];
  const seen = new Map<string, number>(); // unit × period → its row
  // A unit's own fields: the distinct values given on its rows (or one empty cell).
  const own = new Map<string, { rec: Rec; text: string }[]>();
  data.slice(1).forEach((cells, k) => {
    const row = k + 2;
    if (cells.every((c) => c.trim() === "")) return;
    if (cells.length > header.length)
      issues.push(rowIssue("csvRowShape", row, {}, { received: String(cells.length), expected: String(header.length) }));
    const unitId = cell(cells, "unit_id");
    const period = columns.has("period") ? cell(cells, "period") : "Y";
    if (!unitId) {
      const given = inputs.find((i) => cell(cells, i.column));
      if (given) issues.push(rowIssue("csvMissingUnitId", row, {}, { received: cell(cells, given.column) }, "unit_id"));
      return;
    }
    const key = JSON.stringify([unitId, period]);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(rowIssue("csvDuplicateUnitRow", row, { unit: unitId, period }, { received: unitId, detail: rowName(first) }, "unit_id"));
      return;
    }
    seen.set(key, row);
    const head = { year: cell(cells, "year"), unit_id: unitId, unit_name: cell(cells, "unit_name") };
    for (const input of inputs) {
      const value = cell(cells, input.column);
      const exact = grid.exact?.(row, input.index);
      const rec: Rec = {
        row,
        column: input.column,
        cells: { ...head, period: input.perUnit ? "" : period, code: input.code, field: input.field, value },
        ...(exact !== undefined ? { exact } : {}),
      };
      if (!input.perUnit) {
        records.push(rec);
        continue;
      }
      const ownKey = JSON.stringify([unitId, input.column]);
      const list = own.get(ownKey) ?? [];
      own.set(ownKey, list);
      if (!list.length || (value && !list.some((v) => v.text === value.normalize("NFC")))) {
        // An empty first cell gives way to the first value given.
        if (list.length === 1 && list[0]!.text === "") list.pop();
        list.push({ rec, text: value.normalize("NFC") });
      }
    }
  });
  for (const list of own.values()) for (const { rec } of list) records.push(rec);
  return records;
}
