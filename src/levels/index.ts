/**
 * Five-level recognition (Kon Tum QĐ 121/QĐ-UBND): the requirements of a criterion per level, the
 * level a criterion meets, a unit's level and its blockers, registration, and the roll-up over a
 * unit's child units. Points catalogs never come here.
 */
import { Dec, ZERO, parseDecimalLiteral } from "../_decimal.js";
import { formatNumber, formatPercent } from "../_format.js";
import type { Lang } from "../errors.js";
import { explainWords } from "../i18n/explain.js";
import type { ValueExpr } from "../formulas/_schema.js";
import type { FormulaShape, Inputs } from "../formulas/_types.js";
import { checkInDomain, inDomain, UNIT_DOMAIN, valueDomain, type Domain } from "../formulas/_check.js";
import { checkValue, evaluateValue, valueFields, valueRatios } from "../formulas/_value.js";
import { LevelsFormulaSchema, type LevelsFormula, type Requirement } from "./schema.js";

export { LevelsFormulaSchema, RequirementSchema, type LevelsFormula, type Requirement } from "./schema.js";

/** The recognition levels, lowest first. */
export const LEVELS = [1, 2, 3, 4, 5] as const;
/** The highest level. */
export const TOP_LEVEL = 5;
/** The mean level of child units lies from 0 (none reached) to the top level. */
const LEVEL_DOMAIN: Domain = { lo: ZERO, hi: new Dec(TOP_LEVEL), text: `[0, ${TOP_LEVEL}]` };

/** A requirement check of a level criterion. */
export interface RequirementCheck {
  readonly level: number;
  readonly text: string;
  readonly met: boolean;
  /** The measured value, as a decimal string (a ratio is a fraction: 0.725). */
  readonly value?: string;
  /** Required minimum, same scale as value. */
  readonly min?: string;
  readonly missing?: boolean;
  /** Percent (ratio) or count scale, for messages. */
  readonly scale?: "percent" | "count" | "presence" | "children" | "childrenCount" | "childrenMean";
}

/** An unmet requirement. */
export interface Blocker {
  readonly code: string;
  readonly name: string;
  readonly level: number;
  /** The requirement as the document words it. */
  readonly requirement: string;
  readonly value?: string;
  readonly min?: string;
  readonly scale?: RequirementCheck["scale"];
  readonly missing: boolean;
}

/** A level criterion's result. */
export interface CriterionResult {
  readonly code: string;
  readonly name: string;
  /** Highest level whose requirements (and all below) are met; 0 when level 1 is not met. */
  readonly levelMet: number;
  readonly status: "scored" | "missing" | "notApplicable";
  readonly checks: readonly RequirementCheck[];
  /** Unmet requirements that block the unit's next level. */
  readonly blocking: readonly Blocker[];
  readonly inputs: Readonly<Record<string, string>>;
}

const requirementLists = new WeakMap<LevelsFormula, [number, Requirement][]>();
/** The levels that have a requirement, in order (cached per formula). */
export function requirements(f: LevelsFormula): [number, Requirement][] {
  let list = requirementLists.get(f);
  if (!list) {
    list = LEVELS.flatMap((l) => {
      const r = f.requirements[l];
      return r ? [[l, r] as [number, Requirement]] : [];
    });
    requirementLists.set(f, list);
  }
  return list;
}

/** The shape of a level criterion's formula: its schema, fields, ratios and catalog checks. */
export const levelCriterion: FormulaShape<LevelsFormula> = {
  kind: "levels",
  schema: LevelsFormulaSchema,
  fields(f, defs) {
    const out = new Map<string, ReturnType<typeof valueFields>[number]>();
    if (f.value !== undefined) for (const x of valueFields(f.value, defs)) out.set(x.name, x);
    for (const [, r] of requirements(f)) {
      for (const alt of r.anyOf ?? []) for (const x of valueFields(alt.value, defs)) out.set(x.name, x);
      if (r.present) out.set("value", { name: "value", type: "boolean", label: defs["value"]?.label ?? r.text, moreIsBetter: true });
    }
    return [...out.values()];
  },
  ratios: (f) => [
    ...(f.value !== undefined ? valueRatios(f.value) : []),
    ...requirements(f).flatMap(([, r]) => (r.anyOf ?? []).flatMap((a) => valueRatios(a.value))),
  ],
  check(f, ctx) {
    if (f.value !== undefined) checkValue(f.value, ctx);
    const domain = f.value !== undefined ? valueDomain(f.value, ctx.inputs) : undefined;
    let previous: { level: number; min: Dec } | undefined;
    for (const [level, r] of requirements(f)) {
      const at = ["requirements", level];
      r.anyOf?.forEach((alt, i) => {
        checkValue(alt.value, ctx, [...at, "anyOf", i, "value"]);
        checkInDomain(alt.min, valueDomain(alt.value, ctx.inputs), ctx, [...at, "anyOf", i, "min"]);
      });
      r.children?.forEach((rule, i) => {
        if (rule.share !== undefined) checkInDomain(rule.share, UNIT_DOMAIN, ctx, [...at, "children", i, "share"]);
        if (rule.meanLevel !== undefined) checkInDomain(rule.meanLevel, LEVEL_DOMAIN, ctx, [...at, "children", i, "meanLevel"]);
      });
      if (r.min === undefined || domain === undefined) continue;
      const min = parseDecimalLiteral(r.min);
      if (!inDomain(min, domain)) {
        ctx.problem("outOfDomain", [...at, "min"], { expected: domain.text, received: String(r.min) });
        continue;
      }
      // A higher level asks at least as much: a lower minimum would make level L + 1 easier than L.
      if (previous && min.lt(previous.min))
        ctx.problem("levelsDecreasing", [...at, "min"], {
          received: String(r.min),
          expected: `${previous.min.toString()} at level ${previous.level}`,
        });
      previous = { level, min };
    }
  },
};

/** What a criterion's level is measured from. */
export interface CriterionArgs {
  readonly formula: LevelsFormula;
  readonly inputs: Inputs;
  /** Achieved levels of the unit's child units (roll-up requirements). */
  readonly childLevels: readonly number[];
  /** What a zero denominator means: `max` meets the requirement (no such subject matter). */
  readonly zeroDenominator: "max" | "zero" | "error";
}

type Measured = { value?: Dec; zero: boolean };

function measure(expr: ValueExpr, inputs: Inputs): Measured {
  const v = evaluateValue(expr, inputs);
  return v.ok ? { value: v.value, zero: false } : { zero: true };
}

/** A roll-up requirement over the child units' levels. */
function checkChildren(
  base: { level: number; text: string },
  rules: NonNullable<Requirement["children"]>,
  levels: readonly number[],
): RequirementCheck {
  const parts = rules.map((rule) => {
    if (rule.meanLevel !== undefined) {
      const need = parseDecimalLiteral(rule.meanLevel);
      const have = levels.length ? new Dec(levels.reduce((a, b) => a + b, 0)).div(levels.length) : ZERO;
      return { need, have, met: levels.length > 0 && have.gte(need), scale: "childrenMean" as const };
    }
    const atOrAbove = levels.filter((l) => l >= rule.atLeastLevel!).length;
    if (rule.count !== undefined) {
      const need = new Dec(rule.count);
      const have = new Dec(atOrAbove);
      return { need, have, met: have.gte(need), scale: "childrenCount" as const };
    }
    const need = parseDecimalLiteral(rule.share!);
    const have = levels.length === 0 ? ZERO : new Dec(atOrAbove).div(levels.length);
    return { need, have, met: levels.length > 0 && have.gte(need), scale: "children" as const };
  });
  const failing = parts.find((p) => !p.met) ?? parts[parts.length - 1]!;
  return {
    ...base,
    met: parts.every((p) => p.met),
    value: failing.have.toString(),
    min: failing.need.toString(),
    scale: failing.scale,
    ...(levels.length === 0 ? { missing: true } : {}),
  };
}

function checkRequirement(level: number, r: Requirement, args: CriterionArgs, own: () => Measured): RequirementCheck {
  const base = { level, text: r.text };
  if (r.present) return { ...base, met: args.inputs["value"] === true, value: String(args.inputs["value"] === true), scale: "presence" };
  if (r.children) return checkChildren(base, r.children, args.childLevels);
  const value = args.formula.value;
  const alternatives = r.anyOf ?? (r.min !== undefined && value !== undefined ? [{ value, min: r.min }] : []);
  let first: RequirementCheck | undefined;
  for (const alt of alternatives) {
    // The criterion's own value is the same at every level: measured once.
    const m = alt.value === value ? own() : measure(alt.value, args.inputs);
    const min = parseDecimalLiteral(alt.min);
    const scale = typeof alt.value === "string" ? "count" : "percent";
    const met = m.zero ? args.zeroDenominator === "max" : m.value!.gte(min);
    const c: RequirementCheck = { ...base, met, ...(m.value ? { value: m.value.toString() } : {}), min: min.toString(), scale };
    if (met) return c;
    first ??= c;
  }
  return first ?? { ...base, met: false };
}

/**
 * The level a criterion meets: the highest L such that every requirement at levels 1…L is met
 * ("Không áp dụng" levels have none); 0 when level 1 is not met.
 * @returns The level met and every requirement check.
 */
export function criterionLevel(args: CriterionArgs): { readonly met: number; readonly checks: readonly RequirementCheck[] } {
  let measured: Measured | undefined;
  const own = () => (measured ??= measure(args.formula.value!, args.inputs));
  const checks = requirements(args.formula).map(([l, r]) => checkRequirement(l, r, args, own));
  let met = TOP_LEVEL;
  for (const c of checks) if (!c.met) met = Math.min(met, c.level - 1);
  return { met, checks };
}

/** The checks of a criterion whose data is missing: every requirement unmet for want of data. */
export function missingChecks(formula: LevelsFormula | undefined): RequirementCheck[] {
  return formula ? requirements(formula).map(([level, r]) => ({ level, text: r.text, met: false, missing: true })) : [];
}

/** Unmet requirements of the given criteria at `level` or below, in order. */
export function blockersAt(criteria: readonly CriterionResult[], level: number): Blocker[] {
  return criteria.flatMap((c) =>
    c.checks
      .filter((k) => !k.met && k.level <= level)
      .map((k) => ({
        code: c.code,
        name: c.name,
        level: k.level,
        requirement: k.text,
        ...(k.value !== undefined ? { value: k.value } : {}),
        ...(k.min !== undefined ? { min: k.min } : {}),
        ...(k.scale !== undefined ? { scale: k.scale } : {}),
        missing: k.missing === true,
      })),
  );
}

/** A unit's recognition: its level, the blockers of the next level and of the registered one. */
export interface Recognition {
  readonly level: number;
  readonly recognised?: boolean;
  readonly criteria: readonly CriterionResult[];
  readonly blockers: readonly Blocker[];
  readonly registeredBlockers?: readonly Blocker[];
}

/**
 * Recognises a unit's level from its criteria: the highest level L such that every counted
 * criterion meets L (0 when Khởi động is not reached); the blockers of level L + 1; and, when the
 * unit registered a level it does not reach, the blockers of that level.
 * @param counted Whether a criterion counts (unscored ones are kept but do not count).
 */
export function recognise(
  criteria: readonly CriterionResult[],
  counted: (code: string) => boolean,
  registered: number | undefined,
): Recognition {
  const countedCriteria = criteria.filter((c) => counted(c.code));
  const level = Math.min(TOP_LEVEL, ...countedCriteria.map((c) => c.levelMet));
  const withBlocking = criteria.map((c) => ({ ...c, blocking: level < TOP_LEVEL ? blockersAt([c], level + 1) : [] }));
  // The unit's blockers are its counted criteria's own, in document order.
  const blockers = withBlocking.filter((c) => counted(c.code)).flatMap((c) => c.blocking);
  return {
    level,
    criteria: withBlocking,
    blockers,
    ...(registered !== undefined ? { recognised: level >= registered } : {}),
    ...(registered !== undefined && level < registered ? { registeredBlockers: blockersAt(countedCriteria, registered) } : {}),
  };
}

/** Achieved levels of child units, by parent id (the roll-up input of a parent's criteria). */
export function childLevelsByParent(units: readonly { readonly parent?: string; readonly level?: number }[]): Map<string, number[]> {
  const byParent = new Map<string, number[]>();
  for (const u of units) {
    if (u.parent === undefined || u.level === undefined) continue;
    const list = byParent.get(u.parent) ?? [];
    list.push(u.level);
    byParent.set(u.parent, list);
  }
  return byParent;
}

/**
 * Describes an unmet requirement in the source's terms: "cần 80%, đạt 72,5%".
 * @param lang `vi` (decimal comma) or `en`.
 */
export function describeBlocker(b: Pick<Blocker, "requirement" | "value" | "min" | "scale" | "missing">, lang: Lang): string {
  const t = explainWords[lang].blocker;
  const min = b.min ?? "0";
  const have = b.value ?? "0";
  if (b.missing) return t.missing(b.requirement);
  switch (b.scale) {
    case "percent":
      return t.percent(formatPercent(min, lang), formatPercent(have, lang));
    case "count":
      return t.count(formatNumber(min, lang), formatNumber(have, lang));
    case "presence":
      return t.presence(b.requirement);
    case "children":
      return t.children(b.requirement, formatPercent(min, lang), formatPercent(have, lang));
    case "childrenCount":
      return t.childrenCount(b.requirement, formatNumber(min, lang), formatNumber(have, lang));
    case "childrenMean":
      return t.childrenMean(b.requirement, formatNumber(min, lang), formatNumber(have, lang));
    default:
      return b.requirement;
  }
}
