// Issue 12, item 9: the published declarations type-check in a consumer's project. A tiny project
// imports the BUILT package (dist/*.d.ts through package.json "exports", as npm installs it) and is
// compiled with the repository's TypeScript, strict and with skipLibCheck false, under
// `module: NodeNext` (ES module and CommonJS files) and under `moduleResolution: Bundler`.
// Before: TS2344 "typeof import("decimal.js/decimal") does not satisfy the constraint
// 'abstract new (...args: any) => any'" under NodeNext (a default import of CommonJS types).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(".");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const run = promisify(execFile);

// What the README shows, with the narrowing a consumer writes.
const esm = `import { explain, gaps, getCatalog, loadDataset, score, formatIssue, DtiError, type Catalog, type Dataset, type ScoreResult } from "dti-engine";
import { catalog as soCatalog } from "dti-engine/catalogs/dong-nai-2023/so";

const catalog = getCatalog("dong-nai-2023/so");
const dataset: Dataset = loadDataset({ catalog: "dong-nai-2023/so", year: 2024, periods: ["Q1", "Q2", "Q3", "Q4"], units: [] });
const result: ScoreResult = score(catalog, dataset, { detail: "totals" });
export const totals: string[] = result.units.map((u) => (u.scoring === "points" ? u.total : String(u.level)));
export const texts: string[] = result.units.flatMap((u) => explain(result, u.id, { code: "2.6", lang: "en" }).map((e) => e.text));
export const needed: string | undefined = result.units[0] ? gaps(catalog, dataset, result.units[0].id).target?.needed : undefined;
export const same: boolean = soCatalog.id === catalog.id;
export const source: Catalog["document"] | undefined = undefined;
try {
  score(catalog, dataset);
} catch (e) {
  if (e instanceof DtiError) for (const issue of e.issues) console.log(formatIssue(issue, "vi"), issue.code);
}
`;

// A CommonJS file of the same project: resolved through the "require" conditions (index.d.cts).
const cjs = `import { getCatalog, score, type ScoreResult } from "dti-engine";
import { catalog } from "dti-engine/catalogs/kon-tum-2025/huyen";
export const r: ScoreResult = score(getCatalog("kon-tum-2025/xa"), { catalog: "kon-tum-2025/xa", year: 2025, periods: ["Y"], units: [] });
export const id: string = catalog.id;
`;

const strict = {
  strict: true,
  skipLibCheck: false,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: "ES2022",
  // DOM for the URL and console that zod's declarations and the example use (any Node or browser project has them).
  lib: ["ES2022", "DOM"],
  noEmit: true,
  // Only what the package itself brings: no ambient @types from the repository.
  types: [],
};

const dir = mkdtempSync(join(tmpdir(), "dti-consumer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A consumer project in `dir/name` with dti-engine installed as a link to this repository. */
function project(name: string, compilerOptions: Record<string, unknown>, files: Record<string, string>): string {
  const p = join(dir, name);
  mkdirSync(join(p, "node_modules"), { recursive: true });
  symlinkSync(root, join(p, "node_modules", "dti-engine"), "dir");
  writeFileSync(join(p, "package.json"), JSON.stringify({ name: `consumer-${name}`, private: true, type: "module" }));
  writeFileSync(
    join(p, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...strict, ...compilerOptions }, files: Object.keys(files) }),
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(join(p, file), text);
  return p;
}

async function compile(p: string): Promise<string> {
  try {
    await run(process.execPath, [tsc, "-p", p, "--pretty", "false"], { cwd: p });
    return "";
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    return `${stdout ?? ""}${stderr ?? ""}` || String(e);
  }
}

describe("a consumer project compiles against the built package (tsc --strict, skipLibCheck false)", () => {
  it("dist/ is built (npm test runs tsup before vitest)", () => {
    expect(existsSync(join(root, "dist", "index.d.ts"))).toBe(true);
    expect(existsSync(join(root, "dist", "index.d.cts"))).toBe(true);
  });
  it("under module NodeNext (ESM and CommonJS files) and moduleResolution Bundler", { timeout: 90_000 }, async () => {
    const nodeNext = project("nodenext", { module: "NodeNext", moduleResolution: "NodeNext" }, { "index.ts": esm, "legacy.cts": cjs });
    const bundler = project("bundler", { module: "ESNext", moduleResolution: "Bundler" }, { "index.ts": esm });
    // The two compilations in parallel: about 8 s each on one core.
    const [a, b] = await Promise.all([compile(nodeNext), compile(bundler)]);
    expect(a, "NodeNext").toBe("");
    expect(b, "Bundler").toBe("");
  });
  it("a type error in the consumer is reported (the check can fail)", { timeout: 60_000 }, async () => {
    const p = project(
      "broken",
      { module: "NodeNext", moduleResolution: "NodeNext" },
      {
        "index.ts": `import { score } from "dti-engine";\nexport const n: number = score;\n`,
      },
    );
    expect(await compile(p)).toMatch(/TS2322/);
  });
});
