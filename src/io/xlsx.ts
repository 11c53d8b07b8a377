// Excel workbooks in (issue 12): the fill-in template (`dti template <catalog> --format xlsx`) and
// its reader. The layout is the wide CSV's (docs/excel.md): one sheet per period, one row per unit,
// one column per input keyed `<code>.<field>` in row 3. The reader turns the period sheets into the
// wide CSV's cell grid and hands it to the CSV reader (readCellGrid): one reading of values for
// both files. What a workbook adds is read here: cell types (a number cell is its stored number, a
// date or a formula without a saved result is refused), percentage formats, and A1-style places.
import type * as ExcelJS from "exceljs";
import { Dec } from "../_decimal.js";
import { PERIOD_ORDER, isDue } from "../_periods.js";
import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import { DatasetError, createIssue, registerMessages, type Issue, type IssueCode, type IssueWhere } from "../errors.js";
import type { FieldSpec } from "../formulas/_types.js";
import { fileMessages } from "../i18n/files.js";
import { xlsxMessages, xlsxWords as W } from "../i18n/xlsx.js";
import { readCellGrid, type CsvReadOptions, type CsvReading } from "./csv.js";
import { PROFILE_PREFIX, templateUnitFields } from "./template.js";
import { asArrayBuffer, columnLetter, exceljs, sheetRef, workbookBytes } from "./xlsxLib.js";

registerMessages(fileMessages);
registerMessages(xlsxMessages);

/** The layout version a template writes in its `_meta` sheet; the reader refuses another. */
export const XLSX_FORMAT_VERSION = 1;
/** The hidden sheet of what the reader needs: catalog id, layout version, periods. */
export const META_SHEET = "_meta";
/** The hidden sheet of the option lists the dropdowns point to. */
const LISTS_SHEET = "_lists";
/** Row 1: indicator code and name; row 2: field label; row 3: field key (the row the reader trusts). */
const KEY_ROW = 3;
const FIRST_DATA_ROW = 4;
/** The year, on the "Hướng dẫn" sheet (filled by --year, else by the assessor). */
const YEAR_CELL = { row: 2, col: 2 } as const;
/** Empty rows a template without a roster offers (unit id and name fillable). */
const BLANK_ROWS = 100;

/** Options of {@link xlsxTemplate}. */
export interface XlsxTemplateOptions {
  /** Periods to ask for, one sheet each; default Q1–Q4, or Y for catalogs evaluated yearly. */
  readonly periods?: readonly string[] | undefined;
  /** The assessment year; without it the year cell is left for the assessor (never guessed). */
  readonly year?: number | undefined;
  /** Units to prefill (one row each, id and name locked); without them, 100 empty rows to fill. */
  readonly units?: readonly { readonly id: string; readonly name: string }[] | undefined;
}

/** Options of {@link readXlsxDataset}: the CSV reader's (file name for the messages, `--numbers` for text cells, roster, skipInvalid). */
export type XlsxReadOptions = CsvReadOptions;

function defaultPeriods(catalog: CompiledCatalog): string[] {
  return catalog.defaults.cadence === "year" ? ["Y"] : ["Q1", "Q2", "Q3", "Q4"];
}

/** One column of a period sheet: its key (row 3), its labels (rows 1–2) and the field it holds. */
interface Column {
  readonly key: string;
  readonly group: string;
  readonly label: string;
  /** The field's type (`text` for ids, names and parents; `level` for a registered level). */
  readonly type: FieldSpec["type"] | "level";
  readonly field?: Pick<FieldSpec, "options" | "optionLabels">;
  /** Where the field's options are listed on the `_lists` sheet. */
  list?: string;
}

function fieldLabel(f: { readonly label: string; readonly unit?: string | undefined }): string {
  return f.unit ? `${f.label} (${f.unit})` : f.label;
}

/** The columns of the sheet of `period` (the unit's own fields on the first sheet only). */
function sheetColumns(catalog: CompiledCatalog, period: string, first: boolean, last: boolean): Column[] {
  const columns: Column[] = [
    { key: "unit_id", group: W.unitGroup, label: W.unitId, type: "text" },
    { key: "unit_name", group: W.unitGroup, label: W.unitName, type: "text" },
  ];
  if (first) {
    for (const f of templateUnitFields(catalog))
      columns.push({
        key: f,
        group: W.ownGroup,
        label: f === "registered" ? W.registered : W.parent,
        type: f === "registered" ? "level" : "text",
      });
    for (const [k, f] of Object.entries(catalog.profile ?? {}))
      columns.push({ key: `${PROFILE_PREFIX}${k}`, group: W.ownGroup, label: fieldLabel(f), type: f.type });
  }
  for (const node of catalog.leaves) {
    if (!isDue(node.cadence, period, last)) continue;
    for (const f of node.asked)
      if (f.from === undefined)
        columns.push({ key: `${node.code}.${f.name}`, group: `${node.code}. ${node.name}`, label: fieldLabel(f), type: f.type, field: f });
  }
  return columns;
}

/** The dropdown (or number rule) of a field's cells; warnings, not stops, so that `n/a` can be typed. */
function validation(c: Column): ExcelJS.DataValidation | undefined {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: "warning" as const };
  switch (c.type) {
    case "boolean":
      return { ...base, type: "list", formulae: [`"${W.yes},${W.no}"`] };
    case "option":
      return c.list ? { ...base, type: "list", formulae: [c.list] } : undefined;
    case "count":
      return { ...base, type: "whole", operator: "greaterThanOrEqual", formulae: [0] };
    case "level":
      return { ...base, type: "whole", operator: "between", formulae: [1, 5] };
    case "share":
      return { ...base, type: "decimal", operator: "between", formulae: [0, 1] };
    case "percent":
      return { ...base, type: "decimal", operator: "between", formulae: [0, 100] };
    case "amount":
    case "number":
      return { ...base, type: "decimal", operator: "greaterThanOrEqual", formulae: [0] };
    default:
      return undefined;
  }
}

/** An option's label as the dropdown shows it (its key when the catalog gives none). */
function optionLabel(f: Pick<FieldSpec, "optionLabels">, key: string): string {
  return f.optionLabels?.[key] ?? key;
}

const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };

/**
 * Writes the fill-in workbook of a catalog: a sheet per period (one row per unit, one column per
 * input, rows 1–3 the header: indicator, field label, field key), a "Hướng dẫn" sheet (the year
 * cell, how to fill, and per indicator its max, method text and evidence), and the hidden `_meta`
 * sheet the reader checks. Headers and unit ids are locked (sheet protection without a password);
 * data cells are unlocked, with dropdowns for Có/Không and options and number rules per type.
 * @param catalog The catalog.
 * @param options Periods, year, units.
 * @returns The .xlsx bytes.
 * @example
 * writeFileSync("mau.xlsx", await xlsxTemplate(getCatalog("vinh-phuc-2022/xa"), { year: 2024, units }));
 */
export async function xlsxTemplate(catalog: CompiledCatalog, options: XlsxTemplateOptions = {}): Promise<Uint8Array> {
  const X = await exceljs();
  const book = new X.Workbook();
  book.creator = "dti-engine";
  const periods = options.periods ?? defaultPeriods(catalog);
  const units = options.units;
  const guide = book.addWorksheet(W.guideSheet);
  const lists = book.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  let listColumn = 0;
  const listOf = new Map<string, string>();

  for (const [i, period] of periods.entries()) {
    const sheet = book.addWorksheet(period, { views: [{ state: "frozen", xSplit: 2, ySplit: KEY_ROW }] });
    const columns = sheetColumns(catalog, period, i === 0, i === periods.length - 1);
    for (const c of columns) {
      if (c.type !== "option" || !c.field) continue;
      const known = listOf.get(c.key);
      if (known) {
        c.list = known;
        continue;
      }
      listColumn++;
      const keys = c.field.options ?? [];
      keys.forEach((k, r) => (lists.getCell(r + 1, listColumn).value = optionLabel(c.field!, k)));
      const letter = columnLetter(listColumn);
      c.list = `${sheetRef(LISTS_SHEET)}!$${letter}$1:$${letter}$${Math.max(keys.length, 1)}`;
      listOf.set(c.key, c.list);
    }
    // Rows 1–3: the group (merged over its columns), the label, the key.
    let start = 1;
    columns.forEach((c, k) => {
      const col = k + 1;
      sheet.getCell(1, col).value = c.group;
      sheet.getCell(2, col).value = c.label;
      sheet.getCell(KEY_ROW, col).value = c.key;
      sheet.getColumn(col).width = col === 2 ? 32 : 16;
      const next = columns[k + 1];
      if (!next || next.group !== c.group) {
        if (col > start) sheet.mergeCells(1, start, 1, col);
        start = col + 1;
      }
    });
    for (const r of [1, 2, KEY_ROW]) {
      const row = sheet.getRow(r);
      row.font = r === KEY_ROW ? { size: 8, color: { argb: "FF7F7F7F" } } : { bold: r === 1 };
      row.alignment = { wrapText: true, vertical: "top" };
      if (r < KEY_ROW) for (let col = 1; col <= columns.length; col++) sheet.getCell(r, col).fill = headerFill;
    }
    sheet.getRow(1).height = 45;
    sheet.getRow(2).height = 60;
    // One row per unit: id and name locked when the roster gives them, every other cell fillable.
    const rows = units ? units.length : BLANK_ROWS;
    for (let k = 0; k < rows; k++) {
      const r = FIRST_DATA_ROW + k;
      const u = units?.[k];
      columns.forEach((c, j) => {
        const cell = sheet.getCell(r, j + 1);
        if (u && (c.key === "unit_id" || c.key === "unit_name")) {
          cell.value = c.key === "unit_id" ? u.id : u.name;
          return;
        }
        cell.protection = { locked: false };
        const v = validation(c);
        if (v) cell.dataValidation = v;
        // A share is a fraction (0.85 = 85 %): shown as a percentage, typed as 85 % or 0.85.
        if (c.type === "share") cell.numFmt = "0.0%";
      });
    }
    await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }

  // The guide: title, the year cell, how to fill, then one row per indicator.
  guide.getCell(1, 1).value = W.guideTitle(catalog.title, catalog.id, `${catalog.document.number}, ${catalog.document.date}`);
  guide.getCell(1, 1).font = { bold: true, size: 13 };
  guide.getCell(YEAR_CELL.row, 1).value = W.year;
  const year = guide.getCell(YEAR_CELL.row, YEAR_CELL.col);
  if (options.year !== undefined) year.value = options.year;
  else {
    year.protection = { locked: false };
    year.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  }
  year.dataValidation = { type: "whole", operator: "between", formulae: [2000, 2100], allowBlank: true, showErrorMessage: true };
  W.instructions.forEach((line, k) => (guide.getCell(4 + k, 1).value = line));
  const tableRow = 5 + W.instructions.length;
  W.indicatorHeaders.forEach((h, k) => {
    const cell = guide.getCell(tableRow, k + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = headerFill;
  });
  [...catalog.nodes.values()].forEach((node: CompiledNode, k) => {
    const row = guide.getRow(tableRow + 1 + k);
    row.values = [
      node.code,
      node.name,
      catalog.scoring === "points" ? node.maxText : "",
      node.source.method ?? "",
      node.source.evidence ?? "",
      node.source.cadenceText ?? node.cadence,
      node.children.length ? "" : node.annualRule,
    ];
    if (node.depth === 0) row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: "top" };
  });
  [10, 50, 10, 70, 50, 14, 14].forEach((w, k) => (guide.getColumn(k + 1).width = w));
  await guide.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const meta = book.addWorksheet(META_SHEET, { state: "veryHidden" });
  const metaRows: [string, string | number][] = [
    ["format", "dti-engine/xlsx"],
    ["formatVersion", XLSX_FORMAT_VERSION],
    ["catalog", catalog.id],
    ["periods", periods.join(",")],
    ["yearCell", `${sheetRef(W.guideSheet)}!${columnLetter(YEAR_CELL.col)}${YEAR_CELL.row}`],
  ];
  metaRows.forEach(([k, v], i) => (meta.getRow(i + 1).values = [k, v]));
  return workbookBytes(book);
}

/** A workbook loaded by exceljs, ready to be read synchronously (the CLI loads first, then reads). */
export interface LoadedWorkbook {
  /** @internal The exceljs workbook. */
  readonly book: ExcelJS.Workbook;
}

/**
 * Loads workbook bytes (exceljs, asynchronously).
 * @throws DatasetError `xlsxUnreadable` naming the file when the bytes are not a workbook.
 */
export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer, file?: string): Promise<LoadedWorkbook> {
  const X = await exceljs();
  const book = new X.Workbook();
  try {
    await book.xlsx.load(asArrayBuffer(bytes));
  } catch (e) {
    throw new DatasetError([
      createIssue("dataset", "xlsxUnreadable", file !== undefined ? { file } : {}, { detail: (e as Error)?.message ?? String(e) }),
    ]);
  }
  return { book };
}

/** The `_meta` sheet's entries (key in column A, value in B). */
function metaOf(book: ExcelJS.Workbook): Map<string, string> | undefined {
  const sheet = book.getWorksheet(META_SHEET);
  if (!sheet) return undefined;
  const meta = new Map<string, string>();
  sheet.eachRow((row) => {
    const k = row.getCell(1).value;
    const v = row.getCell(2).value;
    if (typeof k === "string") meta.set(k, v === null || v === undefined ? "" : String(v));
  });
  return meta;
}

/** The catalog id a workbook was made for (its `_meta` sheet), if it has one. */
export function workbookCatalogId(loaded: LoadedWorkbook): string | undefined {
  return metaOf(loaded.book)?.get("catalog");
}

/** A cell read: its text, and for a number cell its exact decimal; or why it cannot be read. */
type CellRead =
  | { readonly text: string; readonly exact?: string; readonly percent?: boolean; readonly storedAs?: string }
  | { readonly problem: IssueCode; readonly received: string };

/** A number format that shows a percentage (a `%` outside quotes and escapes). */
function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

/**
 * A cell's value as the reader takes it. A number cell's decimal is `String(n)` of the number
 * exceljs parsed from the file's `<v>` text (decimal.js then writes it without an exponent). That
 * is exact: the file holds a binary double, written by Excel as the shortest decimal that reads back
 * to it, and `String(n)` is that same shortest decimal, so a typed 0.1 or 1234.5 (Excel keeps at
 * most 15 typed digits, which a double always round-trips) is read as typed. A formula's result is
 * read to Excel's own precision, 15 significant digits — what the cell shows and what Excel itself
 * compares (`=0.1+0.2=0.3` is TRUE there): the stored 0.30000000000000004 is read 0.3, and
 * `=0.9-0.2` (0.7000000000000001) meets a 70% threshold as the person sees it. Each such cell is
 * named in a warning (`xlsxFormulaRounded`) with the stored number.
 */
function readValue(v: ExcelJS.CellValue, numFmt: string | undefined): CellRead {
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "number") {
    const exact = new Dec(String(v)).toFixed();
    return { text: exact, exact, percent: isPercentFormat(numFmt) };
  }
  if (typeof v === "string") return { text: v };
  if (typeof v === "boolean") return { text: v ? "true" : "false" };
  if (v instanceof Date) return { problem: "xlsxDateCell", received: v.toISOString().slice(0, 10) };
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    const formula = "formula" in v ? v.formula : (v as ExcelJS.CellSharedFormulaValue).sharedFormula;
    if (result === undefined || result === null) return { problem: "xlsxFormulaNoResult", received: `=${formula}` };
    const read = readValue(result as ExcelJS.CellValue, numFmt);
    if (!("exact" in read) || read.exact === undefined) return read;
    const shown = new Dec(read.exact).toSignificantDigits(15).toFixed();
    return shown === read.exact ? read : { ...read, text: shown, exact: shown, storedAs: read.exact };
  }
  if ("richText" in v) return { text: v.richText.map((r) => r.text).join("") };
  if ("error" in v) return { text: String(v.error) };
  // A link's text is the cell's value: a string, a number or rich text, read as any other cell.
  if ("hyperlink" in v) return readValue((v as { text?: ExcelJS.CellValue }).text ?? null, numFmt);
  return { text: "" };
}

/** A cell's value, ignoring the cells a merge covers (their value is the merge's first cell's). */
function cellRead(cell: ExcelJS.Cell): CellRead {
  if (cell.isMerged && cell.master.address !== cell.address) return { text: "" };
  return readValue(cell.value, cell.numFmt);
}

/** The field type of a key of the wide layout (`6.3.2.a`, `profile.x`, `registered`), if it is one. */
function keyType(catalog: CompiledCatalog, key: string): string | undefined {
  if (key === "unit_id" || key === "unit_name" || key === "parent") return "text";
  if (key === "registered") return "level";
  if (key.startsWith(PROFILE_PREFIX)) return catalog.profile?.[key.slice(PROFILE_PREFIX.length)]?.type;
  const dot = key.lastIndexOf(".");
  return dot > 0 ? catalog.nodes.get(key.slice(0, dot))?.fieldByName.get(key.slice(dot + 1))?.type : undefined;
}

/** The place of a key (indicator and field, or the profile field) in an issue. */
function keyWhere(key: string): IssueWhere {
  if (key === "unit_id" || key === "unit_name") return {};
  if (key.startsWith(PROFILE_PREFIX) || key === "registered" || key === "parent") return { field: key };
  const dot = key.lastIndexOf(".");
  return dot > 0 ? { indicator: key.slice(0, dot), field: key.slice(dot + 1) } : { field: key };
}

/**
 * Reads a filled workbook made by {@link xlsxTemplate} into a dataset, with the CSV reader's rules
 * (same keys, same value rules, every problem at once) and places named `Sheet!Cell`:
 * - the `_meta` sheet must name this catalog and layout version; every period it lists has its
 *   sheet; another sheet holding values is refused (its values would be lost);
 * - row 3 of each period sheet holds the keys (`unit_id`, `unit_name`, `<code>.<field>`…); a key
 *   twice, a value under no key, an unknown key are refused;
 * - a number cell is its stored number, exactly (never read through `--numbers`); a text cell is
 *   read as a CSV cell (`--numbers` for "12,5"); a formula's saved result is its value (none:
 *   refused); a date is refused; rich text is its text; a cell a merge covers is ignored;
 * - a percentage-formatted number means what it shows: in a `share` field (a fraction) 85 % is
 *   0.85, in a `percent` field (0–100) it is 85; in any other number field it is refused;
 * - option labels (the dropdowns) are read as their keys without a warning.
 * @param bytes The .xlsx bytes.
 * @param catalog The catalog the template was made from.
 * @param options File name for the messages, `numberFormat` for numbers typed as text, roster, skipInvalid.
 * @returns The dataset and the reader's warnings, as `readCsvDataset` (dti-engine) gives them.
 * @throws DatasetError naming the file and cell of every problem.
 */
export async function readXlsxDataset(
  bytes: Uint8Array | ArrayBuffer,
  catalog: CompiledCatalog,
  options: XlsxReadOptions = {},
): Promise<CsvReading> {
  return readLoadedWorkbook(await loadWorkbook(bytes, options.file), catalog, options);
}

/** {@link readXlsxDataset} on a workbook already loaded (synchronous). */
export function readLoadedWorkbook(loaded: LoadedWorkbook, catalog: CompiledCatalog, options: XlsxReadOptions = {}): CsvReading {
  const { book } = loaded;
  const fileWhere: IssueWhere = options.file !== undefined ? { file: options.file } : {};
  const issues: Issue[] = [];
  const at = (cell: string, code: IssueCode, where: IssueWhere, params: { expected?: string; received?: string; detail?: string }) =>
    createIssue("dataset", code, { ...fileWhere, cell, ...where }, params, ["cell", cell]);

  const meta = metaOf(book);
  if (!meta) throw new DatasetError([createIssue("dataset", "xlsxNotATemplate", fileWhere)]);
  const metaCell = (row: number) => `${META_SHEET}!B${row}`;
  if (meta.get("catalog") !== catalog.id)
    throw new DatasetError([at(metaCell(3), "xlsxOtherCatalog", {}, { received: meta.get("catalog") ?? "", expected: catalog.id })]);
  if (meta.get("formatVersion") !== String(XLSX_FORMAT_VERSION))
    throw new DatasetError([
      at(metaCell(2), "xlsxFormatVersion", {}, { received: meta.get("formatVersion") ?? "", expected: String(XLSX_FORMAT_VERSION) }),
    ]);

  // The period sheets, in period order; other sheets with values are refused.
  const periodSheets = book.worksheets
    .filter((s) => (PERIOD_ORDER as readonly string[]).includes(s.name))
    .sort((a, b) => PERIOD_ORDER.indexOf(a.name as never) - PERIOD_ORDER.indexOf(b.name as never));
  const listed = (meta.get("periods") ?? "").split(",").filter(Boolean);
  for (const p of listed)
    if (!periodSheets.some((s) => s.name === p))
      issues.push(at(metaCell(4), "xlsxMissingSheet", { period: p }, { received: p, expected: listed.join(", ") }));
  for (const s of book.worksheets) {
    if ((PERIOD_ORDER as readonly string[]).includes(s.name) || [W.guideSheet, META_SHEET, LISTS_SHEET].includes(s.name)) continue;
    let first: string | undefined;
    s.eachRow((row) =>
      row.eachCell((cell) => {
        const r = cellRead(cell);
        if (first === undefined && !("text" in r && !r.text.trim())) first = cell.address;
      }),
    );
    if (first !== undefined)
      issues.push(at(`${sheetRef(s.name)}!${first}`, "xlsxUnknownSheet", {}, { received: s.name, expected: PERIOD_ORDER.join(", ") }));
  }

  // The year cell (on the guide sheet).
  const yearRef = `${sheetRef(W.guideSheet)}!${columnLetter(YEAR_CELL.col)}${YEAR_CELL.row}`;
  const guide = book.getWorksheet(W.guideSheet);
  let yearText = "";
  if (guide) {
    const r = cellRead(guide.getCell(YEAR_CELL.row, YEAR_CELL.col));
    if ("problem" in r) issues.push(at(yearRef, r.problem, {}, { received: r.received }));
    else yearText = r.text.trim();
  }

  // The keys of each sheet (row 3): the grid's columns are their union, in order of first appearance.
  const header = ["year", "unit_id", "unit_name", "period"];
  const firstKeyCell = new Map<string, string>();
  const sheetKeys = periodSheets.map((sheet) => {
    const keys = new Map<string, number>(); // key → column
    const width = sheet.columnCount;
    for (let col = 1; col <= width; col++) {
      const r = cellRead(sheet.getCell(KEY_ROW, col));
      const ref = `${sheetRef(sheet.name)}!${columnLetter(col)}${KEY_ROW}`;
      if ("problem" in r) {
        issues.push(at(ref, r.problem, {}, { received: r.received }));
        continue;
      }
      const key = r.text.trim();
      if (!key) continue;
      const before = keys.get(key);
      if (before !== undefined) {
        issues.push(at(ref, "xlsxDuplicateKey", {}, { received: key, detail: `${columnLetter(before)}${KEY_ROW}` }));
        continue;
      }
      // `year` and `period` are the grid's own: in a sheet, they are not keys of the layout.
      keys.set(key === "year" || key === "period" ? `${key} ` : key, col);
      if (!firstKeyCell.has(key)) firstKeyCell.set(key, ref);
      if (!header.includes(key)) header.push(key);
    }
    for (const required of ["unit_id", "unit_name"])
      if (!keys.has(required))
        issues.push(at(`${sheetRef(sheet.name)}!A${KEY_ROW}`, "xlsxMissingKey", { period: sheet.name }, { received: required }));
    return { sheet, keys, width };
  });
  if (issues.length) throw new DatasetError(issues);

  // The grid: one row per sheet row below the header, the sheet's name as its period.
  const rows: string[][] = [header];
  const origin: { sheet: string; row: number; keys: Map<string, number> }[] = [
    { sheet: periodSheets[0]?.name ?? "", row: KEY_ROW, keys: new Map() },
  ];
  const exact = new Map<string, string>();
  const cellIssues: Issue[] = [];
  const cellWarnings: Issue[] = [];
  const index = new Map(header.map((h, i) => [h, i]));
  for (const { sheet, keys, width } of sheetKeys) {
    const keyOf = new Map([...keys].map(([k, c]) => [c, k]));
    for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
      const gridRow = rows.length + 1;
      const cells = header.map(() => "");
      cells[0] = yearText;
      cells[3] = sheet.name;
      const unitCell = keys.get("unit_id");
      const unitRead = unitCell !== undefined ? cellRead(sheet.getCell(r, unitCell)) : { text: "" };
      const unit = "text" in unitRead ? unitRead.text.trim() : "";
      for (let col = 1; col <= width; col++) {
        const cell = sheet.getCell(r, col);
        const read = cellRead(cell);
        const ref = `${sheetRef(sheet.name)}!${cell.address}`;
        const key = keyOf.get(col);
        const where: IssueWhere = { ...(unit ? { unit } : {}), ...(key ? { period: sheet.name, ...keyWhere(key) } : {}) };
        if ("problem" in read) {
          cellIssues.push(at(ref, read.problem, where, { received: read.received }));
          continue;
        }
        if (key === undefined) {
          if (read.text.trim()) cellIssues.push(at(ref, "xlsxNoKey", where, { received: read.text }));
          continue;
        }
        if (read.storedAs !== undefined)
          cellWarnings.push(at(ref, "xlsxFormulaRounded", where, { received: read.storedAs, expected: read.text }));
        let value = read;
        if (read.percent && read.exact !== undefined) {
          // What a percentage cell shows: a share (fraction) is the stored number, a percent its hundredfold.
          const type = keyType(catalog, key);
          if (type === "percent")
            value = { text: new Dec(read.exact).times(100).toFixed(), exact: new Dec(read.exact).times(100).toFixed() };
          else if (type !== "share") {
            cellIssues.push(
              at(ref, "xlsxPercentCell", where, { received: `${new Dec(read.exact).times(100).toFixed()}%`, expected: type ?? "?" }),
            );
            continue;
          }
        }
        const i = index.get(key);
        if (i === undefined) continue; // `year ` / `period `: refused below as unknown columns
        cells[i] = value.text;
        if (value.exact !== undefined) exact.set(`${gridRow}:${i}`, value.exact);
      }
      rows.push(cells);
      origin.push({ sheet: sheet.name, row: r, keys });
    }
  }
  // `year` or `period` typed as a key in row 3: not a column of the layout.
  for (const [key, ref] of firstKeyCell)
    if (key === "year" || key === "period") cellIssues.push(at(ref, "csvUnknownColumn", {}, { received: key, detail: catalog.id }));

  const refOf = (row: number, column?: string): string => {
    const o = origin[row - 1];
    if (!o || row === 1) return (column !== undefined && firstKeyCell.get(column)) || `${sheetRef(o?.sheet ?? "")}!A${KEY_ROW}`;
    if (column === "year") return yearRef;
    const col = column !== undefined ? o.keys.get(column) : undefined;
    return `${sheetRef(o.sheet)}!${columnLetter(col ?? 1)}${o.row}`;
  };
  const reading = readCellGrid(
    {
      rows,
      exact: (row, column) => exact.get(`${row}:${column}`),
      place: (row, column) => {
        const cell = refOf(row, column);
        return { where: { cell }, path: ["cell", cell] };
      },
      rowName: (row) => refOf(row),
      cellIssues,
      optionLabels: true,
      wide: true,
    },
    catalog,
    options,
  );
  // The grid's rows are not the file's: places are cells.
  const cellOf = (w: IssueWhere): string | undefined => {
    const row = reading.rowOf(w);
    if (row === undefined) return undefined;
    const key =
      w.field === undefined
        ? undefined
        : w.field.startsWith(PROFILE_PREFIX) || w.indicator === undefined
          ? w.field
          : `${w.indicator}.${w.field}`;
    return refOf(row, key);
  };
  return { ...reading, warnings: [...cellWarnings, ...reading.warnings], rowOf: () => undefined, cellOf };
}
