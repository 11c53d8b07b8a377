import { readRaw } from "../_parse.js";
import { compileCatalog, type CompiledCatalog } from "../catalog/compile.js";
import { FormulaError, type Issue } from "../errors.js";
import type { FastPeers } from "../formulas/_fast.js";
import type { Dataset, DatasetInput, DatasetUnit } from "../io/dataset.js";
import { applyOverrides, type Override } from "../io/overrides.js";
import { checkRoster, filledCount } from "../io/roster.js";
import { periodGapWarnings } from "./normalize.js";
import { normalizedOf, readCompactUnit } from "./fastRead.js";
import { measureFastPeers } from "./fastScore.js";
import { ranked, readFast, scoreFastUnits, unitScorer, type Detail, type FastReading, type Scored } from "./points.js";
import { readingsOf, score, type ScoreOptions } from "./score.js";
import { withReadings } from "../catalog/readings.js";
import type { ScoreResult } from "./types.js";

// Incremental re-scoring for portals (issue 11): a province recomputed on every edit. The session
// keeps the compact data, the peers and each unit's result; an edit re-reads the one unit, and
// re-scores the others only when a formula compared across units (relative) sees new peers.

/** A dataset kept scored while it is edited, unit by unit (see {@link openScoring}). */
export interface ScoringSession {
  /** The result of the dataset as it stands. */
  readonly result: ScoreResult;
  /**
   * Replaces a unit's data (matched by `id`; a new id adds the unit) and re-scores.
   * @returns The new result (also in `result`).
   * @throws DatasetError listing every problem of the edited dataset, FormulaError for a zero
   * denominator under the `error` policy (either way the session keeps the state before the edit).
   */
  updateUnit(unit: DatasetUnit | DatasetInput["units"][number]): ScoreResult;
  /**
   * Sets one value (as `whatif` does: unit, period, indicator code, field) and re-scores.
   * @returns The new result.
   */
  setValue(change: Override): ScoreResult;
}

interface State {
  readonly fast: FastReading | undefined;
  readonly scored: Scored[];
  readonly peers: readonly (FastPeers | undefined)[];
  readonly index: Map<string, number>;
  readonly result: ScoreResult;
}

/**
 * Scores a dataset and keeps it ready for edits: an edited unit is re-read and re-scored alone
 * (its rank among the others recomputed), unless a relative formula's peers change, when every
 * unit is re-scored on the fast path. A dataset the compiled reader does not take (warnings of
 * its own, child units, a catalog without a compiled form) is re-scored in full on each edit.
 * The session owns its copy of the units list: tell it about every edit.
 * @param catalog The catalog.
 * @param dataset The dataset (an object, YAML/JSON text or a file path).
 * @param options `detail` (default `totals`, what a portal shows) and the other options of `score`.
 * @example
 * const session = openScoring(getCatalog("dong-nai-2023/huyen"), dataset);
 * session.setValue({ unit: "h-01", period: "Q4", code: "7.1", field: "a", value: 12 }).units[0]?.rank;
 */
export function openScoring(
  catalog: CompiledCatalog,
  dataset: Dataset | DatasetInput | string,
  options: Omit<ScoreOptions, "overrides" | "previous"> = {},
): ScoringSession {
  // The readings are applied once: every re-score below scores the derived catalog.
  const { readings, ...rest } = options;
  const main = readings ? withReadings(catalog, readings) : compileCatalog(catalog);
  const used = readingsOf(main);
  const detail: Detail = options.detail ?? "totals";
  const opts: ScoreOptions = { ...rest, detail };
  const start = (ds: unknown): State => {
    // Level catalogs are scored whole on each edit (their evaluation is quick; their results hold no points).
    const fast = opts.engine === "reference" || main.scoring !== "points" ? undefined : readFast(main, ds);
    if (!fast) {
      const result = score(main, ds as Dataset, opts);
      return { fast: undefined, scored: [], peers: [], index: new Map(), result };
    }
    const issues: Issue[] = [];
    const scoredAll = scoreFastUnits(fast.plan, fast.units, undefined, (i) => normalizedOf(fast.plan, fast.units[i]!), issues, detail);
    if (!scoredAll) return { fast: undefined, scored: [], peers: [], index: new Map(), result: score(main, ds as Dataset, opts) };
    if (issues.length) throw new FormulaError(issues);
    const result: ScoreResult = {
      catalog: main.id,
      year: fast.year,
      periods: fast.plan.periods,
      units: ranked(scoredAll.scored),
      warnings: fast.warnings,
      ...(used ? { readings: used } : {}),
    };
    return { fast, scored: scoredAll.scored, peers: scoredAll.peers, index: new Map(fast.units.map((u, i) => [u.id, i])), result };
  };
  // Text or a file is parsed once; the session keeps the object. A dataset that is not one throws here, with every problem.
  const parsed = readRaw(dataset, "dataset").raw;
  let state = start(parsed);
  // The units list as the session knows it (the caller's unit objects, the list its own).
  let raw = parsed as Dataset;
  raw = { ...raw, units: [...raw.units] };

  const filled = new WeakMap<object, number>();
  const edited = (unit: DatasetUnit | DatasetInput["units"][number]): Dataset => {
    const units = [...raw.units];
    const at = units.findIndex((u) => u.id === unit.id);
    if (at < 0) units.push(unit as DatasetUnit);
    else units[at] = unit as DatasetUnit;
    return { ...raw, units };
  };

  const session: ScoringSession = {
    get result() {
      return state.result;
    },
    updateUnit(unit) {
      filled.delete(unit); // the caller may have edited this object in place
      const next = edited(unit);
      const i = state.index.get(unit.id);
      const fast = state.fast;
      const compact = fast && i !== undefined && unit.parent === undefined ? readCompactUnit(unit, fast.plan) : undefined;
      if (!fast || i === undefined || !compact) {
        // A new unit, a parent link, a value the compiled reader does not take: score it all again (and report every problem).
        state = start(next);
        raw = next;
        return state.result;
      }
      // The values each unit fills (sparse units), counted once per unit object: only the edited one is new.
      const roster = checkRoster(next, undefined, (u) => {
        let n = filled.get(u);
        if (n === undefined) filled.set(u, (n = filledCount(u.data) + filledCount(u.appraisal)));
        return n;
      });
      if (roster.errors.length) {
        state = start(next); // throws with every problem
        raw = next;
        return state.result;
      }
      const units = [...fast.units];
      units[i] = compact;
      const issues: Issue[] = [];
      const scored = [...state.scored];
      let peers = state.peers;
      const normalized = (k: number) => () => normalizedOf(fast.plan, units[k]!);
      if (fast.plan.relative.length) {
        const measured = measureFastPeers(fast.plan, units);
        if (!measured) {
          state = start(next);
          raw = next;
          return state.result;
        }
        if (!samePeers(measured, peers)) {
          // New peers: every unit's relative scores move (one scorer, the peers' decimals made once).
          peers = measured;
          const score = unitScorer(fast.plan, peers, undefined, issues, detail);
          units.forEach((u, k) => (scored[k] = score(u, undefined, normalized(k))));
        }
      }
      if (peers === state.peers) scored[i] = unitScorer(fast.plan, peers, undefined, issues, detail)(compact, undefined, normalized(i));
      if (issues.length) throw new FormulaError(issues);
      const warnings = [...periodGapWarnings(fast.plan.periods, main), ...roster.warnings];
      const reading: FastReading = { ...fast, units, dataset: next };
      const result: ScoreResult = { ...state.result, units: ranked(scored), warnings };
      state = { fast: reading, scored, peers, index: state.index, result };
      raw = next;
      return result;
    },
    setValue(change) {
      const current = raw.units.find((u) => u.id === change.unit);
      // applyOverrides names an unknown unit, period or code with its coded error.
      const one = applyOverrides({ ...raw, units: current ? [structuredClone(current)] : [] }, [change]);
      return session.updateUnit(one.units[0]!);
    },
  };
  return session;
}

function samePeers(a: readonly (FastPeers | undefined)[], b: readonly (FastPeers | undefined)[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.count !== y.count || x.bestA !== y.bestA || x.bestB !== y.bestB || x.minA !== y.minA || x.minB !== y.minB)
      return false;
  }
  return true;
}
