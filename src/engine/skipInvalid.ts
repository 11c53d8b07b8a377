// `score(…, { skipInvalid: true })` (issue 12): one bad cell no longer blocks a whole province.
// The strict scorer runs as it is; when it refuses the dataset, the problems tied to units are
// grouped by unit, those units are left out, and the rest is scored again. Kept out of score.ts
// (its fast path) on purpose: the strict scorer is passed in, so nothing here knows how it works.
import { DatasetError, FormulaError, createIssue, type Issue } from "../errors.js";
import { readRaw } from "../_parse.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import type { Dataset, DatasetInput } from "../io/dataset.js";
import type { RejectedUnit, ScoreResult } from "./types.js";

type Strict<O> = (catalog: CompiledCatalog, dataset: Dataset | DatasetInput | string, options: O) => ScoreResult;

/**
 * The unit an issue belongs to: its id (`where.unit`: every unit with that id goes, so that of
 * two units under one id neither is guessed right), else its place in `units` (a unit whose shape
 * is wrong before its id is read). Undefined: a problem of the dataset as a whole.
 */
function unitOfIssue(issue: Issue): { id: string } | { index: number } | undefined {
  // A problem of the declared parents list (a parent that is also a unit names it in `where.unit`)
  // is the list's, not that unit's: leaving the unit out would pick the declaration by a guess.
  if (issue.path[0] === "parents") return undefined;
  if (issue.where.unit !== undefined) return { id: issue.where.unit };
  const [head, index] = issue.path;
  return head === "units" && typeof index === "number" ? { index } : undefined;
}

/**
 * Scores the units without problems and lists the others with every problem found.
 * @param strict The strict scorer (`score` without `skipInvalid`).
 * @returns The result of the valid units, with `rejected` (empty when every unit was valid).
 * @throws The strict scorer's error when a problem is not tied to a unit (catalog mismatch, bad
 * periods, a CSV header…), or when no unit is left to score.
 */
export function scoreValidUnits<O>(
  strict: Strict<O>,
  catalog: CompiledCatalog,
  dataset: Dataset | DatasetInput | string,
  options: O,
): ScoreResult {
  const { raw } = readRaw(dataset, "dataset");
  const source = raw as { units?: unknown };
  if (!Array.isArray(source.units)) return { ...strict(catalog, dataset, options), rejected: [] };
  let units = source.units as unknown[];
  const rejected = new Map<string, { id: string; name?: string; parent?: string; issues: Issue[] }>();
  // Each round leaves out at least one unit, so this ends; a later round can find more (a child
  // whose parent was left out is then an unknown parent).
  for (;;) {
    try {
      const result = strict(catalog, { ...(raw as object), units } as DatasetInput, options);
      const left = [...rejected.values()];
      return { ...result, warnings: withoutParentsOfRejected(result.warnings, left), rejected: left };
    } catch (e) {
      if (!(e instanceof DatasetError || e instanceof FormulaError)) throw e;
      // A unit whose parent was left out says so, rather than that its parent does not exist.
      const issues = e.issues.map((i) =>
        i.code === "unknownParent" && i.received !== undefined && rejected.has(i.received)
          ? createIssue(i.kind, "parentRejected", i.where, { received: i.received }, i.path)
          : i,
      );
      const owners = issues.map(unitOfIssue);
      if (owners.some((o) => o === undefined)) throw e;
      const idOf = (u: unknown): unknown => (u !== null && typeof u === "object" ? (u as { id?: unknown }).id : undefined);
      const out = new Set<number>();
      issues.forEach((issue, k) => {
        const owner = owners[k]!;
        const indexes = "index" in owner ? [owner.index] : units.flatMap((u, i) => (idOf(u) === owner.id ? [i] : []));
        for (const i of indexes) {
          if (i < 0 || i >= units.length) continue;
          out.add(i);
          const unit = units[i] as { id?: unknown; name?: unknown; parent?: unknown } | null;
          const id = typeof idOf(unit) === "string" ? String(idOf(unit)) : `units[${i}]`;
          const entry = rejected.get(id) ?? {
            id,
            ...(typeof unit?.name === "string" ? { name: unit.name } : {}),
            ...(typeof unit?.parent === "string" ? { parent: unit.parent } : {}),
            issues: [],
          };
          rejected.set(id, entry);
          if (!entry.issues.includes(issue)) entry.issues.push(issue);
        }
      });
      // Nothing to leave out (a problem named a unit that is not there), or nothing left: refused as a whole.
      if (!out.size || out.size === units.length) throw e;
      units = units.filter((_, i) => !out.has(i));
    }
  }
}

/**
 * The warnings without `unusedParent` for a declared parent that a rejected unit names (left out
 * by `skipInvalid`, or a CSV/workbook row the reader rejected): it is the parent of a unit of the
 * dataset all the same.
 */
export function withoutParentsOfRejected(warnings: readonly Issue[], rejected: readonly RejectedUnit[]): Issue[] {
  const parents = new Set(rejected.flatMap((r) => (r.parent !== undefined ? [r.parent] : [])));
  return warnings.filter((w) => !(w.code === "unusedParent" && w.received !== undefined && parents.has(w.received)));
}
