// `dti robustness` outputs (issue 13): the rank intervals as a table with ASCII bars, the rows whose
// reading changes a rank, ranks by self-assessment vs appraisal; CSV one row per unit.
import Papa from "papaparse";
import type { RobustnessReport, UnitRobustness } from "../analysis/robustness.js";
import type { Lang } from "../errors.js";
import { formatNumber } from "../_format.js";
import { robustnessWords } from "../i18n/robustness.js";
import { movesText } from "../analysis/robustnessRender.js";
import { table } from "./_utils.js";

/** Widest bar: beyond this many units a column stands for several ranks. */
const BAR_WIDTH = 40;

/**
 * The rank interval of a unit on the scale 1..N: `=` the ranks some combination gives, `●` the
 * default rank, `·` the others (`··=●==····`). With more than 40 units a column covers several ranks.
 */
export function rankBar(best: number, worst: number, rank: number, count: number): string {
  const cols = Math.min(count, BAR_WIDTH);
  const col = (r: number) => Math.floor(((r - 1) * cols) / Math.max(count, 1));
  const [from, to, at] = [col(best), col(worst), col(rank)];
  let s = "";
  for (let c = 0; c < cols; c++) s += c === at ? "●" : c >= from && c <= to ? "=" : "·";
  return s;
}

/** Totals with every decimal place the engine publishes (ranges can differ in the third). */
const num = (s: string, lang: Lang) => formatNumber(s, lang, 6);

/** The `[best–worst]` cell, marked `*` when the attained interval is not proved to be the whole range. */
function rankCell(u: UnitRobustness): string {
  return `${u.bestRank.value}–${u.worstRank.value}${u.rankExact ? "" : "*"}`;
}

/** The text output of `dti robustness`. */
export function robustnessTable(r: RobustnessReport, lang: Lang): string {
  const t = robustnessWords[lang];
  const lines: string[] = [`${t.title}: ${r.catalog} (${r.year})`];
  if (!r.readings.length) lines.push(t.noReadings);
  else {
    lines.push(t.intro(r.combinations, r.mode, r.scorings));
    lines.push(
      `${t.base}: ${Object.entries(r.base)
        .map(([c, id]) => `${c}=${id}`)
        .join(", ")}`,
    );
  }
  lines.push("");
  const count = r.units.length;
  const rows = r.units.map((u) => [
    String(u.rank),
    u.id,
    u.name,
    num(u.total, lang),
    `${num(u.minTotal.value, lang)} – ${num(u.maxTotal.value, lang)}${u.totalExact ? "" : " ~"}`,
    rankCell(u),
    rankBar(u.bestRank.value, u.worstRank.value, u.rank, count),
  ]);
  lines.push(table([t.rank, t.id, t.unit, t.total, t.totalRange, t.rankRange, t.interval], rows, [true, false, false, true, true, true]));
  lines.push("", t.legend);
  // Each extreme away from the default with the readings that reach it (changes from the default readings).
  const reach: string[] = [];
  for (const u of r.units) {
    const parts: string[] = [];
    const diff = (choice: Readonly<Record<string, string>>) =>
      Object.entries(choice)
        .filter(([c, id]) => r.base[c] !== id)
        .map(([c, id]) => `${c}=${id}`)
        .join(", ");
    if (u.maxTotal.value !== u.total) parts.push(`${t.total} ${num(u.maxTotal.value, lang)} ← ${diff(u.maxTotal.readings)}`);
    if (u.minTotal.value !== u.total) parts.push(`${t.total} ${num(u.minTotal.value, lang)} ← ${diff(u.minTotal.readings)}`);
    if (u.bestRank.value !== u.rank) parts.push(`${t.rank} ${u.bestRank.value} ← ${diff(u.bestRank.readings)}`);
    if (u.worstRank.value !== u.rank) parts.push(`${t.rank} ${u.worstRank.value} ← ${diff(u.worstRank.readings)}`);
    if (parts.length) reach.push(`  ${u.id}: ${parts.join("; ")}`);
  }
  if (reach.length) lines.push("", `${t.attainedBy}:`, ...reach);
  if (r.units.some((u) => !u.totalExact)) lines.push(t.notExactTotal);
  for (const u of r.units.filter((x) => !x.rankExact)) lines.push(`${u.id}: ${t.notExactRank(u.bestRankBound, u.worstRankBound)}`);
  if (r.readings.length) {
    lines.push("", `${t.sensitive}:`);
    if (!r.sensitive.length) lines.push(`  ${t.noSensitive}`);
    for (const s of r.sensitive) {
      lines.push(`  ${s.code}=${s.reading}: “${oneLine(s.source)}”`);
      lines.push(`      ${movesText(s, lang)}`);
    }
    lines.push(`  ${t.interactions}`);
  }
  if (r.assessments) {
    const differ = r.assessments.filter((a) => a.selfRank !== a.finalRank);
    lines.push("", `${t.assessments}:`);
    lines.push(
      table(
        [t.id, t.unit, t.self, t.selfRank, t.final, t.finalRank],
        r.assessments.map((a) => [
          a.unit,
          a.name,
          num(a.self, lang),
          String(a.selfRank),
          num(a.final, lang),
          `${a.finalRank}${a.selfRank !== a.finalRank ? " ≠" : ""}`,
        ]),
        [false, false, true, true, true, true],
      ),
    );
    lines.push(differ.length ? `${t.differ(differ.length)}: ${differ.map((a) => a.unit).join(", ")}` : t.sameRanks);
  }
  return lines.join("\n");
}

/** CSV of `dti robustness`: one row per unit, totals as exact decimal strings. */
export function robustnessCsv(r: RobustnessReport): string {
  const self = new Map((r.assessments ?? []).map((a) => [a.unit, a]));
  return Papa.unparse(
    r.units.map((u) => ({
      rank: u.rank,
      unit_id: u.id,
      unit_name: u.name,
      total: u.total,
      min_total: u.minTotal.value,
      max_total: u.maxTotal.value,
      total_exact: u.totalExact,
      best_rank: u.bestRank.value,
      worst_rank: u.worstRank.value,
      rank_exact: u.rankExact,
      best_rank_bound: u.bestRankBound ?? "",
      worst_rank_bound: u.worstRankBound ?? "",
      ...(r.assessments ? { self_total: self.get(u.id)?.self ?? "", self_rank: self.get(u.id)?.selfRank ?? "" } : {}),
    })),
  );
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
