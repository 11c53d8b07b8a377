import type { z } from "zod";
import { Dec, ZERO, parseDecimalLiteral } from "../../_decimal.js";
import type { PerItemFormulaSchema } from "../../catalog/schema.js";
import type { FormulaKindDef } from "../_types.js";

type PerItemFormula = z.infer<typeof PerItemFormulaSchema>;

/** Creates the `perItem` kind: Σ count × points per kind of item, at most `cap` (default: max). */
export const perItem: FormulaKindDef<PerItemFormula> = {
  kind: "perItem",
  fields: (f) => Object.entries(f.items).map(([name, item]) => ({ name, type: "count" as const, label: item.label, absentAs: new Dec(0), moreIsBetter: true })),
  evaluate({ formula, max, inputs }) {
    let raw = ZERO;
    const counts: string[] = [];
    for (const [name, item] of Object.entries(formula.items)) {
      const n = inputs[name];
      const count = n instanceof Dec ? n : ZERO;
      raw = raw.plus(count.times(parseDecimalLiteral(item.points)));
      counts.push(`${name}=${count.toString()}×${item.points}`);
    }
    const cap = formula.cap !== undefined ? parseDecimalLiteral(formula.cap) : max;
    const facts = { items: counts.join(","), cap: cap.toString(), uncapped: raw.toString() };
    return raw.gt(cap) ? { raw: cap, branch: "capped", facts } : { raw, branch: "items", facts };
  },
};
