// Level recognition decided on exact integers (src/levels/compiled.ts, issue 11) against the
// decimal.js reference (evaluateLevelUnitsReference): same levels, ranks, checks and blockers, key
// for key in JSON, on generated Kon Tum data, on data forced onto every requirement's edge, at
// magnitudes where a product leaves 2^53 (BigInt) and past the safe integers (the reference decides).
import { describe, expect, it } from "vitest";
import { Dec, parseDecimalLiteral } from "../src/_decimal.js";
import { fixedOf, readFixedDec, type Fixed } from "../src/_exact.js";

/** readFixedDec into a fresh record: the fixed value, or undefined when it does not fit. */
function fixedOfDec(x: Parameters<typeof readFixedDec>[0]): Fixed | undefined {
  const out = { n: 0, k: 0 };
  return readFixedDec(x, out) ? out : undefined;
}
import { evaluateLevelUnits, evaluateLevelUnitsReference } from "../src/engine/levels.js";
import { normalizeDataset } from "../src/engine/normalize.js";
import { childLevelsByParent } from "../src/levels/index.js";
import { readDataset } from "../src/io/dataset.js";
import { generateDataset, getCatalog, loadCatalog, loadDataset, score, scoreIndicator, type CompiledCatalog } from "../src/index.js";
import type { Dataset, DatasetInput } from "../src/io/dataset.js";
import { levelUnit } from "./_units.js";

const xa = getCatalog("kon-tum-2025/xa");
const huyen = getCatalog("kon-tum-2025/huyen");

/** Both evaluations of a dataset, child catalog first (as score() does), as JSON text. */
function both(catalog: CompiledCatalog, input: DatasetInput): { fast: string; reference: string } {
  const reading = readDataset(input);
  const ds = reading.dataset!;
  const child = catalog.childCatalog ? getCatalog(catalog.childCatalog) : undefined;
  const { units } = normalizeDataset(ds, catalog, child, {
    pending: reading.issues,
    unitIndex: reading.unitIndex,
    otherIds: reading.otherIds,
  });
  const run = (evaluate: typeof evaluateLevelUnits) => {
    const childResults = child
      ? evaluate(
          child,
          units.filter((u) => u.catalog === child),
          ds.periods,
          "final",
          new Map(),
        )
      : [];
    const levels = childLevelsByParent(childResults);
    const main = evaluate(
      catalog,
      units.filter((u) => u.catalog === catalog),
      ds.periods,
      "final",
      levels,
    );
    return JSON.stringify([...main, ...childResults]);
  };
  return { fast: run(evaluateLevelUnits), reference: run(evaluateLevelUnitsReference) };
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Moves every ratio and count criterion of every unit onto one of its level minimums, exactly or
 * one unit either side (a/b = 50% at b = 40: a = 19, 20, 21).
 */
function onEdges(catalog: CompiledCatalog, ds: Dataset, seed: number): Dataset {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const units = ds.units.map((u) => {
    const data: Record<string, unknown> = { ...(u.data["Y"] as Record<string, unknown>) };
    for (const node of catalog.leaves) {
      const f = node.criterion;
      if (!f?.value) continue;
      const mins = Object.values(f.requirements).flatMap((r) => (r?.min !== undefined ? [parseDecimalLiteral(r.min)] : []));
      const given = data[node.code];
      if (!mins.length || typeof given !== "object" || given === null) continue;
      const min = pick(mins);
      const delta = pick([-1, 0, 0, 1]);
      if (typeof f.value === "string") data[node.code] = { ...given, [f.value]: Math.max(0, min.toNumber() + delta) };
      else if (f.value.numerator.length === 1 && f.value.denominator.length === 1) {
        const b = pick([7, 20, 40, 1000, 123456789]);
        const a = Math.min(b, Math.max(0, Math.round(min.times(b).toNumber()) + delta));
        data[node.code] = { ...given, [f.value.numerator[0]!]: a, [f.value.denominator[0]!]: b };
      }
      // A numerator that is part of its denominator stays at most the denominator (the data check).
      const values = data[node.code] as Record<string, number>;
      for (const p of node.proportions)
        if (p.numerator.length === 1 && p.denominator.length === 1 && values[p.numerator[0]!]! > values[p.denominator[0]!]!)
          values[p.denominator[0]!] = values[p.numerator[0]!]!;
    }
    return { ...u, data: { Y: data } };
  });
  return { ...ds, units } as Dataset;
}

describe("fixedOfDec reads decimal.js values exactly as fixedOf reads their text", () => {
  it("integers, decimals, negatives, tiny and huge values, 40-digit quotients", () => {
    const random = rng(3);
    const values: Dec[] = [
      new Dec(0),
      new Dec("-0"),
      new Dec("1e-7"),
      new Dec("1.5e-10"),
      new Dec("1e15"),
      new Dec("1e16"),
      new Dec("9007199254740991"),
      new Dec("9007199254740992"),
    ];
    values.push(
      new Dec("0.000000000000001"),
      new Dec("0.0000000000000001"),
      new Dec("123456789.123456"),
      new Dec(1).div(3),
      new Dec(2).div(8),
    );
    for (let i = 0; i < 3000; i++) {
      const digits = String(Math.floor(random() * 10 ** (1 + Math.floor(random() * 16))));
      const places = Math.floor(random() * 18);
      const text =
        places >= digits.length
          ? `0.${digits.padStart(places, "0")}`
          : places
            ? `${digits.slice(0, -places)}.${digits.slice(-places)}`
            : digits;
      const d = new Dec(random() < 0.2 ? `-${text}` : text);
      values.push(d, d.times(10 ** Math.floor(random() * 9)), d.div(1 + Math.floor(random() * 9)));
    }
    for (const d of values) expect(fixedOfDec(d), d.toFixed()).toEqual(fixedOf(d.toFixed()));
  });
});

describe("Kon Tum xã 1.8 (50% | 60% | 70% | 80% | 90%): exact at every magnitude", () => {
  it("a/b = 50% exactly at b = 9007199254740990 (products past 2^53) reaches level 1; one less does not", () => {
    const at = scoreIndicator(xa, "1.8", { a: 4503599627370495, b: 9007199254740990 });
    expect(at.levelMet).toBe(1);
    expect(at.checks?.[0]).toMatchObject({ level: 1, met: true, value: "0.5", min: "0.5", scale: "percent" });
    const below = scoreIndicator(xa, "1.8", { a: 4503599627370494, b: 9007199254740990 });
    expect(below.levelMet).toBe(0);
    expect(below.checks?.[0]?.met).toBe(false);
    expect(below.checks?.[0]?.value).toBe("0.4999999999999998889776975374843213057335");
  });
  it("past the safe integers (counts given as text) the reference decides: 2^54 / 2^55 = 50% → 1, 2^54 − 1 → 0", () => {
    expect(scoreIndicator(xa, "1.8", { a: "18014398509481984", b: "36028797018963968" }).levelMet).toBe(1);
    expect(scoreIndicator(xa, "1.8", { a: "18014398509481983", b: "36028797018963968" }).levelMet).toBe(0);
  });
  it("nothing to count (b = 0, zeroDenominator max) meets every level; a unit at 100% is at 5", () => {
    expect(scoreIndicator(xa, "1.8", { a: 0, b: 0 }).levelMet).toBe(5);
    expect(scoreIndicator(xa, "1.8", { a: 40, b: 40 }).levelMet).toBe(5);
    expect(scoreIndicator(xa, "1.8", { a: 35, b: 40 }).levelMet).toBe(4); // 87.5% < 90%
  });
});

describe("a minimum that is not a short decimal (1/3) and a mean of child levels at its edge", () => {
  const lv = (min: string) => ({ text: `≥ ${min}`, min });
  const child = loadCatalog({
    id: "exact-2025/xa",
    title: "xã",
    province: "T",
    level: "xa",
    document: { number: "e", date: "2025-01-01" },
    scoring: "levels",
    indicators: [
      {
        code: "1",
        name: "G",
        children: [
          {
            code: "1.1",
            name: "Tỷ lệ",
            inputs: { a: { label: "a" }, b: { label: "b" } },
            formula: {
              kind: "levels",
              value: { numerator: ["a"], denominator: ["b"] },
              requirements: { 1: lv("1/3"), 2: lv("2/5"), 3: lv("1/2"), 4: lv("2/3"), 5: lv("1") },
            },
          },
        ],
      },
    ],
  });
  const parent = loadCatalog({
    id: "exact-2025/huyen",
    title: "huyện",
    province: "T",
    level: "huyen",
    document: { number: "e", date: "2025-01-01" },
    scoring: "levels",
    childCatalog: "exact-2025/xa",
    indicators: [
      {
        code: "1",
        name: "G",
        children: [
          {
            code: "1.1",
            name: "TB",
            formula: {
              kind: "levels",
              requirements: { 1: null, 2: null, 3: { text: "TB ≥ 2,5", children: [{ meanLevel: "2.5" }] }, 4: null, 5: null },
            },
          },
        ],
      },
    ],
  });
  const run = (communes: [number, number][]) =>
    score(
      parent,
      {
        catalog: "exact-2025/huyen",
        year: 2025,
        periods: ["Y"],
        units: [
          { id: "h", name: "H", data: {} },
          ...communes.map(([a, b], i) => ({
            id: `x${i}`,
            name: `X${i}`,
            catalog: "exact-2025/xa",
            parent: "h",
            data: { Y: { "1.1": { a, b } } },
          })),
        ],
      },
      { catalogs: { "exact-2025/xa": child } },
    );
  it("1/3 exactly reaches level 1 (the reference decides a 40-digit minimum); 2/3 reaches 4; mean 2.5 of 2 and 3 meets the district's level 3", () => {
    const r = run([
      [1, 3],
      [2, 3],
      [2, 5],
      [1, 2],
    ]);
    expect(["x0", "x1", "x2", "x3"].map((id) => levelUnit(r, id).level)).toEqual([1, 4, 2, 3]);
    // mean (1 + 4 + 2 + 3) / 4 = 2.5 ≥ 2.5 → level 5 (levels 1, 2, 4, 5 impose nothing).
    expect(levelUnit(r, "h").level).toBe(5);
    const below = run([
      [1, 3],
      [2, 3],
      [2, 5],
      [2, 5],
    ]);
    // mean (1 + 4 + 2 + 2) / 4 = 2.25 < 2.5 → level 2.
    expect(levelUnit(below, "h").level).toBe(2);
    expect(levelUnit(below, "h").blockers[0]).toMatchObject({ level: 3, value: "2.25", min: "2.5", scale: "childrenMean" });
    expect(levelUnit(run([[3, 10]]), "x0").level).toBe(0); // 0.3 < 1/3
  });
});

describe("a zero denominator under zeroDenominator zero meets no level; under max, every level", () => {
  const catalog = (zeroDenominator: "zero" | "max") =>
    loadCatalog({
      id: `zero-${zeroDenominator}-2025/xa`,
      title: "xã",
      province: "T",
      level: "xa",
      document: { number: "z", date: "2025-01-01" },
      scoring: "levels",
      indicators: [
        {
          code: "1",
          name: "G",
          children: [
            {
              code: "1.1",
              name: "Tỷ lệ",
              zeroDenominator,
              inputs: { a: { label: "a" }, b: { label: "b" } },
              formula: {
                kind: "levels",
                value: { numerator: ["a"], denominator: ["b"] },
                requirements: { 1: { text: "50%", min: "50%" }, 2: null, 3: null, 4: null, 5: { text: "90%", min: "90%" } },
              },
            },
          ],
        },
      ],
    });
  it("a = b = 0 → 0 under zero, 5 under max; 9/10 → 5 under both", () => {
    expect(scoreIndicator(catalog("zero"), "1.1", { a: 0, b: 0 }).levelMet).toBe(0);
    expect(scoreIndicator(catalog("max"), "1.1", { a: 0, b: 0 }).levelMet).toBe(5);
    expect(scoreIndicator(catalog("zero"), "1.1", { a: 9, b: 10 }).levelMet).toBe(5);
    expect(scoreIndicator(catalog("zero"), "1.1", { a: 8, b: 10 }).levelMet).toBe(4); // 80%: levels 2–4 impose nothing
  });
});

describe("fast level recognition = the decimal.js reference, JSON key for key", () => {
  it("generated Kon Tum xã and huyện data (seeds 1, 7; all filled and 80% filled)", () => {
    for (const catalog of [xa, huyen])
      for (const seed of [1, 7])
        for (const fill of [1, 0.8]) {
          const { fast, reference } = both(catalog, generateDataset(catalog, { units: 60, seed, periods: ["Y"], fill }));
          expect(fast).toBe(reference);
        }
  });
  it("every ratio and count criterion on a level minimum or one unit beside it", () => {
    for (const catalog of [xa, huyen])
      for (const seed of [2, 5, 9]) {
        const ds = onEdges(catalog, generateDataset(catalog, { units: 80, seed, periods: ["Y"] }), seed);
        const { fast, reference } = both(catalog, ds);
        expect(fast).toBe(reference);
        // The edges are reached: some criterion stands exactly on a minimum.
        expect(fast).toContain('"met":true,"value":"0.5","min":"0.5"');
      }
  });
  it("the district and commune sample (fixtures/kon-tum-2025-huyen.sample.yaml), with registrations", () => {
    const { fast, reference } = both(huyen, loadDataset("fixtures/kon-tum-2025-huyen.sample.yaml"));
    expect(fast).toBe(reference);
    expect(fast).toContain('"registeredBlockers"');
  });
  it("checks, inputs and blockers read by name (not only through JSON) are the reference's", () => {
    const ds = onEdges(xa, generateDataset(xa, { units: 30, seed: 4, periods: ["Y"] }), 4);
    const fast = score(xa, ds).units;
    const reference = JSON.parse(both(xa, ds).reference) as typeof fast;
    fast.forEach((u, i) => {
      const r = reference[i]!;
      if (u.scoring !== "levels" || r.scoring !== "levels") throw new Error("level units expected");
      expect([u.id, u.level, u.rank]).toEqual([r.id, r.level, r.rank]);
      expect(JSON.parse(JSON.stringify(u.blockers))).toEqual(r.blockers);
      for (const [code, c] of Object.entries(u.criteria)) {
        expect({ levelMet: c.levelMet, checks: c.checks, inputs: c.inputs, blocking: c.blocking }).toEqual({
          levelMet: r.criteria[code]!.levelMet,
          checks: r.criteria[code]!.checks,
          inputs: r.criteria[code]!.inputs,
          blocking: r.criteria[code]!.blocking,
        });
      }
    });
  });
});
