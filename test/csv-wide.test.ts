// Issue 12: the wide CSV (one row per unit, a column `<code>.<field>` per input), its `--excel`
// form (BOM, `;`, decimal comma) and option labels read as keys. The Vĩnh Phúc xã sample written
// wide scores exactly as its YAML (every total equal as a string), in both forms.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DatasetError, getCatalog, loadDataset, readCsvDataset, score, template, type Dataset } from "../src/index.js";
import { dti } from "./_cli.js";

const vp = getCatalog("vinh-phuc-2022/xa");
const vpText = readFileSync("fixtures/vinh-phuc-2022-xa.sample.yaml", "utf8");
const vpYaml: Dataset = loadDataset(vpText);

/** The dataset written in the columns of the wide template (its header is the template's). */
function wideCsv(ds: Dataset, excel = false, edit?: (row: Record<string, string>, i: number) => void): string {
  const [header] = Papa.parse<string[]>(template(vp, "csv-wide"), { header: false }).data as [string[]];
  const num = (v: unknown) => (excel && typeof v === "number" ? String(v).replace(".", ",") : String(v));
  const rows = ds.units.map((u, i) => {
    const row: Record<string, string> = Object.fromEntries(header.map((h) => [h, ""]));
    Object.assign(row, { year: String(ds.year), unit_id: u.id, unit_name: u.name });
    for (const [k, v] of Object.entries(u.profile ?? {})) row[`profile.${k}`] = num(v);
    for (const [code, value] of Object.entries(u.data["Y"] ?? {})) {
      const fields = vp.nodes.get(code)!.asked.filter((f) => f.from === undefined);
      if (value === "n/a") for (const f of fields) row[`${code}.${f.name}`] = "n/a";
      else if (typeof value !== "object" || value === null)
        row[`${code}.${fields[0]!.name}`] = value === true ? "có" : value === false ? "không" : num(value);
      else for (const [f, v] of Object.entries(value)) row[`${code}.${f}`] = num(v);
    }
    edit?.(row, i);
    return header.map((h) => row[h]!);
  });
  const text = Papa.unparse([header, ...rows], excel ? { delimiter: ";" } : {});
  return excel ? `\uFEFF${text}` : text;
}

const totals = (ds: Dataset | ReturnType<typeof readCsvDataset>["dataset"]) =>
  score(vp, ds).units.map((u) => [u.id, String("total" in u ? u.total : ""), u.rank]);

describe("wide CSV template and reader (Vĩnh Phúc xã)", () => {
  it("the template has one header row: year, unit_id, unit_name, parent, profile.*, then <code>.<field> (no period: yearly)", async () => {
    const lines = template(vp, "csv-wide", { year: 2023 }).split(/\r?\n/);
    expect(lines).toHaveLength(2);
    const head = lines[0]!.split(",");
    // A commune's district (`parent`) is asked too: the district summary (`--group-by parent`).
    expect(head.slice(0, 5)).toEqual(["year", "unit_id", "unit_name", "parent", "profile.communeName"]);
    // Vĩnh Phúc xã 6.9 asks a and b; 6.4.b is taken from 6.3.b (from:) and not asked.
    expect(head).toContain("6.9.a");
    expect(head).toContain("6.9.b");
    expect(head).toContain("6.3.b");
    expect(head).not.toContain("6.4.b");
    expect(lines[1]!.startsWith("2023,UNIT_ID,Tên đơn vị,")).toBe(true);
  });

  it("the sample written wide scores exactly as the YAML (906 for Phường Liên Bảo)", async () => {
    const yaml = totals(vpYaml);
    expect(yaml[0]).toEqual(["phuong-lien-bao", "906", 1]);
    const read = readCsvDataset(wideCsv(vpYaml), vp, { file: "wide.csv" });
    expect(totals(read.dataset)).toEqual(yaml);
  });

  it("the --excel form (BOM, ;, decimal comma) scores the same; 0,95 is read as 0.95 without --numbers", async () => {
    const text = wideCsv(vpYaml, true);
    expect(text).toContain(";0,95;"); // Vĩnh Phúc xã 6.8 of Phường Liên Bảo
    const read = readCsvDataset(text, vp, { file: "wide.csv" });
    expect(totals(read.dataset)).toEqual(totals(vpYaml));
  });

  it("a choice given by its label (Vĩnh Phúc xã 6.7) is read as its key, with the optionByLabel warning", async () => {
    const label = vp.nodes.get("6.7")!.fields[0]!.optionLabels!["over6"]!;
    const text = wideCsv(vpYaml, false, (row, i) => {
      if (i === 0) row["6.7.value"] = ` ${label.toUpperCase()} `;
    });
    const read = readCsvDataset(text, vp, { file: "wide.csv" });
    expect(totals(read.dataset)).toEqual(totals(vpYaml));
    const w = read.warnings.find((x) => x.code === "optionByLabel")!;
    expect(w.where).toMatchObject({ file: "wide.csv", row: 2, unit: "phuong-lien-bao", indicator: "6.7", field: "value" });
    expect(w.path).toEqual(["row", 2, "6.7.value"]);
  });

  it("the same label in a YAML dataset is read as the key by score (fast and reference alike)", async () => {
    const label = vp.nodes.get("6.7")!.fields[0]!.optionLabels!["over6"]!;
    const ds = loadDataset(vpText.replace('"6.7": over6', `"6.7": "${label}"`));
    for (const engine of ["fast", "reference"] as const) {
      const r = score(vp, ds, { engine });
      expect(r.units.map((u) => [u.id, String("total" in u ? u.total : ""), u.rank])).toEqual(totals(vpYaml));
      expect(r.warnings.filter((w) => w.code === "optionByLabel").map((w) => [w.where.unit, w.where.indicator])).toEqual([
        ["phuong-lien-bao", "6.7"],
      ]);
    }
  });

  it("refuses an unknown column, a duplicate unit row and a bad number, naming row and column", async () => {
    const refused = (text: string) => {
      try {
        readCsvDataset(text, vp, { file: "wide.csv" });
      } catch (e) {
        if (e instanceof DatasetError) return e.issues.map((i) => [i.code, i.where.row, i.path.at(-1), i.where.indicator]);
      }
      return [];
    };
    expect(refused(wideCsv(vpYaml).replace("6.9.b", "6.9.c"))).toEqual([["csvUnknownColumn", 1, "6.9.c", undefined]]);
    const lines = wideCsv(vpYaml).split(/\r?\n/);
    expect(refused([...lines, lines[1]].join("\n"))).toEqual([["csvDuplicateUnitRow", lines.length + 1, "unit_id", undefined]]);
    const bad = wideCsv(vpYaml, false, (row, i) => {
      if (i === 1) row["6.9.a"] = "mười";
    });
    expect(refused(bad)).toEqual([["csvNotANumber", 3, "6.9.a", "6.9"]]);
  });

  it("dti template --format csv-wide --excel and dti score --format csv --excel", async () => {
    const t = await dti("template", "vinh-phuc-2022/xa", "--format", "csv-wide", "--excel", "--year", "2023");
    expect(t.code).toBe(0);
    expect(t.out.startsWith("\uFEFFyear;unit_id;unit_name;")).toBe(true);
    const s = await dti("score", "fixtures/vinh-phuc-2022-xa.sample.yaml", "--format", "csv", "--excel");
    expect(s.code).toBe(0);
    const [head, first] = s.out.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(head).toBe(
      (await dti("score", "fixtures/vinh-phuc-2022-xa.sample.yaml", "--format", "csv")).out.split(/\r?\n/)[0]!.replaceAll(",", ";"),
    );
    expect(first!.split(";").slice(0, 5)).toEqual(["vinh-phuc-2022/xa", "phuong-lien-bao", "Phường Liên Bảo", "1", "906"]);
    expect((await dti("template", "vinh-phuc-2022/xa", "--format", "yaml", "--excel")).code).toBe(2);
  });
});
