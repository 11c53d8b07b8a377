import { Dec } from "../_decimal.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { criterionLevel, missingChecks, recognise, type CriterionResult } from "../levels/index.js";
import { entriesFor, type Assessment } from "./evaluate.js";
import { resolveInputs, type NormalizedUnit } from "./normalize.js";
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
    const shown: Record<string, string> = {};
    for (const [k, v] of Object.entries(inputs)) shown[k] = v instanceof Dec ? v.toString() : String(v);
    criteria.push({ ...base, levelMet: level.met, status: "scored", checks: level.checks, inputs: shown });
  }
  return criteria;
}

/**
 * Recognises the level of each unit of a level catalog from its data of the last period.
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
