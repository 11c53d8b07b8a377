// Property tests over every built-in catalog (issue "Production quality", part 2).
//
// Valid datasets are generated from the compiled catalog itself: each leaf's fields
// (compileCatalog(catalog).leaves[].fields) by type, the catalog's profile, "n/a" and omitted
// indicators, optional appraisals. Proportions (numerator ≤ denominator, with `from`
// references resolved, composite parts and level alternatives included) are then repaired to a
// fixpoint, in each view the engine checks: the self-assessment, the appraisal alone, and the
// appraisal over the self-assessment. Invalid datasets are valid ones with one defect.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, ZERO } from "../src/_decimal.js";
import {
  CatalogError,
  DatasetError,
  DtiError,
  compileCatalog,
  getCatalog,
  listCatalogs,
  score,
  type CompiledCatalog,
  type CompiledNode,
  type CriterionResult,
  type DatasetInput,
  type Formula,
  type ScoreResult,
  type UnitResult,
} from "../src/index.js";
import type { FieldSpec } from "../src/formulas/_types.js";
import { asLevels, asPoints, pointsUnits } from "./_units.js";

// Bounded so that the whole file runs well under 60 s on 2 cores; DTI_PROPERTY_SCALE=10 runs
// ten times as many cases (a longer local soak), FC_SEED replays a failure's seed.
const SCALE = Number(process.env["DTI_PROPERTY_SCALE"] ?? 1) || 1;
const RUNS = Object.fromEntries(
  Object.entries({ valid: 30, monotone: 30, invalid: 60, levels: 30, garbage: 150 }).map(([k, n]) => [k, Math.ceil(n * SCALE)]),
) as Record<"valid" | "monotone" | "invalid" | "levels" | "garbage", number>;
if (process.env["FC_SEED"]) fc.configureGlobal({ seed: Number(process.env["FC_SEED"]) });

// ---------------------------------------------------------------------------------------------
// The model of a catalog: what a unit gives, and the proportions that must hold.
// ---------------------------------------------------------------------------------------------

type Scalar = number | boolean | string;
type Entry = "n/a" | Record<string, Scalar>;
/** period → code → entry. */
type Data = Record<string, Record<string, Entry>>;
/** A data location: `profile|key` or `code|field`. */
type Key = string;

interface Ratio {
  readonly node: string;
  readonly num: readonly Key[];
  readonly den: readonly Key[];
  readonly proportion: boolean;
  /** Zero-denominator policy `error`: the denominator must not be 0. */
  readonly positive: boolean;
}

interface Model {
  readonly catalog: CompiledCatalog;
  readonly cc: CompiledCatalog;
  /** Leaves and the fields the unit gives (no `from`). */
  readonly leaves: readonly { node: CompiledNode; asked: readonly FieldSpec[] }[];
  readonly profile: readonly { key: string; type: FieldSpec["type"] }[];
  readonly ratios: readonly Ratio[];
  /** Every key a node reads (all its fields resolved), by node code. */
  readonly reads: ReadonlyMap<string, readonly Key[]>;
  readonly typeOf: ReadonlyMap<Key, FieldSpec["type"]>;
}

/** Whether a formula (or one of its composite parts) compares units with each other. */
function isRelative(f: Formula | undefined): boolean {
  if (!f) return false;
  if (f.kind === "relative") return true;
  return f.kind === "composite" && f.parts.some((p) => isRelative(p.formula as Formula));
}

function keyOf(node: CompiledNode, name: string): Key {
  const spec = node.fieldByName.get(name);
  if (spec?.from?.startsWith("profile.")) return `profile|${spec.from.slice("profile.".length)}`;
  if (spec?.from) {
    const dot = spec.from.lastIndexOf(".");
    return `${spec.from.slice(0, dot)}|${spec.from.slice(dot + 1)}`;
  }
  return `${node.code}|${name}`;
}

const models = new Map<string, Model>();
function modelOf(id: string): Model {
  const hit = models.get(id);
  if (hit) return hit;
  const catalog = getCatalog(id);
  const cc = compileCatalog(catalog);
  const leaves = cc.leaves.map((node) => ({ node, asked: node.fields.filter((f) => !f.from) }));
  const typeOf = new Map<Key, FieldSpec["type"]>();
  for (const { node, asked } of leaves) for (const f of asked) typeOf.set(`${node.code}|${f.name}`, f.type);
  const profile = Object.entries(catalog.profile ?? {}).map(([key, p]) => ({ key, type: p.type }));
  for (const p of profile) typeOf.set(`profile|${p.key}`, p.type);
  const ratios: Ratio[] = [];
  const reads = new Map<string, Key[]>();
  for (const { node } of leaves) {
    reads.set(
      node.code,
      node.fields.map((f) => keyOf(node, f.name)),
    );
    for (const e of node.ratios) {
      ratios.push({
        node: node.code,
        num: e.numerator.map((n) => keyOf(node, n)),
        den: e.denominator.map((n) => keyOf(node, n)),
        proportion: e.proportion,
        positive: node.zeroDenominator === "error",
      });
    }
  }
  const m: Model = { catalog, cc, leaves, profile, ratios, reads, typeOf };
  models.set(id, m);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Valid datasets
// ---------------------------------------------------------------------------------------------

const PERIOD_SETS = [["Y"], ["H1", "H2"], ["Q1", "Q2", "Q3", "Q4"], ["Q1", "Q2"], ["Q4"]] as const;

const countArb = fc.oneof(fc.nat({ max: 12 }), fc.nat({ max: 5000 }));
const amountArb = fc.oneof(
  fc.nat({ max: 20 }),
  fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100),
);

function valueArb(spec: Pick<FieldSpec, "type" | "options">): fc.Arbitrary<Scalar> {
  switch (spec.type) {
    case "count":
      return countArb;
    case "number":
    case "amount":
      return amountArb;
    case "share":
      return fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
    case "percent":
      return fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);
    case "boolean":
      return fc.boolean();
    case "option":
      return fc.constantFrom(...(spec.options ?? ["?"]));
    case "text":
      return fc.string({ maxLength: 20 });
  }
}

/** One leaf's entry: mostly fields, sometimes "n/a" or omitted (undefined). */
function entryArb(asked: readonly FieldSpec[]): fc.Arbitrary<Entry | undefined> {
  const fields = fc.record(
    Object.fromEntries(
      asked.map((f) => [f.name, f.absentAs !== undefined ? fc.option(valueArb(f), { nil: undefined, freq: 4 }) : valueArb(f)]),
    ),
  ) as fc.Arbitrary<Record<string, Scalar | undefined>>;
  const present = fields.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Record<string, Scalar>);
  return fc.oneof(
    { arbitrary: present, weight: 12 },
    { arbitrary: fc.constant("n/a" as const), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

function dataArb(m: Model, periods: readonly string[], partial: boolean): fc.Arbitrary<Data> {
  const period = fc.tuple(...m.leaves.map((l) => entryArb(l.asked)), fc.double({ min: 0, max: 1, noNaN: true })).map((xs) => {
    const keep = xs.pop() as number;
    const out: Record<string, Entry> = {};
    m.leaves.forEach((l, i) => {
      const e = xs[i] as Entry | undefined;
      // An appraisal gives only some indicators.
      if (e !== undefined && (!partial || (i * 7919) % 100 < keep * 100)) out[l.node.code] = e;
    });
    return out;
  });
  return fc.tuple(...periods.map(() => fc.option(period, { nil: undefined, freq: partial ? 2 : 8 }))).map((ps) => {
    const d: Data = {};
    periods.forEach((p, i) => {
      const v = ps[i];
      if (v) d[p] = v;
    });
    return d;
  });
}

interface UnitPlan {
  id: string;
  profile: Record<string, Scalar>;
  data: Data;
  appraisal?: Data;
  /** Target of a repaired proportion, as a fraction of its denominator. */
  frac: number;
  /** Write numbers as text ("12.5", Vietnamese "12,5"): accepted with a warning. */
  asText: boolean;
  registered?: number;
}

function unitArb(m: Model, periods: readonly string[], i: number, opts: { appraisal: boolean }): fc.Arbitrary<UnitPlan> {
  const profileArb = fc.record(Object.fromEntries(m.profile.map((p) => [p.key, valueArb(p)]))) as fc.Arbitrary<Record<string, Scalar>>;
  return fc
    .record({
      profile: profileArb,
      data: dataArb(m, periods, false),
      appraisal: opts.appraisal ? fc.option(dataArb(m, periods, true), { nil: undefined, freq: 3 }) : fc.constant(undefined),
      frac: fc.double({ min: 0, max: 1, noNaN: true }),
      asText: fc.boolean().map((b) => b && i % 3 === 1),
      registered: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map((u) => {
      const plan: UnitPlan = { id: `u${i}`, profile: u.profile, data: u.data, frac: u.frac, asText: u.asText };
      if (u.appraisal) plan.appraisal = u.appraisal;
      if (u.registered !== undefined) plan.registered = u.registered;
      return plan;
    });
}

/** The data the engine sees in each view (self alone, appraisal alone, appraisal over self). */
type View = (period: string, code: string) => Entry | undefined;
function viewsOf(u: UnitPlan): View[] {
  const self: View = (p, c) => u.data[p]?.[c];
  if (!u.appraisal) return [self];
  const a = u.appraisal;
  return [self, (p, c) => a[p]?.[c], (p, c) => a[p]?.[c] ?? u.data[p]?.[c]];
}

function getKey(u: UnitPlan, view: View, period: string, key: Key): Dec | undefined {
  const [owner, field] = key.split("|") as [string, string];
  const raw =
    owner === "profile"
      ? u.profile[field]
      : (() => {
          const e = view(period, owner);
          return e && e !== "n/a" ? e[field] : undefined;
        })();
  return typeof raw === "number" ? new Dec(String(raw)) : undefined;
}

function setKey(u: UnitPlan, view: View, period: string, key: Key, value: Dec): void {
  const [owner, field] = key.split("|") as [string, string];
  const v = Number(value.toString());
  if (owner === "profile") u.profile[field] = v;
  else {
    const e = view(period, owner);
    if (e && e !== "n/a") e[field] = v;
  }
}

/** The violated proportions / zero denominators of a unit, in any view and period. */
function violations(m: Model, u: UnitPlan): { view: View; period: string; ratio: Ratio; num: Dec; den: Dec }[] {
  const out: { view: View; period: string; ratio: Ratio; num: Dec; den: Dec }[] = [];
  const periods = new Set([...Object.keys(u.data), ...Object.keys(u.appraisal ?? {})]);
  for (const view of viewsOf(u)) {
    for (const period of periods) {
      for (const ratio of m.ratios) {
        const e = view(period, ratio.node);
        if (!e || e === "n/a") continue;
        const nums = ratio.num.map((k) => getKey(u, view, period, k));
        const dens = ratio.den.map((k) => getKey(u, view, period, k));
        if ([...nums, ...dens].some((x) => x === undefined)) continue;
        const num = nums.reduce<Dec>((s, x) => s.plus(x!), ZERO);
        const den = dens.reduce<Dec>((s, x) => s.plus(x!), ZERO);
        if ((ratio.proportion && num.gt(den)) || (ratio.positive && den.isZero())) out.push({ view, period, ratio, num, den });
      }
    }
  }
  return out;
}

/** Repairs proportions to a fixpoint; whatever cannot be repaired becomes "n/a". */
function repair(m: Model, u: UnitPlan): void {
  for (let iter = 0; iter < 60; iter++) {
    const bad = violations(m, u);
    if (!bad.length) return;
    for (const { view, period, ratio, num, den } of bad) {
      if (ratio.positive && den.isZero()) {
        setKey(u, view, period, ratio.den[0]!, new Dec(1));
        continue;
      }
      let excess = num.minus(den.times(u.frac).toDecimalPlaces(2, Dec.ROUND_DOWN));
      for (const k of ratio.num) {
        if (excess.lte(0)) break;
        const v = getKey(u, view, period, k)!;
        let cut = Dec.min(v, excess);
        if (m.typeOf.get(k) === "count") cut = Dec.min(v, cut.ceil());
        setKey(u, view, period, k, v.minus(cut));
        excess = excess.minus(cut);
      }
    }
  }
  for (let guard = 0; guard < 1000; guard++) {
    const bad = violations(m, u);
    if (!bad.length) return;
    for (const { period, ratio } of bad) {
      if (u.data[period]?.[ratio.node]) u.data[period]![ratio.node] = "n/a";
      if (u.appraisal?.[period]?.[ratio.node]) u.appraisal[period]![ratio.node] = "n/a";
    }
  }
  throw new Error("could not repair the generated dataset");
}

function emitValue(v: Scalar, asText: boolean, salt: number): Scalar {
  if (!asText || typeof v !== "number") return v;
  const s = String(v);
  return salt % 2 === 0 ? s : s.replace(".", ",");
}

function emitData(d: Data, asText: boolean): Record<string, Record<string, Scalar | Record<string, Scalar>>> {
  let salt = 0;
  return Object.fromEntries(
    Object.entries(d).map(([p, codes]) => [
      p,
      Object.fromEntries(
        Object.entries(codes).map(([code, e]) => [
          code,
          e === "n/a" ? e : Object.fromEntries(Object.entries(e).map(([k, v]) => [k, emitValue(v, asText, salt++)])),
        ]),
      ),
    ]),
  );
}

interface Generated {
  readonly plans: readonly UnitPlan[];
  readonly dataset: DatasetInput;
}

function toDataset(
  m: Model,
  periods: readonly string[],
  plans: readonly UnitPlan[],
  extra: (p: UnitPlan) => object = () => ({}),
): DatasetInput {
  return {
    catalog: m.catalog.id,
    year: 2024,
    periods: [...periods],
    units: plans.map((u) => ({
      id: u.id,
      name: `Đơn vị ${u.id}`,
      profile: Object.fromEntries(Object.entries(u.profile).map(([k, v]) => [k, emitValue(v, u.asText, 0)])),
      data: emitData(u.data, u.asText),
      ...(u.appraisal ? { appraisal: emitData(u.appraisal, u.asText) } : {}),
      ...extra(u),
    })),
  };
}

function validDatasetArb(
  id: string,
  opts: { minUnits?: number; maxUnits?: number; appraisal?: boolean; periods?: readonly (readonly string[])[] } = {},
): fc.Arbitrary<Generated> {
  const m = modelOf(id);
  return fc.constantFrom(...(opts.periods ?? PERIOD_SETS)).chain((periods) =>
    fc
      .integer({ min: opts.minUnits ?? 1, max: opts.maxUnits ?? 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(m, periods, i, { appraisal: opts.appraisal ?? true }))))
      .map((generated) => {
        // Repair a copy: fast-check's own values must stay as generated (shrinking reuses them).
        const plans = structuredClone(generated);
        for (const u of plans) repair(m, u);
        return { plans, dataset: toDataset(m, periods, plans) };
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// Checks. The expected values are derived here, independently of the engine: the periods in
// which an indicator is due are a plain table restated from the documents' cadence words (not
// src/engine/periods.ts), the annual rules are computed with decimal.js directly, and a level
// unit's level is found by trying each level in turn.
// ---------------------------------------------------------------------------------------------

/** Plain exact arithmetic for expected values (decimal.js itself, not the engine's Dec). */
const X = Decimal.clone({ precision: 60 });
type X = InstanceType<typeof X>;
/** The documents' cadence words: Quý, 6 tháng, năm. */
type Cadence = "quarter" | "half" | "year";
const x = (s: string | number) => new X(s);
const XZERO = x(0);
const EPS = x("0.000001");

/**
 * Kỳ đánh giá, restated from the documents (Đồng Nai Điều 4 "Quý, 6 tháng, năm"; Kon Tum and
 * Nghĩa Phương "năm"): an indicator is assessed in every period of the dataset that closes one
 * of its windows, and in the dataset's last period (a partial year is judged at its end).
 *   quarter (Quý):      every period given (a half or the year covers whole quarters);
 *   half (6 tháng):     H1 and H2, or Q2 and Q4 with quarterly data;
 *   year (năm):         the last period only: Y, H2 or Q4, or Q2 when data stop at Q2.
 * One row per period set the generator uses (PERIOD_SETS).
 */
const DUE: Readonly<Record<Cadence, Readonly<Record<string, readonly string[]>>>> = {
  quarter: { Y: ["Y"], "H1 H2": ["H1", "H2"], "Q1 Q2 Q3 Q4": ["Q1", "Q2", "Q3", "Q4"], "Q1 Q2": ["Q1", "Q2"], Q4: ["Q4"] },
  half: { Y: ["Y"], "H1 H2": ["H1", "H2"], "Q1 Q2 Q3 Q4": ["Q2", "Q4"], "Q1 Q2": ["Q2"], Q4: ["Q4"] },
  year: { Y: ["Y"], "H1 H2": ["H2"], "Q1 Q2 Q3 Q4": ["Q4"], "Q1 Q2": ["Q2"], Q4: ["Q4"] },
};

function dueIn(cadence: Cadence, periods: readonly string[]): readonly string[] {
  const due = DUE[cadence][periods.join(" ")];
  if (!due) throw new Error(`no DUE row for ${cadence} × ${periods.join(" ")}: add it`);
  return due;
}

/**
 * The year from the period scores, as the documents word it: "Trung bình" (mean) = the sum of
 * the due periods' scores over their number, a due period without data counting 0; "Kỳ cuối"
 * (last) = the last due period's score.
 */
function annualOf(rule: "mean" | "last", scores: readonly X[]): X {
  if (rule === "last") return scores[scores.length - 1] ?? XZERO;
  let total = XZERO;
  for (const s of scores) total = total.plus(s);
  return scores.length ? total.div(scores.length) : XZERO;
}

/** |a − b| ≤ n × 1e-6: results are rounded to 6 places, so sums of rounded parts may differ a little. */
function near(a: X, b: X, n: number): boolean {
  return a
    .minus(b)
    .abs()
    .lte(EPS.times(n + 1));
}

function checkPointsUnit(m: Model, unit: UnitResult, catalogTotal: X, periods: readonly string[]): void {
  const u = asPoints(unit);
  const cc = m.cc;
  const periodTotals = new Map(periods.map((p) => [p, XZERO]));
  let periodTerms = 0;
  for (const node of cc.order) {
    const r = u.indicators[node.code];
    expect(r, `${u.id} ${node.code}`).toBeDefined();
    const s = x(r!.score);
    const max = x(r!.max);
    expect(s.gte(0), `${u.id} ${node.code} = ${r!.score} ≥ 0`).toBe(true);
    if (node.source.max !== undefined) expect(s.lte(max), `${u.id} ${node.code} = ${r!.score} ≤ ${r!.max}`).toBe(true);
    if (r!.self !== undefined) {
      expect(x(r!.self).gte(0) && (node.source.max === undefined || x(r!.self).lte(max)), `${u.id} ${node.code} self ${r!.self}`).toBe(
        true,
      );
    }
    if (node.children.length) {
      // A group is the sum of its scored children, clamped to its max.
      const counted = node.children.filter((c) => node.unscored || !cc.nodes.get(c)!.unscored);
      const raw = counted.reduce((acc, c) => acc.plus(x(u.indicators[c]!.score)), XZERO);
      const expected = node.source.max !== undefined ? X.min(raw, max) : raw;
      expect(near(s, expected, counted.length), `${u.id} group ${node.code} = ${r!.score}, children give ${expected.toString()}`).toBe(
        true,
      );
    } else {
      // A leaf: its cadence and annual rule as the catalog writes them (the node's own, else the
      // catalog default); due in the periods of the DUE table; scored in [0, max] in each; the
      // year by the annual rule.
      const cadence = node.source.cadence ?? m.catalog.defaults.cadence;
      const rule = node.source.annualRule ?? m.catalog.defaults.annualRule;
      const due = dueIn(cadence, periods);
      expect(r!.duePeriods, `${u.id} ${node.code} (${cadence}) due in ${periods.join(" ")}`).toEqual(due);
      expect(r!.annualRule, `${u.id} ${node.code}`).toBe(rule);
      expect(Object.keys(r!.periods ?? {}).sort(), `${u.id} ${node.code}: a period score for every due period, none other`).toEqual(
        [...due].sort(),
      );
      const scores = due.map((p) => x(r!.periods![p]!.score));
      for (const ps of scores) expect(ps.gte(0) && ps.lte(max), `${u.id} ${node.code} period ${ps.toString()}`).toBe(true);
      const annual = annualOf(rule, scores);
      expect(
        near(s, annual, 2),
        `${u.id} leaf ${node.code} = ${r!.score}, ${rule} of ${scores.join(", ")} gives ${annual.toString()}`,
      ).toBe(true);
      if (!node.unscored) {
        due.forEach((p, i) => periodTotals.set(p, periodTotals.get(p)!.plus(scores[i]!)));
        periodTerms++;
      }
    }
  }
  // A period's total adds the scores of the scored leaves due in it.
  expect(Object.keys(u.periods).sort()).toEqual([...periods].sort());
  for (const [p, t] of periodTotals)
    expect(near(x(u.periods[p]!.total), t, periodTerms), `${u.id} ${p} total ${u.periods[p]!.total} vs ${t.toString()}`).toBe(true);
  const main = cc.top.filter((n) => !n.unscored).map((n) => x(u.indicators[n.code]!.score));
  const sum = main.reduce((a, b) => a.plus(b), XZERO);
  const expected = m.catalog.aggregate === "pillarMean" ? sum.div(Math.max(1, main.length)) : sum;
  expect(near(x(u.total), expected, main.length), `${u.id} total ${u.total} vs ${expected.toString()}`).toBe(true);
  expect(x(u.total).gte(0)).toBe(true);
  expect(x(u.total).lte(x(u.max)), `${u.id} total ${u.total} ≤ ${u.max}`).toBe(true);
  if (m.catalog.aggregate === "sum") {
    expect(x(u.max).eq(catalogTotal)).toBe(true);
    expect(x(u.total).lte(catalogTotal)).toBe(true);
  }
}

/** Standard competition ranks: rank = 1 + number of units with a strictly larger key. */
function checkRanks<U extends UnitResult>(units: readonly U[], keyOf: (u: U) => X): void {
  for (const u of units) {
    const above = units.filter((o) => keyOf(o).gt(keyOf(u))).length;
    expect(u.rank, `${u.id} rank`).toBe(above + 1);
  }
  for (let i = 1; i < units.length; i++) expect(units[i - 1]!.rank).toBeLessThanOrEqual(units[i]!.rank);
}

function expectDtiError(fn: () => unknown, codes?: readonly string[]): DtiError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (!(e instanceof DtiError))
      throw new Error(`expected a DtiError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
    expect(e instanceof DatasetError || e instanceof CatalogError, `${e.name}`).toBe(true);
    expect(e.issues.length).toBeGreaterThan(0);
    expect(
      e.issues.some((i) => i.path.length > 0 || Object.keys(i.where).length > 0),
      e.message,
    ).toBe(true);
    for (const i of e.issues) expect(typeof i.message === "string" && i.message.length > 0).toBe(true);
    if (codes)
      expect(
        e.issues.some((i) => codes.includes(i.code)),
        `expected one of ${codes.join(", ")}; got:\n${e.message}`,
      ).toBe(true);
    return e;
  }
  throw new Error(`expected a DtiError, got a result: ${JSON.stringify(result).slice(0, 300)}`);
}

const pointsCatalogs = listCatalogs()
  .filter((c) => c.scoring === "points")
  .map((c) => c.id);
const totals = new Map(listCatalogs().map((c) => [c.id, x(c.total)]));

// ---------------------------------------------------------------------------------------------
// Points catalogs: valid datasets
// ---------------------------------------------------------------------------------------------

describe("every built-in points catalog, random valid datasets", () => {
  it("there are points catalogs to test", () => {
    expect(pointsCatalogs.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(pointsCatalogs)("%s", (id) => {
    it("scores in [0, max], due periods and the year as the documents word them, period totals, groups = clamped sum of children, total ≤ catalog total, ranks follow totals, output deterministic", () => {
      fc.assert(
        fc.property(validDatasetArb(id), ({ dataset }) => {
          const model = modelOf(id);
          const input = JSON.parse(JSON.stringify(dataset)) as DatasetInput;
          const result = score(model.catalog, input);
          expect(result.units).toHaveLength(dataset.units.length);
          for (const u of result.units) checkPointsUnit(model, u, totals.get(id)!, result.periods);
          checkRanks(pointsUnits(result), (u) => x(u.total));
          // Identical input → identical output, whether given as an object or as JSON text.
          const again = score(model.catalog, JSON.parse(JSON.stringify(dataset)) as DatasetInput);
          expect(JSON.stringify(again)).toBe(JSON.stringify(result));
          const fromText = score(model.catalog, JSON.stringify(dataset));
          expect(JSON.stringify(fromText)).toBe(JSON.stringify(result));
          // The input is not modified by scoring.
          expect(input).toEqual(JSON.parse(JSON.stringify(dataset)));
        }),
        { numRuns: RUNS.valid },
      );
    });

    it("monotonicity: raising a numerator input (proportion kept valid) never lowers that indicator's score", () => {
      const m = modelOf(id);
      // Leaves of non-relative kinds and their numerator fields that never appear in a denominator.
      const candidates = m.leaves.flatMap(({ node, asked }) => {
        if (isRelative(node.formula)) return [];
        const exprs = node.ratios;
        const dens = new Set(exprs.flatMap((e) => e.denominator));
        const nums = new Set(exprs.flatMap((e) => e.numerator));
        return asked
          .filter(
            (f) =>
              nums.has(f.name) && !dens.has(f.name) && f.moreIsBetter && f.type !== "boolean" && f.type !== "option" && f.type !== "text",
          )
          .map((f) => ({ node, field: f }));
      });
      expect(candidates.length).toBeGreaterThan(0);
      let effective = 0;
      fc.assert(
        fc.property(
          validDatasetArb(id, { appraisal: false }),
          fc.nat(),
          fc.integer({ min: 1, max: 1000 }),
          ({ plans, dataset }, pick, step) => {
            const model = m;
            // Places where the candidate's entry is given.
            const places = plans.flatMap((u, ui) =>
              Object.entries(u.data).flatMap(([period, codes]) =>
                candidates.filter((c) => typeof codes[c.node.code] === "object").map((c) => ({ u, ui, period, ...c })),
              ),
            );
            if (!places.length) return;
            const place = places[pick % places.length]!;
            const key = `${place.node.code}|${place.field.name}`;
            const view: View = (p, c) => place.u.data[p]?.[c];
            const v = getKey(place.u, view, place.period, key)!;
            // Slack: how far the numerator can go up with every proportion of the node still valid.
            let slack = new Dec(Number.MAX_SAFE_INTEGER);
            for (const r of model.ratios.filter((x) => x.node === place.node.code && x.num.includes(key) && x.proportion)) {
              const vals = [...r.num, ...r.den].map((k) => getKey(place.u, view, place.period, k));
              if (vals.some((x) => x === undefined)) continue;
              const num = r.num.reduce((s, k) => s.plus(getKey(place.u, view, place.period, k)!), ZERO);
              const den = r.den.reduce((s, k) => s.plus(getKey(place.u, view, place.period, k)!), ZERO);
              slack = Dec.min(slack, den.minus(num));
            }
            let delta = Dec.min(slack, new Dec(step).div(place.field.type === "count" ? 1 : 7).toDecimalPlaces(2));
            if (place.field.type === "count") delta = delta.floor();
            if (delta.lte(0)) return;
            const before = score(model.catalog, dataset);
            const raised = JSON.parse(JSON.stringify(dataset)) as DatasetInput;
            const entry = (raised.units[place.ui]!.data as Record<string, Record<string, Record<string, unknown>>>)[place.period]![
              place.node.code
            ]!;
            entry[place.field.name] = Number(v.plus(delta).toString());
            const after = score(model.catalog, raised);
            const find = (r: ScoreResult) => asPoints(r.units.find((x) => x.id === place.u.id)).indicators[place.node.code]!;
            const b = find(before);
            const a = find(after);
            effective++;
            const where = `${place.u.id} ${place.period} ${place.node.code}.${place.field.name}: ${v.toString()} → ${v.plus(delta).toString()}`;
            expect(x(a.score).gte(x(b.score)), `${where}: annual ${b.score} → ${a.score}`).toBe(true);
            const pb = b.periods?.[place.period];
            const pa = a.periods?.[place.period];
            if (pb && pa) expect(x(pa.score).gte(x(pb.score)), `${where}: period ${pb.score} → ${pa.score}`).toBe(true);
          },
        ),
        { numRuns: RUNS.monotone },
      );
      expect(effective).toBeGreaterThan(0);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Level catalogs
// ---------------------------------------------------------------------------------------------

/**
 * A criterion meets level L when every requirement the document sets at levels 1…L is met
 * ("Không áp dụng" sets none): checked against the criterion's own requirement checks.
 */
function criterionMeets(c: CriterionResult, level: number): boolean {
  return c.checks.every((k) => k.level > level || k.met);
}

/** The highest L in 0…5 such that every counted criterion meets L, found by trying each L. */
function highestLevelAllMeet(criteria: readonly CriterionResult[], meets: (c: CriterionResult, level: number) => boolean): number {
  let best = 0;
  for (let level = 1; level <= 5; level++) {
    if (criteria.every((c) => meets(c, level))) best = level;
    else break;
  }
  return best;
}

function checkLevelUnits(units: readonly UnitResult[], catalogId: string): void {
  const cc = compileCatalog(getCatalog(catalogId));
  const mine = units.filter((u) => u.catalog === catalogId);
  for (const unit of mine) {
    expect(unit.scoring).toBe("levels");
    const u = asLevels(unit);
    expect(Number.isInteger(u.level)).toBe(true);
    expect(u.level).toBeGreaterThanOrEqual(0);
    expect(u.level).toBeLessThanOrEqual(5);
    const counted = Object.values(u.criteria).filter((c) => !cc.nodes.get(c.code)!.unscored);
    expect(counted).toHaveLength(cc.leaves.filter((l) => !l.unscored).length);
    for (const c of counted) {
      expect(Number.isInteger(c.levelMet) && c.levelMet >= 0 && c.levelMet <= 5, `${u.id} ${c.code} levelMet ${c.levelMet}`).toBe(true);
      // The criterion's level: the highest L whose requirements (and all below) are met.
      expect(c.levelMet, `${u.id} ${c.code} levelMet vs its checks`).toBe(highestLevelAllMeet([c], criterionMeets));
      if (c.status === "notApplicable") expect(c.levelMet, `${u.id} ${c.code} n/a`).toBe(5);
    }
    // The unit's level: the highest L that every counted criterion reaches.
    expect(u.level, `${u.id}`).toBe(highestLevelAllMeet(counted, (c, level) => c.levelMet >= level));
    if (u.registered !== undefined) expect(u.recognised).toBe(u.level! >= u.registered);
    if (u.level! < 5) expect(u.blockers!.length).toBeGreaterThan(0);
  }
  checkRanks(mine.map(asLevels), (u) => x(u.level!));
}

describe("level catalogs", () => {
  it("kon-tum-2025/xa: level in 0..5, the highest level every criterion reaches (each criterion: the highest level whose requirements hold); deterministic", () => {
    fc.assert(
      fc.property(validDatasetArb("kon-tum-2025/xa", { maxUnits: 4 }), ({ plans, dataset: generated }) => {
        const model = modelOf("kon-tum-2025/xa");
        // Level catalogs read the last period; units may register a level (đăng ký).
        const dataset: DatasetInput = {
          ...generated,
          units: generated.units.map((u, i) => {
            const registered = plans[i]!.registered;
            return registered !== undefined ? { ...u, registered } : u;
          }),
        };
        const result = score(model.catalog, dataset);
        checkLevelUnits(result.units, "kon-tum-2025/xa");
        expect(JSON.stringify(score(model.catalog, JSON.parse(JSON.stringify(dataset)) as DatasetInput))).toBe(JSON.stringify(result));
      }),
      { numRuns: RUNS.levels },
    );
  });

  it("kon-tum-2025/huyen with its communes: every unit's level is the highest level every criterion reaches", () => {
    const xa = modelOf("kon-tum-2025/xa");
    fc.assert(
      fc.property(
        validDatasetArb("kon-tum-2025/huyen", { maxUnits: 2, periods: [["Y"]] }),
        validDatasetArb("kon-tum-2025/xa", { maxUnits: 4, periods: [["Y"]] }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (h, x, parents) => {
          const huyen = modelOf("kon-tum-2025/huyen");
          const dataset = toDataset(huyen, ["Y"], h.plans);
          const communes = toDataset(
            xa,
            ["Y"],
            x.plans.map((p) => ({ ...p, id: `xa-${p.id}` })),
          );
          dataset.units.push(
            ...communes.units.map((u, i) => ({ ...u, catalog: "kon-tum-2025/xa", parent: h.plans[parents[i]! % h.plans.length]!.id })),
          );
          const result = score(huyen.catalog, dataset);
          expect(result.units).toHaveLength(dataset.units.length);
          checkLevelUnits(result.units, "kon-tum-2025/huyen");
          checkLevelUnits(result.units, "kon-tum-2025/xa");
          expect(JSON.stringify(score(huyen.catalog, JSON.stringify(dataset)))).toBe(JSON.stringify(result));
        },
      ),
      { numRuns: RUNS.levels },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid datasets
// ---------------------------------------------------------------------------------------------

type Units = {
  id: unknown;
  name?: unknown;
  profile?: Record<string, unknown>;
  data: Record<string, Record<string, unknown>>;
  [k: string]: unknown;
}[];
/** A dataset as plain JSON, open to any defect. */
type MutableDataset = { catalog: unknown; year: unknown; periods: string[]; units: Units };

/** A value that is never a valid dataset / unit / entry. */
const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything().filter((x) => typeof x !== "object" || x === null || Array.isArray(x)),
  fc.dictionary(fc.string(), fc.anything()).map((o) => ({ ...o, "~garbage": [1, { x: null }] })),
);

const WRONG: Record<FieldSpec["type"], readonly unknown[]> = {
  count: ["abc", true, -1, 1.5, "1.000", null, Number.NaN, Number.POSITIVE_INFINITY, {}, [], "n/a!", "-3", " "],
  number: ["abc", false, -0.5, "1,500", null, Number.NaN, Number.NEGATIVE_INFINITY, [1], "1e3", "12.5.1"],
  amount: ["abc", false, -10, "2.500", null, Number.POSITIVE_INFINITY, { a: 1 }, "0x10"],
  share: ["abc", false, -0.1, 1.5, 85, "85%", null, Number.NaN],
  percent: ["abc", true, -1, 100.5, "85%", null, Number.POSITIVE_INFINITY],
  boolean: [1, 0, "yes", "true", "có", null, [], {}],
  option: ["zz-not-an-option", 1, true, null, ""],
  text: [true, null, {}, []],
};

interface Mutation {
  readonly name: string;
  readonly codes: readonly string[];
  /** Applies the defect; false when the dataset has no place for it. */
  apply(ds: MutableDataset, m: Model, r: readonly number[], garbage: unknown): boolean;
}

function pickOf<T>(xs: readonly T[], r: number): T | undefined {
  return xs.length ? xs[r % xs.length] : undefined;
}

function givenFields(ds: { units: Units }, m: Model, types?: readonly FieldSpec["type"][]) {
  return ds.units.flatMap((u, ui) =>
    Object.entries(u.data).flatMap(([period, codes]) =>
      Object.entries(codes).flatMap(([code, e]) => {
        if (!e || typeof e !== "object") return [];
        const leaf = m.leaves.find((l) => l.node.code === code);
        return Object.keys(e)
          .map((name) => ({ ui, period, code, name, spec: leaf?.asked.find((f) => f.name === name) }))
          .filter((x) => x.spec && (!types || types.includes(x.spec.type)));
      }),
    ),
  );
}

/** The codes of a value that does not fit its field (in a period's data or in the profile). */
const VALUE_CODES = [
  "expectedCount",
  "expectedNumber",
  "expectedShare",
  "expectedPercent",
  "expectedBoolean",
  "expectedOption",
  "expectedText",
  "ambiguousNumber",
  "datasetSchema",
] as const;

const MUTATIONS: readonly Mutation[] = [
  {
    name: "wrong type for a field",
    codes: VALUE_CODES,
    apply(ds, m, r) {
      const f = pickOf(givenFields(ds, m), r[0]!);
      if (!f) return false;
      (ds.units[f.ui]!.data[f.period]![f.code] as Record<string, unknown>)[f.name] = pickOf(WRONG[f.spec!.type], r[1]!);
      return true;
    },
  },
  {
    name: "negative count",
    codes: ["expectedCount"],
    apply(ds, m, r) {
      const f = pickOf(givenFields(ds, m, ["count"]), r[0]!);
      if (!f) return false;
      (ds.units[f.ui]!.data[f.period]![f.code] as Record<string, unknown>)[f.name] = -1 - (r[1]! % 1000);
      return true;
    },
  },
  {
    name: "unknown indicator code",
    codes: ["unknownIndicator"],
    apply(ds, _m, r) {
      const u = pickOf(ds.units, r[0]!)!;
      const period = pickOf(ds.periods, r[1]!)!;
      u.data[period] = { ...(u.data[period] ?? {}), [pickOf(["99.99", "0", "X", "1.1.1.1.1.1", "constructor", "toString"], r[2]!)!]: true };
      return true;
    },
  },
  {
    name: "numerator larger than its denominator",
    codes: ["numeratorExceedsDenominator"],
    apply(ds, m, r) {
      // Proportions of given entries whose every field (all the node reads) is present.
      const places = ds.units.flatMap((u, ui) =>
        Object.entries(u.data).flatMap(([period, codes]) =>
          m.ratios
            .filter((x) => x.proportion && typeof codes[x.node] === "object" && x.num.every((k) => k.startsWith(`${x.node}|`)))
            .map((x) => ({ ui, period, ratio: x })),
        ),
      );
      for (let i = 0; i < places.length; i++) {
        const p = places[(r[0]! + i) % places.length]!;
        const plan: UnitPlan = {
          id: "",
          profile: ds.units[p.ui]!.profile as Record<string, Scalar>,
          data: ds.units[p.ui]!.data as Data,
          frac: 1,
          asText: false,
        };
        const view: View = (pp, c) => plan.data[pp]?.[c];
        const readAll = m.reads.get(p.ratio.node)!.map((k) => getKey(plan, view, p.period, k));
        const hasBoolOrOption = m.leaves
          .find((l) => l.node.code === p.ratio.node)!
          .node.fields.some((f) => f.type === "boolean" || f.type === "option");
        if (!hasBoolOrOption && readAll.some((x) => x === undefined)) continue;
        const dens = p.ratio.den.map((k) => getKey(plan, view, p.period, k));
        const nums = p.ratio.num.map((k) => getKey(plan, view, p.period, k));
        if ([...dens, ...nums].some((x) => x === undefined)) continue;
        const den = dens.reduce<Dec>((s, x) => s.plus(x!), ZERO);
        const others = nums.slice(1).reduce<Dec>((s, x) => s.plus(x!), ZERO);
        const target = den
          .minus(others)
          .plus(1 + (r[1]! % 50))
          .ceil();
        setKey(plan, view, p.period, p.ratio.num[0]!, Dec.max(target, new Dec(1)));
        return true;
      }
      return false;
    },
  },
  {
    name: "garbage entry",
    codes: ["unknownField", "datasetSchema", "expectedObject"],
    apply(ds, m, r, garbage) {
      const u = pickOf(ds.units, r[0]!)!;
      const period = pickOf(ds.periods, r[1]!)!;
      const leaf = pickOf(m.leaves, r[2]!)!;
      u.data[period] = { ...(u.data[period] ?? {}), [leaf.node.code]: { "~garbage": typeof garbage === "object" ? garbage : 1 } };
      return true;
    },
  },
  {
    name: "garbage unit",
    codes: ["datasetSchema"],
    apply(ds, _m, _r, garbage) {
      (ds.units as unknown[]).push(garbage);
      return true;
    },
  },
  {
    name: "garbage where a period's data goes",
    codes: ["datasetSchema"],
    apply(ds, _m, r) {
      const u = pickOf(ds.units, r[0]!)!;
      u.data[pickOf(ds.periods, r[1]!)!] = pickOf([[1, 2], "abc", 5, true, [{}]], r[2]!) as never;
      return true;
    },
  },
  {
    name: "unknown period",
    codes: ["unknownPeriod"],
    apply(ds, _m, r) {
      const u = pickOf(ds.units, r[0]!)!;
      const bad = pickOf(["Q5", "2024", "q1", "Year", "H3"], r[1]!)!;
      u.data[bad] = {};
      return true;
    },
  },
  {
    name: "bad periods",
    codes: ["badPeriods", "datasetSchema"],
    apply(ds, _m, r) {
      (ds as { periods: unknown }).periods = pickOf<unknown>([["Q2", "Q1"], ["Y", "Y"], ["Q1", "H2"], [], ["Z"], "Y"], r[0]!);
      return true;
    },
  },
  {
    name: "unknown profile field",
    codes: ["unknownProfileField"],
    apply(ds, _m, r) {
      const u = pickOf(ds.units, r[0]!)!;
      u.profile = { ...(u.profile ?? {}), [pickOf(["zzUnknown", "staff_total_x", "Số"], r[1]!)!]: 1 };
      return true;
    },
  },
  {
    name: "wrong profile value",
    codes: VALUE_CODES,
    apply(ds, m, r) {
      const p = pickOf(m.profile, r[0]!);
      if (!p) return false;
      const u = pickOf(ds.units, r[1]!)!;
      // null is "not given" in a profile: not wrong.
      u.profile = {
        ...(u.profile ?? {}),
        [p.key]: pickOf(
          WRONG[p.type].filter((x) => x !== null),
          r[2]!,
        ),
      };
      return true;
    },
  },
  {
    name: "duplicate unit id",
    codes: ["duplicateUnit"],
    apply(ds, _m, r) {
      const u = pickOf(ds.units, r[0]!)!;
      ds.units.push(JSON.parse(JSON.stringify(u)) as Units[number]);
      return true;
    },
  },
  {
    name: "another catalog",
    codes: ["catalogMismatch", "datasetSchema"],
    apply(ds, _m, r) {
      ds.catalog = pickOf<unknown>(["dong-nai-2099/so", "", 7, null], r[0]!);
      return true;
    },
  },
  {
    name: "unknown parent or unit catalog",
    codes: ["unknownParent", "wrongUnitCatalog"],
    apply(ds, _m, r) {
      const u = pickOf(ds.units, r[0]!)!;
      if (r[1]! % 2) u["parent"] = "no-such-unit";
      else u["catalog"] = "vinh-phuc-2099/xa";
      return true;
    },
  },
  {
    name: "wrong shape of year / units / id",
    codes: ["datasetSchema"],
    apply(ds, _m, r) {
      const which = r[0]! % 4;
      if (which === 0) ds.year = "2024";
      else if (which === 1) (ds as { units: unknown }).units = [];
      else if (which === 2) ds.units[0]!.id = 5;
      else ds.units[0]!["extra"] = true;
      return true;
    },
  },
];

describe("every built-in points catalog, random invalid datasets", () => {
  describe.each(pointsCatalogs)("%s", (id) => {
    it("always a DatasetError / CatalogError with issues naming the place, never another exception", () => {
      const applied = new Set<string>();
      fc.assert(
        fc.property(
          validDatasetArb(id, { appraisal: false, maxUnits: 2 }),
          fc.nat({ max: MUTATIONS.length - 1 }),
          fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
          garbageArb,
          ({ dataset }, which, r, garbage) => {
            const model = modelOf(id);
            const ds = JSON.parse(JSON.stringify(dataset)) as MutableDataset;
            let mutation = MUTATIONS[which]!;
            if (!mutation.apply(ds, model, r, garbage)) {
              mutation = MUTATIONS.find((x) => x.name === "unknown indicator code")!;
              mutation.apply(ds, model, r, garbage);
            }
            applied.add(mutation.name);
            expectDtiError(() => score(model.catalog, ds as unknown as DatasetInput), mutation.codes);
          },
        ),
        { numRuns: RUNS.invalid },
      );
      expect(applied.size).toBeGreaterThan(3);
    });
  });

  it("a garbage dataset (anything at all, or any text) is a DatasetError, never another exception", () => {
    const catalog = getCatalog("dong-nai-2023/so");
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.json()), (garbage) => {
        let caught: unknown;
        try {
          score(catalog, garbage as DatasetInput);
        } catch (e) {
          caught = e;
        }
        expect(caught, `${JSON.stringify(garbage)?.slice(0, 100)}`).toBeInstanceOf(DatasetError);
        expect((caught as DtiError).issues.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS.garbage },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Proportions across the two assessments
// ---------------------------------------------------------------------------------------------

describe("proportions in the final data (appraisal over self-assessment)", () => {
  // BUG: src/engine/normalize.ts normalizeEntries checks numerator ≤ denominator in the
  // self-assessment and in the appraisal separately, each with `from` references resolved
  // inside itself only. The final data mixes them per indicator (evaluate.ts entriesFor), so an
  // appraisal that lowers a denominator another indicator takes with `from` (3.3.b ← 3.2.b)
  // leaves 3.3 at a = 8 over b = 2 in the final data: accepted silently, 400 % clamped to max.
  it("an appraisal that lowers a referenced denominator below a self-assessed numerator is an error", () => {
    const c = getCatalog("quang-ngai-nghia-phuong-2023/xa");
    const dataset: DatasetInput = {
      catalog: c.id,
      year: 2023,
      periods: ["Y"],
      units: [
        { id: "x", name: "X", data: { Y: { "3.2": { a: 1, b: 10 }, "3.3": { a: 8 } } }, appraisal: { Y: { "3.2": { a: 1, b: 2 } } } },
      ],
    };
    const e = expectDtiError(() => score(c, dataset), ["numeratorExceedsDenominator"]);
    expect(e.issues.find((i) => i.code === "numeratorExceedsDenominator")!.where).toMatchObject({
      unit: "x",
      period: "Y",
      indicator: "3.3",
    });
  });

  it("the same data without the appraisal is valid (8 of 10)", () => {
    const c = getCatalog("quang-ngai-nghia-phuong-2023/xa");
    const r = score(c, {
      catalog: c.id,
      year: 2023,
      periods: ["Y"],
      units: [{ id: "x", name: "X", data: { Y: { "3.2": { a: 1, b: 10 }, "3.3": { a: 8 } } } }],
    });
    expect(asPoints(r.units[0]).indicators["3.3"]!.periods!["Y"]!.trace.facts["value"]).toBe("0.8");
  });
});
