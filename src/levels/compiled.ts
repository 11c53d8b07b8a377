/**
 * The level a criterion meets, decided on exact integers (issue 11, docs/fast-path.md): each
 * requirement of a level criterion compiled once per catalog leaf into a test on integer pairs, so that
 * scoring a unit allocates no decimal. Only the decision is taken here; the checks a result shows
 * (values, minimums, texts) come from `criterionLevel`, the reference, when they are read.
 *
 * Same branch as the reference, which compares a quotient rounded to 40 digits: a minimum here is a
 * short decimal m/10^k (m, k safe), so a ratio at or above it rounds to at or above it, and a ratio
 * a/b below it is below by at least 1/(b·10^k), more than the rounding since m·b < 2^106 < 10^39.
 */
import { crossSign, readFixedDec, POW10, type Fixed, type FixedSlot } from "../_exact.js";
import { fixedLiteral } from "../formulas/_fast.js";
import type { ValueExpr } from "../formulas/_schema.js";
import type { Inputs } from "../formulas/_types.js";
import { requirements, TOP_LEVEL, type LevelsFormula, type Requirement } from "./index.js";

// A measure leaves its value in these registers (one criterion is decided at a time, nothing
// re-enters): scoring a unit allocates nothing per input or per check.
/** The last measured value is num / den, den > 0. */
const OK = 0;
/** The last measured ratio has a zero denominator. */
const ZERO_DENOMINATOR = 1;
/** A sum left the safe integers (or an input is not a decimal.js value): the reference decides. */
const UNSAFE = 2;
type Outcome = typeof OK | typeof ZERO_DENOMINATOR | typeof UNSAFE;
let num = 0;
let den = 1;
/** The last fixed value read. */
const read: FixedSlot = { n: 0, k: 0 };

/**
 * Where inputs are read from: a record of decimals (the unit read by the reference reader), or the
 * compiled reader's typed arrays (value i of the entry = vals[base + i] / 10^scales[base + i]),
 * set by {@link CompiledCriterion.compact} for one decision.
 */
const compact: { on: boolean; vals: Float64Array; scales: Uint8Array; base: number } = {
  on: false,
  vals: new Float64Array(0),
  scales: new Uint8Array(0),
  base: 0,
};
/** The position of each input among the node's fields (the compiled reader's slots), per compiled criterion. */
let slots: ReadonlyMap<string, number> = new Map();

/** Reads an input into `read`; a value that is not a decimal reads 0, as `evaluateValue` has it. */
function readInput(inputs: Inputs, name: string): boolean {
  if (compact.on) {
    const at = compact.base + slots.get(name)!;
    read.n = compact.vals[at]!;
    read.k = compact.scales[at]!;
    return true;
  }
  const v = inputs[name];
  // FieldValue is a Dec, a boolean or a string: an object is a Dec (cheaper than instanceof Dec).
  if (typeof v === "object" && v !== null) return readFixedDec(v, read);
  read.n = 0;
  read.k = 0;
  return true;
}

/** Reads the exact sum of named inputs into `read`; false beyond the safe integers. */
function readSum(names: readonly string[], inputs: Inputs): boolean {
  if (names.length === 1) return readInput(inputs, names[0]!);
  let n = 0;
  let k = 0;
  for (const name of names) {
    if (!readInput(inputs, name)) return false;
    // Bring both to the larger scale, then add.
    let a = n;
    let b = read.n;
    if (read.k > k) a = n * POW10[read.k - k]!;
    else if (read.k < k) b = read.n * POW10[k - read.k]!;
    n = a + b;
    if (read.k > k) k = read.k;
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(n)) return false;
  }
  read.n = n;
  read.k = k;
  return true;
}

/** Measures a value expression into (num, den). */
type Measure = (inputs: Inputs) => Outcome;

/** Compiles a value expression (an input, or a ratio of sums) into an exact measure. */
function compileMeasure(expr: ValueExpr): Measure {
  if (typeof expr === "string")
    return (inputs) => {
      if (!readInput(inputs, expr)) return UNSAFE;
      num = read.n;
      den = POW10[read.k]!;
      return OK;
    };
  const { numerator, denominator } = expr;
  return (inputs) => {
    if (!readSum(numerator, inputs)) return UNSAFE;
    const an = read.n;
    const ak = read.k;
    if (!readSum(denominator, inputs)) return UNSAFE;
    const { n: bn, k: bk } = read;
    if (bn === 0) return ZERO_DENOMINATOR;
    // a/b at one scale: (a.n · 10^(k − a.k)) / (b.n · 10^(k − b.k)).
    const a = ak < bk ? an * POW10[bk - ak]! : an;
    const b = bk < ak ? bn * POW10[ak - bk]! : bn;
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return UNSAFE;
    num = b > 0 ? a : -a;
    den = b > 0 ? b : -b;
    return OK;
  };
}

/** `value ≥ min` exactly: v/w ≥ n/10^k ⇔ v · 10^k ≥ n · w (w > 0). */
function reaches(v: number, w: number, min: Fixed): boolean {
  return crossSign(v, POW10[min.k]!, min.n, w) >= 0;
}

/** The criterion's own value, measured once before its requirements run. */
interface Own {
  outcome: Outcome;
  num: number;
  den: number;
}

/**
 * What a compiled requirement reads: the inputs, the child units' levels, the criterion's own
 * value. Returns 1 (met), 0 (not met) or -1 (the reference decides).
 */
type RequirementTest = (inputs: Inputs, childLevels: readonly number[], own: Own) => 1 | 0 | -1;

/** A roll-up rule over child levels, exactly: `have ≥ need` as integer cross-products. */
function compileChildRule(rule: NonNullable<Requirement["children"]>[number]): ((levels: readonly number[]) => boolean) | undefined {
  if (rule.meanLevel !== undefined) {
    const need = fixedLiteral(rule.meanLevel);
    if (!need) return undefined;
    // Σ levels / n ≥ need.n / 10^k ⇔ Σ levels · 10^k ≥ need.n · n.
    return (levels) => {
      if (!levels.length) return false;
      let total = 0;
      for (const l of levels) total += l;
      return crossSign(total, POW10[need.k]!, need.n, levels.length) >= 0;
    };
  }
  const atLeast = rule.atLeastLevel!;
  const countAtOrAbove = (levels: readonly number[]) => {
    let c = 0;
    for (const l of levels) if (l >= atLeast) c++;
    return c;
  };
  if (rule.count !== undefined) {
    const count = rule.count;
    return (levels) => countAtOrAbove(levels) >= count;
  }
  const share = fixedLiteral(rule.share!);
  if (!share) return undefined;
  return (levels) => levels.length > 0 && crossSign(countAtOrAbove(levels), POW10[share.k]!, share.n, levels.length) >= 0;
}

/**
 * Compiles one requirement in the order `checkRequirement` reads it: presence, then roll-up, then
 * the alternatives (`anyOf`, or the criterion's own value against `min`), any one of which meets it.
 */
function compileRequirement(r: Requirement, f: LevelsFormula, zeroMeets: boolean): RequirementTest | undefined {
  if (r.present)
    return (inputs) => ((compact.on ? compact.vals[compact.base + slots.get("value")!] === 1 : inputs["value"] === true) ? 1 : 0);
  if (r.children) {
    const rules = r.children.map(compileChildRule);
    if (rules.some((x) => x === undefined)) return undefined;
    const tests = rules as ((levels: readonly number[]) => boolean)[];
    return (_, levels) => (tests.every((t) => t(levels)) ? 1 : 0);
  }
  const value = f.value;
  const alternatives = r.anyOf ?? (r.min !== undefined && value !== undefined ? [{ value, min: r.min }] : []);
  if (!alternatives.length) return () => 0;
  const compiled: { own: boolean; measure: Measure; min: Fixed }[] = [];
  for (const alt of alternatives) {
    const min = fixedLiteral(alt.min);
    if (!min) return undefined;
    compiled.push({ own: alt.value === value, measure: compileMeasure(alt.value), min });
  }
  return (inputs, _, own) => {
    for (const alt of compiled) {
      let outcome: Outcome;
      if (alt.own) {
        outcome = own.outcome;
        num = own.num;
        den = own.den;
      } else outcome = alt.measure(inputs);
      if (outcome === UNSAFE) return -1;
      if (outcome === ZERO_DENOMINATOR ? zeroMeets : reaches(num, den, alt.min)) return 1;
    }
    return 0;
  };
}

/** A level criterion compiled: the level its inputs meet, or undefined when the reference must decide. */
export interface CompiledCriterion {
  (inputs: Inputs, childLevels: readonly number[]): number | undefined;
  /** The same decision on the compiled reader's values of the entry starting at `base`. */
  compact(vals: Float64Array, scales: Uint8Array, base: number, childLevels: readonly number[]): number | undefined;
}

/**
 * Compiles a level criterion (once per catalog leaf): the highest L such that every requirement
 * at levels 1…L is met, 0 when level 1 is not, as `criterionLevel` decides, on exact integers.
 * @returns The compiled test, or undefined when a literal is not a short decimal (e.g. `"1/3"`):
 * the reference decides every unit then.
 */
export function compileCriterion(
  f: LevelsFormula,
  zeroDenominator: "max" | "zero" | "error",
  fieldNames: readonly string[] = [],
): CompiledCriterion | undefined {
  const ownSlots = new Map(fieldNames.map((name, i) => [name, i]));
  const tests: { level: number; test: RequirementTest }[] = [];
  for (const [level, r] of requirements(f)) {
    const test = compileRequirement(r, f, zeroDenominator === "max");
    if (!test) return undefined;
    tests.push({ level, test });
  }
  // The criterion's own value is the same at every level: measured once.
  const measureOwn = f.value !== undefined ? compileMeasure(f.value) : undefined;
  const own: Own = { outcome: OK, num: 0, den: 1 };
  const decide = (inputs: Inputs, childLevels: readonly number[]): number | undefined => {
    slots = ownSlots;
    if (measureOwn) {
      own.outcome = measureOwn(inputs);
      own.num = num;
      own.den = den;
    }
    // Requirements run from level 1 up: the first one not met fixes the level.
    for (const { level, test } of tests) {
      const met = test(inputs, childLevels, own);
      if (met < 0) return undefined;
      if (!met) return level - 1;
    }
    return TOP_LEVEL;
  };
  const NO_INPUTS: Inputs = {};
  return Object.assign(decide, {
    compact(vals: Float64Array, scales: Uint8Array, base: number, childLevels: readonly number[]) {
      compact.on = true;
      compact.vals = vals;
      compact.scales = scales;
      compact.base = base;
      try {
        return decide(NO_INPUTS, childLevels);
      } finally {
        compact.on = false;
      }
    },
  });
}
