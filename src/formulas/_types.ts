import type * as z from "zod/mini";
import type { Dec } from "../_decimal.js";
import type { IssueCode, Lang } from "../errors.js";
import type { ExplainWords } from "../i18n/explain.js";
import type { FieldType, InputDef } from "./_schema.js";

/** A normalised data value: a decimal, a boolean or an option key / text. */
export type FieldValue = Dec | boolean | string;
/** The resolved inputs of one indicator for one unit and period. */
export type Inputs = Readonly<Record<string, FieldValue | undefined>>;

/** Any formula, before its kind is looked up. */
export interface AnyFormula {
  readonly kind: string;
}

/** A ratio value expression: sums of inputs over sums of inputs. */
export interface RatioExpr {
  readonly numerator: readonly string[];
  readonly denominator: readonly string[];
  /** The numerator is a part of the denominator (checked in the data). */
  readonly proportion: boolean;
}

/** A data field an indicator asks for. */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType | "option";
  readonly label: string;
  readonly unit?: string;
  /** Allowed values for `option` fields. */
  readonly options?: readonly string[];
  /** The label of each option key, for sentences: people read labels, never keys. */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** Where the value comes from instead of the unit's data. */
  readonly from?: string;
  /** Value when the unit leaves the field out (checklist items: false; item counts: 0). */
  readonly absentAs?: FieldValue;
  readonly moreIsBetter: boolean;
}

/** Values of the units scored together, for formulas that compare units (`measure`). */
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
  /** Peer values of the period (kinds with `measure`). */
  readonly peers?: PeerStats | undefined;
  /** Evaluates a nested formula (see `nested`), zero-denominator policy applied. */
  readonly evaluate: (formula: AnyFormula, max: Dec) => Outcome;
}

/** One nested formula's outcome, for the trace. */
export interface PartOutcome {
  readonly label: string;
  readonly max: string;
  readonly raw: string;
  readonly score: string;
  readonly branch: string;
}

/** Result of evaluating a formula, before clamping. */
export interface Outcome {
  /** Points before the clamp to [0, max]. */
  readonly raw: Dec;
  /** What happened, as a stable code: "atThreshold", "band", … (its sentence: the kind's `explain`). */
  readonly branch: string;
  /** The measured value (ratio or input), if any. */
  readonly value?: Dec;
  /** Facts for the trace and explanations (decimal strings or labels). */
  readonly facts?: Readonly<Record<string, string | Dec>>;
  /** The denominator was 0: the engine applies the zero-denominator policy. */
  readonly zeroDenominator?: boolean;
  /** Outcomes of nested formulas. */
  readonly parts?: readonly PartOutcome[];
}

/** What a kind's explanation reads of a trace. */
export interface TraceView {
  readonly branch: string;
  readonly facts: Readonly<Record<string, string>>;
  readonly parts?: readonly PartOutcome[];
}

/** What a kind's explanation is given: words, number formats and the figures of the score. */
export interface ExplainContext {
  readonly lang: Lang;
  readonly words: ExplainWords;
  /** A number for people ("22,5" in Vietnamese). */
  readonly n: (value: string) => string;
  /** A fraction as a percentage ("72,5%"). */
  readonly percent: (value: string) => string;
  /** The indicator's max, formatted. */
  readonly max: string;
  /** The period score with its unit ("22,5 điểm"). */
  readonly points: string;
}

/** Words of a catalog problem's message (see the issue codes in `src/i18n`). */
export interface CheckParams {
  readonly expected?: string;
  readonly received?: string;
  readonly detail?: string;
}

/** Where a catalog check reports a problem. */
export interface CheckContext {
  /** The node's declared inputs. */
  readonly inputs: Readonly<Record<string, InputDef>>;
  /**
   * The points the formula is scored against: the node's max, or a composite part's own max.
   * Undefined when the node has none (level criteria, unscored nodes) or it is not a valid max
   * (already reported).
   */
  readonly max: Dec | undefined;
  /** Reports an input the formula uses but the node does not declare. */
  readonly unknownInput: (name: string) => void;
  /** Reports a formula compared across units (`measure`) nested inside another formula. */
  readonly nestedPeerFormula: (kind: string) => void;
  /**
   * Reports a problem of the formula (a hard catalog error).
   * @param path Path inside the formula (`["value", "numerator", 1]`); the walker prefixes the formula's own.
   */
  readonly problem: (code: IssueCode, path: readonly (string | number)[], params?: CheckParams) => void;
}

/** A formula nested inside another: where it sits and the max it is scored against. */
export interface NestedPlace {
  readonly formula: AnyFormula;
  /** Path of the nested formula inside its parent formula. */
  readonly path: readonly (string | number)[];
  /** Its own max (a composite part's max), if valid. */
  readonly max: Dec | undefined;
}

/**
 * What every formula shape knows about itself: its schema, the data fields it reads, the ratios
 * it contains, the formulas nested in it and its catalog checks.
 */
export interface FormulaShape<F extends AnyFormula = AnyFormula, S extends z.ZodMiniType<F> = z.ZodMiniType<F>> {
  readonly kind: F["kind"];
  /** The zod schema of the formula (the catalog schema is built from these). */
  readonly schema: S;
  /** Data fields the formula itself reads (nested formulas' fields are added by the walkers). */
  fields(formula: F, defs: Readonly<Record<string, InputDef>>): FieldSpec[];
  /** Ratio expressions the formula itself contains (data checks, generator, gap search). */
  ratios(formula: F): RatioExpr[];
  /**
   * Catalog checks of the formula (hard errors): every input it names is declared and numeric where
   * it is measured, thresholds and bounds inside the value's domain, worths inside [0, max]…
   */
  check(formula: F, ctx: CheckContext): void;
  /** Formulas nested inside this one (composite parts); a kind that nests gives `nestedPlaces` too. */
  nested?(formula: F): readonly AnyFormula[];
  /** Where each nested formula sits and its own max (the catalog checks walk these, not `nested`). */
  nestedPlaces?(formula: F): readonly NestedPlace[];
}

/** A points formula kind: a shape that evaluates, explains itself and knows which inputs raise it. */
export interface FormulaKindDef<F extends AnyFormula = AnyFormula, S extends z.ZodMiniType<F> = z.ZodMiniType<F>> extends FormulaShape<
  F,
  S
> {
  evaluate(args: EvalArgs<F>): Outcome;
  /** The sentence of a period score from its trace ("3/4 = 75% × 30 = 22,5 điểm"). */
  explain(trace: TraceView, ctx: ExplainContext): string;
  /** Inputs whose growth raises the score (gap search inverts the formula along them). */
  raising(formula: F): string[];
  /** Measured value compared across units (kinds scored against their peers). */
  measure?(formula: F, inputs: Inputs): Dec | "zeroDenominator" | undefined;
  /**
   * The compiled form (docs/fast-path.md): exact decisions on integers, the continuous part in
   * doubles, the same points as `evaluate` within the catalog's error bound.
   * @throws Uncompilable when the formula has no exact compiled form.
   */
  compile(formula: F, max: Dec, ctx: CompileContext): FastFormula;
  /** The compiled `measure`: measures the value compared across units into `FRACTION`. */
  compileMeasure?(formula: F, ctx: CompileContext): FastValue;
}

// The compiled form of the kinds (issue 11, docs/fast-path.md; helpers in _fast.ts).

/**
 * A compiled formula: the raw points (before the clamp to [0, max]) of the entry whose values start
 * at `base`. Value `i` of the entry is `vals[base + i] / 10^scales[base + i]` (booleans 1 / 0,
 * options the index of the option). `NaN` means "not decided here": the unit is scored by the
 * reference (a product past the safe integers, a zero denominator under the `error` policy).
 */
export type FastFormula = (vals: Float64Array, scales: Uint8Array, base: number, peers: FastPeers | undefined) => number;

/** The best and lowest measured value of the units scored together (relative formulas), as exact fractions. */
export interface FastPeers {
  readonly bestA: number;
  readonly bestB: number;
  readonly minA: number;
  readonly minB: number;
  /** How many units were measured. */
  readonly count: number;
}

/** What a kind's `compile` is given. */
export interface CompileContext {
  /** Position of a named input among the entry's values. */
  slot(name: string): number;
  /** Compiles a nested formula against its own max, the zero-denominator policy applied. */
  compile(formula: AnyFormula, max: Dec): FastFormula;
  /** The raw points of a zero denominator under the node's policy (`NaN` for `error`: the reference reports it). */
  zeroDenominator(max: number): number;
}

/** Outcome of measuring a value expression: 0 a value, 1 a zero denominator, 2 not exact in safe integers (the reference decides). */
export type Measured = 0 | 1 | 2;

/** A compiled value expression: measures it into `FRACTION` (see _fast.ts). */
export type FastValue = (vals: Float64Array, scales: Uint8Array, base: number) => Measured;
