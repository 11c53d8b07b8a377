import { parse } from "yaml";
const d = Number(process.argv[2]);
const t = Date.now();
try { parse('{"a":'.repeat(d) + "1" + "}".repeat(d), { maxAliasCount: 100, uniqueKeys: true, merge: false }); console.log("ok", Date.now() - t); } catch (e: any) { console.log("err", String(e.message).slice(0, 100), Date.now() - t); }
