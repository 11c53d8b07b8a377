// Exact decisions on integers for the compiled fast path (issue 11, docs/fast-path.md): every
// discontinuous decision of a formula (threshold reached, band bound, zero denominator, proportion,
// best of peers, level requirement) is taken on integer pairs, never on a double.

/** An exact decimal as a safe integer over a power of ten: `n / 10^k`. */
export interface Fixed {
  readonly n: number;
  readonly k: number;
}

/** 10^0 … 10^22, every one an exact double (shared: do not modify). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** The unit roundoff of doubles, 2^-53: one operation's relative error at most (docs/fast-path.md). */
export const UNIT_ROUNDOFF = 2 ** -53;
/** Below this magnitude a product of two integers is exact in a double (2^26 · 2^26 < 2^53). */
const HALF = 2 ** 26;

/**
 * Reads a plain decimal text ("-12.50", "7") as a {@link Fixed}, when it fits: at most 15 places
 * and a safe integer once the point is dropped.
 * @returns The fixed value, or undefined (the caller takes the reference path).
 */
export function fixedOf(text: string): Fixed | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > 15) return undefined;
  const n = Number(`${m[1]}${m[2]}${frac}`);
  return Number.isSafeInteger(n) ? { n: n === 0 ? 0 : n, k: frac.length } : undefined;
}

/** Sign of `x·y − z·w` for safe integers, exactly (doubles when every product is exact, else BigInt). */
export function crossSign(x: number, y: number, z: number, w: number): -1 | 0 | 1 {
  if (Math.abs(x) < HALF && Math.abs(y) < HALF && Math.abs(z) < HALF && Math.abs(w) < HALF) {
    const d = x * y - z * w;
    return d > 0 ? 1 : d < 0 ? -1 : 0;
  }
  const d = BigInt(x) * BigInt(y) - BigInt(z) * BigInt(w);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/**
 * Compares two fractions `a/b` and `p/q` exactly (b, q > 0; safe integers).
 * @returns −1, 0 or 1 as a/b is below, equal to or above p/q.
 */
export function compareFractions(a: number, b: number, p: number, q: number): -1 | 0 | 1 {
  return crossSign(a, q, p, b);
}

/**
 * `x·y − z·w` for safe integers, exact before its one rounding to a double (the continuous part of
 * a formula may then use it: its relative error is at most 2^-53).
 */
export function exactDifference(x: number, y: number, z: number, w: number): number {
  if (Math.abs(x) < HALF && Math.abs(y) < HALF && Math.abs(z) < HALF && Math.abs(w) < HALF) return x * y - z * w;
  return Number(BigInt(x) * BigInt(y) - BigInt(z) * BigInt(w));
}

/** A {@link Fixed} that a reader fills in place (no allocation per value read). */
export interface FixedSlot {
  n: number;
  k: number;
}

/** The parts of a decimal.js value read here (its documented `d`, `e`, `s` properties). */
interface DecimalParts {
  readonly d: readonly number[] | null;
  readonly e: number;
  readonly s: number;
}

/**
 * Reads a decimal.js value as a fixed value into `out`, when it fits, without turning it into
 * text. decimal.js stores a value as base-10^7 words `d` (most significant first) aligned so that
 * the value is Σ d[i] · 10^(7·(⌊e/7⌋ − i)), with `e` the base-10 exponent and `s` the sign.
 * @returns false (out unchanged or partly written) when the value is not finite, has more than 15
 * places or is not a safe integer once the point is dropped.
 */
export function readFixedDec(x: DecimalParts, out: FixedSlot): boolean {
  const words = x.d;
  if (!words) return false;
  const last = words.length - 1;
  // The last word is padded with zeros to 7 digits (0.5 is [5000000]): drop them first, so that a
  // value with 15 places or fewer does not overflow on the padding.
  let w = words[last]!;
  let zeros = 0;
  if (w !== 0) {
    while (w % 10 === 0) {
      w /= 10;
      zeros++;
    }
  }
  let n = 0;
  for (let i = 0; i < last; i++) n = n * 1e7 + words[i]!;
  n = n * POW10[7 - zeros]! + w;
  // Every partial sum is at most the final one: when that is safe, each step was exact.
  if (n > Number.MAX_SAFE_INTEGER) return false;
  let shift = 7 * (Math.floor(x.e / 7) - last) + zeros;
  if (n === 0) shift = 0;
  else if (shift > 0) {
    if (shift > 15) return false;
    n *= POW10[shift]!;
    if (!Number.isSafeInteger(n)) return false;
    shift = 0;
  }
  if (shift < -15) return false;
  out.n = n === 0 ? 0 : x.s < 0 ? -n : n;
  out.k = 0 - shift; // not -shift: -0 when shift is 0
  return true;
}
