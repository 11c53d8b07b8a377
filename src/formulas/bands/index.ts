import * as z from "zod/mini";
import { ZERO, parseDecimalLiteral, type Dec } from "../../_decimal.js";
import { DecimalLiteralSchema, ValueExprSchema, worthFields, worthRefine } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { evaluateValue, measuresValue, shownValue, valueFacts, worth } from "../_value.js";

/** One band: bounds (any of gte/gt/lte/lt/eq) and what it is worth. */
export const BandSchema = z
  .object({
    label: z.optional(z.string()),
    gte: z.optional(DecimalLiteralSchema),
    gt: z.optional(DecimalLiteralSchema),
    lte: z.optional(DecimalLiteralSchema),
    lt: z.optional(DecimalLiteralSchema),
    eq: z.optional(DecimalLiteralSchema),
    ...worthFields,
  })
  .check(z.refine<{ share?: unknown; points?: unknown }>(...worthRefine));
/** One band of a `bands` formula. */
export type Band = z.infer<typeof BandSchema>;

/** `bands`: the first band (in order) whose bounds hold gives the points; none → 0. */
export const BandsFormulaSchema = z.strictObject({
  kind: z.literal("bands"),
  value: ValueExprSchema,
  bands: z.array(BandSchema).check(z.minLength(1)),
});
/** A `bands` formula. */
export type BandsFormula = z.infer<typeof BandsFormulaSchema>;

/** Whether `v` lies inside the band's bounds. */
export function inBand(band: Band, v: Dec): boolean {
  const p = parseDecimalLiteral;
  if (band.gte !== undefined && !v.gte(p(band.gte))) return false;
  if (band.gt !== undefined && !v.gt(p(band.gt))) return false;
  if (band.lte !== undefined && !v.lte(p(band.lte))) return false;
  if (band.lt !== undefined && !v.lt(p(band.lt))) return false;
  if (band.eq !== undefined && !v.eq(p(band.eq))) return false;
  return true;
}

/** Human form of a band's bounds ("≥ 0.1", "≥ 10 & < 20"). */
export function bandText(band: Band): string {
  const parts: string[] = [];
  if (band.eq !== undefined) parts.push(`= ${band.eq}`);
  if (band.gte !== undefined) parts.push(`≥ ${band.gte}`);
  if (band.gt !== undefined) parts.push(`> ${band.gt}`);
  if (band.lte !== undefined) parts.push(`≤ ${band.lte}`);
  if (band.lt !== undefined) parts.push(`< ${band.lt}`);
  return parts.join(" & ") || "*";
}

/** The `bands` kind: the first band whose bounds hold gives its worth; none → 0. */
export const bands: FormulaKindDef<BandsFormula, typeof BandsFormulaSchema> = {
  kind: "bands",
  schema: BandsFormulaSchema,
  ...measuresValue,
  evaluate({ formula, max, inputs }) {
    const v = evaluateValue(formula.value, inputs);
    if (!v.ok) return { raw: max, branch: "zeroDenominator", zeroDenominator: true };
    const index = formula.bands.findIndex((b) => inBand(b, v.value));
    const facts = valueFacts(v);
    if (index < 0) return { raw: ZERO, branch: "noBand", value: v.value, facts };
    const band = formula.bands[index]!;
    return {
      raw: worth(band, max),
      branch: "band",
      value: v.value,
      facts: { ...facts, band: String(index + 1), bounds: bandText(band), ...(band.label ? { label: band.label } : {}) },
    };
  },
  explain(t, ctx) {
    const v = shownValue(t, ctx);
    if (t.branch !== "band") return `${v} → ${ctx.points}`;
    return `${v} → ${ctx.words.band} ${t.facts["band"]} (${t.facts["label"] ?? t.facts["bounds"]}) → ${ctx.points}`;
  },
};
