// Child catalogs (Kon Tum districts score their communes with kon-tum-2025/xa) are found by id
// without score() importing the built-ins: options.catalogs, else the registry that builtin.ts and
// the per-catalog entries fill; an id found nowhere is a CatalogError, never a crash.
import { describe, expect, it } from "vitest";
import { CatalogError, formatIssue, getCatalog, loadCatalog, score } from "../src/index.js";
import { catalog as konTumHuyen } from "../src/catalogs/kon-tum-2025/huyen.js";
import { resolveCatalog } from "../src/catalog/registry.js";

const lv = (n: number) => ({ text: `mức ${n}`, min: n });
const orphan = loadCatalog({
  id: "orphan-2025/huyen",
  title: "huyện",
  province: "T",
  level: "huyen",
  document: { number: "r", date: "2025-01-01" },
  scoring: "levels",
  childCatalog: "orphan-2025/xa",
  indicators: [
    {
      code: "1",
      name: "G",
      children: [
        {
          code: "1.1",
          name: "a",
          inputs: { a: { label: "a" } },
          formula: { kind: "levels", value: "a", requirements: { 1: lv(1), 2: lv(2), 3: lv(3), 4: lv(4), 5: lv(5) } },
        },
      ],
    },
  ],
});
const dataset = {
  catalog: "orphan-2025/huyen",
  year: 2025,
  periods: ["Y"],
  units: [{ id: "h", name: "H", data: { Y: { "1.1": { a: 1 } } } }],
};

describe("child catalog resolution", () => {
  it("an unknown child catalog is a CatalogError (unknownCatalog) naming the id and how to provide it", () => {
    let error: unknown;
    try {
      score(orphan, dataset);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const issue = (error as CatalogError).issues[0]!;
    expect(issue).toMatchObject({ code: "unknownCatalog", received: "orphan-2025/xa", where: { catalog: "orphan-2025/huyen" } });
    expect(issue.message).toContain("options.catalogs");
    expect(issue.message).toContain('"dti-engine/catalogs/orphan-2025/xa"');
    expect(formatIssue(issue, "vi")).toContain("options.catalogs");
  });
  it("options.catalogs wins over the registry; built-ins are registered once builtin.ts is loaded", () => {
    const xa = getCatalog("kon-tum-2025/xa");
    expect(resolveCatalog("kon-tum-2025/xa")).toBe(xa);
    const other = { ...xa };
    expect(resolveCatalog("kon-tum-2025/xa", { "kon-tum-2025/xa": other })).toBe(other);
    // Own keys only: an id such as "constructor" is not found on the object prototype.
    expect(() => resolveCatalog("constructor", {})).toThrow(CatalogError);
    expect(() => getCatalog("constructor")).toThrow(CatalogError);
  });
  it("a per-catalog entry is the same object getCatalog returns", () => {
    expect(konTumHuyen).toBe(getCatalog("kon-tum-2025/huyen"));
  });
});
