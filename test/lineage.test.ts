// Unit lineage (issue 14): the lineage file and its coded errors, merged scores by each rule on
// the Vĩnh Phúc commune sample (QĐ 2074/QĐ-UBND, Phụ lục 3; scores in
// test/catalogs/vinh-phuc-2022-xa.test.ts), 0–1 values and published-precision ranks.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatasetError, gaps, getCatalog, loadDataset, merge, nationalValues, readLineage, readPublished, score } from "../src/index.js";
import type { MergeRule } from "../src/index.js";
import { dti } from "./_cli.js";

const datasetText = readFileSync("fixtures/vinh-phuc-2022-xa.sample.yaml", "utf8");
const dataset = loadDataset(datasetText);
const result = score(getCatalog("vinh-phuc-2022/xa"), dataset);
const lineage = readLineage("fixtures/lineage/vinh-phuc-xa-2025.yaml");

/** The codes of a DatasetError (or [] when it does not throw). */
function codes(f: () => unknown): string[] {
  try {
    f();
    return [];
  } catch (e) {
    if (e instanceof DatasetError) return e.issues.map((i) => `${i.code} ${i.where.unit ?? ""}`.trim());
    throw e;
  }
}

describe("lineage file", () => {
  it("reads the sample: a split with shares, a continuing unit, a unit without history", () => {
    expect(lineage.units.map((u) => `${u.id} ← ${u.predecessors.map((p) => p.id + (p.share ? `×${p.share}` : "")).join(" + ")}`)).toEqual([
      "phuong-vinh-yen ← phuong-lien-bao + xa-dao-tu×0.6",
      "thi-tran-hop-hoa ← thi-tran-hop-hoa + xa-dao-tu×0.4",
      "xa-moi ← ",
    ]);
  });

  it("refuses a bad lineage with every problem at once, each coded and placed", () => {
    const bad = {
      lineage: {
        id: "bad",
        effective: "2025-07-01",
        source: "test",
        units: [
          { id: "a", name: "A", predecessors: [{ id: "x" }, { id: "b" }] },
          { id: "b", name: "B", predecessors: [{ id: "a" }] },
          { id: "c", name: "C", predecessors: [{ id: "y" }] },
          { id: "c", name: "C again", predecessors: [{ id: "y" }] },
          {
            id: "d",
            name: "D",
            predecessors: [
              { id: "z", share: "0.5" },
              { id: "w", share: "1.5" },
            ],
          },
          { id: "e", name: "E", predecessors: [{ id: "z", share: "0.4" }, { id: "f" }] },
          { id: "f", name: "F", predecessors: [{ id: "v" }] },
        ],
      },
    };
    expect(codes(() => readLineage(bad))).toEqual([
      "lineageBadShare d", // 1.5 is more than 1
      "lineageDuplicateUnit c",
      "lineagePredecessorTwice y", // y to c twice, no shares
      "lineageShares z", // 0.5 + 0.4 = 0.9
      "lineageCycle a", // a ← b ← a
      "lineageChain f", // f is new here and a predecessor of e: a second step
    ]);
    expect(codes(() => readLineage({ lineage: { ...bad.lineage, effective: "1/7/2025" } }))[0]).toBe("lineageSchema");
  });

  it("checks the ids against the result it is applied to: unknown predecessors, a new id taking an old one", () => {
    const l = readLineage({
      lineage: {
        id: "ids",
        effective: "2025-07-01",
        source: "test",
        units: [
          { id: "xa-dao-tu", name: "Đạo Tú mới", predecessors: [{ id: "phuong-lien-bao" }] },
          { id: "xa-b", name: "B", predecessors: [{ id: "xa-khong-co" }] },
        ],
      },
    });
    expect(codes(() => merge(result, l))).toEqual(["lineageIdClash xa-dao-tu", "lineageUnknownUnit xa-b"]);
  });
});

describe("merge on the Vĩnh Phúc commune sample", () => {
  // Totals (of 1025): Phường Liên Bảo 906, Xã Đạo Tú 610.1, Thị trấn Hợp Hòa 308.75.
  // Main indicator 1 (of 150): 145, 100.5, 5; indicator 6 (of 350): 300.5, 221, 95.5.
  const total = (rule: MergeRule, id: string) => {
    const m = merge(result, lineage, { rule, by: "population", profiles: dataset.units });
    return m.after.units.find((u) => u.id === id)!;
  };

  it("mean (default): each indicator's mean, the total from them", () => {
    const m = merge(result, lineage);
    const vy = m.after.units.find((u) => u.id === "phuong-vinh-yen")!;
    // (906 + 610.1) / 2 = 758.05; indicator 6: (300.5 + 221) / 2 = 260.75.
    expect(vy.total).toBe("758.05");
    expect(vy.indicators["6"]!.score).toBe("260.75");
    // Hợp Hòa: (308.75 + 610.1) / 2 = 459.425; indicator 1: (5 + 100.5) / 2 = 52.75.
    const hh = m.after.units.find((u) => u.id === "thi-tran-hop-hoa")!;
    expect([hh.total, hh.indicators["1"]!.score, hh.name]).toEqual(["459.425", "52.75", "Xã Hợp Hòa"]);
    expect(m.after.units.map((u) => `${u.rank} ${u.id}`)).toEqual(["1 phuong-vinh-yen", "2 thi-tran-hop-hoa"]);
    expect(m.noHistory).toEqual([{ id: "xa-moi", name: "Xã Mới" }]);
    expect(vy.merged).toMatchObject({
      rule: "mean",
      lineage: "vinh-phuc-xa-2025",
      total: "fromMain",
      predecessors: [
        { id: "phuong-lien-bao", name: "Phường Liên Bảo", total: "906" },
        { id: "xa-dao-tu", name: "Xã Đạo Tú", share: "0.6", total: "610.1" },
      ],
    });
    // The earlier ranking is the result's own.
    expect(m.before.units.map((u) => `${u.rank} ${u.id}`)).toEqual(["1 phuong-lien-bao", "2 xa-dao-tu", "3 thi-tran-hop-hoa"]);
  });

  it("weighted by population × share", () => {
    // Vĩnh Yên: 20000 × 1 and 10000 × 0.6 = 6000: (906 × 20000 + 610.1 × 6000) / 26000 = 837.7153846…
    const vy = total("weighted", "phuong-vinh-yen");
    expect(vy.total).toBe("837.715385");
    expect(vy.merged!.predecessors.map((p) => p.weight)).toEqual(["20000", "6000"]);
    // Hợp Hòa: 8000 and 10000 × 0.4 = 4000: (308.75 × 8000 + 610.1 × 4000) / 12000 = 409.2.
    expect(total("weighted", "thi-tran-hop-hoa").total).toBe("409.2");
  });

  it("max and min: each main indicator's highest (lowest), the total their sum", () => {
    // Hợp Hòa max: 100.5 + 68 + 65.6 + 54.5 + 45 + 221 + 29 + 52 = 635.6 (Đạo Tú is ahead on all
    // but indicator 5, where Hợp Hòa has 45 against 19.5): more than either predecessor's total.
    expect(total("max", "thi-tran-hop-hoa").total).toBe("635.6");
    // min: 5 + 44 + 35 + 32.25 + 19.5 + 95.5 + 17 + 35 = 283.25.
    expect(total("min", "thi-tran-hop-hoa").total).toBe("283.25");
    // Liên Bảo is ahead of Đạo Tú on every main indicator: max is Liên Bảo's 906.
    expect(total("max", "phuong-vinh-yen").total).toBe("906");
  });

  it("weighted refuses a missing profile field, with a code naming the unit and field", () => {
    const noPop = dataset.units.map((u) => (u.id === "xa-dao-tu" ? { id: u.id, profile: {} } : u));
    expect(codes(() => merge(result, lineage, { rule: "weighted", by: "population", profiles: noPop }))).toEqual([
      "mergeMissingWeight xa-dao-tu",
    ]);
    expect(codes(() => merge(result, lineage, { rule: "weighted" }))).toEqual(["mergeNeedsField"]);
  });
});

describe("0–1 values and ranks on the published precision", () => {
  it("gives points ÷ max per main indicator and total, rounded half up", () => {
    const v = nationalValues(merge(result, lineage).after, { precision: 4 });
    const vy = v.units.find((u) => u.id === "phuong-vinh-yen")!;
    // 758.05 / 1025 = 0.7395609…; indicator 6: 260.75 / 350 = 0.745
    expect([vy.total.shown, vy.main["6"]!.shown, vy.rank]).toEqual(["0.7396", "0.7450", 1]);
    expect(v.indicators.map((i) => i.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });

  it("equal published values share a rank (the next skipped); exact ranks tell them apart", () => {
    const t = readPublished({
      published: {
        id: "t",
        year: 2024,
        source: "test",
        units: [
          { id: "a", name: "A", total: "0.74735" },
          { id: "b", name: "B", total: "0.7474" },
          { id: "c", name: "C", total: "0.7" },
        ],
      },
    });
    const ranks = (rankOn: "published" | "exact") =>
      nationalValues(t, { precision: 4, rankOn }).units.map((u) => `${u.id} ${u.total.shown} ${u.rank}`);
    // 0.74735 rounds half up to 0.7474: a tie on 4 places.
    expect(ranks("published")).toEqual(["a 0.7474 1", "b 0.7474 1", "c 0.7000 3"]);
    expect(ranks("exact")).toEqual(["b 0.7474 1", "a 0.7474 2", "c 0.7000 3"]);
  });

  it("a merged unit's value is rounded once, from the exact merge (not from its 6-place total)", () => {
    const t = readPublished({
      published: {
        id: "t",
        year: 2024,
        source: "test",
        units: [
          { id: "a", name: "A", total: "0.7474" },
          { id: "b", name: "B", total: "0.7473" },
          { id: "c", name: "C", total: "0.7473" },
        ],
      },
    });
    const l = readLineage({
      lineage: {
        id: "l",
        effective: "2025-07-01",
        source: "test",
        units: [
          { id: "ab", name: "AB", predecessors: [{ id: "a" }, { id: "b" }] },
          { id: "c", name: "C", predecessors: [{ id: "c" }] },
        ],
      },
    });
    const m = merge(t, l, {
      rule: "weighted",
      by: "population",
      profiles: [
        { id: "a", profile: { population: 1000 } },
        { id: "b", profile: { population: 1001 } },
        { id: "c", profile: { population: 1 } },
      ],
    });
    // (0.7474 × 1000 + 0.7473 × 1001) / 2001 = 0.7473499750…: 0.7473 on 4 places (half up), not the
    // 0.7474 of its 6-place total 0.747350 rounded again; it ties with C's 0.7473.
    const v = nationalValues(m.after, { precision: 4 });
    expect(v.units.map((u) => `${u.id} ${u.total.shown} ${u.rank}`)).toEqual(["ab 0.7473 1", "c 0.7473 1"]);
    expect(v.units[0]!.total.exact.startsWith("0.747349975")).toBe(true);
    expect(nationalValues(m.after, { precision: 4, rankOn: "exact" }).units.map((u) => `${u.id} ${u.rank}`)).toEqual(["ab 1", "c 2"]);
  });

  it("ranks declared groups apart and leaves unranked units out, with their citation", () => {
    const v = nationalValues(result, {
      ranking: {
        groups: [{ id: "town", name: "Thị trấn", units: ["thi-tran-hop-hoa"], citation: "test: thị trấn ranked apart" }],
        unranked: { units: ["xa-dao-tu"], citation: "test: assessed, not ranked" },
      },
    });
    expect(v.units.map((u) => `${u.id} ${u.group ?? "-"} ${u.rank ?? "-"}`)).toEqual([
      "phuong-lien-bao - 1",
      "thi-tran-hop-hoa town 1",
      "xa-dao-tu - -",
    ]);
    expect(codes(() => nationalValues(result, { ranking: { unranked: { units: ["nope", "nope"], citation: "x" } } }))).toEqual([
      "rankingUnknownUnit nope",
      "rankingUnknownUnit nope",
    ]);
  });
});

describe("dti with --lineage, --precision; dti rank; dti compare across the merger", () => {
  const sample = "fixtures/vinh-phuc-2022-xa.sample.yaml";
  const lin = "fixtures/lineage/vinh-phuc-xa-2025.yaml";

  it("score --lineage prints the earlier ranking and the new one, and the unit without history", async () => {
    const r = await dti("score", sample, "--lineage", lin, "--lang", "en");
    expect(r.code).toBe(0);
    const [before, after] = r.out.split("After vinh-phuc-xa-2025");
    expect(before).toMatch(/Before \(3 units\)/);
    expect(before).toMatch(/1\s+phuong-lien-bao\s+Phường Liên Bảo\s+906/);
    expect(after).toContain("merge rule mean, 2 units");
    expect(after).toMatch(/1\s+phuong-vinh-yen\s+Phường Vĩnh Yên\s+758\.05\s+1025\s+phuong-lien-bao \+ xa-dao-tu×0\.6/);
    expect(after).toMatch(/2\s+thi-tran-hop-hoa\s+Xã Hợp Hòa\s+459\.43/);
    expect(after).toContain("New units without history (no predecessor): xa-moi (Xã Mới)");
  });

  it("--merge-rule weighted --merge-by population, JSON with the traces", async () => {
    const r = await dti("score", sample, "--lineage", lin, "--merge-rule", "weighted", "--merge-by", "population", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { after: { units: { id: string; total: string; merged: { rule: string } }[] } };
    expect(j.after.units.map((u) => `${u.id} ${u.total} ${u.merged.rule}`)).toEqual([
      "phuong-vinh-yen 837.715385 weighted",
      "thi-tran-hop-hoa 409.2 weighted",
    ]);
  });

  it("--precision 4 prints 0–1 values with 4 decimals and ranks on them", async () => {
    const r = await dti("score", sample, "--precision", "4");
    expect(r.code).toBe(0);
    // 906 / 1025 = 0.88390…; indicator 1: 145 / 150 = 0.96666… → 0,9667 (decimal comma in Vietnamese).
    expect(r.out).toMatch(/1\s+phuong-lien-bao\s+Phường Liên Bảo\s+0,9667\s+1,0000\s+0,9250.*0,8839/);
  });

  it("rank: the published 63-province table of 2024 and the 34 provinces merged from it", async () => {
    const r = await dti("rank", "fixtures/national/dti-2024-63.csv", "--lineage", "fixtures/lineage/provinces-2025.yaml", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/13\s+bac-giang\s+Bắc Giang\s+0\.7583\n\s+13\s+yen-bai\s+Yên Bái\s+0\.7583\n\s+15\s+nam-dinh/);
    const after = r.out.split("After provinces-2025")[1]!;
    expect(after).toMatch(/3\s+hai-phong\s+TP\. Hải Phòng\s+0\.7857/);
    // From the rounded totals: 0.7769 (published 0.7770, test/national.test.ts says why).
    expect(after).toMatch(/4\s+ho-chi-minh\s+TP\. Hồ Chí Minh\s+0\.7769/);
  });

  it("compare across the merger: each new unit against the merge of its predecessors", async () => {
    const r = await dti("compare", sample, "fixtures/lineage/vinh-phuc-xa-2025.dataset.yaml", "--lineage", lin, "--format", "json");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out) as { units: { id: string; status: string; totalBefore?: string; totalAfter: string; noHistory?: true }[] };
    // Hợp Hòa: merged 459.425 in 2023, 610.1 in 2025; Vĩnh Yên 758.05 → 906; Xã Mới new, no history.
    expect(c.units.map((u) => `${u.id} ${u.status} ${u.totalBefore ?? "-"} ${u.totalAfter}${u.noHistory ? " noHistory" : ""}`)).toEqual([
      "thi-tran-hop-hoa both 459.425 610.1",
      "phuong-vinh-yen both 758.05 906",
      "xa-moi new - 308.75 noHistory",
    ]);
  });

  it("--precision with ranking groups declared in the dataset: ranked apart, unranked listed, with citations", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ranking-"));
    const file = join(dir, "ranked.yaml");
    writeFileSync(
      file,
      datasetText.replace(
        "units:\n",
        "ranking:\n  groups: [{ id: thi-tran, name: Thị trấn, units: [thi-tran-hop-hoa], citation: 'test: towns ranked apart' }]\n  unranked: { units: [xa-dao-tu], citation: 'test: assessed, not ranked' }\nunits:\n",
      ),
    );
    const r = await dti("score", file, "--precision", "2", "--lang", "en");
    expect(r.code).toBe(0);
    // 906 / 1025 = 0.8839 → 0.88; Hợp Hòa 308.75 / 1025 = 0.3012 → 0.30, first of its group.
    expect(r.out).toMatch(/1\s+phuong-lien-bao\s+Phường Liên Bảo.*0\.88\n/);
    expect(r.out).toMatch(/Ranked apart: Thị trấn \(test: towns ranked apart\):\n.*\n.*\n\s+1\s+thi-tran-hop-hoa.*0\.30\n/);
    expect(r.out).toMatch(/Assessed, not ranked \(test: assessed, not ranked\):\n.*\n.*\n\s+-\s+xa-dao-tu.*0\.60/);
  });

  it("--merge-rule and --merge-by that nothing would use are refused (exit 2), not ignored", async () => {
    const table = "fixtures/national/dti-2024-63.csv";
    for (const args of [
      ["score", sample, "--merge-rule", "max"],
      ["score", sample, "--merge-by", "population"],
      ["rank", table, "--merge-rule", "min"],
      ["compare", sample, sample, "--merge-rule", "weighted", "--merge-by", "population"],
      // --merge-by weighs only the weighted rule: with mean it would change nothing.
      ["score", sample, "--lineage", lin, "--merge-by", "population"],
    ]) {
      const r = await dti(...args, "--lang", "en");
      expect([args.join(" "), r.code, r.out]).toEqual([args.join(" "), 2, ""]);
      expect(r.err).toMatch(/--merge-(rule|by)/);
    }
    // The default rule, named or not, is fine.
    expect((await dti("score", sample, "--merge-rule", "mean")).code).toBe(0);
  });

  it("a bad lineage file: every problem on stderr with the file named, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lineage-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "lineage:\n  id: bad\n  effective: '2025-07-01'\n  source: test\n  units:\n    - { id: a, name: A, predecessors: [{ id: xa-dao-tu, share: '0.5' }] }\n    - { id: b, name: B, predecessors: [{ id: xa-khong-co }] }\n",
    );
    const r = await dti("score", sample, "--lineage", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}, unit xa-dao-tu: the shares of predecessor xa-dao-tu add up to 0.5, not 1`);
    const r2 = await dti("score", sample, "--lineage", "fixtures/lineage/provinces-2025.yaml", "--lang", "en");
    expect(r2.code).toBe(2);
    expect(r2.err.split("\n").filter((l) => l.includes("not a unit of the result"))).toHaveLength(63);
    expect(r2.err).not.toMatch(/at .*\.[jt]s:\d+/);
  });
});

describe("a published table as CSV (docs/lineage.md)", () => {
  const csv = (header: string, ...rows: string[]) => `# id: t\n# year: 2024\n# source: test\n${header}\n${rows.join("\n")}\n`;
  const problems = (text: string) => {
    try {
      readPublished(text, { csv: true });
      return [];
    } catch (e) {
      return (e as DatasetError).issues.map((i) => `${i.code} row ${i.where.row ?? "-"} ${i.received ?? ""}`);
    }
  };

  it("refuses a column given twice, naming it and the header row, instead of reading the second as another indicator", () => {
    expect(problems(csv("id,name,NT,NT,total", "a,A,0.5,0.6,0.6"))).toEqual(["csvDuplicateColumn row 4 NT"]);
  });
});

describe("gaps across the merger", () => {
  it("follows a new unit to the merge of its predecessors; a unit without history says so", () => {
    const catalog = getCatalog("vinh-phuc-2022/xa");
    const later = loadDataset(readFileSync("fixtures/lineage/vinh-phuc-xa-2025.dataset.yaml", "utf8"));
    const g = gaps(catalog, later, "thi-tran-hop-hoa", { history: { previous: result, lineage } });
    // 2025: 610.1; before, the mean of Hợp Hòa 308.75 and Đạo Tú 610.1 = 459.425.
    expect(g.total).toBe("610.1");
    expect(g.history).toMatchObject({ status: "both", totalBefore: "459.425", totalAfter: "610.1", totalChange: "150.675" });
    expect(g.history!.merged!.predecessors.map((p) => p.id)).toEqual(["thi-tran-hop-hoa", "xa-dao-tu"]);
    const none = gaps(catalog, later, "xa-moi", { history: { previous: result, lineage } });
    expect(none.history).toMatchObject({ status: "new", noHistory: true });
  });
});

describe("dti gaps --previous [--lineage]: the unit against its earlier figures (issue 14, Deliver 3)", () => {
  const now = "fixtures/lineage/vinh-phuc-xa-2025.dataset.yaml";
  const before = "fixtures/vinh-phuc-2022-xa.sample.yaml";
  const lineage = "fixtures/lineage/vinh-phuc-xa-2025.yaml";
  const history = async (unit: string, ...more: string[]) => {
    const r = await dti("gaps", now, "--unit", unit, "--previous", before, ...more, "--format", "json");
    expect(r.code, r.err).toBe(0);
    return (JSON.parse(r.out) as { history?: Record<string, unknown> }).history;
  };
  it("Phường Vĩnh Yên (Liên Bảo + 0.6 of Đạo Tú, mean rule): (906 + 610.1) / 2 = 758.05 → 906, +147.95", async () => {
    const h = await history("phuong-vinh-yen", "--lineage", lineage);
    expect(h).toMatchObject({
      status: "both",
      totalBefore: "758.05",
      totalAfter: "906",
      totalChange: "147.95",
      rankBefore: 1,
      rankAfter: 1,
    });
    expect((h!["merged"] as { predecessors: { id: string }[] }).predecessors.map((p) => p.id)).toEqual(["phuong-lien-bao", "xa-dao-tu"]);
    const text = await dti("gaps", now, "--unit", "phuong-vinh-yen", "--previous", before, "--lineage", lineage, "--lang", "en");
    expect(text.out).toContain(
      "Against the earlier result:\n  earlier figures merged from phuong-lien-bao (906) + xa-dao-tu×0.6 (610.1) (rule mean)",
    );
    expect(text.out).toContain("total 758.05 (rank 1) → 906 (rank 1), change 147.95");
  });
  it("Xã Hợp Hòa (Hợp Hòa + 0.4 of Đạo Tú): (308.75 + 610.1) / 2 = 459.425 → 610.1; Xã Mới has no predecessors", async () => {
    expect(await history("thi-tran-hop-hoa", "--lineage", lineage)).toMatchObject({ totalBefore: "459.425", totalAfter: "610.1" });
    expect(await history("xa-moi", "--lineage", lineage)).toMatchObject({ noHistory: true });
    const text = await dti("gaps", now, "--unit", "xa-moi", "--previous", before, "--lineage", lineage, "--lang", "en");
    expect(text.out).toContain("a new unit without predecessors in the lineage file: no earlier figures");
  });
  it("without a lineage the same ids are compared; --lineage without --previous is a usage error (exit 2)", async () => {
    // Hợp Hòa kept its id: 308.75 in the sample → 610.1.
    expect(await history("thi-tran-hop-hoa")).toMatchObject({ totalBefore: "308.75", totalAfter: "610.1" });
    const r = await dti("gaps", now, "--unit", "xa-moi", "--lineage", lineage);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--lineage compares with an earlier result: give it with --previous old-dataset");
  });
});
