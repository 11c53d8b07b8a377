import * as z from "zod/mini";
import { DecimalLiteralSchema, ValueExprSchema } from "../formulas/_schema.js";

/** Requirement for one level of a level-recognition criterion. */
export const RequirementSchema = z.strictObject({
  /** The document's words for this level, verbatim ("Tối thiểu 02 nhân sự"). */
  text: z.string().check(z.minLength(1)),
  /** Value ≥ min (a percentage such as "80%" for ratios, a count otherwise). */
  min: z.optional(DecimalLiteralSchema),
  /** Boolean field `value` must be true. */
  present: z.optional(z.literal(true)),
  /** Any one of these alternatives. */
  anyOf: z.optional(
    z.array(z.strictObject({ value: ValueExprSchema, min: DecimalLiteralSchema, text: z.optional(z.string()) })).check(z.minLength(2)),
  ),
  /**
   * Roll-up over the unit's children (e.g. communes of a district): each rule must hold. A rule is
   * a `share` (or a `count`) of children at `atLeastLevel` or above, or a `meanLevel` of children.
   */
  children: z.optional(
    z
      .array(
        z
          .strictObject({
            atLeastLevel: z.optional(z.number().check(z.int(), z.gte(0), z.lte(5))),
            share: z.optional(DecimalLiteralSchema),
            count: z.optional(z.number().check(z.int(), z.gte(0))),
            meanLevel: z.optional(DecimalLiteralSchema),
          })
          .check(
            z.refine(
              (r) => (r.meanLevel !== undefined) !== (r.atLeastLevel !== undefined && (r.share !== undefined) !== (r.count !== undefined)),
              {
                message: "a children rule is {atLeastLevel, share}, {atLeastLevel, count} or {meanLevel}",
              },
            ),
          ),
      )
      .check(z.minLength(1)),
  ),
});
/** Requirement for one level of a level-recognition criterion (see `RequirementSchema`). */
export type Requirement = z.infer<typeof RequirementSchema>;

/**
 * A level criterion (`kind: levels`): requirements per recognition level (1..5). A level the
 * document marks "Không áp dụng" is `null`: no requirement there.
 */
export const LevelsFormulaSchema = z.strictObject({
  kind: z.literal("levels"),
  value: z.optional(ValueExprSchema),
  requirements: z.strictObject({
    1: z.nullable(RequirementSchema),
    2: z.nullable(RequirementSchema),
    3: z.nullable(RequirementSchema),
    4: z.nullable(RequirementSchema),
    5: z.nullable(RequirementSchema),
  }),
});
/** A level criterion's formula. */
export type LevelsFormula = z.infer<typeof LevelsFormulaSchema>;
