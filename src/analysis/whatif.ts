import { readNumberText, type NumberFormat } from "../_values.js";
import { DatasetError, createIssue } from "../errors.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { score, type ScoreOptions } from "../engine/score.js";
import type { ScoreResult } from "../engine/types.js";
import type { Dataset, DatasetInput } from "../io/dataset.js";
import type { Override } from "../io/overrides.js";
import { compare, type Comparison } from "./compare.js";

/** Result of {@link whatIf}. */
export interface WhatIf {
  readonly before: ScoreResult;
  readonly after: ScoreResult;
  /** Per unit: total, rank and indicator changes. */
  readonly comparison: Comparison;
}

/**
 * Scores a dataset as it is and with changes, side by side.
 * @param catalog The catalog.
 * @param dataset The dataset.
 * @param overrides Changes (`{unit, period, code, field?, value}`).
 * @param options `engine`, `readings`: as for `score` (both results use them).
 * @returns Both results and their comparison.
 * @example
 * whatIf(catalog, dataset, [{ unit: "so-tc", period: "Q1", code: "2.1", value: true }]).comparison.units[0];
 */
export function whatIf(
  catalog: CompiledCatalog,
  dataset: Dataset | DatasetInput,
  overrides: readonly Override[],
  options: Pick<ScoreOptions, "engine" | "readings"> = {},
): WhatIf {
  const engine = {
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.readings ? { readings: options.readings } : {}),
  };
  const before = score(catalog, dataset, engine);
  const after = score(catalog, dataset, { ...engine, overrides });
  return { before, after, comparison: compare(before, after) };
}

/**
 * A changed value written as a number, read by the one value reader: "1.000" and "1,500" are
 * ambiguous here too. Kept as text when a JS number would round it (the engine reads text exactly);
 * text that is no number (an option key, "n/a") passes as written.
 */
function overrideNumber(spec: string, raw: string, format: NumberFormat | undefined): string | number {
  const r = readNumberText(raw, format);
  if ("value" in r) {
    const n = r.value.toNumber();
    // toFixed: never an exponent ("1.2e+22"), which the value reader would not read back.
    return r.value.eq(n) ? n : r.value.toFixed();
  }
  if (r.problem === "notANumber") return raw;
  throw new DatasetError([createIssue("dataset", "overrideNumber", {}, { received: spec, detail: r.problem })]);
}

/**
 * Parses a command-line change `UNIT.PERIOD.CODE[.FIELD]=VALUE` (codes contain dots: the
 * catalog tells where the code ends). Values: true/false, n/a, numbers (read as the dataset
 * reads them: `format` is its numberFormat), text.
 * @returns The override.
 */
export function parseOverride(spec: string, catalogCodes: ReadonlySet<string>, format?: NumberFormat): Override {
  const bad = (detail: string) => new DatasetError([createIssue("dataset", "badOverride", {}, { received: spec, detail })]);
  const eq = spec.indexOf("=");
  if (eq < 0) throw bad("no “=”");
  const path = spec.slice(0, eq);
  const raw = spec.slice(eq + 1);
  const [unit, period, ...rest] = path.split(".");
  if (!unit || !period || !rest.length) throw bad("unit, period or code missing");
  const whole = rest.join(".");
  const value: Override["value"] = raw === "true" ? true : raw === "false" ? false : overrideNumber(spec, raw, format);
  if (catalogCodes.has(whole)) return { unit, period, code: whole, value };
  const field = rest.pop()!;
  const code = rest.join(".");
  if (!catalogCodes.has(code)) throw bad(`no indicator ${code} (or ${whole})`);
  return { unit, period, code, field, value };
}
