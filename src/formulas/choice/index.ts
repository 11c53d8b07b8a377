import type { z } from "zod";
import type { ChoiceFormulaSchema } from "../../catalog/schema.js";
import { worth } from "../bands/index.js";
import type { FormulaKindDef } from "../_types.js";

type ChoiceFormula = z.infer<typeof ChoiceFormulaSchema>;

/** Creates the `choice` kind: field `value` names one option; its worth is scored. */
export const choice: FormulaKindDef<ChoiceFormula> = {
  kind: "choice",
  fields: (f) => [
    { name: "value", type: "option", label: Object.entries(f.options).map(([k, o]) => `${k}: ${o.label}`).join("; "), options: Object.keys(f.options), moreIsBetter: true },
  ],
  evaluate({ formula, max, inputs }) {
    const key = String(inputs["value"]);
    const option = formula.options[key]!;
    return { raw: worth(option, max), branch: "option", facts: { option: key, label: option.label } };
  },
};
