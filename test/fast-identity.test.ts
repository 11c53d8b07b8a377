// Identity of the two scoring engines (issue 11, docs/fast-path.md "How it is checked"): for every
// built-in catalog that scores (points and levels), `score(c, d, { detail })` with the default
// engine ("fast", the compiled exact path) and with `engine: "reference"` (decimal.js) must give
// byte-identical JSON for detail "totals", "indicators" and "full"; when scoring throws, the same
// error class and the same issue list (codes, places, paths, messages). A failure names the first
// differing byte and unit (an edge unit's name says which edge it sits on).
//
// Datasets (small: the whole file takes about 30 s on 2 shared cores with both engines on decimal.js):
// - random: `generateDataset(catalog, { units, seed, periods })`, seeds 1–3; quarterly catalogs
//   with [Q1..Q4], [Q2, Q4] (a gap: warned) and [H1, H2], annual ones [Y]; seed 3 with `fill` 0.7
//   (missing entries), seed 2 with an `appraisal` block for every other unit (opposite yes/no,
//   another option, half of each numerator, over a third of the leaves) and one appraisal equal to
//   the self-assessment; a clone of a unit (equal totals share a rank); profiles as generated;
//   Kon Tum huyện with communes of kon-tum-2025/xa linked by `parent` (roll-up criterion 1.1).
// - edge units, read off each leaf's formula (`catalog.leaves`, `node.formula` / `node.criterion`,
//   the kinds in src/formulas/*/index.ts and the level requirements in src/levels/), each a base
//   unit with one leaf moved onto the edge in every due period:
//   * thresholds (`threshold`, `at` gte/gt), band bounds (`bands`: gte/gt/lte/lt/eq) and level
//     minima (`min`, each `anyOf` alternative): the value exactly at the literal, one step below
//     and above — a count ±1; a decimal field ±0.01 and ±0.000000001; a ratio a/b = p/q exactly
//     (b = q·k for k = 1, 1000003 and ⌊(2^53 − 1)/q⌋) and a ± 1 step (k = 1 and near 2^53, where
//     the cross-multiplications leave the double range and need BigInt);
//   * ratio values 0 and 1 (numerator = denominator), zero denominators 0/0 (policies max/zero; the
//     `error` policy is in the invalid list);
//   * rounding midpoints: a leaf scored linearly (ratio × max or × points, a composite's ratio part,
//     threshold proportional/literal below the threshold) alone in its unit, with a/b chosen so that
//     the unit total is exactly m + 0.0000005 (printed half-up at 6 places) for m = 0 and ⌊c/3⌋ (c the points per unit of value);
//     the same ± 1/b with b near 2^53 (the total within about 1e-15 of the midpoint, where a double
//     sum is not enough and the fast path must hand the unit over); and, for a mean of D due
//     periods, D × 0.0000005 in the first period and 0 in the others (so for every period list);
//   * `perItem` counts at the cap, one item below and above; `checklist`/`perItem` fields left out
//     (absent = not done / 0) or only the first given;
//   * whole units: every indicator "n/a", every one "Không áp dụng", "NA"/"#N/A" markers (missing,
//     warned), half n/a, no data at all, every decimal field × 0.333333333 (9 places), shares
//     0.333333333 and "0.14285714285714285714" (text, 20 places) and 0.1 + 0.2 (17 places);
//   * values a leaf reads from the profile (`from: profile.x`) or from another leaf are set there.
//   Edge units go in batches of 30 beside two base units; a unit the reference refuses (an edge
//   that broke a proportion read by another leaf) is compared alone (same error from both engines)
//   and left out of its batch; at least 60 % of the edge units of each catalog must be scored.
// - relative formulas: two units tied on the best, every unit equal (1/3: minmax falls back to
//   value/best), every unit 0 (best 0), a zero denominator beside a tie, one unit at
//   0.0000005 × max through the best (b = 10^6·q, so leaves reading this denominator stay valid).
// - numbers as text in a `numberFormat: vi` dataset ("72,5", "1.234,56": numberAsText warnings).
// - invalid: a negative and a fractional count, text for a number, an unknown field, a missing
//   required field, an unknown code, an unknown period, a duplicate unit id, a parent that does not
//   exist, a share above 1, an unknown option, numerator > denominator, a zero denominator under
//   policy `error` (Đồng Nai huyện), and all of them at once.
// DTI_IDENTITY_STATS=1 prints how many datasets and units were compared.
import { afterAll, describe, expect, it } from "vitest";
import {
  DtiError,
  generateDataset,
  getCatalog,
  listCatalogs,
  score,
  type CompiledCatalog,
  type CompiledNode,
  type DatasetInput,
  type ScoreOptions,
} from "../src/index.js";
import type { ValueExpr } from "../src/formulas/_schema.js";

type Detail = NonNullable<ScoreOptions["detail"]>;
type Scalar = number | string | boolean;
type Entry = Scalar | Record<string, Scalar>;
type PeriodData = Record<string, Entry>;
interface Unit {
  id: string;
  name: string;
  catalog?: string;
  parent?: string;
  registered?: number;
  profile?: Record<string, Scalar>;
  data: Record<string, PeriodData>;
  appraisal?: Record<string, PeriodData>;
}
interface Data {
  catalog: string;
  year: number;
  periods: string[];
  numberFormat?: "vi" | "en";
  units: Unit[];
}

const clone = <T>(x: T): T => structuredClone(x);
const isObject = (e: Entry | undefined): e is Record<string, Scalar> => typeof e === "object" && e !== null;

// ---------------------------------------------------------------------------------------------
// Comparing the engines
// ---------------------------------------------------------------------------------------------

/** What one engine makes of a dataset: its JSON, or its error's class and issues. */
interface Outcome {
  readonly ok: boolean;
  readonly text: string;
  readonly error?: DtiError;
}
function outcome(catalog: CompiledCatalog, data: Data, detail: Detail, engine: "fast" | "reference"): Outcome {
  try {
    // A fresh copy for each engine: neither may lean on what the other cached on the object.
    return { ok: true, text: JSON.stringify(score(catalog, clone(data) as DatasetInput, { detail, engine })) };
  } catch (e) {
    if (e instanceof DtiError) return { ok: false, text: `${e.constructor.name} ${JSON.stringify(e.issues)}`, error: e };
    return { ok: false, text: `internal ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
}

/** Where two outputs first differ (undefined when they are the same bytes). */
function difference(fast: string, reference: string): string | undefined {
  if (fast === reference) return undefined;
  let i = 0;
  while (i < fast.length && fast.charCodeAt(i) === reference.charCodeAt(i)) i++;
  const around = (s: string) => s.slice(Math.max(0, i - 160), i + 80);
  return `first difference at byte ${i} (lengths ${fast.length}, ${reference.length})${unitAt(fast, reference)}\n  fast:      …${around(fast)}…\n  reference: …${around(reference)}…`;
}

/** The first unit whose result differs (its name says which edge it sits on). */
function unitAt(fast: string, reference: string): string {
  try {
    type Units = { units?: { id: string; name: string }[] };
    const [a, b] = [JSON.parse(fast) as Units, JSON.parse(reference) as Units];
    const i = (a.units ?? []).findIndex((u, k) => JSON.stringify(u) !== JSON.stringify(b.units?.[k]));
    const u = a.units?.[i];
    return u ? `, first in unit ${u.id} “${u.name}”` : "";
  } catch {
    return "";
  }
}

const stats = { datasets: 0, scored: 0, thrown: 0, units: 0, comparisons: 0, edgeUnits: 0, edgeKept: 0 };
const perCatalog: Record<string, { datasets: number; units: number; edgeUnits: number; edgeKept: number }> = {};

/**
 * Asserts that both engines give the same bytes for each detail. Returns whether the reference
 * scored (true) or threw (false).
 */
function expectSame(
  catalog: CompiledCatalog,
  data: Data,
  label: string,
  details: readonly Detail[],
  known: Partial<Record<Detail, Outcome>> = {},
): boolean {
  let ok = true;
  for (const detail of details) {
    const fast = outcome(catalog, data, detail, "fast");
    const reference = known[detail] ?? outcome(catalog, data, detail, "reference");
    expect(difference(fast.text, reference.text), `${catalog.id} ${label} (detail ${detail})`).toBeUndefined();
    expect(reference.text.startsWith("internal"), `${catalog.id} ${label}: ${reference.text}`).toBe(false);
    ok = reference.ok;
    stats.comparisons++;
  }
  stats.datasets++;
  stats.units += data.units.length;
  stats[ok ? "scored" : "thrown"]++;
  const c = (perCatalog[catalog.id] ??= { datasets: 0, units: 0, edgeUnits: 0, edgeKept: 0 });
  c.datasets++;
  c.units += data.units.length;
  return ok;
}

// Full detail (every period record and trace) costs most: only on datasets of at most this many units.
const FULL_UNITS = 12;
const detailsFor = (data: Data): Detail[] =>
  data.units.length <= FULL_UNITS ? ["totals", "indicators", "full"] : ["totals", "indicators"];

/**
 * Scores with the reference (totals) until it accepts the dataset, leaving out the units it names
 * in its issues (the units an edge broke), each of which `refused` receives first.
 * @returns The reference's totals outcome of what is left (reused for the comparison), or
 *   undefined when an issue names no unit.
 */
function withoutRefused(catalog: CompiledCatalog, data: Data, refused: (unit: Unit) => void): Outcome | undefined {
  for (let round = 0; round < 4; round++) {
    const reference = outcome(catalog, data, "totals", "reference");
    if (reference.ok) return reference;
    const ids = reference.error?.issues.map((i) => i.where.unit) ?? [undefined];
    if (ids.some((id) => id === undefined)) return undefined;
    for (const u of data.units) if (ids.includes(u.id)) refused(u);
    data.units = data.units.filter((u) => !ids.includes(u.id));
    if (!data.units.length) return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Exact fractions of catalog literals, and values as a dataset writes them
// ---------------------------------------------------------------------------------------------

type Fraction = readonly [bigint, bigint];

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}
function reduce(p: bigint, q: bigint): Fraction {
  const g = gcd(p, q) || 1n;
  return [p / g, q / g];
}
/** A catalog literal ("80%", "4/5", "2.5", 3) as an exact fraction. */
function fraction(literal: string | number): Fraction {
  const s = String(literal).trim();
  if (s.endsWith("%")) {
    const [p, q] = fraction(s.slice(0, -1));
    return reduce(p, q * 100n);
  }
  const slash = s.indexOf("/");
  if (slash >= 0) {
    const [a, b] = fraction(s.slice(0, slash));
    const [c, d] = fraction(s.slice(slash + 1));
    return reduce(a * d, b * c);
  }
  const [whole = "0", frac = ""] = s.split(".");
  return reduce(BigInt(whole + frac), 10n ** BigInt(frac.length));
}
/** The decimal text of p/q when it terminates (q divides a power of 10), else undefined. */
function decimalText([p, q]: Fraction): string | undefined {
  let places = 0;
  while (10n ** BigInt(places) % q !== 0n) if (++places > 60) return undefined;
  const scaled = (p * 10n ** BigInt(places)) / q;
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(places + 1, "0");
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, "") : digits;
  return scaled < 0n ? `-${text}` : text;
}
/** A decimal as a dataset writes it: a JS number when it holds it exactly, else text. */
function written(text: string): Scalar {
  const n = Number(text);
  return String(n) === text || (Number.isSafeInteger(n) && /^-?\d+$/.test(text)) ? n : text;
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// ---------------------------------------------------------------------------------------------
// Where a leaf's value comes from, and writing it into a unit
// ---------------------------------------------------------------------------------------------

type Term =
  | { readonly kind: "own"; readonly field: string; readonly type: string }
  | { readonly kind: "profile"; readonly key: string; readonly type: string }
  | { readonly kind: "ref"; readonly code: string; readonly field: string; readonly type: string };

function termOf(catalog: CompiledCatalog, node: CompiledNode, name: string): Term {
  const spec = node.fieldByName.get(name);
  const from = spec?.from;
  if (!from) return { kind: "own", field: name, type: spec?.type ?? "count" };
  if (from.startsWith("profile.")) {
    const key = from.slice("profile.".length);
    return { kind: "profile", key, type: catalog.profile?.[key]?.type ?? "count" };
  }
  const dot = from.lastIndexOf(".");
  const code = from.slice(0, dot);
  const field = from.slice(dot + 1);
  return { kind: "ref", code, field, type: catalog.nodes.get(code)?.fieldByName.get(field)?.type ?? "count" };
}

const sameTerm = (a: Term, b: Term) => JSON.stringify(a) === JSON.stringify(b);

/** Writes one data field of a leaf in a period (a leaf asking one field is given as a bare value). */
function put(catalog: CompiledCatalog, unit: Unit, period: string, code: string, field: string, value: Scalar): void {
  const node = catalog.nodes.get(code)!;
  const data = (unit.data[period] ??= {});
  if (node.asked.length === 1) data[code] = value;
  else data[code] = { ...(isObject(data[code]) ? data[code] : {}), [field]: value };
}

/**
 * Sets a term's value in a period; another leaf's field starts from the base unit's entry (its
 * other fields stay valid). False when that entry is not there to start from.
 */
function setTerm(catalog: CompiledCatalog, unit: Unit, base: Unit, period: string, node: CompiledNode, t: Term, value: Scalar): boolean {
  if (t.kind === "own") put(catalog, unit, period, node.code, t.field, value);
  else if (t.kind === "profile") unit.profile = { ...unit.profile, [t.key]: value };
  else {
    const target = catalog.nodes.get(t.code);
    if (!target) return false;
    const data = (unit.data[period] ??= {});
    if (target.asked.length > 1 && !isObject(data[t.code])) {
      const given = base.data[period]?.[t.code];
      if (!isObject(given)) return false;
      data[t.code] = { ...given };
    }
    put(catalog, unit, period, t.code, t.field, value);
  }
  return true;
}

/** Smallest step of a field at the places the generator writes: a count 1, a decimal 0.01. */
const stepOf = (type: string): Fraction => (type === "count" ? [1n, 1n] : [1n, 100n]);

const add = (a: Fraction, b: Fraction): Fraction => reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const times = (a: Fraction, k: bigint): Fraction => reduce(a[0] * k, a[1]);

/** A field's value for a term, or undefined when the type cannot hold it (a count must be whole, ≥ 0). */
function valueFor(t: Term, f: Fraction): Scalar | undefined {
  if (f[0] < 0n) return undefined;
  if (t.type === "count") return f[1] === 1n && f[0] <= MAX_SAFE ? Number(f[0]) : undefined;
  const text = decimalText(f);
  return text === undefined ? undefined : written(text);
}

/**
 * Sets a ratio's numerator and denominator sums (the first term of each side takes the sum, the
 * others 0; a term on both sides is shared). False when the split is impossible.
 */
function setRatio(
  catalog: CompiledCatalog,
  unit: Unit,
  base: Unit,
  period: string,
  node: CompiledNode,
  expr: { numerator: readonly string[]; denominator: readonly string[] },
  num: Fraction,
  den: Fraction,
): boolean {
  const n = expr.numerator.map((x) => termOf(catalog, node, x));
  const d = expr.denominator.map((x) => termOf(catalog, node, x));
  const onlyN = n.filter((t) => !d.some((u) => sameTerm(t, u)));
  const onlyD = d.filter((t) => !n.some((u) => sameTerm(t, u)));
  const values = new Map<string, [Term, Fraction]>();
  for (const t of [...n, ...d]) values.set(JSON.stringify(t), [t, [0n, 1n]]);
  const assign = (t: Term | undefined, f: Fraction) => {
    if (!t) return false;
    values.set(JSON.stringify(t), [t, f]);
    return true;
  };
  const shared = n.filter((t) => d.some((u) => sameTerm(t, u)));
  if (!shared.length) {
    if (!assign(n[0], num) || !assign(d[0], den)) return false;
  } else if (!onlyN.length) {
    // numerator ⊆ denominator: a / (a + b).
    const rest = add(den, [-num[0], num[1]]);
    if (!assign(shared[0], num)) return false;
    if (rest[0] !== 0n && !assign(onlyD[0], rest)) return false;
  } else {
    if (!assign(onlyN[0], num) || !assign(onlyD[0], den)) return false;
  }
  for (const [t, f] of values.values()) {
    const v = valueFor(t, f);
    if (v === undefined || !setTerm(catalog, unit, base, period, node, t, v)) return false;
  }
  return true;
}

/** Sets a value expression (a field or a ratio) to exactly `value`, written as num/den = (p·k)/(q·k) (+ `offset` on the numerator). */
function setValue(
  catalog: CompiledCatalog,
  unit: Unit,
  base: Unit,
  period: string,
  node: CompiledNode,
  expr: ValueExpr,
  value: Fraction,
  k: bigint,
  offset: Fraction = [0n, 1n],
): boolean {
  if (typeof expr === "string") {
    const t = termOf(catalog, node, expr);
    const v = valueFor(t, add(value, offset));
    return v !== undefined && setTerm(catalog, unit, base, period, node, t, v);
  }
  return setRatio(catalog, unit, base, period, node, expr, add(times([value[0], 1n], k), offset), [value[1] * k, 1n]);
}

// ---------------------------------------------------------------------------------------------
// The catalogs and their datasets
// ---------------------------------------------------------------------------------------------

const catalogs = listCatalogs()
  .filter((s) => s.scoring !== "structure")
  .map((s) => getCatalog(s.id));

/** Period lists a catalog's cadences allow: quarterly ones also a gap and halves; annual ones [Y]. */
function periodLists(catalog: CompiledCatalog): string[][] {
  if (catalog.leaves.every((n) => n.cadence === "year")) return [["Y"]];
  return [
    ["Q1", "Q2", "Q3", "Q4"],
    ["Q2", "Q4"],
    ["H1", "H2"],
  ];
}

/** A generated dataset in our writable shape. */
function generated(catalog: CompiledCatalog, units: number, seed: number, periods: string[], fill?: number): Data {
  return clone(generateDataset(catalog, { units, seed, periods, ...(fill !== undefined ? { fill } : {}) })) as Data;
}

/** Due periods of a leaf in a period list. */
const duePeriods = (node: CompiledNode, periods: readonly string[]) =>
  periods.filter(
    (p, i) =>
      i === periods.length - 1 ||
      (node.cadence === "quarter" ? true : node.cadence === "half" ? /^(Q2|Q4|H1|H2|Y)$/.test(p) : /^(Q4|H2|Y)$/.test(p)),
  );

/** Value literals of a leaf with the value expression they are compared with. */
function literalsOf(node: CompiledNode): { expr: ValueExpr; literal: string | number; what: string }[] {
  const out: { expr: ValueExpr; literal: string | number; what: string }[] = [];
  const walk = (f: unknown, where: string) => {
    const formula = f as {
      kind?: string;
      value?: ValueExpr;
      threshold?: string | number;
      bands?: Record<string, unknown>[];
      parts?: { formula: unknown }[];
    };
    if (!formula?.kind) return;
    if (formula.kind === "threshold" && formula.value !== undefined && formula.threshold !== undefined)
      out.push({ expr: formula.value, literal: formula.threshold, what: `${where}threshold` });
    if (formula.kind === "bands" && formula.value !== undefined)
      formula.bands?.forEach((b, i) => {
        for (const bound of ["gte", "gt", "lte", "lt", "eq"])
          if (b[bound] !== undefined)
            out.push({ expr: formula.value!, literal: b[bound] as string | number, what: `${where}band ${i + 1} ${bound}` });
      });
    formula.parts?.forEach((p, i) => walk(p.formula, `${where}part ${i + 1} `));
  };
  walk(node.formula, "");
  const criterion = node.criterion;
  if (criterion)
    for (const [level, r] of Object.entries(criterion.requirements)) {
      if (!r) continue;
      if (r.min !== undefined && criterion.value !== undefined)
        out.push({ expr: criterion.value, literal: r.min, what: `level ${level} min` });
      r.anyOf?.forEach((alt, i) => out.push({ expr: alt.value, literal: alt.min, what: `level ${level} alternative ${i + 1}` }));
    }
  // The same literal on the same value once (bands share bounds: lt 50% then gte 50%).
  return [...new Map(out.map((x) => [JSON.stringify([x.expr, String(x.literal)]), x])).values()];
}

/**
 * Leaves scored linearly in one value, with the coefficient: score = value × coefficient (clamped),
 * and the largest value for which that holds (below a threshold).
 */
function linearParts(node: CompiledNode): { expr: ValueExpr; coefficient: Fraction; below?: Fraction; what: string }[] {
  const out: { expr: ValueExpr; coefficient: Fraction; below?: Fraction; what: string }[] = [];
  const walk = (f: unknown, max: string, where: string) => {
    const formula = f as {
      kind?: string;
      value?: ValueExpr;
      points?: string | number;
      threshold?: string | number;
      below?: string;
      parts?: { max: string | number; formula: unknown }[];
    };
    if (!formula?.kind || (formula.value === undefined && formula.kind !== "composite")) return;
    if (formula.kind === "ratio") out.push({ expr: formula.value!, coefficient: fraction(formula.points ?? max), what: `${where}ratio` });
    if (formula.kind === "threshold" && formula.threshold !== undefined) {
      const t = fraction(formula.threshold);
      if (formula.below === "literal") out.push({ expr: formula.value!, coefficient: fraction(max), below: t, what: `${where}literal` });
      if (formula.below === "proportional" && t[0] !== 0n)
        out.push({
          expr: formula.value!,
          coefficient: reduce(fraction(max)[0] * t[1], fraction(max)[1] * t[0]),
          below: t,
          what: `${where}proportional`,
        });
    }
    formula.parts?.forEach((p, i) => walk(p.formula, String(p.max), `${where}part ${i + 1} `));
  };
  walk(node.formula, node.maxText, "");
  return out;
}

/** One unit built to sit on an edge. */
interface EdgeUnit {
  readonly unit: Unit;
  readonly what: string;
}

/**
 * Edge units of a catalog for a period list: thresholds, band bounds and level minima (base unit
 * clones with one leaf moved onto the edge), midpoints (the leaf alone), perItem caps, absent
 * fields, n/a and markers, many decimal places.
 */
function edgeUnits(catalog: CompiledCatalog, periods: string[], bases: readonly Unit[], scope: "all" | "midpoints"): EdgeUnit[] {
  const out: EdgeUnit[] = [];
  let serial = 0;
  const make = (base: Unit, what: string, empty: boolean): Unit => {
    const unit = clone(base);
    unit.id = `e${String(++serial).padStart(4, "0")}`;
    unit.name = `Biên ${serial}: ${what}`;
    if (empty) unit.data = {};
    delete unit.appraisal;
    return unit;
  };
  const baseFor = (i: number) => bases[i % bases.length]!;

  catalog.leaves.forEach((node, li) => {
    if (node.unscored) return;
    const due = duePeriods(node, periods);
    const base = baseFor(li);
    const edge = (what: string, empty: boolean, set: (unit: Unit, period: string, index: number) => boolean) => {
      const unit = make(base, `${node.code} ${what}`, empty);
      if (empty) for (const p of due) delete unit.data[p]?.[node.code];
      if (due.every((p, i) => set(unit, p, i))) out.push({ unit, what: `${node.code} ${what}` });
    };

    // Thresholds, band bounds, level minima: at, below and above, at several magnitudes.
    for (const { expr, literal, what } of scope === "all" ? literalsOf(node) : []) {
      const f = fraction(literal);
      if (typeof expr === "string") {
        const type = termOf(catalog, node, expr).type;
        const steps: Fraction[] =
          type === "count"
            ? [[1n, 1n]]
            : [
                [1n, 100n],
                [1n, 1_000_000_000n],
              ];
        edge(`${what} = ${literal}`, false, (u, p) => setValue(catalog, u, base, p, node, expr, f, 1n));
        for (const s of steps) {
          edge(`${what} ${literal} − ${decimalText(s)}`, false, (u, p) => setValue(catalog, u, base, p, node, expr, f, 1n, [-s[0], s[1]]));
          edge(`${what} ${literal} + ${decimalText(s)}`, false, (u, p) => setValue(catalog, u, base, p, node, expr, f, 1n, s));
        }
      } else {
        const numType = termOf(catalog, node, expr.numerator[0]!).type;
        const step = stepOf(numType);
        // b = q·k for k = 1 (small counts), about a million, and b just below 2^53.
        const huge = MAX_SAFE / f[1];
        edge(`${what} = ${literal} (k 1000003)`, false, (u, p) => setValue(catalog, u, base, p, node, expr, f, 1_000_003n));
        for (const k of [1n, huge]) {
          edge(`${what} = ${literal} (k ${k})`, false, (u, p) => setValue(catalog, u, base, p, node, expr, f, k));
          edge(`${what} ${literal} − 1 step (k ${k})`, false, (u, p) =>
            setValue(catalog, u, base, p, node, expr, f, k, [-step[0], step[1]]),
          );
          edge(`${what} ${literal} + 1 step (k ${k})`, false, (u, p) => setValue(catalog, u, base, p, node, expr, f, k, step));
        }
      }
    }

    // Ratio values 0, 1 and zero denominators.
    for (const r of scope === "all" ? node.ratios : []) {
      edge(`${r.numerator.join("+")}/${r.denominator.join("+")} = 0`, false, (u, p) =>
        setRatio(catalog, u, base, p, node, r, [0n, 1n], [7n, 1n]),
      );
      edge(`${r.numerator.join("+")}/${r.denominator.join("+")} = 1`, false, (u, p) =>
        setRatio(catalog, u, base, p, node, r, [12345n, 1n], [12345n, 1n]),
      );
      if (node.zeroDenominator !== "error")
        edge(`${r.numerator.join("+")}/${r.denominator.join("+")} = 0/0`, false, (u, p) =>
          setRatio(catalog, u, base, p, node, r, [0n, 1n], [0n, 1n]),
        );
    }

    // Rounding midpoints: the leaf alone, its score (= the unit total) exactly m + 0.0000005.
    if (catalog.scoring === "points")
      for (const { expr, coefficient, below, what } of linearParts(node)) {
        const max = coefficient;
        for (const m of [0n, max[0] / max[1] / 3n]) {
          const target: Fraction = reduce(m * 10_000_000n + 5n, 10_000_000n);
          const value = reduce(target[0] * coefficient[1], target[1] * coefficient[0]);
          if (below && value[0] * below[1] >= below[0] * value[1]) continue;
          if (typeof expr !== "string" && value[0] > value[1] && node.proportions.length) continue;
          edge(`${what} midpoint ${decimalText(target)}`, true, (u, p) => setValue(catalog, u, base, p, node, expr, value, 1n));
          if (typeof expr !== "string") {
            // One numerator unit off the midpoint with the denominator near 2^53: within ~1e-15 of it.
            const k = MAX_SAFE / value[1];
            for (const side of [-1n, 1n])
              edge(`${what} midpoint ${decimalText(target)} ${side < 0n ? "−" : "+"} 1/${value[1] * k}`, true, (u, p) =>
                setValue(catalog, u, base, p, node, expr, value, k, [side, 1n]),
              );
          }
        }
        // Mean of D due periods: the first holds D × 0.0000005, the others 0.
        if (node.annualRule === "mean" && due.length > 1 && typeof expr !== "string") {
          const target: Fraction = reduce(5n * BigInt(due.length), 10_000_000n);
          const value = reduce(target[0] * coefficient[1], target[1] * coefficient[0]);
          edge(`${what} mean of ${due.length} periods = 0.0000005`, true, (u, p, i) =>
            setValue(catalog, u, base, p, node, expr, i === 0 ? value : [0n, 1n], i === 0 ? 1n : value[1]),
          );
        }
      }

    // perItem: counts at the cap, one item below and above; checklist/perItem fields left out.
    const f = node.formula as { kind?: string; items?: Record<string, { points?: string | number }>; cap?: string | number } | undefined;
    if (scope === "all" && f?.kind === "perItem" && f.items) {
      const [name, item] = Object.entries(f.items)[0]!;
      const cap = fraction(f.cap ?? node.maxText);
      const points = fraction(item.points ?? 1);
      const at = (cap[0] * points[1]) / (cap[1] * points[0]);
      for (const n of [at - 1n, at, at + 1n])
        if (n >= 0n)
          edge(`perItem ${name} = ${n} (cap ${node.maxText})`, false, (u, p) => (put(catalog, u, p, node.code, name, Number(n)), true));
    }
    if (scope === "all" && node.fields.some((x) => x.absentAs !== undefined)) {
      edge("every field left out", false, (u, p) => (((u.data[p] ??= {})[node.code] = {}), true));
      const first = node.asked[0];
      if (first && node.asked.length > 1)
        edge(`only ${first.name} given`, false, (u, p) => {
          const e = u.data[p]?.[node.code];
          (u.data[p] ??= {})[node.code] = {
            [first.name]: isObject(e) && e[first.name] !== undefined ? e[first.name]! : first.type === "boolean" ? true : 1,
          };
          return true;
        });
    }
  });

  if (scope === "midpoints") return out;
  // Whole-unit edges: everything n/a, "không áp dụng", missing markers, no data, many decimals.
  const base = baseFor(0);
  const every = (what: string, value: (node: CompiledNode, i: number) => Entry | undefined) => {
    const unit = make(base, what, true);
    catalog.leaves.forEach((node, i) => {
      for (const p of duePeriods(node, periods)) {
        const v = value(node, i);
        if (v !== undefined) (unit.data[p] ??= {})[node.code] = v;
      }
    });
    out.push({ unit, what });
  };
  every("every indicator n/a", () => "n/a");
  every("every indicator “không áp dụng”", () => "Không áp dụng");
  every("every other indicator NA / #N/A (missing, warned)", (_n, i) => (i % 2 ? "NA" : "#N/A"));
  every("half n/a, half from the base unit", (node, i) => (i % 2 ? "n/a" : base.data[periods[periods.length - 1]!]?.[node.code]));
  out.push({ unit: make(base, "no data at all", true), what: "no data" });
  const thirds = make(base, "decimal fields × 0.333333333", false);
  for (const [p, entries] of Object.entries(thirds.data))
    for (const [code, e] of Object.entries(entries)) {
      const node = catalog.nodes.get(code);
      if (!node) continue;
      const scale = (name: string, v: Scalar): Scalar => {
        const type = node.fieldByName.get(name)?.type;
        if (typeof v !== "number" || type === "count" || type === undefined) return v;
        return written(((v * 333_333_333) / 1e9).toFixed(9).replace(/\.?0+$/, "") || "0");
      };
      if (isObject(e)) entries[code] = Object.fromEntries(Object.entries(e).map(([k, v]) => [k, scale(k, v)]));
      else if (node.asked.length === 1) entries[code] = scale(node.asked[0]!.name, e);
      void p;
    }
  out.push({ unit: thirds, what: "decimal fields × 0.333333333" });
  for (const node of catalog.leaves)
    for (const spec of node.asked)
      if (spec.type === "share")
        for (const v of ["0.333333333", "0.14285714285714285714", 0.1 + 0.2]) {
          const unit = make(base, `${node.code}.${spec.name} = ${v}`, false);
          for (const p of duePeriods(node, periods)) put(catalog, unit, p, node.code, spec.name, typeof v === "number" ? v : v);
          out.push({ unit, what: `${node.code}.${spec.name} = ${v}` });
        }
  return out;
}

/** Relative-formula datasets: ties on the best, all equal, all zero, a zero denominator, a midpoint through the best. */
function relativeDatasets(catalog: CompiledCatalog, data: Data): { label: string; data: Data }[] {
  const out: { label: string; data: Data }[] = [];
  for (const node of catalog.leaves) {
    const f = node.formula as { kind?: string; value?: ValueExpr; mode?: string } | undefined;
    if (f?.kind !== "relative" || f.value === undefined) continue;
    const expr = f.value;
    const proportion = typeof expr !== "string" && node.proportions.length > 0;
    const best: Fraction = proportion ? [1n, 1n] : typeof expr === "string" ? [1_000_000_000n, 1n] : [1000n, 1n];
    const variant = (label: string, value: (i: number) => Fraction | "zero" | undefined) => {
      const d = clone(data);
      d.units.forEach((u, i) => {
        const v = value(i);
        if (v === undefined) return;
        for (const p of duePeriods(node, d.periods)) {
          if (v === "zero" && typeof expr !== "string") setRatio(catalog, u, data.units[i]!, p, node, expr, [0n, 1n], [0n, 1n]);
          // b = 10^6 · q: other leaves reading this denominator (from: "4.3.b") keep their numerators below it.
          else if (v !== "zero") setValue(catalog, u, data.units[i]!, p, node, expr, v, typeof expr === "string" ? 1n : 1_000_000n);
        }
      });
      out.push({ label: `${node.code} (${f.mode}) ${label}`, data: d });
    };
    variant("two units tied on the best", (i) => (i < 2 ? best : undefined));
    variant("every unit equal (1/3)", () => (typeof expr === "string" ? [333n, 1n] : [1n, 3n]));
    variant("every unit 0", () => [0n, 1n]);
    if (typeof expr !== "string" && node.zeroDenominator !== "error")
      variant("a zero denominator beside a tie", (i) => (i === 0 ? "zero" : i < 3 ? best : undefined));
    // value / best × max = 0.0000005: best = 2·10^6 · max × value.
    const max = fraction(node.maxText);
    const small: Fraction = typeof expr === "string" ? [1n, 1n] : reduce(max[1], 2_000_000n * max[0]);
    const top: Fraction = typeof expr === "string" ? reduce(2_000_000n * max[0], max[1]) : [1n, 1n];
    if (top[1] === 1n) variant("a unit at 0.0000005 of max through the best", (i) => (i === 0 ? top : i === 1 ? small : [0n, 1n]));
  }
  return out;
}

/**
 * An appraisal of a unit: over every third leaf it gives, the opposite yes/no, another option,
 * half of each numerator (denominators as given).
 */
function appraisalOf(catalog: CompiledCatalog, unit: Unit): Record<string, PeriodData> {
  // Fields other leaves read (from: "5.8.1.a") stay as given: halving one could leave another
  // leaf's numerator above it.
  const read = new Set(catalog.leaves.flatMap((n) => n.fields.flatMap((f) => (f.from && !f.from.startsWith("profile.") ? [f.from] : []))));
  const out: Record<string, PeriodData> = {};
  for (const [period, entries] of Object.entries(unit.data)) {
    const appraised: PeriodData = {};
    Object.entries(entries).forEach(([code, e], j) => {
      const node = catalog.nodes.get(code);
      if (!node || j % 3 !== 0) return;
      const numerators = new Set(node.ratios.flatMap((r) => r.numerator.filter((n) => !r.denominator.includes(n))));
      const change = (name: string, v: Scalar): Scalar => {
        const spec = node.fieldByName.get(name);
        if (typeof v === "boolean") return !v;
        if (spec?.type === "option" && spec.options?.length)
          return spec.options[(spec.options.indexOf(String(v)) + 1) % spec.options.length]!;
        if (typeof v === "number" && numerators.has(name) && !read.has(`${code}.${name}`))
          return spec?.type === "count" ? Math.floor(v / 2) : Math.floor(v * 50) / 100;
        return v;
      };
      if (isObject(e)) appraised[code] = Object.fromEntries(Object.entries(e).map(([k, v]) => [k, change(k, v)]));
      else if (e !== "n/a" && node.asked.length === 1) appraised[code] = change(node.asked[0]!.name, e);
      else appraised[code] = e;
    });
    out[period] = appraised;
  }
  return out;
}

/** Kon Tum huyện with communes of its child catalog linked by `parent`. */
function withChildren(catalog: CompiledCatalog, seed: number): Data {
  const data = generated(catalog, 3, seed, ["Y"]);
  const child = getCatalog(catalog.childCatalog!);
  const communes = generated(child, 7, seed + 50, ["Y"]).units.map((u, i) => ({
    ...u,
    id: `x${u.id}`,
    catalog: child.id,
    parent: data.units[i % data.units.length]!.id,
  }));
  return { ...data, units: [...data.units, ...communes] };
}

/** Invalid variants of a small dataset: each one defect, then all at once. */
function invalidDatasets(catalog: CompiledCatalog, data: Data): { label: string; data: Data }[] {
  const out: { label: string; data: Data }[] = [];
  const last = data.periods[data.periods.length - 1]!;
  const find = (test: (node: CompiledNode) => boolean) =>
    catalog.leaves.find((n) => test(n) && isObject(data.units[1]!.data[last]?.[n.code]));
  const changes: ((d: Data) => boolean)[] = [];
  const variant = (label: string, change: (d: Data) => boolean) => {
    const d = clone(data);
    if (!change(d)) return;
    out.push({ label, data: d });
    changes.push(change);
  };
  const countNode = find((n) => n.asked.length > 1 && n.asked.some((f) => f.type === "count"));
  const countField = countNode?.asked.find((f) => f.type === "count")?.name;
  const setField = (d: Data, unit: number, code: string | undefined, field: string | undefined, v: Scalar) => {
    if (!code || !field) return false;
    const e = d.units[unit]!.data[last]?.[code];
    if (!isObject(e)) return false;
    e[field] = v;
    return true;
  };
  variant("a negative count", (d) => setField(d, 1, countNode?.code, countField, -1));
  variant("a fractional count", (d) => setField(d, 1, countNode?.code, countField, 1.5));
  variant("text for a number", (d) => setField(d, 2, countNode?.code, countField, "mười"));
  variant("an unknown field", (d) => setField(d, 0, countNode?.code, "zz", 1));
  variant("a missing required field", (d) => {
    const e = countNode && d.units[1]!.data[last]?.[countNode.code];
    if (!isObject(e) || !countField || countNode.fields.find((f) => f.name === countField)?.absentAs !== undefined) return false;
    delete e[countField];
    return true;
  });
  variant("an unknown indicator code", (d) => (((d.units[0]!.data[last] ??= {})["99.99"] = 1), true));
  variant("an unknown period", (d) => ((d.units[0]!.data["Q5"] = {}), true));
  variant("a duplicate unit id", (d) => (d.units.push({ ...clone(d.units[0]!), name: "Trùng mã" }), true));
  variant("a parent that does not exist", (d) => ((d.units[1]!.parent = "khong-co"), true));
  const share = catalog.leaves.find((n) => n.asked.some((f) => f.type === "share"));
  if (share)
    variant("a share above 1", (d) => {
      for (const p of duePeriods(share, d.periods))
        put(catalog, d.units[0]!, p, share.code, share.asked.find((f) => f.type === "share")!.name, 1.5);
      return true;
    });
  const choice = catalog.leaves.find((n) => n.asked.some((f) => f.type === "option"));
  if (choice)
    variant("an unknown option", (d) => {
      for (const p of duePeriods(choice, d.periods))
        put(catalog, d.units[2]!, p, choice.code, choice.asked.find((f) => f.type === "option")!.name, "bogus");
      return true;
    });
  const proportion = catalog.leaves.find(
    (n) => n.proportions.some((r) => r.numerator.length === 1 && r.denominator.length === 1) && n.asked.length === n.fields.length,
  );
  if (proportion) {
    const r = proportion.proportions.find((x) => x.numerator.length === 1 && x.denominator.length === 1)!;
    variant(`numerator > denominator (${proportion.code})`, (d) =>
      duePeriods(proportion, d.periods).every((p) => setRatio(catalog, d.units[1]!, data.units[1]!, p, proportion, r, [9n, 1n], [4n, 1n])),
    );
  }
  const strict = catalog.leaves.find((n) => n.zeroDenominator === "error" && n.ratios.length);
  if (strict)
    variant(`zero denominator under policy error (${strict.code})`, (d) =>
      duePeriods(strict, d.periods).every((p) =>
        setRatio(catalog, d.units[0]!, data.units[0]!, p, strict, strict.ratios[0]!, [0n, 1n], [0n, 1n]),
      ),
    );
  // Every defect at once, in one dataset: the same list, in the same order, from both engines.
  const all = clone(data);
  for (const change of changes) change(all);
  out.push({ label: "every defect at once", data: all });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe("the comparison itself", () => {
  it("finds a difference in one byte of a total (and none in equal outputs)", () => {
    const c = getCatalog("dong-nai-2023/so");
    const d = generated(c, 3, 1, ["Q1", "Q2", "Q3", "Q4"]);
    const a = outcome(c, d, "totals", "reference").text;
    expect(difference(a, outcome(c, d, "totals", "reference").text)).toBeUndefined();
    const total = (JSON.parse(a) as { units: { total: string }[] }).units[0]!.total;
    const changed = a.replace(`"total":"${total}"`, `"total":"${total.slice(0, -1)}${total.endsWith("1") ? "2" : "1"}"`);
    expect(changed).not.toBe(a);
    expect(difference(changed, a)).toMatch(/^first difference at byte \d+/);
  });
  it("the edge fractions are exact (Đồng Nai 2.5%: 1/40; a midpoint of max 30: 1/60000000)", () => {
    expect(fraction("2.5%")).toEqual([1n, 40n]);
    expect(fraction("4/5")).toEqual([4n, 5n]);
    expect(decimalText(reduce(5n, 10_000_000n))).toBe("0.0000005");
    expect(reduce(5n * 1n, 10_000_000n * 30n)).toEqual([1n, 60_000_000n]);
  });
});

describe.each(catalogs.map((c) => [c.id, c] as const))("%s: fast path = reference, byte for byte", (_id, catalog) => {
  const lists = periodLists(catalog);

  it("random datasets (several seeds and period lists, missing entries, appraisals, profiles, a cloned unit)", () => {
    let scored = 0;
    for (const periods of lists)
      for (const seed of [1, 2, 3]) {
        const data = catalog.childCatalog
          ? withChildren(catalog, seed)
          : generated(catalog, 5, seed, periods, seed === 3 ? 0.7 : undefined);
        if (seed === 2) {
          // A second assessment (appraisal) for some units over a third of the leaves, and one
          // identical to the self-assessment (difference 0).
          data.units.forEach((u, i) => {
            if (i % 2 === 0 && (u.catalog === undefined || u.catalog === catalog.id)) u.appraisal = appraisalOf(catalog, u);
          });
          data.units[1]!.appraisal = clone(data.units[1]!.data);
        }
        // Equal totals share a rank.
        data.units.push({ ...clone(data.units[0]!), id: "twin", name: "Sinh đôi" });
        // An appraisal the reference refuses (it breaks a proportion read across leaves) is dropped.
        for (let round = 0; round < 4; round++) {
          const reference = outcome(catalog, data, "totals", "reference");
          const ids = reference.error?.issues.map((x) => x.where.unit) ?? [];
          const appraised = data.units.filter((u) => ids.includes(u.id) && u.appraisal && u.id !== data.units[1]!.id);
          if (!appraised.length) break;
          for (const u of appraised) delete u.appraisal;
        }
        if (seed === 2) expect(data.units.filter((u) => u.appraisal).length, "units keeping an appraisal").toBeGreaterThanOrEqual(2);
        if (expectSame(catalog, data, `seed ${seed} periods ${periods.join(",")}`, detailsFor(data))) scored++;
      }
    // Generated datasets are valid: every one of them is scored, not refused.
    expect(scored).toBe(lists.length * 3);
  });

  it("edge units: thresholds, band bounds, level minima, ratios 0 / 1 / 0⁄0, rounding midpoints, caps, n/a, many decimals", () => {
    // Every edge with the first period list; the rounding midpoints (means of D periods) with each.
    lists.forEach((periods, li) => {
      const generatedBases = generated(catalog, 4, 7, periods);
      const bases = generatedBases.units;
      const edges = edgeUnits(catalog, periods, bases, li === 0 ? "all" : "midpoints");
      // Batches of edge units beside two base units (peers for relative formulas, ranks).
      const BATCH = 30;
      let kept = 0;
      for (let i = 0; i < edges.length; i += BATCH) {
        const batch = edges.slice(i, i + BATCH);
        const data: Data = {
          catalog: catalog.id,
          year: generatedBases.year,
          periods,
          units: [...bases.slice(0, 2), ...batch.map((e) => e.unit)],
        };
        const label = `edge batch ${i / BATCH + 1} (${periods.join(",")})`;
        // The units the reference refuses are left out of the batch, each compared alone (same error).
        const totals = withoutRefused(catalog, data, (unit) =>
          expect(expectSame(catalog, { ...data, units: [unit] }, `refused edge ${unit.name}`, ["totals"])).toBe(false),
        );
        if (!totals) {
          expectSame(catalog, data, `${label} (refused as a whole)`, ["totals"]);
          continue;
        }
        kept += data.units.filter((u) => !bases.includes(u)).length;
        // Full detail (traces) on the first batch of each list.
        const details: Detail[] = ["totals", "indicators", ...(i === 0 ? (["full"] as const) : [])];
        expectSame(catalog, data, label, details, { totals });
      }
      const c = (perCatalog[catalog.id] ??= { datasets: 0, units: 0, edgeUnits: 0, edgeKept: 0 });
      c.edgeUnits += edges.length;
      c.edgeKept += kept;
      stats.edgeUnits += edges.length;
      stats.edgeKept += kept;
      // Most edges are valid data: the comparison is mostly of scores, not of errors.
      expect(kept, `${catalog.id} ${periods.join(",")}: ${kept} of ${edges.length} edge units scored`).toBeGreaterThan(edges.length * 0.6);
    });
  });

  it("relative formulas: ties on the best, all equal, all zero, a zero denominator, a midpoint through the best", () => {
    const data = generated(catalog, 4, 11, lists[0]!);
    const variants = relativeDatasets(catalog, data);
    for (const v of variants) {
      // A unit whose change breaks a leaf reading this one (Nghĩa Phương 4.4 reads 4.3.b) is compared alone.
      const totals = withoutRefused(catalog, v.data, (unit) =>
        expect(expectSame(catalog, { ...v.data, units: [unit] }, `${v.label}: refused ${unit.id}`, ["totals"])).toBe(false),
      );
      expect(totals?.ok, v.label).toBe(true);
      expect(v.data.units.length, v.label).toBeGreaterThanOrEqual(3);
      expectSame(catalog, v.data, v.label, ["totals", "indicators", "full"], totals ? { totals } : {});
    }
  });

  it("many decimals and numbers as text (numberFormat vi), the same data as numbers", () => {
    const data = generated(catalog, 4, 13, lists[0]!);
    const text: Data = { ...clone(data), numberFormat: "vi" };
    for (const u of text.units)
      for (const entries of Object.values(u.data))
        for (const [code, e] of Object.entries(entries)) {
          // 72,5 and 1.234,56 (thousands grouped with dots); whole numbers stay numbers.
          const vi = (v: Scalar) => {
            if (typeof v !== "number" || Number.isInteger(v)) return v;
            const [whole = "", frac = ""] = String(v).split(".");
            return `${whole.replace(/\B(?=(\d{3})+$)/g, ".")},${frac}`;
          };
          entries[code] = isObject(e) ? Object.fromEntries(Object.entries(e).map(([k, v]) => [k, vi(v)])) : vi(e);
        }
    expect(expectSame(catalog, text, "numbers as vi text", ["totals", "indicators", "full"])).toBe(true);
  });

  it("invalid datasets: the same error class and issues (codes, places, paths, messages)", () => {
    const data = catalog.childCatalog ? withChildren(catalog, 5) : generated(catalog, 3, 5, lists[0]!);
    const variants = invalidDatasets(catalog, data);
    expect(variants.length).toBeGreaterThanOrEqual(8);
    for (const v of variants) expect(expectSame(catalog, v.data, `invalid: ${v.label}`, ["totals", "full"]), v.label).toBe(false);
  });
});

describe("with the previous year's result (inputs marked previous: improvement, Đồng Nai Sở 9.1)", () => {
  it("score(…, { previous }) gives the same bytes from both engines, each fed its own previous result", () => {
    const catalog = getCatalog("dong-nai-2023/so");
    const periods = ["Q1", "Q2", "Q3", "Q4"];
    const before = { ...generated(catalog, 5, 21, periods), year: 2023 };
    const after = generated(catalog, 5, 22, periods);
    // 9.1 not reported by three units: derived from the improvement of their totals.
    for (const u of after.units.slice(0, 3)) for (const p of periods) delete u.data[p]?.["9.1"];
    for (const detail of ["totals", "indicators", "full"] as const) {
      const previous = {
        fast: score(catalog, clone(before) as DatasetInput, { detail, engine: "fast" }),
        reference: score(catalog, clone(before) as DatasetInput, { detail, engine: "reference" }),
      };
      const run = (engine: "fast" | "reference") =>
        JSON.stringify(score(catalog, clone(after) as DatasetInput, { detail, engine, previous: previous[engine] }));
      const reference = run("reference");
      expect(difference(run("fast"), reference), `previous (detail ${detail})`).toBeUndefined();
      // The derivation happened: its notes are among the warnings.
      expect(reference).toContain("derivedFromPrevious");
    }
  });
});

afterAll(() => {
  if (process.env["DTI_IDENTITY_STATS"]) console.info(JSON.stringify({ ...stats, perCatalog }, null, 1));
});
