// Alternative readings of ambiguous rows (issue 13): each reading scores exactly what the
// document's words say, on both engines, from the API and from the command line.
import { describe, expect, it } from "vitest";
import {
  CatalogError,
  getCatalog,
  loadCatalog,
  readingSets,
  score,
  withReadings,
  type CompiledCatalog,
  type DatasetInput,
  type PointsUnit,
  type ScoreResult,
} from "../src/index.js";

/** A dataset of one unit and one period, with only the given indicators' data. */
function oneUnit(catalog: string, period: string, data: Record<string, unknown>, year = 2024): DatasetInput {
  return { catalog, year, periods: [period], units: [{ id: "u1", name: "Đơn vị 1", data: { [period]: data } }] } as DatasetInput;
}

function indicator(result: ScoreResult, code: string, unit = "u1"): string {
  const u = result.units.find((x) => x.id === unit) as PointsUnit;
  return u.indicators[code]!.score;
}

/** Scores under a choice on both engines and checks they agree (fast path == reference). */
function both(catalog: CompiledCatalog, dataset: DatasetInput, readings?: Record<string, string>): ScoreResult {
  const opts = readings ? { readings } : {};
  const fast = score(catalog, dataset, opts);
  const reference = score(catalog, dataset, { ...opts, engine: "reference" });
  expect(JSON.parse(JSON.stringify(fast.units))).toEqual(JSON.parse(JSON.stringify(reference.units)));
  expect(fast.readings).toEqual(reference.readings);
  return fast;
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
