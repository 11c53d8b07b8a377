import { Dec } from "../_decimal.js";
import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import type { FieldValue, Inputs } from "../formulas/_types.js";
import { own } from "../_own.js";
import { compileCriterion, type CompiledCriterion } from "../levels/compiled.js";
import {
  blockersAt,
  criterionLevel,
  missingChecks,
  recognise,
  TOP_LEVEL,
  type Blocker,
  type CriterionResult,
  type RequirementCheck,
} from "../levels/index.js";
import { entriesFor, type Assessment } from "./evaluate.js";
import { resolveInputs, type Entry, type NormalizedUnit } from "./normalize.js";
import type { FastPlan } from "./fastPlan.js";
import { Status, normalizedOf, type CompactUnit } from "./fastRead.js";
import { competitionRanks } from "./rank.js";
import type { LevelUnit } from "./types.js";

/** Scores one unit's criteria in the last period (level catalogs are assessed once a year). */
function criteriaOf(
  catalog: CompiledCatalog,
  unit: NormalizedUnit,
  last: string,
  which: Assessment,
  childLevels: readonly number[],
): CriterionResult[] {
  const { entries } = entriesFor(unit, last, which);
  const criteria: CriterionResult[] = [];
  for (const node of catalog.leaves) {
    const entry = entries.get(node.code);
    const base = { code: node.code, name: node.name, blocking: [], inputs: {} };
    if (entry?.na) {
      criteria.push({ ...base, levelMet: 5, status: "notApplicable", checks: [] });
      continue;
    }
    const { inputs, missing } = resolveInputs(node, entry ? entry.values : {}, unit.profile, entries);
    if ((!entry && node.fields.length > 0) || missing.length || !node.criterion) {
      const checks = missingChecks(node.criterion);
      criteria.push({ ...base, levelMet: Math.min(...checks.map((c) => c.level - 1), 5), status: "missing", checks });
      continue;
    }
    const level = criterionLevel({ formula: node.criterion, inputs, childLevels, zeroDenominator: node.zeroDenominator });
    criteria.push({ ...base, levelMet: level.met, status: "scored", checks: level.checks, inputs: shownInputs(inputs) });
  }
  return criteria;
}

/** Inputs as the result shows them: decimals as text. */
function shownInputs(inputs: Inputs): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) shown[k] = v instanceof Dec ? v.toString() : String(v);
  return shown;
}

/**
 * The reference recognition: every check built up front with decimal.js (for comparison with
 * {@link evaluateLevelUnits}, which gives the same results).
 * @returns Unit results ranked by level.
 */
export function evaluateLevelUnitsReference(
  catalog: CompiledCatalog,
  units: readonly NormalizedUnit[],
  periods: readonly string[],
  which: Assessment,
  childLevels: ReadonlyMap<string, number[]>,
): LevelUnit[] {
  const last = periods[periods.length - 1]!;
  const names = new Map((catalog.levels ?? []).map((l) => [l.level, l.name]));
  const counted = (code: string) => !catalog.nodes.get(code)!.unscored;
  const results = units.map((unit) => {
    const r = recognise(criteriaOf(catalog, unit, last, which, childLevels.get(unit.id) ?? []), counted, unit.registered);
    return {
      id: unit.id,
      name: unit.name,
      catalog: catalog.id,
      ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
      scoring: "levels" as const,
      rank: 0,
      level: r.level,
      levelName: names.get(r.level) ?? (r.level === 0 ? "Chưa đạt" : String(r.level)),
      ...(unit.registered !== undefined ? { registered: unit.registered } : {}),
      ...(r.recognised !== undefined ? { recognised: r.recognised } : {}),
      criteria: Object.fromEntries(r.criteria.map((c) => [c.code, c])),
      blockers: r.blockers,
      ...(r.registeredBlockers ? { registeredBlockers: r.registeredBlockers } : {}),
    } satisfies LevelUnit;
  });
  const ranks = competitionRanks(results.map((r) => r.level));
  return results.map((r, i) => ({ ...r, rank: ranks[i]! })).sort((a, b) => a.rank - b.rank);
}

/** What is fixed per catalog leaf: read once, not per unit. */
interface LeafPlan {
  readonly node: CompiledNode;
  /** Counts towards the unit's level (unscored criteria are shown but do not count). */
  readonly counted: boolean;
  /** Every field is the entry's own (no `from`, no default): the entry's values are the inputs. */
  readonly direct: boolean;
  /** The level a criterion without data meets: one below its first requirement. */
  readonly missingLevel: number;
  /** The exact decision, or undefined: the reference decides. */
  readonly decide: CompiledCriterion | undefined;
}

const plans = new WeakMap<CompiledCatalog, LeafPlan[]>();
function plansOf(catalog: CompiledCatalog): LeafPlan[] {
  let list = plans.get(catalog);
  if (!list) {
    list = catalog.leaves.map((node) => ({
      node,
      counted: !node.unscored,
      direct: node.fields.every((f) => f.from === undefined && f.absentAs === undefined),
      missingLevel: Math.min(...missingChecks(node.criterion).map((c) => c.level - 1), TOP_LEVEL),
      decide:
        node.criterion &&
        compileCriterion(
          node.criterion,
          node.zeroDenominator,
          node.fields.map((f) => f.name),
        ),
    }));
    plans.set(catalog, list);
  }
  return list;
}

/** What the criteria of one unit share: its data and its level (to build checks and blockers when read). */
interface UnitContext {
  readonly unit: NormalizedUnit;
  readonly entries: ReadonlyMap<string, Entry>;
  readonly childLevels: readonly number[];
  readonly level: number;
}

/** The reference's keys, in its order (an optional one is left out when undefined). */
const CRITERION_KEYS = ["code", "name", "blocking", "inputs", "levelMet", "status", "checks"] as const;
const UNIT_KEYS = [
  "id",
  "name",
  "catalog",
  "parent",
  "scoring",
  "rank",
  "level",
  "levelName",
  "registered",
  "recognised",
  "criteria",
  "blockers",
  "registeredBlockers",
] as const;

/** A plain copy of the given keys of an object, in that order, leaving out undefined ones (for JSON). */
function ordered<T extends object>(o: T, keys: readonly (keyof T & string)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * A criterion's result whose checks, shown inputs and blockers are built when first read (most
 * results are read for levels and ranks only). The level is decided up front, exactly; the checks
 * come from the reference, `criterionLevel`. JSON output is the reference's, key for key; a spread
 * copy (`{ ...c }`) holds the own fields only: read `checks`, `inputs`, `blocking` by name.
 */
class LevelCriterion implements CriterionResult {
  readonly code: string;
  readonly name: string;
  readonly levelMet: number;
  readonly status: CriterionResult["status"];
  readonly #plan: LeafPlan;
  readonly #unit: UnitContext;
  #inputs: Inputs | undefined;
  #checks: readonly RequirementCheck[] | undefined;
  #shown: Readonly<Record<string, string>> | undefined;
  #blocking: readonly Blocker[] | undefined;
  constructor(
    plan: LeafPlan,
    unit: UnitContext,
    status: CriterionResult["status"],
    levelMet: number,
    checks: readonly RequirementCheck[] | undefined,
  ) {
    this.code = plan.node.code;
    this.name = plan.node.name;
    this.levelMet = levelMet;
    this.status = status;
    this.#plan = plan;
    this.#unit = unit;
    this.#checks = checks;
  }
  /** The resolved inputs of a scored criterion (read again from the unit's data). */
  #resolved(): Inputs {
    if (!this.#inputs) {
      const { node } = this.#plan;
      const { unit, entries } = this.#unit;
      const entry = entries.get(node.code);
      this.#inputs = resolveInputs(node, entry && !entry.na ? entry.values : {}, unit.profile, entries).inputs;
    }
    return this.#inputs;
  }
  get checks(): readonly RequirementCheck[] {
    if (this.#checks) return this.#checks;
    const { node } = this.#plan;
    if (this.status === "scored")
      this.#checks = criterionLevel({
        formula: node.criterion!,
        inputs: this.#resolved(),
        childLevels: this.#unit.childLevels,
        zeroDenominator: node.zeroDenominator,
      }).checks;
    else this.#checks = this.status === "missing" ? missingChecks(node.criterion) : [];
    return this.#checks;
  }
  get inputs(): Readonly<Record<string, string>> {
    return (this.#shown ??= this.status === "scored" ? shownInputs(this.#resolved()) : {});
  }
  get blocking(): readonly Blocker[] {
    const level = this.#unit.level;
    return (this.#blocking ??= level < TOP_LEVEL ? blockersAt([this], level + 1) : []);
  }
  /** The reference's key order. */
  toJSON(): CriterionResult {
    return ordered(this, CRITERION_KEYS) as unknown as CriterionResult;
  }
}

/** A unit result whose blockers are built when first read (see {@link LevelCriterion}). */
class LevelUnitResult implements LevelUnit {
  readonly id: string;
  readonly name: string;
  readonly catalog: string;
  declare readonly parent?: string;
  readonly scoring = "levels" as const;
  rank = 0;
  readonly level: number;
  readonly levelName: string;
  declare readonly registered?: number;
  declare readonly recognised?: boolean;
  declare readonly registeredBlockers?: readonly Blocker[];
  readonly #build: () => { criteria: Record<string, LevelCriterion>; counted: readonly LevelCriterion[] };
  #built: { criteria: Record<string, LevelCriterion>; counted: readonly LevelCriterion[] } | undefined;
  #blockers: readonly Blocker[] | undefined;
  constructor(
    unit: Pick<NormalizedUnit, "id" | "name" | "parent" | "registered">,
    catalogId: string,
    level: number,
    levelName: string,
    build: () => { criteria: Record<string, LevelCriterion>; counted: readonly LevelCriterion[] },
  ) {
    this.id = unit.id;
    this.name = unit.name;
    this.catalog = catalogId;
    if (unit.parent !== undefined) (this as { parent?: string }).parent = unit.parent;
    this.level = level;
    this.levelName = levelName;
    const registered = unit.registered;
    if (registered !== undefined) {
      (this as { registered?: number }).registered = registered;
      (this as { recognised?: boolean }).recognised = level >= registered;
    }
    this.#build = build;
    if (registered !== undefined && level < registered) {
      // Present only when the registered level is not reached, as in the reference (an own getter).
      let list: readonly Blocker[] | undefined;
      Object.defineProperty(this, "registeredBlockers", {
        enumerable: true,
        get: () => (list ??= blockersAt(this.#criteriaBuilt().counted, registered)),
      });
    }
  }
  /** The criteria, built when first read (most results are read for levels and ranks only). */
  #criteriaBuilt(): { criteria: Record<string, LevelCriterion>; counted: readonly LevelCriterion[] } {
    return (this.#built ??= this.#build());
  }
  get criteria(): Readonly<Record<string, LevelCriterion>> {
    return this.#criteriaBuilt().criteria;
  }
  get blockers(): readonly Blocker[] {
    // The unit's blockers are its counted criteria's own, in document order.
    return (this.#blockers ??= this.#criteriaBuilt().counted.flatMap((c) => c.blocking));
  }
  /** The reference's key order. */
  toJSON(): LevelUnit {
    return ordered(this, UNIT_KEYS) as unknown as LevelUnit;
  }
}

const NO_CHILDREN: readonly number[] = [];
const NO_VALUES: Readonly<Record<string, FieldValue>> = {};

/**
 * Recognises the level of each unit of a level catalog from its data of the last period: each
 * criterion's level decided exactly on integers (src/levels/compiled.ts), the checks and blockers
 * built when read. Results are those of {@link evaluateLevelUnitsReference}.
 * @param childLevels Achieved levels of each parent's child units (roll-up criteria).
 * @returns Unit results ranked by level.
 */
export function evaluateLevelUnits(
  catalog: CompiledCatalog,
  units: readonly NormalizedUnit[],
  periods: readonly string[],
  which: Assessment,
  childLevels: ReadonlyMap<string, number[]>,
): LevelUnit[] {
  const last = periods[periods.length - 1]!;
  const { names, leaves, n, status, met, decided } = scratch(catalog);
  const results = units.map((unit) => {
    const { entries } = entriesFor(unit, last, which);
    const children = childLevels.get(unit.id) ?? NO_CHILDREN;
    // The unit's level: the lowest level its counted criteria meet (0 when Khởi động is not reached).
    let level = TOP_LEVEL;
    for (let i = 0; i < n; i++) {
      const plan = leaves[i]!;
      const node = plan.node;
      const entry = entries.get(node.code);
      decided[i] = undefined;
      if (entry?.na) {
        status[i] = "notApplicable";
        met[i] = TOP_LEVEL;
      } else {
        let inputs: Inputs | undefined;
        if (plan.direct) {
          // The entry's own values are the inputs; a field it lacks is missing.
          const values = entry ? entry.values : NO_VALUES;
          inputs = values;
          for (const f of node.fields) if (own(values, f.name) === undefined) inputs = undefined;
        } else {
          const r = resolveInputs(node, entry ? entry.values : NO_VALUES, unit.profile, entries);
          inputs = r.missing.length ? undefined : r.inputs;
        }
        if ((!entry && node.fields.length > 0) || !inputs || !node.criterion) {
          status[i] = "missing";
          met[i] = plan.missingLevel;
        } else {
          status[i] = "scored";
          let m = plan.decide?.(inputs, children);
          if (m === undefined) {
            const r = criterionLevel({ formula: node.criterion, inputs, childLevels: children, zeroDenominator: node.zeroDenominator });
            m = r.met;
            decided[i] = r.checks;
          }
          met[i] = m;
        }
      }
      if (plan.counted && met[i]! < level) level = met[i]!;
    }
    const context: UnitContext = { unit, entries, childLevels: children, level };
    return new LevelUnitResult(unit, catalog.id, level, levelName(names, level), criteriaBuilder(leaves, context, status, met, decided));
  });
  return rankedByLevel(results);
}

/**
 * What evaluating a catalog's units needs: the level names, the criteria's plans and one unit's
 * decisions (status, level met, and the checks when the reference had to decide: a value beyond
 * the safe integers, a literal that is not a short decimal), reused from unit to unit.
 */
function scratch(catalog: CompiledCatalog) {
  const leaves = plansOf(catalog);
  const n = leaves.length;
  return {
    names: new Map((catalog.levels ?? []).map((l) => [l.level, l.name])),
    leaves,
    n,
    status: new Array<CriterionResult["status"]>(n),
    met: new Int8Array(n),
    decided: new Array<readonly RequirementCheck[] | undefined>(n),
  };
}

/** A level's name in the catalog ("Chưa đạt" below level 1). */
function levelName(names: ReadonlyMap<number, string>, level: number): string {
  return names.get(level) ?? (level === 0 ? "Chưa đạt" : String(level));
}

/** Builds a unit's criteria when first read, from copies of what was decided. */
function criteriaBuilder(
  leaves: readonly LeafPlan[],
  context: UnitContext,
  status: readonly CriterionResult["status"][],
  met: Int8Array,
  decided: readonly (readonly RequirementCheck[] | undefined)[],
): () => { criteria: Record<string, LevelCriterion>; counted: readonly LevelCriterion[] } {
  const unitStatus = status.slice();
  const unitMet = met.slice();
  const unitDecided = decided.some((d) => d !== undefined) ? decided.slice() : undefined;
  return () => {
    const criteria: Record<string, LevelCriterion> = {};
    const counted: LevelCriterion[] = [];
    for (let i = 0; i < leaves.length; i++) {
      const c = new LevelCriterion(leaves[i]!, context, unitStatus[i]!, unitMet[i]!, unitDecided?.[i]);
      criteria[c.code] = c;
      if (leaves[i]!.counted) counted.push(c);
    }
    return { criteria, counted };
  };
}

/** Competition ranking on the level, highest first (1, 2, 2, 4), as the reference ranks; the sort is stable. */
function rankedByLevel(results: LevelUnitResult[]): LevelUnitResult[] {
  const atLevel = new Array<number>(TOP_LEVEL + 1).fill(0);
  for (const r of results) atLevel[r.level]!++;
  for (const r of results) {
    let above = 0;
    for (let l = r.level + 1; l <= TOP_LEVEL; l++) above += atLevel[l]!;
    r.rank = above + 1;
  }
  return results.sort((a, b) => a.rank - b.rank);
}

/** A unit's data for its criteria' checks, rebuilt from the compiled reader's values when first read. */
class CompactContext implements UnitContext {
  #unit: NormalizedUnit | undefined;
  #entries: ReadonlyMap<string, Entry> | undefined;
  level = 0;
  constructor(
    readonly plan: FastPlan,
    readonly compact: CompactUnit,
    readonly childLevels: readonly number[],
  ) {}
  get unit(): NormalizedUnit {
    return (this.#unit ??= normalizedOf(this.plan, this.compact));
  }
  get entries(): ReadonlyMap<string, Entry> {
    return (this.#entries ??= entriesFor(this.unit, this.plan.periods[this.plan.periods.length - 1]!, "final").entries);
  }
}

/**
 * {@link evaluateLevelUnits} on the compiled reader's values (docs/fast-path.md): each criterion of
 * the last period decided on integers straight from the typed arrays; a unit's decimals are made
 * only when a criterion needs the reference or its checks are read.
 */
export function evaluateLevelUnitsCompact(
  plan: FastPlan,
  units: readonly CompactUnit[],
  childLevels: ReadonlyMap<string, number[]>,
): LevelUnit[] {
  const catalog = plan.catalog;
  const p = plan.periods.length - 1;
  const L = plan.leaves.length;
  const { names, leaves, n, status, met, decided } = scratch(catalog);
  const results = units.map((u) => {
    const children = childLevels.get(u.id) ?? NO_CHILDREN;
    const context = new CompactContext(plan, u, children);
    let level = TOP_LEVEL;
    for (let i = 0; i < n; i++) {
      const lp = leaves[i]!;
      const node = lp.node;
      // The plan's leaves are the catalog's, in the same order.
      const leaf = plan.leaves[i]!;
      const st = u.status[u.statusAt + p * L + leaf.index];
      decided[i] = undefined;
      if (st === Status.NotApplicable) {
        status[i] = "notApplicable";
        met[i] = TOP_LEVEL;
      } else if ((st === Status.NotReported && node.fields.length > 0) || st === Status.InputsMissing || !node.criterion) {
        status[i] = "missing";
        met[i] = lp.missingLevel;
      } else {
        status[i] = "scored";
        let m =
          st === Status.Values
            ? lp.decide?.compact(u.vals, u.scales, u.at + p * plan.width + leaf.offset, children)
            : lp.decide?.(NO_VALUES, children);
        if (m === undefined) {
          const entry = context.entries.get(node.code);
          const { inputs } = resolveInputs(node, entry && !entry.na ? entry.values : NO_VALUES, context.unit.profile, context.entries);
          const r = criterionLevel({ formula: node.criterion, inputs, childLevels: children, zeroDenominator: node.zeroDenominator });
          m = r.met;
          decided[i] = r.checks;
        }
        met[i] = m;
      }
      if (lp.counted && met[i]! < level) level = met[i]!;
    }
    context.level = level;
    return new LevelUnitResult(u, catalog.id, level, levelName(names, level), criteriaBuilder(leaves, context, status, met, decided));
  });
  return rankedByLevel(results);
}
