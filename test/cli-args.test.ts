// The command line's arguments, declared once in src/cli/spec.ts: allowed values, unknown options,
// both option forms, --lang for every message, --version and the generated help. Run in-process.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { usageLine } from "../src/cli/_args.js";
import { COMMANDS, type CommandName } from "../src/cli/spec.js";
import { dti } from "./_cli.js";

const so = "fixtures/dong-nai-2023-so.sample.yaml";
const noStack = /at .*\.[jt]s:\d+/;

/** Each command's minimal valid arguments, so that only the option under test can fail. */
const minimal: Record<keyof typeof COMMANDS, string[]> = {
  score: [so],
  catalogs: [],
  validate: [so],
  lint: ["dong-nai-2023/so"],
  explain: [so, "--unit", "so-tc"],
  gaps: [so, "--unit", "so-tc"],
  whatif: [so, "--set", "so-vhttdl.Q4.10.1.achieved=5"],
  compare: [so, so],
  rank: ["fixtures/national/dti-2024-34.yaml"],
  report: [so],
  robustness: [so],
  template: ["dong-nai-2023/so"],
  sample: ["dong-nai-2023/so"],
  help: [],
};

describe("--format: allowed values from the declaration, checked for every command", () => {
  const allowed: Record<string, string> = {
    score: "table, json, jsonl, csv",
    catalogs: "table, json",
    lint: "table, json",
    gaps: "text, json",
    whatif: "table, json",
    compare: "table, json",
    rank: "table, json",
    report: "md, html, csv, json, xlsx",
    robustness: "table, json, csv",
    template: "csv, csv-wide, yaml, json-schema, xlsx",
  };
  it("the commands with --format are exactly these", async () => {
    expect(
      Object.entries(COMMANDS)
        .filter(([, c]) => "format" in c.options)
        .map(([n]) => n)
        .sort(),
    ).toEqual(Object.keys(allowed).sort());
  });
  for (const [name, values] of Object.entries(allowed)) {
    it(`dti ${name} --format xml → exit 2 naming ${values}`, async () => {
      const r = await dti(name, ...minimal[name as keyof typeof COMMANDS], "--format", "xml");
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.split("\n")[0]).toBe(`--format phải là một trong ${values}; nhận được xml`);
      expect(r.err).not.toMatch(noStack);
      const en = await dti(name, ...minimal[name as keyof typeof COMMANDS], "--format=xml", "--lang=en");
      expect(en.code).toBe(2);
      expect(en.err.split("\n")[0]).toBe(`--format must be one of ${values}; got xml`);
    });
  }
  it("a command without --format rejects it as an unknown option, naming its options", async () => {
    const r = await dti("explain", so, "--unit", "so-tc", "--format", "json", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(
      "unknown option --format for dti explain (options: --unit, --code, --catalog, --warnings, --engine, --reading, --readings, --lang, --help)",
    );
  });
});

describe("--engine fast|reference: on every command that scores, checked from the declaration (issue 11)", () => {
  const scoring = ["compare", "explain", "gaps", "report", "robustness", "score", "validate", "whatif"];
  it("the commands with --engine are exactly the ones that score, each defaulting to fast", async () => {
    const withEngine = Object.entries(COMMANDS).filter(([, c]) => "engine" in c.options);
    expect(withEngine.map(([n]) => n).sort()).toEqual(scoring);
    for (const [, c] of withEngine)
      expect((c.options as Record<string, unknown>)["engine"]).toMatchObject({ choices: ["fast", "reference"], default: "fast" });
  });
  for (const name of scoring) {
    it(`dti ${name} --engine slow → exit 2 naming fast, reference`, async () => {
      const r = await dti(name, ...minimal[name as keyof typeof COMMANDS], "--engine", "slow");
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.split("\n")[0]).toBe("--engine phải là một trong fast, reference; nhận được slow");
      const en = await dti(name, ...minimal[name as keyof typeof COMMANDS], "--engine=slow", "--lang=en");
      expect(en.err.split("\n")[0]).toBe("--engine must be one of fast, reference; got slow");
    });
  }
  it("dti help score lists --engine with its values and default (vi and en)", async () => {
    expect((await dti("help", "score", "--lang", "en")).out).toMatch(/--engine fast\|reference\s+scoring engine: .*\(default: fast\)/);
    expect((await dti("help", "score")).out).toMatch(/--engine fast\|reference\s+bộ máy chấm điểm: .*\(mặc định: fast\)/);
  });
});

describe("unknown commands and options, missing values and arguments: exit 2, one line, usage", () => {
  it("unknown option (vi default, en with --lang=en)", async () => {
    const vi = await dti("score", so, "--bogus");
    expect(vi.code).toBe(2);
    expect(vi.err).toContain(
      "lệnh dti score không có tuỳ chọn --bogus (các tuỳ chọn: --catalog, --format, --full, --roster, --parents, --numbers, --excel, --sort, --filter, --group-by, --warnings, --engine, --reading, --readings, --skip-invalid, --lineage, --merge-rule, --merge-by, --precision, --lang, --help)",
    );
    expect(vi.err).toContain("dti score <dataset…>");
    const en = await dti("score", so, "--bogus=1", "--lang=en");
    expect(en.code).toBe(2);
    expect(en.err).toContain("unknown option --bogus=1 for dti score");
    expect(en.err).not.toMatch(noStack);
  });
  it("unknown command names the commands, in the --lang given before it", async () => {
    const r = await dti("--lang=en", "frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unknown command "frobnicate" (commands: ${Object.keys(COMMANDS).join(", ")})`);
    expect(r.err).toContain("Usage:");
  });
  it("an invalid --lang is itself a usage error naming vi, en", async () => {
    for (const args of [
      ["score", so, "--lang", "fr"],
      ["--lang=fr", "catalogs"],
    ]) {
      const r = await dti(...args);
      expect(r.code).toBe(2);
      expect(r.err.split("\n")[0]).toBe("--lang phải là một trong vi, en; nhận được fr");
    }
  });
  it("a required option, a missing option value, missing and excess arguments", async () => {
    expect((await dti("explain", so, "--lang", "en")).err).toContain("dti explain needs --unit ID");
    expect((await dti("whatif", so, "--lang", "en")).err).toContain("dti whatif needs --set UNIT.PERIOD.CODE[.FIELD]=VALUE …");
    expect((await dti("score", so, "--lang", "en", "--format")).err).toContain("option --format needs a value (table|json|jsonl|csv)");
    const missing = await dti("compare", so, "--lang=en");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("dti compare needs <new-dataset>");
    const excess = await dti("explain", so, so, "--unit", "so-tc", "--lang=en");
    expect(excess.code).toBe(2);
    expect(excess.err).toContain("dti explain takes <dataset>; got 2 arguments");
    expect((await dti("catalogs", "extra", "--lang=en")).err).toContain("dti catalogs takes no arguments; got 1 arguments");
    expect((await dti("score", "--lang=en")).err).toContain("dti score needs <dataset…>");
  });
  it("--year must be a whole number", async () => {
    const r = await dti("template", "dong-nai-2023/so", "--year=abc", "--lang=en");
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe("--year must be a whole number; got abc");
  });
  it("an unknown unit names the units, in English with --lang=en", async () => {
    const r = await dti("gaps", so, "--unit=nope", "--lang=en");
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe("--unit nope: no such unit (units: so-tttt, so-tc, so-vhttdl)");
  });
});

describe("--opt=value and --opt value are the same", () => {
  it("score --format=json: the Đồng Nai Sở totals", async () => {
    const a = await dti("score", so, "--format=json");
    const b = await dti("score", so, "--format", "json");
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const j = JSON.parse(a.out) as { units: { id: string; total: string; rank: number }[] };
    expect(j.units.map((u) => [u.id, u.total, u.rank])).toEqual([
      ["so-tttt", "925.75", 1],
      ["so-tc", "578.5", 2],
      ["so-vhttdl", "384", 3],
    ]);
  });
  it("explain --unit=so-tc --code=2.6", async () => {
    const r = await dti("explain", so, "--unit=so-tc", "--code=2.6");
    expect(r.code).toBe(0);
    expect(r.out).toContain("2.6: Q1: 1/2 = 50% × 30 = 15 điểm");
  });
  it("whatif --set=…=5 --lang=en: English headers, 384 → 429", async () => {
    const r = await dti("whatif", so, "--set=so-vhttdl.Q4.10.1.achieved=5", "--lang=en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Total before");
    expect(r.out).toMatch(/so-vhttdl.*384\s+429\s+45\s+3\s+3\s+10 5→50, 10\.1 5→50/);
  });
  it("template --format=yaml --year=2022 --periods=Y", async () => {
    const r = await dti("template", "vinh-phuc-2022/so", "--format=yaml", "--year=2022", "--periods=Y");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^year: 2022$/m);
  });
});

describe("--lang en applies to outputs too", () => {
  it("gaps in English", async () => {
    const r = await dti("gaps", so, "--unit", "so-vhttdl", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Sở Văn hóa, Thể thao và Du lịch (so-vhttdl): total 384, rank 3");
    expect(r.out).toContain("Needs more than 194.5 points to pass Sở Tài chính (so-tc, 578.5).");
  });
  it("catalogs in English", async () => {
    const r = await dti("catalogs", "--lang=en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("1025 (document: 1000)");
  });
  it("whatif with no effect says so", async () => {
    expect((await dti("whatif", so, "--set", "so-tttt.Q1.2.1=true")).out.trim()).toBe("Không có thay đổi.");
    expect((await dti("whatif", so, "--set", "so-tttt.Q1.2.1=true", "--lang=en")).out.trim()).toBe("No change.");
  });
});

describe("--version and the generated help", () => {
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  it("--version, -V and -v print the package version", async () => {
    for (const flag of ["--version", "-V", "-v"]) expect(await dti(flag)).toEqual({ code: 0, out: `${version}\n`, err: "" });
  });
  it("dti help lists one generated usage line per command; no command is exit 2", async () => {
    const r = await dti("help");
    expect(r.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(r.out).toMatch(new RegExp(`^  dti ${name}( |$)`, "m"));
    expect(r.out).toContain("  dti whatif <dataset> --set UNIT.PERIOD.CODE[.FIELD]=VALUE … [--format table|json] [--catalog id|path]");
    expect((await dti("--help")).out).toBe(r.out);
    expect((await dti()).code).toBe(2);
  });
  it("dti help score and dti score --help show the command's usage, arguments and options", async () => {
    const r = await dti("help", "score", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: dti score <dataset…> [--catalog id|path] [--format table|json|jsonl|csv] [--full]");
    expect(r.out).toContain("<dataset…>");
    expect(r.out).toMatch(/--format table\|json\|jsonl\|csv\s+output format \(default: table\)/);
    expect(r.out).toMatch(/-h, --help\s+show this help/);
    expect(await dti("score", "--help", "--lang=en")).toEqual(r);
    expect(await dti("score", "-h", "--lang=en")).toEqual(r);
  });
  it("README's command-line section has the generated usage line of every command", async () => {
    const readme = readFileSync("README.md", "utf8");
    for (const name of Object.keys(COMMANDS) as CommandName[]) expect(readme).toContain(`\n${usageLine(name)}\n`);
  });
  it("dti help of an unknown command is exit 2", async () => {
    const r = await dti("help", "nope");
    expect(r.code).toBe(2);
    expect(r.err).toContain('không có lệnh "nope"');
  });
});
