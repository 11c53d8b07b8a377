import { Dec } from "../_decimal.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import type { RequirementCheck } from "../formulas/_types.js";
import { requirements } from "../formulas/levels/index.js";
import { entriesFor, runFormula, type Assessment } from "./evaluate.js";
import { resolveInputs, type NormalizedUnit } from "./normalize.js";
import { competitionRanks } from "./rank.js";
import type { Blocker, CriterionResult, UnitResult } from "./types.js";

function missingChecks(node: CompiledCatalog["leaves"][number]): RequirementCheck[] {
  const f = node.formula;
  if (f?.kind !== "levels") return [];
  return requirements(f).map(([level, r]) => ({ level, text: r.text, met: false, missing: true }));
}

function blockersAt(criteria: readonly CriterionResult[], level: number): Blocker[] {
  return criteria.flatMap((c) =>
    c.checks
      .filter((k) => !k.met && k.level <= level)
      .map((k) => ({
        code: c.code,
        name: c.name,
        level: k.level,
        requirement: k.text,
        ...(k.value !== undefined ? { value: k.value } : {}),
        ...(k.min !== undefined ? { min: k.min } : {}),
        ...(k.scale !== undefined ? { scale: k.scale } : {}),
        missing: k.missing === true,
      })),
  );
}

/**
 * Recognises levels: per criterion the highest level it meets; per unit the highest level L
 * such that every requirement at levels 1…L is met (0 when Khởi động is not reached); the
 * blockers of the next level and of the registered one.
 * @param childLevels Achieved levels of each parent's child units (roll-up criteria).
 * @returns Unit results ranked by level.
 */
export function evaluateLevelUnits(
  catalog: CompiledCatalog,
  units: readonly NormalizedUnit[],
  periods: readonly string[],
  which: Assessment,
  childLevels: ReadonlyMap<string, number[]>,
): UnitResult[] {
  const last = periods[periods.length - 1]!;
  const names = new Map((catalog.catalog.levels ?? []).map((l) => [l.level, l.name]));
  const results = units.map((unit) => {
    const { entries } = entriesFor(unit, last, which);
    const criteria: CriterionResult[] = [];
    for (const node of catalog.leaves) {
      const entry = entries.get(node.code);
      const base = { code: node.code, name: node.name };
      if (entry?.na) {
        criteria.push({ ...base, levelMet: 5, status: "notApplicable", checks: [], blocking: [], inputs: {} });
        continue;
      }
      const { inputs, missing } = resolveInputs(node, entry && !entry.na ? entry.values : {}, unit.profile, entries);
      if ((!entry && node.fields.length > 0) || missing.length) {
        const checks = missingChecks(node);
        criteria.push({ ...base, levelMet: Math.min(...checks.map((c) => c.level - 1), 5), status: "missing", checks, blocking: [], inputs: {} });
        continue;
      }
      const level = runFormula(node, node.formula!, node.max, inputs, { childLevels: childLevels.get(unit.id) ?? [] }).level ?? { met: 0, checks: [] };
      const shown: Record<string, string> = {};
      for (const [k, v] of Object.entries(inputs)) shown[k] = v instanceof Dec ? v.toString() : String(v);
      criteria.push({ ...base, levelMet: level.met, status: "scored", checks: level.checks, blocking: [], inputs: shown });
    }
    const counted = criteria.filter((c) => !catalog.nodes.get(c.code)!.unscored);
    const achieved = Math.min(5, ...counted.map((c) => c.levelMet));
    const withBlocking = criteria.map((c) => ({ ...c, blocking: achieved < 5 ? blockersAt([c], achieved + 1) : [] }));
    // The unit's blockers are its counted criteria's own, in document order.
    const next = withBlocking.filter((c) => !catalog.nodes.get(c.code)!.unscored).flatMap((c) => c.blocking);
    const registered = unit.registered;
    return {
      id: unit.id,
      name: unit.name,
      catalog: catalog.catalog.id,
      ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
      scoring: "levels" as const,
      total: "0",
      max: "0",
      rank: 0,
      indicators: {},
      periods: {},
      level: achieved,
      levelName: names.get(achieved) ?? (achieved === 0 ? "Chưa đạt" : String(achieved)),
      ...(registered !== undefined ? { registered, recognised: achieved >= registered } : {}),
      criteria: Object.fromEntries(withBlocking.map((c) => [c.code, c])),
      blockers: next,
      ...(registered !== undefined && achieved < registered ? { registeredBlockers: blockersAt(counted, registered) } : {}),
    } satisfies UnitResult;
  });
  const ranks = competitionRanks(results.map((r) => new Dec(r.level)));
  return results.map((r, i) => ({ ...r, rank: ranks[i]! })).sort((a, b) => a.rank - b.rank);
}
