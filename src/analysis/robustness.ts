// Rank robustness under the readings of ambiguous rows (issue 13, item 3).
//
// A catalog declares, per ambiguous node, the readings an assessor could take (src/catalog/readings.ts).
// This analysis answers "how much do the ranks depend on them": per unit, its total and rank under
// the default readings, and the lowest/highest total and best/worst rank over every combination
// of readings, each with one combination that attains it.
//
// Two modes. `exhaustive` scores every combination (the cartesian product of `readingSets`, the
// catalog's own rule included) on the fast path with `detail: "totals"`: every range is exact.
// `bounds`, when the combinations are too many, uses monotonicity: a unit's total is
// non-decreasing in every node's points (groups add their children and clamp to their max, the
// unit total adds the main indicators or takes the pillars' mean), and a node's points depend only
// on the readings of that node and of the nodes with readings under it (its "block"; a relative
// indicator compares the peers under the same reading). So a unit's highest total is attained by
// taking, per block, the combination that gives the block's top node the most points (measured by
// scoring each block's combinations one block at a time) and then the catalog rule that gives the
// highest total; the lowest likewise. The witness combination is then SCORED: what is reported is
// always a total some combination attains, and it is claimed exact only when the witness
// reproduces the per-block points and no scored combination beats it (else `exact: false`).
// Ranks in bounds mode: a proved interval from the exact total bounds (no unit can rank better
// than 1 + #{v : min_v > max_u}, nor worse than 1 + #{v : max_v > min_u}) and the best and worst
// ranks actually attained by a scored combination; exact when they meet.
//
// Totals are decimal strings rounded to 6 places, as published and ranked: compared with Dec,
// never as JS numbers.
import { Dec } from "../_decimal.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { CATALOG_READING, chosenReadings, readingSets, withReadings, type ReadingChoice, type ReadingSet } from "../catalog/readings.js";
import { score, type ScoreOptions } from "../engine/score.js";
import { competitionRanks } from "../engine/rank.js";
import type { Detail } from "../engine/points.js";
import type { PointsUnit, ScoreResult } from "../engine/types.js";
import { CatalogError, createIssue, type Issue } from "../errors.js";
import type { Dataset, DatasetInput } from "../io/dataset.js";
import { isDue } from "../_periods.js";

/** Options of {@link robustness}. */
export interface RobustnessOptions extends Pick<ScoreOptions, "engine"> {
  /**
   * The base choice, as for `score`: the "default" combination is the catalog's defaults with
   * these readings in force (every combination is still explored).
   */
  readonly readings?: ReadingChoice | undefined;
  /** Exhaustive up to this many combinations (default 4096); beyond, exact bounds. */
  readonly maxCombinations?: number | undefined;
  /** Exhaustive only while combinations × units stays within this many unit scorings (default 400,000). */
  readonly maxUnitScorings?: number | undefined;
}

/** A value some combination of readings attains, with that combination (every node with readings → id). */
export interface Attained<T> {
  readonly value: T;
  readonly readings: ReadingChoice;
}

/** One unit's robustness: default total and rank, the range of its total and of its rank. */
export interface UnitRobustness {
  readonly id: string;
  readonly name: string;
  readonly parent?: string;
  /** Total and rank under the default combination. */
  readonly total: string;
  readonly rank: number;
  /** Lowest and highest total over every combination (decimal strings), each attained. */
  readonly minTotal: Attained<string>;
  readonly maxTotal: Attained<string>;
  /** Whether minTotal and maxTotal are the true extremes (always in exhaustive mode). */
  readonly totalExact: boolean;
  /** Best (smallest) and worst rank attained by a combination that was scored. */
  readonly bestRank: Attained<number>;
  readonly worstRank: Attained<number>;
  /**
   * Whether bestRank and worstRank are the true extremes. When not: the proved interval, where
   * known — no combination gives a rank better than `bestRankBound` nor worse than `worstRankBound`.
   */
  readonly rankExact: boolean;
  readonly bestRankBound?: number;
  readonly worstRankBound?: number;
}

/** A unit whose rank moves when one reading changes. */
export interface RankMove {
  readonly unit: string;
  readonly name: string;
  readonly rankBefore: number;
  readonly rankAfter: number;
  readonly totalBefore: string;
  readonly totalAfter: string;
}

/** A row whose other reading, alone, changes at least one rank (one at a time from the default combination). */
export interface SensitiveReading {
  /** Node code, or `"catalog"` for the unit total's rule. */
  readonly code: string;
  readonly reading: string;
  /** The document's words and why this reading is possible. */
  readonly source: string;
  readonly rationale: string;
  readonly moves: readonly RankMove[];
}

/** A unit's rank under its self-assessed total and under the final (appraised) total. */
export interface AssessmentRank {
  readonly unit: string;
  readonly name: string;
  readonly self: string;
  readonly final: string;
  readonly selfRank: number;
  readonly finalRank: number;
}

/** Result of {@link robustness}. */
export interface RobustnessReport {
  readonly catalog: string;
  readonly year: number;
  /** `exhaustive`: every combination scored; `bounds`: exact bounds by monotonicity (see the module notes). */
  readonly mode: "exhaustive" | "bounds";
  /** Number of combinations of readings (the product of the numbers of readings). */
  readonly combinations: number;
  /** Number of scorings of the dataset this analysis ran. */
  readonly scorings: number;
  /** The nodes with readings (`"catalog"` for the total's rule), their ids and the default. */
  readonly readings: readonly { readonly code: string; readonly ids: readonly string[]; readonly default: string }[];
  /** The default combination (every node with readings → id): the catalog's defaults with `options.readings`. */
  readonly base: ReadingChoice;
  /** Units in default rank order. */
  readonly units: readonly UnitRobustness[];
  /** The rows whose reading, changed alone from the default combination, changes at least one rank. */
  readonly sensitive: readonly SensitiveReading[];
  /** With self-assessed and appraised data: every unit's rank under each (ties share: 1, 2, 2, 4). */
  readonly assessments?: readonly AssessmentRank[];
  /**
   * Warnings of the data scored under the base readings. Those an alternative alone would raise
   * (data for quarters a yearly reading does not use) are about that reading, not the data.
   */
  readonly warnings: readonly Issue[];
}

const DEFAULT_MAX_COMBINATIONS = 4096;
const DEFAULT_MAX_UNIT_SCORINGS = 400_000;

type Totals = ReadonlyMap<string, { readonly total: Dec; readonly text: string; readonly rank: number; readonly unit: PointsUnit }>;

/**
 * How much the ranks depend on the readings of ambiguous rows: per unit, the total and rank
 * under the default readings and their range over every combination of readings (exhaustive when
 * feasible, otherwise exact bounds, each extreme with a combination that attains it); the rows
 * whose reading alone changes a rank; and, with appraisals, ranks by self-assessed vs final totals.
 * @param catalog A points catalog (a derived one: its readings are the base choice).
 * @param dataset The dataset.
 * @param options `readings` (base choice), `maxCombinations`, `maxUnitScorings`, `engine`.
 * @returns The report, units in default rank order.
 * @throws CatalogError `robustnessNeedsPoints` for a level catalog, `structureOnly`, the reading
 * codes of `withReadings`; DatasetError / FormulaError as `score`.
 * @example
 * const r = robustness(getCatalog("dong-nai-2023/huyen"), loadDataset(text));
 * r.units[0]; // { id, total: "612.5", rank: 1, minTotal: { value, readings }, bestRank: { value: 1, … }, worstRank: { value: 2, … }, … }
 */
export function robustness(catalog: CompiledCatalog, dataset: Dataset | DatasetInput, options: RobustnessOptions = {}): RobustnessReport {
  if (catalog.scoring === "levels")
    throw new CatalogError([createIssue("catalog", "robustnessNeedsPoints", { catalog: catalog.id }, { received: catalog.scoring })]);
  const base = catalog.base ?? catalog;
  // Checks the choice (coded errors naming the valid codes and ids) before any scoring.
  const given = { ...chosenReadings(catalog), ...(options.readings ?? {}) };
  withReadings(base, given);
  // Readings that change only wording (what is collected) score the same data alike: not tried.
  const sets = readingSets(base).map((s) => ({ ...s, ids: s.ids.filter((id) => !s.wording.includes(id)) }));
  const baseChoice: Record<string, string> = Object.fromEntries(sets.map((s) => [s.code, given[s.code] ?? s.default]));
  const engine = options.engine ? { engine: options.engine } : {};

  let scorings = 0;
  const baseKey = keyOf(baseChoice);
  const byCadence = new Map<string, Dataset | DatasetInput>();
  const dueData = (choice: ReadingChoice): Dataset | DatasetInput => {
    const read = withReadings(base, choice);
    // A row whose input another row takes (`from: "<code>.<field>"`) keeps its entries: the other
    // row reads them in every period it is due.
    const sources = new Set(
      read.leaves.flatMap((n) =>
        n.fields.flatMap((f) => (f.from && !f.from.startsWith("profile.") ? [f.from.slice(0, f.from.lastIndexOf("."))] : [])),
      ),
    );
    const changed = read.leaves.filter((n) => n.cadence !== base.nodes.get(n.code)?.cadence && !sources.has(n.code));
    if (!changed.length) return dataset;
    const key = changed.map((n) => `${n.code}:${n.cadence}`).join(",");
    let filtered = byCadence.get(key);
    if (!filtered) byCadence.set(key, (filtered = withoutUndue(dataset, changed)));
    return filtered;
  };
  const cache = new Map<string, { result: ScoreResult; totals: Totals }>();
  const run = (choice: ReadingChoice, detail: Detail, keep = true) => {
    const key = `${detail}|${keyOf(choice)}`;
    const hit = cache.get(key) ?? (detail === "totals" ? cache.get(`indicators|${keyOf(choice)}`) : undefined);
    if (hit) return hit;
    scorings++;
    // Under a reading that changes a row's cadence, its data for periods no longer due is not used
    // (the reference engine says so in a warning, and reads the whole dataset to say it): left out
    // here, so that every combination stays on the fast path. The scores are the same; the base
    // run keeps the data whole, and its warnings are the ones reported.
    const data = keyOf(choice) === baseKey ? dataset : dueData(choice);
    const result = score(base, data, { ...engine, readings: choice, detail });
    const totals = new Map(
      result.units
        .filter((u): u is PointsUnit => u.scoring === "points" && u.catalog === base.id)
        .map((u) => [u.id, { total: new Dec(u.total), text: u.total, rank: u.rank, unit: u }] as const),
    );
    const entry = { result, totals };
    if (keep) cache.set(key, entry);
    return entry;
  };

  const combinations = sets.reduce((n, s) => n * s.ids.length, 1);
  const first = run(baseChoice, "totals");
  const unitCount = first.totals.size;
  const exhaustive =
    combinations <= (options.maxCombinations ?? DEFAULT_MAX_COMBINATIONS) &&
    combinations * unitCount <= (options.maxUnitScorings ?? DEFAULT_MAX_UNIT_SCORINGS);

  const acc = new Map([...first.totals].map(([id, t]) => [id, startAccumulator(t, baseChoice)]));
  const observe = (choice: ReadingChoice, totals: Totals) => {
    for (const [id, t] of totals) acc.get(id)?.observe(t.total, t.text, t.rank, choice);
  };

  // One alternative at a time from the default combination: the rows whose reading alone changes a
  // rank (before the ranges: in bounds mode, no scored combination may lie beyond a witness).
  const sensitive: SensitiveReading[] = [];
  for (const set of sets)
    for (const reading of set.readings) {
      // Only the ids tried are alternatives: a described reading (encoded: false) is never scored, and
      // one that changes only wording scores the same data alike.
      if (reading.id === baseChoice[set.code] || !set.ids.includes(reading.id)) continue;
      const choice = { ...baseChoice, [set.code]: reading.id };
      const after = run(choice, exhaustive ? "totals" : "indicators").totals;
      observe(choice, after);
      const moves: RankMove[] = [];
      for (const [id, before] of first.totals) {
        const now = after.get(id);
        if (now && now.rank !== before.rank)
          moves.push({
            unit: id,
            name: before.unit.name,
            rankBefore: before.rank,
            rankAfter: now.rank,
            totalBefore: before.text,
            totalAfter: now.text,
          });
      }
      if (moves.length)
        sensitive.push({
          code: set.code,
          reading: reading.id,
          source: reading.source,
          rationale: reading.rationale,
          moves: moves.sort((a, b) => a.rankBefore - b.rankBefore || a.unit.localeCompare(b.unit)),
        });
    }

  let exactTotals: Map<string, boolean>;
  let perRule: RuleBounds = [];
  if (exhaustive) {
    // Not kept: up to maxUnitScorings unit results would stay in memory.
    for (const choice of product(sets)) observe(choice, run(choice, "totals", false).totals);
    exactTotals = new Map([...acc.keys()].map((id) => [id, true]));
  } else {
    ({ exact: exactTotals, perRule } = bounds(base, sets, baseChoice, run, observe, acc));
  }

  const allExact = [...exactTotals.values()].every(Boolean);
  const units = [...first.totals.values()]
    .sort((a, b) => a.rank - b.rank || a.unit.id.localeCompare(b.unit.id))
    .map((t): UnitRobustness => {
      const a = acc.get(t.unit.id)!;
      const totalExact = exactTotals.get(t.unit.id) ?? false;
      const head = {
        id: t.unit.id,
        name: t.unit.name,
        ...(t.unit.parent !== undefined ? { parent: t.unit.parent } : {}),
        total: t.text,
        rank: t.rank,
        minTotal: a.min(),
        maxTotal: a.max(),
        totalExact,
        bestRank: a.best(),
        worstRank: a.worst(),
      };
      if (exhaustive) return { ...head, rankExact: true };
      if (!allExact) return { ...head, rankExact: false };
      // Proved from the exact total bounds under each rule of the unit total (every combination
      // has one): competition ranking counts the units strictly ahead.
      const id = t.unit.id;
      const bestRankBound = Math.min(...perRule.map((b) => 1 + [...b].filter(([v, x]) => v !== id && x.min.gt(b.get(id)!.max)).length));
      const worstRankBound = Math.max(...perRule.map((b) => 1 + [...b].filter(([v, x]) => v !== id && x.max.gt(b.get(id)!.min)).length));
      const rankExact = bestRankBound === head.bestRank.value && worstRankBound === head.worstRank.value;
      return { ...head, rankExact, ...(rankExact ? {} : { bestRankBound, worstRankBound }) };
    });

  const assessments = assessmentRanks([...first.totals.values()].map((t) => t.unit));
  return {
    catalog: base.id,
    year: first.result.year,
    mode: exhaustive ? "exhaustive" : "bounds",
    combinations,
    scorings,
    readings: sets.map((s) => ({ code: s.code, ids: s.ids, default: s.default })),
    base: baseChoice,
    units,
    sensitive,
    ...(assessments ? { assessments } : {}),
    warnings: first.result.warnings,
  };
}

/** The dataset without the entries of the given rows in periods where their cadence makes them not due. */
function withoutUndue(dataset: Dataset | DatasetInput, rows: readonly CompiledCatalog["leaves"][number][]): Dataset | DatasetInput {
  const periods = dataset.periods;
  const last = periods[periods.length - 1];
  const keep = (entries: Record<string, unknown> | null | undefined, period: string) => {
    if (!entries) return entries;
    const out = { ...entries };
    for (const n of rows) if (!isDue(n.cadence, period, period === last)) delete out[n.code];
    return out;
  };
  const side = (byPeriod: Record<string, unknown> | undefined) =>
    byPeriod && Object.fromEntries(Object.entries(byPeriod).map(([p, e]) => [p, keep(e as Record<string, unknown> | null | undefined, p)]));
  return {
    ...dataset,
    units: dataset.units.map((u) => ({
      ...u,
      data: side(u.data as Record<string, unknown> | undefined) ?? {},
      ...(u.appraisal ? { appraisal: side(u.appraisal as Record<string, unknown>) } : {}),
    })),
  } as Dataset | DatasetInput;
}

/** A stable key of a full choice (codes in catalog order, as the choice was built). */
function keyOf(choice: ReadingChoice): string {
  return Object.entries(choice)
    .map(([c, id]) => `${c}=${id}`)
    .join("\u0000");
}

/** Every combination of readings, in mixed-radix order over `sets` (the catalog's defaults first). */
function* product(sets: readonly ReadingSet[]): Generator<ReadingChoice> {
  const index = sets.map(() => 0);
  for (;;) {
    yield Object.fromEntries(sets.map((s, i) => [s.code, s.ids[index[i]!]!]));
    let i = sets.length - 1;
    while (i >= 0 && ++index[i]! === sets[i]!.ids.length) index[i--] = 0;
    if (i < 0) return;
  }
}

/** The extremes of one unit seen so far, each with the first combination that attained it. */
function startAccumulator(t: { total: Dec; text: string; rank: number }, choice: ReadingChoice) {
  let min = { d: t.total, text: t.text, readings: choice };
  let max = { d: t.total, text: t.text, readings: choice };
  let best = { value: t.rank, readings: choice };
  let worst = { value: t.rank, readings: choice };
  return {
    observe(d: Dec, text: string, rank: number, readings: ReadingChoice) {
      if (d.lt(min.d)) min = { d, text, readings };
      if (d.gt(max.d)) max = { d, text, readings };
      if (rank < best.value) best = { value: rank, readings };
      if (rank > worst.value) worst = { value: rank, readings };
    },
    min: (): Attained<string> => ({ value: min.text, readings: min.readings }),
    max: (): Attained<string> => ({ value: max.text, readings: max.readings }),
    minValue: () => min.d,
    maxValue: () => max.d,
    best: (): Attained<number> => best,
    worst: (): Attained<number> => worst,
  };
}
type Accumulator = ReturnType<typeof startAccumulator>;
/** Per rule of the unit total (one entry when the catalog has no readings of it): each unit's exact lowest and highest total. */
type RuleBounds = ReadonlyMap<string, { min: Dec; max: Dec }>[];
type Runner = (choice: ReadingChoice, detail: Detail, keep?: boolean) => { result: ScoreResult; totals: Totals };

/**
 * Bounds mode: per unit, the combination maximizing (minimizing) each block's points, then the
 * catalog rule giving the highest (lowest) total; each witness scored. Returns, per unit, whether
 * its total range is proved exact (every witness reproduced the per-block points and no scored
 * combination lies outside it), and the extremes under each rule of the unit total (for the rank bounds).
 */
function bounds(
  catalog: CompiledCatalog,
  sets: readonly ReadingSet[],
  baseChoice: Readonly<Record<string, string>>,
  run: Runner,
  observe: (choice: ReadingChoice, totals: Totals) => void,
  acc: ReadonlyMap<string, Accumulator>,
): { exact: Map<string, boolean>; perRule: RuleBounds } {
  const nodeSets = sets.filter((s) => s.code !== CATALOG_READING);
  const ruleSet = sets.find((s) => s.code === CATALOG_READING);
  // A block: a top-most node with readings and every node with readings under it (their points interact).
  const hasReadings = new Set(nodeSets.map((s) => s.code));
  const topOf = (code: string): string => {
    let top = code;
    for (let p = catalog.nodes.get(code)?.parent; p !== undefined; p = catalog.nodes.get(p)?.parent) if (hasReadings.has(p)) top = p;
    return top;
  };
  const blocks = new Map<string, ReadingSet[]>();
  for (const s of nodeSets) {
    const top = topOf(s.code);
    blocks.set(top, [...(blocks.get(top) ?? []), s]);
  }
  // What a block adds to the total: an unscored node (a `notScored` reading, Đồng Nai huyện 3.1)
  // still shows its points but adds nothing, so it contributes 0, not its points.
  const points = (totals: Totals, unit: string, code: string) => {
    const r = totals.get(unit)?.unit.indicators[code];
    return new Dec(r && !r.unscored ? r.score : 0);
  };
  const units = [...acc.keys()];
  const rules = ruleSet ? ruleSet.ids : [undefined];
  const withRule = (choice: Record<string, string>, rule: string | undefined) =>
    rule !== undefined ? { ...choice, [CATALOG_READING]: rule } : choice;
  // Per rule of the catalog (a catalog reading changes the points of many nodes: its default zero
  // denominator), per unit and block: the block combination giving its top node the most / the
  // fewest points under that rule.
  type Pick = { choice: Record<string, string>; points: Dec };
  const picks = rules.map((rule) => {
    const hi = new Map(units.map((u) => [u, new Map<string, Pick>()]));
    const lo = new Map(units.map((u) => [u, new Map<string, Pick>()]));
    for (const [top, members] of blocks)
      for (const part of product(members)) {
        const choice = withRule({ ...baseChoice, ...part }, rule);
        const { totals } = run(choice, "indicators");
        observe(choice, totals);
        for (const u of units) {
          const p = points(totals, u, top);
          const h = hi.get(u)!.get(top);
          const l = lo.get(u)!.get(top);
          if (!h || p.gt(h.points)) hi.get(u)!.set(top, { choice: { ...part }, points: p });
          if (!l || p.lt(l.points)) lo.get(u)!.set(top, { choice: { ...part }, points: p });
        }
      }
    return { hi, lo };
  });
  // A pillar mean over the scored pillars divides by fewer when a reading leaves a main indicator
  // unscored: the total is then not monotone in that node's points (its few points may pull the
  // mean down), so no extreme is proved.
  const divisorMoves =
    nodeSets.some((s) => catalog.nodes.get(s.code)?.depth === 0 && s.readings.some((r) => "unscored" in r)) &&
    rules.some((rule) => {
      const c = rule !== undefined ? withReadings(catalog, { [CATALOG_READING]: rule }) : catalog;
      return c.aggregate === "pillarMean" && c.pillarMeanOf !== "all";
    });
  const exact = new Map(units.map((u) => [u, !divisorMoves]));
  const perRule = rules.map(() => new Map<string, { min: Dec; max: Dec }>());
  for (const side of ["max", "min"] as const)
    for (const u of units) {
      let witness: { choice: ReadingChoice; totals: Totals } | undefined;
      let separable = true;
      rules.forEach((rule, r) => {
        const chosen = (side === "max" ? picks[r]!.hi : picks[r]!.lo).get(u)!;
        const nodes = Object.assign({}, ...[...chosen.values()].map((p) => p.choice)) as Record<string, string>;
        const choice = withRule({ ...baseChoice, ...nodes }, rule);
        const { totals } = run(choice, "indicators");
        observe(choice, totals);
        const t = totals.get(u)!.total;
        const w = witness?.totals.get(u)!.total;
        if (!w || (side === "max" ? t.gt(w) : t.lt(w))) witness = { choice, totals };
        const bound = perRule[r]!.get(u) ?? { min: t, max: t };
        perRule[r]!.set(u, side === "max" ? { ...bound, max: t } : { ...bound, min: t });
        // Each block's points must be those measured one block at a time under this rule (separability).
        separable &&= [...chosen].every(([top, p]) => points(totals, u, top).eq(p.points));
      });
      const a = acc.get(u)!;
      const value = witness!.totals.get(u)!.total;
      // No scored combination may lie beyond it (monotonicity, checked on what was scored).
      const extreme = side === "max" ? a.maxValue().eq(value) : a.minValue().eq(value);
      if (!separable || !extreme) exact.set(u, false);
    }
  return { exact, perRule };
}

/**
 * Ranks by self-assessed and by final totals, for datasets with appraisals (ties share a rank).
 * @returns Undefined when no unit has both.
 */
function assessmentRanks(units: readonly PointsUnit[]): AssessmentRank[] | undefined {
  const both = units.filter((u) => u.assessment);
  if (!both.length) return undefined;
  // Millionths: totals are published with 6 decimal places, so these are exact integers.
  const key = (s: string) => new Dec(s).times(1_000_000).toNumber();
  const self = competitionRanks(both.map((u) => key(u.assessment!.self)));
  const final = competitionRanks(both.map((u) => key(u.assessment!.final)));
  return both
    .map((u, i) => ({
      unit: u.id,
      name: u.name,
      self: u.assessment!.self,
      final: u.assessment!.final,
      selfRank: self[i]!,
      finalRank: final[i]!,
    }))
    .sort((a, b) => a.finalRank - b.finalRank || a.unit.localeCompare(b.unit));
}
