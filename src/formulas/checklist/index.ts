import * as z from "zod/mini";
import { EXACT, exactConstant, toDouble } from "../_fast.js";
import { ZERO, sum } from "../../_decimal.js";
import { checkWorth } from "../_check.js";
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
  check(f, ctx) {
    const worths = Object.entries(f.items).map(([name, item]) => checkWorth(item, ctx, ["items", name]));
    // Achieved items add up: all of them together must not pass the max (the clamp would hide it).
    if (ctx.max === undefined || worths.some((w) => w === undefined)) return;
    const total = sum(worths.map((w) => w ?? ZERO));
    if (total.gt(ctx.max)) ctx.problem("itemsAboveMax", ["items"], { received: total.toString(), expected: ctx.max.toString() });
  },
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
    // The labels of the achieved items, for the sentence (keys are the catalog's, not the assessor's words).
    const labels = Object.fromEntries(done.map((name) => [`label.${name}`, formula.items[name]!.label]));
    return { raw, branch: "items", facts: { achieved: done.join(","), of: Object.keys(formula.items).join(","), ...labels } };
  },
  compile(formula, max, ctx) {
    const items = Object.entries(formula.items).map(([name, item]) => ({ slot: ctx.slot(name), points: toDouble(worth(item, max)) }));
    // Constants on the binary grid add up exactly.
    const exact = Object.values(formula.items).every((item) => exactConstant(worth(item, max)));
    return (vals, _scales, base) => {
      let raw = 0;
      for (const item of items) if (vals[base + item.slot] === 1) raw += item.points;
      EXACT.value = exact || raw === 0;
      return raw;
    };
  },
  explain(t, ctx) {
    const done = (t.facts["achieved"] ?? "").split(",").filter(Boolean);
    const named = done.map((name) => `“${t.facts[`label.${name}`] ?? name}”`).join(", ");
    return `${ctx.words.done}: ${named || ctx.words.none} → ${ctx.points}`;
  },
};
