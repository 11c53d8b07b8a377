import type { z } from "zod";
import { ZERO, parseDecimalLiteral } from "../../_decimal.js";
import type { YesNoFormulaSchema } from "../../catalog/schema.js";
import type { FormulaKindDef } from "../_types.js";

type YesNoFormula = z.infer<typeof YesNoFormulaSchema>;

/** Creates the `yesNo` kind: boolean field `value`; yes → max (or `share` of it), no → 0. */
export const yesNo: FormulaKindDef<YesNoFormula> = {
  kind: "yesNo",
  fields: (f) => [{ name: "value", type: "boolean", label: f.label ?? "Có / Không", moreIsBetter: true }],
  evaluate({ formula, max, inputs }) {
    if (inputs["value"] !== true) return { raw: ZERO, branch: "no" };
    const share = formula.share !== undefined ? parseDecimalLiteral(formula.share) : undefined;
    return { raw: share ? share.times(max) : max, branch: "yes" };
  },
};
