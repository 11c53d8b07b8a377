// Issue 12: Kon Tum's registered level (đăng ký mức) and parent in the CSV template and reader.
// A filled Kon Tum xã CSV with registrations scores exactly as the same data in YAML, "Công nhận"
// included; a bad level is refused with its row.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DatasetError, getCatalog, loadDataset, readCsvDataset, score, template, type Dataset } from "../src/index.js";
import { levelUnit } from "./_units.js";
import { dti } from "./_cli.js";

const kt = getCatalog("kon-tum-2025/xa");
const ktYaml: Dataset = loadDataset(readFileSync("fixtures/kon-tum-2025-xa.sample.yaml", "utf8"));

/** The Kon Tum xã sample written as a filled template: unit rows (registered), then every input. */
function filledCsv(ds: Dataset, extra: (string | number)[][] = []): string {
  const rows: (string | number)[][] = [];
  for (const u of ds.units) {
    rows.push([ds.year, u.id, u.name, "", "unit", "registered", u.registered ?? ""]);
    rows.push([ds.year, u.id, u.name, "", "unit", "parent", u.parent ?? ""]);
    for (const [period, codes] of Object.entries(u.data))
      for (const [code, value] of Object.entries(codes ?? {})) {
        if (typeof value === "boolean") {
          const field = kt.nodes.get(code)!.fields[0]!.name;
          rows.push([ds.year, u.id, u.name, period, code, field, value ? "có" : "không"]);
        } else
          for (const [field, v] of Object.entries(value as Record<string, unknown>))
            rows.push([ds.year, u.id, u.name, period, code, field, String(v)]);
      }
  }
  return Papa.unparse({ fields: ["year", "unit_id", "unit_name", "period", "code", "field", "value"], data: [...rows, ...extra] });
}

describe("registered level and parent in the CSV template and reader (Kon Tum xã)", () => {
  it("the template of a level catalog asks for the registered level and the parent of each unit", async () => {
    const lines = template(kt, "csv", { year: 2025 }).split(/\r?\n/);
    expect(lines[1]).toMatch(/^2025,UNIT_ID,Tên đơn vị,,unit,registered,,Mức đăng ký/);
    expect(lines[2]).toMatch(/^2025,UNIT_ID,Tên đơn vị,,unit,parent,,/);
    // A points catalog has no registered level: no unit rows.
    expect(template(getCatalog("dong-nai-2023/so"), "csv")).not.toContain(",unit,registered,");
  });

  it("a filled CSV with registrations scores as the YAML: xa-a registered 5 recognised, xa-b registered 5 at level 4 not", async () => {
    const read = readCsvDataset(filledCsv(ktYaml), kt, { file: "xa.csv" });
    const xaA = read.dataset.units.find((u) => u.id === "xa-a")!;
    expect(xaA.registered).toBe(5);
    expect(xaA.parent).toBeUndefined();
    const fromCsv = score(kt, read.dataset);
    const fromYaml = score(kt, ktYaml);
    expect(fromCsv.units).toEqual(fromYaml.units);
    expect(levelUnit(fromCsv, "xa-a")).toMatchObject({ level: 5, registered: 5, recognised: true });
    // Kon Tum xã 1.7 (a = 1 < 2) and 1.8 (85% < 90%) hold xa-b at 4: registered 5 is not recognised.
    expect(levelUnit(fromCsv, "xa-b")).toMatchObject({ level: 4, registered: 5, recognised: false });
    // Registered 2 at level 3: recognised (xa-c).
    expect(levelUnit(fromCsv, "xa-c")).toMatchObject({ level: 3, registered: 2, recognised: true });
    // An empty registered level is none, not an unreported value: xa-f registers nothing.
    expect(levelUnit(fromCsv, "xa-f").registered).toBeUndefined();
    expect(read.warnings.filter((w) => w.code === "csvEmptyValues")).toEqual([]);
  });

  it("dti score filled.csv shows Đăng ký and Công nhận as for the YAML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-csv-units-"));
    const file = join(dir, "xa.csv");
    writeFileSync(file, filledCsv(ktYaml));
    const r = await dti("score", file, "--catalog", "kon-tum-2025/xa");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đăng ký\s+Công nhận/);
    expect(r.out).toMatch(/1\s+xa-a\s+Xã A\s+5 Toàn diện\s+5\s+Có/);
    expect(r.out).toMatch(/2\s+xa-b\s+Xã B\s+4 Nâng cao\s+5\s+Không/);
    const yaml = await dti("score", "fixtures/kon-tum-2025-xa.sample.yaml");
    expect(r.out.slice(r.out.indexOf("Hạng"))).toBe(yaml.out.slice(yaml.out.indexOf("Hạng")));
  });

  it("a registered level that is not a whole 1–5 is refused with its row; a unit field that does not exist too", async () => {
    const base = filledCsv(ktYaml).split(/\r?\n/);
    // Row 2 is xa-a's registered level (the header is row 1).
    expect(base[1]).toBe("2025,xa-a,Xã A,,unit,registered,5");
    const bad = (cells: string[]) => [base[0], ...base.slice(1).map((l) => (l === base[1] ? cells.join(",") : l))].join("\n");
    for (const value of ["6", "0", "4.0", "mức 4", "n/a"]) {
      try {
        readCsvDataset(bad(["2025", "xa-a", "Xã A", "", "unit", "registered", value]), kt, { file: "xa.csv" });
        expect.unreachable(value);
      } catch (e) {
        expect(e).toBeInstanceOf(DatasetError);
        expect((e as DatasetError).issues.map((i) => [i.code, i.where.row, i.where.unit, i.received])).toEqual([
          ["badRegistered", 2, "xa-a", value],
        ]);
      }
    }
    try {
      readCsvDataset(bad(["2025", "xa-a", "Xã A", "", "unit", "registerd", "5"]), kt, { file: "xa.csv" });
      expect.unreachable();
    } catch (e) {
      const [issue] = (e as DatasetError).issues;
      expect([issue!.code, issue!.where.row, issue!.expected]).toEqual(["csvUnknownUnitField", 2, "registered, parent"]);
    }
    // Two registered levels for one unit: a conflict, as for any repeated row.
    const twice = filledCsv(ktYaml, [[2025, "xa-a", "Xã A", "", "unit", "registered", 4]]);
    expect(() => readCsvDataset(twice, kt)).toThrow(/registered/);
  });

  it("the CLI names the row of a bad registered level (vi and en), exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-csv-units-"));
    const file = join(dir, "xa.csv");
    writeFileSync(file, filledCsv(ktYaml).replace("2025,xa-a,Xã A,,unit,registered,5", "2025,xa-a,Xã A,,unit,registered,7"));
    const vi = await dti("score", file, "--catalog", "kon-tum-2025/xa");
    expect(vi.code).toBe(2);
    expect(vi.err).toContain("dòng 2");
    expect(vi.err).toContain("mức đăng ký phải từ 1 đến 5, nhận được 7");
    const en = await dti("score", file, "--catalog", "kon-tum-2025/xa", "--lang", "en");
    expect(en.err).toContain("row 2");
    expect(en.err).toContain("registered level must be 1–5, got 7");
  });
});
