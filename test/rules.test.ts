// Engine rules that used to hang on a single test, each now checked at least twice with
// different data: ties share a rank (1, 2, 2, 4), the zero-denominator default policy, the
// Vietnamese decimal comma, the gaps target ("points needed to pass the unit above"), and the
// periods a half-yearly / yearly indicator is due in. Every expected value is worked out by hand
// in the test's name or comment, citing the indicator.
import { describe, expect, it } from "vitest";
import {
  DatasetError,
  gaps,
  getCatalog,
  loadCatalog,
  score,
  type Catalog,
  type CatalogNode,
  type CompiledCatalog,
  type DatasetInput,
  type ScoreResult,
} from "../src/index.js";
import { asLevels, asPoints } from "./_units.js";

const dnSo = getCatalog("dong-nai-2023/so");
const vpXa = getCatalog("vinh-phuc-2022/xa");
const ktXa = getCatalog("kon-tum-2025/xa");
const npXa = getCatalog("quang-ngai-nghia-phuong-2023/xa");

type Units = DatasetInput["units"];
const ds = (catalog: Catalog, units: Units, periods = ["Y"]): DatasetInput => ({ catalog: catalog.id, year: 2024, periods, units });
type Entries = NonNullable<Units[number]["data"]>[string];
const unit = (id: string, Y: NonNullable<Entries>): Units[number] => ({ id, name: id, data: { Y } });
const byId = (r: ScoreResult) => new Map(r.units.map((u) => [u.id, u]));

function leafCodes(nodes: readonly CatalogNode[]): string[] {
  return nodes.flatMap((n) => (n.children?.length ? leafCodes(n.children) : [n.code]));
}

function datasetError(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatasetError) return e;
    throw e;
  }
  throw new Error("expected a DatasetError");
}

// Đồng Nai Sở: 2.1 (30 pts, "Đã ban hành: Điểm tối đa") and 2.6 (30 pts, a/b × 30); every other
// indicator without data scores 0 ("không có số liệu … mặc định là 0 điểm").
// A: 30 + 4/4 × 30 = 60; B: 30; C: 4/4 × 30 = 30; D: 0.
const dnTie = ds(dnSo, [
  unit("A", { "2.1": true, "2.6": { a: 4, b: 4 } }),
  unit("B", { "2.1": true }),
  unit("C", { "2.6": { a: 4, b: 4 } }),
  unit("D", { "2.1": false }),
]);

// Vĩnh Phúc xã 6.8 (40 pts, Điểm = Tỷ lệ × 40; the rate a from Sở TT&TT's report).
const vp = (rates: Record<string, number | string>) =>
  ds(
    vpXa,
    Object.entries(rates).map(([id, a]) => unit(id, { "6.8": { a } })),
  );

describe("ties share a rank (standard competition ranking 1, 2, 2, 4)", () => {
  it("Đồng Nai Sở 2.1 + 2.6: totals 60, 30, 30, 0 → ranks 1, 2, 2, 4; tied units in id order", () => {
    const r = score(dnSo, dnTie);
    const u = byId(r);
    expect(["A", "B", "C", "D"].map((id) => asPoints(u.get(id)).total)).toEqual(["60", "30", "30", "0"]);
    expect(["A", "B", "C", "D"].map((id) => u.get(id)!.rank)).toEqual([1, 2, 2, 4]);
    expect(r.units.map((x) => x.id)).toEqual(["A", "B", "C", "D"]);
  });

  it("Vĩnh Phúc xã 6.8: rates 0.5, 0.5, 0.5, 0.25 → 20, 20, 20, 10 → ranks 1, 1, 1, 4", () => {
    const r = score(vpXa, vp({ w: 0.5, x: 0.5, y: 0.5, z: 0.25 }));
    const u = byId(r);
    expect(["w", "x", "y", "z"].map((id) => asPoints(u.get(id)).total)).toEqual(["20", "20", "20", "10"]);
    expect(["w", "x", "y", "z"].map((id) => u.get(id)!.rank)).toEqual([1, 1, 1, 4]);
  });

  it("Vĩnh Phúc xã 6.8: a tie below the top: 0.75, 0.5, 0.5, 0.25, 0 → 30, 20, 20, 10, 0 → ranks 1, 2, 2, 4, 5", () => {
    const r = score(vpXa, vp({ p: 0.75, q: 0.5, r: 0.5, s: 0.25, t: 0 }));
    const u = byId(r);
    expect(["p", "q", "r", "s", "t"].map((id) => u.get(id)!.rank)).toEqual([1, 2, 2, 4, 5]);
  });

  it("Kon Tum xã (levels): every criterion n/a → 5; 1.8 at 29/40 = 72.5% → 3 (twice); 1.8 at 49% → 0 → ranks 1, 2, 2, 4", () => {
    const na = Object.fromEntries(leafCodes(ktXa.indicators).map((c) => [c, "n/a"]));
    const r = score(
      ktXa,
      ds(ktXa, [
        unit("p", na),
        unit("q", { ...na, "1.8": { a: 29, b: 40 } }),
        unit("r", { ...na, "1.8": { a: 58, b: 80 } }),
        unit("s", { ...na, "1.8": { a: 49, b: 100 } }),
      ]),
    );
    const u = byId(r);
    expect(["p", "q", "r", "s"].map((id) => asLevels(u.get(id)).level)).toEqual([5, 3, 3, 0]);
    expect(["p", "q", "r", "s"].map((id) => u.get(id)!.rank)).toEqual([1, 2, 2, 4]);
  });
});

describe("zero denominator: the catalog's default policy (itself max when the catalog gives none)", () => {
  it("Đồng Nai Sở 2.6: the province organised no conference (b = 0) → max 30 (defaults.zeroDenominator max, Điều 5c)", () => {
    const r = score(dnSo, ds(dnSo, [unit("u", { "2.6": { a: 0, b: 0 } })]));
    const ind = asPoints(r.units[0]).indicators["2.6"]!;
    expect(ind.score).toBe("30");
    expect(ind.periods!["Y"]!.status).toBe("zeroDenominator");
  });

  it("Nghĩa Phương xã 4.2: no thôn at all (b = 0) → max 10 (catalog default max)", () => {
    const r = score(npXa, ds(npXa, [unit("u", { "4.2": { a: 0, b: 0 } })]));
    expect(asPoints(r.units[0]).indicators["4.2"]!.score).toBe("10");
    expect(asPoints(r.units[0]).indicators["4.2"]!.periods!["Y"]!.status).toBe("zeroDenominator");
  });

  it("Kon Tum xã 1.8 (levels): nothing to count (b = 0) meets every level → 5", () => {
    const r = score(ktXa, ds(ktXa, [unit("u", { "1.8": { a: 0, b: 0 } })]));
    expect(asLevels(r.units[0]).criteria["1.8"]!.levelMet).toBe(5);
  });

  describe("a catalog that says nothing, and one whose default is zero", () => {
    const node = (code: string, extra: object = {}) => ({
      code,
      name: `Tỷ lệ ${code}`,
      max: 10,
      ...extra,
      inputs: { a: { label: "a" }, b: { label: "b" } },
      formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
    });
    const meta = { title: "T", province: "T", level: "so", document: { number: "1/T", date: "2024-01-01" } };
    const silent = loadCatalog({ id: "silent-2024/so", ...meta, indicators: [node("1"), node("2", { zeroDenominator: "zero" })] });
    const zero = loadCatalog({
      id: "zero-2024/so",
      ...meta,
      defaults: { zeroDenominator: "zero" },
      indicators: [node("1"), node("2", { zeroDenominator: "max" })],
    });
    const run = (c: CompiledCatalog) => asPoints(byId(score(c, ds(c, [unit("u", { "1": { a: 0, b: 0 }, "2": { a: 0, b: 0 } })]))).get("u"));

    it("no defaults: b = 0 → max 10; a node's own zero → 0", () => {
      const u = run(silent);
      expect([u.indicators["1"]!.score, u.indicators["2"]!.score]).toEqual(["10", "0"]);
    });

    it("defaults zero: b = 0 → 0; a node's own max → 10", () => {
      const u = run(zero);
      expect([u.indicators["1"]!.score, u.indicators["2"]!.score]).toEqual(["0", "10"]);
    });
  });
});

describe("Vietnamese decimal comma in numbers given as text", () => {
  it('Vĩnh Phúc xã 6.8: a = "0,85" is read 0.85 → 0.85 × 40 = 34, with one warning naming the place', () => {
    const r = score(vpXa, vp({ u: "0,85" }));
    const ind = asPoints(r.units[0]).indicators["6.8"]!;
    expect(ind.score).toBe("34");
    expect(ind.periods!["Y"]!.trace.inputs).toEqual({ a: "0.85" });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.where).toMatchObject({ unit: "u", period: "Y", indicator: "6.8", field: "a" });
  });

  it('Đồng Nai Sở 6.6: a = "50,5" million of b = "10000" → 0.505% → 0.505/1 × 15 = 7.575; two warnings', () => {
    const r = score(dnSo, ds(dnSo, [unit("u", { "6.6": { a: "50,5", b: "10000" } })]));
    expect(asPoints(r.units[0]).indicators["6.6"]!.score).toBe("7.575");
    expect(r.warnings).toHaveLength(2);
  });

  it("the same number with a point or a comma scores the same (Đồng Nai Sở 6.6: 0,3 / 100 and 0.3 / 100 → 4.5)", () => {
    const comma = score(dnSo, ds(dnSo, [unit("u", { "6.6": { a: "0,3", b: 100 } })]));
    const point = score(dnSo, ds(dnSo, [unit("u", { "6.6": { a: 0.3, b: 100 } })]));
    expect(asPoints(comma.units[0]).indicators["6.6"]!.score).toBe("4.5");
    expect(asPoints(point.units[0]).indicators["6.6"]!.score).toBe("4.5");
  });

  // Issue 10: "1.234,5" can only be Vietnamese (1234.5) and is read so; "1.234" alone is a thousand or a decimal.
  it('"1.234" (a thousands point or a decimal point) is refused as ambiguous, not guessed (Đồng Nai Sở 6.6 a)', () => {
    const e = datasetError(() => score(dnSo, ds(dnSo, [unit("u", { "6.6": { a: "1.234", b: 100000 } })])));
    expect(e.issues.map((i) => i.code)).toContain("ambiguousNumber");
    expect(e.issues[0]!.where).toMatchObject({ unit: "u", indicator: "6.6", field: "a" });
  });

  it('a count with a decimal comma is still not a whole number (Đồng Nai Sở 2.6 a = "3,5")', () => {
    const e = datasetError(() => score(dnSo, ds(dnSo, [unit("u", { "2.6": { a: "3,5", b: 4 } })])));
    expect(e.issues.map((i) => i.code)).toContain("expectedCount");
  });
});

describe("gaps: the target is the unit just above, and the points needed to pass it", () => {
  it("Đồng Nai Sở (totals 60, 30, 30, 0): D needs 30 − 0 = 30 to reach the units just above (B or C, not A)", () => {
    const g = gaps(dnSo, dnTie, "D");
    expect(g.target?.needed).toBe("30");
    expect(["B", "C"]).toContain(g.target?.unit);
  });

  it("Đồng Nai Sở: B (30) is tied with C, which is not above it; the target is A: 60 − 30 = 30", () => {
    const g = gaps(dnSo, dnTie, "B");
    expect(g.target).toMatchObject({ unit: "A", total: "60", needed: "30" });
  });

  it("Đồng Nai Sở: the first unit (A, 60) has no unit above, so no target", () => {
    expect(gaps(dnSo, dnTie, "A").target).toBeUndefined();
  });

  it("Vĩnh Phúc xã 6.8 (34, 24, 10): the last needs 24 − 10 = 14 (the unit just above, not the first); the second 34 − 24 = 10", () => {
    const data = vp({ top: 0.85, mid: 0.6, low: 0.25 });
    expect(gaps(vpXa, data, "low").target).toMatchObject({ unit: "mid", total: "24", needed: "14" });
    expect(gaps(vpXa, data, "mid").target).toMatchObject({ unit: "top", total: "34", needed: "10" });
  });
});

describe("periods an indicator is due in (Kỳ đánh giá), no built-in catalog being half-yearly", () => {
  const c = loadCatalog({
    id: "cadence-2024/so",
    title: "T",
    province: "T",
    level: "so",
    document: { number: "1/T", date: "2024-01-01" },
    indicators: [
      { code: "1", name: "Quý, trung bình", max: 20, cadence: "quarter", annualRule: "mean", formula: { kind: "yesNo" } },
      { code: "2", name: "6 tháng, trung bình", max: 20, cadence: "half", annualRule: "mean", formula: { kind: "yesNo" } },
      { code: "3", name: "Năm, kỳ cuối", max: 20, cadence: "year", annualRule: "last", formula: { kind: "yesNo" } },
    ],
  });
  const all = { "1": true, "2": true, "3": true };

  it("quarterly data: quarterly in Q1–Q4, half-yearly in Q2 and Q4, yearly in Q4", () => {
    // 2 is true in Q2 only: mean of Q2 (20) and Q4 (0) = 10. 1: true in Q1, Q2 → (20 + 20 + 0 + 0)/4 = 10.
    const r = score(
      c,
      ds(
        c,
        [{ id: "u", name: "u", data: { Q1: { "1": true }, Q2: { "1": true, "2": true }, Q3: {}, Q4: { "2": false, "3": true } } }],
        ["Q1", "Q2", "Q3", "Q4"],
      ),
    );
    const ind = asPoints(r.units[0]).indicators;
    expect([ind["1"]!.duePeriods, ind["2"]!.duePeriods, ind["3"]!.duePeriods]).toEqual([["Q1", "Q2", "Q3", "Q4"], ["Q2", "Q4"], ["Q4"]]);
    expect([ind["1"]!.score, ind["2"]!.score, ind["3"]!.score]).toEqual(["10", "10", "20"]);
  });

  it("half-yearly data: quarterly and half-yearly in H1 and H2, yearly in H2 (its H1 data not used, with a warning)", () => {
    const r = score(c, ds(c, [{ id: "u", name: "u", data: { H1: all, H2: { "1": true, "2": false, "3": false } } }], ["H1", "H2"]));
    const ind = asPoints(r.units[0]).indicators;
    expect([ind["1"]!.duePeriods, ind["2"]!.duePeriods, ind["3"]!.duePeriods]).toEqual([["H1", "H2"], ["H1", "H2"], ["H2"]]);
    // 1: (20 + 20)/2 = 20; 2: (20 + 0)/2 = 10; 3: last = H2 = 0.
    expect([ind["1"]!.score, ind["2"]!.score, ind["3"]!.score]).toEqual(["20", "10", "0"]);
    expect(r.warnings.some((w) => w.where.indicator === "3" && w.where.period === "H1")).toBe(true);
  });

  it("data stopping at Q2: the yearly and half-yearly indicators are judged at Q2, the dataset's last period", () => {
    const r = score(c, ds(c, [{ id: "u", name: "u", data: { Q1: { "1": true }, Q2: { "2": true, "3": true } } }], ["Q1", "Q2"]));
    const ind = asPoints(r.units[0]).indicators;
    expect([ind["1"]!.duePeriods, ind["2"]!.duePeriods, ind["3"]!.duePeriods]).toEqual([["Q1", "Q2"], ["Q2"], ["Q2"]]);
    // 1: (20 + 0)/2 = 10; 2: 20; 3: 20.
    expect([ind["1"]!.score, ind["2"]!.score, ind["3"]!.score]).toEqual(["10", "20", "20"]);
  });
});
