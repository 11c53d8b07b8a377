import { compileCatalog, type CompiledNode } from "../catalog/compile.js";
import type { Catalog, FieldType } from "../catalog/schema.js";
import { isDue } from "../engine/periods.js";
import type { FieldSpec } from "../formulas/_types.js";
import type { Dataset, DatasetUnit, IndicatorData } from "./dataset.js";

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of given indicators written as "n/a". */
const NA_SHARE = 0.02;
/** Share of free ratio denominators left at 0 (only where a zero denominator is not an error). */
const ZERO_DENOMINATOR_SHARE = 0.02;
/** Rounds of numerator/denominator repair before an entry that still breaks a proportion becomes "n/a". */
const REPAIR_ROUNDS = 8;

type Ratio = { readonly numerator: readonly string[]; readonly denominator: readonly string[]; readonly proportion: boolean };
type Role = "numerator" | "denominator" | "free";
/** A field value while generating: numbers are held as integer hundredths (exact, ≤ 2 places). */
type Raw = number | boolean | string;

/** What the generator needs to know about one leaf, computed once per catalog. */
interface LeafPlan {
  readonly node: CompiledNode;
  /** Fields the unit gives (no `from`). */
  readonly asked: readonly FieldSpec[];
  readonly roles: ReadonlyMap<string, Role>;
  /** Ratio expressions of the formula (composite parts and level alternatives included). */
  readonly ratios: readonly Ratio[];
}

function isNumeric(type: FieldType | "option"): boolean {
  return type === "count" || type === "number" || type === "amount";
}

/** Smallest step of a numeric field, in hundredths: 1 for a count, 0.01 otherwise. */
function step(type: FieldType | "option"): number {
  return type === "count" ? 100 : 1;
}

/** Ratio expressions anywhere in a formula, as the engine's proportion check finds them. */
function ratiosOf(formula: unknown): Ratio[] {
  const out = new Map<string, Ratio>();
  const visit = (f: unknown): void => {
    if (!f || typeof f !== "object") return;
    const o = f as Record<string, unknown>;
    const v = o["value"];
    if (v && typeof v === "object") {
      const r = v as { numerator: string[]; denominator: string[]; proportion?: boolean };
      const ratio: Ratio = { numerator: r.numerator, denominator: r.denominator, proportion: r.proportion !== false };
      out.set(JSON.stringify(ratio), ratio);
    }
    for (const key of ["parts", "anyOf"]) {
      if (Array.isArray(o[key])) for (const p of o[key] as unknown[]) visit((p as { formula?: unknown }).formula ?? p);
    }
    if (o["requirements"] && typeof o["requirements"] === "object") for (const r of Object.values(o["requirements"] as object)) visit(r);
  };
  visit(formula);
  return [...out.values()];
}

function planLeaf(node: CompiledNode): LeafPlan {
  const ratios = ratiosOf(node.formula);
  const roles = new Map<string, Role>();
  for (const r of ratios) for (const n of r.numerator) if (!roles.has(n)) roles.set(n, "numerator");
  for (const r of ratios) for (const n of r.denominator) roles.set(n, "denominator");
  return { node, asked: node.fields.filter((f) => !f.from), roles, ratios };
}

/**
 * Creates a synthetic, valid dataset for a catalog (benchmarks, property tests, demos): one
 * entry per due leaf, period and unit, with values of the right type, ratio numerators within
 * their denominators, profile fields filled, and an occasional "n/a". The same catalog, options
 * and seed always give the same dataset. The figures are invented, not real results.
 *
 * Level catalogs with a `childCatalog` are generated without child units. Numbers are counts
 * (integers) or decimals with at most 2 places; a zero denominator appears only where the
 * indicator's zero-denominator policy is not `error`.
 * @param catalog A points or levels catalog (from `getCatalog` or `loadCatalog`).
 * @param options `units`: how many units; `periods`: the dataset's periods (default `["Y"]` when
 * every indicator is annual, otherwise `["Q1", "Q2", "Q3", "Q4"]`); `seed`: PRNG seed (default 1);
 * `year`: the dataset's year (default the catalog document's year); `fill`: share of due
 * indicators given (default 1; the rest are left missing).
 * @returns A dataset that `score` accepts for this catalog.
 * @example
 * const catalog = getCatalog("dong-nai-2023/huyen");
 * const dataset = generateDataset(catalog, { units: 200, seed: 42 });
 * score(catalog, dataset).units.length; // 200
 */
export function generateDataset(
  catalog: Catalog,
  options: { units: number; periods?: string[]; seed?: number; year?: number; fill?: number },
): Dataset {
  const compiled = compileCatalog(catalog);
  const rng = mulberry32(options.seed ?? 1);
  const fill = options.fill ?? 1;
  const periods = options.periods ?? (compiled.leaves.every((n) => n.cadence === "year") ? ["Y"] : ["Q1", "Q2", "Q3", "Q4"]);
  const year = options.year ?? Number(catalog.document.date.slice(0, 4));
  const plans = compiled.leaves.map(planLeaf);
  const planByCode = new Map(plans.map((p) => [p.node.code, p]));
  const profileSpec = Object.entries(catalog.profile ?? {});
  const specOf = new Map<string, FieldType>(profileSpec.map(([k, s]) => [`profile.${k}`, s.type]));

  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  /** Log-uniform integer in [lo, hi]. */
  const logInt = (lo: number, hi: number) => Math.min(hi, Math.floor(Math.exp(Math.log(lo) + rng() * (Math.log(hi + 1) - Math.log(lo)))));
  const floorTo = (v: number, s: number) => Math.floor(v / s) * s;
  const ceilTo = (v: number, s: number) => Math.ceil(v / s) * s;

  /** Maturity of the current unit in [0, 1]: better units give larger shares, more "yes", the best option. */
  let maturity = 0;
  /** Share of a denominator given as numerator: a few tiny, some full, the rest between maturity and 1. */
  const share = () => {
    const r = rng();
    if (r < 0.03) return rng() * 0.1;
    if (r < 0.1 + 0.4 * maturity) return 1;
    return maturity + (1 - maturity) * rng();
  };

  const initial = (spec: FieldSpec, role: Role, node: CompiledNode, proportionDen: boolean): Raw => {
    switch (spec.type) {
      case "boolean":
        return rng() < 0.4 + 0.6 * maturity;
      case "option": {
        // Options are listed best first in the built-in catalogs.
        const options = spec.options ?? [];
        return (rng() < maturity ? options[0] : options[Math.floor(rng() * options.length)]) ?? "";
      }
      case "text":
        return `${spec.name} ${int(1, 999)}`;
      default: {
        const s = step(spec.type);
        if (role === "denominator") {
          if (node.zeroDenominator !== "error" && rng() < ZERO_DENOMINATOR_SHARE) return 0;
          return spec.type === "count" ? logInt(1, proportionDen ? 2000 : 100) * 100 : logInt(100, proportionDen ? 10_000_000 : 100_000);
        }
        if (spec.type === "count") return (rng() < 0.6 ? int(Math.round(3 * maturity), 10) : int(0, 200)) * s;
        return int(0, 100_000);
      }
    }
  };

  const profileValue = (key: string, type: FieldType, unit: number): Raw => {
    switch (type) {
      case "boolean":
        return rng() < 0.5;
      case "text":
        return `${key} ${unit + 1}`;
      case "count":
        return logInt(200, 20_000) * 100;
      default:
        return logInt(100_000, 100_000_000);
    }
  };

  const units: DatasetUnit[] = [];
  const width = String(options.units).length;
  for (let u = 0; u < options.units; u++) {
    const id = `u${String(u + 1).padStart(width, "0")}`;
    maturity = Math.sqrt(rng());
    const profileRaw = new Map<string, Raw>();
    for (const [key, spec] of profileSpec) profileRaw.set(key, profileValue(key, spec.type, u));

    const data: Record<string, Record<string, IndicatorData>> = {};
    periods.forEach((period, pi) => {
      const isLast = pi === periods.length - 1;
      // Values of this period: code → field → raw (numbers in hundredths); null = "n/a".
      const entries = new Map<string, Map<string, Raw> | null>();
      for (const plan of plans) {
        if (!isDue(plan.node.cadence, period, isLast)) continue;
        if (fill < 1 && rng() >= fill) continue;
        if (rng() < NA_SHARE) {
          entries.set(plan.node.code, null);
          continue;
        }
        const values = new Map<string, Raw>();
        const proportionDen = new Set(plan.ratios.filter((r) => r.proportion).flatMap((r) => r.denominator));
        for (const f of plan.asked) values.set(f.name, initial(f, plan.roles.get(f.name) ?? "free", plan.node, proportionDen.has(f.name)));
        entries.set(plan.node.code, values);
      }

      /** A field of a node as the engine resolves it: own value, profile, or another leaf's value. */
      const resolve = (plan: LeafPlan, name: string): { value: number | undefined; own: boolean; type: FieldType | "option" } => {
        const spec = plan.node.fieldByName.get(name);
        const type = spec?.type ?? "count";
        if (!spec?.from) {
          const v = entries.get(plan.node.code)?.get(name);
          return { value: typeof v === "number" ? v : undefined, own: true, type };
        }
        if (spec.from.startsWith("profile.")) {
          const v = profileRaw.get(spec.from.slice(8));
          return { value: typeof v === "number" ? v : undefined, own: false, type: specOf.get(spec.from) ?? type };
        }
        const dot = spec.from.lastIndexOf(".");
        const target = entries.get(spec.from.slice(0, dot));
        const v = target?.get(spec.from.slice(dot + 1));
        const targetType = planByCode.get(spec.from.slice(0, dot))?.node.fieldByName.get(spec.from.slice(dot + 1))?.type ?? type;
        return { value: typeof v === "number" ? v : undefined, own: false, type: targetType };
      };

      // Shape numerators as a share of their denominators.
      for (const plan of plans) {
        const values = entries.get(plan.node.code);
        if (!values) continue;
        for (const r of plan.ratios) {
          const den = r.denominator.map((n) => resolve(plan, n));
          const num = r.numerator.map((n) => ({ name: n, ...resolve(plan, n) }));
          if (den.some((d) => d.value === undefined) || num.some((d) => d.value === undefined)) continue;
          const d = den.reduce((s, x) => s + x.value!, 0);
          const fixed = num.filter((x) => !x.own).reduce((s, x) => s + x.value!, 0);
          const target = Math.floor(d * (r.proportion ? share() : 4 * rng()));
          const own = num.filter((x) => x.own);
          if (!own.length) continue;
          const avail = Math.max(0, target - fixed);
          const weights = own.map(() => 0.2 + rng());
          const total = weights.reduce((s, w) => s + w, 0);
          own.forEach((x, i) => values.set(x.name, floorTo((avail * weights[i]!) / total, step(x.type))));
        }
      }

      // Repair: every proportion's numerator within its denominator, no zero denominator under policy `error`.
      const violations = (): LeafPlan[] => {
        const bad: LeafPlan[] = [];
        for (const plan of plans) {
          const values = entries.get(plan.node.code);
          if (!values) continue;
          for (const r of plan.ratios) {
            const den = r.denominator.map((n) => ({ name: n, ...resolve(plan, n) }));
            const num = r.numerator.map((n) => ({ name: n, ...resolve(plan, n) }));
            if (den.some((x) => x.value === undefined) || num.some((x) => x.value === undefined)) continue;
            const d = den.reduce((s, x) => s + x.value!, 0);
            const n = num.reduce((s, x) => s + x.value!, 0);
            const zeroBad = d === 0 && plan.node.zeroDenominator === "error";
            if (!zeroBad && (!r.proportion || n <= d)) continue;
            bad.push(plan);
            if (zeroBad) {
              const own = den.find((x) => x.own);
              if (own) values.set(own.name, (values.get(own.name) as number) + step(own.type));
              continue;
            }
            const fixed = num.filter((x) => !x.own).reduce((s, x) => s + x.value!, 0);
            const own = num.filter((x) => x.own);
            const ownSum = n - fixed;
            if (fixed <= d && ownSum > 0) {
              for (const x of own) values.set(x.name, floorTo((x.value! * (d - fixed)) / ownSum, step(x.type)));
            } else {
              const ownDen = den.find((x) => x.own);
              if (ownDen) values.set(ownDen.name, ownDen.value! + ceilTo(n - d, step(ownDen.type)));
            }
          }
        }
        return bad;
      };
      for (let round = 0; round < REPAIR_ROUNDS && violations().length; round++);
      // Whatever still breaks a rule is given as "n/a" (never seen with the built-in catalogs).
      for (let left = violations(); left.length; left = violations()) for (const p of left) entries.set(p.node.code, null);

      const out: Record<string, IndicatorData> = {};
      for (const [code, values] of entries) {
        if (values === null) {
          out[code] = "n/a";
          continue;
        }
        const plan = planByCode.get(code)!;
        const obj: Record<string, number | boolean | string> = {};
        for (const f of plan.asked) {
          const v = values.get(f.name)!;
          obj[f.name] = typeof v === "number" && isNumeric(f.type) ? v / 100 : v;
        }
        out[code] = plan.asked.length === 1 ? obj[plan.asked[0]!.name]! : obj;
      }
      data[period] = out;
    });

    const profile: Record<string, number | boolean | string> = {};
    for (const [key, v] of profileRaw) profile[key] = typeof v === "number" ? v / 100 : v;
    units.push({
      id,
      name: `Đơn vị ${id.slice(1)}`,
      ...(profileSpec.length ? { profile } : {}),
      ...(catalog.scoring === "levels" ? { registered: int(1, 5) } : {}),
      data,
    });
  }
  return { catalog: catalog.id, year, periods, units };
}
