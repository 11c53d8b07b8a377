import * as z from "zod/mini";

// Ranking declarations (issue 14): in a dataset (`ranking:`) or a published table. Here, in the io
// layer, so that the dataset schema can hold them.

/** Units ranked apart from the others (by kind: wards and communes…), with the text that says so. */
export const RankingGroupSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  units: z.array(z.string()).check(z.minLength(1)),
  citation: z.string().check(z.minLength(1)),
});

/**
 * How the units are ranked, when not all together: groups ranked separately, and units assessed
 * but not ranked, each with its citation. Units in no group are ranked together.
 */
export const RankingSchema = z.strictObject({
  groups: z.optional(z.array(RankingGroupSchema)),
  unranked: z.optional(z.strictObject({ units: z.array(z.string()).check(z.minLength(1)), citation: z.string().check(z.minLength(1)) })),
});
/** Ranking groups and unranked units declared in a dataset (`ranking:`): groups ranked apart, units assessed but not ranked, each with its citation. */
export type Ranking = z.infer<typeof RankingSchema>;
