import type { z } from "zod";
import { ZERO } from "../../_decimal.js";
import type { SumFormulaSchema } from "../../catalog/schema.js";
import type { FormulaKindDef } from "../_types.js";

type SumFormula = z.infer<typeof SumFormulaSchema>;

/**
 * Creates the `sum` kind. A node with children scores the sum of its children's scores;
 * the engine adds them during roll-up (src/engine/rollup.ts), so the formula itself reads no data.
 */
export const sumKind: FormulaKindDef<SumFormula> = {
  kind: "sum",
  fields: () => [],
  evaluate: () => ({ raw: ZERO, branch: "sum" }),
};
