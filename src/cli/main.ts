import { listCatalogs } from "../catalog/builtin.js";
import { lintCatalog, type LintReport } from "../catalog/lint.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { score } from "../engine/score.js";
import { DtiError, formatIssue, type Lang } from "../errors.js";
import { loadDataset } from "../io/dataset.js";
import { parseText } from "../_parse.js";
import { explain, unitHeadline } from "../analysis/explain.js";
import { gaps } from "../analysis/gaps.js";
import { whatIf, parseOverride } from "../analysis/whatif.js";
import { compare } from "../analysis/compare.js";
import { report, type ReportFormat } from "../analysis/report.js";
import { formatNumber } from "../_format.js";
import { compileCatalog } from "../catalog/compile.js";
import { template, type TemplateFormat } from "../io/template.js";
import { datasetFromCsv } from "../io/csv.js";
import type { Dataset } from "../io/dataset.js";
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
  dti explain <dataset> --unit ID [--code 6.3.2] [--lang vi|en]
  dti gaps <dataset> --unit ID [--lang vi|en] [--format text|json]
  dti whatif <dataset> --set UNIT.PERIOD.CODE[.FIELD]=VALUE … [--lang vi|en]
  dti compare <old-dataset> <new-dataset> [--format table|json]
  dti report <dataset> --format md|html|csv|json [--lang vi|en]
  dti template <catalog> --format csv|yaml|json-schema [--periods Q1,Q2,Q3,Q4] [--year 2024]
  dti help

A dataset is YAML, JSON, or a filled CSV template (then --catalog is required).

Exit codes: 0 ok, 1 internal error, 2 bad input (one line per problem on stderr).`;

type Command = (args: string[], io: CliIO) => number;

function datasetCatalog(ref: string | undefined, datasetCatalogId: string): CompiledCatalog {
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
        const { dataset, catalog } = openDataset(file, values["catalog"] as string | undefined);
        const result = score(catalog, dataset);
        const catalogs = new Map<string, CompiledCatalog>([[catalog.id, catalog]]);
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
        const raw = parseDatasetFile(file, values["catalog"] as string | undefined);
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

/** Loads a dataset file (YAML, JSON or filled CSV) and its catalog. */
function openDataset(file: string, catalogRef: string | undefined): { dataset: Dataset; catalog: CompiledCatalog } {
  const dataset = loadDataset(parseDatasetFile(file, catalogRef) as object);
  return { dataset, catalog: datasetCatalog(catalogRef, dataset.catalog) };
}

function requireUnit(v: unknown, dataset: Dataset): string {
  if (typeof v !== "string") throw usageError("--unit ID is required");
  if (!dataset.units.some((u) => u.id === v)) throw usageError(`--unit ${v}: no such unit (units: ${dataset.units.map((u) => u.id).join(", ")})`);
  return v;
}

const analysisCommands: Record<string, Command> = {
  explain(args, io) {
    const { values, positionals } = parse(args, { unit: { type: "string" }, code: { type: "string" }, lang: { type: "string" }, catalog: { type: "string" } });
    const lang = langOf(values["lang"]);
    if (positionals.length !== 1) throw usageError("dti explain needs one dataset file");
    const { dataset, catalog } = openDataset(positionals[0]!, values["catalog"] as string | undefined);
    const unit = requireUnit(values["unit"], dataset);
    const result = score(catalog, dataset);
    const code = values["code"] as string | undefined;
    if (code && !compileCatalog(catalog).nodes.has(code)) throw usageError(`--code ${code}: no such indicator in ${catalog.id}`);
    const u = result.units.find((x) => x.id === unit)!;
    io.out([unitHeadline(u, lang), "", ...explain(result, unit, { lang, ...(code ? { code } : {}) }).map((e) => `${"  ".repeat(e.depth)}${e.text}`)].join("\n"));
    return 0;
  },
  gaps(args, io) {
    const { values, positionals } = parse(args, { unit: { type: "string" }, lang: { type: "string" }, format: { type: "string" }, catalog: { type: "string" } });
    const lang = langOf(values["lang"]);
    if (positionals.length !== 1) throw usageError("dti gaps needs one dataset file");
    const { dataset, catalog } = openDataset(positionals[0]!, values["catalog"] as string | undefined);
    const g = gaps(catalog, dataset, requireUnit(values["unit"], dataset), { lang });
    if (values["format"] === "json") {
      io.out(JSON.stringify(g, null, 2));
      return 0;
    }
    const vi = lang === "vi";
    const n = (s: string) => formatNumber(s, lang);
    const lines: string[] = [`${g.name} (${g.unit})${g.total !== "0" ? `: ${vi ? "tổng" : "total"} ${n(g.total)}, ${vi ? "hạng" : "rank"} ${g.rank}` : ""}`];
    if (g.nextLevel) {
      lines.push("", vi ? `Để đạt mức ${g.nextLevel.level}:` : `For level ${g.nextLevel.level}:`);
      for (const b of g.nextLevel.blockers) lines.push(`  ${b.code} (${vi ? "mức" : "level"} ${b.level}) ${b.name}: ${b.action}`);
    }
    if (g.target) lines.push("", vi ? `Cần thêm hơn ${n(g.target.needed)} điểm để vượt ${g.target.name} (${g.target.unit}, ${n(g.target.total)}).` : `Needs more than ${n(g.target.needed)} points to pass ${g.target.name} (${g.target.unit}, ${n(g.target.total)}).`);
    if (g.byMain.length) {
      lines.push("", vi ? "Điểm mất theo chỉ số chính:" : "Points lost by main indicator:");
      for (const m of g.byMain) lines.push(`  ${m.code}. ${m.name}: −${n(m.lost)}`);
    }
    if (g.byLead.length) {
      lines.push("", vi ? "Điểm mất theo đơn vị/công chức chủ trì:" : "Points lost by responsible agency/official:");
      for (const l of g.byLead) lines.push(`  ${l.lead}: −${n(l.lost)} (${l.codes.join(", ")})`);
    }
    if (g.lost.length) {
      lines.push("", vi ? "Chỉ số mất điểm nhiều nhất:" : "Indicators losing most:");
      for (const l of g.lost.slice(0, 15)) lines.push(`  ${l.code} ${l.name.slice(0, 70)}: ${n(l.score)}/${n(l.max)} (−${n(l.lost)})`);
    }
    if (g.missingData.length) {
      lines.push("", vi ? "Chưa có số liệu (thiếu số liệu tính 0 điểm):" : "No data reported (scored 0):");
      for (const m of g.missingData) lines.push(`  ${m.code} ${m.name.slice(0, 70)}: ${vi ? "tối đa" : "up to"} +${n(m.lost)}${m.lead ? ` — ${m.lead}` : ""}`);
    }
    if (g.suggestions.length) {
      lines.push("", vi ? "Cách cải thiện (ít công sức trước; ★ = đủ để vượt đơn vị trên):" : "Ways to gain (least effort first; ★ = enough to pass the unit above):");
      for (const s of g.suggestions.slice(0, 10)) lines.push(`  ${s.reaches ? "★ " : "  "}${s.description}${s.lead ? ` — ${s.lead}` : ""}`);
    }
    if (g.plan) lines.push("", `${vi ? "Kết hợp" : "Combined"}: ${g.plan.codes.join(" + ")} → +${n(g.plan.gain)}${g.plan.reaches ? " ★" : ""}`);
    io.out(lines.join("\n"));
    return 0;
  },
  whatif(args, io) {
    const { values, positionals } = parse(args, { set: { type: "string", multiple: true }, lang: { type: "string" }, catalog: { type: "string" }, format: { type: "string" } });
    const lang = langOf(values["lang"]);
    if (positionals.length !== 1) throw usageError("dti whatif needs one dataset file");
    const sets = (values["set"] as string[] | undefined) ?? [];
    if (!sets.length) throw usageError("dti whatif needs at least one --set UNIT.PERIOD.CODE[.FIELD]=VALUE");
    const { dataset, catalog } = openDataset(positionals[0]!, values["catalog"] as string | undefined);
    const codes = new Set(compileCatalog(catalog).nodes.keys());
    const overrides = sets.map((s) => {
      try {
        return parseOverride(s, codes);
      } catch (e) {
        throw usageError((e as Error).message);
      }
    });
    for (const o of overrides) requireUnit(o.unit, dataset);
    const w = whatIf(catalog, dataset, overrides);
    if (values["format"] === "json") {
      io.out(JSON.stringify(w.comparison, null, 2));
      return 0;
    }
    const vi = lang === "vi";
    const rows = w.comparison.units
      .filter((u) => u.totalChange !== "0" || u.rankChange !== 0)
      .map((u) => [u.id, u.name, formatNumber(u.totalBefore ?? "0", lang), formatNumber(u.totalAfter ?? "0", lang), formatNumber(u.totalChange ?? "0", lang), String(u.rankBefore ?? ""), String(u.rankAfter ?? ""), Object.entries(u.indicators).map(([c, d]) => `${c} ${formatNumber(d.before, lang)}→${formatNumber(d.after, lang)}`).join(", ")]);
    io.out(rows.length ? table(vi ? ["Mã", "Đơn vị", "Tổng trước", "Tổng sau", "Thay đổi", "Hạng trước", "Hạng sau", "Chỉ số thay đổi"] : ["ID", "Unit", "Total before", "Total after", "Change", "Rank before", "Rank after", "Indicators changed"], rows, [false, false, true, true, true, true, true]) : vi ? "Không có thay đổi." : "No change.");
    return 0;
  },
  compare(args, io) {
    const { values, positionals } = parse(args, { lang: { type: "string" }, catalog: { type: "string" }, format: { type: "string" } });
    const lang = langOf(values["lang"]);
    if (positionals.length !== 2) throw usageError("dti compare needs two dataset files: <old> <new>");
    const a = openDataset(positionals[0]!, values["catalog"] as string | undefined);
    const b = openDataset(positionals[1]!, values["catalog"] as string | undefined);
    if (a.catalog.id !== b.catalog.id) throw usageError(`the two datasets use different catalogs (${a.catalog.id}, ${b.catalog.id})`);
    // The new year's inputs marked `previous: improvement` (Đồng Nai Sở 9.1) come from the old year's results.
    const before = score(a.catalog, a.dataset);
    const after = score(b.catalog, b.dataset, { previous: before });
    const c = compare(before, after);
    for (const w of after.warnings.filter((x) => x.code === "derivedFromPrevious")) io.err(`i ${formatIssue(w, lang)}`);
    if (values["format"] === "json") {
      io.out(JSON.stringify(c, null, 2));
      return 0;
    }
    const vi = lang === "vi";
    io.out(`${c.catalog}: ${c.yearBefore} → ${c.yearAfter}\n\n` + table(
      vi ? ["Mã", "Đơn vị", "Tổng trước", "Tổng sau", "Thay đổi", "Hạng trước", "Hạng sau", "Tăng hạng", "Chỉ số thay đổi nhiều nhất"] : ["ID", "Unit", "Total before", "Total after", "Change", "Rank before", "Rank after", "Ranks climbed", "Largest indicator changes"],
      c.units.map((u) => [u.id, u.name, formatNumber(u.totalBefore ?? "", lang), formatNumber(u.totalAfter ?? "", lang), formatNumber(u.totalChange ?? "0", lang), String(u.rankBefore ?? "-"), String(u.rankAfter ?? "-"), u.rankChange !== undefined ? String(u.rankChange) : "-",
        Object.entries(u.indicators).filter(([code]) => code.includes(".")).sort((x, y) => Math.abs(Number(y[1].change)) - Math.abs(Number(x[1].change))).slice(0, 3).map(([code, d]) => `${code} ${Number(d.change) > 0 ? "+" : ""}${formatNumber(d.change, lang)}`).join(", ")]),
      [false, false, true, true, true, true, true, true],
    ));
    return 0;
  },
  report(args, io) {
    const { values, positionals } = parse(args, { format: { type: "string" }, lang: { type: "string" }, catalog: { type: "string" } });
    const lang = langOf(values["lang"]);
    const format = (values["format"] as string | undefined) ?? "md";
    if (!["md", "html", "csv", "json"].includes(format)) throw usageError(`--format must be md, html, csv or json, got ${format}`);
    if (positionals.length !== 1) throw usageError("dti report needs one dataset file");
    const { dataset, catalog } = openDataset(positionals[0]!, values["catalog"] as string | undefined);
    io.out(report(catalog, dataset, format as ReportFormat, lang));
    return 0;
  },
  template(args, io) {
    const { values, positionals } = parse(args, { format: { type: "string" }, periods: { type: "string" }, year: { type: "string" } });
    const format = (values["format"] as string | undefined) ?? "csv";
    if (!["csv", "yaml", "json-schema"].includes(format)) throw usageError(`--format must be csv, yaml or json-schema, got ${format}`);
    if (positionals.length !== 1) throw usageError("dti template needs one catalog (id or file)");
    const catalog = resolveCatalog(positionals[0]!);
    const periods = values["periods"] ? String(values["periods"]).split(",").map((p) => p.trim()) : undefined;
    const year = values["year"] !== undefined ? Number(values["year"]) : undefined;
    if (year !== undefined && !Number.isInteger(year)) throw usageError(`--year must be a year, got ${values["year"]}`);
    io.out(template(catalog, format as TemplateFormat, { ...(periods ? { periods } : {}), ...(year !== undefined ? { year } : {}) }));
    return 0;
  },
};

function renderLint(r: LintReport): string {
  const s = r.stats;
  const head = `${r.ok ? "✓" : "✗"} ${r.catalog}: ${s.mainIndicators} main, ${s.components} components, ${s.leaves} scored leaves, total ${s.total}${s.declaredTotal !== undefined ? ` (declared ${s.declaredTotal})` : ""}${s.differenceFrom1000 !== undefined ? `; ${s.differenceFrom1000} against the usual 1000` : ""}`;
  const lines = [head];
  for (const e of r.errors) lines.push(`  error ${e.code}: ${e.message}`);
  for (const n of r.noted) lines.push(`  noted ${n.code || "(catalog)"}: ${n.message}`);
  lines.push(`  ${r.notes.length} interpretation notes (code · source text · reading chosen):`);
  for (const n of r.notes) {
    lines.push(`  ${n.code || "(catalog)"}`);
    lines.push(`      source:  “${oneLine(n.source)}”`);
    lines.push(`      reading: ${oneLine(n.reading)}`);
  }
  return lines.join("\n");
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function parseDatasetFile(file: string, catalogRef?: string): unknown {
  const text = readFile(file);
  if (/\.csv$/i.test(file)) {
    if (!catalogRef) throw usageError(`${file}: a CSV dataset needs --catalog id|path`);
    return datasetFromCsv(text, resolveCatalog(catalogRef), file);
  }
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
    const command = commands[name] ?? analysisCommands[name];
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
