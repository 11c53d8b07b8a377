import { readInput } from "../_parse.js";
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
  const catalog = readInput(source, "catalog", CatalogSchema);
  compileCatalog(catalog);
  return catalog;
}
