// Đồng Nai, Quyết định 3473/QĐ-UBND ngày 29/12/2023, Phụ lục II: Bộ chỉ số đánh giá chuyển đổi số các huyện/thành phố
// (8 chỉ số chính, 64 chỉ số thành phần, 1000 điểm). Every expected value below is derived by hand from the document.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { getCatalog, loadDataset, score, scoreIndicator } from "../../src/index.js";
import { pointsUnit } from "../_units.js";

const catalog = getCatalog("dong-nai-2023/huyen");
const s = (code: string, data: unknown) => scoreIndicator(catalog, code, data as never).score;

/** A dataset of units whose data is the same in Q1–Q4 (so a `mean` or `last` annual score equals the period score). */
function sameEveryQuarter(units: Record<string, Record<string, unknown>>) {
  return loadDataset(
    JSON.stringify({
      catalog: "dong-nai-2023/huyen",
      year: 2024,
      periods: ["Q1", "Q2", "Q3", "Q4"],
      units: Object.entries(units).map(([id, d]) => ({ id, name: id, data: { Q1: d, Q2: d, Q3: d, Q4: d } })),
    }),
  );
}
const unitScore = (result: ReturnType<typeof score>, id: string, code: string) =>
  pointsUnit(result, id).indicators[code]!.score;

describe("Đồng Nai huyện catalog structure (QĐ 3473, Điều 4)", () => {
  it("has 8 main indicators, 64 components and 1000 points as declared", () => {
    expect(catalog.indicators.map((n) => n.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(catalog.indicators.map((n) => Number(n.max))).toEqual([90, 75, 95, 100, 100, 240, 150, 150]);
    expect(catalog.indicators.map((n) => n.children!.length)).toEqual([6, 7, 6, 10, 8, 6, 10, 11]);
    expect(catalog.indicators.reduce((a, n) => a + n.children!.length, 0)).toBe(64);
    expect(catalog.declared?.components).toBe(64);
    expect(catalog.declared?.main?.map((m) => m.group)).toEqual([
      ...Array(5).fill("Nhóm nền tảng dùng chung"),
      ...Array(3).fill("Nhóm chỉ số hoạt động"),
    ]);
  });
});

describe("perItem (Đồng Nai huyện 1.1, 1.3, 6.6.1)", () => {
  it("1.1: + 5 điểm per programme, tối đa 20", () => {
    expect(s("1.1", { programs: 0 })).toBe("0");
    expect(s("1.1", { programs: 3 })).toBe("15"); // just below the cap
    expect(s("1.1", { programs: 4 })).toBe("20"); // at the cap
    expect(s("1.1", { programs: 5 })).toBe("20"); // 25 clamped to 20
  });
  it("1.3: 5 điểm per participation (note: read per lần tham gia), tối đa 20", () => {
    expect(s("1.3", { participations: 1 })).toBe("5");
    expect(s("1.3", { participations: 3 })).toBe("15");
    expect(s("1.3", { participations: 4 })).toBe("20");
    expect(s("1.3", { participations: 6 })).toBe("20");
  });
  it("6.6.1: 10 per phương thức đạt kết quả, 5 per đã duyệt/đang triển khai, ≤ 40", () => {
    expect(s("6.6.1", { achieved: 0, approved: 2 })).toBe("10");
    expect(s("6.6.1", { achieved: 3, approved: 1 })).toBe("35");
    expect(s("6.6.1", { achieved: 3, approved: 2 })).toBe("40");
    expect(s("6.6.1", { achieved: 4, approved: 1 })).toBe("40"); // 45 clamped
  });
});

describe("threshold on a quotient (Đồng Nai huyện 1.4: ≥ 2 tin bài/tháng)", () => {
  it("average = articles / months; below 2: average/2 × 10", () => {
    expect(s("1.4", { articles: 0, months: 3 })).toBe("0");
    expect(s("1.4", { articles: 3, months: 3 })).toBe("5"); // 1/2 × 10
    expect(s("1.4", { articles: 3, months: 2 })).toBe("7.5"); // 1.5/2 × 10
    expect(s("1.4", { articles: 6, months: 3 })).toBe("10"); // exactly 2
    expect(s("1.4", { articles: 9, months: 3 })).toBe("10"); // 3 > 2
  });
  it("1.4: months = 0 is a data error (zeroDenominator: error)", () => {
    expect(() => scoreIndicator(catalog, "1.4", { articles: 1, months: 0 } as never)).toThrow();
  });
});

describe("yesNo and choice (Đồng Nai huyện 1.5, 2.1, 1.6, 8.9)", () => {
  it("1.5 / 2.1: Đã có / Đã ban hành → max", () => {
    expect(s("1.5", true)).toBe("10");
    expect(s("1.5", false)).toBe("0");
    expect(s("2.1", { value: true })).toBe("15");
    expect(s("2.1", false)).toBe("0");
  });
  it("1.6: weekly → 10, monthly → 1/2 × 10, rarer → 0", () => {
    expect(s("1.6", "weekly")).toBe("10");
    expect(s("1.6", "monthly")).toBe("5");
    expect(s("1.6", "rare")).toBe("0");
  });
  it("8.9: tương tác hàng tháng → 10, không thường xuyên → 5, không có kênh → 0", () => {
    expect(s("8.9", "regular")).toBe("10");
    expect(s("8.9", "irregular")).toBe("5");
    expect(s("8.9", "none")).toBe("0");
  });
});

describe("ratio (Tỷ lệ × Điểm tối đa)", () => {
  it("3.2: a/b × 10", () => {
    expect(s("3.2", { a: 9, b: 10 })).toBe("9");
    expect(s("3.2", { a: 10, b: 10 })).toBe("10");
    expect(s("3.2", { a: 0, b: 10 })).toBe("0");
  });
  it("3.1, 3.3, 5.4, 7.8: no 'Điểm =' line, read as Tỷ lệ × max", () => {
    expect(s("3.1", { a: 3, b: 4 })).toBe("11.25"); // 0.75 × 15
    expect(s("3.3", { a: 1, b: 4 })).toBe("3.75"); // 0.25 × 15
    expect(s("5.4", { a: 1, b: 2 })).toBe("5"); // 0.5 × 10
    expect(s("7.8", { a: 3, b: 4 })).toBe("15"); // 0.75 × 20
  });
  it("6.2.1: (c+d)/(a+b) × 10; 6.2.2: (b+c)/a × 30", () => {
    expect(s("6.2.1", { a: 40, b: 60, c: 30, d: 50 })).toBe("8");
    expect(s("6.2.2", { a: 1000, b: 300, c: 600 })).toBe("27");
  });
  it("6.3.4: Tỷ lệ undefined in the document, read as a/(b+c) × 5", () => {
    expect(s("6.3.4", { a: 30, b: 30, c: 10 })).toBe("3.75");
    expect(s("6.3.4", { a: 40, b: 40, c: 0 })).toBe("5");
  });
  it("Điều 5c: zero denominator (no such subject matter) → max; n/a → max", () => {
    expect(s("3.2", { a: 0, b: 0 })).toBe("10");
    expect(s("6.3.4", { a: 0, b: 0, c: 0 })).toBe("5");
    expect(s("6.2.3", "n/a")).toBe("20");
  });
  it("3.2: numerator larger than denominator is a data error", () => {
    expect(() => scoreIndicator(catalog, "3.2", { a: 11, b: 10 } as never)).toThrow();
  });
});

describe("threshold, proportional below (Tỷ lệ/T × max)", () => {
  it("4.10: ≥ 70% → 10", () => {
    expect(s("4.10", { a: 63, b: 100 })).toBe("9"); // 0.63/0.7 × 10
    expect(s("4.10", { a: 70, b: 100 })).toBe("10");
    expect(s("4.10", { a: 71, b: 100 })).toBe("10");
  });
  it("6.3.3: ≥ 50% → 20", () => {
    expect(s("6.3.3", { a: 49, b: 100 })).toBe("19.6"); // 0.49/0.5 × 20
    expect(s("6.3.3", { a: 50, b: 100 })).toBe("20");
    expect(s("6.3.3", { a: 51, b: 100 })).toBe("20");
  });
  it("6.5: ≥ 1% → 10 (amounts, triệu đồng)", () => {
    expect(s("6.5", { a: 9, b: 1000 })).toBe("9"); // 0.9%/1% × 10
    expect(s("6.5", { a: 10, b: 1000 })).toBe("10");
    expect(s("6.5", { a: 11, b: 1000 })).toBe("10");
  });
  it("7.1: '/1%' read as /5% (note): below 5% the score is Tỷ lệ/5% × 15", () => {
    expect(s("7.1", { a: 2, b: 100 })).toBe("6"); // 2/5 × 15 (the literal /1% would give 30 → 15)
    expect(s("7.1", { a: 4, b: 100 })).toBe("12"); // 4/5 × 15
    expect(s("7.1", { a: 5, b: 100 })).toBe("15");
    expect(s("7.1", { a: 6, b: 100 })).toBe("15");
  });
  it("4.5 (≥ 40%), 7.9 (≥ 0.25%), 8.5 (≥ 80%): only the ≥ branch written, proportional below (note)", () => {
    expect(s("4.5", { a: 39, b: 100 })).toBe("9.75"); // 0.39/0.4 × 10
    expect(s("4.5", { a: 40, b: 100 })).toBe("10");
    expect(s("4.5", { a: 41, b: 100 })).toBe("10");
    expect(s("7.9", { a: 2, b: 1000 })).toBe("8"); // 0.2%/0.25% × 10
    expect(s("7.9", { a: 2.5, b: 1000 })).toBe("10");
    expect(s("7.9", { a: 3, b: 1000 })).toBe("10");
    expect(s("8.5", { a: 60, b: 100 })).toBe("7.5"); // 0.6/0.8 × 10
    expect(s("8.5", { a: 80, b: 100 })).toBe("10");
  });
  it("7.6: a (giao dịch) may exceed b (bưu gửi): proportion false", () => {
    expect(s("7.6", { a: 4, b: 100 })).toBe("16"); // 0.04/0.05 × 20
    expect(s("7.6", { a: 5, b: 100 })).toBe("20");
    expect(s("7.6", { a: 120, b: 100 })).toBe("20"); // no data error, clamped
  });
});

describe("threshold, literal below (Tỷ lệ × max, as written)", () => {
  it("6.2.4: ≥ 50% → 10, else Tỷ lệ × 10", () => {
    expect(s("6.2.4", { a: 49, b: 100 })).toBe("4.9");
    expect(s("6.2.4", { a: 50, b: 100 })).toBe("10");
    expect(s("6.2.4", { a: 51, b: 100 })).toBe("10");
  });
  it("7.3 and 8.2: ≥ 50% → 15, else Tỷ lệ × 15", () => {
    expect(s("7.3", { a: 49, b: 100 })).toBe("7.35");
    expect(s("7.3", { a: 50, b: 100 })).toBe("15");
    expect(s("8.2", { a: 49, b: 100 })).toBe("7.35");
    expect(s("8.2", { a: 50, b: 100 })).toBe("15");
  });
  it("7.4 (only ≥ 80% written; lower branch from Phụ lục I 7.3, note): ≥ 80% → 15, else Tỷ lệ × 15", () => {
    expect(s("7.4", { a: 79, b: 100 })).toBe("11.85"); // 0.79 × 15
    expect(s("7.4", { a: 80, b: 100 })).toBe("15");
    expect(s("7.4", { a: 81, b: 100 })).toBe("15");
  });
  it("8.6: ≥ 60% → 10, else Tỷ lệ × 10", () => {
    expect(s("8.6", { a: 59, b: 100 })).toBe("5.9");
    expect(s("8.6", { a: 60, b: 100 })).toBe("10");
  });
});

describe("bands (Đồng Nai huyện 5.8.1: Mức 1 ≥ 10%, Mức 2 ≥ 7%, Mức 3 ≥ 3%, Mức 4 < 3%)", () => {
  it("5.8.1 edges", () => {
    expect(s("5.8.1", { a: 100, b: 1000 })).toBe("10"); // 10%
    expect(s("5.8.1", { a: 99, b: 1000 })).toBe("7"); // 9.9% → 70%
    expect(s("5.8.1", { a: 70, b: 1000 })).toBe("7"); // 7%
    expect(s("5.8.1", { a: 69, b: 1000 })).toBe("3"); // 6.9% → 30%
    expect(s("5.8.1", { a: 30, b: 1000 })).toBe("3"); // 3%
    expect(s("5.8.1", { a: 29, b: 1000 })).toBe("0"); // 2.9%
  });
});

describe("bands on a share of 5.8.1 (Đồng Nai huyện 5.8.2–5.8.4, total from 5.8.1.a)", () => {
  // 5.8.1.a = 100 triệu đồng for every unit.
  const base = { "5.8.1": { a: 100, b: 1000 } };
  const r = score(
    catalog,
    sameEveryQuarter({
      u1: { ...base, "5.8.2": { amount: 5 }, "5.8.3": { amount: 2.5 }, "5.8.4": { amount: 0.5 } },
      u2: { ...base, "5.8.2": { amount: 4.9 }, "5.8.3": { amount: 2.4 }, "5.8.4": { amount: 0.4 } },
      u3: { ...base, "5.8.2": { amount: 2.9 }, "5.8.3": { amount: 1.5 }, "5.8.4": { amount: 1.4 } },
      u4: { ...base, "5.8.2": { amount: 0.9 }, "5.8.3": { amount: 0.5 }, "5.8.4": { amount: 2.5 } },
      u5: { ...base, "5.8.2": { amount: 1 }, "5.8.3": { amount: 1.4 }, "5.8.4": { amount: 1.5 } },
      // 5.8.1.a = 0: nothing spent on ATTT → the shares score 0 (zeroDenominator: zero), not max
      u6: { "5.8.1": { a: 0, b: 1000 }, "5.8.2": { amount: 0 }, "5.8.3": { amount: 0 }, "5.8.4": { amount: 0 } },
    }),
  );
  it("5.8.2: ≥ 5% → 5, ≥ 3% → 3.5, ≥ 1% → 1.5, < 1% → 0", () => {
    expect(unitScore(r, "u1", "5.8.2")).toBe("5"); // 5%
    expect(unitScore(r, "u2", "5.8.2")).toBe("3.5"); // 4.9%
    expect(unitScore(r, "u3", "5.8.2")).toBe("1.5"); // 2.9%
    expect(unitScore(r, "u5", "5.8.2")).toBe("1.5"); // 1%
    expect(unitScore(r, "u4", "5.8.2")).toBe("0"); // 0.9%
  });
  it("5.8.3 / 5.8.4: ≥ 2.5% → 5, ≥ 1.5% → 3.5, ≥ 0.5% → 1.5 ('0,5' read as 0.5%), < 0.5% → 0", () => {
    expect(unitScore(r, "u1", "5.8.3")).toBe("5"); // 2.5%
    expect(unitScore(r, "u2", "5.8.3")).toBe("3.5"); // 2.4%
    expect(unitScore(r, "u3", "5.8.3")).toBe("3.5"); // 1.5%
    expect(unitScore(r, "u5", "5.8.3")).toBe("1.5"); // 1.4%
    expect(unitScore(r, "u4", "5.8.3")).toBe("1.5"); // 0.5%
    expect(unitScore(r, "u1", "5.8.4")).toBe("1.5"); // 0.5%
    expect(unitScore(r, "u2", "5.8.4")).toBe("0"); // 0.4%
    expect(unitScore(r, "u4", "5.8.4")).toBe("5"); // 2.5%
    expect(unitScore(r, "u5", "5.8.4")).toBe("3.5"); // 1.5%
  });
  it("5.8.2–5.8.4 with 5.8.1.a = 0 → 0; 5.8 = sum of its children", () => {
    expect(unitScore(r, "u6", "5.8.2")).toBe("0");
    expect(unitScore(r, "u6", "5.8.3")).toBe("0");
    expect(unitScore(r, "u6", "5.8.4")).toBe("0");
    expect(unitScore(r, "u1", "5.8")).toBe("21.5"); // 10 + 5 + 5 + 1.5
  });
});

describe("checklist and composite (Đồng Nai huyện 6.1, 6.3.2, 6.3.5)", () => {
  it("6.1: chức năng 4/5 × 10, IPv6 1/5 × 10", () => {
    expect(s("6.1", { standard: true, ipv6: false })).toBe("8");
    expect(s("6.1", { standard: false, ipv6: true })).toBe("2");
    expect(s("6.1", { standard: true, ipv6: true })).toBe("10");
    expect(s("6.1", { standard: false, ipv6: false })).toBe("0");
  });
  it("6.3.2: each deployment 1/2 × 10", () => {
    expect(s("6.3.2", { units: true, devices: false })).toBe("5");
    expect(s("6.3.2", { units: true, devices: true })).toBe("10");
  });
  it("6.3.5: Tỷ lệ × 10 + 5 when 100% lãnh đạo ký số", () => {
    expect(s("6.3.5", { a: 3, b: 4, value: false })).toBe("7.5");
    expect(s("6.3.5", { a: 3, b: 4, value: true })).toBe("12.5");
    expect(s("6.3.5", { a: 4, b: 4, value: true })).toBe("15");
  });
});

describe("relative, best (Đồng Nai huyện 4.6, 5.1, 8.10, 8.11: value/highest × max)", () => {
  const r = score(
    catalog,
    sameEveryQuarter({
      x: { "4.6": { a: 2, b: 8, c: 1, d: 9, e: 200, f: 800 }, "5.1": { a: 8 }, "8.10": { a: 5000 }, "8.11": { a: 800 } },
      y: { "4.6": { a: 1, b: 2, c: 0, d: 3, e: 100, f: 300 }, "5.1": { a: 2 }, "8.10": { a: 2500 }, "8.11": { a: 1000 } },
      z: { "4.6": { a: 0, b: 0, c: 0, d: 0, e: 50, f: 50 }, "5.1": { a: 0 }, "8.10": { a: 0 }, "8.11": { a: 250 } },
    }),
  );
  it("4.6: (a+b+c+d)/(e+f): x 2% (best), y 1.5%, z 0%", () => {
    expect(unitScore(r, "x", "4.6")).toBe("10");
    expect(unitScore(r, "y", "4.6")).toBe("7.5");
    expect(unitScore(r, "z", "4.6")).toBe("0");
  });
  it("5.1 (Điểm line missing, read as in the department 5.1): 8 best, 2 → 2.5", () => {
    expect(unitScore(r, "x", "5.1")).toBe("10");
    expect(unitScore(r, "y", "5.1")).toBe("2.5");
    expect(unitScore(r, "z", "5.1")).toBe("0");
  });
  it("8.10 / 8.11", () => {
    expect(unitScore(r, "x", "8.10")).toBe("20");
    expect(unitScore(r, "y", "8.10")).toBe("10");
    expect(unitScore(r, "z", "8.10")).toBe("0");
    expect(unitScore(r, "x", "8.11")).toBe("16");
    expect(unitScore(r, "y", "8.11")).toBe("20");
    expect(unitScore(r, "z", "8.11")).toBe("5");
  });
});

/*
 * Full fixture: fixtures/dong-nai-2023-huyen.sample.yaml — 3 units × Q1–Q4.
 * Annual rule: mean over Q1–Q4 (missing period = 0) unless marked "last" (Q4 only) or "year" (Q4 only).
 *
 * ── bien-hoa ────────────────────────────────────────────────────────────────────────────────
 * 1   1.1 Q 10,20,20(25 capped),5 → 55/4 = 13.75 | 1.2 20 | 1.3 Q 5,10,0,20 → 35/4 = 8.75
 *     1.4 6/3 = 2 → 10 | 1.5 10 | 1.6 weekly 10                                    → 72.5
 * 2   all yes: 15 + 6×10                                                          → 75
 * 3   3.1 0.8×15 = 12 | 3.2 0.9×10 = 9 | 3.3 0.75×15 = 11.25 | 3.4 20/20 → 15 | 3.5 20 | 3.6 0.95×20 = 19 → 86.25
 * 4   (last) 4.1 Q4 15/20 → 7.5 (Q1 ignored) | 4.2 5/20 → 2.5 | 4.3 10 | 4.4 150/200 → 7.5 | 4.5 50% ≥ 40% → 10
 *     4.6 20/1000 = 2% best → 10 | 4.7 10 | 4.8 0.9 → 9 | 4.9 0.05 → 0.5 | 4.10 80% → 10 → 77
 * 5   5.1 best per quarter: Q1–Q3 best 10 → 10; Q4 best 20 (trang-bom) → 5 → 35/4 = 8.75
 *     5.2 0.8 → 8 | 5.3 10 | 5.4 10 | 5.5 0.5 → 5 | 5.6 Q 0,10,10,10 → 7.5 | 5.7 15
 *     5.8.1 10% → 10 | 5.8.2 5/100 = 5% → 5 | 5.8.3 2% → 3.5 | 5.8.4 3% → 5 (5.8 = 23.5) → 87.75
 * 6   6.1 10 | 6.2: 8 + 27 + 15 + 10 (60%) + 9.5 = 69.5
 *     6.3: 9 + 10 + 20 (60%) + 4.5 (90/100) + 14.5 (9.5+5) + 20 + 10 = 88
 *     6.4 8 | 6.5 1.5% → 10 (year) | 6.6.1 30+10 = 40 (year)                   → 225.5
 * 7   (last) 7.1 6% → 15 (Q2 ignored) | 7.2 10% → 10 | 7.3 60% → 15 | 7.4 70% literal → 0.7×15 = 10.5
 *     7.5 19 | 7.6 6% → 20 | 7.7 30% → 15 | 7.8 0.8×20 = 16 | 7.9 0.3% → 10 | 7.10 0.2% → 8 → 138.5
 * 8   (last) 8.1 12 | 8.2 40% literal → 6 | 8.3 12 | 8.4 30% → 15 | 8.5 70% → 8.75 | 8.6 60% → 10
 *     8.7 9 | 8.8 90% → 10 | 8.9 regular 10 (mean) | 8.10 5000 best → 20 | 8.11 800/1000 → 16 → 128.75
 * total 72.5 + 75 + 86.25 + 77 + 87.75 + 225.5 + 138.5 + 128.75 = 891.25
 *
 * ── long-khanh ──────────────────────────────────────────────────────────────────────────────
 * 1   1.1 5 | 1.2 Q 10,10,missing 0,10 → 7.5 | 1.3 10 | 1.4 3/3 = 1 → 1/2×10 = 5 | 1.5 10 | 1.6 monthly 5 → 42.5
 * 2   15 + 10 + 10 + 0 + (0+10+10+10)/4 = 7.5 + 10 + 0                              → 52.5
 * 3   3.1 0.6×15 = 9 | 3.2 0.8×10 = 8 | 3.3 0.5×15 = 7.5 | 3.4 12/15 = 0.8×15 = 12 | 3.5 20 | 3.6 16 → 72.5
 * 4   4.1 12/15 → 8 | 4.2 3/15 → 2 | 4.3 10 | 4.4 5 | 4.5 30%/40% → 7.5 | 4.6 6/400 = 1.5%/2% → 7.5
 *     4.7 0 | 4.8 350/500 → 7 | 4.9 0.1 → 1 | 4.10 35/50 = 70% → 10               → 58
 * 5   5.1 Q1–Q3 5/10×10 = 5, Q4 5/20×10 = 2.5 → 17.5/4 = 4.375 | 5.2 0/0 → max 10 | 5.3 7.5 | 5.4 7.5
 *     5.5 n/a → 10 | 5.6 10 | 5.7 0 | 5.8.1 7% → 7 | 5.8.2 2.1/70 = 3% → 3.5 | 5.8.3 0.7/70 = 1% → 1.5
 *     5.8.4 0% → 0                                                                 → 61.375
 * 6   6.1 8 | 6.2: 0/0 → 10 + 24 (400/500) + 10 + 4.9 (49% literal) + 9 = 57.9
 *     6.3: 7.5 + 5 + 16 (40%/50%) + 3.75 (60/80) + 7.5 (0.75×10 + 0) + 15 + 9 = 63.75
 *     6.4 5 | 6.5 0.5% → 5 | 6.6.1 10+15 = 25                                     → 164.65
 * 7   7.1 4% → 12 | 7.2 5%/10% → 5 | 7.3 49% literal → 7.35 | 7.4 80% → 15 | 7.5 18 | 7.6 120/100 → 20
 *     7.7 10%/20% → 7.5 | 7.8 0/0 → 20 | 7.9 n/a → 10 | 7.10 0.25% → 10            → 124.85
 * 8   8.1 Q4 0.6 → 9 (Q3 ignored) | 8.2 50% → 15 | 8.3 4.5 | 8.4 15%/30% → 7.5 | 8.5 80% → 10
 *     8.6 59% literal → 5.9 | 8.7 20/25 → 8 | 8.8 40%/80% → 5 | 8.9 Q 5,5,10,10 → 7.5
 *     8.10 2500/5000 → 10 | 8.11 1000 best → 20                                    → 102.4
 * total 42.5 + 52.5 + 72.5 + 58 + 61.375 + 164.65 + 124.85 + 102.4 = 678.775
 *
 * ── trang-bom ───────────────────────────────────────────────────────────────────────────────
 * 1   1.1 Q 0,missing,10,10 → 5 | 1.2 missing 0 | 1.3 Q4 only 5 → 1.25 | 1.4 0 | 1.5 0 | 1.6 rare 0 → 6.25
 * 2   15 + 0 + (0+0+10+10)/4 = 5 + 10 + 0 + 0 + 0 (missing)                          → 30
 * 3   3.1 7.5 | 3.2 missing 0 | 3.3 0.25×15 = 3.75 | 3.4 Q 7.5,7.5,12,12 → 9.75 | 3.5 20 | 3.6 12 → 53
 * 4   4.1 last: Q4 missing → 0 (Q1–Q3 ignored) | 4.2 0 | 4.3 5 | 4.4 2 | 4.5 10%/40% → 2.5
 *     4.6 4/400 = 1%/2% → 5 | 4.7 10 | 4.8 2.5 | 4.9 missing 0 | 4.10 35%/70% → 5   → 32
 * 5   5.1 Q 0/10, 2/10, 4/10, 20/20 → 0,2,4,10 → 4 | 5.2 5 | 5.3 missing 0 | 5.4 2.5 | 5.5 0/4 → 0
 *     5.6 0 | 5.7 15 | 5.8.1 0% and 2% → 0 | 5.8.2 Q1–Q2 0/0 → 0 (zero), Q3–Q4 1/20 = 5% → 5 → 2.5
 *     5.8.3 Q3–Q4 0.2/20 = 1% → 1.5 → 0.75 | 5.8.4 missing 0                         → 29.75
 * 6   6.1 ipv6 only 2 | 6.2: 2.5 + 7.5 + n/a 20 + 10 (50%) + 8 = 48
 *     6.3: 2.5 + 0 + 10 (25%/50%) + 1.25 (10/40) + 10 (5+5) + 5 + 5 = 33.75
 *     6.4 missing 0 | 6.5 missing 0 | 6.6.1 5                                      → 88.75
 * 7   7.1 1%/5% → 3 | 7.2 10 | 7.3 15 | 7.4 40% literal → 0.4×15 = 6 | 7.5 12 | 7.6 1%/5% → 4 | 7.7 15
 *     7.8 0.25 → 5 | 7.9 0.1%/0.25% → 4 | 7.10 missing 0                             → 74
 * 8   8.1 4.5 | 8.2 10% literal → 1.5 | 8.3 1.5 | 8.4 15 | 8.5 20%/80% → 2.5 | 8.6 30% literal → 3
 *     8.7 0.1 → 1 | 8.8 10 | 8.9 none 0 | 8.10 0 | 8.11 250/1000 → 5                → 44
 * total 6.25 + 30 + 53 + 32 + 29.75 + 88.75 + 74 + 44 = 357.75
 */
describe("Đồng Nai huyện sample dataset (3 units × Q1–Q4)", () => {
  const result = score(catalog, loadDataset(readFileSync("fixtures/dong-nai-2023-huyen.sample.yaml", "utf8")));
  const unit = (id: string) => pointsUnit(result, id);

  it("totals and ranks", () => {
    expect(unit("bien-hoa").total).toBe("891.25");
    expect(unit("long-khanh").total).toBe("678.775");
    expect(unit("trang-bom").total).toBe("357.75");
    expect(unit("bien-hoa").rank).toBe(1);
    expect(unit("long-khanh").rank).toBe(2);
    expect(unit("trang-bom").rank).toBe(3);
  });

  it("main indicators", () => {
    const main = (id: string) => ["1", "2", "3", "4", "5", "6", "7", "8"].map((c) => unit(id).indicators[c]!.score);
    expect(main("bien-hoa")).toEqual(["72.5", "75", "86.25", "77", "87.75", "225.5", "138.5", "128.75"]);
    expect(main("long-khanh")).toEqual(["42.5", "52.5", "72.5", "58", "61.375", "164.65", "124.85", "102.4"]);
    expect(main("trang-bom")).toEqual(["6.25", "30", "53", "32", "29.75", "88.75", "74", "44"]);
  });

  it("annual rules: mean of quarters (missing = 0), last = Q4, year cadence read from Q4", () => {
    expect(unit("bien-hoa").indicators["1.1"]!.score).toBe("13.75"); // (10+20+20+5)/4, Q3 capped
    expect(unit("long-khanh").indicators["1.2"]!.score).toBe("7.5"); // Q3 missing
    expect(unit("trang-bom").indicators["3.4"]!.score).toBe("9.75"); // (7.5+7.5+12+12)/4
    expect(unit("bien-hoa").indicators["4.1"]!.score).toBe("7.5"); // last: Q4 15/20, Q1 ignored
    expect(unit("trang-bom").indicators["4.1"]!.score).toBe("0"); // last: Q4 missing
    expect(unit("long-khanh").indicators["8.1"]!.score).toBe("9"); // last: Q4 0.6, Q3 100% ignored
    expect(unit("bien-hoa").indicators["6.6.1"]!.score).toBe("40"); // year, capped
    expect(unit("long-khanh").indicators["6.5"]!.score).toBe("5"); // year: 0.5%/1% × 10
  });

  it("n/a, zero denominators and relative scores", () => {
    expect(unit("long-khanh").indicators["5.5"]!.score).toBe("10"); // n/a → max
    expect(unit("long-khanh").indicators["7.9"]!.score).toBe("10"); // n/a → max
    expect(unit("trang-bom").indicators["6.2.3"]!.score).toBe("20"); // n/a → max
    expect(unit("long-khanh").indicators["5.2"]!.score).toBe("10"); // 0/0 → max
    expect(unit("long-khanh").indicators["6.2.1"]!.score).toBe("10"); // 0/0 → max
    expect(unit("long-khanh").indicators["7.8"]!.score).toBe("20"); // 0/0 → max
    expect(unit("trang-bom").indicators["5.8.2"]!.score).toBe("2.5"); // Q1–Q2 0/0 → 0 (override), Q3–Q4 5
    expect(unit("long-khanh").indicators["7.6"]!.score).toBe("20"); // 120/100, proportion false
    expect(unit("bien-hoa").indicators["5.1"]!.score).toBe("8.75");
    expect(unit("long-khanh").indicators["5.1"]!.score).toBe("4.375");
    expect(unit("trang-bom").indicators["5.1"]!.score).toBe("4");
    expect(unit("long-khanh").indicators["4.6"]!.score).toBe("7.5");
    expect(unit("bien-hoa").indicators["8.11"]!.score).toBe("16");
    expect(unit("trang-bom").indicators["8.10"]!.score).toBe("0");
  });
});
