import { Dec, fmt } from "../_decimal.js";
import { indicatorsInOrder, type ScoreResult } from "../engine/types.js";

/** Change of one unit between two results. */
export interface UnitChange {
  readonly id: string;
  readonly name: string;
  readonly totalBefore?: string;
  readonly totalAfter?: string;
  readonly totalChange?: string;
  readonly rankBefore?: number;
  readonly rankAfter?: number;
  /** Positive: the unit climbed. */
  readonly rankChange?: number;
  readonly levelBefore?: number;
  readonly levelAfter?: number;
  /** Indicators whose score changed: code → {before, after, change}. */
  readonly indicators: Readonly<Record<string, { readonly before: string; readonly after: string; readonly change: string }>>;
}

/** Result of {@link compare}. */
export interface Comparison {
  readonly catalog: string;
  readonly yearBefore: number;
  readonly yearAfter: number;
  readonly units: readonly UnitChange[];
}

/**
 * Compares two results of the same catalog (year over year, or before/after a what-if):
 * change of total, rank and each indicator per unit. Units in only one result are listed with
 * the side they have.
 * @param previous The earlier result.
 * @param current The later result.
 * @returns Per-unit changes, biggest total change first.
 */
export function compare(previous: ScoreResult, current: ScoreResult): Comparison {
  const ids = [...new Set([...previous.units.map((u) => u.id), ...current.units.map((u) => u.id)])];
  // The first unit with each id, as a search from the start would find it: one pass, not one per id.
  const firstById = (r: ScoreResult) => {
    const m = new Map<string, ScoreResult["units"][number]>();
    for (const u of r.units) if (!m.has(u.id)) m.set(u.id, u);
    return m;
  };
  const before = firstById(previous);
  const after = firstById(current);
  const units = ids.map((id): UnitChange => {
    const a = before.get(id);
    const b = after.get(id);
    const indicators: Record<string, { before: string; after: string; change: string }> = {};
    if (a?.scoring === "points" && b?.scoring === "points") {
      for (const [code, ib] of Object.entries(b.indicators)) {
        const ia = a.indicators[code];
        if (ia && ia.score !== ib.score)
          indicators[code] = { before: ia.score, after: ib.score, change: fmt(new Dec(ib.score).minus(ia.score)) };
      }
    }
    if (a?.scoring === "levels" && b?.scoring === "levels") {
      for (const [code, cb] of Object.entries(b.criteria)) {
        const ca = a.criteria[code];
        if (ca && ca.levelMet !== cb.levelMet)
          indicators[code] = { before: String(ca.levelMet), after: String(cb.levelMet), change: String(cb.levelMet - ca.levelMet) };
      }
    }
    return {
      id,
      name: (b ?? a)!.name,
      ...(a ? { rankBefore: a.rank } : {}),
      ...(b ? { rankAfter: b.rank } : {}),
      ...(a?.scoring === "points" ? { totalBefore: a.total } : {}),
      ...(b?.scoring === "points" ? { totalAfter: b.total } : {}),
      ...(a?.scoring === "points" && b?.scoring === "points" ? { totalChange: fmt(new Dec(b.total).minus(a.total)) } : {}),
      ...(a && b ? { rankChange: a.rank - b.rank } : {}),
      ...(a?.scoring === "levels" ? { levelBefore: a.level } : {}),
      ...(b?.scoring === "levels" ? { levelAfter: b.level } : {}),
      indicators,
    };
  });
  units.sort((x, y) => new Dec(y.totalChange ?? 0).abs().comparedTo(new Dec(x.totalChange ?? 0).abs()) || x.id.localeCompare(y.id));
  return { catalog: current.catalog, yearBefore: previous.year, yearAfter: current.year, units };
}

/** One indicator where self-assessment and appraisal differ. */
export interface AssessmentDifference {
  readonly unit: string;
  readonly name: string;
  readonly code: string;
  readonly indicator: string;
  readonly self: string;
  readonly final: string;
  /** final − self. */
  readonly difference: string;
  /** |difference|: the points at stake. */
  readonly atStake: string;
}

/**
 * Lists where the appraised (Hội đồng thẩm định / Kết quả đánh giá) and self-assessed
 * (Tự đánh giá) scores differ, per unit and leaf indicator, most points at stake first.
 * @param result A result scored from a dataset with appraisals.
 * @returns The differences (empty when no unit has an appraisal).
 */
export function assessmentDifferences(result: ScoreResult): AssessmentDifference[] {
  const out: AssessmentDifference[] = [];
  for (const u of result.units) {
    for (const i of indicatorsInOrder(u)) {
      if (i.self === undefined || !i.periods || i.difference === "0") continue;
      out.push({
        unit: u.id,
        name: u.name,
        code: i.code,
        indicator: i.name,
        self: i.self,
        final: i.score,
        difference: i.difference!,
        atStake: fmt(new Dec(i.difference!).abs()),
      });
    }
  }
  return out.sort((a, b) => new Dec(b.atStake).comparedTo(a.atStake) || a.unit.localeCompare(b.unit) || a.code.localeCompare(b.code));
}
