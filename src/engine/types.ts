import type { AnnualRule } from "../catalog/schema.js";
import type { Issue } from "../errors.js";
import type { RequirementCheck } from "../formulas/_types.js";

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
  readonly parts?: readonly { readonly label: string; readonly max: string; readonly raw: string; readonly score: string; readonly branch: string }[];
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

/** A level criterion's result. */
export interface CriterionResult {
  readonly code: string;
  readonly name: string;
  /** Highest level whose requirements (and all below) are met; 0 when level 1 is not met. */
  readonly levelMet: number;
  readonly status: "scored" | "missing" | "notApplicable";
  readonly checks: readonly RequirementCheck[];
  /** Unmet requirements that block the unit's next level. */
  readonly blocking: readonly Blocker[];
  readonly inputs: Readonly<Record<string, string>>;
}

/** An unmet requirement. */
export interface Blocker {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  /** The requirement as the document words it. */
  readonly requirement: string;
  readonly value?: string;
  readonly min?: string;
  readonly scale?: RequirementCheck["scale"];
  readonly missing: boolean;
}

/** One unit's result. Points catalogs fill total/rank/indicators; level catalogs fill level/criteria. */
export interface UnitResult {
  readonly id: string;
  readonly name: string;
  readonly catalog: string;
  readonly parent?: string;
  readonly scoring: "points" | "levels";
  /** Points: the unit's total (decimal string); level catalogs: "0". */
  readonly total: string;
  readonly max: string;
  /** Points: by total; levels: by achieved level. Highest first; ties share (1, 2, 2, 4). */
  readonly rank: number;
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
  readonly periods: Readonly<Record<string, { readonly total: string }>>;
  /** With two assessments: totals of each. */
  readonly assessment?: { readonly self: string; readonly final: string; readonly difference: string };
  readonly level?: number;
  readonly levelName?: string;
  readonly registered?: number;
  readonly recognised?: boolean;
  readonly criteria: Readonly<Record<string, CriterionResult>>;
  /** Requirements blocking the next level (level catalogs). */
  readonly blockers?: readonly Blocker[];
  /** Requirements blocking the registered level when it is not reached. */
  readonly registeredBlockers?: readonly Blocker[];
}

/** Result of scoring a dataset. */
export interface ScoreResult {
  readonly catalog: string;
  readonly year: number;
  readonly periods: readonly string[];
  /** Units in rank order (per catalog: child-catalog units after the main catalog's). */
  readonly units: readonly UnitResult[];
  /** Accepted input worth knowing about (numbers given as text, data for periods not due…). */
  readonly warnings: readonly Issue[];
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
  return Object.values(unit.indicators).sort((a, b) => compareCodes(a.code, b.code));
}

/** A unit's criteria in document order. */
export function criteriaInOrder(unit: UnitResult): CriterionResult[] {
  return Object.values(unit.criteria).sort((a, b) => compareCodes(a.code, b.code));
}
