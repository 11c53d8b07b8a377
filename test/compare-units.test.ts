// Issue 12, items 3 and 4: compare across different unit sets (a unit only in one year is new or
// removed, never a crash; a lineage map pairs a renamed unit), and levels end to end in whatif and
// compare on Kon Tum's level catalogs (level before → after and the criteria whose level changed).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DatasetError, compare, getCatalog, loadDataset, score, whatIf, type Dataset } from "../src/index.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dti } from "./_cli.js";

const fixture = (name: string): Dataset => loadDataset(readFileSync(`fixtures/${name}.sample.yaml`, "utf8"));
const dnHuyen = getCatalog("dong-nai-2023/huyen");
const dnHuyenData = fixture("dong-nai-2023-huyen");
const kt = getCatalog("kon-tum-2025/xa");
const ktData = fixture("kon-tum-2025-xa");

/** The Đồng Nai huyện sample a year later: Biên Hòa gone, Trảng Bom under a new id. */
const nextYear: Dataset = {
  ...dnHuyenData,
  year: 2025,
  units: dnHuyenData.units.filter((u) => u.id !== "bien-hoa").map((u) => (u.id === "trang-bom" ? { ...u, id: "trang-bom-moi" } : u)),
};

describe("compare across different unit sets", () => {
  const before = score(dnHuyen, dnHuyenData);
  const after = score(dnHuyen, nextYear);

  it("a unit only in the old year is removed, one only in the new year is new, with the side they have (Đồng Nai huyện)", async () => {
    const c = compare(before, after);
    expect(c.units.map((u) => [u.id, u.status])).toEqual([
      ["long-khanh", "both"],
      ["trang-bom-moi", "new"],
      ["bien-hoa", "removed"],
      ["trang-bom", "removed"],
    ]);
    const gone = c.units.find((u) => u.id === "bien-hoa")!;
    expect(gone).toMatchObject({ totalBefore: "891.25", rankBefore: 1 });
    expect(gone.totalAfter).toBeUndefined();
    expect(gone.totalChange).toBeUndefined();
    const fresh = c.units.find((u) => u.id === "trang-bom-moi")!;
    expect(fresh).toMatchObject({ totalAfter: "360.916667", rankAfter: 2 });
    expect(fresh.totalBefore).toBeUndefined();
    // Long Khánh climbs to rank 1; Đồng Nai huyện 8.10 is relative to the best unit: with Biên Hòa
    // gone Long Khánh is the best, 10 → 20 points.
    const lk = c.units.find((u) => u.id === "long-khanh")!;
    expect(lk).toMatchObject({ totalBefore: "678.775", totalAfter: "695.025", totalChange: "16.25", rankChange: 1 });
    expect(lk.indicators["8.10"]).toEqual({ before: "10", after: "20", change: "10" });
  });

  it("the lineage pairs a renamed unit (trang-bom → trang-bom-moi): its change, not a new and a removed unit", async () => {
    const c = compare(before, after, { lineage: { "trang-bom": "trang-bom-moi" } });
    expect(c.units.map((u) => [u.id, u.status])).toEqual([
      ["long-khanh", "both"],
      ["trang-bom-moi", "both"],
      ["bien-hoa", "removed"],
    ]);
    const tb = c.units.find((u) => u.id === "trang-bom-moi")!;
    expect(tb).toMatchObject({ previousId: "trang-bom", totalBefore: "357.75", totalAfter: "360.916667", totalChange: "3.166667" });
    expect([tb.rankBefore, tb.rankAfter, tb.rankChange]).toEqual([3, 2, 1]);
    // A Map is the same lineage.
    expect(compare(before, after, { lineage: new Map([["trang-bom", "trang-bom-moi"]]) }).units).toEqual(c.units);
  });

  it("a lineage mapping two units to one (a merger) is refused with lineageMerge", async () => {
    try {
      compare(before, after, { lineage: { "bien-hoa": "long-khanh", "trang-bom": "long-khanh" } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      expect((e as DatasetError).issues.map((i) => [i.code, i.received, i.expected])).toEqual([
        ["lineageMerge", "bien-hoa, trang-bom", "long-khanh"],
      ]);
    }
  });

  it("dti compare with a unit removed and one added exits 0 and lists them (vi and en; JSON)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-cmp-"));
    const file = join(dir, "2025.json");
    writeFileSync(file, JSON.stringify(nextYear));
    const r = await dti("compare", "fixtures/dong-nai-2023-huyen.sample.yaml", file);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("2024 → 2025");
    expect(r.out).toMatch(/bien-hoa\s+UBND thành phố Biên Hòa\s+891,25\s+-\s+không còn\s+1\s+-\s+-/);
    expect(r.out).toMatch(/trang-bom-moi\s+UBND huyện Trảng Bom\s+-\s+360,92\s+mới\s+-\s+2\s+-/);
    const en = await dti("compare", "fixtures/dong-nai-2023-huyen.sample.yaml", file, "--lang", "en");
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/bien-hoa .* removed/);
    expect(en.out).toMatch(/trang-bom-moi .* new/);
    const j = await dti("compare", "fixtures/dong-nai-2023-huyen.sample.yaml", file, "--format", "json");
    expect(j.code).toBe(0);
    const units = JSON.parse(j.out).units as { id: string; status: string; totalBefore?: string }[];
    expect(units.find((u) => u.id === "bien-hoa")).toMatchObject({ status: "removed", totalBefore: "891.25" });
  });
});

describe("levels in whatif and compare (Kon Tum xã)", () => {
  // Xã B reaches level 4 (Nâng cao); its level-5 blockers are Kon Tum xã 1.7 (a = 1 < 2),
  // 1.8 (17/20 = 85% < 90%), 1.11 (4/5 = 80% < 100%) and 2.4 (a = 2 < 3).
  const lift = [
    { unit: "xa-b", period: "Y", code: "1.7", field: "a", value: 2 },
    { unit: "xa-b", period: "Y", code: "1.8", field: "a", value: 18 },
    { unit: "xa-b", period: "Y", code: "1.11", field: "a", value: 5 },
    { unit: "xa-b", period: "Y", code: "2.4", field: "a", value: 3 },
  ];

  it("whatIf gives level 4 → 5 and the four criteria 4 → 5, not point columns", async () => {
    const w = whatIf(kt, ktData, lift);
    const b = w.comparison.units.find((u) => u.id === "xa-b")!;
    expect(b).toMatchObject({ levelBefore: 4, levelAfter: 5, levelChange: 1, levelNameBefore: "Nâng cao", levelNameAfter: "Toàn diện" });
    expect(b.criteria).toEqual({
      "1.7": { before: 4, after: 5 },
      "1.8": { before: 4, after: 5 },
      "1.11": { before: 4, after: 5 },
      "2.4": { before: 4, after: 5 },
    });
    expect(b.indicators).toEqual({});
    expect(b.totalChange).toBeUndefined();
    // The unit that moved comes first; the others did not change.
    expect(w.comparison.units[0]!.id).toBe("xa-b");
    expect(w.comparison.units.filter((u) => u.id !== "xa-b").every((u) => u.levelChange === 0)).toBe(true);
  });

  it("one criterion alone (Kon Tum xã 1.7 a = 2) changes the criterion, not the level", async () => {
    const w = whatIf(kt, ktData, [lift[0]!]);
    const b = w.comparison.units.find((u) => u.id === "xa-b")!;
    expect([b.levelBefore, b.levelAfter, b.levelChange]).toEqual([4, 4, 0]);
    expect(b.criteria).toEqual({ "1.7": { before: 4, after: 5 } });
  });

  it("dti whatif on a level catalog shows level before → after and the criteria (table and JSON)", async () => {
    const set = lift.flatMap((o) => ["--set", `${o.unit}.Y.${o.code}.${o.field}=${o.value}`]);
    const r = await dti("whatif", "fixtures/kon-tum-2025-xa.sample.yaml", ...set);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Mức trước");
    expect(r.out).toMatch(/xa-b\s+Xã B\s+4 Nâng cao\s+5 Toàn diện\s+\+1\s+2\s+1\s+1\.7 4→5, 1\.8 4→5, 1\.11 4→5, 2\.4 4→5/);
    // Only xa-b moved: no rows of zeros for the others.
    expect(r.out).not.toContain("xa-a");
    const j = JSON.parse((await dti("whatif", "fixtures/kon-tum-2025-xa.sample.yaml", ...set, "--format", "json")).out);
    expect(j.units[0]).toMatchObject({ id: "xa-b", levelBefore: 4, levelAfter: 5, criteria: { "2.4": { before: 4, after: 5 } } });
    const en = await dti("whatif", "fixtures/kon-tum-2025-xa.sample.yaml", "--set", "xa-b.Y.1.7.a=2", "--lang", "en");
    expect(en.out).toMatch(/Level before\s+Level after/);
    expect(en.out).toMatch(/xa-b\s+Xã B\s+4 Nâng cao\s+4 Nâng cao\s+0\s+2\s+2\s+1\.7 4→5/);
  });

  it("dti compare on Kon Tum xã: levels of each year, a commune merged away is removed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-cmp-kt-"));
    const later: Dataset = {
      ...ktData,
      year: 2026,
      units: ktData.units
        .filter((u) => u.id !== "xa-f")
        .map((u) => (u.id === "xa-b" ? { ...u, data: { Y: { ...u.data["Y"], "1.7": { a: 2 }, "1.8": { a: 18, b: 20 } } } } : u)),
    };
    const file = join(dir, "2026.json");
    writeFileSync(file, JSON.stringify(later));
    const r = await dti("compare", "fixtures/kon-tum-2025-xa.sample.yaml", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("kon-tum-2025/xa: 2025 → 2026");
    // Kon Tum xã 1.11 (4/5) and 2.4 (a = 2) still hold xa-b at 4; 1.7 and 1.8 reach 5.
    expect(r.out).toMatch(/xa-b\s+Xã B\s+4 Nâng cao\s+4 Nâng cao\s+0\s+2\s+2\s+0\s+1\.7 4→5, 1\.8 4→5/);
    expect(r.out).toMatch(/xa-f\s+Xã F\s+0 Chưa đạt\s+-\s+không còn\s+6\s+-\s+-/);
  });
});
