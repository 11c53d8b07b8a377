import { Dec, fmt, sum } from "../_decimal.js";
import { DatasetError, createIssue, registerMessages, type Issue } from "../errors.js";
import { lineageMessages } from "../i18n/lineage.js";
import { competitionRanks } from "../engine/rank.js";
import type { IndicatorResult, PointsUnit, ScoreResult } from "../engine/types.js";
import { isPublished } from "./published.js";
import { checkLineage } from "./read.js";
import type { UnitLineage } from "./schema.js";

registerMessages(lineageMessages);

/**
 * How a new unit's values come from its predecessors': `mean` of each main-indicator value (the
 * published national rule for DTI 2024 after the 2025 merger), `weighted` by a profile field
 * (population, staff) times the share, `max` or `min` of each value.
 */
export type MergeRule = "mean" | "weighted" | "max" | "min";

/** Options of {@link merge}. */
export interface MergeOptions {
  /** Default `mean`. */
  readonly rule?: MergeRule;
  /** `weighted`: the profile field to weight by (`population`). */
  readonly by?: string;
  /** `weighted`: each earlier unit's profile (a dataset's `units` carry them). */
  readonly profiles?: readonly { readonly id: string; readonly profile?: Readonly<Record<string, unknown>> | undefined }[];
}

/** Where a merged unit's values come from. */
export interface MergeTrace {
  readonly lineage: string;
  readonly effective: string;
  readonly source: string;
  readonly rule: MergeRule;
  readonly by?: string;
  /** Each predecessor with its share (when split), its weight (`weighted`) and its total. */
  readonly predecessors: readonly {
    readonly id: string;
    readonly name: string;
    readonly share?: string;
    readonly weight?: string;
    readonly total: string;
  }[];
  /** How the total was obtained: from the merged main-indicator values, or by the rule on the predecessors' totals. */
  readonly total: "fromMain" | "fromTotals";
  /**
   * The merged total and indicator scores before their 6-place output rounding (a mean or a
   * weighted mean rarely ends): 0–1 values are rounded once, from these.
   */
  readonly exact: { readonly total: string; readonly indicators: Readonly<Record<string, string>> };
}

/** A unit of the merged ranking: `formed` by the lineage (with its trace) or `unchanged` (not in the lineage). */
export type MergedUnit = PointsUnit & { readonly status: "formed" | "unchanged"; readonly merged?: MergeTrace };

/** The new units' result: a score result whose units carry their merge traces. */
export interface MergedResult extends Omit<ScoreResult, "units"> {
  readonly units: readonly MergedUnit[];
}

/** Result of {@link merge}: the earlier ranking and the new one, from one result. */
export interface MergeResult {
  readonly lineage: { readonly id: string; readonly effective: string; readonly source: string };
  readonly rule: MergeRule;
  /** The result as given (the earlier units, ranked). */
  readonly before: ScoreResult;
  /** The new units (and the earlier units the lineage does not name), ranked. */
  readonly after: MergedResult;
  /** New units with no predecessor: nothing to score them from. */
  readonly noHistory: readonly { readonly id: string; readonly name: string }[];
}

type Points = PointsUnit;

/** The weight of each predecessor under `weighted`: the profile field times the share. */
function weightsOf(lineage: UnitLineage, options: MergeOptions, issues: Issue[]): Map<string, Dec> {
  const by = options.by;
  const out = new Map<string, Dec>();
  if (by === undefined) {
    issues.push(createIssue("dataset", "mergeNeedsField", {}));
    return out;
  }
  const profiles = new Map((options.profiles ?? []).map((u) => [u.id, u.profile]));
  for (const u of lineage.units)
    for (const p of u.predecessors) {
      const v = profiles.get(p.id)?.[by];
      const s = typeof v === "number" || typeof v === "string" ? String(v).trim() : "";
      if (!/^\d+(\.\d+)?$/.test(s)) {
        if (!out.has(`!${p.id}`))
          issues.push(createIssue("dataset", "mergeMissingWeight", { unit: p.id, field: `profile.${by}` }, { received: p.id, detail: by }));
        out.set(`!${p.id}`, new Dec(0));
        continue;
      }
      out.set(`${u.id}\u0000${p.id}`, new Dec(s).times(p.share ?? 1));
    }
  return out;
}

/** The rule applied to the predecessors' values (`weights` in the predecessors' order for `weighted`). */
function apply(rule: MergeRule, values: readonly Dec[], weights: readonly Dec[]): Dec {
  if (rule === "max") return Dec.max(...values);
  if (rule === "min") return Dec.min(...values);
  if (rule === "mean") return sum(values).div(values.length);
  return sum(values.map((v, i) => v.times(weights[i]!))).div(sum(weights));
}

/**
 * Scores each new unit of a lineage from its predecessors' results (issue 14): each indicator's
 * score by the rule (see {@link MergeRule}; the predecessors share the catalog, so a mean of
 * points is the mean of the 0–1 values), then the total from the merged main indicators (the
 * catalog's sum, or mean of pillars; a published table's weights). A published table without
 * weights cannot recompute a total: `mean` and `weighted` then apply to the totals (the same
 * number, the total being linear in the main values), `max` and `min` are refused. Earlier units
 * the lineage does not name continue unchanged. Both rankings share ranks on equal totals.
 * @param result A scored result or a published table ({@link readPublished}): the earlier units.
 * @param lineage A lineage ({@link readLineage}); checked against the result's units.
 * @param options The rule, and for `weighted` the profile field and the profiles.
 * @returns The earlier and the new ranking, each new unit with its trace.
 * @throws DatasetError: the lineage's problems (`lineageUnknownUnit`, `lineageIdClash`),
 * `mergeNeedsPoints`, `mergeNeedsField`, `mergeMissingWeight`, `mergeZeroWeight`, `mergeNeedsWeights`,
 * `mergeMissingValues`.
 */
export function merge(result: ScoreResult, lineage: UnitLineage, options: MergeOptions = {}): MergeResult {
  const rule = options.rule ?? "mean";
  checkLineage(
    lineage,
    result.units.map((u) => u.id),
  );
  const issues: Issue[] = [];
  const byId = new Map<string, Points>();
  for (const u of result.units) {
    if (u.scoring !== "points") issues.push(createIssue("dataset", "mergeNeedsPoints", { unit: u.id }, { received: u.id }));
    else if (!byId.has(u.id)) byId.set(u.id, u);
  }
  const weights = rule === "weighted" ? weightsOf(lineage, options, issues) : new Map<string, Dec>();
  const published = isPublished(result) ? result.published : undefined;
  const hasMain = result.units.some((u) => u.scoring === "points" && Object.keys(u.indicators).length > 0);
  const pubWeights = published?.weights;
  if (published && hasMain && !pubWeights && (rule === "max" || rule === "min"))
    issues.push(createIssue("dataset", "mergeNeedsWeights", {}, { received: rule }));
  if (issues.length) throw new DatasetError(issues);

  const named = new Set(lineage.units.flatMap((u) => u.predecessors.map((p) => p.id)));
  const formed: Omit<MergedUnit, "rank">[] = [];
  const noHistory: { id: string; name: string }[] = [];
  for (const nu of lineage.units) {
    if (!nu.predecessors.length) {
      noHistory.push({ id: nu.id, name: nu.name });
      continue;
    }
    const preds = nu.predecessors.map((p) => byId.get(p.id)!);
    const w = nu.predecessors.map((p) => weights.get(`${nu.id}\u0000${p.id}`) ?? new Dec(1));
    if (rule === "weighted" && sum(w).isZero()) {
      issues.push(createIssue("dataset", "mergeZeroWeight", { unit: nu.id }, { received: nu.id, detail: options.by ?? "" }));
      continue;
    }
    const first = preds[0]!;
    const indicators: Record<string, IndicatorResult> = {};
    const exact = new Map<string, Dec>();
    // Only an indicator every predecessor has is merged: a published table may give main values
    // for some units only (DTI 2023: ranks 1–5 and the last five), and a missing value is not a 0.
    const codes = [...new Set(preds.flatMap((p) => Object.keys(p.indicators)))];
    for (const code of codes) {
      if (!preds.every((p) => p.indicators[code] !== undefined)) continue;
      const ind = preds.find((p) => p.indicators[code])!.indicators[code]!;
      const v = apply(
        rule,
        preds.map((p) => new Dec(p.indicators[code]!.score)),
        w,
      );
      exact.set(code, v);
      indicators[code] = { code, name: ind.name, max: ind.max, score: fmt(v), ...(ind.unscored ? { unscored: true as const } : {}) };
    }
    const single = preds.length === 1;
    const missing = pubWeights ? Object.keys(pubWeights).filter((c) => !exact.has(c)) : [];
    let total: Dec;
    let how: MergeTrace["total"] = "fromMain";
    if (published && pubWeights && hasMain && missing.length && !single && (rule === "max" || rule === "min")) {
      const lacking = preds.filter((p) => missing.some((c) => p.indicators[c] === undefined)).map((p) => p.id);
      issues.push(createIssue("dataset", "mergeMissingValues", { unit: nu.id }, { received: nu.id, detail: lacking.join(", ") }));
      continue;
    }
    if (published) {
      // Without every weighted main value (a unit published with its total only) the total is the
      // rule on the totals: the same number for mean and weighted (linear), and for one predecessor.
      if (pubWeights && hasMain && !missing.length) {
        const codes = Object.keys(pubWeights);
        total = sum(codes.map((c) => (exact.get(c) ?? new Dec(0)).times(pubWeights[c]!))).div(
          sum(codes.map((c) => new Dec(pubWeights[c]!))),
        );
      } else {
        total = apply(
          rule,
          preds.map((p) => new Dec(p.total)),
          w,
        );
        how = "fromTotals";
      }
    } else {
      // The catalog's aggregation of its main indicators (top-level codes): the unit max over the
      // sum of their maxima is 1 for a sum, 1/n for the mean of n pillars.
      const top = Object.values(first.indicators).filter((i) => !i.code.includes(".") && !i.unscored);
      const maxSum = sum(top.map((i) => new Dec(i.max)));
      total = maxSum.isZero()
        ? new Dec(0)
        : sum(top.map((i) => exact.get(i.code)!))
            .times(first.max)
            .div(maxSum);
    }
    formed.push({
      id: nu.id,
      name: nu.name,
      catalog: first.catalog,
      scoring: "points",
      total: fmt(total),
      max: first.max,
      indicators,
      periods: {},
      status: "formed",
      merged: {
        lineage: lineage.id,
        effective: lineage.effective,
        source: lineage.source,
        rule,
        ...(rule === "weighted" && options.by !== undefined ? { by: options.by } : {}),
        predecessors: nu.predecessors.map((p, i) => ({
          id: p.id,
          name: preds[i]!.name,
          ...(p.share !== undefined ? { share: p.share } : {}),
          ...(rule === "weighted" ? { weight: fmt(w[i]!) } : {}),
          total: preds[i]!.total,
        })),
        total: how,
        exact: { total: total.toFixed(), indicators: Object.fromEntries([...exact].map(([c, d]) => [c, d.toFixed()])) },
      },
    });
  }
  if (issues.length) throw new DatasetError(issues);
  const unchanged = [...byId.values()]
    .filter((u) => !named.has(u.id))
    .map((u): Omit<MergedUnit, "rank"> => ({ ...u, status: "unchanged" }));
  const all = [...formed, ...unchanged];
  const ranks = competitionRanks(all.map((u) => Number(new Dec(u.total).toDecimalPlaces(6).times(1e6).toFixed())));
  const units = all.map((u, i) => ({ ...u, rank: ranks[i]! }) as MergedUnit).sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  return {
    lineage: { id: lineage.id, effective: lineage.effective, source: lineage.source },
    rule,
    before: result,
    after: { catalog: result.catalog, year: result.year, periods: result.periods, units, warnings: result.warnings },
    noHistory,
  };
}
