import { Dec } from "../_decimal.js";
import { CatalogError, createIssue } from "../errors.js";
import { builtinCatalogSources } from "./builtins/index.js";
import type { CompiledCatalog } from "./compile.js";
import { registerCatalogSources, registeredCatalog } from "./registry.js";
import type { Catalog } from "./schema.js";

// Evaluated whenever this module is (in Node always, through the package index; in a bundle only
// when getCatalog/listCatalogs is used): score() then finds built-in child catalogs by id.
registerCatalogSources(builtinCatalogSources);

/**
 * Returns a built-in catalog (bundled: no filesystem needed, works in a browser).
 * @param id Catalog id such as `dong-nai-2023/so`.
 * @returns The compiled catalog (compiled once, then shared).
 * @throws CatalogError (`unknownCatalog`) naming the built-in ids.
 * @example
 * const catalog = getCatalog("dong-nai-2023/huyen");
 */
export function getCatalog(id: string): CompiledCatalog {
  // Only built-in ids: the registry may also hold sources registered by per-catalog entries.
  const catalog = Object.hasOwn(builtinCatalogSources, id) ? registeredCatalog(id) : undefined;
  if (!catalog) {
    throw new CatalogError([
      createIssue("catalog", "unknownCatalog", {}, { received: id, expected: Object.keys(builtinCatalogSources).join(", ") }),
    ]);
  }
  return catalog;
}

/** Summary of a built-in catalog. */
export interface CatalogSummary {
  readonly id: string;
  readonly title: string;
  readonly province: string;
  readonly level: Catalog["level"];
  readonly scoring: Catalog["scoring"];
  readonly document: string;
  /** What the encoded tree adds up to, as a decimal string ("1000"); "0" for level and structure catalogs. */
  readonly total: string;
  /** Total the document declares, if any. */
  readonly declaredTotal?: string;
  readonly mainIndicators: number;
  readonly indicators: number;
}

/**
 * Lists the built-in catalogs.
 * @returns One summary per catalog, sorted by id.
 */
export function listCatalogs(): CatalogSummary[] {
  return Object.keys(builtinCatalogSources)
    .sort()
    .map((id) => {
      const c = getCatalog(id);
      return {
        id,
        title: c.title,
        province: c.province,
        level: c.level,
        scoring: c.scoring,
        document: `${c.document.number} (${c.document.date})`,
        total: c.treeTotal.toFixed(),
        ...(c.declared?.total !== undefined ? { declaredTotal: new Dec(String(c.declared.total)).toFixed() } : {}),
        mainIndicators: c.indicators.length,
        indicators: c.order.length,
      };
    });
}
