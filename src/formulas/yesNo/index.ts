import * as z from "zod/mini";
import { EXACT, exactConstant, toDouble } from "../_fast.js";
import { ZERO, parseDecimalLiteral } from "../../_decimal.js";
import { DecimalLiteralSchema } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { UNIT_DOMAIN, inDomain } from "../_check.js";

/** `yesNo`: a boolean field `value`; yes → max (or `share` of it). */
export const YesNoFormulaSchema = z.strictObject({
  kind: z.literal("yesNo"),
  label: z.optional(z.string()),
  share: z.optional(DecimalLiteralSchema),
});
/** A `yesNo` formula. */
export type YesNoFormula = z.infer<typeof YesNoFormulaSchema>;

/** The `yesNo` kind: boolean field `value`; yes → max (or `share` of it), no → 0. */
export const yesNo: FormulaKindDef<YesNoFormula, typeof YesNoFormulaSchema> = {
  kind: "yesNo",
  schema: YesNoFormulaSchema,
  // The label says what is asked: the formula's own, else the declared input's (a part of a
  // composite: "100% lãnh đạo dùng chữ ký số"), else the answer's words.
  fields: (f, defs) => [{ name: "value", type: "boolean", label: f.label ?? defs["value"]?.label ?? "Có / Không", moreIsBetter: true }],
  ratios: () => [],
  check(f, ctx) {
    if (f.share !== undefined && !inDomain(parseDecimalLiteral(f.share), UNIT_DOMAIN))
      ctx.problem("shareOutOfRange", ["share"], { received: String(f.share) });
  },
  raising: () => ["value"],
  evaluate({ formula, max, inputs }) {
    if (inputs["value"] !== true) return { raw: ZERO, branch: "no" };
    const share = formula.share !== undefined ? parseDecimalLiteral(formula.share) : undefined;
    return { raw: share ? share.times(max) : max, branch: "yes" };
  },
  compile(formula, max, ctx) {
    const slot = ctx.slot("value");
    const yesDec = formula.share !== undefined ? parseDecimalLiteral(formula.share).times(max) : max;
    const yes = toDouble(yesDec);
    const yesExact = exactConstant(yesDec);
    return (vals, _scales, base) => {
      const done = vals[base + slot] === 1;
      EXACT.value = done ? yesExact : true;
      return done ? yes : 0;
    };
  },
  explain: (t, ctx) => `${t.branch === "yes" ? ctx.words.yes : ctx.words.no} → ${ctx.points}`,
};
