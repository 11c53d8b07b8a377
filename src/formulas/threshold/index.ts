import * as z from "zod/mini";
import { EXACT, Measured, FRACTION, compareMeasured, compileValue, exactConstant, literalFixed, toDouble } from "../_fast.js";
import { ZERO, parseDecimalLiteral } from "../../_decimal.js";
import { DecimalLiteralSchema, ValueExprSchema } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { inDomain, valueDomain } from "../_check.js";
import { bareValue, checkValue, evaluateValue, measuresValue, onValueScale, shownValue, valueFacts } from "../_value.js";

/**
 * `threshold`: value ≥ threshold → max; below it `proportional` (value/threshold × max),
 * `literal` (value × max, as written in e.g. Đồng Nai Sở 6.3.2), or `zero` (all-or-nothing).
 */
export const ThresholdFormulaSchema = z.strictObject({
  kind: z.literal("threshold"),
  value: ValueExprSchema,
  threshold: DecimalLiteralSchema,
  below: z.enum(["proportional", "literal", "zero"]),
  /** `gte` (default): reaching the threshold earns max; `gt`: it must be exceeded. */
  at: z._default(z.enum(["gte", "gt"]), "gte"),
});
/** A `threshold` formula. */
export type ThresholdFormula = z.infer<typeof ThresholdFormulaSchema>;

/** The `threshold` kind: ≥ T → max; below: proportional (v/T × max), literal (v × max) or zero. */
export const threshold: FormulaKindDef<ThresholdFormula, typeof ThresholdFormulaSchema> = {
  kind: "threshold",
  schema: ThresholdFormulaSchema,
  ...measuresValue,
  check(f, ctx) {
    checkValue(f.value, ctx);
    const t = parseDecimalLiteral(f.threshold);
    const domain = valueDomain(f.value, ctx.inputs);
    if (!inDomain(t, domain)) ctx.problem("outOfDomain", ["threshold"], { expected: domain.text, received: String(f.threshold) });
    // Below a threshold of 0 nothing lies; proportional would divide by it.
    else if (f.below === "proportional" && t.isZero())
      ctx.problem("outOfDomain", ["threshold"], { expected: "> 0 (below: proportional divides by it)", received: String(f.threshold) });
  },
  evaluate({ formula, max, inputs }) {
    const v = evaluateValue(formula.value, inputs);
    if (!v.ok) return { raw: max, branch: "zeroDenominator", zeroDenominator: true };
    const t = parseDecimalLiteral(formula.threshold);
    const facts = { ...valueFacts(v), threshold: t };
    const reached = formula.at === "gt" ? v.value.gt(t) : v.value.gte(t);
    if (reached) return { raw: max, branch: "atThreshold", value: v.value, facts };
    switch (formula.below) {
      case "proportional":
        return { raw: v.value.div(t).times(max), branch: "belowProportional", value: v.value, facts };
      case "literal":
        return { raw: v.value.times(max), branch: "belowLiteral", value: v.value, facts };
      case "zero":
        return { raw: ZERO, branch: "belowZero", value: v.value, facts };
    }
  },
  compile(formula, max, ctx) {
    const value = compileValue(formula.value, ctx);
    const t = literalFixed(formula.threshold);
    const tD = toDouble(parseDecimalLiteral(formula.threshold));
    const m = toDouble(max);
    const zero = ctx.zeroDenominator(m);
    const maxExact = exactConstant(max);
    const zeroExact = zero === 0 || maxExact;
    const gt = formula.at === "gt";
    const below = formula.below;
    return (vals, scales, base) => {
      const r = value(vals, scales, base);
      if (r !== Measured.Ok) {
        EXACT.value = zeroExact;
        return r === Measured.ZeroDenominator ? zero : NaN;
      }
      const c = compareMeasured(t);
      if (gt ? c > 0 : c >= 0) {
        EXACT.value = maxExact;
        return m;
      }
      if (below === "zero") {
        EXACT.value = true;
        return 0;
      }
      const v = FRACTION.a / FRACTION.b;
      return below === "proportional" ? (v / tD) * m : v * m;
    };
  },
  explain(t, ctx) {
    const v = shownValue(t, ctx);
    const th = onValueScale(t, ctx, t.facts["threshold"] ?? "0");
    switch (t.branch) {
      case "atThreshold":
        return `${v} ≥ ${th} → ${ctx.words.max} ${ctx.points}`;
      case "belowProportional":
        return `${v} < ${th} → ${bareValue(t, ctx)} / ${th} × ${ctx.max} = ${ctx.points}`;
      case "belowLiteral":
        return `${v} < ${th} → ${bareValue(t, ctx)} × ${ctx.max} = ${ctx.points} (${ctx.words.literal})`;
      default:
        return `${v} < ${th} → ${ctx.points}`;
    }
  },
};
