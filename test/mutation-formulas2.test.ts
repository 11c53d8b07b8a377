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
  it("choice: one option `value`, the label lists key: label; …, the options are the keys; no ratio", () => {
    const c = one({
      max: 10,
      formula: { kind: "choice", options: { full: { label: "Đầy đủ", share: 1 }, part: { label: "Một phần", points: 4 } } },
    });
    expect(leaf1(c).fields).toEqual([
      { name: "value", type: "option", label: "full: Đầy đủ; part: Một phần", options: ["full", "part"], moreIsBetter: true },
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
