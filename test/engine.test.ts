// Engine rules on small catalogs of our own: annual rules, cadence, roll-up, clamps, ranks,
// pillar mean, two assessments, relative min/max, zero-denominator policies, dataset errors.
import { describe, expect, it } from "vitest";
import { CatalogError, DatasetError, getCatalog, loadCatalog, score, type DatasetInput } from "../src/index.js";
import { asLevels, asPoints, levelUnit, pointsUnits } from "./_units.js";

const small = loadCatalog({
  id: "test-2024/so",
  title: "Test",
  province: "Test",
  level: "so",
  document: { number: "1/QĐ-TEST", date: "2024-01-01" },
  total: 100,
  profile: { staff: { label: "Tổng số cán bộ", type: "count" } },
  indicators: [
    {
      code: "1",
      name: "Nhóm 1",
      max: 60,
      children: [
        {
          code: "1.1",
          name: "Tỷ lệ",
          max: 20,
          inputs: { a: { label: "a" }, b: { label: "b", from: "profile.staff" } },
          formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        },
        { code: "1.2", name: "Có/không, kỳ cuối", max: 20, annualRule: "last", formula: { kind: "yesNo" } },
        { code: "1.3", name: "Hằng năm", max: 20, cadence: "year", annualRule: "last", formula: { kind: "yesNo" } },
      ],
    },
    {
      code: "2",
      name: "Nhóm 2",
      max: 40,
      children: [
        {
          code: "2.1",
          name: "Min/max",
          max: 30,
          inputs: { a: { label: "a", type: "number" } },
          formula: { kind: "relative", value: "a", mode: "minmax" },
        },
        {
          code: "2.2",
          name: "Chia 0 → 0",
          max: 10,
          zeroDenominator: "zero",
          inputs: { a: { label: "a" }, b: { label: "b" } },
          formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        },
      ],
    },
  ],
});

function ds(units: DatasetInput["units"], periods = ["Q1", "Q2", "Q3", "Q4"]): DatasetInput {
  return { catalog: "test-2024/so", year: 2024, periods, units };
}

describe("annual rules and cadence", () => {
  const result = score(
    small,
    ds([
      {
        id: "u1",
        name: "U1",
        profile: { staff: 10 },
        data: {
          Q1: { "1.1": { a: 10 }, "1.2": false },
          Q2: { "1.1": { a: 5 }, "1.2": true },
          // Q3 missing entirely: 1.1 counts 0 in the mean
          Q4: { "1.1": { a: 5 }, "1.2": true, "1.3": true },
        },
      },
    ]),
  );
  const u = asPoints(result.units[0]);
  it("Trung bình: mean over the 4 quarters, a missing quarter counts 0: (20 + 10 + 0 + 10)/4 = 10", () => {
    expect(u.indicators["1.1"]!.score).toBe("10");
    expect(u.indicators["1.1"]!.periods!["Q3"]!.status).toBe("missing");
  });
  it("Kỳ cuối: the last period's score (Q4 true → 20)", () => {
    expect(u.indicators["1.2"]!.score).toBe("20");
  });
  it("a yearly indicator is due only in the last quarter", () => {
    expect(u.indicators["1.3"]!.duePeriods).toEqual(["Q4"]);
    expect(u.indicators["1.3"]!.score).toBe("20");
  });
  it("groups add up their children; the total adds up the groups", () => {
    expect(u.indicators["1"]!.score).toBe("50");
    expect(u.total).toBe("50");
  });
  it("period totals add the indicators due in the period", () => {
    expect(u.periods["Q1"]!.total).toBe("20");
    expect(u.periods["Q4"]!.total).toBe("50");
  });
  it("every period score has a trace citing catalog, code and document", () => {
    const t = u.indicators["1.1"]!.periods!["Q1"]!.trace;
    expect(t.citation).toBe("test-2024/so 1.1 (1/QĐ-TEST)");
    expect(t.inputs).toEqual({ a: "10", b: "10" });
    expect(t.facts["value"]).toBe("1");
  });
});

describe("relative min/max and ranking", () => {
  const units = [3, 5, 5, 1].map((a, i) => ({ id: `u${i + 1}`, name: `U${i + 1}`, data: { Y: { "2.1": { a } } } }));
  const result = score(small, ds(units, ["Y"]));
  const byId = Object.fromEntries(pointsUnits(result).map((u) => [u.id, u]));
  it("(x − min)/(max − min) × 30: 3 → (3−1)/(5−1) × 30 = 15", () => {
    expect(byId["u1"]!.indicators["2.1"]!.score).toBe("15");
    expect(byId["u4"]!.indicators["2.1"]!.score).toBe("0");
    expect(byId["u2"]!.indicators["2.1"]!.score).toBe("30");
  });
  it("equal totals share a rank: 1, 1, 3, 4", () => {
    expect([byId["u2"]!.rank, byId["u3"]!.rank, byId["u1"]!.rank, byId["u4"]!.rank]).toEqual([1, 1, 3, 4]);
    expect(result.units.map((u) => u.id)).toEqual(["u2", "u3", "u1", "u4"]);
  });
  it("a zero range falls back to x / best", () => {
    const r = score(
      small,
      ds(
        [
          { id: "a", name: "A", data: { Y: { "2.1": 2 } } },
          { id: "b", name: "B", data: { Y: { "2.1": 2 } } },
        ],
        ["Y"],
      ),
    );
    expect(asPoints(r.units[0]).indicators["2.1"]!.score).toBe("30");
    expect(asPoints(r.units[0]).indicators["2.1"]!.periods!["Y"]!.trace.branch).toBe("rangeZeroFallback");
  });
});

describe("zero denominators, clamps and policies", () => {
  it("per-indicator policy zero: b = 0 → 0 (2.2); catalog default max elsewhere", () => {
    const r = score(
      small,
      ds([{ id: "u", name: "U", profile: { staff: 0 }, data: { Y: { "2.2": { a: 0, b: 0 }, "1.1": { a: 0 } } } }], ["Y"]),
    );
    expect(asPoints(r.units[0]).indicators["2.2"]!.score).toBe("0");
    expect(asPoints(r.units[0]).indicators["1.1"]!.score).toBe("20");
    expect(asPoints(r.units[0]).indicators["1.1"]!.periods!["Y"]!.status).toBe("zeroDenominator");
  });
  it("a group whose children exceed its max is clamped and the clamp recorded", () => {
    const c = loadCatalog({
      id: "t-2024/xa",
      title: "T",
      province: "T",
      level: "xa",
      document: { number: "x", date: "2024-01-01" },
      indicators: [
        {
          code: "1",
          name: "G",
          max: 10,
          notes: [{ source: "max 10, items 20", reading: "clamp" }],
          children: [
            { code: "1.1", name: "A", max: 10, formula: { kind: "yesNo" } },
            { code: "1.2", name: "B", max: 10, formula: { kind: "yesNo" } },
          ],
        },
      ],
    });
    const r = score(c, {
      catalog: "t-2024/xa",
      year: 2024,
      periods: ["Y"],
      units: [{ id: "u", name: "U", data: { Y: { "1.1": true, "1.2": true } } }],
    });
    expect(asPoints(r.units[0]).indicators["1"]!.score).toBe("10");
    expect(asPoints(r.units[0]).indicators["1"]!.clamp).toEqual({ from: "20", to: "10" });
  });
});

describe("dataset errors: all at once, each naming its place", () => {
  it("lists every problem with unit, period, indicator and field", () => {
    let err: DatasetError | undefined;
    try {
      score(
        small,
        ds([
          { id: "u1", name: "U1", profile: { staff: 5, nope: 1 }, data: { Q1: { "1.1": { a: 6 }, "9.9": true, "1": true }, Q5: {} } },
          { id: "u1", name: "U1 again", data: { Q2: { "2.2": { a: "x", b: 2 }, "1.2": "có" } } },
        ]),
      );
    } catch (e) {
      err = e as DatasetError;
    }
    expect(err).toBeInstanceOf(DatasetError);
    const codes = err!.issues.map((i) => i.code).sort();
    expect(codes).toEqual(
      [
        "duplicateUnit",
        "expectedBoolean",
        "expectedCount",
        "notALeaf",
        "numeratorExceedsDenominator",
        "unknownIndicator",
        "unknownPeriod",
        "unknownProfileField",
      ].sort(),
    );
    const ratio = err!.issues.find((i) => i.code === "numeratorExceedsDenominator")!;
    expect(ratio.where).toMatchObject({ unit: "u1", period: "Q1", indicator: "1.1" });
    const field = err!.issues.find((i) => i.code === "expectedCount")!;
    expect(field.where).toEqual({ unit: "u1", period: "Q2", indicator: "2.2", field: "a" });
    expect(field.path).toEqual(["units", 1, "data", "Q2", "2.2", "a"]);
  });
  it("a dataset of another catalog is refused", () => {
    expect(() =>
      score(small, { catalog: "dong-nai-2023/so", year: 2024, periods: ["Y"], units: [{ id: "u", name: "U", data: {} }] }),
    ).toThrow(DatasetError);
  });
  it("Vietnamese decimal comma in text is accepted and reported as a warning", () => {
    const r = score(small, ds([{ id: "u", name: "U", data: { Y: { "2.1": { a: "72,5" } } } }], ["Y"]));
    expect(asPoints(r.units[0]).indicators["2.1"]!.periods!["Y"]!.trace.inputs).toEqual({ a: "72.5" });
    expect(r.warnings).toHaveLength(1);
  });
});

describe("pillar mean (Hải Dương districts) and two assessments", () => {
  const pillars = loadCatalog({
    id: "pm-2024/huyen",
    title: "PM",
    province: "T",
    level: "huyen",
    document: { number: "p", date: "2024-01-01" },
    aggregate: "pillarMean",
    indicators: [
      {
        code: "1",
        name: "Chính quyền số",
        max: 100,
        children: [
          {
            code: "1.1",
            name: "A",
            max: 100,
            inputs: { a: { label: "a" }, b: { label: "b" } },
            formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
          },
        ],
      },
      { code: "2", name: "Kinh tế số", max: 100, children: [{ code: "2.1", name: "B", max: 100, formula: { kind: "yesNo" } }] },
      { code: "3", name: "Xã hội số", max: 100, children: [{ code: "3.1", name: "C", max: 100, formula: { kind: "yesNo" } }] },
    ],
  });
  it("the unit's score is the mean of its pillars: (50 + 100 + 0)/3 = 50", () => {
    const r = score(pillars, {
      catalog: "pm-2024/huyen",
      year: 2024,
      periods: ["Y"],
      units: [{ id: "h", name: "H", data: { Y: { "1.1": { a: 1, b: 2 }, "2.1": true, "3.1": false } } }],
    });
    expect(asPoints(r.units[0]).total).toBe("50");
    expect(asPoints(r.units[0]).max).toBe("100");
  });
  it("self vs appraised: final uses the appraisal where given, per indicator; both shown with the difference", () => {
    const r = score(pillars, {
      catalog: "pm-2024/huyen",
      year: 2024,
      periods: ["Y"],
      units: [
        {
          id: "h",
          name: "H",
          data: { Y: { "1.1": { a: 2, b: 2 }, "2.1": true, "3.1": true } },
          appraisal: { Y: { "1.1": { a: 1, b: 2 } } },
        },
      ],
    });
    const u = asPoints(r.units[0]);
    expect(u.indicators["1.1"]!.self).toBe("100");
    expect(u.indicators["1.1"]!.score).toBe("50");
    expect(u.indicators["1.1"]!.difference).toBe("-50");
    expect(u.indicators["2.1"]!.difference).toBe("0");
    expect(u.indicators["1.1"]!.periods!["Y"]!.trace.source).toBe("appraisal");
    // self (100+100+100)/3 = 100; final (50+100+100)/3 = 83.333333…
    expect(u.assessment).toEqual({ self: "100", final: "83.333333", difference: "-16.666667" });
  });
});

describe("structure-only catalogs", () => {
  it("scoring Hải Dương says the source publishes no formulas", () => {
    const c = getCatalog("hai-duong-2022/huyen");
    expect(() => score(c, { catalog: c.id, year: 2022, periods: ["Y"], units: [{ id: "h", name: "H", data: {} }] })).toThrow(CatalogError);
    try {
      score(c, { catalog: c.id, year: 2022, periods: ["Y"], units: [{ id: "h", name: "H", data: {} }] });
    } catch (e) {
      expect((e as CatalogError).code).toBe("structureOnly");
    }
  });
});

describe("commune → district roll-up (general): share, count and mean of child levels", () => {
  const lv = (n: number) => ({ text: `mức ${n}`, min: n });
  const xa = loadCatalog({
    id: "rollup-2025/xa",
    title: "xã",
    province: "T",
    level: "xa",
    document: { number: "r", date: "2025-01-01" },
    scoring: "levels",
    levels: [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}` })),
    indicators: [
      {
        code: "1",
        name: "G",
        children: [
          {
            code: "1.1",
            name: "Điểm số",
            inputs: { a: { label: "a" } },
            formula: { kind: "levels", value: "a", requirements: { 1: lv(1), 2: lv(2), 3: lv(3), 4: lv(4), 5: lv(5) } },
          },
        ],
      },
    ],
  });
  const huyen = loadCatalog({
    id: "rollup-2025/huyen",
    title: "huyện",
    province: "T",
    level: "huyen",
    document: { number: "r", date: "2025-01-01" },
    scoring: "levels",
    childCatalog: "rollup-2025/xa",
    indicators: [
      {
        code: "1",
        name: "G",
        children: [
          {
            code: "1.1",
            name: "Tỷ lệ",
            formula: {
              kind: "levels",
              requirements: {
                1: { text: "100% ≥ 1", children: [{ atLeastLevel: 1, share: "100%" }] },
                2: { text: "≥ 2 xã mức 2", children: [{ atLeastLevel: 2, count: 2 }] },
                3: { text: "TB ≥ 3", children: [{ meanLevel: 3 }] },
                4: null,
                5: null,
              },
            },
          },
        ],
      },
    ],
  });
  const unit = (id: string, a: number) => ({ id, name: id, catalog: "rollup-2025/xa", parent: "h", data: { Y: { "1.1": a } } });
  const run = (levels: number[]) =>
    score(
      huyen,
      {
        catalog: "rollup-2025/huyen",
        year: 2025,
        periods: ["Y"],
        units: [{ id: "h", name: "H", data: {} }, ...levels.map((a, i) => unit(`x${i}`, a))],
      },
      { catalogs: { "rollup-2025/xa": xa } },
    );
  it("children are evaluated first; levels 1, 2, 3 → count of ≥2 is 2, mean 2 < 3 → district level 2", () => {
    const r = run([1, 2, 3]);
    const h = levelUnit(r, "h");
    expect(r.units.filter((u) => u.catalog === "rollup-2025/xa").map((u) => asLevels(u).level)).toEqual([3, 2, 1]);
    expect(h.level).toBe(2);
    expect(h.blockers![0]).toMatchObject({ code: "1.1", level: 3, scale: "childrenMean", value: "2", min: "3" });
  });
  it("levels 3, 3, 4 → mean 3.33 ≥ 3 → level 5 (levels 4–5: Không áp dụng)", () => {
    expect(levelUnit(run([3, 3, 4]), "h").level).toBe(5);
  });
  it("one commune at level 0 blocks level 1 (100% ≥ 1)", () => {
    expect(levelUnit(run([0, 5, 5]), "h").level).toBe(0);
  });
});

describe("typed errors", () => {
  it("Đồng Nai huyện 1.4: months = 0 under the `error` policy is a FormulaError naming unit, period and indicator", async () => {
    const { FormulaError, getCatalog, score } = await import("../src/index.js");
    const catalog = getCatalog("dong-nai-2023/huyen");
    let caught: unknown;
    try {
      score(catalog, {
        catalog: catalog.id,
        year: 2024,
        periods: ["Q1"],
        units: [{ id: "h1", name: "h1", data: { Q1: { "1.4": { articles: 1, months: 0 } } } }],
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FormulaError);
    const issue = (caught as InstanceType<typeof FormulaError>).issues[0]!;
    expect(issue.code).toBe("zeroDenominator");
    expect(issue.where).toEqual({ unit: "h1", period: "Q1", indicator: "1.4" });
  });

  it("explain and gaps name the units of the result when asked for one that is not there (DatasetError unknownUnit)", async () => {
    const { DatasetError, explain, gaps, getCatalog, score, loadDataset } = await import("../src/index.js");
    const catalog = getCatalog("dong-nai-2023/so");
    const dataset = loadDataset("fixtures/dong-nai-2023-so.sample.yaml");
    const result = score(catalog, dataset);
    for (const call of [() => explain(result, "so-none"), () => gaps(catalog, dataset, "so-none", { result })]) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DatasetError);
      const issue = (caught as InstanceType<typeof DatasetError>).issues[0]!;
      expect(issue.code).toBe("unknownUnit");
      expect(issue.expected).toBe("so-tttt, so-tc, so-vhttdl");
    }
  });
});

describe("catalog checks of nested formulas", () => {
  it("a peer-compared formula (relative) inside a composite is refused: it would be compared with itself only", async () => {
    const { CatalogError, loadCatalog } = await import("../src/index.js");
    let caught: unknown;
    try {
      loadCatalog({
        id: "nested-2024/so",
        title: "t",
        province: "p",
        level: "so",
        document: { number: "1", date: "2024-01-01" },
        indicators: [
          {
            code: "1",
            name: "Hai phần",
            max: 20,
            inputs: { a: { label: "a" } },
            formula: {
              kind: "composite",
              parts: [
                { label: "so với đơn vị khác", max: 10, formula: { kind: "relative", value: "a", mode: "best" } },
                { label: "có", max: 10, formula: { kind: "yesNo" } },
              ],
            },
          },
        ],
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CatalogError);
    const issues = (caught as InstanceType<typeof CatalogError>).issues;
    expect(issues.map((i) => [i.code, i.where.indicator, i.received])).toEqual([["nestedPeerFormula", "1", "relative"]]);
  });
});
