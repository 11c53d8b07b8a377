import * as z from "zod/mini";
import { checkShape, readRaw } from "../_parse.js";
import { DatasetError, type Issue } from "../errors.js";
import { RankingSchema } from "./ranking.js";
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

/**
 * A unit of the level above that the dataset's units name as `parent` but that this dataset does
 * not assess: the districts of a commune dataset (issue 12: a district summary of communes).
 */
export const ParentUnitSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
});

/** A dataset: the units of a catalog and their data per period. */
export const DatasetSchema = z.strictObject({
  catalog: z.string().check(z.minLength(1)),
  year: z.number().check(z.int()),
  periods: z.array(z.string()).check(z.minLength(1)),
  /**
   * How numbers given as text are written: `vi` 1.234,5 or `en` 1,234.5. Without it only forms
   * that read the same in both are accepted ("1.000" and "1,500" are refused as ambiguous).
   */
  numberFormat: z.optional(z.enum(["vi", "en"])),
  units: z.array(UnitSchema).check(z.minLength(1)),
  /**
   * Parent units named by `parent` that are not units of this dataset (the districts of a
   * commune dataset): declared, so that a parent id that is in neither list is still refused as
   * a typo, and so that a summary per parent can name them.
   */
  parents: z.optional(z.array(ParentUnitSchema)),
  /** Every unit that should be in the dataset: ids outside it are refused (see `checkRoster`). */
  roster: z.optional(RosterSchema),
  /**
   * Units ranked apart (by kind) and units assessed but not ranked, each with its citation: read
   * by `nationalValues` (`dti score --precision`); scoring ignores it.
   */
  ranking: z.optional(RankingSchema),
});
// Declared as interfaces over the schemas' types (the same members): the API docs then link
// `Dataset` and `DatasetUnit` and list their documented fields, instead of expanding them inline
// in every signature (issue 12).
/** A dataset as validated (defaults applied): the units of a catalog and their data per period. */
export interface Dataset extends Omit<z.infer<typeof DatasetSchema>, "units"> {
  /** The units (departments, districts, communes) and their data. */
  units: DatasetUnit[];
}
/** A dataset as written (before defaults); `loadDataset` validates it into a `Dataset`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- named for the API docs, same members
export interface DatasetInput extends z.input<typeof DatasetSchema> {}
/** One unit of a dataset: id, name and data by period. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- named for the API docs, same members
export interface DatasetUnit extends z.infer<typeof UnitSchema> {}
/** One indicator's raw data. */
export type IndicatorData = z.infer<typeof IndicatorDataSchema>;

/** A parent unit declared by a dataset, as validated by {@link ParentUnitSchema}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- named for the API docs, same members
export interface ParentUnit extends z.infer<typeof ParentUnitSchema> {}

/** A dataset read with its shape problems, unit by unit (see {@link readDataset}). */
export interface DatasetReading {
  /** The valid part: every unit without a shape problem (absent when the dataset as a whole is unusable). */
  readonly dataset: Dataset | undefined;
  /** Shape problems, each with its path. */
  readonly issues: readonly Issue[];
  /** Position in the source of each unit of `dataset` (when units were left out), for paths. */
  readonly unitIndex: readonly number[] | undefined;
  /** Ids of the units left out, so that links to them (parents) are not reported again. */
  readonly otherIds: ReadonlySet<string>;
}

const NO_IDS: ReadonlySet<string> = new Set();

/**
 * Reads a dataset and checks its shape unit by unit: a unit with a shape problem is left out and
 * its problems are returned, so that the other units can still be checked against the catalog
 * and every problem reported at once (issue 10, "all problems at once").
 * @throws DatasetError when the file cannot be read or parsed.
 */
export function readDataset(source: string | object): DatasetReading {
  const { raw, where } = readRaw(source, "dataset");
  return readDatasetObject(raw, where);
}

/**
 * {@link readDataset} of a dataset already parsed.
 * @param where The file it was read from, for the places of problems.
 */
export function readDatasetObject(raw: unknown, where: { file?: string }): DatasetReading {
  const r = checkShape(raw, "dataset", DatasetSchema, where);
  if ("data" in r) return { dataset: r.data, issues: [], unitIndex: undefined, otherIds: NO_IDS };
  const units = raw !== null && typeof raw === "object" ? (raw as { units?: unknown }).units : undefined;
  if (r.tooDeep || !Array.isArray(units)) return { dataset: undefined, issues: r.issues, unitIndex: undefined, otherIds: NO_IDS };
  // Units whose problems are theirs alone; any other problem makes the dataset unusable.
  const bad = new Set<number>();
  for (const issue of r.issues) {
    const [head, index] = issue.path;
    if (head !== "units" || typeof index !== "number")
      return { dataset: undefined, issues: r.issues, unitIndex: undefined, otherIds: NO_IDS };
    bad.add(index);
  }
  const unitIndex = units.flatMap((_, i) => (bad.has(i) ? [] : [i]));
  const rest = checkShape({ ...(raw as object), units: unitIndex.map((i) => units[i] as unknown) }, "dataset", DatasetSchema, where);
  if (!("data" in rest)) return { dataset: undefined, issues: r.issues, unitIndex: undefined, otherIds: NO_IDS };
  const otherIds = new Set<string>();
  for (const i of bad) {
    const id = (units[i] as { id?: unknown } | null)?.id;
    if (typeof id === "string") otherIds.add(id);
  }
  return { dataset: rest.data, issues: r.issues, unitIndex, otherIds };
}

/**
 * Loads a dataset and checks its shape (not yet against a catalog: `score` does that).
 *
 * The dataset returned is a plain object the caller may edit (a portal edits its dataset in
 * place): `score` checks the shape again on every call, by content, never trusting an object it
 * has seen before. That check is cheap next to the value checks `score` runs on every call anyway
 * (it does not look at each value), and freezing instead would freeze the caller's own indicator
 * objects, which the schema passes through.
 * @param source A file path (Node only), YAML/JSON text, or an object.
 * @returns The dataset.
 * @throws DatasetError listing every problem with its path.
 * @example
 * const dataset = loadDataset(readFileSync("fixtures/dong-nai-2023-so.sample.yaml", "utf8"));
 */
export function loadDataset(source: string | object): Dataset {
  const r = readDataset(source);
  if (r.issues.length || !r.dataset) throw new DatasetError(r.issues);
  return r.dataset;
}
