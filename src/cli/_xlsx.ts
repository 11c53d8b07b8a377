// Excel workbooks in the command line (issue 12): `.xlsx` datasets are loaded (exceljs, async)
// before a command runs, then read like a CSV (synchronously, with the catalog the command
// resolves); `template --format xlsx` and `report --format xlsx` write workbooks to `-o` files.
// exceljs stays out of dist/cli.js (tsup: external): src/io/xlsxLib.ts imports it when first used.
import { existsSync, readFileSync, statSync } from "node:fs";
import type { CompiledCatalog } from "../catalog/compile.js";
import { DtiError, createIssue, type Issue, type IssueWhere, type RejectedUnit } from "../errors.js";
import type { RosterEntry } from "../io/roster.js";
import { loadWorkbook, readLoadedWorkbook, workbookCatalogId, type LoadedWorkbook } from "../io/xlsx.js";
import type { NumberFormat } from "../_values.js";
import { readFile, resolveCatalog } from "./_utils.js";

/** An Excel workbook dataset, by its extension. */
export const XLSX_FILE = /\.xlsx$/i;

/** The workbooks loaded for this run, by path. */
const loaded = new Map<string, LoadedWorkbook>();

/** Loads every existing `.xlsx` file among a command's arguments (the others are read as before). */
export async function preloadWorkbooks(args: readonly unknown[]): Promise<void> {
  loaded.clear();
  for (const a of args.flat()) {
    if (typeof a !== "string" || !XLSX_FILE.test(a) || loaded.has(a) || !existsSync(a) || !statSync(a).isFile()) continue;
    loaded.set(a, await loadWorkbook(readFileSync(a), a));
  }
}

/**
 * Reads a loaded workbook dataset with the given catalog, else the one its `_meta` sheet names.
 * @returns What parseDatasetFile returns for a CSV, and the cells of its places.
 */
export function readWorkbookFile(
  file: string,
  given: CompiledCatalog | undefined,
  options: {
    readonly numberFormat?: NumberFormat | undefined;
    readonly roster?: readonly RosterEntry[] | undefined;
    readonly skipInvalid?: boolean | undefined;
  },
): { raw: unknown; warnings: readonly Issue[]; rejected: readonly RejectedUnit[]; cellOf?: (where: IssueWhere) => string | undefined } {
  const book = loaded.get(file);
  // Not loaded: missing, or a directory; the text reader's coded error names it, as for any dataset.
  if (!book) {
    readFile(file);
    throw new DtiError([createIssue("dataset", "fileNotFound", { file }, { received: file })]);
  }
  const id = workbookCatalogId(book);
  const catalog = given ?? (id !== undefined ? resolveCatalog(id) : undefined);
  if (!catalog) throw new DtiError([createIssue("dataset", "xlsxNotATemplate", { file })]);
  const read = readLoadedWorkbook(book, catalog, { file, ...options });
  return { raw: read.dataset, warnings: read.warnings, rejected: read.rejected ?? [], ...(read.cellOf ? { cellOf: read.cellOf } : {}) };
}
