import { criteriaInOrder, indicatorsInOrder } from "../engine/types.js";
import Papa from "papaparse";
import { Dec } from "../_decimal.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { score, type ScoreOptions } from "../engine/score.js";
import type { PointsUnit, ScoreResult, UnitResult } from "../engine/types.js";
import { formatIssue, type Issue, type Lang } from "../errors.js";
import { reportWords } from "../i18n/analysis.js";
import type { Dataset, DatasetInput } from "../io/dataset.js";
import { assessmentDifferences, type AssessmentDifference } from "./compare.js";
import { explain, type Explanation } from "./explain.js";
import { gaps, type GapReport } from "./gaps.js";
import { formatNumber, shorten } from "../_format.js";

/** Report formats. */
export type ReportFormat = "md" | "html" | "csv" | "json";

/** Everything a report shows, per unit. */
export interface ReportData {
  readonly catalog: CompiledCatalog;
  readonly result: ScoreResult;
  readonly units: readonly { readonly unit: UnitResult; readonly gaps: GapReport; readonly explanations: readonly Explanation[] }[];
  readonly differences: readonly AssessmentDifference[];
}

/**
 * Gathers a report's content: the result, each unit's gaps and explanations, and where
 * self-assessment and appraisal differ.
 * @param catalog The catalog.
 * @param dataset The dataset.
 * @param lang Language of the sentences.
 * @param options `engine`: as for `score` (the gap search's re-scoring too).
 * @returns The report data (units of the catalog, in rank order).
 */
export function reportData(
  catalog: CompiledCatalog,
  dataset: Dataset | DatasetInput,
  lang: Lang = "vi",
  options: Pick<ScoreOptions, "engine"> = {},
): ReportData {
  const engine = options.engine ? { engine: options.engine } : {};
  const result = score(catalog, dataset, engine);
  const units = result.units
    .filter((u) => u.catalog === catalog.id)
    .map((unit) => ({
      unit,
      gaps: gaps(catalog, dataset, unit.id, { lang, result, verify: 3, ...engine }),
      explanations: explain(result, unit.id, { lang }),
    }));
  return { catalog, result, units, differences: assessmentDifferences(result) };
}

const L = reportWords;

/** CSV of every unit × indicator × period score (and the annual one, period "year"). */
export function reportCsv(data: ReportData): string {
  const rows: Record<string, string | number>[] = [];
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
      });
    }
  }
  return Papa.unparse(rows);
}

/**
 * The warnings of a run as CSV, one row per warning: code, the place (file, catalog, unit, period,
 * indicator, field, path) and the message in `lang`. A report or score CSV has no room for them
 * (its rows are scores): the command line writes this beside it (`--warnings file.csv`).
 */
export function warningsCsv(warnings: readonly Issue[], lang: Lang = "vi"): string {
  const fields = ["code", "file", "catalog", "unit", "period", "indicator", "field", "path", "message"];
  return Papa.unparse({
    fields,
    data: warnings.map((w) => [
      w.code,
      w.where.file ?? "",
      w.where.catalog ?? "",
      w.where.unit ?? "",
      w.where.period ?? "",
      w.where.indicator ?? "",
      w.where.field ?? "",
      w.path.join("."),
      formatIssue(w, lang),
    ]),
  });
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

/** A single self-contained HTML file: no network, no external assets; warnings in a visible box first. */
export function reportHtml(data: ReportData, lang: Lang = "vi"): string {
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
  const sections = data.units.map(({ unit: u, gaps: g, explanations }) => {
    const parts: string[] = [`<section class="unit" id="u-${esc(u.id)}"><h2>${u.rank}. ${esc(u.name)} <small>(${esc(u.id)})</small></h2>`];
    if (u.scoring === "levels") {
      parts.push(`<p>${t.level}: <strong>${u.level} ${esc(u.levelName ?? "")}</strong></p>`);
      if (g.nextLevel)
        parts.push(
          `<h3>${esc(t.blockers(g.nextLevel.level))}</h3><ul>${g.nextLevel.blockers.map((b) => `<li>${esc(b.code)} ${esc(b.name)}: ${esc(b.action)}</li>`).join("")}</ul>`,
        );
    } else {
      parts.push(`<p>${t.total}: <strong>${n(u.total)}</strong> / ${n(u.max)}</p><h3>${t.breakdown}</h3>${bars(u, c, lang)}`);
      parts.push(`<h3>${t.gaps}</h3>`);
      if (g.target)
        parts.push(
          `<p class="target">${esc(t.needed(formatNumber(g.target.needed, lang), `${g.target.name} (${formatNumber(g.target.total, lang)})`))}.</p>`,
        );
      const leads = g.lost.some((l) => l.lead);
      parts.push(
        `<table class="gaps"><tr><th>${t.code}</th><th>${t.indicator}</th><th>${t.lost}</th>${leads ? `<th>${t.lead}</th>` : ""}</tr>${g.lost
          .slice(0, 10)
          .map(
            (l) =>
              `<tr><td>${esc(l.code)}</td><td>${esc(l.name)}</td><td class="num">−${n(l.lost)}</td>${leads ? `<td>${esc(l.lead ?? "")}</td>` : ""}</tr>`,
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
  const head = levels
    ? `<tr><th>${t.rank}</th><th>${t.unit}</th><th>${t.level}</th><th>${t.registered}</th><th>${t.recognised}</th></tr>`
    : `<tr><th>${t.rank}</th><th>${t.unit}</th><th>${t.total}</th></tr>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.title)}: ${esc(c.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#111}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d1d5db;padding:.25em .5em;text-align:left}td.num{text-align:right}h2{border-top:2px solid #e5e7eb;padding-top:.5em}small{color:#6b7280}.target{font-weight:600}svg{display:block;margin:.5em 0}.warnings{border:2px solid #ca8a04;background:#fefce8;padding:0 1em;margin:1em 0}.warnings h2{border-top:0}</style></head>
<body><h1>${esc(t.title)}</h1><p>${esc(c.title)} — ${esc(c.province)} · ${esc(c.document.number)} (${esc(c.document.date)}) · ${data.result.year} · ${esc(data.result.periods.join(", "))}</p>
${warnings}
<h2>${t.ranking}</h2><table id="ranking">${head}${ranking}</table>
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
 * json lists them in `result.warnings`; csv cannot (see {@link warningsCsv}).
 * @param data From {@link reportData}.
 * @param format md, html, csv or json.
 * @param lang vi (default) or en.
 * @returns The report text.
 */
export function renderReport(data: ReportData, format: ReportFormat, lang: Lang = "vi"): string {
  switch (format) {
    case "md":
      return reportMarkdown(data, lang);
    case "html":
      return reportHtml(data, lang);
    case "csv":
      return reportCsv(data);
    case "json":
      return JSON.stringify(
        {
          result: data.result,
          units: data.units.map((u) => ({ id: u.unit.id, gaps: u.gaps, explanations: u.explanations })),
          differences: data.differences,
        },
        null,
        2,
      );
  }
}
