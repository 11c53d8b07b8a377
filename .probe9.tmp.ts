import { loadDataset, DtiError } from "./src/index.ts";
const d = 10000;
for (const text of ["[".repeat(d) + "]".repeat(d), '{"a":'.repeat(d) + "1" + "}".repeat(d)]) {
  try { loadDataset(text); console.log("ok"); } catch (e: any) { console.log(e instanceof DtiError, String(e.message).slice(0, 80)); }
}
