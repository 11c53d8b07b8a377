// Declared parent units (issue 12, item 7): a commune dataset names its districts without
// assessing them, so `--group-by parent` gives a district summary of communes; a parent id in
// neither list is still refused (a typo is never grouped under a new district).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DatasetError, getCatalog, groupByParent, loadDataset, score, type DatasetInput } from "../src/index.js";
import { runMain } from "../src/cli/main.js";

const catalog = getCatalog("vinh-phuc-2022/xa");
/** The Vĩnh Phúc xã sample (totals 906, 610.1 and 308.75), its communes placed under districts. */
function communes(parents: readonly { id: string; name: string }[], under: readonly string[]): DatasetInput {
  const sample = loadDataset(readFileSync("fixtures/vinh-phuc-2022-xa.sample.yaml", "utf8"));
  return {
    ...sample,
    units: sample.units.map((u, i) => ({ ...u, ...(under[i] !== undefined ? { parent: under[i] } : {}) })),
    parents: [...parents],
  };
}
const districts = [
  { id: "tam-duong", name: "Huyện Tam Dương" },
  { id: "lap-thach", name: "Huyện Lập Thạch" },
];

describe("a commune dataset's declared districts (Vĩnh Phúc xã)", () => {
  it("groups communes under districts that are not units of the dataset, with their names", () => {
    const result = score(catalog, communes(districts, ["tam-duong", "tam-duong", "lap-thach"]));
    expect(result.warnings).toEqual([]);
    expect(result.parents).toEqual(districts);
    const groups = groupByParent(result.units, result.units, result.parents);
    // Tam Dương: 906 and 610.1 → mean 758.05; Lập Thạch: 308.75 alone.
    expect(groups).toEqual([
      { parent: "lap-thach", name: "Huyện Lập Thạch", units: 1, mean: "308.75", min: "308.75", max: "308.75", ids: ["thi-tran-hop-hoa"] },
      {
        parent: "tam-duong",
        name: "Huyện Tam Dương",
        units: 2,
        mean: "758.05",
        min: "610.1",
        max: "906",
        ids: ["phuong-lien-bao", "xa-dao-tu"],
      },
    ]);
  });

  it("still refuses a parent in neither list, and a bad parents list, all at once", () => {
    const bad = communes(
      [...districts, { id: "tam-duong", name: "Huyện Tam Dương" }, { id: "xa-dao-tu", name: "Xã Đạo Tú" }],
      ["tam-duong", "tam-duon", "lap-thach"],
    );
    let error: unknown;
    try {
      score(catalog, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    const issues = (error as DatasetError).issues.map((i) => [i.code, i.received, i.path.join(".")]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["duplicateParent", "tam-duong", "parents.2.id"],
        ["parentIsUnit", "xa-dao-tu", "parents.3.id"],
        ["unknownParent", "tam-duon", "units.1.parent"],
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it("warns of a declared district no commune names", () => {
    const result = score(catalog, communes(districts, ["tam-duong", "tam-duong", "tam-duong"]));
    expect(result.warnings.map((w) => [w.code, w.received])).toEqual([["unusedParent", "lap-thach"]]);
  });

  it("dti score --group-by parent prints the district summary with the districts' names", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { stringify } = await import("yaml");
    const file = join(mkdtempSync(join(tmpdir(), "dti-parents-")), "xa.yaml");
    writeFileSync(file, stringify(communes(districts, ["tam-duong", "tam-duong", "lap-thach"])));
    let out = "";
    const code = await runMain(["score", file, "--group-by", "parent", "--format", "json"], { out: (s) => (out += s), err: () => {} });
    expect(code).toBe(0);
    const groups = (JSON.parse(out) as { groups: { parent: string; name: string; mean: string }[] }).groups;
    expect(groups.map((g) => [g.parent, g.name, g.mean])).toEqual([
      ["lap-thach", "Huyện Lập Thạch", "308.75"],
      ["tam-duong", "Huyện Tam Dương", "758.05"],
    ]);
  });
});
