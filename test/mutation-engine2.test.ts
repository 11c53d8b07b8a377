// Engine rules on small inline catalogs, written to kill the src/engine mutants that survived
// test/mutation-engine.test.ts and test/mutation-normalize.test.ts (issue 9; bench/MUTATION.md):
// the previous-year improvement path and its re-scoring, child catalogs, the structure-only
// refusal, peers per period and code, annual leaves in earlier periods, level results (names,
// registered, recognised), document order, unknown units. Public API only; everything is
// scored inside it() so that Stryker can tell which test reaches which mutant.
import { describe, expect, it } from "vitest";
import {
  CatalogError,
  DatasetError,
  FormulaError,
  criteriaInOrder,
  explain,
  indicatorsInOrder,
  loadCatalog,
  score,
  scoreIndicator,
  type CatalogInput,
  type CompiledCatalog,
  type ScoreOptions,
  type ScoreResult,
} from "../src/index.js";
import { levelUnit, pointsUnit } from "./_units.js";

type Node = CatalogInput["indicators"][number];
const doc = { number: "9/QĐ-MUT2", date: "2024-01-01" };
const ID = "mut2-2024/so";

function points(indicators: Node[], extra: Partial<CatalogInput> = {}): CompiledCatalog {
  return loadCatalog({ id: ID, title: "Engine tests", province: "Test", level: "so", document: doc, ...extra, indicators });
}
function run(c: CompiledCatalog, units: unknown[], periods = ["Y"], options?: ScoreOptions, year = 2024): ScoreResult {
  return score(c, { catalog: c.id, year, periods, units } as never, options);
}
/** The error thrown by `f`, checked to be of `kind`. */
function thrown<E>(f: () => unknown, kind: new (...args: never[]) => E): E {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(kind);
    return e as E;
  }
  throw new Error(`expected a ${kind.name}`);
}
const yes = (code: string, max = 10, more: Partial<Node> = {}): Node =>
  ({ code, name: `Có/không ${code}`, max, formula: { kind: "yesNo" }, ...more }) as Node;
const relativeNode = (code: string, more: Partial<Node> = {}): Node =>
  ({
    code,
    name: `So sánh ${code}`,
    max: 10,
    inputs: { a: { label: "a", type: "number" } },
    formula: { kind: "relative", value: "a", mode: "best" },
    ...more,
  }) as Node;
/** Đồng Nai Sở 9.1 as in the catalog: a = improvement of the unit's total, 9 excluded; ≥ 10% → max, below a/10% × max. */
const improvement = (more: Partial<Node> = {}): Node =>
  ({
    code: "9",
    name: "Cải thiện",
    max: 50,
    cadence: "year",
    annualRule: "last",
    inputs: { a: { label: "Tỷ lệ điểm được cải thiện", type: "number", previous: "improvement" } },
    formula: { kind: "threshold", value: "a", threshold: "10%", below: "proportional" },
    ...more,
  }) as Node;
const lv = (n: number) => ({ text: `Tối thiểu ${n}`, min: n });
const levelsNode = (code: string, more: Partial<Node> = {}): Node =>
  ({
    code,
    name: `Tiêu chí ${code}`,
    inputs: { a: { label: "a" } },
    formula: { kind: "levels", value: "a", requirements: { 1: lv(1), 2: lv(2), 3: lv(3), 4: lv(4), 5: lv(5) } },
    ...more,
  }) as Node;
function levels(id: string, indicators: Node[], extra: Partial<CatalogInput> = {}): CompiledCatalog {
  return loadCatalog({
    id,
    title: "Levels",
    province: "Test",
    level: "xa",
    document: { number: "121/QĐ-MUT2", date: "2025-01-01" },
    scoring: "levels",
    ...extra,
    indicators,
  } as CatalogInput);
}
const derived = (r: ScoreResult) => r.warnings.filter((w) => w.code === "derivedFromPrevious");

describe("year over year (Đồng Nai Sở 9.1): which total is compared, for which units", () => {
  // Halves: 9 is evaluated per half (mean of H1, H2), so a unit may have a score on it from H1
  // while H2 is derived; 1 and 2 are annual (due at H2).
  const c = points([
    yes("1", 50, { cadence: "year" }),
    yes("2", 10, { cadence: "year" }),
    improvement({ cadence: "half", annualRule: "mean" }),
  ]);
  const halves = ["H1", "H2"];
  const yearOverYear = () => {
    const previous = run(
      c,
      [
        // x: 50 + 9 in H2 a = 0.05 → 0.05/0.1 × 50 = 25, H1 missing 0 → mean 12.5; total 62.5.
        { id: "x", name: "X", data: { H2: { "1": true, "9": 0.05 } } },
        { id: "w", name: "W", data: { H2: { "1": true } } },
      ],
      halves,
      undefined,
      2023,
    );
    const now = run(
      c,
      [
        // x: 9 in H1 a = 0.1 → 50; H2 not reported: derived.
        { id: "x", name: "X", data: { H1: { "9": 0.1 }, H2: { "1": true, "2": true } } },
        // w reports nothing this year (no entry for H2 at all).
        { id: "w", name: "W", data: {} },
      ],
      halves,
      { previous },
    );
    return now;
  };
  it("x: now = 50 + 10 + 25 (9: mean of 50 and 0) − 25 = 60; then = 62.5 − 12.5 = 50 → a = 10/50 = 0.2 in H2", () => {
    const now = yearOverYear();
    const x = pointsUnit(now, "x");
    expect(x.indicators["9"]!.periods!["H2"]!.trace.inputs["a"]).toBe("0.2");
    // 0.2 ≥ 10% → 50 in H2; the year: mean(50, 50) = 50; total 50 + 10 + 50 = 110.
    expect(x.indicators["9"]!.score).toBe("50");
    expect(x.total).toBe("110");
  });
  it("the note: kind dataset, its place, and the computation in its detail", () => {
    const note = derived(yearOverYear()).find((w) => w.where.unit === "x")!;
    expect(note).toEqual({
      kind: "dataset",
      code: "derivedFromPrevious",
      path: [],
      where: { unit: "x", period: "H2", indicator: "9", field: "a" },
      detail: "a = (60 − 50) / 50 = 0.2 (improvement over 2023, 9 excluded)",
      message: "unit x, period H2, indicator 9, field a: a = (60 − 50) / 50 = 0.2 (improvement over 2023, 9 excluded)",
    });
  });
  it("w reported nothing this year: now 0, then 50 → a = 0 (a decline is no improvement)", () => {
    const now = yearOverYear();
    expect(pointsUnit(now, "w").indicators["9"]!.periods!["H2"]!.trace.inputs["a"]).toBe("0");
    expect(derived(now).find((w) => w.where.unit === "w")!.detail).toBe("a = (0 − 50) / 50 = 0 (improvement over 2023, 9 excluded)");
  });
});

describe("year over year: the previous result must be a points result of the same catalog", () => {
  const c = points([yes("1", 50), yes("2", 2.5), improvement()]);
  const prevData = [{ id: "x", name: "X", data: { Y: { "1": true } } }];
  const nowData = [{ id: "x", name: "X", data: { Y: { "1": true, "2": true } } }];
  it("a previous result of another catalog (same codes, same unit ids) gives nothing: 9 stays missing", () => {
    const other = points([yes("1", 50), yes("2", 2.5), improvement()], { id: "mut2-2024/other" });
    const previous = run(other, prevData, ["Y"], undefined, 2023);
    const now = run(c, nowData, ["Y"], { previous });
    expect(pointsUnit(now, "x").indicators["9"]!.periods!["Y"]!.status).toBe("missing");
    expect(pointsUnit(now, "x").total).toBe("52.5");
    expect(derived(now)).toEqual([]);
  });
  it("a level result under the same catalog id has no total: nothing derived", () => {
    const sameId = levels(ID, [levelsNode("1")]);
    const previous = score(sameId, { catalog: ID, year: 2023, periods: ["Y"], units: [{ id: "x", name: "X", data: { Y: { "1": 3 } } }] });
    const now = run(c, nowData, ["Y"], { previous });
    expect(pointsUnit(now, "x").total).toBe("52.5");
    expect(derived(now)).toEqual([]);
  });
  it("the previous catalog had no 9 (an older version under the same id): then = its whole total 50 → a = 2.5/50 = 0.05 → 25", () => {
    const older = points([yes("1", 50), yes("2", 2.5)]);
    const previous = run(older, prevData, ["Y"], undefined, 2023);
    const x = pointsUnit(run(c, nowData, ["Y"], { previous }), "x");
    expect(x.indicators["9"]!.periods!["Y"]!.trace.inputs["a"]).toBe("0.05");
    expect(x.total).toBe("77.5");
  });
  it("a previous result scored with detail totals (no indicators): then = its total 50 (9 scored 0 there) → the same 0.05", () => {
    const previous = run(c, prevData, ["Y"], { detail: "totals" }, 2023);
    const x = pointsUnit(run(c, nowData, ["Y"], { previous }), "x");
    expect(x.indicators["9"]!.periods!["Y"]!.trace.inputs["a"]).toBe("0.05");
  });
  it("scored with detail totals and a previous result: x derived (52.5 vs 50 → 0.05 → 25), total 77.5", () => {
    const previous = run(c, prevData, ["Y"], undefined, 2023);
    const now = run(c, nowData, ["Y"], { previous, detail: "totals" });
    expect(pointsUnit(now, "x").total).toBe("77.5");
    expect(derived(now).map((w) => w.where.unit)).toEqual(["x"]);
  });
  it("nothing to derive (every unit reports 9): the result keeps detail totals (no indicators)", () => {
    const previous = run(c, prevData, ["Y"], undefined, 2023);
    const now = run(c, [{ id: "x", name: "X", data: { Y: { "1": true, "9": 0.02 } } }], ["Y"], { previous, detail: "totals" });
    expect(pointsUnit(now, "x").indicators).toEqual({});
    // 50 + 0.02/0.1 × 50 = 60
    expect(pointsUnit(now, "x").total).toBe("60");
  });
  it("a level catalog with a previous result is scored as usual (no improvement inputs there)", () => {
    const lc = levels("mut2-2025/xa", [levelsNode("1")]);
    const ds = (year: number) => ({ catalog: lc.id, year, periods: ["Y"], units: [{ id: "x", name: "X", data: { Y: { "1": 2 } } }] });
    const previous = score(lc, ds(2024));
    expect(levelUnit(score(lc, ds(2025), { previous }), "x").level).toBe(2);
  });
});

describe("year over year in a mixed dataset (a district and its communes, catalogs given in options)", () => {
  const xa = loadCatalog({ id: "mut2-2024/xa", title: "Xã", province: "Test", level: "xa", document: doc, indicators: [yes("X1", 4)] });
  const huyen = points([yes("1", 50), yes("2", 2.5), improvement()], {
    id: "mut2-2024/huyen",
    level: "huyen",
    childCatalog: "mut2-2024/xa",
  } as Partial<CatalogInput>);
  const opts: ScoreOptions = { catalogs: { "mut2-2024/xa": xa } };
  const ds = (year: number, units: unknown[]) => ({ catalog: huyen.id, year, periods: ["Y"], units }) as never;
  it("h derived (50 → 52.5: 0.05 → 25, total 77.5) with the child catalog kept for the second scoring; commune x (a district last year) is not", () => {
    const previous = score(
      huyen,
      ds(2023, [
        { id: "h", name: "H", data: { Y: { "1": true } } },
        { id: "x", name: "X", data: { Y: { "1": true } } },
      ]),
      opts,
    );
    const now = score(
      huyen,
      ds(2024, [
        { id: "h", name: "H", data: { Y: { "1": true, "2": true } } },
        { id: "x", name: "X", catalog: xa.id, parent: "h", data: { Y: { X1: true } } },
      ]),
      { ...opts, previous },
    );
    expect(pointsUnit(now, "h").total).toBe("77.5");
    expect(pointsUnit(now, "x").total).toBe("4");
    expect(pointsUnit(now, "x").parent).toBe("h");
    expect(derived(now).map((w) => w.where.unit)).toEqual(["h"]);
  });
});

describe("score(): what reaches the result", () => {
  it("a structure-only catalog is refused with one catalog issue naming it", () => {
    const c = loadCatalog({
      id: "mut2-2024/structure",
      title: "Cấu trúc",
      province: "Test",
      level: "so",
      document: doc,
      scoring: "structure",
      indicators: [{ code: "1", name: "Chỉ tiêu" }],
    } as CatalogInput);
    const e = thrown(() => run(c, []), CatalogError);
    expect(e.issues).toEqual([
      {
        kind: "catalog",
        code: "structureOnly",
        path: [],
        where: { catalog: "mut2-2024/structure" },
        message:
          "catalog mut2-2024/structure: this catalog is structure-only: the source document publishes no formulas or points, so it cannot be scored",
      },
    ]);
  });
  it("a points unit keeps its parent link; a unit without one has no parent key", () => {
    const c = points([yes("1")]);
    const r = run(c, [
      { id: "a", name: "A", parent: "b", data: {} },
      { id: "b", name: "B", data: {} },
    ]);
    expect(pointsUnit(r, "a").parent).toBe("b");
    expect(Object.hasOwn(pointsUnit(r, "b"), "parent")).toBe(false);
  });
});

describe("peers: per period and per code", () => {
  it("two compared indicators keep their own best: 1: best 10, 2: best 4 → v scores 5/10 × 10 = 5 and 4/4 × 10 = 10", () => {
    const c = points([relativeNode("1"), relativeNode("2")]);
    const r = run(c, [
      { id: "u", name: "U", data: { Y: { "1": 10, "2": 1 } } },
      { id: "v", name: "V", data: { Y: { "1": 5, "2": 4 } } },
    ]);
    expect(pointsUnit(r, "v").indicators["1"]!.score).toBe("5");
    expect(pointsUnit(r, "v").indicators["2"]!.score).toBe("10");
    // u: 10/10 × 10 = 10 and 1/4 × 10 = 2.5
    expect(pointsUnit(r, "u").indicators["2"]!.score).toBe("2.5");
  });
  it("two periods keep their own best: Q1 best 8, Q2 best 2 → v: 4/8 × 10 = 5 in Q1, 2/2 × 10 = 10 in Q2", () => {
    const c = points([relativeNode("1", { cadence: "quarter" })]);
    const r = run(
      c,
      [
        { id: "u", name: "U", data: { Q1: { "1": 8 }, Q2: { "1": 1 } } },
        { id: "v", name: "V", data: { Q1: { "1": 4 }, Q2: { "1": 2 } } },
      ],
      ["Q1", "Q2"],
    );
    const v = pointsUnit(r, "v").indicators["1"]!.periods!;
    expect([v["Q1"]!.score, v["Q2"]!.score]).toEqual(["5", "10"]);
  });
  it("an annual compared indicator in a dataset of Q1 only is due (last period) and measured: v = 5/10 × 10 = 5", () => {
    const c = points([relativeNode("1", { cadence: "year" })]);
    const r = run(
      c,
      [
        { id: "u", name: "U", data: { Q1: { "1": 10 } } },
        { id: "v", name: "V", data: { Q1: { "1": 5 } } },
      ],
      ["Q1"],
    );
    expect(pointsUnit(r, "v").indicators["1"]!.score).toBe("5");
    expect(pointsUnit(r, "v").indicators["1"]!.periods!["Q1"]!.trace.facts["best"]).toBe("10");
  });
  it("an annual compared indicator over Q1, Q2: measured in Q2 (the last) only: v = 3/6 × 10 = 5", () => {
    const c = points([relativeNode("1", { cadence: "year" })]);
    const r = run(
      c,
      [
        { id: "u", name: "U", data: { Q2: { "1": 6 } } },
        { id: "v", name: "V", data: { Q2: { "1": 3 } } },
      ],
      ["Q1", "Q2"],
    );
    expect(pointsUnit(r, "v").indicators["1"]!.score).toBe("5");
  });
});

describe("an annual indicator is not evaluated in earlier periods", () => {
  it("a zero denominator in Q1 data of an annual ratio (policy error) is not an error: only Q2 is evaluated (1/2 × 10 = 5)", () => {
    const c = points([
      {
        code: "1",
        name: "Tỷ lệ năm",
        max: 10,
        cadence: "year",
        zeroDenominator: "error",
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      } as Node,
    ]);
    const r = run(c, [{ id: "u", name: "U", data: { Q1: { "1": { a: 0, b: 0 } }, Q2: { "1": { a: 1, b: 2 } } } }], ["Q1", "Q2"]);
    expect(pointsUnit(r, "u").indicators["1"]!.score).toBe("5");
    expect(Object.keys(pointsUnit(r, "u").indicators["1"]!.periods!)).toEqual(["Q2"]);
  });
  it("the zero-denominator error under policy error: a dataset issue naming unit, period and indicator", () => {
    const c = points([
      {
        code: "1",
        name: "Tỷ lệ",
        max: 10,
        zeroDenominator: "error",
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      } as Node,
    ]);
    const e = thrown(() => run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 0, b: 0 } } } }]), FormulaError);
    expect(e.issues).toHaveLength(1);
    const issue = e.issues[0]!;
    expect(issue).toMatchObject({ kind: "dataset", code: "zeroDenominator", path: [], where: { unit: "u", period: "Y", indicator: "1" } });
    // The message names the denominator (the inputs below the line), so that the user knows what to fill.
    expect(issue.detail).toBe("b");
    expect(issue.message).toBe('unit u, period Y, indicator 1: denominator b is 0 and the catalog\'s policy for this indicator is "error"');
  });
});

describe("level results: names, registered, recognised, parent, appraisal", () => {
  const named = levels("mut2-2025/xa", [levelsNode("1")], {
    levels: [
      { level: 1, name: "Khởi động" },
      { level: 2, name: "Kết nối" },
      { level: 3, name: "Cơ bản" },
      { level: 4, name: "Nâng cao" },
      { level: 5, name: "Toàn diện" },
    ],
  } as Partial<CatalogInput>);
  const unnamed = levels("mut2-2025/xa", [levelsNode("1")]);
  const runL = (c: CompiledCatalog, units: unknown[]) => score(c, { catalog: c.id, year: 2025, periods: ["Y"], units } as never);
  it("no level names in the catalog: level 3 is named 3, level 0 Chưa đạt; with names: Cơ bản", () => {
    const r = runL(unnamed, [
      { id: "a", name: "A", data: { Y: { "1": 3 } } },
      { id: "b", name: "B", data: { Y: { "1": 0 } } },
    ]);
    expect(levelUnit(r, "a").levelName).toBe("3");
    expect(levelUnit(r, "b").levelName).toBe("Chưa đạt");
    expect(levelUnit(runL(named, [{ id: "a", name: "A", data: { Y: { "1": 3 } } }]), "a").levelName).toBe("Cơ bản");
  });
  it("registered 4, reached 3: registered kept, recognised false; unregistered: neither key", () => {
    const r = runL(named, [
      { id: "a", name: "A", registered: 4, data: { Y: { "1": 3 } } },
      { id: "b", name: "B", data: { Y: { "1": 3 } } },
    ]);
    expect(levelUnit(r, "a").registered).toBe(4);
    expect(levelUnit(r, "a").recognised).toBe(false);
    expect(Object.hasOwn(levelUnit(r, "b"), "registered")).toBe(false);
    expect(Object.hasOwn(levelUnit(r, "b"), "recognised")).toBe(false);
    expect(Object.hasOwn(levelUnit(r, "b"), "parent")).toBe(false);
  });
  it("a level unit keeps its parent link", () => {
    const r = runL(named, [
      { id: "a", name: "A", parent: "b", data: {} },
      { id: "b", name: "B", data: {} },
    ]);
    expect(levelUnit(r, "a").parent).toBe("b");
  });
  it("a criterion not applicable (n/a) meets level 5 with no checks", () => {
    const k = levelUnit(runL(named, [{ id: "a", name: "A", data: { Y: { "1": "n/a" } } }]), "a").criteria["1"]!;
    expect([k.levelMet, k.status]).toEqual([5, "notApplicable"]);
    expect(k.checks).toEqual([]);
  });
  it("the appraisal decides (final assessment): self 1, appraisal 4 → level 4", () => {
    const r = runL(named, [{ id: "a", name: "A", data: { Y: { "1": 1 } }, appraisal: { Y: { "1": 4 } } }]);
    expect(levelUnit(r, "a").level).toBe(4);
  });
  it("a criterion whose only input comes from the profile is missing when the unit does not report it", () => {
    const c = levels("mut2-2025/xa", [levelsNode("1", { inputs: { a: { label: "a", from: "profile.a" } } })], {
      profile: { a: { label: "a" } },
    } as Partial<CatalogInput>);
    const k = levelUnit(runL(c, [{ id: "a", name: "A", profile: { a: 3 }, data: {} }]), "a").criteria["1"]!;
    expect([k.status, k.levelMet]).toEqual(["missing", 0]);
    // reported (an empty entry): 3 from the profile → level 3
    const r = levelUnit(runL(c, [{ id: "a", name: "A", profile: { a: 3 }, data: { Y: { "1": {} } } }]), "a");
    expect(r.criteria["1"]!.status).toBe("scored");
    expect(r.level).toBe(3);
  });
  it("a criterion reported but with an input taken from an indicator not reported is missing", () => {
    const c = levels("mut2-2025/xa", [
      levelsNode("1", {
        inputs: { a: { label: "a" }, b: { label: "b", from: "2.b" } },
        formula: {
          kind: "levels",
          value: { numerator: ["a"], denominator: ["b"] },
          requirements: { 1: { text: "≥ 20%", min: "20%" }, 2: null, 3: null, 4: null, 5: null },
        },
      } as Partial<Node>),
      levelsNode("2", {
        inputs: { b: { label: "b" } },
        formula: { kind: "levels", value: "b", requirements: { 1: lv(1), 2: null, 3: null, 4: null, 5: null } },
      } as Partial<Node>),
    ]);
    const k = levelUnit(runL(c, [{ id: "a", name: "A", data: { Y: { "1": { a: 1 } } } }]), "a").criteria["1"]!;
    expect(k.status).toBe("missing");
  });
  it("criteriaInOrder sorts by document order: 1.5 before 2 (object keys would put 2 first)", () => {
    const c = levels("mut2-2025/xa", [{ code: "1", name: "Nhóm", children: [levelsNode("1.5")] } as Node, levelsNode("2")]);
    const u = levelUnit(runL(c, [{ id: "a", name: "A", data: {} }]), "a");
    expect(Object.keys(u.criteria)).toEqual(["2", "1.5"]);
    expect(criteriaInOrder(u).map((k) => k.code)).toEqual(["1.5", "2"]);
    expect(indicatorsInOrder(u)).toEqual([]);
  });
  it("criteriaInOrder of a points unit is empty", () => {
    const r = run(points([yes("1")]), [{ id: "u", name: "U", data: {} }]);
    expect(criteriaInOrder(r.units[0]!)).toEqual([]);
  });
});

describe("child level catalogs (Kon Tum): the communes' appraisal decides their level", () => {
  const xa = levels("mut2-2025/xa", [levelsNode("1")]);
  const huyen = levels("mut2-2025/huyen", [levelsNode("1")], { level: "huyen", childCatalog: "mut2-2025/xa" } as Partial<CatalogInput>);
  it("commune x: self 1, appraisal 5 → level 5", () => {
    const r = score(
      huyen,
      {
        catalog: huyen.id,
        year: 2025,
        periods: ["Y"],
        units: [
          { id: "h", name: "H", data: { Y: { "1": 2 } } },
          { id: "x", name: "X", catalog: xa.id, parent: "h", data: { Y: { "1": 1 } }, appraisal: { Y: { "1": 5 } } },
        ],
      } as never,
      { catalogs: { [xa.id]: xa } },
    );
    expect(levelUnit(r, "x").level).toBe(5);
    expect(levelUnit(r, "h").level).toBe(2);
  });
});

describe("unknown units (explain, gaps)", () => {
  it("explain on a unit not in the result: DatasetError unknownUnit naming the units there", () => {
    const r = run(points([yes("1")]), [
      { id: "a", name: "A", data: {} },
      { id: "b", name: "B", data: {} },
    ]);
    const e = thrown(() => explain(r, "zz"), DatasetError);
    expect(e.issues).toEqual([
      {
        kind: "dataset",
        code: "unknownUnit",
        path: [],
        where: { unit: "zz" },
        received: "zz",
        expected: "a, b",
        message: "unit zz: zz: no such unit (units: a, b)",
      },
    ]);
  });
});

describe("scoreIndicator", () => {
  it("status scored and the trace of the one period", () => {
    const s = scoreIndicator(points([yes("1")]), "1", true);
    expect([s.score, s.max, s.status]).toEqual(["10", "10", "scored"]);
    expect(s.trace!.branch).toBe("yes");
  });
  it("profile values reach a from: profile input: 3 of 4 staff → 3/4 × 10 = 7.5", () => {
    const c = points(
      [
        {
          code: "1",
          name: "Tỷ lệ",
          max: 10,
          inputs: { a: { label: "a" }, b: { label: "b", from: "profile.staff" } },
          formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        } as Node,
      ],
      { profile: { staff: { label: "Biên chế" } } } as Partial<CatalogInput>,
    );
    const s = scoreIndicator(c, "1", { a: 3 }, { profile: { staff: 4 } });
    expect([s.score, s.status]).toEqual(["7.5", "scored"]);
  });
});

describe("dataset values", () => {
  const choice: Node = {
    code: "1",
    name: "Lựa chọn",
    max: 10,
    formula: {
      kind: "choice",
      options: {
        a: { label: "A", share: 1 },
        b: { label: "B", share: 0.5 },
      },
    },
  } as Node;
  it("a choice outside its options is refused, naming them: expectedOption, expected a | b", () => {
    const c = points([choice]);
    const e = thrown(() => run(c, [{ id: "u", name: "U", data: { Y: { "1": "c" } } }]), DatasetError);
    expect(e.issues.map((i) => [i.code, i.expected, i.received])).toEqual([["expectedOption", "a | b", '"c"']]);
    expect(pointsUnit(run(c, [{ id: "u", name: "U", data: { Y: { "1": "b" } } }]), "u").total).toBe("5");
  });
  it("an input taken from an indicator not reported, or not applicable, is missing", () => {
    const c = points([
      yes("1"),
      {
        code: "2",
        name: "Tỷ lệ",
        max: 10,
        inputs: { a: { label: "a" }, b: { label: "b", from: "3.b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      } as Node,
      {
        code: "3",
        name: "Tổng",
        max: 10,
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      } as Node,
    ]);
    for (const three of [undefined, "n/a"]) {
      const data = { "2": { a: 1 }, ...(three ? { "3": three } : {}) };
      const p = pointsUnit(run(c, [{ id: "u", name: "U", data: { Y: data } }]), "u").indicators["2"]!.periods!["Y"]!;
      expect([p.status, p.trace.missing]).toEqual(["missing", ["3.b"]]);
    }
  });
  it("inherited properties of an indicator's object are not read as fields", () => {
    const c = points([
      {
        code: "1",
        name: "Tỷ lệ",
        max: 10,
        inputs: { a: { label: "a" }, b: { label: "b" } },
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
      } as Node,
    ]);
    const entry = Object.assign(Object.create({ c: 1 }) as object, { a: 1, b: 4 });
    expect(pointsUnit(run(c, [{ id: "u", name: "U", data: { Y: { "1": entry } } }]), "u").total).toBe("2.5");
  });
  it("a profile value refused for its type is reported once (not also as missing)", () => {
    const c = points(
      [
        {
          code: "1",
          name: "Tỷ lệ",
          max: 10,
          inputs: { a: { label: "a" }, b: { label: "b", from: "profile.staff" } },
          formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        } as Node,
      ],
      { profile: { staff: { label: "Biên chế", type: "count" } } } as Partial<CatalogInput>,
    );
    const e = thrown(() => run(c, [{ id: "u", name: "U", profile: { staff: 2.5 }, data: { Y: { "1": { a: 1 } } } }]), DatasetError);
    expect(e.issues.map((i) => i.code)).toEqual(["expectedCount"]);
  });
});

describe("peers and proportions: only complete entries count", () => {
  it("a unit whose input comes from an indicator it did not report is not a peer: u is compared with itself (1/4, peers 1)", () => {
    const c = points([
      {
        code: "1",
        name: "So sánh",
        max: 10,
        inputs: { a: { label: "a", type: "number", from: "2.b" }, b: { label: "b", type: "number" } },
        formula: { kind: "relative", value: { numerator: ["a"], denominator: ["b"] }, mode: "best" },
      } as Node,
      relativeNode("2", {
        inputs: { b: { label: "b", type: "number" } },
        formula: { kind: "relative", value: "b", mode: "best" },
      } as Partial<Node>),
    ]);
    const r = run(c, [
      { id: "u", name: "U", data: { Y: { "1": { b: 4 }, "2": { b: 1 } } } },
      { id: "v", name: "V", data: { Y: { "1": { b: 4 } } } },
    ]);
    const u = pointsUnit(r, "u").indicators["1"]!.periods!["Y"]!.trace;
    expect([u.facts["best"], u.facts["min"], u.facts["peers"]]).toEqual(["0.25", "0.25", "1"]);
    expect(pointsUnit(r, "v").indicators["1"]!.periods!["Y"]!.status).toBe("missing");
  });
  it("two ratios of one indicator over their denominator are both reported: a+b = 4 > 3 and ab = 5 > 3", () => {
    const c = points([
      {
        code: "1",
        name: "Hai tỷ lệ",
        max: 20,
        inputs: { a: { label: "a" }, b: { label: "b" }, ab: { label: "ab" }, d: { label: "d" } },
        formula: {
          kind: "composite",
          parts: [
            { label: "a+b", max: 10, formula: { kind: "ratio", value: { numerator: ["a", "b"], denominator: ["d"] } } },
            { label: "ab", max: 10, formula: { kind: "ratio", value: { numerator: ["ab"], denominator: ["d"] } } },
          ],
        },
      } as Node,
    ]);
    const e = thrown(() => run(c, [{ id: "u", name: "U", data: { Y: { "1": { a: 2, b: 2, ab: 5, d: 3 } } } }]), DatasetError);
    expect(e.issues.map((i) => [i.code, i.where.field, i.received, i.expected])).toEqual([
      ["numeratorExceedsDenominator", "a+b", "4", "3"],
      ["numeratorExceedsDenominator", "ab", "5", "3"],
    ]);
  });
});

describe("score(): the roster's errors and the unit's max", () => {
  const c = points([yes("1", 10), yes("2", 5)]);
  it("a dataset error and a roster error are thrown together: expectedBoolean (a) then rosterUnknownUnit (z)", () => {
    const e = thrown(
      () =>
        score(c, {
          catalog: c.id,
          year: 2024,
          periods: ["Y"],
          roster: [{ id: "a", name: "A" }],
          units: [
            { id: "a", name: "A", data: { Y: { "1": 5 } } },
            { id: "z", name: "Z", data: {} },
          ],
        } as never),
      DatasetError,
    );
    expect(e.issues.map((i) => [i.code, i.where.unit])).toEqual([
      ["expectedBoolean", "a"],
      ["rosterUnknownUnit", "z"],
    ]);
  });
  it("the max of a catalog that adds up its indicators (aggregate sum) is their sum: 10 + 5 = 15", () => {
    expect(pointsUnit(run(c, [{ id: "u", name: "U", data: {} }]), "u").max).toBe("15");
  });
});
