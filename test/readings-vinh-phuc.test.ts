// Vĩnh Phúc (QĐ 2074/QĐ-UBND, 09/11/2022; Phụ lục 1 Sở, 2 huyện, 3 xã): every encoded alternative
// reading scored on a small hand-made unit under the default and the alternative, the expected
// points worked out by hand from the document's words; fast path == reference engine every time.
import { describe, expect, it } from "vitest";
import {
  type CatalogError,
  getCatalog,
  readingSets,
  withReadings,
  type CompiledCatalog,
  type DatasetInput,
  type PointsUnit,
  type ScoreResult,
} from "../src/index.js";
import { both } from "./_readings.js";

/** One unit, the single annual period Y (mục III.1: data 01/01–31/12), only the given rows' data. */
function unit(catalog: string, data: Record<string, unknown>, profile: Record<string, number> = {}): DatasetInput {
  return { catalog, year: 2023, periods: ["Y"], units: [{ id: "u1", name: "Đơn vị 1", profile, data: { Y: data } }] } as DatasetInput;
}

const points = (r: ScoreResult, code: string) => (r.units[0] as PointsUnit).indicators[code]!.score;
const total = (r: ScoreResult) => (r.units[0] as PointsUnit).total;

/**
 * Scores `code` under the default and under `key`=`id`: the default's points, the alternative's,
 * and the unit totals' difference (which must be the row's own difference: nothing else moves).
 */
function defaultAndAlternative(catalogId: string, ds: DatasetInput, code: string, key: string, id: string): [string, string] {
  const catalog = getCatalog(catalogId);
  const encoded = both(catalog, ds);
  const alternative = both(catalog, ds, { [key]: id });
  expect(alternative.readings![key]).toMatchObject({ id, default: false });
  const rowDelta = Number(points(alternative, code)) - Number(points(encoded, code));
  expect(Number(total(alternative)) - Number(total(encoded))).toBeCloseTo(rowDelta, 9);
  return [points(encoded, code), points(alternative, code)];
}

/** The label of a node's field under the default and under a reading, and the scores of the same data. */
function labelOnly(catalogId: string, code: string, field: string, id: string, ds: DatasetInput) {
  const catalog = getCatalog(catalogId);
  const label = (c: CompiledCatalog) => c.nodes.get(code)!.fields.find((f) => f.name === field)!.label;
  const before = label(catalog);
  const after = label(withReadings(catalog, { [code]: id }));
  expect(after).not.toBe(before);
  expect(points(both(catalog, ds, { [code]: id }), code)).toBe(points(both(catalog, ds), code));
  return after;
}

/** Choosing a described reading is refused with readingNotEncoded, naming the encoded ids one may choose. */
function refused(catalogId: string, code: string, id: string, encodedIds: string) {
  const catalog = getCatalog(catalogId);
  expect(readingSets(catalog).find((s) => s.code === code)!.described).toContain(id);
  try {
    withReadings(catalog, { [code]: id });
    expect.unreachable();
  } catch (e) {
    expect((e as CatalogError).issues.map((i) => [i.code, i.received, i.expected])).toEqual([["readingNotEncoded", id, encodedIds]]);
  }
}

describe("Vĩnh Phúc Sở (Phụ lục 1)", () => {
  const so = "vinh-phuc-2022/so";
  it("catalog zeroEverywhere: 5.1 'b = Tổng số lượng hệ thống thông tin của đơn vị' with no system (b = 0): max 10 by default, 0 when every silent b = 0 scores 0", () => {
    const ds = unit(so, { "5.1": { a: 0 } }, { infoSystemCount: 0 });
    expect(defaultAndAlternative(so, ds, "5.1", "catalog", "zeroEverywhere")).toEqual(["10", "0"]);
    // 1.2.2 keeps its own rule (zero) under both: 0/0 → 0.
    const own = unit(so, { "1.2.2": { a: 0, b: 0 } });
    expect(points(both(getCatalog(so), own, { catalog: "zeroEverywhere" }), "1.2.2")).toBe("0");
  });
  it("1.2.2 'b= Tổng số cuộc họp chuyển đổi số của Sở/Ban/Ngành' = 0: 0 (no meeting held) or max 15 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(so, unit(so, { "1.2.2": { a: 0, b: 0 } }), "1.2.2", "1.2.2", "noSubjectMatter")).toEqual(["0", "15"]);
  });
  it("1.3 'b=Tổng số lượng văn bản chỉ đạo về chuyển đổi số của Sở/Ban/Ngành' = 0: 0 or max 25 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(so, unit(so, { "1.3": { a: 0, b: 0 } }), "1.3", "1.3", "noSubjectMatter")).toEqual(["0", "25"]);
  });
  it("4.3 'b= Tổng cán bộ chuyên trách, kiêm nhiệm về công nghệ thông tin…' = 0: 0 (as 4.1 'Chưa có…: 0 điểm') or max 20 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(so, unit(so, { "4.3": { a: 0, b: 0 } }), "4.3", "4.3", "noSubjectMatter")).toEqual(["0", "20"]);
  });
  it("5.2 'b= Tổng số hệ thống thông tin đã được phê duyệt' = 5.1.a = 0 (3 systems, none approved): max 10 by default, 0 under zeroWhenNoneApproved", () => {
    const ds = unit(so, { "5.1": { a: 0 }, "5.2": { a: 0 } }, { infoSystemCount: 3 });
    expect(defaultAndAlternative(so, ds, "5.2", "5.2", "zeroWhenNoneApproved")).toEqual(["10", "0"]);
  });
  it("6.14 'Tỷ lệ <1%: Điểm = Tỷ lệ*Điểm tối đa* 100' (max 20), a/b = 5/1000 = 0.5%: fraction 0.005 × 20 × 100 = 10; withoutHundred 0.005 × 20 = 0.1; percentNumber 0.5 × 20 × 100 → 20", () => {
    const ds = unit(so, { "6.14": { a: 5 } }, { budgetTotal: 1000 });
    expect(defaultAndAlternative(so, ds, "6.14", "6.14", "withoutHundred")).toEqual(["10", "0.1"]);
    expect(defaultAndAlternative(so, ds, "6.14", "6.14", "percentNumber")).toEqual(["10", "20"]);
    // At 1% every reading gives the max: 10/1000 ≥ 1%.
    const at = unit(so, { "6.14": { a: 10 } }, { budgetTotal: 1000 });
    expect(defaultAndAlternative(so, at, "6.14", "6.14", "withoutHundred")).toEqual(["20", "20"]);
  });
  it("label-only readings (3.1 'Không kết nối: 0 điểm', 6.7 'người dân, doanh nghiệp', 6.11 'không bao gồm nội dung mật'): what is asked changes, the score of the same data does not", () => {
    expect(labelOnly(so, "3.1", "value", "connectedSuffices", unit(so, { "3.1": true }))).toContain("Có kết nối");
    expect(labelOnly(so, "6.7", "a", "peopleAndBusinesses", unit(so, { "6.7": { a: 80, b: 100 } }))).toContain("doanh nghiệp");
    expect(labelOnly(so, "6.11", "b", "nonSecretReports", unit(so, { "6.11": { a: 9, b: 12 } }))).toContain("không bao gồm nội dung mật");
    // 6.7: 80/100 × 20 = 16 under both.
    expect(points(both(getCatalog(so), unit(so, { "6.7": { a: 80, b: 100 } }), { "6.7": "peopleAndBusinesses" }), "6.7")).toBe("16");
  });
  it("5.2 maxOnlyWithoutSystems (described: b = 0 is max only without any system) is refused with readingNotEncoded", () => {
    refused(so, "5.2", "maxOnlyWithoutSystems", "nothingToProtect, zeroWhenNoneApproved");
  });
});

describe("Vĩnh Phúc huyện (Phụ lục 2)", () => {
  const h = "vinh-phuc-2022/huyen";
  it("catalog zeroEverywhere: 5.1 with no information system (profile 1.8 = 0): max 10 by default, 0 when every silent b = 0 scores 0", () => {
    const ds = unit(h, { "5.1": { a: 0 } }, { informationSystems: 0 });
    expect(defaultAndAlternative(h, ds, "5.1", "catalog", "zeroEverywhere")).toEqual(["10", "0"]);
  });
  it("1.2.2 'b= Tổng số cuộc họp chuyển đổi số của huyện/thành phố' = 0: 0 or max 15 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(h, unit(h, { "1.2.2": { a: 0, b: 0 } }), "1.2.2", "1.2.2", "noSubjectMatter")).toEqual(["0", "15"]);
  });
  it("1.3 'b= Tổng số lượng văn bản chỉ đạo về chuyển đổi số của huyện/thành phố' = 0: 0 or max 20 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(h, unit(h, { "1.3": { a: 0, b: 0 } }), "1.3", "1.3", "noSubjectMatter")).toEqual(["0", "20"]);
  });
  it("4.1 'b= Tổng số tổ công nghệ số cộng đồng thôn, xóm, bản, tổ dân phố' = 0: 0 or max 20 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(h, unit(h, { "4.1": { a: 0, b: 0 } }), "4.1", "4.1", "noSubjectMatter")).toEqual(["0", "20"]);
  });
  it("5.2 'b= Tổng số hệ thống thông tin đã được phê duyệt' = 5.1.a = 0: 0 by default, max 10 under noSubjectMatter", () => {
    const ds = unit(h, { "5.1": { a: 0 }, "5.2": { a: 0 } }, { informationSystems: 5 });
    expect(defaultAndAlternative(h, ds, "5.2", "5.2", "noSubjectMatter")).toEqual(["0", "10"]);
  });
  it("6.2 '+ Từ 45 đến <=60 tin, bài: 1/2' and '+ Từ 30 đến <=45 tin, bài: 1/4' (max 20), 45 a month: 1/2 × 20 = 10, or 1/4 × 20 = 5 (fortyFiveIsQuarter)", () => {
    expect(defaultAndAlternative(h, unit(h, { "6.2": { articlesPerMonth: 45 } }), "6.2", "6.2", "fortyFiveIsQuarter")).toEqual(["10", "5"]);
    // Off the shared edge the readings agree: 46 → 10, 44 → 5.
    expect(defaultAndAlternative(h, unit(h, { "6.2": { articlesPerMonth: 46 } }), "6.2", "6.2", "fortyFiveIsQuarter")).toEqual([
      "10",
      "10",
    ]);
    expect(defaultAndAlternative(h, unit(h, { "6.2": { articlesPerMonth: 44 } }), "6.2", "6.2", "fortyFiveIsQuarter")).toEqual(["5", "5"]);
  });
  it("6.16 'Tỷ lệ<1%: Tỷ lệ/1%*Điểm tối đa* 100' (max 10), a/b = 25/10000 = 0.25%: 0.25%/1% × 10 = 2.5; as written × 100 = 250 → 10", () => {
    const ds = unit(h, { "6.16": { a: 25 } }, { stateBudget: 10000 });
    expect(defaultAndAlternative(h, ds, "6.16", "6.16", "asWritten")).toEqual(["2.5", "10"]);
  });
  it("7.1 'Tỷ lệ <5%: điểm = Tỷ lệ/1%*Điểm tối đa' (max 15), 3 of 100 businesses: 3%/5% × 15 = 9; as written 3%/1% × 15 = 45 → 15", () => {
    const ds = unit(h, { "7.1": { a: 3 } }, { businesses: 100 });
    expect(defaultAndAlternative(h, ds, "7.1", "7.1", "asWritten")).toEqual(["9", "15"]);
  });
  it("label-only readings (3.4, 3.7, 6.7, 6.12, 6.13, 8.6, 8.8): what is collected changes, the score of the same data does not", () => {
    expect(labelOnly(h, "3.4", "value", "connectedSuffices", unit(h, { "3.4": true }))).toContain("Đã kết nối");
    expect(labelOnly(h, "3.7", "a", "civilServantsOnly", unit(h, { "3.7": { a: 120 } }, { staffDistrict: 200 }))).toContain(
      "không tính viên chức",
    );
    expect(labelOnly(h, "6.7", "b", "peopleOnly", unit(h, { "6.7": { a: 90, b: 120 } }))).toContain("không tính doanh nghiệp");
    expect(labelOnly(h, "6.12", "a", "everyLevel", unit(h, { "6.12": { a: 30, b: 100 } }))).toContain("các cấp");
    expect(labelOnly(h, "6.13", "b", "nonSecretReports", unit(h, { "6.13": { a: 9, b: 12 } }))).toContain("không bao gồm nội dung mật");
    expect(labelOnly(h, "8.6", "b", "fifteenAndOver", unit(h, { "8.6": { a: 30, b: 100 } }))).toBe(
      "Tổng dân số từ 15 tuổi trở lên trên địa bàn",
    );
    expect(labelOnly(h, "8.8", "b", "allFacilities", unit(h, { "8.8": { a: 40, b: 50 } }))).toContain("ngoài công lập");
    // 8.8: 40/50 × 15 = 12 under both; 6.12: 30% < 50% → 0.3 × 10 = 3 under both.
    expect(points(both(getCatalog(h), unit(h, { "8.8": { a: 40, b: 50 } }), { "8.8": "allFacilities" }), "8.8")).toBe("12");
    expect(points(both(getCatalog(h), unit(h, { "6.12": { a: 30, b: 100 } }), { "6.12": "everyLevel" }), "6.12")).toBe("3");
  });
  it("described readings (3.1 adultBase, 4.5 workingAgeBase, 5.2 maxOnlyWithoutSystems) are refused with readingNotEncoded", () => {
    refused(h, "3.1", "adultBase", "totalPopulation");
    refused(h, "4.5", "workingAgeBase", "totalPopulation");
    refused(h, "5.2", "maxOnlyWithoutSystems", "noneApprovedScoresZero, noSubjectMatter");
  });
});

describe("Vĩnh Phúc xã (Phụ lục 3)", () => {
  const x = "vinh-phuc-2022/xa";
  it("catalog zeroEverywhere: 5.1 'b = Tổng số lượng hệ thống thông tin của đơn vị' = 0: max 15 by default, 0 when every silent b = 0 scores 0", () => {
    expect(defaultAndAlternative(x, unit(x, { "5.1": { a: 0, b: 0 } }), "5.1", "catalog", "zeroEverywhere")).toEqual(["15", "0"]);
  });
  it("1.3.2 'b= Tổng số cuộc họp chuyển đổi số của cấp xã' = 0: 0 or max 20 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(x, unit(x, { "1.3.2": { a: 0, b: 0 } }), "1.3.2", "1.3.2", "noSubjectMatter")).toEqual(["0", "20"]);
  });
  it("1.4 'b=Tổng số lượng văn bản chỉ đạo về chuyển đổi số của xã/phường/thị trấn' = 0: 0 or max 20 (noSubjectMatter)", () => {
    expect(defaultAndAlternative(x, unit(x, { "1.4": { a: 0, b: 0 } }), "1.4", "1.4", "noSubjectMatter")).toEqual(["0", "20"]);
  });
  it("4.1 'b= Tổng số tổ công nghệ số cộng đồng … của cấp xã' = 0: 0 or max 25 (noSubjectMatter); group 4 moves by the same 25", () => {
    expect(defaultAndAlternative(x, unit(x, { "4.1": { a: 0, b: 0 } }), "4.1", "4.1", "noSubjectMatter")).toEqual(["0", "25"]);
  });
  it("5.2 'b= Tổng số hệ thống thông tin đã được phê duyệt' = 5.1.a = 0 (3 systems, none approved): 0 by default, max 15 under noSubjectMatter", () => {
    const ds = unit(x, { "5.1": { a: 0, b: 3 }, "5.2": { a: 0 } });
    expect(defaultAndAlternative(x, ds, "5.2", "5.2", "noSubjectMatter")).toEqual(["0", "15"]);
  });
  it("4 'Nhân lực số | 105' with items 25+25+20+20+20+20: 25 + 25 + 20 + 20 + 500/1000 × 20 (10) + 3/5 ≥ 60% (20) = 120; clampToDeclared min(120, 105) = 105", () => {
    const ds = unit(
      x,
      { "4.1": { a: 10, b: 10 }, "4.2": { a: 1, b: 1 }, "4.3": true, "4.4": { a: 20, b: 20 }, "4.5": { a: 500 }, "4.6": { a: 3, b: 5 } },
      { population: 1000 },
    );
    expect(defaultAndAlternative(x, ds, "4", "4", "clampToDeclared")).toEqual(["120", "105"]);
  });
  it("6.10 'Tỷ lệ<1%: Tỷ lệ/1%*Điểm tối đa* 100' (max 20), a/b = 10/4000 = 0.25%: 0.25%/1% × 20 = 5; as written × 100 = 500 → 20", () => {
    const ds = unit(x, { "6.10": { a: 10 } }, { stateBudgetExpenditure: 4000 });
    expect(defaultAndAlternative(x, ds, "6.10", "6.10", "asWritten")).toEqual(["5", "20"]);
  });
  it("7.2 'Tỷ lệ <5%: điểm = Tỷ lệ/1%*Điểm tối đa' (max 10), 2 of 100: 2%/5% × 10 = 4; as written 2%/1% × 10 = 20 → 10", () => {
    expect(defaultAndAlternative(x, unit(x, { "7.2": { a: 2, b: 100 } }), "7.2", "7.2", "asWritten")).toEqual(["4", "10"]);
  });
  it("label-only readings (2.4 'Tham gia đầy đủ', 3.4, 4.6 'từ tiểu học đến trung học phổ thông', 6.6, 6.7): what is asked changes, the score of the same data does not", () => {
    expect(labelOnly(x, "2.4", "value", "fullAttendance", unit(x, { "2.4": true }))).toContain("đầy đủ");
    expect(labelOnly(x, "3.4", "value", "connectedSuffices", unit(x, { "3.4": false }))).toContain("Đã kết nối");
    expect(labelOnly(x, "4.6", "a", "primaryToUpperSecondary", unit(x, { "4.6": { a: 1, b: 2 } }))).toContain(
      "từ tiểu học đến trung học phổ thông",
    );
    expect(labelOnly(x, "6.6", "a", "peopleOnly", unit(x, { "6.6": { a: 90, b: 120 } }))).toContain("không tính doanh nghiệp");
    // 6.7: the option 'under3' is worth 1/4 × 30 = 7.5 under both; its label now says 1 or 2 meetings.
    const catalog = getCatalog(x);
    const optionLabel = (c: CompiledCatalog) => c.nodes.get("6.7")!.fields[0]!.optionLabels!["under3"];
    expect(optionLabel(withReadings(catalog, { "6.7": "useMeansMeetings" }))).toContain("1 hoặc 2");
    expect(optionLabel(catalog)).toContain("dưới 3");
    const ds = unit(x, { "6.7": "under3" });
    expect([points(both(catalog, ds), "6.7"), points(both(catalog, ds, { "6.7": "useMeansMeetings" }), "6.7")]).toEqual(["7.5", "7.5"]);
    // 4.6: 1/2 = 50% < 60% → 0.5 × 20 = 10 under both.
    expect(points(both(catalog, unit(x, { "4.6": { a: 1, b: 2 } }), { "4.6": "primaryToUpperSecondary" }), "4.6")).toBe("10");
  });
  it("described readings (4.5 workingAgeBase, 5.2 maxOnlyWithoutSystems, 7.1 publicNetworkOnly) are refused with readingNotEncoded", () => {
    refused(x, "4.5", "workingAgeBase", "totalPopulation");
    refused(x, "5.2", "maxOnlyWithoutSystems", "noneApprovedScoresZero, noSubjectMatter");
    refused(x, "7.1", "publicNetworkOnly", "profilePostalPoints");
  });
});
