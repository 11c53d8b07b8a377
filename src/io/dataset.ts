import * as z from "zod/mini";
import { Dec, decOf } from "../_decimal.js";
import { readInput } from "../_parse.js";
import { RosterSchema } from "./roster.js";

/** A raw data value as written: a number, a boolean, a string (option, "n/a", numeric text) or null. */
const RawScalar = z.union([z.number(), z.boolean(), z.string(), z.null()]);
/** One indicator's data in one period: scalar shorthand, "n/a", or fields by name. */
// The common case (an object of fields) first: a union tries its members in order.
export const IndicatorDataSchema = z.union([z.record(z.string(), RawScalar), RawScalar]);
/** Indicator data by code, for one period. */
export const PeriodDataSchema = z.record(z.string(), IndicatorDataSchema);
/**
 * The same at run time without checking each value: `score` checks every value against its
 * indicator's fields (with the unit, period, indicator and field named), so checking it here too
 * would only double the work on large datasets.
 */
const PeriodDataShape = z.record(
  z.string(),
  z.custom<IndicatorData>(() => true),
);

/** One unit (department, district, commune) and its data. */
export const UnitSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** Catalog of this unit when the dataset mixes levels (communes in a district dataset). */
  catalog: z.optional(z.string()),
  /** Parent unit id (commune → district). */
  parent: z.optional(z.string()),
  /** Registered level (đăng ký), level catalogs. */
  registered: z.optional(z.number().check(z.int())),
  profile: z.optional(z.record(z.string(), RawScalar)),
  /** Self-assessed data (Tự đánh giá) by period. */
  data: z._default(z.record(z.string(), z.nullable(PeriodDataShape)), {}),
  /** Appraised data (Hội đồng thẩm định / Kết quả đánh giá) by period: overrides `data` per indicator. */
  appraisal: z.optional(z.record(z.string(), z.nullable(PeriodDataShape))),
});

/** A dataset: the units of a catalog and their data per period. */
export const DatasetSchema = z.strictObject({
  catalog: z.string().check(z.minLength(1)),
  year: z.number().check(z.int()),
  periods: z.array(z.string()).check(z.minLength(1)),
  units: z.array(UnitSchema).check(z.minLength(1)),
  /** Every unit that should be in the dataset: ids outside it are refused (see `checkRoster`). */
  roster: z.optional(RosterSchema),
});
/** A dataset as validated (defaults applied). */
export type Dataset = z.infer<typeof DatasetSchema>;
/** A dataset as written. */
export type DatasetInput = z.input<typeof DatasetSchema>;
/** One unit of a dataset. */
export type DatasetUnit = z.infer<typeof UnitSchema>;
/** One indicator's raw data. */
export type IndicatorData = z.infer<typeof IndicatorDataSchema>;

/**
 * Loads a dataset and checks its shape (not yet against a catalog: `score` does that).
 * @param source A file path (Node only), YAML/JSON text, or an object.
 * @returns The dataset.
 * @throws DatasetError listing every problem with its path.
 * @example
 * const dataset = loadDataset(readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8"));
 */
export function loadDataset(source: string | object): Dataset {
  const dataset = readInput(source, "dataset", DatasetSchema, (raw) => loaded.has(raw));
  loaded.add(dataset);
  return dataset;
}

/** Datasets returned by loadDataset, so that score() does not validate them twice. */
const loaded = new WeakSet<object>();

/** The "not applicable" marker (Điều 5c: a unit without the subject matter scores max). */
export function isNotApplicable(v: unknown): boolean {
  return typeof v === "string" && /^(n\/a|na|không áp dụng)$/i.test(v.trim());
}

/**
 * Reads a number written as a number or as text ("72.5", Vietnamese "72,5", "1.234,5" is refused as ambiguous).
 * @returns The decimal, or undefined when it is not an unambiguous finite number.
 */
export function readNumber(v: unknown): Dec | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? decOf(v) : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return new Dec(s);
  if (/^-?\d+,\d+$/.test(s)) return new Dec(s.replace(",", "."));
  return undefined;
}
