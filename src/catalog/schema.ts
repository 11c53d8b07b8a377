import * as z from "zod";

/**
 * A decimal literal as written in a catalog: a number, or a string such as
 * `"0.5"`, `"50%"`, `"4/5"` or `"-1"`. Parsed exactly by {@link parseDecimalLiteral}.
 */
export const DecimalLiteralSchema = z.union([
  z.number().finite(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?(\/\d+(\.\d+)?|%)?$/, { message: "expected a number such as 10, \"0.5\", \"50%\" or \"4/5\"" }),
]);
/** A decimal literal: `10`, `"0.5"`, `"50%"`, `"4/5"`. */
export type DecimalLiteral = z.infer<typeof DecimalLiteralSchema>;

/** Identifier of a data field: letters, digits and `_`, starting with a letter. */
const FieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: "expected a field name such as a, b, total_staff" });

/** The kinds of value a data field may hold. */
export const FieldTypeSchema = z.enum(["count", "number", "amount", "boolean", "text"]);
/** `count`: non-negative integer; `number`: non-negative decimal; `amount`: money (million đồng); `boolean`; `text`. */
export type FieldType = z.infer<typeof FieldTypeSchema>;

/**
 * One input of an indicator, named by the document's own letter (a, b, c…).
 * `from` takes it from elsewhere instead of asking the unit again:
 * `profile.<field>` (the unit profile) or `<code>.<field>` (another indicator's input, same period).
 */
export const InputSchema = z.object({
  label: z.string().min(1),
  type: FieldTypeSchema.default("count"),
  unit: z.string().optional(),
  from: z.string().regex(/^(profile\.[A-Za-z][A-Za-z0-9_]*|[0-9][0-9.]*\.[A-Za-z][A-Za-z0-9_]*)$/).optional(),
  /**
   * `improvement`: when the previous year's results are given (`score(…, {previous})`) and the unit
   * reports no value, the input is the relative improvement of the unit's total, this indicator
   * excluded, over the previous year ((now − before)/before; no improvement → 0).
   */
  previous: z.enum(["improvement"]).optional(),
  /** Larger is better (used by property tests and gap search). Default true. */
  moreIsBetter: z.boolean().optional(),
});
/** One input of an indicator, as validated by {@link InputSchema}. */
export type InputDef = z.infer<typeof InputSchema>;

/**
 * What a formula measures: one input (`"a"`) or a ratio of sums of inputs.
 * `proportion: true` (default) means the numerator is a part of the denominator,
 * so a numerator larger than its denominator is a data error.
 */
export const ValueExprSchema = z.union([
  FieldName,
  z.object({
    numerator: z.array(FieldName).min(1),
    denominator: z.array(FieldName).min(1),
    proportion: z.boolean().default(true),
  }),
]);
export type ValueExpr = z.infer<typeof ValueExprSchema>;

/** Points of an option: a share of the node's max, or fixed points. */
const Worth = {
  share: DecimalLiteralSchema.optional(),
  points: DecimalLiteralSchema.optional(),
};
const worthRefine = (w: { share?: unknown; points?: unknown }) => (w.share === undefined) !== (w.points === undefined);
const worthMessage = { message: "give exactly one of share (of max) or points" };

/** `ratio`: value × max (or × `points` when the document multiplies by another figure). */
export const RatioFormulaSchema = z.object({
  kind: z.literal("ratio"),
  value: ValueExprSchema,
  points: DecimalLiteralSchema.optional(),
});

/**
 * `threshold`: value ≥ threshold → max; below it `proportional` (value/threshold × max),
 * `literal` (value × max, as written in e.g. Đồng Nai Sở 6.3.2), or `zero` (all-or-nothing).
 */
export const ThresholdFormulaSchema = z.object({
  kind: z.literal("threshold"),
  value: ValueExprSchema,
  threshold: DecimalLiteralSchema,
  below: z.enum(["proportional", "literal", "zero"]),
  /** `gte` (default): reaching the threshold earns max; `gt`: it must be exceeded. */
  at: z.enum(["gte", "gt"]).default("gte"),
});

/** One band: bounds (any of gte/gt/lte/lt/eq) and what it is worth. */
export const BandSchema = z
  .object({
    label: z.string().optional(),
    gte: DecimalLiteralSchema.optional(),
    gt: DecimalLiteralSchema.optional(),
    lte: DecimalLiteralSchema.optional(),
    lt: DecimalLiteralSchema.optional(),
    eq: DecimalLiteralSchema.optional(),
    ...Worth,
  })
  .refine(worthRefine, worthMessage);

/** `bands`: the first band (in order) whose bounds hold gives the points; none → 0. */
export const BandsFormulaSchema = z.object({
  kind: z.literal("bands"),
  value: ValueExprSchema,
  bands: z.array(BandSchema).min(1),
});

/** `yesNo`: a boolean field `value`; yes → max (or `share` of it). */
export const YesNoFormulaSchema = z.object({
  kind: z.literal("yesNo"),
  label: z.string().optional(),
  share: DecimalLiteralSchema.optional(),
});

const OptionSchema = z.object({ label: z.string().min(1), ...Worth }).refine(worthRefine, worthMessage);

/** `choice`: the field `value` names one option; its share or points are scored. */
export const ChoiceFormulaSchema = z.object({
  kind: z.literal("choice"),
  options: z.record(FieldName, OptionSchema),
});

/** `checklist`: one boolean field per item; the items achieved add up. */
export const ChecklistFormulaSchema = z.object({
  kind: z.literal("checklist"),
  items: z.record(FieldName, OptionSchema),
});

/** `perItem`: one count field per kind of item, each worth its points; capped (default: max). */
export const PerItemFormulaSchema = z.object({
  kind: z.literal("perItem"),
  items: z.record(FieldName, z.object({ label: z.string().min(1), points: DecimalLiteralSchema })),
  cap: DecimalLiteralSchema.optional(),
});

/**
 * `relative`: compared with the units scored together in the same period.
 * `best`: value / best × max. `minmax`: (value − min)/(max − min) × max; a zero range falls back to `best`.
 */
export const RelativeFormulaSchema = z.object({
  kind: z.literal("relative"),
  value: ValueExprSchema,
  mode: z.enum(["best", "minmax"]),
});

/** `sum`: the node scores the sum of its children (the default for nodes with children). */
export const SumFormulaSchema = z.object({ kind: z.literal("sum") });

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
 * `levels`: requirements per recognition level (1..5). A level the document marks
 * "Không áp dụng" is `null`: no requirement there.
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

const LeafFormulaSchema = z.discriminatedUnion("kind", [
  RatioFormulaSchema,
  ThresholdFormulaSchema,
  BandsFormulaSchema,
  YesNoFormulaSchema,
  ChoiceFormulaSchema,
  ChecklistFormulaSchema,
  PerItemFormulaSchema,
  RelativeFormulaSchema,
  SumFormulaSchema,
  LevelsFormulaSchema,
]);

/** `composite`: parts scored separately, each with its own max, added (Đồng Nai Sở 6.4.4). */
export const CompositeFormulaSchema = z.object({
  kind: z.literal("composite"),
  parts: z
    .array(z.object({ label: z.string().min(1), max: DecimalLiteralSchema, formula: LeafFormulaSchema }))
    .min(2),
});

/** Any formula of a catalog node. */
export const FormulaSchema = z.discriminatedUnion("kind", [
  RatioFormulaSchema,
  ThresholdFormulaSchema,
  BandsFormulaSchema,
  YesNoFormulaSchema,
  ChoiceFormulaSchema,
  ChecklistFormulaSchema,
  PerItemFormulaSchema,
  RelativeFormulaSchema,
  SumFormulaSchema,
  LevelsFormulaSchema,
  CompositeFormulaSchema,
]);
/** Any formula of a catalog node. */
export type Formula = z.infer<typeof FormulaSchema>;
/** The formula kinds. */
export type FormulaKind = Formula["kind"];

/** How often an indicator is evaluated (Kỳ đánh giá): its finest cadence. */
export const CadenceSchema = z.enum(["quarter", "half", "year"]);
export type Cadence = z.infer<typeof CadenceSchema>;
/** Turning periods into a year: `mean` (Trung bình) or `last` (Kỳ cuối). */
export const AnnualRuleSchema = z.enum(["mean", "last"]);
export type AnnualRule = z.infer<typeof AnnualRuleSchema>;
/** What a zero denominator scores: `max` (no such subject matter), `zero`, or `error`. */
export const ZeroDenominatorSchema = z.enum(["max", "zero", "error"]);

/** An interpretation: the document's words and the reading encoded. */
export const NoteSchema = z.object({
  source: z.string().min(1),
  reading: z.string().min(1),
});
/** An interpretation note, as validated by {@link NoteSchema}. */
export type Note = z.infer<typeof NoteSchema>;

/** Who is responsible for an indicator. */
export const ResponsibleSchema = z.object({
  /** Lead official or agency (Công chức chủ trì / cơ quan chủ trì). */
  lead: z.string().optional(),
  /** Supporting officials (Công chức phối hợp). */
  support: z.array(z.string()).optional(),
});

/** A node of a catalog: main indicator, component, sub-component or level criterion. */
export const NodeSchema = z.object({
  /** The document's STT, exactly ("6.3.2"). */
  code: z.string().regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/),
  /** Vietnamese name, verbatim. */
  name: z.string().min(1),
  /** Maximum points (Điểm tối đa). Omitted for level criteria and structure-only nodes. */
  max: DecimalLiteralSchema.optional(),
  formula: FormulaSchema.optional(),
  inputs: z.record(FieldName, InputSchema).optional(),
  /** The document's method text (Cách xác định và tính điểm / Phương pháp tính), verbatim. */
  method: z.string().optional(),
  cadence: CadenceSchema.optional(),
  /** Kỳ đánh giá, verbatim. */
  cadenceText: z.string().optional(),
  annualRule: AnnualRuleSchema.optional(),
  /** Tài liệu kiểm chứng. */
  evidence: z.string().optional(),
  /** Nguồn thu thập dữ liệu / nguồn cung cấp dữ liệu. */
  dataSource: z.string().optional(),
  /** Đơn vị tính (level catalogs). */
  unitOfMeasure: z.string().optional(),
  /** Căn cứ (legal basis). */
  basis: z.string().optional(),
  responsible: ResponsibleSchema.optional(),
  zeroDenominator: ZeroDenominatorSchema.optional(),
  /** Kept and reported but adds nothing to the total (Nghĩa Phương group 9). */
  unscored: z.boolean().optional(),
  /** Counts the document declares for this node (structure-only catalogs). */
  declared: z
    .object({ components: z.number().int().optional(), criteria: z.number().int().optional(), max: DecimalLiteralSchema.optional() })
    .optional(),
  notes: z.array(NoteSchema).optional(),
  get children() {
    return z.array(NodeSchema).optional();
  },
});
/** A node of a catalog. */
export type CatalogNode = z.infer<typeof NodeSchema>;

/** A field of the unit profile (values shared by many indicators). */
export const ProfileFieldSchema = z.object({
  label: z.string().min(1),
  type: FieldTypeSchema.default("count"),
  unit: z.string().optional(),
  /** The document's own numbering in "Thông tin chung" (e.g. "1.2"). */
  ref: z.string().optional(),
});

/** A catalog: metadata and the tree of indicators. */
export const CatalogSchema = z.object({
  /** `<province>-<year>/<level>`, e.g. `dong-nai-2023/so`. */
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  title: z.string().min(1),
  province: z.string().min(1),
  /** Unit level: `so` (Sở, ban, ngành), `huyen` (district), `xa` (commune). */
  level: z.enum(["so", "huyen", "xa"]),
  document: z.object({
    number: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    title: z.string().optional(),
    appendix: z.string().optional(),
    /** File in shared/seeds the catalog was transcribed from. */
    seed: z.string().optional(),
  }),
  /** `points` (default), `levels` (five-level recognition) or `structure` (no formulas published). */
  scoring: z.enum(["points", "levels", "structure"]).default("points"),
  /** Unit total: `sum` of main indicators, or `pillarMean` (mean of the top-level nodes). */
  aggregate: z.enum(["sum", "pillarMean"]).default("sum"),
  /** Total points the tree adds up to. */
  total: DecimalLiteralSchema.optional(),
  /** What the document declares (summary tables); lint compares the tree with it. */
  declared: z
    .object({
      total: DecimalLiteralSchema.optional(),
      components: z.number().int().optional(),
      criteria: z.number().int().optional(),
      main: z
        .array(
          z.object({
            code: z.string(),
            name: z.string().optional(),
            max: DecimalLiteralSchema.optional(),
            components: z.number().int().optional(),
            criteria: z.number().int().optional(),
            group: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  defaults: z
    .object({
      cadence: CadenceSchema.default("quarter"),
      annualRule: AnnualRuleSchema.default("mean"),
      zeroDenominator: ZeroDenominatorSchema.default("max"),
    })
    .default({ cadence: "quarter", annualRule: "mean", zeroDenominator: "max" }),
  /** Level names, 1..5 (level catalogs). */
  levels: z.array(z.object({ level: z.number().int().min(1).max(5), name: z.string() })).optional(),
  /** Catalog whose units are this catalog's children (Kon Tum communes → district). */
  childCatalog: z.string().optional(),
  profile: z.record(FieldName, ProfileFieldSchema).optional(),
  notes: z.array(NoteSchema).optional(),
  indicators: z.array(NodeSchema).min(1),
});
/** A catalog as validated (defaults applied). */
export type Catalog = z.infer<typeof CatalogSchema>;
/** A catalog as written (before defaults). */
export type CatalogInput = z.input<typeof CatalogSchema>;
