import * as z from "zod";
import { DecimalLiteralSchema, ValueExprSchema } from "../formulas/_schema.js";

/** Requirement for one level of a level-recognition criterion. */
export const RequirementSchema = z.object({
  /** The document's words for this level, verbatim ("Tối thiểu 02 nhân sự"). */
  text: z.string().min(1),
  /** Value ≥ min (a percentage such as "80%" for ratios, a count otherwise). */
  min: DecimalLiteralSchema.optional(),
  /** Boolean field `value` must be true. */
  present: z.literal(true).optional(),
  /** Any one of these alternatives. */
  anyOf: z
    .array(z.object({ value: ValueExprSchema, min: DecimalLiteralSchema, text: z.string().optional() }))
    .min(2)
    .optional(),
  /**
   * Roll-up over the unit's children (e.g. communes of a district): each rule must hold. A rule is
   * a `share` (or a `count`) of children at `atLeastLevel` or above, or a `meanLevel` of children.
   */
  children: z
    .array(
      z
        .object({
          atLeastLevel: z.number().int().min(0).max(5).optional(),
          share: DecimalLiteralSchema.optional(),
          count: z.number().int().min(0).optional(),
          meanLevel: DecimalLiteralSchema.optional(),
        })
        .refine((r) => (r.meanLevel !== undefined) !== (r.atLeastLevel !== undefined && (r.share !== undefined) !== (r.count !== undefined)), {
          message: "a children rule is {atLeastLevel, share}, {atLeastLevel, count} or {meanLevel}",
        }),
    )
    .min(1)
    .optional(),
});
/** Requirement for one level of a level-recognition criterion (see `RequirementSchema`). */
export type Requirement = z.infer<typeof RequirementSchema>;

/**
 * A level criterion (`kind: levels`): requirements per recognition level (1..5). A level the
 * document marks "Không áp dụng" is `null`: no requirement there.
 */
export const LevelsFormulaSchema = z.object({
  kind: z.literal("levels"),
  value: ValueExprSchema.optional(),
  requirements: z.object({
    1: RequirementSchema.nullable(),
    2: RequirementSchema.nullable(),
    3: RequirementSchema.nullable(),
    4: RequirementSchema.nullable(),
    5: RequirementSchema.nullable(),
  }),
});
/** A level criterion's formula. */
export type LevelsFormula = z.infer<typeof LevelsFormulaSchema>;
