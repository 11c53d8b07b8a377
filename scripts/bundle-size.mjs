// Prints the size of the browser bundle (dist/browser.js), minified and gzipped. Run after `npm run build`.
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const file = new URL("../dist/browser.js", import.meta.url);
if (!existsSync(file)) {
  console.error("dist/browser.js is missing: run npm run build first");
  process.exit(1);
}
const code = readFileSync(file);
const gz = gzipSync(code, { level: 9 });
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`dist/browser.js  minified: ${code.length} bytes (${kib(code.length)})  gzipped: ${gz.length} bytes (${kib(gz.length)})`);
