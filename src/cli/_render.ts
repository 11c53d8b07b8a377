import { compareCodes, criteriaInOrder, indicatorsInOrder } from "../engine/types.js";
import type { Comparison, UnitChange } from "../analysis/compare.js";
import Papa from "papaparse";
import { formatNumber, shorten } from "../_format.js";
import { describeBlocker } from "../levels/index.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import type { LevelUnit, PointsUnit, ScoreResult, UnitResult } from "../engine/types.js";
import type { Issue, Lang } from "../errors.js";
import { cliTexts } from "../i18n/cli.js";
import { table } from "./_utils.js";
import type { ParentGroup } from "../analysis/select.js";

const T = cliTexts;

/**
 * JSON shape of a score result (numbers as decimal strings).
 * @param warnings The warnings to list (default: the result's), as coded records: code, kind,
 * place (`where`, `path`), expected/received and the English message.
 */
export function toJson(result: ScoreResult, full: boolean, warnings: readonly Issue[] = result.warnings): unknown {
  return {
    catalog: result.catalog,
    year: result.year,
    periods: result.periods,
    units: result.units.map((u) => unitJson(u, full)),
    ...(result.units.some((u) => u.scoring === "levels") ? { summary: levelSummary(result.units) } : {}),
    ...(result.readings ? { readings: result.readings } : {}),
    warnings,
  };
}

/** One unit as `score --format json` and `--format jsonl` print it. */
export function unitJson(u: UnitResult, full: boolean): unknown {
  return u.scoring === "levels"
    ? {
        id: u.id,
        name: u.name,
        catalog: u.catalog,
        ...(u.parent ? { parent: u.parent } : {}),
        level: u.level,
        levelName: u.levelName,
        rank: u.rank,
        ...(u.registered !== undefined ? { registered: u.registered, recognised: u.recognised } : {}),
        criteria: Object.fromEntries(
          criteriaInOrder(u).map((c) => [c.code, full ? c : { levelMet: c.levelMet, status: c.status, blocking: c.blocking }]),
        ),
        blockers: u.blockers,
        ...(u.registeredBlockers ? { registeredBlockers: u.registeredBlockers } : {}),
      }
    : {
        id: u.id,
        name: u.name,
        total: u.total,
        rank: u.rank,
        max: u.max,
        ...(u.assessment ? { assessment: u.assessment } : {}),
        indicators: Object.fromEntries(
          indicatorsInOrder(u).map((i) => [
            i.code,
            full ? i : { score: i.score, max: i.max, ...(i.self !== undefined ? { self: i.self, difference: i.difference } : {}) },
          ]),
        ),
        periods: u.periods,
      };
}

/** Province summary of a level run: units per level, per catalog and per parent unit. */
export function levelSummary(units: readonly UnitResult[]): Record<string, { byLevel: number[]; byParent: Record<string, number[]> }> {
  const out: Record<string, { byLevel: number[]; byParent: Record<string, number[]> }> = {};
  for (const u of units) {
    if (u.scoring !== "levels") continue;
    const c = (out[u.catalog] ??= { byLevel: [0, 0, 0, 0, 0, 0], byParent: {} });
    c.byLevel[u.level ?? 0]!++;
    if (u.parent !== undefined) (c.byParent[u.parent] ??= [0, 0, 0, 0, 0, 0])[u.level ?? 0]!++;
  }
  return out;
}

/**
 * The `reading` column of a CSV row (issue 13): the reading in force of a node with readings,
 * empty for the others; no column at all when the catalog has no readings.
 */
export function readingColumn(result: ScoreResult, catalog: string, code: string): { reading?: string } {
  if (!result.readings) return {};
  return { reading: (catalog === result.catalog ? result.readings[code]?.id : undefined) ?? "" };
}

/** CSV: one row per unit × indicator (annual), or unit × criterion for level catalogs. */
export function toCsv(result: ScoreResult): string {
  const rows: Record<string, unknown>[] = result.units.flatMap((u): Record<string, unknown>[] =>
    u.scoring === "levels"
      ? criteriaInOrder(u).map((c) => ({
          catalog: u.catalog,
          unit_id: u.id,
          unit_name: u.name,
          rank: u.rank,
          level: u.level,
          code: c.code,
          name: c.name,
          level_met: c.levelMet,
          status: c.status,
        }))
      : indicatorsInOrder(u).map((i) => ({
          catalog: u.catalog,
          unit_id: u.id,
          unit_name: u.name,
          rank: u.rank,
          total: u.total,
          code: i.code,
          name: i.name,
          max: i.max,
          score: i.score,
          ...(i.self !== undefined ? { self: i.self } : {}),
          ...readingColumn(result, u.catalog, i.code),
        })),
  );
  return Papa.unparse(rows);
}

function pointsTable(units: readonly PointsUnit[], catalog: CompiledCatalog, lang: Lang): string {
  const t = T[lang].table;
  const mains = catalog.indicators.map((n) => n.code);
  const two = units.some((u) => u.assessment);
  const header = [t.rank, t.id, t.unit, t.total, ...(two ? [t.self, t.diff] : []), ...mains.map((c) => `${c}`)];
  const rows = units.map((u) => [
    String(u.rank),
    u.id,
    u.name,
    formatNumber(u.total, lang),
    ...(two ? [formatNumber(u.assessment?.self ?? u.total, lang), formatNumber(u.assessment?.difference ?? "0", lang)] : []),
    ...mains.map((c) => formatNumber(u.indicators[c]?.score ?? "0", lang)),
  ]);
  const right = header.map((_, i) => i === 0 || i >= 3);
  const legend = catalog.indicators.map((n) => `  ${n.code}. ${n.name} (${n.max ?? "-"})`).join("\n");
  return `${table(header, rows, right)}\n\n${legend}`;
}

function levelsTable(units: readonly LevelUnit[], lang: Lang): string {
  const t = T[lang].table;
  const header = [t.rank, t.id, t.unit, t.parent, t.level, t.registered, t.recognised];
  const rows = units.map((u) => [
    String(u.rank),
    u.id,
    u.name,
    u.parent ?? "",
    `${u.level} ${u.levelName ?? ""}`.trim(),
    u.registered !== undefined ? String(u.registered) : "",
    u.registered !== undefined ? (u.recognised ? t.yes : t.no) : "",
  ]);
  const lines = [table(header, rows, [true])];
  for (const u of units) {
    const blockers = u.registeredBlockers ?? u.blockers ?? [];
    if (!blockers.length) continue;
    const target = u.registeredBlockers ? u.registered! : (u.level ?? 0) + 1;
    lines.push(`\n${u.id} — ${t.blocks} ${target}:`);
    for (const b of blockers) lines.push(`  ${b.code} (${t.levelWord} ${b.level}) ${shorten(b.name, 72)}: ${describeBlocker(b, lang)}`);
  }
  // Province summary: units per level, per parent.
  const byParent = new Map<string, number[]>();
  for (const u of units) {
    const key = u.parent ?? "";
    const counts = byParent.get(key) ?? [0, 0, 0, 0, 0, 0];
    counts[u.level ?? 0]!++;
    byParent.set(key, counts);
  }
  lines.push(`\n${t.summary}:`);
  lines.push(
    table(
      [t.parent, "0", "1", "2", "3", "4", "5"],
      [...byParent].map(([p, c]) => [p || t.none, ...c.map(String)]),
      [false, true, true, true, true, true, true],
    ),
  );
  return lines.join("\n");
}

/** The readable ranked table of a score result, one block per catalog (warnings: see the CLI's block). */
export function toTable(result: ScoreResult, catalogs: ReadonlyMap<string, CompiledCatalog>, lang: Lang): string {
  const blocks: string[] = [];
  const ids = [...new Set(result.units.map((u) => u.catalog))];
  for (const id of ids) {
    const catalog = catalogs.get(id)!;
    const units = result.units.filter((u) => u.catalog === id);
    // The readings chosen against the default (issue 13) head the table: the scores depend on them.
    const chosen = id === result.catalog ? Object.entries(result.readings ?? {}).filter(([, r]) => !r.default) : [];
    const head = `${catalog.title} — ${catalog.province} (${catalog.document.number}, ${catalog.document.date}) · ${T[lang].table.year} ${result.year} · ${result.periods.join(", ")}${chosen.length ? `\n${T[lang].table.readings}: ${chosen.map(([code, r]) => `${code}=${r.id}`).join(", ")}` : ""}`;
    blocks.push(
      `${head}\n\n${
        catalog.scoring === "levels"
          ? levelsTable(
              units.filter((u): u is LevelUnit => u.scoring === "levels"),
              lang,
            )
          : pointsTable(
              units.filter((u): u is PointsUnit => u.scoring === "points"),
              catalog,
              lang,
            )
      }`,
    );
  }
  // The warnings follow in their own block, written by the command (they name the file).
  return blocks.join("\n\n");
}

/** The summary per parent unit as a text table (`--group-by parent`). */
export function groupsTable(groups: readonly ParentGroup[], lang: Lang): string {
  const t = T[lang].table;
  const n = (s: string) => formatNumber(s, lang);
  return `${t.byParent}:\n${table(
    [t.parent, t.unit, t.units, t.mean, t.lowest, t.highest],
    groups.map((g) => [g.parent ?? t.none, g.name ?? "", String(g.units), n(g.mean), n(g.min), n(g.max)]),
    [false, false, true, true, true, true],
  )}`;
}

/** A level cell: "3 Nâng cao", "-" when the unit has no such side. */
function levelCell(level: number | undefined, name: string | undefined): string {
  return level === undefined ? "-" : `${level} ${name ?? ""}`.trim();
}

/** The criteria whose level met changed, "1.1 3→5", in document order. */
function criteriaCell(u: UnitChange): string {
  return Object.keys(u.criteria)
    .sort(compareCodes)
    .map((code) => `${code} ${u.criteria[code]!.before}→${u.criteria[code]!.after}`)
    .join(", ");
}

/** A signed whole number (+1, -2, 0). */
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * The table of `dti compare` (`whatif`: only units that moved, no rank-climbed column): totals
 * and indicator changes for points catalogs; for level catalogs the level before → after and the
 * criteria whose level met changed. A unit in one year only shows that side and "new"/"removed".
 * @param places Decimals of totals (2 for points; 0–1 values of published tables need their 4).
 * @returns The table, or undefined when `whatif` finds nothing that moved.
 */
export function comparisonTable(c: Comparison, command: "whatif" | "compare", lang: Lang, places = 2): string | undefined {
  const t = T[lang].compare;
  const levels = c.units.some((u) => u.levelBefore !== undefined || u.levelAfter !== undefined);
  const n = (s: string | undefined) => (s === undefined ? "-" : formatNumber(s, lang, places));
  const change = (u: UnitChange) =>
    u.status === "new"
      ? t.newUnit
      : u.status === "removed"
        ? t.removedUnit
        : levels
          ? signed(u.levelChange ?? 0)
          : formatNumber(u.totalChange ?? "0", lang, places);
  const moved = (u: UnitChange) =>
    u.status !== "both" ||
    u.rankChange !== 0 ||
    (levels ? u.levelChange !== 0 || Object.keys(u.criteria).length > 0 : u.totalChange !== "0");
  const units = command === "whatif" ? c.units.filter(moved) : c.units;
  if (!units.length) return undefined;
  const rows = units.map((u) => [
    u.id,
    `${u.name}${u.previousId !== undefined ? ` ${t.renamedFrom(u.previousId)}` : ""}`,
    levels ? levelCell(u.levelBefore, u.levelNameBefore) : n(u.totalBefore),
    levels ? levelCell(u.levelAfter, u.levelNameAfter) : n(u.totalAfter),
    change(u),
    String(u.rankBefore ?? "-"),
    String(u.rankAfter ?? "-"),
    ...(command === "compare" ? [u.rankChange !== undefined ? String(u.rankChange) : "-"] : []),
    levels
      ? criteriaCell(u)
      : command === "whatif"
        ? Object.entries(u.indicators)
            .map(([code, d]) => `${code} ${formatNumber(d.before, lang)}→${formatNumber(d.after, lang)}`)
            .join(", ")
        : Object.entries(u.indicators)
            .filter(([code]) => code.includes("."))
            .sort((x, y) => Math.abs(Number(y[1].change)) - Math.abs(Number(x[1].change)))
            .slice(0, 3)
            .map(([code, d]) => `${code} ${Number(d.change) > 0 ? "+" : ""}${formatNumber(d.change, lang)}`)
            .join(", "),
  ]);
  const words = command === "compare" ? t : T[lang].whatif;
  const header = [...(levels ? words.levelHeaders : words.headers)];
  // Numbers right-aligned; the id, the name, the levels (words) and the last column (a list) left.
  return table(
    header,
    rows,
    header.map((_, i) => i >= (levels ? 4 : 2) && i < header.length - 1),
  );
}
