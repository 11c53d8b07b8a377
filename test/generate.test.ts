// generateDataset: deterministic per seed, valid for every built-in points and levels catalog.
import { describe, expect, it } from "vitest";
import { CatalogError, compileCatalog, generateDataset, getCatalog, listCatalogs, loadDataset, score } from "../src/index.js";
import { levelUnits, pointsUnits } from "./_units.js";

const scored = listCatalogs().filter((c) => c.scoring !== "structure");

describe("generateDataset", () => {
  it("covers the built-in points and levels catalogs", () => {
    expect(scored.some((c) => c.scoring === "points")).toBe(true);
    expect(scored.some((c) => c.scoring === "levels")).toBe(true);
  });

  it("is deterministic for a seed", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const a = generateDataset(catalog, { units: 20, seed: 42 });
    const b = generateDataset(catalog, { units: 20, seed: 42 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("differs between seeds", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const a = generateDataset(catalog, { units: 20, seed: 1 });
    const b = generateDataset(catalog, { units: 20, seed: 2 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(JSON.stringify(a.units[0]!.data)).not.toBe(JSON.stringify(b.units[0]!.data));
  });

  it("uses the options", () => {
    const catalog = getCatalog("dong-nai-2023/so");
    const ds = generateDataset(catalog, { units: 7, periods: ["H1", "H2"], year: 2030, seed: 3 });
    expect(ds.catalog).toBe("dong-nai-2023/so");
    expect(ds.year).toBe(2030);
    expect(ds.periods).toEqual(["H1", "H2"]);
    expect(ds.units).toHaveLength(7);
    expect(new Set(ds.units.map((u) => u.id)).size).toBe(7);
    // Defaults: quarters for a catalog with quarterly indicators, [Y] for an annual one.
    expect(generateDataset(catalog, { units: 1 }).periods).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(generateDataset(getCatalog("vinh-phuc-2022/xa"), { units: 1 }).periods).toEqual(["Y"]);
  });

  it("refuses structure-only catalogs and bad options", () => {
    expect(() => generateDataset(getCatalog("hai-duong-2022/so"), { units: 1 })).toThrow(CatalogError);
    expect(() => generateDataset(getCatalog("dong-nai-2023/so"), { units: 0 })).toThrow(RangeError);
    expect(() => generateDataset(getCatalog("dong-nai-2023/so"), { units: 2, fill: 1.5 })).toThrow(RangeError);
  });

  it("gives fewer indicators with fill < 1", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const count = (fill: number) =>
      generateDataset(catalog, { units: 20, seed: 5, fill }).units.reduce(
        (s, u) => s + Object.values(u.data).reduce((t, p) => t + Object.keys(p ?? {}).length, 0),
        0,
      );
    const full = count(1);
    const half = count(0.5);
    expect(half).toBeLessThan(full * 0.6);
    expect(half).toBeGreaterThan(full * 0.4);
    const r = score(catalog, generateDataset(catalog, { units: 20, seed: 5, fill: 0.5 }));
    const statuses = pointsUnits(r).flatMap((u) =>
      Object.values(u.indicators).flatMap((i) => Object.values(i.periods ?? {}).map((p) => p.status)),
    );
    expect(statuses).toContain("missing");
  });

  it("only gives data in periods where an indicator is due", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const annual = compileCatalog(catalog)
      .leaves.filter((n) => n.cadence === "year")
      .map((n) => n.code);
    expect(annual.length).toBeGreaterThan(0);
    const ds = generateDataset(catalog, { units: 10, seed: 9 });
    for (const u of ds.units) {
      for (const code of annual) {
        expect(u.data["Q1"]?.[code]).toBeUndefined();
        expect(u.data["Q4"]?.[code]).toBeDefined();
      }
    }
    // The last period is always due: an annual indicator gets data in Q3 when Q3 ends the dataset.
    const short = generateDataset(catalog, { units: 3, seed: 9, periods: ["Q1", "Q2", "Q3"] });
    for (const u of short.units) for (const code of annual) expect(u.data["Q3"]?.[code]).toBeDefined();
  });

  for (const c of scored) {
    it(`is valid for ${c.id}`, () => {
      const catalog = getCatalog(c.id);
      for (const seed of [1, 2]) {
        const ds = generateDataset(catalog, { units: 30, seed });
        expect(() => loadDataset(ds)).not.toThrow();
        const result = score(catalog, ds);
        expect(result.units).toHaveLength(30);
        expect(result.warnings).toEqual([]);
        if (c.scoring === "points") {
          const totals = pointsUnits(result).map((u) => Number(u.total));
          // Units differ: totals spread, some n/a, most indicators scored.
          expect(new Set(totals).size).toBeGreaterThan(10);
          const statuses = pointsUnits(result).flatMap((u) =>
            Object.values(u.indicators).flatMap((i) => Object.values(i.periods ?? {}).map((p) => p.status)),
          );
          expect(statuses.filter((s) => s === "scored").length).toBeGreaterThan(statuses.length * 0.8);
        } else {
          for (const u of levelUnits(result)) expect(u.level).toBeGreaterThanOrEqual(0);
        }
      }
    });
  }

  it("spreads units over levels in a level catalog", () => {
    const catalog = getCatalog("kon-tum-2025/xa");
    const result = score(catalog, generateDataset(catalog, { units: 100, seed: 4 }));
    expect(new Set(levelUnits(result).map((u) => u.level)).size).toBeGreaterThanOrEqual(2);
  });

  it("keeps every proportion's numerator within its denominator", () => {
    // score() would throw numeratorExceedsDenominator; here also at larger scale and with partial fill.
    for (const id of ["dong-nai-2023/huyen", "quang-ngai-nghia-phuong-2023/xa", "vinh-phuc-2022/huyen"]) {
      const catalog = getCatalog(id);
      expect(() => score(catalog, generateDataset(catalog, { units: 150, seed: 11, fill: 0.8 }))).not.toThrow();
    }
  });
});
