// Rank robustness under the readings of ambiguous rows (issue 13, items 3–4): a reading that flips
// two ranks (Đồng Nai huyện 7.1), ranges checked against an independent brute force over every
// combination (exhaustive and bounds modes), self vs appraised ranks, the command line on every
// points sample, and the refusal of level catalogs.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CatalogError,
  getCatalog,
  loadCatalog,
  loadDataset,
  readingSets,
  robustness,
  score,
  withReadings,
  type CompiledCatalog,
  type DatasetInput,
  type PointsUnit,
  type ReadingChoice,
} from "../src/index.js";
import { Dec } from "../src/_decimal.js";
import { dti } from "./_cli.js";

/** Total and rank of a unit under a full choice, scored on its own (not through robustness()). */
function scored(catalog: CompiledCatalog, dataset: DatasetInput, choice: ReadingChoice, unit: string) {
  const u = score(withReadings(catalog, choice), dataset).units.find((x) => x.id === unit) as PointsUnit;
  return { total: u.total, rank: u.rank };
}

// Đồng Nai huyện 7.1 (QĐ 3473/QĐ-UBND Phụ lục II, max 15): "Tỷ lệ ≥ 5%: điểm tối đa; Tỷ lệ <5%:
// Tỷ lệ/1%*Điểm tối đa" — encoded Tỷ lệ/5% × 15 (perFivePercent), as written Tỷ lệ/1% × 15 (asWritten).
// 7.2 (max 10): Tỷ lệ ≥ 10%: max; below, Tỷ lệ/10% × 10 (no readings).
const dongNai: DatasetInput = {
  catalog: "dong-nai-2023/huyen",
  year: 2024,
  periods: ["Q4"],
  units: [
    // 7.2 at 1/10 = 10%: 10 points under either reading of 7.1 (no 7.1 data: 0).
    { id: "a", name: "Huyện A", data: { Q4: { "7.2": { a: 1, b: 10 } } } },
    // 7.1 at 3/100 = 3%: 3%/5% × 15 = 9 (default); 3%/1% × 15 = 45, clamped to 15 (asWritten).
    { id: "b", name: "Huyện B", data: { Q4: { "7.1": { a: 3, b: 100 } } } },
    // 7.1 at 0/100: 0 under both readings.
    { id: "c", name: "Huyện C", data: { Q4: { "7.1": { a: 0, b: 100 } } } },
  ],
} as DatasetInput;

describe("Đồng Nai huyện 7.1: reading it as written flips the ranks of two districts", () => {
  const catalog = getCatalog("dong-nai-2023/huyen");
  const r = robustness(catalog, dongNai);
  const unit = (id: string) => r.units.find((u) => u.id === id)!;
  it("default (Tỷ lệ/5%): A 10 > B 9 > C 0; as written (Tỷ lệ/1%): B 15 > A 10 > C 0", () => {
    // Every reading that can change a score is varied (wording-only ones are not tried); only 7.1 matters here.
    expect(r.combinations).toBe(readingSets(catalog).reduce((n, s) => n * s.ids.filter((id) => !s.wording.includes(id)).length, 1));
    // Exhaustive while the combinations are few (the default limit, 4096), else exact bounds: the
    // ranges below hold either way.
    expect(r.mode).toBe(r.combinations <= 4096 ? "exhaustive" : "bounds");
    expect(r.base).toMatchObject({ "7.1": "perFivePercent" });
    expect(r.units.map((u) => [u.id, u.total, u.rank])).toEqual([
      ["a", "10", 1],
      ["b", "9", 2],
      ["c", "0", 3],
    ]);
    expect(unit("a")).toMatchObject({
      minTotal: { value: "10" },
      maxTotal: { value: "10" },
      bestRank: { value: 1 },
      worstRank: { value: 2 },
    });
    expect(unit("b")).toMatchObject({
      minTotal: { value: "9" },
      maxTotal: { value: "15" },
      bestRank: { value: 1 },
      worstRank: { value: 2 },
    });
    expect(unit("b").maxTotal.readings).toMatchObject({ "7.1": "asWritten" });
    expect(unit("b").bestRank.readings).toMatchObject({ "7.1": "asWritten" });
    expect(unit("a").worstRank.readings).toMatchObject({ "7.1": "asWritten" });
    expect(unit("c")).toMatchObject({ bestRank: { value: 3 }, worstRank: { value: 3 }, rankExact: true, totalExact: true });
  });
  it("lists 7.1=asWritten as the row whose reading changes a rank, with the document's words and both moves", () => {
    expect(r.sensitive).toHaveLength(1);
    const s = r.sensitive[0]!;
    expect([s.code, s.reading]).toEqual(["7.1", "asWritten"]);
    expect(s.source).toContain("Tỷ lệ/1%*Điểm tối đa");
    expect(s.moves).toEqual([
      { unit: "a", name: "Huyện A", rankBefore: 1, rankAfter: 2, totalBefore: "10", totalAfter: "10" },
      { unit: "b", name: "Huyện B", rankBefore: 2, rankAfter: 1, totalBefore: "9", totalAfter: "15" },
    ]);
  });
  it("with --reading 7.1=asWritten as the base, the default ranks are the flipped ones and the row moves them back", () => {
    const w = robustness(catalog, dongNai, { readings: { "7.1": "asWritten" } });
    expect(w.units.map((u) => [u.id, u.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 3],
    ]);
    expect(w.sensitive.map((s) => s.reading)).toEqual(["perFivePercent"]);
    // The same ranges: every combination is explored whatever the base.
    expect(w.units.find((u) => u.id === "b")).toMatchObject({ minTotal: { value: "9" }, maxTotal: { value: "15" } });
  });
  it("bounds mode (maxCombinations 1) gives the same exact ranges: 7.1's points are monotone in the reading per unit", () => {
    const b = robustness(catalog, dongNai, { maxCombinations: 1 });
    expect(b.mode).toBe("bounds");
    expect(b.units.map((u) => [u.id, u.minTotal.value, u.maxTotal.value, u.bestRank.value, u.worstRank.value, u.rankExact])).toEqual(
      r.units.map((u) => [u.id, u.minTotal.value, u.maxTotal.value, u.bestRank.value, u.worstRank.value, true]),
    );
  });
  it("refuses an unknown reading with the coded error of withReadings", () => {
    expect(() => robustness(catalog, dongNai, { readings: { "7.1": "literal" } })).toThrow(CatalogError);
  });
});

// A catalog with three kinds of readings, to check the ranges against a brute force: the unit
// total's rule (Hải Dương 707/QĐ-UBND: mean over the scored pillars or over all three), a leaf (a
// threshold at 5% or 1%, as Đồng Nai huyện 7.1) and a group clamped to 50 or 30 with a leaf under
// it whose threshold is 10% or 20% (nested readings: one block in bounds mode).
const hd = getCatalog("hai-duong-2022/huyen");
const ratio = { a: { label: "a", type: "count" }, b: { label: "b", type: "count" } } as const;
const threshold = (t: string) => ({
  kind: "threshold",
  value: { numerator: ["a"], denominator: ["b"] },
  threshold: t,
  below: "proportional",
});
const reading = (id: string, extra: Record<string, unknown> = {}) => ({ id, source: "s", rationale: "r", ...extra });
const three = loadCatalog({
  id: "robustness-test/huyen",
  title: "Three readings",
  province: "T",
  level: "huyen",
  document: { number: "x", date: "2024-01-01" },
  aggregate: "pillarMean",
  defaults: { cadence: "year", annualRule: "last", zeroDenominator: "max" },
  // The two pillar-mean readings of Hải Dương (its list may hold more: sumOfCriteria, described ones).
  readings: hd.readings!.filter((r) => r.id === "scoredPillars" || r.id === "allPillars"),
  indicators: [
    {
      code: "1",
      name: "P1",
      max: 100,
      children: [
        {
          code: "1.1",
          name: "L",
          max: 50,
          inputs: ratio,
          formula: threshold("5%"),
          readings: [reading("five", { default: true }), reading("one", { formula: threshold("1%") })],
        },
        {
          code: "1.2",
          name: "G",
          max: 50,
          readings: [reading("asWritten", { default: true }), reading("clamped", { max: 30 })],
          children: [
            { code: "1.2.1", name: "Y", max: 30, formula: { kind: "yesNo" } },
            {
              code: "1.2.2",
              name: "T",
              max: 30,
              inputs: ratio,
              formula: threshold("10%"),
              readings: [reading("ten", { default: true }), reading("twenty", { formula: threshold("20%") })],
            },
          ],
        },
      ],
    },
    { code: "2", name: "P2", max: 100, formula: { kind: "yesNo" } },
    { code: "3", name: "P3", max: 100, formula: { kind: "yesNo" }, unscored: true },
  ],
});
const threeData: DatasetInput = {
  catalog: "robustness-test/huyen",
  year: 2024,
  periods: ["Y"],
  units: [
    { id: "u1", name: "U1", data: { Y: { "1.1": { a: 2, b: 100 }, "1.2.1": true, "1.2.2": { a: 15, b: 100 }, "2": false } } },
    { id: "u2", name: "U2", data: { Y: { "1.1": { a: 6, b: 100 }, "1.2.1": false, "1.2.2": { a: 5, b: 100 }, "2": false } } },
    { id: "u3", name: "U3", data: { Y: { "1.1": { a: 1, b: 200 }, "1.2.1": true, "1.2.2": { a: 30, b: 100 }, "2": false } } },
    { id: "u4", name: "U4", data: { Y: { "1.1": { a: 0, b: 100 }, "1.2.1": true, "1.2.2": { a: 25, b: 100 }, "2": false } } },
  ],
} as DatasetInput;

/** Every combination of the catalog's readings, enumerated here (not by robustness()), scored one by one. */
function bruteForce(catalog: CompiledCatalog, dataset: DatasetInput) {
  let combos: Record<string, string>[] = [{}];
  for (const set of readingSets(catalog)) combos = combos.flatMap((c) => set.ids.map((id) => ({ ...c, [set.code]: id })));
  const out = new Map<string, { min: Dec; max: Dec; best: number; worst: number }>();
  for (const combo of combos)
    for (const u of score(withReadings(catalog, combo), dataset).units as PointsUnit[]) {
      const t = new Dec(u.total);
      const o = out.get(u.id);
      if (!o) out.set(u.id, { min: t, max: t, best: u.rank, worst: u.rank });
      else {
        if (t.lt(o.min)) o.min = t;
        if (t.gt(o.max)) o.max = t;
        o.best = Math.min(o.best, u.rank);
        o.worst = Math.max(o.worst, u.rank);
      }
    }
  return { combos: combos.length, ranges: out };
}

describe("ranges against a brute force over every combination (pillar-mean rule × leaf × group with a leaf under it)", () => {
  const brute = bruteForce(three, threeData);
  it("the test data moves ranks: not every unit's interval is a single rank", () => {
    expect(brute.combos).toBe(16);
    expect([...brute.ranges.values()].some((r) => r.best !== r.worst)).toBe(true);
    expect([...brute.ranges.values()].some((r) => !r.min.eq(r.max))).toBe(true);
  });
  it("exhaustive: every range equals the brute force; each extreme's combination attains it when scored", () => {
    const r = robustness(three, threeData);
    expect(r.mode).toBe("exhaustive");
    expect(r.combinations).toBe(16);
    for (const u of r.units) {
      const b = brute.ranges.get(u.id)!;
      expect([u.minTotal.value, u.maxTotal.value, u.bestRank.value, u.worstRank.value]).toEqual([
        b.min.toFixed(),
        b.max.toFixed(),
        b.best,
        b.worst,
      ]);
      expect(u.totalExact && u.rankExact).toBe(true);
      expect(scored(three, threeData, u.minTotal.readings, u.id).total).toBe(u.minTotal.value);
      expect(scored(three, threeData, u.maxTotal.readings, u.id).total).toBe(u.maxTotal.value);
      expect(scored(three, threeData, u.bestRank.readings, u.id).rank).toBe(u.bestRank.value);
      expect(scored(three, threeData, u.worstRank.readings, u.id).rank).toBe(u.worstRank.value);
    }
  });
  it("bounds (maxCombinations 1): total bounds equal the brute force; rank intervals contain it; witnesses attain", () => {
    const r = robustness(three, threeData, { maxCombinations: 1 });
    expect(r.mode).toBe("bounds");
    // Default + one-at-a-time (1 + 3 alternatives) + the group block's 4 combinations + witnesses: fewer than 16.
    expect(r.scorings).toBeLessThan(16);
    for (const u of r.units) {
      const b = brute.ranges.get(u.id)!;
      expect(u.totalExact).toBe(true);
      expect([u.minTotal.value, u.maxTotal.value]).toEqual([b.min.toFixed(), b.max.toFixed()]);
      expect(scored(three, threeData, u.minTotal.readings, u.id).total).toBe(u.minTotal.value);
      expect(scored(three, threeData, u.maxTotal.readings, u.id).total).toBe(u.maxTotal.value);
      // Attained ranks lie inside the true range; the proved bounds (when not exact) outside it.
      expect(scored(three, threeData, u.bestRank.readings, u.id).rank).toBe(u.bestRank.value);
      expect(scored(three, threeData, u.worstRank.readings, u.id).rank).toBe(u.worstRank.value);
      expect(u.bestRank.value).toBeGreaterThanOrEqual(b.best);
      expect(u.worstRank.value).toBeLessThanOrEqual(b.worst);
      if (u.rankExact) expect([u.bestRank.value, u.worstRank.value]).toEqual([b.best, b.worst]);
      else {
        expect(u.bestRankBound!).toBeLessThanOrEqual(b.best);
        expect(u.worstRankBound!).toBeGreaterThanOrEqual(b.worst);
      }
    }
  });
  it("U1 by hand: 1.1 at 2% → 2%/5% × 50 = 20 or 50 (/1%); 1.2 = 30 + 30 (15% ≥ 10%) or 30 + 15%/20% × 30 = 22.5, clamped to 50 or 30", () => {
    const r = robustness(three, threeData);
    const u1 = r.units.find((u) => u.id === "u1")!;
    // Default: P1 = 20 + min(60, 50) = 70, P2 = 0; mean over the 2 scored pillars = 35.
    expect(u1.total).toBe("35");
    // Highest: 1.1 as 50, 1.2 at 50: P1 = 100, mean 100 / 2 = 50. Lowest: 20 + 30 = 50, over all 3 pillars: 50 / 3.
    expect(u1.maxTotal.value).toBe("50");
    expect(u1.minTotal.value).toBe("16.666667");
    expect(u1.minTotal.readings).toMatchObject({ catalog: "allPillars", "1.1": "five", "1.2": "clamped" });
  });
});

describe("self-assessed vs appraised ranks (Đồng Nai huyện 7.1 and 7.2)", () => {
  // Self: A 7.1 at 10% → 15; B and C 7.2 at 10% → 10 each. Appraisal of A's 7.1: 1/100 = 1% → 1%/5% × 15 = 3.
  const data = {
    catalog: "dong-nai-2023/huyen",
    year: 2024,
    periods: ["Q4"],
    units: [
      { id: "a", name: "A", data: { Q4: { "7.1": { a: 10, b: 100 } } }, appraisal: { Q4: { "7.1": { a: 1, b: 100 } } } },
      { id: "b", name: "B", data: { Q4: { "7.2": { a: 1, b: 10 } } } },
      { id: "c", name: "C", data: { Q4: { "7.2": { a: 1, b: 10 } } } },
    ],
  } as DatasetInput;
  it("self 15, 10, 10 ranks 1, 2, 2; appraised 3, 10, 10 ranks 3, 1, 1 (ties share a rank)", () => {
    const r = robustness(getCatalog("dong-nai-2023/huyen"), data);
    expect(r.assessments!.map((a) => [a.unit, a.self, a.selfRank, a.final, a.finalRank])).toEqual([
      ["b", "10", 2, "10", 1],
      ["c", "10", 2, "10", 1],
      ["a", "15", 1, "3", 3],
    ]);
  });
  it("the table names the units whose rank differs", async () => {
    const dir = await import("node:fs").then((fs) => fs.mkdtempSync(`${process.env["TMPDIR"] ?? "/tmp"}/dti-rob-`));
    const file = `${dir}/a.json`;
    (await import("node:fs")).writeFileSync(file, JSON.stringify(data));
    const t = await dti("robustness", file, "--lang", "en");
    expect(t.code).toBe(0);
    expect(t.out).toContain("Rank by self-assessment and by appraisal");
    expect(t.out).toContain("3 units rank differently: b, c, a");
  });
  it("without appraisals there is no such part", () => {
    expect(robustness(getCatalog("dong-nai-2023/huyen"), dongNai).assessments).toBeUndefined();
  });
});

describe("dti robustness on every points sample", () => {
  const samples = readdirSync("fixtures")
    .filter((f) => f.endsWith(".sample.yaml"))
    .map((f) => `fixtures/${f}`)
    .filter((f) => getCatalog(loadDataset(readFileSync(f, "utf8")).catalog).scoring === "points");
  it("covers the points catalogs with samples", () => {
    expect(samples.length).toBeGreaterThanOrEqual(6);
  });
  for (const file of samples)
    it(`${file}: exit 0, one rank-interval line per unit with its bar on 1..N`, async () => {
      const units = loadDataset(readFileSync(file, "utf8")).units;
      const r = await dti("robustness", file);
      expect(r.code).toBe(0);
      expect(r.err).toBe("");
      expect(r.out).toContain("Độ vững của xếp hạng");
      for (const u of units) {
        const line = r.out.split("\n").find((l) => new RegExp(`^\\s*\\d+\\s+${u.id}\\s`).test(l));
        expect(line, u.id).toMatch(new RegExp(`\\d+–\\d+\\*?\\s+[●=·]{${Math.min(units.length, 40)}}$`));
      }
      const json = JSON.parse((await dti("robustness", file, "--format", "json")).out);
      expect(json.units).toHaveLength(units.length);
      const csv = (await dti("robustness", file, "--format", "csv")).out.trim().split("\n");
      expect(csv[0]).toMatch(/^rank,unit_id,unit_name,total,min_total,max_total,total_exact,best_rank,worst_rank/);
      expect(csv).toHaveLength(units.length + 1);
    });
  it("Đồng Nai huyện sample: Trảng Bom 357.75 – 369.75 (7.1 as written), its extreme with the reading that gives it", async () => {
    const r = await dti("robustness", "fixtures/dong-nai-2023-huyen.sample.yaml", "--lang", "en");
    // The range is every reading's; 7.1 as written alone already lifts Trảng Bom to 369.75.
    const file = "fixtures/dong-nai-2023-huyen.sample.yaml";
    const lib = robustness(getCatalog("dong-nai-2023/huyen"), loadDataset(readFileSync(file, "utf8"))).units.find(
      (u) => u.id === "trang-bom",
    )!;
    expect(lib.total).toBe("357.75");
    expect(new Dec(lib.maxTotal.value).gte("369.75")).toBe(true);
    expect(new Dec(lib.minTotal.value).lte("357.75")).toBe(true);
    expect(r.out).toMatch(
      new RegExp(`trang-bom .* 357\\.75\\s+${lib.minTotal.value.replace(".", "\\.")} – ${lib.maxTotal.value.replace(".", "\\.")}\\s`),
    );
    expect(
      scored(getCatalog("dong-nai-2023/huyen"), loadDataset(readFileSync(file, "utf8")), { "7.1": "asWritten" }, "trang-bom").total,
    ).toBe("369.75");
    const forced = await dti("robustness", "fixtures/dong-nai-2023-huyen.sample.yaml", "--max-combinations", "0", "--format", "json");
    expect(JSON.parse(forced.out).mode).toBe("bounds");
  });
});

describe("level catalogs", () => {
  it("Kon Tum: robustness() refuses with robustnessNeedsPoints; the CLI exits 2 naming the file", async () => {
    const file = "fixtures/kon-tum-2025-xa.sample.yaml";
    const ds = loadDataset(readFileSync(file, "utf8"));
    try {
      robustness(getCatalog("kon-tum-2025/xa"), ds);
      expect.unreachable();
    } catch (e) {
      expect((e as CatalogError).issues.map((i) => [i.code, i.where.catalog])).toEqual([["robustnessNeedsPoints", "kon-tum-2025/xa"]]);
    }
    const r = await dti("robustness", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toContain("độ vững của xếp hạng so sánh tổng điểm");
    expect(r.err).not.toMatch(/at .*\.[jt]s:\d+/);
  });
});

describe("the report's rank robustness section (only for catalogs with readings)", () => {
  it("Đồng Nai huyện (7.1 has readings): HTML draws one SVG interval per unit, MD a table, JSON a robustness field", async () => {
    const { reportData, renderReport } = await import("../src/index.js");
    const data = reportData(getCatalog("dong-nai-2023/huyen"), dongNai, "vi");
    expect(data.robustness!.units.map((u) => [u.id, u.bestRank.value, u.worstRank.value])).toEqual([
      ["a", 1, 2],
      ["b", 1, 2],
      ["c", 3, 3],
    ]);
    const html = renderReport(data, "html", "vi");
    expect(html).toContain('<section id="robustness"><h2>Độ vững của xếp hạng</h2>');
    expect(html.match(/<g class="interval" data-unit="[abc]" data-best="\d" data-worst="\d">/g)).toEqual([
      '<g class="interval" data-unit="a" data-best="1" data-worst="2">',
      '<g class="interval" data-unit="b" data-best="1" data-worst="2">',
      '<g class="interval" data-unit="c" data-best="3" data-worst="3">',
    ]);
    expect(html).toContain("<code>7.1=asWritten</code>");
    expect(html).not.toMatch(/<(link|script|img)[ >]/);
    const md = renderReport(data, "md", "en");
    expect(md).toContain("## Rank robustness");
    expect(md).toContain("| 2 | Huyện B (b) | 9 | 9 – 15 | 1–2 |");
    expect(JSON.parse(renderReport(data, "json", "vi")).robustness.units).toHaveLength(3);
  });
  it("Đồng Nai Sở with its readings removed (no readings): no section", async () => {
    const { reportData, renderReport, loadCatalog } = await import("../src/index.js");
    const ds = loadDataset(readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8"));
    // The built-in catalogs gain readings as their rows are classified: strip them here.
    const strip = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(strip)
        : x && typeof x === "object"
          ? Object.fromEntries(Object.entries(x).flatMap(([k, v]) => (k === "readings" ? [] : [[k, strip(v)]])))
          : x;
    const plain = loadCatalog(strip(JSON.parse(JSON.stringify(getCatalog("dong-nai-2023/so").catalog))) as object);
    expect(readingSets(plain)).toEqual([]);
    const data = reportData(plain, ds, "vi");
    expect(data.robustness).toBeUndefined();
    expect(renderReport(data, "html", "vi")).not.toContain('id="robustness"');
  });
});

describe("bounds mode with a catalog rule that moves many nodes (Vĩnh Phúc huyện: zeroEverywhere and 16 row readings)", () => {
  it("per rule, each block's extremes: the bounds equal the exhaustive ranges and are proved exact", () => {
    const catalog = getCatalog("vinh-phuc-2022/huyen");
    const dataset = loadDataset(readFileSync("fixtures/vinh-phuc-2022-huyen.sample.yaml", "utf8"));
    const all = robustness(catalog, dataset);
    const b = robustness(catalog, dataset, { maxCombinations: 0 });
    expect([all.mode, b.mode]).toEqual(["exhaustive", "bounds"]);
    // The catalog's zero-denominator rule changes the points of every ratio without its own policy:
    // the blocks are measured under each rule, so the witnesses reproduce them (totalExact).
    expect(b.units.map((u) => [u.id, u.minTotal.value, u.maxTotal.value, u.totalExact])).toEqual(
      all.units.map((u) => [u.id, u.minTotal.value, u.maxTotal.value, true]),
    );
    for (const u of b.units)
      for (const side of [u.minTotal, u.maxTotal]) expect(scored(catalog, dataset, side.readings, u.id).total).toBe(side.value);
  });
});

// Đồng Nai huyện 3.1 (QĐ 3473/QĐ-UBND Phụ lục II, max 15): "Tỷ lệ=a/b" with no "Điểm =" line,
// read as Tỷ lệ × max (default) or as giving no points (notScored: unscored). An unscored node
// still shows its points but adds nothing: bounds mode must count its contribution (0), not them.
describe("bounds mode with a reading that leaves a row unscored (Đồng Nai huyện 3.1 notScored)", () => {
  const unscoredTest = loadCatalog({
    id: "robustness-test/huyen",
    title: "Unscored reading",
    province: "T",
    level: "huyen",
    document: { number: "x", date: "2024-01-01" },
    aggregate: "sum",
    defaults: { cadence: "year", annualRule: "last", zeroDenominator: "max" },
    indicators: [
      {
        code: "1",
        name: "Tỷ lệ",
        max: 10,
        inputs: ratio,
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        readings: [reading("ratioTimesMax", { default: true }), reading("notScored", { unscored: true })],
      },
      {
        code: "2",
        name: "T",
        max: 50,
        inputs: ratio,
        formula: threshold("5%"),
        readings: [reading("five", { default: true }), reading("one", { formula: threshold("1%") })],
      },
    ],
  });
  const data: DatasetInput = {
    catalog: "robustness-test/huyen",
    year: 2024,
    periods: ["Y"],
    units: [
      // 1: 8/10 × 10 = 8 (or 0 unscored); 2: 2%/5% × 50 = 20 (or 2%/1% × 50 clamped to 50).
      { id: "u1", name: "U1", data: { Y: { "1": { a: 8, b: 10 }, "2": { a: 2, b: 100 } } } },
      // 1: 5/10 × 10 = 5 (or 0); 2: 3%/5% × 50 = 30 (or 50).
      { id: "u2", name: "U2", data: { Y: { "1": { a: 5, b: 10 }, "2": { a: 3, b: 100 } } } },
    ],
  } as DatasetInput;
  it("U1 lowest 20 (1 unscored, 2 at 5%), highest 58; bounds equal the brute force and exhaustive mode", () => {
    const brute = bruteForce(unscoredTest, data);
    // Base 2 read at 1%: scored one block at a time, U1's lowest is then 1 unscored + 2 at 1% = 50.
    const all = robustness(unscoredTest, data, { readings: { "2": "one" } });
    const b = robustness(unscoredTest, data, { readings: { "2": "one" }, maxCombinations: 0 });
    expect([all.mode, b.mode]).toEqual(["exhaustive", "bounds"]);
    const u1 = b.units.find((u) => u.id === "u1")!;
    expect([u1.minTotal.value, u1.maxTotal.value]).toEqual(["20", "58"]);
    expect(u1.minTotal.readings).toMatchObject({ "1": "notScored", "2": "five" });
    for (const u of b.units) {
      const x = brute.ranges.get(u.id)!;
      expect([u.minTotal.value, u.maxTotal.value, u.totalExact]).toEqual([x.min.toFixed(), x.max.toFixed(), true]);
      expect(scored(unscoredTest, data, u.minTotal.readings, u.id).total).toBe(u.minTotal.value);
    }
  });
  it("Đồng Nai huyện sample: Biên Hòa's lowest total is at most 855 (3.1 notScored from the old witness); none beyond it", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const dataset = loadDataset(readFileSync("fixtures/dong-nai-2023-huyen.sample.yaml", "utf8"));
    const r = robustness(catalog, dataset);
    expect(r.mode).toBe("bounds");
    const sets = readingSets(catalog);
    for (const u of r.units) {
      if (!u.totalExact) continue;
      // A total claimed exact: no single change of reading from its witness goes beyond it.
      for (const s of sets)
        for (const id of s.ids) {
          const lo = scored(catalog, dataset, { ...u.minTotal.readings, [s.code]: id }, u.id).total;
          const hi = scored(catalog, dataset, { ...u.maxTotal.readings, [s.code]: id }, u.id).total;
          expect(new Dec(lo).gte(u.minTotal.value), `${u.id} ${s.code}=${id} ${lo} < ${u.minTotal.value}`).toBe(true);
          expect(new Dec(hi).lte(u.maxTotal.value), `${u.id} ${s.code}=${id} ${hi} > ${u.maxTotal.value}`).toBe(true);
        }
    }
    expect(new Dec(r.units.find((u) => u.id === "bien-hoa")!.minTotal.value).lte(855)).toBe(true);
  });
});

// Hải Dương QĐ 707/QĐ-UBND: the district score is the mean of the scored pillars. A reading that
// leaves a pillar unscored changes the divisor too, so the total is not monotone in the pillar's
// points: its low points can pull the mean down. Bounds mode must not claim such totals exact.
describe("bounds mode with a reading that leaves a pillar of a pillar mean unscored", () => {
  const meanTest = loadCatalog({
    id: "robustness-test/huyen",
    title: "Pillar mean, unscored reading",
    province: "T",
    level: "huyen",
    document: { number: "x", date: "2024-01-01" },
    aggregate: "pillarMean",
    defaults: { cadence: "year", annualRule: "last", zeroDenominator: "max" },
    indicators: [
      {
        code: "1",
        name: "P1",
        max: 50,
        inputs: ratio,
        formula: threshold("5%"),
        readings: [reading("five", { default: true }), reading("one", { formula: threshold("1%") })],
      },
      { code: "2", name: "P2", max: 100, formula: { kind: "yesNo" } },
      {
        code: "3",
        name: "P3",
        max: 100,
        inputs: ratio,
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        readings: [reading("scored", { default: true }), reading("notScored", { unscored: true })],
      },
    ],
  });
  // P1 at 2%: 2%/5% × 50 = 20 (five) or 50 (one); P2 no: 0; P3 at 10%: 10.
  // Means: (20 + 0 + 10)/3 = 10, (50 + 0 + 10)/3 = 20, (20 + 0)/2 = 10, (50 + 0)/2 = 25 (the highest).
  const data: DatasetInput = {
    catalog: "robustness-test/huyen",
    year: 2024,
    periods: ["Y"],
    units: [{ id: "u1", name: "U1", data: { Y: { "1": { a: 2, b: 100 }, "2": false, "3": { a: 10, b: 100 } } } }],
  } as DatasetInput;
  it("U1's highest total is 25 (P1 at 1%, P3 unscored); bounds mode never claims a lower one exact", () => {
    const all = robustness(meanTest, data);
    expect(all.units[0]!.maxTotal.value).toBe("25");
    const b = robustness(meanTest, data, { maxCombinations: 0 });
    const u = b.units[0]!;
    // Per pillar, the most points (P3 scored: 10 > 0) give 20: attained, but not the highest (marked ~).
    expect([u.maxTotal.value, u.totalExact, u.rankExact]).toEqual(["20", false, false]);
    expect(scored(meanTest, data, u.maxTotal.readings, "u1").total).toBe("20");
  });
});

describe("a reading that changes a row's cadence (Đồng Nai huyện 2.4 and 3.4 read yearly)", () => {
  it("its quarters' data left out for speed: every attained total re-scores the same on the whole dataset", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const dataset = loadDataset(readFileSync("fixtures/dong-nai-2023-huyen.sample.yaml", "utf8"));
    const r = robustness(catalog, dataset);
    // At least one extreme is reached with a yearly reading (the sample's Trảng Bom 3.4 = 18/20 in Q4).
    const witnesses = r.units.flatMap((u) => [u.minTotal, u.maxTotal]);
    expect(witnesses.some((w) => w.readings["3.4"] === "yearly" || w.readings["2.4"] === "yearly")).toBe(true);
    for (const u of r.units)
      for (const side of [u.minTotal, u.maxTotal]) expect(scored(catalog, dataset, side.readings, u.id).total, u.id).toBe(side.value);
    // The warnings are the data's under the default readings: none about quarters a yearly reading leaves unused.
    expect(r.warnings.filter((w) => w.code === "notDue")).toEqual([]);
  });
});

describe("a cadence reading on a row whose input another row takes (from: 1.b)", () => {
  // Row 1 (a/b, quarterly, or yearly under a reading) and row 2 (c/b, quarterly, b taken from 1.b).
  // Under "yearly" row 1 is scored on Q4 alone, but row 2 still reads 1.b in Q1–Q3: leaving out
  // row 1's undue quarters made row 2's b missing there (V: 6.25 instead of 13.75).
  const cat = loadCatalog({
    id: "undue-test/so",
    title: "Undue",
    province: "T",
    level: "so",
    document: { number: "x", date: "2024-01-01" },
    defaults: { cadence: "quarter", annualRule: "mean", zeroDenominator: "max" },
    indicators: [
      {
        code: "1",
        name: "A",
        max: 10,
        inputs: ratio,
        formula: { kind: "ratio", value: { numerator: ["a"], denominator: ["b"] } },
        readings: [reading("quarterly", { default: true }), reading("yearly", { cadence: "year" })],
      },
      {
        code: "2",
        name: "B",
        max: 10,
        inputs: { c: { label: "c" }, b: { label: "b", from: "1.b" } },
        formula: { kind: "ratio", value: { numerator: ["c"], denominator: ["b"] } },
      },
    ],
  } as never);
  const q = (a: number, b: number, c: number) => ({ "1": { a, b }, "2": { c } });
  const data = {
    catalog: "undue-test/so",
    year: 2024,
    periods: ["Q1", "Q2", "Q3", "Q4"],
    units: [
      { id: "u", name: "U", data: { Q1: q(1, 2, 1), Q2: q(1, 2, 1), Q3: q(1, 2, 1), Q4: q(2, 2, 2) } },
      { id: "v", name: "V", data: { Q1: q(2, 2, 2), Q2: q(2, 2, 2), Q3: q(2, 2, 2), Q4: q(1, 2, 1) } },
    ],
  } as unknown as DatasetInput;
  it("U: 12.5 (quarterly: 1 row mean 6.25 + 2 row mean 6.25) to 16.25 (yearly: 10 + 6.25); V: 17.5 to 13.75 (5 + 8.75)", () => {
    const r = robustness(cat, data);
    const u = r.units.find((x) => x.id === "u")!;
    const v = r.units.find((x) => x.id === "v")!;
    expect([u.minTotal.value, u.maxTotal.value, v.minTotal.value, v.maxTotal.value]).toEqual(["12.5", "16.25", "13.75", "17.5"]);
    for (const x of [u, v])
      for (const side of [x.minTotal, x.maxTotal]) expect(scored(cat, data, side.readings, x.id).total, x.id).toBe(side.value);
  });
});
