import { Dec, ZERO, clamp, fmt, sum } from "../_decimal.js";
import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import { traceOf, type LeafScore } from "./evaluate.js";
import { isDue } from "../_periods.js";
import type { IndicatorResult, PeriodScore, PeriodStatus, Trace } from "./types.js";

/** A period score whose trace is built on first access (JSON output includes it). */
export class LazyPeriodScore implements PeriodScore {
  readonly score: string;
  readonly status: PeriodStatus;
  readonly #leaf: LeafScore;
  #trace: Trace | undefined;
  constructor(leaf: LeafScore) {
    this.score = fmt(leaf.score);
    this.status = leaf.status;
    this.#leaf = leaf;
  }
  get trace(): Trace {
    return (this.#trace ??= traceOf(this.#leaf));
  }
  toJSON(): { score: string; status: PeriodStatus; trace: Trace } {
    return { score: this.score, status: this.status, trace: this.trace };
  }
}

// 1/n for the usual numbers of periods: multiplying is exact here and much cheaper than dividing.
const INVERSE: readonly (Dec | undefined)[] = [undefined, new Dec(1), new Dec("0.5"), undefined, new Dec("0.25")];
function meanOf(scores: readonly Dec[]): Dec {
  if (!scores.length) return ZERO;
  const inv = INVERSE[scores.length];
  return inv ? sum(scores).times(inv) : sum(scores).div(scores.length);
}

/** A unit's annual scores, exact, before formatting. */
export interface UnitRollup {
  /** Annual score per node code (leaves and groups). */
  readonly annual: Map<string, Dec>;
  /** Groups whose children's sum exceeded max. */
  readonly clamps: Map<string, Dec>;
  readonly periodTotals: Map<string, Dec>;
  readonly total: Dec;
}

const dueCache = new WeakMap<readonly string[], Map<string, string[]>>();
/** Periods in which a leaf is due (shared array, cached per periods array: do not modify). */
export function duePeriods(cadence: Parameters<typeof isDue>[0], periods: readonly string[]): string[] {
  let byCadence = dueCache.get(periods);
  if (!byCadence) dueCache.set(periods, (byCadence = new Map()));
  let due = byCadence.get(cadence);
  if (!due) byCadence.set(cadence, (due = periods.filter((p, i) => isDue(cadence, p, i === periods.length - 1))));
  return due;
}

/**
 * Turns period scores into the year and adds groups up: `mean` over the periods in which a
 * leaf is due (a missing period counts 0) or the `last` of them; a group is the sum of its
 * scored children, clamped to its max; the unit total is the sum of the main indicators, or
 * the mean of the pillars for `pillarMean` catalogs. Unscored nodes are kept but add nothing.
 */
export function rollupUnit(
  catalog: CompiledCatalog,
  periods: readonly string[],
  leafScores: Map<string, Map<string, LeafScore>>,
): UnitRollup {
  const annual = new Map<string, Dec>();
  const clamps = new Map<string, Dec>();
  const periodTotals = new Map<string, Dec>(periods.map((p) => [p, ZERO]));
  for (const node of catalog.leaves) {
    const due = duePeriods(node.cadence, periods);
    const scores = due.map((p) => leafScores.get(p)?.get(node.code)?.score ?? ZERO);
    const value = node.annualRule === "last" ? (scores[scores.length - 1] ?? ZERO) : meanOf(scores);
    annual.set(node.code, value);
    if (!node.unscored) due.forEach((p, i) => periodTotals.set(p, periodTotals.get(p)!.plus(scores[i]!)));
  }
  for (let i = catalog.order.length - 1; i >= 0; i--) {
    const node = catalog.order[i]!;
    if (!node.children.length) continue;
    const counted = node.children.filter((c) => node.unscored || !catalog.nodes.get(c)!.unscored);
    const raw = sum(counted.map((c) => annual.get(c)!));
    const value = node.capped ? clamp(raw, node.max) : raw;
    if (!value.eq(raw)) clamps.set(node.code, raw);
    annual.set(node.code, value);
  }
  const main = catalog.top.filter((n) => !n.unscored).map((n) => annual.get(n.code)!);
  // pillarMeanOf "all" divides by every pillar: an unscored one counts 0 (catalog.pillars).
  const total = catalog.aggregate === "pillarMean" ? (catalog.pillars ? sum(main).div(catalog.pillars) : ZERO) : sum(main);
  return { annual, clamps, periodTotals, total };
}

/** An indicator's record, field by field, in the order both engines print it (this runs for every node of every unit). */
export function indicatorRecord(
  node: CompiledNode,
  score: string,
  self: string | undefined,
  difference: string | undefined,
): { -readonly [K in keyof IndicatorResult]: IndicatorResult[K] } {
  const r: { -readonly [K in keyof IndicatorResult]: IndicatorResult[K] } = { code: node.code, name: node.name, max: node.maxText, score };
  if (node.unscored) r.unscored = true;
  if (self !== undefined) {
    r.self = self;
    r.difference = difference!;
  }
  return r;
}

/** Formats a unit's indicators for the result. */
export function indicatorResults(
  catalog: CompiledCatalog,
  periods: readonly string[],
  rollup: UnitRollup,
  leafScores: Map<string, Map<string, LeafScore>>,
  self: UnitRollup | undefined,
  withPeriods: boolean,
): Record<string, IndicatorResult> {
  const out: Record<string, IndicatorResult> = {};
  for (const node of catalog.order) {
    const score = rollup.annual.get(node.code)!;
    const s = self?.annual.get(node.code);
    const r = indicatorRecord(node, fmt(score), s ? fmt(s) : undefined, s ? fmt(score.minus(s)) : undefined);
    if (node.children.length) {
      const c = rollup.clamps.get(node.code);
      if (c) r.clamp = { from: fmt(c), to: fmt(score) };
    } else {
      const due = duePeriods(node.cadence, periods);
      r.annualRule = node.annualRule;
      r.duePeriods = due;
      if (withPeriods) {
        const per: Record<string, PeriodScore> = {};
        for (const p of due) {
          const s = leafScores.get(p)?.get(node.code);
          if (s) per[p] = new LazyPeriodScore(s);
        }
        r.periods = per;
      }
    }
    out[node.code] = r;
  }
  return out;
}
