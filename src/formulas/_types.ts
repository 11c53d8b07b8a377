import type { Dec } from "../_decimal.js";
import type { FieldType, Formula, InputDef } from "../catalog/schema.js";

/** A normalised data value: a decimal, a boolean or an option key / text. */
export type FieldValue = Dec | boolean | string;
/** The resolved inputs of one indicator for one unit and period. */
export type Inputs = Readonly<Record<string, FieldValue | undefined>>;

/** A data field an indicator asks for. */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType | "option";
  readonly label: string;
  readonly unit?: string;
  /** Allowed values for `option` fields. */
  readonly options?: readonly string[];
  /** Where the value comes from instead of the unit's data. */
  readonly from?: string;
  /** Value when the unit leaves the field out (checklist items: false; item counts: 0). */
  readonly absentAs?: FieldValue;
  readonly moreIsBetter: boolean;
}

/** Values of the units scored together, for `relative` formulas. */
export interface PeerStats {
  readonly best: Dec;
  readonly min: Dec;
  readonly count: number;
}

/** What a formula needs to evaluate. */
export interface EvalArgs<F> {
  readonly formula: F;
  readonly max: Dec;
  readonly inputs: Inputs;
  readonly defs: Readonly<Record<string, InputDef>>;
  readonly peers?: PeerStats | undefined;
  /** Achieved levels of the unit's child units (level roll-up). */
  readonly childLevels?: readonly number[] | undefined;
  /** Zero-denominator policy of the indicator. */
  readonly zeroDenominator: "max" | "zero" | "error";
  /** Evaluates a nested formula (composite parts), zero-denominator policy applied. */
  readonly evaluate: (formula: Formula, max: Dec) => Outcome;
}

/** A requirement check of a level criterion. */
export interface RequirementCheck {
  readonly level: number;
  readonly text: string;
  readonly met: boolean;
  /** The measured value, as a decimal string (a ratio is a fraction: 0.725). */
  readonly value?: string;
  /** Required minimum, same scale as value. */
  readonly min?: string;
  readonly missing?: boolean;
  /** Percent (ratio) or count scale, for messages. */
  readonly scale?: "percent" | "count" | "presence" | "children" | "childrenCount" | "childrenMean";
}

/** Result of evaluating a formula, before clamping. */
export interface Outcome {
  /** Points before the clamp to [0, max]. */
  readonly raw: Dec;
  /** What happened, as a stable code: "ratio", "atThreshold", "band", … */
  readonly branch: string;
  /** The measured value (ratio or input), if any. */
  readonly value?: Dec;
  /** Facts for the trace and explanations (decimal strings or labels). */
  readonly facts?: Readonly<Record<string, string | Dec>>;
  /** The denominator was 0: the engine applies the zero-denominator policy. */
  readonly zeroDenominator?: boolean;
  /** Nested outcomes (composite parts). */
  readonly parts?: readonly { readonly label: string; readonly max: string; readonly raw: string; readonly score: string; readonly branch: string }[];
  /** Level criteria: highest level met and every requirement check. */
  readonly level?: { readonly met: number; readonly checks: readonly RequirementCheck[] };
}

/** Definition of one formula kind: its data fields and its evaluation. */
export interface FormulaKindDef<F extends Formula = Formula> {
  readonly kind: F["kind"];
  /** Data fields the formula reads. */
  fields(formula: F, defs: Readonly<Record<string, InputDef>>): FieldSpec[];
  /** Measured value for peer comparison (relative formulas only). */
  measure?(formula: F, inputs: Inputs): Dec | "zeroDenominator" | undefined;
  evaluate(args: EvalArgs<F>): Outcome;
}
