// Vĩnh Phúc, QĐ 2074/QĐ-UBND 09/11/2022, Phụ lục 1 (Bộ chỉ số đánh giá chuyển đổi số các sở, ban, ngành).
// Expected values are worked out by hand from the document; see the arithmetic in the comments.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { getCatalog, loadDataset, score, scoreIndicator } from "../../src/index.js";
import { pointsUnit } from "../_units.js";

const catalog = getCatalog("vinh-phuc-2022/so");

describe("Vĩnh Phúc Sở (QĐ 2074/QĐ-UBND, Phụ lục 1): structure", () => {
  it("has 7 main indicators adding to 1000, as Phụ lục 4 declares", () => {
    expect(catalog.indicators.map((n) => n.code)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(catalog.indicators.map((n) => String(n.max))).toEqual(["120", "120", "60", "80", "70", "450", "100"]);
    expect(String(catalog.declared?.total)).toBe("1000");
    expect(catalog.declared?.components).toBe(42);
    expect(catalog.defaults.cadence).toBe("year");
    expect(catalog.defaults.annualRule).toBe("last");
  });
  it("declares the unit profile of section I. Thông tin chung with the document's numbering", () => {
    expect(catalog.profile?.staffTotal?.ref).toBe("1.5");
    expect(catalog.profile?.infoSystemCount?.ref).toBe("1.8");
    expect(catalog.profile?.budgetTotal?.type).toBe("amount");
    expect(catalog.profile?.dataOfficerEmail?.type).toBe("text");
    expect(catalog.profile?.approverName?.ref).toBe("2.2");
  });
});

describe("Vĩnh Phúc Sở 1.1: Trưởng ban Ban chỉ đạo CĐS (choice, 25)", () => {
  it("head → max, deputy → 1/2 max, none → 0", () => {
    expect(scoreIndicator(catalog, "1.1", "head").score).toBe("25");
    expect(scoreIndicator(catalog, "1.1", "deputy").score).toBe("12.5"); // 1/2 × 25
    expect(scoreIndicator(catalog, "1.1", "none").score).toBe("0");
  });
});

describe("Vĩnh Phúc Sở 1.2.1: Tỷ lệ × Điểm tối đa (ratio, 15)", () => {
  it("a/b × 15", () => {
    expect(scoreIndicator(catalog, "1.2.1", { a: 0, b: 5 }).score).toBe("0");
    expect(scoreIndicator(catalog, "1.2.1", { a: 4, b: 5 }).score).toBe("12"); // 0.8 × 15
    expect(scoreIndicator(catalog, "1.2.1", { a: 5, b: 5 }).score).toBe("15");
  });
  it("no provincial meeting invited the unit (b = 0) → max (catalog default, noted)", () => {
    expect(scoreIndicator(catalog, "1.2.1", { a: 0, b: 0 }).score).toBe("15");
  });
});

describe("Vĩnh Phúc Sở 1.2.2 and 1.3: zero denominator scores 0 (noted)", () => {
  it("1.2.2: the unit held no DT meeting (b = 0) → 0", () => {
    expect(scoreIndicator(catalog, "1.2.2", { a: 0, b: 0 }).score).toBe("0");
    expect(scoreIndicator(catalog, "1.2.2", { a: 1, b: 2 }).score).toBe("7.5"); // 0.5 × 15
  });
  it("1.3: no DT directive issued (b = 0) → 0; 8/10 → 20", () => {
    expect(scoreIndicator(catalog, "1.3", { a: 0, b: 0 }).score).toBe("0");
    expect(scoreIndicator(catalog, "1.3", { a: 8, b: 10 }).score).toBe("20"); // 0.8 × 25
  });
});

describe("Vĩnh Phúc Sở 1.4: chuyên mục CĐS and articles (choice, 40)", () => {
  it("Chưa có chuyên mục → 0, whatever the article count", () => {
    expect(scoreIndicator(catalog, "1.4", "noSection").score).toBe("0");
  });
  it("category, < 10 articles → 1/4 max = 10", () => {
    expect(scoreIndicator(catalog, "1.4", "under10").score).toBe("10");
  });
  it("category, 10–19 articles → 1/2 max = 20", () => {
    expect(scoreIndicator(catalog, "1.4", "from10to19").score).toBe("20");
  });
  it("category, ≥ 20 articles → max = 40", () => {
    expect(scoreIndicator(catalog, "1.4", "atLeast20").score).toBe("40");
  });
});

describe("Vĩnh Phúc Sở 2.1: Đã ban hành (yesNo, 20)", () => {
  it("yes → 20, no → 0", () => {
    expect(scoreIndicator(catalog, "2.1", true).score).toBe("20");
    expect(scoreIndicator(catalog, "2.1", false).score).toBe("0");
    expect(scoreIndicator(catalog, "2.1", { value: true }).score).toBe("20");
  });
});

describe("Vĩnh Phúc Sở 2.5: Mỗi hội nghị đạt 5 điểm, tối đa không quá 20 điểm (perItem)", () => {
  it("5 points per conference, capped at 20", () => {
    expect(scoreIndicator(catalog, "2.5", { conferences: 0 }).score).toBe("0");
    expect(scoreIndicator(catalog, "2.5", { conferences: 3 }).score).toBe("15");
    expect(scoreIndicator(catalog, "2.5", { conferences: 4 }).score).toBe("20");
    expect(scoreIndicator(catalog, "2.5", { conferences: 5 }).score).toBe("20"); // 25 capped
  });
});

describe("Vĩnh Phúc Sở 3.2 / 4.4 / 7.x: staff ratios divide by profile 1.5 staffTotal", () => {
  it("3.2: 15 of 20 staff with a computer → 0.75 × 20 = 15", () => {
    expect(scoreIndicator(catalog, "3.2", { a: 15 }, { profile: { staffTotal: 20 } }).score).toBe("15");
    expect(scoreIndicator(catalog, "3.2", { a: 20 }, { profile: { staffTotal: 20 } }).score).toBe("20");
  });
  it("7.3: 30 of 40 staff pay electronically → 0.75 × 25 = 18.75", () => {
    expect(scoreIndicator(catalog, "7.3", { a: 30 }, { profile: { staffTotal: 40 } }).score).toBe("18.75");
  });
});

describe("Vĩnh Phúc Sở 4.1 and 4.3: no IT staff → 0", () => {
  it("4.1: Chưa có cán bộ chuyên trách CNTT (b = 0) → 0 points, as the document says", () => {
    expect(scoreIndicator(catalog, "4.1", { a: 0, b: 0 }).score).toBe("0");
    expect(scoreIndicator(catalog, "4.1", { a: 3, b: 4 }).score).toBe("15"); // 0.75 × 20
  });
  it("4.3: b = 0 → 0 (by analogy with 4.1, noted)", () => {
    expect(scoreIndicator(catalog, "4.3", { a: 0, b: 0 }).score).toBe("0");
    expect(scoreIndicator(catalog, "4.3", { a: 4, b: 5 }).score).toBe("16"); // 0.8 × 20
  });
});

describe("Vĩnh Phúc Sở 5.1 / 5.4: security ratios against the profile", () => {
  it("5.1: approved systems / profile 1.8 infoSystemCount", () => {
    expect(scoreIndicator(catalog, "5.1", { a: 4 }, { profile: { infoSystemCount: 5 } }).score).toBe("8"); // 0.8 × 10
  });
  it("5.1: a unit without information systems → max (default, noted)", () => {
    expect(scoreIndicator(catalog, "5.1", { a: 0 }, { profile: { infoSystemCount: 0 } }).score).toBe("10");
  });
  it("5.4: protected computers / profile 1.7 workstationCount", () => {
    expect(scoreIndicator(catalog, "5.4", { a: 45 }, { profile: { workstationCount: 50 } }).score).toBe("9"); // 0.9 × 10
  });
});

describe("Vĩnh Phúc Sở 6.1: tin, bài trung bình hàng tháng (bands, 40)", () => {
  const s = (a: number) => scoreIndicator(catalog, "6.1", { a }).score;
  it("Dưới 15 → 0", () => {
    expect(s(14)).toBe("0");
    expect(s(14.5)).toBe("0");
  });
  it("Từ 15 đến < 22 → 1/4 × 40 = 10", () => {
    expect(s(15)).toBe("10");
    expect(s(21.5)).toBe("10");
  });
  it("Từ 22 đến <= 30 → 1/2 × 40 = 20", () => {
    expect(s(22)).toBe("20");
    expect(s(30)).toBe("20");
  });
  it("Trên 30 → 40", () => {
    expect(s(30.5)).toBe("40");
    expect(s(31)).toBe("40");
  });
});

describe("Vĩnh Phúc Sở 6.8: cuộc họp trực tuyến trong năm (bands, 30)", () => {
  const s = (a: number) => scoreIndicator(catalog, "6.8", { a }).score;
  it("edges 3, 6, 12 as written", () => {
    expect(s(2)).toBe("0");
    expect(s(3)).toBe("7.5"); // 1/4 × 30
    expect(s(5)).toBe("7.5");
    expect(s(6)).toBe("15"); // 1/2 × 30
    expect(s(12)).toBe("15");
    expect(s(13)).toBe("30");
  });
});

describe("Vĩnh Phúc Sở 6.9: Tỷ lệ = a/(b+c); ≥ 80% max, < 80% Tỷ lệ × max (threshold literal, 40)", () => {
  it("just below, at and above 80%", () => {
    expect(scoreIndicator(catalog, "6.9", { a: 79, b: 79, c: 21 }).score).toBe("31.6"); // 0.79 × 40
    expect(scoreIndicator(catalog, "6.9", { a: 80, b: 80, c: 20 }).score).toBe("40");
    expect(scoreIndicator(catalog, "6.9", { a: 81, b: 81, c: 19 }).score).toBe("40");
  });
  it("well below: 150/(150+50) = 0.75 → 30", () => {
    expect(scoreIndicator(catalog, "6.9", { a: 150, b: 150, c: 50 }).score).toBe("30");
  });
});

describe("Vĩnh Phúc Sở 6.10 / 6.13: rate from the Sở TT&TT report × max", () => {
  it("6.10: 0.95 × 40 = 38; 1 → 40", () => {
    expect(scoreIndicator(catalog, "6.10", { a: 0.95 }).score).toBe("38");
    expect(scoreIndicator(catalog, "6.10", { a: 1 }).score).toBe("40");
  });
  it("6.13: 0.75 × 40 = 30", () => {
    expect(scoreIndicator(catalog, "6.13", 0.75).score).toBe("30");
  });
});

describe("Vĩnh Phúc Sở 6.14: ≥ 1% max; < 1% Tỷ lệ × max × 100 (threshold proportional, 20)", () => {
  const s = (a: number) => scoreIndicator(catalog, "6.14", { a }, { profile: { budgetTotal: 10000 } }).score;
  it("just below, at and above 1% of the unit's budget (profile 1.9)", () => {
    expect(s(99)).toBe("19.8"); // 0.0099 × 20 × 100
    expect(s(100)).toBe("20");
    expect(s(101)).toBe("20");
  });
  it("half the threshold → half the points", () => {
    expect(s(50)).toBe("10"); // 0.005 × 20 × 100
    expect(s(0)).toBe("0");
  });
});

describe("Vĩnh Phúc Sở: sample dataset (fixtures/vinh-phuc-2022-so.sample.yaml, period Y)", () => {
  const result = score(catalog, loadDataset(readFileSync("fixtures/vinh-phuc-2022-so.sample.yaml", "utf8")));
  const unit = (id: string) => pointsUnit(result, id);

  // so-tttt (staff 40, workstations 50, systems 5, budget 20000):
  // 1: 1.1 head 25 + 1.2.1 4/5×15=12 + 1.2.2 6/6×15=15 + 1.3 8/10×25=20 + 1.4 atLeast20 40 = 112
  // 2: 20 + 20 + 20 + 2.4 9/10×20=18 + 2.5 5 conferences 25→cap 20 + 20 = 118
  // 3: 20 + 3.2 40/40×20=20 + 20 = 60
  // 4: 4.1 3/4×20=15 + 20 + 4.3 4/5×20=16 + 4.4 30/40×20=15 = 66
  // 5: 5.1 4/5×10=8 + 5.2 3/4(5.1.a)×10=7.5 + 5.3 5/5×10=10 + 5.4 45/50×10=9 + 5.5 2/5×10=4 + 10 + 10 = 58.5
  // 6: 6.1 31>30 →40 + 20 + 6.3 30/40×40=30 + 6.4 0.9×40=36 + 6.5 0.5×30=15 + 6.6 0.99×40=39.6
  //    + 6.7 0.9×20=18 + 6.8 13>12 →30 + 6.9 160/200=80% →40 + 6.10 0.95×40=38 + 6.11 0.9×20=18
  //    + 6.12 0.9×30=27 + 6.13 0.9×40=36 + 6.14 200/20000=1% →20 = 407.6
  // 7: 7.1 40/40×25=25 + 7.2 36/40×25=22.5 + 7.3 30/40×25=18.75 + 25 = 91.25
  // total: 112 + 118 + 60 + 66 + 58.5 + 407.6 + 91.25 = 913.35
  it("so-tttt: 913.35, rank 1", () => {
    const u = unit("so-tttt");
    expect(u.total).toBe("913.35");
    expect(u.rank).toBe(1);
    expect(u.indicators["1.4"]!.score).toBe("40");
    expect(u.indicators["5.2"]!.score).toBe("7.5");
    expect(u.indicators["6.9"]!.score).toBe("40");
    expect(u.indicators["6.14"]!.score).toBe("20");
    expect(u.indicators["7.3"]!.score).toBe("18.75");
    expect(u.indicators["6"]!.score).toBe("407.6");
  });

  // so-tu-phap (staff 50, workstations 40, systems 4, budget 25000):
  // 1: 1.1 deputy 12.5 + 1.2.1 3/4×15=11.25 + 1.2.2 1/2×15=7.5 + 1.3 2/5×25=10 + 1.4 from10to19 1/2×40=20 = 61.25
  // 2: 0 + 20 + 20 + 2.4 3/4×20=15 + 2.5 3×5=15 + 0 = 70
  // 3: 0 + 3.2 45/50×20=18 + 0 = 18
  // 4: 4.1 1/2×20=10 + 0 + 4.3 1/4×20=5 + 4.4 25/50×20=10 = 25
  // 5: 5.1 2/4×10=5 + 5.2 1/2×10=5 + 5.3 1/4×10=2.5 + 5.4 30/40×10=7.5 + 5.5 0/4=0 + 10 + 0 = 30
  // 6: 6.1 30 (≤30) →20 + 0 + 6.3 0.5×40=20 + 6.4 0.75×40=30 + 6.5 0.25×30=7.5 + 6.6 0.95×40=38
  //    + 6.7 0.8×20=16 + 6.8 12 (≤12) →15 + 6.9 150/200=0.75 →0.75×40=30 + 6.10 0.8×40=32
  //    + 6.11 0.5×20=10 + 6.12 0.75×30=22.5 + 6.13 0.75×40=30 + 6.14 125/25000=0.5% →0.005×20×100=10 = 281
  // 7: 7.1 40/50×25=20 + 7.2 25/50×25=12.5 + 7.3 10/50×25=5 + 25 = 62.5
  // total: 61.25 + 70 + 18 + 25 + 30 + 281 + 62.5 = 547.75
  it("so-tu-phap: 547.75, rank 2", () => {
    const u = unit("so-tu-phap");
    expect(u.total).toBe("547.75");
    expect(u.rank).toBe(2);
    expect(u.indicators["1.1"]!.score).toBe("12.5");
    expect(u.indicators["1.4"]!.score).toBe("20");
    expect(u.indicators["6.1"]!.score).toBe("20");
    expect(u.indicators["6.8"]!.score).toBe("15");
    expect(u.indicators["6.9"]!.score).toBe("30");
    expect(u.indicators["6.14"]!.score).toBe("10");
    expect(u.indicators["1"]!.score).toBe("61.25");
  });

  // ban-dan-toc (staff 20, workstations 20, systems 0, budget 8000):
  // 1: 1.1 none 0 + 1.2.1 1/4×15=3.75 + 1.2.2 b=0 →0 + 1.3 b=0 →0 + 1.4 noSection 0 = 3.75
  // 2: 0 + 0 + 20 + 2.4 b=0 →max 20 + 2.5 1×5=5 + 0 = 45
  // 3: 20 + 3.2 15/20×20=15 + 0 = 35
  // 4: 4.1 b=0 →0 + 20 + 4.3 0/1=0 + 4.4 5/20×20=5 = 25
  // 5: 5.1 b=0 →10 + 5.2 b=5.1.a=0 →10 + 5.3 b=0 →10 + 5.4 10/20×10=5 + 5.5 b=0 →10 + 0 + 10 = 55
  // 6: 6.1 21.5 →1/4×40=10 + 0 + 6.3 1/2×40=20 + 6.4 3/12×40=10 + 6.5 b=0 →30 + 6.6 12/12×40=40
  //    + 6.7 9/12×20=15 + 6.8 3 →1/4×30=7.5 + 6.9 50/100=0.5 →20 + 6.10 0.6×40=24 + 6.11 0.5×20=10
  //    + 6.12 0.8×30=24 + 6.13 0.5×40=20 + 6.14 20/8000=0.25% →0.0025×20×100=5 = 235.5
  // 7: 7.1 10/20×25=12.5 + 7.2 4/20×25=5 + 7.3 2/20×25=2.5 + 0 = 20
  // total: 3.75 + 45 + 35 + 25 + 55 + 235.5 + 20 = 419.25
  it("ban-dan-toc: 419.25, rank 3", () => {
    const u = unit("ban-dan-toc");
    expect(u.total).toBe("419.25");
    expect(u.rank).toBe(3);
    expect(u.indicators["1.2.2"]!.score).toBe("0");
    expect(u.indicators["1.4"]!.score).toBe("0");
    expect(u.indicators["2.4"]!.score).toBe("20");
    expect(u.indicators["4.1"]!.score).toBe("0");
    expect(u.indicators["5.2"]!.score).toBe("10");
    expect(u.indicators["6.1"]!.score).toBe("10");
    expect(u.indicators["6.5"]!.score).toBe("30");
    expect(u.indicators["5"]!.score).toBe("55");
  });
});
