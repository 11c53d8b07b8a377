import * as z from "zod/mini";
import { EXACT, Measured, compareMeasured, compileValue, exactConstant, literalFixed, toDouble } from "../_fast.js";
import { ZERO, parseDecimalLiteral, type Dec } from "../../_decimal.js";
import { DecimalLiteralSchema, ValueExprSchema, worthFields, worthRefine } from "../_schema.js";
import type { CheckContext, FormulaKindDef } from "../_types.js";
import { checkWorth, inDomain, valueDomain } from "../_check.js";
import { checkValue, evaluateValue, measuresValue, shownValue, valueFacts, worth } from "../_value.js";

/** One band: bounds (any of gte/gt/lte/lt/eq) and what it is worth. */
export const BandSchema = z
  .strictObject({
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

/** The values a band holds: an interval (no lo / hi: unbounded on that side). */
interface Interval {
  readonly lo: Dec | undefined;
  readonly loOpen: boolean;
  readonly hi: Dec | undefined;
  readonly hiOpen: boolean;
}

/** The tighter of two lower (or upper) bounds; at equal values the open one. */
function tighter(a: Dec | undefined, aOpen: boolean, b: Dec | undefined, bOpen: boolean, lower: boolean): [Dec | undefined, boolean] {
  if (a === undefined) return [b, bOpen];
  if (b === undefined) return [a, aOpen];
  if (a.eq(b)) return [a, aOpen || bOpen];
  return (lower ? a.gt(b) : a.lt(b)) ? [a, aOpen] : [b, bOpen];
}

function intersect(x: Interval, y: Interval): Interval {
  const [lo, loOpen] = tighter(x.lo, x.loOpen, y.lo, y.loOpen, true);
  const [hi, hiOpen] = tighter(x.hi, x.hiOpen, y.hi, y.hiOpen, false);
  return { lo, loOpen, hi, hiOpen };
}

function isEmpty(x: Interval): boolean {
  if (x.lo === undefined || x.hi === undefined) return false;
  return x.lo.gt(x.hi) || (x.lo.eq(x.hi) && (x.loOpen || x.hiOpen));
}

/** Whether `outer` holds every value of `inner` (both non-empty). */
function covers(outer: Interval, inner: Interval): boolean {
  return minus(inner, outer).length === 0;
}

/** The values of `x` outside `y`: none, one or two intervals. */
function minus(x: Interval, y: Interval): Interval[] {
  if (isEmpty(intersect(x, y))) return [x];
  const below: Interval | undefined =
    y.lo !== undefined ? intersect(x, { lo: undefined, loOpen: false, hi: y.lo, hiOpen: !y.loOpen }) : undefined;
  const above: Interval | undefined =
    y.hi !== undefined ? intersect(x, { lo: y.hi, loOpen: !y.hiOpen, hi: undefined, hiOpen: false }) : undefined;
  return [below, above].filter((i): i is Interval => i !== undefined && !isEmpty(i));
}

/** The interval of a band's bounds. */
function bandInterval(band: Band): Interval {
  const p = parseDecimalLiteral;
  let x: Interval = { lo: undefined, loOpen: false, hi: undefined, hiOpen: false };
  const at = (lo: Dec | undefined, loOpen: boolean, hi: Dec | undefined, hiOpen: boolean) => (x = intersect(x, { lo, loOpen, hi, hiOpen }));
  if (band.gte !== undefined) at(p(band.gte), false, undefined, false);
  if (band.gt !== undefined) at(p(band.gt), true, undefined, false);
  if (band.lte !== undefined) at(undefined, false, p(band.lte), false);
  if (band.lt !== undefined) at(undefined, false, p(band.lt), true);
  if (band.eq !== undefined) at(p(band.eq), false, p(band.eq), false);
  return x;
}

/** -1 when `a` lies below `b`, 1 above (disjoint, non-empty intervals; a lower bound is always set). */
function direction(a: Interval, b: Interval): number {
  if (a.lo!.eq(b.lo!)) return a.loOpen ? 1 : -1;
  return a.lo!.lt(b.lo!) ? -1 : 1;
}

const BOUNDS = ["gte", "gt", "lte", "lt", "eq"] as const;
/** The comparisons of the value with a bound (−1 below, 0 at, 1 above) that keep it inside the band. */
const INSIDE: Readonly<Record<(typeof BOUNDS)[number], readonly number[]>> = { gte: [0, 1], gt: [1], lte: [-1, 0], lt: [-1], eq: [0] };

/**
 * Catalog checks of a `bands` formula: bounds inside the value's domain, each band holding some
 * value, no band overlapping (or lying inside) an earlier one, bands listed in order, worths valid.
 */
function checkBands(f: BandsFormula, ctx: CheckContext): void {
  checkValue(f.value, ctx);
  const domain = valueDomain(f.value, ctx.inputs);
  const whole: Interval = { lo: domain.lo, loOpen: false, hi: domain.hi, hiOpen: false };
  const earlier: { index: number; x: Interval }[] = [];
  const reached: Interval[] = [];
  f.bands.forEach((band, i) => {
    checkWorth(band, ctx, ["bands", i]);
    let bad = false;
    for (const k of BOUNDS) {
      const b = band[k];
      if (b === undefined || inDomain(parseDecimalLiteral(b), domain)) continue;
      ctx.problem("outOfDomain", ["bands", i, k], { expected: domain.text, received: String(b) });
      bad = true;
    }
    if (bad) return;
    const x = intersect(bandInterval(band), whole);
    if (isEmpty(x)) return ctx.problem("bandEmpty", ["bands", i], { detail: bandText(band) });
    // The first band that holds wins. A later band may extend an earlier one (the document's
    // staircase "≥ 10 %, ≥ 7 %, ≥ 3 %"), but one that partly overlaps it, or that earlier bands
    // cover whole, would lose values without a word.
    let left = [x];
    for (const e of earlier) {
      if (isEmpty(intersect(e.x, x))) continue;
      if (!covers(x, e.x) && !covers(e.x, x)) return ctx.problem("bandsOverlap", ["bands", i], { received: String(e.index + 1) });
      left = left.flatMap((piece) => minus(piece, e.x));
      if (left.length === 0) return ctx.problem("bandShadowed", ["bands", i], { received: String(e.index + 1) });
    }
    earlier.push({ index: i, x });
    if (left.length === 1) reached.push(left[0]!);
  });
  // Listed in order (ascending or descending) of the values each band actually receives.
  const steps = reached.slice(1).map((r, i) => direction(reached[i]!, r));
  if (steps.some((d) => d !== steps[0])) ctx.problem("bandsUnordered", ["bands"]);
}

/** The `bands` kind: the first band whose bounds hold gives its worth; none → 0. */
export const bands: FormulaKindDef<BandsFormula, typeof BandsFormulaSchema> = {
  kind: "bands",
  schema: BandsFormulaSchema,
  ...measuresValue,
  check: checkBands,
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
  compile(formula, max, ctx) {
    const value = compileValue(formula.value, ctx);
    const zero = ctx.zeroDenominator(toDouble(max));
    const zeroExact = zero === 0 || exactConstant(max);
    // Each band: its bounds as exact fixed values and the comparison results that keep a value inside.
    const compiled = formula.bands.map((band) => ({
      bounds: BOUNDS.flatMap((k) => (band[k] !== undefined ? [{ at: literalFixed(band[k]), inside: INSIDE[k] }] : [])),
      points: toDouble(worth(band, max)),
      exact: exactConstant(worth(band, max)),
    }));
    return (vals, scales, base) => {
      const r = value(vals, scales, base);
      if (r !== Measured.Ok) {
        EXACT.value = zeroExact;
        return r === Measured.ZeroDenominator ? zero : NaN;
      }
      outer: for (const band of compiled) {
        for (const b of band.bounds) if (!b.inside.includes(compareMeasured(b.at))) continue outer;
        EXACT.value = band.exact;
        return band.points;
      }
      EXACT.value = true;
      return 0;
    };
  },
  explain(t, ctx) {
    const v = shownValue(t, ctx);
    if (t.branch !== "band") return `${v} → ${ctx.points}`;
    return `${v} → ${ctx.words.band} ${t.facts["band"]} (${t.facts["label"] ?? t.facts["bounds"]}) → ${ctx.points}`;
  },
};
