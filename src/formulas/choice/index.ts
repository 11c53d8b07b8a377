import * as z from "zod/mini";
import { EXACT, exactConstant, toDouble } from "../_fast.js";
import { FieldNameSchema, OptionSchema } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { checkWorth } from "../_check.js";
import { worth } from "../_value.js";

/** `choice`: the field `value` names one option; its share or points are scored. */
export const ChoiceFormulaSchema = z.strictObject({
  kind: z.literal("choice"),
  options: z.record(FieldNameSchema, OptionSchema),
});
/** A `choice` formula. */
export type ChoiceFormula = z.infer<typeof ChoiceFormulaSchema>;

/** The `choice` kind: field `value` names one option; its worth is scored. */
export const choice: FormulaKindDef<ChoiceFormula, typeof ChoiceFormulaSchema> = {
  kind: "choice",
  schema: ChoiceFormulaSchema,
  fields: (f) => [
    {
      name: "value",
      type: "option",
      label: Object.entries(f.options)
        .map(([k, o]) => `${k}: ${o.label}`)
        .join("; "),
      options: Object.keys(f.options),
      optionLabels: Object.fromEntries(Object.entries(f.options).map(([k, o]) => [k, o.label])),
      moreIsBetter: true,
    },
  ],
  ratios: () => [],
  check(f, ctx) {
    for (const [key, option] of Object.entries(f.options)) checkWorth(option, ctx, ["options", key]);
  },
  raising: () => ["value"],
  evaluate({ formula, max, inputs }) {
    const key = String(inputs["value"]);
    const option = formula.options[key]!;
    return { raw: worth(option, max), branch: "option", facts: { option: key, label: option.label } };
  },
  compile(formula, max, ctx) {
    const slot = ctx.slot("value");
    // The option's index in the field's options (the keys in catalog order) → its points.
    const points = Object.values(formula.options).map((o) => toDouble(worth(o, max)));
    const exact = Object.values(formula.options).map((o) => exactConstant(worth(o, max)));
    return (vals, _scales, base) => {
      const i = vals[base + slot]!;
      EXACT.value = exact[i] ?? false;
      return points[i] ?? NaN;
    };
  },
  explain: (t, ctx) => `${ctx.words.choice} “${t.facts["label"] ?? t.facts["option"]}” → ${ctx.points}`,
};
