import { Dec } from "./_decimal.js";
import type { Lang } from "./errors.js";
import type { Blocker } from "../engine/types.js";

/**
 * Formats a decimal string for people: Vietnamese uses a decimal comma ("22,5"), English a point.
 * @param places Maximum decimal places shown (trailing zeros dropped).
 */
export function formatNumber(value: string | Dec, lang: Lang, places = 2): string {
  const d = value instanceof Dec ? value : new Dec(value);
  const s = d.toDecimalPlaces(places).toFixed();
  return lang === "vi" ? s.replace(".", ",") : s;
}

/** A fraction as a percentage ("0.725" → "72,5%"). */
export function formatPercent(value: string | Dec, lang: Lang, places = 2): string {
  const d = value instanceof Dec ? value : new Dec(value);
  return `${formatNumber(d.times(100), lang, places)}%`;
}

/** Describes an unmet requirement in the source's terms: "cần 80%, đạt 72,5%". */
export function describeBlocker(b: Pick<Blocker, "requirement" | "value" | "min" | "scale" | "missing">, lang: Lang): string {
  const vi = lang === "vi";
  if (b.missing) return vi ? `${b.requirement}: thiếu số liệu` : `${b.requirement}: data missing`;
  switch (b.scale) {
    case "percent":
      return vi
        ? `cần ${formatPercent(b.min ?? "0", lang)}, đạt ${formatPercent(b.value ?? "0", lang)}`
        : `needs ${formatPercent(b.min ?? "0", lang)}, has ${formatPercent(b.value ?? "0", lang)}`;
    case "count":
      return vi ? `cần tối thiểu ${formatNumber(b.min ?? "0", lang)}, có ${formatNumber(b.value ?? "0", lang)}` : `needs at least ${formatNumber(b.min ?? "0", lang)}, has ${formatNumber(b.value ?? "0", lang)}`;
    case "presence":
      return vi ? `cần: ${b.requirement}; hiện: chưa có` : `needs: ${b.requirement}; not present`;
    case "children":
      return vi
        ? `${b.requirement}: cần ${formatPercent(b.min ?? "0", lang)} đơn vị cấp dưới, đạt ${formatPercent(b.value ?? "0", lang)}`
        : `${b.requirement}: needs ${formatPercent(b.min ?? "0", lang)} of child units, has ${formatPercent(b.value ?? "0", lang)}`;
    case "childrenCount":
      return vi ? `${b.requirement}: cần tối thiểu ${formatNumber(b.min ?? "0", lang)} đơn vị cấp dưới, có ${formatNumber(b.value ?? "0", lang)}` : `${b.requirement}: needs at least ${formatNumber(b.min ?? "0", lang)} child units, has ${formatNumber(b.value ?? "0", lang)}`;
    case "childrenMean":
      return vi ? `${b.requirement}: cần mức trung bình ${formatNumber(b.min ?? "0", lang)}, đạt ${formatNumber(b.value ?? "0", lang)}` : `${b.requirement}: needs a mean level of ${formatNumber(b.min ?? "0", lang)}, has ${formatNumber(b.value ?? "0", lang)}`;
    default:
      return b.requirement;
  }
}
