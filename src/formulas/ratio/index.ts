import { parseDecimalLiteral } from "../../_decimal.js";
import type { z } from "zod";
import type { RatioFormulaSchema } from "../../catalog/schema.js";
import type { FormulaKindDef } from "../_types.js";
import { evaluateValue, valueFacts, valueFields } from "../_value.js";

type RatioFormula = z.infer<typeof RatioFormulaSchema>;

/** Creates the `ratio` kind: value × max (or × `points`). */
export const ratio: FormulaKindDef<RatioFormula> = {
  kind: "ratio",
  fields: (f, defs) => valueFields(f.value, defs),
  evaluate({ formula, max, inputs }) {
    const v = evaluateValue(formula.value, inputs);
    if (!v.ok) return { raw: max, branch: "zeroDenominator", zeroDenominator: true };
    const factor = formula.points !== undefined ? parseDecimalLiteral(formula.points) : max;
    return { raw: v.value.times(factor), branch: "ratio", value: v.value, facts: { ...valueFacts(v), factor } };
  },
};
