// Lint of every built-in catalog, and the declared tables of the documents against the trees.
import { describe, expect, it } from "vitest";
import { compileCatalog, getCatalog, lintCatalog, listCatalogs, loadCatalog } from "../src/index.js";

describe("lint of every built-in catalog", () => {
  for (const c of listCatalogs()) {
    it(`${c.id} passes; every interpretation note is listed`, () => {
      const r = lintCatalog(getCatalog(c.id));
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      const catalog = getCatalog(c.id);
      const nodeNotes = compileCatalog(catalog).order.reduce((n, x) => n + (x.source.notes?.length ?? 0), 0);
      expect(r.notes).toHaveLength(nodeNotes + (catalog.notes?.length ?? 0));
    });
  }
});

describe("declared tables reproduced by the trees", () => {
  it("Đồng Nai Điều 3 (Sở): 10 main, 40 components, 1000; Điều 4 (huyện): 8 main, 64 components, 1000", () => {
    for (const [id, main, components, maxes] of [
      ["dong-nai-2023/so", 10, 40, [50, 150, 50, 100, 100, 300, 50, 100, 50, 50]],
      ["dong-nai-2023/huyen", 8, 64, [90, 75, 95, 100, 100, 240, 150, 150]],
    ] as const) {
      const r = lintCatalog(getCatalog(id));
      expect(r.stats).toMatchObject({ mainIndicators: main, components, total: "1000", declaredTotal: "1000" });
      expect(getCatalog(id).indicators.map((n) => Number(n.max))).toEqual(maxes);
    }
  });
  it("Vĩnh Phúc Phụ lục 4: groups, component counts and totals per appendix", () => {
    const groups = (id: string) => {
      const c = getCatalog(id);
      const out: Record<string, { components: number; max: number }> = {};
      for (const m of c.declared!.main!) {
        const g = (out[m.group!] ??= { components: 0, max: 0 });
        g.components += m.components!;
        g.max += Number(m.max);
      }
      return out;
    };
    // Phụ lục 4: Sở I 24 / 450, II 18 / 550; huyện I 32 / 435, II 34 / 565; xã I 26 / 510, II 19 / 490.
    expect(Object.values(groups("vinh-phuc-2022/so"))).toEqual([
      { components: 24, max: 450 },
      { components: 18, max: 550 },
    ]);
    expect(Object.values(groups("vinh-phuc-2022/huyen"))).toEqual([
      { components: 32, max: 435 },
      { components: 34, max: 565 },
    ]);
    expect(Object.values(groups("vinh-phuc-2022/xa"))).toEqual([
      { components: 26, max: 510 },
      { components: 19, max: 490 },
    ]);
    expect(lintCatalog(getCatalog("vinh-phuc-2022/so")).stats).toMatchObject({ components: 42, total: "1000" });
    expect(lintCatalog(getCatalog("vinh-phuc-2022/huyen")).stats).toMatchObject({ components: 66, total: "1000" });
  });
  it("Vĩnh Phúc xã group 4 (Nhân lực số): declared 105, items 25+25+20+20+20+20 = 130 → tree 1025, a noted contradiction", () => {
    const r = lintCatalog(getCatalog("vinh-phuc-2022/xa"));
    expect(r.ok).toBe(true);
    expect(r.stats).toMatchObject({ total: "1025", declaredTotal: "1000", differenceFrom1000: "25" });
    expect(r.noted.map((n) => n.code)).toEqual(expect.arrayContaining(["4", ""]));
  });
  it("Nghĩa Phương: the stated total is what the tree adds up to, shown against 1000", () => {
    const r = lintCatalog(getCatalog("quang-ngai-nghia-phuong-2023/xa"));
    expect(r.stats).toMatchObject({ total: "835", differenceFrom1000: "-165" });
    expect(getCatalog("quang-ngai-nghia-phuong-2023/xa").indicators.find((n) => n.code === "9")!.unscored).toBe(true);
  });
  it("Kon Tum: 38 commune criteria (24/5/9) and 33 district criteria (1/22/6/4)", () => {
    expect(getCatalog("kon-tum-2025/xa").indicators.map((n) => n.children!.length)).toEqual([24, 5, 9]);
    expect(getCatalog("kon-tum-2025/huyen").indicators.map((n) => n.children!.length)).toEqual([1, 22, 6, 4]);
  });
});

describe("lint findings", () => {
  it("children that do not add up, codes out of order and a wrong catalog total are errors", () => {
    const c = loadCatalog({
      id: "bad-2024/xa",
      title: "T",
      province: "T",
      level: "xa",
      document: { number: "x", date: "2024-01-01" },
      total: 50,
      indicators: [
        { code: "2", name: "B", max: 20, children: [{ code: "2.1", name: "x", max: 10, formula: { kind: "yesNo" } }] },
        {
          code: "1",
          name: "A",
          max: 10,
          children: [
            { code: "1.2", name: "y", max: 5, formula: { kind: "yesNo" } },
            { code: "1.1", name: "z", max: 5, formula: { kind: "yesNo" } },
          ],
        },
      ],
    });
    const r = lintCatalog(c);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(expect.arrayContaining(["2", "1.1", "1", ""]));
  });
});
