import { criteriaInOrder, indicatorsInOrder, unitOf } from "../engine/types.js";
import { kindOf } from "../formulas/registry.js";
import { explainWords } from "../i18n/explain.js";
import type { IndicatorResult, ReadingUsed, ScoreResult, Trace, UnitResult } from "../engine/types.js";
import type { Lang } from "../errors.js";
import { formatNumber, formatPercent } from "../_format.js";
import { describeBlocker } from "../levels/index.js";

/** One explained score. */
export interface Explanation {
  readonly code: string;
  readonly name: string;
  readonly score: string;
  readonly max: string;
  /** Depth in the catalog tree (0 = main indicator). */
  readonly depth: number;
  /** The sentence, citing catalog and code. */
  readonly text: string;
}

/**
 * Builds the sentence for one period score from its trace: the status, or the sentence of the
 * formula's kind for the branch it took, then the clamp.
 * @param t The trace.
 * @param max The indicator's max (decimal string).
 * @param score The period score (decimal string).
 * @returns "3/4 = 75% × 30 = 22,5 điểm" and the like.
 */
export function describeTrace(t: Trace, max: string, score: string, lang: Lang): string {
  const words = explainWords[lang];
  const n = (s: string) => formatNumber(s, lang);
  const points = `${n(score)} ${words.points}`;
  switch (t.status) {
    case "missing":
      return t.missing?.length ? `${words.missing}: ${t.missing.join(", ")}` : words.missing;
    case "notApplicable":
      return `${words.notApplicable} ${n(max)} ${words.points}`;
    case "zeroDenominator":
      return `${words.zeroDenominator} → ${points}`;
    default:
      break;
  }
  const kind = kindOf({ kind: t.kind });
  const ctx = { lang, words, n, percent: (v: string) => formatPercent(v, lang), max: n(max), points };
  let s = kind ? kind.explain(t, ctx) : points;
  if (t.clamp) s += ` (${words.clamp(n(t.clamp.from), n(t.clamp.to))})`;
  return s;
}

/**
 * The reading of an ambiguous node a score used, as a sentence: ` — cách đọc asWritten (mặc định): «source» — rationale`.
 * @returns The sentence, or "" for a node without readings.
 */
export function describeReading(reading: ReadingUsed | undefined, lang: Lang): string {
  if (!reading) return "";
  const w = explainWords[lang];
  return ` — ${w.reading} ${reading.id}${reading.default ? ` (${w.defaultReading})` : ""}: «${reading.source}» — ${reading.rationale}`;
}

function explainIndicator(ind: IndicatorResult, unit: UnitResult, lang: Lang, periods: readonly string[], reading?: ReadingUsed): string {
  const w = explainWords[lang];
  const n = (s: string) => formatNumber(s, lang);
  const cite = `[${unit.catalog} ${ind.code}]${describeReading(reading, lang)}`;
  if (!ind.periods) {
    const clamp = ind.clamp ? ` (${w.clamp(n(ind.clamp.from), n(ind.clamp.to))})` : "";
    return `${ind.code}: ${n(ind.score)}/${n(ind.max)} ${w.points} = ${w.group}${clamp}${ind.unscored ? ` (${w.unscored})` : ""} ${cite}`;
  }
  const due = ind.duePeriods ?? [];
  const parts = due.map((p) => {
    const ps = ind.periods![p];
    const text = ps ? describeTrace(ps.trace, ind.max, ps.score, lang) : w.missing;
    return due.length > 1 ? `${p}: ${text}` : text;
  });
  const quarters = due.every((p) => p.startsWith("Q"));
  const rule =
    ind.annualRule === "last"
      ? w.last(due[due.length - 1] ?? periods[periods.length - 1] ?? "")
      : w.mean(due.length, quarters ? w.quarterUnit : w.periodUnit);
  const annual = due.length > 1 ? ` → ${n(ind.score)} ${w.points} (${rule})` : ` (${rule})`;
  return `${ind.code}: ${parts.join("; ")}${annual}${ind.unscored ? ` (${w.unscored})` : ""} ${cite}`;
}

/**
 * Explains a unit's scores, one sentence per indicator built from its trace, citing catalog and code.
 * @param result A score result.
 * @param unitId The unit.
 * @param options `code`: only this indicator and its sub-indicators; `lang`: vi (default, decimal comma) or en.
 * @returns Explanations in document order.
 * @example
 * explain(result, "so-tttt", { code: "2.6" })[0].text;
 * // "2.6: Q1: 3/4 = 75% × 30 = 22,5 điểm; … → 25 điểm (Trung bình 4 quý) [dong-nai-2023/so 2.6]"
 */
export function explain(result: ScoreResult, unitId: string, options: { code?: string; lang?: Lang } = {}): Explanation[] {
  const lang = options.lang ?? "vi";
  const unit = unitOf(result, unitId);
  const w = explainWords[lang];
  if (unit.scoring === "levels") {
    return criteriaInOrder(unit)
      .filter((c) => !options.code || c.code === options.code || c.code.startsWith(`${options.code}.`))
      .map((c) => {
        const fail = c.checks.find((k) => !k.met);
        const met = c.checks.filter((k) => k.met && k.value !== undefined).pop() ?? c.checks.find((k) => k.value !== undefined);
        const have =
          fail && fail.scale === "percent"
            ? `${w.has} ${formatPercent(fail.value ?? "0", lang)}, `
            : met && met.scale === "percent"
              ? `${w.has} ${formatPercent(met.value ?? "0", lang)}, `
              : "";
        const tail = fail
          ? fail.scale === "percent" && !fail.missing
            ? `${w.level} ${fail.level} ${w.needs} ${formatPercent(fail.min ?? "0", lang)}`
            : // The blocker's sentence says what is needed ("cần tối thiểu 2, có 1"): no second "cần".
              `${w.level} ${fail.level}: ${describeBlocker({ requirement: fail.text, ...(fail.value !== undefined ? { value: fail.value } : {}), ...(fail.min !== undefined ? { min: fail.min } : {}), ...(fail.scale !== undefined ? { scale: fail.scale } : {}), missing: fail.missing === true }, lang)}`
          : w.allLevels;
        return {
          code: c.code,
          name: c.name,
          score: String(c.levelMet),
          max: "5",
          depth: c.code.split(".").length - 1,
          text: `${w.criterion} ${c.code}: ${have}${w.levelMet(c.levelMet)}; ${tail} [${unit.catalog} ${c.code}]`,
        };
      });
  }
  return indicatorsInOrder(unit)
    .filter((i) => !options.code || i.code === options.code || i.code.startsWith(`${options.code}.`))
    .map((i) => ({
      code: i.code,
      name: i.name,
      score: i.score,
      max: i.max,
      depth: i.code.split(".").length - 1,
      // The reading in force of an ambiguous node (the result's own catalog only: child units read their defaults).
      text: explainIndicator(i, unit, lang, result.periods, unit.catalog === result.catalog ? result.readings?.[i.code] : undefined),
    }));
}

/** Summary line of a unit: total and rank, or level. */
export function unitHeadline(unit: UnitResult, lang: Lang): string {
  const w = explainWords[lang];
  if (unit.scoring === "levels") return `${unit.name} (${unit.id}): ${w.levelOf} ${unit.level} ${unit.levelName}`.trim();
  return `${unit.name} (${unit.id}): ${w.total} ${formatNumber(unit.total, lang)}/${formatNumber(unit.max, lang)}, ${w.rank} ${unit.rank}`;
}
