import type { InputDef, Formula, FormulaKind } from "../catalog/schema.js";
import { bands } from "./bands/index.js";
import { checklist } from "./checklist/index.js";
import { choice } from "./choice/index.js";
import { composite } from "./composite/index.js";
import { levels } from "./levels/index.js";
import { perItem } from "./perItem/index.js";
import { ratio } from "./ratio/index.js";
import { relative } from "./relative/index.js";
import { sumKind } from "./sum/index.js";
import { threshold } from "./threshold/index.js";
import type { FieldSpec, FormulaKindDef } from "./_types.js";
import { yesNo } from "./yesNo/index.js";

/** Every formula kind, by name. Adding a kind: one folder and one line here. */
export const formulaKinds: { readonly [K in FormulaKind]: FormulaKindDef<Extract<Formula, { kind: K }>> } = {
  ratio,
  threshold,
  bands,
  yesNo,
  choice,
  checklist,
  perItem,
  relative,
  sum: sumKind,
  composite,
  levels,
};

/**
 * Looks up the definition of a formula's kind.
 * @param formula A catalog formula.
 * @returns Its kind definition.
 */
export function kindOf(formula: Formula): FormulaKindDef {
  return formulaKinds[formula.kind] as unknown as FormulaKindDef;
}

/** Data fields a formula reads. */
export function formulaFields(formula: Formula, defs: Readonly<Record<string, InputDef>>): FieldSpec[] {
  return kindOf(formula).fields(formula, defs);
}
