import { getCatalog, score } from "./src/index.ts";
const c = getCatalog("quang-ngai-nghia-phuong-2023/xa");
try {
  const r = score(c, { catalog: c.id, year: 2023, periods: ["Y"], units: [{ id: "x", name: "X",
    data: { Y: { "3.2": { a: 1, b: 10 }, "3.3": { a: 8 } } },
    appraisal: { Y: { "3.2": { a: 1, b: 2 } } } }] });
  const i = r.units[0]!.indicators["3.3"]!;
  console.log("accepted:", i.score, i.max, JSON.stringify(i.periods!["Y"]!.trace), r.warnings.length);
} catch (e: any) { console.log("error", e.message); }
