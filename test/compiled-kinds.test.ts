// Each formula kind's compiled form against its `evaluate` (issue 11, docs/fast-path.md): for many
// inputs — exactly on thresholds and band bounds, one step either side, zero denominators, values
// past 2^26 (BigInt comparisons), decimals with places — the compiled raw points equal the
// reference's within a relative 1e-12, take the same branch (the points differ by a jump where the
// branch differs), and when a compiled form says its points are exact (`EXACT`), they are the
// reference's decimal exactly. Catalogs are loaded inside `it()` (Stryker's per-test coverage).
import { describe, expect, it } from "vitest";
import { Dec } from "../src/_decimal.js";
import { fixedOf } from "../src/_exact.js";
import { fastPlan } from "../src/engine/fastPlan.js";
import { runFormula } from "../src/engine/evaluate.js";
import { EXACT, exactConstant, type FastPeers } from "../src/formulas/_fast.js";
import type { Inputs, PeerStats } from "../src/formulas/_types.js";
import { loadCatalog, type CatalogInput } from "../src/index.js";

type Node = CatalogInput["indicators"][number];

/** A one-leaf points catalog. */
function leafOf(node: Node, zeroDenominator: "max" | "zero" = "max") {
  const catalog = loadCatalog({
    id: "compiled-2024/so",
    title: "Compiled kinds",
    province: "Test",
    level: "so",
    document: { number: "1/QĐ-C", date: "2024-01-01" },
    defaults: { cadence: "year", annualRule: "last", zeroDenominator },
    indicators: [node],
  });
  const plan = fastPlan(catalog, ["Y"])!;
  return { node: catalog.leaves[0]!, leaf: plan.leaves[0]! };
}

/** Compiled and reference raw points of one entry; the compiled EXACT flag. */
function both(node: Node, inputs: Inputs, peers?: { fast: FastPeers; dec: PeerStats }, zeroDenominator: "max" | "zero" = "max") {
  const { node: n, leaf } = leafOf(node, zeroDenominator);
  const vals = new Float64Array(leaf.fields.length);
  const scales = new Uint8Array(leaf.fields.length);
  for (const f of leaf.fields) {
    const v = inputs[f.spec.name];
    if (v === undefined) continue;
    if (typeof v === "boolean") vals[f.slot] = v ? 1 : 0;
    else if (typeof v === "string") vals[f.slot] = f.spec.options!.indexOf(v);
    else {
      const x = fixedOf(v.toFixed())!;
      vals[f.slot] = x.n;
      scales[f.slot] = x.k;
    }
  }
  EXACT.value = false;
  const fast = leaf.formula(vals, scales, 0, peers?.fast);
  const exact = EXACT.value;
  const reference = runFormula(n, n.formula!, n.max, inputs, { peers: peers?.dec }).raw;
  return { fast, exact, reference };
}

/** The compiled points agree with the reference; exactly when the compiled form says so. */
function agree(r: { fast: number; exact: boolean; reference: Dec }, what: string): void {
  const ref = Number(r.reference.toString());
  expect(Math.abs(r.fast - ref), `${what}: compiled ${r.fast}, reference ${r.reference.toString()}`).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(ref)),
  );
  if (r.exact) expect(new Dec(r.fast.toFixed(30)).eq(r.reference), `${what}: flagged exact`).toBe(true);
}

/** Nghĩa-Phương-like composite: a ratio share (× 15, clamped to its part max) and a 50% threshold (8 or 0). */
const composite = (partMax: number | string): Node => ({
  code: "1",
  name: "K",
  max: 20,
  inputs: { a: { label: "a" }, b: { label: "b" }, c: { label: "c" } },
  formula: {
    kind: "composite",
    parts: [
      { label: "p", max: partMax, formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] }, points: 15 } },
      {
        label: "q",
        max: 8,
        formula: { kind: "threshold", value: { numerator: ["c"], denominator: ["b"] }, threshold: "50%", below: "zero" },
      },
    ],
  },
});

const d = (x: number | string) => new Dec(x);
/** A seeded generator (the same cases on every run). */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}
/** Values around an edge n/10^k: at it, one step either side, and far off. */
const around = (n: number, k: number) => [n - 1, n, n + 1, 0, n * 2].filter((x) => x >= 0).map((x) => d(`${x}e-${k}`));

describe("compiled kinds agree with evaluate", () => {
  it("threshold: gte and gt, proportional, literal and zero, at 80% of a ratio and at a bare value", () => {
    for (const at of ["gte", "gt"] as const)
      for (const below of ["proportional", "literal", "zero"] as const) {
        const node: Node = {
          code: "1",
          name: "T",
          max: 10,
          inputs: { a: { label: "a" }, b: { label: "b" } },
          formula: { kind: "threshold", value: { numerator: ["a"], denominator: ["b"] }, threshold: "80%", below, at },
        };
        for (const [a, b] of [
          [79, 100],
          [80, 100],
          [81, 100],
          [4, 5],
          [0, 3],
          [3, 0],
          [2 ** 40, 2 ** 40 + 7],
          [2 ** 30 * 4, 2 ** 30 * 5],
        ])
          agree(both(node, { a: d(a!), b: d(b!) }), `${at} ${below} ${a}/${b}`);
        const bare: Node = {
          code: "1",
          name: "T",
          max: 20,
          inputs: { v: { label: "v", type: "number" } },
          formula: { kind: "threshold", value: "v", threshold: "2.5", below, at },
        };
        for (const v of around(25, 1)) agree(both(bare, { v }), `${at} ${below} v=${v.toString()}`);
      }
  });

  it("ratio: × max and × points, zero denominators under both policies, decimals with places", () => {
    for (const points of [undefined, "7.5"]) {
      const node: Node = {
        code: "1",
        name: "R",
        max: 15,
        inputs: { a: { label: "a", type: "amount" }, b: { label: "b", type: "amount" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] }, ...(points ? { points } : {}) },
      };
      for (const policy of ["max", "zero"] as const)
        for (const [a, b] of [
          ["1.25", "2.5"],
          ["0", "4"],
          ["3", "3"],
          ["0.001", "0"],
          ["123.456", "987.6543"],
        ])
          agree(both(node, { a: d(a!), b: d(b!) }, undefined, policy), `${points} ${policy} ${a}/${b}`);
    }
  });

  it("bands: the first band whose bounds hold, at every bound and one step either side", () => {
    const node: Node = {
      code: "1",
      name: "B",
      max: 10,
      inputs: { a: { label: "a" }, b: { label: "b" } },
      formula: {
        kind: "bands",
        value: { numerator: ["a"], denominator: ["b"] },
        bands: [
          { eq: "100%", share: 1 },
          { gt: "70%", lt: "100%", share: "0.75" },
          { gte: "30%", lte: "70%", points: "2.5" },
          { gte: "0", lt: "30%", share: "0.1" },
        ],
      },
    };
    for (const a of [0, 29, 30, 31, 69, 70, 71, 99, 100]) agree(both(node, { a: d(a), b: d(100) }), `a=${a}/100`);
    agree(both(node, { a: d(0), b: d(0) }), "0/0");
  });

  it("yesNo (with a share), choice, checklist and perItem (with a cap and decimal points)", () => {
    const yes: Node = { code: "1", name: "Y", max: 10, formula: { kind: "yesNo", share: "0.3" } };
    for (const v of [true, false]) agree(both(yes, { value: v }), `yesNo ${v}`);
    const choice: Node = {
      code: "1",
      name: "C",
      max: 10,
      formula: {
        kind: "choice",
        options: { none: { label: "Không", share: 0 }, some: { label: "Một phần", share: "0.45" }, all: { label: "Đủ", points: 10 } },
      },
    };
    for (const v of ["none", "some", "all"]) agree(both(choice, { value: v }), `choice ${v}`);
    const checklist: Node = {
      code: "1",
      name: "L",
      max: 10,
      formula: {
        kind: "checklist",
        items: { a: { label: "a", points: "2.5" }, b: { label: "b", share: "0.1" }, c: { label: "c", points: 6.5 } },
      },
    };
    for (const [a, b, c] of [
      [true, true, true],
      [false, true, false],
      [false, false, false],
      [true, false, true],
    ])
      agree(both(checklist, { a: a!, b: b!, c: c! }), `checklist ${a} ${b} ${c}`);
    for (const cap of [undefined, "7.25"]) {
      const perItem: Node = {
        code: "1",
        name: "P",
        max: 10,
        formula: {
          kind: "perItem",
          items: { x: { label: "x", points: "1.25" }, y: { label: "y", points: "0.1" } },
          ...(cap ? { cap } : {}),
        },
      };
      for (const [x, y] of [
        [0, 0],
        [1, 0],
        [2, 3],
        [5, 8],
        [8, 0],
        [0, 100],
        [2 ** 45, 1],
      ])
        agree(both(perItem, { x: d(x!), y: d(y!) }), `perItem cap ${cap} ${x} ${y}`);
    }
  });

  it("relative: best and minmax against peers, the best itself, the lowest, ties and a best of 0 (each reading of the unsaid cases)", () => {
    const rnd = random(11);
    const variants = [
      ["best", {}],
      ["best", { bestZero: "max" }],
      ["minmax", {}],
      ["minmax", { bestZero: "max" }],
      ["minmax", { zeroRange: "zero" }],
    ] as const;
    for (const [mode, options] of variants) {
      const node: Node = {
        code: "1",
        name: "V",
        max: 10,
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "relative", value: { numerator: ["a"], denominator: ["b"] }, mode, ...options },
      };
      const cases: [number, number][] = [
        [0, 1],
        [1, 3],
        [2, 3],
        [1, 49],
        [7, 7],
      ];
      for (let i = 0; i < 20; i++) cases.push([Math.floor(rnd() * 50), 1 + Math.floor(rnd() * 50)]);
      const frac = (x: [number, number]) => x[0] / x[1];
      const best = cases.reduce((m, x) => (frac(x) > frac(m) ? x : m));
      const min = cases.reduce((m, x) => (frac(x) < frac(m) ? x : m));
      const peers = {
        fast: { bestA: best[0], bestB: best[1], minA: min[0], minB: min[1], count: cases.length },
        dec: { best: d(best[0]).div(best[1]), min: d(min[0]).div(min[1]), count: cases.length },
      };
      for (const [a, b] of cases) agree(both(node, { a: d(a), b: d(b) }, peers), `${mode} ${a}/${b}`);
      const zero = { fast: { bestA: 0, bestB: 1, minA: 0, minB: 1, count: 2 }, dec: { best: d(0), min: d(0), count: 2 } };
      agree(both(node, { a: d(0), b: d(5) }, zero), `${mode} ${JSON.stringify(options)} best 0`);
      // Every unit at 2/3: a zero range (minmax falls back to best, or scores 0 under zeroRange: zero).
      const equal = { fast: { bestA: 2, bestB: 3, minA: 2, minB: 3, count: 3 }, dec: { best: d(2).div(3), min: d(2).div(3), count: 3 } };
      agree(both(node, { a: d(4), b: d(6) }, equal), `${mode} ${JSON.stringify(options)} zero range`);
    }
  });

  it("composite: parts clamped to their own max, then added (a part's zero denominator under the policy)", () => {
    const node = composite(12);
    for (const policy of ["max", "zero"] as const)
      for (const [a, b, c] of [
        [1, 1, 1],
        [1, 2, 0],
        [0, 0, 0],
        [3, 4, 2],
        [9, 10, 4],
      ])
        agree(both(node, { a: d(a!), b: d(b!), c: d(c!) }, undefined, policy), `composite ${policy} ${a} ${b} ${c}`);
  });
});

describe("what the compiled forms claim exact", () => {
  it("a constant is exact when it is a double on the grid of 2^-20 below 2^20 (7.5, 22.5, 0.25; not 0.1)", () => {
    expect(exactConstant(d("7.5"))).toBe(true);
    expect(exactConstant(d("22.5"))).toBe(true);
    expect(exactConstant(d("0.25"))).toBe(true);
    expect(exactConstant(d(2 ** 20 - 0.5))).toBe(true);
    expect(exactConstant(d("0.1"))).toBe(false);
    expect(exactConstant(d(2 ** 20))).toBe(false);
    expect(exactConstant(d("7.50000000000000000001"))).toBe(false);
    expect(exactConstant(d(2 ** -21))).toBe(false);
  });

  it("a composite is exact when every part is (constants and clamps), not when a part is a ratio's share", () => {
    const node = composite(12);
    // a = b: p = 15 clamped to 12, q reached (8): 20, exact.
    expect(both(node, { a: d(1), b: d(1), c: d(1) })).toMatchObject({ fast: 20, exact: true });
    // a = 0: p = 0, q below 50% → 0: exact.
    expect(both(node, { a: d(0), b: d(4), c: d(1) })).toMatchObject({ fast: 0, exact: true });
    // a/b = 1/3: p = 5 in doubles, not exactly the decimal 5.000…: not claimed exact.
    expect(both(node, { a: d(1), b: d(3), c: d(2) }).exact).toBe(false);
  });

  it("a ratio of sums at different scales (2 places and whole numbers) is measured exactly", () => {
    const node: Node = {
      code: "1",
      name: "S",
      max: 10,
      inputs: { a: { label: "a", type: "amount" }, c: { label: "c" }, b: { label: "b", type: "amount" } },
      formula: { kind: "threshold", value: { numerator: ["a", "c"], denominator: ["b"] }, threshold: "50%", below: "literal" },
    };
    // (0.25 + 2) / 4.5 = 0.5 exactly: the threshold is reached (10), a hair below is not.
    expect(both(node, { a: d("0.25"), c: d(2), b: d("4.5") }).fast).toBe(10);
    agree(both(node, { a: d("0.24"), c: d(2), b: d("4.5") }), "2.24/4.5");
    expect(both(node, { a: d("0.24"), c: d(2), b: d("4.5") }).fast).toBeLessThan(5);
  });

  it("perItem past the safe integers falls back to doubles, the cap decided when certain", () => {
    const node: Node = {
      code: "1",
      name: "P",
      max: 10,
      formula: { kind: "perItem", items: { x: { label: "x", points: "0.001" } }, cap: "7.5" },
    };
    expect(both(node, { x: d(2 ** 52) })).toMatchObject({ fast: 7.5, exact: true });
    agree(both(node, { x: d(2 ** 52) }), "2^52 × 0.001");
  });
});

describe("exactness at the clamps and the extremes", () => {
  it("a part certainly past its max is its max exactly (5/4 × 15 = 18.75 → 12), unless the max is not on the grid (0.1)", () => {
    expect(both(composite(12), { a: d(5), b: d(4), c: d(4) })).toMatchObject({ fast: 20, exact: true });
    const off = both(composite("0.1"), { a: d(5), b: d(4), c: d(4) });
    expect(off.exact).toBe(false);
    agree(off, "part max 0.1");
    // Below its max and not a constant: 3/4 × 15 = 11.25 is exact in binary but not claimed (a ratio's share).
    expect(both(composite(12), { a: d(3), b: d(4), c: d(0) }).exact).toBe(false);
  });

  it("relative: the best scores max exactly, minmax's lowest scores 0 exactly, others are not claimed", () => {
    for (const mode of ["best", "minmax"] as const) {
      const node: Node = {
        code: "1",
        name: "V",
        max: 10,
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "relative", value: { numerator: ["a"], denominator: ["b"] }, mode },
      };
      const peers = { fast: { bestA: 3, bestB: 4, minA: 1, minB: 4, count: 3 }, dec: { best: d("0.75"), min: d("0.25"), count: 3 } };
      expect(both(node, { a: d(3), b: d(4) }, peers)).toMatchObject({ fast: 10, exact: true });
      const lowest = both(node, { a: d(1), b: d(4) }, peers);
      agree(lowest, `${mode} lowest`);
      expect(lowest.exact).toBe(mode === "minmax");
      expect(both(node, { a: d(2), b: d(4) }, peers).exact).toBe(false);
      // Alone (no peers measured): the unit is its own best.
      expect(both(node, { a: d(2), b: d(4) })).toMatchObject({ fast: 10, exact: true });
    }
  });

  it("perItem past the safe integers in doubles: capped exactly, and the flag only when certainly past the cap", () => {
    const node: Node = {
      code: "1",
      name: "P",
      max: 10,
      formula: { kind: "perItem", items: { x: { label: "x", points: "1.25" }, y: { label: "y", points: "0.1" } } },
    };
    // 2^50 × 125 (points at 2 places) leaves the safe integers: the double path.
    expect(both(node, { x: d(2 ** 50), y: d(0) })).toMatchObject({ fast: 10, exact: true });
    agree(both(node, { x: d(2 ** 50), y: d(3) }), "2^50 items");
  });
});
