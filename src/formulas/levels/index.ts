import type { z } from "zod";
import { Dec, ZERO, parseDecimalLiteral } from "../../_decimal.js";
import type { LevelsFormulaSchema, Requirement, ValueExpr } from "../../catalog/schema.js";
import type { EvalArgs, FieldSpec, FormulaKindDef, RequirementCheck } from "../_types.js";
import { evaluateValue, valueFields } from "../_value.js";

type LevelsFormula = z.infer<typeof LevelsFormulaSchema>;
const LEVELS = [1, 2, 3, 4, 5] as const;

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

type Measured = { value?: Dec; zero: boolean };

function measure(expr: ValueExpr, args: EvalArgs<LevelsFormula>): Measured {
  const v = evaluateValue(expr, args.inputs);
  return v.ok ? { value: v.value, zero: false } : { zero: true };
}

function check(level: number, r: Requirement, args: EvalArgs<LevelsFormula>, own: () => Measured): RequirementCheck {
  const base = { level, text: r.text };
  if (r.present) return { ...base, met: args.inputs["value"] === true, value: String(args.inputs["value"] === true), scale: "presence" };
  if (r.children) {
    const levels = args.childLevels ?? [];
    const parts = r.children.map((rule) => {
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
  const alternatives = r.anyOf ?? (r.min !== undefined && args.formula.value !== undefined ? [{ value: args.formula.value, min: r.min }] : []);
  let best: RequirementCheck | undefined;
  for (const alt of alternatives) {
    // The criterion's own value is the same at every level: measured once.
    const m = alt.value === args.formula.value ? own() : measure(alt.value, args);
    const min = parseDecimalLiteral(alt.min);
    const scale = typeof alt.value === "string" ? "count" : "percent";
    const met = m.zero ? args.zeroDenominator === "max" : m.value!.gte(min);
    const c: RequirementCheck = { ...base, met, ...(m.value ? { value: m.value.toString() } : {}), min: min.toString(), scale };
    if (met) return c;
    best ??= c;
  }
  return best ?? { ...base, met: false };
}

/**
 * Creates the `levels` kind (five-level thresholds): the criterion meets level L when every
 * requirement at levels 1…L is met ("Không áp dụng" levels have none).
 */
export const levels: FormulaKindDef<LevelsFormula> = {
  kind: "levels",
  fields(f, defs) {
    const out = new Map<string, FieldSpec>();
    if (f.value !== undefined) for (const x of valueFields(f.value, defs)) out.set(x.name, x);
    for (const [, r] of requirements(f)) {
      for (const alt of r.anyOf ?? []) for (const x of valueFields(alt.value, defs)) out.set(x.name, x);
      if (r.present) out.set("value", { name: "value", type: "boolean", label: defs["value"]?.label ?? r.text, moreIsBetter: true });
    }
    return [...out.values()];
  },
  evaluate(args) {
    let measured: Measured | undefined;
    const own = () => (measured ??= measure(args.formula.value!, args));
    const checks = requirements(args.formula).map(([l, r]) => check(l, r, args, own));
    let met = 5;
    for (const c of checks) if (!c.met) met = Math.min(met, c.level - 1);
    return { raw: ZERO, branch: "levels", level: { met, checks } };
  },
};
