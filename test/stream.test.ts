// Streaming (issue 11): a JSON Lines dataset scored one unit at a time gives what `score` gives
// for the same units, names the line of every problem, and the CLI writes JSON Lines out.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DatasetError, generateDataset, getCatalog, loadDataset, score, scoreLines, type Dataset } from "../src/index.js";
import { runMain } from "../src/cli/main.js";
import { asPoints } from "./_units.js";

/** A dataset as JSON Lines: the header, then one unit per line. */
function jsonLines(ds: Dataset | ReturnType<typeof generateDataset>): string[] {
  const { units, ...header } = ds;
  return [JSON.stringify(header), ...units.map((u) => JSON.stringify(u))];
}

const fixtures = readdirSync("fixtures").filter((f) => f.endsWith(".sample.yaml") && !f.startsWith("hai-duong"));

describe("scoreLines", () => {
  it.each(fixtures)("%s: the same result as score()", (file) => {
    const ds = loadDataset(readFileSync(`fixtures/${file}`, "utf8"));
    const catalog = getCatalog(ds.catalog);
    for (const detail of ["totals", "indicators", "full"] as const) {
      // Compared as booleans: a failure would otherwise print both results whole.
      expect(JSON.stringify(scoreLines(catalog, jsonLines(ds), { detail })) === JSON.stringify(score(catalog, ds, { detail }))).toBe(true);
    }
  });

  it("the same result with appraised units, units read by the reference reader and blank lines (Đồng Nai Sở)", async () => {
    const catalog = getCatalog("dong-nai-2023/so");
    const ds = generateDataset(catalog, { units: 30, seed: 9, periods: ["Q1", "Q2", "Q3", "Q4"] });
    // Unit 3: appraised in Q4; unit 5: a number given as text (numberAsText, read by the reference reader).
    const u3 = ds.units[3]!;
    u3.appraisal = { Q4: { ...(u3.data!["Q4"] as object) } };
    const u5 = ds.units[5]!.data!["Q4"] as Record<string, unknown>;
    const code = Object.keys(u5).find(
      (c) => typeof u5[c] === "object" && u5[c] !== null && Object.values(u5[c] as object).some((v) => typeof v === "number"),
    )!;
    const field = Object.keys(u5[code] as object).find((f) => typeof (u5[code] as Record<string, unknown>)[f] === "number")!;
    (u5[code] as Record<string, unknown>)[field] = String((u5[code] as Record<string, unknown>)[field]);
    const lines = jsonLines(ds);
    lines.splice(4, 0, "", "   ");
    const streamed = scoreLines(catalog, lines, { detail: "indicators" });
    const whole = score(catalog, ds, { detail: "indicators" });
    // The same units; the warning names its line too.
    expect(JSON.stringify(streamed.units) === JSON.stringify(whole.units)).toBe(true);
    expect(streamed.warnings.map((w) => [w.code, w.where.unit, w.where.row])).toEqual([["numberAsText", ds.units[5]!.id, 9]]);
    expect(whole.warnings.map((w) => [w.code, w.where.unit, w.where.row])).toEqual([["numberAsText", ds.units[5]!.id, undefined]]);
  });

  it("names the line of every problem, all at once (exit 2 from the CLI)", async () => {
    const catalog = getCatalog("vinh-phuc-2022/xa");
    const ds = generateDataset(catalog, { units: 5, seed: 2, periods: ["Y"] });
    const lines = jsonLines(ds);
    lines[2] = "{broken";
    lines[4] = lines[4]!.replace('"Y"', '"Q9"');
    lines.push(lines[1]!); // the first unit again
    try {
      scoreLines(catalog, lines, { file: "units.jsonl" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      expect((e as DatasetError).issues.map((i) => [i.code, i.where.file, i.where.row, i.where.unit])).toEqual([
        ["streamSyntax", "units.jsonl", 3, undefined],
        ["unknownPeriod", "units.jsonl", 5, ds.units[3]!.id],
        ["duplicateUnit", "units.jsonl", 7, ds.units[0]!.id],
      ]);
    }
  });

  it("refuses a header that is not one", async () => {
    const catalog = getCatalog("vinh-phuc-2022/xa");
    const ds = generateDataset(catalog, { units: 2, seed: 2, periods: ["Y"] });
    const codes = (lines: string[]) => {
      try {
        scoreLines(catalog, lines);
        return [];
      } catch (e) {
        return (e as DatasetError).issues.map((i) => [i.code, i.where.row]);
      }
    };
    expect(codes([JSON.stringify(ds)])).toEqual([["streamHeader", 1]]);
    expect(codes([])).toEqual([["streamHeader", 0]]);
    expect(codes([JSON.stringify({ catalog: catalog.id, year: 2024, periods: ["Y", "Y"] }), JSON.stringify(ds.units[0])])).toEqual([
      ["badPeriods", 1],
    ]);
  });
});

describe("dti score file.jsonl", () => {
  it("writes a line for the run, then one per unit in rank order (Vĩnh Phúc xã sample)", async () => {
    const ds = loadDataset(readFileSync("fixtures/vinh-phuc-2022-xa.sample.yaml", "utf8"));
    const dir = `${process.env["TMPDIR"] ?? "/tmp"}/dti-stream-${process.pid}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/xa.jsonl`, jsonLines(ds).join("\n"));
    const out: string[] = [];
    const code = await runMain(["score", `${dir}/xa.jsonl`, "--format", "jsonl"], { out: (s) => out.push(s), err: () => {} });
    expect(code).toBe(0);
    const expected = score(getCatalog(ds.catalog), ds, { detail: "totals" });
    // The run line records the readings of the catalog's ambiguous rows (issue 13: group 4, the default).
    expect(JSON.parse(out[0]!)).toEqual({
      catalog: ds.catalog,
      year: ds.year,
      periods: ds.periods,
      readings: JSON.parse(JSON.stringify(expected.readings)),
      warnings: [],
    });
    expect(expected.readings!["4"]!.id).toBe("itemsAsWritten");
    expect(out.slice(1).map((l) => (JSON.parse(l) as { id: string; total: string; rank: number }).total)).toEqual(
      expected.units.map((u) => (u.scoring === "points" ? u.total : "")),
    );
  });
});

describe("scoreLines checks as score() does (review of issue 11)", () => {
  const cat = getCatalog("dong-nai-2023/huyen");
  const lines = (x: Dataset | ReturnType<typeof generateDataset>) => {
    const { units, ...header } = x;
    return [JSON.stringify(header), ...units.map((u) => JSON.stringify(u))];
  };
  const codes = (f: () => unknown) => {
    try {
      f();
      return [];
    } catch (e) {
      return (e as DatasetError).issues.map((i) => i.code);
    }
  };

  it("an appraised unit whose self-assessment only the reference reads keeps its own self total (Đồng Nai huyện 6.5)", async () => {
    const d = generateDataset(cat, { units: 4, seed: 3, periods: ["Y"] });
    const u = d.units[0]!;
    const orig = (u.data!["Y"] as Record<string, Record<string, unknown>>)["6.5"]!;
    (u.data!["Y"] as Record<string, unknown>)["6.5"] = { ...orig, a: "0.12345678901234567" }; // 17 places: the reference reader
    u.appraisal = { Y: { "6.5": orig as never } };
    const streamed = scoreLines(cat, lines(d)).units.find((x) => x.id === u.id);
    const whole = score(cat, d, { detail: "totals" }).units.find((x) => x.id === u.id);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole));
    expect(asPoints(whole!).assessment!.difference).not.toBe("0");
  });

  it("a header naming another catalog is refused (catalogMismatch)", async () => {
    const d = { ...generateDataset(cat, { units: 2, seed: 3, periods: ["Y"] }), catalog: "vinh-phuc-2022/xa" };
    expect(codes(() => scoreLines(cat, lines(d)))).toEqual(["catalogMismatch"]);
  });

  it("a unit the reference reader reads may name a parent on a later line", async () => {
    const d = generateDataset(cat, { units: 3, seed: 3, periods: ["Y"] });
    d.units[0]!.parent = d.units[2]!.id;
    const y = d.units[0]!.data!["Y"] as Record<string, Record<string, unknown>>;
    y["6.5"]!["a"] = String(y["6.5"]!["a"]);
    expect(scoreLines(cat, lines(d)).warnings.map((w) => w.code)).toEqual(score(cat, d).warnings.map((w) => w.code));
  });

  it("every problem at once: a line's and the roster's", async () => {
    const d = generateDataset(cat, { units: 3, seed: 3, periods: ["Y"] }) as Dataset;
    const withRoster = { ...d, roster: [...d.units.slice(0, 2).map((u) => ({ id: u.id, name: u.name })), { id: "zz", name: "Zed" }] };
    (withRoster.units[0]!.data!["Y"] as Record<string, unknown>)["1.1"] = { programs: -1 };
    expect(codes(() => scoreLines(cat, lines(withRoster)))).toEqual(codes(() => score(cat, withRoster)));
    expect(codes(() => scoreLines(cat, lines(withRoster)))).toEqual(["expectedCount", "rosterUnknownUnit"]);
  });
});

describe("dti score file.jsonl takes the options of every dataset", () => {
  it("--roster is applied and --numbers refused, as for JSON", async () => {
    const dir = `${process.env["TMPDIR"] ?? "/tmp"}/dti-stream-opts-${process.pid}`;
    mkdirSync(dir, { recursive: true });
    const d = generateDataset(getCatalog("vinh-phuc-2022/xa"), { units: 2, seed: 2, periods: ["Y"] });
    writeFileSync(`${dir}/d.jsonl`, jsonLines(d).join("\n"));
    writeFileSync(`${dir}/roster.csv`, "unit_id,unit_name\nzz1,Foo\n");
    const run = async (...args: string[]) => {
      const err: string[] = [];
      const code = await runMain(["score", `${dir}/d.jsonl`, "--lang", "en", ...args], { out: () => {}, err: (s) => err.push(s) });
      return { code, err: err.join("\n") };
    };
    const roster = await run("--roster", `${dir}/roster.csv`);
    expect(roster.code).toBe(2);
    expect(roster.err).toContain("is not in the roster");
    const numbers = await run("--numbers", "vi");
    expect(numbers.code).toBe(2);
    expect(numbers.err).toContain("--numbers reads a CSV dataset");
  });
});

describe("scoreLinesAsync and textLines: lines that arrive asynchronously (a fetch body, a Node stream)", () => {
  it("gives the same result as scoreLines, from UTF-8 chunks cut anywhere (inside a multi-byte letter, before a CRLF)", async () => {
    const { scoreLinesAsync, textLines } = await import("../src/index.js");
    const catalog = getCatalog("vinh-phuc-2022/xa");
    const d = generateDataset(catalog, { units: 25, seed: 3, periods: ["Y"] });
    const lines = jsonLines(d);
    const sync = scoreLines(catalog, lines);
    const bytes = new TextEncoder().encode(lines.join("\r\n"));
    // Chunks of 7 bytes: Vietnamese names (2–3 bytes a letter) are cut mid-letter many times.
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
    }
    const read: string[] = [];
    for await (const l of textLines(chunks())) read.push(l);
    expect(read).toEqual(lines);
    const result = await scoreLinesAsync(catalog, textLines(chunks()));
    expect(JSON.stringify(result)).toBe(JSON.stringify(sync));
  });
  it("refuses a bad header with the same coded problem, and reads no line after it", async () => {
    const { scoreLinesAsync } = await import("../src/index.js");
    const catalog = getCatalog("vinh-phuc-2022/xa");
    let pulled = 0;
    async function* lines() {
      for (const l of [
        '{"catalog":"vinh-phuc-2022/xa","year":2024,"periods":["Y"],"units":[]}',
        '{"id":"a","name":"A"}',
        '{"id":"b","name":"B"}',
      ]) {
        pulled++;
        yield l;
      }
    }
    await expect(scoreLinesAsync(catalog, lines())).rejects.toMatchObject({ issues: [{ code: "streamHeader", where: { row: 1 } }] });
    expect(pulled).toBe(1);
  });
});
