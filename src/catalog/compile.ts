import { ZERO, fmt, parseDecimalLiteral, sum, type Dec } from "../_decimal.js";
import { CatalogError, createIssue, type Issue, type IssueCode, type IssueParams } from "../errors.js";
import { checkFormula, formulaFields, formulaRatios, kindOf } from "../formulas/registry.js";
import type { CheckContext, FieldSpec, FormulaKindDef, RatioExpr } from "../formulas/_types.js";
import { levelCriterion, type LevelsFormula } from "../levels/index.js";
import type { AnnualRule, Cadence, Catalog, CatalogNode, CatalogReading, FieldType, Formula, InputDef, NodeReading } from "./schema.js";

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
  /** The node has a max (a group clamps its children's sum to it). */
  readonly capped: boolean;
  /** The reading in force, for a node with readings (its patch is already applied to the fields above). */
  readonly reading: NodeReading | undefined;
  /** The node as written in the catalog (the encoded formula and max, whichever reading is in force). */
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
  /** The unit total's rule in force (the catalog's, or its reading's). */
  readonly aggregate: Catalog["aggregate"];
  readonly pillarMeanOf: Catalog["pillarMeanOf"];
  /** What a `pillarMean` divides by: the scored pillars, or all of them (`pillarMeanOf: all`). */
  readonly pillars: number;
  /** The reading in force of every node with readings (`"catalog"` for the catalog's own), default or chosen. */
  readonly readingsInForce: Readonly<Record<string, string>>;
  /** The catalog reading in force (the unit total), if the catalog declares readings. */
  readonly catalogReading: CatalogReading | undefined;
  /** For a catalog derived by `withReadings`: the catalog as encoded (every default reading). */
  readonly base: CompiledCatalog | undefined;
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
  return compileWith(catalog, NO_CHOICE, undefined);
}

const NO_CHOICE: ReadonlyMap<string, string> = new Map();

/**
 * Compiles a catalog with the chosen readings in force (node code or `"catalog"` → reading
 * id; an absent node reads its default). The ids must exist: `withReadings` checks them first.
 * Used by `withReadings` (src/catalog/readings.ts); `compileCatalog` is this with no choice.
 * @param base The catalog compiled with its defaults, when this is a derived one.
 */
export function compileWith(catalog: Catalog, choice: ReadonlyMap<string, string>, base: CompiledCatalog | undefined): CompiledCatalog {
  const issues: Issue[] = [];
  const inForce: Record<string, string> = {};
  const nodes = new Map<string, CompiledNode>();
  const order: CompiledNode[] = [];
  const where = (code: string, field?: string) => ({ catalog: catalog.id, indicator: code, ...(field ? { field } : {}) });

  // The whole-catalog rule (the unit total, the zero-denominator default) read as the catalog
  // reading in force says: known before the nodes, which take their default policy from it.
  const catalogReading = catalog.readings?.length ? readingOf(catalog.readings, choice.get(CATALOG_READING)) : undefined;
  const catalogPatch = catalogReading?.default ? undefined : catalogReading;
  const zeroDenominatorDefault = catalogPatch?.zeroDenominator ?? catalog.defaults.zeroDenominator;

  const visit = (n: CatalogNode, depth: number, parent: string | undefined, unscoredAbove: boolean, path: Path): CompiledNode => {
    if (nodes.has(n.code)) issues.push(createIssue("catalog", "duplicateCode", where(n.code), { received: n.code }, [...path, "code"]));
    const isLeaf = !n.children?.length;
    // The reading in force patches the node as encoded (the default reading carries no patch).
    const reading = n.readings?.length ? readingOf(n.readings, choice.get(n.code)) : undefined;
    if (reading) inForce[n.code] = reading.id;
    const patch = reading?.default ? undefined : reading;
    const inputs = patch?.inputs ? patchInputs(n.inputs ?? {}, patch.inputs) : (n.inputs ?? {});
    // A group adds up its children: a formula written on it would never be read, so it is refused.
    if (!isLeaf && n.formula !== undefined) issues.push(createIssue("catalog", "formulaOnGroup", where(n.code), {}, [...path, "formula"]));
    const formula = isLeaf ? (patch?.formula ?? n.formula) : undefined;
    const kind = formula ? kindOf(formula) : undefined;
    const criterion = formula?.kind === levelCriterion.kind ? (formula as LevelsFormula) : undefined;
    // Level criteria score only in level catalogs, points formulas only in points catalogs.
    if (formula && (catalog.scoring === "levels") !== (criterion !== undefined))
      issues.push(
        createIssue("catalog", "wrongScoringFormula", where(n.code), { received: formula.kind, expected: catalog.scoring }, [
          ...path,
          "formula",
          "kind",
        ]),
      );
    const maxLiteral = patch?.max ?? n.max;
    const max = maxLiteral !== undefined ? parseDecimalLiteral(maxLiteral) : undefined;
    // A max of 0 or less, or an infinite one ("1/0"), would score negative or NaN totals; 0 is kept
    // for an unscored node (a group the document lists with "0 điểm").
    const unscoredHere = unscoredAbove || (patch?.unscored ?? n.unscored) === true;
    const isValidMax = (m: Dec | undefined): m is Dec => m !== undefined && m.isFinite() && (m.gt(0) || (unscoredHere && m.isZero()));
    const validMax = isValidMax(max);
    if (n.max !== undefined && !isValidMax(parseDecimalLiteral(n.max)))
      issues.push(createIssue("catalog", "badMax", where(n.code), { received: String(n.max) }, [...path, "max"]));
    const contextAt = (formulaPath: Path, m: Dec | undefined): CheckContext => ({
      inputs,
      max: m,
      unknownInput: (name: string) =>
        issues.push(createIssue("catalog", "unknownInput", where(n.code, name), { received: name }, formulaPath)),
      nestedPeerFormula: (kind: string) =>
        issues.push(createIssue("catalog", "nestedPeerFormula", where(n.code), { received: kind }, formulaPath)),
      problem: (code, at, params = {}) => issues.push(createIssue("catalog", code, where(n.code), params, [...formulaPath, ...at])),
    });
    // The encoded formula is checked against the encoded max, each reading's against its own:
    // the same checks whichever reading is in force (a derived catalog adds no new problem).
    const encodedMax = n.max !== undefined ? parseDecimalLiteral(n.max) : undefined;
    const ctx = contextAt([...path, "formula"], isValidMax(encodedMax) ? encodedMax : undefined);
    if (n.readings?.length)
      checkReadings(n, isLeaf, catalog.scoring, path, (code, at, params = {}) =>
        issues.push(createIssue("catalog", code, where(n.code), params, at)),
      ).forEach(({ reading: r, index }) => {
        const rMax = r.max !== undefined ? parseDecimalLiteral(r.max) : encodedMax;
        if (r.max !== undefined && !isValidMax(rMax))
          issues.push(createIssue("catalog", "badMax", where(n.code), { received: String(r.max) }, [...path, "readings", index, "max"]));
        for (const name of Object.keys(r.inputs ?? {}))
          if (!Object.hasOwn(n.inputs ?? {}, name))
            issues.push(
              createIssue("catalog", "readingUnknownInput", where(n.code, name), { received: name, detail: r.id }, [
                ...path,
                "readings",
                index,
                "inputs",
                name,
              ]),
            );
        if (r.formula && isLeaf) {
          const at = [...path, "readings", index, "formula"];
          const isCriterion = r.formula.kind === levelCriterion.kind;
          if ((catalog.scoring === "levels") !== isCriterion)
            issues.push(
              createIssue("catalog", "wrongScoringFormula", where(n.code), { received: r.formula.kind, expected: catalog.scoring }, [
                ...at,
                "kind",
              ]),
            );
          else if (isCriterion) levelCriterion.check(r.formula as LevelsFormula, contextAt(at, undefined));
          else checkFormula(r.formula, contextAt(at, isValidMax(rMax) ? rMax : undefined));
          // One dataset serves every reading: an alternative may read fewer inputs than the
          // encoded formula (the others are still asked), never one it does not read — a dataset
          // filled for the default would lack it.
          const encoded = new Set(n.formula ? fieldsOfFormula(n.formula, inputs).map((f) => f.name) : []);
          for (const f of fieldsOfFormula(r.formula, inputs))
            if (Object.hasOwn(inputs, f.name) && !encoded.has(f.name))
              issues.push(createIssue("catalog", "readingNewInput", where(n.code, f.name), { received: f.name, detail: r.id }, at));
        } else if (r.max !== undefined && isLeaf && n.formula && kindOf(n.formula) && isValidMax(rMax))
          // A reading that changes only the max keeps the encoded formula: it must hold under that max too.
          checkFormula(n.formula, contextAt([...path, "readings", index, "max"], rMax));
      });
    let fields: FieldSpec[] = [];
    let ratios: RatioExpr[] = [];
    if (criterion) {
      levelCriterion.check(criterion, ctx);
      fields = levelCriterion.fields(criterion, inputs);
      ratios = levelCriterion.ratios(criterion);
    } else if (formula) {
      // A patched formula is checked with its reading (at the reading's path), the encoded one here.
      if (n.formula) checkFormula(n.formula, ctx);
      fields = formulaFields(formula, inputs);
      ratios = formulaRatios(formula);
    }
    // Under an alternative reading the encoded formula's inputs are still asked (and accepted):
    // the same dataset is scored under every reading.
    if (patch?.formula && n.formula && isLeaf) {
      const have = new Set(fields.map((f) => f.name));
      fields = [...fields, ...fieldsOfFormula(n.formula, inputs).filter((f) => !have.has(f.name))];
    }
    const unscored = unscoredHere;
    if (isLeaf && !formula && catalog.scoring !== "structure") issues.push(createIssue("catalog", "missingFormula", where(n.code)));
    if (isLeaf && maxLiteral === undefined && catalog.scoring === "points" && !unscored)
      issues.push(createIssue("catalog", "missingMax", where(n.code)));
    const compiled: CompiledNode = {
      code: n.code,
      name: n.name,
      max: validMax ? max : ZERO,
      maxText: validMax ? fmt(max) : "0",
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
      // A ratio is checked as a part of its whole (numerator ≤ denominator) when the reading in
      // force says so AND the catalog as encoded does: an alternative may relax the check (Nghĩa
      // Phương 7.9, transactions per household may exceed 1), never add one, so that data valid
      // under the encoded reading score under every other (Đồng Nai huyện 6.3.4 a/b with a ≤ b + c
      // but a > b is clamped to the max like any score).
      proportions: ratios.filter(
        (r) => r.proportion && (!patch?.formula || !n.formula || ratiosOfFormula(n.formula).some((e) => e.proportion && sameRatio(e, r))),
      ),
      inputs,
      cadence: patch?.cadence ?? n.cadence ?? catalog.defaults.cadence,
      annualRule: patch?.annualRule ?? n.annualRule ?? catalog.defaults.annualRule,
      zeroDenominator: patch?.zeroDenominator ?? n.zeroDenominator ?? zeroDenominatorDefault,
      unscored,
      capped: maxLiteral !== undefined,
      reading,
      source: n,
    };
    nodes.set(n.code, compiled);
    order.push(compiled);
    (n.children ?? []).forEach((c, i) => visit(c, depth + 1, n.code, unscored, [...path, "children", i]));
    return compiled;
  };
  const top = catalog.indicators.map((n, i) => visit(n, 0, undefined, false, ["indicators", i]));
  issues.push(...referenceIssues(catalog, nodes, paths(catalog)));
  if (catalog.childCatalog === catalog.id)
    issues.push(
      createIssue(
        "catalog",
        "badChildCatalog",
        { catalog: catalog.id },
        { received: catalog.childCatalog, detail: "is this catalog itself" },
        ["childCatalog"],
      ),
    );

  if (catalog.readings?.length)
    checkReadings(catalog, false, catalog.scoring, [], (code, at, params = {}) =>
      issues.push(createIssue("catalog", code, { catalog: catalog.id }, params, at)),
    );
  if (catalogReading) inForce[CATALOG_READING] = catalogReading.id;
  const aggregate = catalogPatch?.aggregate ?? catalog.aggregate;
  const pillarMeanOf = catalogPatch?.pillarMeanOf ?? catalog.pillarMeanOf;

  if (issues.length) throw new CatalogError(issues);
  const scoredTop = top.filter((n) => !n.unscored);
  return {
    ...catalog,
    aggregate,
    pillarMeanOf,
    catalog,
    nodes,
    order,
    leaves: order.filter((n) => n.children.length === 0),
    top,
    treeTotal: sum(scoredTop.map((n) => n.max)),
    pillars: pillarMeanOf === "all" ? top.length : scoredTop.length,
    readingsInForce: inForce,
    catalogReading,
    base,
  };
}

/** The key of the catalog's own readings (the unit total) in a choice of readings. */
export const CATALOG_READING = "catalog";

/** The reading of a list with a given id, or the default one. */
function readingOf<R extends { readonly id: string; readonly default?: true | undefined }>(
  list: readonly R[],
  id: string | undefined,
): R | undefined {
  return (id !== undefined ? list.find((r) => r.id === id) : undefined) ?? list.find((r) => r.default) ?? list[0];
}

type Report = (code: IssueCode, at: Path, params?: IssueParams) => void;

/**
 * The checks of a readings list that do not depend on formulas: unique ids, exactly one default,
 * the default without a patch and every other reading with one, no formula on a group, no readings
 * on a level criterion. Returns the alternatives (with their index) for the formula checks.
 */
function checkReadings(
  owner: CatalogNode | Catalog,
  isLeaf: boolean,
  scoring: Catalog["scoring"],
  path: Path,
  report: Report,
): { reading: NodeReading; index: number }[] {
  const list = (owner.readings ?? []) as readonly (NodeReading | CatalogReading)[];
  const at = (i: number, ...rest: (string | number)[]) => [...path, "readings", i, ...rest];
  const isNode = "code" in owner;
  if (isNode && scoring === "structure") {
    report("readingsUnsupported", [...path, "readings"], { received: scoring });
    return [];
  }
  const seen = new Set<string>();
  list.forEach((r, i) => {
    if (seen.has(r.id)) report("duplicateReading", at(i, "id"), { received: r.id });
    seen.add(r.id);
  });
  const defaults = list.filter((r) => r.default);
  if (defaults.length !== 1)
    report("readingDefault", [...path, "readings"], { received: String(defaults.length), expected: list.map((r) => r.id).join(", ") });
  if (list.length < 2) report("singleReading", [...path, "readings"], { received: list.map((r) => r.id).join(", ") });
  const out: { reading: NodeReading; index: number }[] = [];
  list.forEach((r, i) => {
    const patched = READING_PATCH_KEYS.filter((k) => (r as Record<string, unknown>)[k] !== undefined);
    if (r.default && patched.length) report("readingPatchOnDefault", at(i), { received: r.id, detail: patched.join(", ") });
    // A described reading (`encoded: false`) says in words what no patch expresses: a patch on it
    // would be scored as if it were the reading.
    if (r.encoded === false && (r.default || patched.length))
      report("describedReadingPatch", at(i), { received: r.id, detail: r.default ? "default" : patched.join(", ") });
    if (!r.default && r.encoded !== false && !patched.length) report("emptyReading", at(i), { received: r.id });
    if (isNode && !isLeaf && (r as NodeReading).formula !== undefined) report("formulaOnGroup", at(i, "formula"));
    // A level criterion has no points: a max or an unscored flag would mean nothing there.
    if (isNode && scoring === "levels")
      for (const key of ["max", "unscored"] as const)
        if ((r as NodeReading)[key] !== undefined) report("readingsUnsupported", at(i, key), { received: `${scoring} (${key})` });
    if (isNode && !r.default) out.push({ reading: r as NodeReading, index: i });
  });
  return out;
}

/** The fields a reading may change. */
const READING_PATCH_KEYS = [
  "formula",
  "max",
  "zeroDenominator",
  "unscored",
  "cadence",
  "annualRule",
  "inputs",
  "aggregate",
  "pillarMeanOf",
] as const;

/** The node's inputs with a reading's changes of wording (existing inputs only: checked). */
function patchInputs(
  inputs: Readonly<Record<string, InputDef>>,
  patch: NonNullable<NodeReading["inputs"]>,
): Readonly<Record<string, InputDef>> {
  const out: Record<string, InputDef> = { ...inputs };
  for (const [name, change] of Object.entries(patch)) {
    const input = inputs[name];
    if (input) out[name] = { ...input, label: change.label };
  }
  return out;
}

/** Whether two ratio expressions divide the same fields. */
function sameRatio(a: RatioExpr, b: RatioExpr): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((f, i) => f === y[i]);
  return same(a.numerator, b.numerator) && same(a.denominator, b.denominator);
}

/** The ratios of a formula: a points formula's (registry) or a level criterion's. */
function ratiosOfFormula(formula: Formula): RatioExpr[] {
  if (formula.kind === levelCriterion.kind) return levelCriterion.ratios(formula as LevelsFormula);
  return kindOf(formula) ? formulaRatios(formula) : [];
}

/** The fields a formula asks for: a points formula's (registry) or a level criterion's. */
export function fieldsOfFormula(
  formula: Formula | NonNullable<NodeReading["formula"]>,
  inputs: Readonly<Record<string, InputDef>>,
): FieldSpec[] {
  if (formula.kind === levelCriterion.kind) return levelCriterion.fields(formula as LevelsFormula, inputs);
  return kindOf(formula) ? formulaFields(formula, inputs) : [];
}

type Path = readonly (string | number)[];

/** The path of every node in the catalog, by code (the first node of a code). */
function paths(catalog: Catalog): Map<string, Path> {
  const out = new Map<string, Path>();
  const walk = (list: readonly CatalogNode[], at: Path) =>
    list.forEach((n, i) => {
      const path = [...at, i];
      if (!out.has(n.code)) out.set(n.code, path);
      walk(n.children ?? [], [...path, "children"]);
    });
  walk(catalog.indicators, ["indicators"]);
  return out;
}

/**
 * Whether a field of type `to` may take its value from a field of type `from`: the same type, or
 * a count where any non-negative number is taken (every count is one). Anything else would read a
 * boolean as a count or a percentage as a share.
 */
function assignable(to: FieldType | "option", from: FieldType | "option"): boolean {
  return to === from || (from === "count" && (to === "number" || to === "amount"));
}

/**
 * Checks every `from` reference: it names an existing profile field or another indicator's field,
 * of a compatible type, and the references form no cycle (a field taking its value from itself).
 */
function referenceIssues(catalog: Catalog, nodes: ReadonlyMap<string, CompiledNode>, nodePaths: ReadonlyMap<string, Path>): Issue[] {
  const issues: Issue[] = [];
  const where = (code: string, field: string) => ({ catalog: catalog.id, indicator: code, field });
  const at = (node: CompiledNode, field: string): Path => [...(nodePaths.get(node.code) ?? []), "inputs", field, "from"];
  // Edges between indicator fields ("6.18.b" → "6.17.b"), for the cycle search.
  const edges = new Map<string, string>();
  for (const node of nodes.values()) {
    for (const field of node.fields) {
      const from = field.from;
      if (!from) continue;
      const bad = (detail: string) =>
        issues.push(createIssue("catalog", "badReference", where(node.code, field.name), { received: from, detail }, at(node, field.name)));
      let target: { type: FieldType | "option"; name: string } | undefined;
      if (field.from.startsWith("profile.")) {
        const key = field.from.slice("profile.".length);
        const profile = catalog.profile ?? {};
        if (!Object.hasOwn(profile, key)) bad("no such profile field");
        else target = { type: profile[key]!.type, name: field.from };
      } else {
        const dot = field.from.lastIndexOf(".");
        const spec = nodes.get(field.from.slice(0, dot))?.fieldByName.get(field.from.slice(dot + 1));
        if (!spec) bad("no such indicator field");
        else {
          target = { type: spec.type, name: field.from };
          edges.set(`${node.code}.${field.name}`, field.from);
        }
      }
      if (target && !assignable(field.type, target.type))
        issues.push(
          createIssue(
            "catalog",
            "referenceType",
            where(node.code, field.name),
            { expected: field.type, received: target.type, detail: target.name },
            at(node, field.name),
          ),
        );
    }
  }
  // Every field has at most one `from`: following them from each start either ends or loops.
  const reported = new Set<string>();
  /** An issue at the `from` of the field a chain starts from ("6.18.b"). */
  const startIssue = (start: string, code: IssueCode, params: IssueParams) => {
    const dot = start.lastIndexOf(".");
    const node = nodes.get(start.slice(0, dot))!;
    issues.push(createIssue("catalog", code, where(node.code, start.slice(dot + 1)), params, at(node, start.slice(dot + 1))));
  };
  for (const start of edges.keys()) {
    const chain = [start];
    let next = edges.get(start);
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = edges.get(next);
    }
    if (next === undefined) {
      // The engine resolves one step: a field taken from a field that is itself taken from
      // elsewhere would always be missing (score 0, no word), so the chain is refused.
      if (chain.length > 2)
        startIssue(start, "referenceChain", { received: chain[1]!, detail: chain.join(" → "), expected: chain[chain.length - 1]! });
      continue;
    }
    if (next !== start) continue;
    const cycle = [...chain].sort().join(" ");
    if (reported.has(cycle)) continue;
    reported.add(cycle);
    startIssue(start, "referenceCycle", { detail: [...chain, start].join(" → ") });
  }
  return issues;
}
