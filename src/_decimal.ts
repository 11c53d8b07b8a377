// The named export, not the default one: decimal.js's types are CommonJS, and under
// `module: NodeNext` a default import of them from an ES module is the whole module object (not
// constructible: TS2344 in the published declarations). `Decimal` is the class in every resolution.
import { Decimal as DecimalBase } from "decimal.js";

/** decimal.js constructor used for all scoring: 40 significant digits, independent of the global one. */
export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
/** A decimal value of the scoring engine. */
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/**
 * Parses a catalog decimal literal exactly: `10`, `"0.5"`, `"50%"` (0.5), `"4/5"` (0.8).
 * @param literal The literal as written in the catalog.
 * @returns The exact decimal value.
 */
export function parseDecimalLiteral(literal: number | string): Dec {
  const key = typeof literal === "number" ? literal : `s${literal}`;
  let d = literals.get(key);
  if (!d) {
    d = parseLiteral(literal);
    literals.set(key, d);
  }
  return d;
}

// Catalog literals are few and parsed on every evaluation: keep them (Dec values are immutable).
const literals = new Map<number | string, Dec>();

function parseLiteral(literal: number | string): Dec {
  if (typeof literal === "number") return new Dec(String(literal));
  const s = literal.trim();
  if (s.endsWith("%")) return new Dec(s.slice(0, -1)).div(100);
  const slash = s.indexOf("/");
  if (slash >= 0) return new Dec(s.slice(0, slash)).div(new Dec(s.slice(slash + 1)));
  return new Dec(s);
}

/** Exact decimal string of a score for output: rounded to 6 places, no trailing zeros, no exponent. */
export function fmt(d: Dec, places = 6): string {
  if (d.isZero()) return "0";
  const r = d.decimalPlaces() <= places ? d : d.toDecimalPlaces(places);
  return r.isZero() ? "0" : r.toFixed();
}

const SMALL: Dec[] = [];
/**
 * The decimal of a whole number or a short decimal from input data; small whole numbers are
 * shared (most inputs are counts).
 */
export function decOf(n: number): Dec {
  if (Number.isInteger(n) && n >= 0 && n < 4096) return (SMALL[n] ??= new Dec(n));
  return new Dec(String(n));
}

/** Sum of decimals. */
export function sum(values: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** Clamps `value` to [0, max]. */
export function clamp(value: Dec, max: Dec): Dec {
  if (value.lt(0)) return ZERO;
  if (value.gt(max)) return max;
  return value;
}
