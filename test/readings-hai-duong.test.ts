// Readings of Hải Dương (Quyết định 707/QĐ-UBND ngày 24/3/2022, news summary), issue 13. Both catalogs are
// structure only (no points are published), so the catalog readings are scored on a points copy of the
// district structure (three pillars with hand-made points), with Hải Dương's own readings list.
import { describe, expect, it } from "vitest";
import {
  type CatalogError,
  getCatalog,
  loadCatalog,
  readingSets,
  score,
  withReadings,
  type DatasetInput,
  type PointsUnit,
} from "../src/index.js";

const hd = getCatalog("hai-duong-2022/huyen");
const so = getCatalog("hai-duong-2022/so");

/** The district structure with points: each pillar scores a/b × 100; `unscored` pillars count for nothing. */
function pillars(unscored: string[]) {
  const pillar = (code: string, name: string) => ({
    code,
    name,
    max: 100,
    inputs: { a: { label: "a" }, b: { label: "b" } },
    formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] }, points: 100 },
    ...(unscored.includes(code) ? { unscored: true } : {}),
  });
  return loadCatalog({
    id: "hai-duong-points/huyen",
    title: "Hải Dương pillars, with points",
    province: "Hải Dương",
    level: "huyen",
    document: { number: "707/QĐ-UBND", date: "2022-03-24" },
    aggregate: "pillarMean",
    defaults: { cadence: "year", annualRule: "last", zeroDenominator: "max" },
    readings: hd.readings,
    indicators: [pillar("1", "Chính quyền số"), pillar("2", "Kinh tế số"), pillar("3", "Xã hội số")],
  });
}
const ds = {
  catalog: "hai-duong-points/huyen",
  year: 2022,
  periods: ["Y"],
  units: [{ id: "h1", name: "Huyện 1", data: { Y: { "1": { a: 60, b: 100 }, "2": { a: 45, b: 100 }, "3": { a: 30, b: 100 } } } }],
} as DatasetInput;

/** The unit total under a choice, the same on both engines. */
function total(catalog: ReturnType<typeof pillars>, readings?: Record<string, string>): string {
  const opts = readings ? { readings } : {};
  const fast = (score(catalog, ds, opts).units[0] as PointsUnit).total;
  expect((score(catalog, ds, { ...opts, engine: "reference" }).units[0] as PointsUnit).total).toBe(fast);
  return fast;
}

describe("Hải Dương huyện: 'điểm trung bình cộng của cả 03 trụ cột' / 'Cách tính điểm xếp hạng sẽ dựa trên tổng điểm của các tiêu chí'", () => {
  it("catalog sumOfCriteria: pillars 60, 45, 30 make (60 + 45 + 30)/3 = 45 by default, 60 + 45 + 30 = 135 summed; with pillar 3 unscored 52.5, 35 (allPillars) and 105", () => {
    const all = pillars([]);
    expect([total(all), total(all, { catalog: "sumOfCriteria" })]).toEqual(["45", "135"]);
    const two = pillars(["3"]);
    expect([total(two), total(two, { catalog: "allPillars" }), total(two, { catalog: "sumOfCriteria" })]).toEqual(["52.5", "35", "105"]);
  });
});

describe("Hải Dương: described readings (declared counts, the sở's divisor) are listed and refused when chosen", () => {
  it("huyện pillar3CriteriaFromIndices; sở componentsFromIndices and meanOverThreePillars; choosing one is refused (readingNotEncoded)", () => {
    const set = (c: typeof hd) => readingSets(c).find((s) => s.code === "catalog")!;
    expect([set(hd).ids, set(hd).described]).toEqual([["scoredPillars", "allPillars", "sumOfCriteria"], ["pillar3CriteriaFromIndices"]]);
    expect([set(so).ids, set(so).described]).toEqual([["asEncoded"], ["componentsFromIndices", "meanOverThreePillars"]]);
    for (const [c, id] of [
      [hd, "pillar3CriteriaFromIndices"],
      [so, "meanOverThreePillars"],
    ] as const) {
      try {
        withReadings(c, { catalog: id });
        expect.unreachable();
      } catch (e) {
        expect((e as CatalogError).issues.map((i) => [i.code, i.received])).toEqual([["readingNotEncoded", id]]);
      }
    }
  });
});
