// The `dti` command, run in-process through runMain (so coverage sees src/cli), plus the built
// bin dist/cli.js spawned as users run it (npm test builds first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "../src/cli/main.js";

/** Runs `dti …` in-process, capturing stdout and stderr as the bin writes them. */
function dti(...args: string[]) {
  let out = "";
  let err = "";
  const line = (s: string) => (s.endsWith("\n") ? s : `${s}\n`);
  const code = runMain(args, { out: (s) => (out += line(s)), err: (s) => (err += line(s)) });
  return { code, out, err };
}

/** Runs the built bin. */
function dtiBuilt(...args: string[]) {
  const r = spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("dti score", () => {
  it("ranks the Đồng Nai Sở sample in a readable table (Vietnamese decimal comma)", () => {
    const r = dti("score", "fixtures/dong-nai-2023-so.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Hạng");
    expect(r.out).toMatch(/1\s+so-tttt\s+Sở Thông tin và Truyền thông\s+925,75/);
  });
  it("--format json gives decimal strings in the documented shape", () => {
    const r = dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.catalog).toBe("dong-nai-2023/so");
    expect(j.units[0]).toMatchObject({ id: "so-tttt", total: "925.75", rank: 1 });
    expect(j.units[0].indicators["6.3.2"]).toHaveProperty("score");
    expect(j.units[0].periods.Q1).toHaveProperty("total");
  });
  it("--format csv has one row per unit × indicator", () => {
    const r = dti("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "csv");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split(/\r?\n/);
    expect(lines[0]).toBe("catalog,unit_id,unit_name,rank,total,code,name,max,score");
    expect(lines.length).toBe(1 + 3 * 66); // 3 units × 66 nodes (10 main, 40 components, 16 sub-components of 6.2–6.4)
  });
  it("Kon Tum: communes and their districts in one run, with levels, registration and blockers", () => {
    const r = dti("score", "fixtures/kon-tum-2025-huyen.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Mức đạt");
    expect(r.out).toMatch(/huyen-x\s+Huyện X\s+3 Cơ bản\s+4\s+Không/);
    expect(r.out).toContain("Chưa đạt mức 4");
    expect(r.out).toContain("cấp xã"); // the communes' block
  });
});

describe("bad input: one line per problem on stderr, exit 2, no stack trace", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-"));
  it("a dataset with several problems lists them all", () => {
    const f = join(dir, "bad.yaml");
    writeFileSync(
      f,
      `catalog: dong-nai-2023/so\nyear: 2024\nperiods: [Q1]\nunits:\n  - id: x\n    name: X\n    data:\n      Q1:\n        "2.6": { a: 5, b: 4 }\n        "9.9.9": true\n        "2.1": "có"\n`,
    );
    const r = dti("score", f);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(r.err).toContain("đơn vị x, kỳ Q1, chỉ số 2.6");
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
  it("English messages with --lang en", () => {
    const f = join(dir, "bad2.yaml");
    writeFileSync(
      f,
      `catalog: dong-nai-2023/so\nyear: 2024\nperiods: [Q1]\nunits:\n  - id: x\n    name: X\n    data: { Q1: { "2.6": { a: 5, b: 4 } } }\n`,
    );
    const r = dti("score", f, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain("unit x, period Q1, indicator 2.6");
    expect(r.err).toContain("larger than the denominator");
  });
  it("malformed YAML is a clear error", () => {
    const f = join(dir, "broken.yaml");
    writeFileSync(f, "catalog: [unclosed\n");
    const r = dti("score", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain("YAML");
  });
  it("a missing file and an unknown command are usage errors", () => {
    expect(dti("score", "nope.yaml").code).toBe(2);
    const r = dti("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage");
  });
});

describe("dti catalogs / validate / lint", () => {
  it("lists the built-in catalogs with totals", () => {
    const r = dti("catalogs");
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
  it("validates a catalog file and a dataset", () => {
    expect(dti("validate", "catalogs/dong-nai-2023/huyen.yaml").code).toBe(0);
    const r = dti("validate", "fixtures/dong-nai-2023-huyen.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("OK");
  });
  it("lint passes on every built-in catalog and lists the interpretation notes", () => {
    const r = dti("lint");
    expect(r.code).toBe(0);
    expect(r.out).toContain("interpretation notes");
    expect(r.out).toContain("6.3.1");
  });
});

describe("decision support commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-ds-"));
  it("dti explain --unit --code", () => {
    const r = dti("explain", "fixtures/dong-nai-2023-so.sample.yaml", "--unit", "so-tc", "--code", "2.6");
    expect(r.code).toBe(0);
    expect(r.out).toContain("2.6: Q1: 1/2 = 50% × 30 = 15 điểm");
  });
  it("dti explain with an unknown unit is a usage error naming the units", () => {
    const r = dti("explain", "fixtures/dong-nai-2023-so.sample.yaml", "--unit", "nope");
    expect(r.code).toBe(2);
    expect(r.err).toContain("so-tttt");
  });
  it("dti gaps shows the points needed to pass the unit above and ways to get them", () => {
    const r = dti("gaps", "fixtures/dong-nai-2023-so.sample.yaml", "--unit", "so-vhttdl");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Cần thêm hơn 194,5 điểm để vượt Sở Tài chính");
    expect(r.out).toContain("Cách cải thiện");
  });
  it("dti whatif shows the new score and rank beside the old", () => {
    const r = dti("whatif", "fixtures/dong-nai-2023-so.sample.yaml", "--set", "so-vhttdl.Q4.10.1.achieved=5");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/so-vhttdl.*384.*429/);
  });
  it("dti compare two years", () => {
    const a = join(dir, "y1.yaml");
    writeFileSync(a, readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8").replace(/^year: \d+/m, "year: 2023"));
    const r = dti("compare", a, "fixtures/dong-nai-2023-so.sample.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("2023 → 2024");
  });
  it("dti report --format html writes one self-contained page", () => {
    const r = dti("report", "fixtures/dong-nai-2023-so.sample.yaml", "--format", "html");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
  });
  it("dti template → fill → dti score filled.csv --catalog", () => {
    const t = dti("template", "vinh-phuc-2022/so", "--format", "csv", "--year", "2022");
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
    const r = dti("score", f, "--catalog", "vinh-phuc-2022/so", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units[0].id).toBe("UNIT_ID");
    expect(dti("score", f).code).toBe(2); // CSV needs --catalog
  });
});

describe("structure-only catalogs from the command line", () => {
  it("Hải Dương: the sample validates, and scoring it says the source publishes no formulas (exit 2)", () => {
    expect(dti("validate", "fixtures/hai-duong-2022-huyen.sample.yaml").code).toBe(0);
    const r = dti("score", "fixtures/hai-duong-2022-so.sample.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toContain("chỉ có cấu trúc");
  });
});

describe("the built bin dist/cli.js", () => {
  it("scores a dataset as a child process (exit 0, stdout)", () => {
    const r = dtiBuilt("score", "fixtures/dong-nai-2023-so.sample.yaml", "--format=json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units.map((u: { total: string }) => u.total)).toEqual(["925.75", "578.5", "384"]);
  });
  it("--version prints the version of package.json; bad input exits 2 without a stack trace", () => {
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
