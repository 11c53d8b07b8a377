// Which units a table or report shows, in which order, and the summary per parent unit (issue 12,
// "grouping and order"): an assessor prints the communes of one district, sorted by name, or the
// district summary of a province's communes. The unit results themselves are never changed: ranks
// stay those of the whole dataset.
import { Dec } from "../_decimal.js";
import { createIssue, DatasetError } from "../errors.js";
import type { PointsUnit, UnitResult } from "../engine/types.js";

/** Orders of units: `total` (rank order, highest first), `name` (Vietnamese collation) or `id`. */
export type UnitSort = "total" | "name" | "id";

/** The orders `--sort` takes. */
export const UNIT_SORTS: readonly UnitSort[] = ["total", "name", "id"];

/** Which units to show and in which order. */
export interface UnitSelection {
  /** Text the unit's id or name contains, case- and accent-insensitive ("lien bao" finds "Phường Liên Bảo"). */
  readonly filter?: string | undefined;
  /** Order (default `total`: the rank order of the result). */
  readonly sort?: UnitSort | undefined;
}

/**
 * Text folded for matching: decomposed (NFD), combining marks dropped, đ/Đ made d (NFD keeps the
 * stroke), lower case, runs of spaces made one.
 */
export function foldText(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

const byName = new Intl.Collator("vi");
// Ids such as xa-2 and xa-10 sort as a reader counts.
const byId = new Intl.Collator("en", { numeric: true });

/**
 * The units a selection shows, in its order. Units of different catalogs (a district's child
 * communes) keep their catalog blocks; within a block the order is the selection's, ties by id.
 * @param units Units in the result's order (rank order per catalog).
 * @param selection Filter and order.
 * @returns A new array; the units are the same objects.
 */
export function selectUnits<U extends Pick<UnitResult, "id" | "name" | "catalog">>(
  units: readonly U[],
  selection: UnitSelection = {},
): U[] {
  const needle = selection.filter !== undefined ? foldText(selection.filter) : "";
  const kept = needle ? units.filter((u) => foldText(u.id).includes(needle) || foldText(u.name).includes(needle)) : [...units];
  const sort = selection.sort ?? "total";
  if (sort === "total") return kept; // the result's order is the rank order
  const block = new Map<string, number>();
  for (const u of units) if (!block.has(u.catalog)) block.set(u.catalog, block.size);
  return kept.sort(
    (a, b) =>
      block.get(a.catalog)! - block.get(b.catalog)! ||
      (sort === "name" ? byName.compare(a.name, b.name) : 0) ||
      byId.compare(a.id, b.id) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The summary of the units under one parent (a district's communes). */
export interface ParentGroup {
  /** The parent's id; `undefined` for the units without a parent. */
  readonly parent: string | undefined;
  /** The parent's name when the parent is a unit of the result. */
  readonly name?: string;
  /** Number of units. */
  readonly units: number;
  /** Their totals: mean (exact, rounded half-up to 6 places), lowest and highest (decimal strings). */
  readonly mean: string;
  readonly min: string;
  readonly max: string;
  /** The units, in the order given. */
  readonly ids: readonly string[];
}

/**
 * Groups points units by their `parent`: per parent the number of units and the mean, lowest and
 * highest total. Groups are ordered by parent id; the units without a parent come last.
 * @param units Units of a points catalog (a level catalog has no totals; its table already counts
 * the units per level and parent).
 * @param all Where the parents' names are looked up (default `units`).
 * @param parents Parent units the dataset declares without assessing them (`ScoreResult.parents`): their names.
 * @returns One group per parent.
 * @throws DatasetError `noParents` when no unit has a parent (the summary would say nothing) or a
 * unit is a level unit.
 */
export function groupByParent(
  units: readonly UnitResult[],
  all: readonly UnitResult[] = units,
  parents: readonly { readonly id: string; readonly name: string }[] = [],
): ParentGroup[] {
  if (units.some((u) => u.scoring !== "points"))
    throw new DatasetError([createIssue("dataset", "noParents", {}, { received: String(units.length), detail: "levels" })]);
  if (!units.some((u) => u.parent !== undefined))
    throw new DatasetError([createIssue("dataset", "noParents", {}, { received: String(units.length) })]);
  const groups = new Map<string | undefined, PointsUnit[]>();
  for (const u of units as readonly PointsUnit[]) {
    const list = groups.get(u.parent);
    if (list) list.push(u);
    else groups.set(u.parent, [u]);
  }
  const names = new Map([...parents.map((p) => [p.id, p.name] as const), ...all.map((u) => [u.id, u.name] as const)]);
  const keys = [...groups.keys()].sort((a, b) =>
    a === undefined ? (b === undefined ? 0 : 1) : b === undefined ? -1 : byId.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return keys.map((parent) => {
    const list = groups.get(parent)!;
    const totals = list.map((u) => new Dec(u.total));
    const sum = totals.reduce((s, t) => s.plus(t), new Dec(0));
    const name = parent !== undefined ? names.get(parent) : undefined;
    return {
      parent,
      ...(name !== undefined ? { name } : {}),
      units: list.length,
      mean: sum.div(list.length).toDecimalPlaces(6, Dec.ROUND_HALF_UP).toFixed(),
      min: Dec.min(...totals).toFixed(),
      max: Dec.max(...totals).toFixed(),
      ids: list.map((u) => u.id),
    };
  });
}
