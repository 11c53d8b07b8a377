// Quick structural check while transcribing: npx tsx scripts/check-catalog.ts catalogs/x/y.yaml
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import en from "zod/v4/locales/en.js";
import { CatalogSchema, type CatalogNode } from "../src/catalog/schema.js";
import Decimal from "decimal.js";

for (const file of process.argv.slice(2)) {
  const raw = parse(readFileSync(file, "utf8"));
  const r = CatalogSchema.safeParse(raw, { error: en().localeError });
  if (!r.success) {
    console.log(`${file}: SCHEMA ERRORS`);
    for (const i of r.error.issues) console.log(`  ${i.path.join(".")}: ${i.message}`);
    continue;
  }
  const c = r.data;
  const seen = new Set<string>();
  let leaves = 0;
  const dec = (v: unknown) => new Decimal(String(v ?? 0).replace("%", ""));
  const walk = (n: CatalogNode, depth: number) => {
    if (seen.has(n.code)) console.log(`  duplicate code ${n.code}`);
    seen.add(n.code);
    if (n.children?.length) {
      const s = n.children.reduce((a, ch) => a.plus(ch.unscored ? 0 : dec(ch.max)), new Decimal(0));
      if (n.max !== undefined && !s.eq(dec(n.max))) console.log(`  ${n.code}: children add to ${s}, max ${n.max}`);
      n.children.forEach((ch) => walk(ch, depth + 1));
    } else {
      leaves++;
      if (!n.formula && c.scoring !== "structure") console.log(`  ${n.code}: no formula`);
    }
  };
  c.indicators.forEach((n) => walk(n, 0));
  const total = c.indicators.reduce((a, n) => a.plus(n.unscored ? 0 : dec(n.max)), new Decimal(0));
  console.log(`${file}: OK  main=${c.indicators.length} nodes=${seen.size} leaves=${leaves} total=${total}`);
  for (const n of c.indicators) console.log(`  ${n.code} ${n.max ?? ""} (${n.children?.length ?? 0} children)`);
}
