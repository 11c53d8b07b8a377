import { Dec, decOf } from "../_decimal.js";
import { crossSign, fixedOf } from "../_exact.js";
import { own } from "../_own.js";
import { isMissingMarker, isNotApplicable } from "../_values.js";
import { periodsProblem } from "../_periods.js";
import { POW10, SUM, sumSlots } from "../formulas/_fast.js";
import type { FieldSpec, FieldValue } from "../formulas/_types.js";
import type { Dataset } from "../io/dataset.js";
import type { Entry, NormalizedUnit } from "./normalize.js";
import { resolveInputs } from "./normalize.js";
import type { FastPlan, LeafPlan } from "./fastPlan.js";

// The compiled reader of the fast path (issue 11): one pass over the dataset object that fetches
// the due codes and fields by the plan's keys and checks types and domains while it reads. It
// accepts only what the reference reader accepts without a word (no issue, no warning of its own);
// anything else — a number given as text, a missing marker, data for a period not due, an unknown
// key, appraised data, a roster — returns `undefined`, and the reference reader (readDataset +
// normalizeDataset) reads the dataset and reports every problem. Its rules are those of
// normalize.ts; the hostile-input suite runs through it.

/** Status of an entry (unit × period × leaf). */
export const Status = { NotReported: 0, Values: 1, NotApplicable: 2, InputsMissing: 3 } as const;

/**
 * A unit's data in the compact form the fast scorer reads. The arrays may be shared by all the
 * units of a dataset (one allocation): the unit's part starts at `at` (values), `statusAt` and
 * `profileAt`.
 */
export interface CompactUnit {
  readonly id: string;
  readonly name: string;
  readonly parent: string | undefined;
  readonly registered: number | undefined;
  /** periods × plan.width values from `at`: value = vals / 10^scales (booleans 1 / 0, options their index). */
  readonly vals: Float64Array;
  readonly scales: Uint8Array;
  readonly at: number;
  /** periods × leaves statuses ({@link Status}) from `statusAt`. */
  readonly status: Uint8Array;
  readonly statusAt: number;
  /** Profile values (by the plan's profile index, from `profileAt`); `profileGiven` 1 where given. */
  readonly profile: Float64Array;
  readonly profileScales: Uint8Array;
  readonly profileGiven: Uint8Array;
  readonly profileAt: number;
  /** Values the unit filled, as the roster checks count them (`filledCount`): counted while reading. */
  readonly filled: number;
  /** Text values: by value position (profile texts at −1 − key). */
  readonly texts: Map<number, string> | undefined;
  /** The unit as the reference reader normalised it, when it read the dataset. */
  readonly normalized?: NormalizedUnit;
}

const UNIT_KEYS = new Set(["id", "name", "catalog", "parent", "registered", "profile", "data"]);
const DATASET_KEYS = new Set(["catalog", "year", "periods", "numberFormat", "units"]);

/** A plain object (as JSON and YAML make them): `for … in` then sees its own keys only. Anything else goes to the reference reader. */
const isObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Scratch of one value read. */
const VALUE = { n: 0, k: 0 };

/**
 * Reads a JS number as an exact `n / 10^k` into VALUE — the decimal decimal.js reads from it, the
 * shortest one that gives the number back (as `String(v)` prints it); false when it does not fit
 * the safe integers or has more than 15 places.
 */
function readNumberValue(v: number): boolean {
  if (Number.isInteger(v)) {
    if (!Number.isSafeInteger(v)) return false;
    VALUE.n = v + 0; // −0 reads as 0
    VALUE.k = 0;
    return true;
  }
  if (!Number.isFinite(v)) return false;
  // The fewest places k whose nearest n/10^k is v again, with n the rounding of v·10^k: found
  // without text for the usual short decimals (below 2^40 after scaling, v·10^k is within far
  // less than ½ of the exact product). Longer ones are read from their printed digits.
  for (let k = 1; k <= 15; k++) {
    const scaled = v * POW10[k]!;
    if (Math.abs(scaled) >= 2 ** 40) break;
    const n = Math.round(scaled);
    if (n / POW10[k]! === v) {
      VALUE.n = n;
      VALUE.k = k;
      return true;
    }
  }
  const s = String(v);
  const dot = s.indexOf(".");
  if (dot < 0 || s.includes("e")) return false;
  const k = s.length - dot - 1;
  if (k > 15) return false;
  const n = Number(s.slice(0, dot) + s.slice(dot + 1));
  if (!Number.isSafeInteger(n)) return false;
  VALUE.n = n;
  VALUE.k = k;
  return true;
}

/**
 * Reads one value of a field into VALUE, or says that the reference must read it (false): the
 * checks of normalize.ts `readValue` for values it accepts silently.
 */
function readFieldValue(spec: FieldSpec, v: unknown): boolean {
  switch (spec.type) {
    case "boolean":
      if (typeof v !== "boolean") return false;
      VALUE.n = v ? 1 : 0;
      VALUE.k = 0;
      return true;
    case "option": {
      // A missing marker (NA, #N/A…) is absent with a warning, even where it is an option's key.
      if (typeof v !== "string" || isMissingMarker(v)) return false;
      const i = spec.options!.indexOf(v);
      if (i < 0) return false;
      VALUE.n = i;
      VALUE.k = 0;
      return true;
    }
    case "text":
      return false; // kept as text by the caller
    default: {
      // count, number, amount, share, percent: text numbers warn (numberAsText) → reference.
      if (typeof v !== "number" || !readNumberValue(v)) return false;
      const { n, k } = VALUE;
      if (n < 0) return false;
      if (spec.type === "count") return k === 0;
      if (spec.type === "share") return n <= POW10[k]!;
      if (spec.type === "percent") return n <= 100 * POW10[k]!;
      return true;
    }
  }
}

/** A compact dataset: what the fast scorer reads. */
export interface CompactDataset {
  readonly units: CompactUnit[];
  /** The dataset as read (for the roster checks and the year). */
  readonly dataset: Dataset;
}

/** Storage for the compact data of `count` units (one allocation per array). */
export interface Storage {
  readonly vals: Float64Array;
  readonly scales: Uint8Array;
  readonly status: Uint8Array;
  readonly profile: Float64Array;
  readonly profileScales: Uint8Array;
  readonly profileGiven: Uint8Array;
}

/** Storage for `count` units of a plan. */
export function storage(plan: FastPlan, count: number): Storage {
  const values = count * plan.periods.length * plan.width;
  const k = count * plan.profileKeys.length;
  return {
    vals: new Float64Array(values),
    scales: new Uint8Array(values),
    status: new Uint8Array(count * plan.periods.length * plan.leaves.length),
    profile: new Float64Array(k),
    profileScales: new Uint8Array(k),
    profileGiven: new Uint8Array(k),
  };
}

/** The empty compact form of the `i`-th unit of a storage. */
function emptyUnit(
  plan: FastPlan,
  store: Storage,
  i: number,
  id: string,
  name: string,
  parent: string | undefined,
  registered: number | undefined,
): CompactUnit {
  return {
    id,
    name,
    parent,
    registered,
    ...store,
    at: i * plan.periods.length * plan.width,
    statusAt: i * plan.periods.length * plan.leaves.length,
    profileAt: i * plan.profileKeys.length,
    filled: 0,
    texts: undefined,
  };
}

/**
 * Reads a dataset object in one pass with the plan's keys.
 * @returns The compact dataset, or undefined when the reference reader must read it (any problem or warning).
 */
export function readCompact(raw: unknown, plan: FastPlan): CompactDataset | undefined {
  if (!isObject(raw)) return undefined;
  for (const key in raw) if (!DATASET_KEYS.has(key)) return undefined;
  const { catalog, year, periods, numberFormat, units } = raw;
  if (catalog !== plan.catalog.catalog.id || typeof year !== "number" || !Number.isSafeInteger(year)) return undefined;
  if (numberFormat !== undefined && numberFormat !== "vi" && numberFormat !== "en") return undefined;
  if (!Array.isArray(periods) || periods.length !== plan.periods.length || !Array.isArray(units) || !units.length) return undefined;
  for (let i = 0; i < periods.length; i++) if (periods[i] !== plan.periods[i]) return undefined;
  if (periodsProblem(plan.periods)) return undefined;
  const ids = new Set<string>();
  const out: CompactUnit[] = [];
  let parents = false;
  const store = storage(plan, units.length);
  for (const [i, u] of units.entries()) {
    const unit = readUnit(u, plan, store, i);
    if (!unit || ids.has(unit.id)) return undefined;
    ids.add(unit.id);
    if (unit.parent !== undefined) parents = true;
    out.push(unit);
  }
  // Parents: each one a unit of the dataset (a level catalog's child units are read by the reference).
  if (parents && !parentsHold(out)) return undefined;
  return { units: out, dataset: raw as unknown as Dataset };
}

/**
 * Reads one unit with the compiled reader (an edit in a scoring session).
 * @returns Its compact form, or undefined when the reference reader must read it.
 */
export function readCompactUnit(unit: unknown, plan: FastPlan): CompactUnit | undefined {
  return readUnit(unit, plan, storage(plan, 1), 0);
}

/**
 * Reads one unit into place `index` of a storage (streaming).
 * @returns Its compact form, or undefined when the reference reader must read it.
 */
export function readCompactUnitInto(unit: unknown, plan: FastPlan, store: Storage, index: number): CompactUnit | undefined {
  // The place may hold what a unit refused half-way left there.
  const values = plan.periods.length * plan.width;
  const statuses = plan.periods.length * plan.leaves.length;
  const k = plan.profileKeys.length;
  store.vals.fill(0, index * values, (index + 1) * values);
  store.scales.fill(0, index * values, (index + 1) * values);
  store.status.fill(0, index * statuses, (index + 1) * statuses);
  store.profileGiven.fill(0, index * k, (index + 1) * k);
  return readUnit(unit, plan, store, index);
}

function parentsHold(units: readonly CompactUnit[]): boolean {
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const start of units) {
    // A chain longer than the dataset has a cycle.
    let u: CompactUnit | undefined = start;
    for (let steps = 0; u?.parent !== undefined; steps++) {
      if (steps > units.length) return false;
      u = byId.get(u.parent);
      if (!u) return false;
    }
  }
  return true;
}

function readUnit(u: unknown, plan: FastPlan, store: Storage, index: number): CompactUnit | undefined {
  if (!isObject(u)) return undefined;
  for (const key in u) if (!UNIT_KEYS.has(key)) return undefined;
  const { id, name, catalog, parent, registered, profile, data } = u;
  if (typeof id !== "string" || !id || typeof name !== "string" || !name) return undefined;
  if (catalog !== undefined && catalog !== plan.catalog.catalog.id) return undefined;
  if (parent !== undefined && typeof parent !== "string") return undefined;
  if (registered !== undefined && (typeof registered !== "number" || !Number.isInteger(registered) || registered < 1 || registered > 5))
    return undefined;
  const unit = emptyUnit(plan, store, index, id, name, parent, registered as number | undefined);
  if (profile !== undefined && !readProfile(profile, plan, unit)) return undefined;
  if (data === undefined) return unit;
  if (!isObject(data)) return undefined;
  for (const period in data) {
    const p = plan.periods.indexOf(period);
    if (p < 0) return undefined;
    const codes = data[period];
    if (codes === null) continue;
    if (!isObject(codes) || !readPeriod(codes, p, plan, unit)) return undefined;
  }
  return unit;
}

function readProfile(profile: unknown, plan: FastPlan, unit: CompactUnit): boolean {
  if (!isObject(profile)) return false;
  for (const key in profile) {
    const field = plan.profileFields.get(key);
    if (!field) return false;
    const v = profile[key];
    if (v === null) continue;
    const at = unit.profileAt + field.index;
    if (field.spec.type === "text") {
      if (typeof v !== "string" || isMissingMarker(v)) return false;
      (unit as { texts: Map<number, string> | undefined }).texts ??= new Map();
      unit.texts!.set(-1 - field.index, v);
      unit.profile[at] = 0;
    } else {
      if (!readFieldValue(field.spec, v)) return false;
      unit.profile[at] = VALUE.n;
      unit.profileScales[at] = VALUE.k;
    }
    unit.profileGiven[at] = 1;
  }
  return true;
}

// Fields given in the entry being read (by slot): a generation counter instead of clearing.
let givenMark = new Uint32Array(64);
let generation = 0;

function readPeriod(codes: Record<string, unknown>, p: number, plan: FastPlan, unit: CompactUnit): boolean {
  const block = unit.at + p * plan.width;
  const statusAt = unit.statusAt + p * plan.leaves.length;
  let referencing = false;
  for (const code in codes) {
    const leaf = plan.leafByCode.get(code);
    // Unknown codes, groups, data for a period in which the leaf is not due: the reference reports them.
    if (!leaf || !leaf.due[p]) return false;
    const raw = codes[code];
    if (typeof raw === "string" && isNotApplicable(raw)) {
      unit.status[statusAt + leaf.index] = Status.NotApplicable;
      (unit as { filled: number }).filled++;
      continue;
    }
    if (!readEntry(raw, leaf, block + leaf.offset, unit)) return false;
    unit.status[statusAt + leaf.index] = Status.Values;
    if (leaf.referencing) referencing = true;
  }
  // `from` values: another indicator's field in the same period, or a profile value.
  if (referencing) for (const leaf of plan.referencing) if (!resolveReferences(leaf, p, plan, unit)) return false;
  // Proportions once the referenced values are in.
  for (const leaf of plan.withProportions) {
    if (unit.status[statusAt + leaf.index] !== Status.Values) continue;
    for (const pr of leaf.proportions) if (exceeds(pr.numerator, pr.denominator, unit, block + leaf.offset)) return false;
  }
  return true;
}

function readEntry(raw: unknown, leaf: LeafPlan, at: number, unit: CompactUnit): boolean {
  if (!isObject(raw)) {
    // The one-field shorthand (`6.3.2: 12` for a leaf asking one value).
    if (leaf.asked.length !== 1 || raw === null || typeof raw === "object") return false;
    if (raw !== "") (unit as { filled: number }).filled++;
    return writeField(leaf.asked[0]!, raw, at, unit);
  }
  if (givenMark.length < leaf.fields.length) givenMark = new Uint32Array(leaf.fields.length * 2);
  const mark = ++generation;
  for (const name in raw) {
    const f = leaf.askedByName.get(name);
    const v = raw[name];
    if (!f || !writeField(f, v, at, unit)) return false;
    if (v !== "") (unit as { filled: number }).filled++;
    givenMark[f.slot] = mark;
  }
  for (const f of leaf.asked) {
    if (givenMark[f.slot] === mark) continue;
    if (!f.absent) return false; // missingField
    unit.vals[at + f.slot] = f.absent.n;
    unit.scales[at + f.slot] = f.absent.k;
  }
  return true;
}

function writeField(f: LeafPlan["fields"][number], v: unknown, at: number, unit: CompactUnit): boolean {
  // The usual value first: a whole number for a count, amount or number field.
  if (f.wholeNumbers && typeof v === "number" && Number.isSafeInteger(v) && v >= 0) {
    unit.vals[at + f.slot] = v + 0;
    unit.scales[at + f.slot] = 0;
    return true;
  }
  if (f.spec.type === "text") {
    // A missing marker is absent with a warning (the reference reader says so), never the text "NA".
    if (typeof v !== "string" || isMissingMarker(v)) return false;
    (unit as { texts: Map<number, string> | undefined }).texts ??= new Map();
    unit.texts!.set(at + f.slot, v);
    return true;
  }
  if (!readFieldValue(f.spec, v)) return false;
  unit.vals[at + f.slot] = VALUE.n;
  unit.scales[at + f.slot] = VALUE.k;
  return true;
}

/** Copies a leaf's `from` values in; false when a profile value it needs is not given (missingProfileField). */
function resolveReferences(leaf: LeafPlan, p: number, plan: FastPlan, unit: CompactUnit): boolean {
  const statusAt = unit.statusAt + p * plan.leaves.length;
  if (unit.status[statusAt + leaf.index] !== Status.Values) return true;
  const at = unit.at + p * plan.width + leaf.offset;
  const pa = unit.profileAt;
  // Every profile value first: the reference reports a missing one even when another input is missing too.
  for (const f of leaf.fields) if (f.source.kind === "profile" && !unit.profileGiven[pa + f.source.key]) return false;
  for (const f of leaf.fields) {
    const s = f.source;
    if (s.kind === "profile") {
      unit.vals[at + f.slot] = unit.profile[pa + s.key]!;
      unit.scales[at + f.slot] = unit.profileScales[pa + s.key]!;
    } else if (s.kind === "indicator") {
      // Not reported or n/a there: this entry's inputs are missing (scored 0, as the reference does).
      // An entry whose own `from` inputs are missing still gives the values it was given.
      const source = unit.status[statusAt + s.leaf];
      if (source !== Status.Values && source !== Status.InputsMissing) {
        unit.status[statusAt + leaf.index] = Status.InputsMissing;
        return true;
      }
      const from = unit.at + p * plan.width + plan.leaves[s.leaf]!.offset + s.slot;
      unit.vals[at + f.slot] = unit.vals[from]!;
      unit.scales[at + f.slot] = unit.scales[from]!;
    }
  }
  return true;
}

/** numerator > denominator, exactly (sums at a common scale; past the safe integers: the reference decides). */
function exceeds(numerator: readonly number[], denominator: readonly number[], unit: CompactUnit, at: number): boolean {
  if (!sumSlots(numerator, unit.vals, unit.scales, at)) return true;
  const { n, k } = SUM;
  if (!sumSlots(denominator, unit.vals, unit.scales, at)) return true;
  // n/10^k > d/10^dk ⇔ n·10^dk > d·10^k
  return crossSign(n, POW10[SUM.k]!, SUM.n, POW10[k]!) > 0;
}

/** A fixed value as the decimal the reference reads. */
function decimalOf(n: number, k: number): Dec {
  // Small whole numbers (most inputs are counts) are shared decimals: decimal.js values are immutable.
  return k === 0 ? decOf(n) : new Dec(`${n}e-${k}`);
}

function fieldValue(spec: FieldSpec, n: number, k: number, text: string | undefined): FieldValue {
  if (spec.type === "boolean") return n === 1;
  if (spec.type === "option") return spec.options![n]!;
  if (spec.type === "text") return text ?? "";
  return decimalOf(n, k);
}

/**
 * The unit as the reference reader would have normalised it (for detail on demand and for units
 * the fast path cannot certify): its entries rebuilt from the compact values.
 */
export function normalizedOf(plan: FastPlan, unit: CompactUnit): NormalizedUnit {
  if (unit.normalized) return unit.normalized;
  const specs = plan.catalog.catalog.profile ?? {};
  const profile: Record<string, FieldValue> = {};
  const pa = unit.profileAt;
  plan.profileKeys.forEach((key, i) => {
    if (unit.profileGiven[pa + i])
      profile[key] = fieldValue(own(specs, key) as FieldSpec, unit.profile[pa + i]!, unit.profileScales[pa + i]!, unit.texts?.get(-1 - i));
  });
  const self = new Map<string, Map<string, Entry>>();
  plan.periods.forEach((period, p) => {
    const entries = new Map<string, Entry>();
    for (const leaf of plan.leaves) {
      const s = unit.status[unit.statusAt + p * plan.leaves.length + leaf.index]!;
      if (s === Status.NotReported) continue;
      if (s === Status.NotApplicable) {
        entries.set(leaf.node.code, { na: true });
        continue;
      }
      const at = unit.at + p * plan.width + leaf.offset;
      const values: Record<string, FieldValue> = {};
      for (const f of leaf.asked)
        values[f.spec.name] = fieldValue(f.spec, unit.vals[at + f.slot]!, unit.scales[at + f.slot]!, unit.texts?.get(at + f.slot));
      entries.set(leaf.node.code, { na: false, values });
    }
    self.set(period, entries);
  });
  return {
    id: unit.id,
    name: unit.name,
    catalog: plan.catalog,
    parent: unit.parent,
    registered: unit.registered,
    profile,
    self,
    appraisal: undefined,
  };
}

/**
 * The compact form of a unit the reference reader normalised (a dataset with warnings, appraised
 * data, a roster…), for one assessment: `self` (the self-assessed data) or `final` (appraisal over self).
 * @returns The compact unit, or undefined when a value does not fit the safe integers (the unit is scored by the reference).
 */
export function compactOf(plan: FastPlan, unit: NormalizedUnit, which: "self" | "final"): CompactUnit | undefined {
  const c = emptyUnit(plan, storage(plan, 1), 0, unit.id, unit.name, unit.parent, unit.registered);
  const put = (spec: FieldSpec, v: FieldValue, at: number): boolean => {
    if (typeof v === "boolean") {
      c.vals[at] = v ? 1 : 0;
      return true;
    }
    if (typeof v === "string") {
      if (spec.type === "option") c.vals[at] = spec.options!.indexOf(v);
      else ((c as { texts: Map<number, string> | undefined }).texts ??= new Map()).set(at, v);
      return true;
    }
    const f = fixedOf(v.toFixed());
    if (!f) return false;
    c.vals[at] = f.n;
    c.scales[at] = f.k;
    return true;
  };
  for (const [p, period] of plan.periods.entries()) {
    const self = unit.self.get(period);
    const over = which === "final" ? unit.appraisal?.get(period) : undefined;
    const entries = over?.size ? new Map([...(self ?? []), ...over]) : (self ?? new Map<string, Entry>());
    for (const [code, entry] of entries) {
      const leaf = plan.leafByCode.get(code)!;
      const i = p * plan.leaves.length + leaf.index;
      if (entry.na) {
        c.status[i] = Status.NotApplicable;
        continue;
      }
      const { inputs, missing } = resolveInputs(leaf.node, entry.values, unit.profile, entries);
      c.status[i] = missing.length ? Status.InputsMissing : Status.Values;
      if (missing.length) continue;
      const at = p * plan.width + leaf.offset;
      for (const f of leaf.fields) if (!put(f.spec, inputs[f.spec.name]!, at + f.slot)) return undefined;
    }
  }
  return { ...c, normalized: unit };
}
