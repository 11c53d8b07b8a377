import { Dec } from "./_decimal.js";

// The one reader of data values (issue 10, "no silent guesses"): every source (YAML, JSON, CSV,
// what-if, the API) reads numbers, booleans and the "not applicable" / missing markers here, so
// that the same text means the same thing wherever it is written.

/** How numbers are written as text: `vi` 1.234,5 (dot groups, decimal comma); `en` 1,234.5. */
export type NumberFormat = "vi" | "en";

/** Why a value is not read as a number. */
export type NumberProblem =
  /** Not a number at all ("abc", "85%", "1e3", NaN, Infinity). */
  | "notANumber"
  /** "1.000" or "1,500": a thousands group or a decimal, depending on the format; none declared. */
  | "ambiguousNumber"
  /** Written in the other format than the one declared ("1,234.5" in a `vi` dataset). */
  | "numberFormatMismatch"
  /** More significant digits than the engine holds exactly (40), or an integer past 2^53 given as a JS number. */
  | "inexactNumber";

/** A number read, or the reason it is not one. */
export type NumberReading = { readonly value: Dec } | { readonly problem: NumberProblem };

/** Significant digits held exactly (the engine's decimal precision). */
export const EXACT_DIGITS = 40;

const PLAIN = /^-?\d+$/;
// A decimal point or comma (the one-group forms below are tested first).
const DOT_DECIMAL = /^-?\d+\.\d+$/;
const COMMA_DECIMAL = /^-?\d+,\d+$/;
// Thousands groups: 1–3 leading digits (not 0), then groups of 3.
const VI_GROUPED = /^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;
const EN_GROUPED = /^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
/** "1.000", "12.500": one thousands group in `vi`, a decimal in `en` (also used by the YAML reader). */
export const ONE_GROUP_DOT = /^-?[1-9]\d{0,2}\.\d{3}$/;
const ONE_GROUP_COMMA = /^-?[1-9]\d{0,2},\d{3}$/;

function exact(canonical: string): NumberReading {
  // Significant digits: leading and trailing zeros do not count (1000000 is held exactly).
  const digits = canonical.replace(/[-.]/g, "").replace(/^0+/, "").replace(/0+$/, "");
  return digits.length > EXACT_DIGITS ? { problem: "inexactNumber" } : { value: new Dec(canonical) };
}

/**
 * Reads a number written as text, in the declared format or, without one, only in forms that
 * mean the same in both ("72.5", "72,5", "1.234,5", "1,234.5", "1000"). "1.000" and "1,500" are
 * ambiguous without a format; a form of the other format than the one declared is refused.
 * @param text The text as written (surrounding spaces are ignored).
 * @param format The dataset's declared number format, if any.
 * @returns The exact decimal, or the problem.
 */
export function readNumberText(text: string, format?: NumberFormat): NumberReading {
  const s = text.trim();
  if (PLAIN.test(s)) return exact(s);
  const oneDot = ONE_GROUP_DOT.test(s);
  const oneComma = ONE_GROUP_COMMA.test(s);
  if (oneDot || oneComma) {
    // "1.000" / "1,500": a thousands group in one format, a decimal in the other.
    if (!format) return { problem: "ambiguousNumber" };
    const thousands = (format === "vi") === oneDot;
    return exact(thousands ? s.replace(/[.,]/, "") : s.replace(",", "."));
  }
  // "72.5" and "72,5" cannot be thousands (not 3 digits after the mark): a decimal in any format.
  if (DOT_DECIMAL.test(s)) return exact(s);
  if (COMMA_DECIMAL.test(s)) return exact(s.replace(",", "."));
  if (VI_GROUPED.test(s)) return format === "en" ? { problem: "numberFormatMismatch" } : exact(s.replace(/\./g, "").replace(",", "."));
  if (EN_GROUPED.test(s)) return format === "vi" ? { problem: "numberFormatMismatch" } : exact(s.replace(/,/g, ""));
  return { problem: "notANumber" };
}

/**
 * Reads a number given as a JS number or as text (see {@link readNumberText}).
 * A JS number must be finite and, when an integer, a safe one (past 2^53 it was already rounded
 * by the parser that made it).
 * @returns The exact decimal, or the problem; `undefined` when the value is neither number nor text.
 */
export function readNumber(v: unknown, format?: NumberFormat): NumberReading | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { problem: "notANumber" };
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) return { problem: "inexactNumber" };
    return { value: new Dec(v) };
  }
  if (typeof v === "string") return readNumberText(v, format);
  return undefined;
}

/**
 * The "not applicable" marker (Điều 5c: a unit without the subject matter scores max):
 * exactly `n/a` or "không áp dụng" (any case). `NA`, `N/A`, `#N/A` are missing values, not this.
 */
export function isNotApplicable(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const s = v.trim();
  return s === "n/a" || s.normalize("NFC").toLowerCase() === "không áp dụng";
}

/**
 * Spreadsheet and R markers of a missing value (`NA`, `N/A`, `#N/A`, `na`): read as missing, never
 * as "not applicable"; the readers say so in a warning.
 */
export function isMissingMarker(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const s = v.trim();
  return s !== "n/a" && /^(#?n\/a|na)$/i.test(s);
}

/** Words read as a boolean in text sources (CSV, spreadsheets): true/false, có/không, yes/no, x, 1/0. */
export function readBooleanText(text: string): boolean | undefined {
  const v = text.trim().normalize("NFC").toLowerCase();
  if (["true", "có", "co", "yes", "x", "1"].includes(v)) return true;
  if (["false", "không", "khong", "no", "0"].includes(v)) return false;
  return undefined;
}

/**
 * The key of the option whose label is `text` (exact after NFC and trimming, any case), if any:
 * the assessor may write "Trên 6 lần" where the catalog's key is `over6`.
 * @param spec The option field (its keys and their labels).
 * @param text The value as written.
 * @returns The option's key, or undefined when no label matches.
 */
export function optionKeyOfLabel(
  spec: { readonly options?: readonly string[] | undefined; readonly optionLabels?: Readonly<Record<string, string>> | undefined },
  text: string,
): string | undefined {
  const wanted = text.normalize("NFC").trim().toLowerCase();
  for (const key of spec.options ?? []) {
    const label = spec.optionLabels?.[key];
    if (label !== undefined && label.normalize("NFC").trim().toLowerCase() === wanted) return key;
  }
  return undefined;
}
