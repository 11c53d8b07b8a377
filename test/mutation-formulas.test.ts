// Formula kinds on small inline catalogs, written to kill mutants that survived the existing
// tests (issue 9; bench/MUTATION.md). Public API only, so the tests survive the refactor of
// src/formulas. Every expected value is worked out by hand in the test name or a comment.
import { describe, expect, it } from "vitest";
import {
  CatalogError,
  gaps,
  getCatalog,
  loadCatalog,
  score,
  scoreIndicator,
  template,
  type CatalogInput,
  type CompiledCatalog,
  type PeriodScore,
} from "../src/index.js";
import { pointsUnits } from "./_units.js";

type Node = CatalogInput["indicators"][number];

/** A one-indicator points catalog (leaf code "1"). */
function one(node: Omit<Node, "code" | "name">, extra: Partial<CatalogInput> = {}): CompiledCatalog {
  return loadCatalog({
    id: "mut-2024/so",
    title: "Mutation tests",
    province: "Test",
    level: "so",
    document: { number: "9/QĐ-MUT", date: "2024-01-01" },
    ...extra,
    indicators: [{ code: "1", name: "Chỉ số", ...node } as Node],
  });
}

/** Scores units (data of leaf "1" in period Y) together; returns each unit's period score by id. */
function scoreAll(c: CompiledCatalog, data: Record<string, unknown>): Record<string, PeriodScore & { annual: string }> {
  const r = score(c, {
    catalog: c.id,
    year: 2024,
    periods: ["Y"],
    units: Object.entries(data).map(([id, d]) => ({ id, name: id, data: d === undefined ? {} : { Y: { "1": d } } })),
  } as never);
  return Object.fromEntries(
    pointsUnits(r).map((u) => {
      const ind = u.indicators["1"]!;
      const p = ind.periods!["Y"]!;
      return [u.id, { score: p.score, status: p.status, trace: p.trace, annual: ind.score }];
    }),
  );
}

/** Scores leaf "1" for one unit. */
const leaf = (c: CompiledCatalog, data: unknown) => scoreAll(c, { u: data })["u"]!;

describe("perItem: Σ count × points, at most `cap` (default: the indicator's max)", () => {
  // Every built-in perItem has cap = max (Đồng Nai Sở 1.1: "+ 5 điểm … Tối đa không quá 20 điểm"),
  // so a cap different from max is only exercised here.
  const capped = one({ max: 20, formula: { kind: "perItem", items: { programs: { label: "Chương trình", points: 5 } }, cap: 15 } });
  it("cap 15 below max 20: 3 × 5 = 15 is not over the cap → 15, branch items", () => {
    const s = leaf(capped, 3);
    expect(s.score).toBe("15");
    expect(s.trace.branch).toBe("items");
  });
  it("cap 15 below max 20: 4 × 5 = 20 → capped at 15 (not at max 20)", () => {
    const s = leaf(capped, 4);
    expect(s.score).toBe("15");
    expect(s.trace.branch).toBe("capped");
    expect(s.trace.facts).toMatchObject({ cap: "15", uncapped: "20", items: "programs=4×5" });
    expect(s.trace.raw).toBe("15");
  });
  it("no cap: the cap is max; 3 × 5 = 15 over max 10 → 10, branch capped", () => {
    const s = leaf(one({ max: 10, formula: { kind: "perItem", items: { programs: { label: "Chương trình", points: 5 } } } }), 3);
    expect(s.score).toBe("10");
    expect(s.trace.branch).toBe("capped");
    expect(s.trace.facts["cap"]).toBe("10");
  });
  it("cap 30 above max 20: 5 × 5 = 25 stays under the cap, then the engine clamps to max (25 → 20)", () => {
    const s = leaf(one({ max: 20, formula: { kind: "perItem", items: { programs: { label: "Chương trình", points: 5 } }, cap: 30 } }), 5);
    expect(s.trace.branch).toBe("items");
    expect(s.trace.raw).toBe("25");
    expect(s.score).toBe("20");
    expect(s.trace.clamp).toEqual({ from: "25", to: "20" });
  });
  it("several kinds of item (Đồng Nai Sở 10.1: 10 per method achieved, 5 per approved); an absent count is 0", () => {
    const c = one({
      max: 50,
      formula: { kind: "perItem", items: { achieved: { label: "Đạt", points: 10 }, approved: { label: "Duyệt", points: "2.5" } } },
    });
    // 1 × 10 + 0 × 2.5 = 10
    const s = leaf(c, { achieved: 1 });
    expect(s.score).toBe("10");
    expect(s.trace.facts["items"]).toBe("achieved=1×10,approved=0×2.5");
    // 2 × 10 + 3 × 2.5 = 27.5
    expect(leaf(c, { achieved: 2, approved: 3 }).score).toBe("27.5");
  });
});

describe("threshold: ≥ T → max; below: proportional, literal or zero", () => {
  const t = (below: "proportional" | "literal" | "zero", at?: "gt") =>
    one({
      max: 20,
      inputs: { a: { label: "a" }, b: { label: "b" } },
      formula: { kind: "threshold", value: { numerator: ["a"], denominator: ["b"] }, threshold: "50%", below, ...(at ? { at } : {}) },
    });
  it("Đồng Nai Sở 6.3.2 (literal, 50%): 49/100 → 0.49 × 20 = 9.8; 50/100 → 20", () => {
    const c = getCatalog("dong-nai-2023/so");
    expect(scoreIndicator(c, "6.3.2", { a: 49, b: 100 }).score).toBe("9.8");
    expect(scoreIndicator(c, "6.3.2", { a: 50, b: 100 }).score).toBe("20");
    expect(scoreIndicator(c, "6.3.2", { a: 50, b: 100 }).trace!.branch).toBe("atThreshold");
  });
  it("proportional: 3/10 = 0.3 → 0.3/0.5 × 20 = 12; the threshold is in the facts", () => {
    const s = leaf(t("proportional"), { a: 3, b: 10 });
    expect(s.score).toBe("12");
    expect(s.trace.branch).toBe("belowProportional");
    expect(s.trace.facts).toMatchObject({ value: "0.3", numerator: "3", denominator: "10", threshold: "0.5" });
  });
  it("zero (all-or-nothing): 4/10 → 0; 5/10 → 20", () => {
    expect(leaf(t("zero"), { a: 4, b: 10 }).score).toBe("0");
    expect(leaf(t("zero"), { a: 4, b: 10 }).trace.branch).toBe("belowZero");
    expect(leaf(t("zero"), { a: 5, b: 10 }).score).toBe("20");
  });
  it('at: gt ("trên 50%"): exactly 50% is not enough → 0 with below zero; 6/10 → 20', () => {
    expect(leaf(t("zero", "gt"), { a: 5, b: 10 }).score).toBe("0");
    expect(leaf(t("zero", "gt"), { a: 5, b: 10 }).trace.branch).toBe("belowZero");
    expect(leaf(t("zero", "gt"), { a: 6, b: 10 }).trace.branch).toBe("atThreshold");
  });
  it("at: gte (default): exactly 50% reaches the threshold, branch atThreshold", () => {
    expect(leaf(t("zero"), { a: 5, b: 10 }).trace.branch).toBe("atThreshold");
  });
  it("zero denominator, catalog default policy max (Điều 5c: no subject matter → max): b = 0 → 20", () => {
    const s = leaf(t("zero"), { a: 0, b: 0 });
    expect(s.score).toBe("20");
    expect(s.status).toBe("zeroDenominator");
  });
});

describe("ratio: value × max, or × points", () => {
  it("3/4 × 8 = 6, facts value/numerator/denominator/factor", () => {
    const s = leaf(
      one({
        max: 8,
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      }),
      { a: 3, b: 4 },
    );
    expect(s.score).toBe("6");
    expect(s.trace.facts).toEqual({ value: "0.75", numerator: "3", denominator: "4", factor: "8" });
  });
  it("Đồng Nai Sở 6.4.4 writes Tỷ lệ × 10 điểm: points 10 on a 15-point node, 1/2 → 5", () => {
    const s = leaf(
      one({
        max: 15,
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] }, points: 10 },
      }),
      { a: 1, b: 2 },
    );
    expect(s.score).toBe("5");
    expect(s.trace.facts["factor"]).toBe("10");
  });
  it("sums in numerator and denominator (Đồng Nai Sở 6.3.3: (c+d)/(a+b)): (1+2)/(3+3) × 15 = 7.5", () => {
    expect(scoreIndicator(getCatalog("dong-nai-2023/so"), "6.3.3", { a: 3, b: 3, c: 1, d: 2 }).score).toBe("7.5");
  });
  it("a single input as value: 0.4 × 10 = 4, facts hold only the value", () => {
    const s = leaf(one({ max: 10, inputs: { a: { label: "a", type: "share" } }, formula: { kind: "ratio", value: "a" } }), 0.4);
    expect(s.score).toBe("4");
    expect(s.trace.facts).toEqual({ value: "0.4", factor: "10" });
  });
});

describe("bands: the first band whose bounds hold; none → 0", () => {
  const c = one({
    max: 10,
    inputs: { a: { label: "a" }, b: { label: "b" } },
    formula: {
      kind: "bands",
      value: { numerator: ["a"], denominator: ["b"] },
      bands: [
        { label: "Tốt", gte: "80%", points: 10 },
        { gte: "50%", lt: "80%", share: "50%" },
        { gt: 0, lt: "50%", points: 2 },
      ],
    },
  });
  it("8/10 = 80% is in the first band (≥ 80%) → 10, with its number, bounds and label", () => {
    const s = leaf(c, { a: 8, b: 10 });
    expect(s.score).toBe("10");
    expect(s.trace.facts).toMatchObject({ band: "1", bounds: "≥ 80%", label: "Tốt", value: "0.8" });
  });
  it("5/10 = 50% → second band (≥ 50% and < 80%), worth 50% of 10 = 5", () => {
    const s = leaf(c, { a: 5, b: 10 });
    expect(s.score).toBe("5");
    expect(s.trace.facts).toMatchObject({ band: "2", bounds: "≥ 50% & < 80%" });
    expect(s.trace.facts["label"]).toBeUndefined();
  });
  it("79/100 stays in the second band (< 80%) → 5", () => {
    expect(leaf(c, { a: 79, b: 100 }).score).toBe("5");
  });
  it("49/100 → third band (> 0 and < 50%) → 2", () => {
    expect(leaf(c, { a: 49, b: 100 }).score).toBe("2");
    expect(leaf(c, { a: 49, b: 100 }).trace.facts["bounds"]).toBe("> 0 & < 50%");
  });
  it("0/10 is in no band (> 0 excludes 0) → 0, branch noBand", () => {
    const s = leaf(c, { a: 0, b: 10 });
    expect(s.score).toBe("0");
    expect(s.trace.branch).toBe("noBand");
  });
  const counts = one({
    max: 5,
    inputs: { n: { label: "n" } },
    formula: {
      kind: "bands",
      value: "n",
      bands: [
        { eq: 0, points: 1 },
        { lte: 3, points: 4 },
        { gt: 3, lte: 5, points: 5 },
      ],
    },
  });
  it("eq and lte bounds: 0 → 1 (= 0), 3 → 4 (≤ 3 includes 3), 4 → 5, 6 → none → 0", () => {
    expect(leaf(counts, 0).score).toBe("1");
    expect(leaf(counts, 0).trace.facts["bounds"]).toBe("= 0");
    expect(leaf(counts, 3).score).toBe("4");
    expect(leaf(counts, 3).trace.facts["bounds"]).toBe("≤ 3");
    expect(leaf(counts, 4).score).toBe("5");
    expect(leaf(counts, 6).score).toBe("0");
  });
  it("overlapping bands (n = 5 in both ≥ 5 and 3–5) are refused when the catalog loads: which one holds would be a guess (bandsOverlap, issue 10)", () => {
    let error: unknown;
    try {
      one({
        max: 3,
        inputs: { n: { label: "n" } },
        formula: {
          kind: "bands",
          value: "n",
          bands: [
            { gte: 5, points: 3 },
            { gte: 3, lte: 5, points: 2 },
          ],
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).issues.map((i) => [i.code, i.where.indicator])).toEqual([["bandsOverlap", "1"]]);
  });
  it("a band with no bound matches everything and is shown as *", () => {
    const all = one({ max: 3, inputs: { n: { label: "n" } }, formula: { kind: "bands", value: "n", bands: [{ points: 1 }] } });
    expect(leaf(all, 7).trace.facts["bounds"]).toBe("*");
    expect(leaf(all, 7).score).toBe("1");
  });
  it("zero denominator under policy zero → 0; under policy max → 10", () => {
    const z = one({
      max: 10,
      zeroDenominator: "zero",
      inputs: { a: { label: "a" }, b: { label: "b" } },
      formula: { kind: "bands", value: { numerator: ["a"], denominator: ["b"] }, bands: [{ gte: 0, points: 7 }] },
    });
    expect(leaf(z, { a: 0, b: 0 }).score).toBe("0");
    expect(leaf(z, { a: 0, b: 0 }).trace.branch).toBe("zeroDenominator");
    expect(leaf(c, { a: 0, b: 0 }).score).toBe("10");
  });
});

describe("yesNo, choice, checklist", () => {
  it("yesNo: yes → max, no → 0 (branch no), share 50% of 10 → 5", () => {
    const plain = one({ max: 10, formula: { kind: "yesNo" } });
    expect(leaf(plain, true).score).toBe("10");
    expect(leaf(plain, true).trace.branch).toBe("yes");
    expect(leaf(plain, false).score).toBe("0");
    expect(leaf(plain, false).trace.branch).toBe("no");
    expect(leaf(one({ max: 10, formula: { kind: "yesNo", share: "50%" } }), true).score).toBe("5");
  });
  it("choice: the option named gives its share or points", () => {
    const c = one({
      max: 10,
      formula: {
        kind: "choice",
        options: { full: { label: "Đầy đủ", share: 1 }, part: { label: "Một phần", points: 3 }, none: { label: "Không", points: 0 } },
      },
    });
    expect(leaf(c, "full").score).toBe("10");
    const s = leaf(c, "part");
    expect(s.score).toBe("3");
    expect(s.trace.facts).toEqual({ option: "part", label: "Một phần" });
    expect(leaf(c, "none").score).toBe("0");
  });
  it("checklist: items done add up (2 points + 25% of 8 = 2); an item false or absent adds nothing", () => {
    const c = one({
      max: 8,
      formula: {
        kind: "checklist",
        items: { a: { label: "A", points: 2 }, b: { label: "B", share: "25%" }, c: { label: "C", points: 4 } },
      },
    });
    expect(leaf(c, { a: true, b: true, c: false }).score).toBe("4");
    const s = leaf(c, { b: true });
    expect(s.score).toBe("2");
    // The achieved items' labels ride along for the sentence (issue 12: labels, never keys).
    expect(s.trace.facts).toEqual({ achieved: "b", of: "a,b,c", "label.b": "B" });
    expect(leaf(c, { a: true, b: true, c: true }).score).toBe("8");
  });
});

describe("relative: against the units scored together", () => {
  const best = one({ max: 10, inputs: { a: { label: "a", type: "number" } }, formula: { kind: "relative", value: "a", mode: "best" } });
  it("best: value / best × 10 over 2, 4, 0 → 5, 10, 0; facts best 4, lowest 0, 3 peers", () => {
    const r = scoreAll(best, { x: 2, y: 4, z: 0 });
    expect([r["x"]!.score, r["y"]!.score, r["z"]!.score]).toEqual(["5", "10", "0"]);
    expect(r["x"]!.trace.branch).toBe("best");
    expect(r["x"]!.trace.facts).toMatchObject({ best: "4", min: "0", peers: "3" });
  });
  it("everybody at 0: best is 0 → 0 for all, branch bestZero (no division by zero)", () => {
    const r = scoreAll(best, { x: 0, y: 0 });
    expect(r["x"]!.score).toBe("0");
    expect(r["x"]!.trace.branch).toBe("bestZero");
  });
  it("a unit without data (missing, Điều 5c → 0) or n/a is not a peer: best stays 2, peers 2", () => {
    const r = scoreAll(best, { x: 1, y: 2, none: undefined, na: "n/a" });
    expect(r["x"]!.score).toBe("5");
    expect(r["x"]!.trace.facts["peers"]).toBe("2");
    expect(r["none"]!.score).toBe("0");
    expect(r["none"]!.status).toBe("missing");
    expect(r["na"]!.score).toBe("10");
    expect(r["na"]!.status).toBe("notApplicable");
  });
  it("minmax: (value − min)/(best − min) × 10 over 2, 4, 6 → 0, 5, 10", () => {
    const c = one({ max: 10, inputs: { a: { label: "a", type: "number" } }, formula: { kind: "relative", value: "a", mode: "minmax" } });
    const r = scoreAll(c, { x: 2, y: 4, z: 6 });
    expect([r["x"]!.score, r["y"]!.score, r["z"]!.score]).toEqual(["0", "5", "10"]);
    expect(r["y"]!.trace.branch).toBe("minmax");
  });
  it("a ratio whose denominator is 0 is no peer value; that unit gets the policy (max): 1/2, 1/4, 0/0 → 10, 5, 10", () => {
    const c = one({
      max: 10,
      inputs: { a: { label: "a" }, b: { label: "b" } },
      formula: { kind: "relative", value: { numerator: ["a"], denominator: ["b"] }, mode: "best" },
    });
    const r = scoreAll(c, { x: { a: 1, b: 2 }, y: { a: 1, b: 4 }, z: { a: 0, b: 0 } });
    expect([r["x"]!.score, r["y"]!.score, r["z"]!.score]).toEqual(["10", "5", "10"]);
    expect(r["x"]!.trace.facts["peers"]).toBe("2");
    expect(r["z"]!.status).toBe("zeroDenominator");
  });
});

describe("composite (Đồng Nai Sở 6.4.4: Tỷ lệ × 10 điểm + 5 điểm when 100% of leaders sign digitally)", () => {
  const c = getCatalog("dong-nai-2023/so");
  it("3/4 × 10 + 5 = 12.5, with both parts in the trace", () => {
    const s = scoreIndicator(c, "6.4.4", { a: 3, b: 4, value: true });
    expect(s.score).toBe("12.5");
    expect(s.trace!.parts!.map((p) => [p.max, p.raw, p.score, p.branch])).toEqual([
      ["10", "7.5", "7.5", "ratio"],
      ["5", "5", "5", "yes"],
    ]);
  });
  it("no letters exchanged (b = 0, policy max: Điều 5c) → part 1 scores its own max 10, not the node's 15", () => {
    const s = scoreIndicator(c, "6.4.4", { a: 0, b: 0, value: false });
    expect(s.score).toBe("10");
    expect(s.trace!.parts![0]).toMatchObject({ raw: "10", score: "10", branch: "zeroDenominator" });
  });
  it("each part is clamped to its own max before adding: 3/2 × 10 = 15 → 10, + 0", () => {
    const own = one({
      max: 15,
      inputs: { a: { label: "a" }, b: { label: "b" } },
      formula: {
        kind: "composite",
        parts: [
          { label: "Tỷ lệ", max: 10, formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"], proportion: false } } },
          { label: "Có", max: 5, formula: { kind: "yesNo" } },
        ],
      },
    });
    const s = leaf(own, { a: 3, b: 2, value: false });
    expect(s.score).toBe("10");
    expect(s.trace.parts![0]).toMatchObject({ raw: "15", score: "10" });
    expect(s.trace.branch).toBe("parts");
  });
  it("a part cannot score below 0: negative band points inside a part are refused with the part's path (pointsOutOfRange, issue 10)", () => {
    let error: unknown;
    try {
      one({
        max: 15,
        inputs: { n: { label: "n" } },
        formula: {
          kind: "composite",
          parts: [
            { label: "Trừ điểm", max: 10, formula: { kind: "bands", value: "n", bands: [{ gte: 1, points: "-2" }] } },
            { label: "Có", max: 5, formula: { kind: "yesNo" } },
          ],
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).issues.map((i) => [i.code, i.where.indicator])).toEqual([["pointsOutOfRange", "1"]]);
  });
});

describe("levels (Kon Tum QĐ 121/2025: five levels, each a requirement or Không áp dụng)", () => {
  /** A one-criterion level catalog. */
  function crit(
    formula: Record<string, unknown>,
    inputs: Record<string, unknown> = { a: { label: "a" } },
    extra: Partial<CatalogInput> = {},
  ): CompiledCatalog {
    return loadCatalog({
      id: "mutlv-2025/xa",
      title: "Levels",
      province: "Test",
      level: "xa",
      document: { number: "121/QĐ-MUT", date: "2025-01-01" },
      scoring: "levels",
      ...extra,
      indicators: [
        { code: "1", name: "G", children: [{ code: "1.1", name: "Tiêu chí", inputs, formula: { kind: "levels", ...formula } } as Node] },
      ],
    });
  }
  const lv = (n: number) => ({ text: `Tối thiểu ${n}`, min: n });
  it("a level marked Không áp dụng (null) is skipped: mins 1, 2, –, 4, 5 and value 3 → level 3", () => {
    const c = crit({ value: "a", requirements: { 1: lv(1), 2: lv(2), 3: null, 4: lv(4), 5: lv(5) } });
    expect(scoreIndicator(c, "1.1", 3).levelMet).toBe(3);
    expect(scoreIndicator(c, "1.1", 5).levelMet).toBe(5);
    expect(scoreIndicator(c, "1.1", 0).levelMet).toBe(0);
  });
  it("a level counts only when every level below is met: a ≥ 3 or b ≥ 3 at level 1, a ≥ 1 at level 2; a = 2, b = 0 → 0", () => {
    // Mins on one value cannot go down (levelsDecreasing, issue 10): alternatives at level 1 let level 2 be met alone.
    const c = crit(
      {
        value: "a",
        requirements: {
          1: {
            text: "a ≥ 3 hoặc b ≥ 3",
            anyOf: [
              { value: "a", min: 3 },
              { value: "b", min: 3 },
            ],
          },
          2: lv(1),
          3: null,
          4: null,
          5: null,
        },
      },
      { a: { label: "a" }, b: { label: "b" } },
    );
    const s = scoreIndicator(c, "1.1", { a: 2, b: 0 });
    expect(s.levelMet).toBe(0);
    expect(s.checks!.map((k) => k.met)).toEqual([false, true]);
  });
  it("a ratio requirement is a percentage: 7/10 = 0.7 meets 70% (level 2) but not 80% (level 3)", () => {
    const c = crit(
      {
        value: { numerator: ["a"], denominator: ["b"] },
        requirements: {
          1: { text: "≥ 50%", min: "50%" },
          2: { text: "≥ 70%", min: "70%" },
          3: { text: "≥ 80%", min: "80%" },
          4: null,
          5: null,
        },
      },
      { a: { label: "a" }, b: { label: "b" } },
    );
    const s = scoreIndicator(c, "1.1", { a: 7, b: 10 });
    expect(s.levelMet).toBe(2);
    expect(s.checks![2]).toMatchObject({ level: 3, met: false, value: "0.7", min: "0.8", scale: "percent" });
  });
  it("zero denominator: met under policy max (no such subject matter), not met under policy zero", () => {
    const reqs = {
      value: { numerator: ["a"], denominator: ["b"] },
      requirements: { 1: { text: "≥ 50%", min: "50%" }, 2: null, 3: null, 4: null, 5: null },
    };
    const ab = { a: { label: "a" }, b: { label: "b" } };
    expect(scoreIndicator(crit(reqs, ab), "1.1", { a: 0, b: 0 }).levelMet).toBe(5);
    expect(
      scoreIndicator(crit(reqs, ab, { defaults: { cadence: "year", annualRule: "last", zeroDenominator: "zero" } }), "1.1", { a: 0, b: 0 })
        .levelMet,
    ).toBe(0);
  });
  it("anyOf: one alternative is enough (a ≥ 2 or b ≥ 5); none met → the first alternative is reported", () => {
    const c = crit(
      {
        requirements: {
          1: {
            text: "a ≥ 2 hoặc b ≥ 5",
            anyOf: [
              { value: "a", min: 2 },
              { value: "b", min: 5 },
            ],
          },
          2: null,
          3: null,
          4: null,
          5: null,
        },
      },
      { a: { label: "a" }, b: { label: "b" } },
    );
    expect(scoreIndicator(c, "1.1", { a: 1, b: 5 }).levelMet).toBe(5);
    expect(scoreIndicator(c, "1.1", { a: 1, b: 5 }).checks![0]).toMatchObject({ met: true, value: "5", min: "5" });
    expect(scoreIndicator(c, "1.1", { a: 2, b: 0 }).levelMet).toBe(5);
    const none = scoreIndicator(c, "1.1", { a: 1, b: 4 });
    expect(none.levelMet).toBe(0);
    expect(none.checks![0]).toMatchObject({ met: false, value: "1", min: "2", scale: "count" });
  });
  it("present: a yes/no requirement (Có) at level 2 only; false → level 1", () => {
    const c = crit({ requirements: { 1: null, 2: { text: "Có hệ thống", present: true }, 3: null, 4: null, 5: null } }, {});
    expect(scoreIndicator(c, "1.1", true).levelMet).toBe(5);
    const s = scoreIndicator(c, "1.1", false);
    expect(s.levelMet).toBe(1);
    expect(s.checks![0]).toMatchObject({ level: 2, met: false, value: "false", scale: "presence" });
  });
});

describe("what each kind asks for (field specs, seen through template, gaps and catalog errors)", () => {
  const c = loadCatalog({
    id: "mutfields-2024/so",
    title: "Fields",
    province: "Test",
    level: "so",
    document: { number: "9/QĐ-MUT", date: "2024-01-01" },
    indicators: [
      {
        code: "1",
        name: "Tỷ lệ",
        max: 10,
        inputs: { a: { label: "Số văn bản ký số", unit: "văn bản" }, b: { label: "Tổng số văn bản" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      },
      { code: "2", name: "Có/không", max: 10, formula: { kind: "yesNo" } },
      { code: "3", name: "Có/không có nhãn", max: 10, formula: { kind: "yesNo", label: "Đã ban hành kế hoạch" } },
      {
        code: "4",
        name: "Lựa chọn",
        max: 10,
        formula: { kind: "choice", options: { full: { label: "Đầy đủ", share: 1 }, none: { label: "Không", points: 0 } } },
      },
      {
        code: "5",
        name: "Danh mục",
        max: 15,
        formula: { kind: "checklist", items: { plan: { label: "Kế hoạch", points: 10 }, report: { label: "Báo cáo", points: 5 } } },
      },
      {
        code: "6",
        name: "Theo số lượng",
        max: 10,
        formula: { kind: "perItem", items: { programs: { label: "Chương trình", points: 5 } } },
      },
    ],
  });
  const rows = () => {
    const [head, ...lines] = template(c, "csv", { periods: ["Y"], year: 2024 })
      .trim()
      .split(/\r?\n/);
    const cols = head!.split(",");
    return lines.map((l) => {
      // Values here hold no commas or quotes but the label's " — ".
      const cells = l.split(",");
      return Object.fromEntries(cols.map((k, i) => [k, cells[i] ?? ""]));
    });
  };
  const row = (code: string, field: string) => rows().find((r) => r["code"] === code && r["field"] === field)!;
  it("a ratio's inputs: their labels (not their letters), their unit, type count by default", () => {
    expect(row("1", "a")).toMatchObject({ label: "Tỷ lệ — Số văn bản ký số", unit: "văn bản" });
    expect(row("1", "b")).toMatchObject({ label: "Tỷ lệ — Tổng số văn bản", unit: "" });
    expect(row("1", "a")["type"]).toMatch(/count/);
  });
  it("yesNo asks for `value`, labelled Có / Không unless the formula names it", () => {
    expect(row("2", "value")["label"]).toBe("Có/không — Có / Không");
    expect(row("3", "value")["label"]).toBe("Có/không có nhãn — Đã ban hành kế hoạch");
  });
  it("choice lists its options in the label (key: label; …); checklist and perItem label each item", () => {
    expect(row("4", "value")["label"]).toBe("Lựa chọn — full: Đầy đủ; none: Không");
    expect(row("5", "plan")["label"]).toBe("Danh mục — Kế hoạch");
    expect(row("5", "report")["label"]).toBe("Danh mục — Báo cáo");
    expect(row("6", "programs")["label"]).toBe("Theo số lượng — Chương trình");
  });
  it("every kind's inputs count as more-is-better: gaps suggests raising each indicator at 0 (one change reaching the max each)", () => {
    const ds = {
      catalog: c.id,
      year: 2024,
      periods: ["Y"],
      units: [
        {
          id: "u",
          name: "U",
          data: { Y: { "1": { a: 0, b: 10 }, "2": false, "3": false, "4": "none", "5": { plan: false, report: true }, "6": 0 } },
        },
      ],
    };
    const codes = new Set(gaps(c, ds, "u").suggestions.map((s) => s.code));
    expect([...codes].sort()).toEqual(["1", "2", "3", "4", "5", "6"]);
  });
  it("an input the formula names but the node does not declare is a CatalogError (unknownInput), not a crash", () => {
    let caught: unknown;
    try {
      loadCatalog({
        id: "bad-2024/so",
        title: "Bad",
        province: "T",
        level: "so",
        document: { number: "x", date: "2024-01-01" },
        indicators: [
          {
            code: "1",
            name: "X",
            max: 10,
            inputs: { a: { label: "a" } },
            formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["zz"] } },
          },
        ],
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CatalogError);
    expect((caught as CatalogError).issues.map((i) => [i.code, i.where.field])).toEqual([["unknownInput", "zz"]]);
  });
});

describe("branches a trace records", () => {
  it("an lt bound excludes its edge and the next band is tried: 3 is not < 3 → second band (2), 2 → first (1)", () => {
    const c = one({
      max: 2,
      inputs: { n: { label: "n" } },
      formula: {
        kind: "bands",
        value: "n",
        bands: [
          { lt: 3, points: 1 },
          { gte: 0, points: 2 },
        ],
      },
    });
    expect(leaf(c, 3).score).toBe("2");
    expect(leaf(c, 2).score).toBe("1");
  });
  it("checklist: the items achieved are listed comma-separated (a,c)", () => {
    const c = one({
      max: 8,
      formula: { kind: "checklist", items: { a: { label: "A", points: 2 }, b: { label: "B", points: 2 }, c: { label: "C", points: 2 } } },
    });
    expect(leaf(c, { a: true, c: true }).trace.facts["achieved"]).toBe("a,c");
  });
  it("zero denominator is the branch of threshold and relative too", () => {
    const ab = { a: { label: "a" }, b: { label: "b" } };
    const value = { numerator: ["a"], denominator: ["b"] };
    expect(
      leaf(one({ max: 10, inputs: ab, formula: { kind: "threshold", value, threshold: "50%", below: "zero" } }), { a: 0, b: 0 }).trace
        .branch,
    ).toBe("zeroDenominator");
    expect(leaf(one({ max: 10, inputs: ab, formula: { kind: "relative", value, mode: "best" } }), { a: 0, b: 0 }).trace.branch).toBe(
      "zeroDenominator",
    );
  });
  it("minmax with every unit equal (zero range) falls back to value / best: 2 and 2 → 10, branch rangeZeroFallback", () => {
    const c = one({ max: 10, inputs: { a: { label: "a", type: "number" } }, formula: { kind: "relative", value: "a", mode: "minmax" } });
    const r = scoreAll(c, { x: 2, y: 2 });
    expect(r["x"]!.score).toBe("10");
    expect(r["x"]!.trace.branch).toBe("rangeZeroFallback");
  });
  it("levels: a presence check shows the value read (true)", () => {
    const c = loadCatalog({
      id: "mutlv-2025/xa",
      title: "Levels",
      province: "Test",
      level: "xa",
      document: { number: "121/QĐ-MUT", date: "2025-01-01" },
      scoring: "levels",
      indicators: [
        {
          code: "1",
          name: "G",
          children: [
            {
              code: "1.1",
              name: "Có",
              formula: { kind: "levels", requirements: { 1: { text: "Có", present: true }, 2: null, 3: null, 4: null, 5: null } },
            },
          ],
        },
      ],
    } as CatalogInput);
    expect(scoreIndicator(c, "1.1", true).checks![0]).toMatchObject({ met: true, value: "true", scale: "presence" });
  });
  it("levels: a requirement with nothing to measure (text only) is never met, and does not crash", () => {
    const c = loadCatalog({
      id: "mutlv-2025/xa",
      title: "Levels",
      province: "Test",
      level: "xa",
      document: { number: "121/QĐ-MUT", date: "2025-01-01" },
      scoring: "levels",
      indicators: [
        {
          code: "1",
          name: "G",
          children: [
            {
              code: "1.1",
              name: "Quy chế",
              inputs: { a: { label: "a" } },
              formula: {
                kind: "levels",
                value: "a",
                requirements: { 1: { text: "Tối thiểu 1", min: 1 }, 2: { text: "Có quy chế" }, 3: null, 4: null, 5: null },
              },
            },
          ],
        },
      ],
    } as CatalogInput);
    const s = scoreIndicator(c, "1.1", 3);
    expect(s.levelMet).toBe(1);
    expect(s.checks![1]).toEqual({ level: 2, text: "Có quy chế", met: false });
  });
});
