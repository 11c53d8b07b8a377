import { Dec, fmt } from "../_decimal.js";
import { compileCatalog, type CompiledCatalog } from "../catalog/compile.js";
import { CatalogError, DatasetError, FormulaError, createIssue, type Issue } from "../errors.js";
import { resolveCatalog } from "../catalog/registry.js";
import { loadDataset, readDataset, type Dataset, type DatasetInput } from "../io/dataset.js";
import { checkRoster } from "../io/roster.js";
import { applyOverrides, type Override } from "../io/overrides.js";
import { normalizedOf } from "./fastRead.js";
import { readRaw } from "../_parse.js";
import { ranked, readFast, scoreFastUnits, scorePoints, type Detail } from "./points.js";
import { evaluateLevelUnits, evaluateLevelUnitsCompact, evaluateLevelUnitsReference } from "./levels.js";
import { childLevelsByParent } from "../levels/index.js";
import { normalizeDataset } from "./normalize.js";
import type { ReadingUsed, ScoreResult, UnitResult } from "./types.js";
import { CATALOG_READING, withReadings, type ReadingChoice } from "../catalog/readings.js";
import { readingUsed } from "./evaluate.js";
import { scoreValidUnits } from "./skipInvalid.js";

/** Options of {@link score}. */
export interface ScoreOptions {
  /** Catalogs by id for child units when they are not built-in (e.g. loaded from files). */
  readonly catalogs?: Readonly<Record<string, CompiledCatalog>>;
  /** What-if changes applied to a copy of the dataset before scoring. */
  readonly overrides?: readonly Override[];
  /** The previous year's result: inputs marked `previous: improvement` are computed from it when not reported. */
  readonly previous?: ScoreResult;
  /**
   * How much of each unit to return: `full` (default: every indicator, every period with its
   * trace), `indicators` (annual indicator scores, no per-period records) or `totals` (totals,
   * ranks and period totals only: for a portal recomputing on every edit).
   */
  readonly detail?: Detail;
  /**
   * `fast` (default): the compiled exact path (docs/fast-path.md), which hands a unit to the
   * reference whenever it cannot certify a printed digit; `reference`: the decimal.js engine for
   * every unit (for comparison, and to see every trace computed up front).
   */
  readonly engine?: "fast" | "reference";
  /**
   * Score the units without problems instead of refusing the dataset: the others are listed in
   * `rejected` with every problem of theirs. Problems not tied to a unit (the catalog, the
   * periods) still throw.
   */
  readonly skipInvalid?: boolean;
  /**
   * Readings of ambiguous nodes to score with (issue 13): node code (or `"catalog"`) → reading
   * id, e.g. `{ "7.1": "asWritten" }`; the others read their default. See `withReadings`.
   */
  readonly readings?: ReadingChoice;
}

/**
 * The readings a catalog scores with: every node with readings and the reading in force.
 * @returns Undefined for a catalog without readings.
 */
export function readingsOf(catalog: CompiledCatalog): Readonly<Record<string, ReadingUsed>> | undefined {
  if (usedCache.has(catalog)) return usedCache.get(catalog);
  let out: Record<string, ReadingUsed> | undefined;
  if (Object.keys(catalog.readingsInForce).length) {
    out = {};
    if (catalog.catalogReading) out[CATALOG_READING] = Object.freeze(readingUsed(catalog.catalogReading));
    for (const n of catalog.order) if (n.reading) out[n.code] = Object.freeze(readingUsed(n.reading));
    Object.freeze(out);
  }
  usedCache.set(catalog, out);
  return out;
}
// Per compiled catalog, once: a portal re-scores on every edit (the records are frozen, shared by every result).
const usedCache = new WeakMap<CompiledCatalog, Readonly<Record<string, ReadingUsed>> | undefined>();

/**
 * Fills inputs marked `previous: improvement` from the previous year's result, for units that
 * report no value: the relative improvement of the unit's total, the indicator itself excluded.
 */
function improvementOverrides(
  catalog: CompiledCatalog,
  first: ScoreResult,
  ds: Dataset,
  previous: ScoreResult,
): { overrides: Override[]; notes: Issue[] } {
  const overrides: Override[] = [];
  const notes: Issue[] = [];
  const last = ds.periods[ds.periods.length - 1]!;
  const before = new Map(previous.units.flatMap((u) => (u.catalog === catalog.id && u.scoring === "points" ? [[u.id, u] as const] : [])));
  const given = new Map(ds.units.map((u) => [u.id, u.data[last]]));
  for (const node of catalog.leaves) {
    const field = node.fields.find((f) => node.inputs[f.name]?.previous === "improvement");
    if (!field) continue;
    for (const unit of first.units) {
      const old = before.get(unit.id);
      if (unit.scoring !== "points" || unit.catalog !== catalog.catalog.id || !old || given.get(unit.id)?.[node.code] !== undefined)
        continue;
      const now = new Dec(unit.total).minus(unit.indicators[node.code]?.score ?? 0);
      const then = new Dec(old.total).minus(old.indicators[node.code]?.score ?? 0);
      const value = then.gt(0) ? Dec.max(now.minus(then).div(then), 0) : new Dec(0);
      overrides.push({ unit: unit.id, period: last, code: node.code, field: field.name, value: value.toDecimalPlaces(6).toNumber() });
      notes.push(
        createIssue(
          "dataset",
          "derivedFromPrevious",
          { unit: unit.id, period: last, indicator: node.code, field: field.name },
          {
            detail: `${field.name} = (${fmt(now)} − ${fmt(then)}) / ${fmt(then)} = ${fmt(value)} (improvement over ${previous.year}, ${node.code} excluded)`,
          },
        ),
      );
    }
  }
  return { overrides, notes };
}

/**
 * Runs the dataset's checks with the roster's (ids outside it, same names, look-alike ids,
 * sparse units): the errors of both are thrown together, the roster's warnings join the others.
 */
function withRoster<R extends { readonly warnings: readonly Issue[] }>(ds: Dataset, check: () => R): R {
  const roster = checkRoster(ds);
  let checked: R;
  try {
    checked = check();
  } catch (e) {
    if (e instanceof DatasetError && roster.errors.length) throw new DatasetError([...e.issues, ...roster.errors]);
    throw e;
  }
  if (roster.errors.length) throw new DatasetError(roster.errors);
  return { ...checked, warnings: [...checked.warnings, ...roster.warnings] };
}

function childCatalogOf(catalog: CompiledCatalog, options: ScoreOptions): CompiledCatalog | undefined {
  if (!catalog.childCatalog) return undefined;
  // Not getCatalog: importing builtin.ts would bundle every built-in catalog with score().
  return resolveCatalog(catalog.childCatalog, options.catalogs, catalog.id);
}

/**
 * The fast path end to end: the compiled reader, the roster checks and the fast scorer. Returns
 * undefined when the reference reader must read the dataset (a problem, a warning of its own, a
 * catalog with child units or without a compiled form).
 */
function scoreCompactly(catalog: CompiledCatalog, dataset: Dataset | DatasetInput | string, detail: Detail): ScoreResult | undefined {
  const reading = readFast(catalog, dataset);
  if (!reading) return undefined;
  const { plan, units: compact } = reading;
  const head = { catalog: catalog.id, year: reading.year, periods: plan.periods };
  if (catalog.scoring === "levels") {
    // Read by the compiled reader; each level decided on integers by the level engine.
    const units = evaluateLevelUnitsCompact(plan, compact, new Map());
    return { ...head, units, warnings: reading.warnings };
  }
  const issues: Issue[] = [];
  const fast = scoreFastUnits(plan, compact, undefined, (i) => normalizedOf(plan, compact[i]!), issues, detail);
  if (!fast) return undefined;
  if (issues.length) throw new FormulaError(issues);
  return { ...head, units: ranked(fast.scored), warnings: reading.warnings };
}

/**
 * A copy of the dataset with the what-if changes. Its shape is checked first, by the compiled
 * reader when it takes the dataset as it is (a gap search re-scores many times), else by the full
 * schema, which names every problem.
 */
function withOverrides(catalog: CompiledCatalog, dataset: Dataset | DatasetInput | string, overrides: readonly Override[]): DatasetInput {
  const { raw } = readRaw(dataset, "dataset");
  // The full schema reads the source again (a file's problems then name the file).
  return applyOverrides(readFast(catalog, raw) ? (raw as Dataset) : loadDataset(dataset), overrides);
}

/**
 * Scores a dataset against a catalog: every unit × period × indicator with its trace, the
 * year (mean / last), groups, totals and ranks; or, for level catalogs, each unit's level.
 * @param catalog The catalog (from `getCatalog` or `loadCatalog`).
 * @param dataset A dataset object, YAML/JSON text, or a file path (Node).
 * @param options Extra catalogs for mixed datasets.
 * @returns Units in rank order, with traces.
 * @throws DatasetError listing every problem of the dataset (with `skipInvalid`, only those not tied to a unit); FormulaError for zero denominators under the `error` policy; CatalogError for a structure-only catalog.
 * @example
 * const result = score(getCatalog("dong-nai-2023/so"), loadDataset("fixtures/dong-nai-2023-so.sample.yaml"));
 * result.units[0]; // { id: "so-tttt", name, total: "925.75", rank: 1, indicators: { "6.3.2": { score, max, periods } } }
 */
export function score(catalog: CompiledCatalog, dataset: Dataset | DatasetInput | string, options: ScoreOptions = {}): ScoreResult {
  // The readings are applied once, here: the catalog compiled with them is what every step below scores.
  const { readings, ...rest } = options;
  const read = readings ? withReadings(catalog, readings) : compileCatalog(catalog);
  const result = scoreRead(read, dataset, rest);
  const used = readingsOf(read);
  return used ? { ...result, readings: used } : result;
}

function scoreRead(catalog: CompiledCatalog, dataset: Dataset | DatasetInput | string, options: ScoreOptions): ScoreResult {
  if (options.skipInvalid) return scoreValidUnits(score, catalog, dataset, { ...options, skipInvalid: false });
  if (catalog.scoring === "structure") {
    throw new CatalogError([createIssue("catalog", "structureOnly", { catalog: catalog.id })]);
  }
  // The shape is checked on every call, by content (a dataset edited in place is checked again),
  // unit by unit: a unit with a shape problem is left out of the value checks, and every problem
  // of every unit is reported at once.
  const engine = options.engine ?? "fast";
  const source = options.overrides?.length ? withOverrides(compileCatalog(catalog), dataset, options.overrides) : dataset;
  if (engine === "fast" && !options.previous) {
    const fast = scoreCompactly(compileCatalog(catalog), source, options.detail ?? "full");
    if (fast) return fast;
  }
  const reading = readDataset(source);
  const levelsOf = engine === "reference" ? evaluateLevelUnitsReference : evaluateLevelUnits;
  const ds = reading.dataset;
  if (!ds) throw new DatasetError(reading.issues);
  // A no-op for the compiled catalogs loadCatalog/getCatalog return; compiles a plain Catalog passed from JavaScript.
  const main = compileCatalog(catalog);
  const child = childCatalogOf(catalog, options);
  const { units, warnings } = withRoster(ds, () =>
    normalizeDataset(ds, main, child, {
      pending: reading.issues,
      unitIndex: reading.unitIndex,
      otherIds: reading.otherIds,
    }),
  );
  const issues: Issue[] = [];
  const results: UnitResult[] = [];
  const childUnits = child ? units.filter((u) => u.catalog === child) : [];
  const mainUnits = units.filter((u) => u.catalog === main);
  let childLevels = new Map<string, number[]>();
  if (child && childUnits.length) {
    const childResults =
      child.scoring === "levels"
        ? levelsOf(child, childUnits, ds.periods, "final", new Map())
        : scorePoints(child, childUnits, ds.periods, issues, options.detail, engine);
    childLevels = childLevelsByParent(childResults.map((r) => (r.scoring === "levels" ? r : {})));
    results.push(...childResults);
  }
  const mainResults =
    main.catalog.scoring === "levels"
      ? levelsOf(main, mainUnits, ds.periods, "final", childLevels)
      : // With a previous year, the improvement leaves the indicator's own score out: it needs the indicators.
        scorePoints(
          main,
          mainUnits,
          ds.periods,
          issues,
          options.previous && options.detail === "totals" ? "indicators" : options.detail,
          engine,
        );
  // Only zero denominators under the `error` policy reach here: the data itself passed its checks.
  if (issues.length) throw new FormulaError(issues);
  const first: ScoreResult = {
    catalog: catalog.id,
    year: ds.year,
    periods: ds.periods,
    units: [...mainResults, ...results],
    warnings,
    ...(ds.parents ? { parents: ds.parents } : {}),
  };
  if (options.previous && main.catalog.scoring === "points") {
    const { overrides, notes } = improvementOverrides(main, first, ds, options.previous);
    if (overrides.length) {
      // ds already holds options.overrides; add the derived inputs and score once more.
      const again = score(catalog, ds, {
        ...(options.catalogs ? { catalogs: options.catalogs } : {}),
        ...(options.detail ? { detail: options.detail } : {}),
        engine,
        overrides,
      });
      return { ...again, warnings: [...again.warnings, ...notes] };
    }
    // Nothing derived: the indicators read for the improvement are not what `totals` asked for.
    if (options.detail === "totals")
      return {
        ...first,
        units: first.units.map((u) => (u.scoring === "points" && u.catalog === main.catalog.id ? { ...u, indicators: {} } : u)),
      };
  }
  return first;
}
