// Issue 12, item 1: Excel workbooks in and out. A template is filled with exceljs as a person
// would (numbers as numbers, Có/Không and option labels as text) and must score exactly as the same
// values given as a YAML dataset; problems name their sheet and cell; the report workbook reads back
// with the totals `score` gives.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DatasetError, getCatalog, loadCatalog, score, type CompiledCatalog, type DatasetInput } from "../src/index.js";
import { readXlsxDataset, reportWorkbook, xlsxTemplate } from "../src/xlsx.js";
import { levelUnit, pointsUnit } from "./_units.js";
import { Dec } from "../src/_decimal.js";
import { dti } from "./_cli.js";

type Raw = { catalog: string; year: number; periods: string[]; units: RawUnit[] };
type RawUnit = {
  id: string;
  name: string;
  registered?: number;
  parent?: string;
  profile?: Record<string, unknown>;
  data: Record<string, Record<string, unknown>>;
};

/** The first `n` units of a sample dataset, as plain YAML values. */
function sample(file: string, n = 3): Raw {
  const raw = parse(readFileSync(file, "utf8")) as Raw;
  return { ...raw, units: raw.units.slice(0, n) };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

async function save(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Row 3's keys of a sheet: key → column. */
function keysOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const keys = new Map<string, number>();
  sheet.getRow(3).eachCell((cell, col) => keys.set(String(cell.value), col));
  return keys;
}

/** The row of a unit on a sheet (by its id in column A). */
function rowOf(sheet: ExcelJS.Worksheet, id: string): number {
  for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === id) return r;
  throw new Error(`no row for ${id} on ${sheet.name}`);
}

/**
 * Fills a template with a dataset's values, as a person would: a number as a number, true/false
 * as "Có"/"Không", an option by its label. Returns the dataset of what was written (a value the
 * template has no cell for, e.g. a yearly indicator's data in Q1, is not written).
 */
async function fill(bytes: Uint8Array, catalog: CompiledCatalog, raw: Raw): Promise<{ bytes: Uint8Array; written: DatasetInput }> {
  const book = await open(bytes);
  const guide = book.getWorksheet("Hướng dẫn")!;
  guide.getCell("B2").value = raw.year;
  const units: RawUnit[] = raw.units.map((u) => ({ id: u.id, name: u.name, data: {} }));
  raw.units.forEach((u, k) => {
    const out = units[k]!;
    const first = book.getWorksheet(raw.periods[0]!)!;
    const firstKeys = keysOf(first);
    const r0 = rowOf(first, u.id);
    if (u.registered !== undefined) {
      first.getCell(r0, firstKeys.get("registered")!).value = u.registered;
      out.registered = u.registered;
    }
    if (u.parent !== undefined) {
      first.getCell(r0, firstKeys.get("parent")!).value = u.parent;
      out.parent = u.parent;
    }
    for (const [f, v] of Object.entries(u.profile ?? {})) {
      const col = firstKeys.get(`profile.${f}`);
      if (col === undefined || v === null) continue;
      first.getCell(r0, col).value = v as ExcelJS.CellValue;
      (out.profile ??= {})[f] = v;
    }
    for (const [period, codes] of Object.entries(u.data)) {
      const sheet = book.getWorksheet(period)!;
      const keys = keysOf(sheet);
      const r = rowOf(sheet, u.id);
      for (const [code, value] of Object.entries(codes ?? {})) {
        const node = catalog.nodes.get(code)!;
        const given: Record<string, unknown> =
          value === "n/a"
            ? { [node.asked[0]!.name]: "n/a" }
            : value !== null && typeof value === "object"
              ? (value as Record<string, unknown>)
              : { [node.asked[0]!.name]: value };
        const wrote: Record<string, unknown> = {};
        for (const [field, v] of Object.entries(given)) {
          const col = keys.get(`${code}.${field}`);
          if (col === undefined || v === null || v === undefined) continue;
          const spec = node.fieldByName.get(field)!;
          const cell = sheet.getCell(r, col);
          if (typeof v === "boolean") cell.value = v ? "Có" : "Không";
          else if (spec.type === "option" && typeof v === "string" && v !== "n/a") cell.value = spec.optionLabels?.[v] ?? v;
          else cell.value = v as ExcelJS.CellValue;
          wrote[field] = v;
        }
        if (Object.keys(wrote).length) (out.data[period] ??= {})[code] = value === "n/a" ? "n/a" : wrote;
      }
    }
  });
  return { bytes: await save(book), written: { catalog: raw.catalog, year: raw.year, periods: raw.periods, units } as DatasetInput };
}

/** Template for the sample's units, filled, read back, scored; and the same values scored from the dataset. */
async function roundTrip(id: string, file: string, n = 3) {
  const catalog = getCatalog(id);
  const raw = sample(file, n);
  const bytes = await xlsxTemplate(catalog, { periods: raw.periods, units: raw.units.map((u) => ({ id: u.id, name: u.name })) });
  const filled = await fill(bytes, catalog, raw);
  const read = await readXlsxDataset(filled.bytes, catalog, { file: "filled.xlsx" });
  return { catalog, raw, read, fromXlsx: score(catalog, read.dataset), fromYaml: score(catalog, filled.written), written: filled.written };
}

describe("the xlsx template filled with exceljs scores as the same data in YAML", () => {
  it("Vĩnh Phúc xã (options by label, Có/Không, shares, profile): totals 906, 610.1, 308.75 as the sample's", async () => {
    const { fromXlsx, fromYaml, read } = await roundTrip("vinh-phuc-2022/xa", "fixtures/vinh-phuc-2022-xa.sample.yaml");
    expect(fromXlsx).toEqual(fromYaml);
    // The sample's hand-computed totals (test/catalogs/vinh-phuc-2022-xa.test.ts).
    expect(pointsUnit(fromXlsx, "phuong-lien-bao").total).toBe("906");
    expect(fromXlsx.units.map((u) => (u.scoring === "points" ? u.total : ""))).toEqual(["906", "610.1", "308.75"]);
    // Labels are what the dropdowns ask for: no optionByLabel warning.
    expect(read.warnings.filter((w) => w.code === "optionByLabel")).toEqual([]);
  });

  it("Đồng Nai huyện (four quarter sheets, n/a, yearly indicators on Q4)", async () => {
    const { fromXlsx, fromYaml, read } = await roundTrip("dong-nai-2023/huyen", "fixtures/dong-nai-2023-huyen.sample.yaml");
    expect(fromXlsx).toEqual(fromYaml);
    expect(read.dataset.periods).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    // The sample with every value it gives (some outside the template's due cells) scores the same totals.
    const full = score(getCatalog("dong-nai-2023/huyen"), sample("fixtures/dong-nai-2023-huyen.sample.yaml") as DatasetInput);
    expect(fromXlsx.units.map((u) => [u.id, u.rank, u.scoring === "points" ? u.total : ""])).toEqual(
      full.units.map((u) => [u.id, u.rank, u.scoring === "points" ? u.total : ""]),
    );
  });

  it("Kon Tum xã (registered level → Công nhận): xa-a 5 recognised, xa-b 4 of 5 not, xa-c 3 of 2 recognised", async () => {
    const { fromXlsx, fromYaml, read } = await roundTrip("kon-tum-2025/xa", "fixtures/kon-tum-2025-xa.sample.yaml");
    expect(fromXlsx).toEqual(fromYaml);
    expect(read.dataset.units[0]!.registered).toBe(5);
    expect(levelUnit(fromXlsx, "xa-a")).toMatchObject({ level: 5, registered: 5, recognised: true });
    // Kon Tum xã 1.7 (a = 1 < 2) and 1.8 (85% < 90%) hold xa-b at 4: registered 5 is not recognised.
    expect(levelUnit(fromXlsx, "xa-b")).toMatchObject({ level: 4, registered: 5, recognised: false });
    expect(levelUnit(fromXlsx, "xa-c")).toMatchObject({ level: 3, registered: 2, recognised: true });
  });
});

/** The Vĩnh Phúc xã template filled with the sample's first 3 units, opened with exceljs for changes. */
async function filledVinhPhuc() {
  const catalog = getCatalog("vinh-phuc-2022/xa");
  const raw = sample("fixtures/vinh-phuc-2022-xa.sample.yaml");
  const template = await xlsxTemplate(catalog, { periods: ["Y"], units: raw.units.map((u) => ({ id: u.id, name: u.name })) });
  const { bytes } = await fill(template, catalog, raw);
  const book = await open(bytes);
  const sheet = book.getWorksheet("Y")!;
  const keys = keysOf(sheet);
  const ref = (key: string, row: number) => `Y!${sheet.getCell(row, keys.get(key)!).address}`;
  return { catalog, book, sheet, keys, ref };
}

/** The issues a workbook is refused with. */
async function refused(bytes: Uint8Array, catalog: CompiledCatalog) {
  const e = await readXlsxDataset(bytes, catalog, { file: "filled.xlsx" }).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DatasetError);
  return (e as DatasetError).issues;
}

describe("problems of a filled workbook name their sheet and cell, all at once", () => {
  it("a wrong key, a text in a count, a formula without result, a unit row twice: four issues in one error", async () => {
    const { catalog, book, sheet, keys, ref } = await filledVinhPhuc();
    // Row 3 is the key row: 1.3.1.a renamed.
    const renamed = keys.get("1.3.1.a")!;
    sheet.getCell(3, renamed).value = "1.3.1.z";
    // A count typed as words (phuong-lien-bao is row 4).
    sheet.getCell(4, keys.get("1.4.a")!).value = "năm";
    // A formula saved without its result.
    sheet.getCell(5, keys.get("2.5.conferences")!).value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    // The third unit's row pasted again below.
    const copy = sheet.getRow(8);
    sheet.getRow(6).eachCell((cell, col) => (copy.getCell(col).value = cell.value));
    const issues = await refused(await save(book), catalog);
    const codes = issues.map((i) => [i.code, i.where.cell, i.where.file]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["csvUnknownColumn", `Y!${sheet.getCell(3, renamed).address}`, "filled.xlsx"],
        ["csvNotANumber", ref("1.4.a", 4), "filled.xlsx"],
        ["xlsxFormulaNoResult", ref("2.5.conferences", 5), "filled.xlsx"],
        ["csvDuplicateUnitRow", "Y!A8", "filled.xlsx"],
      ]),
    );
    expect(issues).toHaveLength(4);
    expect(issues.find((i) => i.code === "csvNotANumber")!.where).toMatchObject({ unit: "phuong-lien-bao", indicator: "1.4", field: "a" });
    expect(issues.find((i) => i.code === "csvDuplicateUnitRow")!.detail).toBe("Y!A6");
    expect(issues.find((i) => i.code === "xlsxFormulaNoResult")!.message).toMatch(/^filled\.xlsx, Y!\w+5, unit/);
  });

  it("a workbook made for another catalog is refused with xlsxOtherCatalog at _meta!B3", async () => {
    const other = await xlsxTemplate(getCatalog("vinh-phuc-2022/huyen"), { year: 2023 });
    const issues = await refused(other, getCatalog("vinh-phuc-2022/xa"));
    expect(issues.map((i) => [i.code, i.where.cell, i.received, i.expected])).toEqual([
      ["xlsxOtherCatalog", "_meta!B3", "vinh-phuc-2022/huyen", "vinh-phuc-2022/xa"],
    ]);
  });

  it("a date and a percentage in a count are refused with their cells", async () => {
    const { catalog, book, sheet, keys, ref } = await filledVinhPhuc();
    // A date as Excel keeps it: a number with a date format.
    const date = sheet.getCell(4, keys.get("1.4.a")!);
    date.value = new Date(Date.UTC(2023, 4, 5));
    date.style = { ...date.style, numFmt: "dd/mm/yyyy" };
    const pct = sheet.getCell(5, keys.get("1.4.a")!);
    pct.value = 0.5;
    // A style of its own: a loaded workbook's cells share their style objects.
    pct.style = { ...pct.style, numFmt: "0%" };
    const issues = await refused(await save(book), catalog);
    expect(issues.map((i) => [i.code, i.where.cell, i.received])).toEqual([
      ["xlsxDateCell", ref("1.4.a", 4), "2023-05-05"],
      ["xlsxPercentCell", ref("1.4.a", 5), "50%"],
    ]);
  });
});

describe("cell values are read exactly as stored", () => {
  it("0.1, 1234.5 and 1e-7 as typed; 85% in a share is 0.85; a formula's saved result; '12,5' with --numbers vi", async () => {
    const { catalog, book, sheet, keys } = await filledVinhPhuc();
    // Vĩnh Phúc xã 6.1.a (number), 6.10.a (amount), 6.8.a (share, a fraction), 1.4.a (count).
    sheet.getCell(4, keys.get("6.1.a")!).value = 0.1;
    sheet.getCell(5, keys.get("6.1.a")!).value = 1234.5;
    sheet.getCell(6, keys.get("6.1.a")!).value = 1e-7;
    sheet.getCell(4, keys.get("6.10.a")!).value = "12,5";
    sheet.getCell(4, keys.get("6.8.a")!).value = 0.85; // shown as 85.0% by the template's format
    sheet.getCell(5, keys.get("1.4.a")!).value = { formula: "2+3", result: 5 } as ExcelJS.CellFormulaValue;
    // 0.1 + 0.2 computed by a formula is stored as 0.30000000000000004: read as Excel shows and
    // compares it, to 15 significant digits (0.3), with a warning naming the cell and the stored number.
    sheet.getCell(6, keys.get("6.10.a")!).value = { formula: "0.1+0.2", result: 0.1 + 0.2 } as ExcelJS.CellFormulaValue;
    const read = await readXlsxDataset(await save(book), catalog, { numberFormat: "vi" });
    const y = (u: number, code: string) =>
      (read.dataset.units[u]!.data as Record<string, Record<string, Record<string, unknown>>>)["Y"]![code];
    expect(y(0, "6.1")).toEqual({ a: 0.1 });
    expect(y(1, "6.1")).toEqual({ a: 1234.5 });
    expect(y(2, "6.1")).toEqual({ a: "0.0000001" });
    expect(y(0, "6.10")).toEqual({ a: 12.5 });
    expect(y(0, "6.8")).toEqual({ a: 0.85 });
    expect(y(1, "1.4")).toMatchObject({ a: 5 });
    expect(y(2, "6.10")).toEqual({ a: 0.3 });
    expect(read.warnings.filter((w) => w.code === "xlsxFormulaRounded").map((w) => [w.where.unit, w.received, w.expected])).toEqual([
      [read.dataset.units[2]!.id, "0.30000000000000004", "0.3"],
    ]);
  });
});

describe("a cell with a link is read as its text", () => {
  it("a linked 12 (a number) and a linked rich text '1' '3' are 12 and 13, never dropped (Vĩnh Phúc xã 6.1.a)", async () => {
    const { catalog, book, sheet, keys } = await filledVinhPhuc();
    sheet.getCell(4, keys.get("6.1.a")!).value = { text: 12, hyperlink: "https://example.org/a" } as unknown as ExcelJS.CellHyperlinkValue;
    sheet.getCell(5, keys.get("6.1.a")!).value = {
      text: { richText: [{ text: "1" }, { text: "3" }] },
      hyperlink: "https://example.org/b",
    } as unknown as ExcelJS.CellHyperlinkValue;
    const read = await readXlsxDataset(await save(book), catalog);
    const y = (u: number) => (read.dataset.units[u]!.data as Record<string, Record<string, Record<string, unknown>>>)["Y"]!["6.1"];
    expect([y(0), y(1)]).toEqual([{ a: 12 }, { a: 13 }]);
  });
});

/** A sheet's rows as cell values (header first). */
function valuesOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("the report workbook reads back with the totals and ranks of score", () => {
  it("Đồng Nai huyện: Xếp hạng totals and ranks as score's exact strings; points lost = max − points", async () => {
    const catalog = getCatalog("dong-nai-2023/huyen");
    const result = score(catalog, sample("fixtures/dong-nai-2023-huyen.sample.yaml") as DatasetInput);
    const book = await open(await reportWorkbook(result, catalog));
    expect(book.worksheets.map((s) => s.name)).toEqual(["Xếp hạng", "Điểm theo chỉ số", "Điểm bị mất", "Cảnh báo"]);
    const ranking = book.getWorksheet("Xếp hạng")!;
    const rows = valuesOf(ranking).slice(1);
    expect(rows.map((r) => [r[0], r[1], String(r[4])])).toEqual(
      result.units.map((u) => [u.rank, u.id, u.scoring === "points" ? u.total : ""]),
    );
    expect(ranking.getCell("E2").numFmt).toBe("0.00");
    // Per main indicator: points, and max − points, add up to the total and to max − total.
    const scores = valuesOf(book.getWorksheet("Điểm theo chỉ số")!).slice(1);
    const lost = valuesOf(book.getWorksheet("Điểm bị mất")!).slice(1);
    result.units.forEach((u, k) => {
      const p = pointsUnit(result, u.id);
      const sum = (row: unknown[]) => row.slice(3).reduce((a: Dec, v) => a.plus(String(v)), new Dec(0));
      expect(sum(scores[k]!).toFixed()).toBe(p.total);
      expect(sum(lost[k]!).toFixed()).toBe(new Dec(p.max).minus(p.total).toFixed());
    });
  });

  it("Kon Tum xã: level reached, registered and Công nhận instead of points", async () => {
    const catalog = getCatalog("kon-tum-2025/xa");
    const result = score(catalog, sample("fixtures/kon-tum-2025-xa.sample.yaml", 6) as DatasetInput);
    const book = await open(await reportWorkbook(result, catalog));
    const rows = valuesOf(book.getWorksheet("Xếp hạng")!);
    expect(rows[0]).toEqual(["Hạng", "Mã đơn vị", "Tên đơn vị", "Đơn vị cấp trên", "Mức đạt", "Tên mức", "Mức đăng ký", "Công nhận"]);
    expect(rows.find((r) => r[1] === "xa-a")!.slice(4)).toEqual([5, "Toàn diện", 5, "Có"]);
    expect(rows.find((r) => r[1] === "xa-b")!.slice(4)).toEqual([4, "Nâng cao", 5, "Không"]);
  });
});

// Vĩnh Phúc QĐ 2074/QĐ-UBND, Phụ lục 3: xã 4 "Nhân lực số | 105" has items worth 130; the
// reading clampToDeclared clamps the group to the declared 105 (unit max 1000).
describe("the report workbook under a reading that changes a main indicator's max (Vĩnh Phúc xã 4 clampToDeclared)", () => {
  const check = async (book: ExcelJS.Workbook) => {
    const result = score(getCatalog("vinh-phuc-2022/xa"), sample("fixtures/vinh-phuc-2022-xa.sample.yaml") as DatasetInput, {
      readings: { "4": "clampToDeclared" },
    });
    const scores = valuesOf(book.getWorksheet("Điểm theo chỉ số")!);
    const lost = valuesOf(book.getWorksheet("Điểm bị mất")!);
    expect(scores[0]![6]).toBe("4. Nhân lực số (105)");
    expect(lost[0]![6]).toBe("4. Nhân lực số (105)");
    result.units.forEach((u, k) => {
      const p = pointsUnit(result, u.id);
      // 4 lost = 105 − its points (Phường Liên Bảo: 105 of 105, nothing lost); the row adds up to max − total.
      expect(String(lost[k + 1]![6])).toBe(new Dec(105).minus(p.indicators["4"]!.score).toFixed());
      const sum = (row: unknown[]) => row.slice(3).reduce((a: Dec, v) => a.plus(String(v)), new Dec(0));
      expect(sum(lost[k + 1]!).toFixed()).toBe(new Dec(p.max).minus(p.total).toFixed());
    });
    expect(lost.find((r) => r[1] === "phuong-lien-bao")![6]).toBe(0);
  };
  it("dti report --reading 4=clampToDeclared --format xlsx", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-xlsx-"));
    const data = join(dir, "xa.json");
    writeFileSync(data, JSON.stringify(sample("fixtures/vinh-phuc-2022-xa.sample.yaml")));
    const out = join(dir, "bao-cao.xlsx");
    const r = await dti("report", data, "--reading", "4=clampToDeclared", "--format", "xlsx", "-o", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    await check(await open(new Uint8Array(readFileSync(out))));
  });
  it("reportWorkbook(result, catalog as encoded): the result's readings are the ones in force", async () => {
    const catalog = getCatalog("vinh-phuc-2022/xa");
    const result = score(catalog, sample("fixtures/vinh-phuc-2022-xa.sample.yaml") as DatasetInput, {
      readings: { "4": "clampToDeclared" },
    });
    await check(await open(await reportWorkbook(result, catalog)));
  });
});

describe("dti template / score / report with workbooks (runMain)", () => {
  it("template -o, fill, score filled.xlsx as the YAML, report --format xlsx -o; a workbook without -o is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dti-xlsx-"));
    const raw = sample("fixtures/dong-nai-2023-huyen.sample.yaml");
    const roster = join(dir, "roster.csv");
    writeFileSync(roster, `unit_id,unit_name\n${raw.units.map((u) => `${u.id},${u.name}`).join("\n")}\n`);
    const tpl = join(dir, "mau.xlsx");
    const t = await dti("template", "dong-nai-2023/huyen", "--format", "xlsx", "--units", roster, "--year", "2024", "-o", tpl);
    expect([t.code, t.err]).toEqual([0, ""]);
    const catalog = getCatalog("dong-nai-2023/huyen");
    const { bytes, written } = await fill(new Uint8Array(readFileSync(tpl)), catalog, raw);
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, bytes);
    const yaml = join(dir, "same.json");
    writeFileSync(yaml, JSON.stringify(written));
    const fromXlsx = await dti("score", filled, "--format", "json");
    const fromYaml = await dti("score", yaml, "--format", "json");
    expect(fromXlsx.code).toBe(0);
    expect(JSON.parse(fromXlsx.out).units).toEqual(JSON.parse(fromYaml.out).units);
    const report = join(dir, "bao-cao.xlsx");
    const r = await dti("report", filled, "--format", "xlsx", "-o", report);
    expect([r.code, r.err]).toEqual([0, ""]);
    const book = await open(new Uint8Array(readFileSync(report)));
    const totals = valuesOf(book.getWorksheet("Xếp hạng")!)
      .slice(1)
      .map((row) => `${row[0]} ${row[1]} ${row[4]}`);
    const table = await dti("score", filled, "--format", "csv");
    const csvTotals = table.out
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    expect(totals).toEqual([...new Set(csvTotals.map((c) => `${c[3]} ${c[1]} ${c[4]}`))]);
    const noOut = await dti("template", "dong-nai-2023/huyen", "--format", "xlsx");
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(/^tệp Excel là tệp nhị phân: hãy dùng -o/);
  });

  it("score filled.xlsx with a negative count: exit 2, the cell named, no stack trace", async () => {
    const { book, sheet, keys, ref } = await filledVinhPhuc();
    sheet.getCell(4, keys.get("1.4.a")!).value = -3;
    const dir = mkdtempSync(join(tmpdir(), "dti-xlsx-"));
    const file = join(dir, "filled.xlsx");
    writeFileSync(file, await save(book));
    const r = await dti("score", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}, ${ref("1.4.a", 4)}, unit phuong-lien-bao, period Y, indicator 1.4, field a`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe("percentage cells in a percent field (0–100)", () => {
  it("85% shown is read 85; a plain 85 is 85; the same in a share (fraction) is 0.85", async () => {
    const catalog = loadCatalog(`
id: test/percent
title: Percent fields
province: Test
level: so
document: { number: 1/QĐ, date: "2024-01-01" }
defaults: { cadence: year }
indicators:
  - code: "1"
    name: Tỷ lệ (phần trăm)
    max: 10
    inputs:
      p: { label: Tỷ lệ tự đánh giá, type: percent }
    formula: { kind: bands, value: p, bands: [{ gte: 50, share: 1 }, { lt: 50, share: 0 }] }
  - code: "2"
    name: Tỷ lệ (phân số)
    max: 10
    inputs:
      s: { label: Tỷ lệ văn bản điện tử, type: share }
    formula: { kind: ratio, value: s }
`);
    const template = await xlsxTemplate(catalog, {
      year: 2024,
      units: [
        { id: "u1", name: "U1" },
        { id: "u2", name: "U2" },
      ],
    });
    const book = await open(template);
    const sheet = book.getWorksheet("Y")!;
    const keys = keysOf(sheet);
    const shown = sheet.getCell(4, keys.get("1.p")!);
    shown.value = 0.85;
    shown.style = { ...shown.style, numFmt: "0%" };
    sheet.getCell(5, keys.get("1.p")!).value = 85;
    sheet.getCell(4, keys.get("2.s")!).value = 0.85; // the template formats shares as 0.0%
    const read = await readXlsxDataset(await save(book), catalog);
    const y = (k: number) => (read.dataset.units[k]!.data as Record<string, Record<string, Record<string, unknown>>>)["Y"];
    expect(y(0)).toEqual({ "1": { p: 85 }, "2": { s: 0.85 } });
    expect(y(1)).toEqual({ "1": { p: 85 } });
  });
});

describe("--skip-invalid with a workbook", () => {
  it("a unit with a date in a count is left out with its cell; the others are scored (exit 3)", async () => {
    const { book, sheet, keys, ref } = await filledVinhPhuc();
    const date = sheet.getCell(5, keys.get("1.4.a")!);
    date.value = new Date(Date.UTC(2023, 1, 3));
    date.style = { ...date.style, numFmt: "dd/mm/yyyy" };
    const dir = mkdtempSync(join(tmpdir(), "dti-xlsx-"));
    const file = join(dir, "filled.xlsx");
    writeFileSync(file, await save(book));
    const r = await dti("score", file, "--skip-invalid", "--format", "json", "--lang", "en");
    expect(r.code).toBe(3);
    const out = JSON.parse(r.out) as {
      units: { id: string }[];
      rejected: { id: string; issues: { code: string; where: { cell: string } }[] }[];
    };
    const ids = sample("fixtures/vinh-phuc-2022-xa.sample.yaml").units.map((u) => u.id);
    expect(out.units.map((u) => u.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(out.rejected.map((x) => [x.id, x.issues.map((i) => [i.code, i.where.cell])])).toEqual([
      [ids[1], [["xlsxDateCell", ref("1.4.a", 5)]]],
    ]);
  });
});
