import * as z from "zod/mini";
import { ZERO } from "../../_decimal.js";
import { FieldNameSchema, OptionSchema } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { worth } from "../_value.js";

/** `checklist`: one boolean field per item; the items achieved add up. */
export const ChecklistFormulaSchema = z.strictObject({
  kind: z.literal("checklist"),
  items: z.record(FieldNameSchema, OptionSchema),
});
/** A `checklist` formula. */
export type ChecklistFormula = z.infer<typeof ChecklistFormulaSchema>;

/** The `checklist` kind: one boolean per item (absent = not done); achieved items add up. */
export const checklist: FormulaKindDef<ChecklistFormula, typeof ChecklistFormulaSchema> = {
  kind: "checklist",
  schema: ChecklistFormulaSchema,
  fields: (f) =>
    Object.entries(f.items).map(([name, item]) => ({
      name,
      type: "boolean" as const,
      label: item.label,
      absentAs: false,
      moreIsBetter: true,
    })),
  ratios: () => [],
  check: () => undefined,
  raising: (f) => Object.keys(f.items),
  evaluate({ formula, max, inputs }) {
    let raw = ZERO;
    const done: string[] = [];
    for (const [name, item] of Object.entries(formula.items)) {
      if (inputs[name] === true) {
        raw = raw.plus(worth(item, max));
        done.push(name);
      }
    }
    return { raw, branch: "items", facts: { achieved: done.join(","), of: Object.keys(formula.items).join(",") } };
  },
  explain: (t, ctx) => `${ctx.words.done}: ${t.facts["achieved"] || ctx.words.none} → ${ctx.points}`,
};
