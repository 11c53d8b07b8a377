// Formula kinds, second round (issue 9, bench/MUTATION.md): tests written against the mutants of
// src/formulas that survived (or had no coverage in) the full Stryker run at d8715cf. Every catalog
// is loaded INSIDE `it()`: the kinds' `fields` and `ratios` run when a catalog compiles, and a
// catalog compiled while vitest collects the tests is invisible to Stryker's per-test coverage
// (the reason the field labels and more-is-better flags survived although other suites assert
// them). Public API only, but for `formulaKinds.composite.schema` and `compileCatalog` on a catalog
// that skipped validation. Every expected value is worked out by hand in the test name or a comment.
import { describe, expect, it } from "vitest";
import {
  CatalogError,
  CatalogSchema,
  compileCatalog,
  describeTrace,
  formulaKinds,
  gaps,
  loadCatalog,
  scoreIndicator,
  type Catalog,
  type CatalogInput,
  type CompiledCatalog,
  type DatasetInput,
  type Issue,
  type Trace,
} from "../src/index.js";

type Node = CatalogInput["indicators"][number];

const HEAD = {
  id: "mut2-2024/so",
  title: "Mutation tests, round 2",
  province: "Test",
  level: "so",
  document: { number: "9/QĐ-MUT", date: "2024-01-01" },
} as const;

/** A points catalog of the given leaves (loaded where it is called: call it inside `it()`). */
function catalog(...nodes: Node[]): CompiledCatalog {
  return loadCatalog({ ...HEAD, indicators: nodes });
}

/** A one-indicator points catalog (leaf code "1"). */
function one(node: Omit<Node, "code" | "name">): CompiledCatalog {
  return catalog({ code: "1", name: "Chỉ số", ...node } as Node);
}

/** The compiled leaf "1". */
const leaf1 = (c: CompiledCatalog) => c.nodes.get("1")!;

/** The issues of a CatalogError thrown by `f` (fails when `f` throws anything else, or nothing). */
function issuesOf(f: () => unknown): Issue[] {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CatalogError);
  return [...(caught as CatalogError).issues];
}

/** A dataset of one period "Y", data of leaf "1" per unit. */
function dataset(c: CompiledCatalog, data: Record<string, Record<string, number>>): DatasetInput {
  return {
    catalog: c.id,
    year: 2024,
    periods: ["Y"],
    units: Object.entries(data).map(([id, d]) => ({ id, name: id, data: { Y: { "1": d } } })),
  };
}

describe("the data fields each kind asks for (compiled node fields): label, unit, type, more-is-better", () => {
  it("a bare input: the declared label (not its letter) and unit, type count by default, more-is-better by default", () => {
    const c = one({
      max: 10,
      inputs: { a: { label: "Số hồ sơ trực tuyến", unit: "hồ sơ" } },
      formula: { kind: "threshold", value: "a", threshold: 100, below: "proportional" },
    });
    expect(leaf1(c).fields).toEqual([{ name: "a", type: "count", label: "Số hồ sơ trực tuyến", unit: "hồ sơ", moreIsBetter: true }]);
  });
  it("an input declared moreIsBetter: false keeps it; one without a unit has no unit key", () => {
    const c = one({
      max: 10,
      inputs: { a: { label: "Số sự cố", type: "number", moreIsBetter: false } },
      formula: { kind: "threshold", value: "a", threshold: 5, below: "zero" },
    });
    expect(leaf1(c).fields).toEqual([{ name: "a", type: "number", label: "Số sự cố", moreIsBetter: false }]);
  });
  it("a bare input is no ratio: node.ratios is empty; a ratio a/(a+b) gives its expression and the fields a, b once each", () => {
    const bare = one({
      max: 10,
      inputs: { a: { label: "Tỷ lệ", type: "share" } },
      formula: { kind: "threshold", value: "a", threshold: "0.5", below: "zero" },
    });
    expect(leaf1(bare).ratios).toEqual([]);
    const c = one({
      max: 10,
      inputs: { a: { label: "Đúng hạn" }, b: { label: "Trễ hạn" } },
      formula: { kind: "threshold", value: { numerator: ["a"], denominator: ["a", "b"] }, threshold: "80%", below: "zero" },
    });
    expect(leaf1(c).ratios).toEqual([{ numerator: ["a"], denominator: ["a", "b"], proportion: true }]);
    expect(leaf1(c).fields.map((f) => [f.name, f.label])).toEqual([
      ["a", "Đúng hạn"],
      ["b", "Trễ hạn"],
    ]);
  });
  it("yesNo: one boolean `value`, labelled “Có / Không” unless the formula names it; no ratio", () => {
    const plain = one({ max: 5, formula: { kind: "yesNo" } });
    expect(leaf1(plain).fields).toEqual([{ name: "value", type: "boolean", label: "Có / Không", moreIsBetter: true }]);
    expect(leaf1(plain).ratios).toEqual([]);
    const named = one({ max: 5, formula: { kind: "yesNo", label: "Đã ban hành kế hoạch" } });
    expect(leaf1(named).fields[0]!.label).toBe("Đã ban hành kế hoạch");
  });
  it("choice: one option `value`, the label lists key: label; …, the options are the keys with their labels; no ratio", () => {
    const c = one({
      max: 10,
      formula: { kind: "choice", options: { full: { label: "Đầy đủ", share: 1 }, part: { label: "Một phần", points: 4 } } },
    });
    expect(leaf1(c).fields).toEqual([
      {
        name: "value",
        type: "option",
        label: "full: Đầy đủ; part: Một phần",
        options: ["full", "part"],
        optionLabels: { full: "Đầy đủ", part: "Một phần" },
        moreIsBetter: true,
      },
    ]);
    expect(leaf1(c).ratios).toEqual([]);
  });
  it("checklist: one boolean per item, labelled by the item, absent = false (not done); no ratio", () => {
    const c = one({
      max: 10,
      formula: { kind: "checklist", items: { plan: { label: "Kế hoạch", points: 6 }, report: { label: "Báo cáo", share: "0.4" } } },
    });
    expect(leaf1(c).fields).toEqual([
      { name: "plan", type: "boolean", label: "Kế hoạch", absentAs: false, moreIsBetter: true },
      { name: "report", type: "boolean", label: "Báo cáo", absentAs: false, moreIsBetter: true },
    ]);
    expect(leaf1(c).ratios).toEqual([]);
  });
  it("perItem: one count per item, labelled by the item, absent = 0; no ratio", () => {
    const c = one({ max: 20, formula: { kind: "perItem", items: { programs: { label: "Chương trình", points: 5 } } } });
    const fields = leaf1(c).fields.map((f) => ({ ...f, absentAs: String(f.absentAs) }));
    expect(fields).toEqual([{ name: "programs", type: "count", label: "Chương trình", absentAs: "0", moreIsBetter: true }]);
    expect(leaf1(c).ratios).toEqual([]);
  });
  it("composite (Đồng Nai Sở 6.4.4): its ratios are its parts' (a ratio part a/b and a checklist part: just a/b), its fields theirs", () => {
    const c = one({
      max: 15,
      inputs: { a: { label: "Tử số" }, b: { label: "Mẫu số" } },
      formula: {
        kind: "composite",
        parts: [
          { label: "Cổng", max: 10, formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } } },
          { label: "Danh mục", max: 5, formula: { kind: "checklist", items: { plan: { label: "Kế hoạch", points: 5 } } } },
        ],
      },
    });
    expect(leaf1(c).ratios).toEqual([{ numerator: ["a"], denominator: ["b"], proportion: true }]);
    expect(leaf1(c).fields.map((f) => f.name)).toEqual(["a", "b", "plan"]);
  });
  it("an input another indicator takes (`from: 1.a`) but indicator 1 never declared: only unknownInput, no type mismatch (an undeclared input reads as a count)", () => {
    // 2.b is a count taken from 1.a; 1.a is undeclared → its field is read as a count, so the
    // reference is of a compatible type and the one problem reported is the undeclared input.
    const issues = issuesOf(() =>
      catalog(
        { code: "1", name: "Một", max: 10, formula: { kind: "threshold", value: "a", threshold: 5, below: "zero" } } as Node,
        {
          code: "2",
          name: "Hai",
          max: 10,
          inputs: { b: { label: "Lấy từ 1.a", from: "1.a" } },
          formula: { kind: "threshold", value: "b", threshold: 5, below: "zero" },
        } as Node,
      ),
    );
    expect(issues.map((i) => i.code)).toEqual(["unknownInput"]);
  });
});

describe("worth: a share of max, or points", () => {
  it("choice option share 0.5 of max 10 → 5; option points 4 → 4", () => {
    const c = one({
      max: 10,
      formula: { kind: "choice", options: { half: { label: "Một nửa", share: "0.5" }, four: { label: "Bốn điểm", points: 4 } } },
    });
    expect(scoreIndicator(c, "1", "half").score).toBe("5");
    expect(scoreIndicator(c, "1", "four").score).toBe("4");
  });
});

describe("gap search along the inputs that raise a formula", () => {
  it("threshold on a/b (proportional, 80%, max 10): 2/10 → 2.5 points; gaps raises the numerator a (not the denominator b) to 8", () => {
    // 0.2/0.8 × 10 = 2.5; the smallest a with a/10 ≥ 0.8 is 8.
    const c = one({
      max: 10,
      inputs: { a: { label: "Đúng hạn" }, b: { label: "Tổng số" } },
      formula: { kind: "threshold", value: { numerator: ["a"], denominator: ["b"] }, threshold: "80%", below: "proportional" },
    });
    const g = gaps(c, dataset(c, { u: { a: 2, b: 10 } }), "u");
    const s = g.suggestions.filter((x) => x.code === "1");
    expect(s).toHaveLength(1);
    expect(s[0]!.changes).toEqual([{ unit: "u", period: "Y", code: "1", field: "a", value: 8 }]);
  });
  it("relative (best): u has 4, v the best 8 → u scores 4/8 × 10 = 5; gaps raises u's a to 8 (re-scored without peers, then against them)", () => {
    const c = one({
      max: 10,
      inputs: { a: { label: "Số dịch vụ", type: "number" } },
      formula: { kind: "relative", value: "a", mode: "best" },
    });
    const ds = dataset(c, { u: { a: 4 }, v: { a: 8 } });
    const g = gaps(c, ds, "u");
    expect(g.total).toBe("5");
    const s = g.suggestions.filter((x) => x.code === "1");
    expect(s).toHaveLength(1);
    expect(s[0]!.changes).toEqual([{ unit: "u", period: "Y", code: "1", field: "a", value: 8 }]);
    expect(s[0]!.gain).toBe("5");
  });
});

/** A hand-written trace (as read back from a stored result) of leaf 1, scored. */
function trace(kind: string, branch: string, facts: Record<string, string>, extra: Partial<Trace> = {}): Trace {
  return {
    catalog: HEAD.id,
    code: "1",
    citation: `${HEAD.id} 1`,
    kind,
    status: "scored",
    branch,
    inputs: {},
    facts,
    raw: "0",
    source: "self",
    ...extra,
  };
}

describe("explain of a trace that lacks facts (a stored result read back): 0 in place of a missing figure, never “undefined”", () => {
  it("threshold belowZero, no facts at all: the value is empty, the threshold 0 → “ < 0 → 0 points”", () => {
    expect(describeTrace(trace("threshold", "belowZero", {}), "10", "0", "en")).toBe(" < 0 → 0 points");
  });
  it("threshold belowProportional, no facts: the bare value and the threshold read 0 → “ < 0 → 0 / 0 × 10 = 0 points”", () => {
    expect(describeTrace(trace("threshold", "belowProportional", {}), "10", "0", "en")).toBe(" < 0 → 0 / 0 × 10 = 0 points");
  });
  it("ratio with a value but no factor: × max → “0.5 × 10 = 5 points”", () => {
    expect(describeTrace(trace("ratio", "ratio", { value: "0.5" }), "10", "5", "en")).toBe("0.5 × 10 = 5 points");
  });
  it("ratio with a numerator but no denominator: shown as the plain value, not as a fraction → “0.5 × 8 = 4 points”", () => {
    expect(describeTrace(trace("ratio", "ratio", { value: "0.5", numerator: "1", factor: "8" }), "10", "4", "en")).toBe(
      "0.5 × 8 = 4 points",
    );
  });
  it("ratio with a denominator but no numerator: the plain value on the percent scale is not claimed → “0.5 × 8 = 4 points”", () => {
    expect(describeTrace(trace("ratio", "ratio", { value: "0.5", denominator: "2", factor: "8" }), "10", "4", "en")).toBe(
      "0.5 × 8 = 4 points",
    );
  });
  it("choice without the option's label: the option key in quotes → “chose “full” → 10 points”", () => {
    expect(describeTrace(trace("choice", "option", { option: "full" }), "10", "10", "en")).toBe("chose “full” → 10 points");
  });
  it("perItem capped, no facts: no items, uncapped 0, cap 0 → “ = 0, max 0 → 0 points”", () => {
    expect(describeTrace(trace("perItem", "capped", {}), "10", "0", "en")).toBe(" = 0, max 0 → 0 points");
  });
  it("relative minmax, no facts: best and lowest read 0 → “(0 − lowest 0) / (best 0 − 0) × 10 = 0 points”", () => {
    expect(describeTrace(trace("relative", "minmax", {}), "10", "0", "en")).toBe("(0 − lowest 0) / (best 0 − 0) × 10 = 0 points");
  });
  it("relative best, no facts: “ / best 0 × 10 = 0 points”", () => {
    expect(describeTrace(trace("relative", "best", {}), "10", "0", "en")).toBe(" / best 0 × 10 = 0 points");
  });
  it("composite without parts: only the total → “ → 5 points”", () => {
    expect(describeTrace(trace("composite", "parts", {}), "15", "5", "en")).toBe(" → 5 points");
  });
});

/** A catalog validated by the schema, its leaf's formula then replaced (compileCatalog trusts validated input). */
function unvalidated(formula: unknown): Catalog {
  const valid = CatalogSchema.parse({
    ...HEAD,
    indicators: [{ code: "1", name: "Chỉ số", max: 10, formula: { kind: "yesNo" } }],
  });
  return { ...valid, indicators: [{ ...valid.indicators[0]!, formula }] } as Catalog;
}

describe("registry: kinds, nested formulas and their checks", () => {
  it("compileCatalog on a formula of no registered kind (schema skipped): CatalogError catalogSchema “not a points formula kind: bogus”", () => {
    const issues = issuesOf(() => compileCatalog(unvalidated({ kind: "bogus" })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: "catalog", code: "catalogSchema", detail: "not a points formula kind: bogus" });
  });
  it("the same inside a composite part: a CatalogError too, not a TypeError", () => {
    const formula = {
      kind: "composite",
      parts: [
        { label: "A", max: 5, formula: { kind: "yesNo" } },
        { label: "B", max: 5, formula: { kind: "bogus" } },
      ],
    };
    const issues = issuesOf(() => compileCatalog(unvalidated(formula)));
    expect(issues.map((i) => [i.code, i.detail])).toEqual([["catalogSchema", "not a points formula kind: bogus"]]);
  });
  it("a relative part inside a composite is refused (peers are measured per leaf): nestedPeerFormula, received relative", () => {
    const issues = issuesOf(() =>
      one({
        max: 15,
        inputs: { a: { label: "Số", type: "number" } },
        formula: {
          kind: "composite",
          parts: [
            { label: "So sánh", max: 10, formula: { kind: "relative", value: "a", mode: "best" } },
            { label: "Có", max: 5, formula: { kind: "yesNo" } },
          ],
        },
      }),
    );
    expect(issues.map((i) => [i.code, i.received])).toEqual([["nestedPeerFormula", "relative"]]);
  });
  it("a threshold part (no peers) is accepted, and scored: 3 ≥ 2 → 10, yes → 5, 10 + 5 = 15", () => {
    const c = one({
      max: 15,
      inputs: { a: { label: "Số", type: "number" }, value: { label: "Có", type: "boolean" } },
      formula: {
        kind: "composite",
        parts: [
          { label: "Ngưỡng", max: 10, formula: { kind: "threshold", value: "a", threshold: 2, below: "zero" } },
          { label: "Có", max: 5, formula: { kind: "yesNo" } },
        ],
      },
    });
    expect(scoreIndicator(c, "1", { a: 3, value: true }).score).toBe("15");
  });
  it("a part with max 0 is refused (badMax at its max) and its own formula is then checked with no max: points 1 not out of range", () => {
    const issues = issuesOf(() =>
      one({
        max: 10,
        formula: {
          kind: "composite",
          parts: [
            { label: "Rỗng", max: 0, formula: { kind: "checklist", items: { x: { label: "X", points: 1 } } } },
            { label: "Có", max: 5, formula: { kind: "yesNo" } },
          ],
        },
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([["badMax", ["indicators", 0, "formula", "parts", 0, "max"]]]);
  });
  it("a part with an infinite max (1/0) has no max for its formula: negative points are refused against [0, max], not [0, Infinity]", () => {
    const issues = issuesOf(() =>
      one({
        max: 10,
        formula: {
          kind: "composite",
          parts: [
            { label: "Vô hạn", max: "1/0", formula: { kind: "choice", options: { x: { label: "X", points: "-1" } } } },
            { label: "Có", max: 5, formula: { kind: "yesNo" } },
          ],
        },
      }),
    );
    expect(issues.map((i) => [i.code, i.path, i.expected])).toEqual([
      ["badMax", ["indicators", 0, "formula", "parts", 0, "max"], undefined],
      ["pointsOutOfRange", ["indicators", 0, "formula", "parts", 0, "formula", "options", "x", "points"], "[0, max]"],
    ]);
  });
  it("a checklist part is checked against the part's max 4, not the node's 10: items 3 + 2 = 5 > 4 (itemsAboveMax under the part's path)", () => {
    const issues = issuesOf(() =>
      one({
        max: 10,
        formula: {
          kind: "composite",
          parts: [
            { label: "Có", max: 6, formula: { kind: "yesNo" } },
            {
              label: "Danh mục",
              max: 4,
              formula: { kind: "checklist", items: { x: { label: "X", points: 3 }, y: { label: "Y", points: 2 } } },
            },
          ],
        },
      }),
    );
    expect(issues.map((i) => [i.code, i.path, i.received, i.expected])).toEqual([
      ["itemsAboveMax", ["indicators", 0, "formula", "parts", 1, "formula", "items"], "5", "4"],
    ]);
  });
});

describe("composite's own schema (formulaKinds.composite.schema: a part's formula is any object with a kind)", () => {
  const parts = (formula: unknown) => ({
    kind: "composite",
    parts: [
      { label: "A", max: 5, formula: { kind: "yesNo" } },
      { label: "B", max: 5, formula },
    ],
  });
  it("a part formula with a kind is accepted", () => {
    expect(formulaKinds["composite"]!.schema.safeParse(parts({ kind: "yesNo" })).success).toBe(true);
  });
  it("an object without a kind, null, a number, a string and a function carrying a kind are refused", () => {
    const schema = formulaKinds["composite"]!.schema;
    expect(schema.safeParse(parts({ label: "no kind" })).success).toBe(false);
    expect(schema.safeParse(parts(null)).success).toBe(false);
    expect(schema.safeParse(parts(5)).success).toBe(false);
    expect(schema.safeParse(parts("yesNo")).success).toBe(false);
    expect(schema.safeParse(parts(Object.assign(() => undefined, { kind: "yesNo" }))).success).toBe(false);
  });
});

/** The catalog problems of leaf 1 as [code, path inside the formula, received, expected] (none: it loads). */
function problems(node: Omit<Node, "code" | "name">): (string | undefined | (string | number)[])[][] {
  try {
    one(node);
    return [];
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    return e.issues.map((i) => {
      const path = [...(i.path ?? [])];
      const inFormula = path[2] === "formula" ? path.slice(3) : path.slice(2);
      return [i.code, inFormula, i.received, i.expected];
    });
  }
}

describe("catalog checks (issue 10): thresholds inside the value's domain", () => {
  const ab = { a: { label: "Tử số" }, b: { label: "Mẫu số" } };
  const th = (value: unknown, threshold: number | string, below = "zero", inputs: object = ab) =>
    problems({ max: 10, inputs, formula: { kind: "threshold", value, threshold, below } } as never);
  const frac = { numerator: ["a"], denominator: ["b"] };
  it("a proportion lies in [0, 1]: 120% refused (expected [0, 1]); 100% and 0 are its edges and load", () => {
    expect(th(frac, "120%")).toEqual([["outOfDomain", ["threshold"], "120%", "[0, 1]"]]);
    expect(th(frac, "100%")).toEqual([]);
    expect(th(frac, 0)).toEqual([]);
  });
  it("a ratio that is no proportion (proportion: false) is ≥ 0: a threshold of 1.5 loads, -0.5 is refused (expected ≥ 0)", () => {
    expect(th({ ...frac, proportion: false }, "1.5")).toEqual([]);
    expect(th({ ...frac, proportion: false }, "-0.5")).toEqual([["outOfDomain", ["threshold"], "-0.5", "≥ 0"]]);
  });
  it("a percent field lies in [0, 100]: 150 refused, 100 loads; a share field in [0, 1]: 2 refused", () => {
    expect(th("a", 150, "zero", { a: { label: "Phần trăm", type: "percent" } })).toEqual([
      ["outOfDomain", ["threshold"], "150", "[0, 100]"],
    ]);
    expect(th("a", 100, "zero", { a: { label: "Phần trăm", type: "percent" } })).toEqual([]);
    expect(th("a", 2, "zero", { a: { label: "Tỷ lệ", type: "share" } })).toEqual([["outOfDomain", ["threshold"], "2", "[0, 1]"]]);
  });
  it("a count is ≥ 0 and unbounded: 1000 loads; -1 and the infinite 1/0 are refused", () => {
    const count = { a: { label: "Số" } };
    expect(th("a", 1000, "zero", count)).toEqual([]);
    expect(th("a", -1, "zero", count)).toEqual([["outOfDomain", ["threshold"], "-1", "≥ 0"]]);
    expect(th("a", "1/0", "zero", count)).toEqual([["outOfDomain", ["threshold"], "1/0", "≥ 0"]]);
  });
  it("below proportional divides by the threshold: 0 is refused there (> 0), accepted with below zero", () => {
    const count = { a: { label: "Số" } };
    expect(th("a", 0, "proportional", count)).toEqual([["outOfDomain", ["threshold"], "0", "> 0 (below: proportional divides by it)"]]);
    expect(th("a", 0, "zero", count)).toEqual([]);
    expect(th("a", "0.5", "proportional", count)).toEqual([]);
  });
});

describe("catalog checks: what options, items and shares are worth", () => {
  it("yesNo share: 1 and 0 load, 1.5 and -0.1 are refused (shareOutOfRange at share)", () => {
    const yn = (share: string | number) => problems({ max: 10, formula: { kind: "yesNo", share } });
    expect(yn(1)).toEqual([]);
    expect(yn(0)).toEqual([]);
    expect(yn("1.5")).toEqual([["shareOutOfRange", ["share"], "1.5", undefined]]);
    expect(yn("-0.1")).toEqual([["shareOutOfRange", ["share"], "-0.1", undefined]]);
  });
  it("choice: an option's share 2 is refused at options.x.share; points 11 on max 10 refused (expected [0, 10]), points 10 load", () => {
    const ch = (x: object) =>
      problems({ max: 10, formula: { kind: "choice", options: { x: { label: "X", ...x }, o: { label: "O", points: 0 } } } });
    expect(ch({ share: 2 })).toEqual([["shareOutOfRange", ["options", "x", "share"], "2", undefined]]);
    expect(ch({ points: 11 })).toEqual([["pointsOutOfRange", ["options", "x", "points"], "11", "[0, 10]"]]);
    expect(ch({ points: 10 })).toEqual([]);
  });
  it("checklist items add up: shares 0.6 + 0.5 of 10 = 11 > 10 refused (itemsAboveMax); 6 + share 0.4 = 10 loads", () => {
    const cl = (items: object) => problems({ max: 10, formula: { kind: "checklist", items } as never });
    expect(cl({ x: { label: "X", share: "0.6" }, y: { label: "Y", share: "0.5" } })).toEqual([["itemsAboveMax", ["items"], "11", "10"]]);
    expect(cl({ x: { label: "X", points: 6 }, y: { label: "Y", share: "0.4" } })).toEqual([]);
  });
  it("checklist: an item already refused (points 11) is not added up again: 11 + 5 gives pointsOutOfRange only", () => {
    expect(
      problems({ max: 10, formula: { kind: "checklist", items: { x: { label: "X", points: 11 }, y: { label: "Y", points: 5 } } } }),
    ).toEqual([["pointsOutOfRange", ["items", "x", "points"], "11", "[0, 10]"]]);
  });
  it("checklist: once an item is refused (share 2) the others are not added up: 6 + 6 = 12 > 10 is not reported on top", () => {
    expect(
      problems({
        max: 10,
        formula: { kind: "checklist", items: { x: { label: "X", share: 2 }, y: { label: "Y", points: 6 }, z: { label: "Z", points: 6 } } },
      }),
    ).toEqual([["shareOutOfRange", ["items", "x", "share"], "2", undefined]]);
  });
  it("checklist under a node whose max is refused (1/0): badMax only, the items are not summed against it", () => {
    expect(
      problems({ max: "1/0", formula: { kind: "checklist", items: { x: { label: "X", points: 6 }, y: { label: "Y", share: "0.5" } } } }),
    ).toEqual([["badMax", ["max"], "1/0", undefined]]);
  });
});

describe("catalog checks: positive figures, item points, ratios of a bare input", () => {
  const ab = { a: { label: "Tử số" }, b: { label: "Mẫu số" } };
  const frac = { numerator: ["a"], denominator: ["b"] };
  it("ratio points: 0 and 1/0 are refused (badMax at points), 8 loads", () => {
    const r = (points: number | string) => problems({ max: 10, inputs: ab, formula: { kind: "ratio", value: frac, points } });
    expect(r(0)).toEqual([["badMax", ["points"], "0", undefined]]);
    expect(r("1/0")).toEqual([["badMax", ["points"], "1/0", undefined]]);
    expect(r(8)).toEqual([]);
  });
  it("perItem: item points 0 and 1/0 refused (badItemPoints), 0.5 loads; cap 0 refused (badMax at cap), cap 15 loads", () => {
    const pi = (points: number | string, cap?: number) =>
      problems({ max: 20, formula: { kind: "perItem", items: { x: { label: "X", points } }, ...(cap !== undefined ? { cap } : {}) } });
    expect(pi(0)).toEqual([["badItemPoints", ["items", "x", "points"], "0", undefined]]);
    expect(pi("1/0")).toEqual([["badItemPoints", ["items", "x", "points"], "1/0", undefined]]);
    expect(pi("0.5")).toEqual([]);
    expect(pi(5, 0)).toEqual([["badMax", ["cap"], "0", undefined]]);
    expect(pi(5, 15)).toEqual([]);
  });
  it("ratio of a bare input (value × max): a count is refused (ratioNeedsShare), a share loads, a percent only with points", () => {
    const r = (type: string, points?: string) =>
      problems({
        max: 10,
        inputs: { a: { label: "A", type } },
        formula: { kind: "ratio", value: "a", ...(points ? { points } : {}) },
      } as never);
    expect(r("count")).toEqual([["ratioNeedsShare", ["value"], "count", undefined]]);
    expect(r("number")).toEqual([["ratioNeedsShare", ["value"], "number", undefined]]);
    expect(r("share")).toEqual([]);
    expect(r("percent")).toEqual([["ratioNeedsShare", ["value"], "percent", undefined]]);
    expect(r("percent", "0.1")).toEqual([]);
    // `points` rescales a percentage only: a count times points is still refused.
    expect(r("count", "0.1")).toEqual([["ratioNeedsShare", ["value"], "count", undefined]]);
  });
  it("ratio of a bare boolean: nonNumericInput only (not also ratioNeedsShare); of an undeclared input: unknownInput only", () => {
    expect(problems({ max: 10, inputs: { a: { label: "A", type: "boolean" } }, formula: { kind: "ratio", value: "a" } })).toEqual([
      ["nonNumericInput", ["value"], "boolean", undefined],
    ]);
    expect(problems({ max: 10, formula: { kind: "ratio", value: "a" } })).toEqual([["unknownInput", [], "a", undefined]]);
  });
  it("a ratio's non-numeric inputs are placed by their index: numerator [a, t] → numerator.1; denominator [u, b] → denominator.0 (index 2 of the names, 0 of the denominator)", () => {
    const c = () =>
      one({
        max: 10,
        inputs: { ...ab, t: { label: "T", type: "boolean" }, u: { label: "U", type: "text" } },
        formula: { kind: "ratio", value: { numerator: ["a", "t"], denominator: ["u", "b"] } },
      });
    expect(issuesOf(c).map((i) => [i.code, i.path, i.received, i.detail])).toEqual([
      ["nonNumericInput", ["indicators", 0, "formula", "value", "numerator", 1], "boolean", "t"],
      ["nonNumericInput", ["indicators", 0, "formula", "value", "denominator", 0], "text", "u"],
    ]);
  });
});

describe("catalog checks: composite parts together within the node's max (Đồng Nai Sở 6.4.4)", () => {
  const parts = (max: number | string, a: number | string, b: number | string) =>
    problems({
      max,
      formula: {
        kind: "composite",
        parts: [
          { label: "A", max: a, formula: { kind: "yesNo" } },
          { label: "B", max: b, formula: { kind: "yesNo" } },
        ],
      },
    });
  it("10 + 10 = 20 > 15 refused (partsAboveMax at parts); 10 + 5 = 15 loads", () => {
    expect(parts(15, 10, 10)).toEqual([["partsAboveMax", ["parts"], "20", "15"]]);
    expect(parts(15, 10, 5)).toEqual([]);
  });
  it("a part's max already refused (0) is not added up: 0 and 20 on 10 gives badMax only", () => {
    expect(parts(10, 0, 20)).toEqual([["badMax", ["parts", 0, "max"], "0", undefined]]);
  });
  it("under a node whose own max is refused (1/0): badMax of the node only", () => {
    expect(parts("1/0", 5, 5)).toEqual([["badMax", ["max"], "1/0", undefined]]);
  });
});

describe("catalog checks: bands of a proportion (value a/b in [0, 1]), the first band that holds wins", () => {
  const ab = { a: { label: "Tử số" }, b: { label: "Mẫu số" } };
  const bandsOf = (...bands: object[]) =>
    problems({ max: 10, inputs: ab, formula: { kind: "bands", value: { numerator: ["a"], denominator: ["b"] }, bands } } as never);
  const p = (x: object, points = 1) => ({ ...x, points });
  it("the document's staircase ≥ 10%, ≥ 7%, ≥ 3% loads (each later band extends the earlier), and so does its ascending form", () => {
    expect(bandsOf(p({ gte: "10%" }, 10), p({ gte: "7%" }, 7), p({ gte: "3%" }, 3))).toEqual([]);
    expect(bandsOf(p({ lt: "3%" }, 0), p({ gte: "3%", lt: "7%" }, 3), p({ gte: "7%" }, 7))).toEqual([]);
  });
  it("[50%, 70%), ≥ 90%, [70%, 90%) is out of order (bandsUnordered at bands)", () => {
    expect(bandsOf(p({ gte: "50%", lt: "70%" }), p({ gte: "90%" }), p({ gte: "70%", lt: "90%" }))).toEqual([
      ["bandsUnordered", ["bands"], undefined, undefined],
    ]);
  });
  it("[30%, 60%) then [50%, 80%) overlap in part (bandsOverlap, received band 1); ≥ 50% then ≥ 60% is shadowed whole (bandShadowed)", () => {
    expect(bandsOf(p({ gte: "30%", lt: "60%" }), p({ gte: "50%", lt: "80%" }))).toEqual([["bandsOverlap", ["bands", 1], "1", undefined]]);
    expect(bandsOf(p({ gte: "50%" }), p({ gte: "60%" }))).toEqual([["bandShadowed", ["bands", 1], "1", undefined]]);
  });
  it("empty bands: > 0.5 & < 0.5, = 0.5 & > 0.5, and > 1 (nothing above 1 in a proportion) are refused; ≥ 0.5 & ≤ 0.5 holds 0.5", () => {
    expect(bandsOf(p({ gt: "0.5", lt: "0.5" }))).toEqual([["bandEmpty", ["bands", 0], undefined, undefined]]);
    expect(bandsOf(p({ eq: "0.5", gt: "0.5" }))).toEqual([["bandEmpty", ["bands", 0], undefined, undefined]]);
    expect(bandsOf(p({ gt: 1 }))).toEqual([["bandEmpty", ["bands", 0], undefined, undefined]]);
    expect(bandsOf(p({ gte: "0.5", lte: "0.5" }))).toEqual([]);
  });
  it("a bound outside [0, 1] is refused at that bound (outOfDomain), and the band is not compared further", () => {
    expect(bandsOf(p({ gte: "1.2" }), p({ gte: "0.5" }))).toEqual([["outOfDomain", ["bands", 0, "gte"], "1.2", "[0, 1]"]]);
  });
  it("bands meeting at 0: = 0, (0, 50%), ≥ 50% is ascending; ≥ 50%, (0, 50%), = 0 descending (a closed lower bound lies below an open one)", () => {
    expect(bandsOf(p({ eq: 0 }, 0), p({ gt: 0, lt: "50%" }, 5), p({ gte: "50%" }, 10))).toEqual([]);
    expect(bandsOf(p({ gte: "50%" }, 10), p({ gt: 0, lt: "50%" }, 5), p({ eq: 0 }, 0))).toEqual([]);
  });
  it("a band that extends an earlier one on both sides ([20%, 80%) after [40%, 60%)) loads, and is left out of the order: ≥ 80% may follow", () => {
    // Band 2 receives [20%, 40%) and [60%, 80%): two pieces, no place in the order; [40%, 60%) then [80%, 100%] ascend.
    expect(bandsOf(p({ gte: "40%", lt: "60%" }), p({ gte: "20%", lt: "80%" }))).toEqual([]);
    expect(bandsOf(p({ gte: "40%", lt: "60%" }), p({ gte: "20%", lt: "80%" }), p({ gte: "80%" }))).toEqual([]);
  });
  it("a band extending an earlier one upwards from the same closed bound receives one piece: [60%, 80%), ≥ 60% (gets [80%, 100%]), < 60% is unordered", () => {
    // The values band 2 receives: [60%, 100%] minus [60%, 80%) = [80%, 100%] (nothing left below 60%). Order 60, 80, 0.
    expect(bandsOf(p({ gte: "60%", lt: "80%" }), p({ gte: "60%" }), p({ lt: "60%" }))).toEqual([
      ["bandsUnordered", ["bands"], undefined, undefined],
    ]);
  });
  it("bands of a count (≥ 0, no upper bound): ≥ 10, ≥ 5, < 5 load; ≥ 5 then ≥ 10 is shadowed", () => {
    const count = (...bands: object[]) =>
      problems({ max: 10, inputs: { a: { label: "Số" } }, formula: { kind: "bands", value: "a", bands } } as never);
    expect(count(p({ gte: 10 }), p({ gte: 5 }), p({ lt: 5 }, 0))).toEqual([]);
    expect(count(p({ gte: 5 }), p({ gte: 10 }))).toEqual([["bandShadowed", ["bands", 1], "1", undefined]]);
  });
  it("count: [10, 20), [30, 50), then < 50 around both: it receives [0, 10) and [20, 30), two pieces, so it takes no place in the order (loads)", () => {
    const count = (...bands: object[]) =>
      problems({ max: 10, inputs: { a: { label: "Số" } }, formula: { kind: "bands", value: "a", bands } } as never);
    expect(count(p({ gte: 10, lt: 20 }), p({ gte: 30, lt: 50 }), p({ lt: 50 }, 0))).toEqual([]);
  });
  it("the top of a proportion, exactly 1 (= 100%), is a value a band holds: = 1, then < 1, loads", () => {
    expect(bandsOf(p({ eq: 1 }, 10), p({ lt: 1 }, 0))).toEqual([]);
  });
  it("an empty band names its bounds: detail “> 0.5 & < 0.5”", () => {
    const issues = issuesOf(() =>
      one({
        max: 10,
        inputs: ab,
        formula: { kind: "bands", value: { numerator: ["a"], denominator: ["b"] }, bands: [{ gt: "0.5", lt: "0.5", points: 1 }] },
      }),
    );
    expect(issues.map((i) => [i.code, i.detail])).toEqual([["bandEmpty", "> 0.5 & < 0.5"]]);
  });
});
