import type { CompiledCatalog, CompiledNode } from "../catalog/compile.js";
import type { FieldType } from "../catalog/schema.js";
import { isDue } from "../_periods.js";
import { CatalogError, createIssue } from "../errors.js";
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
/** Share of ratio denominators left at 0 (only where a zero denominator is not an error). */
const ZERO_DENOMINATOR_SHARE = 0.02;
/** Rounds of numerator/denominator repair before an entry that still breaks a proportion becomes "n/a". */
const REPAIR_ROUNDS = 8;

/** A field value while generating: numbers are held as integer hundredths (exact, ≤ 2 places). */
type Raw = number | boolean | string;
/** One entry's values, by index of the leaf's asked fields; null is "n/a"; undefined is not given. */
type Values = Raw[] | null | undefined;

/** One field of a ratio, with where the engine takes its value from. */
interface Term {
  /** Index in the leaf's asked fields when the unit gives it in this entry (the generator may change it). */
  readonly own: number | undefined;
  /** Smallest step in hundredths: 100 for a count, 1 for a decimal. */
  readonly step: number;
  /** Index of a profile field (`from: profile.x`). */
  readonly profile: number | undefined;
  /** Leaf index and asked-field index of another indicator's field (`from: "5.8.1.a"`). */
  readonly ref: readonly [number, number] | undefined;
}

interface RatioPlan {
  readonly proportion: boolean;
  readonly numerator: readonly Term[];
  readonly denominator: readonly Term[];
}

/** What the generator needs to know about one leaf, computed once per catalog. */
interface LeafPlan {
  readonly node: CompiledNode;
  /** Fields the unit gives (no `from`). */
  readonly asked: readonly FieldSpec[];
  /** Per asked field: its role in the formula's ratios. */
  readonly roles: readonly ("numerator" | "proportionDen" | "quotientDen" | "free")[];
  /** Ratio expressions of the formula (composite parts and level alternatives included). */
  readonly ratios: readonly RatioPlan[];
}

type Ratio = { readonly numerator: readonly string[]; readonly denominator: readonly string[]; readonly proportion: boolean };

/** Smallest step of a numeric field, in hundredths: 1 for a count, 0.01 otherwise. */
function step(type: FieldType | "option" | undefined): number {
  return type === "count" || type === undefined ? 100 : 1;
}

/** Ratio expressions of a node (the kinds list them), each once. */
function ratiosOf(node: CompiledNode): readonly Ratio[] {
  return [...new Map(node.ratios.map((r) => [JSON.stringify(r), r])).values()];
}

function planLeaves(compiled: CompiledCatalog, profileKeys: readonly string[]): LeafPlan[] {
  const profile = compiled.catalog.profile ?? {};
  const leafIndex = new Map(compiled.leaves.map((n, i) => [n.code, i]));
  const askedOf = (node: CompiledNode) => node.fields.filter((f) => !f.from);
  const term = (node: CompiledNode, name: string): Term => {
    const spec = node.fieldByName.get(name);
    if (!spec?.from)
      return { own: askedOf(node).findIndex((f) => f.name === name), step: step(spec?.type), profile: undefined, ref: undefined };
    if (spec.from.startsWith("profile.")) {
      const key = spec.from.slice("profile.".length);
      return { own: undefined, step: step(profile[key]?.type), profile: profileKeys.indexOf(key), ref: undefined };
    }
    const dot = spec.from.lastIndexOf(".");
    const target = compiled.nodes.get(spec.from.slice(0, dot));
    const index = leafIndex.get(spec.from.slice(0, dot));
    const field = target ? askedOf(target).findIndex((f) => f.name === spec.from!.slice(dot + 1)) : -1;
    return {
      own: undefined,
      step: step(target?.fieldByName.get(spec.from.slice(dot + 1))?.type),
      profile: undefined,
      ref: index !== undefined && field >= 0 ? [index, field] : undefined,
    };
  };
  return compiled.leaves.map((node) => {
    const ratios = ratiosOf(node);
    const asked = askedOf(node);
    const role = (name: string) => {
      if (ratios.some((r) => r.proportion && r.denominator.includes(name))) return "proportionDen" as const;
      if (ratios.some((r) => r.denominator.includes(name))) return "quotientDen" as const;
      if (ratios.some((r) => r.numerator.includes(name))) return "numerator" as const;
      return "free" as const;
    };
    return {
      node,
      asked,
      roles: asked.map((f) => role(f.name)),
      ratios: ratios.map((r) => ({
        proportion: r.proportion,
        numerator: r.numerator.map((n) => term(node, n)),
        denominator: r.denominator.map((n) => term(node, n)),
      })),
    };
  });
}

/**
 * Creates a synthetic, valid dataset for a catalog (benchmarks, property tests, demos): one
 * entry per due leaf, period and unit, with values of the right type, ratio numerators within
 * their denominators, profile fields filled, and an occasional "n/a". The same catalog, options
 * and seed always give the same dataset. The figures are invented, not real results.
 *
 * Each unit draws a "maturity" that makes its shares, yes-answers and options better or worse,
 * so totals, ranks and levels spread. Numbers are counts (integers) or decimals with at most 2
 * places; a zero denominator appears only where the indicator's zero-denominator policy is not
 * `error`. Level catalogs with a `childCatalog` are generated without child units.
 * @param catalog A points or levels catalog (from `getCatalog` or `loadCatalog`).
 * @param options `units`: how many units; `periods`: the dataset's periods (default `["Y"]` when
 * every indicator is annual, otherwise `["Q1", "Q2", "Q3", "Q4"]`); `seed`: PRNG seed (default 1);
 * `year`: the dataset's year (default the catalog document's year); `fill`: share of due
 * indicators given (default 1; the others are left out and score as missing).
 * @returns A dataset that `score` accepts for this catalog.
 * @throws CatalogError for a structure-only catalog; RangeError for `units` < 1 or `fill` outside [0, 1].
 * @example
 * const catalog = getCatalog("dong-nai-2023/huyen");
 * const dataset = generateDataset(catalog, { units: 200, seed: 42 });
 * score(catalog, dataset).units.length; // 200
 */
export function generateDataset(
  catalog: CompiledCatalog,
  options: { units: number; periods?: string[]; seed?: number; year?: number; fill?: number },
): Dataset {
  if (catalog.scoring === "structure") throw new CatalogError([createIssue("catalog", "structureOnly", { catalog: catalog.id })]);
  if (!Number.isInteger(options.units) || options.units < 1) throw new RangeError(`units must be a positive integer, got ${options.units}`);
  if (options.fill !== undefined && !(options.fill >= 0 && options.fill <= 1))
    throw new RangeError(`fill must be between 0 and 1, got ${options.fill}`);
  const compiled = catalog;
  const rng = mulberry32(options.seed ?? 1);
  const fill = options.fill ?? 1;
  const periods = options.periods ?? (compiled.leaves.every((n) => n.cadence === "year") ? ["Y"] : ["Q1", "Q2", "Q3", "Q4"]);
  const year = options.year ?? Number(catalog.document.date.slice(0, 4));
  const profileSpec = Object.entries(catalog.profile ?? {});
  const plans = planLeaves(
    compiled,
    profileSpec.map(([k]) => k),
  );
  const due = periods.map((p, i) => plans.map((plan) => isDue(plan.node.cadence, p, i === periods.length - 1)));

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

  const initial = (spec: FieldSpec, role: LeafPlan["roles"][number], node: CompiledNode): Raw => {
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
        if (role === "proportionDen" || role === "quotientDen") {
          if (node.zeroDenominator !== "error" && rng() < ZERO_DENOMINATOR_SHARE) return 0;
          const large = role === "proportionDen";
          return spec.type === "count" ? logInt(1, large ? 2000 : 100) * 100 : logInt(100, large ? 10_000_000 : 100_000);
        }
        if (spec.type === "count") return (rng() < 0.6 ? int(Math.round(3 * maturity), 10) : int(0, 200)) * 100;
        // In hundredths: a share from 0 to 1, a percentage from 0 to 100.
        if (spec.type === "share") return int(0, 100);
        if (spec.type === "percent") return int(0, 10_000);
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
      case "share":
        return int(0, 100);
      case "percent":
        return int(0, 10_000);
      default:
        return logInt(100_000, 100_000_000);
    }
  };

  // State of the unit and period being generated.
  let profileRaw: Raw[] = [];
  const entries: Values[] = new Array<Values>(plans.length);

  /** A ratio field's value as the engine resolves it: own value, profile, or another leaf's value (same period). */
  const value = (values: Raw[], t: Term): number | undefined => {
    const v =
      t.own !== undefined
        ? values[t.own]
        : t.profile !== undefined
          ? profileRaw[t.profile]
          : t.ref
            ? entries[t.ref[0]]?.[t.ref[1]]
            : undefined;
    return typeof v === "number" ? v : undefined;
  };
  let total = 0;
  let own = 0;
  /** Sums a ratio side into `total` and `own` (the part the entry gives itself); false when a field does not resolve. */
  const sum = (values: Raw[], terms: readonly Term[]): boolean => {
    total = 0;
    own = 0;
    for (const t of terms) {
      const v = value(values, t);
      if (v === undefined) return false;
      total += v;
      if (t.own !== undefined) own += v;
    }
    return true;
  };

  /**
   * Calls `visit` for every ratio of every entry whose fields all resolve, with its denominator;
   * `total` and `own` then hold the numerator's sums.
   */
  const eachRatio = (
    visit: (plan: (typeof plans)[number], i: number, values: Raw[], r: (typeof plans)[number]["ratios"][number], den: number) => void,
  ) => {
    plans.forEach((plan, i) => {
      const values = entries[i];
      if (!values) return;
      for (const r of plan.ratios) {
        if (!sum(values, r.denominator)) continue;
        const den = total;
        if (!sum(values, r.numerator)) continue;
        visit(plan, i, values, r, den);
      }
    });
  };

  /** Shapes numerators as a share of their denominators. */
  const shape = () => {
    eachRatio((_plan, _i, values, r, den) => {
      const fixed = total - own;
      const mine = r.numerator.filter((t) => t.own !== undefined);
      if (!mine.length) return;
      const avail = Math.max(0, Math.floor(den * (r.proportion ? share() : 4 * rng())) - fixed);
      const weights = mine.map(() => 0.2 + rng());
      const all = weights.reduce((s, w) => s + w, 0);
      mine.forEach((t, k) => (values[t.own!] = floorTo((avail * weights[k]!) / all, t.step)));
    });
  };

  /** One round of repair (every proportion's numerator within its denominator, no zero denominator under policy `error`); returns the leaves that broke a rule. */
  const repair = (): number[] => {
    const bad: number[] = [];
    eachRatio((plan, i, values, r, den) => {
      const zeroBad = den === 0 && plan.node.zeroDenominator === "error";
      if (!zeroBad && (!r.proportion || total <= den)) return;
      bad.push(i);
      const ownDen = r.denominator.find((t) => t.own !== undefined);
      if (zeroBad) {
        if (ownDen) values[ownDen.own!] = (values[ownDen.own!] as number) + ownDen.step;
        return;
      }
      const fixed = total - own;
      if (fixed <= den && own > 0) {
        // Scale the entry's own numerator fields down to fit.
        for (const t of r.numerator)
          if (t.own !== undefined) values[t.own] = floorTo(((values[t.own] as number) * (den - fixed)) / own, t.step);
      } else if (ownDen) {
        values[ownDen.own!] = (values[ownDen.own!] as number) + ceilTo(total - den, ownDen.step);
      }
    });
    return bad;
  };

  const units: DatasetUnit[] = [];
  const width = String(options.units).length;
  for (let u = 0; u < options.units; u++) {
    const id = `u${String(u + 1).padStart(width, "0")}`;
    maturity = Math.sqrt(rng());
    profileRaw = profileSpec.map(([key, spec]) => profileValue(key, spec.type, u));

    const data: Record<string, Record<string, IndicatorData>> = {};
    periods.forEach((period, pi) => {
      plans.forEach((plan, i) => {
        entries[i] = undefined;
        if (!due[pi]![i]) return;
        if (fill < 1 && rng() >= fill) return;
        if (rng() < NA_SHARE) entries[i] = null;
        else entries[i] = plan.asked.map((f, k) => initial(f, plan.roles[k]!, plan.node));
      });
      shape();
      for (let round = 0; round < REPAIR_ROUNDS && repair().length; round++);
      // Whatever still breaks a rule is given as "n/a" (never seen with the built-in catalogs).
      for (let left = repair(); left.length; left = repair()) for (const i of left) entries[i] = null;

      const out: Record<string, IndicatorData> = {};
      plans.forEach((plan, i) => {
        const values = entries[i];
        if (values === undefined) return;
        if (values === null) {
          out[plan.node.code] = "n/a";
          return;
        }
        const asNumber = (v: Raw) => (typeof v === "number" ? v / 100 : v);
        if (plan.asked.length === 1) {
          out[plan.node.code] = asNumber(values[0]!);
          return;
        }
        const obj: Record<string, number | boolean | string> = {};
        plan.asked.forEach((f, k) => (obj[f.name] = asNumber(values[k]!)));
        out[plan.node.code] = obj;
      });
      data[period] = out;
    });

    const profile: Record<string, number | boolean | string> = {};
    profileSpec.forEach(([key], k) => {
      const v = profileRaw[k]!;
      profile[key] = typeof v === "number" ? v / 100 : v;
    });
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
