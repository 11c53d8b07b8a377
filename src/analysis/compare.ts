import { Dec, fmt } from "../_decimal.js";
import { DatasetError, createIssue, type Issue } from "../errors.js";
import { indicatorsInOrder, type ScoreResult } from "../engine/types.js";
import { merge, type MergeOptions, type MergeTrace } from "../lineage/merge.js";
import type { UnitLineage } from "../lineage/schema.js";

/**
 * Whether a unit is in both results, only in the later one (`new`: a unit created, split off or
 * renamed without a lineage entry) or only in the earlier one (`removed`: merged or dissolved).
 */
export type UnitPresence = "both" | "new" | "removed";

/** A criterion of a level catalog whose level met changed (Kon Tum: 0–5). */
export interface CriterionChange {
  readonly before: number;
  readonly after: number;
}

/** Change of one unit between two results. */
export interface UnitChange {
  /** The unit's id in the later result (in the earlier one for a removed unit). */
  readonly id: string;
  readonly name: string;
  readonly status: UnitPresence;
  /**
   * The earlier id when the lineage paired the unit under another id (a rename); for a unit
   * formed by a lineage file, its predecessors ("phuong-lien-bao + xa-dao-tu×0.6").
   */
  readonly previousId?: string;
  /** A unit formed by a lineage file: how its earlier figures were merged from its predecessors'. */
  readonly merged?: MergeTrace;
  /** A new unit that the lineage file lists without predecessors: it has no earlier figures. */
  readonly noHistory?: true;
  readonly totalBefore?: string;
  readonly totalAfter?: string;
  readonly totalChange?: string;
  readonly rankBefore?: number;
  readonly rankAfter?: number;
  /** Positive: the unit climbed. */
  readonly rankChange?: number;
  /** Level catalogs: the recognised level (0–5) before and after, and its change. */
  readonly levelBefore?: number;
  readonly levelAfter?: number;
  readonly levelChange?: number;
  readonly levelNameBefore?: string;
  readonly levelNameAfter?: string;
  /** Points catalogs: indicators whose score changed: code → {before, after, change}. */
  readonly indicators: Readonly<Record<string, { readonly before: string; readonly after: string; readonly change: string }>>;
  /** Level catalogs: criteria whose level met changed: code → {before, after}. */
  readonly criteria: Readonly<Record<string, CriterionChange>>;
}

/** Result of {@link compare}. */
export interface Comparison {
  readonly catalog: string;
  readonly yearBefore: number;
  readonly yearAfter: number;
  /** Units in both results (biggest change first), then the new ones, then the removed ones. */
  readonly units: readonly UnitChange[];
}

/**
 * How units of the earlier result became units of the later one: a lineage file ({@link
 * readLineage}: mergers and splits of the 2025 reform, issue 14), or a plain map earlier id →
 * later id for renames (`{ "xa-a": "xa-a-moi" }`; two earlier ids mapped to one later id are
 * refused: give a lineage file for a merger). A unit without an entry keeps its id.
 */
export type Lineage = Readonly<Record<string, string>> | ReadonlyMap<string, string> | UnitLineage;

/** Options of {@link compare}. */
export interface CompareOptions extends MergeOptions {
  /**
   * Pairs units whose id changed between the two results (see {@link Lineage}). With a lineage
   * file, the earlier result is first merged into the new units ({@link merge}, by `rule`): each
   * new unit is compared with the merge of its predecessors.
   */
  readonly lineage?: Lineage;
}

function isUnitLineage(l: Lineage | undefined): l is UnitLineage {
  return l !== undefined && !(l instanceof Map) && Array.isArray((l as { units?: unknown }).units);
}

type Unit = ScoreResult["units"][number];

/** The first unit with each id, as a search from the start would find it: one pass, not one per id. */
function firstById(r: ScoreResult): Map<string, Unit> {
  const m = new Map<string, Unit>();
  for (const u of r.units) if (!m.has(u.id)) m.set(u.id, u);
  return m;
}

/** Earlier id → later id, from either form of the lineage; a merger (two earlier ids to one later id) is refused. */
function lineageMap(lineage: Lineage | undefined): Map<string, string> {
  const map = new Map<string, string>(
    lineage === undefined ? [] : lineage instanceof Map ? lineage : Object.entries(lineage as Readonly<Record<string, string>>),
  );
  const seen = new Map<string, string>();
  const issues: Issue[] = [];
  for (const [from, to] of map) {
    const other = seen.get(to);
    if (other !== undefined)
      issues.push(createIssue("dataset", "lineageMerge", { unit: to }, { received: `${other}, ${from}`, expected: to }, ["lineage", from]));
    else seen.set(to, from);
  }
  if (issues.length) throw new DatasetError(issues);
  return map;
}

/** The change of a unit present in both results. */
function changeOf(a: Unit, b: Unit): Omit<UnitChange, "id" | "name" | "status"> {
  const indicators: Record<string, { before: string; after: string; change: string }> = {};
  const criteria: Record<string, CriterionChange> = {};
  if (a.scoring === "points" && b.scoring === "points") {
    for (const [code, ib] of Object.entries(b.indicators)) {
      const ia = a.indicators[code];
      if (ia && ia.score !== ib.score)
        indicators[code] = { before: ia.score, after: ib.score, change: fmt(new Dec(ib.score).minus(ia.score)) };
    }
  }
  if (a.scoring === "levels" && b.scoring === "levels") {
    for (const [code, cb] of Object.entries(b.criteria)) {
      const ca = a.criteria[code];
      if (ca && ca.levelMet !== cb.levelMet) criteria[code] = { before: ca.levelMet, after: cb.levelMet };
    }
  }
  return {
    ...sideBefore(a),
    ...sideAfter(b),
    ...(a.scoring === "points" && b.scoring === "points" ? { totalChange: fmt(new Dec(b.total).minus(a.total)) } : {}),
    rankChange: a.rank - b.rank,
    ...(a.scoring === "levels" && b.scoring === "levels" ? { levelChange: b.level - a.level } : {}),
    indicators,
    criteria,
  };
}

/** The figures of the earlier side of a unit: rank, and total or level. */
function sideBefore(u: Unit): Pick<UnitChange, "rankBefore" | "totalBefore" | "levelBefore" | "levelNameBefore"> {
  return {
    rankBefore: u.rank,
    ...(u.scoring === "points" ? { totalBefore: u.total } : { levelBefore: u.level, levelNameBefore: u.levelName }),
  };
}

/** The figures of the later side of a unit: rank, and total or level. */
function sideAfter(u: Unit): Pick<UnitChange, "rankAfter" | "totalAfter" | "levelAfter" | "levelNameAfter"> {
  return {
    rankAfter: u.rank,
    ...(u.scoring === "points" ? { totalAfter: u.total } : { levelAfter: u.level, levelNameAfter: u.levelName }),
  };
}

const ORDER: Readonly<Record<UnitPresence, number>> = { both: 0, new: 1, removed: 2 };

/**
 * Compares two results of the same catalog (year over year, or before/after a what-if): change
 * of total (or level), rank and each indicator (or criterion) per unit. A unit in only one
 * result (after the 2025 mergers, the usual case) is listed as `new` or `removed` with the
 * figures of the side it has.
 * @param previous The earlier result.
 * @param current The later result.
 * @param options `lineage`: earlier id → later id, for renamed units.
 * @returns Per-unit changes: units in both first, biggest total (or level) change first; then new, then removed units.
 * @throws DatasetError (`lineageMerge`) when a plain map maps two earlier units to one; with a
 * lineage file, the problems of {@link merge}.
 */
export function compare(previous: ScoreResult, current: ScoreResult, options: CompareOptions = {}): Comparison {
  if (isUnitLineage(options.lineage)) return compareMerged(previous, current, options.lineage, options);
  const lineage = lineageMap(options.lineage as Exclude<Lineage, UnitLineage> | undefined);
  const before = firstById(previous);
  const after = firstById(current);
  const paired = new Set<string>();
  const units: UnitChange[] = [];
  for (const [id, a] of before) {
    const laterId = lineage.get(id) ?? id;
    const b = after.get(laterId);
    if (!b) {
      units.push({ id, name: a.name, status: "removed", ...sideBefore(a), indicators: {}, criteria: {} });
      continue;
    }
    paired.add(laterId);
    units.push({ id: laterId, name: b.name, status: "both", ...(laterId !== id ? { previousId: id } : {}), ...changeOf(a, b) });
  }
  for (const [id, b] of after)
    if (!paired.has(id)) units.push({ id, name: b.name, status: "new", ...sideAfter(b), indicators: {}, criteria: {} });
  const size = (u: UnitChange) => new Dec(u.totalChange ?? 0).abs().plus(Math.abs(u.levelChange ?? 0));
  units.sort((x, y) => ORDER[x.status] - ORDER[y.status] || size(y).comparedTo(size(x)) || x.id.localeCompare(y.id));
  return { catalog: current.catalog, yearBefore: previous.year, yearAfter: current.year, units };
}

/** {@link compare} across a lineage file: the earlier result merged into the new units first. */
function compareMerged(previous: ScoreResult, current: ScoreResult, lineage: UnitLineage, options: MergeOptions): Comparison {
  const m = merge(previous, lineage, options);
  const c = compare(m.after, current);
  const formed = new Map(m.after.units.filter((u) => u.merged).map((u) => [u.id, u.merged!]));
  const none = new Set(m.noHistory.map((u) => u.id));
  const units = c.units.map((u): UnitChange => {
    const trace = u.status === "both" ? formed.get(u.id) : undefined;
    if (trace) {
      const from = trace.predecessors.map((p) => `${p.id}${p.share !== undefined ? `×${p.share}` : ""}`).join(" + ");
      return { ...u, ...(from !== u.id ? { previousId: from } : {}), merged: trace };
    }
    return u.status === "new" && none.has(u.id) ? { ...u, noHistory: true } : u;
  });
  return { ...c, yearBefore: previous.year, units };
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
