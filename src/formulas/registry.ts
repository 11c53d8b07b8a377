import * as z from "zod/mini";
import { CatalogError, createIssue } from "../errors.js";
import { bands } from "./bands/index.js";
import { checklist } from "./checklist/index.js";
import { choice } from "./choice/index.js";
import { composite, compositeSchema } from "./composite/index.js";
import { perItem } from "./perItem/index.js";
import { ratio } from "./ratio/index.js";
import { relative } from "./relative/index.js";
import { threshold } from "./threshold/index.js";
import { yesNo } from "./yesNo/index.js";
import type { InputDef } from "./_schema.js";
import type { AnyFormula, CheckContext, FieldSpec, FormulaKindDef, NestedPlace, RatioExpr } from "./_types.js";

/** The kinds a formula (or a composite part) may have. Adding a kind: its folder and one line here. */
const partKinds = [ratio, threshold, bands, yesNo, choice, checklist, perItem, relative] as const;

type Schemas<T extends readonly { readonly schema: z.ZodMiniType }[]> = { -readonly [I in keyof T]: T[I]["schema"] };
const schemasOf = <T extends readonly { readonly schema: z.ZodMiniType }[]>(kinds: T) => kinds.map((k) => k.schema) as Schemas<T>;

/** A formula that may stand inside a composite. */
export const PartFormulaSchema = z.discriminatedUnion("kind", schemasOf(partKinds));
/** Any points formula: a part kind, or a composite of part kinds. */
export const PointsFormulaSchema = z.discriminatedUnion("kind", [...schemasOf(partKinds), compositeSchema(PartFormulaSchema)]);
/** Any points formula of a catalog node. */
export type PointsFormula = z.infer<typeof PointsFormulaSchema>;

/** Every points formula kind, by name. */
export const formulaKinds: Readonly<Record<string, FormulaKindDef>> = Object.fromEntries(
  [...partKinds, composite].map((k) => [k.kind, k as unknown as FormulaKindDef]),
);

/**
 * Looks up the definition of a formula's kind.
 * @param formula A catalog formula.
 * @returns Its kind definition, or undefined when it is not a points kind.
 */
export function kindOf(formula: AnyFormula): FormulaKindDef | undefined {
  return Object.hasOwn(formulaKinds, formula.kind) ? formulaKinds[formula.kind] : undefined;
}

function kindOrThrow(formula: AnyFormula): FormulaKindDef {
  const kind = kindOf(formula);
  // Unreachable for validated catalogs: the schema admits only registered kinds.
  if (!kind)
    throw new CatalogError([createIssue("catalog", "catalogSchema", {}, { detail: `not a points formula kind: ${formula.kind}` })]);
  return kind;
}

/** The formula and every formula nested in it, depth first. */
function* walk(formula: AnyFormula): Generator<[FormulaKindDef, AnyFormula]> {
  const kind = kindOrThrow(formula);
  yield [kind, formula];
  for (const inner of kind.nested?.(formula) ?? []) yield* walk(inner);
}

/** Data fields a formula reads, nested formulas included (each name once). */
export function formulaFields(formula: AnyFormula, defs: Readonly<Record<string, InputDef>>): FieldSpec[] {
  const seen = new Map<string, FieldSpec>();
  for (const [kind, f] of walk(formula)) for (const field of kind.fields(f, defs)) seen.set(field.name, field);
  return [...seen.values()];
}

/** Ratio expressions of a formula, nested formulas included. */
export function formulaRatios(formula: AnyFormula): RatioExpr[] {
  return [...walk(formula)].flatMap(([kind, f]) => kind.ratios(f));
}

/**
 * Catalog checks of a formula and of the formulas nested in it: each nested formula is checked
 * against its own max, its problems placed under its own path.
 */
export function checkFormula(formula: AnyFormula, ctx: CheckContext): void {
  const kind = kindOrThrow(formula);
  kind.check(formula, ctx);
  const places: readonly NestedPlace[] = kind.nestedPlaces?.(formula) ?? [];
  for (const place of places) {
    // Peers are measured per leaf: a nested formula that compares units would see only itself.
    if (kindOf(place.formula)?.measure) ctx.nestedPeerFormula(place.formula.kind);
    checkFormula(place.formula, {
      ...ctx,
      max: place.max,
      problem: (code, path, params) => ctx.problem(code, [...place.path, ...path], params),
    });
  }
}

/** Inputs whose growth raises a formula's score, nested formulas included. */
export function formulaRaising(formula: AnyFormula): Set<string> {
  return new Set([...walk(formula)].flatMap(([kind, f]) => kind.raising(f)));
}
