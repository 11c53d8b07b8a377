import type { z } from "zod";
import { ZERO, parseDecimalLiteral, type Dec } from "../../_decimal.js";
import type { BandSchema, BandsFormulaSchema } from "../../catalog/schema.js";
import type { FormulaKindDef } from "../_types.js";
import { evaluateValue, valueFacts, valueFields } from "../_value.js";

type BandsFormula = z.infer<typeof BandsFormulaSchema>;
type Band = z.infer<typeof BandSchema>;

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

/** Points a band, option or item is worth: `share` × max, or `points`. */
export function worth(w: { share?: number | string | undefined; points?: number | string | undefined }, max: Dec): Dec {
  if (w.points !== undefined) return parseDecimalLiteral(w.points);
  if (w.share !== undefined) return parseDecimalLiteral(w.share).times(max);
  return ZERO;
}

/** Human form of a band's bounds ("≥ 0.1", "≥ 10 and < 20"). */
export function bandText(band: Band): string {
  const parts: string[] = [];
  if (band.eq !== undefined) parts.push(`= ${band.eq}`);
  if (band.gte !== undefined) parts.push(`≥ ${band.gte}`);
  if (band.gt !== undefined) parts.push(`> ${band.gt}`);
  if (band.lte !== undefined) parts.push(`≤ ${band.lte}`);
  if (band.lt !== undefined) parts.push(`< ${band.lt}`);
  return parts.join(" & ") || "*";
}

/** Creates the `bands` kind: the first band whose bounds hold gives its worth; none → 0. */
export const bands: FormulaKindDef<BandsFormula> = {
  kind: "bands",
  fields: (f, defs) => valueFields(f.value, defs),
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
};
