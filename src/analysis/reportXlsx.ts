// The report as an Excel workbook (`dti report <dataset> --format xlsx -o report.xlsx`, issue 12):
// the ranking, the score of each main indicator and the points lost, the warnings. Built from the
// score result (the data `dti report` shows), not from its HTML.
import type * as ExcelJS from "exceljs";
import { Dec } from "../_decimal.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { withReadings } from "../catalog/readings.js";
import { criteriaInOrder, type RejectedUnit, type ScoreResult, type UnitResult } from "../engine/types.js";
import { formatIssue, type Issue, type Lang } from "../errors.js";
import { xlsxWords } from "../i18n/xlsx.js";
import { exceljs, workbookBytes } from "../io/xlsxLib.js";

const R = xlsxWords.report;

/** Options of {@link reportWorkbook}. */
export interface ReportWorkbookOptions {
  /** Language of the warnings' messages (the sheets' headers are Vietnamese, as the documents). */
  readonly lang?: Lang | undefined;
  /** The units to show, in this order (default: the catalog's units of the result, in rank order). */
  readonly units?: readonly UnitResult[] | undefined;
  /** The warnings to list (default: the result's). */
  readonly warnings?: readonly Issue[] | undefined;
  /** The units left out by `skipInvalid`, each with every problem (default: the result's): a sheet of their own. */
  readonly rejected?: readonly RejectedUnit[] | undefined;
}

/** The number format of points: two decimals, as the text report rounds them. */
export const POINTS_FORMAT = "0.00";

/**
 * A score as a cell: a number when the double holds the exact decimal (`String(Number(s)) === s`,
 * true of every total with up to 15 significant digits), else the exact decimal as text (a
 * rounded number would pass for the score).
 */
function points(cell: ExcelJS.Cell, value: string): void {
  const n = Number(value);
  cell.value = String(n) === value ? n : value;
  cell.numFmt = POINTS_FORMAT;
}

function header(sheet: ExcelJS.Worksheet, titles: readonly string[], widths: readonly number[]): void {
  sheet.getRow(1).values = [...titles];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
  titles.forEach((_, k) => (sheet.getColumn(k + 1).width = widths[k] ?? 12));
  sheet.views = [{ state: "frozen", xSplit: 3, ySplit: 1 }];
}

/**
 * Writes the report workbook of a result: "Xếp hạng" (rank, unit, parent, total and max; for a
 * level catalog the level reached, registered and recognised), "Điểm theo chỉ số" (one column per
 * main indicator), "Điểm bị mất" (max − points per main indicator) or for levels "Tiêu chí" (the
 * level met per criterion), and "Cảnh báo" (every warning with its place). Points are numbers
 * formatted `0.00`.
 * @param result The score result.
 * @param catalog Its catalog (the main indicators' names and maxima).
 * @param options Language of the warnings, units shown, warnings.
 * @returns The .xlsx bytes.
 */
export async function reportWorkbook(
  result: ScoreResult,
  catalog: CompiledCatalog,
  options: ReportWorkbookOptions = {},
): Promise<Uint8Array> {
  // The maxima in force are those of the readings the result was scored with (Vĩnh Phúc xã 4
  // clampToDeclared: 105, not the encoded 130), whichever catalog the caller passes.
  if (result.readings && result.catalog === (catalog.base ?? catalog).id)
    catalog = withReadings(catalog.base ?? catalog, Object.fromEntries(Object.entries(result.readings).map(([code, r]) => [code, r.id])));
  const X = await exceljs();
  const book = new X.Workbook();
  book.creator = "dti-engine";
  const lang = options.lang ?? "vi";
  const units = options.units ?? result.units.filter((u) => u.catalog === catalog.id);
  const ranking = book.addWorksheet(R.ranking);
  const mains = catalog.indicators.map((n) => catalog.nodes.get(n.code)!);

  if (catalog.scoring === "levels") {
    header(
      ranking,
      [R.rank, R.unitId, R.unitName, R.parent, R.level, R.levelName, R.registered, R.recognised],
      [8, 16, 32, 16, 10, 16, 12, 12],
    );
    for (const u of units) {
      if (u.scoring !== "levels") continue;
      ranking.addRow([
        u.rank,
        u.id,
        u.name,
        u.parent ?? "",
        u.level,
        u.levelName,
        u.registered ?? "",
        u.recognised === undefined ? "" : u.recognised ? xlsxWords.yes : xlsxWords.no,
      ]);
    }
    const criteria = book.addWorksheet(R.criteria);
    const first = units.find((u) => u.scoring === "levels");
    const codes = first ? criteriaInOrder(first).map((c) => [c.code, c.name] as const) : [];
    header(criteria, [R.rank, R.unitId, R.unitName, ...codes.map(([c, n]) => `${c}. ${n}`)], [8, 16, 32, ...codes.map(() => 14)]);
    for (const u of units)
      if (u.scoring === "levels") criteria.addRow([u.rank, u.id, u.name, ...codes.map(([c]) => u.criteria[c]?.levelMet ?? "")]);
  } else {
    header(ranking, [R.rank, R.unitId, R.unitName, R.parent, R.total, R.max], [8, 16, 32, 16, 12, 12]);
    const scores = book.addWorksheet(R.byIndicator);
    const lost = book.addWorksheet(R.lost);
    const titles = [R.rank, R.unitId, R.unitName, ...mains.map((n) => `${n.code}. ${n.name} (${n.maxText})`)];
    header(scores, titles, [8, 16, 32, ...mains.map(() => 14)]);
    header(lost, titles, [8, 16, 32, ...mains.map(() => 14)]);
    for (const u of units) {
      if (u.scoring !== "points") continue;
      const row = ranking.addRow([u.rank, u.id, u.name, u.parent ?? ""]);
      points(row.getCell(5), u.total);
      points(row.getCell(6), u.max);
      const s = scores.addRow([u.rank, u.id, u.name]);
      const l = lost.addRow([u.rank, u.id, u.name]);
      mains.forEach((n, k) => {
        const score = u.indicators[n.code]?.score ?? "0";
        points(s.getCell(4 + k), score);
        // Exact: max and score are decimal strings.
        points(l.getCell(4 + k), n.max.minus(new Dec(score)).toFixed());
      });
    }
  }

  const warnings = book.addWorksheet(R.warnings);
  header(warnings, [R.code, R.place, R.message], [24, 40, 100]);
  warnings.views = [{ state: "frozen", ySplit: 1 }];
  const placeOf = (w: Issue) =>
    [
      w.where.file,
      w.where.cell,
      w.where.row !== undefined ? `row ${w.where.row}` : undefined,
      w.where.unit,
      w.where.period,
      w.where.indicator,
      w.where.field,
    ]
      .filter((x) => x !== undefined)
      .join(" · ");
  for (const w of options.warnings ?? result.warnings) warnings.addRow([w.code, placeOf(w), formatIssue(w, lang)]);
  const rejectedUnits = options.rejected ?? result.rejected ?? [];
  if (rejectedUnits.length) {
    const sheet = book.addWorksheet(R.rejected);
    header(sheet, [R.unitId, R.unitName, R.code, R.place, R.message], [16, 32, 24, 40, 100]);
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const r of rejectedUnits) for (const i of r.issues) sheet.addRow([r.id, r.name ?? "", i.code, placeOf(i), formatIssue(i, lang)]);
  }
  return workbookBytes(book);
}
