import { ZERO, fmt, parseDecimalLiteral, sum, type Dec } from "../_decimal.js";
import { CatalogError, createIssue, type Issue } from "../errors.js";
import { checkFormula, formulaFields, formulaRatios, kindOf } from "../formulas/registry.js";
import type { FieldSpec, FormulaKindDef, RatioExpr } from "../formulas/_types.js";
import { levelCriterion, type LevelsFormula } from "../levels/index.js";
import type { AnnualRule, Cadence, Catalog, CatalogNode, Formula, InputDef } from "./schema.js";

export type { RatioExpr } from "../formulas/_types.js";

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
  /** The leaf's formula; groups have none (they add up their children). */
  readonly formula: Formula | undefined;
  /** The points kind of the formula (undefined for groups and level criteria). */
  readonly kind: FormulaKindDef | undefined;
  /** The level criterion's formula (level catalogs). */
  readonly criterion: LevelsFormula | undefined;
  /** Fields the unit gives (those with `from` are resolved by the engine). */
  readonly fields: readonly FieldSpec[];
  readonly fieldByName: ReadonlyMap<string, FieldSpec>;
  /** Fields the unit gives itself (no `from`). */
  readonly asked: readonly FieldSpec[];
  /** Every ratio of the formula (composite parts and level alternatives included). */
  readonly ratios: readonly RatioExpr[];
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

/**
 * A catalog compiled for evaluation: the validated catalog's own fields, and its nodes flattened
 * in document order. `loadCatalog` and `getCatalog` return it; it is compiled once.
 */
export interface CompiledCatalog extends Catalog {
  /** The validated catalog data (the fields above, without the compiled ones). */
  readonly catalog: Catalog;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  /** All nodes in document order. */
  readonly order: readonly CompiledNode[];
  /** Nodes scored from data (no children), in document order. */
  readonly leaves: readonly CompiledNode[];
  readonly top: readonly CompiledNode[];
  /** What the scored tree adds up to. */
  readonly treeTotal: Dec;
}

/** Whether a catalog is already compiled. */
export function isCompiled(catalog: Catalog | CompiledCatalog): catalog is CompiledCatalog {
  return "nodes" in catalog && catalog.nodes instanceof Map;
}

/**
 * Compiles a validated catalog: flattens the tree, resolves defaults and runs every formula's
 * catalog checks (declared inputs, references). A compiled catalog is returned as it is.
 * @param catalog A catalog validated by `CatalogSchema`, or a compiled one.
 * @returns The compiled catalog.
 * @throws CatalogError listing every problem.
 */
export function compileCatalog(catalog: Catalog | CompiledCatalog): CompiledCatalog {
  if (isCompiled(catalog)) return catalog;
  const issues: Issue[] = [];
  const nodes = new Map<string, CompiledNode>();
  const order: CompiledNode[] = [];
  const where = (code: string, field?: string) => ({ catalog: catalog.id, indicator: code, ...(field ? { field } : {}) });

  const visit = (n: CatalogNode, depth: number, parent: string | undefined, unscoredAbove: boolean): CompiledNode => {
    if (nodes.has(n.code)) issues.push(createIssue("catalog", "duplicateCode", where(n.code), { received: n.code }));
    const inputs = n.inputs ?? {};
    const isLeaf = !n.children?.length;
    // A group adds up its children: a formula written on it would never be read.
    const formula = isLeaf ? n.formula : undefined;
    const kind = formula ? kindOf(formula) : undefined;
    const criterion = formula?.kind === levelCriterion.kind ? (formula as LevelsFormula) : undefined;
    const ctx = {
      inputs,
      unknownInput: (name: string) => issues.push(createIssue("catalog", "unknownInput", where(n.code, name), { received: name })),
      nestedPeerFormula: (kind: string) => issues.push(createIssue("catalog", "nestedPeerFormula", where(n.code), { received: kind })),
    };
    let fields: FieldSpec[] = [];
    let ratios: RatioExpr[] = [];
    if (criterion) {
      levelCriterion.check(criterion, ctx);
      fields = levelCriterion.fields(criterion, inputs);
      ratios = levelCriterion.ratios(criterion);
    } else if (formula) {
      checkFormula(formula, ctx);
      fields = formulaFields(formula, inputs);
      ratios = formulaRatios(formula);
    }
    const unscored = unscoredAbove || n.unscored === true;
    if (isLeaf && !formula && catalog.scoring !== "structure") issues.push(createIssue("catalog", "missingFormula", where(n.code)));
    if (isLeaf && n.max === undefined && catalog.scoring === "points" && !unscored)
      issues.push(createIssue("catalog", "missingMax", where(n.code)));
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
      criterion,
      fields,
      fieldByName: new Map(fields.map((f) => [f.name, f])),
      asked: fields.filter((f) => !f.from),
      ratios,
      proportions: ratios.filter((r) => r.proportion),
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
        if (!Object.hasOwn(catalog.profile ?? {}, key))
          issues.push(
            createIssue("catalog", "badReference", where(node.code, field.name), { received: field.from, detail: "no such profile field" }),
          );
      } else {
        const dot = field.from.lastIndexOf(".");
        const target = nodes.get(field.from.slice(0, dot));
        if (!target || !target.fieldByName.has(field.from.slice(dot + 1))) {
          issues.push(
            createIssue("catalog", "badReference", where(node.code, field.name), {
              received: field.from,
              detail: "no such indicator field",
            }),
          );
        }
      }
    }
  }
  if (issues.length) throw new CatalogError(issues);
  return {
    ...catalog,
    catalog,
    nodes,
    order,
    leaves: order.filter((n) => n.children.length === 0),
    top,
    treeTotal: sum(top.filter((n) => !n.unscored).map((n) => n.max)),
  };
}
