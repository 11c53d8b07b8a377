import { criteriaInOrder, indicatorsInOrder } from "../engine/types.js";
import type { IndicatorResult, ScoreResult, Trace, UnitResult } from "../engine/types.js";
import type { Lang } from "../errors.js";
import { describeBlocker, formatNumber, formatPercent } from "../_format.js";

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

const W = {
  vi: {
    points: "điểm", max: "tối đa", missing: "không có số liệu → 0 điểm (thiếu số liệu tính 0 điểm)", na: "không áp dụng → tối đa", zero: "mẫu số bằng 0 → theo quy tắc", yes: "có", no: "không",
    mean: (n: number, unit: string) => `Trung bình ${n} ${unit}`, last: (p: string) => `Kỳ cuối: ${p}`, periodUnit: "kỳ", quarterUnit: "quý",
    group: "tổng các chỉ số thành phần", clamp: (a: string, b: string) => `giới hạn từ ${a} xuống ${b}`, band: "mức", choice: "chọn", done: "đạt", none: "không mục nào",
    best: "cao nhất", minOf: "thấp nhất", unscored: "không tính điểm", levelMet: (l: number) => `đạt mức ${l}`, criterion: "tiêu chí", allLevels: "đạt mọi mức",
    literal: "theo văn bản", total: "Tổng điểm", rank: "hạng", levelOf: "mức độ chuyển đổi số",
  },
  en: {
    points: "points", max: "max", missing: "no data → 0 points (missing data scores 0)", na: "not applicable → max", zero: "denominator is 0 → by policy", yes: "yes", no: "no",
    mean: (n: number, unit: string) => `mean of ${n} ${unit}`, last: (p: string) => `last period: ${p}`, periodUnit: "periods", quarterUnit: "quarters",
    group: "sum of its components", clamp: (a: string, b: string) => `clamped from ${a} to ${b}`, band: "band", choice: "chose", done: "achieved", none: "no item",
    best: "best", minOf: "lowest", unscored: "unscored", levelMet: (l: number) => `meets level ${l}`, criterion: "criterion", allLevels: "meets every level",
    literal: "as written", total: "Total", rank: "rank", levelOf: "digital transformation level",
  },
} as const;

/** A value of a trace: a percentage for ratios, a number otherwise. */
function shownValue(t: Trace, lang: Lang): string {
  const v = t.facts["value"];
  if (v === undefined) return "";
  if (t.facts["denominator"] !== undefined) return `${formatNumber(t.facts["numerator"]!, lang)}/${formatNumber(t.facts["denominator"]!, lang)} = ${formatPercent(v, lang)}`;
  return formatNumber(v, lang);
}

function threshold(t: Trace, lang: Lang): string {
  const th = t.facts["threshold"] ?? "0";
  return t.facts["denominator"] !== undefined ? formatPercent(th, lang) : formatNumber(th, lang);
}

/**
 * Builds the sentence for one period score from its trace.
 * @param t The trace.
 * @param max The indicator's max (decimal string).
 * @param score The period score (decimal string).
 * @returns "3/4 = 75% × 30 = 22,5 điểm" and the like.
 */
export function describeTrace(t: Trace, max: string, score: string, lang: Lang): string {
  const w = W[lang];
  const n = (s: string) => formatNumber(s, lang);
  const pts = `${n(score)} ${w.points}`;
  let s: string;
  switch (t.status) {
    case "missing":
      return t.missing?.length ? `${w.missing}: ${t.missing.join(", ")}` : w.missing;
    case "notApplicable":
      return `${w.na} ${n(max)} ${w.points}`;
    case "zeroDenominator":
      return `${w.zero} → ${pts}`;
    default:
      break;
  }
  const v = shownValue(t, lang);
  switch (t.branch) {
    case "ratio":
      s = `${v} × ${n(t.facts["factor"] ?? max)} = ${pts}`;
      break;
    case "atThreshold":
      s = `${v} ≥ ${threshold(t, lang)} → ${w.max} ${pts}`;
      break;
    case "belowProportional":
      s = `${v} < ${threshold(t, lang)} → ${v.split(" = ").pop()} / ${threshold(t, lang)} × ${n(max)} = ${pts}`;
      break;
    case "belowLiteral":
      s = `${v} < ${threshold(t, lang)} → ${v.split(" = ").pop()} × ${n(max)} = ${pts} (${w.literal})`;
      break;
    case "belowZero":
      s = `${v} < ${threshold(t, lang)} → ${pts}`;
      break;
    case "band":
      s = `${v} → ${w.band} ${t.facts["band"]} (${t.facts["label"] ?? t.facts["bounds"]}) → ${pts}`;
      break;
    case "noBand":
      s = `${v} → ${pts}`;
      break;
    case "yes":
      s = `${w.yes} → ${pts}`;
      break;
    case "no":
      s = `${w.no} → ${pts}`;
      break;
    case "option":
      s = `${w.choice} “${t.facts["label"] ?? t.facts["option"]}” → ${pts}`;
      break;
    case "items":
    case "capped":
      if (t.kind === "checklist") s = `${w.done}: ${t.facts["achieved"] || w.none} → ${pts}`;
      else s = `${(t.facts["items"] ?? "").replaceAll(",", " + ")} = ${n(t.facts["uncapped"] ?? score)}${t.branch === "capped" ? `, ${w.max} ${n(t.facts["cap"] ?? max)}` : ""} → ${pts}`;
      break;
    case "best":
    case "rangeZeroFallback":
      s = `${v} / ${w.best} ${formatValueOf(t, "best", lang)} × ${n(max)} = ${pts}`;
      break;
    case "minmax":
      s = `(${v.split(" = ").pop()} − ${w.minOf} ${formatValueOf(t, "min", lang)}) / (${w.best} ${formatValueOf(t, "best", lang)} − ${formatValueOf(t, "min", lang)}) × ${n(max)} = ${pts}`;
      break;
    case "bestZero":
      s = `${v}; ${w.best} = 0 → ${pts}`;
      break;
    case "parts":
      s = (t.parts ?? []).map((p) => `${p.label}: ${n(p.score)}/${n(p.max)}`).join("; ") + ` → ${pts}`;
      break;
    default:
      s = pts;
  }
  if (t.clamp) s += ` (${w.clamp(n(t.clamp.from), n(t.clamp.to))})`;
  return s;
}

function formatValueOf(t: Trace, key: string, lang: Lang): string {
  const v = t.facts[key] ?? "0";
  return t.facts["denominator"] !== undefined ? formatPercent(v, lang) : formatNumber(v, lang);
}

function explainIndicator(ind: IndicatorResult, unit: UnitResult, lang: Lang, periods: readonly string[]): string {
  const w = W[lang];
  const n = (s: string) => formatNumber(s, lang);
  const cite = `[${unit.catalog} ${ind.code}]`;
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
  const rule = ind.annualRule === "last"
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
  const unit = result.units.find((u) => u.id === unitId);
  if (!unit) throw new Error(`unit ${unitId} is not in the result`);
  const w = W[lang];
  if (unit.scoring === "levels") {
    return criteriaInOrder(unit)
      .filter((c) => !options.code || c.code === options.code || c.code.startsWith(`${options.code}.`))
      .map((c) => {
        const fail = c.checks.find((k) => !k.met);
        const met = c.checks.filter((k) => k.met && k.value !== undefined).pop() ?? c.checks.find((k) => k.value !== undefined);
        const have = fail && fail.scale === "percent" ? `${lang === "vi" ? "đạt" : "has"} ${formatPercent(fail.value ?? "0", lang)}, ` : met && met.scale === "percent" ? `${lang === "vi" ? "đạt" : "has"} ${formatPercent(met.value ?? "0", lang)}, ` : "";
        const tail = fail
          ? `${lang === "vi" ? "mức" : "level"} ${fail.level} ${lang === "vi" ? "cần" : "needs"}: ${fail.scale === "percent" ? formatPercent(fail.min ?? "0", lang) : describeBlocker({ requirement: fail.text, ...(fail.value !== undefined ? { value: fail.value } : {}), ...(fail.min !== undefined ? { min: fail.min } : {}), ...(fail.scale !== undefined ? { scale: fail.scale } : {}), missing: fail.missing === true }, lang)}`
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
      text: explainIndicator(i, unit, lang, result.periods),
    }));
}

/** Summary line of a unit: total and rank, or level. */
export function unitHeadline(unit: UnitResult, lang: Lang): string {
  const w = W[lang];
  if (unit.scoring === "levels") return `${unit.name} (${unit.id}): ${w.levelOf} ${unit.level} ${unit.levelName ?? ""}`.trim();
  return `${unit.name} (${unit.id}): ${w.total} ${formatNumber(unit.total, lang)}/${formatNumber(unit.max, lang)}, ${w.rank} ${unit.rank}`;
}
