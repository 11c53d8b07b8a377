/**
 * `dti-engine/xlsx`: Excel workbooks in and out (issue 12). The fill-in template of a catalog, its
 * reader (the wide CSV's rules, places named `Sheet!Cell`) and the report workbook. A separate entry
 * so that the core carries no exceljs; exceljs itself is loaded when a workbook is first read or
 * written. Layout and rules: docs/excel.md.
 * @packageDocumentation
 */
export { XLSX_FORMAT_VERSION, readXlsxDataset, xlsxTemplate, type XlsxReadOptions, type XlsxTemplateOptions } from "./io/xlsx.js";
export { POINTS_FORMAT, reportWorkbook, type ReportWorkbookOptions } from "./analysis/reportXlsx.js";
export type { CsvReading } from "./io/csv.js";
