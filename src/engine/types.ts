import type { AnnualRule } from "../catalog/schema.js";
import { DatasetError, createIssue, type Issue, type RejectedUnit } from "../errors.js";

export type { RejectedUnit } from "../errors.js";
import type { PartOutcome } from "../formulas/_types.js";
import type { Blocker, CriterionResult } from "../levels/index.js";

export type { Blocker, CriterionResult } from "../levels/index.js";

/** How a period score came about. */
export type PeriodStatus = "scored" | "missing" | "notApplicable" | "zeroDenominator";

/** Everything behind one score: the formula, the inputs, the branch taken, any clamp, the citation. */
export interface Trace {
  readonly catalog: string;
  readonly code: string;
  /** "dong-nai-2023/so 6.3.2 (3473/QĐ-UBND)". */
  readonly citation: string;
  readonly kind: string;
  readonly status: PeriodStatus;
  /** Branch code of the formula ("atThreshold", "band", "capped", …) or the status. */
  readonly branch: string;
  /** Inputs used, as decimal strings / booleans / option keys. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Formula facts: value (ratio), numerator, denominator, threshold, band, best… */
  readonly facts: Readonly<Record<string, string>>;
  /** Points before the clamp. */
  readonly raw: string;
  readonly clamp?: { readonly from: string; readonly to: string };
  /** Fields that were missing (profile or referenced values). */
  readonly missing?: readonly string[];
  /** Which assessment the data came from. */
  readonly source: "self" | "appraisal";
  /** Nested formulas' outcomes (composite parts). */
  readonly parts?: readonly PartOutcome[];
  /** For a node with readings: the reading in force (issue 13), with the document's words and why. */
  readonly reading?: ReadingUsed;
}

/** The reading of an ambiguous node a score used: its id, whether it is the default, the source text and rationale. */
export interface ReadingUsed {
  readonly id: string;
  readonly default: boolean;
  readonly source: string;
  readonly rationale: string;
}

/** One indicator's score in one period. */
export interface PeriodScore {
  readonly score: string;
  readonly status: PeriodStatus;
  readonly trace: Trace;
}

/** One indicator (or group) of a unit, for the year. */
export interface IndicatorResult {
  readonly code: string;
  readonly name: string;
  readonly max: string;
  /** Annual score: exact decimal string, rounded to 6 places. */
  readonly score: string;
  /** Leaves: how periods became the year, and the periods in which it is due. */
  readonly annualRule?: AnnualRule;
  readonly duePeriods?: readonly string[];
  /** Leaves: score per due period. */
  readonly periods?: Readonly<Record<string, PeriodScore>>;
  /** Groups: the sum of children exceeded max and was clamped. */
  readonly clamp?: { readonly from: string; readonly to: string };
  readonly unscored?: true;
  /** With two assessments: the self-assessed score and final − self. */
  readonly self?: string;
  readonly difference?: string;
}

/** What every unit result has. */
interface UnitBase {
  readonly id: string;
  readonly name: string;
  readonly catalog: string;
  readonly parent?: string;
  /** Points: by total; levels: by achieved level. Highest first; ties share (1, 2, 2, 4). */
  readonly rank: number;
}

/** A unit of a points catalog: its total, rank and indicators. */
export interface PointsUnit extends UnitBase {
  readonly scoring: "points";
  /** The unit's total (decimal string). */
  readonly total: string;
  readonly max: string;
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
  readonly periods: Readonly<Record<string, { readonly total: string }>>;
  /** With two assessments: totals of each. */
  readonly assessment?: { readonly self: string; readonly final: string; readonly difference: string };
}

/** A unit of a level catalog (Kon Tum): its recognised level, criteria and blockers. */
export interface LevelUnit extends UnitBase {
  readonly scoring: "levels";
  readonly level: number;
  readonly levelName: string;
  readonly registered?: number;
  readonly recognised?: boolean;
  readonly criteria: Readonly<Record<string, CriterionResult>>;
  /** Requirements blocking the next level. */
  readonly blockers: readonly Blocker[];
  /** Requirements blocking the registered level when it is not reached. */
  readonly registeredBlockers?: readonly Blocker[];
}

/** One unit's result: points (`scoring: "points"`) or levels (`scoring: "levels"`). */
export type UnitResult = PointsUnit | LevelUnit;

/** Result of scoring a dataset. */
export interface ScoreResult {
  readonly catalog: string;
  readonly year: number;
  readonly periods: readonly string[];
  /** Units in rank order (per catalog: child-catalog units after the main catalog's). */
  readonly units: readonly UnitResult[];
  /** Accepted input worth knowing about (numbers given as text, data for periods not due…). */
  readonly warnings: readonly Issue[];
  /** With `skipInvalid`: the units left out, each with every problem found (empty when none). */
  readonly rejected?: readonly RejectedUnit[];
  /** The parent units the dataset declares without assessing them (`parents`: a commune dataset's districts). */
  readonly parents?: readonly { readonly id: string; readonly name: string }[];
  /**
   * For a catalog with readings (issue 13): every node with readings (`"catalog"` for the unit
   * total's rule) and the reading used, default or chosen.
   */
  readonly readings?: Readonly<Record<string, ReadingUsed>>;
}

/**
 * Compares indicator codes in document order ("2" < "6.3.2" < "6.3.10" < "10").
 * @returns Negative, zero or positive, for sorting.
 */
export function compareCodes(a: string, b: string): number {
  const x = a.split(".");
  const y = b.split(".");
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    const d = Number(x[i]) - Number(y[i]);
    if (d) return d;
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return 0;
}

/**
 * A unit's indicators in document order (object keys such as "1", "10" would otherwise come first).
 * @returns Indicator results sorted by code.
 */
export function indicatorsInOrder(unit: UnitResult): IndicatorResult[] {
  if (unit.scoring !== "points") return [];
  return Object.values(unit.indicators).sort((a, b) => compareCodes(a.code, b.code));
}

/** A unit's criteria in document order. */
export function criteriaInOrder(unit: UnitResult): CriterionResult[] {
  if (unit.scoring !== "levels") return [];
  return Object.values(unit.criteria).sort((a, b) => compareCodes(a.code, b.code));
}

/**
 * A unit of a result, by id.
 * @throws DatasetError (`unknownUnit`) naming the units of the result.
 */
export function unitOf(result: ScoreResult, unitId: string): UnitResult {
  const unit = result.units.find((u) => u.id === unitId);
  if (!unit)
    throw new DatasetError([
      createIssue("dataset", "unknownUnit", { unit: unitId }, { received: unitId, expected: result.units.map((u) => u.id).join(", ") }),
    ]);
  return unit;
}
