// The `dti` command, run in-process through runMain (so coverage sees src/cli), plus the built
// bin dist/cli.js spawned as users run it (npm test builds first).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogError, DatasetError, getCatalog, loadCatalog, loadDataset, readingSets } from "../src/index.js";
import { dti } from "./_cli.js";

/** Runs the built bin. */
function dtiBuilt(...args: string[]) {
  const r = spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("dti score", () => {
  it("ranks the Đồng Nai Sở sample in a readable table (Vietnamese decimal comma)", async () => {
    const r = await dti("score", "fixtures/dong-nai-2023-so.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Hạng");
    expect(r.out).toMatch(/1\s+so-tttt\s+Sở Thông tin và Truyền thông\s+925,75/);
  });
  it("--format json gives decimal strings in the documented shape", async () => {
    const r = await dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.catalog).toBe("dong-nai-2023/so");
    expect(j.units[0]).toMatchObject({ id: "so-tttt", total: "925.75", rank: 1 });
    expect(j.units[0].indicators["6.3.2"]).toHaveProperty("score");
    expect(j.units[0].periods.Q1).toHaveProperty("total");
  });
  it("--format csv has one row per unit × indicator", async () => {
    const r = await dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "csv");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split(/\r?\n/);
    // The reading column is there when the catalog has readings (issue 13).
    const reading = readingSets(getCatalog("dong-nai-2023/so")).length ? ",reading" : "";
    expect(lines[0]).toBe(`catalog,unit_id,unit_name,rank,total,code,name,max,score${reading}`);
    expect(lines.length).toBe(1 + 3 * 66); // 3 units × 66 nodes (10 main, 40 components, 16 sub-components of 6.2–6.4)
  });
  it("Kon Tum: communes and their districts in one run, with levels, registration and blockers", async () => {
    const r = await dti("score", "fixtures/kon-tum-2025-huyen.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Mức đạt");
    expect(r.out).toMatch(/huyen-x\s+Huyện X\s+3 Cơ bản\s+4\s+Không/);
    expect(r.out).toContain("Chưa đạt mức 4");
    expect(r.out).toContain("cấp xã"); // the communes' block
  });
});

describe("bad input: one line per problem on stderr, exit 2, no stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-"));
  it("a dataset with several problems lists them all", async () => {
    const f = join(dir, "bad.yaml");
    writeFileSync(
      f,
      `catalog: dong-nai-2023/so\nyear: 2024\nperiods: [Q1]\nunits:\n  - id: x\n    name: X\n    data:\n      Q1:\n        "2.6": { a: 5, b: 4 }\n        "9.9.9": true\n        "2.1": "có"\n`,
    );
    const r = await dti("score", f);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(r.err).toContain("đơn vị x, kỳ Q1, chỉ số 2.6");
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
  it("English messages with --lang en", async () => {
    const f = join(dir, "bad2.yaml");
    writeFileSync(
      f,
      `catalog: dong-nai-2023/so\nyear: 2024\nperiods: [Q1]\nunits:\n  - id: x\n    name: X\n    data: { Q1: { "2.6": { a: 5, b: 4 } } }\n`,
    );
    const r = await dti("score", f, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain("unit x, period Q1, indicator 2.6");
    expect(r.err).toContain("larger than the denominator");
  });
  it("malformed YAML is a clear error", async () => {
    const f = join(dir, "broken.yaml");
    writeFileSync(f, "catalog: [unclosed\n");
    const r = await dti("score", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain("YAML");
  });
  it("a missing file and an unknown command are usage errors", async () => {
    expect((await dti("score", "nope.yaml")).code).toBe(2);
    const r = await dti("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage");
  });
});

describe("dti catalogs / validate / lint", () => {
  it("lists the built-in catalogs with totals", async () => {
    const r = await dti("catalogs");
    expect(r.code).toBe(0);
    for (const id of [
      "dong-nai-2023/so",
      "dong-nai-2023/huyen",
      "vinh-phuc-2022/so",
      "vinh-phuc-2022/huyen",
      "vinh-phuc-2022/xa",
      "quang-ngai-nghia-phuong-2023/xa",
      "hai-duong-2022/so",
      "hai-duong-2022/huyen",
      "kon-tum-2025/xa",
      "kon-tum-2025/huyen",
    ]) {
      expect(r.out).toContain(id);
    }
    expect(r.out).toContain("1025 (văn bản: 1000)");
  });
  it("validates a catalog file and a dataset", async () => {
    expect((await dti("validate", "catalogs/dong-nai-2023/huyen.yaml")).code).toBe(0);
    const r = await dti("validate", "fixtures/dong-nai-2023-huyen.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("OK");
  });
  it("lint passes on every built-in catalog and lists the interpretation notes", async () => {
    const r = await dti("lint");
    expect(r.code).toBe(0);
    expect(r.out).toContain("interpretation notes");
    expect(r.out).toContain("6.3.1");
  });
});

describe("decision support commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-ds-"));
  it("dti explain --unit --code", async () => {
    const r = await dti("explain", "fixtures/dong-nai-2023-so.sample.yaml", "--unit", "so-tc", "--code", "2.6");
    expect(r.code).toBe(0);
    expect(r.out).toContain("2.6: Q1: 1/2 = 50% × 30 = 15 điểm");
  });
  it("dti explain with an unknown unit is a usage error naming the units", async () => {
    const r = await dti("explain", "fixtures/dong-nai-2023-so.sample.yaml", "--unit", "nope");
    expect(r.code).toBe(2);
    expect(r.err).toContain("so-tttt");
  });
  it("dti gaps shows the points needed to pass the unit above and ways to get them", async () => {
    const r = await dti("gaps", "fixtures/dong-nai-2023-so.sample.yaml", "--unit", "so-vhttdl");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Cần thêm hơn 194,5 điểm để vượt Sở Tài chính");
    expect(r.out).toContain("Cách cải thiện");
  });
  it("dti whatif shows the new score and rank beside the old", async () => {
    const r = await dti("whatif", "fixtures/dong-nai-2023-so.sample.yaml", "--set", "so-vhttdl.Q4.10.1.achieved=5");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/so-vhttdl.*384.*429/);
  });
  it("dti compare two years", async () => {
    const a = join(dir, "y1.yaml");
    writeFileSync(a, readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8").replace(/^year: \d+/m, "year: 2023"));
    const r = await dti("compare", a, "fixtures/dong-nai-2023-so.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("2023 → 2024");
  });
  it("dti report --format html writes one self-contained page", async () => {
    const r = await dti("report", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "html");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
  });
  it("dti template → fill → dti score filled.csv --catalog", async () => {
    const t = await dti("template", "vinh-phuc-2022/so", "--format", "csv", "--year", "2022");
    expect(t.code).toBe(0);
    const lines = t.out.trim().split("\n");
    // Fill a few values: profile staff total and 2.1.
    const filled = lines.map((l, i) => {
      if (i === 0) return l;
      if (l.includes(",profile,staffTotal,")) return l.replace(",profile,staffTotal,,", ",profile,staffTotal,100,");
      return l;
    });
    const f = join(dir, "filled.csv");
    writeFileSync(f, filled.join("\n"));
    const r = await dti("score", f, "--catalog", "vinh-phuc-2022/so", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units[0].id).toBe("UNIT_ID");
    expect((await dti("score", f)).code).toBe(2); // CSV needs --catalog
  });
});

// Issue 11: `--engine reference` forces the decimal.js engine; the compiled fast path (the default)
// must print the very same bytes, on every command that scores.
describe("--engine fast|reference (issue 11)", () => {
  const so = "fixtures/dong-nai-2023-so.sample.yaml";
  const dir = mkdtempSync(join(tmpdir(), "dti-engine-"));
  const before = join(dir, "y1.yaml");
  writeFileSync(before, readFileSync(so, "utf8").replace(/^year: \d+/m, "year: 2023"));
  const runs: Record<string, string[]> = {
    "score table (Đồng Nai Sở)": ["score", so],
    "score json --full (Đồng Nai Sở, traces)": ["score", so, "--format", "json", "--full"],
    "score csv (Đồng Nai huyện)": ["score", "fixtures/dong-nai-2023-huyen.sample.yaml", "--format", "csv"],
    "score table (Kon Tum huyện with its communes: levels)": ["score", "fixtures/kon-tum-2025-huyen.sample.yaml"],
    "score json (Vĩnh Phúc xã, Nghĩa Phương xã)": [
      "score",
      "fixtures/vinh-phuc-2022-xa.sample.yaml",
      "fixtures/quang-ngai-nghia-phuong-2023-xa.sample.yaml",
      "--format",
      "json",
    ],
    "explain so-tc 2.6": ["explain", so, "--unit", "so-tc", "--code", "2.6"],
    "gaps so-vhttdl json": ["gaps", so, "--unit", "so-vhttdl", "--format", "json"],
    "whatif so-vhttdl 10.1": ["whatif", so, "--set", "so-vhttdl.Q4.10.1.achieved=5"],
    "compare two years": ["compare", before, so, "--format", "json"],
    "report md": ["report", so],
    validate: ["validate", so],
  };
  for (const [name, args] of Object.entries(runs)) {
    it(`${name}: --engine reference prints what the default prints`, async () => {
      const fast = await dti(...args);
      expect(fast.code).toBe(0);
      expect(fast.out.length).toBeGreaterThan(0);
      expect(await dti(...args, "--engine", "reference")).toEqual(fast);
      expect(await dti(...args, "--engine=fast")).toEqual(fast);
    });
  }
  it("the reference engine gives the sample's published totals (Đồng Nai Sở: 925,75 · 578,5 · 384)", async () => {
    const r = await dti("score", so, "--format", "json", "--engine", "reference");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units.map((u: { total: string }) => u.total)).toEqual(["925.75", "578.5", "384"]);
  });
  it("--engine slow: exit 2, one coded line naming fast, reference (vi and en), the usage, nothing on stdout", async () => {
    const r = await dti("score", so, "--engine", "slow");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.split("\n")[0]).toBe("--engine phải là một trong fast, reference; nhận được slow");
    expect(r.err).toContain("Usage (cách dùng): dti score");
    const en = await dti("score", so, "--engine=slow", "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err.split("\n")[0]).toBe("--engine must be one of fast, reference; got slow");
    expect(en.err).not.toMatch(/at .*\.[jt]s:\d+/);
  });
  it("--engine with no value, and on a command that does not score, are usage errors (exit 2)", async () => {
    const missing = await dti("score", so, "--engine", "--lang", "en");
    expect(missing.code).toBe(2);
    expect((await dti("score", so, "--engine")).code).toBe(2);
    const lint = await dti("lint", "dong-nai-2023/so", "--engine", "reference", "--lang", "en");
    expect(lint.code).toBe(2);
    expect(lint.err.split("\n")[0]).toMatch(/^unknown option --engine for dti lint/);
  });
});

describe("structure-only catalogs from the command line", () => {
  it("Hải Dương: the sample validates, and scoring it says the source publishes no formulas (exit 2)", async () => {
    expect((await dti("validate", "fixtures/hai-duong-2022-huyen.sample.yaml")).code).toBe(0);
    const r = await dti("score", "fixtures/hai-duong-2022-so.sample.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toContain("chỉ có cấu trúc");
  });
});

describe("the built bin dist/cli.js", () => {
  it("scores a dataset as a child process (exit 0, stdout)", async () => {
    const r = dtiBuilt("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format=json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units.map((u: { total: string }) => u.total)).toEqual(["925.75", "578.5", "384"]);
  });
  it("--version prints the version of package.json; bad input exits 2 without a stack trace", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const v = dtiBuilt("--version");
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(version);
    const r = dtiBuilt("catalogs", "--format", "xml");
    expect(r.code).toBe(2);
    expect(r.err).toContain("table, json");
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
});

// Issue 10: a real warning (10.1 of dong-nai-2023/so is evaluated per year: its Q1 data is not
// used) must reach every output, each naming its file and place.
const WARNED = `catalog: dong-nai-2023/so
year: 2024
periods: [Q1, Q2]
units:
  - id: so-a
    name: Sở A
    data:
      Q1: { "10.1": { achieved: 2, approved: 0 }, "2.1": true }
      Q2: { "10.1": { achieved: 3, approved: 0 }, "2.1": true }
`;
const PLACE = "unit so-a, period Q1, indicator 10.1";

describe("warnings reach every output (issue 10)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-warn-"));
  const f = join(dir, "d.yaml");
  writeFileSync(f, WARNED);
  it("score: a block after the table; JSON records with code and place; CSV keeps stdout clean, warnings on stderr", async () => {
    const table = await dti("score", f, "--lang", "en");
    expect(table.code).toBe(0);
    expect(table.out).toContain(`Warnings (1):\n  ! ${f}, ${PLACE}: indicator 10.1 is evaluated per year`);
    const json = JSON.parse((await dti("score", f, "--format", "json")).out);
    expect(json.warnings).toHaveLength(1);
    expect(json.warnings[0]).toMatchObject({ code: "notDue", where: { file: f, unit: "so-a", period: "Q1", indicator: "10.1" } });
    const csv = await dti("score", f, "--format", "csv", "--lang", "en");
    expect(csv.out).not.toContain("Warnings");
    expect(
      csv.out
        .trim()
        .split(/\r?\n/)
        .every((l) => l.startsWith("dong-nai-2023/so,") || l.startsWith("catalog,")),
    ).toBe(true);
    expect(csv.err).toContain(`${f}, ${PLACE}`);
  });
  it("--warnings writes a CSV companion a spreadsheet opens (UTF-8 BOM, one row per warning), empty but present without warnings", async () => {
    const w = join(dir, "w.csv");
    expect((await dti("score", f, "--format", "csv", "--warnings", w)).code).toBe(0);
    const text = readFileSync(w, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe("code,file,catalog,unit,period,indicator,field,path,message,severity");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`notDue,${f},,so-a,Q1,10.1,,units.0.data.Q1.10.1,`);
    expect((await dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--warnings", w)).code).toBe(0);
    expect(readFileSync(w, "utf8").slice(1).trim()).toBe("code,file,catalog,unit,period,indicator,field,path,message,severity");
  });
  it("reports: a Cảnh báo section in md and html (before the ranking), the list in json, stderr beside csv", async () => {
    const md = (await dti("report", f, "--format", "md")).out;
    expect(md.indexOf("## Cảnh báo (1)")).toBeGreaterThan(0);
    expect(md.indexOf("## Cảnh báo (1)")).toBeLessThan(md.indexOf("## Xếp hạng"));
    expect(md).toContain("đơn vị so-a, kỳ Q1, chỉ số 10.1");
    const html = (await dti("report", f, "--format", "html")).out;
    expect(html).toMatch(/<section id="warnings"[^>]*><h2>Cảnh báo \(1\)<\/h2>.*đơn vị so-a, kỳ Q1, chỉ số 10\.1/);
    expect(JSON.parse((await dti("report", f, "--format", "json")).out).result.warnings[0].where).toMatchObject({ file: f, unit: "so-a" });
    const csv = await dti("report", f, "--format", "csv");
    expect(csv.err).toContain("Cảnh báo (1):");
    expect(csv.out).not.toContain("Cảnh báo");
  });
  it("no warnings, no section: the sample's report is unchanged", async () => {
    expect((await dti("report", "fixtures/dong-nai-2023-so.sample.yaml")).out).not.toContain("Cảnh báo");
    expect((await dti("score", "fixtures/dong-nai-2023-so.sample.yaml")).out).not.toContain("Cảnh báo");
  });
});

describe("unreadable paths name the path (issue 10)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-paths-"));
  it("a directory is notAFile, exit 2, for the CLI and the API", async () => {
    const d = join(dir, "2024.yaml");
    mkdirSync(d);
    const r = await dti("score", d, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${d}: is a directory, not a file`);
    expect(() => loadDataset(d)).toThrow(DatasetError);
    expect(() => loadDataset(d)).toThrow(/is a directory/);
  });
  it.skipIf(process.getuid?.() === 0)("a file without read permission is unreadableFile (EACCES)", async () => {
    const f = join(dir, "locked.yaml");
    writeFileSync(f, WARNED);
    chmodSync(f, 0o000);
    const r = await dti("score", f, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}: cannot read the file: EACCES`);
  });
  it("a symlink loop is unreadableFile (ELOOP) naming the path", async () => {
    const f = join(dir, "loop.yaml");
    symlinkSync(f, f);
    const r = await dti("score", f, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}: cannot read the file: ELOOP`);
  });
  it("UTF-16 (Excel's 'Unicode text') and invalid UTF-8 bytes are notUtf8, never read with replacement characters", async () => {
    const u16 = join(dir, "u16.yaml");
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WARNED, "utf16le")]));
    const a = await dti("score", u16, "--lang", "en");
    expect(a.code).toBe(2);
    expect(a.err).toContain(`${u16}: is not UTF-8 text (UTF-16)`);
    const cp = join(dir, "cp1258.yaml");
    // "Sở" in Windows-1258 on line 6: 0xD5 alone is not UTF-8.
    writeFileSync(cp, Buffer.from(WARNED.replace("Sở A", "S\u00d5 A"), "latin1"));
    const b = await dti("score", cp, "--lang", "en");
    expect(b.code).toBe(2);
    expect(b.err).toContain(`${cp}: is not UTF-8 text (an invalid byte on line 6)`);
    expect(() => loadCatalog(cp)).toThrow(CatalogError);
  });
  it("loadCatalog(path): compile problems name the catalog file; loadCatalog(text, { file }) too", async () => {
    const cat = join(dir, "dup.yaml");
    const text = `id: t-2024/so\ntitle: T\nprovince: T\nlevel: so\ndocument: { number: "1", date: "2024-01-01" }\ntotal: 20\nindicators:\n  - { code: "1", name: A, max: 10, formula: { kind: yesNo } }\n  - { code: "1", name: B, max: 10, formula: { kind: yesNo } }\n`;
    writeFileSync(cat, text);
    for (const load of [() => loadCatalog(cat), () => loadCatalog(text, { file: "my.yaml" })]) {
      let e: unknown;
      try {
        load();
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(CatalogError);
      expect((e as CatalogError).issues[0]!.code).toBe("duplicateCode");
      expect([cat, "my.yaml"]).toContain((e as CatalogError).issues[0]!.where.file);
    }
  });
});

describe("a closed pipe ends quietly (issue 10)", () => {
  it("dti score … | head -1: exit 0, nothing on stderr (the built bin)", async () => {
    // Output far larger than a pipe's buffer, so that writes are still pending when the reader goes.
    const args = ["dist/cli.js", "score", ...Array<string>(8).fill("fixtures/dong-nai-2023-so.sample.yaml"), "--format", "json", "--full"];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(err).toBe("");
    expect(code).toBe(0);
  });
});
