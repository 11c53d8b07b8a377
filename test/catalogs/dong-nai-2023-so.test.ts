// Đồng Nai — Bộ chỉ số đánh giá chuyển đổi số các sở, ban, ngành
// Quyết định 3473/QĐ-UBND ngày 29/12/2023, Phụ lục I (shared/seeds/000_1e1bc8614977e8b5.txt).
// Every expected value below is derived by hand from the document; the arithmetic is in the comments.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { getCatalog, loadDataset, score, scoreIndicator } from "../../src/index.js";
import { pointsUnit } from "../_units.js";

const catalog = getCatalog("dong-nai-2023/so");
const s = (code: string, data: unknown, opts?: { profile?: Record<string, number> }) =>
  scoreIndicator(catalog, code, data as never, opts as never).score;

describe("Đồng Nai Sở (QĐ 3473/QĐ-UBND): structure", () => {
  it("Điều 3: 10 main indicators, 40 components, 1000 points", () => {
    expect(catalog.indicators).toHaveLength(10);
    expect(catalog.indicators.reduce((n, m) => n + (m.children?.length ?? 0), 0)).toBe(40);
    expect(catalog.indicators.map((m) => Number(m.max))).toEqual([50, 150, 50, 100, 100, 300, 50, 100, 50, 50]);
    expect(catalog.declared?.total).toBe(1000);
    expect(catalog.declared?.components).toBe(40);
  });
});

describe("Đồng Nai Sở perItem (1.1, 1.2, 10.1)", () => {
  it("Đồng Nai Sở 1.1: +5 per programme, at most 20", () => {
    expect(s("1.1", { programs: 0 })).toBe("0");
    expect(s("1.1", { programs: 3 })).toBe("15"); // 3 × 5, below the cap
    expect(s("1.1", { programs: 4 })).toBe("20"); // 4 × 5 = 20, at the cap
    expect(s("1.1", { programs: 5 })).toBe("20"); // 25 → capped at 20
  });
  it("Đồng Nai Sở 1.2: +5 per participation, at most 10", () => {
    expect(s("1.2", { participations: 1 })).toBe("5");
    expect(s("1.2", { participations: 2 })).toBe("10");
    expect(s("1.2", { participations: 3 })).toBe("10"); // 15 → capped at 10
  });
  it("Đồng Nai Sở 10.1: 10 per method achieved, 5 per approved/under way, at most 50", () => {
    expect(s("10.1", { achieved: 0, approved: 0 })).toBe("0");
    expect(s("10.1", { achieved: 4, approved: 1 })).toBe("45"); // 40 + 5
    expect(s("10.1", { achieved: 4, approved: 2 })).toBe("50"); // 40 + 10 = 50, at the cap
    expect(s("10.1", { achieved: 5, approved: 1 })).toBe("50"); // 55 → capped at 50
  });
});

describe("Đồng Nai Sở threshold proportional on a number (1.3, 9.1)", () => {
  it("Đồng Nai Sở 1.3: ≥ 2 articles/month → 20; below → avg/2 × 20", () => {
    expect(s("1.3", { articlesPerMonth: 0 })).toBe("0"); // no column / no article
    expect(s("1.3", { articlesPerMonth: 1.9 })).toBe("19"); // 1.9/2 × 20
    expect(s("1.3", { articlesPerMonth: 2 })).toBe("20"); // at the threshold
    expect(s("1.3", { articlesPerMonth: 2.1 })).toBe("20");
    expect(s("1.3", 1)).toBe("10"); // scalar shorthand: 1/2 × 20
  });
  it("Đồng Nai Sở 9.1: a ≥ 10% → 50; 0 < a < 10% → a/10% × 50; no improvement → 0", () => {
    expect(s("9.1", { a: 0 })).toBe("0");
    expect(s("9.1", { a: 0.09 })).toBe("45"); // 0.09/0.1 × 50
    expect(s("9.1", { a: 0.1 })).toBe("50");
    expect(s("9.1", { a: 0.11 })).toBe("50");
  });
});

describe("Đồng Nai Sở yesNo (2.1, 3.1, 6.2.2)", () => {
  it("Đồng Nai Sở 2.1: Đã ban hành → 30, chưa → 0", () => {
    expect(s("2.1", true)).toBe("30");
    expect(s("2.1", false)).toBe("0");
    expect(s("2.1", { value: true })).toBe("30");
  });
  it("Đồng Nai Sở 6.2.2: Có → 15", () => {
    expect(s("6.2.2", true)).toBe("15");
  });
});

describe("Đồng Nai Sở ratio (Tỷ lệ × Điểm tối đa)", () => {
  it("Đồng Nai Sở 2.6: a/b × 30", () => {
    expect(s("2.6", { a: 1, b: 4 })).toBe("7.5");
    expect(s("2.6", { a: 4, b: 4 })).toBe("30");
    expect(s("2.6", { a: 0, b: 0 })).toBe("30"); // no conference organised: zero denominator → max (Điều 5c)
    expect(() => s("2.6", { a: 3, b: 2 })).toThrow(); // numerator > denominator
  });
  it("Đồng Nai Sở 3.2: a / profile.staffTotal × 30", () => {
    expect(s("3.2", { a: 3 }, { profile: { staffTotal: 4 } })).toBe("22.5"); // 3/4 × 30
    expect(s("3.2", { a: 4 }, { profile: { staffTotal: 4 } })).toBe("30");
  });
  it("Đồng Nai Sở 4.4: a/b × 50", () => {
    expect(s("4.4", { a: 1, b: 4 })).toBe("12.5");
  });
  it("Đồng Nai Sở 6.3.3: (c+d)/(a+b) × 15", () => {
    expect(s("6.3.3", { a: 1, b: 3, c: 1, d: 1 })).toBe("7.5"); // 2/4 × 15
  });
  it("Đồng Nai Sở 6.3.4: (b/a) × 30 (a is the denominator)", () => {
    expect(s("6.3.4", { a: 4, b: 3 })).toBe("22.5"); // 3/4 × 30
    expect(() => s("6.3.4", { a: 3, b: 4 })).toThrow(); // online files > all files
  });
  it("Đồng Nai Sở 6.4.3: a/(b+c) × 5", () => {
    expect(s("6.4.3", { a: 3, b: 3, c: 1 })).toBe("3.75"); // 3/4 × 5
  });
  it("Đồng Nai Sở 6.3.7: a/b × 20; all procedures free → max", () => {
    expect(s("6.3.7", { a: 1, b: 4 })).toBe("5");
    expect(s("6.3.7", { a: 0, b: 0 })).toBe("20"); // zero denominator → max
    expect(s("6.3.7", "n/a")).toBe("20");
  });
  it("Đồng Nai Sở 8.1: a / profile.workforceTotal × 20", () => {
    expect(s("8.1", { a: 3 }, { profile: { workforceTotal: 4 } })).toBe("15");
  });
});

describe("Đồng Nai Sở 5.8 bands (≥10% max, ≥7% 70%, ≥3% 30%, <3% 0)", () => {
  it("Đồng Nai Sở 5.8: around each band edge (a, b in triệu đồng)", () => {
    expect(s("5.8", { a: 101, b: 1000 })).toBe("10"); // 10.1%
    expect(s("5.8", { a: 100, b: 1000 })).toBe("10"); // 10% → Mức 1
    expect(s("5.8", { a: 99, b: 1000 })).toBe("7"); // 9.9% → Mức 2: 0.7 × 10
    expect(s("5.8", { a: 70, b: 1000 })).toBe("7"); // 7% → Mức 2
    expect(s("5.8", { a: 69, b: 1000 })).toBe("3"); // 6.9% → Mức 3: 0.3 × 10
    expect(s("5.8", { a: 30, b: 1000 })).toBe("3"); // 3% → Mức 3
    expect(s("5.8", { a: 29, b: 1000 })).toBe("0"); // 2.9% → Mức 4
  });
});

describe("Đồng Nai Sở checklist (6.1, 6.4.1) and choice (8.5)", () => {
  it("Đồng Nai Sở 6.1: standard 4/5 × 10, IPv6 1/5 × 10", () => {
    expect(s("6.1", { standard: false, ipv6: false })).toBe("0");
    expect(s("6.1", { standard: true, ipv6: false })).toBe("8");
    expect(s("6.1", { standard: false, ipv6: true })).toBe("2");
    expect(s("6.1", { standard: true, ipv6: true })).toBe("10");
  });
  it("Đồng Nai Sở 6.4.1: units 1/2 × 10, devices 1/2 × 10", () => {
    expect(s("6.4.1", { units: true, devices: false })).toBe("5");
    expect(s("6.4.1", { units: true, devices: true })).toBe("10");
  });
  it("Đồng Nai Sở 8.5: regular → 20, irregular → 1/2 × 20, none → 0", () => {
    expect(s("8.5", "regular")).toBe("20");
    expect(s("8.5", "irregular")).toBe("10");
    expect(s("8.5", "none")).toBe("0");
  });
});

describe("Đồng Nai Sở threshold all-or-nothing (6.3.1: Tỷ lệ = b/a, =100% → 25)", () => {
  it("Đồng Nai Sở 6.3.1: letters swapped, 100% → max else 0", () => {
    expect(s("6.3.1", { a: 20, b: 19 })).toBe("0"); // 95%
    expect(s("6.3.1", { a: 20, b: 20 })).toBe("25"); // 100%
    expect(s("6.3.1", { a: 0, b: 0 })).toBe("25"); // no eligible service → max
    expect(() => s("6.3.1", { a: 19, b: 20 })).toThrow(); // b/a > 1
  });
});

describe("Đồng Nai Sở threshold literal (below: Tỷ lệ × max)", () => {
  it("Đồng Nai Sở 6.3.2: ≥ 50% → 20; < 50% → Tỷ lệ × 20", () => {
    expect(s("6.3.2", { a: 49, b: 100 })).toBe("9.8"); // 0.49 × 20
    expect(s("6.3.2", { a: 5, b: 10 })).toBe("20"); // 50%
    expect(s("6.3.2", { a: 51, b: 100 })).toBe("20");
  });
  it("Đồng Nai Sở 7.2: ≥ 50% → 20; < 50% → Tỷ lệ × 20", () => {
    expect(s("7.2", { a: 49, b: 100 })).toBe("9.8");
    expect(s("7.2", { a: 50, b: 100 })).toBe("20");
    expect(s("7.2", { a: 51, b: 100 })).toBe("20");
  });
  it("Đồng Nai Sở 7.3: ≥ 80% → 10; < 80 → 10 × Tỷ lệ", () => {
    expect(s("7.3", { a: 79, b: 100 })).toBe("7.9");
    expect(s("7.3", { a: 80, b: 100 })).toBe("10");
    expect(s("7.3", { a: 81, b: 100 })).toBe("10");
  });
  it("Đồng Nai Sở 8.4: ≥ 80% → 20; < 80% → Tỷ lệ × 20 (b = profile.workforceTotal)", () => {
    const p = { profile: { workforceTotal: 100 } };
    expect(s("8.4", { a: 79 }, p)).toBe("15.8");
    expect(s("8.4", { a: 80 }, p)).toBe("20");
    expect(s("8.4", { a: 81 }, p)).toBe("20");
  });
});

describe("Đồng Nai Sở threshold proportional on a ratio (below: Tỷ lệ/T × max)", () => {
  it("Đồng Nai Sở 6.4.2: ≥ 50% → 20; < 50% → Tỷ lệ/50% × 20", () => {
    expect(s("6.4.2", { a: 49, b: 100 })).toBe("19.6"); // 0.49/0.5 × 20
    expect(s("6.4.2", { a: 50, b: 100 })).toBe("20");
    expect(s("6.4.2", { a: 51, b: 100 })).toBe("20");
  });
  it("Đồng Nai Sở 6.6: ≥ 1% → 15; < 1% → Tỷ lệ/1% × 15", () => {
    expect(s("6.6", { a: 9, b: 1000 })).toBe("13.5"); // 0.9%/1% × 15
    expect(s("6.6", { a: 10, b: 1000 })).toBe("15");
    expect(s("6.6", { a: 11, b: 1000 })).toBe("15");
  });
  it("Đồng Nai Sở 7.1: ≥ 10% → 10; < 10% → Tỷ lệ/10% × 10; no SMEs → max", () => {
    expect(s("7.1", { a: 9, b: 100 })).toBe("9");
    expect(s("7.1", { a: 10, b: 100 })).toBe("10");
    expect(s("7.1", { a: 11, b: 100 })).toBe("10");
    expect(s("7.1", { a: 0, b: 0 })).toBe("10");
    expect(s("7.1", "n/a")).toBe("10");
  });
});

describe("Đồng Nai Sở 6.4.4 composite (Tỷ lệ × 10 điểm + 5 điểm when 100% leaders sign)", () => {
  it("Đồng Nai Sở 6.4.4: parts add up", () => {
    expect(s("6.4.4", { a: 0, b: 100, value: true })).toBe("5"); // 0 + 5
    expect(s("6.4.4", { a: 80, b: 100, value: true })).toBe("13"); // 8 + 5
    expect(s("6.4.4", { a: 100, b: 100, value: false })).toBe("10"); // 10 + 0
    expect(s("6.4.4", { a: 100, b: 100, value: true })).toBe("15"); // 10 + 5
  });
});

// ---------------------------------------------------------------------------------------------
// Full fixture: fixtures/dong-nai-2023-so.sample.yaml (3 departments × Q1–Q4).
// Quarterly indicators: annual = mean of Q1..Q4 (missing quarter = 0) unless Kỳ cuối (4.1, 5.1: Q4).
// Annual indicators 5.8, 9.1, 10.1 (Năm, Kỳ cuối): Q4 only.
//
// so-tttt (staffTotal 80, civilServants 50, publicEmployees 30, workforceTotal 100)
//  1: 1.1 Q 10,10,20(5×5→cap 20),10 → 50/4 = 12.5; 1.2 Q 5,5,5,10(15→cap 10) → 25/4 = 6.25; 1.3 3 ≥ 2 → 20
//     = 38.75
//  2: 30+20+20+20+30 + 2.6 2/2 → 30 = 150
//  3: 20 + 3.2 80/80 × 30 = 30 → 50
//  4: 4.1 Q4: 8/80 = 10% is best (tc 5%, vhttdl 2.5%) → 10; 4.2 10; 4.3 30; 4.4 40/80 × 50 = 25 → 75
//  5: 5.1 5/5 × 15 = 15; 5.2 4/5 × 15 = 12; 5.3 15; 5.4 15; 5.5 10; 5.6 10; 5.7 10; 5.8 100/1000 = 10% → 10 → 97
//  6: 6.1 10; 6.2 10+15+10 = 35;
//     6.3: 25 + 20 (50%) + 11.25 (15/20 × 15) + 24 (80/100 × 30) + 10 (0.5 × 20) + 9 + 15 (30/40 × 20) = 114.25
//     6.4: 10 + 20 (50%) + 4.5 (90/100 × 5) + 6.4.4 Q 8, 13, 13, 13 → 47/4 = 11.75 + 30 + 10 (80/80) = 86.25
//     6.5 3/4 × 10 = 7.5; 6.6 20/1000 = 2% → 15
//     = 10 + 35 + 114.25 + 86.25 + 7.5 + 15 = 268
//  7: 7.1 n/a → 10; 7.2 30/50 = 60% → 20; 7.3 16/20 = 80% → 10; 7.4 0.9 × 10 = 9 → 49
//  8: 8.1 100/100 → 20; 8.2 20; 8.3 90/100 × 20 = 18; 8.4 80/100 = 80% → 20; 8.5 regular 20 → 98
//  9: 0.12 ≥ 10% → 50.   10: 4 × 10 + 2 × 5 = 50
//  total = 38.75 + 150 + 50 + 75 + 97 + 268 + 49 + 98 + 50 + 50 = 925.75
//
// so-tc (staffTotal 100, civilServants 80, publicEmployees 20, workforceTotal 125)
//  1: 1.1 5; 1.2 10; 1.3 Q 1→10, 1.5→15, 2→20, 2.5→20 → 65/4 = 16.25 → 31.25
//  2: 30 + 20 + 0 + 20 + 0 + 2.6 1/2 × 30 = 15 → 85
//  3: 20 + 90/100 × 30 = 27 → 47
//  4: 4.1 Q4: 5/100 = 5%, best 10% → 5/10 × 10 = 5 (Q1–Q3 20% was best, ignored: Kỳ cuối); 4.2 10; 4.3 0;
//     4.4 60/100 × 50 = 30 → 45
//  5: 5.1 4/5 × 15 = 12; 5.2 3/4 × 15 = 11.25; 5.3 45/50 × 15 = 13.5; 5.4 1/4 × 15 = 3.75; 5.5 10; 5.6 0; 5.7 10;
//     5.8 8/100 = 8% → Mức 2: 7 → 67.5
//  6: 6.1 8; 6.2 10+0+10 = 20;
//     6.3: 0 (95%) + 6.3.2 Q 9 (45% × 20), 0 (missing), 20, 20 → 49/4 = 12.25 + 6 (8/20 × 15) + 15 (25/50 × 30)
//          + 6 (0.3 × 20) + 8 + 20 (zero denominator) = 67.25
//     6.4: 5 + 8 (20%/50% × 20) + 3 (60/100 × 5) + 5 (0.5 × 10 + 0) + 24 + 10 (100/100) = 55
//     6.5 1/2 × 10 = 5; 6.6 0.5%/1% × 15 = 7.5
//     = 8 + 20 + 67.25 + 55 + 5 + 7.5 = 162.75
//  7: 7.1 5%/10% × 10 = 5; 7.2 40% × 20 = 8; 7.3 70% × 10 = 7; 7.4 1/2 × 10 = 5 → 25
//  8: 8.1 100/125 × 20 = 16; 8.2 30/40 × 20 = 15; 8.3 75/125 × 20 = 12; 8.4 60% × 20 = 12; 8.5 irregular 10 → 65
//  9: 0.05/0.1 × 50 = 25.   10: 1 × 10 + 3 × 5 = 25
//  total = 31.25 + 85 + 47 + 45 + 67.5 + 162.75 + 25 + 65 + 25 + 25 = 578.5
//
// so-vhttdl (staffTotal 200, civilServants 40, publicEmployees 160, workforceTotal 250)
//  1: 1.1 Q 0, missing, 5, 5 → 10/4 = 2.5; 1.2 5; 1.3 0 → 7.5
//  2: 0 + 20 + 0 + 0 + 0 + 2.6 1/4 × 30 = 7.5 → 27.5
//  3: 20 + 150/200 × 30 = 22.5 → 42.5
//  4: 4.1 Q4: 5/200 = 2.5%, best 10% → 2.5; 4.2 0; 4.3 30; 4.4 40/200 × 50 = 10 → 42.5
//  5: 5.1 2/5 × 15 = 6; 5.2 1/2 × 15 = 7.5; 5.3 100/200 × 15 = 7.5; 5.4 0; 5.5 0; 5.6 10; 5.7 0;
//     5.8 3/100 = 3% → Mức 3: 3 → 34
//  6: 6.1 0; 6.2 0+15+0 = 15;
//     6.3: 25 + 8 (40% × 20) + 3 (2/10 × 15) + 7.5 (10/40 × 30) + 2 + 7 + 5 (1/4 × 20) = 57.5
//     6.4: 5 + 0 + 1 (20/100 × 5) + 15 + 15 (5/10 × 30) + 5 (100/200 × 10) = 41
//     6.5 0; 6.6 1% → 15
//     = 0 + 15 + 57.5 + 41 + 0 + 15 = 128.5
//  7: 7.1 20% → 10; 7.2 50% → 20; 7.3 80% → 10; 7.4 3/4 × 10 = 7.5 → 47.5
//  8: 8.1 125/250 × 20 = 10; 8.2 10/20 × 20 = 10; 8.3 50/250 × 20 = 4; 8.4 200/250 = 80% → 20;
//     8.5 Q none, irregular, irregular, none → (0 + 10 + 10 + 0)/4 = 5 → 49
//  9: not reported → 0.   10: 0 × 10 + 1 × 5 = 5
//  total = 7.5 + 27.5 + 42.5 + 42.5 + 34 + 128.5 + 47.5 + 49 + 0 + 5 = 384
//
// Ranks: so-tttt 925.75 (1), so-tc 578.5 (2), so-vhttdl 384 (3).
// ---------------------------------------------------------------------------------------------
describe("Đồng Nai Sở fixture (dong-nai-2023-so.sample.yaml)", () => {
  const result = score(catalog, loadDataset(readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8")));
  const unit = (id: string) => pointsUnit(result, id);

  it("totals and ranks (Điều 6: sum of indicators, ranked high to low)", () => {
    expect(unit("so-tttt").total).toBe("925.75");
    expect(unit("so-tc").total).toBe("578.5");
    expect(unit("so-vhttdl").total).toBe("384");
    expect(unit("so-tttt").rank).toBe(1);
    expect(unit("so-tc").rank).toBe(2);
    expect(unit("so-vhttdl").rank).toBe(3);
  });

  it("Đồng Nai Sở 1.1 / 1.2 / 1.3: mean of the quarters, missing quarter = 0 (Điều 5c)", () => {
    expect(unit("so-tttt").indicators["1.1"]!.score).toBe("12.5");
    expect(unit("so-tttt").indicators["1.2"]!.score).toBe("6.25");
    expect(unit("so-tc").indicators["1.3"]!.score).toBe("16.25");
    expect(unit("so-vhttdl").indicators["1.1"]!.score).toBe("2.5");
  });

  it("Đồng Nai Sở 4.1 and 5.1: relative to the best department, Kỳ cuối (Q4)", () => {
    expect(unit("so-tttt").indicators["4.1"]!.score).toBe("10");
    expect(unit("so-tc").indicators["4.1"]!.score).toBe("5");
    expect(unit("so-vhttdl").indicators["4.1"]!.score).toBe("2.5");
    expect(unit("so-tttt").indicators["5.1"]!.score).toBe("15");
    expect(unit("so-tc").indicators["5.1"]!.score).toBe("12");
    expect(unit("so-vhttdl").indicators["5.1"]!.score).toBe("6");
  });

  it("Đồng Nai Sở 5.8, 9.1, 10.1: annual (Năm), read from Q4", () => {
    expect(unit("so-tttt").indicators["5.8"]!.score).toBe("10");
    expect(unit("so-tc").indicators["5.8"]!.score).toBe("7");
    expect(unit("so-vhttdl").indicators["5.8"]!.score).toBe("3");
    expect(unit("so-tc").indicators["9.1"]!.score).toBe("25");
    expect(unit("so-vhttdl").indicators["9.1"]!.score).toBe("0");
    expect(unit("so-tc").indicators["10.1"]!.score).toBe("25");
  });

  it("Đồng Nai Sở 6.3.2 (missing Q2), 6.3.7 (zero denominator), 7.1 (n/a), 6.4.4, 8.5", () => {
    expect(unit("so-tc").indicators["6.3.2"]!.score).toBe("12.25");
    expect(unit("so-tc").indicators["6.3.7"]!.score).toBe("20");
    expect(unit("so-tttt").indicators["7.1"]!.score).toBe("10");
    expect(unit("so-tttt").indicators["6.4.4"]!.score).toBe("11.75");
    expect(unit("so-vhttdl").indicators["8.5"]!.score).toBe("5");
  });
});
