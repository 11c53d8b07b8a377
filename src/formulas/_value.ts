import { Dec, ZERO, parseDecimalLiteral, sum } from "../_decimal.js";
import type { FieldType, InputDef, ValueExpr } from "./_schema.js";
import type { CheckContext, ExplainContext, FieldSpec, Inputs, RatioExpr, TraceView } from "./_types.js";

/** Result of evaluating a value expression. */
export type ValueResult =
  | { readonly ok: true; readonly value: Dec; readonly numerator?: Dec; readonly denominator?: Dec }
  | { readonly ok: false; readonly numerator: Dec; readonly denominator: Dec };

/** Names of the inputs a value expression reads. */
export function valueFieldNames(expr: ValueExpr): string[] {
  return typeof expr === "string" ? [expr] : [...expr.numerator, ...expr.denominator];
}

/** Field specs of a value expression, from the node's input definitions. */
export function valueFields(expr: ValueExpr, defs: Readonly<Record<string, InputDef>>): FieldSpec[] {
  return [...new Set(valueFieldNames(expr))].map((name) => inputField(name, defs));
}

/** The field spec of a named input. */
export function inputField(name: string, defs: Readonly<Record<string, InputDef>>): FieldSpec {
  const def = Object.hasOwn(defs, name) ? defs[name] : undefined;
  return {
    name,
    type: def?.type ?? "count",
    label: def?.label ?? name,
    ...(def?.unit !== undefined ? { unit: def.unit } : {}),
    ...(def?.from !== undefined ? { from: def.from } : {}),
    moreIsBetter: def?.moreIsBetter ?? true,
  };
}

function num(inputs: Inputs, name: string): Dec {
  const v = inputs[name];
  return v instanceof Dec ? v : new Dec(0);
}

function sumOf(names: readonly string[], inputs: Inputs): Dec {
  if (names.length === 1) return num(inputs, names[0]!);
  return sum(names.map((n) => num(inputs, n)));
}

/** The numerator and denominator sums of a ratio, without dividing (data checks). */
export function ratioParts(
  expr: { readonly numerator: readonly string[]; readonly denominator: readonly string[] },
  inputs: Inputs,
): { numerator: Dec; denominator: Dec } {
  return { numerator: sumOf(expr.numerator, inputs), denominator: sumOf(expr.denominator, inputs) };
}

/**
 * Evaluates a value expression exactly.
 * @param expr An input name or a ratio of sums.
 * @param inputs Resolved inputs (all present: the engine checks before).
 * @returns The value, or the parts of a ratio whose denominator is 0.
 */
export function evaluateValue(
  expr: ValueExpr | { readonly numerator: readonly string[]; readonly denominator: readonly string[] },
  inputs: Inputs,
): ValueResult {
  if (typeof expr === "string") return { ok: true, value: num(inputs, expr) };
  const numerator = sumOf(expr.numerator, inputs);
  const denominator = sumOf(expr.denominator, inputs);
  if (denominator.isZero()) return { ok: false, numerator, denominator };
  return { ok: true, value: numerator.div(denominator), numerator, denominator };
}

/** Facts of a value for the trace (decimals: turned into text only when the trace is read). */
export function valueFacts(r: ValueResult & { ok: true }): Record<string, Dec> {
  if (!r.numerator || !r.denominator) return { value: r.value };
  return { value: r.value, numerator: r.numerator, denominator: r.denominator };
}

/** The ratio of a value expression, if it is one. */
export function valueRatios(expr: ValueExpr): RatioExpr[] {
  return typeof expr === "string" ? [] : [expr];
}

/** Field types that hold a number (and may be compared, added or divided). */
export const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(["count", "number", "amount", "share", "percent"]);

/** The declared type of an input (an undeclared input reads as a count, as `inputField` has it). */
export function inputType(name: string, defs: Readonly<Record<string, InputDef>>): FieldType {
  return (Object.hasOwn(defs, name) ? defs[name]?.type : undefined) ?? "count";
}

/**
 * Catalog check of a value expression: every input it names is declared, and holds a number (a
 * boolean, a text or an option cannot be compared, added or divided).
 * @param path Path of the expression inside the formula.
 */
export function checkValue(expr: ValueExpr, ctx: CheckContext, path: readonly (string | number)[] = ["value"]): void {
  valueFieldNames(expr).forEach((name, i) => {
    if (!Object.hasOwn(ctx.inputs, name)) return ctx.unknownInput(name);
    const type = inputType(name, ctx.inputs);
    if (NUMERIC_TYPES.has(type)) return;
    const at =
      typeof expr === "string"
        ? path
        : i < expr.numerator.length
          ? [...path, "numerator", i]
          : [...path, "denominator", i - expr.numerator.length];
    ctx.problem("nonNumericInput", at, { received: type, detail: name });
  });
}

/** Inputs whose growth raises a value expression: the input itself, or a ratio's numerator. */
export function valueRaising(expr: ValueExpr): string[] {
  return typeof expr === "string" ? [expr] : [...expr.numerator];
}

/** A measured value as people read it: "3/4 = 75%" for a ratio, "12" otherwise. */
export function shownValue(t: TraceView, ctx: ExplainContext): string {
  const v = t.facts["value"];
  if (v === undefined) return "";
  const num = t.facts["numerator"];
  const den = t.facts["denominator"];
  if (num !== undefined && den !== undefined) return `${ctx.n(num)}/${ctx.n(den)} = ${ctx.percent(v)}`;
  return ctx.n(v);
}

/** The measured value alone ("75%" for a ratio, "12" otherwise). */
export function bareValue(t: TraceView, ctx: ExplainContext): string {
  return onValueScale(t, ctx, t.facts["value"] ?? "0");
}

/** A fact on the value's scale: a percentage when the value is a ratio. */
export function onValueScale(t: TraceView, ctx: ExplainContext, value: string): string {
  return t.facts["denominator"] !== undefined ? ctx.percent(value) : ctx.n(value);
}

/** Points an option, band or item is worth: `share` × max, or `points`. */
export function worth(w: { readonly share?: number | string | undefined; readonly points?: number | string | undefined }, max: Dec): Dec {
  if (w.points !== undefined) return parseDecimalLiteral(w.points);
  if (w.share !== undefined) return parseDecimalLiteral(w.share).times(max);
  return ZERO;
}

/**
 * The shape of a kind that measures one value expression (`formula.value`): the fields it reads,
 * its ratio, its catalog check and the inputs that raise it. Spread into the kind's definition.
 */
export const measuresValue = {
  fields: (f: { readonly value: ValueExpr }, defs: Readonly<Record<string, InputDef>>): FieldSpec[] => valueFields(f.value, defs),
  ratios: (f: { readonly value: ValueExpr }): RatioExpr[] => valueRatios(f.value),
  check: (f: { readonly value: ValueExpr }, ctx: CheckContext): void => checkValue(f.value, ctx),
  raising: (f: { readonly value: ValueExpr }): string[] => valueRaising(f.value),
};
