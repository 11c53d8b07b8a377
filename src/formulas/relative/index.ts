import * as z from "zod/mini";
import { EXACT, Measured, FRACTION, compileValue, exactConstant, toDouble } from "../_fast.js";
import { crossSign, exactDifference } from "../../_exact.js";
import { ZERO } from "../../_decimal.js";
import { ValueExprSchema } from "../_schema.js";
import type { FormulaKindDef } from "../_types.js";
import { bareValue, checkValue, evaluateValue, measuresValue, onValueScale, shownValue, valueFacts } from "../_value.js";

/**
 * `relative`: compared with the units scored together in the same period.
 * `best`: value / best × max. `minmax`: (value − min)/(max − min) × max; a zero range falls back to `best`.
 * What the documents leave unsaid is a choice written here (readings of issue 13): `bestZero` — every
 * unit at 0 scores `zero` (default: nothing achieved anywhere) or `max`; `zeroRange` (minmax) — all
 * units equal fall back to value / `best` × max (default) or score `zero`.
 */
export const RelativeFormulaSchema = z.strictObject({
  kind: z.literal("relative"),
  value: ValueExprSchema,
  mode: z.enum(["best", "minmax"]),
  bestZero: z.optional(z.enum(["zero", "max"])),
  zeroRange: z.optional(z.enum(["best", "zero"])),
});
/** A `relative` formula. */
export type RelativeFormula = z.infer<typeof RelativeFormulaSchema>;

/**
 * The `relative` kind: value / best × max, or (value − min)/(best − min) × max
 * over the units scored together in the same period; a zero range falls back to value / best.
 */
export const relative: FormulaKindDef<RelativeFormula, typeof RelativeFormulaSchema> = {
  kind: "relative",
  schema: RelativeFormulaSchema,
  ...measuresValue,
  check(f, ctx) {
    checkValue(f.value, ctx);
    // A zero range is a minmax notion: on `best` the option would be silently ignored.
    if (f.zeroRange !== undefined && f.mode !== "minmax") ctx.problem("zeroRangeNeedsMinmax", ["zeroRange"], { received: f.mode });
  },
  measure(formula, inputs) {
    const v = evaluateValue(formula.value, inputs);
    return v.ok ? v.value : "zeroDenominator";
  },
  evaluate({ formula, max, inputs, peers }) {
    const v = evaluateValue(formula.value, inputs);
    if (!v.ok) return { raw: max, branch: "zeroDenominator", zeroDenominator: true };
    const best = peers?.best ?? v.value;
    const min = peers?.min ?? v.value;
    const facts = { ...valueFacts(v), best, min, peers: String(peers?.count ?? 1) };
    if (best.lte(0)) return { raw: formula.bestZero === "max" ? max : ZERO, branch: "bestZero", value: v.value, facts };
    if (formula.mode === "minmax" && best.gt(min)) {
      return { raw: v.value.minus(min).div(best.minus(min)).times(max), branch: "minmax", value: v.value, facts };
    }
    if (formula.mode === "minmax" && formula.zeroRange === "zero") return { raw: ZERO, branch: "rangeZero", value: v.value, facts };
    const branch = formula.mode === "minmax" ? "rangeZeroFallback" : "best";
    return { raw: v.value.div(best).times(max), branch, value: v.value, facts };
  },
  compileMeasure: (formula, ctx) => compileValue(formula.value, ctx),
  compile(formula, max, ctx) {
    const value = compileValue(formula.value, ctx);
    const m = toDouble(max);
    const zero = ctx.zeroDenominator(m);
    const maxExact = exactConstant(max);
    const zeroExact = zero === 0 || maxExact;
    const minmax = formula.mode === "minmax";
    const bestZeroMax = formula.bestZero === "max";
    const rangeZeroScoresZero = minmax && formula.zeroRange === "zero";
    return (vals, scales, base, peers) => {
      const r = value(vals, scales, base);
      if (r !== Measured.Ok) {
        EXACT.value = zeroExact;
        return r === Measured.ZeroDenominator ? zero : NaN;
      }
      const { a, b } = FRACTION;
      // Alone (no peers measured): best = min = the value itself.
      const p = peers ?? { bestA: a, bestB: b, minA: a, minB: b, count: 1 };
      if (p.bestA <= 0) {
        EXACT.value = bestZeroMax ? maxExact : true;
        return bestZeroMax ? m : 0;
      }
      // The best itself (the same fraction) scores max exactly: (a/b)/(a/b) is 1 in doubles, and
      // minmax's (best − min)/(best − min) is 1 in decimal.js, given as max here.
      const isBest = a === p.bestA && b === p.bestB;
      EXACT.value = isBest && maxExact;
      // best > min, exactly: bestA/bestB > minA/minB.
      if (minmax && crossSign(p.bestA, p.minB, p.minA, p.bestB) > 0) {
        if (isBest) return m;
        // (v − min)/(best − min) = (a·minB − minA·b)·bestB / (b·(bestA·minB − minA·bestB)); differences exact before rounding.
        const x = exactDifference(a, p.minB, p.minA, b);
        const y = exactDifference(p.bestA, p.minB, p.minA, p.bestB);
        // The lowest scores 0 exactly.
        EXACT.value = x === 0;
        return (x / b) * (p.bestB / y) * m;
      }
      if (rangeZeroScoresZero) {
        EXACT.value = true;
        return 0;
      }
      return (a / b / (p.bestA / p.bestB)) * m;
    };
  },
  explain(t, ctx) {
    const v = shownValue(t, ctx);
    const best = onValueScale(t, ctx, t.facts["best"] ?? "0");
    const min = onValueScale(t, ctx, t.facts["min"] ?? "0");
    const w = ctx.words;
    if (t.branch === "bestZero") return `${v}; ${w.best} = 0 → ${ctx.points}`;
    if (t.branch === "rangeZero") return `${v}; ${w.lowest} = ${w.best} ${best} → ${ctx.points}`;
    if (t.branch === "minmax")
      return `(${bareValue(t, ctx)} − ${w.lowest} ${min}) / (${w.best} ${best} − ${min}) × ${ctx.max} = ${ctx.points}`;
    return `${v} / ${w.best} ${best} × ${ctx.max} = ${ctx.points}`;
  },
};
