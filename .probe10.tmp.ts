import { parse } from "yaml";
const d = 10000;
for (const text of ["[".repeat(d) + "]".repeat(d), '{"a":'.repeat(d) + "1" + "}".repeat(d)]) {
  try { parse(text); console.log("ok"); } catch (e: any) { console.log(String(e.message).slice(0, 80)); }
}
