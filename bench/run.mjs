#!/usr/bin/env node
// Benchmark of score() at province and national scale (`npm run bench`, which builds dist first).
//
//   node bench/run.mjs                 every case, results table printed and written to bench/RESULTS.md
//   node bench/run.mjs --only=province only the province-scale cases (fast; printed, RESULTS.md kept
//                                      unless --write)
//   node bench/run.mjs --only=dong-nai  cases whose name ("province dong-nai-2023/huyen") contains the text
//   node bench/run.mjs --heap=12288    --max-old-space-size of the case processes (MB)
//   node bench/run.mjs --profile[=dir] also write a V8 CPU profile per case (node --cpu-prof), by default
//                                      to <os tmpdir>/dti-bench-profiles (open in Chrome DevTools → Performance)
//   node bench/run.mjs --no-write      print only
//
// Each case runs in its own child process so that its peak RSS (process.resourceUsage().maxRSS)
// is its own. The parent generates the datasets (generateDataset, seed 1) and writes them as
// JSON; the child reads one back (baseline memory = the dataset + the library), then times
//   - a plain loop: a hand-written JS evaluator over the same data with `number` arithmetic
//     (ratio, threshold, bands, … , annual mean/last, group clamps, totals, ranks; levels for
//     level catalogs), compiled once per catalog into closures: the "speed limit";
//   - score(catalog, dataset) as a user calls it (dataset object → validation → exact decimal
//     scoring with traces → formatted result),
// and checks that both give the same totals / levels.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const lib = await import(new URL("../dist/index.js", import.meta.url).href);

/** Cases: province scale (200 units) and national scale (10,000 units). */
const QUARTERS = ["Q1", "Q2", "Q3", "Q4"];
const CATALOGS = [
  { catalog: "dong-nai-2023/huyen", periods: QUARTERS, note: "quarterly indicators; annual ones due in Q4" },
  { catalog: "vinh-phuc-2022/xa", periods: ["Y"], note: "annual catalog (defaults.cadence: year): one period Y" },
  { catalog: "kon-tum-2025/xa", periods: ["Y"], note: "level catalog, annual: one period Y", levels: true },
];
/** score() options measured: the default (full detail, traces) and, for points catalogs, `detail: "totals"`. */
const DETAILS = ["full", "totals"];
const SCALES = [
  { scale: "province", units: 200, runs: 7, warmup: 1 },
  { scale: "national", units: 10_000, runs: 3, warmup: 0 },
];
const TARGETS = { province: 20, national: 2000, rssMB: 512, ratio: 10 };

// ---------------------------------------------------------------------------------------------
// Plain loop: the same scores with doubles.
// ---------------------------------------------------------------------------------------------

/** A catalog decimal literal as a double: 10, "0.5", "50%", "4/5". */
function lit(x) {
  if (typeof x === "number") return x;
  const s = x.trim();
  if (s.endsWith("%")) return Number(s.slice(0, -1)) / 100;
  const slash = s.indexOf("/");
  if (slash >= 0) return Number(s.slice(0, slash)) / Number(s.slice(slash + 1));
  return Number(s);
}

const isNA = (v) => typeof v === "string" && /^(n\/a|na|không áp dụng)$/i.test(v.trim());
const worth = (w, max) => (w.points !== undefined ? lit(w.points) : w.share !== undefined ? lit(w.share) * max : 0);
const isDue = (cadence, period, isLast) =>
  isLast ||
  ({
    Q1: ["quarter"],
    Q2: ["quarter", "half"],
    Q3: ["quarter"],
    Q4: ["quarter", "half", "year"],
    H1: ["quarter", "half"],
    H2: ["quarter", "half", "year"],
    Y: ["quarter", "half", "year"],
  }[period]?.includes(cadence) ??
    false);

/**
 * Compiles a catalog into plain closures. Field getters take (entry, periodData, profile);
 * values are JS numbers / booleans / strings as in the dataset; NaN marks a zero denominator.
 */
function compilePlain(compiled, periods) {
  const leaves = compiled.leaves;
  const askedOf = (node) => node.fields.filter((f) => !f.from);
  const getter = (node, name) => {
    const spec = node.fieldByName.get(name);
    if (spec?.from?.startsWith("profile.")) {
      const key = spec.from.slice(8);
      return (e, pd, profile) => profile?.[key] ?? undefined;
    }
    if (spec?.from) {
      const dot = spec.from.lastIndexOf(".");
      const code = spec.from.slice(0, dot);
      const field = spec.from.slice(dot + 1);
      const target = compiled.nodes.get(code);
      const single = target && askedOf(target).length === 1 && askedOf(target)[0].name === field;
      return (e, pd) => {
        const t = pd?.[code];
        if (t === undefined || t === null || isNA(t)) return undefined;
        return typeof t === "object" ? (t[field] ?? undefined) : single ? t : undefined;
      };
    }
    const single = askedOf(node).length === 1;
    const absent =
      spec?.absentAs === undefined ? undefined : typeof spec.absentAs === "object" ? Number(spec.absentAs.toString()) : spec.absentAs;
    if (single) return (e) => (typeof e === "object" ? (e[name] ?? absent) : e);
    return (e) => e[name] ?? absent;
  };
  const valueOf = (node, expr) => {
    if (typeof expr === "string") {
      const g = getter(node, expr);
      return (e, pd, pr) => g(e, pd, pr);
    }
    const num = expr.numerator.map((n) => getter(node, n));
    const den = expr.denominator.map((n) => getter(node, n));
    return (e, pd, pr) => {
      let a = 0;
      let b = 0;
      for (const g of num) a += g(e, pd, pr);
      for (const g of den) b += g(e, pd, pr);
      return b === 0 ? NaN : a / b;
    };
  };
  // A formula as (e, pd, pr, max) → raw points (NaN: zero denominator).
  const formulaOf = (node, f) => {
    switch (f.kind) {
      case "ratio": {
        const v = valueOf(node, f.value);
        const points = f.points !== undefined ? lit(f.points) : undefined;
        return (e, pd, pr, max) => v(e, pd, pr) * (points ?? max);
      }
      case "threshold": {
        const v = valueOf(node, f.value);
        const t = lit(f.threshold);
        const gt = f.at === "gt";
        const below = f.below;
        return (e, pd, pr, max) => {
          const x = v(e, pd, pr);
          if (x !== x) return NaN;
          if (gt ? x > t : x >= t) return max;
          return below === "proportional" ? (x / t) * max : below === "literal" ? x * max : 0;
        };
      }
      case "bands": {
        const v = valueOf(node, f.value);
        const bands = f.bands.map((b) => ({
          gte: b.gte !== undefined ? lit(b.gte) : -Infinity,
          gt: b.gt !== undefined ? lit(b.gt) : -Infinity,
          lte: b.lte !== undefined ? lit(b.lte) : Infinity,
          lt: b.lt !== undefined ? lit(b.lt) : Infinity,
          eq: b.eq !== undefined ? lit(b.eq) : undefined,
          w: b,
        }));
        return (e, pd, pr, max) => {
          const x = v(e, pd, pr);
          if (x !== x) return NaN;
          for (const b of bands) {
            if (x >= b.gte && x > b.gt && x <= b.lte && x < b.lt && (b.eq === undefined || x === b.eq)) return worth(b.w, max);
          }
          return 0;
        };
      }
      case "yesNo": {
        const g = getter(node, "value");
        const share = f.share !== undefined ? lit(f.share) : 1;
        return (e, pd, pr, max) => (g(e, pd, pr) === true ? share * max : 0);
      }
      case "choice": {
        const g = getter(node, "value");
        return (e, pd, pr, max) => worth(f.options[g(e, pd, pr)], max);
      }
      case "checklist": {
        const items = Object.entries(f.items).map(([name, item]) => ({ g: getter(node, name), item }));
        return (e, pd, pr, max) => {
          let s = 0;
          for (const { g, item } of items) if (g(e, pd, pr) === true) s += worth(item, max);
          return s;
        };
      }
      case "perItem": {
        const items = Object.entries(f.items).map(([name, item]) => ({ g: getter(node, name), points: lit(item.points) }));
        const cap = f.cap !== undefined ? lit(f.cap) : undefined;
        return (e, pd, pr, max) => {
          let s = 0;
          for (const { g, points } of items) s += (g(e, pd, pr) ?? 0) * points;
          return Math.min(s, cap ?? max);
        };
      }
      case "composite": {
        const parts = f.parts.map((p) => ({ max: lit(p.max), run: formulaOf(node, p.formula) }));
        const policyMax = node.zeroDenominator === "max";
        return (e, pd, pr) => {
          let s = 0;
          for (const p of parts) {
            let raw = p.run(e, pd, pr, p.max);
            if (raw !== raw) raw = policyMax ? p.max : 0;
            s += raw < 0 ? 0 : raw > p.max ? p.max : raw;
          }
          return s;
        };
      }
      default:
        throw new Error(`plain loop: no ${f.kind}`);
    }
  };
  const L = leaves.length;
  const P = periods.length;
  const plain = leaves.map((node, i) => {
    const f = node.formula;
    const getters = node.fields.map((fs) => getter(node, fs.name));
    return {
      i,
      code: node.code,
      max: Number(node.max.toString()),
      policyMax: node.zeroDenominator === "max",
      last: node.annualRule === "last",
      unscored: node.unscored,
      due: periods.map((p, pi) => isDue(node.cadence, p, pi === P - 1)),
      single: askedOf(node).length === 1,
      complete: (e, pd, pr) => {
        for (const g of getters) if (g(e, pd, pr) === undefined) return false;
        return true;
      },
      relative: f?.kind === "relative" ? { value: valueOf(node, f.value), minmax: f.mode === "minmax" } : undefined,
      levels: f?.kind === "levels" ? f : undefined,
      run: f && f.kind !== "relative" && f.kind !== "levels" ? formulaOf(node, f) : undefined,
      node,
    };
  });
  const nodeIndex = new Map(compiled.order.map((n, i) => [n.code, i]));
  const groups = [];
  for (let i = compiled.order.length - 1; i >= 0; i--) {
    const n = compiled.order[i];
    if (!n.children.length) continue;
    const counted = n.children.filter((c) => n.unscored || !compiled.nodes.get(c).unscored).map((c) => nodeIndex.get(c));
    groups.push({ i, counted, clamp: n.source.max !== undefined, max: Number(n.max.toString()) });
  }
  const leafNode = plain.map((l) => nodeIndex.get(l.code));
  const top = compiled.top.filter((n) => !n.unscored).map((n) => nodeIndex.get(n.code));
  const pillarMean = compiled.catalog.aggregate === "pillarMean";
  const N = compiled.order.length;

  /** Points catalogs: totals, period totals, ranks; all node scores in one Float64Array. */
  function scorePoints(units) {
    const U = units.length;
    const leafScores = new Float64Array(U * P * L);
    const measured = new Float64Array(U * P * L).fill(NaN);
    const pending = new Uint8Array(U * P * L);
    for (let u = 0; u < U; u++) {
      const unit = units[u];
      const pr = unit.profile;
      for (let p = 0; p < P; p++) {
        const pd = unit.data[periods[p]];
        const base = (u * P + p) * L;
        for (const leaf of plain) {
          if (!leaf.due[p]) continue;
          const e = pd?.[leaf.code];
          if (e === undefined || e === null) continue; // missing: 0
          if (isNA(e)) {
            leafScores[base + leaf.i] = leaf.max;
            continue;
          }
          if (!leaf.complete(e, pd, pr)) continue;
          if (leaf.relative) {
            measured[base + leaf.i] = leaf.relative.value(e, pd, pr);
            pending[base + leaf.i] = 1;
            continue;
          }
          let raw = leaf.run(e, pd, pr, leaf.max);
          if (raw !== raw) raw = leaf.policyMax ? leaf.max : 0;
          leafScores[base + leaf.i] = raw < 0 ? 0 : raw > leaf.max ? leaf.max : raw;
        }
      }
    }
    // Relative leaves: best / min over the units with a measured value, per period and leaf.
    for (const leaf of plain) {
      if (!leaf.relative) continue;
      for (let p = 0; p < P; p++) {
        let best = -Infinity;
        let min = Infinity;
        let count = 0;
        for (let u = 0; u < U; u++) {
          const k = (u * P + p) * L + leaf.i;
          const v = measured[k];
          if (!pending[k] || v !== v) continue;
          if (v > best) best = v;
          if (v < min) min = v;
          count++;
        }
        for (let u = 0; u < U; u++) {
          const k = (u * P + p) * L + leaf.i;
          if (!pending[k]) continue;
          const v = measured[k];
          let raw;
          if (v !== v) raw = leaf.policyMax ? leaf.max : 0;
          else {
            const b = count ? best : v;
            const m = count ? min : v;
            if (b <= 0) raw = 0;
            else if (leaf.relative.minmax && b > m) raw = ((v - m) / (b - m)) * leaf.max;
            else raw = (v / b) * leaf.max;
          }
          leafScores[k] = raw < 0 ? 0 : raw > leaf.max ? leaf.max : raw;
        }
      }
    }
    // Year, groups, totals.
    const annual = new Float64Array(U * N);
    const totals = new Float64Array(U);
    const periodTotals = new Float64Array(U * P);
    for (let u = 0; u < U; u++) {
      const a = u * N;
      for (const leaf of plain) {
        let s = 0;
        let n = 0;
        let lastScore = 0;
        for (let p = 0; p < P; p++) {
          if (!leaf.due[p]) continue;
          const x = leafScores[(u * P + p) * L + leaf.i];
          s += x;
          n++;
          lastScore = x;
          if (!leaf.unscored) periodTotals[u * P + p] += x;
        }
        annual[a + leafNode[leaf.i]] = leaf.last ? lastScore : n ? s / n : 0;
      }
      for (const g of groups) {
        let s = 0;
        for (const c of g.counted) s += annual[a + c];
        annual[a + g.i] = g.clamp ? (s < 0 ? 0 : s > g.max ? g.max : s) : s;
      }
      let t = 0;
      for (const i of top) t += annual[a + i];
      totals[u] = pillarMean ? (top.length ? t / top.length : 0) : t;
    }
    const ranks = competitionRanks(Array.from(totals, (t) => Math.round(t * 1e6) / 1e6));
    return { totals, ranks, annual, periodTotals };
  }

  /** Level catalogs: each criterion's level at the last period, the unit's level and rank. */
  function scoreLevels(units) {
    const U = units.length;
    const lastPeriod = periods[P - 1];
    const levels = new Int8Array(U);
    const criteria = new Int8Array(U * L);
    const reqs = plain.map((leaf) => {
      const f = leaf.levels;
      if (!f) return [];
      return [1, 2, 3, 4, 5].flatMap((level) => {
        const r = f.requirements[level];
        if (!r) return [];
        const alternatives = (r.anyOf ?? (r.min !== undefined && f.value !== undefined ? [{ value: f.value, min: r.min }] : [])).map(
          (a) => ({ v: valueOf(leaf.node, a.value), min: lit(a.min) }),
        );
        const children = r.children?.map((c) => ({
          at: c.atLeastLevel,
          share: c.share !== undefined ? lit(c.share) : undefined,
          count: c.count,
          mean: c.meanLevel !== undefined ? lit(c.meanLevel) : undefined,
        }));
        return [{ level, present: r.present ? getter(leaf.node, "value") : undefined, children, alternatives }];
      });
    });
    const missingLevel = reqs.map((rs) => Math.min(5, ...rs.map((r) => r.level - 1)));
    const counted = plain.filter((l) => !l.unscored);
    for (let u = 0; u < U; u++) {
      const unit = units[u];
      const pd = unit.data[lastPeriod];
      const pr = unit.profile;
      const childLevels = [];
      for (const leaf of plain) {
        const e = pd?.[leaf.code];
        let met;
        if (e !== undefined && e !== null && isNA(e)) met = 5;
        else if (((e === undefined || e === null) && leaf.node.fields.length > 0) || !leaf.complete(e ?? {}, pd, pr))
          met = missingLevel[leaf.i];
        else {
          met = 5;
          for (const r of reqs[leaf.i]) {
            let ok = false;
            if (r.present) ok = r.present(e, pd, pr) === true;
            else if (r.children) {
              const n = childLevels.length;
              ok = r.children.every((c) => {
                if (c.mean !== undefined) return n > 0 && childLevels.reduce((a, b) => a + b, 0) / n >= c.mean;
                const atOrAbove = childLevels.filter((l) => l >= c.at).length;
                return c.count !== undefined ? atOrAbove >= c.count : n > 0 && atOrAbove / n >= c.share;
              });
            } else {
              for (const a of r.alternatives) {
                const x = a.v(e, pd, pr);
                if (x !== x ? leaf.policyMax : x >= a.min) {
                  ok = true;
                  break;
                }
              }
            }
            if (!ok && r.level - 1 < met) met = r.level - 1;
          }
        }
        criteria[u * L + leaf.i] = met;
      }
      let level = 5;
      for (const leaf of counted) if (criteria[u * L + leaf.i] < level) level = criteria[u * L + leaf.i];
      levels[u] = level;
    }
    const ranks = competitionRanks(Array.from(levels));
    return { levels, ranks, criteria };
  }

  return compiled.catalog.scoring === "levels" ? scoreLevels : scorePoints;
}

function competitionRanks(keys) {
  const order = keys.map((k, i) => i).sort((a, b) => keys[b] - keys[a]);
  const ranks = new Array(keys.length);
  order.forEach((i, pos) => {
    const prev = order[pos - 1];
    ranks[i] = prev !== undefined && keys[prev] === keys[i] ? ranks[prev] : pos + 1;
  });
  return ranks;
}

// ---------------------------------------------------------------------------------------------
// Child: one case.
// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;
const gc = () => globalThis.gc?.();

function child(spec) {
  const catalog = lib.getCatalog(spec.catalog);
  const compiled = lib.compileCatalog(catalog);
  lib.score(catalog, lib.generateDataset(catalog, { units: 3, periods: spec.periods, seed: 99 })); // load every code path once
  let text = readFileSync(spec.file, "utf8");
  const dataset = JSON.parse(text);
  // Drop the text so that the baseline RSS holds the dataset only.
  // eslint-disable-next-line no-useless-assignment
  text = undefined;
  gc();
  const rssBase = maxRssMB();
  const heapBase = process.memoryUsage().heapUsed / 1048576;

  // Plain loop.
  const plain = compilePlain(compiled, dataset.periods);
  let plainResult;
  const plainTimes = [];
  // More runs than score(): a few milliseconds are at the mercy of the JIT and of other processes.
  const plainRuns = spec.scale === "province" ? 21 : 7;
  for (let i = 0; i < 3 + plainRuns; i++) {
    const t = performance.now();
    plainResult = plain(dataset.units);
    if (i >= 3) plainTimes.push(performance.now() - t);
  }
  gc();
  const rssPlain = maxRssMB();

  // Validation alone (part of every score() call on a dataset object).
  const loadTimes = [];
  for (let i = 0; i < (spec.scale === "province" ? 5 : 1); i++) {
    const t = performance.now();
    lib.loadDataset(dataset);
    loadTimes.push(performance.now() - t);
  }
  gc();

  // score().
  const options = spec.detail === "full" ? {} : { detail: spec.detail };
  const times = [];
  const cpuTimes = [];
  let result;
  for (let i = 0; i < spec.warmup + spec.runs; i++) {
    result = undefined;
    gc();
    const t = performance.now();
    const c = process.cpuUsage();
    result = lib.score(catalog, dataset, options);
    const cpu = process.cpuUsage(c);
    if (i >= spec.warmup) {
      times.push(performance.now() - t);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  const rssPeak = maxRssMB();
  const heapWithResult = process.memoryUsage().heapUsed / 1048576;

  // Same scores?
  let agree;
  if (catalog.scoring === "levels") {
    const byId = new Map(result.units.map((u) => [u.id, u.level]));
    const differ = dataset.units.filter((u, i) => byId.get(u.id) !== plainResult.levels[i]).length;
    agree = { differ, note: differ ? `${differ} unit levels differ` : "every unit level equal" };
  } else {
    const byId = new Map(result.units.map((u) => [u.id, u]));
    let maxDiff = 0;
    let differ = 0;
    let rankDiffer = 0;
    dataset.units.forEach((u, i) => {
      const r = byId.get(u.id);
      const d = Math.abs(Number(r.total) - plainResult.totals[i]);
      maxDiff = Math.max(maxDiff, d);
      if (d > 1e-6) differ++;
      if (r.rank !== plainResult.ranks[i]) rankDiffer++;
    });
    // Totals are printed to 6 places: |Δ| ≤ 5e-7 is rounding. Larger differences come from doubles at exact
    // band / threshold edges (0.11 / 2.2 is 0.05 exactly, 0.049999999999999996 in binary floating point).
    agree = {
      differ,
      note: differ
        ? `${differ} unit total${differ > 1 ? "s differ" : " differs"} (by up to ${maxDiff.toPrecision(2)}: doubles at exact band edges), ${rankDiffer} ranks differ`
        : `all totals equal (max Δ ${maxDiff.toExponential(1)})`,
    };
  }
  const levelSpread =
    catalog.scoring === "levels"
      ? Object.fromEntries([0, 1, 2, 3, 4, 5].map((l) => [l, result.units.filter((u) => u.level === l).length]))
      : undefined;
  return {
    ...spec,
    leafPeriods:
      dataset.units.length *
      dataset.periods.reduce(
        (s, p, i) => s + compiled.leaves.filter((n) => isDue(n.cadence, p, i === dataset.periods.length - 1)).length,
        0,
      ),
    times,
    scoreMs: median(times),
    cpuMs: median(cpuTimes),
    loadMs: median(loadTimes),
    plainTimes,
    plainMs: median(plainTimes),
    rssBase,
    rssPlain,
    rssPeak,
    heapBase,
    heapWithResult,
    agree,
    levelSpread,
  };
}

// ---------------------------------------------------------------------------------------------
// Parent.
// ---------------------------------------------------------------------------------------------

const fmtMs = (ms) =>
  ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : ms >= 100
        ? `${ms.toFixed(0)} ms`
        : `${ms.toFixed(1)} ms`;
const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const mark = (ok) => (ok ? "✅" : "❌");

function parent() {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith("--only="))?.slice(7);
  const profileArg = args.find((a) => a === "--profile" || a.startsWith("--profile="));
  const profile = profileArg !== undefined;
  // A partial run (--only) does not overwrite the full table unless --write is given.
  const write = args.includes("--write") || (!only && !args.includes("--no-write"));
  const heapMB = Number(args.find((a) => a.startsWith("--heap="))?.slice(7) ?? 12288);
  const tmp = path.join(os.tmpdir(), `dti-bench-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  // Profiles are large: outside the repository unless a directory is given.
  const profDir = profileArg?.includes("=")
    ? path.resolve(profileArg.slice("--profile=".length))
    : path.join(os.tmpdir(), "dti-bench-profiles");
  if (profile) mkdirSync(profDir, { recursive: true });

  const cases = SCALES.flatMap((s) =>
    CATALOGS.flatMap((c) =>
      DETAILS.filter((d) => d === "full" || !c.levels).map((detail) => ({
        ...c,
        ...s,
        detail,
        name: `${s.scale} ${c.catalog}${detail === "full" ? "" : ` detail=${detail}`}`,
      })),
    ),
  ).filter((c) => !only || c.name.includes(only));
  const started = new Date();
  const load0 = os.loadavg();
  const rows = [];
  for (const c of cases) {
    const catalog = lib.getCatalog(c.catalog);
    const t = performance.now();
    const ds = lib.generateDataset(catalog, { units: c.units, periods: c.periods, seed: 1 });
    const genMs = performance.now() - t;
    const file = path.join(tmp, `${c.name.replace(/[^a-z0-9]+/gi, "-")}.json`);
    writeFileSync(file, JSON.stringify(ds));
    process.stderr.write(`${c.name}: ${c.units} units × [${c.periods.join(", ")}] generated in ${fmtMs(genMs)}; scoring …\n`);
    const flags = ["--expose-gc", `--max-old-space-size=${heapMB}`];
    if (profile) flags.push("--cpu-prof", `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${c.name.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`);
    const spec = {
      catalog: c.catalog,
      periods: c.periods,
      units: c.units,
      scale: c.scale,
      runs: c.runs,
      warmup: c.warmup,
      detail: c.detail,
      file,
      note: c.note,
    };
    const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), "--child", JSON.stringify(spec)], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    rmSync(file, { force: true });
    if (r.status !== 0) {
      const why = (r.stderr || "").includes("heap out of memory")
        ? `out of memory (heap limit ${heapMB} MB)`
        : `exit ${r.status ?? r.signal}`;
      process.stderr.write(`  failed: ${why}\n${(r.stderr || "").split("\n").slice(-15).join("\n")}\n`);
      rows.push({ ...c, failed: why });
      continue;
    }
    const res = JSON.parse(r.stdout.trim().split("\n").pop());
    res.genMs = genMs;
    process.stderr.write(
      `  score() ${fmtMs(res.scoreMs)} (runs ${res.times.map(fmtMs).join(", ")}), plain ${fmtMs(res.plainMs)}, peak RSS ${fmtInt(res.rssPeak)} MB; ${res.agree.note}\n`,
    );
    rows.push(res);
  }
  if (profile) process.stderr.write(`CPU profiles in ${profDir}\n`);
  rmSync(tmp, { recursive: true, force: true });

  const header =
    "| case | catalog | score() options | units × periods | leaf evaluations | score() median | units/s | plain loop median | engine/plain | peak RSS (dataset only) | same scores | targets (time · RSS · ratio) |";
  const sep = "|---|---|---|---|---:|---:|---:|---:|---:|---:|---|---|";
  const lines = rows.map((r) => {
    const opts = r.detail === "full" ? "default" : `detail: "${r.detail}"`;
    if (r.failed)
      return `| ${r.scale} | \`${r.catalog}\` | ${opts} | ${fmtInt(r.units)} × ${r.periods.join(",")} | | **${r.failed}** | | | | | | ❌ |`;
    const limit = r.scale === "province" ? TARGETS.province : TARGETS.national;
    const ratio = r.scoreMs / r.plainMs;
    return `| ${r.scale} | \`${r.catalog}\` | ${opts} | ${fmtInt(r.units)} × ${r.periods.join(",")} | ${fmtInt(r.leafPeriods)} | ${fmtMs(r.scoreMs)} | ${fmtInt(r.units / (r.scoreMs / 1000))} | ${fmtMs(r.plainMs)} | ${fmtInt(ratio)}× | ${fmtInt(r.rssPeak)} MB (${fmtInt(r.rssBase)} MB) | ${r.agree.differ ? "⚠️ " : ""}${r.agree.note} | ${mark(r.scoreMs <= limit)} ≤ ${fmtMs(limit)} · ${mark(r.rssPeak <= TARGETS.rssMB)} · ${mark(ratio <= TARGETS.ratio)} |`;
  });
  const detail = rows
    .filter((r) => !r.failed)
    .map(
      (r) =>
        `| ${r.scale} | \`${r.catalog}\` | ${r.detail === "full" ? "default" : `detail: "${r.detail}"`} | ${r.times.map(fmtMs).join(", ")} | ${fmtMs(r.cpuMs)} | ${fmtMs(r.loadMs)} | ${r.plainTimes.length} runs, ${fmtMs(Math.min(...r.plainTimes))} – ${fmtMs(Math.max(...r.plainTimes))} | ${fmtMs(r.genMs)} | ${fmtInt(r.rssPlain)} MB | ${fmtInt(r.heapBase)} → ${fmtInt(r.heapWithResult)} MB | ${
          r.levelSpread
            ? Object.entries(r.levelSpread)
                .map(([l, n]) => `${l}: ${n}`)
                .join(", ")
            : ""
        } |`,
    );
  const cpu = os.cpus();
  const table = [
    `Run ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu[0]?.model ?? "?"}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()} (${os.arch()}); load average at start ${load0.map((x) => x.toFixed(2)).join(" / ")}, at end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" / ")}.`,
    "",
    `Targets: province (200 units) ≤ ${TARGETS.province} ms, national (10,000 units) ≤ ${TARGETS.national / 1000} s, peak RSS ≤ ${TARGETS.rssMB} MB, score() ≤ ${TARGETS.ratio}× the plain loop.`,
    "",
    header,
    sep,
    ...lines,
    "",
    "Per run (ms) and memory:",
    "",
    "| case | catalog | score() options | score() runs | score() CPU time (median, all threads) | of which validation (`loadDataset`) | plain loop runs (after 3 warm-up runs): min – max | generateDataset | RSS after plain loop | heap used: dataset → after last score() | levels (units per level) |",
    "|---|---|---|---|---:|---:|---|---:|---:|---:|---|",
    ...detail,
  ].join("\n");
  console.log(`\n${table}\n`);

  if (write) {
    const file = path.join(here, "RESULTS.md");
    const start = "<!-- bench:start (written by bench/run.mjs) -->";
    const end = "<!-- bench:end -->";
    const block = `${start}\n${table}\n${end}`;
    let doc = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmark results\n\n${block}\n`;
    if (doc.includes(start) && doc.includes(end)) doc = doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length);
    else doc += `\n${block}\n`;
    writeFileSync(file, doc);
    process.stderr.write(`written to ${path.relative(process.cwd(), file)}\n`);
  }
}

export { compilePlain };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--child") {
    const out = child(JSON.parse(process.argv[3]));
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    parent();
  }
}
