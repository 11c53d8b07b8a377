import { Dec } from "../_decimal.js";
import { DatasetError, createIssue, registerMessages, type Issue } from "../errors.js";
import { lineageMessages } from "../i18n/lineage.js";
import type { ScoreResult } from "../engine/types.js";
import type { Ranking } from "../lineage/schema.js";

registerMessages(lineageMessages);

// National results are published as 0–1 values (points ÷ maximum) with 4 decimals, per main
// indicator, pillar and total; equal published values share a rank and the next rank is skipped
// (DTI 2022 "15, 15, 17", DTI 2023 "59, 59, 61"). Computed on demand from a result: the scoring
// fast path is untouched.

/** Options of {@link nationalValues}. */
export interface ValuesOptions {
  /** Decimal places of the shown values (0–6), rounded half up. Default 4, as published. */
  readonly precision?: number;
  /**
   * `published` (default): ranks on the values rounded to `precision`, so that values that print
   * the same share a rank; `exact`: on the exact values.
   */
  readonly rankOn?: "published" | "exact";
  /** Groups ranked separately and units assessed but not ranked (a published table's own, if not given). */
  readonly ranking?: Ranking;
}

/** One 0–1 value: exact (points ÷ max, 40 significant digits) and as shown. */
export interface Value {
  readonly exact: string;
  /** Rounded half up to the precision, trailing zeros kept ("0.7480"). */
  readonly shown: string;
}

/** A unit's 0–1 values and its rank. */
export interface UnitValues {
  readonly id: string;
  readonly name: string;
  readonly total: Value;
  /** Per main indicator (a pillar catalog's: the pillars' children), by code. */
  readonly main: Readonly<Record<string, Value>>;
  /** Pillar catalogs (total = mean of the pillars: Hải Dương huyện): per pillar, by code. */
  readonly pillars?: Readonly<Record<string, Value>>;
  /** Competition rank in its group (1, 2, 2, 4); absent for a unit assessed but not ranked. */
  readonly rank?: number;
  /** The ranking group's id, when the unit is ranked apart. */
  readonly group?: string;
}

/** Result of {@link nationalValues}. */
export interface NationalValues {
  readonly precision: number;
  readonly rankOn: "published" | "exact";
  /** Main-indicator codes in document order, and names. */
  readonly indicators: readonly { readonly code: string; readonly name: string }[];
  /** Ranked units by group (the main group first), each in rank order; then the unranked units. */
  readonly units: readonly UnitValues[];
  readonly ranking?: Ranking;
}

/**
 * Rounds half up (away from zero at .5: 0.776950 → 0.7770) to `precision` places, trailing zeros kept.
 * The rounding of the published DTI tables: their totals recomputed from the rounded mean of their
 * predecessors agree with half up wherever a mean ends in 5 (Bắc Ninh 0.74735 → 0.7474).
 */
export function roundValue(value: Dec | string, precision: number): string {
  return new Dec(value).toDecimalPlaces(precision, Dec.ROUND_HALF_UP).toFixed(precision);
}

/**
 * Standard competition ranks on exact decimal keys, highest first: equal keys share a rank and
 * the next rank is skipped (15, 15, 17).
 */
export function competitionRanksOf(keys: readonly (Dec | string)[]): number[] {
  const ds = keys.map((k) => new Dec(k));
  const order = ds.map((k, i) => ({ k, i })).sort((a, b) => b.k.comparedTo(a.k) || a.i - b.i);
  const ranks = new Array<number>(keys.length);
  order.forEach((e, pos) => {
    const prev = order[pos - 1];
    ranks[e.i] = prev && prev.k.eq(e.k) ? ranks[prev.i]! : pos + 1;
  });
  return ranks;
}

/**
 * The national-style 0–1 values of a result (points ÷ max per main indicator, pillar and total),
 * shown to a precision, and ranks on them: ties share, the next rank is skipped. Main indicators
 * are the top-level nodes; in a catalog whose total is the mean of its top-level nodes (pillars,
 * `aggregate: pillarMean`), those are given as `pillars` and their children as main indicators.
 * @param result A scored result, a merged one, or a published table.
 * @param options Precision (default 4), what ranks are taken on, ranking groups and unranked units.
 * @returns Each unit's values and rank.
 * @throws DatasetError: `valuesNeedPoints` (a level catalog), `badPrecision`,
 * `rankingUnknownUnit`, `rankingTwice`.
 */
export function nationalValues(result: ScoreResult, options: ValuesOptions = {}): NationalValues {
  const precision = options.precision ?? (result as { published?: { precision?: number } }).published?.precision ?? 4;
  const rankOn = options.rankOn ?? "published";
  const ranking = options.ranking ?? (result as { published?: { ranking?: Ranking } }).published?.ranking;
  const issues: Issue[] = [];
  if (!Number.isInteger(precision) || precision < 0 || precision > 6)
    issues.push(createIssue("dataset", "badPrecision", {}, { received: String(precision) }));
  for (const u of result.units)
    if (u.scoring !== "points") issues.push(createIssue("dataset", "valuesNeedPoints", { unit: u.id }, { received: u.id }));
  const groupOf = new Map<string, string>();
  const ids = new Set(result.units.map((u) => u.id));
  const declare = (id: string, group: string, path: (string | number)[]) => {
    if (!ids.has(id)) issues.push(createIssue("dataset", "rankingUnknownUnit", { unit: id }, { received: id, detail: group }, path));
    else if (groupOf.has(id))
      issues.push(createIssue("dataset", "rankingTwice", { unit: id }, { received: id, detail: `${groupOf.get(id)}, ${group}` }, path));
    else groupOf.set(id, group);
  };
  ranking?.groups?.forEach((g, gi) => g.units.forEach((id, i) => declare(id, g.id, ["ranking", "groups", gi, "units", i])));
  ranking?.unranked?.units.forEach((id, i) => declare(id, "unranked", ["ranking", "unranked", "units", i]));
  if (issues.length) throw new DatasetError(issues);

  const v = (score: string, max: string): Value => {
    const m = new Dec(max);
    const exact = m.isZero() ? new Dec(0) : new Dec(score).div(m);
    return { exact: exact.toFixed(), shown: roundValue(exact, precision) };
  };
  const indicators = new Map<string, string>();
  const rows = result.units.flatMap((u) => {
    if (u.scoring !== "points") return [];
    // A merged unit's scores are rounded to 6 places for output: its values come from the exact merge.
    const exact = (u as { merged?: { exact?: { total: string; indicators: Readonly<Record<string, string>> } } }).merged?.exact;
    const score = (code: string, shown: string) => exact?.indicators[code] ?? shown;
    const top = Object.values(u.indicators).filter((i) => !i.code.includes(".") && !i.unscored);
    const maxSum = top.reduce((s, i) => s.plus(i.max), new Dec(0));
    // The unit max over the sum of the top-level maxima: 1 for a sum, 1/n for a mean of n pillars.
    // A published table's indicators (max 1 each, total max 1, no children) are main indicators
    // whatever their weights: pillars have children.
    const pillars =
      top.length > 1 &&
      !maxSum.isZero() &&
      !maxSum.eq(u.max) &&
      Object.values(u.indicators).some((i) => top.some((t) => i.code.startsWith(`${t.code}.`)));
    const mains = pillars
      ? Object.values(u.indicators).filter(
          (i) => i.code.split(".").length === 2 && !i.unscored && top.some((t) => i.code.startsWith(`${t.code}.`)),
        )
      : top;
    for (const i of mains) if (!indicators.has(i.code)) indicators.set(i.code, i.name);
    const unit: Omit<UnitValues, "rank" | "group"> = {
      id: u.id,
      name: u.name,
      total: v(exact?.total ?? u.total, u.max),
      main: Object.fromEntries(mains.map((i) => [i.code, v(score(i.code, i.score), i.max)])),
      ...(pillars ? { pillars: Object.fromEntries(top.map((i) => [i.code, v(score(i.code, i.score), i.max)])) } : {}),
    };
    return [unit];
  });
  const groupIds = ["", ...(ranking?.groups ?? []).map((g) => g.id)];
  const units: UnitValues[] = [];
  for (const g of groupIds) {
    const members = rows.filter((r) => (groupOf.get(r.id) ?? "") === g);
    const ranks = competitionRanksOf(members.map((r) => (rankOn === "published" ? r.total.shown : r.total.exact)));
    units.push(
      ...members
        .map((r, i): UnitValues => ({ ...r, rank: ranks[i]!, ...(g ? { group: g } : {}) }))
        .sort((a, b) => a.rank! - b.rank! || a.id.localeCompare(b.id)),
    );
  }
  units.push(...rows.filter((r) => groupOf.get(r.id) === "unranked"));
  return {
    precision,
    rankOn,
    indicators: [...indicators].map(([code, name]) => ({ code, name })),
    units,
    ...(ranking ? { ranking } : {}),
  };
}
