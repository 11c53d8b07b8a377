import { loadDataset, DtiError } from "./src/index.ts";
const d = Number(process.argv[2]); const kind = process.argv[3];
const text = kind === "obj" ? '{"a":'.repeat(d) + "1" + "}".repeat(d) : "[".repeat(d) + "]".repeat(d);
const t = Date.now();
try { loadDataset(text); console.log("ok"); } catch (e: any) { console.log(e instanceof DtiError, String(e.message).slice(0, 100), Date.now() - t); }
