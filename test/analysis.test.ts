// Decision support on the bundled catalogs and samples: explain, gaps (with verified
// inversions per formula kind), what-if, compare, self vs appraised, reports, templates.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  assessmentDifferences,
  compare,
  datasetFromCsv,
  explain,
  gaps,
  getCatalog,
  listCatalogs,
  loadDataset,
  report,
  score,
  template,
  whatIf,
  compileCatalog,
  generateDataset,
  readingSets,
  type Dataset,
} from "../src/index.js";
import { Dec, fmt } from "../src/_decimal.js";
import { asPoints, pointsUnit, pointsUnits } from "./_units.js";

const fixture = (name: string): Dataset => loadDataset(readFileSync(`fixtures/${name}.sample.yaml`, "utf8"));
const dnSo = getCatalog("dong-nai-2023/so");
const dnSoData = fixture("dong-nai-2023-so");
const dnSoResult = score(dnSo, dnSoData);

describe("explain", () => {
  it("Đồng Nai Sở 2.6 so-tc: 1/2 conferences × 30 = 15 per quarter, mean of 4 quarters, Vietnamese decimal comma", () => {
    const [e] = explain(dnSoResult, "so-tc", { code: "2.6" });
    // A row with readings (issue 13) also names the reading in force after the citation.
    const [core, reading] = e!.text.split(" — cách đọc ");
    expect(core).toBe(
      "2.6: Q1: 1/2 = 50% × 30 = 15 điểm; Q2: 1/2 = 50% × 30 = 15 điểm; Q3: 1/2 = 50% × 30 = 15 điểm; Q4: 1/2 = 50% × 30 = 15 điểm → 15 điểm (Trung bình 4 quý) [dong-nai-2023/so 2.6]",
    );
    const def = readingSets(dnSo).find((s) => s.code === "2.6")?.default;
    expect(reading?.startsWith(`${def} (mặc định)`)).toBe(def === undefined ? undefined : true);
  });
  it("Đồng Nai Sở 1.3 so-tc: below and at the threshold (avg 1,5 articles/month → 1,5/2 × 20 = 15)", () => {
    const [e] = explain(dnSoResult, "so-tc", { code: "1.3" });
    expect(e!.text).toContain("Q2: 1,5 < 2 → 1,5 / 2 × 20 = 15 điểm");
    expect(e!.text).toContain("Q3: 2 ≥ 2 → tối đa 20 điểm");
  });
  it("English with a decimal point", () => {
    const [e] = explain(dnSoResult, "so-tc", { code: "1.3", lang: "en" });
    expect(e!.text).toContain("Q2: 1.5 < 2 → 1.5 / 2 × 20 = 15 points");
    expect(e!.text).toContain("(mean of 4 quarters)");
  });
  it("every indicator of every unit gets a sentence citing catalog and code", () => {
    for (const u of dnSoResult.units) {
      const all = explain(dnSoResult, u.id);
      expect(all).toHaveLength(66);
      for (const e of all) expect(e.text).toContain(`[dong-nai-2023/so ${e.code}]`);
    }
  });
  it("Kon Tum xã 1.1 (level catalog): 'đạt 72,5%, mức 4 cần 100%'", () => {
    const kt = getCatalog("kon-tum-2025/xa");
    const r = score(kt, fixture("kon-tum-2025-xa"));
    const [e] = explain(r, "xa-c", { code: "1.1" });
    expect(e!.text).toBe("tiêu chí 1.1: đạt 72,5%, đạt mức 3; mức 4 cần 100% [kon-tum-2025/xa 1.1]");
  });
  it("Kon Tum xã 1.22 and 1.7: the requirement says 'cần' once (issue 12: 'mức 4 cần: cần: Có …')", () => {
    const r = score(getCatalog("kon-tum-2025/xa"), fixture("kon-tum-2025-xa"));
    expect(explain(r, "xa-c", { code: "1.22" })[0]!.text).toBe(
      "tiêu chí 1.22: đạt mức 3; mức 4: cần: Có ứng dụng hệ thống; hiện: chưa có [kon-tum-2025/xa 1.22]",
    );
    expect(explain(r, "xa-b", { code: "1.7" })[0]!.text).toBe(
      "tiêu chí 1.7: đạt mức 4; mức 5: cần tối thiểu 2, có 1 [kon-tum-2025/xa 1.7]",
    );
    for (const u of r.units) for (const e of explain(r, u.id)) expect(e.text).not.toMatch(/cần:? cần/);
    for (const u of r.units) for (const e of explain(r, u.id, { lang: "en" })) expect(e.text).not.toMatch(/needs:? needs/);
  });
});

describe("gaps", () => {
  const g = gaps(dnSo, dnSoData, "so-vhttdl", { verify: 1000 });
  it("points lost sorted, grouped by main indicator; the unit above and the points needed (578,5 − 384 = 194,5)", () => {
    expect(g.target).toMatchObject({ unit: "so-tc", needed: "194.5" });
    const lost = g.lost.map((l) => Number(l.lost));
    expect([...lost].sort((a, b) => b - a)).toEqual(lost);
    const sumMain = g.byMain.reduce((s, m) => s + Number(m.lost), 0);
    expect(sumMain).toBeCloseTo(1000 - 384, 6);
  });
  it("every suggestion was verified by re-scoring and gains > 0; applying it independently gains exactly that", () => {
    expect(g.suggestions.length).toBeGreaterThan(5);
    for (const s of g.suggestions.slice(0, 8)) {
      expect(s.verified).toBe(true);
      const after = score(dnSo, dnSoData, { overrides: s.changes });
      const gained = Number(pointsUnit(after, "so-vhttdl").total) - 384;
      expect(gained).toBeCloseTo(Number(s.gain), 6);
      expect(gained).toBeGreaterThan(0);
    }
  });
  it("the combined plan passes the unit above when applied", () => {
    expect(g.plan?.reaches).toBe(true);
    const after = score(dnSo, dnSoData, { overrides: g.plan!.changes });
    const u = pointsUnit(after, "so-vhttdl");
    expect(Number(u.total)).toBeGreaterThan(578.5);
    expect(u.rank).toBeLessThanOrEqual(2);
  });
  it("an inversion per formula kind gains at least what it promises (all bundled point samples)", () => {
    const kinds = new Set<string>();
    for (const c of listCatalogs().filter((x) => x.scoring === "points")) {
      const catalog = getCatalog(c.id);
      const compiled = compileCatalog(catalog);
      const file = `fixtures/${c.id.replace("/", "-")}.sample.yaml`;
      const data = loadDataset(readFileSync(file, "utf8"));
      const result = score(catalog, data);
      for (const u of result.units) {
        const report = gaps(catalog, data, u.id, { result, verify: 0 });
        for (const s of report.suggestions) {
          const kind = compiled.nodes.get(s.code)!.formula!.kind;
          if (kinds.has(kind)) continue;
          const after = score(catalog, data, { overrides: s.changes });
          const gained = Number(pointsUnit(after, u.id).total) - Number(asPoints(u).total);
          // Estimates are exact except where peers move (relative): never promise more than re-scoring gives.
          if (kind !== "relative") expect(gained).toBeGreaterThanOrEqual(Number(s.gain) - 1e-9);
          expect(gained).toBeGreaterThan(0);
          kinds.add(kind);
        }
      }
    }
    expect([...kinds].sort()).toEqual(["bands", "checklist", "choice", "composite", "perItem", "ratio", "relative", "threshold", "yesNo"]);
  }, 120_000);
  it("re-scoring one unit alone gives the whole dataset's gains to the digit (Đồng Nai huyện 4.6, 5.1, 8.10, 8.11 compare units)", () => {
    // gaps re-scores a unit alone, with only the units holding the peers' extremes: each verified
    // gain and the plan's must be exactly what re-scoring the whole dataset gives.
    const catalog = getCatalog("dong-nai-2023/huyen");
    const data = generateDataset(catalog, { units: 7, seed: 23, fill: 0.8 });
    const result = score(catalog, data);
    const relative = new Set(["4.6", "5.1", "8.10", "8.11"]);
    let relativeChecked = 0;
    for (const u of pointsUnits(result)) {
      const r = gaps(catalog, data, u.id, { result, verify: 1000 });
      const checks = [...r.suggestions.filter((s) => s.verified), ...(r.plan ? [r.plan] : [])];
      for (const s of checks) {
        const after = pointsUnit(score(catalog, data, { overrides: s.changes }), u.id);
        expect(s.gain).toBe(fmt(new Dec(after.total).minus(u.total)));
        if ("code" in s && relative.has(s.code)) relativeChecked++;
      }
    }
    expect(relativeChecked).toBeGreaterThan(3);
  }, 60_000);
  it("Nghĩa Phương: grouped by the responsible official (Công chức chủ trì)", () => {
    const np = getCatalog("quang-ngai-nghia-phuong-2023/xa");
    const r = gaps(np, fixture("quang-ngai-nghia-phuong-2023-xa"), "nghia-ky", { verify: 0 });
    expect(r.byLead.map((l) => l.lead)).toContain("CC VHTT");
    const total = r.byLead.reduce((s, l) => s + Number(l.lost), 0);
    expect(total).toBeGreaterThan(0);
  });
  it("Kon Tum: what the next level needs, criterion by criterion (xa-c, level 3 → 4: 1.1 needs 11 more of 40)", () => {
    const kt = getCatalog("kon-tum-2025/xa");
    const r = gaps(kt, fixture("kon-tum-2025-xa"), "xa-c");
    expect(r.nextLevel?.level).toBe(4);
    const b = r.nextLevel!.blockers.find((x) => x.code === "1.1")!;
    expect(b.action).toContain("cần 100%, đạt 72,5% → thêm 11");
  });
});

describe("what-if and compare", () => {
  it("turning Đồng Nai Sở 2.5 on for so-vhttdl in all quarters adds 30 points", () => {
    const w = whatIf(
      dnSo,
      dnSoData,
      ["Q1", "Q2", "Q3", "Q4"].map((p) => ({ unit: "so-vhttdl", period: p, code: "2.5", value: true })),
    );
    const u = w.comparison.units.find((x) => x.id === "so-vhttdl")!;
    expect(u.totalChange).toBe("30");
    expect(u.indicators["2.5"]).toEqual({ before: "0", after: "30", change: "30" });
  });
  it("compare: a change of total and rank per unit", () => {
    const before = score(dnSo, dnSoData);
    const after = score(dnSo, dnSoData, {
      overrides: [{ unit: "so-vhttdl", period: "Q4", code: "10.1", value: { achieved: 5, approved: 0 } }],
    });
    const c = compare(before, after);
    const u = c.units.find((x) => x.id === "so-vhttdl")!;
    // 10.1 is yearly (Kỳ cuối): 5 achieved → 50 points (capped), was 5 → +45
    expect(u.totalChange).toBe("45");
    expect(u.rankChange).toBe(0);
  });
});

describe("self vs appraised", () => {
  it("lists differences with the points at stake, most first", () => {
    const data = structuredClone(dnSoData) as Dataset;
    data.units[0]!.appraisal = { Q1: { "2.6": { a: 0, b: 4 } }, Q2: { "2.1": false } };
    const r = score(dnSo, data);
    const d = assessmentDifferences(r);
    // 2.1: self 30 every quarter; appraised false in Q2 → mean (30+0+30+30)/4 = 22.5 → −7.5
    expect(d.map((x) => x.code)).toEqual(["2.1", "2.6"]);
    expect(d[0]).toMatchObject({ unit: data.units[0]!.id, self: "30", final: "22.5", difference: "-7.5", atStake: "7.5" });
  });
});

describe("reports", () => {
  it("markdown has the ranking, the breakdown and explanations", () => {
    const md = report(dnSo, dnSoData, "md");
    expect(md).toContain("| 1 | Sở Thông tin và Truyền thông (so-tttt) | 925,75 |");
    expect(md).toContain("[dong-nai-2023/so 6.3.2]");
  });
  it("HTML is one self-contained file: no external URL, inline SVG bars", () => {
    const html = report(dnSo, dnSoData, "html");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain("<script src");
    // Three charts, and the rank robustness interval chart when the catalog has readings.
    expect((html.match(/<svg /g) ?? []).length).toBe(readingSets(dnSo).length ? 4 : 3);
    expect(html).toContain('id="ranking"');
  });
  it("CSV holds every unit × indicator × period score and the year", () => {
    const csv = report(dnSo, dnSoData, "csv").trim().split(/\r?\n/);
    // The reading column is there when the catalog has readings (issue 13).
    expect(csv[0]).toBe(`catalog,unit_id,unit_name,code,name,period,score,max,status${readingSets(dnSo).length ? ",reading" : ""}`);
    // per unit: 53 leaves × their due periods (50 quarterly × 4 + 3 yearly × 1 = 203) + 66 annual rows
    expect(csv.length - 1).toBe(3 * (203 + 66));
  });
});

describe("templates", () => {
  it("CSV template lists every input and profile field with labels and evidence", () => {
    const csv = template(dnSo, "csv", { year: 2024 }).split(/\r?\n/);
    expect(csv[0]).toBe("year,unit_id,unit_name,period,code,field,value,label,type,unit,evidence");
    expect(csv.some((l) => l.includes(",Q1,6.3.2,a,,"))).toBe(true);
    expect(csv.some((l) => l.includes(",profile,civilServants,"))).toBe(true);
    expect(csv.some((l) => l.includes(",Q1,10.1,"))).toBe(false); // yearly: only in Q4
  });
  it("a filled CSV template round-trips to the same scores as the YAML sample (Đồng Nai huyện)", () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const data = fixture("dong-nai-2023-huyen");
    const compiled = compileCatalog(catalog);
    // Fill the template's value column from the YAML sample, as an assessor would.
    const rows = Papa.parse<Record<string, string>>(
      template(catalog, "csv", { year: data.year, units: data.units.map((u) => ({ id: u.id, name: u.name })) }),
      { header: true },
    ).data;
    for (const r of rows) {
      const unit = data.units.find((u) => u.id === r["unit_id"])!;
      let value: unknown = "";
      if (r["code"] === "profile") value = unit.profile?.[r["field"]!] ?? "";
      else {
        const entry = unit.data[r["period"]!]?.[r["code"]!];
        const node = compiled.nodes.get(r["code"]!)!;
        if (entry === "n/a") value = "n/a";
        else if (entry !== undefined && entry !== null && typeof entry === "object")
          value = (entry as Record<string, unknown>)[r["field"]!] ?? "";
        else if (entry !== undefined && entry !== null && node.fields.filter((f) => !f.from).length === 1) value = entry;
      }
      r["value"] = String(value);
    }
    const filled = Papa.unparse(rows);
    const back = datasetFromCsv(filled, catalog, "filled.csv");
    const a = score(catalog, data);
    const b = score(catalog, back);
    expect(pointsUnits(b).map((u) => [u.id, u.total, u.rank])).toEqual(pointsUnits(a).map((u) => [u.id, u.total, u.rank]));
  });
  it("JSON Schema for a portal's data-entry form names codes, fields and labels", () => {
    const schema = JSON.parse(template(dnSo, "json-schema"));
    const q1 = schema.properties.units.items.properties.data.properties.Q1;
    const ind = q1.properties["6.3.2"];
    expect(JSON.stringify(ind)).toContain("Tỷ lệ DVCTT được điền sẵn thông tin");
    expect(JSON.stringify(ind)).toContain('"a"');
  });
  it("YAML template is a dataset skeleton with Vietnamese comments that parses", () => {
    const y = template(dnSo, "yaml", { year: 2024 });
    expect(y).toContain("# 6.3.2. Tỷ lệ DVCTT được điền sẵn thông tin");
    expect(() => loadDataset(y)).not.toThrow();
  });
});

describe("year over year: Đồng Nai Sở 9.1 from the previous year's results", () => {
  it("a unit that reports no 9.1 gets a = (total now − total before)/total before, 9.1 excluded", () => {
    const previous = score(dnSo, dnSoData);
    const next = structuredClone(dnSoData) as Dataset;
    next.year = 2025;
    // so-vhttdl reports no 9.1 in the sample; give it 2.5 in every quarter (+30 points).
    for (const p of ["Q1", "Q2", "Q3", "Q4"]) (next.units.find((u) => u.id === "so-vhttdl")!.data[p] ??= {})["2.5"] = true;
    const r = score(dnSo, next, { previous });
    const u = pointsUnit(r, "so-vhttdl");
    // before: 384 (9.1 = 0); now without 9.1: 414 → a = 30/384 = 0.078125 → 0.078125/0.1 × 50 = 39.0625
    expect(u.indicators["9.1"]!.periods!["Q4"]!.trace.inputs["a"]).toBe("0.078125");
    expect(u.indicators["9.1"]!.score).toBe("39.0625");
    expect(u.total).toBe("453.0625");
    expect(r.warnings.some((w) => w.code === "derivedFromPrevious" && w.where.unit === "so-vhttdl")).toBe(true);
    // units that report 9.1 keep their reported value
    const tttt = pointsUnit(r, "so-tttt");
    expect(tttt.indicators["9.1"]!.score).toBe(pointsUnit(previous, "so-tttt").indicators["9.1"]!.score);
  });
});

describe("gaps in a mixed dataset (Kon Tum districts with their communes)", () => {
  it("a commune's next level is read against the commune catalog", () => {
    const huyen = getCatalog("kon-tum-2025/huyen");
    const data = fixture("kon-tum-2025-huyen");
    const commune = data.units.find((u) => u.catalog === "kon-tum-2025/xa")!;
    const r = gaps(huyen, data, commune.id);
    expect(r.unit).toBe(commune.id);
    if (r.nextLevel)
      for (const b of r.nextLevel.blockers) expect(compileCatalog(getCatalog("kon-tum-2025/xa")).nodes.has(b.code)).toBe(true);
  });
});
