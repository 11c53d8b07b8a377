import { Dec, ZERO, fmt, parseDecimalLiteral, sum } from "../_decimal.js";
import { CatalogError, createIssue, type Issue } from "../errors.js";
import { kindOf } from "../formulas/registry.js";
import type { FieldSpec, FormulaKindDef } from "../formulas/_types.js";
import { valueFieldNames } from "../formulas/_value.js";
import type { AnnualRule, Cadence, Catalog, CatalogNode, Formula, InputDef } from "./schema.js";

/** A catalog node ready for evaluation. */
export interface CompiledNode {
  readonly code: string;
  readonly name: string;
  /** Maximum points (0 for level criteria and unscored nodes without a max). */
  readonly max: Dec;
  /** `max` as output text ("22.5"). */
  readonly maxText: string;
  readonly depth: number;
  readonly parent: string | undefined;
  readonly children: readonly string[];
  readonly formula: Formula | undefined;
  readonly kind: FormulaKindDef | undefined;
  /** Fields the unit gives (those with `from` are resolved by the engine). */
  readonly fields: readonly FieldSpec[];
  readonly fieldByName: ReadonlyMap<string, FieldSpec>;
  /** Fields the unit gives itself (no `from`). */
  readonly asked: readonly FieldSpec[];
  /** Ratios whose numerator is a part of the denominator (checked in the data). */
  readonly proportions: readonly RatioExpr[];
  readonly inputs: Readonly<Record<string, InputDef>>;
  readonly cadence: Cadence;
  readonly annualRule: AnnualRule;
  readonly zeroDenominator: "max" | "zero" | "error";
  /** Unscored itself or under an unscored ancestor. */
  readonly unscored: boolean;
  readonly source: CatalogNode;
}

/** A catalog compiled for evaluation: flat nodes in document order. */
export interface CompiledCatalog {
  readonly catalog: Catalog;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  /** All nodes in document order. */
  readonly order: readonly CompiledNode[];
  /** Nodes scored from data (no children), in document order. */
  readonly leaves: readonly CompiledNode[];
  readonly top: readonly CompiledNode[];
  /** What the scored tree adds up to. */
  readonly total: Dec;
}

const cache = new WeakMap<Catalog, CompiledCatalog>();

/** A ratio value expression. */
export type RatioExpr = { readonly numerator: readonly string[]; readonly denominator: readonly string[]; readonly proportion: boolean };

/** Every proportion of a formula: its own value, composite parts, level alternatives. */
function proportionsOf(formula: Formula | undefined): RatioExpr[] {
  const out: RatioExpr[] = [];
  const visit = (f: unknown) => {
    if (!f || typeof f !== "object") return;
    const o = f as Record<string, unknown>;
    const v = o["value"];
    if (v && typeof v === "object" && (v as RatioExpr).proportion) out.push(v as RatioExpr);
    for (const key of ["parts", "anyOf"]) if (Array.isArray(o[key])) for (const p of o[key] as unknown[]) visit((p as { formula?: unknown }).formula ?? p);
    if (o["requirements"]) for (const r of Object.values(o["requirements"] as object)) visit(r);
  };
  visit(formula);
  return out;
}

function formulaInputNames(f: Formula): string[] {
  switch (f.kind) {
    case "ratio":
    case "threshold":
    case "bands":
    case "relative":
      return valueFieldNames(f.value);
    case "composite":
      return f.parts.flatMap((p) => formulaInputNames(p.formula as Formula));
    case "levels":
      return [
        ...(f.value !== undefined ? valueFieldNames(f.value) : []),
        ...Object.values(f.requirements).flatMap((r) => (r?.anyOf ?? []).flatMap((a) => valueFieldNames(a.value))),
      ];
    default:
      return [];
  }
}

/**
 * Compiles a validated catalog: flattens the tree, resolves defaults and checks that every
 * formula's inputs and references exist.
 * @param catalog A catalog validated by `CatalogSchema`.
 * @returns The compiled catalog (cached per catalog object).
 * @throws CatalogError listing every problem.
 */
export function compileCatalog(catalog: Catalog): CompiledCatalog {
  const hit = cache.get(catalog);
  if (hit) return hit;
  const issues: Issue[] = [];
  const nodes = new Map<string, CompiledNode>();
  const order: CompiledNode[] = [];
  const where = (code: string, field?: string) => ({ catalog: catalog.id, indicator: code, ...(field ? { field } : {}) });

  const visit = (n: CatalogNode, depth: number, parent: string | undefined, unscoredAbove: boolean): CompiledNode => {
    if (nodes.has(n.code)) issues.push(createIssue("catalog", "duplicateCode", where(n.code), { received: n.code }));
    const inputs = n.inputs ?? {};
    const formula = n.formula ?? (n.children?.length ? ({ kind: "sum" } as const) : undefined);
    const kind = formula ? kindOf(formula) : undefined;
    const fields = formula && kind ? kind.fields(formula, inputs) : [];
    if (formula) {
      for (const name of formulaInputNames(formula)) {
        if (!Object.hasOwn(inputs, name)) issues.push(createIssue("catalog", "unknownInput", where(n.code, name), { received: name }));
      }
    }
    const isLeaf = !n.children?.length;
    const unscored = unscoredAbove || n.unscored === true;
    if (isLeaf && !formula && catalog.scoring !== "structure") issues.push(createIssue("catalog", "missingFormula", where(n.code)));
    if (isLeaf && n.max === undefined && catalog.scoring === "points" && !unscored) issues.push(createIssue("catalog", "missingMax", where(n.code)));
    const compiled: CompiledNode = {
      code: n.code,
      name: n.name,
      max: n.max !== undefined ? parseDecimalLiteral(n.max) : ZERO,
      maxText: n.max !== undefined ? fmt(parseDecimalLiteral(n.max)) : "0",
      depth,
      parent,
      children: (n.children ?? []).map((c) => c.code),
      formula,
      kind,
      fields,
      fieldByName: new Map(fields.map((f) => [f.name, f])),
      asked: fields.filter((f) => !f.from),
      proportions: proportionsOf(formula),
      inputs,
      cadence: n.cadence ?? catalog.defaults.cadence,
      annualRule: n.annualRule ?? catalog.defaults.annualRule,
      zeroDenominator: n.zeroDenominator ?? catalog.defaults.zeroDenominator,
      unscored,
      source: n,
    };
    nodes.set(n.code, compiled);
    order.push(compiled);
    for (const c of n.children ?? []) visit(c, depth + 1, n.code, unscored);
    return compiled;
  };
  const top = catalog.indicators.map((n) => visit(n, 0, undefined, false));

  // `from` references: profile fields, or another leaf's field.
  for (const node of order) {
    for (const field of node.fields) {
      if (!field.from) continue;
      if (field.from.startsWith("profile.")) {
        const key = field.from.slice("profile.".length);
        if (!Object.hasOwn(catalog.profile ?? {}, key)) issues.push(createIssue("catalog", "badReference", where(node.code, field.name), { received: field.from, detail: "no such profile field" }));
      } else {
        const dot = field.from.lastIndexOf(".");
        const target = nodes.get(field.from.slice(0, dot));
        if (!target || !target.fieldByName.has(field.from.slice(dot + 1))) {
          issues.push(createIssue("catalog", "badReference", where(node.code, field.name), { received: field.from, detail: "no such indicator field" }));
        }
      }
    }
  }
  if (issues.length) throw new CatalogError(issues);
  const compiled: CompiledCatalog = {
    catalog,
    nodes,
    order,
    leaves: order.filter((n) => n.children.length === 0),
    top,
    total: sum(top.filter((n) => !n.unscored).map((n) => n.max)),
  };
  cache.set(catalog, compiled);
  return compiled;
}
