// Prints what an app pays for dti-engine: minified and gzipped sizes of bundles of the built
// dist/ (as a bundler sees the package: ESM, dependencies decimal.js/zod/yaml/papaparse
// included), and of dist/browser.js (the self-contained file, every catalog included).
// Run after `npm run build`; prints a Markdown table (README "Bundle size").
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
if (!existsSync(`${root}dist/index.js`) || !existsSync(`${root}dist/browser.js`)) {
  console.error("dist/ is missing: run npm run build first");
  process.exit(1);
}

/** Minified bundle of an app module importing from dist/. */
async function bundle(contents) {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    logLevel: "error",
  });
  return r.outputFiles[0].contents;
}

const rows = [
  ["`formatNumber` alone", await bundle(`export { formatNumber } from "./dist/index.js";`)],
  ["core: `score`, `loadCatalog`", await bundle(`export { score, loadCatalog } from "./dist/index.js";`)],
  [
    "core + `dti-engine/catalogs/dong-nai-2023/so`",
    await bundle(`export { score, loadCatalog } from "./dist/index.js"; export { catalog } from "./dist/catalogs/dong-nai-2023/so.js";`),
  ],
  [
    "core + `dti-engine/catalogs/kon-tum-2025/huyen` (and its xa)",
    await bundle(`export { score, loadCatalog } from "./dist/index.js"; export { catalog } from "./dist/catalogs/kon-tum-2025/huyen.js";`),
  ],
  ["core + `getCatalog` (all 10 catalogs)", await bundle(`export { score, loadCatalog, getCatalog } from "./dist/index.js";`)],
  ['everything (`import * from "dti-engine"`)', await bundle(`export * from "./dist/index.js";`)],
  ["`dist/browser.js` (self-contained, as shipped)", readFileSync(`${root}dist/browser.js`)],
];

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log("| bundle | minified | gzipped |");
console.log("| --- | ---: | ---: |");
for (const [name, code] of rows) console.log(`| ${name} | ${kib(code.length)} | ${kib(gzipSync(code, { level: 9 }).length)} |`);
