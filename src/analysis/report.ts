import { criteriaInOrder, indicatorsInOrder } from "../engine/types.js";
import Papa from "papaparse";
import { Dec } from "../_decimal.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { score, type ScoreOptions } from "../engine/score.js";
import type { PointsUnit, RejectedUnit, ScoreResult, UnitResult } from "../engine/types.js";
import { readingSets, withReadings } from "../catalog/readings.js";
import { robustness, type RobustnessReport } from "./robustness.js";
import { robustnessHtml, robustnessMarkdown } from "./robustnessRender.js";
import { formatIssue, type Issue, type Lang } from "../errors.js";
import { reportWords } from "../i18n/analysis.js";
import type { Dataset, DatasetInput } from "../io/dataset.js";
import { assessmentDifferences, type AssessmentDifference } from "./compare.js";
import { explain, type Explanation } from "./explain.js";
import { gaps, type GapReport } from "./gaps.js";
import { formatNumber, shorten } from "../_format.js";
import { groupByParent, selectUnits, type ParentGroup, type UnitSelection } from "./select.js";
import { DatasetError, createIssue } from "../errors.js";

/** Report formats. */
export type ReportFormat = "md" | "html" | "csv" | "json";

/** Everything a report shows, per unit. */
export interface ReportData {
  readonly catalog: CompiledCatalog;
  readonly result: ScoreResult;
  readonly units: readonly { readonly unit: UnitResult; readonly gaps: GapReport; readonly explanations: readonly Explanation[] }[];
  readonly differences: readonly AssessmentDifference[];
  /** With `groupBy: "parent"`: per parent unit, the number of units and their mean, lowest and highest total. */
  readonly groups?: readonly ParentGroup[];
  /** For a points catalog with readings (issue 13): every unit's rank interval over the combinations of readings. */
  readonly robustness?: RobustnessReport;
}

// The report explores the readings exhaustively up to this many unit scorings (100 communes × 200
// combinations), beyond that by exact bounds: `dti report` on 100 communes stays within seconds.
const REPORT_UNIT_SCORINGS = 20_000;

/** What {@link reportData} gathers: the engine, which units (the others' gaps are not searched) and groups. */
export interface ReportDataOptions extends Pick<ScoreOptions, "engine" | "skipInvalid" | "readings">, UnitSelection {
  /** Only this unit (its rank stays the one among every unit). */
  readonly unit?: string | undefined;
  /** `parent`: the summary per parent unit (points catalogs; see {@link groupByParent}). */
  readonly groupBy?: "parent" | undefined;
}

/**
 * Gathers a report's content: the result, each unit's gaps and explanations, and where
 * self-assessment and appraisal differ.
 * @param catalog The catalog.
 * @param dataset The dataset.
 * @param lang Language of the sentences.
 * @param options `engine`, `readings`: as for `score` (the gap search's re-scoring too); `unit`, `filter`
 * and `sort`: which units, in which order (see {@link selectUnits}); `groupBy: "parent"`: the
 * summary per parent unit.
 * @returns The report data (units of the catalog, in rank order unless sorted otherwise).
 * @throws DatasetError `unknownUnit` for a `unit` not in the result; `noParents` (groupBy) when no
 * unit has a parent or the catalog is a level catalog.
 */
export function reportData(
  catalog: CompiledCatalog,
  dataset: Dataset | DatasetInput,
  lang: Lang = "vi",
  options: ReportDataOptions = {},
): ReportData {
  // The readings are applied once, so that the gap search re-scores the same derived catalog.
  if (options.readings) catalog = withReadings(catalog, options.readings);
  const engine = options.engine ? { engine: options.engine } : {};
  const result = score(catalog, dataset, { ...engine, ...(options.skipInvalid ? { skipInvalid: true } : {}) });
  // The gap search scores the data again: only the units that were scored (the rejected ones
  // would refuse it again). A unit's id is unique among those kept: duplicates are rejected.
  if (result.rejected?.length) {
    const kept = new Set(result.units.map((u) => u.id));
    const units = (dataset as { units: readonly { id?: unknown }[] }).units;
    dataset = { ...dataset, units: units.filter((u) => typeof u.id === "string" && kept.has(u.id)) } as DatasetInput;
  }
  const own = result.units.filter((u) => u.catalog === catalog.id);
  if (options.unit !== undefined && !own.some((u) => u.id === options.unit))
    throw new DatasetError([
      createIssue("dataset", "unknownUnit", { unit: options.unit }, { received: options.unit, expected: own.map((u) => u.id).join(", ") }),
    ]);
  const chosen = selectUnits(
    own.filter((u) => options.unit === undefined || u.id === options.unit),
    options,
  );
  const groups = options.groupBy === "parent" ? { groups: groupByParent(chosen, result.units, result.parents) } : {};
  const units = chosen.map((unit) => ({
    unit,
    gaps: gaps(catalog, dataset, unit.id, { lang, result, verify: 3, ...engine }),
    explanations: explain(result, unit.id, { lang }),
  }));
  const shown = new Set(units.map((u) => u.unit.id));
  const differences = assessmentDifferences(result).filter((d) => shown.has(d.unit));
  const robust =
    catalog.scoring === "points" && readingSets(catalog).length
      ? { robustness: robustness(catalog, dataset, { ...engine, maxUnitScorings: REPORT_UNIT_SCORINGS }) }
      : {};
  return { catalog, result, units, differences, ...groups, ...robust };
}

const L = reportWords;

/** CSV of every unit × indicator × period score (and the annual one, period "year"). */
export function reportCsv(data: ReportData): string {
  const rows: Record<string, string | number>[] = [];
  // A `reading` column when the catalog has readings (issue 13): the reading in force of each node with readings.
  const used = data.result.readings;
  const readingOf = (code: string) => (used ? { reading: used[code]?.id ?? "" } : {});
  for (const { unit } of data.units) {
    if (unit.scoring === "levels") {
      for (const c of criteriaInOrder(unit))
        rows.push({
          catalog: unit.catalog,
          unit_id: unit.id,
          unit_name: unit.name,
          code: c.code,
          name: c.name,
          period: "year",
          score: c.levelMet,
          max: 5,
          status: c.status,
        });
      continue;
    }
    for (const i of indicatorsInOrder(unit)) {
      for (const [p, ps] of Object.entries(i.periods ?? {}))
        rows.push({
          catalog: unit.catalog,
          unit_id: unit.id,
          unit_name: unit.name,
          code: i.code,
          name: i.name,
          period: p,
          score: ps.score,
          max: i.max,
          status: ps.status,
          ...readingOf(i.code),
        });
      rows.push({
        catalog: unit.catalog,
        unit_id: unit.id,
        unit_name: unit.name,
        code: i.code,
        name: i.name,
        period: "year",
        score: i.score,
        max: i.max,
        status: i.periods ? (i.annualRule ?? "") : "sum",
        ...readingOf(i.code),
      });
    }
  }
  return Papa.unparse(rows);
}

/** CSV of a summary per parent unit: parent id and name, units, mean, lowest and highest total (decimal strings). */
export function groupsCsv(groups: readonly ParentGroup[]): string {
  return Papa.unparse({
    fields: ["parent", "parent_name", "units", "mean", "min", "max"],
    data: groups.map((g) => [g.parent ?? "", g.name ?? "", g.units, g.mean, g.min, g.max]),
  });
}

/**
 * The warnings of a run as CSV, one row per warning: code, the place (file, catalog, unit, period,
 * indicator, field, path), the message in `lang` and the severity (`warning`; `rejected` for each
 * problem of a unit left out by `skipInvalid`, given as `rejected`). A report or score CSV has no room for them
 * (its rows are scores): the command line writes this beside it (`--warnings file.csv`).
 */
export function warningsCsv(warnings: readonly Issue[], lang: Lang = "vi", rejected: readonly RejectedUnit[] = []): string {
  const fields = ["code", "file", "catalog", "unit", "period", "indicator", "field", "path", "message", "severity"];
  const row = (w: Issue, unit: string | undefined, severity: "warning" | "rejected") => [
    w.code,
    w.where.file ?? "",
    w.where.catalog ?? "",
    w.where.unit ?? unit ?? "",
    w.where.period ?? "",
    w.where.indicator ?? "",
    w.where.field ?? "",
    w.path.join("."),
    formatIssue(w, lang),
    severity,
  ];
  return Papa.unparse({
    fields,
    data: [...warnings.map((w) => row(w, undefined, "warning")), ...rejected.flatMap((r) => r.issues.map((i) => row(i, r.id, "rejected")))],
  });
}

/** The units left out by `skipInvalid`, each with every problem, in a box like the warnings'. */
function rejectedHtml(rejected: readonly RejectedUnit[], lang: Lang, pageClass: string): string {
  if (!rejected.length) return "";
  const t = L[lang];
  const items = rejected
    .map(
      (r) =>
        `<li><strong>${esc(r.id)}</strong>${r.name !== undefined ? ` (${esc(r.name)})` : ""}<ul>${r.issues.map((i) => `<li><code>${esc(i.code)}</code> ${esc(formatIssue(i, lang))}</li>`).join("")}</ul></li>`,
    )
    .join("");
  return `<section class="${pageClass}warnings" id="rejected" role="alert"><h2>${esc(t.rejected)} (${rejected.length})</h2><p>${esc(t.rejectedNote)}</p><ul>${items}</ul></section>`;
}

/** Markdown report; its warnings come first, in a "Cảnh báo" / "Warnings" section. */
export function reportMarkdown(data: ReportData, lang: Lang = "vi"): string {
  const t = L[lang];
  const n = (s: string) => formatNumber(s, lang);
  const c = data.catalog;
  const out: string[] = [
    `# ${t.title}: ${c.title}`,
    "",
    `${c.province} · ${c.document.number} (${c.document.date}) · ${data.result.year} · ${data.result.periods.join(", ")}`,
    "",
  ];
  const warnings = data.result.warnings;
  // Before the ranking: a reader who stops at the first table still sees them.
  if (warnings.length) {
    out.push(`## ${t.warnings} (${warnings.length})`, "", t.warningsNote, "");
    for (const w of warnings) out.push(`- **${w.code}** ${mdEscape(formatIssue(w, lang))}`);
    out.push("");
  }
  const rejected = data.result.rejected ?? [];
  if (rejected.length) {
    out.push(`## ${t.rejected} (${rejected.length})`, "", t.rejectedNote, "");
    for (const r of rejected) {
      out.push(`- **${mdEscape(r.id)}**${r.name !== undefined ? ` (${mdEscape(r.name)})` : ""}`);
      for (const i of r.issues) out.push(`  - **${i.code}** ${mdEscape(formatIssue(i, lang))}`);
    }
    out.push("");
  }
  const readings = readingLines(data.result, lang);
  if (readings.length) {
    out.push(`## ${t.readings}`, "", t.readingsNote, "");
    for (const r of readings) out.push(`- **${mdEscape(r.code)}** ${mdEscape(r.text)}`);
    out.push("");
  }
  out.push(`## ${t.ranking}`, "");
  const levels = c.scoring === "levels";
  out.push(
    levels ? `| ${t.rank} | ${t.unit} | ${t.level} | ${t.registered} | ${t.recognised} |` : `| ${t.rank} | ${t.unit} | ${t.total} |`,
  );
  out.push(levels ? "|---:|---|---|---|---|" : "|---:|---|---:|");
  for (const { unit: u } of data.units) {
    out.push(
      u.scoring === "levels"
        ? `| ${u.rank} | ${u.name} (${u.id}) | ${u.level} ${u.levelName} | ${u.registered ?? ""} | ${u.registered !== undefined ? (u.recognised ? t.yes : t.no) : ""} |`
        : `| ${u.rank} | ${u.name} (${u.id}) | ${n(u.total)} |`,
    );
  }
  if (data.groups) {
    out.push("", `## ${t.byParent}`, "", `| ${t.parent} | ${t.units} | ${t.mean} | ${t.min} | ${t.highest} |`, "|---|---:|---:|---:|---:|");
    for (const g of data.groups)
      out.push(
        `| ${g.parent === undefined ? t.noParent : `${mdEscape(g.name ?? g.parent)} (${mdEscape(g.parent)})`} | ${g.units} | ${n(g.mean)} | ${n(g.min)} | ${n(g.max)} |`,
      );
  }
  if (data.robustness) out.push("", ...robustnessMarkdown(data.robustness, lang));
  for (const { unit: u, gaps: g, explanations } of data.units) {
    out.push("", `## ${u.rank}. ${u.name} (${u.id})`, "");
    if (u.scoring === "levels") {
      if (g.nextLevel) {
        out.push(`### ${t.blockers(g.nextLevel.level)}`, "");
        for (const b of g.nextLevel.blockers) out.push(`- ${b.code} ${b.name}: ${b.action}`);
      }
    } else {
      out.push(`### ${t.breakdown}`, "", `| ${t.code} | ${t.indicator} | ${t.score} | ${t.max} |`, "|---|---|---:|---:|");
      for (const m of c.indicators) {
        const i = u.indicators[m.code];
        if (i) out.push(`| ${m.code} | ${m.name} | ${n(i.score)} | ${n(i.max)} |`);
      }
      out.push("", `### ${t.gaps}`, "");
      if (g.target) out.push(`${t.needed(n(g.target.needed), `${g.target.name} (${n(g.target.total)})`)}.`, "");
      for (const l of g.lost.slice(0, 10)) out.push(`- ${l.code} ${l.name}: −${n(l.lost)}${l.lead ? ` (${t.lead}: ${l.lead})` : ""}`);
      if (g.missingData.length) out.push("", `**${t.noData}:** ${g.missingData.map((m) => m.code).join(", ")}`);
      if (g.suggestions.length) {
        out.push("", `**${t.how}:**`, "");
        for (const s of g.suggestions.slice(0, 5)) out.push(`- ${s.description}${s.lead ? ` — ${s.lead}` : ""}`);
      }
      if (g.plan) out.push("", `**${t.plan}:** ${g.plan.codes.join(" + ")} → +${n(g.plan.gain)}`);
    }
    out.push("", `### ${t.explain}`, "");
    for (const e of explanations) out.push(`${"  ".repeat(e.depth)}- ${e.text}`);
  }
  if (data.differences.length) {
    out.push("", `## ${t.diffs}`, "", `| ${t.unit} | ${t.code} | ${t.self} | ${t.final} | ${t.diff} |`, "|---|---|---:|---:|---:|");
    for (const d of data.differences) out.push(`| ${d.unit} | ${d.code} | ${n(d.self)} | ${n(d.final)} | ${n(d.difference)} |`);
  }
  return out.join("\n") + "\n";
}

/**
 * The readings a result was scored with (issue 13), one line per node with readings: the id in
 * force, marked default or chosen, and its rationale.
 */
function readingLines(result: ScoreResult, lang: Lang): { code: string; text: string }[] {
  const t = L[lang];
  return Object.entries(result.readings ?? {}).map(([code, r]) => ({
    code,
    text: `${r.id} (${r.default ? t.readingDefault : t.readingChosen}): ${r.rationale}`,
  }));
}

/** Markdown-inert text: a value quoted in a warning must not become emphasis, a link or a table cell. */
function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

/** Inline SVG bars, one per main indicator: score against max. */
function bars(unit: PointsUnit, catalog: CompiledCatalog, lang: Lang): string {
  const rows = catalog.indicators.filter((m) => unit.indicators[m.code]);
  const h = 22;
  const width = 560;
  const labelW = 230;
  const barW = width - labelW - 90;
  const items = rows.map((m, i) => {
    const ind = unit.indicators[m.code]!;
    const max = new Dec(ind.max);
    const share = max.gt(0) ? new Dec(ind.score).div(max).toNumber() : 0;
    const y = i * h;
    const label = `${m.code}. ${m.name}`;
    return `<g class="bar" data-code="${esc(m.code)}"><text x="0" y="${y + 15}" font-size="12">${esc(shorten(label, 34))}</text><rect x="${labelW}" y="${y + 4}" width="${barW}" height="14" fill="#e5e7eb"/><rect x="${labelW}" y="${y + 4}" width="${(barW * share).toFixed(1)}" height="14" fill="${share >= 0.8 ? "#16a34a" : share >= 0.5 ? "#ca8a04" : "#dc2626"}"/><text x="${labelW + barW + 6}" y="${y + 15}" font-size="12">${esc(formatNumber(ind.score, lang))}/${esc(formatNumber(ind.max, lang))}</text></g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${rows.length * h}" viewBox="0 0 ${width} ${rows.length * h}">${items.join("")}</svg>`;
}

/** What {@link reportHtml} lays out: the whole report, or printable pages per unit. */
export interface ReportHtmlOptions {
  /** Printable pages of this unit only (it must be in the data). */
  readonly unit?: string | undefined;
  /** Printable pages, one page group per unit: A4, each unit from a new page, with a signature block. */
  readonly perUnit?: boolean | undefined;
}

type UnitEntry = ReportData["units"][number];

/** The line naming the catalog, its document, the year and the periods. */
function headline(data: ReportData, lang: Lang): string {
  const c = data.catalog;
  return `${esc(c.title)} — ${esc(c.province)} · ${esc(c.document.number)} (${esc(c.document.date)}) · ${L[lang].year} ${data.result.year} · ${esc(data.result.periods.join(", "))}`;
}

/** The gaps of a points unit: target, points lost (with each one's explanation when printed), leads, cheapest ways. */
function gapsHtml(entry: UnitEntry, lang: Lang, print: boolean): string {
  const t = L[lang];
  const n = (s: string) => esc(formatNumber(s, lang));
  const g = entry.gaps;
  const parts: string[] = [`<h3>${t.gaps}</h3>`];
  if (g.target)
    parts.push(
      `<p class="target">${esc(t.needed(formatNumber(g.target.needed, lang), `${g.target.name} (${formatNumber(g.target.total, lang)})`))}.</p>`,
    );
  const leads = g.lost.some((l) => l.lead);
  // On paper the sentence that explains each lost score stands beside it (no <details> to open).
  const said = new Map(entry.explanations.map((e) => [e.code, e.text]));
  parts.push(
    `<table class="gaps">${print ? `<colgroup><col style="width:7%"><col><col style="width:8%">${leads ? '<col style="width:16%">' : ""}<col style="width:${leads ? 30 : 42}%"></colgroup>` : ""}<tr><th>${t.code}</th><th>${t.indicator}</th><th>${t.lost}</th>${leads ? `<th>${t.lead}</th>` : ""}${print ? `<th>${t.why}</th>` : ""}</tr>${g.lost
      .slice(0, 10)
      .map(
        (l) =>
          `<tr><td>${esc(l.code)}</td><td>${esc(l.name)}</td><td class="num">−${n(l.lost)}</td>${leads ? `<td>${esc(l.lead ?? "")}</td>` : ""}${print ? `<td>${esc(sentence(said.get(l.code) ?? ""))}</td>` : ""}</tr>`,
      )
      .join("")}</table>`,
  );
  if (g.byLead.length)
    parts.push(
      `<h4>${t.lead}</h4><ul>${g.byLead.map((l) => `<li>${esc(l.lead)}: −${n(l.lost)} (${esc(l.codes.join(", "))})</li>`).join("")}</ul>`,
    );
  if (g.suggestions.length)
    parts.push(
      `<h4>${t.how}</h4><ol class="suggestions">${g.suggestions
        .slice(0, 5)
        .map((s) => `<li>${esc(s.description)}${s.lead ? ` — <em>${esc(s.lead)}</em>` : ""}</li>`)
        .join("")}</ol>`,
    );
  if (print && g.plan) parts.push(`<p><strong>${t.plan}:</strong> ${esc(g.plan.codes.join(" + "))} → +${n(g.plan.gain)}</p>`);
  return parts.join("");
}

/** What blocks a level unit's next level. */
function blockersHtml(g: GapReport, lang: Lang): string {
  const t = L[lang];
  return g.nextLevel
    ? `<h3>${esc(t.blockers(g.nextLevel.level))}</h3><ul>${g.nextLevel.blockers.map((b) => `<li>${esc(b.code)} ${esc(b.name)}: ${esc(b.action)}</li>`).join("")}</ul>`
    : "";
}

/** An explanation without its code (the row names it) and its citation (the page header names the catalog). */
function sentence(text: string): string {
  return text.replace(/^\S+: /, "").replace(/ \[[^\]]*\]$/, "");
}

/** The summary per parent unit, as an HTML table. */
function groupsHtml(groups: readonly ParentGroup[], lang: Lang): string {
  const t = L[lang];
  const n = (s: string) => esc(formatNumber(s, lang));
  return `<h2>${t.byParent}</h2><table id="groups"><tr><th>${t.parent}</th><th>${t.units}</th><th>${t.mean}</th><th>${t.min}</th><th>${t.highest}</th></tr>${groups
    .map(
      (g) =>
        `<tr><td>${g.parent === undefined ? esc(t.noParent) : `${esc(g.name ?? g.parent)} <small>(${esc(g.parent)})</small>`}</td><td class="num">${g.units}</td><td class="num">${n(g.mean)}</td><td class="num">${n(g.min)}</td><td class="num">${n(g.max)}</td></tr>`,
    )
    .join("")}</table>`;
}

const SCREEN_CSS =
  "body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#111}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d1d5db;padding:.25em .5em;text-align:left}td.num{text-align:right}h2{border-top:2px solid #e5e7eb;padding-top:.5em}small{color:#6b7280}.target{font-weight:600}svg{display:block;margin:.5em 0}.warnings{border:2px solid #ca8a04;background:#fefce8;padding:0 1em;margin:1em 0}.warnings h2{border-top:0}";

// One unit is two A4 pages: its scores (every indicator of Vĩnh Phúc xã's 55 rows on one line each),
// then its gaps and the signatures. Cells do not wrap on page 1 so that its height depends on the
// catalog only, never on a unit's figures; a table row, a list item or the signature block is never
// cut by a page break.
const PRINT_CSS =
  "@page{size:A4;margin:12mm 12mm 14mm}body{font-family:system-ui,sans-serif;font-size:9pt;line-height:1.25;color:#111;margin:0}table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.3em 0}td,th{border:1px solid #9ca3af;padding:1px 4px;text-align:left;vertical-align:top}th{background:#f3f4f6}td.num,th.num{text-align:right}h1{font-size:13pt;margin:0 0 .2em}h2{font-size:11pt;margin:.6em 0 .2em}h3{font-size:10pt;margin:.6em 0 .2em}h4{font-size:9pt;margin:.5em 0 .2em}p{margin:.2em 0}ol,ul{margin:.2em 0;padding-left:1.6em}small{color:#4b5563}.page{break-before:page}.page:first-child{break-before:auto}tr,li,.signature,.unit-head{break-inside:avoid}thead{display:table-header-group}table.scores{font-size:7.5pt;line-height:1.2}table.scores td,table.scores th{padding:0 3px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}table.scores tr.main td{font-weight:600;background:#f9fafb}.unit-head{border-bottom:2px solid #111;padding-bottom:.3em;margin-bottom:.4em}.unit-head .doc{font-size:8pt;color:#374151}.signature{display:flex;justify-content:space-around;text-align:center;margin-top:1.5em}.signature div{width:40%}.signature .sign{height:20mm}.gaps-page{font-size:8pt}.warnings{border:1px solid #ca8a04;padding:0 .6em}@media screen{body{max-width:210mm;margin:1em auto}.page{border-top:1px dashed #9ca3af;margin-top:2em;padding-top:1em}}";

/** The header every printed page group starts with: catalog, document, year; the unit and its result. */
function unitHead(data: ReportData, entry: UnitEntry, lang: Lang, count: number): string {
  const t = L[lang];
  const u = entry.unit;
  const n = (s: string) => esc(formatNumber(s, lang));
  const result =
    u.scoring === "levels"
      ? `${t.level}: <strong>${u.level} ${esc(u.levelName)}</strong>${u.registered !== undefined ? ` · ${t.registered} ${u.registered} (${t.recognised}: ${u.recognised ? t.yes : t.no})` : ""}`
      : `${t.total}: <strong>${n(u.total)}</strong> / ${n(u.max)}`;
  return `<header class="unit-head"><p class="doc">${headline(data, lang)}</p><h1>${esc(u.name)} <small>(${esc(u.id)})</small></h1><p>${u.parent !== undefined ? `${t.parent}: ${esc(u.parent)} · ` : ""}${result} · ${t.rank} <strong>${u.rank}</strong>/${count}</p></header>`;
}

/** Page 1 of a unit: every indicator's score, max and points lost (points) or every criterion's level (levels). */
function scoresTable(entry: UnitEntry, lang: Lang): string {
  const t = L[lang];
  const u = entry.unit;
  const n = (s: string) => esc(formatNumber(s, lang));
  if (u.scoring === "levels")
    return `<table class="scores"><colgroup><col style="width:12%"><col><col style="width:12%"></colgroup><thead><tr><th>${t.code}</th><th>${t.criterion}</th><th class="num">${t.level}</th></tr></thead><tbody>${criteriaInOrder(
      u,
    )
      .map((c) => `<tr><td>${esc(c.code)}</td><td>${esc(c.name)}</td><td class="num">${c.levelMet}</td></tr>`)
      .join("")}</tbody></table>`;
  return `<table class="scores"><colgroup><col style="width:6%"><col style="width:45%"><col style="width:27%"><col style="width:7%"><col style="width:6%"><col style="width:9%"></colgroup><thead><tr><th>${t.code}</th><th>${t.indicator}</th><th>${t.why}</th><th class="num">${t.score}</th><th class="num">${t.max}</th><th class="num">${t.lost}</th></tr></thead><tbody>${indicatorsInOrder(
    u,
  )
    .map((i) => {
      const lost = new Dec(i.max).minus(i.score);
      const why = i.periods ? sentence(entry.explanations.find((e) => e.code === i.code)?.text ?? "") : "";
      return `<tr${i.code.includes(".") ? "" : ' class="main"'}><td>${esc(i.code)}</td><td>${esc(i.name)}</td><td>${esc(why)}</td><td class="num">${n(i.score)}</td><td class="num">${n(i.max)}</td><td class="num">${lost.gt(0) ? `−${n(lost.toFixed())}` : ""}</td></tr>`;
    })
    .join("")}</tbody></table>`;
}

/** The printable pages: a unit's header and scores, then its gaps, differences, warnings and the signatures. */
function printableHtml(data: ReportData, lang: Lang, only: string | undefined): string {
  const t = L[lang];
  const c = data.catalog;
  const n = (s: string) => esc(formatNumber(s, lang));
  const entries = only === undefined ? data.units : data.units.filter((e) => e.unit.id === only);
  if (only !== undefined && !entries.length)
    throw new DatasetError([
      createIssue("dataset", "unknownUnit", { unit: only }, { received: only, expected: data.units.map((e) => e.unit.id).join(", ") }),
    ]);
  const count = data.result.units.filter((u) => u.catalog === c.id).length;
  const shown = new Set(entries.map((e) => e.unit.id));
  const pages: string[] = [];
  // Warnings that name no shown unit come first, on their own page; a unit's own go on its second page.
  const general = data.result.warnings.filter((w) => w.where.unit === undefined || !shown.has(w.where.unit));
  const warningList = (ws: readonly Issue[]) =>
    `<ul>${ws.map((w) => `<li><code>${esc(w.code)}</code> ${esc(formatIssue(w, lang))}</li>`).join("")}</ul>`;
  const rejected = rejectedHtml(data.result.rejected ?? [], lang, "page ");
  if (rejected) pages.push(rejected);
  if (general.length)
    pages.push(
      `<section class="page warnings" id="warnings" role="alert"><h2>${esc(t.warnings)} (${general.length})</h2><p>${esc(t.warningsNote)}</p>${warningList(general)}</section>`,
    );
  for (const entry of entries) {
    const u = entry.unit;
    pages.push(
      `<section class="page unit" id="u-${esc(u.id)}">${unitHead(data, entry, lang, count)}<h2>${t.scores}</h2>${scoresTable(entry, lang)}</section>`,
    );
    const second: string[] = [`<h2>${esc(u.name)} <small>(${esc(u.id)})</small></h2>`];
    second.push(u.scoring === "levels" ? blockersHtml(entry.gaps, lang) : gapsHtml(entry, lang, true));
    const diffs = data.differences.filter((d) => d.unit === u.id);
    if (diffs.length)
      second.push(
        `<h3>${t.diffs}</h3><table><tr><th>${t.code}</th><th>${t.self}</th><th>${t.final}</th><th>${t.diff}</th></tr>${diffs.map((d) => `<tr><td>${esc(d.code)}</td><td class="num">${n(d.self)}</td><td class="num">${n(d.final)}</td><td class="num">${n(d.difference)}</td></tr>`).join("")}</table>`,
      );
    const own = data.result.warnings.filter((w) => w.where.unit === u.id);
    if (own.length) second.push(`<div class="warnings"><h3>${esc(t.warnings)} (${own.length})</h3>${warningList(own)}</div>`);
    second.push(
      `<div class="signature"><div><strong>${t.preparedBy}</strong><br><small>${t.signName}</small><div class="sign"></div></div><div><strong>${t.headOfUnit}</strong><br><small>${t.signSeal}</small><div class="sign"></div></div></div>`,
    );
    pages.push(`<section class="page gaps-page" data-unit="${esc(u.id)}">${second.join("")}</section>`);
  }
  if (data.groups) pages.push(`<section class="page">${groupsHtml(data.groups, lang)}</section>`);
  const title = only !== undefined ? `${entries[0]!.unit.name} — ${c.title}` : c.title;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.title)}: ${esc(title)}</title>
<style>${PRINT_CSS}</style></head>
<body class="print">
${pages.join("\n")}
</body></html>
`;
}

/**
 * A single self-contained HTML file: no network, no external assets; warnings in a visible box
 * first. With `unit` or `perUnit`: printable pages instead (A4; per unit a header with the
 * catalog's document and the year, its total, rank and every indicator's score and points lost,
 * then its gaps with the explanation of each lost score and a signature block "Người lập" /
 * "Thủ trưởng đơn vị"; each unit starts a new page).
 * @throws DatasetError `unknownUnit` for a `unit` not in the data.
 */
export function reportHtml(data: ReportData, lang: Lang = "vi", options: ReportHtmlOptions = {}): string {
  if (options.unit !== undefined || options.perUnit) return printableHtml(data, lang, options.unit);
  const t = L[lang];
  const n = (s: string) => esc(formatNumber(s, lang));
  const c = data.catalog;
  const levels = c.scoring === "levels";
  const ranking = data.units
    .map(({ unit: u }) =>
      u.scoring === "levels"
        ? `<tr><td class="num">${u.rank}</td><td><a href="#u-${esc(u.id)}">${esc(u.name)}</a></td><td>${u.level} ${esc(u.levelName ?? "")}</td><td>${u.registered ?? ""}</td><td>${u.registered !== undefined ? (u.recognised ? t.yes : t.no) : ""}</td></tr>`
        : `<tr><td class="num">${u.rank}</td><td><a href="#u-${esc(u.id)}">${esc(u.name)}</a></td><td class="num">${n(u.total)}</td></tr>`,
    )
    .join("");
  const sections = data.units.map((entry) => {
    const { unit: u, gaps: g, explanations } = entry;
    const parts: string[] = [`<section class="unit" id="u-${esc(u.id)}"><h2>${u.rank}. ${esc(u.name)} <small>(${esc(u.id)})</small></h2>`];
    if (u.scoring === "levels") {
      parts.push(`<p>${t.level}: <strong>${u.level} ${esc(u.levelName ?? "")}</strong></p>`, blockersHtml(g, lang));
    } else {
      parts.push(`<p>${t.total}: <strong>${n(u.total)}</strong> / ${n(u.max)}</p><h3>${t.breakdown}</h3>${bars(u, c, lang)}`);
      parts.push(gapsHtml(entry, lang, false));
    }
    parts.push(
      `<details><summary>${t.explain}</summary><ul class="explain">${explanations.map((e) => `<li style="margin-left:${e.depth * 1.2}em">${esc(e.text)}</li>`).join("")}</ul></details></section>`,
    );
    return parts.join("");
  });
  const diffs = data.differences.length
    ? `<section><h2>${t.diffs}</h2><table><tr><th>${t.unit}</th><th>${t.code}</th><th>${t.self}</th><th>${t.final}</th><th>${t.diff}</th></tr>${data.differences.map((d) => `<tr><td>${esc(d.unit)}</td><td>${esc(d.code)}</td><td class="num">${n(d.self)}</td><td class="num">${n(d.final)}</td><td class="num">${n(d.difference)}</td></tr>`).join("")}</table></section>`
    : "";
  const warnings = data.result.warnings.length
    ? `<section id="warnings" class="warnings" role="alert"><h2>${esc(t.warnings)} (${data.result.warnings.length})</h2><p>${esc(t.warningsNote)}</p><ul>${data.result.warnings.map((w) => `<li><code>${esc(w.code)}</code> ${esc(formatIssue(w, lang))}</li>`).join("")}</ul></section>`
    : "";
  const rejected = rejectedHtml(data.result.rejected ?? [], lang, "");
  const readingItems = readingLines(data.result, lang);
  const readings = readingItems.length
    ? `<section id="readings"><h2>${esc(t.readings)}</h2><p>${esc(t.readingsNote)}</p><ul>${readingItems.map((r) => `<li><code>${esc(r.code)}</code> ${esc(r.text)}</li>`).join("")}</ul></section>`
    : "";
  const head = levels
    ? `<tr><th>${t.rank}</th><th>${t.unit}</th><th>${t.level}</th><th>${t.registered}</th><th>${t.recognised}</th></tr>`
    : `<tr><th>${t.rank}</th><th>${t.unit}</th><th>${t.total}</th></tr>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.title)}: ${esc(c.title)}</title>
<style>${SCREEN_CSS}</style></head>
<body><h1>${esc(t.title)}</h1><p>${esc(c.title)} — ${esc(c.province)} · ${esc(c.document.number)} (${esc(c.document.date)}) · ${data.result.year} · ${esc(data.result.periods.join(", "))}</p>
${warnings}${rejected}
${readings}
<h2>${t.ranking}</h2><table id="ranking">${head}${ranking}</table>
${data.groups ? groupsHtml(data.groups, lang) : ""}
${data.robustness ? robustnessHtml(data.robustness, lang) : ""}
${sections.join("\n")}
${diffs}
<footer><small>${t.generated}</small></footer></body></html>
`;
}

/**
 * Renders a report of a scored dataset.
 * @param catalog The catalog.
 * @param dataset The dataset.
 * @param format md, html (one self-contained file), csv (every unit × indicator × period) or json.
 * @param lang vi (default) or en.
 * @returns The report text.
 */
export function report(catalog: CompiledCatalog, dataset: Dataset | DatasetInput, format: ReportFormat, lang: Lang = "vi"): string {
  return renderReport(reportData(catalog, dataset, lang), format, lang);
}

/**
 * Renders gathered report data in a format: md and html show the warnings in their own section,
 * json lists them in `result.warnings`; csv cannot (see {@link warningsCsv}). With groups (data
 * gathered with `groupBy: "parent"`), md, html and json add the summary per parent and csv is
 * that summary (see {@link groupsCsv}).
 * @param data From {@link reportData}.
 * @param format md, html, csv or json.
 * @param lang vi (default) or en.
 * @param options html: printable pages per unit (see {@link reportHtml}).
 * @returns The report text.
 */
export function renderReport(data: ReportData, format: ReportFormat, lang: Lang = "vi", options: ReportHtmlOptions = {}): string {
  switch (format) {
    case "md":
      return reportMarkdown(data, lang);
    case "html":
      return reportHtml(data, lang, options);
    case "csv":
      return data.groups ? groupsCsv(data.groups) : reportCsv(data);
    case "json":
      return JSON.stringify(
        {
          result: data.result,
          units: data.units.map((u) => ({ id: u.unit.id, gaps: u.gaps, explanations: u.explanations })),
          differences: data.differences,
          ...(data.groups ? { groups: data.groups } : {}),
          ...(data.robustness ? { robustness: data.robustness } : {}),
        },
        null,
        2,
      );
  }
}
