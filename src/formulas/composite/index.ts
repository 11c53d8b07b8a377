import * as z from "zod/mini";
import { EXACT, exactConstant, toDouble } from "../_fast.js";
import { ZERO, clamp, parseDecimalLiteral, sum } from "../../_decimal.js";
import { checkPositive } from "../_check.js";
import { DecimalLiteralSchema } from "../_schema.js";
import type { AnyFormula, FormulaKindDef } from "../_types.js";

/**
 * `composite`: parts scored separately, each with its own max, added (Đồng Nai Sở 6.4.4).
 * @param part The schema of a part's formula (any non-nesting kind; given by the registry).
 */
export function compositeSchema<P extends z.ZodMiniType<AnyFormula>>(part: P) {
  return z.strictObject({
    kind: z.literal("composite"),
    parts: z
      .array(z.strictObject({ label: z.string().check(z.minLength(1)), max: DecimalLiteralSchema, formula: part }))
      .check(z.minLength(2)),
  });
}
/** A `composite` formula (its parts' formulas seen as any formula). */
export type CompositeFormula = z.infer<ReturnType<typeof compositeSchema<z.ZodMiniType<AnyFormula>>>>;

/** The `composite` kind: parts scored separately (each clamped to its own max), then added. */
export const composite: FormulaKindDef<CompositeFormula> = {
  kind: "composite",
  // The registry builds the real schema with the union of part kinds (see compositeSchema).
  schema: compositeSchema(z.custom<AnyFormula>((v) => typeof v === "object" && v !== null && "kind" in v)),
  fields: () => [],
  ratios: () => [],
  check(f, ctx) {
    const maxima = f.parts.map((p, i) => checkPositive(p.max, ctx, ["parts", i, "max"]));
    // The parts are each clamped to their own max and added: together they must fit the node's.
    const total = sum(maxima.map((m) => m ?? ZERO));
    if (ctx.max !== undefined && maxima.every((m) => m !== undefined) && total.gt(ctx.max))
      ctx.problem("partsAboveMax", ["parts"], { received: total.toString(), expected: ctx.max.toString() });
  },
  nested: (f) => f.parts.map((p) => p.formula),
  nestedPlaces: (f) =>
    f.parts.map((p, i) => {
      const max = parseDecimalLiteral(p.max);
      return { formula: p.formula, path: ["parts", i, "formula"], max: max.isFinite() && max.gt(0) ? max : undefined };
    }),
  raising: () => [],
  evaluate({ formula, evaluate }) {
    const parts = formula.parts.map((part) => {
      const partMax = parseDecimalLiteral(part.max);
      const o = evaluate(part.formula, partMax);
      const score = clamp(o.raw, partMax);
      return { label: part.label, max: partMax.toString(), raw: o.raw.toString(), score, branch: o.branch };
    });
    return {
      raw: sum(parts.map((p) => p.score)),
      branch: "parts",
      parts: parts.map((p) => ({ ...p, score: p.score.toString() })),
    };
  },
  compile(formula, _max, ctx) {
    const parts = formula.parts.map((part) => {
      const partMax = parseDecimalLiteral(part.max);
      return { formula: ctx.compile(part.formula, partMax), max: toDouble(partMax), maxExact: exactConstant(partMax) };
    });
    return (vals, scales, base, peers) => {
      let raw = 0;
      let exact = true;
      for (const part of parts) {
        EXACT.value = false;
        const r = part.formula(vals, scales, base, peers);
        // A part clamped to its max is exact when the max is; an exact part below it stays exact.
        exact &&= r > part.max ? (EXACT.value || r > part.max * (1 + 2 ** -40)) && part.maxExact : EXACT.value;
        raw += r > part.max ? part.max : r > 0 ? r : r === r ? 0 : NaN;
      }
      EXACT.value = exact;
      return raw;
    };
  },
  explain: (t, ctx) => `${(t.parts ?? []).map((p) => `${p.label}: ${ctx.n(p.score)}/${ctx.n(p.max)}`).join("; ")} → ${ctx.points}`,
};
