// No silent guesses (issue 10): the hostile-input suite. Every test/hostile/*.yaml file is a list
// of cases, each an input a new user could write (a dataset, a CSV, a catalog, a command line) and
// the coded issue it must produce: refused with its place, or accepted with a warning naming it.
// One runner for all of them, jsonata style; the format is documented in docs/hostile-cases.md.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "../src/cli/main.js";
import { DtiError, getCatalog, lintCatalog, loadCatalog, loadDataset, score, type Issue } from "../src/index.js";
import * as api from "../src/index.js";
import ExcelJS from "exceljs";
import { readXlsxDataset, xlsxTemplate } from "../src/xlsx.js";

/** A partial issue: every given key must match (where/path by subset). */
type IssuePattern = Partial<Pick<Issue, "code" | "kind" | "expected" | "received" | "detail">> & {
  where?: Record<string, string>;
  path?: (string | number)[];
  /** A substring of the English message. */
  message?: string;
};

interface HostileCase {
  id: string;
  /** The class of input the case belongs to (the list in CLASSES). */
  class: string;
  /** Why this input is hostile (and what the document or the issue says). */
  note?: string;
  /** A built-in catalog id the dataset/CSV is read against (default: the dataset's `catalog:`). */
  catalog?: string;
  /** A catalog as YAML text: loaded with loadCatalog (and lintCatalog when `lint` is set). */
  catalogText?: string;
  /** Run lintCatalog on catalogText; `warnings` then lists its findings. */
  lint?: boolean;
  /** A dataset as YAML or JSON text: loadDataset, then score against its catalog. */
  dataset?: string;
  /** A dataset as a JS object built in the case (YAML): given to score() as is. */
  datasetObject?: unknown;
  /** A CSV (template columns): read with readCsvDataset against `catalog`, then scored. */
  csv?: string;
  /**
   * A workbook: `xlsxTemplate(catalog, template)` (`catalog`, or `templateCatalog` for a workbook
   * made for another one), its cells written with exceljs as a person would (`cells`: the cell of
   * `unit` under `key` on `sheet`; `value` a number, a text, `{formula}`, `{formula, result}`,
   * `{date}` or with `numFmt`; `key` alone with `row: 3` rewrites the key), then readXlsxDataset.
   */
  xlsx?: {
    templateCatalog?: string;
    template?: { periods?: string[]; year?: number; units?: { id: string; name: string }[] };
    cells?: { sheet: string; unit?: string; key: string; row?: number; value: unknown; numFmt?: string }[];
  };
  /** Options for the reader (numberFormat, file…). */
  options?: Record<string, unknown>;
  /** Files written to a temporary folder (`{tmp}` in their names, args and content). */
  files?: Record<string, string>;
  /** A `dti` command line (in-process); `{tmp}` is the temporary folder. */
  cli?: string[];
  expect: {
    /** Issues that must all be in the thrown error (CatalogError / DatasetError). */
    errors?: IssuePattern[];
    /** Issues that must all be in the result's warnings (the input is accepted). */
    warnings?: IssuePattern[];
    /** Accepted: unit totals that must hold (exact strings). */
    totals?: Record<string, string>;
    /** CLI: exit code, substrings of stderr / stdout. */
    exit?: number;
    stderr?: string[];
    stdout?: string[];
  };
}

/** Every class of hostile input named by issue 10; each needs at least one case. */
const CLASSES = [
  "codes as numbers",
  "numbers",
  "duplicates",
  "guessed metadata",
  "missing vs not applicable",
  "missing profile values",
  "typos in unit ids",
  "structure",
  "catalogs",
  "hidden problems",
  "cli",
  "api",
] as const;

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = join(HERE, "hostile");
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort();
const tmpRoot = mkdtempSync(join(tmpdir(), "dti-hostile-"));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

function matches(issue: Issue, p: IssuePattern): boolean {
  for (const k of ["code", "kind", "expected", "received", "detail"] as const) {
    if (p[k] !== undefined && issue[k] !== p[k]) return false;
  }
  if (p.message !== undefined && !issue.message.includes(p.message)) return false;
  if (p.where) for (const [k, v] of Object.entries(p.where)) if ((issue.where as Record<string, unknown>)[k] !== v) return false;
  if (p.path && JSON.stringify(issue.path.slice(0, p.path.length)) !== JSON.stringify(p.path)) return false;
  return true;
}

function expectIssues(actual: readonly Issue[], patterns: IssuePattern[] | undefined, what: string) {
  for (const p of patterns ?? []) {
    const found = actual.some((i) => matches(i, p));
    if (!found) {
      const list = actual.map((i) => `  ${i.code} ${JSON.stringify(i.where)} ${JSON.stringify(i.path)}: ${i.message}`).join("\n");
      expect.fail(`expected ${what} ${JSON.stringify(p)}; got:\n${list || "  (none)"}`);
    }
  }
}

/** An issue names its place: a path inside the input, or a file / unit / period / indicator / field. */
function expectNamed(issues: readonly Issue[]) {
  for (const i of issues) expect(i.path.length > 0 || Object.keys(i.where).length > 0, `${i.code} names no place`).toBe(true);
}

interface Outcome {
  error?: DtiError;
  warnings: Issue[];
  totals: Record<string, string>;
}

/** The bytes of a case's workbook: the template, filled as the case says. */
async function caseWorkbook(c: NonNullable<HostileCase["xlsx"]>, catalog: string): Promise<Uint8Array> {
  const bytes = await xlsxTemplate(getCatalog(c.templateCatalog ?? catalog), c.template ?? {});
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  for (const w of c.cells ?? []) {
    const sheet = book.getWorksheet(w.sheet)!;
    let col = 0;
    sheet.getRow(3).eachCell((cell, k) => void (cell.value === w.key && (col = k)));
    let row = w.row ?? 0;
    if (w.unit !== undefined) for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === w.unit) row = r;
    if (!col || !row) throw new Error(`no cell for ${JSON.stringify(w)}`);
    const cell = sheet.getCell(row, col);
    const v = w.value as { date?: string } | null;
    cell.value = v && typeof v === "object" && v.date !== undefined ? new Date(v.date) : (w.value as ExcelJS.CellValue);
    // A style of its own: a loaded workbook's cells share their style objects.
    if (w.numFmt !== undefined) cell.style = { ...cell.style, numFmt: w.numFmt };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Runs an API case: catalog text, dataset text/object, CSV or workbook. */
async function runApi(c: HostileCase): Promise<Outcome> {
  const warnings: Issue[] = [];
  try {
    let catalog = c.catalog ? getCatalog(c.catalog) : undefined;
    if (c.catalogText !== undefined) {
      catalog = loadCatalog(c.catalogText);
      if (c.lint) warnings.push(...lintCatalog(catalog).issues);
    }
    let dataset: unknown;
    if (c.csv !== undefined) {
      if (!catalog) throw new Error(`${c.id}: a CSV case needs a catalog`);
      const read = api.readCsvDataset(c.csv, catalog, c.options ?? {});
      warnings.push(...read.warnings);
      dataset = read.dataset;
    } else if (c.xlsx !== undefined) {
      if (!catalog) throw new Error(`${c.id}: a workbook case needs a catalog`);
      const read = await readXlsxDataset(await caseWorkbook(c.xlsx, catalog.id), catalog, c.options ?? {});
      warnings.push(...read.warnings);
      dataset = read.dataset;
    } else if (c.dataset !== undefined) dataset = loadDataset(c.dataset);
    else if (c.datasetObject !== undefined) dataset = c.datasetObject;
    const totals: Record<string, string> = {};
    if (dataset !== undefined) {
      // The dataset's own catalog unless the case names one (a dataset object or loaded text).
      const own = (dataset as { catalog?: unknown } | null)?.catalog;
      catalog ??= typeof own === "string" ? getCatalog(own) : undefined;
      const result = score(catalog as never, dataset as never);
      warnings.push(...result.warnings);
      for (const u of result.units) totals[u.id] = u.scoring === "points" ? u.total : `level ${u.level}`;
    }
    return { warnings, totals };
  } catch (e) {
    if (e instanceof DtiError) return { error: e, warnings, totals: {} };
    throw e;
  }
}

function fill(s: string, tmp: string): string {
  return s.replaceAll("{tmp}", tmp);
}

describe.each(files)("%s", (file) => {
  const cases = parse(readFileSync(join(DIR, file), "utf8")) as HostileCase[];
  it("is a list of cases with unique ids, known classes and an expectation", async () => {
    expect(Array.isArray(cases)).toBe(true);
    for (const c of cases) {
      expect(c.id, JSON.stringify(c).slice(0, 80)).toBeTruthy();
      expect(CLASSES, c.id).toContain(c.class);
      expect(Object.keys(c.expect ?? {}).length, c.id).toBeGreaterThan(0);
    }
  });
  it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    if (c.cli) {
      const tmp = join(tmpRoot, c.id);
      mkdirSync(tmp, { recursive: true });
      for (const [name, content] of Object.entries(c.files ?? {})) {
        const path = join(tmp, fill(name, tmp));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, fill(content, tmp));
      }
      let out = "";
      let err = "";
      const code = await runMain(
        c.cli.map((a) => fill(a, tmp)),
        { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) },
      );
      if (c.expect.exit !== undefined) expect(code, err).toBe(c.expect.exit);
      for (const s of c.expect.stderr ?? []) expect(fill(err, tmp)).toContain(fill(s, tmp));
      for (const s of c.expect.stdout ?? []) expect(out).toContain(s);
      expect(err).not.toMatch(/\n\s+at .*:\d+:\d+/); // never a stack trace
      return;
    }
    const r = await runApi(c);
    if (c.expect.errors) {
      if (!r.error) expect.fail(`expected an error, got a result with totals ${JSON.stringify(r.totals)}`);
      expectIssues(r.error.issues, c.expect.errors, "error");
      expectNamed(r.error.issues);
    } else if (r.error) {
      expect.fail(`unexpected ${r.error.name}:\n${r.error.issues.map((i) => `  ${i.code}: ${i.message}`).join("\n")}`);
    }
    expectIssues(r.warnings, c.expect.warnings, "warning");
    expectNamed(r.warnings);
    for (const [unit, total] of Object.entries(c.expect.totals ?? {})) expect(r.totals[unit], unit).toBe(total);
  });
});

describe("the hostile suite as a whole", () => {
  const all = files.flatMap((f) => parse(readFileSync(join(DIR, f), "utf8")) as HostileCase[]);
  it("has at least 150 cases with unique ids", async () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });
  it.each(CLASSES.map((c) => [c]))("covers the class %s", (cls) => {
    expect(all.filter((c) => c.class === cls).length).toBeGreaterThan(0);
  });
});
