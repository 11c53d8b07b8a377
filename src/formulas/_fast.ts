import { parseDecimalLiteral, type Dec } from "../_decimal.js";
import { POW10, crossSign, fixedOf, type Fixed } from "../_exact.js";
import type { ValueExpr } from "./_schema.js";
import type { CompileContext, FastValue } from "./_types.js";

export type { CompileContext, FastFormula, FastPeers, FastValue } from "./_types.js";

// The compiled form of the formula kinds (issue 11, docs/fast-path.md). A compiled formula reads
// the values of one entry (unit × period × indicator) as exact integers, takes every discontinuous
// decision on them exactly (cross-multiplication, BigInt past 2^53) and computes what is continuous
// in doubles; the engine certifies the printed digits against a static error bound or hands the
// unit to the decimal.js reference.

/**
 * Set by a compiled formula when the points it returns are exactly the reference's decimal (a
 * constant on the binary grid, see {@link exactConstant}, or 0): sums and decisions on such values
 * are exact, so the engine can decide a group's clamp or a rounding midpoint without the
 * reference. The engine clears it before each call; a formula sets it on the branches that return
 * such a constant.
 */
export const EXACT = { value: false };

/**
 * Whether a decimal is exactly a double on the grid of 2^-20 and below 2^20 in magnitude: such
 * doubles add up (and halve) without rounding for every catalog's totals (docs/fast-path.md).
 */
export function exactConstant(d: Dec): boolean {
  const x = toDouble(d);
  return Number.isInteger(x * 2 ** 20) && Math.abs(x) < 2 ** 20 && d.eq(x.toFixed(20));
}

/** Thrown by `compile` when a formula has no exact compiled form (a catalog literal such as "1/3"): the catalog is scored by the reference. */
export class Uncompilable extends Error {}

export { POW10 } from "../_exact.js";

/** A decimal as the nearest double (exact decimals print back the same: "22.5" → 22.5). */
export function toDouble(d: Dec): number {
  return Number(d.toString());
}

/**
 * A catalog literal ("80%", "4/5", "2.5") as an exact fixed value, as the reference holds it.
 * @returns Undefined when it has more than 15 places (e.g. "1/3", held to 40 digits by the reference).
 */
export function fixedLiteral(literal: number | string): Fixed | undefined {
  return fixedOf(parseDecimalLiteral(literal).toFixed());
}

/**
 * {@link fixedLiteral} for a kind's `compile`.
 * @throws Uncompilable when the literal has no exact fixed form: the catalog is scored by the reference.
 */
export function literalFixed(literal: number | string): Fixed {
  const f = fixedLiteral(literal);
  if (!f) throw new Uncompilable(`literal ${String(literal)}`);
  return f;
}

/**
 * The value just measured by a {@link FastValue}: the exact fraction `a / b` (b > 0). One shared
 * scratch record: evaluation is synchronous and a kind reads it right after measuring.
 */
export const FRACTION = { a: 0, b: 1 };

/** Outcome of measuring a value expression. */
export const Measured: { readonly Ok: 0; readonly ZeroDenominator: 1; readonly Inexact: 2 } = {
  Ok: 0,
  ZeroDenominator: 1,
  /** A sum or a scaled value left the safe integers: the reference decides. */
  Inexact: 2,
};

/** The last sum of {@link sumSlots}: n / 10^k (a shared scratch record, read right after the call). */
export const SUM = { n: 0, k: 0 };

/** Sums values of an entry at their common scale into {@link SUM}; false when it leaves the safe integers. */
export function sumSlots(slots: readonly number[], vals: Float64Array, scales: Uint8Array, base: number): boolean {
  if (slots.length === 1) {
    SUM.n = vals[base + slots[0]!]!;
    SUM.k = scales[base + slots[0]!]!;
    return true;
  }
  let k = 0;
  for (const s of slots) if (scales[base + s]! > k) k = scales[base + s]!;
  let n = 0;
  for (const s of slots) {
    n += vals[base + s]! * POW10[k - scales[base + s]!]!;
    if (!Number.isSafeInteger(n)) return false;
  }
  SUM.n = n;
  SUM.k = k;
  return true;
}

/**
 * Compiles a value expression (an input, or a ratio of sums of inputs) into an exact measurement.
 * @param expr The expression as written in the catalog.
 */
export function compileValue(expr: ValueExpr, ctx: CompileContext): FastValue {
  if (typeof expr === "string") {
    const slot = ctx.slot(expr);
    return (vals, scales, base) => {
      FRACTION.a = vals[base + slot]!;
      FRACTION.b = POW10[scales[base + slot]!]!;
      return Measured.Ok;
    };
  }
  const numerator = expr.numerator.map((n) => ctx.slot(n));
  const denominator = expr.denominator.map((n) => ctx.slot(n));
  return (vals, scales, base) => {
    if (!sumSlots(denominator, vals, scales, base)) return Measured.Inexact;
    const d = SUM.n;
    const dk = SUM.k;
    if (d === 0) return Measured.ZeroDenominator;
    if (!sumSlots(numerator, vals, scales, base)) return Measured.Inexact;
    // n/10^nk ÷ d/10^dk = (n · 10^dk) / (d · 10^nk): only the larger scale multiplies.
    const a = dk > SUM.k ? SUM.n * POW10[dk - SUM.k]! : SUM.n;
    const b = SUM.k > dk ? d * POW10[SUM.k - dk]! : d;
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return Measured.Inexact;
    FRACTION.a = a;
    FRACTION.b = b;
    return Measured.Ok;
  };
}

/**
 * Compares the measured {@link FRACTION} with a fixed value, exactly.
 * @returns −1, 0 or 1 as the value is below, equal to or above `t`.
 */
export function compareMeasured(t: Fixed): -1 | 0 | 1 {
  // a/b vs n/10^k ⇔ a·10^k vs n·b (b > 0)
  return crossSign(FRACTION.a, POW10[t.k]!, t.n, FRACTION.b);
}
