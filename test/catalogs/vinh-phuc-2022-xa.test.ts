// Vĩnh Phúc, Quyết định 2074/QĐ-UBND ngày 09/11/2022, Phụ lục 3 (communes) and Phụ lục 4.
// Every expected value below is derived by hand from the document's method cells.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { getCatalog, loadDataset, score, scoreIndicator } from "../../src/index.js";
import { pointsUnit } from "../_units.js";
import { CatalogSchema } from "../../src/catalog/schema.js";

const ID = "vinh-phuc-2022/xa";
const catalog = getCatalog(ID);
const raw = CatalogSchema.parse(
  parse(readFileSync(new URL("../../catalogs/vinh-phuc-2022/xa.yaml", import.meta.url), "utf8")),
);
const s = (code: string, data: unknown, profile?: Record<string, string | number | boolean>) =>
  scoreIndicator(catalog, code, data as never, profile ? { profile } : {}).score;
// indicators whose b comes from another indicator's input (`from: "5.1.a"` …): pass that one's data
const sw = (code: string, data: unknown, other: Record<string, unknown>) =>
  scoreIndicator(catalog, code, data as never, { with: other as never }).score;

describe("Vĩnh Phúc xã 2022: structure (Phụ lục 3, Phụ lục 4)", () => {
  it("declares 1000 points and 45 components but the tree adds up to 1025 (group 4: 130, declared 105)", () => {
    expect(raw.id).toBe(ID);
    expect(String(raw.total)).toBe("1025");
    expect(String(raw.declared?.total)).toBe("1000");
    expect(raw.declared?.components).toBe(45);
    const g4 = raw.indicators.find((n) => n.code === "4")!;
    expect(String(g4.max)).toBe("130"); // 25 + 25 + 20 + 20 + 20 + 20
    expect(g4.notes?.length).toBeGreaterThan(0);
    expect(String(raw.declared?.main?.find((m) => m.code === "4")?.max)).toBe("105");
    // main maxima as in Phụ lục 3/4 (group 4 as its items add up)
    expect(raw.indicators.map((n) => `${n.code}:${n.max}`)).toEqual([
      "1:150", "2:100", "3:80", "4:130", "5:75", "6:350", "7:40", "8:100",
    ]);
    // 1.1–1.6 (1.3 = 1.3.1 + 1.3.2) = 6, then 5, 4, 6, 5, 10, 4, 5 = 45 components
    expect(raw.indicators.map((n) => n.children?.length)).toEqual([6, 5, 4, 6, 5, 10, 4, 5]);
  });

  it("is annual: cadence year, annual rule last (Mục III.1: 01/01–31/12)", () => {
    expect(raw.defaults.cadence).toBe("year");
    expect(raw.defaults.annualRule).toBe("last");
  });

  it("profile is section I. Thông tin chung, with the contact block as text fields", () => {
    const p = raw.profile!;
    expect(p.population!.ref).toBe("1.4");
    expect(p.households!.ref).toBe("1.6");
    expect(p.workstations!.ref).toBe("1.11");
    expect(p.stateBudgetExpenditure!.type).toBe("amount");
    expect(p.dataOfficerName!.type).toBe("text");
    expect(p.approverEmail!.ref).toBe("2.2");
    expect(Object.keys(p)).toHaveLength(24); // 14 numbered fields + 2 × 5 contact fields
  });
});

describe("Vĩnh Phúc xã 2022: yes/no and choices", () => {
  it("Vĩnh Phúc xã 1.1: member of the district steering committee → 25, else 0", () => {
    expect(s("1.1", true)).toBe("25");
    expect(s("1.1", false)).toBe("0");
  });
  it("Vĩnh Phúc xã 1.2: head 25, deputy 1/2 × 25 = 12.5, none 0", () => {
    expect(s("1.2", "head")).toBe("25");
    expect(s("1.2", "deputy")).toBe("12.5");
    expect(s("1.2", "none")).toBe("0");
  });
  it("Vĩnh Phúc xã 1.6: monthly 20, 1/3 months–<1/month 10, rarer 0", () => {
    expect(s("1.6", "monthly")).toBe("20");
    expect(s("1.6", "quarterly")).toBe("10");
    expect(s("1.6", "rare")).toBe("0");
  });
  it("Vĩnh Phúc xã 6.7: >6 meetings 30, 3–6 15, <3 (platform used) 7.5, not used 0", () => {
    expect(s("6.7", "over6")).toBe("30");
    expect(s("6.7", "from3to6")).toBe("15");
    expect(s("6.7", "under3")).toBe("7.5");
    expect(s("6.7", "notUsed")).toBe("0");
  });
});

describe("Vĩnh Phúc xã 2022: per item (2.5)", () => {
  it("Vĩnh Phúc xã 2.5: 4 points per conference, at most 20", () => {
    expect(s("2.5", { conferences: 0 })).toBe("0");
    expect(s("2.5", { conferences: 4 })).toBe("16"); // just below the cap
    expect(s("2.5", { conferences: 5 })).toBe("20"); // at the cap
    expect(s("2.5", { conferences: 6 })).toBe("20"); // 24 → clamped to 20
  });
});

describe("Vĩnh Phúc xã 2022: plain ratios Tỷ lệ × Điểm tối đa", () => {
  it("Vĩnh Phúc xã 1.3.1: a/b × 20", () => {
    expect(s("1.3.1", { a: 3, b: 4 })).toBe("15");
    expect(s("1.3.1", { a: 4, b: 4 })).toBe("20");
    expect(s("1.3.1", { a: 0, b: 4 })).toBe("0");
  });
  it("Vĩnh Phúc xã 1.3.1: b = 0 (no district meeting invited the commune) → max (catalog default)", () => {
    expect(s("1.3.1", { a: 0, b: 0 })).toBe("20");
  });
  it("Vĩnh Phúc xã 1.3.2, 1.4, 4.1: b = 0 means nothing was done → 0 (zeroDenominator zero, noted)", () => {
    expect(s("1.3.2", { a: 0, b: 0 })).toBe("0");
    expect(s("1.3.2", { a: 1, b: 2 })).toBe("10");
    expect(s("1.4", { a: 0, b: 0 })).toBe("0");
    expect(s("1.4", { a: 2, b: 5 })).toBe("8");
    expect(s("4.1", { a: 0, b: 0 })).toBe("0");
  });
  it("Vĩnh Phúc xã 7.3: b = 0 (no OCOP products) → max (catalog default, no subject matter)", () => {
    expect(s("7.3", { a: 0, b: 0 })).toBe("10");
    expect(s("7.3", { a: 1, b: 4 })).toBe("2.5");
  });
  it("Vĩnh Phúc xã 4.2: a/b × 25; no dedicated IT staff (b = 0) → 0 as written", () => {
    expect(s("4.2", { a: 1, b: 2 })).toBe("12.5");
    expect(s("4.2", { a: 0, b: 0 })).toBe("0");
  });
  it("Vĩnh Phúc xã 4.1: a/b × 25", () => {
    expect(s("4.1", { a: 9, b: 12 })).toBe("18.75");
  });
  it("Vĩnh Phúc xã 6.8: rate from Sở TT&TT's report × 40", () => {
    expect(s("6.8", 0.85)).toBe("34");
    expect(s("6.8", 1)).toBe("40");
    expect(s("6.8", 0)).toBe("0");
  });
});

describe("Vĩnh Phúc xã 2022: ratios over profile fields", () => {
  it("Vĩnh Phúc xã 3.2: a / households × 20", () => {
    expect(s("3.2", { a: 150 }, { households: 200 })).toBe("15");
  });
  it("Vĩnh Phúc xã 4.5: a / total population (not working-age) × 20", () => {
    // 8000 / 20000 = 0.4 → 8 (with the working-age 13000 it would be ≈ 12.3)
    expect(s("4.5", { a: 8000 }, { population: 20000, workingAgePopulation: 13000 })).toBe("8");
  });
  it("Vĩnh Phúc xã 5.4: a / workstations × 15", () => {
    expect(s("5.4", { a: 30 }, { workstations: 40 })).toBe("11.25");
  });
  it("Vĩnh Phúc xã 7.1: a / postal service points × 10", () => {
    expect(s("7.1", { a: 1 }, { postalServicePoints: 2 })).toBe("5");
  });
  it("Vĩnh Phúc xã 8.5: a / population × 20", () => {
    expect(s("8.5", { a: 2000 }, { population: 8000 })).toBe("5");
  });
});

describe("Vĩnh Phúc xã 2022: denominators taken from another indicator", () => {
  it("Vĩnh Phúc xã 5.2: b = 5.1.a (systems with an approved dossier); b = 0 → 0 (noted)", () => {
    expect(sw("5.2", { a: 1 }, { "5.1": { a: 2, b: 3 } })).toBe("7.5"); // 1/2 × 15
    expect(sw("5.2", { a: 2 }, { "5.1": { a: 2, b: 3 } })).toBe("15");
    expect(sw("5.2", { a: 0 }, { "5.1": { a: 0, b: 3 } })).toBe("0");
  });
  it("Vĩnh Phúc xã 5.5: b = 5.1.b (all information systems)", () => {
    expect(sw("5.5", { a: 1 }, { "5.1": { a: 2, b: 4 } })).toBe("3.75"); // 1/4 × 15
  });
  it("Vĩnh Phúc xã 6.4, 6.5: b = 6.3.b (all dossiers received and processed)", () => {
    expect(sw("6.4", { a: 50 }, { "6.3": { a: 300, b: 500 } })).toBe("4"); // 0.1 × 40
    expect(sw("6.5", { a: 475 }, { "6.3": { a: 300, b: 500 } })).toBe("38"); // 0.95 × 40
  });
  it("Vĩnh Phúc xã 8.3: b = 8.2.b; ≥ 50% → 20; < 50% → Tỷ lệ × 20 (discontinuous, as written)", () => {
    const with82 = { "8.2": { a: 60, b: 100 } };
    expect(sw("8.3", { a: 49 }, with82)).toBe("9.8");
    expect(sw("8.3", { a: 50 }, with82)).toBe("20");
    expect(sw("8.3", { a: 51 }, with82)).toBe("20");
  });
});

describe("Vĩnh Phúc xã 2022: thresholds with literal Tỷ lệ × max below (discontinuous, as written)", () => {
  it("Vĩnh Phúc xã 3.1: ≥ 90% → 20; < 90% → Tỷ lệ × 20", () => {
    expect(s("3.1", { a: 89, b: 100 })).toBe("17.8");
    expect(s("3.1", { a: 90, b: 100 })).toBe("20");
    expect(s("3.1", { a: 91, b: 100 })).toBe("20");
  });
  it("Vĩnh Phúc xã 4.6: ≥ 60% → 20; < 60% → Tỷ lệ × 20", () => {
    expect(s("4.6", { a: 59, b: 100 })).toBe("11.8");
    expect(s("4.6", { a: 60, b: 100 })).toBe("20");
    expect(s("4.6", { a: 61, b: 100 })).toBe("20");
  });
});

describe("Vĩnh Phúc xã 2022: thresholds with proportional Tỷ lệ/T × max below", () => {
  it("Vĩnh Phúc xã 7.4: ≥ 5% → 10; < 5% → Tỷ lệ/5% × 10", () => {
    expect(s("7.4", { a: 4, b: 100 })).toBe("8");
    expect(s("7.4", { a: 49, b: 1000 })).toBe("9.8");
    expect(s("7.4", { a: 5, b: 100 })).toBe("10");
    expect(s("7.4", { a: 6, b: 100 })).toBe("10");
  });
  it("Vĩnh Phúc xã 7.4: transactions may exceed parcels (not a proportion) → max", () => {
    expect(s("7.4", { a: 120, b: 100 })).toBe("10");
  });
  it("Vĩnh Phúc xã 7.2: '/1%' read as /5%: 2% → 4 (literal would give 10), 4.9% → 9.8, ≥ 5% → 10", () => {
    expect(s("7.2", { a: 1, b: 100 })).toBe("2");
    expect(s("7.2", { a: 2, b: 100 })).toBe("4");
    expect(s("7.2", { a: 49, b: 1000 })).toBe("9.8");
    expect(s("7.2", { a: 5, b: 100 })).toBe("10");
    expect(s("7.2", { a: 6, b: 100 })).toBe("10");
  });
  it("Vĩnh Phúc xã 6.10: '× 100' dropped: ≥ 1% of the budget → 20; < 1% → Tỷ lệ/1% × 20", () => {
    const profile = { stateBudgetExpenditure: 40000 };
    expect(s("6.10", { a: 200 }, profile)).toBe("10"); // 0.5%
    expect(s("6.10", { a: 396 }, profile)).toBe("19.8"); // 0.99%
    expect(s("6.10", { a: 400 }, profile)).toBe("20"); // 1%
    expect(s("6.10", { a: 404 }, profile)).toBe("20"); // 1.01%
  });
});

describe("Vĩnh Phúc xã 2022: bands (6.1, mean monthly posts)", () => {
  it("Vĩnh Phúc xã 6.1: > 30 → 30; 20–30 → 15; 10–<20 → 7.5; < 10 → 0", () => {
    expect(s("6.1", { a: 9 })).toBe("0");
    expect(s("6.1", { a: 9.5 })).toBe("0");
    expect(s("6.1", { a: 10 })).toBe("7.5");
    expect(s("6.1", { a: 19.5 })).toBe("7.5");
    expect(s("6.1", { a: 20 })).toBe("15");
    expect(s("6.1", { a: 30 })).toBe("15");
    expect(s("6.1", { a: 30.5 })).toBe("30");
    expect(s("6.1", { a: 31 })).toBe("30");
  });
});

describe("Vĩnh Phúc xã 2022: sample fixture (3 communes, period Y)", () => {
  const result = score(
    catalog,
    loadDataset(readFileSync(new URL("../../fixtures/vinh-phuc-2022-xa.sample.yaml", import.meta.url), "utf8")),
  );
  const unit = (id: string) => pointsUnit(result, id);

  // Phường Liên Bảo (population 20000, households 5000, workstations 40, postal points 2, budget 40000)
  // 1: 1.1 25 + 1.2 head 25 + 1.3.1 4/4×20 = 20 + 1.3.2 3/4×20 = 15 + 1.4 5/5×20 = 20 + 1.5 20 + 1.6 monthly 20 = 145
  // 2: 20 + 20 + 20 + 20 + 2.5 6×4 = 24 → 20 = 100
  // 3: 3.1 28/30 ≥ 90% → 20 + 3.2 4500/5000×20 = 18 + 3.3 4000/5000×20 = 16 + 3.4 20 = 74
  // 4: 4.1 12/12×25 = 25 + 4.2 1/1×25 = 25 + 4.3 20 + 4.4 30/40×20 = 15 + 4.5 8000/20000×20 = 8
  //    + 4.6 4/5 = 80% ≥ 60% → 20 = 113 (> declared 105: group max is 130)
  // 5: 5.1 2/2×15 = 15 + 5.2 1/(5.1.a = 2)×15 = 7.5 + 5.3 15 + 5.4 40/40×15 = 15 + 5.5 1/(5.1.b = 2)×15 = 7.5 = 60
  // 6: 6.1 32 > 30 → 30 + 6.2 80/100×40 = 32 + 6.3 900/1000×40 = 36 + 6.4 200/1000×40 = 8
  //    + 6.5 990/1000×40 = 39.6 + 6.6 475/500×30 = 28.5 + 6.7 over6 30 + 6.8 0.95×40 = 38
  //    + 6.9 24/25×40 = 38.4 + 6.10 500/40000 = 1.25% ≥ 1% → 20 = 300.5
  // 7: 7.1 2/2×10 = 10 + 7.2 3/50 = 6% → 10 + 7.3 3/4×10 = 7.5 + 7.4 100/2500 = 4% → 4/5×10 = 8 = 35.5
  // 8: 8.1 16000/20000×20 = 16 + 8.2 12000/15000×20 = 16 + 8.3 7500/15000 = 50% → 20
  //    + 8.4 3000/5000×20 = 12 + 8.5 14000/20000×20 = 14 = 78
  // total = 145 + 100 + 74 + 113 + 60 + 300.5 + 35.5 + 78 = 906
  const lienBao: Record<string, string> = {
    "1.1": "25", "1.2": "25", "1.3.1": "20", "1.3.2": "15", "1.4": "20", "1.5": "20", "1.6": "20",
    "2.1": "20", "2.2": "20", "2.3": "20", "2.4": "20", "2.5": "20",
    "3.1": "20", "3.2": "18", "3.3": "16", "3.4": "20",
    "4.1": "25", "4.2": "25", "4.3": "20", "4.4": "15", "4.5": "8", "4.6": "20",
    "5.1": "15", "5.2": "7.5", "5.3": "15", "5.4": "15", "5.5": "7.5",
    "6.1": "30", "6.2": "32", "6.3": "36", "6.4": "8", "6.5": "39.6", "6.6": "28.5", "6.7": "30",
    "6.8": "38", "6.9": "38.4", "6.10": "20",
    "7.1": "10", "7.2": "10", "7.3": "7.5", "7.4": "8",
    "8.1": "16", "8.2": "16", "8.3": "20", "8.4": "12", "8.5": "14",
  };

  // Xã Đạo Tú (population 10000, households 2500, workstations 25, postal points 1, budget 25000)
  // 1: 25 + deputy 12.5 + 3/4×20 = 15 + 1/2×20 = 10 + 2/5×20 = 8 + 20 + quarterly 10 = 100.5
  // 2: 20 + 0 + 20 + 20 + 2×4 = 8 = 68
  // 3: 3.1 22/25 = 88% < 90% → 0.88×20 = 17.6 + 2000/2500×20 = 16 + 1500/2500×20 = 12 + 20 = 65.6
  // 4: 5/10×25 = 12.5 + 4.2 0/1×25 = 0 + 20 + 12/24×20 = 10 + 1000/10000×20 = 2
  //    + 4.6 1/2 = 50% < 60% → 0.5×20 = 10 = 54.5
  // 5: 1/2×15 = 7.5 + 5.2 0/(5.1.a = 1) = 0 + 0 + 20/25×15 = 12 + 5.5 0/(5.1.b = 2) = 0 = 19.5
  // 6: 6.1 20 → 1/2×30 = 15 + 30/60×40 = 20 + 300/500×40 = 24 + 50/500×40 = 4 + 475/500×40 = 38
  //    + 180/200×30 = 27 + from3to6 15 + 0.8×40 = 32 + 18/20×40 = 36
  //    + 6.10 125/25000 = 0.5% → 0.5×20 = 10 = 221
  // 7: 1/1×10 = 10 + 7.2 1/50 = 2% → 2/5×10 = 4 + 1/2×10 = 5 + 7.4 50/1000 = 5% → 10 = 29
  // 8: 7000/10000×20 = 14 + 6000/8000×20 = 15 + 8.3 2000/8000 = 25% → 0.25×20 = 5
  //    + 1000/2500×20 = 8 + 5000/10000×20 = 10 = 52
  // total = 100.5 + 68 + 65.6 + 54.5 + 19.5 + 221 + 29 + 52 = 610.1
  const daoTu: Record<string, string> = {
    "1.1": "25", "1.2": "12.5", "1.3.1": "15", "1.3.2": "10", "1.4": "8", "1.5": "20", "1.6": "10",
    "2.1": "20", "2.2": "0", "2.3": "20", "2.4": "20", "2.5": "8",
    "3.1": "17.6", "3.2": "16", "3.3": "12", "3.4": "20",
    "4.1": "12.5", "4.2": "0", "4.3": "20", "4.4": "10", "4.5": "2", "4.6": "10",
    "5.1": "7.5", "5.2": "0", "5.3": "0", "5.4": "12", "5.5": "0",
    "6.1": "15", "6.2": "20", "6.3": "24", "6.4": "4", "6.5": "38", "6.6": "27", "6.7": "15",
    "6.8": "32", "6.9": "36", "6.10": "10",
    "7.1": "10", "7.2": "4", "7.3": "5", "7.4": "10",
    "8.1": "14", "8.2": "15", "8.3": "5", "8.4": "8", "8.5": "10",
  };

  // Thị trấn Hợp Hòa (population 8000, households 2000, workstations 20, postal points 2, budget 20000)
  // 1: 0 + none 0 + 1/4×20 = 5 + 0/2 = 0 + 1.4 missing 0 + 0 + rare 0 = 5
  // 2: 0 + 0 + 20 + 20 + 1×4 = 4 = 44
  // 3: 3.1 18/20 = 90% → 20 + 1000/2000×20 = 10 + 500/2000×20 = 5 + 0 = 35
  // 4: 2/8×25 = 6.25 + 4.2 b = 0 → 0 (as written) + 0 + 5/20×20 = 5 + 400/8000×20 = 1
  //    + 4.6 3/5 = 60% → 20 = 32.25
  // 5: 1/4×15 = 3.75 + 5.2 1/(5.1.a = 1)×15 = 15 + 15 + 10/20×15 = 7.5 + 5.5 1/(5.1.b = 4)×15 = 3.75 = 45
  // 6: 6.1 9.5 < 10 → 0 + 10/50×40 = 8 + 40/400×40 = 4 + 0/400 = 0 + 360/400×40 = 36 + 6.6 missing 0
  //    + under3 7.5 + 0.5×40 = 20 + 10/20×40 = 20 + 6.10 0/20000 = 0 = 95.5
  // 7: 1/2×10 = 5 + 0/20 = 0 + 7.3 b = 0 (no OCOP products) → max 10 + 7.4 10/1000 = 1% → 1/5×10 = 2 = 17
  // 8: 4000/8000×20 = 10 + 3000/6000×20 = 10 + 8.3 2400/6000 = 40% → 0.4×20 = 8
  //    + 200/2000×20 = 2 + 2000/8000×20 = 5 = 35
  // total = 5 + 44 + 35 + 32.25 + 45 + 95.5 + 17 + 35 = 308.75
  const hopHoa: Record<string, string> = {
    "1.1": "0", "1.2": "0", "1.3.1": "5", "1.3.2": "0", "1.4": "0", "1.5": "0", "1.6": "0",
    "2.1": "0", "2.2": "0", "2.3": "20", "2.4": "20", "2.5": "4",
    "3.1": "20", "3.2": "10", "3.3": "5", "3.4": "0",
    "4.1": "6.25", "4.2": "0", "4.3": "0", "4.4": "5", "4.5": "1", "4.6": "20",
    "5.1": "3.75", "5.2": "15", "5.3": "15", "5.4": "7.5", "5.5": "3.75",
    "6.1": "0", "6.2": "8", "6.3": "4", "6.4": "0", "6.5": "36", "6.6": "0", "6.7": "7.5",
    "6.8": "20", "6.9": "20", "6.10": "0",
    "7.1": "5", "7.2": "0", "7.3": "10", "7.4": "2",
    "8.1": "10", "8.2": "10", "8.3": "8", "8.4": "2", "8.5": "5",
  };

  it("scores three units", () => {
    expect(result.units).toHaveLength(3);
  });

  for (const [id, total, rank, expected] of [
    ["phuong-lien-bao", "906", 1, lienBao],
    ["xa-dao-tu", "610.1", 2, daoTu],
    ["thi-tran-hop-hoa", "308.75", 3, hopHoa],
  ] as const) {
    it(`Vĩnh Phúc xã fixture ${id}: total ${total}, rank ${rank}`, () => {
      const u = unit(id);
      expect(u.total).toBe(total);
      expect(u.rank).toBe(rank);
    });
    it(`Vĩnh Phúc xã fixture ${id}: every one of the 46 leaf scores`, () => {
      const u = unit(id);
      expect(Object.keys(expected)).toHaveLength(46);
      for (const [code, want] of Object.entries(expected)) {
        expect(u.indicators[code]!.score, `${id} ${code}`).toBe(want);
      }
    });
  }
});
