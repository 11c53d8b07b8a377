// Dataset checks (src/engine/normalize.ts), written to kill mutants that survived the existing
// tests: every issue is asserted whole (kind, code, path, where, expected, received, detail,
// message), and so are the warnings. Expected values are derived by hand from the rules.
// Public API only; everything is scored inside it() so that Stryker can tell which test reaches
// which mutant.
import { describe, expect, it } from "vitest";
import { DatasetError, loadCatalog, loadDataset, score, type CatalogInput, type CompiledCatalog, type ScoreOptions } from "../src/index.js";
import { pointsUnit } from "./_units.js";

type Node = CatalogInput["indicators"][number];
const doc = { number: "9/QĐ-MUTN", date: "2024-01-01" };
const ID = "mutn-2024/so";

function points(indicators: Node[], extra: Partial<CatalogInput> = {}): CompiledCatalog {
  return loadCatalog({ id: ID, title: "Normalize tests", province: "Test", level: "so", document: doc, ...extra, indicators });
}
function run(c: CompiledCatalog, units: unknown[], periods = ["Y"], options?: ScoreOptions) {
  return score(c, { catalog: c.id, year: 2024, periods, units } as never, options);
}
/** The issues of the DatasetError thrown by `f`. */
function issues(f: () => unknown): unknown[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return [...(e as DatasetError).issues];
  }
  throw new Error("expected a DatasetError");
}
/** The one issue of the DatasetError thrown by `f`. */
function only(f: () => unknown): unknown {
  const list = issues(f);
  expect(list).toHaveLength(1);
  return list[0];
}
const yes = (code: string, max = 10, more: Partial<Node> = {}): Node =>
  ({ code, name: `Có/không ${code}`, max, formula: { kind: "yesNo" }, ...more }) as Node;
const ratioNode = (code: string, max = 10, more: Partial<Node> = {}): Node =>
  ({
    code,
    name: `Tỷ lệ ${code}`,
    max,
    inputs: { a: { label: "Số đạt" }, b: { label: "Tổng số" } },
    formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
    ...more,
  }) as Node;
/** A dataset issue at a place inside a unit's data, as the engine builds it. */
const at = (unit: number, source: "data" | "appraisal", period: string, code: string, field?: string) => ({
  path: ["units", unit, source, period, code, ...(field !== undefined ? [field] : [])],
});

// One catalog for most tests: a group, ratios (count and number inputs), a choice, a checklist,
// an indicator with inputs taken from elsewhere, and a unit profile of every field type.
const c = points(
  [
    { code: "1", name: "Nhóm", children: [yes("1.1"), yes("1.2")] },
    ratioNode("2"),
    {
      code: "3",
      name: "Lựa chọn",
      max: 10,
      formula: { kind: "choice", options: { full: { label: "Đủ", share: 1 }, none: { label: "Không", points: 0 } } },
    },
    {
      code: "4",
      name: "Số thập phân",
      max: 10,
      inputs: { x: { label: "Giá trị", type: "share" } },
      formula: { kind: "ratio", value: "x" },
    },
    {
      code: "5",
      name: "Danh mục",
      max: 10,
      formula: { kind: "checklist", items: { p: { label: "Mục P", points: 5 }, q: { label: "Mục Q", points: 5 } } },
    },
    ratioNode("6", 10, {
      inputs: { a: { label: "Số đạt" }, b: { label: "Tổng số cán bộ", from: "profile.staff" } },
    }),
    ratioNode("7", 10, { inputs: { a: { label: "Số đạt", from: "2.a" }, b: { label: "Tổng số", from: "profile.staff" } } }),
    ratioNode("8", 10, { cadence: "year" }),
    ratioNode("9", 10, { cadence: "half" }),
    {
      code: "10",
      name: "Tổng hai phần",
      max: 10,
      inputs: { a: { label: "a" }, b: { label: "b" }, t: { label: "t" } },
      formula: { kind: "ratio", value: { numerator: ["a", "b"], denominator: ["t"] } },
    },
    ratioNode("11", 10, { formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"], proportion: false } } }),
    ratioNode("12", 10, { inputs: { a: { label: "Số đạt" }, b: { label: "Tổng số", from: "2.b" } } }),
  ],
  {
    profile: {
      staff: { label: "Tổng số cán bộ", type: "count" },
      budget: { label: "Kinh phí", type: "amount" },
      online: { label: "Có cổng", type: "boolean" },
      head: { label: "Người phụ trách", type: "text" },
    },
  },
);
const unit = (data: unknown, more: Record<string, unknown> = {}) => ({ id: "u", name: "U", data, ...more });

describe("indicators of the data must be leaves of the catalog", () => {
  it("unknownIndicator: a code not in the catalog is named with its place and path", () => {
    expect(only(() => run(c, [unit({ Y: { "99": true } })]))).toEqual({
      kind: "dataset",
      code: "unknownIndicator",
      ...at(0, "data", "Y", "99"),
      where: { unit: "u", period: "Y", indicator: "99" },
      received: "99",
      message: 'unit u, period Y, indicator 99: no indicator with code "99" in the catalog',
    });
  });
  it("notALeaf: a group is scored from its sub-indicators, which are listed (1 → 1.1, 1.2)", () => {
    expect(only(() => run(c, [unit({ Y: { "1": true } })]))).toEqual({
      kind: "dataset",
      code: "notALeaf",
      ...at(0, "data", "Y", "1"),
      where: { unit: "u", period: "Y", indicator: "1" },
      received: "1",
      detail: "1.1, 1.2",
      message: 'unit u, period Y, indicator 1: "1" is scored from its sub-indicators (1.1, 1.2); give their data instead',
    });
  });
  it("the leaves of a group are accepted (1.1 and 1.2 → 10 + 10)", () => {
    const r = run(c, [unit({ Y: { "1.1": true, "1.2": { value: true } } })]);
    expect(pointsUnit(r, "u").indicators["1"]!.score).toBe("20");
    expect(r.warnings).toEqual([]);
  });
});

describe("fields of an indicator: those it asks, each once, none taken from elsewhere", () => {
  it("unknownField: a field the indicator does not ask, the asked ones listed", () => {
    expect(only(() => run(c, [unit({ Y: { "2": { a: 1, b: 2, c: 3 } } })]))).toEqual({
      kind: "dataset",
      code: "unknownField",
      ...at(0, "data", "Y", "2", "c"),
      where: { unit: "u", period: "Y", indicator: "2", field: "c" },
      received: "c",
      expected: "a, b",
      message: 'unit u, period Y, indicator 2, field c: unknown field "c" (expected: a, b)',
    });
  });
  it("unknownField on an indicator whose every input comes from elsewhere: expected (none)", () => {
    expect(only(() => run(c, [unit({ Y: { "2": { a: 1, b: 2 }, "7": { z: 1 } } }, { profile: { staff: 4 } })]))).toEqual({
      kind: "dataset",
      code: "unknownField",
      ...at(0, "data", "Y", "7", "z"),
      where: { unit: "u", period: "Y", indicator: "7", field: "z" },
      received: "z",
      expected: "(none)",
      message: 'unit u, period Y, indicator 7, field z: unknown field "z" (expected: (none))',
    });
  });
  it("fromField: a field taken from the profile must not be given in the data (detail: where it comes from)", () => {
    expect(only(() => run(c, [unit({ Y: { "6": { a: 1, b: 2 } } }, { profile: { staff: 4 } })]))).toEqual({
      kind: "dataset",
      code: "fromField",
      ...at(0, "data", "Y", "6", "b"),
      where: { unit: "u", period: "Y", indicator: "6", field: "b" },
      detail: "profile.staff",
      message: "unit u, period Y, indicator 6, field b: field is taken from profile.staff; do not give it here",
    });
  });
  it("fromField: a field taken from another indicator (7.a from 2.a)", () => {
    expect(only(() => run(c, [unit({ Y: { "2": { a: 1, b: 2 }, "7": { a: 1 } } }, { profile: { staff: 4 } })]))).toEqual({
      kind: "dataset",
      code: "fromField",
      ...at(0, "data", "Y", "7", "a"),
      where: { unit: "u", period: "Y", indicator: "7", field: "a" },
      detail: "2.a",
      message: "unit u, period Y, indicator 7, field a: field is taken from 2.a; do not give it here",
    });
  });
  it("missingField: an asked field left out, its label as detail", () => {
    expect(only(() => run(c, [unit({ Y: { "2": { a: 1 } } })]))).toEqual({
      kind: "dataset",
      code: "missingField",
      ...at(0, "data", "Y", "2", "b"),
      where: { unit: "u", period: "Y", indicator: "2", field: "b" },
      detail: "Tổng số",
      message: "unit u, period Y, indicator 2, field b: missing field (Tổng số)",
    });
  });
  it("missingField for a yes/no given as an empty object: field value, label Có / Không", () => {
    expect(only(() => run(c, [unit({ Y: { "1.1": {} } })]))).toEqual({
      kind: "dataset",
      code: "missingField",
      ...at(0, "data", "Y", "1.1", "value"),
      where: { unit: "u", period: "Y", indicator: "1.1", field: "value" },
      detail: "Có / Không",
      message: "unit u, period Y, indicator 1.1, field value: missing field (Có / Không)",
    });
  });
  it("checklist items left out are not done (absent = false), not missing: p only → 5", () => {
    const r = run(c, [unit({ Y: { "5": { p: true } } })]);
    expect(pointsUnit(r, "u").indicators["5"]!.score).toBe("5");
  });
  it("an indicator whose inputs all come from elsewhere may be given as {} (7: 2.a = 1 over staff 4 → 2.5)", () => {
    const r = run(c, [unit({ Y: { "2": { a: 1, b: 2 }, "7": {} } }, { profile: { staff: 4 } })]);
    expect(pointsUnit(r, "u").indicators["7"]!.score).toBe("2.5");
  });
  it("expectedObject: a single value where two fields are asked; expected lists them, received describes the value", () => {
    expect(only(() => run(c, [unit({ Y: { "2": 3 } })]))).toEqual({
      kind: "dataset",
      code: "expectedObject",
      ...at(0, "data", "Y", "2"),
      where: { unit: "u", period: "Y", indicator: "2" },
      received: "3",
      expected: "a, b",
      message: 'unit u, period Y, indicator 2: expected the fields a, b or "n/a", got 3',
    });
  });
  it('expectedObject: text other than "n/a" is quoted, null is named, true is shown as true', () => {
    const list = issues(() => run(c, [unit({ Y: { "2": "yes", "5": true, "10": null } })]));
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "expectedObject",
        ...at(0, "data", "Y", "2"),
        where: { unit: "u", period: "Y", indicator: "2" },
        received: '"yes"',
        expected: "a, b",
        message: 'unit u, period Y, indicator 2: expected the fields a, b or "n/a", got "yes"',
      },
      {
        kind: "dataset",
        code: "expectedObject",
        ...at(0, "data", "Y", "5"),
        where: { unit: "u", period: "Y", indicator: "5" },
        received: "true",
        expected: "p, q",
        message: 'unit u, period Y, indicator 5: expected the fields p, q or "n/a", got true',
      },
      {
        kind: "dataset",
        code: "expectedObject",
        ...at(0, "data", "Y", "10"),
        where: { unit: "u", period: "Y", indicator: "10" },
        received: "null",
        expected: "a, b, t",
        message: 'unit u, period Y, indicator 10: expected the fields a, b, t or "n/a", got null',
      },
    ]);
  });
  // Issue 10: "NA" used to mark an indicator not applicable (max); it is a missing value (R,
  // spreadsheets): not reported (0), with a warning naming the place.
  it('Điều 5c: "n/a", " Không áp dụng " mark an indicator not applicable, whatever its fields (max); "NA" is missing', () => {
    const r = run(c, [unit({ Y: { "2": "n/a", "3": "NA", "4": " Không áp dụng " } })]);
    const u = pointsUnit(r, "u");
    expect([u.indicators["2"]!.score, u.indicators["3"]!.score, u.indicators["4"]!.score]).toEqual(["10", "0", "10"]);
    expect(r.warnings.map((w) => [w.code, w.where.indicator])).toEqual([["missingMarker", "3"]]);
  });
});

describe("kinds of value (count, number, boolean, option, text)", () => {
  it("expectedCount: 2.5 and -1 are not whole numbers ≥ 0", () => {
    const list = issues(() => run(c, [unit({ Y: { "2": { a: 2.5, b: -1 } } })]));
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "expectedCount",
        ...at(0, "data", "Y", "2", "a"),
        where: { unit: "u", period: "Y", indicator: "2", field: "a" },
        received: "2.5",
        message: "unit u, period Y, indicator 2, field a: expected a whole number ≥ 0, got 2.5",
      },
      {
        kind: "dataset",
        code: "expectedCount",
        ...at(0, "data", "Y", "2", "b"),
        where: { unit: "u", period: "Y", indicator: "2", field: "b" },
        received: "-1",
        message: "unit u, period Y, indicator 2, field b: expected a whole number ≥ 0, got -1",
      },
    ]);
  });
  it('expectedCount: text "2,5", text that is no number and a boolean are quoted or shown as they are', () => {
    const list = issues(() => run(c, [unit({ Y: { "2": { a: "2,5", b: "many" }, "10": { a: true, b: 0, t: 1 } } })]));
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "expectedCount",
        ...at(0, "data", "Y", "2", "a"),
        where: { unit: "u", period: "Y", indicator: "2", field: "a" },
        received: '"2,5"',
        message: 'unit u, period Y, indicator 2, field a: expected a whole number ≥ 0, got "2,5"',
      },
      {
        kind: "dataset",
        code: "expectedCount",
        ...at(0, "data", "Y", "2", "b"),
        where: { unit: "u", period: "Y", indicator: "2", field: "b" },
        received: '"many"',
        message: 'unit u, period Y, indicator 2, field b: expected a whole number ≥ 0, got "many"',
      },
      {
        kind: "dataset",
        code: "expectedCount",
        ...at(0, "data", "Y", "10", "a"),
        where: { unit: "u", period: "Y", indicator: "10", field: "a" },
        received: "true",
        message: "unit u, period Y, indicator 10, field a: expected a whole number ≥ 0, got true",
      },
    ]);
  });
  // Issue 10: "1.234,5" reads 1234.5 in any format (only "1.000"-like forms are ambiguous); "1.500" is refused as ambiguousNumber.
  it("expectedShare: a negative number, negative text, ambiguous text 1.500 and an object (a share field, 0–1)", () => {
    const list = issues(() =>
      run(c, [
        { id: "a", name: "A", data: { Y: { "4": { x: -0.5 } } } },
        { id: "b", name: "B", data: { Y: { "4": { x: "-2" } } } },
        { id: "c", name: "C", data: { Y: { "4": { x: "1.500" } } } },
        { id: "d", name: "D", data: { Y: { "4": { x: { v: 1 } } } } },
      ]),
    );
    const bad = (i: number, id: string, received: string) => ({
      kind: "dataset",
      code: "expectedShare",
      ...at(i, "data", "Y", "4", "x"),
      where: { unit: id, period: "Y", indicator: "4", field: "x" },
      received,
      message: `unit ${id}, period Y, indicator 4, field x: expected a share from 0 to 1 (0.85 = 85%), got ${received}`,
    });
    expect(list).toEqual([
      bad(0, "a", "-0.5"),
      bad(1, "b", '"-2"'),
      {
        ...bad(2, "c", '"1.500"'),
        code: "ambiguousNumber",
        message: expect.stringContaining('unit c, period Y, indicator 4, field x: "1.500" is ambiguous') as unknown as string,
      },
      bad(3, "d", "an object"),
    ]);
  });
  it("accepted numbers: 0, -0, 0.5, whole numbers for counts (1/2 × 10 = 5; 0/-0 → zero-denominator policy max)", () => {
    const r = run(c, [{ id: "a", name: "A", data: { Y: { "2": { a: 1, b: 2 }, "4": { x: 0.5 }, "10": { a: 0, b: -0, t: 0 } } } }]);
    const u = pointsUnit(r, "a");
    expect([u.indicators["2"]!.score, u.indicators["4"]!.score, u.indicators["10"]!.score]).toEqual(["5", "5", "10"]);
    expect(r.warnings).toEqual([]);
  });
  it('expectedBoolean: the text "true" and the number 1 are not booleans (yes/no field value)', () => {
    const list = issues(() => run(c, [unit({ Y: { "1.1": "true", "1.2": { value: 1 } } })]));
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "expectedBoolean",
        ...at(0, "data", "Y", "1.1", "value"),
        where: { unit: "u", period: "Y", indicator: "1.1", field: "value" },
        received: '"true"',
        message: 'unit u, period Y, indicator 1.1, field value: expected true or false, got "true"',
      },
      {
        kind: "dataset",
        code: "expectedBoolean",
        ...at(0, "data", "Y", "1.2", "value"),
        where: { unit: "u", period: "Y", indicator: "1.2", field: "value" },
        received: "1",
        message: "unit u, period Y, indicator 1.2, field value: expected true or false, got 1",
      },
    ]);
  });
  it("expectedBoolean on a checklist item", () => {
    expect(only(() => run(c, [unit({ Y: { "5": { p: "x" } } })]))).toEqual({
      kind: "dataset",
      code: "expectedBoolean",
      ...at(0, "data", "Y", "5", "p"),
      where: { unit: "u", period: "Y", indicator: "5", field: "p" },
      received: '"x"',
      message: 'unit u, period Y, indicator 5, field p: expected true or false, got "x"',
    });
  });
  it("expectedOption: an option the choice does not offer; the offered ones listed with |", () => {
    expect(only(() => run(c, [unit({ Y: { "3": { value: "half" } } })]))).toEqual({
      kind: "dataset",
      code: "expectedOption",
      ...at(0, "data", "Y", "3", "value"),
      where: { unit: "u", period: "Y", indicator: "3", field: "value" },
      received: '"half"',
      expected: "full | none",
      message: 'unit u, period Y, indicator 3, field value: expected one of full | none, got "half"',
    });
  });
  it("expectedOption: a number is not an option key; an offered key is accepted (full → 10)", () => {
    expect(only(() => run(c, [unit({ Y: { "3": { value: 1 } } })]))).toMatchObject({
      code: "expectedOption",
      received: "1",
      expected: "full | none",
    });
    expect(pointsUnit(run(c, [unit({ Y: { "3": "full" } })]), "u").indicators["3"]!.score).toBe("10");
  });
  it("expectedText: a boolean in a text profile field (where: field profile.head)", () => {
    expect(only(() => run(c, [unit({}, { profile: { head: false } })]))).toEqual({
      kind: "dataset",
      code: "expectedText",
      path: ["units", 0, "profile", "head"],
      where: { unit: "u", field: "profile.head" },
      received: "false",
      message: "unit u, field profile.head: expected text, got false",
    });
  });
  it("text fields take text without a warning, and refuse a number (its written form is lost: 012 → 12; issue 10)", () => {
    const r = run(c, [unit({}, { profile: { head: "Nguyễn Văn A" } })]);
    expect(r.warnings).toEqual([]);
    const list = issues(() => run(c, [{ id: "v", name: "V", profile: { head: 12 }, data: {} }]));
    expect((list as { code: string; where: object; received: string }[]).map((i) => [i.code, i.where, i.received])).toEqual([
      ["expectedText", { unit: "v", field: "profile.head" }, "12"],
    ]);
  });
  it("profile values are checked by type: count, amount, boolean; null counts as not given", () => {
    const list = issues(() => run(c, [unit({}, { profile: { staff: 1.5, budget: "abc", online: "yes", head: null } })]));
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "expectedCount",
        path: ["units", 0, "profile", "staff"],
        where: { unit: "u", field: "profile.staff" },
        received: "1.5",
        message: "unit u, field profile.staff: expected a whole number ≥ 0, got 1.5",
      },
      {
        kind: "dataset",
        code: "expectedNumber",
        path: ["units", 0, "profile", "budget"],
        where: { unit: "u", field: "profile.budget" },
        received: '"abc"',
        message: 'unit u, field profile.budget: expected a number ≥ 0, got "abc"',
      },
      {
        kind: "dataset",
        code: "expectedBoolean",
        path: ["units", 0, "profile", "online"],
        where: { unit: "u", field: "profile.online" },
        received: '"yes"',
        message: 'unit u, field profile.online: expected true or false, got "yes"',
      },
    ]);
  });
  it("unknownProfileField: a key the catalog's profile does not define; the defined ones listed", () => {
    const issue = only(() => run(c, [unit({}, { profile: { nope: 1 } })]));
    // where.field: the key itself here, "profile.<key>" for a bad value (see the report):
    // either spelling is accepted, the rest is asserted whole.
    expect(issue).toEqual({
      kind: "dataset",
      code: "unknownProfileField",
      path: ["units", 0, "profile", "nope"],
      where: { unit: "u", field: expect.stringMatching(/^(profile\.)?nope$/) },
      received: "nope",
      expected: "staff, budget, online, head",
      message: expect.stringMatching(
        /^unit u, field (profile\.)?nope: unknown profile field "nope" \(expected: staff, budget, online, head\)$/,
      ),
    });
  });
  it("unknownProfileField in a catalog without profile: expected (none)", () => {
    const bare = points([yes("1")]);
    const issue = only(() => run(bare, [unit({}, { profile: { staff: 3 } })]));
    expect(issue).toMatchObject({
      kind: "dataset",
      code: "unknownProfileField",
      path: ["units", 0, "profile", "staff"],
      received: "staff",
      expected: "(none)",
    });
    expect((issue as { message: string }).message).toMatch(/: unknown profile field "staff" \(expected: \(none\)\)$/);
  });
});

describe("warnings: accepted input the user should know about (result.warnings)", () => {
  it('a number given as text is read, with a warning naming the text and the number ("0,5" → 0.5, "1.50" → 1.5)', () => {
    const r = run(c, [unit({ Y: { "2": { a: " 1 ", b: 2 }, "4": { x: "0,5" } } }, { profile: { budget: "1.50" } })]);
    expect(pointsUnit(r, "u").indicators["4"]!.score).toBe("5");
    expect(pointsUnit(r, "u").indicators["2"]!.score).toBe("5");
    expect(r.warnings).toEqual([
      {
        kind: "dataset",
        code: "numberAsText",
        path: ["units", 0, "profile", "budget"],
        where: { unit: "u", field: "profile.budget" },
        received: '"1.50"',
        expected: "1.5",
        message: 'unit u, field profile.budget: number given as text "1.50", read as 1.5',
      },
      {
        kind: "dataset",
        code: "numberAsText",
        ...at(0, "data", "Y", "2", "a"),
        where: { unit: "u", period: "Y", indicator: "2", field: "a" },
        received: '" 1 "',
        expected: "1",
        message: 'unit u, period Y, indicator 2, field a: number given as text " 1 ", read as 1',
      },
      {
        kind: "dataset",
        code: "numberAsText",
        ...at(0, "data", "Y", "4", "x"),
        where: { unit: "u", period: "Y", indicator: "4", field: "x" },
        received: '"0,5"',
        expected: "0.5",
        message: 'unit u, period Y, indicator 4, field x: number given as text "0,5", read as 0.5',
      },
    ]);
  });
  it("cadence (Kỳ đánh giá): data for a period where the indicator is not due is not used, with a warning", () => {
    const r = run(
      c,
      [unit({ Q1: { "8": { a: 1, b: 1 }, "9": "n/a" }, Q2: { "8": { a: 1, b: 1 }, "9": { a: 1, b: 1 } }, Q4: { "8": { a: 1, b: 2 } } })],
      ["Q1", "Q2", "Q3", "Q4"],
    );
    const warn = (period: string, code: string, cadence: string) => ({
      kind: "dataset",
      code: "notDue",
      ...at(0, "data", period, code),
      where: { unit: "u", period, indicator: code },
      received: period,
      expected: cadence,
      detail: code,
      message: `unit u, period ${period}, indicator ${code}: indicator ${code} is evaluated per ${cadence}; its data for ${period} is not used`,
    });
    // 8 (year) is due at Q4 only; 9 (half) at Q2 and Q4: even "n/a" in Q1 is not used.
    expect(r.warnings).toEqual([warn("Q1", "8", "year"), warn("Q1", "9", "half"), warn("Q2", "8", "year")]);
    expect(pointsUnit(r, "u").indicators["8"]!.score).toBe("5");
  });
  it("cadence: the dataset's last period is always due (a year indicator in H1 of periods [H1]: no warning)", () => {
    const r = run(c, [unit({ H1: { "8": { a: 1, b: 2 } } })], ["H1"]);
    expect(r.warnings).toEqual([]);
    expect(pointsUnit(r, "u").indicators["8"]!.score).toBe("5");
  });
  it("warnings are also given for the appraisal's data", () => {
    const r = run(c, [unit({ Y: { "4": { x: 1 } } }, { appraisal: { Y: { "4": { x: "0.25" } } } })]);
    expect(r.warnings).toEqual([
      {
        kind: "dataset",
        code: "numberAsText",
        ...at(0, "appraisal", "Y", "4", "x"),
        where: { unit: "u", period: "Y", indicator: "4", field: "x" },
        received: '"0.25"',
        expected: "0.25",
        message: 'unit u, period Y, indicator 4, field x: number given as text "0.25", read as 0.25',
      },
    ]);
  });
});

describe("proportion: numerator ≤ denominator (Đồng Nai Sở 2.6: số đạt ≤ tổng số)", () => {
  it("a = 3 over b = 2: received the numerator, expected the denominator, field and detail the numerator's inputs", () => {
    expect(only(() => run(c, [unit({ Y: { "2": { a: 3, b: 2 } } })]))).toEqual({
      kind: "dataset",
      code: "numeratorExceedsDenominator",
      ...at(0, "data", "Y", "2"),
      where: { unit: "u", period: "Y", indicator: "2", field: "a" },
      received: "3",
      expected: "2",
      detail: "a",
      message: "unit u, period Y, indicator 2, field a: numerator a = 3 is larger than the denominator = 2",
    });
  });
  it("equal is accepted (2/2 → 10); proportion: false allows a > b", () => {
    const r = run(c, [unit({ Y: { "2": { a: 2, b: 2 }, "11": { a: 3, b: 2 } } })]);
    expect(pointsUnit(r, "u").indicators["2"]!.score).toBe("10");
  });
  it("a numerator of two inputs is summed: a + b = 2 + 1 = 3 > t = 2, field and detail a+b", () => {
    expect(only(() => run(c, [unit({ Y: { "10": { a: 2, b: 1, t: 2 } } })]))).toEqual({
      kind: "dataset",
      code: "numeratorExceedsDenominator",
      ...at(0, "data", "Y", "10"),
      where: { unit: "u", period: "Y", indicator: "10", field: "a+b" },
      received: "3",
      expected: "2",
      detail: "a+b",
      message: "unit u, period Y, indicator 10, field a+b: numerator a+b = 3 is larger than the denominator = 2",
    });
  });
  it("a denominator from the profile (6: a = 5 over staff 4)", () => {
    expect(only(() => run(c, [unit({ Y: { "6": { a: 5 } } }, { profile: { staff: 4 } })]))).toMatchObject({
      code: "numeratorExceedsDenominator",
      ...at(0, "data", "Y", "6"),
      where: { unit: "u", period: "Y", indicator: "6", field: "a" },
      received: "5",
      expected: "4",
    });
  });
  // Issue 10: the missing profile value used to score 6 as 0 silently; it is now an issue of its own.
  it("not checked when an input is missing (no profile staff: missingProfileField instead) or the entry is n/a", () => {
    expect(only(() => run(c, [unit({ Y: { "6": { a: 5 }, "2": "n/a" } })]))).toMatchObject({
      code: "missingProfileField",
      where: { unit: "u", field: "profile.staff" },
      detail: "6",
    });
    const r = run(c, [unit({ Y: { "6": "n/a", "2": "n/a" } })]);
    expect(pointsUnit(r, "u").indicators["6"]!.score).toBe("10");
  });
  it("in the appraisal: reported at the appraisal's path; an error in self data reported once, not again for the merged data", () => {
    const list = issues(() =>
      run(c, [unit({ Y: { "2": { a: 3, b: 2 } } }, { appraisal: { Y: { "4": { x: 1 }, "10": { a: 1, b: 1, t: 1 } } } })]),
    );
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "numeratorExceedsDenominator",
        ...at(0, "data", "Y", "2"),
        where: { unit: "u", period: "Y", indicator: "2", field: "a" },
        received: "3",
        expected: "2",
        detail: "a",
        message: "unit u, period Y, indicator 2, field a: numerator a = 3 is larger than the denominator = 2",
      },
      {
        kind: "dataset",
        code: "numeratorExceedsDenominator",
        ...at(0, "appraisal", "Y", "10"),
        where: { unit: "u", period: "Y", indicator: "10", field: "a+b" },
        received: "2",
        expected: "1",
        detail: "a+b",
        message: "unit u, period Y, indicator 10, field a+b: numerator a+b = 2 is larger than the denominator = 1",
      },
    ]);
  });
  it("the final data mixes both assessments: 12.b from 2.b, appraised 2.b = 1 under self 12.a = 2 → error at 12's self path", () => {
    const list = issues(() =>
      run(c, [unit({ Y: { "2": { a: 1, b: 2 }, "12": { a: 2 } } }, { appraisal: { Y: { "2": { a: 1, b: 1 } } } })]),
    );
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "numeratorExceedsDenominator",
        ...at(0, "data", "Y", "12"),
        where: { unit: "u", period: "Y", indicator: "12", field: "a" },
        received: "2",
        expected: "1",
        detail: "a",
        message: "unit u, period Y, indicator 12, field a: numerator a = 2 is larger than the denominator = 1",
      },
    ]);
  });
  it("an appraisal for an indicator without self data is checked too, at the appraisal's path", () => {
    expect(only(() => run(c, [unit({}, { appraisal: { Y: { "2": { a: 3, b: 2 } } } })]))).toMatchObject({
      code: "numeratorExceedsDenominator",
      ...at(0, "appraisal", "Y", "2"),
      received: "3",
      expected: "2",
    });
  });
  it("a from-reference to an indicator marked n/a is missing: no check (12.a = 5, 2 n/a → 12 scores 0)", () => {
    const r = run(c, [unit({ Y: { "2": "n/a", "12": { a: 5 } } })]);
    expect(pointsUnit(r, "u").indicators["12"]!.score).toBe("0");
  });
  it("self data within bounds with an appraisal within bounds: no error (12.a = 1 ≤ 2.b = 1)", () => {
    const r = run(c, [unit({ Y: { "2": { a: 1, b: 2 }, "12": { a: 1 } } }, { appraisal: { Y: { "2": { a: 1, b: 1 } } } })]);
    expect(pointsUnit(r, "u").indicators["12"]!.score).toBe("10");
  });
});

describe("periods, units and catalogs of the dataset", () => {
  it("unknownPeriod: data for a period the dataset does not list (data and appraisal), the periods listed", () => {
    const list = issues(() =>
      run(c, [unit({ Y: {} }, { appraisal: { H1: { "99": 1 } } }), unit({ Q4: { "2": 1 } }, { id: "v" })], ["Q1", "Q2", "Q3"]),
    );
    const bad = (i: number, id: string, source: string, period: string) => ({
      kind: "dataset",
      code: "unknownPeriod",
      path: ["units", i, source, period],
      where: { unit: id, period },
      received: period,
      expected: "Q1, Q2, Q3",
      message: `unit ${id}, period ${period}: unknown period "${period}" (dataset periods: Q1, Q2, Q3)`,
    });
    // The entries of an unknown period are not read (no unknownIndicator for 99, no expectedObject for 2).
    expect(list).toEqual([bad(0, "u", "data", "Y"), bad(0, "u", "appraisal", "H1"), bad(1, "v", "data", "Q4")]);
  });
  it("badPeriods: periods out of order, repeated or mixed; the periods shown as received", () => {
    const bad = (periods: string[]) => ({
      kind: "dataset",
      code: "badPeriods",
      path: ["periods"],
      where: {},
      received: periods.join(", "),
      message: `periods must be Q1–Q4, H1–H2 or Y, in order, without repeats; got ${periods.join(", ")}`,
    });
    for (const periods of [["Q2", "Q1"], ["H1", "H1"], ["Q1", "H2"], ["X"]]) {
      expect(only(() => run(c, [unit({})], periods))).toEqual(bad(periods));
    }
  });
  it("catalogMismatch: the dataset names another catalog", () => {
    expect(only(() => score(c, { catalog: "other-2024/so", year: 2024, periods: ["Y"], units: [unit({})] } as never))).toEqual({
      kind: "dataset",
      code: "catalogMismatch",
      path: ["catalog"],
      where: {},
      received: "other-2024/so",
      expected: ID,
      message: `dataset is for catalog "other-2024/so" but was scored with "${ID}"`,
    });
  });
  it("duplicateUnit: every repeat of an id is reported at its own path", () => {
    const list = issues(() => run(c, [unit({}), { id: "v", name: "V", data: {} }, unit({}), unit({})]));
    const dup = (i: number) => ({
      kind: "dataset",
      code: "duplicateUnit",
      path: ["units", i, "id"],
      where: { unit: "u" },
      received: "u",
      message: 'unit u: unit id "u" appears more than once',
    });
    expect(list).toEqual([dup(2), dup(3)]);
  });
  it("badRegistered: the registered level must be 1–5 (0 and 6 refused, 1 and 5 accepted)", () => {
    const list = issues(() =>
      run(c, [
        { id: "a", name: "A", registered: 0, data: {} },
        { id: "b", name: "B", registered: 1, data: {} },
        { id: "c", name: "C", registered: 5, data: {} },
        { id: "d", name: "D", registered: 6, data: {} },
      ]),
    );
    const bad = (i: number, id: string, level: number) => ({
      kind: "dataset",
      code: "badRegistered",
      path: ["units", i, "registered"],
      where: { unit: id },
      received: String(level),
      message: `unit ${id}: registered level must be 1–5, got ${level}`,
    });
    expect(list).toEqual([bad(0, "a", 0), bad(3, "d", 6)]);
  });
  it("unknownParent: a parent not in the dataset; a parent listed later in the dataset is fine", () => {
    const list = issues(() =>
      run(c, [
        { id: "a", name: "A", parent: "b", data: {} },
        { id: "b", name: "B", data: {} },
        { id: "c", name: "C", parent: "nobody", data: {} },
      ]),
    );
    expect(list).toEqual([
      {
        kind: "dataset",
        code: "unknownParent",
        path: ["units", 2, "parent"],
        where: { unit: "c" },
        received: "nobody",
        message: 'unit c: parent unit "nobody" is neither a unit of the dataset nor declared in its parents',
      },
    ]);
  });
  it("wrongUnitCatalog without a child catalog: expected is the dataset's catalog; the unit's data is not read", () => {
    expect(only(() => run(c, [unit({ Y: { "99": 1 } }, { catalog: "other-2024/xa" })]))).toEqual({
      kind: "dataset",
      code: "wrongUnitCatalog",
      path: ["units", 0, "catalog"],
      where: { unit: "u" },
      received: "other-2024/xa",
      expected: ID,
      message: `unit u: unit's catalog "other-2024/xa" is neither the dataset's catalog nor its child catalog (${ID})`,
    });
  });
  it("a unit may name the dataset's own catalog", () => {
    const r = run(c, [unit({ Y: { "1.1": true } }, { catalog: ID })]);
    expect(pointsUnit(r, "u").total).toBe("10");
  });
  describe("mixed datasets (Kon Tum: communes in a district dataset)", () => {
    const xa = loadCatalog({ id: "mutn-2024/xa", title: "Xã", province: "Test", level: "xa", document: doc, indicators: [yes("X1", 4)] });
    const huyen = points([yes("H1", 6)], { id: "mutn-2024/huyen", level: "huyen", childCatalog: "mutn-2024/xa" } as Partial<CatalogInput>);
    const opts: ScoreOptions = { catalogs: { "mutn-2024/xa": xa } };
    const ds = (units: unknown[]) => ({ catalog: "mutn-2024/huyen", year: 2024, periods: ["Y"], units });
    it("a child unit is checked against the child catalog (X1 accepted, H1 unknown there)", () => {
      const list = issues(() =>
        score(
          huyen,
          ds([
            { id: "h", name: "H", data: { Y: { H1: true } } },
            { id: "x", name: "X", catalog: "mutn-2024/xa", parent: "h", data: { Y: { X1: true, H1: true } } },
          ]) as never,
          opts,
        ),
      );
      expect(list).toEqual([
        {
          kind: "dataset",
          code: "unknownIndicator",
          ...at(1, "data", "Y", "H1"),
          where: { unit: "x", period: "Y", indicator: "H1" },
          received: "H1",
          message: 'unit x, period Y, indicator H1: no indicator with code "H1" in the catalog',
        },
      ]);
      const r = score(
        huyen,
        ds([
          { id: "h", name: "H", data: { Y: { H1: true } } },
          { id: "x", name: "X", catalog: "mutn-2024/xa", parent: "h", data: { Y: { X1: true } } },
        ]) as never,
        opts,
      );
      expect(pointsUnit(r, "x").total).toBe("4");
      expect(pointsUnit(r, "h").total).toBe("6");
    });
    it("wrongUnitCatalog with a child catalog: expected names both catalogs", () => {
      expect(only(() => score(huyen, ds([{ id: "x", name: "X", catalog: "other-2024/xa", data: {} }]) as never, opts))).toEqual({
        kind: "dataset",
        code: "wrongUnitCatalog",
        path: ["units", 0, "catalog"],
        where: { unit: "x" },
        received: "other-2024/xa",
        expected: "mutn-2024/huyen, mutn-2024/xa",
        message:
          "unit x: unit's catalog \"other-2024/xa\" is neither the dataset's catalog nor its child catalog (mutn-2024/huyen, mutn-2024/xa)",
      });
    });
  });
});

describe("every problem of a dataset is reported at once, in a stable order", () => {
  it("dataset-level issues first, then unit by unit (profile, registered, data, appraisal, proportions), parents last", () => {
    const dataset = {
      catalog: "other-2024/so",
      year: 2024,
      periods: ["Y", "Q1"],
      units: [
        {
          id: "u",
          name: "U",
          parent: "nobody",
          registered: 9,
          profile: { nope: 1 },
          data: { Y: { "99": 1, "2": { a: 3, b: 2 } }, Q3: {} },
          appraisal: { Y: { "3": { value: "half" } } },
        },
        { id: "u", name: "U again", data: { Y: { "2": { a: 1 } } } },
        { id: "w", name: "W", catalog: "other-2024/xa", data: {} },
      ],
    };
    const list = issues(() => score(c, loadDataset(dataset))) as { code: string; path: unknown[] }[];
    expect(list.map((i) => [i.code, i.path])).toEqual([
      ["badPeriods", ["periods"]],
      ["catalogMismatch", ["catalog"]],
      ["unknownProfileField", ["units", 0, "profile", "nope"]],
      ["badRegistered", ["units", 0, "registered"]],
      // Object key order: integer-like codes ("2", "99") come first, ascending.
      ["unknownIndicator", ["units", 0, "data", "Y", "99"]],
      ["unknownPeriod", ["units", 0, "data", "Q3"]],
      ["expectedOption", ["units", 0, "appraisal", "Y", "3", "value"]],
      ["numeratorExceedsDenominator", ["units", 0, "data", "Y", "2"]],
      ["duplicateUnit", ["units", 1, "id"]],
      ["missingField", ["units", 1, "data", "Y", "2", "b"]],
      ["wrongUnitCatalog", ["units", 2, "catalog"]],
      ["unknownParent", ["units", 0, "parent"]],
    ]);
    // The same dataset gives the same list, and the error's message lists every issue, one per line.
    const again = issues(() => score(c, loadDataset(dataset)));
    expect(again).toEqual(list);
    try {
      score(c, loadDataset(dataset));
    } catch (e) {
      expect((e as DatasetError).message.split("\n")).toHaveLength(list.length);
      expect((e as DatasetError).code).toBe("badPeriods");
    }
  });
});
