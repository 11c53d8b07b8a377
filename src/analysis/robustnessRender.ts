// The report's "Độ vững của xếp hạng" / "Rank robustness" section (issue 13): rank intervals as
// inline SVG bars in HTML (no external assets), a table in Markdown.
import type { Lang } from "../errors.js";
import { formatNumber } from "../_format.js";
import { robustnessWords } from "../i18n/robustness.js";
import type { RobustnessReport, SensitiveReading, UnitRobustness } from "./robustness.js";

/** Moves listed per row in text (JSON has every one). */
const MOVES_SHOWN = 10;

/** The units a row's reading moves, the first ten in text (`u066 2 → 3 (979.82 → 962.38); …`). */
export function movesText(s: SensitiveReading, lang: Lang): string {
  const t = robustnessWords[lang];
  const shown = s.moves
    .slice(0, MOVES_SHOWN)
    .map((m) => t.moved(m.unit, m.rankBefore, m.rankAfter, num(m.totalBefore, lang), num(m.totalAfter, lang)))
    .join("; ");
  return s.moves.length > MOVES_SHOWN ? `${shown} ${t.more(s.moves.length - MOVES_SHOWN)}` : shown;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);
}

const num = (s: string, lang: Lang) => formatNumber(s, lang, 6);

/** The sentences above the intervals: how the ranges were found and the default readings. */
function intro(r: RobustnessReport, lang: Lang): string[] {
  const t = robustnessWords[lang];
  return [
    t.intro(r.combinations, r.mode, r.scorings),
    `${t.base}: ${Object.entries(r.base)
      .map(([c, id]) => `${c}=${id}`)
      .join(", ")}`,
  ];
}

/** A footnote per unit whose interval is attained but not proved the whole range. */
function notes(r: RobustnessReport, lang: Lang): string[] {
  const t = robustnessWords[lang];
  return [
    ...(r.units.some((u) => !u.totalExact) ? [t.notExactTotal] : []),
    ...r.units.filter((u) => !u.rankExact).map((u) => `${u.id}: ${t.notExactRank(u.bestRankBound, u.worstRankBound)}`),
  ];
}

/** One unit's row of bars: the ranks 1..N, the attained interval filled, the default rank marked, a proved interval outlined. */
function svgRow(u: UnitRobustness, count: number, y: number, x0: number, width: number): string {
  const step = width / Math.max(count, 1);
  const x = (rank: number) => x0 + (rank - 1) * step;
  const parts = [
    `<rect x="${x0}" y="${y + 5}" width="${width}" height="10" fill="#f3f4f6"/>`,
    `<rect x="${x(u.bestRank.value).toFixed(1)}" y="${y + 5}" width="${((u.worstRank.value - u.bestRank.value + 1) * step).toFixed(1)}" height="10" fill="${u.bestRank.value === u.worstRank.value ? "#16a34a" : "#ca8a04"}"/>`,
  ];
  if (!u.rankExact && u.bestRankBound !== undefined && u.worstRankBound !== undefined)
    parts.push(
      `<rect class="bound" x="${x(u.bestRankBound).toFixed(1)}" y="${y + 3}" width="${((u.worstRankBound - u.bestRankBound + 1) * step).toFixed(1)}" height="14" fill="none" stroke="#6b7280" stroke-dasharray="3 2"/>`,
    );
  parts.push(`<circle cx="${(x(u.rank) + step / 2).toFixed(1)}" cy="${y + 10}" r="4" fill="#111"/>`);
  return parts.join("");
}

/** The HTML section: intervals drawn as inline SVG bars, then the rows whose reading changes a rank. */
export function robustnessHtml(r: RobustnessReport, lang: Lang): string {
  const t = robustnessWords[lang];
  const h = 22;
  const labelW = 260;
  const barW = 360;
  const width = labelW + barW + 110;
  const count = r.units.length;
  const rows = r.units.map((u, i) => {
    const y = i * h;
    const label = `${u.rank}. ${u.name}`;
    const range = `${u.bestRank.value}–${u.worstRank.value}${u.rankExact ? "" : "*"}`;
    return `<g class="interval" data-unit="${esc(u.id)}" data-best="${u.bestRank.value}" data-worst="${u.worstRank.value}"><title>${esc(`${u.name}: ${num(u.minTotal.value, lang)} – ${num(u.maxTotal.value, lang)}`)}</title><text x="0" y="${y + 15}" font-size="12">${esc(label.length > 38 ? `${label.slice(0, 37)}…` : label)}</text>${svgRow(u, count, y, labelW, barW)}<text x="${labelW + barW + 8}" y="${y + 15}" font-size="12">${esc(range)}</text></g>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(t.title)}" width="${width}" height="${count * h}" viewBox="0 0 ${width} ${count * h}">${rows.join("")}</svg>`;
  const table = `<table><tr><th>${t.rank}</th><th>${t.unit}</th><th>${t.total}</th><th>${t.totalRange}</th><th>${t.rankRange}</th></tr>${r.units
    .map(
      (u) =>
        `<tr><td class="num">${u.rank}</td><td>${esc(u.name)} <small>(${esc(u.id)})</small></td><td class="num">${esc(num(u.total, lang))}</td><td class="num">${esc(num(u.minTotal.value, lang))} – ${esc(num(u.maxTotal.value, lang))}${u.totalExact ? "" : " ~"}</td><td class="num">${u.bestRank.value}–${u.worstRank.value}${u.rankExact ? "" : "*"}</td></tr>`,
    )
    .join("")}</table>`;
  const sensitive = r.sensitive.length
    ? `<ul>${r.sensitive
        .map((s) => `<li><code>${esc(s.code)}=${esc(s.reading)}</code> “${esc(s.source)}”: ${esc(movesText(s, lang))}</li>`)
        .join("")}</ul>`
    : `<p>${esc(t.noSensitive)}</p>`;
  return `<section id="robustness"><h2>${esc(t.title)}</h2>${intro(r, lang)
    .map((l) => `<p>${esc(l)}</p>`)
    .join("")}${svg}<p><small>${esc(t.svgLegend)}</small></p>${notes(r, lang)
    .map((l) => `<p><small>${esc(l)}</small></p>`)
    .join("")}${table}<h3>${esc(t.sensitive)}</h3>${sensitive}<p><small>${esc(t.interactions)}</small></p></section>`;
}

/** The Markdown section: one table row per unit, then the rows whose reading changes a rank. */
export function robustnessMarkdown(r: RobustnessReport, lang: Lang): string[] {
  const t = robustnessWords[lang];
  const out = [`## ${t.title}`, "", ...intro(r, lang).flatMap((l) => [mdEscape(l), ""])];
  out.push(`| ${t.rank} | ${t.unit} | ${t.total} | ${t.totalRange} | ${t.rankRange} |`, "|---:|---|---:|---:|---:|");
  for (const u of r.units)
    out.push(
      `| ${u.rank} | ${mdEscape(u.name)} (${mdEscape(u.id)}) | ${num(u.total, lang)} | ${num(u.minTotal.value, lang)} – ${num(u.maxTotal.value, lang)}${u.totalExact ? "" : " ~"} | ${u.bestRank.value}–${u.worstRank.value}${u.rankExact ? "" : "\\*"} |`,
    );
  for (const n of notes(r, lang)) out.push("", mdEscape(n));
  out.push("", `### ${t.sensitive}`, "");
  if (!r.sensitive.length) out.push(t.noSensitive);
  for (const s of r.sensitive)
    out.push(`- **${mdEscape(s.code)}=${mdEscape(s.reading)}** “${mdEscape(s.source)}”: ${mdEscape(movesText(s, lang))}`);
  out.push("", t.interactions, "");
  return out;
}
