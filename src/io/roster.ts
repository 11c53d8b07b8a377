import * as z from "zod/mini";
import { createIssue, type Issue, type IssueWhere } from "../errors.js";

// The roster (issue 10, "typos in unit ids"): the list of units that should be in a dataset. One
// CSV row with `…-O17` for `…-017` once made a phantom 101st unit with the real unit's name,
// ranked last, while the real unit silently lost that value. The checks here find that unit
// with a roster (an id outside it is refused, with the close id it was probably meant to be) and
// without one (same name under two ids, ids that differ only by look-alike characters, a unit
// with far fewer values than the others).

/** One unit of a roster: its id and its name. */
export const RosterEntrySchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
});
/** A roster: every unit that should be in the dataset (`roster:` in a dataset, or `dti score --roster file`). */
export const RosterSchema = z.array(RosterEntrySchema).check(z.minLength(1));
/** One unit of a roster. */
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

/** The part of a dataset the roster checks read (a `Dataset` or a `DatasetInput`). */
export interface RosterSubject {
  readonly catalog: string;
  readonly roster?: readonly RosterEntry[] | undefined;
  readonly units: readonly {
    readonly id: string;
    readonly name: string;
    readonly catalog?: string | undefined;
    readonly data?: Readonly<Record<string, unknown>> | undefined;
    readonly appraisal?: Readonly<Record<string, unknown>> | undefined;
  }[];
}

/** What the roster checks found: errors refuse the dataset, warnings go with its result. */
export interface RosterReport {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

/** A unit whose filled values are under 1/SPARSE_FRACTION of its catalog's median is reported. */
const SPARSE_FRACTION = 4;
/** Fewer units than this give no meaningful median: the sparse check is skipped. */
const SPARSE_MIN_UNITS = 3;

/** Names compared as a reader sees them: Unicode form, case and spacing do not count. */
export function nameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The id with look-alike characters made one (O and o → 0; I and l → 1): two ids with the same
 * skeleton are one id typed two ways, as far as a reader of a printed list can tell.
 */
export function idSkeleton(id: string): string {
  return id.replace(/[Oo]/g, "0").replace(/[Il]/g, "1");
}

/** Whether two different strings are one insertion, deletion or substitution apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  // Same length: one substitution at i; otherwise the longer one has one extra character at i.
  return s.length === l.length ? s.slice(i + 1) === l.slice(i + 1) : s.slice(i) === l.slice(i + 1);
}

/** Roster ids by look-alike skeleton and by length, built once per check. */
interface RosterIndex {
  readonly bySkeleton: ReadonlyMap<string, readonly string[]>;
  readonly byLength: ReadonlyMap<number, readonly string[]>;
}

function indexRoster(rosterIds: readonly string[]): RosterIndex {
  const bySkeleton = new Map<string, string[]>();
  const byLength = new Map<number, string[]>();
  for (const r of rosterIds) {
    const k = idSkeleton(r);
    const s = bySkeleton.get(k);
    if (s) s.push(r);
    else bySkeleton.set(k, [r]);
    const l = byLength.get(r.length);
    if (l) l.push(r);
    else byLength.set(r.length, [r]);
  }
  return { bySkeleton, byLength };
}

/** The roster id an unknown id was probably meant to be: the only look-alike, else the only one edit away. */
function closeId(id: string, index: RosterIndex): string | undefined {
  const look = index.bySkeleton.get(idSkeleton(id)) ?? [];
  if (look.length === 1) return look[0];
  // One edit away: the same length (a substitution) or one longer or shorter (an insertion or deletion).
  const near = [id.length - 1, id.length, id.length + 1].flatMap((n) => (index.byLength.get(n) ?? []).filter((r) => withinOneEdit(r, id)));
  return near.length === 1 ? near[0] : undefined;
}

/**
 * Values a unit filled: one per field value given in `data` (every period), an `n/a` or a
 * one-value shorthand counting one. Empty values (null, "") are not filled.
 */
export function filledCount(data: Readonly<Record<string, unknown>> | undefined): number {
  // Loops without arrays: this runs over every value of every unit on each score.
  let n = 0;
  const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
  for (const p in data) {
    if (!Object.hasOwn(data, p)) continue;
    const period = data[p] as Record<string, unknown> | null;
    if (!period || typeof period !== "object") continue;
    for (const code in period) {
      if (!Object.hasOwn(period, code)) continue;
      const entry = period[code];
      if (!filled(entry)) continue;
      if (typeof entry !== "object") {
        n += 1;
        continue;
      }
      for (const k in entry) if (Object.hasOwn(entry, k) && filled((entry as Record<string, unknown>)[k])) n++;
    }
  }
  return n;
}

export const quoteList = (ids: readonly string[]): string => ids.map((i) => `"${i}"`).join(", ");

/**
 * Checks a dataset's units against its roster (when it declares one) and against each other:
 * - ids outside the roster: error, with the close roster id ("did you mean") when there is one
 *   (one edit apart, or only look-alike characters O/0, I/l/1 apart);
 * - roster units without data, and data names that differ from the roster's: warnings;
 * - duplicate ids or names in the roster: errors;
 * - units of one catalog sharing a name under different ids: a warning, an error with a roster;
 * - ids that differ only by look-alike characters: a warning;
 * - a unit with fewer than a quarter of the median number of filled values of its catalog's
 *   units (3 units or more; exact integer comparison): a warning.
 * @param dataset The dataset (validated or as written).
 * @param place Where to report a unit (default: its path in the dataset, `units.<i>`).
 * @returns Errors and warnings.
 */
export function checkRoster(
  dataset: RosterSubject,
  place: (index: number) => { where: IssueWhere; path: readonly (string | number)[] } = (i) => ({ where: {}, path: ["units", i] }),
  filled: (unit: RosterSubject["units"][number], index: number) => number = (u) => filledCount(u.data) + filledCount(u.appraisal),
): RosterReport {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const units = dataset.units;
  const at = (i: number, extra: (string | number)[] = []) => {
    const p = place(i);
    return { where: { ...p.where, unit: units[i]!.id }, path: [...p.path, ...extra] };
  };
  const roster = dataset.roster;

  if (roster) {
    const seenId = new Map<string, number>();
    const seenName = new Map<string, number>();
    roster.forEach((r, i) => {
      const first = seenId.get(r.id);
      if (first !== undefined)
        errors.push(
          createIssue("dataset", "rosterDuplicateId", { unit: r.id }, { received: r.id, detail: `entries ${first + 1} and ${i + 1}` }, [
            "roster",
            i,
            "id",
          ]),
        );
      else seenId.set(r.id, i);
      const firstName = seenName.get(nameKey(r.name));
      if (firstName !== undefined)
        errors.push(
          createIssue(
            "dataset",
            "rosterDuplicateName",
            { unit: r.id },
            { received: r.name, detail: quoteList([roster[firstName]!.id, r.id]) },
            ["roster", i, "name"],
          ),
        );
      else seenName.set(nameKey(r.name), i);
    });
    const rosterIndex = indexRoster([...seenId.keys()]);
    const given = new Set(units.map((u) => u.id));
    units.forEach((u, i) => {
      const entry = roster[seenId.get(u.id) ?? -1];
      const { where, path } = at(i, ["id"]);
      if (!entry) {
        const close = closeId(u.id, rosterIndex);
        const closeName = close !== undefined ? roster[seenId.get(close)!]!.name : undefined;
        errors.push(
          createIssue(
            "dataset",
            "rosterUnknownUnit",
            where,
            {
              received: u.id,
              ...(close !== undefined ? { expected: close } : {}),
              ...(closeName !== undefined && given.has(close!)
                ? { detail: `"${close}" (${closeName}) is in the data too: its values may be split over two ids` }
                : {}),
            },
            path,
          ),
        );
      } else if (nameKey(entry.name) !== nameKey(u.name))
        warnings.push(
          createIssue("dataset", "rosterNameMismatch", where, { received: u.name, expected: entry.name }, at(i, ["name"]).path),
        );
    });
    roster.forEach((r, i) => {
      if (!given.has(r.id) && seenId.get(r.id) === i)
        warnings.push(createIssue("dataset", "rosterUnitWithoutData", { unit: r.id }, { received: r.id, detail: r.name }, ["roster", i]));
    });
  }

  // Same name under different ids, within one catalog (a district and a commune may share a name).
  const byName = new Map<string, number[]>();
  units.forEach((u, i) => {
    const key = `${u.catalog ?? dataset.catalog}\u0000${nameKey(u.name)}`;
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  for (const idx of byName.values()) {
    const ids = [...new Set(idx.map((i) => units[i]!.id))];
    if (ids.length < 2) continue;
    const second = idx.find((i) => units[i]!.id !== ids[0])!;
    const { where, path } = at(second, ["name"]);
    (roster ? errors : warnings).push(
      createIssue("dataset", "sameUnitName", where, { received: units[second]!.name, detail: quoteList(ids) }, path),
    );
  }

  // Ids that a reader cannot tell apart (the -O17 / -017 typo), by skeleton: linear in the units.
  const bySkeleton = new Map<string, number>();
  units.forEach((u, i) => {
    const key = idSkeleton(u.id);
    const first = bySkeleton.get(key);
    if (first === undefined) bySkeleton.set(key, i);
    else if (units[first]!.id !== u.id) {
      const { where, path } = at(i, ["id"]);
      warnings.push(createIssue("dataset", "confusableUnitIds", where, { received: u.id, expected: units[first]!.id }, path));
    }
  });

  // Units with far fewer values than the others of their catalog.
  const byCatalog = new Map<string, number[]>();
  units.forEach((u, i) => {
    const key = u.catalog ?? dataset.catalog;
    const list = byCatalog.get(key);
    if (list) list.push(i);
    else byCatalog.set(key, [i]);
  });
  for (const [catalog, idx] of byCatalog) {
    if (idx.length < SPARSE_MIN_UNITS) continue;
    // Appraised values count too: a unit whose values are all appraised is not sparse.
    const counts = idx.map((i) => filled(units[i]!, i));
    const sorted = [...counts].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    // Twice the median, so that an even count's median (the mean of the middle two) stays an integer.
    const twiceMedian = sorted.length % 2 ? 2 * sorted[mid]! : sorted[mid - 1]! + sorted[mid]!;
    const median = twiceMedian % 2 ? `${(twiceMedian - 1) / 2}.5` : String(twiceMedian / 2);
    idx.forEach((i, k) => {
      if (2 * SPARSE_FRACTION * counts[k]! < twiceMedian)
        warnings.push(
          createIssue(
            "dataset",
            "sparseUnit",
            at(i).where,
            { received: String(counts[k]), expected: median, detail: `the ${idx.length} units of ${catalog}` },
            at(i, ["data"]).path,
          ),
        );
    });
  }
  return { errors, warnings };
}
