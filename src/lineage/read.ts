import { Dec } from "../_decimal.js";
import { checkShape, readRaw } from "../_parse.js";
import { DatasetError, createIssue, registerMessages, type Issue } from "../errors.js";
import { lineageMessages } from "../i18n/lineage.js";
import { LineageFileSchema, type LineageUnit, type Predecessor, type UnitLineage } from "./schema.js";

registerMessages(lineageMessages);

/** Exact decimal text of a share, or undefined when it is not a decimal in (0, 1]. */
function shareText(share: string | number): string | undefined {
  const s = String(share).trim();
  if (!/^(0|[1-9]\d*)(\.\d+)?$/.test(s)) return undefined;
  const d = new Dec(s);
  return d.gt(0) && d.lte(1) ? d.toFixed() : undefined;
}

/**
 * Reads a lineage file (YAML or JSON text, a path, or an object; see docs/lineage.md) and checks
 * it on its own: its shape, duplicate new units, shares (decimals in (0, 1]; a predecessor split
 * between new units carries a share on each, adding up to exactly 1), and predecessors that are
 * themselves new units of the same file (a chain or a cycle). Every problem is reported at once.
 * The ids are checked against the units the lineage is applied to by {@link checkLineage}.
 * @param source A path (Node), YAML/JSON text, or the parsed object.
 * @returns The validated lineage.
 * @throws DatasetError: `lineageSchema`, `lineageDuplicateUnit`, `lineageBadShare`,
 * `lineagePredecessorTwice`, `lineageShares`, `lineageCycle`, `lineageChain` (and the file errors of any dataset).
 */
export function readLineage(source: string | object): UnitLineage {
  const { raw, where } = readRaw(source, "dataset");
  const r = checkShape(raw, "dataset", LineageFileSchema, where);
  if ("issues" in r)
    throw new DatasetError(r.issues.map((i) => createIssue("dataset", "lineageSchema", i.where, { detail: i.detail ?? "" }, i.path)));
  const l = r.data.lineage;
  const issues: Issue[] = [];
  const units: LineageUnit[] = l.units.map((u, ui) => ({
    id: u.id,
    name: u.name,
    predecessors: u.predecessors.map((p, pi): Predecessor => {
      let share: string | undefined;
      if (p.share !== undefined) {
        share = shareText(p.share);
        if (share === undefined)
          issues.push(
            createIssue("dataset", "lineageBadShare", { ...where, unit: u.id, field: `${p.id}.share` }, { received: String(p.share) }, [
              "lineage",
              "units",
              ui,
              "predecessors",
              pi,
              "share",
            ]),
          );
      }
      return { id: p.id, ...(p.name !== undefined ? { name: p.name } : {}), ...(share !== undefined ? { share } : {}) };
    }),
  }));
  const lineage: UnitLineage = {
    id: l.id,
    effective: l.effective,
    source: l.source,
    ...(l.notes ? { notes: l.notes } : {}),
    units,
  };
  issues.push(...ownIssues(lineage, where));
  if (issues.length) throw new DatasetError(issues);
  return lineage;
}

/** The problems a lineage has on its own (without the units it is applied to). */
function ownIssues(lineage: UnitLineage, where: { file?: string }): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const u of lineage.units) {
    if (seen.has(u.id)) issues.push(createIssue("dataset", "lineageDuplicateUnit", { ...where, unit: u.id }, { received: u.id }));
    seen.add(u.id);
  }
  // Each earlier unit: the new units it goes to, with their shares.
  const uses = new Map<string, { unit: string; share: string | undefined }[]>();
  for (const u of lineage.units)
    for (const p of u.predecessors) {
      const list = uses.get(p.id) ?? [];
      list.push({ unit: u.id, share: p.share });
      uses.set(p.id, list);
    }
  for (const [id, list] of uses) {
    const withShare = list.filter((x) => x.share !== undefined);
    if (list.length > 1 && withShare.length < list.length) {
      issues.push(
        createIssue(
          "dataset",
          "lineagePredecessorTwice",
          { ...where, unit: id },
          { received: id, detail: list.map((x) => x.unit).join(", ") },
        ),
      );
      continue;
    }
    if (!withShare.length) continue;
    const total = withShare.reduce((s, x) => s.plus(x.share!), new Dec(0));
    if (!total.eq(1))
      issues.push(
        createIssue(
          "dataset",
          "lineageShares",
          { ...where, unit: id },
          { received: id, detail: total.toFixed(), expected: list.map((x) => `${x.unit} ${x.share}`).join(" + ") },
        ),
      );
  }
  issues.push(...stepIssues(lineage, where));
  return issues;
}

/**
 * Predecessors that are new units of the same file: a new id may name an earlier unit only
 * when it continues that unit (lists itself among its predecessors, as TP. Hà Nội continuing Hà
 * Nội); another new unit naming it then takes a part of that earlier unit (a split). A
 * predecessor that is a genuinely new unit of the file is a second step: a cycle, or a chain.
 */
function stepIssues(lineage: UnitLineage, where: { file?: string }): Issue[] {
  const continuing = new Set(lineage.units.filter((u) => u.predecessors.some((p) => p.id === u.id)).map((u) => u.id));
  const fresh = new Set(lineage.units.map((u) => u.id).filter((id) => !continuing.has(id)));
  const edges = new Map<string, string[]>();
  for (const u of lineage.units) {
    const to = u.predecessors.map((p) => p.id).filter((id) => id !== u.id && fresh.has(id));
    if (to.length) edges.set(u.id, to);
  }
  if (!edges.size) return [];
  // Units on a cycle: reachable from themselves.
  const reaches = (from: string, target: string): string[] | undefined => {
    const stack: string[][] = [[from]];
    const seen = new Set<string>();
    while (stack.length) {
      const path = stack.pop()!;
      for (const next of edges.get(path[path.length - 1]!) ?? []) {
        if (next === target) return [...path, next];
        if (!seen.has(next)) {
          seen.add(next);
          stack.push([...path, next]);
        }
      }
    }
    return undefined;
  };
  const issues: Issue[] = [];
  const reported = new Set<string>();
  for (const [from, to] of edges) {
    const cycle = reaches(from, from);
    if (cycle) {
      const key = [...cycle.slice(1)].sort().join(" ");
      if (!reported.has(key)) {
        reported.add(key);
        issues.push(createIssue("dataset", "lineageCycle", { ...where, unit: from }, { detail: cycle.join(" ← ") }));
      }
      continue;
    }
    for (const t of to) issues.push(createIssue("dataset", "lineageChain", { ...where, unit: t }, { received: t, detail: from }));
  }
  return issues;
}

/**
 * Checks a lineage against the earlier units it is applied to: every predecessor must be one of
 * them (`lineageUnknownUnit`), and a new id equal to an earlier unit's id must continue that unit
 * (`lineageIdClash`). Every problem is reported at once.
 * @param lineage A lineage from {@link readLineage}.
 * @param earlierIds The ids of the units of the earlier result (or published table).
 * @throws DatasetError.
 */
export function checkLineage(lineage: UnitLineage, earlierIds: Iterable<string>): void {
  const ids = new Set(earlierIds);
  const issues: Issue[] = [];
  const list = [...ids].join(", ");
  for (const u of lineage.units) {
    for (const p of u.predecessors)
      if (!ids.has(p.id))
        issues.push(createIssue("dataset", "lineageUnknownUnit", { unit: u.id }, { received: p.id, detail: u.id, expected: list }));
    if (ids.has(u.id) && !u.predecessors.some((p) => p.id === u.id))
      issues.push(createIssue("dataset", "lineageIdClash", { unit: u.id }, { received: u.id }));
  }
  if (issues.length) throw new DatasetError(issues);
}
