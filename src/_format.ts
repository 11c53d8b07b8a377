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

/**
 * Shortens a label to at most `max` characters for a one-line display: cut at the last space that
 * keeps at least half of it, trailing punctuation dropped, "…" appended; never inside a word when
 * the label has a space in its first half, never between a letter and its combining mark.
 * @example shorten("Có bố trí người làm công tác chuyên trách", 30) // "Có bố trí người làm công tác…"
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join("");
  let end = max - 1;
  const space = chars.lastIndexOf(" ", end);
  if (space >= Math.ceil(max / 2)) end = space;
  // A mark (tone, diacritic) belongs to the letter before it: a hard cut must not split them.
  else while (end > 0 && /\p{M}/u.test(chars[end]!)) end--;
  const head = chars
    .slice(0, end)
    .join("")
    .replace(/[\s,;:.\-–—(/]+$/u, "");
  return `${head}…`;
}
