import type { z } from "zod";
import { ZERO } from "../../_decimal.js";
import type { RelativeFormulaSchema } from "../../catalog/schema.js";
import type { FormulaKindDef } from "../_types.js";
import { evaluateValue, valueFacts, valueFields } from "../_value.js";

type RelativeFormula = z.infer<typeof RelativeFormulaSchema>;

/**
 * Creates the `relative` kind: value / best × max, or (value − min)/(best − min) × max
 * over the units scored together in the same period; a zero range falls back to value / best.
 */
export const relative: FormulaKindDef<RelativeFormula> = {
  kind: "relative",
  fields: (f, defs) => valueFields(f.value, defs),
  measure(formula, inputs) {
    const v = evaluateValue(formula.value, inputs);
    return v.ok ? v.value : "zeroDenominator";
  },
  evaluate({ formula, max, inputs, peers }) {
    const v = evaluateValue(formula.value, inputs);
    if (!v.ok) return { raw: max, branch: "zeroDenominator", zeroDenominator: true };
    const best = peers?.best ?? v.value;
    const min = peers?.min ?? v.value;
    const facts = { ...valueFacts(v), best, min, peers: String(peers?.count ?? 1) };
    if (best.lte(0)) return { raw: ZERO, branch: "bestZero", value: v.value, facts };
    if (formula.mode === "minmax" && best.gt(min)) {
      return { raw: v.value.minus(min).div(best.minus(min)).times(max), branch: "minmax", value: v.value, facts };
    }
    const branch = formula.mode === "minmax" ? "rangeZeroFallback" : "best";
    return { raw: v.value.div(best).times(max), branch, value: v.value, facts };
  },
};
