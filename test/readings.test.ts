// Alternative readings of ambiguous rows (issue 13): each reading scores exactly what the
// document's words say, on both engines, from the API and from the command line.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CatalogError,
  explain,
  getCatalog,
  lintCatalog,
  listCatalogs,
  loadCatalog,
  loadDataset,
  loadReadingsFile,
  reportData,
  renderReport,
  readingSets,
  score,
  withReadings,
  type CompiledCatalog,
  type DatasetInput,
  type PointsUnit,
  type ScoreResult,
} from "../src/index.js";
import { TEST_CATALOG, both } from "./_readings.js";
import { dti } from "./_cli.js";

/** A dataset of one unit and one period, with only the given indicators' data. */
function oneUnit(catalog: string, period: string, data: Record<string, unknown>, year = 2024): DatasetInput {
  return { catalog, year, periods: [period], units: [{ id: "u1", name: "Đơn vị 1", data: { [period]: data } }] } as DatasetInput;
}

function indicator(result: ScoreResult, code: string, unit = "u1"): string {
  const u = result.units.find((x) => x.id === unit) as PointsUnit;
  return u.indicators[code]!.score;
}

describe("Đồng Nai huyện 7.1 (QĐ 3473/QĐ-UBND Phụ lục II): 'Tỷ lệ ≥ 5%: điểm tối đa; Tỷ lệ <5%: Tỷ lệ/1%*Điểm tối đa'", () => {
  const catalog = getCatalog("dong-nai-2023/huyen");
  it("declares the encoded /5% as default and the literal /1% as asWritten", () => {
    const set = readingSets(catalog).find((s) => s.code === "7.1")!;
    expect(set.ids).toEqual(["perFivePercent", "asWritten"]);
    expect(set.default).toBe("perFivePercent");
  });
  it("3% of enterprises: /5% gives 3%/5% × 15 = 9; as written 3%/1% × 15 = 45, clamped to the max 15", () => {
    const ds = oneUnit("dong-nai-2023/huyen", "Q4", { "7.1": { a: 3, b: 100 } });
    const encoded = both(catalog, ds);
    expect(indicator(encoded, "7.1")).toBe("9");
    expect(encoded.readings!["7.1"]).toMatchObject({ id: "perFivePercent", default: true });
    const literal = both(catalog, ds, { "7.1": "asWritten" });
    expect(indicator(literal, "7.1")).toBe("15");
    expect(literal.readings!["7.1"]).toMatchObject({ id: "asWritten", default: false });
    // The group and the total follow: 7 (Kinh tế số) gains 15 − 9 = 6.
    const total = (r: ScoreResult) => (r.units[0] as PointsUnit).total;
    expect(Number(total(literal)) - Number(total(encoded))).toBe(6);
  });
  it("0.5%: /5% gives 0.5%/5% × 15 = 1.5; as written 0.5%/1% × 15 = 7.5", () => {
    const ds = oneUnit("dong-nai-2023/huyen", "Q4", { "7.1": { a: 1, b: 200 } });
    expect(indicator(both(catalog, ds), "7.1")).toBe("1.5");
    expect(indicator(both(catalog, ds, { "7.1": "asWritten" }), "7.1")).toBe("7.5");
  });
  it("the trace names the reading in force with its source and rationale", () => {
    const ds = oneUnit("dong-nai-2023/huyen", "Q4", { "7.1": { a: 3, b: 100 } });
    const u = score(catalog, ds, { readings: { "7.1": "asWritten" } }).units[0] as PointsUnit;
    const trace = u.indicators["7.1"]!.periods!["Q4"]!.trace;
    expect(trace.reading).toMatchObject({ id: "asWritten", default: false });
    expect(trace.reading!.source).toContain("Tỷ lệ/1%*Điểm tối đa");
    expect(trace.facts["threshold"]).toBe("0.01");
  });
});

describe("Đồng Nai huyện rows whose lower branch is not written (4.5, 7.4, 7.9, 8.5) and 6.3.4's undefined Tỷ lệ", () => {
  const catalog = getCatalog("dong-nai-2023/huyen");
  const at = (code: string, data: unknown) => oneUnit("dong-nai-2023/huyen", "Q4", { [code]: data });
  const under = (code: string, data: unknown, reading?: string) =>
    indicator(both(catalog, at(code, data), reading ? { [code]: reading } : undefined), code);
  it("4.5 '+ Tỷ lệ ≥ 40%: Điểm tối đa' (max 10) at 2/10 = 20%: 20%/40% × 10 = 5; literal 20% × 10 = 2; zero 0; at 40% all give 10", () => {
    expect(under("4.5", { a: 2, b: 10 })).toBe("5");
    expect(under("4.5", { a: 2, b: 10 }, "belowLiteral")).toBe("2");
    expect(under("4.5", { a: 2, b: 10 }, "belowZero")).toBe("0");
    for (const r of [undefined, "belowLiteral", "belowZero"]) expect(under("4.5", { a: 4, b: 10 }, r)).toBe("10");
  });
  it("7.4 'Tỷ lệ ≥ 80%: Điểm tối đa' (max 15) at 6/10 = 60%: literal (default) 60% × 15 = 9; 60%/80% × 15 = 11.25; zero 0", () => {
    expect(under("7.4", { a: 6, b: 10 })).toBe("9");
    expect(under("7.4", { a: 6, b: 10 }, "belowProportional")).toBe("11.25");
    expect(under("7.4", { a: 6, b: 10 }, "belowZero")).toBe("0");
  });
  it("7.9 'Tỷ lệ ≥ 0.25%: Điểm tối đa' (max 10) at 1/1000 = 0.1%: 0.1%/0.25% × 10 = 4; literal 0.1% × 10 = 0.01; zero 0", () => {
    expect(under("7.9", { a: 1, b: 1000 })).toBe("4");
    expect(under("7.9", { a: 1, b: 1000 }, "belowLiteral")).toBe("0.01");
    expect(under("7.9", { a: 1, b: 1000 }, "belowZero")).toBe("0");
  });
  it("8.5 '+ Tỷ lệ >= 80%: Điểm tối đa' (max 10) at 40/100 = 40%: 40%/80% × 10 = 5; literal 40% × 10 = 4; zero 0", () => {
    expect(under("8.5", { a: 40, b: 100 })).toBe("5");
    expect(under("8.5", { a: 40, b: 100 }, "belowLiteral")).toBe("4");
    expect(under("8.5", { a: 40, b: 100 }, "belowZero")).toBe("0");
  });
  it("6.3.4 'Điểm = Tỷ lệ *Điểm tối đa' (max 5), a = 30, b = 40, c = 60: a/(b + c) = 30% × 5 = 1.5; a/b = 75% × 5 = 3.75", () => {
    expect(under("6.3.4", { a: 30, b: 40, c: 60 })).toBe("1.5");
    expect(under("6.3.4", { a: 30, b: 40, c: 60 }, "aOverB")).toBe("3.75");
  });
  it("6.3.4 data checked as collected (a ≤ b + c), not against the alternative: a = 30, b = 20, c = 60 → 1.875; a/b = 150% → 5 (max)", () => {
    // 30/(20 + 60) = 37.5% × 5 = 1.875. Under aOverB, 30/20 = 1.5 is no part of a whole: the
    // dataset stays valid (every reading scores the same data) and 7.5 is clamped to the max 5.
    expect(under("6.3.4", { a: 30, b: 20, c: 60 })).toBe("1.875");
    expect(under("6.3.4", { a: 30, b: 20, c: 60 }, "aOverB")).toBe("5");
  });
  it("lint flags exactly the nodes with an ambiguity note and no readings; 3.1, 3.3, 5.1, 5.4, 7.8 (no 'Điểm =' line) now have theirs", () => {
    const r = lintCatalog(catalog);
    const expected = catalog.order
      .filter((n) => (n.source.notes ?? []).some((x) => x.ambiguity === true) && !n.source.readings?.length)
      .map((n) => n.code);
    expect(r.warnings.filter((w) => w.code === "ambiguityWithoutReadings").map((w) => w.where.indicator)).toEqual(expected);
    for (const code of ["3.1", "3.3", "5.1", "5.4", "7.8"])
      expect(readingSets(catalog).find((s) => s.code === code)?.ids).toContain("notScored");
  });
});

describe("every combination of a catalog's readings (what a robustness analysis enumerates)", () => {
  it("Đồng Nai huyện 4.5, 6.3.4, 7.1, 7.4, 7.9, 8.5: every combination of their readings (3 × 3 × 2 × 3 × 3 × 3 = 486; the other rows at their defaults), each compiled once and scored on both engines alike", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const rows = ["4.5", "6.3.4", "7.1", "7.4", "7.9", "8.5"];
    // The catalog's other rows have readings too (issue 13); their full product is for robustness().
    const sets = readingSets(catalog).filter((s) => rows.includes(s.code));
    expect(sets.map((s) => s.ids.length)).toEqual([3, 3, 2, 3, 3, 3]);
    const combos = sets.reduce<Record<string, string>[]>((acc, s) => acc.flatMap((c) => s.ids.map((id) => ({ ...c, [s.code]: id }))), [{}]);
    expect(combos).toHaveLength(486);
    const totals = new Set<string>();
    for (const c of combos) {
      const r = score(catalog, sample, { readings: c, detail: "totals" });
      totals.add(r.units.map((u) => (u as PointsUnit).total).join(","));
      expect(withReadings(catalog, c)).toBe(withReadings(catalog, { ...c }));
    }
    // Some readings change the sample's totals (the sample is not at every edge): more than one outcome.
    expect(totals.size).toBeGreaterThan(1);
    const last = combos[combos.length - 1]!;
    expect(JSON.stringify(score(catalog, sample, { readings: last }).units)).toBe(
      JSON.stringify(score(catalog, sample, { readings: last, engine: "reference" }).units),
    );
  });
});

describe("Vĩnh Phúc (QĐ 2074/QĐ-UBND): '× 100' (Sở 6.14, huyện 6.16, xã 6.10) and 'Tỷ lệ/1%' (huyện 7.1, xã 7.2)", () => {
  /** One unit, period Y, the indicator's data and the profile field its b comes from. */
  const unit = (catalog: string, code: string, data: unknown, profile: Record<string, number> = {}) =>
    ({
      catalog,
      year: 2023,
      periods: ["Y"],
      units: [{ id: "u1", name: "Đơn vị 1", profile, data: { Y: { [code]: data } } }],
    }) as DatasetInput;
  const under = (id: string, code: string, ds: DatasetInput, reading?: string) =>
    indicator(both(getCatalog(id), ds, reading ? { [code]: reading } : undefined), code);
  it("Sở 6.14 'Tỷ lệ*Điểm tối đa* 100' (max 20), a/b = 5/1000 = 0.5%: a fraction 0.005 × 20 × 100 = 10; a percentage number 0.5 × 20 × 100 → 20", () => {
    const ds = unit("vinh-phuc-2022/so", "6.14", { a: 5 }, { budgetTotal: 1000 });
    expect(under("vinh-phuc-2022/so", "6.14", ds)).toBe("10");
    expect(under("vinh-phuc-2022/so", "6.14", ds, "percentNumber")).toBe("20");
    // 0.004%: 0.004/0.01 × 20 = 8 as a percentage number; 0.00004 × 2000 = 0.08 as a fraction.
    const tiny = unit("vinh-phuc-2022/so", "6.14", { a: 4 }, { budgetTotal: 100000 });
    expect(under("vinh-phuc-2022/so", "6.14", tiny)).toBe("0.08");
    expect(under("vinh-phuc-2022/so", "6.14", tiny, "percentNumber")).toBe("8");
  });
  it("huyện 6.16 'Tỷ lệ/1%*Điểm tối đa* 100' (max 10), a/b = 5/1000 = 0.5%: without × 100 0.5%/1% × 10 = 5; as written 0.5%/1% × 10 × 100 = 500 → 10", () => {
    const ds = unit("vinh-phuc-2022/huyen", "6.16", { a: 5 }, { stateBudget: 1000 });
    expect(under("vinh-phuc-2022/huyen", "6.16", ds)).toBe("5");
    expect(under("vinh-phuc-2022/huyen", "6.16", ds, "asWritten")).toBe("10");
  });
  it("xã 6.10 (max 20), a/b = 1/20000 = 0.005%: without × 100 0.005%/1% × 20 = 0.1; as written × 100 = 10", () => {
    const ds = unit("vinh-phuc-2022/xa", "6.10", { a: 1 }, { stateBudgetExpenditure: 20000 });
    expect(under("vinh-phuc-2022/xa", "6.10", ds)).toBe("0.1");
    expect(under("vinh-phuc-2022/xa", "6.10", ds, "asWritten")).toBe("10");
  });
  it("huyện 7.1 (max 15), 3/100 = 3%: /5% gives 9; as written 3%/1% × 15 → 15. xã 7.2 (max 10), 1/200 = 0.5%: /5% gives 1; as written 5", () => {
    const h = unit("vinh-phuc-2022/huyen", "7.1", { a: 3 }, { businesses: 100 });
    expect(under("vinh-phuc-2022/huyen", "7.1", h)).toBe("9");
    expect(under("vinh-phuc-2022/huyen", "7.1", h, "asWritten")).toBe("15");
    const x = unit("vinh-phuc-2022/xa", "7.2", { a: 1, b: 200 });
    expect(under("vinh-phuc-2022/xa", "7.2", x)).toBe("1");
    expect(under("vinh-phuc-2022/xa", "7.2", x, "asWritten")).toBe("5");
  });
});

describe("withReadings", () => {
  const catalog = getCatalog("dong-nai-2023/huyen");
  it("caches a derived catalog per normalized choice; defaults only give the base catalog", () => {
    const a = withReadings(catalog, { "7.1": "asWritten" });
    expect(withReadings(catalog, { "7.1": "asWritten" })).toBe(a);
    expect(a).not.toBe(catalog);
    expect(withReadings(catalog, { "7.1": "perFivePercent" })).toBe(catalog);
    expect(withReadings(catalog, {})).toBe(catalog);
    // A derived catalog is scored from its base: choosing the default again goes back to it.
    expect(withReadings(a, { "7.1": "perFivePercent" })).toBe(catalog);
    expect(a.base).toBe(catalog);
    expect(a.readingsInForce["7.1"]).toBe("asWritten");
    expect(catalog.readingsInForce["7.1"]).toBe("perFivePercent");
  });
  it("refuses an unknown node, a node without readings and an unknown id, all at once, naming the valid ones", () => {
    let error: unknown;
    try {
      withReadings(catalog, { "9.9": "x", "1.1": "x", "7.1": "literal" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const issues = (error as CatalogError).issues;
    expect(issues.map((i) => [i.code, i.received])).toEqual([
      ["unknownReadingNode", "9.9"],
      ["noReadings", "1.1"],
      ["unknownReading", "literal"],
    ]);
    expect(issues[2]!.expected).toBe("perFivePercent, asWritten");
    expect(issues[0]!.expected).toContain("7.1");
  });
});

describe("Nghĩa Phương 6.9 (KH 41/KH-UBND): 'Tỷ lệ ≥ 80% = 10đ; Tỷ lệ ≤ 80% * 10đ' — both lines hold at exactly 80%", () => {
  const catalog = getCatalog("quang-ngai-nghia-phuong-2023/xa");
  const at = (a: number) => oneUnit("quang-ngai-nghia-phuong-2023/xa", "Y", { "6.9": { a, b: 100 } }, 2023);
  it("80/100 = 80%: the ≥ line (default) gives 10; the ≤ line gives 80% × 10 = 8", () => {
    expect(indicator(both(catalog, at(80)), "6.9")).toBe("10");
    expect(indicator(both(catalog, at(80), { "6.9": "lowerLineAtEdge" }), "6.9")).toBe("8");
  });
  it("off the edge both readings agree: 79% → 79% × 10 = 7.9; 81% → 10", () => {
    for (const reading of [undefined, "lowerLineAtEdge"]) {
      const choice = reading ? { "6.9": reading } : undefined;
      expect(indicator(both(catalog, at(79), choice), "6.9")).toBe("7.9");
      expect(indicator(both(catalog, at(81), choice), "6.9")).toBe("10");
    }
  });
});

describe("Vĩnh Phúc xã group 4 Nhân lực số (QĐ 2074/QĐ-UBND Phụ lục 3, 4): declared 105, items 25+25+20+20+20+20 = 130", () => {
  const catalog = getCatalog("vinh-phuc-2022/xa");
  const group4 = (share41: { a: number; b: number }) =>
    ({
      catalog: "vinh-phuc-2022/xa",
      year: 2023,
      periods: ["Y"],
      units: [
        {
          id: "u1",
          name: "Xã 1",
          profile: { population: 100 },
          data: {
            Y: {
              "4.1": share41,
              "4.2": { a: 1, b: 1 },
              "4.3": true,
              "4.4": { a: 1, b: 1 },
              "4.5": { a: 100 },
              "4.6": { a: 1, b: 1 },
            },
          },
        },
      ],
    }) as DatasetInput;
  it("every item at its max: as written 130; clamped to the declared 105", () => {
    const asWritten = both(catalog, group4({ a: 1, b: 1 }));
    expect(indicator(asWritten, "4")).toBe("130");
    const clamped = both(catalog, group4({ a: 1, b: 1 }), { "4": "clampToDeclared" });
    expect(indicator(clamped, "4")).toBe("105");
    const g = (clamped.units[0] as PointsUnit).indicators["4"]!;
    expect(g.clamp).toEqual({ from: "130", to: "105" });
    expect(g.max).toBe("105");
    // The catalog total follows: 1025 − 130 + 105 = 1000, the document's total.
    expect((clamped.units[0] as PointsUnit).max).toBe("1000");
    expect((asWritten.units[0] as PointsUnit).max).toBe("1025");
  });
  it("4.1 at 1/2 (0.5 × 25 = 12.5): 117.5 as written, 105 clamped; below 105 nothing changes", () => {
    expect(indicator(both(catalog, group4({ a: 1, b: 2 })), "4")).toBe("117.5");
    expect(indicator(both(catalog, group4({ a: 1, b: 2 }), { "4": "clampToDeclared" }), "4")).toBe("105");
    // 4.1 at 0/1 and 4.2 … 4.6 at max: 0 + 25 + 20 × 4 = 105, at the bound: not clamped.
    const r = both(catalog, group4({ a: 0, b: 1 }), { "4": "clampToDeclared" });
    expect(indicator(r, "4")).toBe("105");
    expect((r.units[0] as PointsUnit).indicators["4"]!.clamp).toBeUndefined();
  });
});

describe("Hải Dương 707/QĐ-UBND: 'điểm trung bình cộng của cả 03 trụ cột' — the pillar mean with or without unscored pillars", () => {
  it("hai-duong-2022/huyen declares the catalog readings (structure-only: listed by lint, scored on a points copy below)", () => {
    const set = readingSets(getCatalog("hai-duong-2022/huyen")).find((s) => s.code === "catalog")!;
    expect(set.ids).toEqual(expect.arrayContaining(["scoredPillars", "allPillars"]));
    expect(lintCatalog(getCatalog("hai-duong-2022/huyen")).readings).toContainEqual(
      expect.objectContaining({ code: "catalog", ids: expect.arrayContaining(["scoredPillars", "allPillars"]), default: "scoredPillars" }),
    );
  });
  // Three pillars as in Hải Dương, each worth 100, the third kept unscored; the readings are Hải Dương's.
  const hd = getCatalog("hai-duong-2022/huyen");
  const pillars = loadCatalog({
    id: "hai-duong-points/huyen",
    title: "Hải Dương pillars, with points",
    province: "Hải Dương",
    level: "huyen",
    document: { number: "707/QĐ-UBND", date: "2022-03-24" },
    aggregate: "pillarMean",
    defaults: { cadence: "year", annualRule: "last", zeroDenominator: "max" },
    readings: hd.readings,
    indicators: [
      { code: "1", name: "Chính quyền số", max: 100, formula: { kind: "yesNo" } },
      { code: "2", name: "Kinh tế số", max: 100, formula: { kind: "yesNo" } },
      { code: "3", name: "Xã hội số", max: 100, formula: { kind: "yesNo" }, unscored: true },
    ],
  });
  const ds = oneUnit("hai-duong-points/huyen", "Y", { "1": true, "2": false, "3": true });
  it("pillars 100, 0 and an unscored one: over the scored pillars (100 + 0) / 2 = 50; over all three (100 + 0 + 0) / 3 = 33.333333", () => {
    const scored = both(pillars, ds);
    expect((scored.units[0] as PointsUnit).total).toBe("50");
    expect((scored.units[0] as PointsUnit).max).toBe("100");
    expect(scored.readings!["catalog"]).toMatchObject({ id: "scoredPillars", default: true });
    const all = both(pillars, ds, { catalog: "allPillars" });
    expect((all.units[0] as PointsUnit).total).toBe("33.333333");
    // The unit max is the tree total over the same pillars: 200 / 3.
    expect((all.units[0] as PointsUnit).max).toBe("66.666667");
    expect(all.readings!["catalog"]).toMatchObject({ id: "allPillars", default: false });
  });
});

describe("catalog checks of readings (coded, every problem at once)", () => {
  const node = (readings: unknown[], extra: Record<string, unknown> = {}) => ({
    ...TEST_CATALOG,
    indicators: [
      {
        code: "1",
        name: "A",
        max: 10,
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        readings,
        ...extra,
      },
    ],
  });
  const codes = (source: object) => {
    try {
      loadCatalog(source);
    } catch (e) {
      return (e as CatalogError).issues.map((i) => [i.code, i.path.join(".")]);
    }
    return [];
  };
  const base = { source: "s", rationale: "r" };
  it("duplicate ids, no default, a patch on the default, an empty alternative, a single reading", () => {
    expect(
      codes(
        node([
          { id: "x", ...base, max: 5 },
          { id: "x", ...base },
        ]),
      ),
    ).toEqual([
      ["duplicateReading", "indicators.0.readings.1.id"],
      ["readingDefault", "indicators.0.readings"],
      ["emptyReading", "indicators.0.readings.1"],
    ]);
    expect(
      codes(
        node([
          { id: "x", default: true, ...base, max: 5 },
          { id: "y", default: true, ...base },
        ]),
      ),
    ).toEqual([
      ["readingDefault", "indicators.0.readings"],
      ["readingPatchOnDefault", "indicators.0.readings.0"],
    ]);
    expect(codes(node([{ id: "x", default: true, ...base }]))).toEqual([["singleReading", "indicators.0.readings"]]);
  });
  it("an alternative's formula is checked like the node's: an input it reads must be declared; its max must be valid", () => {
    expect(
      codes(
        node([
          { id: "x", default: true, ...base },
          { id: "y", ...base, formula: { kind: "ratio", value: { numerator: ["c"], denominator: ["b"] } } },
          { id: "z", ...base, max: 0 },
        ]),
      ),
    ).toEqual([
      ["unknownInput", "indicators.0.readings.1.formula"],
      ["badMax", "indicators.0.readings.2.max"],
    ]);
  });
  it("a reading that changes only the max keeps the encoded formula, checked under that max (points 8 > max 5)", () => {
    const bands = node(
      [
        { id: "x", default: true, ...base },
        { id: "y", ...base, max: 5 },
      ],
      {
        formula: {
          kind: "bands",
          value: { numerator: ["a"], denominator: ["b"] },
          bands: [
            { gte: "50%", points: 8 },
            { lt: "50%", share: 0 },
          ],
        },
      },
    );
    expect(codes(bands)).toEqual([["pointsOutOfRange", "indicators.0.readings.1.max.bands.0.points"]]);
  });
  it("an alternative may not read an input the encoded formula does not (one dataset serves every reading)", () => {
    const source = node(
      [
        { id: "x", default: true, ...base },
        { id: "y", ...base, formula: { kind: "ratio", value: { numerator: ["c"], denominator: ["b"] } } },
      ],
      { inputs: { a: { label: "a" }, b: { label: "b" }, c: { label: "c" } } },
    );
    expect(codes(source)).toEqual([["readingNewInput", "indicators.0.readings.1.formula"]]);
  });
  it("a formula on a group's reading, and readings in a level catalog, are refused", () => {
    const group = node([], {});
    const g = {
      ...group,
      indicators: [
        {
          code: "1",
          name: "G",
          max: 10,
          readings: [
            { id: "x", default: true, ...base },
            { id: "y", ...base, formula: { kind: "yesNo" } },
          ],
          children: [{ code: "1.1", name: "A", max: 10, formula: { kind: "yesNo" } }],
        },
      ],
    };
    expect(codes(g)).toEqual([["formulaOnGroup", "indicators.0.readings.1.formula"]]);
    const levels = {
      ...group,
      scoring: "levels",
      indicators: [
        {
          code: "1",
          name: "C",
          inputs: { a: { label: "a" } },
          formula: { kind: "levels", value: "a", requirements: { 1: { text: "t", min: 1 }, 2: null, 3: null, 4: null, 5: null } },
          readings: [
            { id: "x", default: true, ...base },
            { id: "y", ...base, max: 5 },
          ],
        },
      ],
    };
    // A level criterion has no points: a max in its reading is refused at that key.
    expect(codes(levels)).toEqual([["readingsUnsupported", "indicators.0.readings.1.max"]]);
  });
  it("a reading rewords existing inputs only (no `from`); a described reading carries no patch", () => {
    expect(
      codes(
        node([
          { id: "x", default: true, ...base },
          { id: "y", ...base, inputs: { c: { label: "c" } } },
          { id: "z", ...base, encoded: false, max: 5 },
          { id: "w", ...base, inputs: { b: { from: "profile.staff" } } },
        ]),
      ),
    ).toEqual([
      // `from` is no patch: a field taken from elsewhere under one reading could not be given under another.
      ["catalogSchema", "indicators.0.readings.3.inputs.b.label"],
      ["catalogSchema", "indicators.0.readings.3.inputs.b.from"],
    ]);
    expect(
      codes(
        node([
          { id: "x", default: true, ...base },
          { id: "y", ...base, inputs: { c: { label: "c" } } },
          { id: "z", ...base, encoded: false, max: 5 },
        ]),
      ),
    ).toEqual([
      ["describedReadingPatch", "indicators.0.readings.2"],
      ["readingUnknownInput", "indicators.0.readings.1.inputs.c"],
    ]);
  });
});

describe("what a reading may change (issue 13): unscored, cadence, inputs, the catalog's zero-denominator default, level criteria", () => {
  const base = { source: "s", rationale: "r" };
  const points = (extra: Record<string, unknown> = {}) =>
    loadCatalog({
      ...TEST_CATALOG,
      defaults: { cadence: "quarter", annualRule: "mean", zeroDenominator: "max" },
      profile: { staff: { label: "Biên chế", type: "count" } },
      readings: [
        { id: "zeroAsMax", default: true, ...base },
        { id: "zeroAsZero", ...base, zeroDenominator: "zero" },
      ],
      indicators: [
        {
          code: "1",
          name: "A",
          max: 10,
          inputs: { a: { label: "a" }, b: { label: "b" } },
          formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
          readings: [
            { id: "scored", default: true, ...base },
            { id: "notScored", ...base, unscored: true },
            { id: "yearly", ...base, cadence: "year" },
            { id: "adultsOnly", ...base, inputs: { b: { label: "Dân số trưởng thành" } } },
          ],
        },
        {
          code: "2",
          name: "B",
          max: 10,
          inputs: { a: { label: "a" }, b: { label: "b" } },
          formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        },
      ],
      ...extra,
    });
  const c = points();
  // Two quarters: 1 at 1/2 then 3/4; 2 at 0/0 (no subject matter) in both.
  const ds = {
    catalog: "t-2024/xa",
    year: 2024,
    periods: ["Q1", "Q2", "Q3", "Q4"],
    units: [
      {
        id: "u1",
        name: "U1",
        profile: { staff: 5 },
        data: { Q3: { "1": { a: 1, b: 2 }, "2": { a: 0, b: 0 } }, Q4: { "1": { a: 3, b: 4 }, "2": { a: 0, b: 0 } } },
      },
    ],
  } as DatasetInput;
  const total = (r: ScoreResult) => (r.units[0] as PointsUnit).total;
  it("default: 1 = mean of 0, 0, 5, 7.5 = 3.125; 2 = 0/0 → max 10 in Q3 and Q4, mean 5; total 8.125", () => {
    const r = both(c, ds);
    expect(indicator(r, "1")).toBe("3.125");
    expect(indicator(r, "2")).toBe("5");
    expect(total(r)).toBe("8.125");
  });
  it("notScored: 1 counts for nothing (total 5, max 10); yearly: 1 = Q4 alone = 7.5", () => {
    const off = both(c, ds, { "1": "notScored" });
    expect(total(off)).toBe("5");
    expect((off.units[0] as PointsUnit).max).toBe("10");
    expect(indicator(both(c, ds, { "1": "yearly" }), "1")).toBe("7.5");
  });
  it("adultsOnly rewords b (what is collected), not the score: the same data score the same, the template asks the new words", () => {
    expect(indicator(both(c, ds, { "1": "adultsOnly" }), "1")).toBe("3.125");
    // Listed as wording only: a robustness analysis does not try it (the other alternatives change points).
    expect(readingSets(c).find((s) => s.code === "1")!.wording).toEqual(["adultsOnly"]);
    expect(
      withReadings(c, { "1": "adultsOnly" })
        .nodes.get("1")!
        .fields.find((f) => f.name === "b"),
    ).toMatchObject({ label: "Dân số trưởng thành" });
  });
  it("the catalog's zeroAsZero: 2 at 0/0 scores 0 (total 3.125); a node's own policy would keep it", () => {
    expect(indicator(both(c, ds, { catalog: "zeroAsZero" }), "2")).toBe("0");
    expect(total(both(c, ds, { catalog: "zeroAsZero" }))).toBe("3.125");
  });
  it("a described reading is listed and refused when chosen (readingNotEncoded)", () => {
    const d = points({
      readings: [
        { id: "zeroAsMax", default: true, ...base },
        { id: "onlyWithoutSystems", ...base, encoded: false },
      ],
    });
    const set = readingSets(d).find((s) => s.code === "catalog")!;
    expect([set.ids, set.described]).toEqual([["zeroAsMax"], ["onlyWithoutSystems"]]);
    try {
      withReadings(d, { catalog: "onlyWithoutSystems" });
      expect.unreachable();
    } catch (e) {
      expect((e as CatalogError).issues.map((i) => [i.code, i.received, i.expected])).toEqual([
        ["readingNotEncoded", "onlyWithoutSystems", "zeroAsMax"],
      ]);
    }
  });
  it("a level criterion reads another way: a ≥ 2 for level 1 instead of a ≥ 1 (fast and reference agree)", () => {
    const levels = loadCatalog({
      id: "t-2024/xa",
      title: "T",
      province: "T",
      level: "xa",
      scoring: "levels",
      document: { number: "x", date: "2024-01-01" },
      defaults: { cadence: "year", annualRule: "last", zeroDenominator: "max" },
      indicators: [
        {
          code: "1",
          name: "C",
          inputs: { a: { label: "a", type: "count" } },
          formula: { kind: "levels", value: "a", requirements: { 1: { text: "≥ 1", min: 1 }, 2: null, 3: null, 4: null, 5: null } },
          readings: [
            { id: "one", default: true, ...base },
            {
              id: "two",
              ...base,
              formula: { kind: "levels", value: "a", requirements: { 1: { text: "≥ 2", min: 2 }, 2: null, 3: null, 4: null, 5: null } },
            },
          ],
        },
      ],
    });
    const one = {
      catalog: "t-2024/xa",
      year: 2024,
      periods: ["Y"],
      units: [{ id: "u1", name: "U1", data: { Y: { "1": { a: 1 } } } }],
    } as DatasetInput;
    const level = (r: ScoreResult) => (r.units[0] as { level: number }).level;
    expect(level(score(levels, one))).toBe(5);
    const two = score(levels, one, { readings: { "1": "two" } });
    expect(level(two)).toBe(0);
    expect(JSON.stringify(two.units)).toBe(JSON.stringify(score(levels, one, { readings: { "1": "two" }, engine: "reference" }).units));
    expect(two.readings!["1"]).toMatchObject({ id: "two", default: false });
  });
});

describe("lint: nodes with readings and ambiguity notes without them", () => {
  it("lists Đồng Nai huyện 7.1's readings with the default; a note marked ambiguity without readings is a coded warning", () => {
    expect(lintCatalog(getCatalog("dong-nai-2023/huyen")).readings).toContainEqual({
      code: "7.1",
      ids: ["perFivePercent", "asWritten"],
      default: "perFivePercent",
      described: [],
    });
    const c = loadCatalog({
      ...TEST_CATALOG,
      indicators: [
        {
          code: "1",
          name: "A",
          max: 10,
          formula: { kind: "yesNo" },
          notes: [
            { source: "Tỷ lệ ≥ 80% … Tỷ lệ ≤ 80%", reading: "read ≥ first", ambiguity: true },
            { source: "tên", reading: "verbatim", ambiguity: false },
            { source: "x", reading: "y" },
          ],
        },
      ],
    });
    const r = lintCatalog(c);
    expect(r.warnings.map((w) => [w.code, w.where.indicator])).toEqual([["ambiguityWithoutReadings", "1"]]);
    expect(r.stats.unclassifiedNotes).toBe(1);
    expect(r.ok).toBe(true);
  });
});

describe("analyses and reports with readings (Đồng Nai huyện 7.1 at 3%)", () => {
  const catalog = getCatalog("dong-nai-2023/huyen");
  const ds = oneUnit("dong-nai-2023/huyen", "Q4", { "7.1": { a: 3, b: 100 } });
  it("explain names the reading in force; the report lists it under Cách đọc and in the CSV's reading column", () => {
    const result = score(catalog, ds, { readings: { "7.1": "asWritten" } });
    const line = explain(result, "u1", { code: "7.1" })[0]!.text;
    expect(line).toContain("cách đọc asWritten:");
    expect(line).toContain("15 điểm");
    const data = reportData(catalog, ds, "vi", { readings: { "7.1": "asWritten" } });
    expect(data.result.readings!["7.1"]!.id).toBe("asWritten");
    const md = renderReport(data, "md", "vi");
    expect(md).toContain("## Cách đọc");
    expect(md).toContain("**7.1** asWritten (được chọn, khác mặc định)");
    const html = renderReport(data, "html", "en");
    expect(html).toContain('<section id="readings"><h2>Readings</h2>');
    expect(html).toContain("<code>7.1</code> asWritten (chosen, not the default)");
    expect(JSON.parse(renderReport(data, "json", "en")).result.readings["7.1"].id).toBe("asWritten");
    const csv = renderReport(data, "csv", "vi").split("\r\n");
    expect(csv[0]).toMatch(/,reading$/);
    expect(csv.find((l) => l.includes(",7.1,") && l.includes(",year,"))).toMatch(/,15,15,last,asWritten$/);
  });
});

describe("CLI: --reading and --readings (Đồng Nai huyện 7.1 at 3%)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-readings-"));
  const data = join(dir, "huyen.json");
  writeFileSync(data, JSON.stringify(oneUnit("dong-nai-2023/huyen", "Q4", { "7.1": { a: 3, b: 100 } })));
  const total = (out: string) => JSON.parse(out).units[0].total as string;
  it("--reading 7.1=asWritten raises 7.1 from 9 to 15 (total +6), recorded in the JSON", async () => {
    const base = await dti("score", data, "--format", "json");
    const read = await dti("score", data, "--format", "json", "--reading", "7.1=asWritten");
    expect(read.code).toBe(0);
    expect(Number(total(read.out)) - Number(total(base.out))).toBe(6);
    expect(JSON.parse(read.out).readings["7.1"].id).toBe("asWritten");
    expect(JSON.parse(base.out).readings["7.1"].id).toBe("perFivePercent");
    const ref = await dti("score", data, "--format", "json", "--reading", "7.1=asWritten", "--engine", "reference");
    expect(ref.out).toBe(read.out);
  });
  it("the table names the readings other than the default; explain prints the reading", async () => {
    const t = await dti("score", data, "--reading", "7.1=asWritten", "--lang", "en");
    expect(t.out).toContain("Readings other than the default: 7.1=asWritten");
    const e = await dti("explain", data, "--unit", "u1", "--code", "7.1", "--reading", "7.1=asWritten");
    expect(e.out).toContain("cách đọc asWritten:");
  });
  it("a readings file kept beside the dataset does the same; --reading overrides it", async () => {
    const file = join(dir, "readings.yaml");
    writeFileSync(file, "catalog: dong-nai-2023/huyen\nreadings:\n  '7.1': asWritten\nnote: Sở TT&TT đọc đúng như văn bản\n");
    const viaFile = await dti("score", data, "--format", "json", "--readings", file);
    expect(viaFile.code).toBe(0);
    expect(JSON.parse(viaFile.out).readings["7.1"].id).toBe("asWritten");
    const overridden = await dti("score", data, "--format", "json", "--readings", file, "--reading", "7.1=perFivePercent");
    expect(JSON.parse(overridden.out).readings["7.1"].id).toBe("perFivePercent");
    expect(loadReadingsFile(file, catalog())).toEqual({ "7.1": "asWritten" });
  });
  it("refuses, exit 2 without a stack: a malformed --reading, an unknown id, a file for another catalog", async () => {
    const bad = await dti("score", data, "--reading", "7.1", "--lang", "en");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--reading 7.1: expected CODE=ID");
    const unknown = await dti("score", data, "--reading", "7.1=literal", "--lang", "en");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown reading "literal" of 7.1 (readings: perFivePercent, asWritten)');
    const other = join(dir, "other.yaml");
    writeFileSync(other, "catalog: vinh-phuc-2022/xa\nreadings: { '4': clampToDeclared }\n");
    const wrong = await dti("score", data, "--readings", other, "--lang", "en");
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(
      'the readings file is for catalog "vinh-phuc-2022/xa" but the dataset is scored with "dong-nai-2023/huyen"',
    );
    expect(wrong.err).toContain(other);
  });
  it("gaps, whatif, compare and report take --reading too", async () => {
    for (const args of [
      ["gaps", data, "--unit", "u1", "--format", "json"],
      ["whatif", data, "--set", "u1.Q4.7.1.a=4", "--format", "json"],
      ["compare", data, data, "--format", "json"],
      ["report", data, "--format", "json"],
    ]) {
      const r = await dti(...args, "--reading", "7.1=asWritten");
      expect(r.code, args[0]).toBe(0);
    }
    const w = await dti("whatif", data, "--set", "u1.Q4.7.1.a=4", "--format", "json", "--reading", "7.1=asWritten");
    // As written 3% and 4% both reach the max (≥ 1%): the change gains nothing.
    expect(JSON.stringify(JSON.parse(w.out).units)).not.toContain('"7.1"');
    expect(JSON.parse(w.out).readings["7.1"].id).toBe("asWritten");
    const c = await dti("compare", data, data, "--format", "json", "--reading", "7.1=asWritten");
    expect(JSON.parse(c.out).readings["7.1"].id).toBe("asWritten");
  });
});

const sample = loadDataset("fixtures/dong-nai-2023-huyen.sample.yaml");

function catalog(): CompiledCatalog {
  return getCatalog("dong-nai-2023/huyen");
}

describe("every built-in catalog: each note classified, each ambiguity with its readings (issue 13, done when)", () => {
  for (const { id } of listCatalogs())
    it(`${id}: no unclassified note, no ambiguity without readings, every described reading listed`, () => {
      const r = lintCatalog(getCatalog(id));
      expect(r.stats.unclassifiedNotes).toBe(0);
      expect(r.warnings.filter((w) => w.code === "ambiguityWithoutReadings")).toEqual([]);
      // Each note marked an ambiguity sits on a node (or the catalog) that lists readings.
      const withReadings = new Set(r.readings.map((s) => s.code));
      for (const n of r.notes.filter((x) => x.ambiguity)) expect(withReadings.has(n.code || "catalog"), `${id} ${n.code}`).toBe(true);
    });
});
