import { getCatalog, compileCatalog, score, loadDataset } from "./src/index.ts";
import { parse } from "yaml";
const c = getCatalog("dong-nai-2023/so");
const cc = compileCatalog(c);
function entry(l: any, i: number): unknown {
  const o: Record<string, unknown> = {};
  const nums = new Set<string>(); const vis = (f: any) => { if (!f) return; if (f.value && typeof f.value === "object") f.value.numerator.forEach((n: string) => nums.add(n)); (f.parts ?? []).forEach((p: any) => vis(p.formula)); }; vis(l.formula);
  for (const f of l.fields) { if (f.from) continue;
    o[f.name] = f.type === "boolean" ? i % 2 === 0 : f.type === "option" ? f.options[i % f.options.length] : nums.has(f.name) ? (i % 3) : f.type === "count" ? 50 + (i % 50) : 1000 + (i % 97) / 4;
  }
  // numerators: make them ≤ denominators by setting all to... use 50+i%50 ≤ 100? 
  return o;
}
const N = Number(process.argv[2] ?? 20000);
const t0 = Date.now();
const units = [];
for (let i = 0; i < N; i++) {
  const data: Record<string, unknown> = {};
  for (const l of cc.leaves) data[l.code] = entry(l, i);
  units.push({ id: `u${i}`, name: `Đơn vị ${i}`, profile: { staffTotal: 200, civilServants: 100, publicEmployees: 100, workforceTotal: 200 }, data: { Y: data } });
}
const text = JSON.stringify({ catalog: c.id, year: 2023, periods: ["Y"], units }, null, 1);
console.log("MB", text.length / 1e6, "gen ms", Date.now() - t0);
let t = Date.now(); JSON.parse(text); console.log("JSON.parse ms", Date.now() - t);
t = Date.now(); try { parse(text); console.log("yaml ms", Date.now() - t); } catch (e) { console.log("yaml err", String(e).slice(0,200), Date.now() - t); }
t = Date.now(); try { const r = score(c, text); console.log("score ms", Date.now() - t, r.units.length, r.units[0].total); } catch (e: any) { console.log("score err", String(e.message).slice(0, 500), Date.now() - t); }
console.log(process.memoryUsage().heapUsed / 1e6);
{ const obj = JSON.parse(text); let t = Date.now(); const ds = loadDataset(obj); console.log("zod ms", Date.now() - t); t = Date.now(); const r = score(c, ds); console.log("score obj ms", Date.now() - t); t = Date.now(); const s = JSON.stringify(r); console.log("result MB", s.length / 1e6, Date.now() - t); }
