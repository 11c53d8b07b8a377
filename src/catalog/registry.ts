import { CatalogError, createIssue } from "../errors.js";
import { loadCatalog } from "./load.js";
import type { CompiledCatalog } from "./compile.js";

// Catalogs findable by id without importing them: score() looks up a child catalog here (Kon Tum
// districts score their communes with `kon-tum-2025/xa`) so that it need not import builtin.ts,
// which would bundle every built-in catalog. builtin.ts registers all built-ins when it is
// evaluated, a per-catalog entry (`dti-engine/catalogs/<id>`) its own catalog and child. With
// "sideEffects": false a bundler drops builtin.ts, registration included, only when nothing uses
// getCatalog/listCatalogs, i.e. exactly when the built-ins are not in the bundle; Node (no tree
// shaking) always evaluates it through the package's index, so lookups there behave as before.
const sources = new Map<string, unknown>();
const loaded = new Map<string, CompiledCatalog>();

/**
 * Makes catalog sources findable by id (for child catalogs). The first source of an id wins.
 * @param byId Unvalidated catalog sources (as YAML parses them) by catalog id.
 */
export function registerCatalogSources(byId: Readonly<Record<string, unknown>>): void {
  for (const [id, source] of Object.entries(byId)) if (!sources.has(id)) sources.set(id, source);
}

/**
 * A registered catalog, validated and compiled on first use, then shared.
 * @param id Catalog id.
 * @returns The catalog, or undefined if no source of that id is registered.
 */
export function registeredCatalog(id: string): CompiledCatalog | undefined {
  const hit = loaded.get(id);
  if (hit) return hit;
  if (!sources.has(id)) return undefined;
  const catalog = loadCatalog(sources.get(id) as object);
  loaded.set(id, catalog);
  return catalog;
}

/**
 * Resolves a catalog referred to by id (a `childCatalog`, a unit's `catalog`): from `catalogs`,
 * else from the registered ones.
 * @param id Catalog id.
 * @param catalogs Catalogs given by the caller (e.g. `ScoreOptions.catalogs`).
 * @param referrer Id of the catalog that refers to it (named in the error).
 * @returns The catalog.
 * @throws CatalogError (`unknownCatalog`) naming the id and how to provide it.
 */
export function resolveCatalog(id: string, catalogs?: Readonly<Record<string, CompiledCatalog>>, referrer?: string): CompiledCatalog {
  const given = catalogs && Object.hasOwn(catalogs, id) ? catalogs[id] : undefined;
  const found = given ?? registeredCatalog(id);
  if (found) return found;
  throw new CatalogError([
    // detail: the module that provides it; the message adds options.catalogs and getCatalog.
    createIssue("catalog", "unknownCatalog", referrer !== undefined ? { catalog: referrer } : {}, {
      received: id,
      expected: [...sources.keys()].sort().join(", ") || "-",
      detail: `dti-engine/catalogs/${id}`,
    }),
  ]);
}
