import * as z from "zod/mini";
import { CADENCES, type Cadence } from "../_periods.js";
import { DecimalLiteralSchema, FieldNameSchema, FieldTypeSchema, InputSchema } from "../formulas/_schema.js";
import { PointsFormulaSchema } from "../formulas/registry.js";
import { LevelsFormulaSchema } from "../levels/schema.js";

export {
  DecimalLiteralSchema,
  FieldTypeSchema,
  InputSchema,
  ValueExprSchema,
  type DecimalLiteral,
  type FieldType,
  type InputDef,
  type ValueExpr,
} from "../formulas/_schema.js";
export { RequirementSchema, type Requirement } from "../levels/schema.js";
export type { Cadence };

const FieldName = FieldNameSchema;

/** Any formula of a catalog node: a points formula (see the registry) or a level criterion. */
export const FormulaSchema = z.discriminatedUnion("kind", [...PointsFormulaSchema.def.options, LevelsFormulaSchema]);
/** Any formula of a catalog node. */
export type Formula = z.infer<typeof FormulaSchema>;
/** The formula kinds. */
export type FormulaKind = Formula["kind"];

/** How often an indicator is evaluated (Kỳ đánh giá): its finest cadence. */
export const CadenceSchema = z.enum(CADENCES);
/** Turning periods into a year: `mean` (Trung bình) or `last` (Kỳ cuối). */
export const AnnualRuleSchema = z.enum(["mean", "last"]);
export type AnnualRule = z.infer<typeof AnnualRuleSchema>;
/** What a zero denominator scores: `max` (no such subject matter), `zero`, or `error`. */
export const ZeroDenominatorSchema = z.enum(["max", "zero", "error"]);

/** An interpretation: the document's words and the reading encoded. */
export const NoteSchema = z.strictObject({
  source: z.string().check(z.minLength(1)),
  reading: z.string().check(z.minLength(1)),
  /**
   * Whether the note records a place an assessor can read two ways (`true`: the node, or the
   * catalog for a catalog note, must declare `readings`, else lint warns `ambiguityWithoutReadings`)
   * or a transcription choice with one plausible reading (`false`). Unset: not yet classified
   * (lint lists it as such). See docs/catalog-format.md, "Readings".
   */
  ambiguity: z.optional(z.boolean()),
});
/** An interpretation note, as validated by {@link NoteSchema}. */
export type Note = z.infer<typeof NoteSchema>;

/** A reading's id: a short camelCase word ("asWritten", "perFivePercent"), stable across versions. */
export const ReadingIdSchema = z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/));

/** What every reading says: its id, whether it is the encoded one, the document's words and why. */
const readingBase = {
  id: ReadingIdSchema,
  /** The reading encoded by the node (or catalog) itself: exactly one per list, and it carries no patch. */
  default: z.optional(z.literal(true)),
  /** The document's text this reading interprets, verbatim. */
  source: z.string().check(z.minLength(1)),
  /** One line: why an assessor could read the text this way. */
  rationale: z.string().check(z.minLength(1)),
  /**
   * `false`: the reading is described (source and rationale) but no patch of the catalog format
   * expresses it yet (a rule of the level engine, a gate between two rows…). It is listed
   * wherever readings are, so the choice is never hidden, and choosing it is refused
   * (`readingNotEncoded`) rather than silently scored as another reading.
   */
  encoded: z.optional(z.literal(false)),
};

/**
 * What a reading changes in one input: its wording, i.e. what is collected ("people only, not
 * businesses"). Never its type or its source (`from`): one dataset serves every reading, and a
 * field taken from elsewhere under one reading could not be given under another.
 */
export const InputPatchSchema = z.strictObject({
  label: z.string().check(z.minLength(1)),
});

/**
 * One way to read an ambiguous node: the patch it applies to the node as encoded. The default
 * reading is the node itself (no patch); an alternative replaces `formula` (a leaf: a points
 * formula, or a level criterion in a level catalog), `max` (a leaf, or a group: its children's
 * sum is clamped to it), `zeroDenominator`, `unscored` (the row counts for nothing), `cadence` or
 * `annualRule`, and/or the wording or source of existing `inputs`.
 */
export const NodeReadingSchema = z.strictObject({
  ...readingBase,
  formula: z.optional(z.discriminatedUnion("kind", [...PointsFormulaSchema.def.options, LevelsFormulaSchema])),
  max: z.optional(DecimalLiteralSchema),
  zeroDenominator: z.optional(ZeroDenominatorSchema),
  unscored: z.optional(z.boolean()),
  cadence: z.optional(CadenceSchema),
  annualRule: z.optional(AnnualRuleSchema),
  inputs: z.optional(z.record(FieldName, InputPatchSchema)),
});
/** One reading of a node, as validated by {@link NodeReadingSchema}. */
export type NodeReading = z.infer<typeof NodeReadingSchema>;

/** How the unit total is made from the main indicators (pillars). */
export const AggregateSchema = z.enum(["sum", "pillarMean"]);
/** Which pillars a `pillarMean` divides by: the scored ones, or all of them (unscored count 0). */
export const PillarMeanOfSchema = z.enum(["scored", "all"]);

/** One reading of a whole-catalog rule (the unit total, the zero-denominator default): the patch it applies to the catalog. */
export const CatalogReadingSchema = z.strictObject({
  ...readingBase,
  aggregate: z.optional(AggregateSchema),
  pillarMeanOf: z.optional(PillarMeanOfSchema),
  /** The catalog's default policy for a zero denominator (the nodes that set their own keep it). */
  zeroDenominator: z.optional(ZeroDenominatorSchema),
});
/** One reading of a catalog rule, as validated by {@link CatalogReadingSchema}. */
export type CatalogReading = z.infer<typeof CatalogReadingSchema>;

/** Who is responsible for an indicator. */
export const ResponsibleSchema = z.strictObject({
  /** Lead official or agency (Công chức chủ trì / cơ quan chủ trì). */
  lead: z.optional(z.string()),
  /** Supporting officials (Công chức phối hợp). */
  support: z.optional(z.array(z.string())),
});

/** A node of a catalog: main indicator, component, sub-component or level criterion. */
export const NodeSchema = z.strictObject({
  /** The document's STT, exactly ("6.3.2"). */
  code: z.string().check(z.regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/)),
  /** Vietnamese name, verbatim. */
  name: z.string().check(z.minLength(1)),
  /** Maximum points (Điểm tối đa). Omitted for level criteria and structure-only nodes. */
  max: z.optional(DecimalLiteralSchema),
  formula: z.optional(FormulaSchema),
  inputs: z.optional(z.record(FieldName, InputSchema)),
  /** The document's method text (Cách xác định và tính điểm / Phương pháp tính), verbatim. */
  method: z.optional(z.string()),
  cadence: z.optional(CadenceSchema),
  /** Kỳ đánh giá, verbatim. */
  cadenceText: z.optional(z.string()),
  annualRule: z.optional(AnnualRuleSchema),
  /** Tài liệu kiểm chứng. */
  evidence: z.optional(z.string()),
  /** Nguồn thu thập dữ liệu / nguồn cung cấp dữ liệu. */
  dataSource: z.optional(z.string()),
  /** Đơn vị tính (level catalogs). */
  unitOfMeasure: z.optional(z.string()),
  /** Căn cứ (legal basis). */
  basis: z.optional(z.string()),
  responsible: z.optional(ResponsibleSchema),
  zeroDenominator: z.optional(ZeroDenominatorSchema),
  /** Kept and reported but adds nothing to the total (Nghĩa Phương group 9). */
  unscored: z.optional(z.boolean()),
  /** Counts the document declares for this node (structure-only catalogs). */
  declared: z.optional(
    z.strictObject({
      components: z.optional(z.number().check(z.int())),
      criteria: z.optional(z.number().check(z.int())),
      max: z.optional(DecimalLiteralSchema),
    }),
  ),
  notes: z.optional(z.array(NoteSchema)),
  /** Ways an assessor can read this node, one of them the default (the node as encoded). */
  readings: z.optional(z.array(NodeReadingSchema)),
  get children() {
    return z.optional(z.array(NodeSchema));
  },
});
// An interface over the schema's type (the same members): the API docs link it (issue 12).
/** A node of a catalog: main indicator, component, sub-component or level criterion. */
export interface CatalogNode extends Omit<z.infer<typeof NodeSchema>, "children"> {
  /** Components (sub-indicators); a node without them is scored from data. */
  children?: CatalogNode[] | undefined;
}

/** A field of the unit profile (values shared by many indicators). */
export const ProfileFieldSchema = z.strictObject({
  label: z.string().check(z.minLength(1)),
  type: z._default(FieldTypeSchema, "count"),
  unit: z.optional(z.string()),
  /** The document's own numbering in "Thông tin chung" (e.g. "1.2"). */
  ref: z.optional(z.string()),
});

/** A catalog: metadata and the tree of indicators. */
export const CatalogSchema = z.strictObject({
  /** `<province>-<year>/<level>`, e.g. `dong-nai-2023/so`. */
  id: z.string().check(z.regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)),
  title: z.string().check(z.minLength(1)),
  province: z.string().check(z.minLength(1)),
  /** Unit level: `so` (Sở, ban, ngành), `huyen` (district), `xa` (commune). */
  level: z.enum(["so", "huyen", "xa"]),
  document: z.strictObject({
    number: z.string().check(z.minLength(1)),
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    title: z.optional(z.string()),
    appendix: z.optional(z.string()),
    /** File in shared/seeds the catalog was transcribed from. */
    seed: z.optional(z.string()),
  }),
  /** `points` (default), `levels` (five-level recognition) or `structure` (no formulas published). */
  scoring: z._default(z.enum(["points", "levels", "structure"]), "points"),
  /** Unit total: `sum` of main indicators, or `pillarMean` (mean of the top-level nodes). */
  aggregate: z._default(AggregateSchema, "sum"),
  /** `pillarMean` over the `scored` pillars (default) or over `all` (an unscored pillar counts 0). */
  pillarMeanOf: z._default(PillarMeanOfSchema, "scored"),
  /** Total points the tree adds up to. */
  total: z.optional(DecimalLiteralSchema),
  /** What the document declares (summary tables); lint compares the tree with it. */
  declared: z.optional(
    z.strictObject({
      total: z.optional(DecimalLiteralSchema),
      components: z.optional(z.number().check(z.int())),
      criteria: z.optional(z.number().check(z.int())),
      main: z.optional(
        z.array(
          z.strictObject({
            code: z.string(),
            name: z.optional(z.string()),
            max: z.optional(DecimalLiteralSchema),
            components: z.optional(z.number().check(z.int())),
            criteria: z.optional(z.number().check(z.int())),
            group: z.optional(z.string()),
          }),
        ),
      ),
    }),
  ),
  defaults: z._default(
    z.strictObject({
      cadence: z._default(CadenceSchema, "quarter"),
      annualRule: z._default(AnnualRuleSchema, "mean"),
      zeroDenominator: z._default(ZeroDenominatorSchema, "max"),
    }),
    { cadence: "quarter", annualRule: "mean", zeroDenominator: "max" },
  ),
  /** Level names, 1..5 (level catalogs). */
  levels: z.optional(z.array(z.strictObject({ level: z.number().check(z.int(), z.gte(1), z.lte(5)), name: z.string() }))),
  /** Catalog whose units are this catalog's children (Kon Tum communes → district). */
  childCatalog: z.optional(z.string()),
  profile: z.optional(z.record(FieldName, ProfileFieldSchema)),
  notes: z.optional(z.array(NoteSchema)),
  /** Ways to read a whole-catalog rule (the unit total), one of them the default (as encoded). */
  readings: z.optional(z.array(CatalogReadingSchema)),
  indicators: z.array(NodeSchema).check(z.minLength(1)),
});
// An interface over the schema's type (the same members): the API docs link `Catalog` and list
// its documented fields instead of expanding it inline in every signature (issue 12).
/** A catalog as validated (defaults applied): metadata and the tree of indicators. */
export interface Catalog extends Omit<z.infer<typeof CatalogSchema>, "indicators"> {
  /** Main indicators (or level criteria) in document order, each with its components. */
  indicators: CatalogNode[];
}
/** A catalog as written (before defaults); `loadCatalog` validates and compiles it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- named for the API docs, same members
export interface CatalogInput extends z.input<typeof CatalogSchema> {}
