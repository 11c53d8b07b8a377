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

/** The Vĩnh Phúc xã sample as a wide CSV, each commune under the district given (the `parent` column). */
async function wideCsv(under: readonly string[], edit?: (row: Map<string, string>, i: number) => void): Promise<string> {
  const { template } = await import("../src/index.js");
  const { default: Papa } = await import("papaparse");
  const header = template(catalog, "csv-wide").split(/\r?\n/)[0]!.split(",");
  const sample = communes([], under) as {
    units: { id: string; name: string; parent?: string; profile?: object; data: Record<string, Record<string, unknown>> }[];
  };
  const rows = sample.units.map((u, i) => {
    const row = new Map<string, string>([
      ["year", "2024"],
      ["unit_id", u.id],
      ["unit_name", u.name],
      ["parent", u.parent ?? ""],
    ]);
    for (const [k, v] of Object.entries(u.profile ?? {})) row.set(`profile.${k}`, String(v));
    for (const [code, value] of Object.entries(u.data["Y"] ?? {})) {
      const fields = catalog.nodes.get(code)!.asked.filter((f) => f.from === undefined);
      if (value === "n/a") for (const f of fields) row.set(`${code}.${f.name}`, "n/a");
      else if (typeof value !== "object" || value === null)
        row.set(`${code}.${fields[0]!.name}`, value === true ? "có" : value === false ? "không" : String(value));
      else for (const [f, v] of Object.entries(value)) row.set(`${code}.${f}`, String(v));
    }
    edit?.(row, i);
    return header.map((h) => row.get(h) ?? "");
  });
  return Papa.unparse([header, ...rows]);
}

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

describe("dti score --parents: a commune CSV names its districts (Vĩnh Phúc xã, wide CSV)", () => {
  it("the wide template asks each commune's parent; --parents declares the districts; the summary names them", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { template, readCsvDataset } = await import("../src/index.js");
    const header = template(catalog, "csv-wide").split(/\r?\n/)[0]!.split(",");
    expect(header.slice(0, 4)).toEqual(["year", "unit_id", "unit_name", "parent"]);
    const csv = await wideCsv(["tam-duong", "tam-duong", "lap-thach"]);
    const dir = mkdtempSync(join(tmpdir(), "dti-parents-csv-"));
    const file = join(dir, "xa.csv");
    writeFileSync(file, csv);
    const districts = join(dir, "huyen.csv");
    writeFileSync(districts, "unit_id,unit_name\ntam-duong,Huyện Tam Dương\nlap-thach,Huyện Lập Thạch\n");
    // The CSV reads the parents as written; without --parents, a district outside the file is refused.
    expect(readCsvDataset(csv, catalog).dataset.units.map((u) => u.parent)).toEqual(["tam-duong", "tam-duong", "lap-thach"]);
    let err = "";
    const refused = await runMain(["score", file, "--catalog", "vinh-phuc-2022/xa", "--group-by", "parent", "--lang", "en"], {
      out: () => {},
      err: (s) => (err += s),
    });
    expect(refused).toBe(2);
    expect(err).toContain('parent unit "tam-duong" is neither a unit of the dataset nor declared in its parents');
    let out = "";
    const code = await runMain(
      ["score", file, "--catalog", "vinh-phuc-2022/xa", "--parents", districts, "--group-by", "parent", "--format", "json"],
      { out: (s) => (out += s), err: () => {} },
    );
    expect(code).toBe(0);
    // Tam Dương: (906 + 610.1) / 2 = 758.05; Lập Thạch: 308.75.
    expect(
      (JSON.parse(out) as { groups: { parent: string; name: string; mean: string }[] }).groups.map((g) => [g.parent, g.name, g.mean]),
    ).toEqual([
      ["lap-thach", "Huyện Lập Thạch", "308.75"],
      ["tam-duong", "Huyện Tam Dương", "758.05"],
    ]);
  });
});

describe("--parents and a dataset's own parents", () => {
  it("two lists would leave the choice to a guess: refused (exit 2)", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { stringify } = await import("yaml");
    const dir = mkdtempSync(join(tmpdir(), "dti-parents-two-"));
    const file = join(dir, "xa.yaml");
    writeFileSync(file, stringify(communes(districts, ["tam-duong", "tam-duong", "lap-thach"])));
    const list = join(dir, "huyen.csv");
    writeFileSync(list, "unit_id,unit_name\ntam-duong,Huyện Tam Dương\n");
    let err = "";
    const code = await runMain(["score", file, "--parents", list, "--lang", "en"], { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toContain(`${file} declares its parents: --parents ${list} cannot replace them`);
  });
});

// Kon Tum QĐ 121/QĐ-UBND, huyện 1.1: a district's level counts the share of ITS communes at each
// level. In a dataset with districts and communes, a commune's parent must be one of the districts
// assessed: a declared parent (not assessed) would silently take the commune out of its district's 1.1.
describe("a dataset with districts and their communes (Kon Tum huyện sample)", () => {
  it("refuses a commune whose parent is only a declared parent, naming the unit and its parent field", () => {
    const sample = loadDataset(readFileSync("fixtures/kon-tum-2025-huyen.sample.yaml", "utf8"));
    const index = sample.units.findIndex((u) => u.id === "hx-xa-1");
    const dataset: DatasetInput = {
      ...sample,
      units: sample.units.map((u, i) => (i === index ? { ...u, parent: "huyen-z" } : u)),
      parents: [{ id: "huyen-z", name: "Huyện Z" }],
    };
    let error: unknown;
    try {
      score(getCatalog("kon-tum-2025/huyen"), dataset);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues.map((i) => [i.code, i.where.unit, i.received, i.path.join(".")])).toEqual([
      ["parentNotAssessed", "hx-xa-1", "huyen-z", `units.${index}.parent`],
    ]);
  });
});

describe("a JSON Lines file declares its parents in the header line", () => {
  it("scoreLines reads them (the communes' districts) and checks them as a dataset's; --parents is refused beside JSON Lines", async () => {
    const { scoreLines } = await import("../src/index.js");
    const sample = communes(districts, ["tam-duong", "tam-duong", "lap-thach"]) as { units: unknown[]; parents: unknown[] };
    const header = JSON.stringify({ catalog: "vinh-phuc-2022/xa", year: 2024, periods: ["Y"], parents: sample.parents });
    const lines = [header, ...sample.units.map((u) => JSON.stringify(u))];
    const result = scoreLines(catalog, lines);
    expect(result.parents).toEqual(districts);
    // Tam Dương: (906 + 610.1) / 2 = 758.05, as from the YAML.
    expect(groupByParent(result.units, result.units, result.parents).map((g) => [g.parent, g.name, g.mean])).toEqual([
      ["lap-thach", "Huyện Lập Thạch", "308.75"],
      ["tam-duong", "Huyện Tam Dương", "758.05"],
    ]);
    expect(result.warnings).toEqual([]);
    // A unit read by the reference reader (an appraised commune): the declared districts are checked
    // once over every unit, not against that unit alone (it names one of them; both were "unused").
    const appraised = { ...(sample.units[0] as { data: unknown }), appraisal: (sample.units[0] as { data: unknown }).data };
    const withAppraisal = scoreLines(catalog, [header, JSON.stringify(appraised), ...lines.slice(2)]);
    expect(withAppraisal.warnings).toEqual([]);
    expect(withAppraisal.units.find((u) => u.id === "phuong-lien-bao")).toMatchObject({ total: "906" });
    // A declared parent given twice is refused there too.
    const twice = JSON.stringify({ catalog: "vinh-phuc-2022/xa", year: 2024, periods: ["Y"], parents: [...districts, districts[0]] });
    // …named at the header's line (row 1), where the list is.
    let refused: unknown;
    try {
      scoreLines(catalog, [twice, ...lines.slice(1)]);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DatasetError);
    expect((refused as DatasetError).issues.map((i) => [i.code, i.where.row, i.path.join(".")])).toEqual([
      ["duplicateParent", 1, "parents.2.id"],
    ]);
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "dti-parents-jsonl-"));
    writeFileSync(join(dir, "xa.jsonl"), lines.join("\n"));
    writeFileSync(join(dir, "huyen.csv"), "unit_id,unit_name\ntam-duong,Huyện Tam Dương\n");
    let err = "";
    const code = await runMain(["score", join(dir, "xa.jsonl"), "--parents", join(dir, "huyen.csv"), "--lang", "en"], {
      out: () => {},
      err: (s) => (err += s),
    });
    expect(code).toBe(2);
    expect(err).toContain("declare its parents in the header line");
  });
});

describe("declared parents with skipInvalid (Vĩnh Phúc xã)", () => {
  it("a district named only by a rejected commune is not reported as named by no unit", () => {
    // Thị trấn Hợp Hòa (Lập Thạch's only commune here) has a bad cell: it is rejected, and Lập Thạch
    // is still the parent of a unit of the dataset (the rejected one, listed with its problem).
    const data = communes(districts, ["tam-duong", "tam-duong", "lap-thach"]) as { units: { data: unknown }[] };
    data.units[2] = { ...data.units[2]!, data: { Y: { "1.1": "abc" } } };
    const result = score(catalog, data as DatasetInput, { skipInvalid: true });
    expect(result.rejected?.map((r) => r.id)).toEqual(["thi-tran-hop-hoa"]);
    expect(result.warnings.map((w) => w.code)).toEqual([]);
    // Tam Dương: 906 and 610.1 → 758.05, as without the rejected commune.
    expect(groupByParent(result.units, result.units, result.parents).map((g) => [g.parent, g.mean])).toEqual([["tam-duong", "758.05"]]);
  });

  it("a declared parent that is also a unit is a problem of the parents list: refused as a whole, no valid unit left out", () => {
    // Xã Đạo Tú (610.1, no problem of its own) declared as a district too: which one a summary
    // would name is a guess, so skipInvalid does not resolve it by dropping the commune.
    const data = communes([{ id: "xa-dao-tu", name: "Huyện X" }], ["xa-dao-tu"]);
    let error: unknown;
    try {
      score(catalog, data, { skipInvalid: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues.map((i) => [i.code, i.path.join(".")])).toEqual([["parentIsUnit", "parents.0.id"]]);
  });
});

describe("--skip-invalid on a commune CSV: the rejected commune's district is still a district of the file", () => {
  it("Lập Thạch's only commune has a bad cell: rejected with its parent; no unusedParent for Lập Thạch; exit 3", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "dti-parents-skip-"));
    const file = join(dir, "xa.csv");
    // Thị trấn Hợp Hòa (Lập Thạch): its 6.9.a "abc" is not a number.
    writeFileSync(file, await wideCsv(["tam-duong", "tam-duong", "lap-thach"], (row, i) => void (i === 2 && row.set("6.9.a", "abc"))));
    const districts = join(dir, "huyen.csv");
    writeFileSync(districts, "unit_id,unit_name\ntam-duong,Huyện Tam Dương\nlap-thach,Huyện Lập Thạch\n");
    let out = "";
    const code = await runMain(
      ["score", file, "--catalog", "vinh-phuc-2022/xa", "--parents", districts, "--skip-invalid", "--format", "json"],
      { out: (s) => (out += s), err: () => {} },
    );
    expect(code).toBe(3);
    const json = JSON.parse(out) as { rejected: { id: string; parent?: string }[]; warnings: { code: string; received?: string }[] };
    expect(json.rejected.map((r) => [r.id, r.parent])).toEqual([["thi-tran-hop-hoa", "lap-thach"]]);
    expect(json.warnings.filter((w) => w.code === "unusedParent")).toEqual([]);
  });
});
