import { Dec, ZERO, clamp } from "../_decimal.js";
import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import { createIssue, type Issue } from "../errors.js";
import { kindOf } from "../formulas/registry.js";
import type { AnyFormula, FieldValue, Inputs, Outcome, PeerStats } from "../formulas/_types.js";
import { resolveInputs, type Entry, type NormalizedUnit } from "./normalize.js";
import { isDue } from "../_periods.js";
import type { PeriodStatus, ReadingUsed, Trace } from "./types.js";

/** One leaf's score in one period, exact, with what its trace is built from (on demand). */
export interface LeafScore {
  readonly score: Dec;
  readonly status: PeriodStatus;
  readonly catalog: CompiledCatalog;
  readonly node: CompiledNode;
  readonly source: "self" | "appraisal";
  readonly outcome?: Outcome;
  readonly inputs?: Inputs;
  readonly missing?: string[];
}

/** The trace of a leaf score (built when asked for: most results are read for totals only). */
export function traceOf(s: LeafScore): Trace {
  return makeTrace(s.catalog, s.node, s.status, s.source, {
    score: s.score,
    ...(s.outcome ? { outcome: s.outcome } : {}),
    ...(s.inputs ? { inputs: s.inputs } : {}),
    ...(s.missing ? { missing: s.missing } : {}),
  });
}

const NONE: ReadonlySet<string> = new Set();

/** Which data to score: the self-assessment alone, or the final data (appraisal over self). */
export type Assessment = "self" | "final";

/** Data of a unit for a period, appraisal entries overriding self ones in the final assessment. */
export function entriesFor(
  unit: NormalizedUnit,
  period: string,
  which: Assessment,
): { entries: ReadonlyMap<string, Entry>; appraised: ReadonlySet<string> } {
  const self = unit.self.get(period) ?? new Map<string, Entry>();
  const overriding = which === "final" ? unit.appraisal?.get(period) : undefined;
  if (!overriding?.size) return { entries: self, appraised: NONE };
  const entries = new Map(self);
  for (const [code, e] of overriding) entries.set(code, e);
  return { entries, appraised: new Set(overriding.keys()) };
}

function show(v: FieldValue): string {
  return v instanceof Dec ? v.toString() : String(v);
}

/** Evaluates a points formula with the node's zero-denominator policy applied. */
export function runFormula(
  node: CompiledNode,
  formula: AnyFormula,
  max: Dec,
  inputs: Inputs,
  extra: { peers?: PeerStats | undefined },
): Outcome {
  const evaluate = (f: AnyFormula, m: Dec): Outcome => {
    const o = kindOf(f)!.evaluate({ formula: f, max: m, inputs, evaluate, peers: extra.peers });
    if (!o.zeroDenominator) return o;
    return { ...o, raw: node.zeroDenominator === "max" ? m : ZERO };
  };
  return evaluate(formula, max);
}

function factsText(facts: Outcome["facts"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts ?? {})) out[k] = v.toString();
  return out;
}

/** Makes the trace of a leaf score. */
export function makeTrace(
  catalog: CompiledCatalog,
  node: CompiledNode,
  status: PeriodStatus,
  source: "self" | "appraisal",
  detail: { outcome?: Outcome; inputs?: Inputs; score: Dec; missing?: string[] },
): Trace {
  const raw = detail.outcome?.raw ?? detail.score;
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(detail.inputs ?? {})) if (v !== undefined) inputs[k] = show(v);
  return {
    catalog: catalog.catalog.id,
    code: node.code,
    citation: `${catalog.catalog.id} ${node.code} (${catalog.catalog.document.number})`,
    // Traces are made for points leaves only, and every one has a formula (missingFormula).
    kind: node.formula!.kind,
    status,
    branch: detail.outcome?.branch ?? status,
    inputs,
    facts: factsText(detail.outcome?.facts),
    raw: raw.toString(),
    ...(raw.eq(detail.score) ? {} : { clamp: { from: raw.toString(), to: detail.score.toString() } }),
    ...(detail.missing?.length ? { missing: detail.missing } : {}),
    source,
    ...(detail.outcome?.parts ? { parts: detail.outcome.parts } : {}),
    ...(node.reading ? { reading: readingUsed(node.reading) } : {}),
  };
}

/** What a result says of the reading in force of a node (or of the catalog's rule). */
export function readingUsed(r: {
  readonly id: string;
  readonly default?: true | undefined;
  readonly source: string;
  readonly rationale: string;
}): ReadingUsed {
  return { id: r.id, default: r.default === true, source: r.source, rationale: r.rationale };
}

/** Peer values of the leaves compared across units (kinds with `measure`): per period and code, over the units scored together. */
export type Peers = ReadonlyMap<string, PeerStats>;

const peerKey = (period: string, code: string) => `${period}\u0000${code}`;

/**
 * Measures every peer-compared leaf of every unit (a cheap first pass), so that each unit can then
 * be scored on its own against the best (and lowest) value of its period.
 */
export function measurePeers(
  catalog: CompiledCatalog,
  units: readonly NormalizedUnit[],
  periods: readonly string[],
  which: Assessment,
): Peers {
  const relative = catalog.leaves.filter((n) => n.kind?.measure);
  const peers = new Map<string, PeerStats>();
  if (!relative.length) return peers;
  const last = periods[periods.length - 1];
  for (const period of periods) {
    for (const node of relative) {
      if (!isDue(node.cadence, period, period === last)) continue;
      let best: Dec | undefined;
      let min: Dec | undefined;
      let count = 0;
      for (const unit of units) {
        const { entries } = entriesFor(unit, period, which);
        const entry = entries.get(node.code);
        if (!entry || entry.na) continue;
        const { inputs, missing } = resolveInputs(node, entry.values, unit.profile, entries);
        if (missing.length) continue;
        const v = node.kind!.measure!(node.formula!, inputs);
        if (!(v instanceof Dec)) continue;
        best = best === undefined || v.gt(best) ? v : best;
        min = min === undefined || v.lt(min) ? v : min;
        count++;
      }
      if (best && min) peers.set(peerKey(period, node.code), { best, min, count });
    }
  }
  return peers;
}

/**
 * Scores every leaf of one unit in every period where it is due; peer-compared leaves against the
 * peers measured beforehand.
 * @param issues Receives `zeroDenominator` errors (policy `error`).
 */
export function evaluateUnit(
  catalog: CompiledCatalog,
  unit: NormalizedUnit,
  periods: readonly string[],
  which: Assessment,
  peers: Peers,
  issues: Issue[],
): Map<string, Map<string, LeafScore>> {
  const byPeriod = new Map<string, Map<string, LeafScore>>();
  for (const period of periods) {
    const scores = new Map<string, LeafScore>();
    byPeriod.set(period, scores);
    const { entries, appraised } = entriesFor(unit, period, which);
    for (const node of dueLeavesOf(catalog, periods).get(period)!) {
      const source = appraised.has(node.code) ? "appraisal" : "self";
      const entry = entries.get(node.code);
      if (!entry) {
        scores.set(node.code, { score: ZERO, status: "missing", catalog, node, source });
        continue;
      }
      if (entry.na) {
        scores.set(node.code, { score: node.max, status: "notApplicable", catalog, node, source });
        continue;
      }
      const { inputs, missing } = resolveInputs(node, entry.values, unit.profile, entries);
      if (missing.length) {
        scores.set(node.code, { score: ZERO, status: "missing", catalog, node, source, inputs, missing });
        continue;
      }
      const p = node.kind!.measure ? peers.get(peerKey(period, node.code)) : undefined;
      scores.set(node.code, scoreLeaf(catalog, unit, period, node, inputs, source, p ? { peers: p } : {}, issues));
    }
  }
  return byPeriod;
}

const dueLeavesCache = new WeakMap<CompiledCatalog, WeakMap<readonly string[], Map<string, CompiledNode[]>>>();
/** Leaves due in each period (cached per catalog and periods array). */
function dueLeavesOf(catalog: CompiledCatalog, periods: readonly string[]): Map<string, CompiledNode[]> {
  let byPeriods = dueLeavesCache.get(catalog);
  if (!byPeriods) dueLeavesCache.set(catalog, (byPeriods = new WeakMap()));
  let due = byPeriods.get(periods);
  if (!due) {
    const last = periods[periods.length - 1];
    due = new Map(periods.map((p) => [p, catalog.leaves.filter((n) => isDue(n.cadence, p, p === last))]));
    byPeriods.set(periods, due);
  }
  return due;
}

function scoreLeaf(
  catalog: CompiledCatalog,
  unit: NormalizedUnit,
  period: string,
  node: CompiledNode,
  inputs: Inputs,
  source: "self" | "appraisal",
  extra: { peers?: PeerStats },
  issues: Issue[],
): LeafScore {
  const outcome = runFormula(node, node.formula!, node.max, inputs, extra);
  if (outcome.zeroDenominator && node.zeroDenominator === "error") {
    // Name the denominator (the sum of the inputs below the line) so that the message says which input to fill.
    const denominators = [...new Set(node.ratios.map((r) => r.denominator.join(" + ")))].join(", ");
    issues.push(createIssue("dataset", "zeroDenominator", { unit: unit.id, period, indicator: node.code }, { detail: denominators }));
  }
  const score = clamp(outcome.raw, node.max);
  const status: PeriodStatus = outcome.zeroDenominator ? "zeroDenominator" : "scored";
  return { score, status, catalog, node, source, outcome, inputs };
}
