// Survivors of a hand-made mutation run outside src/formulas and src/engine (issue 9): number
// display rounding and compare's rank change. Public API only.
import { describe, expect, it } from "vitest";
import { compare, formatNumber, formatPercent, loadCatalog, score, whatIf } from "../src/index.js";

describe("formatNumber / formatPercent: rounded half up, not truncated", () => {
  it("22.455 → 22,46 (vi) / 22.46 (en); truncation would show 22,45", () => {
    expect(formatNumber("22.455", "vi")).toBe("22,46");
    expect(formatNumber("22.455", "en")).toBe("22.46");
  });
  it("9.999 → 10 (the carry reaches the units); 2 places by default, trailing zeros dropped", () => {
    expect(formatNumber("9.999", "en")).toBe("10");
    expect(formatNumber("22.5", "vi")).toBe("22,5");
    expect(formatNumber("3.14159", "en", 4)).toBe("3.1416");
  });
  it("0.72549 as a percentage → 72,55% (72.549 rounded to 2 places)", () => {
    expect(formatPercent("0.72549", "vi")).toBe("72,55%");
  });
});

describe("compare: rank change is positive when a unit climbs (rank before − rank after)", () => {
  const c = loadCatalog({
    id: "mutcmp-2024/so",
    title: "Compare",
    province: "Test",
    level: "so",
    document: { number: "9/QĐ-MUT", date: "2024-01-01" },
    indicators: [
      { code: "1", name: "A", max: 10, formula: { kind: "yesNo" } },
      { code: "2", name: "B", max: 20, formula: { kind: "yesNo" } },
    ],
  });
  const ds = (x: Record<string, boolean>, y: Record<string, boolean>) => ({
    catalog: c.id,
    year: 2024,
    periods: ["Y"],
    units: [
      { id: "x", name: "X", data: { Y: x } },
      { id: "y", name: "Y", data: { Y: y } },
    ],
  });
  it("x goes from rank 2 (10 points) to rank 1 (30): +1; y from 1 (20) to 2 (20): −1", () => {
    const before = score(c, ds({ "1": true }, { "2": true }));
    const after = score(c, { ...ds({ "1": true, "2": true }, { "2": true }), year: 2025 });
    const cmp = compare(before, after);
    const x = cmp.units.find((u) => u.id === "x")!;
    const y = cmp.units.find((u) => u.id === "y")!;
    expect([x.rankBefore, x.rankAfter, x.rankChange, x.totalChange]).toEqual([2, 1, 1, "20"]);
    expect([y.rankBefore, y.rankAfter, y.rankChange, y.totalChange]).toEqual([1, 2, -1, "0"]);
    expect(x.indicators).toEqual({ "2": { before: "0", after: "20", change: "20" } });
    expect([cmp.yearBefore, cmp.yearAfter]).toEqual([2024, 2025]);
    // the largest change first
    expect(cmp.units.map((u) => u.id)).toEqual(["x", "y"]);
  });
  it("whatIf: y loses indicator 2 → y falls from rank 1 to 2 (−1), x climbs (+1)", () => {
    const w = whatIf(c, ds({ "1": true }, { "2": true }), [{ unit: "y", period: "Y", code: "2", value: false }]);
    expect(w.comparison.units.map((u) => [u.id, u.rankChange, u.totalChange])).toEqual([
      ["y", -1, "-20"],
      ["x", 1, "0"],
    ]);
  });
});
