import * as z from "zod/mini";

/**
 * A decimal literal as written in a catalog: a number, or a string such as
 * `"0.5"`, `"50%"`, `"4/5"` or `"-1"`. Parsed exactly by `parseDecimalLiteral`.
 */
export const DecimalLiteralSchema = z.union([
  // z.number() refuses Infinity and NaN (zod 4).
  z.number(),
  z.string().check(z.regex(/^-?\d+(\.\d+)?(\/\d+(\.\d+)?|%)?$/, { message: 'expected a number such as 10, "0.5", "50%" or "4/5"' })),
]);
/** A decimal literal: `10`, `"0.5"`, `"50%"`, `"4/5"`. */
export type DecimalLiteral = z.infer<typeof DecimalLiteralSchema>;

/** Identifier of a data field: letters, digits and `_`, starting with a letter. */
export const FieldNameSchema = z
  .string()
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: "expected a field name such as a, b, total_staff" }));

/** The kinds of value a data field may hold. */
export const FieldTypeSchema = z.enum(["count", "number", "amount", "share", "percent", "boolean", "text"]);
/**
 * The domain of a data field: `count` a non-negative integer; `number` a non-negative decimal;
 * `amount` money (million đồng), non-negative; `share` a fraction from 0 to 1 (0.85 = 85 %);
 * `percent` a percentage from 0 to 100; `boolean`; `text`.
 */
export type FieldType = z.infer<typeof FieldTypeSchema>;

/**
 * One input of an indicator, named by the document's own letter (a, b, c…).
 * `from` takes it from elsewhere instead of asking the unit again:
 * `profile.<field>` (the unit profile) or `<code>.<field>` (another indicator's input, same period).
 */
export const InputSchema = z.strictObject({
  label: z.string().check(z.minLength(1)),
  type: z._default(FieldTypeSchema, "count"),
  unit: z.optional(z.string()),
  from: z.optional(z.string().check(z.regex(/^(profile\.[A-Za-z][A-Za-z0-9_]*|[0-9][0-9.]*\.[A-Za-z][A-Za-z0-9_]*)$/))),
  /**
   * `improvement`: when the previous year's results are given (`score(…, {previous})`) and the unit
   * reports no value, the input is the relative improvement of the unit's total, this indicator
   * excluded, over the previous year ((now − before)/before; no improvement → 0).
   */
  previous: z.optional(z.enum(["improvement"])),
  /** Larger is better (used by property tests and gap search). Default true. */
  moreIsBetter: z.optional(z.boolean()),
});
/** One input of an indicator, as validated by {@link InputSchema}. */
export type InputDef = z.infer<typeof InputSchema>;

/**
 * What a formula measures: one input (`"a"`) or a ratio of sums of inputs.
 * `proportion: true` (default) means the numerator is a part of the denominator,
 * so a numerator larger than its denominator is a data error.
 */
export const ValueExprSchema = z.union([
  FieldNameSchema,
  z.strictObject({
    numerator: z.array(FieldNameSchema).check(z.minLength(1)),
    denominator: z.array(FieldNameSchema).check(z.minLength(1)),
    proportion: z._default(z.boolean(), true),
  }),
]);
/** One input name, or a ratio of sums of inputs. */
export type ValueExpr = z.infer<typeof ValueExprSchema>;

/** Points of an option, band or item: a share of the node's max, or fixed points (exactly one). */
export const worthFields = {
  share: z.optional(DecimalLiteralSchema),
  points: z.optional(DecimalLiteralSchema),
};
/** Refinement of {@link worthFields}: exactly one of share or points. */
export const worthRefine = [
  (w: { share?: unknown; points?: unknown }) => (w.share === undefined) !== (w.points === undefined),
  { message: "give exactly one of share (of max) or points" },
] as const;

/** An option or an item of a formula: a label and its worth (a share of max, or points). */
export const OptionSchema = z
  .strictObject({ label: z.string().check(z.minLength(1)), ...worthFields })
  .check(z.refine<{ share?: unknown; points?: unknown }>(...worthRefine));
