// Catalog checks shared by the formula kinds (issue 10, "strict catalogs"): a catalog that a kind
// would score wrongly (a threshold of 120 % on a ratio, a share above 1, booleans divided…) is
// refused when it loads, each problem with its stable code and its path inside the formula.
import { Dec, ONE, ZERO, parseDecimalLiteral } from "../_decimal.js";
import type { DecimalLiteral, InputDef, ValueExpr } from "./_schema.js";
import type { CheckContext } from "./_types.js";
import { inputType } from "./_value.js";

/** The values a measured value can take: [lo, hi] (no hi: unbounded above). */
export interface Domain {
  readonly lo: Dec;
  readonly hi: Dec | undefined;
  /** The domain as people read it ("[0, 1]", "≥ 0"). */
  readonly text: string;
}

const HUNDRED = new Dec(100);
const domainOf = (lo: Dec, hi: Dec | undefined): Domain => ({
  lo,
  hi,
  text: hi ? `[${lo.toString()}, ${hi.toString()}]` : `≥ ${lo.toString()}`,
});
/** A fraction from 0 to 1 (a share, a proportion). */
export const UNIT_DOMAIN = domainOf(ZERO, ONE);
/** Any value ≥ 0 (counts, amounts, ratios that are not proportions). */
export const NON_NEGATIVE = domainOf(ZERO, undefined);

/**
 * The domain of a value expression: a proportion (the numerator a part of the denominator) and a
 * `share` field lie in [0, 1], a `percent` field in [0, 100], other numbers are ≥ 0.
 */
export function valueDomain(expr: ValueExpr, defs: Readonly<Record<string, InputDef>>): Domain {
  if (typeof expr !== "string") return expr.proportion ? UNIT_DOMAIN : NON_NEGATIVE;
  const type = inputType(expr, defs);
  if (type === "share") return UNIT_DOMAIN;
  if (type === "percent") return domainOf(ZERO, HUNDRED);
  return NON_NEGATIVE;
}

/** Whether a value lies in a domain (never an infinite literal such as "1/0", nor "0/0"). */
export function inDomain(v: Dec, d: Domain): boolean {
  return v.isFinite() && v.gte(d.lo) && (d.hi === undefined || v.lte(d.hi));
}

/**
 * Checks a literal compared with a value (a threshold, a band bound, a level minimum): it lies in
 * the value's domain, so the comparison can go either way.
 */
export function checkInDomain(literal: DecimalLiteral, domain: Domain, ctx: CheckContext, path: readonly (string | number)[]): void {
  const v = parseDecimalLiteral(literal);
  if (!inDomain(v, domain)) ctx.problem("outOfDomain", path, { expected: domain.text, received: String(literal) });
}

/**
 * Checks what an option, band or item is worth: a `share` of max in [0, 1], fixed `points` in
 * [0, max].
 * @returns The worth in points, or undefined when it is not valid (or max is unknown).
 */
export function checkWorth(
  w: { readonly share?: DecimalLiteral | undefined; readonly points?: DecimalLiteral | undefined },
  ctx: CheckContext,
  path: readonly (string | number)[],
): Dec | undefined {
  if (w.share !== undefined) {
    const s = parseDecimalLiteral(w.share);
    if (!inDomain(s, UNIT_DOMAIN)) {
      ctx.problem("shareOutOfRange", [...path, "share"], { received: String(w.share) });
      return undefined;
    }
    return ctx.max?.times(s);
  }
  if (w.points !== undefined) {
    const p = parseDecimalLiteral(w.points);
    if (!inDomain(p, { lo: ZERO, hi: ctx.max, text: "" })) {
      ctx.problem("pointsOutOfRange", [...path, "points"], {
        received: String(w.points),
        expected: `[0, ${ctx.max?.toString() ?? "max"}]`,
      });
      return undefined;
    }
    return p;
  }
  return undefined;
}

/**
 * Checks a positive figure (a max, a cap, a multiplier): finite and greater than 0.
 * @returns The figure, or undefined when it is not valid.
 */
export function checkPositive(literal: DecimalLiteral, ctx: CheckContext, path: readonly (string | number)[]): Dec | undefined {
  const v = parseDecimalLiteral(literal);
  if (v.isFinite() && v.gt(0)) return v;
  ctx.problem("badMax", path, { received: String(literal) });
  return undefined;
}
