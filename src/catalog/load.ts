import { readInput } from "../_parse.js";
import { compileCatalog, type CompiledCatalog } from "./compile.js";
import { CatalogSchema } from "./schema.js";

/**
 * Loads, validates and compiles a catalog (once: the result is what every other function takes).
 * @param source A file path (Node only), YAML/JSON text, or an already parsed object.
 * @returns The compiled catalog, with defaults applied.
 * @throws CatalogError listing every problem (schema, duplicate codes, unknown inputs…).
 * @example
 * const catalog = loadCatalog("catalogs/dong-nai-2023/so.yaml");
 */
export function loadCatalog(source: string | object): CompiledCatalog {
  return compileCatalog(readInput(source, "catalog", CatalogSchema));
}
