// The compiled exact fast path (issue 11, docs/fast-path.md): that it is taken, that its printed
// digits are certified or handed to the reference, and the incremental scoring session.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Catalog, CatalogNode } from "../src/catalog/schema.js";
import {
  DatasetError,
  compileCatalog,
  generateDataset,
  getCatalog,
  listCatalogs,
  loadCatalog,
  loadDataset,
  openScoring,
  score,
  type DatasetInput,
} from "../src/index.js";
import { fastPlan } from "../src/engine/fastPlan.js";
import { certifiedMillionths, millionthsText } from "../src/engine/fastScore.js";
import { readFast } from "../src/engine/points.js";
import { asLevels, asPoints } from "./_units.js";

const periodsOf = (id: string) => (JSON.stringify(getCatalog(id)).includes('"quarter"') ? ["Q1", "Q2", "Q3", "Q4"] : ["Y"]);
const pointsCatalogs = listCatalogs()
  .map((c) => c.id)
  .filter((id) => getCatalog(id).scoring === "points");

describe("the fast path is taken", () => {
  it.each(pointsCatalogs)("%s compiles and its generated data is read by the compiled reader", (id) => {
    const catalog = getCatalog(id);
    expect(fastPlan(catalog, periodsOf(id))).toBeDefined();
    const reading = readFast(catalog, generateDataset(catalog, { units: 20, seed: 5, periods: periodsOf(id) }));
    expect(reading?.units.length).toBe(20);
  });

  it("a number given as text goes to the reference reader, which warns (numberAsText)", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const ds = generateDataset(catalog, { units: 3, seed: 5, periods: ["Y"] });
    (ds.units[0]!.data!["Y"] as Record<string, unknown>)["5.1"] = { a: "4" };
    expect(readFast(catalog, ds)).toBeUndefined();
    const r = score(catalog, ds, { detail: "totals" });
    expect(r.warnings.map((w) => w.code)).toContain("numberAsText");
    expect(JSON.stringify(r)).toBe(JSON.stringify(score(catalog, ds, { detail: "totals", engine: "reference" })));
  });
});

describe("certified printed digits", () => {
  it("rounds to millionths when far from a midpoint", () => {
    expect(certifiedMillionths(925.75, 1e-10)).toBe(925_750_000);
    expect(certifiedMillionths(1 / 3, 1e-10)).toBe(333_333);
    expect(certifiedMillionths(-0.5, 1e-10)).toBe(-500_000);
  });
  it("refuses a value within the bound of a midpoint (x.xxxxxx5): the reference decides", () => {
    expect(certifiedMillionths(0.0000005, 1e-10)).toBeUndefined();
    expect(certifiedMillionths(12.3456785, 1e-10)).toBeUndefined();
    // Farther than the bound: certain again.
    expect(certifiedMillionths(12.3456785 + 1e-9, 1e-12)).toBe(12_345_679);
  });
  it("decides the midpoint of an exact value (on the binary grid) half up, as decimal.js does", () => {
    // 1/128 = 0.0078125 exactly: 7812.5 millionths.
    expect(certifiedMillionths(0.0078125, 1e-10, true)).toBe(7813);
    expect(certifiedMillionths(-0.0078125, 1e-10, true)).toBe(-7813);
    expect(certifiedMillionths(0.0078125, 1e-10, false)).toBeUndefined();
  });
  it("prints as the reference's fmt does", () => {
    expect(millionthsText(925_750_000)).toBe("925.75");
    expect(millionthsText(0)).toBe("0");
    expect(millionthsText(-0)).toBe("0");
    expect(millionthsText(-500_000)).toBe("-0.5");
    expect(millionthsText(1)).toBe("0.000001");
    expect(millionthsText(10_000_000)).toBe("10");
  });

  it("a total on a rounding midpoint is scored by the reference and rounds half up (Đồng Nai huyện 5.1)", () => {
    // 5.1 is relative (a / the most of all districts × 10 points); only 5.1 is reported, so it is the total.
    const catalog = getCatalog("dong-nai-2023/huyen");
    const unit = (id: string, a: number) => ({ id, name: id, data: { Y: { "5.1": { a } } } });
    const ds: DatasetInput = { catalog: catalog.id, year: 2024, periods: ["Y"], units: [unit("best", 2_000_000), unit("tiny", 1)] };
    const fast = score(catalog, ds, { detail: "indicators" });
    const reference = score(catalog, ds, { detail: "indicators", engine: "reference" });
    expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
    // 1 / 2,000,000 × 10 = 0.000005 exactly: printed as is.
    expect(asPoints(fast.units.find((u) => u.id === "tiny")!).indicators["5.1"]!.score).toBe("0.000005");
    // 1 / 20,000,000 × 10 = 0.0000005: a midpoint, half up → 0.000001 (decided by the reference).
    const mid: DatasetInput = { ...ds, units: [unit("best", 20_000_000), unit("tiny", 1)] };
    const m = score(catalog, mid, { detail: "indicators" });
    expect(asPoints(m.units.find((u) => u.id === "tiny")!).indicators["5.1"]!.score).toBe("0.000001");
    expect(JSON.stringify(m)).toBe(JSON.stringify(score(catalog, mid, { detail: "indicators", engine: "reference" })));
  });
});

describe("level catalogs on the compiled reader", () => {
  // A criterion whose minimums are not short decimals ("1/3", held to 40 digits by the reference):
  // the compiled decision defers to the reference, from decimals rebuilt for that unit alone.
  const lv = (min: string) => ({ text: `≥ ${min}`, min });
  const xa = loadCatalog({
    id: "exact-2025/xa",
    title: "xã",
    province: "T",
    level: "xa",
    document: { number: "e", date: "2025-01-01" },
    scoring: "levels",
    indicators: [
      {
        code: "1",
        name: "G",
        children: [
          {
            code: "1.1",
            name: "Tỷ lệ",
            inputs: { a: { label: "a" }, b: { label: "b" } },
            formula: {
              kind: "levels",
              value: { numerator: ["a"], denominator: ["b"] },
              requirements: { 1: lv("1/3"), 2: lv("2/5"), 3: lv("1/2"), 4: lv("2/3"), 5: lv("1") },
            },
          },
        ],
      },
    ],
  });
  it("decides 1/3 exactly as the reference (1 of 3 reaches level 1, 3 of 10 does not; 2 of 3 reaches 4)", () => {
    const unit = (id: string, a: number, b: number) => ({ id, name: id, data: { Y: { "1.1": { a, b } } } });
    const ds: DatasetInput = {
      catalog: xa.id,
      year: 2025,
      periods: ["Y"],
      units: [unit("third", 1, 3), unit("under", 3, 10), unit("twoThirds", 2, 3)],
    };
    expect(readFast(xa, ds)).toBeDefined();
    const r = score(xa, ds);
    expect(r.units.map((u) => [u.id, asLevels(u).level, u.rank])).toEqual([
      ["twoThirds", 4, 1],
      ["third", 1, 2],
      ["under", 0, 3],
    ]);
    expect(JSON.stringify(r)).toBe(JSON.stringify(score(xa, ds, { engine: "reference" })));
  });
  it("Kon Tum xã: generated communes read by the compiled reader, the same result as the reference", () => {
    const kt = getCatalog("kon-tum-2025/xa");
    const ds = generateDataset(kt, { units: 60, seed: 13, periods: ["Y"] });
    expect(readFast(kt, ds)).toBeDefined();
    expect(JSON.stringify(score(kt, ds)) === JSON.stringify(score(kt, ds, { engine: "reference" }))).toBe(true);
  });
});

describe("openScoring: incremental re-score", () => {
  // Đồng Nai huyện 5.1 (QĐ 3473, Phụ lục II): a / (the most systems of all districts) × 10.
  const catalog = getCatalog("dong-nai-2023/huyen");
  const unit = (id: string, a: number) => ({ id, name: `Huyện ${id}`, data: { Y: { "5.1": { a } } } });
  const dataset = (): DatasetInput => ({
    catalog: catalog.id,
    year: 2024,
    periods: ["Y"],
    units: [unit("a", 4), unit("b", 8), unit("c", 2)],
  });

  it("re-scores every unit when the best of a relative indicator changes (Đồng Nai huyện 5.1)", () => {
    const session = openScoring(catalog, dataset(), { detail: "indicators" });
    const before = session.result.units.map((u) => [u.id, asPoints(u).indicators["5.1"]!.score, u.rank]);
    expect(before).toEqual([
      ["b", "10", 1],
      ["a", "5", 2],
      ["c", "2.5", 3],
    ]);
    const after = session.setValue({ unit: "c", period: "Y", code: "5.1", field: "a", value: 16 });
    expect(after.units.map((u) => [u.id, asPoints(u).indicators["5.1"]!.score, u.rank])).toEqual([
      ["c", "10", 1],
      ["b", "5", 2],
      ["a", "2.5", 3],
    ]);
    const edited = dataset();
    edited.units[2] = unit("c", 16);
    expect(JSON.stringify(after)).toBe(JSON.stringify(score(catalog, edited, { detail: "indicators" })));
  });

  it("gives what a full score gives after each of many edits (Vĩnh Phúc xã, generated data)", () => {
    const vp = getCatalog("vinh-phuc-2022/xa");
    const ds = generateDataset(vp, { units: 40, seed: 11, periods: ["Y"] });
    const session = openScoring(vp, ds);
    let state = structuredClone(ds);
    for (let k = 0; k < 15; k++) {
      const u = state.units[(k * 7) % 40]!;
      const entries = Object.entries(u.data!["Y"]!).filter(([, v]) => v !== null && typeof v === "object");
      const [code, fields] = entries[k % entries.length]!;
      const field = Object.keys(fields as object).find((f) => typeof (fields as Record<string, unknown>)[f] === "number");
      if (!field) continue;
      const value = k % 4;
      const next = structuredClone(state);
      ((next.units.find((x) => x.id === u.id)!.data!["Y"] as Record<string, Record<string, unknown>>)[code] as Record<string, unknown>)[
        field
      ] = value;
      const expected = (() => {
        try {
          return JSON.stringify(score(vp, next, { detail: "totals" }));
        } catch (e) {
          return `error ${JSON.stringify((e as DatasetError).issues)}`;
        }
      })();
      const got = (() => {
        try {
          return JSON.stringify(session.setValue({ unit: u.id, period: "Y", code, field, value }));
        } catch (e) {
          return `error ${JSON.stringify((e as DatasetError).issues)}`;
        }
      })();
      expect(got).toBe(expected);
      // A refused edit leaves the session as it was.
      if (!expected.startsWith("error")) state = next;
      expect(JSON.stringify(session.result)).toBe(JSON.stringify(score(vp, state, { detail: "totals" })));
    }
  });

  it("refuses a bad edit with its place and keeps the state before it", () => {
    const session = openScoring(catalog, dataset());
    const before = JSON.stringify(session.result);
    expect(() => session.updateUnit({ id: "a", name: "Huyện a", data: { Y: { "5.1": { a: -1 } } } })).toThrow(DatasetError);
    try {
      session.updateUnit({ id: "a", name: "Huyện a", data: { Y: { "5.1": { a: -1 } } } });
    } catch (e) {
      expect((e as DatasetError).issues.map((i) => [i.code, i.where.unit, i.where.indicator, i.where.field])).toEqual([
        ["expectedCount", "a", "5.1", "a"],
      ]);
    }
    expect(JSON.stringify(session.result)).toBe(before);
  });

  it("adds a new unit and ranks it", () => {
    const session = openScoring(catalog, dataset());
    const r = session.updateUnit(unit("d", 8));
    expect(r.units.map((u) => [u.id, asPoints(u).total, u.rank])).toEqual([
      ["b", "10", 1],
      ["d", "10", 1],
      ["a", "5", 3],
      ["c", "2.5", 4],
    ]);
  });
});

describe("the fast path reads and decides as the reference (review of issue 11)", () => {
  const same = (catalog: Parameters<typeof score>[0], ds: DatasetInput, detail: "totals" | "indicators" = "indicators") => {
    const run = (engine: "fast" | "reference") => {
      try {
        return JSON.stringify(score(catalog, structuredClone(ds), { detail, engine }));
      } catch (e) {
        return `error ${JSON.stringify((e as DatasetError).issues.map((i) => [i.code, i.path]))}`;
      }
    };
    return [run("fast"), run("reference")] as const;
  };
  const sub = (catalog: { catalog: { indicators: readonly unknown[] } }) => structuredClone(catalog.catalog) as unknown as Catalog;
  const find = (list: readonly CatalogNode[], code: string): CatalogNode | undefined => {
    for (const n of list) {
      if (n.code === code) return n;
      const inner = n.children && find(n.children, code);
      if (inner) return inner;
    }
    return undefined;
  };

  it("a missing marker in a text field is absent with a warning, never the text “NA” (Vĩnh Phúc xã profile)", () => {
    const vp = getCatalog("vinh-phuc-2022/xa");
    const ds = loadDataset(readFileSync("fixtures/vinh-phuc-2022-xa.sample.yaml", "utf8")) as DatasetInput;
    (ds.units[0]!.profile as Record<string, unknown>)["communeName"] = "NA";
    const [fast, reference] = same(vp, ds, "totals");
    expect(fast).toBe(reference);
    expect(score(vp, ds, { detail: "totals" }).warnings.map((w) => w.code)).toEqual(["missingMarker"]);
  });

  it("relative minmax: the best unit scores its max exactly (a total on a binary-grid midpoint rounds half up)", () => {
    // Nghĩa Phương 4.3 (minmax); 1.1 given a max of 1/128 = 0.0078125, a midpoint of the sixth place.
    const src = sub(getCatalog("quang-ngai-nghia-phuong-2023/xa"));
    find(src.indicators, "1.1")!.max = "0.0078125";
    const catalog = compileCatalog(src);
    const ds: DatasetInput = {
      catalog: src.id,
      year: 2023,
      periods: ["Y"],
      units: [
        { id: "a", name: "A", data: { Y: { "1.1": true, "4.3": { a: 1, b: 49 } } } },
        { id: "b", name: "B", data: { Y: { "4.3": { a: 0, b: 1 } } } },
      ],
    };
    const [fast, reference] = same(catalog, ds, "totals");
    expect(fast).toBe(reference);
    expect(asPoints(score(catalog, ds, { detail: "totals" }).units[0]!).total).toBe("10.007813");
  });

  it("a `from` value of an entry whose own `from` input is missing is still read (Nghĩa Phương 3.2 → 3.3)", () => {
    const src = sub(getCatalog("quang-ngai-nghia-phuong-2023/xa"));
    (find(src.indicators, "3.2")!.inputs as Record<string, { from?: string }>)["a"]!.from = "3.1.a"; // 3.3.b is from 3.2.b
    const catalog = compileCatalog(src);
    const ds: DatasetInput = {
      catalog: src.id,
      year: 2023,
      periods: ["Y"],
      units: [{ id: "a", name: "A", data: { Y: { "3.2": { b: 100 }, "3.3": { a: 50 } } } }],
    };
    const [fast, reference] = same(catalog, ds);
    expect(fast).toBe(reference);
    expect(asPoints(score(catalog, ds, { detail: "indicators" }).units[0]!).indicators["3.3"]!.score).toBe("5");
  });

  it("a year past the safe integers is refused by the schema, not read", () => {
    const vp = getCatalog("vinh-phuc-2022/xa");
    const ds = { ...generateDataset(vp, { units: 2, seed: 1, periods: ["Y"] }), year: 2 ** 53 };
    const [fast, reference] = same(vp, ds);
    expect(fast).toBe(reference);
    expect(fast).toContain("datasetSchema");
  });
});
