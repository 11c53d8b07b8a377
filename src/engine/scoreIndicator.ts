import type { CompiledCatalog } from "../catalog/compile.js";
import type { RequirementCheck } from "../levels/index.js";
import type { IndicatorData } from "../io/dataset.js";
import { score } from "./score.js";
import type { PeriodStatus, Trace } from "./types.js";

/** Result of {@link scoreIndicator}. */
export interface SingleScore {
  readonly score: string;
  readonly max: string;
  readonly status: PeriodStatus;
  readonly trace: Trace | undefined;
  /** Level catalogs: the highest level met and the checks. */
  readonly levelMet?: number;
  readonly checks?: readonly RequirementCheck[];
}

/**
 * Scores one indicator for one unit in one (annual) period: the quickest way to check a formula.
 * @param catalog The catalog.
 * @param code The indicator's code ("6.3.2").
 * @param data Its data, as in a dataset (`{a: 3, b: 4}`, `true`, `"n/a"`…).
 * @param options `profile` values; `with`: other indicators' data (for `from` references).
 * @returns The score, status and trace.
 * @throws DatasetError when the data does not fit the indicator.
 * @example
 * scoreIndicator(getCatalog("dong-nai-2023/so"), "6.3.2", { a: 49, b: 100 }).score; // "9.8"
 */
export function scoreIndicator(
  catalog: CompiledCatalog,
  code: string,
  data: IndicatorData,
  options: {
    readonly profile?: Readonly<Record<string, number | string | boolean>>;
    readonly with?: Readonly<Record<string, IndicatorData>>;
  } = {},
): SingleScore {
  const result = score(catalog, {
    catalog: catalog.id,
    year: 0,
    periods: ["Y"],
    units: [
      {
        id: "unit",
        name: "unit",
        ...(options.profile ? { profile: { ...options.profile } } : {}),
        data: { Y: { ...options.with, [code]: data } },
      },
    ],
  });
  const unit = result.units[0]!;
  if (unit.scoring === "levels") {
    const criterion = unit.criteria[code]!;
    return { score: "0", max: "0", status: criterion.status, trace: undefined, levelMet: criterion.levelMet, checks: criterion.checks };
  }
  const ind = unit.indicators[code]!;
  // Y is the one (last) period, where every leaf is due; scored in full detail.
  const p = ind.periods!["Y"]!;
  return { score: ind.score, max: ind.max, status: p.status, trace: p.trace };
}
