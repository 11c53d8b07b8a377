import { CatalogError } from "../errors.js";
import { looksLikePath, parseText, readTextFile, structuralIssues, zodIssues } from "../io/_parse.js";
import { compileCatalog } from "./compile.js";
import { CatalogSchema, type Catalog } from "./schema.js";

/**
 * Loads and validates a catalog.
 * @param source A file path (Node only), YAML/JSON text, or an already parsed object.
 * @returns The validated catalog, with defaults applied; it compiles without error.
 * @throws CatalogError listing every problem (schema, duplicate codes, unknown inputs…).
 * @example
 * const catalog = loadCatalog("catalogs/dong-nai-2023/so.yaml");
 */
export function loadCatalog(source: string | object): Catalog {
  let raw: unknown = source;
  let file: string | undefined;
  if (typeof source === "string") {
    if (looksLikePath(source)) {
      file = source;
      source = readTextFile(source, "catalog");
    }
    const parsed = parseText(source as string, "catalog", file);
    if ("issue" in parsed) throw new CatalogError([parsed.issue]);
    raw = parsed.value;
  }
  const bad = structuralIssues(raw, "catalog", "catalogSchema", file ? { file } : {});
  // Too deep: stop here (the schema would overflow the stack); "__proto__" keys: reported with the rest.
  if (bad.some((i) => i.message.includes("nesting deeper"))) throw new CatalogError(bad);
  const r = CatalogSchema.safeParse(raw);
  if (!r.success) throw new CatalogError([...bad, ...zodIssues(r.error, "catalog", "catalogSchema", file ? { file } : {})]);
  if (bad.length) throw new CatalogError(bad);
  compileCatalog(r.data);
  return r.data;
}
