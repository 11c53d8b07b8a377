import { getCatalog, compileCatalog, score, loadDataset } from "./src/index.ts";
const c = getCatalog("dong-nai-2023/so");
const cc = compileCatalog(c);
const N = Number(process.argv[2] ?? 20000);
const units = [];
for (let i = 0; i < N; i++) {
  const data: Record<string, unknown> = {};
  for (const l of cc.leaves) {
    const nums = new Set<string>(); const vis = (f: any) => { if (!f) return; if (f.value && typeof f.value === "object") f.value.numerator.forEach((n: string) => nums.add(n)); (f.parts ?? []).forEach((p: any) => vis(p.formula)); }; vis(l.formula);
    const o: Record<string, unknown> = {};
    for (const f of l.fields) { if (f.from) continue; o[f.name] = f.type === "boolean" ? i % 2 === 0 : f.type === "option" ? f.options![i % f.options!.length] : nums.has(f.name) ? (i % 3) : f.type === "count" ? 50 + (i % 50) : 1000 + (i % 97) / 4; }
    data[l.code] = o;
  }
  units.push({ id: `u${i}`, name: `Đơn vị ${i}`, profile: { staffTotal: 200, civilServants: 100, publicEmployees: 100, workforceTotal: 200 }, data: { Y: data } });
}
const text = JSON.stringify({ catalog: c.id, year: 2023, periods: ["Y"], units });
console.log("MB", text.length / 1e6);
let t = Date.now(); const obj = JSON.parse(text); console.log("JSON.parse", Date.now() - t);
t = Date.now(); const ds = loadDataset(obj); console.log("zod", Date.now() - t);
t = Date.now(); const r = score(c, ds); console.log("score", Date.now() - t, r.units.length, "heap MB", process.memoryUsage().heapUsed / 1e6);
