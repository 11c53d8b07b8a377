// Which units a table or report shows, in which order, and the summary per parent unit (issue 12,
// item 7: `--sort`, `--filter`, `--group-by parent`), on the Vĩnh Phúc xã catalog (QĐ 2074/QĐ-UBND,
// Phụ lục 3): its sample (3 real communes) and a generated dataset whose units name parents.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DatasetError,
  foldText,
  generateDataset,
  getCatalog,
  groupByParent,
  loadDataset,
  reportData,
  reportMarkdown,
  score,
  selectUnits,
  type Dataset,
} from "../src/index.js";
import { dti } from "./_cli.js";

const SAMPLE = "fixtures/vinh-phuc-2022-xa.sample.yaml";
const catalog = getCatalog("vinh-phuc-2022/xa");
const sample = loadDataset(readFileSync(SAMPLE, "utf8"));

/**
 * 9 generated communes (seed 12): u4–u6 under u1, u7–u9 under u2, u1–u3 without a parent. A points
 * dataset refuses a parent that is not one of its units (unknownParent), so the parents are units.
 */
function withParents(): Dataset {
  const d = generateDataset(catalog, { units: 9, seed: 12 });
  return { ...d, units: d.units.map((u, i) => (i < 3 ? u : { ...u, parent: d.units[i < 6 ? 0 : 1]!.id })) };
}

/** Mean of decimal strings with ≤ 6 places, rounded half-up to 6 places, in integer micro-units (independent of decimal.js). */
function meanOf(totals: readonly string[]): string {
  const micro = totals.map((t) => {
    const [i, f = ""] = t.split(".");
    return BigInt(i!) * 1_000_000n + BigInt(f.padEnd(6, "0"));
  });
  const n = BigInt(micro.length);
  const sum = micro.reduce((a, b) => a + b, 0n);
  const q = (2n * sum + n) / (2n * n); // half-up for positive values
  const s = (q / 1_000_000n).toString();
  const f = (q % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return f ? `${s}.${f}` : s;
}

describe("foldText and selectUnits", () => {
  it("folds case, accents and đ (NFD keeps the stroke)", async () => {
    expect(foldText("Phường Liên Bảo")).toBe("phuong lien bao");
    expect(foldText("Xã  ĐẠO Tú")).toBe("xa dao tu");
    expect(foldText("Thị trấn Hợp Hòa".normalize("NFD"))).toBe("thi tran hop hoa");
  });
  it("filters the Vĩnh Phúc xã sample by id or name, keeping the ranks of the whole dataset", async () => {
    const units = score(catalog, sample).units;
    expect(selectUnits(units, { filter: "LIEN bao" }).map((u) => [u.id, u.rank])).toEqual([["phuong-lien-bao", 1]]);
    expect(selectUnits(units, { filter: "đạo" }).map((u) => [u.id, u.rank])).toEqual([["xa-dao-tu", 2]]);
    expect(selectUnits(units, { filter: "hop-hoa" }).map((u) => [u.id, u.rank])).toEqual([["thi-tran-hop-hoa", 3]]);
    expect(selectUnits(units, { filter: "zzz" })).toEqual([]);
  });
  it("sorts by total (rank order: 906, 610.1, 308.75), name (Vietnamese collation) or id", async () => {
    const units = score(catalog, sample).units;
    expect(selectUnits(units).map((u) => u.id)).toEqual(["phuong-lien-bao", "xa-dao-tu", "thi-tran-hop-hoa"]);
    expect(selectUnits(units, { sort: "name" }).map((u) => u.name)).toEqual(["Phường Liên Bảo", "Thị trấn Hợp Hòa", "Xã Đạo Tú"]);
    expect(selectUnits(units, { sort: "id" }).map((u) => u.id)).toEqual(["phuong-lien-bao", "thi-tran-hop-hoa", "xa-dao-tu"]);
    // Ids sort as a reader counts: u2 before u10.
    const generated = generateDataset(catalog, { units: 10, seed: 3 });
    const unpadded = { ...generated, units: generated.units.map((u, i) => ({ ...u, id: `xa-${i + 1}` })) };
    const ten = score(catalog, unpadded).units;
    expect(selectUnits(ten, { sort: "id" }).map((u) => u.id)).toEqual(Array.from({ length: 10 }, (_, i) => `xa-${i + 1}`));
  });
});

describe("groupByParent", () => {
  it("per parent: units, exact mean (6 places, half-up), lowest and highest total", async () => {
    const result = score(catalog, withParents());
    const total = (id: string) => {
      const u = result.units.find((x) => x.id === id)!;
      return u.scoring === "points" ? u.total : "";
    };
    const groups = groupByParent(result.units);
    expect(groups.map((g) => [g.parent, g.name, g.units, g.mean, g.min, g.max])).toEqual([
      ["u1", "Đơn vị 1", 3, "851.534308", "800.74613", "879.301173"],
      ["u2", "Đơn vị 2", 3, "871.956327", "769.844818", "938.877798"],
      [undefined, undefined, 3, "798.263112", "753.630343", "822.726856"],
    ]);
    // The means, recomputed in integer micro-units from the units' totals (798.2631116… rounds up).
    expect(meanOf(["u4", "u5", "u6"].map(total))).toBe("851.534308");
    expect(meanOf(["u7", "u8", "u9"].map(total))).toBe("871.956327");
    expect(meanOf(["u1", "u2", "u3"].map(total))).toBe("798.263112");
    expect(groups[0]!.ids).toEqual(["u4", "u5", "u6"]);
  });
  it("refuses a dataset without parents and a level catalog (noParents)", async () => {
    expect(() => groupByParent(score(catalog, sample).units)).toThrow(DatasetError);
    try {
      groupByParent(score(catalog, sample).units);
    } catch (e) {
      expect((e as DatasetError).issues.map((i) => [i.code, i.received])).toEqual([["noParents", "3"]]);
    }
    const kt = getCatalog("kon-tum-2025/xa");
    const levels = score(kt, loadDataset(readFileSync("fixtures/kon-tum-2025-xa.sample.yaml", "utf8"))).units;
    expect(() => groupByParent(levels)).toThrow(/level catalog has none/);
  });
  it("reportData({ groupBy, filter, sort }) carries the groups of the shown units into the Markdown", async () => {
    const data = reportData(catalog, withParents(), "en", { groupBy: "parent", filter: "đơn vị", sort: "id" });
    expect(data.units.map((u) => u.unit.id)).toEqual(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]);
    const md = reportMarkdown(data, "en");
    expect(md).toContain("## Summary by parent unit");
    expect(md).toContain("| Đơn vị 1 (u1) | 3 | 851.53 | 800.75 | 879.3 |");
    expect(md).toContain("| (no parent) | 3 | 798.26 | 753.63 | 822.73 |");
    // --unit: that unit's part only, its rank among all 9.
    const one = reportData(catalog, withParents(), "en", { unit: "u8" });
    expect(one.units.map((u) => [u.unit.id, u.unit.rank])).toEqual([["u8", 8]]);
    expect(() => reportData(catalog, withParents(), "en", { unit: "u99" })).toThrow(/u99: no such unit/);
  });
});

describe("dti score / report --sort --filter --group-by", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-select-"));
  const file = join(dir, "vinh-phuc-xa-parents.json");
  writeFileSync(file, JSON.stringify(withParents()));

  it("score --filter --sort name: only the matching units, in name order, ranks unchanged", async () => {
    const r = await dti("score", SAMPLE, "--filter", "XA", "--sort", "name");
    expect(r.code).toBe(0);
    // "xa" is in "xa-dao-tu" and, folded, in "Xã Đạo Tú"; Phường Liên Bảo and Thị trấn Hợp Hòa do not contain it.
    expect(r.out).toMatch(/2\s+xa-dao-tu\s+Xã Đạo Tú\s+610,1/);
    expect(r.out).not.toContain("phuong-lien-bao");
    expect(r.out).not.toContain("thi-tran-hop-hoa");
    const j = JSON.parse((await dti("score", SAMPLE, "--sort", "name", "--format", "json")).out);
    expect(j.units.map((u: { id: string; rank: number }) => [u.id, u.rank])).toEqual([
      ["phuong-lien-bao", 1],
      ["thi-tran-hop-hoa", 3],
      ["xa-dao-tu", 2],
    ]);
  });
  it("score --group-by parent: the summary after the table, in JSON and as the CSV", async () => {
    const r = await dti("score", file, "--group-by", "parent", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Summary by parent unit:");
    expect(r.out).toMatch(/u1\s+Đơn vị 1\s+3\s+851\.53\s+800\.75\s+879\.3/);
    expect(r.out).toMatch(/\(none\)\s+3\s+798\.26\s+753\.63\s+822\.73/);
    const j = JSON.parse((await dti("score", file, "--group-by", "parent", "--format", "json")).out);
    expect(j.groups[1]).toEqual({
      parent: "u2",
      name: "Đơn vị 2",
      units: 3,
      mean: "871.956327",
      min: "769.844818",
      max: "938.877798",
      ids: ["u7", "u9", "u8"],
    });
    const csv = await dti("score", file, "--group-by", "parent", "--format", "csv", "--filter", "đơn vị 7");
    expect(csv.out.trim().split(/\r?\n/)).toEqual([
      "parent,parent_name,units,mean,min,max",
      "u2,Đơn vị 2,1,938.877798,938.877798,938.877798",
    ]);
  });
  it("coded errors: bad --sort / --group-by values, a filter matching nothing, JSON Lines, no parents, levels", async () => {
    const sort = await dti("score", SAMPLE, "--sort", "rank", "--lang", "en");
    expect([sort.code, sort.err.split("\n")[0]]).toEqual([2, "--sort must be one of total, name, id; got rank"]);
    const group = await dti("report", SAMPLE, "--group-by", "district", "--lang", "en");
    expect([group.code, group.err.split("\n")[0]]).toEqual([2, "--group-by must be one of parent; got district"]);
    const none = await dti("score", SAMPLE, "--filter", "Tam Dương");
    expect(none.code).toBe(2);
    expect(none.err).toContain('--filter "Tam Dương": không đơn vị nào có mã hoặc tên chứa chuỗi này');
    const jsonl = await dti("score", SAMPLE, "--group-by", "parent", "--format", "jsonl", "--lang", "en");
    expect([jsonl.code, jsonl.err.split("\n")[0]]).toEqual([
      2,
      "--group-by cannot be used with --format jsonl (use --format table, json, csv)",
    ]);
    const noParents = await dti("score", SAMPLE, "--group-by", "parent", "--lang", "en");
    expect([noParents.code, noParents.err.trim()]).toEqual([
      2,
      `${SAMPLE}: a summary per parent unit needs units with a parent; none of the 3 units has one`,
    ]);
    const levels = await dti("score", "fixtures/kon-tum-2025-xa.sample.yaml", "--group-by", "parent");
    expect(levels.code).toBe(2);
    expect(levels.err).toContain("bộ chỉ số xếp mức không có tổng điểm");
  });
  it("report: --per-unit needs HTML; --unit must be a unit; --unit in Markdown is that unit's part", async () => {
    const md = await dti("report", SAMPLE, "--per-unit", "--lang", "en");
    expect([md.code, md.err.split("\n")[0]]).toEqual([2, "--per-unit cannot be used with --format md (use --format html)"]);
    const unknown = await dti("report", SAMPLE, "--unit", "xa-tam-duong", "--format", "html", "--lang", "en");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--unit xa-tam-duong: no such unit (units: phuong-lien-bao, xa-dao-tu, thi-tran-hop-hoa)");
    const one = await dti("report", SAMPLE, "--unit", "xa-dao-tu");
    expect(one.code).toBe(0);
    expect(one.out).toContain("## 2. Xã Đạo Tú (xa-dao-tu)");
    expect(one.out).not.toContain("## 1. Phường Liên Bảo");
    expect(one.out).toContain("| 2 | Xã Đạo Tú (xa-dao-tu) | 610,1 |");
    const grouped = await dti("report", file, "--group-by", "parent", "--format", "csv");
    expect(grouped.out.trim().split(/\r?\n/)[1]).toBe("u1,Đơn vị 1,3,851.534308,800.74613,879.301173");
  });
});
