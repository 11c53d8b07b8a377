// The national DTI tables published for 2022–2024 (fixtures/national/, copied with their sources
// from the tables on dti.gov.vn) as tests of lineage, merged values and published-precision ranks
// (issue 14).
import { describe, expect, it } from "vitest";
import { Dec } from "../src/_decimal.js";
import { merge, nationalValues, readLineage, readPublished, roundValue } from "../src/index.js";
import type { PublishedResult, UnitLineage } from "../src/index.js";

const lineage = readLineage("fixtures/lineage/provinces-2025.yaml");
const t63 = readPublished("fixtures/national/dti-2024-63.csv");
const t34 = readPublished("fixtures/national/dti-2024-34.yaml");
const t2023 = readPublished("fixtures/national/dti-2023-63.yaml");
const t2022 = readPublished("fixtures/national/dti-2022-63.yaml");

const totals = (t: { units: readonly ({ id: string } & ({ total: string } | { scoring: "levels" }))[] }) =>
  new Map(t.units.map((u) => [u.id, "total" in u ? u.total : ""]));

describe("the 63 → 34 lineage of 2025 (provinces-63-to-34-2025.txt)", () => {
  it("has 34 new provinces from the 63 former ones, 11 unchanged and 23 formed from 52", () => {
    expect(lineage.units).toHaveLength(34);
    expect(lineage.effective).toBe("2025-07-01");
    const preds = lineage.units.flatMap((u) => u.predecessors.map((p) => p.id));
    expect(new Set(preds).size).toBe(63);
    expect(new Set(preds)).toEqual(new Set(t63.units.map((u) => u.id)));
    expect(lineage.units.filter((u) => u.predecessors.length === 1)).toHaveLength(11);
    expect(lineage.units.filter((u) => u.predecessors.length > 1).flatMap((u) => u.predecessors)).toHaveLength(52);
    // The new ids are the 34-table's (TP. Huế continues Thừa Thiên Huế under a new id).
    expect(new Set(lineage.units.map((u) => u.id))).toEqual(new Set(t34.units.map((u) => u.id)));
  });
});

describe("DTI 2024: the 34-province table from the 63-province totals (mean rule)", () => {
  const merged = merge(t63, lineage, { rule: "mean" });
  const published = totals(t34);
  const rows = merged.after.units.map((u) => ({
    id: u.id,
    n: u.merged!.predecessors.length,
    mean: new Dec(u.total),
    ours: roundValue(u.total, 4),
    published: roundValue(published.get(u.id)!, 4),
  }));

  it("gives each of the 34 provinces, traced to its predecessors and the rule", () => {
    expect(merged.after.units).toHaveLength(34);
    const hp = merged.after.units.find((u) => u.id === "hai-phong")!;
    // Hải Phòng 0.8253 + Hải Dương 0.7461 → 0.7857 (published 0.7857).
    expect(hp.merged).toMatchObject({ rule: "mean", lineage: "provinces-2025", total: "fromTotals" });
    expect(hp.merged!.predecessors.map((p) => `${p.id} ${p.total}`)).toEqual(["hai-phong 0.8253", "hai-duong 0.7461"]);
    expect(hp.total).toBe("0.7857");
  });

  it("reproduces the 11 unchanged and 22 of the 23 merged provinces to the last digit", () => {
    const same = rows.filter((r) => r.ours === r.published);
    expect(rows.filter((r) => r.n === 1 && r.ours === r.published)).toHaveLength(11);
    expect(same.filter((r) => r.n > 1)).toHaveLength(22);
    expect(rows.filter((r) => r.ours !== r.published).map((r) => r.id)).toEqual(["ho-chi-minh"]);
  });

  it("TP. Hồ Chí Minh: 0.7769 from rounded totals, 0.7770 published — the rule averages main-index values", () => {
    const hcm = rows.find((r) => r.id === "ho-chi-minh")!;
    // (0.8373 + 0.7774 + 0.7161) / 3 = 0.7769333…
    expect(hcm.mean.toDecimalPlaces(6).toFixed()).toBe("0.776933");
    expect([hcm.ours, hcm.published]).toEqual(["0.7769", "0.7770"]);
    // Each predecessor's total was published rounded to 4 places: its value before rounding lies
    // within ±0.00005, so does their mean. The mean of the main-index values gives the mean of the
    // unrounded totals (a total is linear in the main indices): somewhere in that interval.
    const half = new Dec("0.00005");
    const low = hcm.mean.minus(half);
    const high = hcm.mean.plus(half);
    // The interval holds the rounding edge 0.77695: either 0.7769 or 0.7770 can come out, and
    // the published 0.7770 is one of them.
    expect(low.lt("0.77695") && high.gt("0.77695")).toBe(true);
    expect(new Dec("0.77695").lte(high)).toBe(true);
    // Every other province's published value lies in its own interval too (the rule holds for all 34).
    for (const r of rows) {
      const p = new Dec(r.published);
      expect(p.plus(half).gte(r.mean.minus(half)) && p.minus(half).lte(r.mean.plus(half)), r.id).toBe(true);
    }
  });

  it("ranks both the 63 and the 34 provinces from one table, as published", () => {
    const before = nationalValues(merged.before);
    const after = nationalValues(t34);
    const rank = (v: typeof before, id: string) => v.units.find((u) => u.id === id)!.rank;
    // 63 table: TP.HCM 1st, Đà Nẵng 2nd, Quảng Nam 57th (press, section 5); the only tie, Bắc Giang =
    // Yên Bái 0.7583: 13, 13, then Nam Định 15.
    expect([rank(before, "ho-chi-minh"), rank(before, "da-nang"), rank(before, "quang-nam")]).toEqual([1, 2, 57]);
    expect([rank(before, "bac-giang"), rank(before, "yen-bai"), rank(before, "nam-dinh")]).toEqual([13, 13, 15]);
    // 34 table: every published rank (TP.HCM 4th, Đà Nẵng 17th after merging with Quảng Nam).
    for (const u of after.units) expect(u.rank, u.id).toBe(t34.published.ranks![u.id]);
    const fromMerge = nationalValues(merged.after);
    expect(rank(fromMerge, "da-nang")).toBe(17);
  });
});

describe("shared ranks on the published precision: ties share, the next rank is skipped", () => {
  it('DTI 2022 "15, 15, 17": Thanh Hóa and Yên Bái 0.6350, then Hậu Giang', () => {
    const v = nationalValues(t2022, { precision: 4 });
    const at = (id: string) => v.units.find((u) => u.id === id)!;
    expect([at("thanh-hoa").rank, at("yen-bai").rank, at("hau-giang").rank]).toEqual([15, 15, 17]);
    expect(at("thanh-hoa").total.shown).toBe("0.6350");
    for (const u of v.units) if (t2022.published.ranks?.[u.id] !== undefined) expect(u.rank, u.id).toBe(t2022.published.ranks[u.id]);
  });

  it('DTI 2023 "59, 59, 61": An Giang and Phú Yên 0.5582, then Quảng Trị (published ranks)', () => {
    const v = nationalValues(t2023, { precision: 4 });
    const at = (id: string) => v.units.find((u) => u.id === id)!;
    expect([at("an-giang").rank, at("phu-yen").rank, at("quang-tri").rank]).toEqual([59, 59, 61]);
    // Every rank the table publishes (1–5 and 59, 59, 61, 62, 63).
    const published = Object.entries(t2023.published.ranks!);
    expect(published).toHaveLength(10);
    for (const [id, r] of published) expect(at(id).rank, id).toBe(r);
  });
});

/** The rows of a table whose 8 main indices are published. */
function complete(t: PublishedResult): string[] {
  return t.units.filter((u) => u.scoring === "points" && Object.keys(u.indicators).length === 8).map((u) => u.id);
}

/** A lineage that forms each unit from itself: merging then recomputes its total from its main indices. */
function itself(ids: readonly string[]): UnitLineage {
  return { id: "self", effective: "2024-01-01", source: "-", units: ids.map((id) => ({ id, name: id, predecessors: [{ id }] })) };
}

describe("2022 and 2023 totals from the main indices with the weights of QĐ 922/QĐ-BTTTT", () => {
  // Nhận thức, Thể chế, Hạ tầng, Nhân lực, ATTT 100 each; HĐ chính quyền số 200; HĐ kinh tế số,
  // HĐ xã hội số 150; Đô thị thông minh 0 ("Không tính điểm"); thang điểm 1000.
  const recompute = (t: PublishedResult) => {
    const ids = complete(t);
    const m = merge(t, itself(ids));
    const published = totals(t);
    return ids.map((id) => {
      const u = m.after.units.find((x) => x.id === id)!;
      return { id, exact: new Dec(u.total), ours: roundValue(u.total, 4), published: roundValue(published.get(id)!, 4) };
    });
  };

  it("2022: 7 of 10 rows exact; TP.HCM, Phú Yên, Cao Bằng differ by 0.0001", () => {
    const rows = recompute(t2022);
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.id === "da-nang")!.exact.toFixed()).toBe("0.800175");
    const differ = rows.filter((r) => r.ours !== r.published);
    expect(differ.map((r) => `${r.id} ${r.exact.toFixed()} ${r.ours} ${r.published}`)).toEqual([
      "ho-chi-minh 0.716355 0.7164 0.7163",
      "phu-yen 0.46795 0.4680 0.4679",
      "cao-bang 0.40815 0.4082 0.4081",
    ]);
    whyOff(rows);
  });

  it("2023: 8 of 10 rows exact; TP. Cần Thơ and Bạc Liêu differ by 0.0001", () => {
    const rows = recompute(t2023);
    const differ = rows.filter((r) => r.ours !== r.published);
    expect(differ.map((r) => `${r.id} ${r.exact.toFixed()} ${r.ours} ${r.published}`)).toEqual([
      "can-tho 0.746855 0.7469 0.7468",
      "bac-lieu 0.520735 0.5207 0.5208",
    ]);
    whyOff(rows);
  });

  /**
   * Why: the main indices are themselves published rounded to 4 places (±0.00005 each), and the
   * weights add up to 1000, so the weighted total of the unrounded indices lies within ±0.00005 of
   * the one recomputed; every published total, rounded itself, is within that reach. Half up and
   * half down both fail somewhere (2022 Phú Yên 0.46795 → .4679 but Đà Nẵng 0.800175 → .8002), so
   * no rounding rule of the rounded indices explains all rows: the unrounded indices do.
   */
  function whyOff(rows: readonly { exact: Dec; published: string }[]) {
    const reach = new Dec("0.0001");
    for (const r of rows) expect(new Dec(r.published).minus(r.exact).abs().lte(reach)).toBe(true);
  }
});

describe("DTI 2023 (main-index values for 10 of 63 rows) merged by the 2025 lineage", () => {
  // dti-2023-63.yaml publishes main-index values only for ranks 1–5 and the last five: a
  // predecessor without them has no value to merge, never a 0.
  it("mean: a unit whose predecessors lack main values merges their totals (Hà Nội 0.7448 stays 0.7448)", () => {
    const m = merge(t2023, lineage, { rule: "mean" });
    const hn = m.after.units.find((u) => u.id === "ha-noi")!;
    expect([hn.total, hn.merged!.total]).toEqual(["0.7448", "fromTotals"]);
    expect(hn.indicators).toEqual({});
    // TP. Đà Nẵng: Đà Nẵng 0.8340 (with main values) + Quảng Nam 0.6641 (total only) = 0.74905.
    const dn = m.after.units.find((u) => u.id === "da-nang")!;
    expect([dn.total, dn.merged!.total, Object.keys(dn.indicators).length]).toEqual(["0.74905", "fromTotals", 0]);
    // TP. Huế: Thừa Thiên Huế has main values: the total is recomputed from them with the QĐ 922 weights.
    expect(m.after.units.find((u) => u.id === "hue")!.merged!.total).toBe("fromMain");
  });

  it("max and min need every merged predecessor's main values: refused, naming the new unit and the predecessor", () => {
    let issues: string[] = [];
    try {
      merge(t2023, lineage, { rule: "max" });
    } catch (e) {
      issues = (e as { issues: { code: string; where: { unit?: string }; detail?: string }[] }).issues.map(
        (i) => `${i.code} ${i.where.unit} ${i.detail}`,
      );
    }
    expect(issues).toContain("mergeMissingValues da-nang quang-nam");
    // A unit with one predecessor is that predecessor under every rule: TP. Hà Nội is not refused.
    expect(issues.some((i) => i.includes(" ha-noi "))).toBe(false);
    expect(issues.every((i) => i.startsWith("mergeMissingValues "))).toBe(true);
  });
});

describe("0–1 values of a published table with main-index values (DTI 2023, weights of QĐ 922/QĐ-BTTTT)", () => {
  it("gives NT…XH as main indicators, not as pillars (their weights are not a mean of pillars)", () => {
    const v = nationalValues(t2023, { precision: 4 });
    expect(v.indicators.map((i) => i.code)).toEqual(["NT", "TC", "HT", "NL", "AT", "CQ", "KT", "XH"]);
    const dn = v.units.find((u) => u.id === "da-nang")!;
    expect([dn.main["TC"]?.shown, dn.main["XH"]?.shown, dn.pillars]).toEqual(["1.0000", "0.5881", undefined]);
    // A unit published with its total only has no main values, in the same column layout.
    expect(v.units.find((u) => u.id === "ha-noi")!.main).toEqual({});
  });
});
