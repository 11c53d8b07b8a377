// The exact integer decisions of the compiled fast path (issue 11, docs/fast-path.md), checked
// against decimal.js (the reference engine's arithmetic) on random and edge values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../src/_decimal.js";
import { compareFractions, crossSign, fixedOf, type Fixed } from "../src/_exact.js";
import { SUM, sumSlots } from "../src/formulas/_fast.js";

const decOf = (f: Fixed) => new Dec(f.n).div(new Dec(10).pow(f.k));
const safe = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.maxSafeInteger().map((n) => n - (n % 7)),
  fc.integer(),
);
// |n| · 10^6 stays a safe integer, so that sums at a common scale are defined.
const fixed = fc.record({ n: fc.integer({ min: -1e9, max: 1e9 }), k: fc.integer({ min: 0, max: 6 }) });

describe("crossSign and compareFractions: exact where doubles round", () => {
  it("agrees with decimal.js on random safe integers (products past 2^53 go through BigInt)", () => {
    fc.assert(
      fc.property(safe, safe, safe, safe, (x, y, z, w) => {
        const d = new Dec(x).times(y).minus(new Dec(z).times(w));
        expect(crossSign(x, y, z, w)).toBe(d.isZero() ? 0 : d.isPos() ? 1 : -1);
      }),
      { numRuns: 2000 },
    );
  });
  it("a ratio exactly at a threshold is reached: 80/100 vs 80% (4/5) → 0, Vĩnh Phúc sở 6.9 at gte", () => {
    expect(compareFractions(80, 100, 4, 5)).toBe(0);
    expect(compareFractions(79, 100, 4, 5)).toBe(-1);
  });
  it("where doubles fail: (2^53 − 1)/(2^53 − 2) and (2^53 − 2)/(2^53 − 3) are the same double, yet the first is smaller", () => {
    const n = Number.MAX_SAFE_INTEGER;
    expect(n / (n - 1)).toBe((n - 1) / (n - 2)); // a plain-number comparison would call them equal
    expect(compareFractions(n, n - 1, n - 1, n - 2)).toBe(-1);
    expect(compareFractions(n - 1, n - 2, n, n - 1)).toBe(1);
  });
});

describe("fixed values", () => {
  it("reads plain decimals exactly and refuses what does not fit", () => {
    expect(fixedOf("12.50")).toEqual({ n: 125, k: 1 });
    expect(fixedOf("-0.000")).toEqual({ n: 0, k: 0 });
    expect(fixedOf("7")).toEqual({ n: 7, k: 0 });
    expect(fixedOf("1e3")).toBeUndefined();
    expect(fixedOf("9007199254740993")).toBeUndefined(); // 2^53 + 1
    expect(fixedOf("0.1234567890123456")).toBeUndefined(); // 16 places
  });
  it("sums an entry's values at their common scale like decimal.js (sumSlots: ratios and proportions)", () => {
    fc.assert(
      fc.property(fixed, fixed, (x, y) => {
        const ok = sumSlots([0, 1], Float64Array.of(x.n, y.n), Uint8Array.of(x.k, y.k), 0);
        const expected = decOf(x).plus(decOf(y));
        if (ok) expect(decOf({ n: SUM.n, k: SUM.k }).eq(expected)).toBe(true);
        else {
          // Refused only when a term or the sum at the common scale is past the safe integers.
          const k = Math.max(x.k, y.k);
          const a = BigInt(x.n) * 10n ** BigInt(k - x.k);
          const b = BigInt(y.n) * 10n ** BigInt(k - y.k);
          const big = (v: bigint) => v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER);
          expect(big(a) || big(b) || big(a + b)).toBe(true);
        }
        // The comparison of two fixed values by cross-multiplication, as exceeds() and the bands do.
        expect(crossSign(x.n, 10 ** y.k, y.n, 10 ** x.k)).toBe(decOf(x).cmp(decOf(y)));
      }),
      { numRuns: 2000 },
    );
  });
  it("a sum that leaves the safe integers is refused (the reference path takes over)", () => {
    expect(sumSlots([0, 1], Float64Array.of(Number.MAX_SAFE_INTEGER, 1), Uint8Array.of(0, 0), 0)).toBe(false);
    expect(sumSlots([0, 1], Float64Array.of(2 ** 50, 1), Uint8Array.of(0, 3), 0)).toBe(false);
  });
});
