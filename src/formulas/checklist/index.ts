import type { z } from "zod";
import { ZERO } from "../../_decimal.js";
import type { ChecklistFormulaSchema } from "../../catalog/schema.js";
import { worth } from "../bands/index.js";
import type { FormulaKindDef } from "../_types.js";

type ChecklistFormula = z.infer<typeof ChecklistFormulaSchema>;

/** Creates the `checklist` kind: one boolean per item (absent = not done); achieved items add up. */
export const checklist: FormulaKindDef<ChecklistFormula> = {
  kind: "checklist",
  fields: (f) => Object.entries(f.items).map(([name, item]) => ({ name, type: "boolean" as const, label: item.label, absentAs: false, moreIsBetter: true })),
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
};
