import type { z } from "zod";
import { ZERO, parseDecimalLiteral } from "../../_decimal.js";
import type { ThresholdFormulaSchema } from "../../catalog/schema.js";
import type { FormulaKindDef } from "../_types.js";
import { evaluateValue, valueFacts, valueFields } from "../_value.js";

type ThresholdFormula = z.infer<typeof ThresholdFormulaSchema>;

/** Creates the `threshold` kind: ≥ T → max; below: proportional (v/T × max), literal (v × max) or zero. */
export const threshold: FormulaKindDef<ThresholdFormula> = {
  kind: "threshold",
  fields: (f, defs) => valueFields(f.value, defs),
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
};
