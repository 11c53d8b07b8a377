import * as z from "zod/mini";
import { EXACT, Measured, FRACTION, compileValue, exactConstant, toDouble } from "../_fast.js";
import { parseDecimalLiteral } from "../../_decimal.js";
import { DecimalLiteralSchema, ValueExprSchema } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { checkPositive } from "../_check.js";
import { NUMERIC_TYPES, checkValue, evaluateValue, inputType, measuresValue, shownValue, valueFacts } from "../_value.js";

/** `ratio`: value × max (or × `points` when the document multiplies by another figure). */
export const RatioFormulaSchema = z.strictObject({
  kind: z.literal("ratio"),
  value: ValueExprSchema,
  points: z.optional(DecimalLiteralSchema),
});
/** A `ratio` formula. */
export type RatioFormula = z.infer<typeof RatioFormulaSchema>;

/** The `ratio` kind: value × max (or × `points`). */
export const ratio: FormulaKindDef<RatioFormula, typeof RatioFormulaSchema> = {
  kind: "ratio",
  schema: RatioFormulaSchema,
  ...measuresValue,
  check(f, ctx) {
    checkValue(f.value, ctx);
    if (f.points !== undefined) checkPositive(f.points, ctx, ["points"]);
    // value × max: one bare input must be a fraction of 1 (a share), or a percentage scaled by
    // `points` (max/100); a count or a plain number times max would score 85 × 40 for "85".
    if (typeof f.value !== "string" || !Object.hasOwn(ctx.inputs, f.value)) return;
    const type = inputType(f.value, ctx.inputs);
    if (NUMERIC_TYPES.has(type) && type !== "share" && !(type === "percent" && f.points !== undefined))
      ctx.problem("ratioNeedsShare", ["value"], { detail: f.value, received: type });
  },
  evaluate({ formula, max, inputs }) {
    const v = evaluateValue(formula.value, inputs);
    if (!v.ok) return { raw: max, branch: "zeroDenominator", zeroDenominator: true };
    const factor = formula.points !== undefined ? parseDecimalLiteral(formula.points) : max;
    return { raw: v.value.times(factor), branch: "ratio", value: v.value, facts: { ...valueFacts(v), factor } };
  },
  compile(formula, max, ctx) {
    const value = compileValue(formula.value, ctx);
    const factor = toDouble(formula.points !== undefined ? parseDecimalLiteral(formula.points) : max);
    const zero = ctx.zeroDenominator(toDouble(max));
    const zeroExact = zero === 0 || exactConstant(max);
    const factorExact = exactConstant(formula.points !== undefined ? parseDecimalLiteral(formula.points) : max);
    return (vals, scales, base) => {
      const r = value(vals, scales, base);
      if (r !== Measured.Ok) {
        EXACT.value = zeroExact;
        return r === Measured.ZeroDenominator ? zero : NaN;
      }
      // 0 of anything is 0, and all of it (a = b) is the factor, exactly.
      EXACT.value = FRACTION.a === 0 || (FRACTION.a === FRACTION.b && factorExact);
      return (FRACTION.a / FRACTION.b) * factor;
    };
  },
  explain(t, ctx) {
    const factor = t.facts["factor"];
    return `${shownValue(t, ctx)} × ${factor !== undefined ? ctx.n(factor) : ctx.max} = ${ctx.points}`;
  },
};
