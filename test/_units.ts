// Typed access to the units of a result in tests. UnitResult is PointsUnit | LevelUnit
// (discriminated on `scoring`); these helpers narrow it, throwing when a unit has the other scoring.
import type { ScoreResult, UnitResult } from "../src/index.js";
import type { LevelUnit, PointsUnit } from "../src/engine/types.js";

export type { LevelUnit, PointsUnit };

/** The unit as a points unit; throws when it is a level unit (or missing). */
export function asPoints(u: UnitResult | undefined): PointsUnit {
  if (!u) throw new Error("no such unit");
  if (u.scoring !== "points") throw new Error(`unit ${u.id} is scored by ${u.scoring}, not points`);
  return u;
}

/** The unit as a level unit; throws when it is a points unit (or missing). */
export function asLevels(u: UnitResult | undefined): LevelUnit {
  if (!u) throw new Error("no such unit");
  if (u.scoring !== "levels") throw new Error(`unit ${u.id} is scored by ${u.scoring}, not levels`);
  return u;
}

function find(result: Pick<ScoreResult, "units">, id: string): UnitResult {
  const u = result.units.find((x) => x.id === id);
  if (!u) throw new Error(`no unit ${id} in result (${result.units.map((x) => x.id).join(", ")})`);
  return u;
}

/** A points unit of a result, by id. */
export const pointsUnit = (result: Pick<ScoreResult, "units">, id: string): PointsUnit => asPoints(find(result, id));

/** A level unit of a result, by id. */
export const levelUnit = (result: Pick<ScoreResult, "units">, id: string): LevelUnit => asLevels(find(result, id));

/** All units of a result as points units. */
export const pointsUnits = (result: Pick<ScoreResult, "units">): PointsUnit[] => result.units.map(asPoints);

/** All units of a result as level units. */
export const levelUnits = (result: Pick<ScoreResult, "units">): LevelUnit[] => result.units.map(asLevels);
