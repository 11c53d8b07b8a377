import { UNIT_ROUNDOFF, fixedOf, type Fixed } from "../_exact.js";
import { isDue } from "../_periods.js";
import { duePeriods } from "./rollup.js";
import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import { Uncompilable, exactConstant, toDouble, type CompileContext, type FastFormula, type FastValue } from "../formulas/_fast.js";
import type { AnyFormula, FieldSpec } from "../formulas/_types.js";
import { kindOf } from "../formulas/registry.js";
import type { Dec } from "../_decimal.js";

// The compiled scorer of a catalog for one list of periods (issue 11, docs/fast-path.md): where
// each value of an entry sits, the compiled formula of every leaf, the groups and the static error
// bound of the catalog. Built once per catalog and periods, kept in a WeakMap.

/** Where a field's value comes from. */
export type FieldSource =
  | { readonly kind: "asked" }
  | { readonly kind: "profile"; readonly key: number }
  | { readonly kind: "indicator"; readonly leaf: number; readonly slot: number };

/** One field of a leaf as the compiled reader and the formula see it. */
export interface FieldPlan {
  readonly spec: FieldSpec;
  /** Its position in the leaf's values. */
  readonly slot: number;
  readonly source: FieldSource;
  /** The value when the unit leaves the field out (checklist items 0, counts 0). */
  readonly absent: Fixed | undefined;
  /** A count, amount or number: any whole number ≥ 0 is read as it is (the reader's quick case). */
  readonly wholeNumbers: boolean;
}

/** One leaf of the catalog, compiled. */
export interface LeafPlan {
  readonly index: number;
  readonly node: CompiledNode;
  /** Offset of the leaf's values in a period's block. */
  readonly offset: number;
  readonly fields: readonly FieldPlan[];
  /** Fields the unit gives itself (no `from`). */
  readonly asked: readonly FieldPlan[];
  readonly askedByName: ReadonlyMap<string, FieldPlan>;
  /** Some field takes its value from elsewhere (`from`). */
  readonly referencing: boolean;
  readonly formula: FastFormula;
  /** The compiled measure of a formula scored against its peers (relative). */
  readonly measure: FastValue | undefined;
  /** Proportions to check while reading: numerator ≤ denominator. */
  readonly proportions: readonly { readonly numerator: readonly number[]; readonly denominator: readonly number[] }[];
  readonly max: number;
  /** The max is a constant on the binary grid (see `exactConstant`). */
  readonly maxExact: boolean;
  /** Due in period i of the plan's periods. */
  readonly due: readonly boolean[];
  /** Periods in which it is due (indexes). */
  readonly duePeriods: readonly number[];
  /** The same by name (the array the reference's results share). */
  readonly dueNames: readonly string[];
  readonly last: boolean;
  readonly unscored: boolean;
  /** Compiled formula operations (multiplications, divisions, roundings of constants, terms added), for the error bound. */
  readonly ops: number;
}

/** One group (a node with children). */
export interface GroupPlan {
  readonly node: CompiledNode;
  /** Children: indexes into the plan's node order. */
  readonly children: readonly number[];
  /** Its max, when the document gives one (the sum is clamped to it). */
  readonly max: number | undefined;
  readonly maxExact: boolean;
}

/** A catalog compiled for the fast path, for one list of periods. */
export interface FastPlan {
  readonly catalog: CompiledCatalog;
  readonly periods: readonly string[];
  readonly leaves: readonly LeafPlan[];
  readonly leafByCode: ReadonlyMap<string, LeafPlan>;
  /** Values per period block. */
  readonly width: number;
  /** Profile fields: key → index, with their specs. */
  readonly profileKeys: readonly string[];
  /** Profile fields by key: their index and spec. */
  readonly profileFields: ReadonlyMap<string, { readonly index: number; readonly spec: FieldSpec }>;
  /** Every node in document order (leaves and groups); `nodeIndex` of a leaf is its place here. */
  readonly order: readonly CompiledNode[];
  readonly leafAt: readonly number[];
  /** Groups, deepest last in document order: evaluated from the end. */
  readonly groups: readonly (GroupPlan | undefined)[];
  /** Indexes (into `order`) of the scored top nodes. */
  readonly main: readonly number[];
  readonly pillarMean: boolean;
  /** What the pillar mean divides by (the scored pillars, or all: `pillarMeanOf`). */
  readonly pillars: number;
  /** Leaves scored against their peers. */
  readonly relative: readonly LeafPlan[];
  /** Leaves with a `from` value (resolved after a period is read). */
  readonly referencing: readonly LeafPlan[];
  /** Leaves with a proportion to check. */
  readonly withProportions: readonly LeafPlan[];
  /**
   * The static bound E of docs/fast-path.md: any total, period total or node score computed in
   * doubles lies within E of the exact one.
   */
  readonly bound: number;
}

const plans = new WeakMap<CompiledCatalog, Map<string, FastPlan | null>>();

/**
 * The fast plan of a points catalog for a list of periods, or `undefined` when the catalog has a
 * formula without an exact compiled form (it is then scored by the reference).
 */
export function fastPlan(catalog: CompiledCatalog, periods: readonly string[]): FastPlan | undefined {
  let byPeriods = plans.get(catalog);
  if (!byPeriods) plans.set(catalog, (byPeriods = new Map()));
  const key = periods.join("\u0000");
  let plan = byPeriods.get(key);
  if (plan === undefined) {
    try {
      plan = buildPlan(catalog, periods);
    } catch (e) {
      if (!(e instanceof Uncompilable)) throw e;
      plan = null;
    }
    byPeriods.set(key, plan);
  }
  return plan ?? undefined;
}

const U = UNIT_ROUNDOFF;
/** The points of a level criterion: none (level catalogs use the plan to read, not to add up). */
const LEVEL_CRITERION: FastFormula = () => Number.NaN;

function buildPlan(catalog: CompiledCatalog, periods: readonly string[]): FastPlan {
  if (catalog.scoring === "structure") throw new Uncompilable("a structure-only catalog");
  const profileKeys = Object.keys(catalog.catalog.profile ?? {});
  const profileIndex = new Map(profileKeys.map((k, i) => [k, i]));
  const last = periods.length - 1;
  const leafByCode = new Map<string, LeafPlan>();
  const leaves: LeafPlan[] = [];
  let offset = 0;
  // Fields first (a `from` may point to a later leaf), formulas after.
  const layouts = catalog.leaves.map((node) => {
    const layout = { node, offset, fields: node.fields.map((spec, slot) => ({ spec, slot })) };
    offset += node.fields.length;
    return layout;
  });
  const layoutOf = new Map(layouts.map((l, i) => [l.node.code, { ...l, index: i }]));
  for (const [index, { node, offset: at, fields: specs }] of layouts.entries()) {
    const fields: FieldPlan[] = specs.map(({ spec, slot }) => {
      let source: FieldSource = { kind: "asked" };
      if (spec.from?.startsWith("profile.")) {
        const key = profileIndex.get(spec.from.slice(8));
        if (key === undefined) throw new Uncompilable(`profile ${spec.from}`);
        source = { kind: "profile", key };
      } else if (spec.from) {
        const dot = spec.from.lastIndexOf(".");
        const target = layoutOf.get(spec.from.slice(0, dot));
        const field = target?.fields.find((f) => f.spec.name === spec.from!.slice(dot + 1));
        // A reference to a field that may be left out (read as its absentAs) would need to know
        // whether it was given; no catalog does this, so such a catalog takes the reference path.
        if (!target || !field || field.spec.absentAs !== undefined || field.spec.from) throw new Uncompilable(`from ${spec.from}`);
        source = { kind: "indicator", leaf: target.index, slot: field.slot };
      }
      const wholeNumbers = spec.type === "count" || spec.type === "number" || spec.type === "amount";
      return { spec, slot, source, absent: spec.absentAs === undefined ? undefined : absentFixed(spec), wholeNumbers };
    });
    const byName = new Map(fields.map((f) => [f.spec.name, f]));
    const ctx = compileContext(node, byName);
    // A level criterion is read here and decided by the level engine (src/levels/compiled.ts).
    const formula = node.criterion ? LEVEL_CRITERION : ctx.compile(node.formula!, node.max);
    const measure = node.criterion ? undefined : node.kind!.compileMeasure?.(node.formula!, ctx);
    const due = periods.map((p, i) => isDue(node.cadence, p, i === last));
    const plan: LeafPlan = {
      index,
      node,
      offset: at,
      fields,
      asked: fields.filter((f) => f.source.kind === "asked"),
      askedByName: new Map(fields.filter((f) => f.source.kind === "asked").map((f) => [f.spec.name, f])),
      referencing: fields.some((f) => f.source.kind !== "asked"),
      formula,
      measure,
      proportions: node.proportions.map((expr) => ({
        numerator: expr.numerator.map((n) => byName.get(n)!.slot),
        denominator: expr.denominator.map((n) => byName.get(n)!.slot),
      })),
      max: toDouble(node.max),
      maxExact: exactConstant(node.max),
      due,
      duePeriods: due.flatMap((d, i) => (d ? [i] : [])),
      dueNames: duePeriods(node.cadence, periods),
      last: node.annualRule === "last",
      unscored: node.unscored,
      // a/b, ÷ threshold or best, × max, constants rounded, terms of checklists and parts added.
      ops: 8 + node.fields.length + 2 * countNested(node.formula!),
    };
    leaves.push(plan);
    leafByCode.set(node.code, plan);
  }
  const order = catalog.order;
  const indexOf = new Map(order.map((n, i) => [n.code, i]));
  const leafAt = order.map((n) => leafByCode.get(n.code)?.index ?? -1);
  const groups = order.map((n): GroupPlan | undefined =>
    n.children.length
      ? {
          node: n,
          children: n.children.filter((c) => n.unscored || !catalog.nodes.get(c)!.unscored).map((c) => indexOf.get(c)!),
          max: n.capped ? toDouble(n.max) : undefined,
          maxExact: exactConstant(n.max),
        }
      : undefined,
  );
  const main = catalog.top.filter((n) => !n.unscored).map((n) => indexOf.get(n.code)!);
  // docs/fast-path.md: |x̂ − x| ≤ (γ_m + γ_{N−1} + 2u)·S with m the most operations of a leaf, N
  // the terms added (leaves × periods, groups, the mean) and S what every term adds up to at most:
  // the tree's total, or the sum of the leaves' maxes when that is larger (children of a clamped
  // group may add up past its max; a period total adds leaves). Taken twice over, so that the
  // bound holds for every partial sum and for the difference of two totals (self and final) too.
  const S = Math.max(
    toDouble(catalog.treeTotal),
    leaves.reduce((sum, l) => sum + l.max, 0),
    1,
  );
  const m = Math.max(0, ...leaves.map((l) => l.ops));
  const n = leaves.length * (periods.length + 1) + order.length + 4;
  const gamma = (k: number) => (k * U) / (1 - k * U);
  const bound = 2 * (gamma(m) + gamma(n) + 2 * U) * S;
  return {
    catalog,
    periods,
    leaves,
    leafByCode,
    width: offset,
    profileKeys,
    profileFields: new Map(
      Object.entries(catalog.catalog.profile ?? {}).map(([key, def], index) => [
        key,
        { index, spec: { name: key, type: def.type, label: def.label, moreIsBetter: true } as FieldSpec },
      ]),
    ),
    order,
    leafAt,
    groups,
    main,
    pillarMean: catalog.aggregate === "pillarMean",
    pillars: catalog.pillars,
    relative: leaves.filter((l) => l.measure),
    referencing: leaves.filter((l) => l.asked.length !== l.fields.length),
    withProportions: leaves.filter((l) => l.proportions.length),
    bound,
  };
}

function countNested(formula: AnyFormula): number {
  const nested = kindOf(formula)?.nested?.(formula) ?? [];
  return nested.length + nested.reduce((s, f) => s + countNested(f), 0);
}

function absentFixed(spec: FieldSpec): Fixed {
  const v = spec.absentAs;
  if (typeof v === "boolean") return { n: v ? 1 : 0, k: 0 };
  const f = typeof v === "string" ? undefined : fixedOf((v as Dec).toFixed());
  if (!f) throw new Uncompilable(`absentAs of ${spec.name}`);
  return f;
}

function compileContext(node: CompiledNode, byName: ReadonlyMap<string, FieldPlan>): CompileContext {
  const ctx: CompileContext = {
    slot(name) {
      const f = byName.get(name);
      if (!f) throw new Uncompilable(`field ${name}`);
      return f.slot;
    },
    compile(formula: AnyFormula, max: Dec) {
      const kind = kindOf(formula);
      if (!kind) throw new Uncompilable(`kind ${formula.kind}`);
      return kind.compile(formula, max, ctx);
    },
    zeroDenominator: (max) => (node.zeroDenominator === "max" ? max : node.zeroDenominator === "zero" ? 0 : Number.NaN),
  };
  return ctx;
}
