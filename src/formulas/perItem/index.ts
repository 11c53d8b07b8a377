import * as z from "zod/mini";
import { EXACT, POW10, exactConstant, literalFixed, toDouble } from "../_fast.js";
import { Dec, ZERO, parseDecimalLiteral } from "../../_decimal.js";
import { DecimalLiteralSchema, FieldNameSchema } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { checkPositive } from "../_check.js";

/** Whether a literal is a finite number greater than 0. */
function checkedPositive(literal: string | number): boolean {
  const v = parseDecimalLiteral(literal);
  return v.isFinite() && v.gt(0);
}

/** `perItem`: one count field per kind of item, each worth its points; capped (default: max). */
export const PerItemFormulaSchema = z.strictObject({
  kind: z.literal("perItem"),
  items: z.record(FieldNameSchema, z.strictObject({ label: z.string().check(z.minLength(1)), points: DecimalLiteralSchema })),
  cap: z.optional(DecimalLiteralSchema),
});
/** A `perItem` formula. */
export type PerItemFormula = z.infer<typeof PerItemFormulaSchema>;

/** The `perItem` kind: Σ count × points per kind of item, at most `cap` (default: max). */
export const perItem: FormulaKindDef<PerItemFormula, typeof PerItemFormulaSchema> = {
  kind: "perItem",
  schema: PerItemFormulaSchema,
  fields: (f) =>
    Object.entries(f.items).map(([name, item]) => ({
      name,
      type: "count" as const,
      label: item.label,
      absentAs: new Dec(0),
      moreIsBetter: true,
    })),
  ratios: () => [],
  check(f, ctx) {
    for (const [name, item] of Object.entries(f.items))
      if (!checkedPositive(item.points)) ctx.problem("badItemPoints", ["items", name, "points"], { received: String(item.points) });
    if (f.cap !== undefined) checkPositive(f.cap, ctx, ["cap"]);
  },
  raising: (f) => Object.keys(f.items),
  evaluate({ formula, max, inputs }) {
    let raw = ZERO;
    const counts: string[] = [];
    // The label of each item, for the sentence (keys are the catalog's, not the assessor's words).
    const labels: Record<string, string> = {};
    for (const [name, item] of Object.entries(formula.items)) {
      const n = inputs[name];
      const count = n instanceof Dec ? n : ZERO;
      raw = raw.plus(count.times(parseDecimalLiteral(item.points)));
      counts.push(`${name}=${count.toString()}×${item.points}`);
      labels[`label.${name}`] = item.label;
    }
    const cap = formula.cap !== undefined ? parseDecimalLiteral(formula.cap) : max;
    const facts = { items: counts.join(","), cap: cap.toString(), uncapped: raw.toString(), ...labels };
    return raw.gt(cap) ? { raw: cap, branch: "capped", facts } : { raw, branch: "items", facts };
  },
  compile(formula, max, ctx) {
    // Σ count × points exactly, in integers at the finest scale of the points (counts are whole):
    // the cap is then a decision on integers, and a sum on the binary grid is exact in doubles.
    const fixed = Object.entries(formula.items).map(([name, item]) => ({ slot: ctx.slot(name), points: literalFixed(item.points) }));
    const capDec = formula.cap !== undefined ? parseDecimalLiteral(formula.cap) : max;
    const capFixed = literalFixed(capDec.toFixed());
    const k = Math.max(capFixed.k, ...fixed.map((f) => f.points.k));
    const items = fixed.map((f) => ({
      slot: f.slot,
      scaled: f.points.n * POW10[k - f.points.k]!,
      points: toDouble(parseDecimalLiteral(f.points.n + "e-" + f.points.k)),
    }));
    const capScaled = capFixed.n * POW10[k - capFixed.k]!;
    const cap = toDouble(capDec);
    const capExact = exactConstant(capDec);
    const unit = POW10[k]!;
    return (vals, scales, base) => {
      let sum = 0;
      for (const item of items) {
        const count = vals[base + item.slot]!;
        if (scales[base + item.slot] !== 0) return NaN; // counts are whole: not reached for valid data
        sum += count * item.scaled;
      }
      if (Number.isSafeInteger(sum) && Number.isSafeInteger(capScaled)) {
        if (sum >= capScaled) {
          EXACT.value = capExact;
          return cap;
        }
        const raw = sum / unit;
        // Exact when the double times 10^k gives back the integer: on the grid of 2^-20 below 2^20
        // the double has at most 40 bits, and 10^k (k ≤ 3, 10 bits) keeps the product exact, so
        // equality with the integer sum proves the division was exact.
        EXACT.value = k <= 3 && Number.isInteger(raw * 2 ** 20) && raw < 2 ** 20 && raw * unit === sum;
        return raw;
      }
      // Past the safe integers: doubles, the cap decided when certain.
      let raw = 0;
      for (const item of items) raw += vals[base + item.slot]! * item.points;
      EXACT.value = raw > cap * (1 + 2 ** -40) && capExact;
      return raw > cap ? cap : raw;
    };
  },

  explain(t, ctx) {
    // "name=count×points" entries, read back and shown as "label: count × points".
    const items = (t.facts["items"] ?? "")
      .split(",")
      .filter(Boolean)
      .map((entry) => {
        const eq = entry.indexOf("=");
        const [count = "0", points = "0"] = entry.slice(eq + 1).split("×");
        const name = entry.slice(0, eq);
        // The points as written in the catalog (exact: "0.125", "4/5"), with the language's decimal mark.
        const written = ctx.lang === "vi" ? points.replace(".", ",") : points;
        return `${t.facts[`label.${name}`] ?? name}: ${ctx.n(count)} × ${written}`;
      })
      .join(" + ");
    const capped = t.branch === "capped" ? `, ${ctx.words.max} ${ctx.n(t.facts["cap"] ?? "0")}` : "";
    return `${items} = ${ctx.n(t.facts["uncapped"] ?? "0")}${capped} → ${ctx.points}`;
  },
};
