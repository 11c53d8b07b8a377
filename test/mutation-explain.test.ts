// The sentence of every branch of every formula kind (src/formulas/*/index.ts `explain`, and
// shownValue / bareValue / onValueScale of src/formulas/_value.ts), in Vietnamese (decimal comma)
// and English (decimal point), plus the statuses, the clamp suffix and one whole `explain` of a
// 4-quarter unit. Public API only; every catalog is inline and every score happens inside `it()`
// (Stryker's per-test coverage). Each expected sentence is worked out by hand in a comment.
import { describe, expect, it } from "vitest";
import { describeTrace, explain, loadCatalog, score, type CatalogInput, type CompiledCatalog, type PeriodScore } from "../src/index.js";
import { pointsUnit } from "./_units.js";

type Node = CatalogInput["indicators"][number];

const ID = "mutx-2024/so";

/** A one-indicator points catalog (leaf code "1"). */
function one(node: Omit<Node, "code" | "name">, extra: Partial<CatalogInput> = {}): CompiledCatalog {
  return loadCatalog({
    id: ID,
    title: "Mutation tests: explain",
    province: "Test",
    level: "so",
    document: { number: "9/QĐ-MUT", date: "2024-01-01" },
    ...extra,
    indicators: [{ code: "1", name: "Chỉ số", ...node } as Node],
  });
}

interface Said {
  readonly vi: string;
  readonly en: string;
  readonly period: PeriodScore;
}

/** Scores units together (data of leaf "1" in period Y, `undefined` = no entry) and describes each unit's period score. */
function sayAll(c: CompiledCatalog, data: Record<string, unknown>, profiles: Record<string, unknown> = {}): Record<string, Said> {
  const r = score(c, {
    catalog: c.id,
    year: 2024,
    periods: ["Y"],
    units: Object.entries(data).map(([id, d]) => ({
      id,
      name: id,
      ...(profiles[id] !== undefined ? { profile: profiles[id] } : {}),
      data: d === undefined ? {} : { Y: { "1": d } },
    })),
  } as never);
  return Object.fromEntries(
    Object.keys(data).map((id) => {
      const ind = pointsUnit(r, id).indicators["1"]!;
      const p = ind.periods!["Y"]!;
      return [id, { vi: describeTrace(p.trace, ind.max, p.score, "vi"), en: describeTrace(p.trace, ind.max, p.score, "en"), period: p }];
    }),
  );
}

/** The sentences of leaf "1" for one unit. */
const say = (c: CompiledCatalog, data: unknown, profile?: unknown): Said =>
  sayAll(c, { u: data }, profile === undefined ? {} : { u: profile })["u"]!;

const ab = { a: { label: "Tử số" }, b: { label: "Mẫu số" } };
const aOnly = { a: { label: "Giá trị", type: "number" } } as const;
const frac = { numerator: ["a"], denominator: ["b"] };

describe("ratio: value × max, or × `points`", () => {
  it("Đồng Nai Sở 2.6: 3/4 × 30 = 22,5 (vi decimal comma, en point)", () => {
    // 3/4 = 0.75 → 75%; 0.75 × 30 = 22.5
    const s = say(one({ max: 30, inputs: ab, formula: { kind: "ratio", value: frac } }), { a: 3, b: 4 });
    expect(s.period.trace.branch).toBe("ratio");
    expect(s.vi).toBe("3/4 = 75% × 30 = 22,5 điểm");
    expect(s.en).toBe("3/4 = 75% × 30 = 22.5 points");
  });
  it("`points: 8` multiplies instead of max 10: 1/4 × 8 = 2 (the factor shown is 8, not 10)", () => {
    // 1/4 = 25%; 0.25 × 8 = 2
    const s = say(one({ max: 10, inputs: ab, formula: { kind: "ratio", value: frac, points: 8 } }), { a: 1, b: 4 });
    expect(s.vi).toBe("1/4 = 25% × 8 = 2 điểm");
    expect(s.en).toBe("1/4 = 25% × 8 = 2 points");
  });
  it("a plain input (no ratio) is shown as a number, not a percentage: 0.5 × 10 = 5", () => {
    const s = say(one({ max: 10, inputs: { a: { label: "Tỷ lệ", type: "share" } }, formula: { kind: "ratio", value: "a" } }), { a: 0.5 });
    expect(s.vi).toBe("0,5 × 10 = 5 điểm");
    expect(s.en).toBe("0.5 × 10 = 5 points");
  });
  it("clamp suffix: 1/1 × points 15 = 15 over max 10 → 10 (the sentence shows the clamped score, then the clamp)", () => {
    const s = say(one({ max: 10, inputs: ab, formula: { kind: "ratio", value: frac, points: 15 } }), { a: 1, b: 1 });
    expect(s.period.trace.clamp).toEqual({ from: "15", to: "10" });
    expect(s.vi).toBe("1/1 = 100% × 15 = 10 điểm (giới hạn từ 15 xuống 10)");
    expect(s.en).toBe("1/1 = 100% × 15 = 10 points (clamped from 15 to 10)");
  });
  it("status zeroDenominator, policy max (default): 0/0 → 30", () => {
    const s = say(one({ max: 30, inputs: ab, formula: { kind: "ratio", value: frac } }), { a: 0, b: 0 });
    expect(s.period.status).toBe("zeroDenominator");
    expect(s.vi).toBe("mẫu số bằng 0 → theo quy tắc → 30 điểm");
    expect(s.en).toBe("denominator is 0 → by policy → 30 points");
  });
  it("status zeroDenominator, policy zero: 0/0 → 0", () => {
    const s = say(one({ max: 30, inputs: ab, zeroDenominator: "zero", formula: { kind: "ratio", value: frac } }), { a: 0, b: 0 });
    expect(s.vi).toBe("mẫu số bằng 0 → theo quy tắc → 0 điểm");
    expect(s.en).toBe("denominator is 0 → by policy → 0 points");
  });
});

describe("threshold: ≥ T → max; below: proportional, literal (Đồng Nai Sở 6.3.2) or zero", () => {
  const th = (below: "proportional" | "literal" | "zero", at?: "gt") =>
    one({ max: 20, inputs: ab, formula: { kind: "threshold", value: frac, threshold: 0.8, below, ...(at ? { at } : {}) } });
  it("atThreshold on a ratio: 9/10 = 90% ≥ 80% → max 20 (threshold shown on the percent scale)", () => {
    const s = say(th("proportional"), { a: 9, b: 10 });
    expect(s.period.trace.branch).toBe("atThreshold");
    expect(s.vi).toBe("9/10 = 90% ≥ 80% → tối đa 20 điểm");
    expect(s.en).toBe("9/10 = 90% ≥ 80% → max 20 points");
  });
  it("belowProportional: 60% / 80% × 20 = 15", () => {
    // 0.6 / 0.8 × 20 = 15
    const s = say(th("proportional"), { a: 6, b: 10 });
    expect(s.period.trace.branch).toBe("belowProportional");
    expect(s.vi).toBe("6/10 = 60% < 80% → 60% / 80% × 20 = 15 điểm");
    expect(s.en).toBe("6/10 = 60% < 80% → 60% / 80% × 20 = 15 points");
  });
  it("belowLiteral (Đồng Nai Sở 6.3.2, as written): 60% × 20 = 12", () => {
    // 0.6 × 20 = 12
    const s = say(th("literal"), { a: 6, b: 10 });
    expect(s.period.trace.branch).toBe("belowLiteral");
    expect(s.vi).toBe("6/10 = 60% < 80% → 60% × 20 = 12 điểm (theo văn bản)");
    expect(s.en).toBe("6/10 = 60% < 80% → 60% × 20 = 12 points (as written)");
  });
  it("belowZero: 60% < 80% → 0", () => {
    const s = say(th("zero"), { a: 6, b: 10 });
    expect(s.period.trace.branch).toBe("belowZero");
    expect(s.vi).toBe("6/10 = 60% < 80% → 0 điểm");
    expect(s.en).toBe("6/10 = 60% < 80% → 0 points");
  });
  it("a plain count with a decimal threshold: 1 < 2,5 → 1 / 2,5 × 10 = 4 (numbers, not percentages)", () => {
    // 1 / 2.5 × 10 = 4
    const c = one({ max: 10, inputs: aOnly, formula: { kind: "threshold", value: "a", threshold: 2.5, below: "proportional" } });
    const s = say(c, { a: 1 });
    expect(s.vi).toBe("1 < 2,5 → 1 / 2,5 × 10 = 4 điểm");
    expect(s.en).toBe("1 < 2.5 → 1 / 2.5 × 10 = 4 points");
    const top = say(c, { a: 3 });
    expect(top.vi).toBe("3 ≥ 2,5 → tối đa 10 điểm");
    expect(top.en).toBe("3 ≥ 2.5 → max 10 points");
  });
  it("a plain count, literal below: 2 × 10 = 20 → clamped to max 10; zero below: 2 < 2,5 → 0", () => {
    const lit = say(one({ max: 10, inputs: aOnly, formula: { kind: "threshold", value: "a", threshold: 2.5, below: "literal" } }), {
      a: 2,
    });
    expect(lit.vi).toBe("2 < 2,5 → 2 × 10 = 10 điểm (theo văn bản) (giới hạn từ 20 xuống 10)");
    expect(lit.en).toBe("2 < 2.5 → 2 × 10 = 10 points (as written) (clamped from 20 to 10)");
    const zero = say(one({ max: 10, inputs: aOnly, formula: { kind: "threshold", value: "a", threshold: 2.5, below: "zero" } }), { a: 2 });
    expect(zero.vi).toBe("2 < 2,5 → 0 điểm");
    expect(zero.en).toBe("2 < 2.5 → 0 points");
  });
  it("at: gt — 90% exceeds 80% (printed with ≥); exactly 80% is not enough (printed as 80% < 80%)", () => {
    // Current wording: the sentence does not distinguish gte from gt (see the report's doubts).
    const over = say(th("zero", "gt"), { a: 9, b: 10 });
    expect(over.period.trace.branch).toBe("atThreshold");
    expect(over.vi).toBe("9/10 = 90% ≥ 80% → tối đa 20 điểm");
    const equal = say(th("zero", "gt"), { a: 8, b: 10 });
    expect(equal.period.trace.branch).toBe("belowZero");
    expect(equal.vi).toBe("8/10 = 80% < 80% → 0 điểm");
    expect(equal.en).toBe("8/10 = 80% < 80% → 0 points");
  });
});

describe("bands: the first band whose bounds hold; none → 0", () => {
  const c = one({
    max: 10,
    inputs: aOnly,
    formula: {
      kind: "bands",
      value: "a",
      bands: [
        { label: "Tốt", gte: 20, share: 1 },
        { gte: 10, lt: 20, share: 0.5 },
        { gt: 3, lte: 5, points: 2.5 },
        { eq: 1, points: 1 },
      ],
    },
  });
  it("band with a label: 25 → band 1 (Tốt) → 10", () => {
    const s = say(c, { a: 25 });
    expect(s.period.trace.branch).toBe("band");
    expect(s.vi).toBe("25 → mức 1 (Tốt) → 10 điểm");
    expect(s.en).toBe("25 → band 1 (Tốt) → 10 points");
  });
  it("band without a label shows its bounds: 12 → band 2 (≥ 10 & < 20) → 0.5 × 10 = 5", () => {
    const s = say(c, { a: 12 });
    expect(s.vi).toBe("12 → mức 2 (≥ 10 & < 20) → 5 điểm");
    expect(s.en).toBe("12 → band 2 (≥ 10 & < 20) → 5 points");
  });
  it("bounds > and ≤, and =: 4 → band 3 (> 3 & ≤ 5) → 2,5; 1 → band 4 (= 1) → 1", () => {
    const s = say(c, { a: 4 });
    expect(s.vi).toBe("4 → mức 3 (> 3 & ≤ 5) → 2,5 điểm");
    expect(s.en).toBe("4 → band 3 (> 3 & ≤ 5) → 2.5 points");
    const e = say(c, { a: 1 });
    expect(e.vi).toBe("1 → mức 4 (= 1) → 1 điểm");
    expect(e.en).toBe("1 → band 4 (= 1) → 1 points");
  });
  it("noBand: 7 is in no band → 0", () => {
    const s = say(c, { a: 7 });
    expect(s.period.trace.branch).toBe("noBand");
    expect(s.vi).toBe("7 → 0 điểm");
    expect(s.en).toBe("7 → 0 points");
  });
  it("a ratio value: 1/2 = 50% → band 2; the bounds keep the catalog's literal (< 0.8, fraction, decimal point in vi)", () => {
    const r = one({
      max: 10,
      inputs: ab,
      formula: {
        kind: "bands",
        value: frac,
        bands: [
          { gte: 0.8, share: 1 },
          { lt: 0.8, share: 0.5 },
        ],
      },
    });
    const s = say(r, { a: 1, b: 2 });
    expect(s.vi).toBe("1/2 = 50% → mức 2 (< 0.8) → 5 điểm");
    expect(s.en).toBe("1/2 = 50% → band 2 (< 0.8) → 5 points");
  });
});

describe("yesNo", () => {
  const c = one({ max: 10, formula: { kind: "yesNo" } });
  it("yes → max 10", () => {
    const s = say(c, true);
    expect(s.period.trace.branch).toBe("yes");
    expect(s.vi).toBe("có → 10 điểm");
    expect(s.en).toBe("yes → 10 points");
  });
  it("no → 0", () => {
    const s = say(c, false);
    expect(s.period.trace.branch).toBe("no");
    expect(s.vi).toBe("không → 0 điểm");
    expect(s.en).toBe("no → 0 points");
  });
  it("yes with share 0.25 of 10 → 2,5", () => {
    const s = say(one({ max: 10, formula: { kind: "yesNo", share: 0.25 } }), true);
    expect(s.vi).toBe("có → 2,5 điểm");
    expect(s.en).toBe("yes → 2.5 points");
  });
});

describe("choice: the option's label in quotes", () => {
  const c = one({
    max: 10,
    formula: {
      kind: "choice",
      options: { full: { label: "Đầy đủ", share: 1 }, part: { label: "Một phần", points: 2.5 } },
    },
  });
  it("option part (points 2.5) → “Một phần” → 2,5", () => {
    const s = say(c, "part");
    expect(s.period.trace.branch).toBe("option");
    expect(s.vi).toBe("chọn “Một phần” → 2,5 điểm");
    expect(s.en).toBe("chose “Một phần” → 2.5 points");
  });
  it("option full (share 1) → “Đầy đủ” → 10", () => {
    const s = say(c, "full");
    expect(s.vi).toBe("chọn “Đầy đủ” → 10 điểm");
    expect(s.en).toBe("chose “Đầy đủ” → 10 points");
  });
});

describe("checklist: the items achieved (by label, never the field name)", () => {
  const c = one({
    max: 10,
    formula: {
      kind: "checklist",
      items: { x: { label: "Mục X", share: 0.5 }, y: { label: "Mục Y", points: 3 }, z: { label: "Mục Z", points: 2 } },
    },
  });
  it("x and y achieved: 0.5 × 10 + 3 = 8", () => {
    const s = say(c, { x: true, y: true, z: false });
    expect(s.period.trace.branch).toBe("items");
    expect(s.vi).toBe("đạt: “Mục X”, “Mục Y” → 8 điểm");
    expect(s.en).toBe("achieved: “Mục X”, “Mục Y” → 8 points");
  });
  it("no item achieved → “không mục nào” / “no item” → 0", () => {
    const s = say(c, { x: false });
    expect(s.vi).toBe("đạt: không mục nào → 0 điểm");
    expect(s.en).toBe("achieved: no item → 0 points");
  });
});

describe("perItem: Σ count × points, capped", () => {
  const items = { programs: { label: "Chương trình", points: 5 }, apps: { label: "Ứng dụng", points: 2.5 } };
  it("items: 2 × 5 + 1 × 2.5 = 12,5 (the item terms keep the catalog's literal 2.5)", () => {
    const s = say(one({ max: 20, formula: { kind: "perItem", items } }), { programs: 2, apps: 1 });
    expect(s.period.trace.branch).toBe("items");
    expect(s.vi).toBe("Chương trình: 2 × 5 + Ứng dụng: 1 × 2,5 = 12,5 → 12,5 điểm");
    expect(s.en).toBe("Chương trình: 2 × 5 + Ứng dụng: 1 × 2.5 = 12.5 → 12.5 points");
  });
  it("Đồng Nai Sở 1.1 style cap: 4 × 5 = 20 over cap 15 → 15", () => {
    const s = say(one({ max: 20, formula: { kind: "perItem", items, cap: 15 } }), { programs: 4 });
    expect(s.period.trace.branch).toBe("capped");
    expect(s.vi).toBe("Chương trình: 4 × 5 + Ứng dụng: 0 × 2,5 = 20, tối đa 15 → 15 điểm");
    expect(s.en).toBe("Chương trình: 4 × 5 + Ứng dụng: 0 × 2.5 = 20, max 15 → 15 points");
  });
  it("cap 15 above max 10: capped to 15, then clamped to 10", () => {
    const s = say(one({ max: 10, formula: { kind: "perItem", items: { programs: items.programs }, cap: 15 } }), { programs: 4 });
    expect(s.vi).toBe("Chương trình: 4 × 5 = 20, tối đa 15 → 10 điểm (giới hạn từ 15 xuống 10)");
    expect(s.en).toBe("Chương trình: 4 × 5 = 20, max 15 → 10 points (clamped from 15 to 10)");
  });
});

describe("relative: compared with the units scored together", () => {
  const rel = (mode: "best" | "minmax", value: unknown = "a", inputs: object = aOnly) =>
    one({ max: 10, inputs: inputs as never, formula: { kind: "relative", value: value as never, mode } });
  it("best: 4 / best 8 × 10 = 5 (peers 4, 8, 2)", () => {
    const s = sayAll(rel("best"), { u1: { a: 4 }, u2: { a: 8 }, u3: { a: 2 } });
    expect(s["u1"]!.period.trace.branch).toBe("best");
    expect(s["u1"]!.vi).toBe("4 / cao nhất 8 × 10 = 5 điểm");
    expect(s["u1"]!.en).toBe("4 / best 8 × 10 = 5 points");
    expect(s["u2"]!.vi).toBe("8 / cao nhất 8 × 10 = 10 điểm");
  });
  it("minmax: (4 − 2) / (8 − 2) × 10 = 3,33", () => {
    const s = sayAll(rel("minmax"), { u1: { a: 4 }, u2: { a: 8 }, u3: { a: 2 } });
    expect(s["u1"]!.period.trace.branch).toBe("minmax");
    expect(s["u1"]!.vi).toBe("(4 − thấp nhất 2) / (cao nhất 8 − 2) × 10 = 3,33 điểm");
    expect(s["u1"]!.en).toBe("(4 − lowest 2) / (best 8 − 2) × 10 = 3.33 points");
  });
  it("minmax on ratios (percent scale): (50% − 25%) / (75% − 25%) × 10 = 5", () => {
    const s = sayAll(rel("minmax", frac, ab), { u1: { a: 1, b: 4 }, u2: { a: 3, b: 4 }, u3: { a: 2, b: 4 } });
    expect(s["u3"]!.vi).toBe("(50% − thấp nhất 25%) / (cao nhất 75% − 25%) × 10 = 5 điểm");
    expect(s["u3"]!.en).toBe("(50% − lowest 25%) / (best 75% − 25%) × 10 = 5 points");
  });
  it("best on ratios: 1/4 = 25% / best 75% × 10 = 3,33", () => {
    const s = sayAll(rel("best", frac, ab), { u1: { a: 1, b: 4 }, u2: { a: 3, b: 4 } });
    expect(s["u1"]!.vi).toBe("1/4 = 25% / cao nhất 75% × 10 = 3,33 điểm");
    expect(s["u1"]!.en).toBe("1/4 = 25% / best 75% × 10 = 3.33 points");
  });
  it("rangeZeroFallback: minmax with equal peers (5, 5) falls back to 5 / best 5 × 10 = 10", () => {
    const s = sayAll(rel("minmax"), { u1: { a: 5 }, u2: { a: 5 } });
    expect(s["u1"]!.period.trace.branch).toBe("rangeZeroFallback");
    expect(s["u1"]!.vi).toBe("5 / cao nhất 5 × 10 = 10 điểm");
    expect(s["u1"]!.en).toBe("5 / best 5 × 10 = 10 points");
  });
  it("bestZero: every peer at 0 → 0", () => {
    const s = sayAll(rel("best"), { u1: { a: 0 }, u2: { a: 0 }, u3: { a: 0 } });
    expect(s["u1"]!.period.trace.branch).toBe("bestZero");
    expect(s["u1"]!.vi).toBe("0; cao nhất = 0 → 0 điểm");
    expect(s["u1"]!.en).toBe("0; best = 0 → 0 points");
    const r = sayAll(rel("best", frac, ab), { u1: { a: 0, b: 4 }, u2: { a: 0, b: 2 } });
    expect(r["u1"]!.vi).toBe("0/4 = 0%; cao nhất = 0 → 0 điểm");
    expect(r["u1"]!.en).toBe("0/4 = 0%; best = 0 → 0 points");
  });
});

describe("composite (Đồng Nai Sở 6.4.4): each part's score / max, then the total", () => {
  it("Cổng: 9/10 × 10 = 9; Ứng dụng: yes → 5; 9 + 5 = 14", () => {
    const c = one({
      max: 15,
      inputs: ab,
      formula: {
        kind: "composite",
        parts: [
          { label: "Cổng", max: 10, formula: { kind: "ratio", value: frac } },
          { label: "Ứng dụng", max: 5, formula: { kind: "yesNo" } },
        ],
      },
    });
    const s = say(c, { a: 9, b: 10, value: true });
    expect(s.period.trace.branch).toBe("parts");
    expect(s.vi).toBe("Cổng: 9/10; Ứng dụng: 5/5 → 14 điểm");
    expect(s.en).toBe("Cổng: 9/10; Ứng dụng: 5/5 → 14 points");
    // 4,5/10: a part's decimal score in each language
    const h = say(c, { a: 9, b: 20, value: false });
    expect(h.vi).toBe("Cổng: 4,5/10; Ứng dụng: 0/5 → 4,5 điểm");
    expect(h.en).toBe("Cổng: 4.5/10; Ứng dụng: 0/5 → 4.5 points");
  });
});

describe("statuses: missing, notApplicable (Điều 5c)", () => {
  it("no entry → missing, 0 points, no field list", () => {
    const s = say(one({ max: 30, formula: { kind: "yesNo" } }), undefined);
    expect(s.period.status).toBe("missing");
    expect(s.vi).toBe("không có số liệu → 0 điểm (thiếu số liệu tính 0 điểm)");
    expect(s.en).toBe("no data → 0 points (missing data scores 0)");
  });
  it("missing profile fields are no longer explained as a missing score: they are refused, naming both (missingProfileField, issue 10)", () => {
    const c = one(
      {
        max: 30,
        inputs: { a: { label: "a" }, b: { label: "Cán bộ", from: "profile.staff" }, d: { label: "Phòng", from: "profile.rooms" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b", "d"] } },
      },
      { profile: { staff: { label: "Tổng số cán bộ", type: "count" }, rooms: { label: "Số phòng", type: "count" } } },
    );
    let error: unknown;
    try {
      say(c, { a: 3 });
    } catch (e) {
      error = e;
    }
    const issues = (error as { issues?: { code: string; where: { field?: string } }[] }).issues ?? [];
    expect(issues.map((i) => [i.code, i.where.field])).toEqual([
      ["missingProfileField", "profile.staff"],
      ["missingProfileField", "profile.rooms"],
    ]);
  });
  it('"Không áp dụng" → not applicable → max 30', () => {
    const s = say(one({ max: 30, formula: { kind: "yesNo" } }), "Không áp dụng");
    expect(s.period.status).toBe("notApplicable");
    expect(s.vi).toBe("không áp dụng → tối đa 30 điểm");
    expect(s.en).toBe("not applicable → max 30 points");
  });
});

describe("explain(result, unit): a 4-quarter unit, annual rules, a group line, the citation", () => {
  it("group 1 = 1.1 (ratio, mean of 4 quarters) + 1.2 (yesNo, last quarter); 2 yearly", () => {
    const c = loadCatalog({
      id: ID,
      title: "Mutation tests: explain",
      province: "Test",
      level: "so",
      document: { number: "9/QĐ-MUT", date: "2024-01-01" },
      indicators: [
        {
          code: "1",
          name: "Nhóm",
          max: 40,
          children: [
            { code: "1.1", name: "Tỷ lệ", max: 30, inputs: ab, formula: { kind: "ratio", value: frac } },
            { code: "1.2", name: "Có", max: 10, annualRule: "last", formula: { kind: "yesNo" } },
          ],
        },
        { code: "2", name: "Năm", max: 5, cadence: "year", formula: { kind: "yesNo" } },
      ],
    });
    const r = score(c, {
      catalog: c.id,
      year: 2024,
      periods: ["Q1", "Q2", "Q3", "Q4"],
      units: [
        {
          id: "so-tttt",
          name: "Sở TT&TT",
          data: {
            Q1: { "1.1": { a: 3, b: 4 }, "1.2": false },
            Q2: { "1.1": { a: 1, b: 2 } },
            Q3: { "1.1": { a: 0, b: 0 }, "1.2": false },
            Q4: { "1.1": { a: 1, b: 1 }, "1.2": true, "2": true },
          },
        },
      ],
    });
    // 1.1: Q1 22.5, Q2 15, Q3 0/0 → 30 (policy max), Q4 30 → mean (22.5 + 15 + 30 + 30)/4 = 24.375 → "24,38"
    // 1.2: Q2 has no entry (missing, 0); last = Q4 → 10
    // 1: 24.375 + 10 = 34.375 of 40
    // 2 (cadence year): due in Q4 only → one period, no "Q4:" prefix; the rule still reads "mean of 1 quarters"
    const vi = explain(r, "so-tttt").map((e) => e.text);
    expect(vi).toEqual([
      "1: 34,38/40 điểm = tổng các chỉ số thành phần [mutx-2024/so 1]",
      "1.1: Q1: 3/4 = 75% × 30 = 22,5 điểm; Q2: 1/2 = 50% × 30 = 15 điểm; Q3: mẫu số bằng 0 → theo quy tắc → 30 điểm; Q4: 1/1 = 100% × 30 = 30 điểm → 24,38 điểm (Trung bình 4 quý) [mutx-2024/so 1.1]",
      "1.2: Q1: không → 0 điểm; Q2: không có số liệu → 0 điểm (thiếu số liệu tính 0 điểm); Q3: không → 0 điểm; Q4: có → 10 điểm → 10 điểm (Kỳ cuối: Q4) [mutx-2024/so 1.2]",
      "2: có → 5 điểm (Trung bình 1 quý) [mutx-2024/so 2]",
    ]);
    const en = explain(r, "so-tttt", { lang: "en" }).map((e) => e.text);
    expect(en).toEqual([
      "1: 34.38/40 points = sum of its components [mutx-2024/so 1]",
      "1.1: Q1: 3/4 = 75% × 30 = 22.5 points; Q2: 1/2 = 50% × 30 = 15 points; Q3: denominator is 0 → by policy → 30 points; Q4: 1/1 = 100% × 30 = 30 points → 24.38 points (mean of 4 quarters) [mutx-2024/so 1.1]",
      "1.2: Q1: no → 0 points; Q2: no data → 0 points (missing data scores 0); Q3: no → 0 points; Q4: yes → 10 points → 10 points (last period: Q4) [mutx-2024/so 1.2]",
      "2: yes → 5 points (mean of 1 quarters) [mutx-2024/so 2]",
    ]);
    const only = explain(r, "so-tttt", { code: "1.1", lang: "en" });
    expect(only.map((e) => [e.code, e.depth, e.score, e.max])).toEqual([["1.1", 1, "24.375", "30"]]);
  });
  it("a group over its max is clamped: 10 + 10 > 15 → 15 (giới hạn từ 20 xuống 15)", () => {
    const c = loadCatalog({
      id: ID,
      title: "Mutation tests: explain",
      province: "Test",
      level: "so",
      document: { number: "9/QĐ-MUT", date: "2024-01-01" },
      indicators: [
        {
          code: "1",
          name: "Nhóm",
          max: 15,
          children: [
            { code: "1.1", name: "A", max: 10, formula: { kind: "yesNo" } },
            { code: "1.2", name: "B", max: 10, formula: { kind: "yesNo" } },
          ],
        },
      ],
    });
    const r = score(c, {
      catalog: c.id,
      year: 2024,
      periods: ["Y"],
      units: [{ id: "u", name: "U", data: { Y: { "1.1": true, "1.2": true } } }],
    });
    expect(explain(r, "u", { code: "1" }).map((e) => e.text)).toEqual([
      "1: 15/15 điểm = tổng các chỉ số thành phần (giới hạn từ 20 xuống 15) [mutx-2024/so 1]",
      "1.1: có → 10 điểm (Trung bình 1 kỳ) [mutx-2024/so 1.1]",
      "1.2: có → 10 điểm (Trung bình 1 kỳ) [mutx-2024/so 1.2]",
    ]);
    expect(explain(r, "u", { code: "1", lang: "en" })[0]!.text).toBe(
      "1: 15/15 points = sum of its components (clamped from 20 to 15) [mutx-2024/so 1]",
    );
  });
});
