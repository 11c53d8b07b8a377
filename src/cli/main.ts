// The `dti` command line.
//
// Every command, positional argument and option is declared once, in ./spec.ts. From that table
// ./_args.ts builds the parser, the usage/help text (`dti help`, `dti help score`,
// `dti score --help`) and the checks of allowed values, required options and argument counts;
// the words users read are in src/i18n/cli.ts (help, headers) and src/i18n/{vi,en}.ts (errors).
// This file only says what each command does with its parsed, typed arguments.
//
// Why commander (pinned ^14, whose engines field is node >= 20): it is the most used and best
// kept Node CLI parser, with no dependencies; it rejects unknown options and excess arguments,
// takes both `--opt=value` and `--opt value`, checks mandatory options and variadic arguments,
// and with `exitOverride` + `configureOutput` it neither exits the process nor prints, so every
// error becomes a coded, localized CliError here and `runMain` runs in-process in the tests.
// citty (checked at 0.2.2) was rejected: it silently accepts unknown options (`--bogus 1` becomes a
// flag and a positional) and prints its own English, ANSI-coloured messages. commander 15 needs
// node >= 22.12, so it is not an option for a package supporting Node 20.
import { listCatalogs } from "../catalog/builtin.js";
import { lintCatalog, type LintReport } from "../catalog/lint.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { score } from "../engine/score.js";
import { CliError, DtiError, createIssue, formatIssue, type Issue, type IssueWhere, type Lang, registerMessages } from "../errors.js";
import { fileMessages } from "../i18n/files.js";
import { loadDataset } from "../io/dataset.js";
import { parseText } from "../_parse.js";
import { explain, unitHeadline } from "../analysis/explain.js";
import { gaps, type GapReport } from "../analysis/gaps.js";
import { whatIf, parseOverride } from "../analysis/whatif.js";
import { compare } from "../analysis/compare.js";
import { groupsCsv, renderReport, reportData, warningsCsv } from "../analysis/report.js";
import { groupByParent, selectUnits, type ParentGroup, type UnitSort } from "../analysis/select.js";
import { formatNumber, shorten } from "../_format.js";
import { template } from "../io/template.js";
import { readCsvDataset } from "../io/csv.js";
import type { RosterEntry } from "../io/roster.js";
import { readRoster } from "../io/rosterFile.js";
import { excelCsv } from "../io/excel.js";
import type { NumberFormat } from "../_values.js";
import type { Override } from "../io/overrides.js";
import { periodsProblem } from "../_periods.js";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getCatalog } from "../catalog/builtin.js";
import type { Dataset, DatasetInput } from "../io/dataset.js";
import { cliTexts } from "../i18n/cli.js";
import { comparisonTable, groupsTable, toCsv, toJson, toTable, unitJson } from "./_render.js";
import { fileLines } from "./_lines.js";
import { readingOptions, readingsField } from "./_readings.js";
import { robustness } from "../analysis/robustness.js";
import { robustnessCsv, robustnessTable } from "./_robustness.js";
import { scoreLines } from "../engine/stream.js";
import { withoutParentsOfRejected } from "../engine/skipInvalid.js";
import type { RejectedUnit, ScoreResult, UnitResult } from "../engine/types.js";
import { readFile, resolveCatalog, table } from "./_utils.js";
import { isPublishedFile, lineageFile, lineageOptionIssues, lineageOutput, noHistoryLine, publishedFile } from "./_lineage.js";
import { cliError, commandHelp, globalHelp, parseCommand, preParse, unknownCommand, VERSION } from "./_args.js";
import { isCommandName, VERSION_FLAGS, type ArgsOf, type CommandName, type OptionsOf } from "./spec.js";
import { XLSX_FILE, preloadWorkbooks, readWorkbookFile } from "./_xlsx.js";
import { xlsxTemplate } from "../io/xlsx.js";
import { reportWorkbook } from "../analysis/reportXlsx.js";

// The messages of the problems raised here (not carried by score() alone).
registerMessages(fileMessages);

/** Where the CLI writes. */
export interface CliIO {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** What a command's handler receives: its arguments and options, parsed and typed from the declaration. */
interface Context<C extends CommandName> {
  readonly args: ArgsOf<C>;
  readonly opts: OptionsOf<C>;
  readonly lang: Lang;
  readonly io: CliIO;
}

type Handlers = { readonly [C in CommandName]: (ctx: Context<C>) => number | Promise<number> };

/** How a dataset file is read: its roster (`--roster`), for a CSV its number format, and whether units with problems are left out. */
interface ReadOptions {
  readonly roster?: string | undefined;
  /** `--parents file`: the parent units the dataset names without assessing them (a commune dataset's districts). */
  readonly parents?: string | undefined;
  readonly numberFormat?: NumberFormat | undefined;
  readonly skipInvalid?: boolean;
}

/**
 * The catalog given with `--catalog`, loaded once for every file: its problems name the catalog
 * file (or the id), never a dataset it was going to score.
 */
function givenCatalog(ref: string | undefined): CompiledCatalog | undefined {
  return ref === undefined ? undefined : resolveCatalog(ref);
}

/**
 * Loads a dataset file (YAML, JSON or filled CSV) and its catalog (`--catalog`, else the
 * dataset's), with the reader's warnings (a CSV's missing values…), to be shown with the score's.
 */
function openDataset(
  file: string,
  given: CompiledCatalog | undefined,
  options: ReadOptions = {},
): { dataset: Dataset; catalog: CompiledCatalog; warnings: readonly Issue[] } {
  const { raw, warnings } = parseDatasetFile(file, given, options);
  const dataset = loadDataset(raw as object);
  return { dataset, catalog: given ?? resolveCatalog(dataset.catalog), warnings };
}

/**
 * A dataset file read for `--skip-invalid`: not checked against the full schema (which would
 * refuse the whole file for one unit's shape); the CSV reader's rejected rows come with it.
 */
function openValidUnits(
  file: string,
  given: CompiledCatalog | undefined,
  options: ReadOptions = {},
): { dataset: DatasetInput; catalog: CompiledCatalog; warnings: readonly Issue[]; rejected: readonly RejectedUnit[] } {
  const read = parseDatasetFile(file, given, { ...options, skipInvalid: true });
  const named = (read.raw as { catalog?: unknown } | null)?.catalog;
  const catalog = given ?? (typeof named === "string" ? resolveCatalog(named) : resolveCatalog(loadDataset(read.raw as object).catalog));
  return { dataset: read.raw as DatasetInput, catalog, warnings: read.warnings, rejected: read.rejected };
}

function requireUnit(unit: string, dataset: Dataset, option = "--unit"): string {
  if (!dataset.units.some((u) => u.id === unit))
    throw cliError("unknownUnit", { detail: option, received: unit, expected: dataset.units.map((u) => u.id).join(", ") });
  return unit;
}

/** JSON Lines datasets: a header line, then one unit per line. */
const JSON_LINES = /\.(jsonl|ndjson)$/i;

/** The header line of a JSON Lines dataset (the first line that is not blank), if it is an object. */
function jsonLinesHeader(file: string): Record<string, unknown> | undefined {
  for (const line of fileLines(file)) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as unknown;
      return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined; // scoreLines names the syntax error
    }
  }
  return undefined;
}

/** The catalog a JSON Lines dataset names on its header line. */
function jsonLinesCatalog(file: string, header: Record<string, unknown> | undefined): CompiledCatalog {
  const id = header?.["catalog"];
  if (typeof id === "string") return resolveCatalog(id);
  throw new DtiError([createIssue("dataset", "streamHeader", { file }, { detail: "no catalog on the header line (or give --catalog)" })]);
}

/** Runs `each` on every file and throws one error listing the problems of all of them. */
function forEachFile(files: readonly string[], each: (file: string) => void): void {
  const issues: DtiError[] = [];
  for (const file of files) {
    try {
      each(file);
    } catch (e) {
      if (e instanceof DtiError) issues.push(withFile(e, file));
      else throw e;
    }
  }
  if (issues.length) throw new DtiError(issues.flatMap((e) => e.issues));
}

/** What every command that scores does with its warnings. */
interface WarningOutput {
  readonly opts: { readonly warnings?: string | undefined };
  readonly lang: Lang;
  readonly io: CliIO;
}

/**
 * Shows the warnings of a scoring command where its output leaves room for them: a block after a
 * text output (`inline`), on stderr beside CSV, whose stdout must stay a plain table (JSON outputs
 * carry them inside); and writes the `--warnings` companion file (CSV, also when there are none, so
 * that an old file never passes for this run's).
 */
function showWarnings(
  warnings: readonly Issue[],
  where: "inline" | "stderr" | "json",
  ctx: WarningOutput,
  rejected: readonly RejectedUnit[] = [],
): void {
  if (warnings.length && where !== "json") {
    const block = warningBlock(warnings, ctx.lang);
    if (where === "inline") ctx.io.out(`\n${block}`);
    else ctx.io.err(block);
  }
  const file = ctx.opts.warnings;
  if (file === undefined) return;
  try {
    writeFileSync(file, `\uFEFF${warningsCsv(warnings, ctx.lang, rejected)}\r\n`);
  } catch (e) {
    const { message, code } = e as { message?: string; code?: string };
    throw new DtiError([createIssue("cli", "unwritableFile", { file }, { detail: (message ?? String(code)).replace(/, open '.*'$/, "") })]);
  }
}

/** The visible block of warnings: a header with their number, one line each naming its place. */
function warningBlock(warnings: readonly Issue[], lang: Lang): string {
  return [cliTexts[lang].output.warnings(warnings.length), ...warnings.map((w) => `  ! ${formatIssue(w, lang)}`)].join("\n");
}

/** The block of units left out by --skip-invalid: a header with their number, each unit with every problem. */
function rejectedBlock(rejected: readonly RejectedUnit[], lang: Lang): string {
  return [
    cliTexts[lang].output.rejected(rejected.length),
    ...rejected.flatMap((r) => [
      `  ✗ ${r.id}${r.name !== undefined ? ` (${r.name})` : ""}:`,
      ...r.issues.map((i) => `      ${formatIssue(i, lang)}`),
    ]),
  ].join("\n");
}

/** Warnings of several results, each once (what-if scores the same data twice). */
function unique(warnings: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify([w.code, w.where, w.path, w.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads every `--set`, refusing what would be a silent guess: a number that the value reader
 * cannot read exactly and unambiguously (`1.000`, 20 digits) and two changes of the same input.
 */
function readOverrides(specs: readonly string[], catalog: CompiledCatalog, dataset: Dataset): Override[] {
  const codes = new Set(catalog.nodes.keys());
  const format = (dataset as { numberFormat?: NumberFormat }).numberFormat;
  const issues: Issue[] = [];
  const overrides: Override[] = [];
  for (const spec of specs) {
    let o: Override;
    try {
      o = parseOverride(spec, codes, format);
    } catch (e) {
      // A bad --set is bad usage: shown in the chosen language, with the usage.
      if (e instanceof DtiError) {
        issues.push(...e.issues.map((i) => createIssue("cli", i.code, i.where, i, i.path)));
        continue;
      }
      throw e;
    }
    const clash = overrides.find(
      (x) => x.unit === o.unit && x.period === o.period && x.code === o.code && (x.field === o.field || !x.field || !o.field),
    );
    if (clash)
      issues.push(
        createIssue(
          "cli",
          "duplicateOverride",
          {},
          { received: spec, expected: `${clash.unit}.${clash.period}.${clash.code}${clash.field ? `.${clash.field}` : ""}` },
        ),
      );
    overrides.push(o);
  }
  for (const o of overrides) {
    try {
      requireUnit(o.unit, dataset, "--set");
    } catch (e) {
      if (e instanceof DtiError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new CliError(issues);
  return overrides;
}

const handlers: Handlers = {
  score({ args: [files], opts, lang, io }) {
    const outputs: string[] = [];
    const warnings: Issue[] = [];
    // JSON Lines is written unit by unit: a summary of all of them has no line to go on.
    if (opts.excel && opts.format !== "csv") throw cliError("optionFormat", { detail: "--excel", received: opts.format, expected: "csv" });
    if (opts.groupBy !== undefined && opts.format === "jsonl")
      throw cliError("optionFormat", { detail: "--group-by", received: opts.format, expected: "table, json, csv" });
    const rejected: RejectedUnit[] = [];
    const skip = opts["skip-invalid"];
    // --full adds indicator records to JSON (CSV always has them); the ranked table has no room for
    // them (8 main columns already): refused rather than silently ignored.
    if (opts.full && opts.format === "table")
      throw cliError("optionNotForFormat", { received: "--full", expected: "json|jsonl", detail: opts.format });
    // Lineage and 0–1 values (issue 14): a ranked table or JSON per file, before and after.
    const lineageMode = opts.lineage !== undefined || opts.precision !== undefined;
    if (lineageMode && (opts.format === "csv" || opts.format === "jsonl"))
      throw cliError("optionFormat", {
        detail: opts.lineage !== undefined ? "--lineage" : "--precision",
        received: opts.format,
        expected: "table, json",
      });
    const lineageIssues = lineageOptionIssues(opts);
    if (lineageIssues.length) throw new CliError(lineageIssues);
    const given = givenCatalog(opts.catalog);
    forEachFile(files, (file) => {
      let result: ScoreResult;
      let catalog: CompiledCatalog;
      let read: Dataset | undefined;
      if (JSON_LINES.test(file) && skip)
        throw cliError("usage", { detail: `--skip-invalid reads a YAML, JSON or CSV dataset; ${file} is JSON Lines` });
      if (JSON_LINES.test(file)) {
        // One unit at a time: the dataset is never held whole (100,000 units).
        const header = jsonLinesHeader(file);
        catalog = given ?? jsonLinesCatalog(file, header);
        // The same rules as for a JSON or YAML dataset: --numbers is for CSV, and one roster only.
        if (opts.numbers !== undefined)
          throw cliError("usage", { detail: `--numbers reads a CSV dataset; ${file} declares its own (numberFormat: in the file)` });
        // The header line declares a JSON Lines file's parents (`parents`), as a dataset does.
        if (opts.parents !== undefined)
          throw cliError("usage", {
            detail: `${file} is JSON Lines: declare its parents in the header line ("parents": [{"id", "name"}])`,
          });
        if (opts.roster !== undefined && header && "roster" in header)
          throw cliError("usage", { detail: `${file} declares a roster: --roster ${opts.roster} cannot replace it` });
        const roster = opts.roster !== undefined ? readRoster(readFile(opts.roster), opts.roster) : undefined;
        const progress = process.stderr.isTTY ? (n: number) => io.err(cliTexts[lang].progress(n)) : undefined;
        // JSON Lines out shows totals (with --full, every indicator); the other outputs read the indicators.
        const detail = opts.format === "jsonl" && !opts.full ? "totals" : "full";
        result = scoreLines(catalog, fileLines(file), {
          file,
          detail,
          engine: opts.engine,
          ...readingOptions(opts, catalog),
          ...(roster ? { roster } : {}),
          ...(progress ? { onProgress: progress } : {}),
        });
      } else if (skip) {
        const read = openValidUnits(file, given, { roster: opts.roster, numberFormat: opts.numbers, parents: opts.parents });
        catalog = read.catalog;
        const scored = score(catalog, read.dataset, { engine: opts.engine, skipInvalid: true, ...readingOptions(opts, catalog) });
        result = {
          ...scored,
          warnings: [...read.warnings, ...withoutParentsOfRejected(scored.warnings, read.rejected)],
          rejected: [...read.rejected, ...(scored.rejected ?? [])],
        };
      } else {
        const opened = openDataset(file, given, { roster: opts.roster, numberFormat: opts.numbers, parents: opts.parents });
        catalog = opened.catalog;
        read = opened.dataset;
        const scored = score(catalog, opened.dataset, { engine: opts.engine, ...readingOptions(opts, catalog) });
        result = { ...scored, warnings: [...opened.warnings, ...scored.warnings] };
      }
      const own = result.warnings.map((w) => inFile(w, file));
      warnings.push(...own);
      const ownRejected = (result.rejected ?? []).map((r) => ({ ...r, issues: r.issues.map((i) => inFile(i, file)) }));
      rejected.push(...ownRejected);
      const extra = skip ? { rejected: ownRejected } : {};
      const all = result.units;
      result = { ...result, units: shownUnits(all, opts) };
      const groups: ParentGroup[] | undefined = opts.groupBy === "parent" ? groupByParent(result.units, all, result.parents) : undefined;
      const catalogs = new Map<string, CompiledCatalog>([[catalog.id, catalog]]);
      if (catalog.childCatalog) catalogs.set(catalog.childCatalog, resolveCatalog(catalog.childCatalog));
      if (lineageMode) {
        const shown = result;
        const text = lineageOutput({ ...result, units: all }, opts, lang, () => toTable(shown, catalogs, lang), read?.units, read?.ranking);
        outputs.push(`${files.length > 1 ? `# ${file}\n` : ""}${text}`);
        return;
      }
      if (opts.format === "jsonl") {
        // Written as it goes: a line for the run, then one per unit in rank order.
        io.out(
          JSON.stringify({
            catalog: result.catalog,
            year: result.year,
            periods: result.periods,
            ...(result.readings ? { readings: result.readings } : {}),
            warnings: own,
            ...extra,
          }),
        );
        for (const u of result.units) io.out(JSON.stringify(unitJson(u, opts.full)));
      } else if (opts.format === "json")
        outputs.push(JSON.stringify({ ...(toJson(result, opts.full, own) as object), ...(groups ? { groups } : {}), ...extra }, null, 2));
      else if (opts.format === "csv") {
        const csv = groups ? groupsCsv(groups) : toCsv(result);
        outputs.push(opts.excel ? excelCsv(csv) : csv);
      } else
        outputs.push(
          `${files.length > 1 ? `# ${file}\n` : ""}${toTable(result, catalogs, lang)}${groups ? `\n\n${groupsTable(groups, lang)}` : ""}${ownRejected.length ? `\n\n${rejectedBlock(ownRejected, lang)}` : ""}`,
        );
    });
    if (outputs.length) io.out(outputs.join("\n\n"));
    showWarnings(warnings, opts.format === "table" ? "inline" : opts.format === "csv" ? "stderr" : "json", { opts, lang, io }, rejected);
    if (!rejected.length) return 0;
    // Always on stderr too (a script reading stdout still sees them), and exit 3.
    io.err(rejectedBlock(rejected, lang));
    return 3;
  },

  catalogs({ opts, lang, io }) {
    const list = listCatalogs();
    const t = cliTexts[lang].catalogs;
    if (opts.format === "json") io.out(JSON.stringify(list, null, 2));
    else {
      io.out(
        table(
          [...t.headers],
          list.map((c) => [
            c.id,
            c.province,
            c.level,
            c.document,
            c.scoring,
            String(c.indicators),
            c.scoring === "points"
              ? c.total + (c.declaredTotal && c.declaredTotal !== c.total ? ` ${t.declared(c.declaredTotal)}` : "")
              : "-",
          ]),
        ),
      );
    }
    return 0;
  },

  validate({ args: [files], opts, lang, io }) {
    const t = cliTexts[lang].validate;
    const given = givenCatalog(opts.catalog);
    const warnings: Issue[] = [];
    forEachFile(files, (file) => {
      const { raw, warnings: read } = parseDatasetFile(file, given);
      if (raw && typeof raw === "object" && "indicators" in raw) {
        io.out(`${file}: ${t.catalog(resolveCatalog(file).id)}`);
        return;
      }
      const dataset = loadDataset(raw as object);
      const catalog = given ?? resolveCatalog(dataset.catalog);
      if (catalog.scoring === "structure") {
        io.out(`${file}: ${t.structureOnly(catalog.id)}`);
        return;
      }
      const result = score(catalog, dataset, { engine: opts.engine });
      const own = [...read, ...result.warnings].map((w) => inFile(w, file));
      warnings.push(...own);
      io.out(`${file}: ${t.dataset(dataset.units.length, catalog.id, own.length)}`);
      for (const w of own) io.out(`  ! ${formatIssue(w, lang)}`);
    });
    // Each file's warnings are listed under it already: only the companion file remains.
    showWarnings(warnings, "json", { opts, lang, io });
    return 0;
  },

  lint({ args: [refs], opts, lang, io }) {
    const reports = (refs.length ? refs : listCatalogs().map((c) => c.id)).map((r) => lintCatalog(resolveCatalog(r)));
    if (opts.format === "json") io.out(JSON.stringify(reports, null, 2));
    else io.out(reports.map((r) => renderLint(r, lang)).join("\n\n"));
    const failed = reports.filter((r) => !r.ok);
    if (failed.length) {
      for (const r of failed) for (const e of r.errors) io.err(`${r.catalog} ${e.code}: ${e.message}`);
      return 2;
    }
    return 0;
  },

  explain({ args: [file], opts, lang, io }) {
    const given = givenCatalog(opts.catalog);
    const { dataset, catalog, warnings: read } = inFileScope(file, () => openDataset(file, given));
    const unit = requireUnit(opts.unit, dataset);
    const result = inFileScope(file, () => score(catalog, dataset, { engine: opts.engine, ...readingOptions(opts, catalog) }));
    const code = opts.code;
    // An empty --code is a mistake, not "every indicator": only an absent option means that.
    if (code !== undefined && !catalog.nodes.has(code))
      throw cliError("unknownCode", { detail: "--code", received: code, expected: catalog.id });
    const u = result.units.find((x) => x.id === unit)!;
    io.out(
      [
        unitHeadline(u, lang),
        "",
        ...explain(result, unit, { lang, ...(code !== undefined ? { code } : {}) }).map((e) => `${"  ".repeat(e.depth)}${e.text}`),
      ].join("\n"),
    );
    showWarnings(
      [...read, ...result.warnings].map((w) => inFile(w, file)),
      "inline",
      { opts, lang, io },
    );
    return 0;
  },

  gaps({ args: [file], opts, lang, io }) {
    const given = givenCatalog(opts.catalog);
    const { dataset, catalog, warnings: read } = inFileScope(file, () => openDataset(file, given));
    const unit = requireUnit(opts.unit, dataset);
    const chosen = readingOptions(opts, catalog);
    const result = inFileScope(file, () => score(catalog, dataset, { engine: opts.engine, ...chosen }));
    // --previous: the earlier year's dataset, scored with the same catalog and readings; across a
    // merger (--lineage), the unit is compared with the merge of its predecessors.
    if (opts.previous === undefined && (opts.lineage !== undefined || opts.mergeBy !== undefined))
      throw cliError("usage", {
        detail: `${opts.lineage !== undefined ? "--lineage" : "--merge-by"} compares with an earlier result: give it with --previous old-dataset`,
      });
    const issues = lineageOptionIssues(opts);
    if (issues.length) throw new CliError(issues);
    let earlier: { previous: ScoreResult; profiles: Dataset["units"]; warnings: readonly Issue[] } | undefined;
    const previousFile = opts.previous;
    if (previousFile !== undefined) {
      const old = inFileScope(previousFile, () => openDataset(previousFile, catalog));
      const previous = inFileScope(previousFile, () => score(catalog, old.dataset, { engine: opts.engine, ...chosen }));
      earlier = {
        previous,
        profiles: old.dataset.units,
        warnings: [...old.warnings, ...previous.warnings].map((w) => inFile(w, previousFile)),
      };
    }
    const lineageOf = opts.lineage;
    const history = earlier
      ? {
          previous: earlier.previous,
          rule: opts.mergeRule,
          ...(opts.mergeBy !== undefined ? { by: opts.mergeBy } : {}),
          profiles: earlier.profiles,
          ...(lineageOf !== undefined ? { lineage: lineageFile(lineageOf) } : {}),
        }
      : undefined;
    const g = inFileScope(lineageOf ?? file, () =>
      gaps(catalog, dataset, unit, { lang, result, engine: opts.engine, ...chosen, ...(history ? { history } : {}) }),
    );
    const warnings = [...read, ...result.warnings].map((w) => inFile(w, file)).concat(earlier?.warnings ?? []);
    if (opts.format === "json") {
      io.out(JSON.stringify({ ...g, ...readingsField(result), warnings }, null, 2));
      showWarnings(warnings, "json", { opts, lang, io });
      return 0;
    }
    const t = cliTexts[lang].gaps;
    const n = (s: string) => formatNumber(s, lang);
    const lines: string[] = [`${g.name} (${g.unit})${g.total !== "0" ? `: ${t.total} ${n(g.total)}, ${t.rank} ${g.rank}` : ""}`];
    if (g.nextLevel) {
      lines.push("", t.forLevel(g.nextLevel.level));
      for (const b of g.nextLevel.blockers) lines.push(`  ${b.code} (${t.level} ${b.level}) ${b.name}: ${b.action}`);
    }
    if (earlier) lines.push("", t.history, ...historyLines(g.history, t, n));
    if (g.target) lines.push("", t.needMore(n(g.target.needed), g.target.name, g.target.unit, n(g.target.total)));
    if (g.byMain.length) {
      lines.push("", t.byMain);
      for (const m of g.byMain) lines.push(`  ${m.code}. ${m.name}: −${n(m.lost)}`);
    }
    if (g.byLead.length) {
      lines.push("", t.byLead);
      for (const l of g.byLead) lines.push(`  ${l.lead}: −${n(l.lost)} (${l.codes.join(", ")})`);
    }
    if (g.lost.length) {
      lines.push("", t.lost);
      for (const l of g.lost.slice(0, 15)) lines.push(`  ${l.code} ${shorten(l.name, 72)}: ${n(l.score)}/${n(l.max)} (−${n(l.lost)})`);
    }
    if (g.missingData.length) {
      lines.push("", t.missing);
      for (const m of g.missingData)
        lines.push(`  ${m.code} ${shorten(m.name, 72)}: ${t.upTo} +${n(m.lost)}${m.lead ? ` — ${m.lead}` : ""}`);
    }
    if (g.suggestions.length) {
      lines.push("", t.suggestions);
      for (const s of g.suggestions.slice(0, 10)) lines.push(`  ${s.reaches ? "★ " : "  "}${s.description}${s.lead ? ` — ${s.lead}` : ""}`);
    }
    if (g.plan) lines.push("", `${t.combined}: ${g.plan.codes.join(" + ")} → +${n(g.plan.gain)}${g.plan.reaches ? " ★" : ""}`);
    io.out(lines.join("\n"));
    showWarnings(warnings, "inline", { opts, lang, io });
    return 0;
  },

  whatif({ args: [file], opts, lang, io }) {
    const given = givenCatalog(opts.catalog);
    const { dataset, catalog, warnings: read } = inFileScope(file, () => openDataset(file, given));
    const overrides = readOverrides(opts.set, catalog, dataset);
    const w = inFileScope(file, () => whatIf(catalog, dataset, overrides, { engine: opts.engine, ...readingOptions(opts, catalog) }));
    const warnings = unique([...read, ...w.before.warnings, ...w.after.warnings]).map((x) => inFile(x, file));
    if (opts.format === "json") {
      io.out(JSON.stringify({ ...w.comparison, ...readingsField(w.after), warnings }, null, 2));
      showWarnings(warnings, "json", { opts, lang, io });
      return 0;
    }
    io.out(comparisonTable(w.comparison, "whatif", lang) ?? cliTexts[lang].whatif.noChange);
    showWarnings(warnings, "inline", { opts, lang, io });
    return 0;
  },

  compare({ args: [oldFile, newFile], opts, lang, io }) {
    const lineageIssues = lineageOptionIssues(opts);
    if (lineageIssues.length) throw new CliError(lineageIssues);
    let before: ScoreResult;
    let after: ScoreResult;
    let warnings: Issue[] = [];
    let profiles: Dataset["units"] | undefined;
    const published = isPublishedFile(oldFile) && isPublishedFile(newFile);
    if (published) {
      // Two tables of published values (issue 14): no catalog, no scoring.
      before = publishedFile(oldFile);
      after = publishedFile(newFile);
    } else {
      const given = givenCatalog(opts.catalog);
      const opened: { dataset: Dataset; catalog: CompiledCatalog; warnings: readonly Issue[] }[] = [];
      forEachFile([oldFile, newFile], (file) => void opened.push(openDataset(file, given)));
      const [a, b] = opened as [(typeof opened)[0], (typeof opened)[0]];
      if (a.catalog.id !== b.catalog.id) throw cliError("catalogsDiffer", { received: `${a.catalog.id}, ${b.catalog.id}` });
      // The new year's inputs marked `previous: improvement` (Đồng Nai Sở 9.1) come from the old year's results.
      // Both years read the ambiguous rows the same way.
      const chosen = readingOptions(opts, a.catalog);
      const scoredBefore = inFileScope(oldFile, () => score(a.catalog, a.dataset, { engine: opts.engine, ...chosen }));
      before = scoredBefore;
      after = inFileScope(newFile, () => score(b.catalog, b.dataset, { previous: scoredBefore, engine: opts.engine, ...chosen }));
      profiles = a.dataset.units;
      warnings = [
        ...[...a.warnings, ...before.warnings].map((w) => inFile(w, oldFile)),
        ...[...b.warnings, ...after.warnings].map((w) => inFile(w, newFile)),
      ];
    }
    // Across a merger: the earlier units merged into the new ones, then compared unit by unit.
    const lineage = opts.lineage;
    const c =
      lineage === undefined
        ? compare(before, after)
        : inFileScope(lineage, () =>
            compare(before, after, {
              lineage: lineageFile(lineage),
              rule: opts.mergeRule,
              ...(opts.mergeBy !== undefined ? { by: opts.mergeBy } : {}),
              ...(profiles ? { profiles } : {}),
            }),
          );
    if (opts.format === "json") {
      io.out(JSON.stringify({ ...c, ...readingsField(after), warnings }, null, 2));
      showWarnings(warnings, "json", { opts, lang, io });
      return 0;
    }
    // Every unit is listed (units in one year only as new or removed): the table is never empty.
    io.out(
      `${c.catalog}: ${c.yearBefore} → ${c.yearAfter}\n\n${comparisonTable(c, "compare", lang, published ? 6 : 2) ?? ""}${noHistoryLine(c.units, lang)}`,
    );
    showWarnings(warnings, "inline", { opts, lang, io });
    return 0;
  },

  rank({ args: [file], opts, lang, io }) {
    const issues = lineageOptionIssues(opts);
    if (issues.length) throw new CliError(issues);
    io.out(lineageOutput(publishedFile(file), opts, lang, () => ""));
    return 0;
  },

  async report({ args: [file], opts, lang, io }) {
    if (opts.perUnit && opts.format !== "html")
      throw cliError("optionFormat", { detail: "--per-unit", received: opts.format, expected: "html" });
    if (opts.excel && opts.format !== "csv") throw cliError("optionFormat", { detail: "--excel", received: opts.format, expected: "csv" });
    const given = givenCatalog(opts.catalog);
    const skip = opts["skip-invalid"];
    const {
      dataset,
      catalog,
      warnings: read,
      rejected: readRejected,
    } = inFileScope(file, () =>
      skip
        ? openValidUnits(file, given, { parents: opts.parents })
        : { ...openDataset(file, given, { parents: opts.parents }), rejected: [] },
    );
    if (opts.unit !== undefined) requireUnit(opts.unit, dataset as Dataset);
    const data = inFileScope(file, () =>
      reportData(catalog, dataset, lang, {
        ...(skip ? { skipInvalid: true } : {}),
        engine: opts.engine,
        ...readingOptions(opts, catalog),
        unit: opts.unit,
        filter: opts.filter,
        sort: opts.sort,
        groupBy: opts.groupBy,
      }),
    );
    if (!data.units.length && opts.filter !== undefined) noMatch(opts.filter, data.result.units);
    const warnings = [...read, ...withoutParentsOfRejected(data.result.warnings, readRejected)].map((w) => inFile(w, file));
    const rejected = [...readRejected, ...(data.result.rejected ?? [])].map((r) => ({
      ...r,
      issues: r.issues.map((i) => inFile(i, file)),
    }));
    if (opts.format === "xlsx") {
      if (opts.out === undefined) throw cliError("xlsxNeedsFile", { detail: "dti report … --format xlsx -o bao-cao.xlsx" });
      writeOut(opts.out, await reportWorkbook(data.result, catalog, { lang, units: data.units.map((u) => u.unit), warnings, rejected }));
    }
    // md, html and json show the warnings themselves (a "Cảnh báo" section, the result's list); CSV rows cannot.
    // --unit in HTML is the printable pages of that unit; in the other formats, that unit's part of the report.
    else {
      const rendered = renderReport({ ...data, result: { ...data.result, warnings, ...(skip ? { rejected } : {}) } }, opts.format, lang, {
        unit: opts.format === "html" ? opts.unit : undefined,
        perUnit: opts.perUnit,
      });
      if (opts.out === undefined) io.out(opts.excel ? excelCsv(rendered) : rendered);
      else writeOut(opts.out, `${opts.excel ? excelCsv(rendered) : rendered}\n`);
    }
    // A workbook lists them in its own sheets (Cảnh báo, Đơn vị bị loại); CSV rows cannot.
    showWarnings(warnings, opts.format === "csv" ? "stderr" : "json", { opts, lang, io }, rejected);
    if (!rejected.length) return 0;
    // As for score: always on stderr too, and exit 3.
    io.err(rejectedBlock(rejected, lang));
    return 3;
  },

  robustness({ args: [file], opts, lang, io }) {
    const given = givenCatalog(opts.catalog);
    const { dataset, catalog, warnings: read } = inFileScope(file, () => openDataset(file, given));
    const r = inFileScope(file, () =>
      robustness(catalog, dataset, {
        engine: opts.engine,
        ...readingOptions(opts, catalog),
        ...(opts.maxCombinations !== undefined ? { maxCombinations: opts.maxCombinations } : {}),
      }),
    );
    const warnings = unique([...read, ...r.warnings]).map((w) => inFile(w, file));
    if (opts.format === "json") io.out(JSON.stringify({ ...r, warnings }, null, 2));
    else io.out(opts.format === "csv" ? robustnessCsv(r) : robustnessTable(r, lang));
    showWarnings(warnings, opts.format === "table" ? "inline" : opts.format === "csv" ? "stderr" : "json", { opts, lang, io });
    return 0;
  },

  async template({ args: [ref], opts, io }) {
    const catalog = resolveCatalog(ref);
    const periods = opts.periods?.split(",").map((p) => p.trim());
    if (opts.periods !== undefined && periodsProblem(periods!) !== undefined)
      throw cliError("badPeriods", { received: opts.periods, detail: "--periods" });
    if (opts.excel && opts.format !== "csv" && opts.format !== "csv-wide")
      throw cliError("optionFormat", { detail: "--excel", received: opts.format, expected: "csv, csv-wide" });
    const units = opts.units !== undefined ? readRoster(readFile(opts.units), opts.units) : undefined;
    if (opts.format === "xlsx") {
      // Binary: to a file only (never to a terminal or a pipe by accident).
      if (opts.out === undefined) throw cliError("xlsxNeedsFile", { detail: "dti template … --format xlsx -o mau.xlsx" });
      const bytes = await xlsxTemplate(catalog, {
        periods,
        year: opts.year,
        units: units?.map((u) => ({ id: u.id, name: u.name })),
      });
      writeOut(opts.out, bytes);
      return 0;
    }
    const text = template(catalog, opts.format, {
      ...(periods ? { periods } : {}),
      ...(opts.year !== undefined ? { year: opts.year } : {}),
      ...(units ? { units: units.map((u) => ({ id: u.id, name: u.name })) } : {}),
      ...(opts.excel ? { excel: true } : {}),
    });
    if (opts.out === undefined) io.out(text);
    else writeOut(opts.out, `${text}\n`);
    return 0;
  },

  sample({ args: [id], opts, io }) {
    // A built-in id only (a catalog file has no sample); the unknown-catalog error lists the ids.
    const catalog = getCatalog(id);
    const text = readFile(samplePath(catalog.id));
    if (opts.out === undefined) io.out(text.replace(/\n$/, ""));
    else writeOut(opts.out, text);
    return 0;
  },

  help({ args: [name], lang, io }) {
    if (name === undefined) io.out(globalHelp(lang));
    else if (isCommandName(name)) io.out(commandHelp(name, lang));
    else throw unknownCommand(name);
    return 0;
  },
};

/** `dti gaps --previous`: the unit's earlier figures (merged from its predecessors across a lineage) and the change. */
function historyLines(h: GapReport["history"], t: (typeof cliTexts)[Lang]["gaps"], n: (s: string) => string): string[] {
  if (!h || h.status === "new") return [h?.noHistory ? t.noHistory : t.newUnit];
  if (h.noHistory) return [t.noHistory];
  const lines: string[] = [];
  if (h.merged)
    lines.push(
      t.mergedFrom(
        h.merged.predecessors.map((p) => `${p.id}${p.share !== undefined ? `×${n(p.share)}` : ""} (${n(p.total)})`).join(" + "),
        h.merged.rule,
      ),
    );
  if (h.totalBefore !== undefined && h.totalAfter !== undefined && h.rankBefore !== undefined && h.rankAfter !== undefined)
    lines.push(t.historyLine(n(h.totalBefore), h.rankBefore, n(h.totalAfter), h.rankAfter, n(h.totalChange ?? "0")));
  if (h.levelBefore !== undefined && h.levelAfter !== undefined) lines.push(t.historyLevel(h.levelBefore, h.levelAfter));
  return lines;
}

/** The units `--filter` and `--sort` show; a filter that keeps none is an error, not an empty table. */
function shownUnits<U extends UnitResult>(
  units: readonly U[],
  opts: { readonly filter?: string | undefined; readonly sort: UnitSort },
): U[] {
  const shown = selectUnits(units, opts);
  if (!shown.length && units.length) noMatch(opts.filter ?? "", units);
  return shown;
}

function noMatch(filter: string, units: readonly UnitResult[]): never {
  throw cliError("noMatchingUnit", { detail: "--filter", received: filter, expected: units.map((u) => u.id).join(", ") });
}

/**
 * The sample dataset of a built-in catalog: `fixtures/<id with - for />.sample.yaml` in the
 * package (shipped by package.json "files"), found from this module, whether it runs as the bundled
 * dist/cli.js or from src/cli/ in the tests.
 */
function samplePath(id: string): string {
  const name = `fixtures/${id.replace("/", "-")}.sample.yaml`;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ["..", "../.."]) {
    const candidate = join(here, up, name);
    if (existsSync(candidate)) return candidate;
  }
  throw cliError("fileNotFound", { received: name });
}

/** Writes an output file; a failure is a coded input error naming the file, as for --warnings. */
function writeOut(file: string, text: string | Uint8Array): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    const { message, code } = e as { message?: string; code?: string };
    throw new DtiError([createIssue("cli", "unwritableFile", { file }, { detail: (message ?? String(code)).replace(/, open '.*'$/, "") })]);
  }
}

function renderLint(r: LintReport, lang: Lang): string {
  const s = r.stats;
  const head = `${r.ok ? "✓" : "✗"} ${r.catalog}: ${s.mainIndicators} main, ${s.components} components, ${s.leaves} scored leaves, total ${s.total}${s.declaredTotal !== undefined ? ` (declared ${s.declaredTotal})` : ""}${s.differenceFrom1000 !== undefined ? `; ${s.differenceFrom1000} against the usual 1000` : ""}`;
  const lines = [head];
  for (const e of r.errors) lines.push(`  error ${e.code}: ${e.message}`);
  for (const n of r.noted) lines.push(`  noted ${n.code || "(catalog)"}: ${n.message}`);
  for (const w of r.warnings) lines.push(`  warning ${w.code}: ${formatIssue(w, lang)}`);
  // Issue 13: the nodes an assessor can read another way (--reading CODE=ID), the default marked *.
  if (r.readings.length) lines.push(`  ${r.readings.length} nodes with readings (code · ids, * default, ~ described but not encoded):`);
  for (const x of r.readings)
    lines.push(
      `  ${x.code}  ${[...x.ids.map((id) => (id === x.default ? `${id}*` : id)), ...x.described.map((id) => `~${id}`)].join(", ")}`,
    );
  lines.push(`  ${r.notes.length} interpretation notes (code · source text · reading chosen), ${s.unclassifiedNotes} not yet classified:`);
  for (const n of r.notes) {
    lines.push(`  ${n.code || "(catalog)"}${n.ambiguity === true ? " [ambiguity]" : n.ambiguity === false ? " [no ambiguity]" : ""}`);
    lines.push(`      source:  “${oneLine(n.source)}”`);
    lines.push(`      reading: ${oneLine(n.reading)}`);
  }
  return lines.join("\n");
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Reads a dataset file as written (a CSV through readCsvDataset, with its warnings); `--roster` joins it. */
function parseDatasetFile(
  file: string,
  given: CompiledCatalog | undefined,
  options: ReadOptions = {},
): { raw: unknown; warnings: readonly Issue[]; rejected: readonly RejectedUnit[] } {
  const read = parseDatasetSource(file, given, options);
  const parentsFile = options.parents;
  if (parentsFile === undefined || !read.raw || typeof read.raw !== "object") return read;
  // Two lists of parents would leave the choice of one to a guess.
  if ("parents" in read.raw)
    throw cliError("usage", { detail: `${file} declares its parents: --parents ${parentsFile} cannot replace them` });
  const parents = readRoster(readFile(parentsFile), parentsFile).map((p) => ({ id: p.id, name: p.name }));
  return { ...read, raw: { ...read.raw, parents } };
}

/** {@link parseDatasetFile} without `--parents`. */
function parseDatasetSource(
  file: string,
  given: CompiledCatalog | undefined,
  options: ReadOptions,
): { raw: unknown; warnings: readonly Issue[]; rejected: readonly RejectedUnit[] } {
  const roster: RosterEntry[] | undefined = options.roster !== undefined ? readRoster(readFile(options.roster), options.roster) : undefined;
  if (XLSX_FILE.test(file)) {
    const read = readWorkbookFile(file, given, { numberFormat: options.numberFormat, roster, skipInvalid: options.skipInvalid });
    if (read.cellOf) xlsxCells.set(file, read.cellOf);
    return read;
  }
  const text = readFile(file);
  if (/\.csv$/i.test(file)) {
    if (!given) throw cliError("csvNeedsCatalog", {}, file);
    const read = readCsvDataset(text, given, { file, numberFormat: options.numberFormat, roster, skipInvalid: options.skipInvalid });
    csvRows.set(file, read.rowOf);
    return { raw: read.dataset, warnings: read.warnings, rejected: read.rejected ?? [] };
  }
  const parsed = parseText(text, "dataset", file);
  if ("issue" in parsed) throw new DtiError(parsed.issues);
  if (options.numberFormat !== undefined)
    throw cliError("usage", { detail: `--numbers reads a CSV dataset; ${file} declares its own (numberFormat: in the file)` });
  if (roster === undefined || !parsed.value || typeof parsed.value !== "object") return { raw: parsed.value, warnings: [], rejected: [] };
  // Two rosters would leave the choice of one to a guess.
  if ("roster" in parsed.value)
    throw cliError("usage", { detail: `${file} declares a roster: --roster ${options.roster} cannot replace it` });
  return { raw: { ...parsed.value, roster }, warnings: [], rejected: [] };
}

/** The issue with `file` in its place, unless it names a file already (a catalog file's own problems). */
/** The CSV rows of the places of each CSV dataset read in this run (see readCsvDataset's rowOf). */
const csvRows = new Map<string, (where: IssueWhere) => number | undefined>();
/** The cells of the places of each workbook dataset read in this run. */
const xlsxCells = new Map<string, (where: IssueWhere) => string | undefined>();

/** The issue with `file` in its place (and, for a CSV dataset, its row), unless it names a file already. */
function inFile(issue: Issue, file: string): Issue {
  if (issue.where.file !== undefined) return issue;
  const row = issue.where.row ?? csvRows.get(file)?.(issue.where);
  const cell = issue.where.cell ?? xlsxCells.get(file)?.(issue.where);
  return createIssue(
    issue.kind,
    issue.code,
    { file, ...(row !== undefined ? { row } : {}), ...(cell !== undefined ? { cell } : {}), ...issue.where },
    issue,
    issue.path,
  );
}

function withFile(e: DtiError, file: string): DtiError {
  const issues = e.issues.map((i) => inFile(i, file));
  // Still a usage error when it was one (the usage is shown).
  return e instanceof CliError ? new CliError(issues) : new DtiError(issues);
}

/** Runs `f`, naming `file` in the place of every problem it throws. */
function inFileScope<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DtiError) throw withFile(e, file);
    throw e;
  }
}

async function dispatch<C extends CommandName>(name: C, argv: readonly string[], lang: Lang, io: CliIO): Promise<number> {
  const parsed = parseCommand(name, argv, lang, io.out);
  if (!parsed) return 0; // --help was shown
  await preloadWorkbooks(parsed.args as readonly unknown[]);
  const handler = handlers[name] as (ctx: Context<C>) => number | Promise<number>;
  return await handler({ ...parsed, lang, io });
}

/**
 * Runs the `dti` command line: prints usage and the message on bad input, never a stack trace.
 * `--lang vi|en` (either form, anywhere) is read first, so it applies to every message.
 * @param argv Arguments after the program name.
 * @param io Output functions (stdout, stderr).
 * @returns The exit code: 0 ok, 1 internal error, 2 bad input, 3 units rejected (`score` or `report --skip-invalid`).
 */
export async function runMain(argv: readonly string[], io: CliIO): Promise<number> {
  csvRows.clear();
  xlsxCells.clear();
  let lang: Lang = "vi";
  let command: CommandName | undefined;
  try {
    const pre = preParse(argv);
    lang = pre.lang;
    const [name, ...rest] = pre.rest;
    if (name === undefined || name === "--help" || name === "-h") {
      io.out(globalHelp(lang));
      return name ? 0 : 2;
    }
    if ((VERSION_FLAGS as readonly string[]).includes(name)) {
      io.out(VERSION);
      return 0;
    }
    if (!isCommandName(name)) throw unknownCommand(name);
    command = name;
    return await dispatch(name, rest, lang, io);
  } catch (e) {
    if (e instanceof DtiError) {
      for (const issue of e.issues) io.err(formatIssue(issue, lang));
      if (e.issues.some((i) => i.kind === "cli"))
        io.err(`\n${command && command !== "help" ? commandHelp(command, lang) : globalHelp(lang)}`);
      return 2;
    }
    io.err(`internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env["DTI_DEBUG"]) io.err(String((e as Error)?.stack));
    return 1;
  }
}
