import { Dec } from "../_decimal.js";
import { UNIT_ROUNDOFF, compareFractions } from "../_exact.js";
import { EXACT, Measured, FRACTION, type FastPeers } from "../formulas/_fast.js";
import type { PeerStats } from "../formulas/_types.js";
import type { Issue } from "../errors.js";
import { evaluateUnit, type LeafScore, type Peers } from "./evaluate.js";
import type { FastPlan } from "./fastPlan.js";
import { Status, normalizedOf, type CompactUnit } from "./fastRead.js";
import { LazyPeriodScore, indicatorRecord } from "./rollup.js";
import type { IndicatorResult, PeriodScore, PointsUnit } from "./types.js";

// The fast scorer (issue 11, docs/fast-path.md): period scores, years, groups and totals in
// doubles from the compiled formulas, every printed figure certified against the plan's error
// bound; a unit with a figure it cannot certify is scored by the reference (`reference` below).

const U = UNIT_ROUNDOFF;

/**
 * The 6-place rounding of `x` as an integer count of millionths, when it is certain: `x` lies
 * within `bound` of the exact value, and farther than that from a rounding midpoint.
 * @returns The rounded value × 10^6, or undefined (too close to a midpoint to tell).
 */
export function certifiedMillionths(x: number, bound: number, exact = false): number | undefined {
  const y = x * 1e6;
  const floor = Math.floor(y);
  const f = y - floor; // exact for |y| < 2^52
  // An exact value (constants on the grid of 2^-20, halved at most twice by a mean) on the grid of
  // 2^-22 below 2^11 has at most 33 bits: x · 10^6 (20 bits more) and f are exact, and a midpoint
  // rounds half up (away from zero), as decimal.js does. Checked here, not assumed.
  if (exact && Math.abs(x) < 2 ** 11 && Number.isInteger(x * 2 ** 22)) {
    if (f === 0.5) return y > 0 ? floor + 1 : floor;
    return f < 0.5 ? floor : floor + 1;
  }
  if (Math.abs(f - 0.5) <= bound * 1e6 + 4 * U * Math.abs(y)) return undefined;
  return f < 0.5 ? floor : floor + 1;
}

/** A count of millionths as the reference prints it (`fmt`): "925.75", "0", "-0.5". */
export function millionthsText(r: number): string {
  if (r === 0) return "0";
  // Scores repeat (0, the maxes, the worths of bands and options): most texts are made once.
  let text = texts.get(r);
  if (text === undefined) {
    text = makeMillionthsText(r);
    if (texts.size < 65_536) texts.set(r, text);
  }
  return text;
}
const texts = new Map<number, string>();

function makeMillionthsText(r: number): string {
  const a = Math.abs(r);
  const int = Math.floor(a / 1e6);
  const frac = a - int * 1e6;
  const sign = r < 0 ? "-" : "";
  return frac === 0 ? `${sign}${int}` : `${sign}${int}.${String(frac).padStart(6, "0").replace(/0+$/, "")}`;
}

/** Peers of every (period, relative leaf): best and lowest measured value, exactly; `null` when a value is not exact. */
export function measureFastPeers(plan: FastPlan, units: readonly CompactUnit[]): (FastPeers | undefined)[] | null {
  const L = plan.leaves.length;
  const peers: (FastPeers | undefined)[] = new Array(plan.periods.length * L);
  for (const leaf of plan.relative) {
    for (const p of leaf.duePeriods) {
      let bestA = 0;
      let bestB = 0;
      let minA = 0;
      let minB = 0;
      let count = 0;
      for (const u of units) {
        if (u.status[u.statusAt + p * L + leaf.index] !== Status.Values) continue;
        const r = leaf.measure!(u.vals, u.scales, u.at + p * plan.width + leaf.offset);
        if (r === Measured.Inexact) return null;
        if (r !== Measured.Ok) continue;
        const { a, b } = FRACTION;
        if (!count || compareFractions(a, b, bestA, bestB) > 0) [bestA, bestB] = [a, b];
        if (!count || compareFractions(a, b, minA, minB) < 0) [minA, minB] = [a, b];
        count++;
      }
      if (count) peers[p * L + leaf.index] = { bestA, bestB, minA, minB, count };
    }
  }
  return peers;
}

/** The peers as the reference reads them (decimal.js), for units it scores and for detail. */
export function referencePeers(plan: FastPlan, peers: readonly (FastPeers | undefined)[]): Peers {
  const out = new Map<string, PeerStats>();
  const L = plan.leaves.length;
  for (const leaf of plan.relative)
    for (const p of leaf.duePeriods) {
      const f = peers[p * L + leaf.index];
      if (!f) continue;
      out.set(`${plan.periods[p]}\u0000${leaf.node.code}`, {
        best: new Dec(f.bestA).div(f.bestB),
        min: new Dec(f.minA).div(f.minB),
        count: f.count,
      });
    }
  return out;
}

/** A unit's figures in doubles, each with whether it is exactly the reference's value (1) or within the bound of it (0). */
export interface FastFigures {
  /** Annual score per node (plan.order). */
  readonly annual: Float64Array;
  readonly annualExact: Uint8Array;
  /** Groups: the sum of the children before the clamp (NaN for leaves). */
  readonly raw: Float64Array;
  readonly periodTotals: Float64Array;
  readonly periodExact: Uint8Array;
  total: number;
  totalExact: boolean;
}

/** Whether dividing by `n` (the periods of a mean, the pillars) keeps an exact double exact: a power of two. */
const halving = (n: number) => n === 1 || n === 2 || n === 4;

/**
 * Scores one unit in doubles.
 * @returns false when a formula could not decide (the unit goes to the reference).
 */
export function fastFigures(plan: FastPlan, u: CompactUnit, peers: readonly (FastPeers | undefined)[], out: FastFigures): boolean {
  const L = plan.leaves.length;
  const W = plan.width;
  const E = plan.bound;
  out.periodTotals.fill(0);
  out.periodExact.fill(1);
  for (const leaf of plan.leaves) {
    let sum = 0;
    let last = 0;
    let allExact = true;
    let lastExact = true;
    for (const p of leaf.duePeriods) {
      const st = u.status[u.statusAt + p * L + leaf.index];
      let s = 0;
      let exact = true;
      if (st === Status.Values) {
        EXACT.value = false;
        const raw = leaf.formula(u.vals, u.scales, u.at + p * W + leaf.offset, peers[p * L + leaf.index]);
        if (raw !== raw) return false;
        if (raw > leaf.max) {
          s = leaf.max;
          // Clamped: exactly the max when the raw points were exact or certainly above it.
          exact = (EXACT.value || raw > leaf.max + E) && leaf.maxExact;
        } else if (raw > 0) {
          s = raw;
          exact = EXACT.value;
        }
      } else if (st === Status.NotApplicable) {
        s = leaf.max;
        exact = leaf.maxExact;
      }
      sum += s;
      last = s;
      allExact &&= exact;
      lastExact = exact;
      if (!leaf.unscored) {
        out.periodTotals[p]! += s;
        if (!exact) out.periodExact[p] = 0;
      }
    }
    const node = leafNode(plan, leaf.index);
    const n = leaf.duePeriods.length;
    out.annual[node] = leaf.last ? last : sum / n;
    out.annualExact[node] = (leaf.last ? lastExact : allExact && halving(n)) ? 1 : 0;
  }
  for (let i = plan.order.length - 1; i >= 0; i--) {
    const g = plan.groups[i];
    if (!g) continue;
    let raw = 0;
    let exact = true;
    for (const c of g.children) {
      raw += out.annual[c]!;
      exact &&= out.annualExact[c] === 1;
    }
    out.raw[i] = raw;
    const clamped = g.max !== undefined && raw > g.max;
    out.annual[i] = clamped ? g.max! : raw;
    out.annualExact[i] = (clamped ? (exact || raw > g.max! + E) && g.maxExact : exact) ? 1 : 0;
  }
  let total = 0;
  let exact = true;
  for (const i of plan.main) {
    total += out.annual[i]!;
    exact &&= out.annualExact[i] === 1;
  }
  out.total = plan.pillarMean ? (plan.pillars ? total / plan.pillars : 0) : total;
  out.totalExact = exact && (!plan.pillarMean || halving(plan.pillars));
  return true;
}

const nodeOfLeaf = new WeakMap<FastPlan, Int32Array>();
function leafNode(plan: FastPlan, leaf: number): number {
  let m = nodeOfLeaf.get(plan);
  if (!m) {
    m = new Int32Array(plan.leaves.length);
    plan.leafAt.forEach((l, i) => {
      if (l >= 0) m![l] = i;
    });
    nodeOfLeaf.set(plan, m);
  }
  return m[leaf]!;
}

/** New figure buffers for a plan. */
export function figuresFor(plan: FastPlan): FastFigures {
  return {
    annual: new Float64Array(plan.order.length),
    annualExact: new Uint8Array(plan.order.length),
    raw: new Float64Array(plan.order.length).fill(Number.NaN),
    periodTotals: new Float64Array(plan.periods.length),
    periodExact: new Uint8Array(plan.periods.length),
    total: 0,
    totalExact: false,
  };
}

/** What building a unit's result needs beside its figures. */
export interface ResultContext {
  readonly plan: FastPlan;
  readonly detail: "full" | "indicators" | "totals";
  /** The max printed for every unit. */
  readonly max: string;
  /** Peers for the reference (detail and fallback). */
  readonly peers: () => Peers;
  readonly issues: Issue[];
}

/**
 * A unit's result from its figures, every printed figure certified.
 * @returns The result and its ranking key (millionths), or undefined when a figure is too close to call.
 */
export function certifiedResult(
  ctx: ResultContext,
  u: CompactUnit,
  f: FastFigures,
  self: FastFigures | undefined,
): { key: number; result: Omit<PointsUnit, "rank"> } | undefined {
  const { plan, detail } = ctx;
  const E = plan.bound;
  const total = certifiedMillionths(f.total, E, f.totalExact);
  if (total === undefined) return undefined;
  const periods: Record<string, { total: string }> = {};
  for (let p = 0; p < plan.periods.length; p++) {
    const t = certifiedMillionths(f.periodTotals[p]!, E, f.periodExact[p] === 1);
    if (t === undefined) return undefined;
    periods[plan.periods[p]!] = { total: millionthsText(t) };
  }
  let assessment: PointsUnit["assessment"];
  if (self) {
    const s = certifiedMillionths(self.total, E, self.totalExact);
    const d = certifiedMillionths(f.total - self.total, E, f.totalExact && self.totalExact);
    if (s === undefined || d === undefined) return undefined;
    assessment = { self: millionthsText(s), final: millionthsText(total), difference: millionthsText(d) };
  }
  let indicators: Record<string, IndicatorResult> = {};
  if (detail !== "totals") {
    const built = indicatorsOf(ctx, u, f, self);
    if (!built) return undefined;
    indicators = built;
  }
  return {
    key: total,
    result: {
      id: u.id,
      name: u.name,
      catalog: plan.catalog.catalog.id,
      ...(u.parent !== undefined ? { parent: u.parent } : {}),
      scoring: "points",
      total: millionthsText(total),
      max: ctx.max,
      indicators,
      periods,
      ...(assessment ? { assessment } : {}),
    },
  };
}

function indicatorsOf(
  ctx: ResultContext,
  u: CompactUnit,
  f: FastFigures,
  self: FastFigures | undefined,
): Record<string, IndicatorResult> | undefined {
  const { plan } = ctx;
  const E = plan.bound;
  const out: Record<string, IndicatorResult> = {};
  // Per-period records and traces: the reference, for this unit, when first read.
  const detailOf = new UnitDetail(plan, u, ctx.peers);
  for (let i = 0; i < plan.order.length; i++) {
    const node = plan.order[i]!;
    const exact = f.annualExact[i] === 1;
    const score = certifiedMillionths(f.annual[i]!, E, exact);
    if (score === undefined) return undefined;
    let s: number | undefined;
    let d: number | undefined;
    if (self) {
      const selfExact = self.annualExact[i] === 1;
      s = certifiedMillionths(self.annual[i]!, E, selfExact);
      d = certifiedMillionths(f.annual[i]! - self.annual[i]!, E, exact && selfExact);
      if (s === undefined || d === undefined) return undefined;
    }
    const r = indicatorRecord(
      node,
      millionthsText(score),
      s === undefined ? undefined : millionthsText(s),
      d === undefined ? undefined : millionthsText(d),
    );
    const g = plan.groups[i];
    if (g) {
      if (g.max !== undefined) {
        const raw = f.raw[i]!;
        // Whether the sum was clamped is a decision on a continuous value: certain away from the
        // max, or when every child is exact (then so is the sum).
        let rawExact = true;
        for (const c of g.children) rawExact &&= f.annualExact[c] === 1;
        if (!rawExact && Math.abs(raw - g.max) <= E) return undefined;
        if (raw > g.max) {
          const from = certifiedMillionths(raw, E, rawExact);
          if (from === undefined) return undefined;
          r.clamp = { from: millionthsText(from), to: millionthsText(score) };
        }
      }
    } else {
      r.annualRule = node.annualRule;
      const due = plan.leaves[plan.leafAt[i]!]!.dueNames;
      r.duePeriods = due;
      if (ctx.detail === "full") {
        out[node.code] = new LeafWithPeriods(r, detailOf, due);
        continue;
      }
    }
    out[node.code] = r;
  }
  return out;
}

/** A unit's period scores and traces, computed by the reference when first read. */
class UnitDetail {
  #scores: Map<string, Map<string, LeafScore>> | undefined;
  constructor(
    readonly plan: FastPlan,
    readonly unit: CompactUnit,
    readonly peers: () => Peers,
  ) {}
  get scores(): Map<string, Map<string, LeafScore>> {
    return (this.#scores ??= evaluateUnit(
      this.plan.catalog,
      normalizedOf(this.plan, this.unit),
      this.plan.periods,
      "final",
      this.peers(),
      [],
    ));
  }
}

/**
 * A leaf's annual result whose per-period records (with traces) are built by the reference when
 * `periods` is first read; JSON output is that of the reference's record, `periods` last.
 */
class LeafWithPeriods implements IndicatorResult {
  readonly code!: string;
  readonly name!: string;
  readonly max!: string;
  readonly score!: string;
  readonly #detail: UnitDetail;
  readonly #due: readonly string[];
  #periods: Record<string, PeriodScore> | undefined;
  constructor(fields: IndicatorResult, detail: UnitDetail, due: readonly string[]) {
    Object.assign(this, fields);
    this.#detail = detail;
    this.#due = due;
  }
  get periods(): Record<string, PeriodScore> {
    if (!this.#periods) {
      const per: Record<string, PeriodScore> = {};
      const scores = this.#detail.scores;
      for (const p of this.#due) {
        const s = scores.get(p)?.get(this.code);
        if (s) per[p] = new LazyPeriodScore(s);
      }
      this.#periods = per;
    }
    return this.#periods;
  }
  toJSON(): IndicatorResult {
    return { ...this, periods: this.periods };
  }
}
