/** How often an indicator is evaluated (Kỳ đánh giá): its finest cadence. */
export const CADENCES = ["quarter", "half", "year"] as const;
/** `quarter`, `half` (6 tháng) or `year`. */
export type Cadence = (typeof CADENCES)[number];

/** Period labels a dataset may use, in calendar order. */
export const PERIOD_ORDER = ["Q1", "H1", "Q2", "Q3", "H2", "Q4", "Y"] as const;
const ENDS: Record<string, readonly Cadence[]> = {
  Q1: ["quarter"],
  Q2: ["quarter", "half"],
  Q3: ["quarter"],
  Q4: ["quarter", "half", "year"],
  H1: ["quarter", "half"],
  H2: ["quarter", "half", "year"],
  Y: ["quarter", "half", "year"],
};

/**
 * Checks a dataset's periods: known labels, calendar order, no repeats, one granularity.
 * @returns An error description, or undefined when valid.
 */
export function periodsProblem(periods: readonly string[]): string | undefined {
  const idx = periods.map((p) => PERIOD_ORDER.indexOf(p as (typeof PERIOD_ORDER)[number]));
  if (idx.some((i) => i < 0)) return "unknown label";
  for (let i = 1; i < idx.length; i++) if (idx[i]! <= idx[i - 1]!) return "order";
  const kinds = new Set(periods.map((p) => p[0]));
  if (kinds.size > 1) return "mixed";
  return undefined;
}

/**
 * Periods missing from a valid list (see {@link periodsProblem}): quarters or halves from the
 * first of the year up to the last one given. `[Q1, Q3]` misses Q2: a quarterly indicator's mean
 * would be taken over two quarters as if they were the year so far.
 * @returns The missing labels, in order (empty when none).
 */
export function periodGaps(periods: readonly string[]): string[] {
  const last = periods[periods.length - 1];
  if (!last || (last[0] !== "Q" && last[0] !== "H")) return [];
  const n = Number(last.slice(1));
  const missing: string[] = [];
  for (let k = 1; k < n; k++) if (!periods.includes(`${last[0]}${k}`)) missing.push(`${last[0]}${k}`);
  return missing;
}

/**
 * Whether an indicator evaluated at `cadence` is due in `period`: the period closes a window of
 * that cadence (an annual indicator is due at Q4, H2 or Y), or it is the dataset's last period.
 */
export function isDue(cadence: Cadence, period: string, isLast: boolean): boolean {
  return isLast || (Object.hasOwn(ENDS, period) && ENDS[period]!.includes(cadence));
}
