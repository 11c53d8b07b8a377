import { build } from "esbuild";
const r = await build({ stdin: { contents: process.argv[2], resolveDir: process.cwd(), loader: "ts", sourcefile: "app.ts" }, bundle: true, minify: true, write: false, format: "esm", platform: "browser", charset: "utf8", metafile: true, logLevel: "silent" });
const out = Object.values(r.metafile.outputs)[0];
console.log("total", r.outputFiles[0].contents.length);
const groups = {};
for (const [f, v] of Object.entries(out.inputs)) { const g = f.includes("node_modules") ? f.split("node_modules/")[1].split("/").slice(0, f.includes("@") ? 2 : 1).join("/") : f; groups[g] = (groups[g] ?? 0) + v.bytesInOutput; }
for (const [g, b] of Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(b).padStart(7), g);
