import { listCatalogs } from "../catalog/builtin.js";
import { lintCatalog, type LintReport } from "../catalog/lint.js";
import type { Catalog } from "../catalog/schema.js";
import { score } from "../engine/score.js";
import { DtiError, formatIssue, type Lang } from "../errors.js";
import { loadDataset } from "../io/dataset.js";
import { parseText } from "../io/_parse.js";
import { toCsv, toJson, toTable } from "./_render.js";
import { langOf, parse, readFile, resolveCatalog, table, usageError } from "./_utils.js";

/** Where the CLI writes. */
export interface CliIO {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

const USAGE = `dti — chấm điểm Bộ chỉ số đánh giá chuyển đổi số (DTI)

Usage:
  dti score <dataset…> [--catalog id|path] [--format table|json|csv] [--full] [--lang vi|en]
  dti catalogs [--format table|json]
  dti validate <catalog-or-dataset…> [--catalog id|path]
  dti lint [catalog…] [--format table|json]
  dti help

Exit codes: 0 ok, 1 internal error, 2 bad input (one line per problem on stderr).`;

type Command = (args: string[], io: CliIO) => number;

function datasetCatalog(ref: string | undefined, datasetCatalogId: string): Catalog {
  return resolveCatalog(ref ?? datasetCatalogId);
}

const commands: Record<string, Command> = {
  score(args, io) {
    const { values, positionals } = parse(args, { catalog: { type: "string" }, format: { type: "string" }, full: { type: "boolean" }, lang: { type: "string" } });
    const lang = langOf(values["lang"]);
    const format = (values["format"] as string | undefined) ?? "table";
    if (!["table", "json", "csv"].includes(format)) throw usageError(`--format must be table, json or csv, got ${format}`);
    if (!positionals.length) throw usageError("dti score needs a dataset file");
    const outputs: string[] = [];
    const issues: DtiError[] = [];
    for (const file of positionals) {
      try {
        const dataset = loadDataset(parseDatasetFile(file) as object);
        const catalog = datasetCatalog(values["catalog"] as string | undefined, dataset.catalog);
        const result = score(catalog, dataset);
        const catalogs = new Map<string, Catalog>([[catalog.id, catalog]]);
        if (catalog.childCatalog) catalogs.set(catalog.childCatalog, resolveCatalog(catalog.childCatalog));
        if (format === "json") outputs.push(JSON.stringify(toJson(result, values["full"] === true), null, 2));
        else if (format === "csv") outputs.push(toCsv(result));
        else outputs.push(`${positionals.length > 1 ? `# ${file}\n` : ""}${toTable(result, catalogs, lang)}`);
      } catch (e) {
        if (e instanceof DtiError) issues.push(withFile(e, file));
        else throw e;
      }
    }
    if (issues.length) throw new DtiError(issues.flatMap((e) => e.issues));
    io.out(outputs.join("\n\n"));
    return 0;
  },

  catalogs(args, io) {
    const { values } = parse(args, { format: { type: "string" } });
    const list = listCatalogs();
    if (values["format"] === "json") io.out(JSON.stringify(list, null, 2));
    else {
      io.out(table(
        ["id", "tỉnh / province", "cấp / level", "văn bản / document", "chấm / scoring", "chỉ số / nodes", "tổng / total"],
        list.map((c) => [c.id, c.province, c.level, c.document, c.scoring, String(c.indicators), c.scoring === "points" ? c.total + (c.declaredTotal && c.declaredTotal !== c.total ? ` (văn bản: ${c.declaredTotal})` : "") : "-"]),
      ));
    }
    return 0;
  },

  validate(args, io) {
    const { values, positionals } = parse(args, { catalog: { type: "string" }, lang: { type: "string" } });
    if (!positionals.length) throw usageError("dti validate needs a catalog or dataset file");
    const issues: DtiError[] = [];
    for (const file of positionals) {
      try {
        const raw = parseDatasetFile(file);
        if (raw && typeof raw === "object" && "indicators" in raw) {
          const c = resolveCatalog(file);
          io.out(`${file}: OK (catalog ${c.id})`);
        } else {
          const dataset = loadDataset(raw as object);
          const catalog = datasetCatalog(values["catalog"] as string | undefined, dataset.catalog);
          if (catalog.scoring === "structure") {
            io.out(`${file}: OK shape (catalog ${catalog.id} is structure-only)`);
            continue;
          }
          const result = score(catalog, dataset);
          io.out(`${file}: OK (${dataset.units.length} units, catalog ${catalog.id}${result.warnings.length ? `, ${result.warnings.length} warnings` : ""})`);
          for (const w of result.warnings) io.out(`  ! ${formatIssue(w, langOf(values["lang"]))}`);
        }
      } catch (e) {
        if (e instanceof DtiError) issues.push(withFile(e, file));
        else throw e;
      }
    }
    if (issues.length) throw new DtiError(issues.flatMap((e) => e.issues));
    return 0;
  },

  lint(args, io) {
    const { values, positionals } = parse(args, { format: { type: "string" } });
    const refs = positionals.length ? positionals : listCatalogs().map((c) => c.id);
    const reports = refs.map((r) => lintCatalog(resolveCatalog(r)));
    if (values["format"] === "json") io.out(JSON.stringify(reports, null, 2));
    else io.out(reports.map(renderLint).join("\n\n"));
    const failed = reports.filter((r) => !r.ok);
    if (failed.length) {
      for (const r of failed) for (const e of r.errors) io.err(`${r.catalog} ${e.code}: ${e.message}`);
      return 2;
    }
    return 0;
  },

  help(_args, io) {
    io.out(USAGE);
    return 0;
  },
};

function renderLint(r: LintReport): string {
  const s = r.stats;
  const head = `${r.ok ? "✓" : "✗"} ${r.catalog}: ${s.mainIndicators} main, ${s.components} components, ${s.leaves} scored leaves, total ${s.total}${s.declaredTotal !== undefined ? ` (declared ${s.declaredTotal})` : ""}`;
  const lines = [head];
  for (const e of r.errors) lines.push(`  error ${e.code}: ${e.message}`);
  for (const n of r.noted) lines.push(`  noted ${n.code || "(catalog)"}: ${n.message}`);
  lines.push(`  ${r.notes.length} interpretation notes:`);
  lines.push(
    table(["code", "source (verbatim)", "reading"], r.notes.map((n) => [n.code || "(catalog)", oneLine(n.source), oneLine(n.reading)]))
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n"),
  );
  return lines.join("\n");
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function parseDatasetFile(file: string): unknown {
  const text = readFile(file);
  if (/\.csv$/i.test(file)) throw usageError(`${file}: CSV datasets need --catalog (coming with templates)`);
  const parsed = parseText(text, "dataset", file);
  if ("issue" in parsed) throw new DtiError([parsed.issue]);
  return parsed.value;
}

function withFile(e: DtiError, file: string): DtiError {
  return new DtiError(e.issues.map((i) => (i.where.file ? i : { ...i, where: { file, ...i.where }, message: `${file}: ${i.message}` })));
}

/**
 * Runs the `dti` command line: prints usage and the message on bad input, never a stack trace.
 * @param argv Arguments after the program name.
 * @param io Output functions (stdout, stderr).
 * @param lang Language of error messages (default: from --lang, else vi).
 * @returns The exit code: 0 ok, 1 internal error, 2 bad input.
 */
export function runMain(argv: readonly string[], io: CliIO): number {
  const [name, ...rest] = argv;
  const langArg = argv.indexOf("--lang");
  let lang: Lang = "vi";
  if (langArg >= 0 && argv[langArg + 1] === "en") lang = "en";
  try {
    if (!name || name === "--help" || name === "-h") {
      io.out(USAGE);
      return name ? 0 : 2;
    }
    if (name === "--version") {
      io.out("dti-engine");
      return 0;
    }
    const command = commands[name];
    if (!command) throw usageError(`unknown command "${name}"`);
    return command(rest, io);
  } catch (e) {
    if (e instanceof DtiError) {
      for (const issue of e.issues) io.err(formatIssue(issue, lang));
      if (e.issues.some((i) => i.kind === "cli")) io.err(`\n${USAGE}`);
      return 2;
    }
    io.err(`internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env["DTI_DEBUG"]) io.err(String((e as Error)?.stack));
    return 1;
  }
}
