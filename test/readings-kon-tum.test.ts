// Readings of the ambiguous rows of Kon Tum (Quyết định 121/QĐ-UBND ngày 10/3/2025, Phụ lục 01 cấp xã and
// Phụ lục 02 cấp huyện), issue 13. A level catalog: each reading changes the level a criterion (and so
// the unit) reaches. Data start from the sample communes/districts at level 5 (fixtures), with one
// criterion changed; the levels expected are read by hand from the document's cells.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "../src/cli/main.js";
import {
  type CatalogError,
  getCatalog,
  loadDataset,
  readingSets,
  withReadings,
  type DatasetInput,
  type ScoreResult,
} from "../src/index.js";
import { levelUnit } from "./_units.js";
import { both } from "./_readings.js";

const xa = getCatalog("kon-tum-2025/xa");
const huyen = getCatalog("kon-tum-2025/huyen");

/** The sample dataset with one criterion of one unit replaced. */
function sample(file: string, unit: string, code: string, value: unknown): DatasetInput {
  const ds = structuredClone(loadDataset(readFileSync(file, "utf8"))) as unknown as {
    units: { id: string; data: Record<string, Record<string, unknown>> }[];
  };
  ds.units.find((u) => u.id === unit)!.data["Y"]![code] = value;
  return ds as unknown as DatasetInput;
}

/** [criterion level, unit level] of a unit. */
const levels = (r: ScoreResult, unit: string, code: string) => {
  const u = levelUnit(r, unit);
  return [u.criteria[code]!.levelMet, u.level];
};

const XA = "fixtures/kon-tum-2025-xa.sample.yaml";
const HUYEN = "fixtures/kon-tum-2025-huyen.sample.yaml";

describe("Kon Tum cấp xã: encoded alternatives change a commune's level", () => {
  it("2.4 'Có 3 doanh nghiệp, hợp tác xã trở lên hoặc 100% doanh nghiệp, hợp tác xã trên địa bàn': one enterprise of one (100%) reaches 3 by default (level 4 'Có 2' fails), 5 under hundredPercentWaivesLowerCounts (100% meets level 4 too); xa-a follows, 3 → 5", () => {
    const ds = sample(XA, "xa-a", "2.4", { a: 1, b: 1 });
    expect(levels(both(xa, ds), "xa-a", "2.4")).toEqual([3, 3]);
    expect(levels(both(xa, ds, { "2.4": "hundredPercentWaivesLowerCounts" }), "xa-a", "2.4")).toEqual([5, 5]);
    // 2 of 3 (67%): level 4 by the count under both; none of none: level 3 'Có 1' fails under both → 2.
    for (const [data, level] of [
      [{ a: 2, b: 3 }, 4],
      [{ a: 0, b: 0 }, 2],
    ] as const) {
      const d = sample(XA, "xa-a", "2.4", data);
      expect(levels(both(xa, d), "xa-a", "2.4")[0]).toBe(level);
      expect(levels(both(xa, d, { "2.4": "hundredPercentWaivesLowerCounts" }), "xa-a", "2.4")[0]).toBe(level);
    }
  });
  it("catalog zeroDenominatorNotMet: 1.11 (40% / 60% / 80% / 100% from level 2) with no information system (0/0) meets every cell by default (5), only level 1 'Không áp dụng' under the alternative (1); xa-a 5 → 1", () => {
    const ds = sample(XA, "xa-a", "1.11", { a: 0, b: 0 });
    expect(levels(both(xa, ds), "xa-a", "1.11")).toEqual([5, 5]);
    expect(levels(both(xa, ds, { catalog: "zeroDenominatorNotMet" }), "xa-a", "1.11")).toEqual([1, 1]);
  });
  it("dti score --reading 2.4=hundredPercentWaivesLowerCounts raises xa-a from 3 to 5 (JSON output, both engines)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-kontum-"));
    const file = join(dir, "xa.json");
    writeFileSync(file, JSON.stringify(sample(XA, "xa-a", "2.4", { a: 1, b: 1 })));
    const run = async (...args: string[]) => {
      let out = "";
      const code = await runMain(["score", file, "--format", "json", ...args], { out: (s) => (out += s), err: () => undefined });
      expect(code).toBe(0);
      const r = JSON.parse(out) as { units: { id: string; level: number }[]; readings: Record<string, { id: string }> };
      return [r.units.find((u) => u.id === "xa-a")!.level, r.readings["2.4"]!.id];
    };
    expect(await run()).toEqual([3, "hundredPercentAtLevel5Only"]);
    expect(await run("--reading", "2.4=hundredPercentWaivesLowerCounts")).toEqual([5, "hundredPercentWaivesLowerCounts"]);
    expect(await run("--reading", "2.4=hundredPercentWaivesLowerCounts", "--engine", "reference")).toEqual([
      5,
      "hundredPercentWaivesLowerCounts",
    ]);
  });
});

describe("Kon Tum cấp huyện: encoded alternatives change a district's level", () => {
  it("3.5 'sản phẩm OCOP (nếu có)': a district with no such product (0/0) meets every cell by default (5), none under nothingToListNotMet (L1 60% fails → 0); huyen-x 3 → 0", () => {
    const ds = sample(HUYEN, "huyen-x", "3.5", { a: 0, b: 0 });
    expect(levels(both(huyen, ds), "huyen-x", "3.5")).toEqual([5, 3]);
    expect(levels(both(huyen, ds, { "3.5": "nothingToListNotMet" }), "huyen-x", "3.5")).toEqual([0, 0]);
    // The catalog's zeroDenominatorNotMet reaches 3.5 as well (it sets no policy of its own).
    expect(levels(both(huyen, ds, { catalog: "zeroDenominatorNotMet" }), "huyen-x", "3.5")).toEqual([0, 0]);
  });
});

describe("Kon Tum: readings that change only what is asked (labels)", () => {
  const label = (catalog: typeof xa, choice: Record<string, string>, code: string, field: string) =>
    withReadings(catalog, choice)
      .nodes.get(code)!
      .fields.find((f) => f.name === field)!.label;
  it("xã 1.2/1.8 and huyện 2.2/2.8/2.18 reword their inputs; xa-a's level is unchanged (5)", () => {
    expect([label(xa, {}, "1.2", "b"), label(xa, { "1.2": "dossiersOfFullOnlineServices" }, "1.2", "b")]).toEqual([
      "Tổng số hồ sơ thủ tục hành chính",
      "Tổng số hồ sơ của các thủ tục hành chính được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình",
    ]);
    expect(label(xa, { "1.8": "officialsAsName" }, "1.8", "b")).toBe("Tổng số công chức cấp xã");
    expect(label(huyen, { "2.2": "dossiersOfFullOnlineServices" }, "2.2", "b")).toMatch(/dịch vụ công trực tuyến toàn trình$/);
    expect(label(huyen, { "2.8": "officialsAsName" }, "2.8", "b")).toBe("Tổng số công chức cấp huyện");
    expect(label(huyen, {}, "2.18", "value")).toMatch(/tích hợp với Cổng TTĐT cấp tỉnh$/);
    expect(label(huyen, { "2.18": "pageAsCells" }, "2.18", "value")).not.toMatch(/tích hợp/);
    const ds = loadDataset(readFileSync(XA, "utf8"));
    const choice = { "1.2": "dossiersOfFullOnlineServices", "1.8": "officialsAsName" };
    expect(JSON.stringify(both(xa, ds, choice).units)).toBe(JSON.stringify(both(xa, ds).units));
  });
});

describe("Kon Tum: described readings (rules of the level engine) are listed and refused when chosen", () => {
  it("catalog columnOnly / recognisedAtAchieved, xã 2.3 nothingToList, huyện 1.1 recognisedLevels; choosing columnOnly is refused (readingNotEncoded)", () => {
    const described = (c: typeof xa) => Object.fromEntries(readingSets(c).map((s) => [s.code, s.described]));
    expect(described(xa)).toMatchObject({ catalog: ["columnOnly", "recognisedAtAchieved"], "2.3": ["nothingToList"] });
    expect(described(huyen)).toMatchObject({ catalog: ["columnOnly", "recognisedAtAchieved"], "1.1": ["recognisedLevels"] });
    for (const c of [xa, huyen]) {
      try {
        withReadings(c, { catalog: "columnOnly" });
        expect.unreachable();
      } catch (e) {
        expect((e as CatalogError).issues.map((i) => [i.code, i.received])).toEqual([["readingNotEncoded", "columnOnly"]]);
      }
    }
  });
});
