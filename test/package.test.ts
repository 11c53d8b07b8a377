// What `npm publish` would ship: only the built library, the catalogs and the package's documents.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

interface PackEntry {
  readonly files: readonly { readonly path: string }[];
  readonly unpackedSize: number;
}

// --ignore-scripts: `npm test` has already built dist/ (prepack would rebuild it).
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const packed = JSON.parse(
  execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
) as PackEntry[];
const files = packed[0]!.files.map((f) => f.path).sort();

// The sample datasets are shipped for `dti sample <catalog>` (README: score a bundled sample).
const allowed = (p: string) =>
  p.startsWith("dist/") ||
  p.startsWith("catalogs/") ||
  /^fixtures\/[a-z0-9-]+\.sample\.yaml$/.test(p) ||
  ["README.md", "CHANGELOG.md", "LICENSE", "package.json"].includes(p);

describe("npm pack", () => {
  it("contains only dist/**, catalogs/**, fixtures/*.sample.yaml, README.md, CHANGELOG.md, LICENSE and package.json", () => {
    expect(files.filter((p) => !allowed(p))).toEqual([]);
  });
  it("ships one sample dataset per built-in catalog (dti sample <catalog>)", () => {
    const samples = files.filter((p) => p.startsWith("fixtures/"));
    expect(samples).toContain("fixtures/dong-nai-2023-so.sample.yaml");
    expect(samples).toContain("fixtures/kon-tum-2025-xa.sample.yaml");
    expect(samples).toHaveLength(10);
  });
  it("ships the builds the package.json points at, the license and the catalogs", () => {
    for (const p of [
      "package.json",
      "LICENSE",
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.ts",
      "dist/index.d.cts",
      "dist/cli.js",
      "dist/browser.js",
    ]) {
      expect(files).toContain(p);
    }
    expect(files.some((p) => p.startsWith("catalogs/") && p.endsWith(".yaml"))).toBe(true);
  });
  it("ships the catalog entries (dti-engine/catalogs, dti-engine/catalogs/<id>) for import and require", () => {
    for (const p of ["dist/catalogs/index", "dist/catalogs/kon-tum-2025/huyen", "dist/catalogs/dong-nai-2023/so"]) {
      for (const ext of [".js", ".d.ts", ".cjs", ".d.cts"]) expect(files).toContain(p + ext);
    }
  });
  it("stays small: no sourcemaps, each catalog shipped once per build (7.7 MB unpacked before)", () => {
    expect(files.filter((p) => p.endsWith(".map"))).toEqual([]);
    // 4.2 MB, then 5.2 MB with the command line bundled into one minified module (dist/cli.js,
    // 1.1 MB: it starts in 0.08 s instead of 0.2 s) in place of its ~20 unbundled modules.
    // Session 5: 5.6 MB with the Excel entry (dti-engine/xlsx, 85 KB; exceljs itself is a
    // dependency, not bundled), lineage and readings, index.cjs minified to whitespace.
    // Then 6.6 MB with the readings of every ambiguous row in the ten catalogs (in the YAML and in
    // each of the four builds that carry the catalogs: ESM modules, index.cjs, browser.js, cli.js).
    expect(packed[0]!.unpackedSize).toBeLessThan(7 * 1024 * 1024);
  });
});

// `require("dti-engine")` runs the CommonJS build: esbuild's interop with CommonJS dependencies
// differs there (a default import of zod's locale broke every loadCatalog in it, unnoticed by the
// type checks of attw/publint). Run it in a child Node process, as a CommonJS user would.
describe("the CommonJS build at run time", () => {
  const run = (code: string) => execFileSync(process.execPath, ["-e", code], { encoding: "utf8" });
  it("dist/index.cjs scores the Đồng Nai Sở sample (Sở TT&TT 925.75, rank 1), as the ESM build does", () => {
    const out = run(
      'const d=require("./dist/index.cjs");const r=d.score(d.getCatalog("dong-nai-2023/so"),d.loadDataset(require("fs").readFileSync("fixtures/dong-nai-2023-so.sample.yaml","utf8")));console.log(JSON.stringify([r.units[0].id,r.units[0].total,r.units[0].rank]))',
    );
    expect(JSON.parse(out)).toEqual(["so-tttt", "925.75", 1]);
  });
  it("a catalog entry and the Excel entry load under require()", () => {
    const out = run(
      'const c=require("./dist/catalogs/kon-tum-2025/xa.cjs");const x=require("./dist/xlsx.cjs");console.log(JSON.stringify([c.catalog.id,typeof x.readXlsxDataset,typeof x.xlsxTemplate,typeof x.reportWorkbook]))',
    );
    expect(JSON.parse(out)).toEqual(["kon-tum-2025/xa", "function", "function", "function"]);
  });
});
