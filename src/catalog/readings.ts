// Alternative readings of ambiguous rows (issue 13).
//
// A node (or the catalog, for the unit total's rule) may declare `readings`: one default — the
// node as encoded, no patch — and alternatives, each a patch (formula, max, zeroDenominator;
// aggregate, pillarMeanOf for the catalog). `withReadings` compiles the catalog with a choice of
// readings in force; the engines (fast path and reference) then score it like any catalog, since
// the patches are applied at compile time and nothing downstream knows about readings. Derived
// catalogs are cached per base catalog and normalized choice, so that a robustness analysis that
// enumerates many combinations compiles each one once (and the fast path, which keeps its plan per
// compiled catalog, plans it once).
import { CatalogError, createIssue, type Issue } from "../errors.js";
import { CATALOG_READING, compileCatalog, compileWith, type CompiledCatalog } from "./compile.js";
import type { Catalog, CatalogReading, NodeReading } from "./schema.js";

export { CATALOG_READING } from "./compile.js";

/** A choice of readings: node code (or `"catalog"` for the unit total's rule) → reading id. */
export type ReadingChoice = Readonly<Record<string, string>>;

/** The readings one node (or the catalog) declares, for listings and for enumerating combinations. */
export interface ReadingSet {
  /** Node code, or `"catalog"` for the catalog's own rule. */
  readonly code: string;
  /** Ids of the readings that can be chosen and scored (encoded), in the catalog's order. */
  readonly ids: readonly string[];
  /** Ids of the readings described but not encoded (`encoded: false`): listed, never scored. */
  readonly described: readonly string[];
  /**
   * Ids of the encoded alternatives that change only wording (input labels, a formula's labels):
   * what is collected, not how the same data score. A robustness analysis need not try them.
   */
  readonly wording: readonly string[];
  /** The default reading's id (the node as encoded). */
  readonly default: string;
  /** Every reading with its source text, rationale and patch. */
  readonly readings: readonly (NodeReading | CatalogReading)[];
}

/**
 * Every node of a catalog that declares readings, in document order (the catalog's own rule
 * first, under `"catalog"`). A robustness analysis enumerates combinations from it.
 * @param catalog A compiled catalog (a derived one lists the same readings as its base).
 * @returns One entry per node with readings.
 * @example
 * readingSets(getCatalog("dong-nai-2023/huyen")).find((s) => s.code === "7.1");
 * // { code: "7.1", ids: ["perFivePercent", "asWritten"], default: "perFivePercent", … }
 */
export function readingSets(catalog: CompiledCatalog): ReadingSet[] {
  const base = catalog.base ?? catalog;
  const cached = setsCache.get(base);
  if (cached) return cached;
  const entry = (code: string, list: readonly (NodeReading | CatalogReading)[]): ReadingSet => ({
    code,
    ids: list.filter((r) => r.encoded !== false).map((r) => r.id),
    described: list.filter((r) => r.encoded === false).map((r) => r.id),
    wording: list
      .filter(
        (r) =>
          !r.default && r.encoded !== false && wordingOnly(r, code === CATALOG_READING ? undefined : base.nodes.get(code)?.source.formula),
      )
      .map((r) => r.id),
    default: (list.find((r) => r.default) ?? list[0]!).id,
    readings: list,
  });
  const sets = [
    ...(base.readings?.length ? [entry(CATALOG_READING, base.readings)] : []),
    ...base.order.flatMap((n) => (n.source.readings?.length ? [entry(n.code, n.source.readings)] : [])),
  ];
  setsCache.set(base, sets);
  return sets;
}
const setsCache = new WeakMap<CompiledCatalog, ReadingSet[]>();

/** Whether a reading changes only wording: `inputs` labels, and a formula equal to the encoded one but for its labels. */
function wordingOnly(r: NodeReading | CatalogReading, encoded: unknown): boolean {
  const patch = Object.keys(r).filter((k) => !["id", "default", "source", "rationale", "encoded", "inputs"].includes(k));
  if (patch.length === 0) return "inputs" in r;
  return patch.length === 1 && patch[0] === "formula" && encoded !== undefined && sameButLabels((r as NodeReading).formula, encoded);
}

/** Deep equality of two formulas, `label` keys left out (labels are what a person reads, not how points are computed). */
function sameButLabels(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) => Object.keys(o).filter((k) => k !== "label");
  const ka = keys(a);
  const kb = keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && sameButLabels((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Checks a choice against a catalog and drops the entries that name the default reading.
 * @returns The non-default entries, sorted by key.
 * @throws CatalogError: `unknownReadingNode` (no such node), `noReadings` (a node without
 * readings), `unknownReading` (an id the node does not declare), `readingNotEncoded` (a reading
 * described but not encoded) — all at once, each naming the valid codes or ids.
 */
export function normalizeChoice(catalog: CompiledCatalog, choice: ReadingChoice): [string, string][] {
  const sets = new Map(readingSets(catalog).map((s) => [s.code, s]));
  const withReadings = [...sets.keys()].join(", ") || "-";
  const issues: Issue[] = [];
  const out: [string, string][] = [];
  for (const [code, id] of Object.entries(choice)) {
    const set = sets.get(code);
    const where = { catalog: catalog.id, ...(code !== CATALOG_READING ? { indicator: code } : {}) };
    if (!set) {
      const known = code === CATALOG_READING || catalog.nodes.has(code);
      issues.push(
        createIssue("catalog", known ? "noReadings" : "unknownReadingNode", where, { received: code, expected: withReadings }, [
          "readings",
          code,
        ]),
      );
    } else if (set.described.includes(id))
      issues.push(
        createIssue("catalog", "readingNotEncoded", where, { received: id, expected: set.ids.join(", "), detail: code }, [
          "readings",
          code,
        ]),
      );
    else if (!set.ids.includes(id))
      issues.push(
        createIssue("catalog", "unknownReading", where, { received: id, expected: set.ids.join(", "), detail: code }, ["readings", code]),
      );
    else if (id !== set.default) out.push([code, id]);
  }
  if (issues.length) throw new CatalogError(issues);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const derived = new WeakMap<CompiledCatalog, Map<string, CompiledCatalog>>();

/**
 * The catalog with the chosen readings in force: each chosen reading's patch applied to its node
 * (or to the unit total's rule), every other node as encoded. The result is an ordinary compiled
 * catalog — score it, explain it, plan it on the fast path — and records the readings in force
 * (`readingsInForce`, `CompiledNode.reading`). Derived catalogs are cached per base catalog and
 * normalized choice; a choice of defaults only returns the base catalog itself.
 * @param catalog A compiled catalog (a derived one: the choice is added to the readings it has).
 * @param choice Node code (or `"catalog"`) → reading id.
 * @returns The derived catalog.
 * @throws CatalogError (`unknownReadingNode`, `noReadings`, `unknownReading`) naming the valid codes and ids.
 * @example
 * const asWritten = withReadings(getCatalog("dong-nai-2023/huyen"), { "7.1": "asWritten" });
 * asWritten.nodes.get("7.1")!.reading!.id; // "asWritten"
 */
export function withReadings(catalog: CompiledCatalog | Catalog, choice: ReadingChoice): CompiledCatalog {
  const compiled = compileCatalog(catalog);
  const base = compiled.base ?? compiled;
  // A derived catalog keeps its own readings unless the choice names the same node again.
  const inherited = compiled.base
    ? Object.fromEntries(Object.entries(compiled.readingsInForce).filter(([code, id]) => id !== defaultOf(base, code)))
    : {};
  const entries = normalizeChoice(base, { ...inherited, ...choice });
  if (!entries.length) return base;
  const key = entries.map(([c, id]) => `${c}=${id}`).join("\u0000");
  let byKey = derived.get(base);
  if (!byKey) derived.set(base, (byKey = new Map()));
  let hit = byKey.get(key);
  if (!hit) byKey.set(key, (hit = compileWith(base.catalog, new Map(entries), base)));
  return hit;
}

function defaultOf(base: CompiledCatalog, code: string): string | undefined {
  return readingSets(base).find((s) => s.code === code)?.default;
}

/**
 * The readings in force that are not the default, as a choice (what `withReadings` was given).
 * @returns Node code → reading id; empty for a catalog as encoded.
 */
export function chosenReadings(catalog: CompiledCatalog): Record<string, string> {
  const base = catalog.base ?? catalog;
  return Object.fromEntries(Object.entries(catalog.readingsInForce).filter(([code, id]) => id !== defaultOf(base, code)));
}
