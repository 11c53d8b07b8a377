import { fmt } from "../_decimal.js";
import { readRaw } from "../_parse.js";
import { periodsProblem } from "../_periods.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import type { Issue } from "../errors.js";
import type { FastPeers } from "../formulas/_fast.js";
import type { Dataset } from "../io/dataset.js";
import { checkRoster } from "../io/roster.js";
import { evaluateUnit, measurePeers, type Peers } from "./evaluate.js";
import { fastPlan, type FastPlan } from "./fastPlan.js";
import { compactOf, readCompact, type CompactUnit } from "./fastRead.js";
import { certifiedResult, fastFigures, figuresFor, measureFastPeers, referencePeers, type ResultContext } from "./fastScore.js";
import { periodGapWarnings, type NormalizedUnit } from "./normalize.js";
import { competitionRanks } from "./rank.js";
import { indicatorResults, rollupUnit } from "./rollup.js";
import type { PointsUnit } from "./types.js";

// Scoring the units of a points catalog: on the fast path (docs/fast-path.md) when the catalog
// has a compiled form, each unit it cannot certify by the reference; by the reference alone
// when asked (`engine: "reference"`).

/** The max printed for every unit of a points catalog (the pillars' mean for `pillarMean` catalogs). */
export function unitMax(catalog: CompiledCatalog): string {
  return fmt(catalog.aggregate === "pillarMean" ? catalog.treeTotal.div(Math.max(1, catalog.pillars)) : catalog.treeTotal);
}

/** How much of each unit a result holds (see `ScoreOptions.detail`). */
export type Detail = "full" | "indicators" | "totals";
/** A unit's result before ranking, with its ranking key: the total as published, in millionths. */
export type Scored = { readonly key: number; readonly result: Omit<PointsUnit, "rank"> };

/** One unit scored by the reference (decimal.js), its trace kept for the periods shown. */
export function referenceUnit(
  catalog: CompiledCatalog,
  unit: NormalizedUnit,
  periods: readonly string[],
  peers: Peers,
  selfPeers: Peers | undefined,
  issues: Issue[],
  detail: Detail,
  max: string,
): Scored {
  const leaves = evaluateUnit(catalog, unit, periods, "final", peers, issues);
  const r = rollupUnit(catalog, periods, leaves);
  const s = selfPeers ? rollupUnit(catalog, periods, evaluateUnit(catalog, unit, periods, "self", selfPeers, [])) : undefined;
  const result: Omit<PointsUnit, "rank"> = {
    id: unit.id,
    name: unit.name,
    catalog: catalog.catalog.id,
    ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
    scoring: "points",
    total: fmt(r.total),
    max,
    indicators: detail === "totals" ? {} : indicatorResults(catalog, periods, r, leaves, s, detail === "full"),
    periods: Object.fromEntries([...r.periodTotals].map(([p, t]) => [p, { total: fmt(t) }])),
    ...(s ? { assessment: { self: fmt(s.total), final: fmt(r.total), difference: fmt(r.total.minus(s.total)) } } : {}),
  };
  // Rank on the total as published (6 decimal places) so that equal totals share a rank.
  return { key: Number(r.total.toDecimalPlaces(6).times(1e6).toFixed()), result };
}

/** Ranks scored units (equal published totals share a rank) and puts them in rank order. */
export function ranked(scored: readonly Scored[]): PointsUnit[] {
  const ranks = competitionRanks(scored.map((x) => x.key));
  return scored.map((x, i): PointsUnit => ({ ...x.result, rank: ranks[i]! })).sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
}

/**
 * A scorer of units on the fast path against peers measured once: a unit it cannot certify, or
 * whose values do not fit the safe integers, is scored by the reference (its decimals from `normalized`).
 */
export function unitScorer(
  plan: FastPlan,
  peers: readonly (FastPeers | undefined)[],
  selfPeers: readonly (FastPeers | undefined)[] | undefined,
  issues: Issue[],
  detail: Detail,
): (unit: CompactUnit | undefined, self: CompactUnit | undefined, normalized: () => NormalizedUnit) => Scored {
  const max = unitMax(plan.catalog);
  let decPeers: Peers | undefined;
  let decSelfPeers: Peers | undefined;
  const ctx: ResultContext = { plan, detail, max, peers: () => (decPeers ??= referencePeers(plan, peers)), issues };
  const f = figuresFor(plan);
  const sf = selfPeers ? figuresFor(plan) : undefined;
  return (u, self, normalized) => {
    if (u && (!sf || self) && fastFigures(plan, u, peers, f) && (!sf || fastFigures(plan, self!, selfPeers!, sf))) {
      const r = certifiedResult(ctx, u, f, sf);
      if (r) return r;
    }
    const selfDec = selfPeers ? (decSelfPeers ??= referencePeers(plan, selfPeers)) : undefined;
    return referenceUnit(plan.catalog, normalized(), plan.periods, ctx.peers(), selfDec, issues, detail, max);
  };
}

/**
 * Scores units on the fast path (docs/fast-path.md), the peers of relative formulas measured once.
 * @param finals The compact final data of each unit (undefined: that unit goes to the reference).
 * @param selfs With two assessments, the compact self-assessed data.
 * @returns The units' results (not ranked) and the peers, or undefined when the peers of a relative formula are not exact (all to the reference).
 */
export function scoreFastUnits(
  plan: FastPlan,
  finals: readonly (CompactUnit | undefined)[],
  selfs: readonly (CompactUnit | undefined)[] | undefined,
  normalized: (i: number) => NormalizedUnit,
  issues: Issue[],
  detail: Detail,
): { scored: Scored[]; peers: readonly (FastPeers | undefined)[] } | undefined {
  // Units that are not compact are left out of the fast peers: then the peers cannot be trusted.
  if (plan.relative.length && (finals.some((u) => !u) || selfs?.some((u) => !u))) return undefined;
  const peers = measureFastPeers(
    plan,
    finals.filter((u): u is CompactUnit => u !== undefined),
  );
  const selfPeers = selfs
    ? measureFastPeers(
        plan,
        selfs.filter((u): u is CompactUnit => u !== undefined),
      )
    : undefined;
  if (!peers || selfPeers === null) return undefined;
  const score = unitScorer(plan, peers, selfPeers, issues, detail);
  return { scored: finals.map((u, i) => score(u, selfs?.[i], () => normalized(i))), peers };
}

export function scorePoints(
  catalog: CompiledCatalog,
  units: readonly NormalizedUnit[],
  periods: readonly string[],
  issues: Issue[],
  detail: Detail = "full",
  engine: "fast" | "reference" = "fast",
): PointsUnit[] {
  const twoAssessments = units.some((u) => u.appraisal !== undefined);
  const plan = engine === "fast" ? fastPlan(catalog, periods) : undefined;
  if (plan) {
    const finals = units.map((u) => compactOf(plan, u, "final"));
    const selfs = twoAssessments ? units.map((u) => compactOf(plan, u, "self")) : undefined;
    const fast = scoreFastUnits(plan, finals, selfs, (i) => units[i]!, issues, detail);
    if (fast) return ranked(fast.scored);
  }
  const peers = measurePeers(catalog, units, periods, "final");
  const selfPeers = twoAssessments ? measurePeers(catalog, units, periods, "self") : undefined;
  const max = unitMax(catalog);
  // One unit at a time: its period scores are kept only when the result shows them.
  return ranked(units.map((unit) => referenceUnit(catalog, unit, periods, peers, selfPeers, issues, detail, max)));
}

/** A dataset read by the compiled reader: what the fast scorer and a scoring session start from. */
export interface FastReading {
  readonly plan: FastPlan;
  readonly units: CompactUnit[];
  /** The dataset's units as given (the roster checks read them again after an edit). */
  readonly dataset: Dataset;
  readonly year: number;
  readonly warnings: readonly Issue[];
}

/**
 * Reads a dataset with the compiled reader and runs the roster checks.
 * @returns The reading, or undefined when the reference reader must read it (a problem, a warning
 * of its own, a catalog with child units or without a compiled form).
 */
export function readFast(catalog: CompiledCatalog, dataset: unknown): FastReading | undefined {
  if (catalog.scoring === "structure" || catalog.childCatalog) return undefined;
  const { raw } = readRaw(dataset as string | object, "dataset");
  const periods = (raw as { periods?: unknown } | null)?.periods;
  if (!Array.isArray(periods) || !periods.length || !periods.every((p) => typeof p === "string") || periodsProblem(periods))
    return undefined;
  const plan = fastPlan(catalog, periods as string[]);
  if (!plan) return undefined;
  const compact = readCompact(raw, plan);
  if (!compact) return undefined;
  // The values each unit fills were counted while reading.
  const roster = checkRoster(compact.dataset, undefined, (_, i) => compact.units[i]!.filled);
  if (roster.errors.length) return undefined;
  const warnings = [...periodGapWarnings(plan.periods, catalog), ...roster.warnings];
  return { plan, units: compact.units, dataset: compact.dataset, year: compact.dataset.year, warnings };
}
