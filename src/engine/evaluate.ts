import { Dec, ZERO, clamp } from "../_decimal.js";
import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import type { Formula } from "../catalog/schema.js";
import { createIssue, type Issue } from "../errors.js";
import { kindOf } from "../formulas/registry.js";
import type { FieldValue, Inputs, Outcome, PeerStats } from "../formulas/_types.js";
import { resolveInputs, type Entry, type NormalizedUnit } from "./normalize.js";
import { isDue } from "./periods.js";
import type { PeriodStatus, Trace } from "./types.js";

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

/** Scores by unit id → period → leaf code. */
export type LeafScores = Map<string, Map<string, Map<string, LeafScore>>>;

/** Data of a unit for a period, appraisal entries overriding self ones in the final assessment. */
export function entriesFor(unit: NormalizedUnit, period: string, which: Assessment): { entries: ReadonlyMap<string, Entry>; appraised: ReadonlySet<string> } {
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

/** Evaluates a formula with the node's zero-denominator policy applied. */
export function runFormula(
  node: CompiledNode,
  formula: Formula,
  max: Dec,
  inputs: Inputs,
  extra: { peers?: PeerStats | undefined; childLevels?: readonly number[] | undefined },
): Outcome {
  const evaluate = (f: Formula, m: Dec): Outcome => {
    const o = kindOf(f).evaluate({
      formula: f,
      max: m,
      inputs,
      defs: node.inputs,
      zeroDenominator: node.zeroDenominator,
      evaluate,
      peers: extra.peers,
      childLevels: extra.childLevels,
    });
    if (!o.zeroDenominator) return o;
    return { ...o, raw: node.zeroDenominator === "max" ? m : ZERO };
  };
  return evaluate(formula, max);
}

function factsText(facts: Outcome["facts"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts ?? {})) out[k] = typeof v === "string" ? v : v.toString();
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
    kind: node.formula?.kind ?? "sum",
    status,
    branch: detail.outcome?.branch ?? status,
    inputs,
    facts: factsText(detail.outcome?.facts),
    raw: raw.toString(),
    ...(raw.eq(detail.score) ? {} : { clamp: { from: raw.toString(), to: detail.score.toString() } }),
    ...(detail.missing?.length ? { missing: detail.missing } : {}),
    source,
    ...(detail.outcome?.parts ? { parts: detail.outcome.parts } : {}),
  };
}

/**
 * Scores every leaf of every unit in every period where it is due. `relative` leaves are
 * scored after the others, against the units scored together in the same period.
 * @param issues Receives `zeroDenominator` errors (policy `error`).
 */
export function evaluateLeaves(catalog: CompiledCatalog, units: readonly NormalizedUnit[], periods: readonly string[], which: Assessment, issues: Issue[]): LeafScores {
  const out: LeafScores = new Map();
  const pending: { unit: NormalizedUnit; period: string; node: CompiledNode; inputs: Inputs; source: "self" | "appraisal"; measured: Dec | "zeroDenominator" | undefined }[] = [];
  const last = periods[periods.length - 1];
  const dueLeaves = new Map(periods.map((p) => [p, catalog.leaves.filter((n) => isDue(n.cadence, p, p === last))]));
  for (const unit of units) {
    const byPeriod = new Map<string, Map<string, LeafScore>>();
    out.set(unit.id, byPeriod);
    for (const period of periods) {
      const scores = new Map<string, LeafScore>();
      byPeriod.set(period, scores);
      const { entries, appraised } = entriesFor(unit, period, which);
      for (const node of dueLeaves.get(period)!) {
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
        const formula = node.formula!;
        const kind = node.kind!;
        if (kind.measure) {
          pending.push({ unit, period, node, inputs, source, measured: kind.measure(formula, inputs) });
          continue;
        }
        scores.set(node.code, scoreLeaf(catalog, unit, period, node, inputs, source, {}, issues));
      }
    }
  }
  // Relative leaves: peers are the units with a measured value for the same indicator and period.
  const groups = new Map<string, typeof pending>();
  for (const p of pending) {
    const key = `${p.period}\u0000${p.node.code}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  for (const group of groups.values()) {
    const values = group.flatMap((p) => (p.measured instanceof Dec ? [p.measured] : []));
    const peers: PeerStats | undefined = values.length
      ? { best: Dec.max(...values), min: Dec.min(...values), count: values.length }
      : undefined;
    for (const p of group) {
      out.get(p.unit.id)!.get(p.period)!.set(p.node.code, scoreLeaf(catalog, p.unit, p.period, p.node, p.inputs, p.source, peers ? { peers } : {}, issues));
    }
  }
  return out;
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
    issues.push(createIssue("dataset", "zeroDenominator", { unit: unit.id, period, indicator: node.code }, { detail: "" }));
  }
  const score = clamp(outcome.raw, node.max);
  const status: PeriodStatus = outcome.zeroDenominator ? "zeroDenominator" : "scored";
  return { score, status, catalog, node, source, outcome, inputs };
}
