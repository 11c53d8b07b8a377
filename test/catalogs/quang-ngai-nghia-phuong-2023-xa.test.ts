// Nghĩa Phương (Quảng Ngãi, huyện Tư Nghĩa) — Kế hoạch 41/KH-UBND, 30/3/2023, Bảng phụ lục phân công nhiệm vụ.
// Seed: shared/seeds/001_d468f9f1f25a1d59.txt. Annual data (01/01–31/12), one period "Y".
// Expected values are derived by hand from the document's methods (and the readings in the catalog notes).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { getCatalog, loadDataset, score, scoreIndicator } from "../../src/index.js";
import { asPoints, pointsUnit } from "../_units.js";

const catalog = getCatalog("quang-ngai-nghia-phuong-2023/xa");
const s = (code: string, data: unknown) => scoreIndicator(catalog, code, data as never).score;
const FIXTURE = "fixtures/quang-ngai-nghia-phuong-2023-xa.sample.yaml";

describe("Nghĩa Phương 41/KH-UBND — structure", () => {
  it("Nghĩa Phương appendix: groups I(→1)–9, maxima as written or summed, group 9 unscored", () => {
    const main = catalog.indicators;
    expect(main.map((n) => n.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    // 1: 60, 2: (no total) 5+5+10+10+20+10+10+10+10 = 90, 3: 70, 4: (no total) 10×5+5 = 55, 5: 100, 6: 170,
    // 7: (no total) 20+20+10×10 = 140, 8: 150, 9: 0 điểm
    expect(main.map((n) => Number(n.max))).toEqual([60, 90, 70, 55, 100, 170, 140, 150, 0]);
    expect(main.map((n) => n.children?.length)).toEqual([6, 9, 6, 6, 11, 18, 12, 8, 3]);
    expect(main.find((n) => n.code === "9")!.unscored).toBe(true);
    expect(Number(catalog.total)).toBe(835); // 60+90+70+55+100+170+140+150
    expect(catalog.declared?.total).toBeUndefined(); // the plan never states an overall total
    const find = (code: string) => main.flatMap((n) => [n, ...(n.children ?? [])]).find((n) => n.code === code)!;
    expect(find("1.4").responsible).toEqual({ lead: "CC VHTT", support: ["Bộ phận 1 cửa", "Công an xã", "Công chức VP - TK xã"] });
    expect(find("5.11").children?.map((n) => n.code)).toEqual(["5.11.1", "5.11.2", "5.11.3", "5.11.4", "5.11.5", "5.11.6"]);
  });
});

describe("Nghĩa Phương 41/KH-UBND — indicators", () => {
  it("Nghĩa Phương 1.4: article-count bands 20 → 10đ; 10-20 → 5đ; dưới 10 → 2,5đ; 0 → 0đ (overlapping edges → higher band)", () => {
    expect(s("1.4", 21)).toBe("10");
    expect(s("1.4", 20)).toBe("10"); // 20 is in "20 bài/năm" and "10-20": higher band
    expect(s("1.4", 19)).toBe("5");
    expect(s("1.4", 10)).toBe("5"); // 10 is in "10-20" and not "dưới 10"
    expect(s("1.4", 9)).toBe("2.5");
    expect(s("1.4", 1)).toBe("2.5");
    expect(s("1.4", 0)).toBe("0"); // "0 bài (0đ)" wins over "dưới 10"
  });

  it("Nghĩa Phương 1.6: broadcast frequency choice 10 / 5 / 0", () => {
    expect(s("1.6", "weekly")).toBe("10");
    expect(s("1.6", "monthly")).toBe("5");
    expect(s("1.6", "rare")).toBe("0");
  });

  it("Nghĩa Phương 1.1, 2.1, 8.6: yes/no worth the item's max", () => {
    expect(s("1.1", true)).toBe("10");
    expect(s("1.1", false)).toBe("0");
    expect(s("2.1", true)).toBe("5");
    expect(s("8.6", true)).toBe("20");
  });

  it("Nghĩa Phương 1.2, 6.1, 6.2, 6.14: checklists with points per item", () => {
    expect(s("1.2", { attended: true, chaired: false })).toBe("5");
    expect(s("1.2", { attended: true, chaired: true })).toBe("10");
    expect(s("6.1", { standard: true, ipv6: false })).toBe("8");
    expect(s("6.1", { standard: false, ipv6: true })).toBe("2");
    expect(s("6.1", { standard: true, ipv6: true })).toBe("10");
    expect(s("6.2", { published: true, technical: false })).toBe("2.5");
    expect(s("6.14", { agency: true, individual: true })).toBe("10");
  });

  it("Nghĩa Phương 1.3, 2.5: Tỷ lệ × points", () => {
    expect(s("1.3", { a: 3, b: 4 })).toBe("7.5"); // 0.75 × 10
    expect(s("1.3", { a: 4, b: 4 })).toBe("10");
    expect(s("2.5", { a: 4, b: 5 })).toBe("16"); // 0.8 × 20
    expect(() => s("1.3", { a: 5, b: 4 })).toThrow(); // numerator > denominator: data error
  });

  it("Nghĩa Phương 3.5: platforms used / minimum list, not a proportion, clamped to 20", () => {
    expect(s("3.5", { a: 3, b: 4 })).toBe("15"); // 0.75 × 20
    expect(s("3.5", { a: 4, b: 4 })).toBe("20");
    expect(s("3.5", { a: 5, b: 4 })).toBe("20"); // 1.25 × 20 = 25 → clamp 20
  });

  it("Nghĩa Phương 4.6: max 5, method 'Tỷ lệ *10 đ' read as Tỷ lệ × 5 (note)", () => {
    expect(s("4.6", { a: 1, b: 4 })).toBe("1.25"); // 0.25 × 5
    expect(s("4.6", { a: 50, b: 100 })).toBe("2.5"); // 0.5 × 5 (literal ×10 would give 5)
    expect(s("4.6", { a: 100, b: 100 })).toBe("5");
  });

  it("Nghĩa Phương 5.10: zero incidents → max (zeroDenominator max)", () => {
    expect(s("5.10", { a: 0, b: 0 })).toBe("10");
    expect(s("5.10", { a: 1, b: 4 })).toBe("2.5");
  });

  it("Nghĩa Phương 1.3, 3.6, 5.2, 5.11.1: b = 0 means nothing was done → 0 (zeroDenominator zero, notes)", () => {
    expect(s("1.3", { a: 0, b: 0 })).toBe("0"); // no CDS document at all
    // 3.6's b is 3.5.a: no shared platform used → 3.5 scores 0 and 3.6 scores 0 (not the default max 10)
    const one = score(catalog, loadDataset(stringify({ catalog: catalog.id, year: 2023, periods: ["Y"], units: [{ id: "x", name: "X", data: { Y: { "3.5": { a: 0, b: 4 }, "3.6": { a: 0 } } } }] })));
    expect(asPoints(one.units[0]).indicators["3.5"]!.score).toBe("0");
    expect(asPoints(one.units[0]).indicators["3.6"]!.score).toBe("0");
    expect(s("5.2", { a: 0, b: 0 })).toBe("0"); // no approved level dossier
    expect(s("5.11.1", { a: 0, b: 0 })).toBe("0"); // no IT budget
    expect(s("5.2", { a: 1, b: 2 })).toBe("5"); // 1/2 × 10
  });

  it("Nghĩa Phương 5.11.1: NS ATTT / NS CNTT ≥10% → 5; ≥7% → 3,5; ≥3% → 1,5; else 0", () => {
    expect(s("5.11.1", { a: 11, b: 100 })).toBe("5");
    expect(s("5.11.1", { a: 10, b: 100 })).toBe("5");
    expect(s("5.11.1", { a: 99, b: 1000 })).toBe("3.5"); // 9.9%
    expect(s("5.11.1", { a: 7, b: 100 })).toBe("3.5");
    expect(s("5.11.1", { a: 69, b: 1000 })).toBe("1.5"); // 6.9%
    expect(s("5.11.1", { a: 3, b: 100 })).toBe("1.5");
    expect(s("5.11.1", { a: 29, b: 1000 })).toBe("0"); // 2.9%
  });

  it("Nghĩa Phương 5.11.2–5.11.6: amount bands '50tr; 25tr; 10 tr' read as 2 / 1.4 / 0.6 (note)", () => {
    for (const code of ["5.11.2", "5.11.3", "5.11.4", "5.11.5", "5.11.6"]) {
      expect(s(code, 51)).toBe("2");
      expect(s(code, 50)).toBe("2");
      expect(s(code, 49.9)).toBe("1.4");
      expect(s(code, 25)).toBe("1.4");
      expect(s(code, 24.9)).toBe("0.6");
      expect(s(code, 10)).toBe("0.6");
      expect(s(code, 9.9)).toBe("0");
      expect(s(code, 0)).toBe("0");
    }
  });

  it("Nghĩa Phương 6.5: 100% → 10đ, < 100% → 0đ", () => {
    expect(s("6.5", { a: 99, b: 100 })).toBe("0");
    expect(s("6.5", { a: 100, b: 100 })).toBe("10");
  });

  it("Nghĩa Phương 6.9: ≥ 80% → 10đ; below, Tỷ lệ × 10 literally (overlap at 80% → 10)", () => {
    expect(s("6.9", { a: 79, b: 100 })).toBe("7.9");
    expect(s("6.9", { a: 80, b: 100 })).toBe("10");
    expect(s("6.9", { a: 81, b: 100 })).toBe("10");
  });

  it("Nghĩa Phương 6.18, 7.1, 8.2: ≥ T → max, < T → tỷ lệ/T × max", () => {
    expect(s("6.18", { a: 49, b: 5000 })).toBe("9.8"); // 0.98% / 1% × 10
    expect(s("6.18", { a: 50, b: 5000 })).toBe("10");
    expect(s("6.18", { a: 51, b: 5000 })).toBe("10");
    expect(s("7.1", { a: 19, b: 100 })).toBe("19"); // 19%/20% × 20
    expect(s("7.1", { a: 20, b: 100 })).toBe("20");
    expect(s("7.1", { a: 21, b: 100 })).toBe("20");
    expect(s("8.2", { a: 790, b: 1000 })).toBe("19.75"); // 79%/80% × 20
    expect(s("8.2", { a: 800, b: 1000 })).toBe("20");
  });

  it("Nghĩa Phương 8.8: 1đ per activity, at most 20", () => {
    expect(s("8.8", { activities: 0 })).toBe("0");
    expect(s("8.8", { activities: 19 })).toBe("19");
    expect(s("8.8", { activities: 20 })).toBe("20");
    expect(s("8.8", { activities: 21 })).toBe("20");
  });

  it("Nghĩa Phương 9.1: Đô thị thông minh is unscored (0 điểm)", () => {
    expect(s("9.1", true)).toBe("0");
  });
});

// ─────────────────────────────── Full fixture ───────────────────────────────
// Shared by all five communes: 1.1 10, 1.5 10, 2.1 5, 2.2 5, 2.3 10, 2.4 10, 3.4 10, 4.1 10, 5.1 10,
// 6.12 10, 6.13 10, 8.6 20, 8.7 20, 9.1 (unscored, 0).
//
// 4.3 (MIN/MAX, Tỷ lệ = a/b):  phuong 2/20=0.1 (min), hoa 3/10=0.3, ky 4/20=0.2, thuong 5/10=0.5 (max), my 8/20=0.4
//   range 0.4 → (v−0.1)/0.4 × 10:  phuong 0, hoa 5, ky 2.5, thuong 10, my 7.5
// 4.4 (MIN/MAX, b = 4.3.b):       phuong 5/20=0.25 (max), hoa 1/10=0.1, ky 1/20=0.05 (min), thuong 2/10=0.2, my 3/20=0.15
//   range 0.2 → (v−0.05)/0.2 × 10: phuong 10, hoa 2.5, ky 0, thuong 7.5, my 5
//
// nghia-phuong
//   G1 = 10 + 10(1.2) + 7.5(1.3: 3/4×10) + 10(1.4: 20 bài) + 10 + 10(1.6 weekly)                     = 57.5
//   G2 = 30 + 16(2.5: 4/5×20) + 10(2.6)                                                                  = 56
//   G3 = 7.5(3.1: 600/800) + 8(3.2: 400/500) + 5(3.3: 250/500) + 10 + 20(3.5: 5/4×20=25→20) + 2(3.6: 1/5)  = 52.5
//   G4 = 10 + 10(4.2: 6/6) + 0(4.3) + 10(4.4) + 5(4.5: 10/20) + 2.5(4.6: 0.5×5)                          = 37.5
//   G5 = 10 + 10×6(5.2–5.7; 5.5 is 0/0 → max) + 5(5.8: 2/2×5) + 5(5.9) + 10(5.10: 3/3)
//        + 5.11 [5(10%) + 2(50) + 2(60) + 2(50) + 2(100) + 2(50) = 15] = 105 → clamped to the group's 100 = 100
//   G6 = 10(6.1) + 5(6.2) + 10(6.5: 10/10) + 10(6.9: 80%) + 20(6.12, 6.13) + 10(6.18: 1%)              = 65
//   G7 = 20(7.1: 20%) + 20(7.2: 1/20=5%) + 5(7.7: 10/20×10) + 10(7.9: 25/500=5%) + 10(7.11: 12.5/5000=0.25%) = 65
//   G8 = 40 + 15(8.1: 0.75×20) + 20(8.2: 80%) + 20(8.3: 400/800=50%) + 10(8.4: 250/500×20) + 10(8.5: 1400/2000=70%) + 5(8.8) = 120
//   total = 57.5 + 56 + 52.5 + 37.5 + 100 + 65 + 65 + 120 = 553.5
// nghia-hoa
//   G1 = 20 + 5(1.2) + 5(1.3: 1/2) + 5(1.4: 19) + 5(1.6 monthly)                                          = 40
//   G2 = 30 + 20(2.5: 5/5) + 10(2.6) + 10(2.7)                                                           = 70
//   G3 = 9(450/500) + 7.5(300/400) + 2.5(3.3: 100/400) + 10 + 20(4/4) + 5(3.6: 2/4)                      = 54
//   G4 = 10 + 5(4.2: 3/6) + 5(4.3) + 2.5(4.4) + 10(4.5: 10/10) + 4(4.6: 0.8×5)                           = 36.5
//   G5 = 10 + 5(5.2: 1/2) + 2.5(5.10: 1/4) + 5.11 [3.5(7%) + 1.4(49) + 1.4(25) + 0.6(24) + 0.6(10) + 0(9) = 7.5] = 25
//   G6 = 8(6.1 standard) + 2.5(6.2) + 0(6.5: 99%) + 7.5(6.6: 3/4) + 7.9(6.9: 0.79×10) + 20 + 5(6.18: 0.5%/1%×10) = 50.9
//   G7 = 10(7.1: 10%/20%×20) + 10(7.2: 2.5%/5%×20) + 5(7.9: 10/400=2.5%→/5%×10) + 4(7.11: 0.1%/0.25%×10) = 29
//   G8 = 40 + 18(8.1: 0.9×20) + 15(8.2: 60%/80%×20) + 16(8.3: 200/500=40%→/50%×20) + 5(8.4: 100/400×20)
//        + 5(8.5: 35%/70%×10) + 20(8.8: 25 → cap 20)                                                     = 119
//   total = 40 + 70 + 54 + 36.5 + 25 + 50.9 + 29 + 119 = 424.4
// nghia-ky
//   G1 = 20 + 10 + 10(4/4) + 5(1.4: 10 bài) + 10                                                         = 55
//   G2 = 30 + 15(2.5: 3/4×20) + 40(2.6–2.9)                                                               = 85
//   G3 = 10 + 10 + 9(3.3: 450/500) + 10 + 15(3.5: 3/4×20) + 10(3.6: 3/3)                                 = 64
//   G4 = 10 + 8(4.2: 4/5) + 2.5(4.3) + 0(4.4) + 7.5(4.5: 15/20) + 2.5(4.6: 1/2×5)                       = 30.5
//   G5 = 10 + 5(5.3: 1/2) + 7.5(5.4: 15/20) + 5(5.9) + 5.11 [1.5(3%) + 2(50) = 3.5]                     = 31
//   G6 = 10 + 5 + 10(6.5: 5/5) + 10(6.9: 81%) + 20 + 10(6.14) + 30(6.15–6.17) + 10(6.18: 1.5%)          = 105
//   G7 = 20(7.1: 25%) + 20(7.2: 2/25=8%) + 10(7.7: 25/25) + 10(7.11: 10/4000=0.25%)                     = 60
//   G8 = 40 + 16(8.1: 0.8×20) + 20(8.2: 90%) + 10(8.3: 250/1000=25%→/50%×20) + 12(8.4: 300/500×20)
//        + 10(8.5: 1750/2500=70%) + 12(8.8)                                                              = 120
//   total = 55 + 85 + 64 + 30.5 + 31 + 105 + 60 + 120 = 550.5
// nghia-thuong
//   G1 = 20 + 5(1.2 chaired) + 2.5(1.3: 1/4) + 2.5(1.4: 9 bài) + 0(1.6 rare)                             = 30
//   G2 = 30 + 10(2.5: 1/2×20)                                                                            = 40
//   G3 = 6(300/500) + 5(200/400) + 1(3.3: 40/400) + 10 + 10(3.5: 2/4×20) + 0(3.6: 0/2)                   = 32
//   G4 = 10 + 5(4.2: 2/4) + 10(4.3) + 7.5(4.4) + 4(4.5: 4/10) + 0(4.6: 0/50)                             = 36.5
//   G5 = 10 + 2.5(5.6: 1/4) + 7.5(5.7: 3/4) + 2.5(5.8: 2/4×5) + 5.11 [1.5(6.9%)]                         = 24
//   G6 = 2(6.1 ipv6) + 5(6.2) + 5(6.9: 0.5×10) + 1.5(6.10: 0.3×5) + 20 + 2.5(6.18: 0.25%/1%×10)         = 36
//   G7 = 1(7.1: 1%/20%×20) + 0(7.2: 0/10) + 2(7.9: 4/400=1%→/5%×10) + 10(7.11: 20/4000=0.5%)            = 13
//   G8 = 40 + 5(8.1: 0.25×20) + 10(8.2: 40%/80%×20) + 8(8.3: 100/500=20%→/50%×20) + 5(8.5: 35%/70%×10)  = 68
//   total = 30 + 40 + 32 + 36.5 + 24 + 36 + 13 + 68 = 279.5
// nghia-my
//   G1 = 20 + 0(1.2) + 4(1.3: 2/5) + 0(1.4: 0 bài) + 5(1.6 monthly)                                      = 29
//   G2 = 30 + 18(2.5: 9/10×20) + 10(2.8)                                                                  = 58
//   G3 = 7(700/1000) + 9(360/400) + 5(3.3: 200/400) + 10 + 16(3.5: 4/5×20) + 2.5(3.6: 1/4)               = 49.5
//   G4 = 10 + 10(4.2: 5/5) + 7.5(4.3) + 5(4.4) + 8(4.5: 16/20) + 5(4.6: 100/100)                        = 45.5
//   G5 = 10 + 7.5(5.5: 3/4) + 0(5.9 no) + 10(5.10: 0/0 → max) + 5.11 [0(2.9%) + 0.6(10)]                = 28.1
//   G6 = 0(6.1) + 0(6.5: 0/20) + 7.5(6.9: 0.75×10) + 4.5(6.11: 0.9×5) + 20 + 10(6.14) + 9.8(6.18: 0.98%) = 51.8
//   G7 = 19(7.1: 19%/20%×20) + 8(7.2: 1/50=2%→/5%×20) + 5(7.7: 25/50) + 8(7.11: 10/5000=0.2%→/0.25%×10)  = 40
//   G8 = 40 + 15(8.1: 1200/1600) + 19.75(8.2: 79%/80%×20) + 20(8.3: 600/1000=60%) + 20(8.4: 400/400)
//        + 10(8.5: 1120/1600=70%) + 0(8.8)                                                               = 124.75
//   total = 29 + 58 + 49.5 + 45.5 + 28.1 + 51.8 + 40 + 124.75 = 426.65
//
// Ranking: phuong 553.5 (1), ky 550.5 (2), my 426.65 (3), hoa 424.4 (4), thuong 279.5 (5).
// The MIN/MAX indicators change it. Read as plain Tỷ lệ × 10 instead (4.3 + 4.4: phuong 1 + 2.5 = 3.5,
// hoa 3 + 1 = 4, ky 2 + 0.5 = 2.5, thuong 5 + 2 = 7, my 4 + 1.5 = 5.5) the totals would be
// phuong 547, ky 550.5, hoa 420.9, my 419.65, thuong 269 → Nghĩa Kỳ first and Nghĩa Hòa ahead of Nghĩa Mỹ.
describe("Nghĩa Phương 41/KH-UBND — sample of five communes", () => {
  const result = score(catalog, loadDataset(readFileSync(FIXTURE, "utf8")));
  const unit = (id: string) => pointsUnit(result, id);

  it("Nghĩa Phương 4.3, 4.4: MIN/MAX normalisation across the communes", () => {
    const expected43: Record<string, string> = { "nghia-phuong": "0", "nghia-hoa": "5", "nghia-ky": "2.5", "nghia-thuong": "10", "nghia-my": "7.5" };
    const expected44: Record<string, string> = { "nghia-phuong": "10", "nghia-hoa": "2.5", "nghia-ky": "0", "nghia-thuong": "7.5", "nghia-my": "5" };
    for (const [id, v] of Object.entries(expected43)) expect(unit(id).indicators["4.3"]!.score).toBe(v);
    for (const [id, v] of Object.entries(expected44)) expect(unit(id).indicators["4.4"]!.score).toBe(v);
  });

  it("Nghĩa Phương totals and ranks (hand-derived above)", () => {
    const expected: Array<[string, string, number]> = [
      ["nghia-phuong", "553.5", 1],
      ["nghia-ky", "550.5", 2],
      ["nghia-my", "426.65", 3],
      ["nghia-hoa", "424.4", 4],
      ["nghia-thuong", "279.5", 5],
    ];
    for (const [id, total, rank] of expected) {
      expect(unit(id).total).toBe(total);
      expect(unit(id).rank).toBe(rank);
    }
  });

  it("Nghĩa Phương 5: items add to 105 but the group is clamped to its declared 100", () => {
    const u = unit("nghia-phuong");
    expect(u.indicators["5.11"]!.score).toBe("15"); // 5 + 2 + 2 + 2 + 2 + 2
    expect(u.indicators["5.5"]!.score).toBe("10"); // 0 botnet IPs detected → max
    expect(u.indicators["5"]!.score).toBe("100");
  });

  it("Nghĩa Phương group scores, sums of parts and caps", () => {
    expect(unit("nghia-hoa").indicators["5.11"]!.score).toBe("7.5"); // 3.5 + 1.4 + 1.4 + 0.6 + 0.6 + 0
    expect(unit("nghia-hoa").indicators["8.8"]!.score).toBe("20"); // 25 activities → cap 20
    expect(unit("nghia-hoa").indicators["6"]!.score).toBe("50.9");
    expect(unit("nghia-phuong").indicators["3.5"]!.score).toBe("20"); // 5/4 × 20 = 25 → 20
    expect(unit("nghia-phuong").indicators["3.6"]!.score).toBe("2"); // 1 / 3.5.a (5) × 10
    expect(unit("nghia-ky").indicators["6"]!.score).toBe("105");
    expect(unit("nghia-thuong").indicators["8.3"]!.score).toBe("8"); // 100 / 3.1.b (500) = 20% → 20/50 × 20
    expect(unit("nghia-my").indicators["5"]!.score).toBe("28.1");
    expect(unit("nghia-my").indicators["8"]!.score).toBe("124.75");
    expect(unit("nghia-my").indicators["9"]!.score).toBe("0"); // Đô thị thông minh: unscored
  });

  it("Nghĩa Phương 4.3, 4.4: MIN/MAX depends on the peers — Nghĩa Phương and Nghĩa Kỳ alone swap places", () => {
    // Only these two: 4.3 min 0.1 (phuong), max 0.2 (ky) → phuong 0, ky 10; 4.4 min 0.05 (ky), max 0.25 (phuong) → phuong 10, ky 0.
    // phuong 553.5 (unchanged: 0 + 10); ky 550.5 − 2.5 + 10 − 0 = 558 → Nghĩa Kỳ first.
    const raw = parse(readFileSync(FIXTURE, "utf8")) as { units: Array<{ id: string }> };
    raw.units = raw.units.filter((u) => u.id === "nghia-phuong" || u.id === "nghia-ky");
    const pair = score(catalog, loadDataset(stringify(raw)));
    const p = pointsUnit(pair, "nghia-phuong");
    const k = pointsUnit(pair, "nghia-ky");
    expect(k.indicators["4.3"]!.score).toBe("10");
    expect(p.indicators["4.4"]!.score).toBe("10");
    expect(p.total).toBe("553.5");
    expect(k.total).toBe("558");
    expect(k.rank).toBe(1);
    expect(p.rank).toBe(2);
  });
});
