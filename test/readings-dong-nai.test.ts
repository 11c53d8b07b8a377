// Đồng Nai (Quyết định 3473/QĐ-UBND, 29/12/2023): the readings of every ambiguous row of the
// district (Phụ lục II) and department (Phụ lục I) catalogs, issue 13. Each encoded alternative
// that changes points is scored on a small hand-made dataset under the default and the
// alternative, the expected points worked out by hand from the document's words, and the fast
// path must equal the reference engine. Rows 4.5, 6.3.4 (onlineOverAll/aOverB), 7.1, 7.4, 7.9
// and 8.5 of the district catalog are tested in readings.test.ts.
import { describe, expect, it } from "vitest";
import {
  type CatalogError,
  getCatalog,
  readingSets,
  score,
  withReadings,
  type CompiledCatalog,
  type DatasetInput,
  type PointsUnit,
  type ScoreResult,
} from "../src/index.js";
import { both } from "./_readings.js";

const HUYEN = "dong-nai-2023/huyen";
const SO = "dong-nai-2023/so";

/** One unit, the given periods, only the given indicators' data per period. */
function unit(catalog: string, data: Record<string, Record<string, unknown>>): DatasetInput {
  return { catalog, year: 2024, periods: Object.keys(data), units: [{ id: "u1", name: "Đơn vị 1", data }] } as DatasetInput;
}

/** The scored unit u1 (results are listed by rank, so not always first). */
const u1 = (r: ScoreResult) => r.units.find((u) => u.id === "u1") as PointsUnit;
const points = (r: ScoreResult, code: string) => u1(r).indicators[code]!.score;
const total = (r: ScoreResult) => u1(r).total;
const label = (c: CompiledCatalog, code: string, field: string) => c.nodes.get(code)!.fields.find((f) => f.name === field)!.label;

/** The points of `code` under the default and under `reading`, both engines checked. */
function underBoth(catalog: CompiledCatalog, ds: DatasetInput, code: string, reading: string, key = code) {
  const base = both(catalog, ds);
  const alt = both(catalog, ds, { [key]: reading });
  expect(alt.readings![key]).toMatchObject({ id: reading, default: false });
  return { base, alt, basePoints: points(base, code), altPoints: points(alt, code) };
}

describe("Đồng Nai huyện (Phụ lục II): readings that change points", () => {
  const c = getCatalog(HUYEN);

  it("catalog 'nếu không có số liệu … mặc định là 0 điểm' vs Điều 5c: 6.4 at 0/0 sessions scores 10 (max) by default, 0 under zeroDenominatorZero", () => {
    const ds = unit(HUYEN, { Q4: { "6.4": { a: 0, b: 0 } } });
    const r = underBoth(c, ds, "6.4", "zeroDenominatorZero", "catalog");
    expect([r.basePoints, r.altPoints]).toEqual(["10", "0"]);
    // The total follows: 10 − 0 = 10 fewer points.
    expect(Number(total(r.base)) - Number(total(r.alt))).toBe(10);
  });

  it("1.3 'Có tham gia: + 5 điểm Tối đa không quá 20 điểm', 3 participations: 3 × 5 = 15; oncePerPeriod: min(15, 5) = 5", () => {
    const r = underBoth(c, unit(HUYEN, { Q4: { "1.3": { participations: 3 } } }), "1.3", "oncePerPeriod");
    expect([r.basePoints, r.altPoints]).toEqual(["15", "5"]);
  });

  it("2.4 'định kỳ hàng năm … Có tham gia: Điểm tối đa' (max 10), took part in the Q4 conference only: quarters 0, 0, 0, 10 → mean 2.5; yearly: Q4 alone = 10", () => {
    const ds = unit(HUYEN, { Q1: { "2.4": false }, Q2: { "2.4": false }, Q3: { "2.4": false }, Q4: { "2.4": true } });
    const r = underBoth(c, ds, "2.4", "yearly");
    expect([r.basePoints, r.altPoints]).toEqual(["2.5", "10"]);
  });

  // 3.1, 3.3, 5.4, 7.8: 'Tỷ lệ=a/b' with no 'Điểm =' line. notScored keeps the row's value in the
  // report but the unit total and max drop by it.
  for (const [code, data, value, rowMax] of [
    ["3.1", { a: 600, b: 1000 }, "9", "15"], // 60% × 15 = 9
    ["3.3", { a: 450, b: 600 }, "11.25", "15"], // 75% × 15 = 11.25
    ["5.4", { a: 45, b: 50 }, "9", "10"], // 90% × 10 = 9
    ["7.8", { a: 12, b: 20 }, "12", "20"], // 60% × 20 = 12
  ] as const) {
    it(`${code} 'Tỷ lệ = a/b' (no 'Điểm =' line, max ${rowMax}): Tỷ lệ × max = ${value}; notScored: the row still reports ${value}, its group and the unit total drop by ${value}`, () => {
      const r = underBoth(c, unit(HUYEN, { Q4: { [code]: data } }), code, "notScored");
      expect([r.basePoints, r.altPoints]).toEqual([value, value]);
      const group = code.split(".")[0]!;
      expect([points(r.base, group), points(r.alt, group)]).toEqual([value, "0"]);
      expect([total(r.base), total(r.alt)]).toEqual([value, "0"]);
    });
  }

  it("3.4 (Kỳ đánh giá blank, 'Trung bình'), 4G communes 10, 12, 15, 18 of 20: quarterly (7.5 + 9 + 11.25 + 13.5)/4 = 10.3125; yearly: Q4 alone 18/20 × 15 = 13.5", () => {
    const q = (a: number) => ({ "3.4": { a, b: 20 } });
    const r = underBoth(c, unit(HUYEN, { Q1: q(10), Q2: q(12), Q3: q(15), Q4: q(18) }), "3.4", "yearly");
    expect([r.basePoints, r.altPoints]).toEqual(["10.3125", "13.5"]);
  });

  it("5.1 (no 'Điểm =' line; Phụ lục I: Điểm = (a*b)/c), 4 systems, the best peer 8: 4 × 10/8 = 5; notScored: the total drops by 5", () => {
    const ds = {
      catalog: HUYEN,
      year: 2024,
      periods: ["Q4"],
      units: [
        { id: "u1", name: "Đơn vị 1", data: { Q4: { "5.1": { a: 4 } } } },
        { id: "u2", name: "Đơn vị 2", data: { Q4: { "5.1": { a: 8 } } } },
      ],
    } as DatasetInput;
    const r = underBoth(c, ds, "5.1", "notScored");
    expect([r.basePoints, r.altPoints]).toEqual(["5", "5"]);
    expect([total(r.base), total(r.alt)]).toEqual(["5", "0"]);
  });

  it("5.8.1 'b= Tổng số kinh phí đầu tư cho CNTT', b = 0: 0 points (nothing invested); zeroDenominatorMax (Điều 5c): 10", () => {
    const r = underBoth(c, unit(HUYEN, { Q4: { "5.8.1": { a: 0, b: 0 } } }), "5.8.1", "zeroDenominatorMax");
    expect([r.basePoints, r.altPoints]).toEqual(["0", "10"]);
  });

  for (const code of ["5.8.2", "5.8.3", "5.8.4"]) {
    it(`${code} 'Mức … mục 5.8.1' (max 5) with 5.8.1's ATTT amount a = 0: 0 points; zeroDenominatorMax (Điều 5c): 5`, () => {
      const ds = unit(HUYEN, { Q4: { "5.8.1": { a: 0, b: 100 }, [code]: { amount: 0 } } });
      const r = underBoth(c, ds, code, "zeroDenominatorMax");
      expect([r.basePoints, r.altPoints]).toEqual(["0", "5"]);
    });
  }

  it("6.3.4 'Điểm = Tỷ lệ *Điểm tối đa' (Tỷ lệ undefined, max 5), a = 80, b = 90, c = 10: a/(b + c) = 80% × 5 = 4; bOverBPlusC: 90/100 × 5 = 4.5", () => {
    const r = underBoth(c, unit(HUYEN, { Q4: { "6.3.4": { a: 80, b: 90, c: 10 } } }), "6.3.4", "bOverBPlusC");
    expect([r.basePoints, r.altPoints]).toEqual(["4", "4.5"]);
  });
});

describe("Đồng Nai huyện: readings that only reword what is collected (4.9, 5.1, 6.2.2, 6.2.3, 6.3.3, 8.2)", () => {
  const c = getCatalog(HUYEN);
  const cases = [
    ["4.9", "workingAgeDenominator", "b", "Dân số trong độ tuổi lao động trên địa bàn", { a: 6000, b: 60000 }, "1"], // 10% × 10
    ["5.1", "approvedSystems", "a", "Số lượng hệ thống thông tin của đơn vị đã được phê duyệt hồ sơ đề xuất cấp độ", { a: 3 }, "10"], // the only unit is the best
    [
      "6.2.2",
      "yearToDate",
      "a",
      "Tổng số hồ sơ giải quyết dịch vụ công (gồm một phần, toàn trình) có phát sinh từ đầu năm đến hết kỳ đánh giá (cả trực tuyến và trực tiếp)",
      { a: 100, b: 30, c: 20 },
      "15",
    ], // 50% × 30
    [
      "6.2.3",
      "payers",
      "a",
      "Số người dân, doanh nghiệp thanh toán trực tuyến trên Cổng dịch vụ công Quốc gia, Cổng Dịch vụ công tỉnh Đồng Nai (mỗi người dân, doanh nghiệp tính một lần)",
      { a: 40, b: 100 },
      "8",
    ], // 40% × 20
    ["6.3.3", "yearToDate", "b", "Tổng số hoạt động giám sát, kiểm tra của cơ quan từ đầu năm đến hết kỳ đánh giá", { a: 2, b: 10 }, "8"], // 20%/50% × 20
    ["8.2", "adultsOnly", "a", "Số người từ 15 tuổi trở lên có chữ ký số hoặc chữ ký điện tử", { a: 30, b: 100 }, "4.5"], // 30% × 15 (literal below 50%)
  ] as const;
  for (const [code, id, field, words, data, expected] of cases) {
    it(`${code} ${id}: the template asks '${words.slice(0, 60)}…' for ${field}; the same data still score ${expected}`, () => {
      const derived = withReadings(c, { [code]: id });
      expect(label(derived, code, field)).toBe(words);
      expect(label(c, code, field)).not.toBe(words);
      const r = underBoth(c, unit(HUYEN, { Q4: { [code]: data } }), code, id);
      expect([r.basePoints, r.altPoints]).toEqual([expected, expected]);
    });
  }
});

describe("Đồng Nai huyện: when every district reports 0 (the c = 0 branch of 4.6, 8.10, 8.11)", () => {
  const c = getCatalog(HUYEN);
  // "k = … cao nhất trên tất cả các đơn vị; Điểm = (g*h)/k": with every unit at 0, k = 0 and the
  // document is silent. bestZeroNothing (default): 0 for all; bestZeroMax: no unit is behind, all score the max.
  for (const [code, data, max] of [
    ["4.6", { a: 0, b: 0, c: 0, d: 0, e: 40, f: 60 }, "10"],
    ["8.10", { a: 0 }, "20"],
    ["8.11", { a: 0 }, "20"],
  ] as const)
    it(`${code} at 0 (the only district, so the best is 0): bestZeroNothing 0; bestZeroMax ${max} (the max)`, () => {
      const set = readingSets(c).find((s) => s.code === code)!;
      expect([set.ids, set.described]).toEqual([["bestZeroNothing", "bestZeroMax"], []]);
      const r = underBoth(c, unit(HUYEN, { Q4: { [code]: data } }), code, "bestZeroMax");
      expect([r.basePoints, r.altPoints]).toEqual(["0", max]);
    });
});

describe("Đồng Nai Sở (Phụ lục I): readings that change points", () => {
  const c = getCatalog(SO);

  it("catalog 'nếu không có số liệu … mặc định là 0 điểm' vs Điều 5c: 6.5 at 0/0 meetings scores 10 by default, 0 under zeroDenominatorZero; 7.1's own 'Điểm tối đa' (b = 0) stays 10", () => {
    const ds = unit(SO, { Q4: { "6.5": { a: 0, b: 0 }, "7.1": { a: 0, b: 0 } } });
    const r = underBoth(c, ds, "6.5", "zeroDenominatorZero", "catalog");
    expect([r.basePoints, r.altPoints]).toEqual(["10", "0"]);
    expect([points(r.base, "7.1"), points(r.alt, "7.1")]).toEqual(["10", "10"]);
  });

  it("2.6 'định kỳ hằng năm … Quý, 6 tháng, năm | Trung bình' (max 30), conferences 0/0, 1/1, 0/0, 1/2: per period 30, 30, 30, 15 → 26.25; yearly: Q4 alone 1/2 × 30 = 15", () => {
    const q = (a: number, b: number) => ({ "2.6": { a, b } });
    const r = underBoth(c, unit(SO, { Q1: q(0, 0), Q2: q(1, 1), Q3: q(0, 0), Q4: q(1, 2) }), "2.6", "yearly");
    expect([r.basePoints, r.altPoints]).toEqual(["26.25", "15"]);
    expect(label(withReadings(c, { "2.6": "yearly" }), "2.6", "b")).toBe("Số hội nghị, bồi dưỡng tập huấn tỉnh tổ chức trong năm");
  });

  it("5.8 'Điểm=Tỷ lệ*100% Thang điểm: Mức 1 ≥ 10 % …' (max 10), 8.5/100 = 8.5%: Mức 2, 70% × 10 = 7; percentAsPoints: 8.5% × 100 = 8.5", () => {
    const r = underBoth(c, unit(SO, { Q4: { "5.8": { a: 8.5, b: 100 } } }), "5.8", "percentAsPoints");
    expect([r.basePoints, r.altPoints]).toEqual(["7", "8.5"]);
    // At 12% both give the max: 12% ≥ 10% (Mức 1) and 12 points clamped to 10.
    const top = underBoth(c, unit(SO, { Q4: { "5.8": { a: 12, b: 100 } } }), "5.8", "percentAsPoints");
    expect([top.basePoints, top.altPoints]).toEqual(["10", "10"]);
  });

  it("5.8 'b= Tổng số kinh phí đầu tư cho CNTT', b = 0: 0 points (nothing invested); zeroDenominatorMax (Điều 5c): 10", () => {
    const r = underBoth(c, unit(SO, { Q4: { "5.8": { a: 0, b: 0 } } }), "5.8", "zeroDenominatorMax");
    expect([r.basePoints, r.altPoints]).toEqual(["0", "10"]);
  });

  it("7.1 'a= … SMEdx trên địa bàn; b= … trong lĩnh vực đơn vị quản lý': at 5/100 both give 5%/10% × 10 = 5; with 30 area-wide SMEs for 20 of the sector, only areaWideSMEs accepts a > b: 150% ≥ 10% → 10", () => {
    const r = underBoth(c, unit(SO, { Q4: { "7.1": { a: 5, b: 100 } } }), "7.1", "areaWideSMEs");
    expect([r.basePoints, r.altPoints]).toEqual(["5", "5"]);
    expect(label(withReadings(c, { "7.1": "areaWideSMEs" }), "7.1", "a")).toContain("(mọi lĩnh vực)");
    const over = unit(SO, { Q4: { "7.1": { a: 30, b: 20 } } });
    expect(points(both(c, over, { "7.1": "areaWideSMEs" }), "7.1")).toBe("10");
    expect(() => score(c, over)).toThrow();
  });
});

describe("Đồng Nai Sở: readings that only reword what is collected (4.4, 5.1, 6.3.7, 7.2)", () => {
  const c = getCatalog(SO);
  const cases = [
    ["4.4", "wholeStaff", "b", "Tổng số cán bộ, công chức, viên chức tại cơ quan, đơn vị", { a: 40, b: 80 }, "25"], // 50% × 50
    [
      "5.1",
      "allSystems",
      "a",
      "Số lượng hệ thống thông tin của đơn vị (tất cả, đã hoặc chưa được phê duyệt hồ sơ đề xuất cấp độ)",
      { a: 6 },
      "15",
    ], // the only unit is the best
    [
      "6.3.7",
      "payers",
      "a",
      "Số người dân, doanh nghiệp thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia, Cổng dịch vụ công tỉnh (mỗi người dân, doanh nghiệp tính một lần)",
      { a: 40, b: 100 },
      "8",
    ], // 40% × 20
    [
      "7.2",
      "areaWideDenominator",
      "b",
      "Tổng số Doanh nghiệp nhỏ và vừa trên địa bàn (mọi lĩnh vực, không chỉ lĩnh vực đơn vị quản lý)",
      { a: 10, b: 40 },
      "5",
    ], // 25% × 20 (literal below 50%)
  ] as const;
  for (const [code, id, field, words, data, expected] of cases) {
    it(`${code} ${id}: the template asks '${words.slice(0, 60)}…' for ${field}; the same data still score ${expected}`, () => {
      expect(label(withReadings(c, { [code]: id }), code, field)).toBe(words);
      expect(label(c, code, field)).not.toBe(words);
      const r = underBoth(c, unit(SO, { Q4: { [code]: data } }), code, id);
      expect([r.basePoints, r.altPoints]).toEqual([expected, expected]);
    });
  }
});

describe("Đồng Nai Sở: 4.1 and 5.1 when every department reports 0; 9.1 'Tỷ lệ điểm được cải thiện' described", () => {
  const c = getCatalog(SO);
  it("5.1 'c = … nhiều nhất trên tất cả các đơn vị' with 0 systems everywhere: bestZeroNothing 0; bestZeroMax 15", () => {
    const r = underBoth(c, unit(SO, { Q4: { "5.1": { a: 0 } } }), "5.1", "bestZeroMax");
    expect([r.basePoints, r.altPoints]).toEqual(["0", "15"]);
  });
  it("9.1's readings are described and refused when chosen (readingNotEncoded); 4.1 and 5.1 have none left", () => {
    const described = Object.fromEntries(readingSets(c).map((s) => [s.code, s.described]));
    expect(described).toMatchObject({ "4.1": [], "5.1": [], "9.1": ["gainOverMax", "assignedCriteria"] });
    try {
      withReadings(c, { "9.1": "gainOverMax" });
      expect.unreachable();
    } catch (e) {
      expect((e as CatalogError).issues.map((i) => [i.code, i.received])).toEqual([["readingNotEncoded", "gainOverMax"]]);
    }
  });
});
