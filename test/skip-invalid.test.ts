// Issue 12, item 5: `score(…, { skipInvalid: true })` and `dti score --skip-invalid` score the
// valid units and list every rejected unit with all its problems (stderr, every output), exit 3.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DatasetError, getCatalog, loadDataset, readCsvDataset, score, type Dataset } from "../src/index.js";
import { levelUnit, pointsUnit } from "./_units.js";
import { dti } from "./_cli.js";

const dir = mkdtempSync(join(tmpdir(), "dti-skip-"));
const text = (name: string) => readFileSync(`fixtures/${name}.sample.yaml`, "utf8");
const dnHuyen = getCatalog("dong-nai-2023/huyen");
const dnHuyenData = loadDataset(text("dong-nai-2023-huyen"));

/** The Đồng Nai huyện sample with one bad cell: Biên Hòa's Q1 3.4 a = "abc" (a count). */
function withBadCell(): Dataset {
  const d = structuredClone(dnHuyenData) as Dataset;
  const q1 = d.units[0]!.data["Q1"] as Record<string, unknown>;
  q1["3.4"] = { ...(q1["3.4"] as object), a: "abc" };
  return d;
}

describe("score(…, { skipInvalid: true })", () => {
  it("one bad cell (Đồng Nai huyện 3.4 a) leaves Biên Hòa out; the others score as a dataset without it", async () => {
    const r = score(dnHuyen, withBadCell(), { skipInvalid: true });
    expect(r.units.map((u) => u.id)).toEqual(["long-khanh", "trang-bom"]);
    expect(r.rejected?.map((x) => [x.id, x.name, x.issues.map((i) => [i.code, i.where.period, i.where.indicator, i.where.field])])).toEqual(
      [["bien-hoa", "UBND thành phố Biên Hòa", [["expectedCount", "Q1", "3.4", "a"]]]],
    );
    // Ranked among themselves: 8.10 is relative to the best unit left (Long Khánh 695.025, not 678.775).
    const without = score(dnHuyen, { ...dnHuyenData, units: dnHuyenData.units.slice(1) });
    expect(r.units).toEqual(without.units);
    expect(pointsUnit(r, "long-khanh")).toMatchObject({ total: "695.025", rank: 1 });
    expect(pointsUnit(r, "trang-bom")).toMatchObject({ total: "360.916667", rank: 2 });
  });

  it("a valid dataset gives the strict result and an empty rejected list", async () => {
    const r = score(dnHuyen, dnHuyenData, { skipInvalid: true });
    expect(r.rejected).toEqual([]);
    expect(r.units).toEqual(score(dnHuyen, dnHuyenData).units);
    // Without the option: the strict result, no rejected list, and the bad cell refuses the dataset.
    expect(score(dnHuyen, dnHuyenData).rejected).toBeUndefined();
    expect(() => score(dnHuyen, withBadCell())).toThrow(DatasetError);
  });

  it("a unit without a name (a shape problem before its id is read) is rejected by its place", async () => {
    const d = structuredClone(dnHuyenData) as Dataset;
    delete (d.units[2] as { name?: string }).name;
    const r = score(dnHuyen, d, { skipInvalid: true });
    expect(r.units.map((u) => u.id)).toEqual(["bien-hoa", "long-khanh"]);
    expect(r.rejected?.map((x) => [x.id, x.issues.map((i) => i.path.join("."))])).toEqual([["trang-bom", ["units.2.name"]]]);
  });

  it("problems not tied to a unit still throw: bad periods (Q1, Q9)", async () => {
    const d = { ...withBadCell(), periods: ["Q1", "Q9"] };
    try {
      score(dnHuyen, d, { skipInvalid: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      expect((e as DatasetError).issues.map((i) => i.code)).toContain("badPeriods");
    }
  });

  it("every unit bad: nothing left to score, the dataset is refused with every problem", async () => {
    const d = structuredClone(dnHuyenData) as Dataset;
    for (const u of d.units) (u.data["Q1"] as Record<string, unknown>)["99.9"] = true;
    expect(() => score(dnHuyen, d, { skipInvalid: true })).toThrow(/99\.9/);
  });

  it("Kon Tum huyện: a district with registered 9 is rejected, its communes with it (parentRejected), the other district scores", async () => {
    const kt = getCatalog("kon-tum-2025/huyen");
    const d = loadDataset(text("kon-tum-2025-huyen"));
    const bad = { ...d, units: d.units.map((u) => (u.id === "huyen-x" ? { ...u, registered: 9 } : u)) };
    const r = score(kt, bad, { skipInvalid: true });
    expect(r.units.map((u) => u.id)).toEqual(["huyen-y", "hy-xa-1", "hy-xa-2", "hy-xa-3"]);
    expect(r.rejected?.map((x) => [x.id, x.issues.map((i) => [i.code, i.received])])).toEqual([
      ["huyen-x", [["badRegistered", "9"]]],
      ...["hx-xa-1", "hx-xa-2", "hx-xa-3", "hx-xa-4"].map((id) => [id, [["parentRejected", "huyen-x"]]]),
    ]);
    // huyen-y's level is its own and its communes': unchanged by huyen-x's rejection.
    expect(levelUnit(r, "huyen-y").level).toBe(levelUnit(score(kt, d), "huyen-y").level);
  });
});

/** The Kon Tum xã sample as a filled CSV (unit rows for registrations, then the inputs). */
function ktCsv(edit: (rows: (string | number)[][]) => void = () => {}): string {
  const kt = getCatalog("kon-tum-2025/xa");
  const ds = loadDataset(text("kon-tum-2025-xa"));
  const rows: (string | number)[][] = [];
  for (const u of ds.units) {
    rows.push([ds.year, u.id, u.name, "", "unit", "registered", u.registered ?? ""]);
    for (const [period, codes] of Object.entries(u.data))
      for (const [code, value] of Object.entries(codes ?? {}))
        if (typeof value === "boolean")
          rows.push([ds.year, u.id, u.name, period, code, kt.nodes.get(code)!.fields[0]!.name, String(value)]);
        else for (const [f, v] of Object.entries(value as object)) rows.push([ds.year, u.id, u.name, period, code, f, String(v)]);
  }
  edit(rows);
  return Papa.unparse({ fields: ["year", "unit_id", "unit_name", "period", "code", "field", "value"], data: rows });
}

/** The CSV row (the header is row 1) of Xã B's Kon Tum xã 1.1 a, set by badXaB. */
let badRow = 0;
/** Xã B's Kon Tum xã 1.1 a written as "mười" (not a number). */
const badXaB = (rows: (string | number)[][]) => {
  const k = rows.findIndex((r) => r[1] === "xa-b" && r[4] === "1.1" && r[5] === "a");
  rows[k]![6] = "mười";
  badRow = k + 2;
};

describe("CSV datasets with skipInvalid (Kon Tum xã)", () => {
  it("a unit whose cell the reader refuses is left out with its row; the others read and score as the YAML", async () => {
    const kt = getCatalog("kon-tum-2025/xa");
    const csv = ktCsv(badXaB);
    expect(() => readCsvDataset(csv, kt)).toThrow(DatasetError);
    const read = readCsvDataset(csv, kt, { file: "xa.csv", skipInvalid: true });
    expect(read.rejected?.map((x) => [x.id, x.name, x.issues.map((i) => [i.code, i.where.row, i.where.indicator])])).toEqual([
      ["xa-b", "Xã B", [["csvNotANumber", badRow, "1.1"]]],
    ]);
    const yaml = loadDataset(text("kon-tum-2025-xa"));
    const expected = score(kt, { ...yaml, units: yaml.units.filter((u) => u.id !== "xa-b") });
    expect(score(kt, read.dataset).units).toEqual(expected.units);
  });
});

describe("dti score --skip-invalid", () => {
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify(withBadCell()));

  it("table: the valid units, then the rejected ones with every problem; the same on stderr; exit 3", async () => {
    const r = await dti("score", bad, "--skip-invalid");
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/1\s+long-khanh\s+UBND thành phố Long Khánh\s+695,03/);
    expect(r.out).not.toMatch(/^\s+\d+\s+bien-hoa/m);
    expect(r.out).toContain("Đơn vị bị loại, không được chấm (1):\n  ✗ bien-hoa (UBND thành phố Biên Hòa):");
    expect(r.out).toContain(`${bad}, đơn vị bien-hoa, kỳ Q1, chỉ số 3.4, trường a: cần một số nguyên ≥ 0, nhận được "abc"`);
    expect(r.err).toContain("✗ bien-hoa (UBND thành phố Biên Hòa):");
    expect(r.err).toContain("chỉ số 3.4, trường a");
    const en = await dti("score", bad, "--skip-invalid", "--lang", "en");
    expect(en.code).toBe(3);
    expect(en.err).toContain("Rejected units, not scored (1):");
    // Without the option the bad cell refuses the file (exit 2), as before.
    expect((await dti("score", bad)).code).toBe(2);
  });

  it("JSON: a `rejected` list with the unit id and its coded issues; CSV: stdout stays a plain CSV, the list on stderr", async () => {
    const j = await dti("score", bad, "--skip-invalid", "--format", "json");
    expect(j.code).toBe(3);
    const out = JSON.parse(j.out);
    expect(out.units.map((u: { id: string }) => u.id)).toEqual(["long-khanh", "trang-bom"]);
    expect(out.rejected).toHaveLength(1);
    expect(out.rejected[0]).toMatchObject({ id: "bien-hoa", name: "UBND thành phố Biên Hòa" });
    expect(out.rejected[0].issues[0]).toMatchObject({
      code: "expectedCount",
      where: { file: bad, unit: "bien-hoa", period: "Q1", indicator: "3.4", field: "a" },
    });
    const c = await dti("score", bad, "--skip-invalid", "--format", "csv");
    expect(c.code).toBe(3);
    expect(c.out).not.toContain("bien-hoa");
    // Đồng Nai huyện has readings (7.1, issue 13): a `reading` column names the one in force.
    expect(c.out.split(/\r?\n/)[0]).toBe("catalog,unit_id,unit_name,rank,total,code,name,max,score,reading");
    expect(c.err).toContain("✗ bien-hoa");
    const l = await dti("score", bad, "--skip-invalid", "--format", "jsonl");
    expect(JSON.parse(l.out.split("\n")[0]!).rejected[0].id).toBe("bien-hoa");
  });

  it("a filled CSV: the rejected unit names its row; exit 3", async () => {
    const file = join(dir, "xa.csv");
    writeFileSync(file, ktCsv(badXaB));
    const r = await dti("score", file, "--catalog", "kon-tum-2025/xa", "--skip-invalid", "--lang", "en");
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/1\s+xa-a\s+Xã A\s+5 Toàn diện/);
    // Xã A's rows come first: its registration and 57 inputs (rows 2–59), then Xã B's registration (60).
    expect(badRow).toBe(61);
    expect(r.err).toContain(`${file}, row 61, unit xa-b, period Y, indicator 1.1, field a: expected a number, got "mười"`);
  });

  it("dti help score documents exit code 3; JSON Lines input is refused with the option", async () => {
    const vi = await dti("help", "score");
    expect(vi.out).toContain("--skip-invalid");
    expect(vi.out).toContain("3 có đơn vị bị loại");
    expect((await dti("help", "score", "--lang", "en")).out).toContain("3 some units rejected");
    const lines = join(dir, "u.jsonl");
    writeFileSync(lines, '{"catalog":"dong-nai-2023/huyen","year":2024,"periods":["Q1"]}\n');
    const r = await dti("score", lines, "--skip-invalid");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--skip-invalid reads a YAML, JSON or CSV dataset");
  });
});

describe("dti report --skip-invalid, and the rejected units in --warnings", () => {
  const bad = join(dir, "bad-report.json");
  writeFileSync(bad, JSON.stringify(withBadCell()));

  it("md: a rejected section before the ranking; the valid units ranked among themselves; exit 3 and stderr", async () => {
    const r = await dti("report", bad, "--skip-invalid");
    expect(r.code).toBe(3);
    const section = r.out.indexOf("## Đơn vị bị loại, không được chấm (1)");
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(r.out.indexOf("## Xếp hạng"));
    expect(r.out).toContain("- **bien-hoa** (UBND thành phố Biên Hòa)\n  - **expectedCount**");
    // Đồng Nai huyện without Biên Hòa: Long Khánh 695.025 (8.10 relative to the best unit left) ranks first.
    expect(r.out).toMatch(/\| 1 \| UBND thành phố Long Khánh[^|]*\| 695,03 \|/);
    expect(r.err).toContain("✗ bien-hoa (UBND thành phố Biên Hòa):");
    // Without the option the bad cell refuses the report (exit 2), as before.
    expect((await dti("report", bad)).code).toBe(2);
  });

  it("html and json carry the rejected units; the gaps of the valid units are searched without the rejected one", async () => {
    const h = await dti("report", bad, "--skip-invalid", "--format", "html", "--lang", "en");
    expect(h.code).toBe(3);
    expect(h.out).toContain('<section class="warnings" id="rejected" role="alert"><h2>Rejected units, not scored (1)</h2>');
    expect(h.out).toContain("<strong>bien-hoa</strong>");
    const j = await dti("report", bad, "--skip-invalid", "--format", "json");
    const out = JSON.parse(j.out) as { result: { rejected: { id: string }[] }; units: { id: string; gaps: { rank: number } }[] };
    expect(out.result.rejected.map((x) => x.id)).toEqual(["bien-hoa"]);
    expect(out.units.map((u) => [u.id, u.gaps.rank])).toEqual([
      ["long-khanh", 1],
      ["trang-bom", 2],
    ]);
  });

  it("--warnings: each problem of a rejected unit is a row with severity `rejected` (score and report)", async () => {
    for (const command of ["score", "report"]) {
      const w = join(dir, `${command}-w.csv`);
      expect((await dti(command, bad, "--skip-invalid", "--format", "csv", "--warnings", w)).code).toBe(3);
      const rows = Papa.parse<Record<string, string>>(readFileSync(w, "utf8").slice(1), { header: true, skipEmptyLines: true }).data;
      expect(
        rows.filter((x) => x["severity"] === "rejected").map((x) => [x["code"], x["unit"], x["period"], x["indicator"], x["field"]]),
      ).toEqual([["expectedCount", "bien-hoa", "Q1", "3.4", "a"]]);
    }
  });
});
