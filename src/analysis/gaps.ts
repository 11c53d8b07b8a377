import { Dec, ZERO, clamp, fmt, sum } from "../_decimal.js";
import type { CompiledCatalog, CompiledNode, RatioExpr } from "../catalog/compile.js";
import { resolveCatalog } from "../catalog/registry.js";
import { runFormula } from "../engine/evaluate.js";
import { score, type ScoreOptions } from "../engine/score.js";
import { withReadings } from "../catalog/readings.js";
import { compareCodes, unitOf, type Blocker, type LevelUnit, type PointsUnit, type ScoreResult, type Trace } from "../engine/types.js";
import type { Lang } from "../errors.js";
import type { FieldSpec, FieldValue, PeerStats } from "../formulas/_types.js";
import { ratioParts } from "../formulas/_value.js";
import { formulaRaising } from "../formulas/registry.js";
import { loadDataset, type Dataset, type DatasetInput } from "../io/dataset.js";
import { applyOverrides, type Override } from "../io/overrides.js";
import { formatNumber } from "../_format.js";
import { gapsWords } from "../i18n/analysis.js";
import { describeBlocker } from "../levels/index.js";
import type { MergeOptions } from "../lineage/merge.js";
import type { UnitLineage } from "../lineage/schema.js";
import { compare, type UnitChange } from "./compare.js";

/** Points a unit loses on one indicator. */
export interface Gap {
  readonly code: string;
  readonly name: string;
  /** Code of the main indicator it belongs to. */
  readonly main: string;
  /** Responsible agency or lead official, where the catalog names one. */
  readonly lead?: string;
  readonly support?: readonly string[];
  readonly max: string;
  readonly score: string;
  readonly lost: string;
}

/** One way to gain points: the smallest change of one indicator's inputs, verified by re-scoring. */
export interface Suggestion {
  readonly code: string;
  readonly name: string;
  readonly lead?: string;
  /** The changes, as what-if overrides. Empty for "report the missing data". */
  readonly changes: readonly Override[];
  /** Points the unit's total gains when the changes are applied: exact when `verified`, else estimated from the formula. */
  readonly gain: string;
  /** The gain was checked by re-scoring the whole dataset with the changes. */
  readonly verified: boolean;
  /** Whether the gain passes the unit just above. */
  readonly reaches: boolean;
  /** Relative effort: 1 per yes/no or option step, 1 per item, 1 per 10% of a ratio's base. */
  readonly effort: number;
  /** Human description of the change. */
  readonly description: string;
}

/** Gap analysis of one unit. */
export interface GapReport {
  readonly unit: string;
  readonly name: string;
  readonly total: string;
  readonly rank: number;
  /** Leaves losing points, most first. */
  readonly lost: readonly Gap[];
  readonly byMain: readonly { readonly code: string; readonly name: string; readonly lost: string }[];
  readonly byLead: readonly { readonly lead: string; readonly lost: string; readonly codes: readonly string[] }[];
  /** The unit just above and the points needed to pass it. */
  readonly target?: { readonly unit: string; readonly name: string; readonly total: string; readonly needed: string };
  /** Indicators with no data in the periods that count: reporting them can give up to `lost` points. */
  readonly missingData: readonly Gap[];
  /** Cheapest single-indicator ways to gain the needed points (or the most points each can give), by effort. */
  readonly suggestions: readonly Suggestion[];
  /** When no single indicator suffices: a combination, verified by re-scoring. */
  readonly plan?: {
    readonly changes: readonly Override[];
    readonly codes: readonly string[];
    readonly gain: string;
    readonly reaches: boolean;
  };
  /** Level catalogs: the next level and what each blocking criterion needs. */
  readonly nextLevel?: { readonly level: number; readonly blockers: readonly (Blocker & { readonly action: string })[] };
  /**
   * With `history`: the unit against its earlier result — across a lineage, against the merge of
   * its predecessors (`merged` names them); `status: "new"` with `noHistory` when it has none.
   */
  readonly history?: UnitChange;
}

/** The earlier result a gap report follows the unit from, across a lineage when given (issue 14). */
export interface GapHistory extends MergeOptions {
  readonly previous: ScoreResult;
  readonly lineage?: UnitLineage;
}

const EPS = new Dec("0.000001");

function responsibleOf(catalog: CompiledCatalog, code: string): { lead?: string; support?: readonly string[] } {
  for (let n: CompiledNode | undefined = catalog.nodes.get(code); n; n = n.parent ? catalog.nodes.get(n.parent) : undefined) {
    const r = n.source.responsible;
    if (r?.lead) return { lead: r.lead, ...(r.support ? { support: r.support } : {}) };
  }
  return {};
}

function mainOf(code: string): string {
  return code.split(".")[0]!;
}

/** The inputs whose growth raises the score (the kinds say which), that the unit itself gives. */
function raisingFields(node: CompiledNode): FieldSpec[] {
  const names = node.formula ? formulaRaising(node.formula) : new Set<string>();
  return node.fields.filter((s) => names.has(s.name) && !s.from && s.moreIsBetter && s.type !== "text");
}

function readInputs(node: CompiledNode, t: Trace): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of node.fields) {
    const v = t.inputs[f.name];
    if (v === undefined) continue;
    out[f.name] = f.type === "boolean" ? v === "true" : f.type === "option" || f.type === "text" ? v : new Dec(v);
  }
  return out;
}

function peersOf(t: Trace): PeerStats | undefined {
  if (t.facts["best"] === undefined) return undefined;
  return { best: new Dec(t.facts["best"]), min: new Dec(t.facts["min"] ?? "0"), count: Number(t.facts["peers"] ?? "1") };
}

function periodScore(node: CompiledNode, inputs: Record<string, FieldValue>, peers: PeerStats | undefined): Dec {
  let p = peers;
  if (p && node.kind?.measure) {
    // The unit's new value may become the best (or the lowest) of the period.
    const v = runFormula(node, node.formula!, node.max, inputs, {}).value;
    if (v) p = { ...p, best: Dec.max(p.best, v), min: Dec.min(p.min, v) };
  }
  return clamp(runFormula(node, node.formula!, node.max, inputs, p ? { peers: p } : {}).raw, node.max);
}

/** The ratios of a node's formula (composite parts included) with `field` in their numerator. */
function ratiosWith(node: CompiledNode, field: string): readonly RatioExpr[] {
  return node.ratios.filter((r) => r.numerator.includes(field));
}

/** Ratio base of a field (its denominator sum), for effort. */
function baseOf(node: CompiledNode, field: string, inputs: Record<string, FieldValue>): Dec | undefined {
  const r = ratiosWith(node, field).at(-1);
  return r ? ratioParts(r, inputs).denominator : undefined;
}

/** Upper bound of a numeric field: a proportion's numerator cannot exceed its denominator. */
function boundOf(node: CompiledNode, field: FieldSpec, inputs: Record<string, FieldValue>): Dec {
  const current = inputs[field.name] instanceof Dec ? (inputs[field.name] as Dec) : ZERO;
  let bound: Dec | undefined;
  for (const r of ratiosWith(node, field.name)) {
    if (!r.proportion) continue;
    const { numerator, denominator } = ratioParts(r, inputs);
    const b = denominator.minus(numerator.minus(current));
    bound = bound ? Dec.min(bound, b) : b;
  }
  return bound ?? current.times(10).plus(1000);
}

interface PeriodChange {
  readonly field: string;
  readonly value: FieldValue;
  readonly effort: number;
  /** "a: 5 → 10" style change and the field's label. */
  readonly text: string;
  readonly label: string;
  /** The period score after the change. */
  readonly score: Dec;
}

/** The smallest change of one field in one period that brings the period score to `target`. */
function invertPeriod(node: CompiledNode, trace: Trace, target: Dec, lang: Lang): PeriodChange | undefined {
  const inputs = readInputs(node, trace);
  const peers = peersOf(trace);
  const current = periodScore(node, inputs, peers);
  if (current.gte(target)) return undefined;
  let best: PeriodChange | undefined;
  const consider = (c: PeriodChange, reached: boolean) => {
    if (reached && (!best || c.effort < best.effort)) best = c;
  };
  for (const f of raisingFields(node)) {
    const cur = inputs[f.name];
    if (f.type === "boolean") {
      if (cur === true) continue;
      const s = periodScore(node, { ...inputs, [f.name]: true }, peers);
      consider(
        { field: f.name, value: true, effort: 1, score: s, label: f.name === "value" ? node.name : f.label, text: gapsWords[lang].noToYes },
        s.gte(target),
      );
    } else if (f.type === "option") {
      // The options by their labels: the keys (under3, over6) are the catalog's, not the assessor's words.
      const named = (key: FieldValue | undefined) => (typeof key === "string" ? `“${f.optionLabels?.[key] ?? key}”` : "∅");
      for (const opt of f.options ?? []) {
        if (opt === cur) continue;
        const s = periodScore(node, { ...inputs, [f.name]: opt }, peers);
        if (s.gt(current))
          consider(
            { field: f.name, value: opt, effort: 1, score: s, label: node.name, text: `${named(cur)} → ${named(opt)}` },
            s.gte(target),
          );
      }
    } else {
      const from = cur instanceof Dec ? cur : ZERO;
      const step = f.type === "count" ? new Dec(1) : new Dec("0.01");
      const bound = boundOf(node, f, inputs);
      if (bound.lte(from)) continue;
      const reach = (v: Dec) => periodScore(node, { ...inputs, [f.name]: v }, peers).gte(target);
      if (!reach(bound)) continue;
      // Smallest value in (from, bound] reaching the target: scores never drop as a numerator grows.
      let lo = from;
      let hi = bound;
      while (hi.minus(lo).gt(step)) {
        const mid = lo.plus(hi).div(2).div(step).floor().times(step);
        if (mid.lte(lo)) break;
        if (reach(mid)) hi = mid;
        else lo = mid;
      }
      const delta = hi.minus(from);
      const base = baseOf(node, f.name, inputs);
      const effort =
        f.type === "count" && !base
          ? delta.toNumber()
          : base && base.gt(0)
            ? delta.div(base).times(10).toNumber()
            : delta.div(Dec.max(from, 1)).times(10).toNumber();
      consider(
        {
          field: f.name,
          value: hi,
          effort,
          score: periodScore(node, { ...inputs, [f.name]: hi }, peers),
          label: f.label,
          text: `${formatNumber(from, lang, 6)} → ${formatNumber(hi, lang, 6)} (+${formatNumber(delta, lang, 6)})`,
        },
        true,
      );
    }
  }
  return best;
}

/** Points units of each catalog of a result, lowest total first (ties in result order): built once per result. */
const ascendingOf = new WeakMap<ScoreResult, Map<string, { readonly unit: PointsUnit; readonly total: Dec }[]>>();

/** The unit with the lowest total above `unit`'s among the units of its catalog (the first in result order on a tie). */
function unitAbove(result: ScoreResult, unit: PointsUnit): PointsUnit | undefined {
  let byCatalog = ascendingOf.get(result);
  if (!byCatalog) ascendingOf.set(result, (byCatalog = new Map()));
  let ascending = byCatalog.get(unit.catalog);
  if (!ascending) {
    ascending = result.units
      .filter((u): u is PointsUnit => u.scoring === "points" && u.catalog === unit.catalog)
      .map((u) => ({ unit: u, total: new Dec(u.total) }))
      // Array.prototype.sort is stable: equal totals keep the result's order.
      .sort((a, b) => a.total.comparedTo(b.total));
    byCatalog.set(unit.catalog, ascending);
  }
  const total = new Dec(unit.total);
  // First entry strictly above: binary search on the ascending totals.
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ascending[mid]!.total.gt(total)) hi = mid;
    else lo = mid + 1;
  }
  return ascending[lo]?.unit;
}

/** Codes whose data the peers of a catalog's compared indicators (kinds with `measure`) are measured from. */
const peerCodesOf = new WeakMap<CompiledCatalog, ReadonlySet<string>>();
function peerCodes(catalog: CompiledCatalog): ReadonlySet<string> {
  let codes = peerCodesOf.get(catalog);
  if (!codes) {
    const set = new Set<string>();
    for (const n of catalog.leaves) {
      if (!n.kind?.measure) continue;
      set.add(n.code);
      // Inputs read from another indicator of the same period (`from: 1.2.a`).
      for (const f of n.fields) if (f.from && !f.from.startsWith("profile.")) set.add(f.from.slice(0, f.from.lastIndexOf(".")));
    }
    peerCodesOf.set(catalog, (codes = set));
  }
  return codes;
}

type PeriodData = Readonly<Record<string, unknown>> | null | undefined;

/** A unit's data by period with only `codes` kept. */
function onlyCodes(
  byPeriod: Readonly<Record<string, PeriodData>> | undefined,
  codes: ReadonlySet<string>,
): Record<string, PeriodData> | undefined {
  if (!byPeriod) return byPeriod;
  const out: Record<string, PeriodData> = {};
  for (const [period, data] of Object.entries(byPeriod)) {
    if (!data || typeof data !== "object") {
      out[period] = data;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const code of Object.keys(data)) if (codes.has(code)) kept[code] = data[code];
    out[period] = kept;
  }
  return out;
}

/** A scored period of a compared indicator, with its trace's facts. */
interface ComparedPeriod {
  readonly unit: string;
  readonly key: string;
  readonly facts: Readonly<Record<string, string>>;
}

/**
 * The scored periods of the compared indicators of every unit of `catalog` in a result, keyed
 * `period␀code`; undefined when a result has no per-period records to read.
 */
function comparedPeriods(result: ScoreResult, catalog: CompiledCatalog, nodes: readonly CompiledNode[]): ComparedPeriod[] | undefined {
  const out: ComparedPeriod[] = [];
  for (const u of result.units) {
    if (u.scoring !== "points" || u.catalog !== catalog.id) continue;
    for (const node of nodes) {
      const periods = u.indicators[node.code]?.periods;
      if (!periods) return undefined;
      for (const [p, ps] of Object.entries(periods))
        if (ps.status === "scored") out.push({ unit: u.id, key: `${p}\u0000${node.code}`, facts: ps.trace.facts });
    }
  }
  return out;
}

/**
 * Best and lowest measured value of each period × compared indicator (`period␀code` → `best␀min`),
 * read from the traces of a result; undefined when a result has no traces to read.
 */
function peerFacts(result: ScoreResult, catalog: CompiledCatalog, nodes: readonly CompiledNode[]): Map<string, string> | undefined {
  const periods = comparedPeriods(result, catalog, nodes);
  if (!periods) return undefined;
  const out = new Map<string, string>();
  for (const { key, facts } of periods) {
    const { best, min } = facts;
    if (best === undefined || min === undefined) return undefined;
    out.set(key, `${best}\u0000${min}`);
  }
  return out;
}

/**
 * Units whose measured values are the two highest or the two lowest of some period × compared
 * indicator, by the traces of `result`: whichever unit changes, the best and lowest of the others
 * are among them. Undefined when a trace does not show its value.
 */
function extremeUnits(result: ScoreResult, catalog: CompiledCatalog, nodes: readonly CompiledNode[]): Set<string> | undefined {
  const periods = comparedPeriods(result, catalog, nodes);
  if (!periods) return undefined;
  const values = new Map<string, { id: string; value: Dec }[]>();
  for (const { unit, key, facts } of periods) {
    const v = facts["value"];
    if (v === undefined) return undefined;
    const list = values.get(key);
    if (list) list.push({ id: unit, value: new Dec(v) });
    else values.set(key, [{ id: unit, value: new Dec(v) }]);
  }
  const ids = new Set<string>();
  for (const list of values.values()) {
    list.sort((a, b) => a.value.comparedTo(b.value));
    for (const x of [...list.slice(0, 2), ...list.slice(-2)]) ids.add(x.id);
  }
  return ids;
}

/** The peer units of a result of a dataset, per catalog (see {@link peerUnits}). */
type PeerUnits = Map<CompiledCatalog, { readonly units: readonly unknown[]; readonly kept: readonly boolean[] }>;
/**
 * Per result, then per dataset: kept no longer than the result, so that a dataset edited in place
 * and scored again (a portal does) is reduced again; one result serves every unit of a report.
 */
const peerUnitsOf = new WeakMap<ScoreResult, WeakMap<object, PeerUnits>>();

/**
 * The other units a unit's peers come from, reduced to the data they are measured from: the
 * units holding the extremes (see {@link extremeUnits}) when re-scoring those alone gives every
 * best and lowest of the whole dataset, else every unit.
 */
function peerUnits(
  dataset: Dataset | DatasetInput,
  units: readonly unknown[],
  catalog: CompiledCatalog,
  codes: ReadonlySet<string>,
  result: ScoreResult,
  scoreOptions: { catalogs?: Readonly<Record<string, CompiledCatalog>> },
): { readonly units: readonly unknown[]; readonly kept: readonly boolean[] } {
  let byDataset = peerUnitsOf.get(result);
  if (!byDataset) peerUnitsOf.set(result, (byDataset = new WeakMap()));
  let byCatalog = byDataset.get(dataset);
  if (!byCatalog) byDataset.set(dataset, (byCatalog = new Map()));
  let peers = byCatalog.get(catalog);
  if (peers) return peers;
  const reduced = units.map((u) => {
    if (typeof u !== "object" || u === null) return u;
    const { data, appraisal } = u as { data?: Record<string, PeriodData>; appraisal?: Record<string, PeriodData> };
    return {
      ...u,
      ...(data !== undefined ? { data: onlyCodes(data, codes) } : {}),
      ...(appraisal !== undefined ? { appraisal: onlyCodes(appraisal, codes) } : {}),
    };
  });
  let kept = reduced.map(() => true);
  const nodes = catalog.leaves.filter((n) => n.kind?.measure);
  const ids = extremeUnits(result, catalog, nodes);
  const expected = ids && peerFacts(result, catalog, nodes);
  if (ids && expected) {
    const few = units.map((u) => typeof u === "object" && u !== null && ids.has((u as { id?: unknown }).id as string));
    // Checked once by scoring them: the traces must show the same best and lowest everywhere.
    try {
      const check = score(catalog, { ...dataset, units: reduced.filter((_, i) => few[i]) } as DatasetInput, scoreOptions);
      const got = peerFacts(check, catalog, nodes);
      if (got && got.size === expected.size && [...expected].every(([k, v]) => got.get(k) === v)) kept = few;
    } catch {
      // every unit is kept
    }
  }
  peers = { units: reduced, kept };
  byCatalog.set(catalog, peers);
  return peers;
}

/**
 * The dataset reduced to what one unit's total depends on, to re-score changes of that unit
 * alone: the unit itself and, when its catalog compares units (kinds with `measure`), the other
 * units its peers come from with only the data they are measured from, so that the best and
 * lowest are those of the whole dataset. A unit's total depends on nothing else (ranks, child
 * levels and roster checks do not reach it; the number of peers is only shown in a trace).
 * Undefined when the unit cannot stand alone: it has a parent (the link is checked against the
 * other units) or its id is not found exactly once.
 */
function reducedDataset(
  dataset: Dataset | DatasetInput,
  catalog: CompiledCatalog,
  unitId: string,
  result: ScoreResult,
  scoreOptions: { catalogs?: Readonly<Record<string, CompiledCatalog>> },
): DatasetInput | undefined {
  const units: readonly unknown[] | undefined = (dataset as { units?: unknown }).units as readonly unknown[] | undefined;
  if (!Array.isArray(units)) return undefined;
  const isUnit = (u: unknown): u is { id: unknown; parent?: unknown } => typeof u === "object" && u !== null;
  const matches = units.filter((u) => isUnit(u) && u.id === unitId);
  const unit = matches[0];
  if (matches.length !== 1 || !isUnit(unit) || unit.parent !== undefined) return undefined;
  const codes = peerCodes(catalog);
  if (!codes.size) return { ...dataset, units: [unit] } as DatasetInput;
  const peers = peerUnits(dataset, units, catalog, codes, result, scoreOptions);
  return { ...dataset, units: units.flatMap((u, i) => (u === unit ? [unit] : peers.kept[i] ? [peers.units[i]] : [])) } as DatasetInput;
}

function overrideValue(v: FieldValue): string | number | boolean {
  return v instanceof Dec ? v.toNumber() : v;
}

/**
 * Finds where a unit loses points and the cheapest ways to climb: points lost per indicator
 * (grouped by main indicator and responsible agency/official), the points needed to pass the
 * unit just above, and for each indicator the smallest change of its inputs that gains them,
 * verified by re-scoring. Level catalogs: what the next level needs, criterion by criterion.
 * @param catalog The catalog.
 * @param dataset The dataset the result was scored from.
 * @param unitId The unit.
 * @param options `lang` of descriptions; `result` to reuse a score result; `verify`: how many of the
 *   best suggestions to check by re-scoring the whole dataset (default 5; the others are estimates);
 *   `catalogs`: child catalogs by id when they are not built-in (as for `score`); `engine`: as for
 *   `score` (also for the re-scoring); `history`: the unit's earlier result (and a lineage file
 *   with its merge rule), reported as `history` — across a merger, the merge of its predecessors.
 * @returns The gap report.
 * @example
 * const g = gaps(catalog, dataset, "so-tc");
 * g.target?.needed; g.suggestions[0].description;
 */
export function gaps(
  catalog: CompiledCatalog,
  dataset: Dataset | DatasetInput,
  unitId: string,
  options: GapSearchOptions & {
    /** The unit's earlier result, across a lineage file: see {@link GapReport.history}. */
    history?: GapHistory;
    /** Readings of ambiguous nodes (issue 13), as for `score`: the gaps are those of the catalog read so. */
    readings?: ScoreOptions["readings"];
  } = {},
): GapReport {
  // Read once: the re-scoring below scores the derived catalog (cached, so planned once).
  if (options.readings) catalog = withReadings(catalog, options.readings);
  if (!options.history) return gapsOf(catalog, dataset, unitId, options);
  const { history, ...rest } = options;
  const result = options.result ?? score(catalog, dataset, scoreOptionsOf(rest));
  const report = gapsOf(catalog, dataset, unitId, { ...rest, result });
  const { previous, ...compareOptions } = history;
  const change = compare(previous, result, compareOptions).units.find((u) => u.id === unitId && u.status !== "removed");
  return change ? { ...report, history: change } : report;
}

/** What the gap search itself takes (see {@link gaps}): the language, a result to reuse, how many suggestions to verify, child catalogs, the engine. */
export interface GapSearchOptions {
  lang?: Lang;
  result?: ScoreResult;
  verify?: number;
  catalogs?: Readonly<Record<string, CompiledCatalog>>;
  engine?: ScoreOptions["engine"];
}

/** The scoring options of a gap search: child catalogs and the engine. */
function scoreOptionsOf(options: GapSearchOptions): ScoreOptions {
  return {
    ...(options.catalogs ? { catalogs: options.catalogs } : {}),
    ...(options.engine ? { engine: options.engine } : {}),
  };
}

/** {@link gaps} without the history. */
function gapsOf(catalog: CompiledCatalog, dataset: Dataset | DatasetInput, unitId: string, options: GapSearchOptions): GapReport {
  const lang = options.lang ?? "vi";
  const scoreOptions = scoreOptionsOf(options);
  const result = options.result ?? score(catalog, dataset, scoreOptions);
  const unit = unitOf(result, unitId);
  // A mixed dataset (communes of a district) holds units of the child catalog too.
  const unitCatalog = unit.catalog === catalog.id ? catalog : resolveCatalog(unit.catalog, options.catalogs, catalog.id);
  const compiled = unitCatalog;
  if (unit.scoring === "levels") return levelGaps(unit, compiled, lang);

  const lost: Gap[] = compiled.leaves
    .filter((n) => !n.unscored)
    .map((n) => {
      const ind = unit.indicators[n.code]!;
      const l = new Dec(ind.max).minus(ind.score);
      return {
        code: n.code,
        name: n.name,
        main: mainOf(n.code),
        ...responsibleOf(compiled, n.code),
        max: ind.max,
        score: ind.score,
        lost: fmt(l),
      };
    })
    .filter((g) => new Dec(g.lost).gt(0))
    .sort((a, b) => new Dec(b.lost).comparedTo(a.lost) || compareCodes(a.code, b.code));
  const byMain = compiled.top
    .filter((t) => !t.unscored)
    .map((t) => ({ code: t.code, name: t.name, lost: fmt(sum(lost.filter((g) => g.main === t.code).map((g) => new Dec(g.lost)))) }))
    .filter((m) => new Dec(m.lost).gt(0))
    .sort((a, b) => new Dec(b.lost).comparedTo(a.lost));
  const leads = new Map<string, Gap[]>();
  for (const g of lost) if (g.lead) leads.set(g.lead, [...(leads.get(g.lead) ?? []), g]);
  const byLead = [...leads]
    .map(([lead, gs]) => ({ lead, lost: fmt(sum(gs.map((g) => new Dec(g.lost)))), codes: gs.map((g) => g.code) }))
    .sort((a, b) => new Dec(b.lost).comparedTo(a.lost));

  const above = unitAbove(result, unit);
  const needed = above ? new Dec(above.total).minus(unit.total) : undefined;
  const total = new Dec(unit.total);

  const totalOf = (r: ScoreResult) => {
    const after = r.units.find((u) => u.id === unitId);
    return new Dec(after?.scoring === "points" ? after.total : 0);
  };
  // The changes touch this unit only: score it with just what its total depends on, read once
  // (score() would read a dataset given with overrides twice: loadDataset, then its own check; the
  // schema only checks, so a read dataset reads the same again). Anything the reduced dataset
  // cannot score as the whole one would (an error) is scored on the whole one, so that what is
  // thrown names the same places.
  // Only the total is read: no indicator records (the total is the same at every detail).
  const totalsOnly = { ...scoreOptions, detail: "totals" as const };
  let alone: Dataset | null | undefined;
  const readAlone = (): Dataset | null => {
    if (alone === undefined) {
      const reduced = compiled === catalog ? reducedDataset(dataset, catalog, unitId, result, scoreOptions) : undefined;
      try {
        alone = reduced ? loadDataset(reduced) : null;
      } catch {
        alone = null;
      }
    }
    return alone;
  };
  const rescore = (changes: Override[]) => {
    const ds = readAlone();
    if (ds) {
      try {
        return totalOf(score(catalog, applyOverrides(ds, changes), totalsOnly)).minus(total);
      } catch {
        // scored on the whole dataset below
      }
    }
    return totalOf(score(catalog, dataset, { ...totalsOnly, overrides: changes })).minus(total);
  };

  const suggestions: Suggestion[] = [];
  const missingData: Gap[] = [];
  for (const g of lost) {
    const node = compiled.nodes.get(g.code)!;
    const ind = unit.indicators[g.code]!;
    const due = ind.duePeriods ?? [];
    const periods = ind.annualRule === "last" ? due.slice(-1) : due;
    const missing = periods.filter((p) => ind.periods?.[p]?.status === "missing");
    if (missing.length === periods.length) {
      missingData.push(g);
      continue;
    }
    // Per-period gain wanted: the annual gain needed (mean: each period raised by it).
    const want = needed ? Dec.min(needed.plus(EPS), new Dec(g.lost)) : new Dec(g.lost);
    const changes: Override[] = [];
    const byField = new Map<string, { label: string; texts: string[] }>();
    let effort = 0;
    let periodGain = ZERO;
    for (const p of periods) {
      const ps = ind.periods?.[p];
      if (!ps || ps.status !== "scored") continue;
      const target = Dec.min(new Dec(ps.score).plus(want), node.max);
      const c = invertPeriod(node, ps.trace, target, lang);
      if (!c) continue;
      changes.push({ unit: unitId, period: p, code: g.code, field: c.field, value: overrideValue(c.value) });
      periodGain = periodGain.plus(c.score.minus(ps.score));
      const f = byField.get(c.field) ?? { label: c.label, texts: [] };
      f.texts.push(periods.length > 1 ? `${p} ${c.text}` : c.text);
      byField.set(c.field, f);
      effort += c.effort;
    }
    if (!changes.length) continue;
    // Estimate: the annual gain (mean over due periods, or the last), within every group's headroom.
    let gain = ind.annualRule === "last" ? periodGain : periodGain.div(due.length || 1);
    for (let a = node.parent; a; a = compiled.nodes.get(a)!.parent) {
      const an = compiled.nodes.get(a)!;
      if (an.capped) gain = Dec.min(gain, an.max.minus(unit.indicators[a]!.score));
    }
    if (gain.lte(0)) continue;
    suggestions.push({
      code: g.code,
      name: g.name,
      ...(g.lead ? { lead: g.lead } : {}),
      changes,
      gain: fmt(gain),
      verified: false,
      reaches: needed ? gain.gt(needed) : false,
      effort: Math.round(effort * 100) / 100,
      description: `${g.code}: ${[...byField].map(([field, f]) => `${field === "value" ? "" : `${field} `}(${f.label}): ${f.texts.join(", ")}`).join("; ")}`,
    });
  }
  const order = (a: Suggestion, b: Suggestion) =>
    Number(b.reaches) - Number(a.reaches) || a.effort - b.effort || new Dec(b.gain).comparedTo(a.gain);
  suggestions.sort(order);
  // Verify the best ones by re-scoring the whole dataset (relative formulas and clamps included).
  const verifyCount = options.verify ?? 5;
  let checked = 0;
  for (let i = 0; i < suggestions.length && checked < verifyCount; i++) {
    const s = suggestions[i]!;
    if (!s.changes.length) continue;
    const gain = rescore([...s.changes]);
    suggestions[i] = { ...s, gain: fmt(gain), verified: true, reaches: needed ? gain.gt(needed) : false };
    checked++;
  }
  suggestions.sort(order);
  const w = gapsWords[lang];
  for (let i = 0; i < suggestions.length; i++) {
    const s = suggestions[i]!;
    if (s.changes.length)
      suggestions[i] = {
        ...s,
        description: `${s.description} → +${formatNumber(s.gain, lang)} ${w.points}${s.verified ? "" : w.estimate}`,
      };
  }

  let plan: GapReport["plan"];
  if (needed && !suggestions.some((s) => s.reaches)) {
    // Greedy: most points per effort first, until the needed points are passed; verified by re-scoring.
    const pool = suggestions
      .filter((s) => s.changes.length)
      .sort((a, b) => new Dec(b.gain).div(b.effort || 1).comparedTo(new Dec(a.gain).div(a.effort || 1)));
    const chosen: Suggestion[] = [];
    let gain = ZERO;
    for (const s of pool) {
      chosen.push(s);
      gain = rescore(chosen.flatMap((c) => c.changes));
      if (gain.gt(needed)) break;
    }
    if (chosen.length)
      plan = { changes: chosen.flatMap((c) => c.changes), codes: chosen.map((c) => c.code), gain: fmt(gain), reaches: gain.gt(needed) };
  }
  return {
    unit: unit.id,
    name: unit.name,
    total: unit.total,
    rank: unit.rank,
    lost,
    byMain,
    byLead,
    ...(above && needed ? { target: { unit: above.id, name: above.name, total: above.total, needed: fmt(needed) } } : {}),
    missingData,
    suggestions,
    ...(plan ? { plan } : {}),
  };
}

function levelGaps(unit: LevelUnit, compiled: CompiledCatalog, lang: Lang): GapReport {
  const level = unit.level + 1;
  const w = gapsWords[lang];
  const blockers = unit.blockers.map((b) => {
    let action = describeBlocker(b, lang);
    const node = compiled.nodes.get(b.code);
    const f = node?.criterion;
    const inputs = unit.criteria[b.code]?.inputs ?? {};
    if (b.missing) action = w.reportData;
    else if (b.scale === "percent" && b.min && f?.value && typeof f.value === "object" && f.value.numerator.length === 1) {
      // Smallest numerator reaching the required share of the denominator.
      const field = f.value.numerator[0]!;
      const den = sum(f.value.denominator.map((d) => new Dec(inputs[d] ?? "0")));
      const need = new Dec(b.min)
        .times(den)
        .ceil()
        .minus(inputs[field] ?? "0");
      if (need.gt(0)) action += `${w.add(need.toFixed())} (${field}: ${node!.inputs[field]?.label ?? field})`;
    } else if (b.scale === "count" && b.min && b.value) action += w.add(new Dec(b.min).minus(b.value).toFixed());
    else if (b.scale === "presence") action = w.putInPlace(b.requirement);
    return { ...b, action };
  });
  return {
    unit: unit.id,
    name: unit.name,
    total: "0",
    rank: unit.rank,
    lost: [],
    byMain: [],
    byLead: [],
    missingData: [],
    suggestions: [],
    ...(level <= 5 ? { nextLevel: { level, blockers } } : {}),
  };
}
