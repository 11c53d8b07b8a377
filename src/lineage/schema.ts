import * as z from "zod/mini";

// The lineage file of issue 14 (docs/lineage.md): which new units (after the 2025 reform) come
// from which earlier ones, with the decision that made it so.

/** A share of a predecessor split between new units: decimal text ("0.4") or an exact YAML number. */
const ShareSchema = z.union([z.string(), z.number()]);

/** One earlier unit a new unit comes from. */
export const PredecessorSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  /** The earlier unit's name, for readers of the file (not checked). */
  name: z.optional(z.string()),
  /** The part of this earlier unit that goes to the new one, when it is split (shares of one unit add up to 1). */
  share: z.optional(ShareSchema),
});

/** One new unit and its predecessors (none: a unit without history). */
export const LineageUnitSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  predecessors: z.array(PredecessorSchema),
});

/** A lineage file: `{ lineage: { id, effective, source, units } }`. */
export const LineageFileSchema = z.strictObject({
  lineage: z.strictObject({
    id: z.string().check(z.minLength(1)),
    /** Date the new units took effect, YYYY-MM-DD. */
    effective: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)),
    /** The decision that made the new units ("Nghị quyết 202/2025/QH15"). */
    source: z.string().check(z.minLength(1)),
    /** Where the mapping was checked, notes. */
    notes: z.optional(z.array(z.string())),
    units: z.array(LineageUnitSchema).check(z.minLength(1)),
  }),
});

/** One earlier unit of a new unit, validated: `share` is exact decimal text when given. */
export interface Predecessor {
  readonly id: string;
  readonly name?: string;
  readonly share?: string;
}

/** A new unit and where it comes from. */
export interface LineageUnit {
  readonly id: string;
  readonly name: string;
  readonly predecessors: readonly Predecessor[];
}

/** A validated lineage: new units, their predecessors, the effective date and the source decision. */
export interface UnitLineage {
  readonly id: string;
  /** YYYY-MM-DD. */
  readonly effective: string;
  readonly source: string;
  readonly notes?: readonly string[];
  readonly units: readonly LineageUnit[];
}

export { RankingGroupSchema, RankingSchema, type Ranking } from "../io/ranking.js";
import { RankingSchema } from "../io/ranking.js";

const PublishedValue = z.union([z.string(), z.number()]);

/** A table of published 0–1 values: `{ published: { id, year, source, indicators, units } }` (docs/lineage.md). */
export const PublishedFileSchema = z.strictObject({
  published: z.strictObject({
    id: z.string().check(z.minLength(1)),
    title: z.optional(z.string()),
    year: z.number().check(z.int()),
    source: z.string().check(z.minLength(1)),
    /** Decimal places of the published values (4 for the national DTI tables). */
    precision: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(6))),
    notes: z.optional(z.array(z.string())),
    /** The main indicators, in column order. */
    indicators: z._default(z.array(z.strictObject({ code: z.string().check(z.minLength(1)), name: z.string() })), []),
    /** Points of each main indicator (QĐ 922/QĐ-BTTTT: 100, 100, …, 150): total = Σ weight × value ÷ Σ weight. */
    weights: z.optional(z.record(z.string(), z.union([z.number(), z.string()]))),
    ranking: z.optional(RankingSchema),
    units: z
      .array(
        z.strictObject({
          id: z.string().check(z.minLength(1)),
          name: z.string().check(z.minLength(1)),
          rank: z.optional(z.number().check(z.int())),
          values: z._default(z.record(z.string(), PublishedValue), {}),
          total: PublishedValue,
        }),
      )
      .check(z.minLength(1)),
  }),
});
