import { Dec } from "./_decimal.js";
import type { Lang } from "./errors.js";

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
