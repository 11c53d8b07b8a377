import * as z from "zod";
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
export const FormulaSchema = z.discriminatedUnion("kind", [...PointsFormulaSchema.options, LevelsFormulaSchema]);
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
