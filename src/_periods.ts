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
 * Whether an indicator evaluated at `cadence` is due in `period`: the period closes a window of
 * that cadence (an annual indicator is due at Q4, H2 or Y), or it is the dataset's last period.
 */
export function isDue(cadence: Cadence, period: string, isLast: boolean): boolean {
  return isLast || (Object.hasOwn(ENDS, period) && ENDS[period]!.includes(cadence));
}
