// Readings of the ambiguous rows of Quảng Ngãi, xã Nghĩa Phương (Kế hoạch 41/KH-UBND ngày 30/3/2023,
// Bảng phụ lục phân công nhiệm vụ), issue 13: every encoded alternative that changes points is scored
// on a small hand-made dataset under the default and the alternative, fast path == reference engine.
// Expected points are computed by hand from the plan's words (in each title or comment).
import { describe, expect, it } from "vitest";
import {
  type CatalogError,
  type DatasetError,
  getCatalog,
  readingSets,
  score,
  withReadings,
  type DatasetInput,
  type PointsUnit,
  type ScoreResult,
} from "../src/index.js";
import { both as bothEngines } from "./_readings.js";

const ID = "quang-ngai-nghia-phuong-2023/xa";
const catalog = getCatalog(ID);

/** One commune, one annual period, only the given indicators' data. */
function commune(data: Record<string, unknown>): DatasetInput {
  return { catalog: ID, year: 2024, periods: ["Y"], units: [{ id: "u1", name: "Xã 1", data: { Y: data } }] } as DatasetInput;
}

/** Scores under a choice of readings on both engines (fast path == reference), Nghĩa Phương xã. */
const both = (dataset: DatasetInput, readings?: Record<string, string>): ScoreResult => bothEngines(catalog, dataset, readings);

const points = (r: ScoreResult, code: string) => (r.units[0] as PointsUnit).indicators[code]!.score;

/** Points of `code` under the default and under `id`, checked on both engines. */
function pair(code: string, id: string, data: Record<string, unknown>, key = code): [string, string] {
  const ds = commune(data);
  return [points(both(ds), key), points(both(ds, { [code]: id }), key)];
}

/** The refusal of a dataset under a choice, the same on both engines: each issue's code and indicator. */
function refusal(dataset: DatasetInput, readings?: Record<string, string>): string[] {
  const refused = (["fast", "reference"] as const).map((engine) => {
    try {
      score(catalog, dataset, { ...(readings ? { readings } : {}), engine });
      return ["accepted"];
    } catch (e) {
      return (e as DatasetError).issues.map((i) => `${i.code} ${i.where.indicator ?? ""}`);
    }
  });
  expect(refused[0]).toEqual(refused[1]);
  return refused[1]!;
}

describe("Nghĩa Phương xã (41/KH-UBND): the encoded alternatives, default vs alternative", () => {
  it("catalog zeroDenominatorZero: 5.10 'Tỷ lệ đã xử lý/ tổng sự cố*10 đ' with no incident (0/0) scores the max 10 by default, 0 under the alternative", () => {
    const ds = commune({ "5.10": { a: 0, b: 0 } });
    expect(points(both(ds), "5.10")).toBe("10");
    expect(points(both(ds, { catalog: "zeroDenominatorZero" }), "5.10")).toBe("0");
  });
  it("1.3 'Tỷ lệ văn bản Chủ tịch ký trên tổng văn bản về CDS *10đ': no CDS document (0/0) scores 0 by default, the max 10 under zeroDenominatorMax", () => {
    expect(pair("1.3", "zeroDenominatorMax", { "1.3": { a: 0, b: 0 } })).toEqual(["0", "10"]);
  });
  it("1.4 '20 bài/năm (10đ) - 10-20 bài/năm (5đ)': exactly 20 articles score 10 by default, 5 under edgeToRangeBand (10 ≤ 20 ≤ 20); 21 score 10 under both", () => {
    expect(pair("1.4", "edgeToRangeBand", { "1.4": { a: 20 } })).toEqual(["10", "5"]);
    expect(pair("1.4", "edgeToRangeBand", { "1.4": { a: 21 } })).toEqual(["10", "10"]);
  });
  it("3.6 'nền tảng ứng dụng AI đã triển khai/ nền tảng dùng chung đã sử dụng *10đ': no shared platform used (3.5 a = 0, so 0/0) scores 0 by default, 10 under zeroDenominatorMax", () => {
    expect(pair("3.6", "zeroDenominatorMax", { "3.5": { a: 0, b: 5 }, "3.6": { a: 0 } })).toEqual(["0", "10"]);
  });
  it("4.6 'Điểm tối đa 5 … Tỷ lệ *10 đ': 60 of 100 workers score 0.6 × 5 = 3 by default, 0.6 × 10 = 6 → clamped 5 as written, 6 of 10 under maxIsTen", () => {
    const data = { "4.6": { a: 60, b: 100 } };
    expect(pair("4.6", "asWritten", data)).toEqual(["3", "5"]);
    expect(pair("4.6", "maxIsTen", data)[1]).toBe("6");
    expect((both(commune(data), { "4.6": "maxIsTen" }).units[0] as PointsUnit).indicators["4.6"]!.max).toBe("10");
  });
  it("5 'An toàn thông tin mạng 100' (items 105): every item at its max makes 100 (clamped) by default, 105 under itemsSum", () => {
    const full = { a: 1, b: 1 };
    const data = {
      "5.1": true,
      "5.2": full,
      "5.3": full,
      "5.4": full,
      "5.5": full,
      "5.6": full,
      "5.7": { a: 1 },
      "5.8": { a: 1 },
      "5.9": true,
      "5.10": full,
      "5.11.1": { a: 10, b: 100 },
      "5.11.2": { a: 50 },
      "5.11.3": { a: 50 },
      "5.11.4": { a: 50 },
      "5.11.5": { a: 50 },
      "5.11.6": { a: 50 },
    };
    // 10 × 7 (5.1–5.7) + 5 + 5 + 10 + 15 (5.11: 5 + 2 × 5) = 105.
    expect(pair("5", "itemsSum", data)).toEqual(["100", "105"]);
  });
  it("5.2 'Tỷ lệ *10 đ' (systems with the full plan / systems with an approved dossier): no approved dossier (0/0) scores 0 by default, 10 under zeroDenominatorMax", () => {
    expect(pair("5.2", "zeroDenominatorMax", { "5.2": { a: 0, b: 0 } })).toEqual(["0", "10"]);
  });
  it("5.11.1 'Tỷ lệ NS đầu tư cho ATTT/NS CNTT ≥10%(5đ) … 0 điểm': no IT budget (0/0) scores 0 by default, the max 5 under zeroDenominatorMax", () => {
    expect(pair("5.11.1", "zeroDenominatorMax", { "5.11.1": { a: 0, b: 0 } })).toEqual(["0", "5"]);
  });
  for (const code of ["5.11.2", "5.11.3", "5.11.4", "5.11.5", "5.11.6"])
    it(`${code} '50tr; 25tr; 10 tr': 30 triệu scores 70% × 2 = 1.4 (shares borrowed from 5.11.1) by default, 25/50 × 2 = 1 under sharesOfAmount; 10 triệu: 0.6 vs 0.4`, () => {
      expect(pair(code, "sharesOfAmount", { [code]: { a: 30 } })).toEqual(["1.4", "1"]);
      expect(pair(code, "sharesOfAmount", { [code]: { a: 10 } })).toEqual(["0.6", "0.4"]);
    });
  it("6 'Hoạt động chính quyền số 170' (items 160): the group's max is 170 by default, 160 under itemsMax; the points do not change", () => {
    const ds = commune({ "6.6": { a: 1, b: 4 } });
    const group = (r: ScoreResult) => (r.units[0] as PointsUnit).indicators["6"]!;
    expect([group(both(ds)).max, group(both(ds, { "6": "itemsMax" })).max]).toEqual(["170", "160"]);
    expect([group(both(ds)).score, group(both(ds, { "6": "itemsMax" })).score]).toEqual(["2.5", "2.5"]);
  });
  it("6.7 'Tỷ lệ DVCTT được cá thể hóa … Tỷ lệ * 10đ' (max cell empty): 3 of 4 services score 7.5 (of 10) by default; emptyCellIsZero counts nothing (group 6 drops from 2.5 + 7.5 = 10 to 2.5); maxFromGroupTotal 7.5 of 20", () => {
    const ds = commune({ "6.6": { a: 1, b: 4 }, "6.7": { a: 3 } });
    const unit = (r: ScoreResult) => r.units[0] as PointsUnit;
    const encoded = both(ds);
    expect([unit(encoded).indicators["6.7"]!.score, unit(encoded).indicators["6"]!.score]).toEqual(["7.5", "10"]);
    const empty = both(ds, { "6.7": "emptyCellIsZero" });
    expect(unit(empty).indicators["6.7"]!.unscored).toBe(true);
    expect(unit(empty).indicators["6"]!.score).toBe("2.5");
    const twenty = unit(both(ds, { "6.7": "maxFromGroupTotal" })).indicators["6.7"]!;
    expect([twenty.score, twenty.max]).toEqual(["7.5", "20"]);
  });
  it("6.9 'Tỷ lệ ≥ 80% = 10đ Tỷ lệ ≤ 80% * 10đ': 80% scores 10 by default, 0.8 × 10 = 8 under lowerLineAtEdge; 60% scores 0.6 × 10 = 6 by default, 60%/80% × 10 = 7.5 under proportionalBelow", () => {
    expect(pair("6.9", "lowerLineAtEdge", { "6.9": { a: 80, b: 100 } })).toEqual(["10", "8"]);
    expect(pair("6.9", "proportionalBelow", { "6.9": { a: 60, b: 100 } })).toEqual(["6", "7.5"]);
  });
  it("7.9 'Số lượng giao dịch trên sàn thương mại điện tử Vô sò và Postmart': 1200 transactions of 1000 households are refused as households (a > b), score 120% ≥ 5% → 10 under transactionsPerHousehold; 30 score 3%/5% × 10 = 6 under both", () => {
    const over = commune({ "3.2": { a: 500, b: 1000 }, "7.9": { a: 1200 } });
    expect(refusal(over)).toEqual(["numeratorExceedsDenominator 7.9"]);
    expect(points(both(over, { "7.9": "transactionsPerHousehold" }), "7.9")).toBe("10");
    expect(pair("7.9", "transactionsPerHousehold", { "3.2": { a: 500, b: 1000 }, "7.9": { a: 30 } })).toEqual(["6", "6"]);
  });
  it("7.10 'Số lượng tên miền .vn … Tỷ lệ*10đ': 30 domains for 20 enterprises are refused as enterprises (a > b), score 30/20 × 10 = 15 → clamped 10 under domainsPerEnterprise; 6 of 20 score 3 under both", () => {
    const over = commune({ "7.2": { a: 1, b: 20 }, "7.10": { a: 30 } });
    expect(refusal(over)).toEqual(["numeratorExceedsDenominator 7.10"]);
    expect(points(both(over, { "7.10": "domainsPerEnterprise" }), "7.10")).toBe("10");
    expect(pair("7.10", "domainsPerEnterprise", { "7.2": { a: 1, b: 20 }, "7.10": { a: 6 } })).toEqual(["3", "3"]);
  });
});

describe("Nghĩa Phương xã: readings that change only what is asked (labels)", () => {
  const label = (choice: Record<string, string>, code: string, field: string) =>
    withReadings(catalog, choice)
      .nodes.get(code)!
      .fields.find((f) => f.name === field)!.label;
  it("1.6 weeklyInRange, 3.5 proportionOfList, 6.2 nameItems, 6.10 overPopulation, 7.9 and 7.10 reword their inputs; the same data scores the same", () => {
    expect([label({}, "1.6", "value"), label({ "1.6": "weeklyInRange" }, "1.6", "value")]).toEqual([
      "weekly: 1 lần/tuần; monthly: 1 lần/tuần – 1 lần/tháng; rare: Dưới 1 lần/tháng",
      "weekly: Hơn 1 lần/tuần; monthly: 1 lần/tuần – 1 lần/tháng (kể cả đúng 1 lần/tuần); rare: Dưới 1 lần/tháng",
    ]);
    expect([label({}, "6.2", "published"), label({ "6.2": "nameItems" }, "6.2", "published")]).toEqual([
      "Đã đưa dữ liệu mở",
      "Có tham gia cung cấp dữ liệu mở",
    ]);
    expect(label({ "3.5": "proportionOfList" }, "3.5", "a")).toBe(
      "Số nền tảng dùng chung trong danh mục tối thiểu theo yêu cầu mà xã sử dụng",
    );
    expect(label({ "6.10": "overPopulation" }, "6.10", "b")).toBe("Tổng số người dân và doanh nghiệp của xã");
    expect(label({ "7.9": "transactionsPerHousehold" }, "7.9", "a")).toBe(
      "Số lượng giao dịch trên sàn thương mại điện tử Voso và Postmart",
    );
    expect(label({ "7.10": "domainsPerEnterprise" }, "7.10", "a")).toBe("Số lượng tên miền .vn");
    // 1.6 weekly 10, 6.2 one item 2.5, 6.10 30/120 × 5 = 1.25: unchanged by the wording.
    expect(pair("1.6", "weeklyInRange", { "1.6": "weekly" })).toEqual(["10", "10"]);
    expect(pair("6.2", "nameItems", { "6.2": { published: true, technical: false } })).toEqual(["2.5", "2.5"]);
    // 3.5: 6 platforms for a list of 5 score 6/5 × 20 = 24, clamped to 20, under both.
    expect(pair("3.5", "proportionOfList", { "3.5": { a: 6, b: 5 } })).toEqual(["20", "20"]);
    expect(pair("6.10", "overPopulation", { "6.10": { a: 30, b: 120 } })).toEqual(["1.25", "1.25"]);
  });
});

describe("Nghĩa Phương xã: described readings (encoded: false) are listed and refused when chosen", () => {
  it("1.4 sectionRequired and 6.1 ipv6OnlyIfStandard are described; choosing 1.4's is refused (readingNotEncoded)", () => {
    const described = Object.fromEntries(readingSets(catalog).map((s) => [s.code, s.described]));
    expect(described).toMatchObject({ "1.4": ["sectionRequired"], "4.3": [], "4.4": [], "6.1": ["ipv6OnlyIfStandard"] });
    try {
      withReadings(catalog, { "1.4": "sectionRequired" });
      expect.unreachable();
    } catch (e) {
      expect((e as CatalogError).issues.map((i) => [i.code, i.received])).toEqual([["readingNotEncoded", "sectionRequired"]]);
    }
  });
});

describe("Nghĩa Phương xã 4.3 '(tính theo MIN/MAX)' with every commune equal (a zero range)", () => {
  it("one commune at 2/10: zeroRangeFallsBack gives Tỷ lệ/best × 10 = 10; zeroRangeScoresZero (Tỷ lệ − MIN) = 0 → 0", () => {
    expect(pair("4.3", "zeroRangeScoresZero", { "4.3": { a: 2, b: 10 } })).toEqual(["10", "0"]);
  });
});
