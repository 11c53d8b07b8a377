// Vĩnh Phúc districts: Quyết định 2074/QĐ-UBND, 09/11/2022, Phụ lục 2 (Bộ chỉ số đánh giá chuyển đổi số
// UBND các huyện, thành phố), summary in Phụ lục 4 (II. Cấu trúc Bộ chỉ số đánh giá DTI cấp huyện).
// Annual data (01/01–31/12): one period Y, cadence year, annual rule last.
// Every expected value below is computed by hand from the document's method cell (and the reading in the
// catalog's note where the document is contradictory); the arithmetic is in the comments.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { getCatalog, loadDataset, score, scoreIndicator } from "../../src/index.js";
import { pointsUnit } from "../_units.js";

const catalog = getCatalog("vinh-phuc-2022/huyen");
type Profile = Record<string, number | string | boolean>;
const s = (code: string, data: unknown, profile?: Profile) =>
  scoreIndicator(catalog, code, data as never, profile ? { profile } : {}).score;

describe("Vĩnh Phúc huyện: structure (Phụ lục 2, Phụ lục 4)", () => {
  it("Phụ lục 4: 8 main indicators, 66 components, 1000 points; groups 435 + 565", () => {
    const main = catalog.indicators;
    expect(main.map((n) => n.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(main.map((n) => Number(n.max))).toEqual([120, 75, 80, 90, 70, 295, 120, 150]);
    expect(main.map((n) => n.children?.length)).toEqual([6, 5, 8, 6, 7, 16, 8, 10]);
    expect(main.reduce((a, n) => a + Number(n.max), 0)).toBe(1000);
    // I Nhóm chỉ số nền tảng chung: 1–5 = 120 + 75 + 80 + 90 + 70 = 435, 6+5+8+6+7 = 32 components
    expect(main.slice(0, 5).reduce((a, n) => a + Number(n.max), 0)).toBe(435);
    expect(main.slice(0, 5).reduce((a, n) => a + (n.children?.length ?? 0), 0)).toBe(32);
    // II Nhóm chỉ số hoạt động: 6–8 = 295 + 120 + 150 = 565, 16+8+10 = 34 components
    expect(main.slice(5).reduce((a, n) => a + Number(n.max), 0)).toBe(565);
    expect(main.slice(5).reduce((a, n) => a + (n.children?.length ?? 0), 0)).toBe(34);
    expect(catalog.declared?.total).toBe(1000);
    expect(catalog.declared?.components).toBe(66);
  });

  it("Thông tin chung: profile fields with the document's numbering", () => {
    const p = catalog.profile!;
    expect(p.population!.ref).toBe("1.4");
    expect(p.workingAgePopulation!.ref).toBe("1.5");
    expect(p.households!.ref).toBe("1.6");
    expect(p.communes!.ref).toBe("1.7");
    expect(p.villages!.ref).toBe("1.8");
    expect(p.staffDistrict!.ref).toBe("1.10.1");
    expect(p.staffCommune!.ref).toBe("1.10.2");
    expect(p.workstations!.ref).toBe("1.12");
    expect(p.informationSystems!.ref).toBe("1.13");
    expect(p.businesses!.ref).toBe("1.14");
    expect(p.smes!.ref).toBe("1.15");
    expect(p.stateBudget!.ref).toBe("1.18");
    expect(p.stateBudget!.type).toBe("amount");
    expect(p.dataOfficerName!.type).toBe("text");
    expect(p.approverEmail!.ref).toBe("2.2");
  });

  it("annual defaults: cadence year, annual rule last", () => {
    expect(catalog.defaults.cadence).toBe("year");
    expect(catalog.defaults.annualRule).toBe("last");
  });
});

describe("Vĩnh Phúc huyện: choices and yes/no", () => {
  it("1.1 Trưởng ban: Bí thư/Chủ tịch → max; Phó → 1/2; none → 0", () => {
    expect(s("1.1", "head")).toBe("20");
    expect(s("1.1", "deputy")).toBe("10"); // 1/2 × 20
    expect(s("1.1", "none")).toBe("0");
  });

  it("1.4 chuyên mục CĐS: ≥ 20 tin bài → max; 10–19 → 1/2; < 10 → 1/4; no section → 0", () => {
    expect(s("1.4", "atLeast20")).toBe("20");
    expect(s("1.4", "from10to19")).toBe("10"); // 1/2 × 20
    expect(s("1.4", "under10")).toBe("5"); // 1/4 × 20
    expect(s("1.4", "noSection")).toBe("0");
  });

  it("1.6 tần suất phát sóng: weekly → max; monthly–weekly → 1/2; rarer → 0", () => {
    expect(s("1.6", "weekly")).toBe("15");
    expect(s("1.6", "monthly")).toBe("7.5"); // 1/2 × 15
    expect(s("1.6", "rare")).toBe("0");
  });

  it("2.1 Nghị quyết chuyên đề: Đã ban hành → 15, Chưa → 0; 3.4 TSLCD → 10; 8.10 kênh tương tác → 15", () => {
    expect(s("2.1", true)).toBe("15");
    expect(s("2.1", false)).toBe("0");
    expect(s("3.4", true)).toBe("10");
    expect(s("8.10", { value: true })).toBe("15");
    expect(s("8.10", { value: false })).toBe("0");
  });
});

describe("Vĩnh Phúc huyện 2.4: 3,75 điểm mỗi hội nghị, tối đa 15", () => {
  it("below, at and above the cap", () => {
    expect(s("2.4", { conferences: 0 })).toBe("0");
    expect(s("2.4", { conferences: 1 })).toBe("3.75");
    expect(s("2.4", { conferences: 3 })).toBe("11.25"); // 3 × 3.75
    expect(s("2.4", { conferences: 4 })).toBe("15"); // 4 × 3.75 = 15 = cap
    expect(s("2.4", { conferences: 5 })).toBe("15"); // 18.75 capped at 15
  });
});

describe("Vĩnh Phúc huyện: plain ratios (Điểm = Tỷ lệ × Điểm tối đa)", () => {
  it("1.2.1 họp CĐS của tỉnh: a/b × 15", () => {
    expect(s("1.2.1", { a: 3, b: 4 })).toBe("11.25");
    expect(s("1.2.1", { a: 4, b: 4 })).toBe("15");
    expect(s("1.2.1", { a: 0, b: 4 })).toBe("0");
  });

  it("1.2.1: a > b is a data error (a proportion)", () => {
    expect(() => scoreIndicator(catalog, "1.2.1", { a: 5, b: 4 } as never)).toThrow();
  });

  it("1.2.1: b = 0 (the province invited the district to no meeting) → library default max", () => {
    expect(s("1.2.1", { a: 0, b: 0 })).toBe("15");
  });

  it("7.8 OCOP lên sàn: b = 0 (no such product) → library default max", () => {
    expect(s("7.8", { a: 3, b: 5 })).toBe("9"); // 0.6 × 15
    expect(s("7.8", { a: 0, b: 0 })).toBe("15");
  });

  it("1.2.2, 1.3, 4.1: b = 0 means the district did nothing → 0 (zeroDenominator zero, noted)", () => {
    expect(s("1.2.2", { a: 0, b: 0 })).toBe("0");
    expect(s("1.3", { a: 0, b: 0 })).toBe("0");
    expect(s("4.1", { a: 0, b: 0 })).toBe("0");
    expect(s("1.3", { a: 1, b: 4 })).toBe("5"); // 0.25 × 20
  });

  it("4.2 CBCCVC chuyên trách CNTT: 'Chưa có …: 0 điểm' → b = 0 scores 0; otherwise a/b × 15", () => {
    expect(s("4.2", { a: 0, b: 0 })).toBe("0");
    expect(s("4.2", { a: 1, b: 2 })).toBe("7.5");
    expect(s("4.2", { a: 2, b: 2 })).toBe("15");
  });

  it("3.2 hộ gia đình có máy tính/ĐTTM: b = profile.households (1.6)", () => {
    expect(s("3.2", { a: 750 }, { households: 1000 })).toBe("7.5"); // 0.75 × 10
  });

  it("4.4 CBCCVC được tập huấn: b = staffDistrict (1.10.1) + staffCommune (1.10.2)", () => {
    // 200 / (300 + 100) = 0.5 × 15 = 7.5
    expect(s("4.4", { a: 200 }, { staffDistrict: 300, staffCommune: 100 })).toBe("7.5");
    // 400 / 400 = 1 → 15
    expect(s("4.4", { a: 400 }, { staffDistrict: 300, staffCommune: 100 })).toBe("15");
  });

  it("4.5 người dân trong độ tuổi lao động được tập huấn: b = total population (1.4), as written", () => {
    // 100 / 1000 = 0.1 × 15 = 1.5 (not 100/workingAgePopulation)
    expect(s("4.5", { a: 100 }, { population: 1000, workingAgePopulation: 500 })).toBe("1.5");
  });

  it("5.2 phương án bảo vệ: b = 5.1.a (systems with an approved dossier); b = 0 → 0 (zeroDenominator zero)", () => {
    // 3 / 4 = 0.75 × 10 = 7.5
    expect(scoreIndicator(catalog, "5.2", { a: 3 }, { profile: { informationSystems: 10 }, with: { "5.1": { a: 4 } } }).score).toBe("7.5");
    expect(scoreIndicator(catalog, "5.2", { a: 4 }, { profile: { informationSystems: 10 }, with: { "5.1": { a: 4 } } }).score).toBe("10");
    expect(scoreIndicator(catalog, "5.2", { a: 0 }, { profile: { informationSystems: 10 }, with: { "5.1": { a: 0 } } }).score).toBe("0");
  });

  it("5.4 máy tính giám sát SOC: b = profile.workstations (1.12)", () => {
    expect(s("5.4", { a: 45 }, { workstations: 50 })).toBe("9"); // 0.9 × 10
  });

  it("6.10 văn bản đi ký số (from the Sở TT&TT report, entered as a/b)", () => {
    expect(s("6.10", { a: 95, b: 100 })).toBe("19"); // 0.95 × 20
  });
});

describe("Vĩnh Phúc huyện: thresholds, literal below (≥ T → max; < T → Tỷ lệ × max)", () => {
  it("3.1 ĐTTM, 70% of profile.population", () => {
    const p = { population: 1000 };
    expect(s("3.1", { a: 699 }, p)).toBe("6.99"); // 0.699 × 10
    expect(s("3.1", { a: 700 }, p)).toBe("10");
    expect(s("3.1", { a: 701 }, p)).toBe("10");
  });

  it("3.3 cáp quang, 80% ('<80' read as < 80%) of profile.households", () => {
    const p = { households: 1000 };
    expect(s("3.3", { a: 799 }, p)).toBe("7.99");
    expect(s("3.3", { a: 800 }, p)).toBe("10");
    expect(s("3.3", { a: 801 }, p)).toBe("10");
  });

  it("3.6 4G, 80% of profile.communes", () => {
    const p = { communes: 10 };
    expect(s("3.6", { a: 7 }, p)).toBe("7"); // 0.7 × 10
    expect(s("3.6", { a: 8 }, p)).toBe("10");
    expect(s("3.6", { a: 9 }, p)).toBe("10");
  });

  it("4.6 trường học CĐS, 60%", () => {
    expect(s("4.6", { a: 59, b: 100 })).toBe("8.85"); // 0.59 × 15
    expect(s("4.6", { a: 60, b: 100 })).toBe("15");
    expect(s("4.6", { a: 61, b: 100 })).toBe("15");
  });

  it("6.9 hồ sơ công việc trên môi trường mạng, 80%", () => {
    expect(s("6.9", { a: 79, b: 100 })).toBe("15.8"); // 0.79 × 20
    expect(s("6.9", { a: 80, b: 100 })).toBe("20");
    expect(s("6.9", { a: 81, b: 100 })).toBe("20");
  });

  it("6.12 số hoá hồ sơ Một cửa, 50%", () => {
    expect(s("6.12", { a: 49, b: 100 })).toBe("4.9"); // 0.49 × 10
    expect(s("6.12", { a: 50, b: 100 })).toBe("10");
    expect(s("6.12", { a: 51, b: 100 })).toBe("10");
  });

  it("7.3 DNNVV dùng nền tảng số, 50% of profile.smes", () => {
    const p = { smes: 100 };
    expect(s("7.3", { a: 49 }, p)).toBe("7.35"); // 0.49 × 15
    expect(s("7.3", { a: 50 }, p)).toBe("15");
    expect(s("7.3", { a: 51 }, p)).toBe("15");
  });

  it("7.4 hợp đồng điện tử, 80% ('<80' read as < 80%) of profile.businesses", () => {
    const p = { businesses: 100 };
    expect(s("7.4", { a: 79 }, p)).toBe("11.85"); // 0.79 × 15
    expect(s("7.4", { a: 80 }, p)).toBe("15");
    expect(s("7.4", { a: 81 }, p)).toBe("15");
  });

  it("8.6 thanh toán điện tử, 40%", () => {
    expect(s("8.6", { a: 39, b: 100 })).toBe("5.85"); // 0.39 × 15
    expect(s("8.6", { a: 40, b: 100 })).toBe("15");
    expect(s("8.6", { a: 41, b: 100 })).toBe("15");
  });

  it("8.7 hồ sơ sức khỏe điện tử, 60% of profile.population", () => {
    const p = { population: 100 };
    expect(s("8.7", { a: 59 }, p)).toBe("8.85");
    expect(s("8.7", { a: 60 }, p)).toBe("15");
    expect(s("8.7", { a: 61 }, p)).toBe("15");
  });

  it("8.9 thanh toán điện, nước không dùng tiền mặt, 60% of profile.households", () => {
    const p = { households: 100 };
    expect(s("8.9", { a: 59 }, p)).toBe("8.85");
    expect(s("8.9", { a: 60 }, p)).toBe("15");
  });
});

describe("Vĩnh Phúc huyện: thresholds, proportional below (< T → Tỷ lệ/T × max)", () => {
  it("7.1 DN công nghệ số: 5%, read as Tỷ lệ/5% (the document's '/1%' noted)", () => {
    const p = { businesses: 1000 };
    expect(s("7.1", { a: 49 }, p)).toBe("14.7"); // 4.9%/5% = 0.98 × 15
    expect(s("7.1", { a: 50 }, p)).toBe("15");
    expect(s("7.1", { a: 51 }, p)).toBe("15");
    // 2%: 2%/5% × 15 = 6 (the literal 2%/1% × 15 = 30 would clamp to 15)
    expect(s("7.1", { a: 20 }, p)).toBe("6");
  });

  it("7.2 DNNVV tham gia chương trình hỗ trợ: 10% of profile.smes", () => {
    const p = { smes: 1000 };
    expect(s("7.2", { a: 99 }, p)).toBe("14.85"); // 9.9%/10% = 0.99 × 15
    expect(s("7.2", { a: 100 }, p)).toBe("15");
    expect(s("7.2", { a: 101 }, p)).toBe("15");
  });

  it("7.6 giao dịch Vỏ Sò/Postmart: 5%; not a proportion (a > b allowed)", () => {
    expect(s("7.6", { a: 4, b: 100 })).toBe("12"); // 4%/5% = 0.8 × 15
    expect(s("7.6", { a: 5, b: 100 })).toBe("15");
    expect(s("7.6", { a: 6, b: 100 })).toBe("15");
    expect(s("7.6", { a: 150, b: 100 })).toBe("15"); // 150% ≥ 5%, no data error
  });

  it("7.7 lên sàn TMĐT: 20%", () => {
    expect(s("7.7", { a: 19, b: 100 })).toBe("14.25"); // 19%/20% = 0.95 × 15
    expect(s("7.7", { a: 20, b: 100 })).toBe("15");
    expect(s("7.7", { a: 21, b: 100 })).toBe("15");
  });

  it("8.5 dịch vụ chính quyền điện tử: 30% of profile.population", () => {
    const p = { population: 1000 };
    expect(s("8.5", { a: 150 }, p)).toBe("7.5"); // 15%/30% = 0.5 × 15
    expect(s("8.5", { a: 297 }, p)).toBe("14.85"); // 29.7%/30% = 0.99 × 15
    expect(s("8.5", { a: 300 }, p)).toBe("15");
    expect(s("8.5", { a: 301 }, p)).toBe("15");
  });

  it("6.16 chi NSNN cho CNTT/CĐS: 1% of profile.stateBudget, without the document's stray '× 100'", () => {
    const p = { stateBudget: 100000 };
    expect(s("6.16", { a: 999 }, p)).toBe("9.99"); // 0.999%/1% × 10
    expect(s("6.16", { a: 1000 }, p)).toBe("10");
    expect(s("6.16", { a: 1001 }, p)).toBe("10");
    expect(s("6.16", { a: 500 }, p)).toBe("5"); // 0.5%/1% × 10
    // 0.1%: 0.1%/1% × 10 = 1; the literal 0.1%/1% × 10 × 100 = 100 would clamp to the max 10
    expect(s("6.16", { a: 100 }, p)).toBe("1");
  });
});

describe("Vĩnh Phúc huyện: bands", () => {
  it("6.2 tin bài trung bình/tháng: > 60 max; 45–60 1/2; 30–<45 1/4; < 30 0 (45 overlaps: higher band)", () => {
    expect(s("6.2", 29.9)).toBe("0");
    expect(s("6.2", 30)).toBe("5"); // 1/4 × 20
    expect(s("6.2", 44.9)).toBe("5");
    expect(s("6.2", 45)).toBe("10"); // in both written bands; 1/2 × 20 encoded
    expect(s("6.2", 45.1)).toBe("10");
    expect(s("6.2", 60)).toBe("10");
    expect(s("6.2", 60.1)).toBe("20");
    expect(s("6.2", 61)).toBe("20");
  });

  it("6.8 họp trực tuyến/năm: > 12 max; 6–12 1/2; 3–<6 1/4; < 3 0", () => {
    expect(s("6.8", 2)).toBe("0");
    expect(s("6.8", 3)).toBe("3.75"); // 1/4 × 15
    expect(s("6.8", 5)).toBe("3.75");
    expect(s("6.8", 6)).toBe("7.5"); // 1/2 × 15
    expect(s("6.8", 12)).toBe("7.5");
    expect(s("6.8", 13)).toBe("15");
  });
});

describe("Vĩnh Phúc huyện: sample dataset (fixtures/vinh-phuc-2022-huyen.sample.yaml)", () => {
  const result = score(catalog, loadDataset(readFileSync("fixtures/vinh-phuc-2022-huyen.sample.yaml", "utf8")));
  const unit = (id: string) => pointsUnit(result, id);

  it("Thành phố Vĩnh Yên: 112.25 + 75 + 77.5 + 67.25 + 61.5 + 252.25 + 112.5 + 136.5 = 894.75, rank 1", () => {
    const u = unit("vinh-yen");
    expect(u.total).toBe("894.75");
    expect(u.rank).toBe(1);
    // group 1: 20 + 15 + 11.25 + 16 + 20 + 15 + 15 = 112.25
    expect(u.indicators["1"]!.score).toBe("112.25");
    // 1.2 = 1.2.1 + 1.2.2 = 15 + 11.25
    expect(u.indicators["1.2"]!.score).toBe("26.25");
    // 2.4: 5 × 3.75 = 18.75, capped at 15
    expect(u.indicators["2.4"]!.score).toBe("15");
    // 4.4: 480 / (400 + 200) = 0.8 × 15 = 12
    expect(u.indicators["4.4"]!.score).toBe("12");
    // 5.2: b = 5.1.a = 8; 6/8 = 0.75 × 10 = 7.5
    expect(u.indicators["5.2"]!.score).toBe("7.5");
    // 6.5: b = 6.4.b = 8000; 2000/8000 = 0.25 × 25 = 6.25
    expect(u.indicators["6.5"]!.score).toBe("6.25");
    // 6.16: 30000 / 2000000 = 1.5% ≥ 1% → 10
    expect(u.indicators["6.16"]!.score).toBe("10");
    // 7.4: 1500/2000 = 75% < 80% → literal 0.75 × 15 = 11.25
    expect(u.indicators["7.4"]!.score).toBe("11.25");
    // 8.3: b = 8.2.b = 80000; 44000/80000 = 55% ≥ 50% → 15
    expect(u.indicators["8.3"]!.score).toBe("15");
    // group 6: 15+20+22.5+18.75+6.25+23.75+19+15+20+19+18+10+12+13.5+9.5+10 = 252.25
    expect(u.indicators["6"]!.score).toBe("252.25");
  });

  it("Huyện Tam Dương: 73.25 + 56.25 + 66.775 + 46.25 + 37.5 + 185.75 + 75.75 + 97.5 = 639.025, rank 2", () => {
    const u = unit("tam-duong");
    expect(u.total).toBe("639.025");
    expect(u.rank).toBe(2);
    // 3.1: 55000/80000 = 68.75% < 70% → literal 0.6875 × 10 = 6.875
    expect(u.indicators["3.1"]!.score).toBe("6.875");
    // group 3: 6.875 + 7.5 + 7.9 + 10 + 7.5 + 10 + 8 + 9 = 66.775
    expect(u.indicators["3"]!.score).toBe("66.775");
    // 3.6: 16/20 = 80% = threshold → 10
    expect(u.indicators["3.6"]!.score).toBe("10");
    // 6.2: 45 articles/month, in both written bands → 1/2 × 20 = 10
    expect(u.indicators["6.2"]!.score).toBe("10");
    // 6.8: 12 meetings → 1/2 × 15 = 7.5
    expect(u.indicators["6.8"]!.score).toBe("7.5");
    // 6.16: 5000/1000000 = 0.5% → 0.5%/1% × 10 = 5
    expect(u.indicators["6.16"]!.score).toBe("5");
    // 7.1: 10/500 = 2% → 2%/5% × 15 = 6
    expect(u.indicators["7.1"]!.score).toBe("6");
    // 8.5: 12000/80000 = 15% → 15%/30% × 15 = 7.5
    expect(u.indicators["8.5"]!.score).toBe("7.5");
    // 8.6: 20000/50000 = 40% = threshold → 15
    expect(u.indicators["8.6"]!.score).toBe("15");
    // group 6: 9+10+18+12.5+2.5+22.5+17+7.5+15+16+14+4+11.25+13.5+8+5 = 185.75
    expect(u.indicators["6"]!.score).toBe("185.75");
  });

  it("Huyện Sông Lô: 17.5 + 33.75 + 47.5 + 19.5 + 27 + 116.75 + 57.75 + 36.75 = 356.5, rank 3", () => {
    const u = unit("song-lo");
    expect(u.total).toBe("356.5");
    expect(u.rank).toBe(3);
    // 1.2.2: 0/0 → zeroDenominator zero → 0; 4.1 and 4.2 likewise
    expect(u.indicators["1.2.2"]!.score).toBe("0");
    expect(u.indicators["4.1"]!.score).toBe("0");
    expect(u.indicators["4.2"]!.score).toBe("0");
    // 5.2: b = 5.1.a = 0 → zero → 0
    expect(u.indicators["5.2"]!.score).toBe("0");
    // 7.8: 0/0 → library default max → 15
    expect(u.indicators["7.8"]!.score).toBe("15");
    // 2.5, 5.5, 6.13: no data → 0
    expect(u.indicators["2.5"]!.score).toBe("0");
    expect(u.indicators["5.5"]!.score).toBe("0");
    expect(u.indicators["6.13"]!.score).toBe("0");
    // 6.2: 30 articles/month → 1/4 × 20 = 5
    expect(u.indicators["6.2"]!.score).toBe("5");
    // 6.16: 2000/800000 = 0.25% → 0.25%/1% × 10 = 2.5
    expect(u.indicators["6.16"]!.score).toBe("2.5");
    // 7.1: 4/400 = 1% → 1%/5% × 15 = 3 (the literal 1%/1% would give 15)
    expect(u.indicators["7.1"]!.score).toBe("3");
    // group 4: 0 + 0 + 0 + 3 + 1.5 + 15 = 19.5
    expect(u.indicators["4"]!.score).toBe("19.5");
    // group 7: 3 + 3.75 + 3.75 + 7.5 + 11.25 + 6 + 7.5 + 15 = 57.75
    expect(u.indicators["7"]!.score).toBe("57.75");
  });
});
