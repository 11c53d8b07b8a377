// Exact decisions on integers for the compiled fast path (issue 11, docs/fast-path.md): every
// discontinuous decision of a formula (threshold reached, band bound, zero denominator, proportion,
// best of peers, level requirement) is taken on integer pairs, never on a double.

/** An exact decimal as a safe integer over a power of ten: `n / 10^k`. */
export interface Fixed {
  readonly n: number;
  readonly k: number;
}

const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
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

/**
 * Sums fixed values exactly at their common scale.
 * @returns The sum, or undefined when it leaves the safe integers.
 */
export function sumFixed(values: readonly Fixed[]): Fixed | undefined {
  let k = 0;
  for (const v of values) if (v.k > k) k = v.k;
  let n = 0;
  for (const v of values) {
    const scaled = v.n * POW10[k - v.k]!;
    if (!Number.isSafeInteger(scaled)) return undefined;
    n += scaled;
    if (!Number.isSafeInteger(n)) return undefined;
  }
  return { n, k };
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
 * Compares two fixed values exactly.
 * @returns −1, 0 or 1.
 */
export function compareFixed(x: Fixed, y: Fixed): -1 | 0 | 1 {
  // x.n / 10^x.k vs y.n / 10^y.k  ⇔  x.n · 10^y.k vs y.n · 10^x.k
  return crossSign(x.n, POW10[y.k]!, y.n, POW10[x.k]!);
}

/**
 * `x·y − z·w` for safe integers, exact before its one rounding to a double (the continuous part of
 * a formula may then use it: its relative error is at most 2^-53).
 */
export function exactDifference(x: number, y: number, z: number, w: number): number {
  if (Math.abs(x) < HALF && Math.abs(y) < HALF && Math.abs(z) < HALF && Math.abs(w) < HALF) return x * y - z * w;
  return Number(BigInt(x) * BigInt(y) - BigInt(z) * BigInt(w));
}
