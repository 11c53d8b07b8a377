import { getCatalog, compileCatalog, score } from "./src/index.ts";
for (const id of ["quang-ngai-nghia-phuong-2023/xa", "vinh-phuc-2022/xa", "dong-nai-2023/huyen"]) {
  const cc = compileCatalog(getCatalog(id));
  for (const l of cc.leaves) for (const f of l.fields) if (f.from && !f.from.startsWith("profile")) console.log(id, l.code, JSON.stringify(l.formula).slice(0, 150), f.name, "<-", f.from, "target fields:", cc.nodes.get(f.from.slice(0, f.from.lastIndexOf(".")))!.fields.map(x => x.name + (x.from ? "(from)" : "")).join(","));
}
