import type { z } from "zod";
import { clamp, parseDecimalLiteral, sum } from "../../_decimal.js";
import type { CompositeFormulaSchema } from "../../catalog/schema.js";
import type { FieldSpec, FormulaKindDef } from "../_types.js";
import { formulaFields } from "../registry.js";

type CompositeFormula = z.infer<typeof CompositeFormulaSchema>;

/** Creates the `composite` kind: parts scored separately (each clamped to its own max), then added. */
export const composite: FormulaKindDef<CompositeFormula> = {
  kind: "composite",
  fields(f, defs) {
    const seen = new Map<string, FieldSpec>();
    for (const part of f.parts) for (const field of formulaFields(part.formula, defs)) seen.set(field.name, field);
    return [...seen.values()];
  },
  evaluate({ formula, inputs, evaluate }) {
    void inputs;
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
};
