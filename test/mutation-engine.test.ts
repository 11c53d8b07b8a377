// Engine rules on small inline catalogs, written to kill mutants that survived the existing
// tests (issue 9; bench/MUTATION.md): clamps, Điều 5c, zero-denominator policies, annual rules,
// cadence, roll-up, ranks, two assessments, dataset errors, level recognition. Public API only.
// Everything is scored inside it() so that Stryker can tell which test reaches which mutant.
import { describe, expect, it } from "vitest";
import {
  CatalogError,
  DatasetError,
  FormulaError,
  compareCodes,
  criteriaInOrder,
  indicatorsInOrder,
  loadCatalog,
  score,
  scoreIndicator,
  type CatalogInput,
  type CompiledCatalog,
  type ScoreOptions,
} from "../src/index.js";
import { asLevels, asPoints, levelUnit, levelUnits, pointsUnit, pointsUnits } from "./_units.js";

type Node = CatalogInput["indicators"][number];
const doc = { number: "9/QĐ-MUT", date: "2024-01-01" };

function points(indicators: Node[], extra: Partial<CatalogInput> = {}): CompiledCatalog {
  return loadCatalog({ id: "mut-2024/so", title: "Mutation tests", province: "Test", level: "so", document: doc, ...extra, indicators });
}
function run(c: CompiledCatalog, units: unknown[], periods = ["Y"], options?: ScoreOptions) {
  return score(c, { catalog: c.id, year: 2024, periods, units } as never, options);
}
/** Issue codes of the DatasetError thrown by `f`. */
function issues(
  f: () => unknown,
  kind: typeof DatasetError | typeof FormulaError = DatasetError,
): { code: string; where: Record<string, unknown>; path?: unknown[]; detail?: string }[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(kind);
    return (e as DatasetError).issues as never;
  }
  throw new Error(`expected a ${kind.name}`);
}
const yes = (code: string, max = 10, more: Partial<Node> = {}): Node =>
  ({ code, name: `Có/không ${code}`, max, formula: { kind: "yesNo" }, ...more }) as Node;
const ratioNode = (code: string, max = 10, more: Partial<Node> = {}): Node =>
  ({
    code,
    name: `Tỷ lệ ${code}`,
    max,
    inputs: { a: { label: "a" }, b: { label: "b" } },
    formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
    ...more,
  }) as Node;

describe("clamp every score to [0, max] (shared/seeds README)", () => {
  it("a score below 0 cannot arise: negative band points are refused when the catalog loads (pointsOutOfRange, issue 10)", () => {
    let error: unknown;
    try {
      points([
        {
          code: "1",
          name: "Trừ điểm",
          max: 10,
          inputs: { n: { label: "n" } },
          formula: { kind: "bands", value: "n", bands: [{ gte: 1, points: "-5" }] },
        },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).issues.map((i) => [i.code, i.where.indicator])).toEqual([["pointsOutOfRange", "1"]]);
  });
  it("a raw score above max is clamped to max: 3/2 × 10 = 15 → 10 (proportion: false allows a > b)", () => {
    const c = points([
      ratioNode("1", 10, { formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"], proportion: false } } }),
    ]);
    const p = asPoints(run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 3, b: 2 } } } }]).units[0]).indicators["1"]!.periods!["Y"]!;
    expect(p.score).toBe("10");
    expect(p.trace.clamp).toEqual({ from: "15", to: "10" });
  });
  it("a score inside [0, max] has no clamp in its trace", () => {
    const c = points([ratioNode("1")]);
    const p = asPoints(run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 1, b: 2 } } } }]).units[0]).indicators["1"]!.periods!["Y"]!;
    expect(p.score).toBe("5");
    expect(p.trace.clamp).toBeUndefined();
  });
  it("a group whose children add up over its max is clamped (10 + 10 = 20 → 15); a group without max is not", () => {
    const c = points([
      { code: "1", name: "Nhóm", max: 15, children: [yes("1.1"), yes("1.2")] },
      { code: "2", name: "Nhóm không có điểm tối đa", children: [yes("2.1"), yes("2.2")] },
    ]);
    const u = asPoints(run(c, [{ id: "u", name: "U", data: { Y: { "1.1": true, "1.2": true, "2.1": true, "2.2": true } } }]).units[0]);
    expect(u.indicators["1"]!.score).toBe("15");
    expect(u.indicators["1"]!.clamp).toEqual({ from: "20", to: "15" });
    expect(u.indicators["2"]!.score).toBe("20");
    expect(u.indicators["2"]!.clamp).toBeUndefined();
    expect(u.total).toBe("35");
  });
});

describe("Điều 5c: missing data scores 0; a unit without the subject matter scores the maximum", () => {
  const c = points([yes("1", 10), ratioNode("2", 20, { inputs: { a: { label: "a" }, b: { label: "b", from: "profile.staff" } } })], {
    profile: { staff: { label: "Tổng số cán bộ", type: "count" } },
  });
  it("no entry → 0, status missing, traced as such", () => {
    const u = asPoints(run(c, [{ id: "u", name: "U", profile: { staff: 4 }, data: { Y: { "2": { a: 1 } } } }]).units[0]);
    const p = u.indicators["1"]!.periods!["Y"]!;
    expect(p.score).toBe("0");
    expect(p.status).toBe("missing");
    expect(p.trace.branch).toBe("missing");
    expect(p.trace.kind).toBe("yesNo");
    // 1/4 × 20 = 5
    expect(u.indicators["2"]!.score).toBe("5");
    expect(u.total).toBe("5");
  });
  it('"n/a" and "Không áp dụng" → max, status notApplicable', () => {
    const u = asPoints(run(c, [{ id: "u", name: "U", data: { Y: { "1": "Không áp dụng", "2": "n/a" } } }]).units[0]);
    expect(u.indicators["1"]!.score).toBe("10");
    expect(u.indicators["1"]!.periods!["Y"]!.status).toBe("notApplicable");
    expect(u.indicators["2"]!.score).toBe("20");
    expect(u.total).toBe("30");
  });
  // Issue 10: a missing profile value used to score the indicator 0 in silence (status missing);
  // it is now a data error naming the unit, the profile field and the indicators that need it.
  it("a profile value the ratio needs is missing → missingProfileField naming the unit, field and indicator", () => {
    const e = issues(() => run(c, [{ id: "u", name: "U", data: { Y: { "2": { a: 3 } } } }]));
    expect(e.map((i) => [i.code, i.where, i.detail])).toEqual([["missingProfileField", { unit: "u", field: "profile.staff" }, "2"]]);
  });
  it("a profile value given as null counts as not given", () => {
    const e = issues(() => run(c, [{ id: "u", name: "U", profile: { staff: null }, data: { Y: { "2": { a: 3 } } } }]));
    expect(e.map((i) => i.code)).toEqual(["missingProfileField"]);
  });
  it("a value taken from another indicator (from: 1.1.b) is read in the same period; n/a there → missing", () => {
    const f = points([
      {
        code: "1",
        name: "G",
        children: [
          {
            code: "1.1",
            name: "Tổng",
            max: 10,
            inputs: { a: { label: "a" }, b: { label: "b" } },
            formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
          },
          {
            code: "1.2",
            name: "Phần",
            max: 10,
            inputs: { c: { label: "c" }, b: { label: "b", from: "1.1.b" } },
            formula: { kind: "ratio", value: { numerator: ["c"], denominator: ["b"] } },
          },
        ],
      },
    ]);
    // 1.2 = 2/8 × 10 = 2.5
    const ok = asPoints(run(f, [{ id: "u", name: "U", data: { Y: { "1.1": { a: 4, b: 8 }, "1.2": { c: 2 } } } }]).units[0]);
    expect(ok.indicators["1.2"]!.score).toBe("2.5");
    const na = asPoints(run(f, [{ id: "u", name: "U", data: { Y: { "1.1": "n/a", "1.2": { c: 2 } } } }]).units[0]).indicators["1.2"]!
      .periods!["Y"]!;
    expect(na.status).toBe("missing");
    expect(na.trace.missing).toEqual(["1.1.b"]);
  });
});

describe("zero denominator policies (zeroDenominator: max | zero | error)", () => {
  it("max (catalog default) → 10, zero → 0", () => {
    const c = points([ratioNode("1"), ratioNode("2", 10, { zeroDenominator: "zero" })]);
    const u = asPoints(run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 0, b: 0 }, "2": { a: 0, b: 0 } } } }]).units[0]);
    expect(u.indicators["1"]!.score).toBe("10");
    expect(u.indicators["1"]!.periods!["Y"]!.status).toBe("zeroDenominator");
    expect(u.indicators["2"]!.score).toBe("0");
    expect(u.indicators["2"]!.periods!["Y"]!.status).toBe("zeroDenominator");
  });
  it("a catalog default of zero applies where the node says nothing", () => {
    const c = points([ratioNode("1")], { defaults: { cadence: "quarter", annualRule: "mean", zeroDenominator: "zero" } });
    expect(asPoints(run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 0, b: 0 } } } }]).units[0]).total).toBe("0");
  });
  it("error → a FormulaError naming unit, period and indicator", () => {
    const c = points([ratioNode("1", 10, { zeroDenominator: "error" })]);
    const list = issues(() => run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 0, b: 0 } } } }]), FormulaError);
    expect(list.map((i) => i.code)).toEqual(["zeroDenominator"]);
    expect(list[0]!.where).toEqual({ unit: "u", period: "Y", indicator: "1" });
  });
});

describe("annual rules: Trung bình (mean of the due periods, a missing one counts 0) and Kỳ cuối (last)", () => {
  const c = points([
    { code: "1", name: "Số", max: 10, inputs: { a: { label: "a", type: "share" } }, formula: { kind: "ratio", value: "a" } },
    yes("2", 10, { annualRule: "last" }),
  ]);
  const unit = (values: Record<string, number | undefined>, last: Record<string, boolean> = {}) => ({
    id: "u",
    name: "U",
    data: Object.fromEntries(
      Object.keys({ ...values, ...last }).map((p) => [
        p,
        { ...(values[p] !== undefined ? { "1": values[p] } : {}), ...(last[p] !== undefined ? { "2": last[p] } : {}) },
      ]),
    ),
  });
  it("two halves: (10 + 5)/2 = 7.5", () => {
    expect(asPoints(run(c, [unit({ H1: 1, H2: 0.5 })], ["H1", "H2"]).units[0]).indicators["1"]!.score).toBe("7.5");
  });
  it("three quarters (a dataset may stop at Q3): (10 + 0 + 5)/3 = 5; (10 + 10 + 0)/3 = 6.666667", () => {
    expect(asPoints(run(c, [unit({ Q1: 1, Q2: 0, Q3: 0.5 })], ["Q1", "Q2", "Q3"]).units[0]).indicators["1"]!.score).toBe("5");
    expect(asPoints(run(c, [unit({ Q1: 1, Q2: 1, Q3: 0 })], ["Q1", "Q2", "Q3"]).units[0]).indicators["1"]!.score).toBe("6.666667");
  });
  it("four quarters, Q3 missing: (10 + 10 + 0 + 10)/4 = 7.5", () => {
    const u = asPoints(run(c, [unit({ Q1: 1, Q2: 1, Q4: 1 })], ["Q1", "Q2", "Q3", "Q4"]).units[0]);
    expect(u.indicators["1"]!.score).toBe("7.5");
    expect(u.indicators["1"]!.periods!["Q3"]!.status).toBe("missing");
  });
  it("Kỳ cuối: yes in Q1–Q3 and nothing in Q4 → the last period's 0, not 10", () => {
    const u = asPoints(run(c, [unit({}, { Q1: true, Q2: true, Q3: true })], ["Q1", "Q2", "Q3", "Q4"]).units[0]);
    expect(u.indicators["2"]!.score).toBe("0");
    const v = asPoints(run(c, [unit({}, { Q1: false, Q4: true })], ["Q1", "Q2", "Q3", "Q4"]).units[0]);
    expect(v.indicators["2"]!.score).toBe("10");
  });
});

describe("cadence (Kỳ đánh giá): an indicator is due when its window closes, and in the last period", () => {
  const c = points([yes("1", 10, { cadence: "half" }), yes("2", 10, { cadence: "year" }), yes("3", 10, { cadence: "quarter" })]);
  const due = (periods: string[]) => {
    const u = asPoints(run(c, [{ id: "u", name: "U", data: {} }], periods).units[0]);
    return ["1", "2", "3"].map((code) => u.indicators[code]!.duePeriods);
  };
  it("in quarters: half-yearly at Q2 and Q4, yearly at Q4, quarterly every quarter", () => {
    expect(due(["Q1", "Q2", "Q3", "Q4"])).toEqual([["Q2", "Q4"], ["Q4"], ["Q1", "Q2", "Q3", "Q4"]]);
  });
  it("in halves: half-yearly and quarterly at H1 and H2, yearly at H2", () => {
    expect(due(["H1", "H2"])).toEqual([["H1", "H2"], ["H2"], ["H1", "H2"]]);
  });
  it("a dataset ending early: the last period closes every window (Q1–Q3: half at Q2, Q3; year at Q3)", () => {
    expect(due(["Q1", "Q2", "Q3"])).toEqual([["Q2", "Q3"], ["Q3"], ["Q1", "Q2", "Q3"]]);
  });
  it("one annual period Y: everything is due in Y", () => {
    expect(due(["Y"])).toEqual([["Y"], ["Y"], ["Y"]]);
  });
  it("data for a period where the indicator is not due is ignored, with a warning", () => {
    const r = run(c, [{ id: "u", name: "U", data: { Q1: { "2": true }, Q4: { "2": false } } }], ["Q1", "Q2", "Q3", "Q4"]);
    expect(asPoints(r.units[0]).indicators["2"]!.score).toBe("0");
    expect(r.warnings.map((w) => [w.code, w.where.period, w.where.indicator])).toEqual([["notDue", "Q1", "2"]]);
  });
  it("period totals add the leaves due in each period: Q2 = 10 (half) + 10 (quarter), Q1 = 10", () => {
    const r = run(c, [{ id: "u", name: "U", data: { Q1: { "3": true }, Q2: { "1": true, "3": true } } }], ["Q1", "Q2", "Q3", "Q4"]);
    expect(asPoints(r.units[0]).periods).toEqual({ Q1: { total: "10" }, Q2: { total: "20" }, Q3: { total: "0" }, Q4: { total: "0" } });
  });
  it("periods: unknown label, wrong order, repeats and mixed quarters/halves are refused (badPeriods)", () => {
    for (const periods of [
      ["Q2", "Q1"],
      ["Q1", "Q1"],
      ["Q1", "H2"],
      ["Y", "Q4"],
    ]) {
      expect(issues(() => run(c, [{ id: "u", name: "U", data: {} }], periods)).map((i) => i.code)).toContain("badPeriods");
    }
    expect(() => run(c, [{ id: "u", name: "U", data: {} }], ["H1", "H2"])).not.toThrow();
  });
});

describe("unscored nodes (Nghĩa Phương group 9, Đô thị thông minh): kept and reported, adding nothing", () => {
  const c = points([
    { code: "1", name: "Nhóm", max: 10, children: [yes("1.1", 10), yes("1.2", 5, { unscored: true })] },
    { code: "9", name: "Đô thị thông minh", max: 5, unscored: true, children: [yes("9.1", 5)] },
  ]);
  it("an unscored leaf keeps its score but not in its group, the total or the period total", () => {
    const u = asPoints(run(c, [{ id: "u", name: "U", data: { Y: { "1.1": false, "1.2": true, "9.1": true } } }]).units[0]);
    expect(u.indicators["1.2"]!.score).toBe("5");
    expect(u.indicators["1.2"]!.unscored).toBe(true);
    expect(u.indicators["1"]!.score).toBe("0");
    // an unscored group adds up its own children (9.1 = 5) but not into the total
    expect(u.indicators["9"]!.score).toBe("5");
    expect(u.total).toBe("0");
    expect(u.periods["Y"]!.total).toBe("0");
    expect(u.max).toBe("10");
  });
});

describe("ranks (Điều 6: high to low; ties share a rank 1, 2, 2, 4)", () => {
  const c = points([yes("1", 10), yes("2", 20), ratioNode("3", 10)]);
  it("totals 30, 20, 20, 10 → ranks 1, 2, 2, 4; equal totals listed by id", () => {
    const r = run(c, [
      { id: "d", name: "D", data: { Y: { "1": true } } },
      { id: "c", name: "C", data: { Y: { "2": true } } },
      { id: "b", name: "B", data: { Y: { "1": true, "2": true } } },
      { id: "a", name: "A", data: { Y: { "2": true } } },
    ]);
    expect(pointsUnits(r).map((u) => [u.id, u.total, u.rank])).toEqual([
      ["b", "30", 1],
      ["a", "20", 2],
      ["c", "20", 2],
      ["d", "10", 4],
    ]);
  });
  it("ranked on the total as published (6 places): 1/3 × 10 and 3333333/10⁷ × 10 both show 3.333333 and share rank 1", () => {
    const r = run(c, [
      { id: "x", name: "X", data: { Y: { "3": { a: 1, b: 3 } } } },
      { id: "y", name: "Y", data: { Y: { "3": { a: 3333333, b: 10000000 } } } },
    ]);
    expect(pointsUnits(r).map((u) => [u.id, u.total, u.rank])).toEqual([
      ["x", "3.333333", 1],
      ["y", "3.333333", 1],
    ]);
  });
});

describe("pillar mean (Hải Dương districts: the mean of the pillar scores)", () => {
  it("(100 + 50)/2 = 75 with the third pillar unscored; max = 200/2 = 100", () => {
    const c = points(
      [
        { code: "1", name: "Chính quyền số", max: 100, children: [yes("1.1", 100)] },
        { code: "2", name: "Kinh tế số", max: 100, children: [yes("2.1", 50), yes("2.2", 50)] },
        { code: "3", name: "Xã hội số", max: 100, unscored: true, children: [yes("3.1", 100)] },
      ],
      { aggregate: "pillarMean" },
    );
    const u = asPoints(run(c, [{ id: "h", name: "H", data: { Y: { "1.1": true, "2.1": true, "3.1": true } } }]).units[0]);
    expect(u.total).toBe("75");
    expect(u.max).toBe("100");
  });
});

describe("detail levels of the result", () => {
  const c = points([yes("1", 10), yes("2", 10)]);
  const units = [{ id: "u", name: "U", data: { Y: { "1": true } } }];
  it("totals: totals, ranks and period totals only", () => {
    const u = asPoints(run(c, units, ["Y"], { detail: "totals" }).units[0]);
    expect(u.indicators).toEqual({});
    expect(u.total).toBe("10");
    expect(u.periods["Y"]!.total).toBe("10");
  });
  it("indicators: annual scores without the per-period records; full: with them", () => {
    const i = asPoints(run(c, units, ["Y"], { detail: "indicators" }).units[0]).indicators["1"]!;
    expect(i.score).toBe("10");
    expect(i.periods).toBeUndefined();
    expect(asPoints(run(c, units).units[0]).indicators["1"]!.periods!["Y"]!.score).toBe("10");
  });
  it("a leaf's annual rule and due periods are reported", () => {
    const i = asPoints(run(c, units).units[0]).indicators["1"]!;
    expect(i.annualRule).toBe("mean");
    expect(i.duePeriods).toEqual(["Y"]);
  });
});

describe("two assessments (Hải Dương: Điểm tự đánh giá and Điểm Hội đồng thẩm định)", () => {
  const c = points([
    {
      code: "1",
      name: "So sánh",
      max: 10,
      inputs: { a: { label: "a", type: "number" } },
      formula: { kind: "relative", value: "a", mode: "best" },
    },
    yes("2", 10),
  ]);
  it("final = appraisal over self; relative peers are measured separately in each assessment", () => {
    // self: x 4, y 2 → best 4: x 10, y 5. final: x appraised 2, y 2 → best 2: both 10.
    const r = run(c, [
      { id: "x", name: "X", data: { Y: { "1": 4, "2": true } }, appraisal: { Y: { "1": 2 } } },
      { id: "y", name: "Y", data: { Y: { "1": 2, "2": true } } },
    ]);
    const x = pointsUnit(r, "x");
    const y = pointsUnit(r, "y");
    expect(y.indicators["1"]!.self).toBe("5");
    expect(y.indicators["1"]!.score).toBe("10");
    expect(y.indicators["1"]!.difference).toBe("5");
    expect(y.assessment).toEqual({ self: "15", final: "20", difference: "5" });
    expect(x.indicators["1"]!.periods!["Y"]!.trace.source).toBe("appraisal");
    expect(x.indicators["2"]!.periods!["Y"]!.trace.source).toBe("self");
    expect(x.assessment).toEqual({ self: "20", final: "20", difference: "0" });
  });
  it("one assessment only: no self, difference or assessment fields", () => {
    const u = asPoints(run(c, [{ id: "x", name: "X", data: { Y: { "1": 4 } } }]).units[0]);
    expect(u.assessment).toBeUndefined();
    expect(u.indicators["1"]!.self).toBeUndefined();
  });
});

describe("dataset errors: every problem at once, each with its place", () => {
  const c = points(
    [
      ratioNode("1"),
      {
        code: "2",
        name: "Lựa chọn",
        max: 10,
        formula: { kind: "choice", options: { full: { label: "Đủ", share: 1 }, none: { label: "Không", points: 0 } } },
      },
      { code: "3", name: "Số", max: 10, inputs: { a: { label: "a", type: "share" } }, formula: { kind: "ratio", value: "a" } },
      {
        code: "4",
        name: "Từ hồ sơ",
        max: 10,
        inputs: { a: { label: "a" }, b: { label: "b", from: "profile.staff" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      },
      ratioNode("5"),
    ],
    { profile: { staff: { label: "Cán bộ", type: "count" } } },
  );
  it("a missing field, an unknown field, a field that comes from the profile, a scalar where two fields are asked", () => {
    const list = issues(() =>
      run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 1 }, "3": { a: 0.5, x: 1 }, "4": { a: 1, b: 2 }, "5": 3 } } }]),
    );
    // Issue 10: 4 has data and reads profile.staff, which the unit does not give (missingProfileField).
    expect(list.map((i) => i.code).sort()).toEqual(["expectedObject", "fromField", "missingField", "missingProfileField", "unknownField"]);
    expect(list.find((i) => i.code === "unknownField")!.where).toEqual({ unit: "u", period: "Y", indicator: "3", field: "x" });
    expect(list.find((i) => i.code === "missingField")!.where).toEqual({ unit: "u", period: "Y", indicator: "1", field: "b" });
    expect(list.find((i) => i.code === "expectedObject")!.where).toEqual({ unit: "u", period: "Y", indicator: "5" });
  });
  it("wrong kinds of value: count 2.5, an option not offered, a negative share", () => {
    const list = issues(() => run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 2.5, b: 3 }, "2": "half", "3": -1 } } }]));
    expect(list.map((i) => i.code).sort()).toEqual(["expectedCount", "expectedOption", "expectedShare"]);
  });
  it('accepted: 0 and -0 (0/0 → policy max), a number as text with a warning ("0,5" → 0.5 × 10 = 5)', () => {
    const r = run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 0, b: -0 }, "3": "0,5" } } }]);
    expect(asPoints(r.units[0]).indicators["1"]!.score).toBe("10");
    expect(asPoints(r.units[0]).indicators["3"]!.score).toBe("5");
    expect(asPoints(r.units[0]).indicators["3"]!.periods!["Y"]!.trace.inputs).toEqual({ a: "0.5" });
    expect(r.warnings.map((w) => [w.code, w.where.indicator])).toEqual([["numberAsText", "3"]]);
  });
  it("numerator over denominator in the appraisal is reported at the appraisal's path", () => {
    const list = issues(() =>
      run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 1, b: 2 } } }, appraisal: { Y: { "1": { a: 3, b: 2 } } } }]),
    );
    expect(list.map((i) => [i.code, i.path])).toEqual([["numeratorExceedsDenominator", ["units", 0, "appraisal", "Y", "1"]]]);
  });
  it("the numerator ≤ denominator check reads from-references too: a = 5 over profile staff 4 is an error", () => {
    const list = issues(() => run(c, [{ id: "u", name: "U", profile: { staff: 4 }, data: { Y: { "4": { a: 5 } } } }]));
    expect(list.map((i) => [i.code, i.where.indicator])).toEqual([["numeratorExceedsDenominator", "4"]]);
  });
  it("units: duplicate id, unknown parent, registered level outside 1–5, unknown profile field; dataset of another catalog", () => {
    const list = issues(() =>
      run(c, [
        { id: "u", name: "U", parent: "nobody", data: {} },
        { id: "u", name: "U again", registered: 6, profile: { nope: 1 }, data: {} },
      ]),
    );
    expect(list.map((i) => i.code).sort()).toEqual(["badRegistered", "duplicateUnit", "unknownParent", "unknownProfileField"]);
    expect(
      issues(() => score(c, { catalog: "other-2024/so", year: 2024, periods: ["Y"], units: [{ id: "u", name: "U", data: {} }] })).map(
        (i) => i.code,
      ),
    ).toEqual(["catalogMismatch"]);
    expect(issues(() => run(c, [{ id: "u", name: "U", catalog: "other-2024/xa", data: {} }])).map((i) => i.code)).toEqual([
      "wrongUnitCatalog",
    ]);
  });
  it("registered levels 1 and 5 are accepted", () => {
    expect(() =>
      run(c, [
        { id: "a", name: "A", registered: 1, data: {} },
        { id: "b", name: "B", registered: 5, data: {} },
      ]),
    ).not.toThrow();
  });
});

describe("level recognition (Kon Tum QĐ 121/2025): the unit's level is its lowest criterion's", () => {
  const lv = (n: number) => ({ text: `Tối thiểu ${n}`, min: n });
  const c = loadCatalog({
    id: "mutlv-2025/xa",
    title: "Levels",
    province: "Test",
    level: "xa",
    document: { number: "121/QĐ-MUT", date: "2025-01-01" },
    scoring: "levels",
    levels: [
      { level: 1, name: "Khởi động" },
      { level: 2, name: "Kết nối" },
      { level: 3, name: "Cơ bản" },
      { level: 4, name: "Nâng cao" },
      { level: 5, name: "Toàn diện" },
    ],
    indicators: [
      {
        code: "1",
        name: "Chính quyền số",
        children: [
          {
            code: "1.1",
            name: "A",
            inputs: { a: { label: "a" } },
            formula: { kind: "levels", value: "a", requirements: { 1: lv(1), 2: lv(2), 3: lv(3), 4: lv(4), 5: lv(5) } },
          },
          {
            code: "1.2",
            name: "B",
            inputs: { a: { label: "a" } },
            formula: { kind: "levels", value: "a", requirements: { 1: null, 2: lv(2), 3: lv(3), 4: lv(4), 5: lv(5) } },
          },
          {
            code: "1.3",
            name: "C (không tính)",
            unscored: true,
            inputs: { a: { label: "a" } },
            formula: { kind: "levels", value: "a", requirements: { 1: lv(1), 2: lv(2), 3: lv(3), 4: lv(4), 5: lv(5) } },
          },
        ],
      },
    ],
  } as CatalogInput);
  const unit = (id: string, a: number | undefined, b: number | string | undefined, extra: Record<string, unknown> = {}) => ({
    id,
    name: id,
    ...extra,
    data: { Y: { ...(a !== undefined ? { "1.1": a } : {}), ...(b !== undefined ? { "1.2": b } : {}), "1.3": 0 } },
  });
  it("levels 3 and 4 → unit level 3 (Cơ bản); the unscored criterion at 0 does not count", () => {
    const u = asLevels(run(c, [unit("x", 3, 4)]).units[0]);
    expect(u.level).toBe(3);
    expect(u.levelName).toBe("Cơ bản");
    expect(u.criteria["1.3"]!.levelMet).toBe(0);
    // the blockers of level 4: 1.1 needs 4, has 3 (1.3 is not counted)
    expect(u.blockers!.map((b) => [b.code, b.level, b.value, b.min, b.missing])).toEqual([["1.1", 4, "3", "4", false]]);
    expect(u.criteria["1.1"]!.blocking.map((b) => b.level)).toEqual([4]);
    expect(u.criteria["1.2"]!.blocking).toEqual([]);
  });
  it("registered level 4 not reached: recognised false, with the blockers of levels up to 4", () => {
    const u = asLevels(run(c, [unit("x", 2, 5, { registered: 4 })]).units[0]);
    expect(u.level).toBe(2);
    expect(u.recognised).toBe(false);
    expect(u.registeredBlockers!.map((b) => [b.code, b.level])).toEqual([
      ["1.1", 3],
      ["1.1", 4],
    ]);
  });
  it("registered level reached: recognised true and no registered blockers; none registered: neither field", () => {
    const u = asLevels(run(c, [unit("x", 3, 3, { registered: 3 })]).units[0]);
    expect(u.recognised).toBe(true);
    expect(u.registeredBlockers).toBeUndefined();
    const v = asLevels(run(c, [unit("x", 3, 3)]).units[0]);
    expect(v.recognised).toBeUndefined();
    expect(v.registered).toBeUndefined();
  });
  it("level 0 is named Chưa đạt; all five reached → Toàn diện with no blockers", () => {
    expect(asLevels(run(c, [unit("x", 0, 5)]).units[0]).levelName).toBe("Chưa đạt");
    const top = asLevels(run(c, [unit("x", 5, 5)]).units[0]);
    expect(top.levelName).toBe("Toàn diện");
    expect(top.blockers).toEqual([]);
    expect(top.criteria["1.1"]!.blocking).toEqual([]);
  });
  it("a criterion without data is missing: level = the level below its first requirement (1.2 starts at 2 → 1)", () => {
    const u = asLevels(run(c, [unit("x", undefined, undefined)]).units[0]);
    expect(u.criteria["1.1"]!.status).toBe("missing");
    expect(u.criteria["1.1"]!.levelMet).toBe(0);
    expect(u.criteria["1.2"]!.levelMet).toBe(1);
    expect(u.level).toBe(0);
    expect(u.blockers!.map((b) => [b.code, b.level, b.missing])).toEqual([["1.1", 1, true]]);
  });
  it("Không áp dụng for the unit (n/a) → the criterion counts as level 5", () => {
    const u = asLevels(run(c, [unit("x", 4, "n/a")]).units[0]);
    expect(u.criteria["1.2"]!.status).toBe("notApplicable");
    expect(u.criteria["1.2"]!.levelMet).toBe(5);
    expect(u.level).toBe(4);
  });
  it("units ranked by level, ties sharing a rank: levels 2, 4, 2, 1 → ranks 2, 1, 2, 4", () => {
    const r = run(c, [unit("a", 2, 5), unit("b", 4, 5), unit("c", 2, 5), unit("d", 1, 5)]);
    expect(Object.fromEntries(r.units.map((u) => [u.id, u.rank]))).toEqual({ a: 2, b: 1, c: 2, d: 4 });
    expect(r.units[0]!.id).toBe("b");
    expect(r.units.at(-1)!.id).toBe("d");
  });
  it("scoreIndicator on a level criterion gives its level and checks, no points", () => {
    const s = scoreIndicator(c, "1.1", 2);
    expect([s.score, s.max, s.status, s.levelMet]).toEqual(["0", "0", "scored", 2]);
    expect(s.checks!.map((k) => k.met)).toEqual([true, true, false, false, false]);
  });
  it("criteriaInOrder lists criteria in document order", () => {
    const u = asLevels(run(c, [unit("x", 1, 1)]).units[0]);
    expect(criteriaInOrder(u).map((k) => k.code)).toEqual(["1.1", "1.2", "1.3"]);
  });
});

describe("document order of codes (compareCodes)", () => {
  it('"2" < "6.3.2" < "6.3.10" < "10"; a prefix comes first; equal codes compare 0', () => {
    const codes = ["10", "6.3.10", "2", "6.3.2", "6.3", "6.10"];
    expect([...codes].sort(compareCodes)).toEqual(["2", "6.3", "6.3.2", "6.3.10", "6.10", "10"]);
    expect(compareCodes("6.3.2", "6.3.2")).toBe(0);
    expect(compareCodes("6.3", "6.3.1")).toBeLessThan(0);
    expect(compareCodes("6.3.1", "6.3")).toBeGreaterThan(0);
  });
  it("letters compare as text where numbers cannot (1a < 1b), and 01 after 1", () => {
    expect(compareCodes("1a", "1b")).toBeLessThan(0);
    expect(compareCodes("1b", "1a")).toBeGreaterThan(0);
    expect(compareCodes("01", "1")).toBeLessThan(0);
  });
  it("indicatorsInOrder: 1, 1.2, 1.10, 2, 10", () => {
    const c = points([{ code: "1", name: "G", children: [yes("1.2"), yes("1.10")] }, yes("2"), yes("10")]);
    expect(indicatorsInOrder(run(c, [{ id: "u", name: "U", data: {} }]).units[0]!).map((i) => i.code)).toEqual([
      "1",
      "1.2",
      "1.10",
      "2",
      "10",
    ]);
  });
});

describe("child units (Kon Tum: a district's common criterion depends on its communes' levels)", () => {
  const lv = (n: number) => ({ text: `mức ${n}`, min: n });
  const xa = loadCatalog({
    id: "mutroll-2025/xa",
    title: "xã",
    province: "T",
    level: "xa",
    document: { number: "r", date: "2025-01-01" },
    scoring: "levels",
    indicators: [
      {
        code: "1",
        name: "G",
        children: [
          {
            code: "1.1",
            name: "Điểm",
            inputs: { a: { label: "a" } },
            formula: { kind: "levels", value: "a", requirements: { 1: lv(1), 2: lv(2), 3: lv(3), 4: lv(4), 5: lv(5) } },
          },
        ],
      },
    ],
  } as CatalogInput);
  const huyen = loadCatalog({
    id: "mutroll-2025/huyen",
    title: "huyện",
    province: "T",
    level: "huyen",
    document: { number: "r", date: "2025-01-01" },
    scoring: "levels",
    childCatalog: "mutroll-2025/xa",
    indicators: [
      {
        code: "0",
        name: "Chỉ tiêu chung",
        children: [
          {
            code: "0.1",
            name: "Xã đạt mức",
            formula: {
              kind: "levels",
              requirements: {
                1: { text: "100% xã ≥ mức 1", children: [{ atLeastLevel: 1, share: "100%" }] },
                2: { text: "≥ 50% xã ≥ mức 2", children: [{ atLeastLevel: 2, share: "50%" }] },
                3: { text: "≥ 2 xã ≥ mức 3", children: [{ atLeastLevel: 3, count: 2 }] },
                4: { text: "mức trung bình ≥ 4", children: [{ meanLevel: 4 }] },
                5: null,
              },
            },
          },
        ],
      },
    ],
  } as CatalogInput);
  const run2 = (levels: number[]) =>
    score(
      huyen,
      {
        catalog: huyen.id,
        year: 2025,
        periods: ["Y"],
        units: [
          { id: "h", name: "H", data: {} },
          ...levels.map((a, i) => ({ id: `x${i}`, name: `x${i}`, catalog: xa.id, parent: "h", data: { Y: { "1.1": a } } })),
        ],
      } as never,
      { catalogs: { [xa.id]: xa } },
    );
  const district = (levels: number[]) => levelUnit(run2(levels), "h");
  it("communes 1, 2, 2, 3: all ≥ 1, 3/4 ≥ 2, only 1 at ≥ 3 (needs 2) → district level 2", () => {
    const h = district([1, 2, 2, 3]);
    expect(h.level).toBe(2);
    expect(h.blockers!.map((b) => [b.level, b.scale, b.value, b.min])).toEqual([[3, "childrenCount", "1", "2"]]);
  });
  it("communes 1, 1, 2: 1/3 at ≥ 2 is under 50% → level 1, shown as a share", () => {
    const b = district([1, 1, 2]).blockers![0]!;
    expect([b.level, b.scale, b.min]).toEqual([2, "children", "0.5"]);
    expect(Number(b.value)).toBeCloseTo(1 / 3, 10);
  });
  it("communes 3, 4, 5: mean 4 ≥ 4 → level 5; communes 3, 3, 5: mean 3.67 < 4 → level 3", () => {
    expect(district([3, 4, 5]).level).toBe(5);
    const h = district([3, 3, 5]);
    expect(h.level).toBe(3);
    expect(h.blockers![0]).toMatchObject({ level: 4, scale: "childrenMean", min: "4" });
  });
  it("exactly 50% at ≥ 2 is enough (≥): communes 1, 2 → all ≥ 1, 1/2 ≥ 2 → not 2 communes at ≥ 3 → level 2", () => {
    expect(district([1, 2]).level).toBe(2);
  });
  it("a district with no communes cannot meet a roll-up requirement: level 0, the check marked missing", () => {
    const h = asLevels(run2([]).units[0]);
    expect(h.level).toBe(0);
    expect(h.blockers![0]).toMatchObject({ level: 1, missing: true });
  });
  it("communes are listed after the district, each with its own level", () => {
    expect(levelUnits(run2([2, 4])).map((u) => [u.id, u.level])).toEqual([
      ["h", 2],
      ["x1", 4],
      ["x0", 2],
    ]);
  });
});

describe("year over year: inputs marked previous: improvement (Đồng Nai Sở 9.1)", () => {
  // 9.1 as in the catalog: a = (total now − total before)/total before, 9.1 excluded;
  // ≥ 10% → max; below: a/10% × max.
  const c = points([
    yes("1", 50),
    yes("2", 2.5),
    {
      code: "9",
      name: "Cải thiện",
      max: 50,
      cadence: "year",
      annualRule: "last",
      inputs: { a: { label: "Tỷ lệ điểm được cải thiện", type: "number", previous: "improvement" } },
      formula: { kind: "threshold", value: "a", threshold: "10%", below: "proportional" },
    },
  ]);
  const ds = (year: number, units: unknown[]) => ({ catalog: c.id, year, periods: ["Y"], units }) as never;
  // Scored inside each test (not while collecting) so that Stryker sees which tests reach the code.
  const yearOverYear = () => {
    const previous = score(
      c,
      ds(2023, [
        { id: "x", name: "X", data: { Y: { "1": true } } },
        { id: "y", name: "Y", data: { Y: { "1": true, "2": true } } },
        { id: "z", name: "Z", data: { Y: {} } },
        { id: "r", name: "R", data: { Y: { "1": true, "9": 0.2 } } },
      ]),
    );
    const now = score(
      c,
      ds(2024, [
        { id: "x", name: "X", data: { Y: { "1": true, "2": true } } },
        { id: "y", name: "Y", data: { Y: { "1": true } } },
        { id: "z", name: "Z", data: { Y: { "1": true } } },
        { id: "r", name: "R", data: { Y: { "1": true, "9": 0.02 } } },
        { id: "n", name: "N", data: { Y: { "1": true } } },
      ]),
      { previous },
    );
    return { now, unit: (id: string) => pointsUnit(now, id) };
  };
  it("detail totals gives the totals of full detail: x 77.5 (the derived 9's own score is left out of 'now' either way)", () => {
    const previous = score(c, ds(2023, [{ id: "x", name: "X", data: { Y: { "1": true } } }]));
    const data = ds(2024, [{ id: "x", name: "X", data: { Y: { "1": true, "2": true } } }]);
    const full = score(c, data, { previous });
    const totals = score(c, data, { previous, detail: "totals" });
    expect(pointsUnit(full, "x").total).toBe("77.5");
    expect(pointsUnit(totals, "x").total).toBe("77.5");
    expect(pointsUnit(totals, "x").indicators).toEqual({});
  });
  it("x: before 50, now 52.5 → a = 2.5/50 = 0.05 → 0.05/0.1 × 50 = 25; total 77.5", () => {
    const { now, unit } = yearOverYear();
    expect(unit("x").indicators["9"]!.periods!["Y"]!.trace.inputs["a"]).toBe("0.05");
    expect(unit("x").indicators["9"]!.score).toBe("25");
    expect(unit("x").total).toBe("77.5");
    const note = now.warnings.find((w) => w.code === "derivedFromPrevious" && w.where.unit === "x")!;
    expect(note.where).toMatchObject({ period: "Y", indicator: "9", field: "a" });
  });
  it("y declined (52.5 → 50): no improvement → a = 0 → 0 (not negative)", () => {
    const { unit } = yearOverYear();
    expect(unit("y").indicators["9"]!.periods!["Y"]!.trace.inputs["a"]).toBe("0");
    expect(unit("y").indicators["9"]!.score).toBe("0");
  });
  it("z had 0 before: improvement cannot be divided by 0 → a = 0", () => {
    const { unit } = yearOverYear();
    expect(unit("z").indicators["9"]!.periods!["Y"]!.trace.inputs["a"]).toBe("0");
  });
  it("r reported a itself (0.02 → 0.02/0.1 × 50 = 10): kept, nothing derived", () => {
    const { now, unit } = yearOverYear();
    expect(unit("r").indicators["9"]!.score).toBe("10");
    expect(now.warnings.some((w) => w.where.unit === "r")).toBe(false);
  });
  it("n is new (not in the previous year): 9 stays missing → 0, nothing derived", () => {
    const { now, unit } = yearOverYear();
    expect(unit("n").indicators["9"]!.periods!["Y"]!.status).toBe("missing");
    expect(
      now.warnings
        .filter((w) => w.code === "derivedFromPrevious")
        .map((w) => w.where.unit)
        .sort(),
    ).toEqual(["x", "y", "z"]);
  });
});

describe("what the result shows", () => {
  it("JSON output carries each period's trace (built on demand)", () => {
    const c = points([yes("1")]);
    const json = JSON.parse(JSON.stringify(run(c, [{ id: "u", name: "U", data: { Y: { "1": true } } }])));
    expect(json.units[0].indicators["1"].periods.Y).toMatchObject({
      score: "10",
      status: "scored",
      trace: { citation: "mut-2024/so 1 (9/QĐ-MUT)", inputs: { value: "true" }, branch: "yes" },
    });
  });
  it("a refused value is quoted as received: null, text, an object, a number", () => {
    const c = points([yes("1"), yes("2"), yes("3"), yes("4")]);
    const list = issues(() => run(c, [{ id: "u", name: "U", data: { Y: { "1": null, "2": "có", "3": { value: [] }, "4": 5 } } }]));
    expect(list.map((i) => [i.code, i.where.indicator, (i as unknown as { received: string }).received])).toEqual([
      ["expectedBoolean", "1", "null"],
      ["expectedBoolean", "2", '"có"'],
      ["expectedBoolean", "3", "an object"],
      ["expectedBoolean", "4", "5"],
    ]);
  });
  it("a numerator over its denominator in self data not overridden by the appraisal is reported once", () => {
    const c = points([ratioNode("1"), yes("2")]);
    const list = issues(() => run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 3, b: 2 } } }, appraisal: { Y: { "2": true } } }]));
    expect(list.map((i) => [i.code, i.path])).toEqual([["numeratorExceedsDenominator", ["units", 0, "data", "Y", "1"]]]);
  });
  it("registered 0 is refused like 6 (levels are 1–5)", () => {
    expect(issues(() => run(points([yes("1")]), [{ id: "u", name: "U", registered: 0, data: {} }])).map((i) => i.code)).toEqual([
      "badRegistered",
    ]);
  });
  it("unknown indicator, a group given data, an unknown period", () => {
    const c = points([{ code: "1", name: "G", children: [yes("1.1")] }]);
    const list = issues(() => run(c, [{ id: "u", name: "U", data: { Y: { "9": true, "1": true }, Q1: {} } }]));
    expect(list.map((i) => i.code).sort()).toEqual(["notALeaf", "unknownIndicator", "unknownPeriod"]);
  });
});
