#!/usr/bin/env node
// Benchmark of issue 11's targets (`npm run bench`, which builds dist first).
//
//   node bench/run.mjs                  every case; results printed and written to bench/RESULTS.md
//   node bench/run.mjs --only=province  cases whose name contains the text ("province dong-nai-2023/huyen
//                                       detail=totals", "national …", "stream … scoreLines", "stream … dti
//                                       score", "cli report …", "cli gaps …", "incremental …", "browser …");
//                                       printed, RESULTS.md
//                                       kept unless --write
//   node bench/run.mjs --heap=12288     --max-old-space-size of the case processes (MB)
//   node bench/run.mjs --profile[=dir]  also write a V8 CPU profile per scoring case (node --cpu-prof), by
//                                       default to <os tmpdir>/dti-bench-profiles
//   node bench/run.mjs --no-write       print only
//   node bench/run.mjs --stream-units=N units of the streamed case (default 100,000; to try the bench out)
//
// The parent generates the datasets (generateDataset, seed 1; the 100,000-unit JSON Lines file chunk
// by chunk, so that no process holds it whole) and runs each case in its own child process, so that
// the peak RSS (process.resourceUsage().maxRSS, or /usr/bin/time for the CLI) is the case's own.
//
// A scoring case reads the dataset text, parses it, and first scores it (warm-up) to measure the peak
// RSS with the dataset and score() only; then, in the same process and interleaved run by run (so that
// the machine's load falls on all three alike), it times
//   - JSON.parse of the same text: the yardstick of the ratio targets ("score ≤ 3× JSON.parse");
//   - score(catalog, dataset, options) on the dataset object, as a user calls it (validation, the
//     compiled fast path, ranks);
//   - a plain loop: a hand-written evaluator with `number` arithmetic (compilePlain below), the speed
//     limit of the "≤ 2× the plain loop" target;
// and reports the medians and their ratios, all from this one run. It then scores with
// `engine: "reference"` (decimal.js) and compares the STRINGS per unit id: total, rank and period
// totals (levels: level and rank). The plain loop's agreement is information only (doubles).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const lib = await import(new URL("../dist/index.js", import.meta.url).href);
const CLI = path.join(root, "dist", "cli.js");
const CHROMIUM = "/usr/bin/chromium";
const TIME = "/usr/bin/time";

const QUARTERS = ["Q1", "Q2", "Q3", "Q4"];
const DONG_NAI = { catalog: "dong-nai-2023/huyen", periods: QUARTERS };
const VINH_PHUC = { catalog: "vinh-phuc-2022/xa", periods: ["Y"] };
const KON_TUM = { catalog: "kon-tum-2025/xa", periods: ["Y"] };

/** Issue 11's targets. */
const T = {
  parseRatio: 3, // validate + score + rank ≤ 3× JSON.parse of the dataset text (totals; a level catalog's default)
  plainRatio: 2, // … ≤ 2× the plain loop
  provinceMs: 20, // … ≤ 20 ms at province scale (200 units)
  fullParseRatio: 10, // the default (full) detail ≤ 10× JSON.parse
  nationalRssMB: 512, // 10,000 × 4 Đồng Nai districts, totals
  streamRssMB: 1536, // 100,000 × 4, streamed
  reportMs: 3000, // `dti report` on 100 communes
  gapsMs: 300, // `dti gaps` for one unit
  editMs: 2, // incremental re-score of one edited unit among 200
  browserMs: 30, // score() of 200 units in Chromium
};

/** Scoring cases: the dataset object through score(), against JSON.parse, the plain loop and the reference. */
const SCORE_CASES = [
  { ...DONG_NAI, scale: "province", units: 200, detail: "totals", targets: "fast" },
  { ...DONG_NAI, scale: "province", units: 200, detail: "full", targets: "full" },
  { ...VINH_PHUC, scale: "province", units: 200, detail: "totals", targets: "fast" },
  { ...VINH_PHUC, scale: "province", units: 200, detail: "full", targets: "full" },
  // A level catalog's default result is already its totals (levels, criteria, blockers): both target sets.
  { ...KON_TUM, scale: "province", units: 200, detail: "default", targets: "fast" },
  { ...DONG_NAI, scale: "national", units: 10_000, detail: "totals", targets: "national" },
].map((c) => ({
  ...c,
  kind: "score",
  runs: c.scale === "province" ? 31 : 5,
  warmup: c.scale === "province" ? 3 : 1,
  name: `${c.scale} ${c.catalog}${c.detail === "default" ? "" : ` detail=${c.detail}`}`,
}));
const OTHER_CASES = [
  { ...DONG_NAI, kind: "stream", units: 100_000, name: `stream ${DONG_NAI.catalog} scoreLines` },
  { ...DONG_NAI, kind: "streamCli", units: 100_000, name: `stream ${DONG_NAI.catalog} dti score` },
  { ...VINH_PHUC, kind: "cli", command: "report", units: 100, runs: 5, name: `cli report ${VINH_PHUC.catalog}` },
  { ...VINH_PHUC, kind: "cli", command: "gaps", units: 100, runs: 5, name: `cli gaps ${VINH_PHUC.catalog}` },
  // Issue 13: the report of a catalog with readings carries a rank-robustness section; the analysis alone.
  { ...DONG_NAI, kind: "cli", command: "report", units: 100, runs: 3, name: `cli report ${DONG_NAI.catalog}` },
  { ...DONG_NAI, kind: "cli", command: "robustness", units: 100, runs: 3, name: `cli robustness ${DONG_NAI.catalog}` },
  { ...VINH_PHUC, kind: "cli", command: "robustness", units: 100, runs: 3, name: `cli robustness ${VINH_PHUC.catalog}` },
  { ...DONG_NAI, kind: "incremental", units: 200, runs: 21, name: `incremental ${DONG_NAI.catalog}` },
  { ...VINH_PHUC, kind: "browser", units: 200, runs: 15, name: `browser ${VINH_PHUC.catalog}` },
];

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
// Shared helpers.
// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;
const gc = () => globalThis.gc?.();

/** The lines of a text file, read 1 MiB at a time (the 100,000-unit file is never held whole). */
function* fileLines(file) {
  const fd = openSync(file, "r");
  try {
    const buffer = new Uint8Array(1 << 20);
    const decoder = new TextDecoder("utf-8");
    let rest = "";
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      const lines = (rest + decoder.decode(buffer.subarray(0, n), { stream: n > 0 })).split("\n");
      rest = n > 0 ? lines.pop() : "";
      yield* lines;
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}

/** What the bench compares between engines, per unit id, as strings: total, rank, period totals (levels: level, rank). */
function signatures(result) {
  return new Map(
    result.units.map((u) => [
      u.id,
      u.scoring === "levels"
        ? `level ${u.level} rank ${u.rank}`
        : `${u.total} rank ${u.rank} ${result.periods.map((p) => `${p}=${u.periods[p]?.total}`).join(" ")}`,
    ]),
  );
}

/** Units whose strings differ between two results (a unit missing from one counts). */
function compareResults(fast, reference) {
  const a = signatures(fast);
  const b = signatures(reference);
  let differ = 0;
  let example;
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(id) === b.get(id)) continue;
    differ++;
    example ??= `${id}: ${a.get(id)} ≠ ${b.get(id)}`;
  }
  return { units: b.size, differ, example };
}

/** A digest of the ranking (id, total, rank in rank order), to compare runs too large to hold twice. */
function rankingDigest(units) {
  const h = createHash("sha256");
  for (const u of units) h.update(`${u.id}\t${u.total ?? u.level}\t${u.rank}\n`);
  return h.digest("hex").slice(0, 16);
}

// ---------------------------------------------------------------------------------------------
// Children: one case each.
// ---------------------------------------------------------------------------------------------

/** A scoring case: JSON.parse, score() and the plain loop interleaved; then the reference. */
function scoreCase(spec) {
  const catalog = lib.getCatalog(spec.catalog);
  const compiled = lib.compileCatalog(catalog);
  // As users call it: the default (full detail) is no option at all.
  const options = spec.detail === "totals" ? { detail: "totals" } : {};
  lib.score(catalog, lib.generateDataset(catalog, { units: 3, periods: spec.periods, seed: 99 }), options); // load every code path once
  let text = readFileSync(spec.file, "utf8");
  const textMB = Buffer.byteLength(text) / 1048576;
  const dataset = JSON.parse(text);
  // Without the text, the first runs' peak RSS is the dataset's and score()'s only.
  // eslint-disable-next-line no-useless-assignment
  text = undefined;
  gc();
  const rssBase = maxRssMB();
  let result;
  for (let i = 0; i < spec.warmup; i++) result = lib.score(catalog, dataset, options);
  const rssPeak = maxRssMB();

  // Interleaved: the load of the machine falls on JSON.parse, score() and the plain loop alike.
  text = readFileSync(spec.file, "utf8");
  const plain = compilePlain(compiled, dataset.periods);
  let plainResult;
  for (let i = 0; i < 3; i++) plainResult = plain(dataset.units);
  const parseTimes = [];
  const scoreTimes = [];
  const cpuTimes = [];
  const plainTimes = [];
  // National scale: a full collection before each timed run, so that one run's garbage (a parsed
  // 60 MB text is ~250 MB of objects) is not charged to the next. Province scale: none, as in a
  // portal that re-scores: with a forced full collection before each run the score() medians were
  // 1.3–3× higher in trials on this machine (presumably the young generation shrunk each time).
  const settle = spec.scale === "national" ? gc : () => {};
  for (let i = 0; i < spec.runs; i++) {
    settle();
    let t = performance.now();
    JSON.parse(text);
    parseTimes.push(performance.now() - t);
    // The previous result is garbage before the next run, as in a portal that re-scores.
    // eslint-disable-next-line no-useless-assignment
    result = undefined;
    settle();
    t = performance.now();
    const c = process.cpuUsage();
    result = lib.score(catalog, dataset, options);
    const cpu = process.cpuUsage(c);
    scoreTimes.push(performance.now() - t);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    settle();
    t = performance.now();
    plainResult = plain(dataset.units);
    plainTimes.push(performance.now() - t);
  }
  // eslint-disable-next-line no-useless-assignment
  text = undefined;
  gc();

  // The reference (decimal.js), compared as strings.
  let t = performance.now();
  const reference = lib.score(catalog, dataset, { ...options, engine: "reference" });
  const referenceMs = performance.now() - t;
  const identity = compareResults(result, reference);

  // The plain loop's agreement (doubles): information only.
  let agree;
  if (catalog.scoring === "levels") {
    const byId = new Map(result.units.map((u) => [u.id, u.level]));
    const differ = dataset.units.filter((u, i) => byId.get(u.id) !== plainResult.levels[i]).length;
    agree = differ ? `${differ} unit levels differ` : "every unit level equal";
  } else {
    const byId = new Map(result.units.map((u) => [u.id, u]));
    let maxDiff = 0;
    let differ = 0;
    dataset.units.forEach((u, i) => {
      const d = Math.abs(Number(byId.get(u.id).total) - plainResult.totals[i]);
      maxDiff = Math.max(maxDiff, d);
      if (d > 1e-6) differ++;
    });
    // Totals are printed to 6 places: |Δ| ≤ 5e-7 is rounding; more is a double at an exact band edge.
    agree = differ
      ? `${differ} total${differ > 1 ? "s differ" : " differs"} by up to ${maxDiff.toPrecision(2)} (doubles at exact edges)`
      : `all totals within ${maxDiff.toExponential(1)}`;
  }
  return {
    ...spec,
    textMB,
    leafPeriods:
      dataset.units.length *
      dataset.periods.reduce(
        (s, p, i) => s + compiled.leaves.filter((n) => isDue(n.cadence, p, i === dataset.periods.length - 1)).length,
        0,
      ),
    parseTimes,
    scoreTimes,
    plainTimes,
    parseMs: median(parseTimes),
    scoreMs: median(scoreTimes),
    cpuMs: median(cpuTimes),
    plainMs: median(plainTimes),
    referenceMs,
    rssBase,
    rssPeak,
    identity,
    agree,
  };
}

/** The streamed case: scoreLines over the JSON Lines file; then JSON.parse of every line and the reading alone. */
function streamCase(spec) {
  const catalog = lib.getCatalog(spec.catalog);
  gc();
  const rssBase = maxRssMB();
  let t = performance.now();
  let result = lib.scoreLines(catalog, fileLines(spec.file), { detail: "totals", file: spec.file });
  const scoreMs = performance.now() - t;
  const rssPeak = maxRssMB();
  const units = result.units.length;
  const digest = rankingDigest(result.units);
  const first = `${result.units[0]?.id} ${result.units[0]?.total}`;
  // eslint-disable-next-line no-useless-assignment
  result = undefined;
  gc();
  t = performance.now();
  for (const line of fileLines(spec.file)) if (line) JSON.parse(line);
  const parseMs = performance.now() - t;
  t = performance.now();
  let lines = 0;
  for (const line of fileLines(spec.file)) if (line) lines++;
  const readMs = performance.now() - t;
  return { ...spec, scoreMs, parseMs, readMs, lines, rssBase, rssPeak, units, digest, first };
}

/** Incremental re-scoring: openScoring, then setValue on one unit among 200, timed per edit. */
function incrementalCase(spec) {
  const catalog = lib.getCatalog(spec.catalog);
  const dataset = JSON.parse(readFileSync(spec.file, "utf8"));
  const period = spec.periods[spec.periods.length - 1];
  const entry = (u, code) => u.data[period]?.[code];
  let t = performance.now();
  const session = lib.openScoring(catalog, dataset, { detail: "totals" });
  const openMs = performance.now() - t;

  // A plain field: Đồng Nai huyện 7.1 (threshold on a/b), `a` between b − 1 and b.
  const plainUnit = dataset.units.find((u) => {
    const e = entry(u, "7.1");
    return typeof e === "object" && e !== null && Number.isInteger(e.b) && e.b >= 2;
  });
  const b = entry(plainUnit, "7.1").b;
  // A relative indicator: Đồng Nai huyện 5.1 (value / best of the units), `a` of a unit strictly between the
  // min and the best, moved by one so that the peers (best, min) stay; then moved past the best (new peers).
  const valueOf = (e) => (typeof e === "object" && e !== null ? e.a : e);
  const values = dataset.units.map((u) => valueOf(entry(u, "5.1"))).filter((v) => Number.isInteger(v));
  const best = Math.max(...values);
  const min = Math.min(...values);
  const relUnit = dataset.units.find((u) => {
    const v = valueOf(entry(u, "5.1"));
    return Number.isInteger(v) && v > min && v + 1 < best;
  });
  const v0 = valueOf(entry(relUnit, "5.1"));
  const edits = [
    { what: "plain field (7.1 a)", unit: plainUnit.id, code: "7.1", field: "a", values: [b, b - 1] },
    { what: "relative, same peers (5.1 a)", unit: relUnit.id, code: "5.1", field: "a", values: [v0, v0 + 1] },
    { what: "relative, new best (5.1 a)", unit: relUnit.id, code: "5.1", field: "a", values: [best + 1, best + 2] },
  ];
  const warmup = 3;
  // The reference on a copy edited alike: after each series, the session's result against it, as strings.
  const edited = structuredClone(dataset);
  const series = edits.map((e) => {
    const times = [];
    for (let i = 0; i < warmup + spec.runs; i++) {
      const value = e.values[i % 2];
      t = performance.now();
      session.setValue({ unit: e.unit, period, code: e.code, field: e.field, value });
      if (i >= warmup) times.push(performance.now() - t);
    }
    const data = edited.units.find((u) => u.id === e.unit).data[period];
    const old = data[e.code];
    const last = e.values[(warmup + spec.runs - 1) % 2];
    data[e.code] = typeof old === "object" && old !== null ? { ...old, [e.field]: last } : { [e.field]: last };
    const reference = lib.score(catalog, edited, { detail: "totals", engine: "reference" });
    return { what: e.what, unit: e.unit, values: e.values, times, ms: median(times), identity: compareResults(session.result, reference) };
  });
  return { ...spec, openMs, series };
}

/** score() of the units in headless Chromium (Debian's chromium through playwright-core), timed in the page. */
async function browserCase(spec) {
  const { chromium } = await import("playwright-core");
  const files = {
    "/": {
      type: "text/html; charset=utf-8",
      body: "<!doctype html><html><head><meta charset=utf-8><title>bench</title></head><body></body></html>",
    },
    "/browser.js": { type: "text/javascript; charset=utf-8", body: readFileSync(path.join(root, "dist", "browser.js"), "utf8") },
    "/data.json": { type: "application/json; charset=utf-8", body: readFileSync(spec.file, "utf8") },
  };
  const server = createServer((req, res) => {
    const f = files[new URL(req.url ?? "/", "http://x").pathname];
    if (!f) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": f.type, "cache-control": "no-store" }).end(f.body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = path.join(os.tmpdir(), `dti-bench-chromium-${process.pid}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/`);
    // A string, so that the page runs exactly this code.
    const out = await page.evaluate(`(async () => {
      const dti = await import("/browser.js");
      const text = await (await fetch("/data.json")).text();
      const catalog = dti.getCatalog(${JSON.stringify(spec.catalog)});
      const dataset = JSON.parse(text);
      const parse = [], full = [], totals = [];
      for (let i = 0; i < 3; i++) { dti.score(catalog, dataset); dti.score(catalog, dataset, { detail: "totals" }); }
      for (let i = 0; i < ${spec.runs}; i++) {
        let t = performance.now(); JSON.parse(text); parse.push(performance.now() - t);
        t = performance.now(); dti.score(catalog, dataset); full.push(performance.now() - t);
        t = performance.now(); dti.score(catalog, dataset, { detail: "totals" }); totals.push(performance.now() - t);
      }
      const r = dti.score(catalog, dataset);
      return { parse, full, totals, ua: navigator.userAgent,
        result: { periods: r.periods, units: r.units.map((u) => ({ id: u.id, scoring: u.scoring, total: u.total, rank: u.rank, level: u.level,
          periods: Object.fromEntries(r.periods.map((p) => [p, { total: u.periods?.[p]?.total }])) })) } };
    })()`);
    const catalog = lib.getCatalog(spec.catalog);
    const reference = lib.score(catalog, JSON.parse(files["/data.json"].body), { engine: "reference" });
    const identity = compareResults(out.result, reference);
    return {
      ...spec,
      parseTimes: out.parse,
      fullTimes: out.full,
      totalsTimes: out.totals,
      parseMs: median(out.parse),
      fullMs: median(out.full),
      totalsMs: median(out.totals),
      browser: (/(?:Headless)?Chrome\/[\d.]+/.exec(out.ua) ?? [out.ua])[0],
      identity,
    };
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(() => resolve()));
    rmSync(profile, { recursive: true, force: true });
  }
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
        : ms >= 10
          ? `${ms.toFixed(1)} ms`
          : `${ms.toFixed(2)} ms`;
const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtX = (x) => `${x.toFixed(x >= 10 ? 0 : 2)}×`;
const fmtMB = (mb) => (mb === undefined ? "?" : `${fmtInt(mb)} MB`);
const mark = (ok) => (ok ? "✅" : "❌");
const runsOf = (xs) => xs.map(fmtMs).join(", ");
const identityNote = (id) =>
  id.differ ? `⚠️ ${id.differ} of ${fmtInt(id.units)} units differ (${id.example})` : `identical (${fmtInt(id.units)} units)`;
const slug = (s) => s.replace(/[^a-z0-9]+/gi, "-");

/** Runs the CLI (`node dist/cli.js …`) as a user does: wall time of the whole process, peak RSS from /usr/bin/time. */
function runCli(args, tmp, stdoutFile) {
  const rssFile = path.join(tmp, "cli-rss.txt");
  rmSync(rssFile, { force: true });
  const timed = existsSync(TIME);
  const [cmd, argv] = timed ? [TIME, ["-f", "%M", "-o", rssFile, process.execPath, CLI, ...args]] : [process.execPath, [CLI, ...args]];
  const out = stdoutFile ? openSync(stdoutFile, "w") : "pipe";
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd: tmp, encoding: "utf8", maxBuffer: 256 << 20, stdio: ["ignore", out, "pipe"] });
  const ms = performance.now() - t;
  if (typeof out === "number") closeSync(out);
  const rssMB = timed && existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024 : undefined;
  if (r.status !== 0) throw new Error(`dti ${args.join(" ")}: exit ${r.status ?? r.signal}\n${r.stderr}`);
  return { ms, rssMB, stdout: r.stdout };
}

/** Writes `units` generated units as JSON Lines, 1,000 at a time with distinct ids (no process holds them all). */
function writeJsonLines(c, file) {
  const catalog = lib.getCatalog(c.catalog);
  const fd = openSync(file, "w");
  let k = 0;
  for (let chunk = 0; k < c.units; chunk++) {
    const { units, ...head } = lib.generateDataset(catalog, { units: Math.min(1000, c.units - k), seed: chunk + 1, periods: c.periods });
    if (chunk === 0) writeSync(fd, `${JSON.stringify(head)}\n`);
    let buf = "";
    for (const u of units) {
      const id = `u${String(k++).padStart(6, "0")}`;
      buf += `${JSON.stringify({ ...u, id, name: `Đơn vị ${id}` })}\n`;
    }
    writeSync(fd, buf);
  }
  closeSync(fd);
}

async function parent() {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith("--only="))?.slice(7);
  const profileArg = args.find((a) => a === "--profile" || a.startsWith("--profile="));
  // A partial run (--only) does not overwrite the full table unless --write is given.
  const write = args.includes("--write") || (!only && !args.includes("--no-write"));
  const heapMB = Number(args.find((a) => a.startsWith("--heap="))?.slice(7) ?? 12288);
  const tmp = path.join(os.tmpdir(), `dti-bench-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  // Profiles are large: outside the repository unless a directory is given.
  const profDir = profileArg?.includes("=")
    ? path.resolve(profileArg.slice("--profile=".length))
    : path.join(os.tmpdir(), "dti-bench-profiles");
  if (profileArg) mkdirSync(profDir, { recursive: true });

  // A smaller streamed file for trying the bench out (the table then says so).
  const streamUnits = Number(args.find((a) => a.startsWith("--stream-units="))?.slice(15) ?? 100_000);
  const cases = [...SCORE_CASES, ...OTHER_CASES]
    .filter((c) => !only || c.name.includes(only))
    .map((c) => (c.kind === "stream" || c.kind === "streamCli" ? { ...c, units: streamUnits } : c));
  const started = new Date();
  const load0 = os.loadavg();
  const rows = [];
  const log = (s) => process.stderr.write(`${s}\n`);
  const child = (spec, flags = []) => {
    const r = spawnSync(
      process.execPath,
      ["--expose-gc", `--max-old-space-size=${heapMB}`, ...flags, fileURLToPath(import.meta.url), "--child", JSON.stringify(spec)],
      { encoding: "utf8", maxBuffer: 64 << 20 },
    );
    if (r.status !== 0) {
      const why = (r.stderr || "").includes("heap out of memory")
        ? `out of memory (heap limit ${heapMB} MB)`
        : `exit ${r.status ?? r.signal}`;
      log(`  failed: ${why}\n${(r.stderr || "").split("\n").slice(-15).join("\n")}`);
      return { failed: why };
    }
    return JSON.parse(r.stdout.trim().split("\n").pop());
  };
  const generate = (c, seed = 1) => lib.generateDataset(lib.getCatalog(c.catalog), { units: c.units, periods: c.periods, seed });
  let bigFile;
  let startupMs;
  let loadMs;

  try {
    for (const c of cases) {
      const file = path.join(tmp, `${slug(c.name)}.json`);
      log(`${c.name}: ${fmtInt(c.units)} units × [${c.periods.join(", ")}] …`);
      let row;
      if (c.kind === "score" || c.kind === "incremental") {
        writeFileSync(file, JSON.stringify(generate(c)));
        const flags =
          profileArg && c.kind === "score" ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${slug(c.name)}.cpuprofile`] : [];
        row = { ...c, ...child({ ...c, file }, flags) };
        rmSync(file, { force: true });
      } else if (c.kind === "stream" || c.kind === "streamCli") {
        if (!bigFile) {
          bigFile = path.join(tmp, "national.jsonl");
          const t = performance.now();
          writeJsonLines(c, bigFile);
          log(`  ${bigFile}: ${fmtInt(statSync(bigFile).size / 1048576)} MB written in ${fmtMs(performance.now() - t)}`);
        }
        if (c.kind === "stream") row = { ...c, ...child({ ...c, file: bigFile }) };
        else {
          const outFile = path.join(tmp, "national.out.jsonl");
          const run = runCli(["score", bigFile, "--format", "jsonl"], tmp, outFile);
          // The ranking the CLI wrote (a line for the run, then one per unit in rank order).
          const units = [];
          let first = true;
          const h = createHash("sha256");
          for (const line of fileLines(outFile)) {
            if (!line) continue;
            if (first) {
              first = false;
              continue;
            }
            const u = JSON.parse(line);
            h.update(`${u.id}\t${u.total ?? u.level}\t${u.rank}\n`);
            units.push(0);
          }
          rmSync(outFile, { force: true });
          row = { ...c, scoreMs: run.ms, rssPeak: run.rssMB, units: units.length, digest: h.digest("hex").slice(0, 16) };
        }
      } else if (c.kind === "cli") {
        const ds = generate(c);
        writeFileSync(file, JSON.stringify(ds));
        const argv = c.command === "gaps" ? ["gaps", file, "--unit", ds.units[0].id] : [c.command, file];
        startupMs ??= median(
          Array.from({ length: 5 }, () => {
            const t = performance.now();
            spawnSync(process.execPath, ["-e", "0"]);
            return performance.now() - t;
          }),
        );
        // What every command pays before its own work: the CLI and the library loaded (`dti --version`).
        loadMs ??= median(Array.from({ length: 5 }, () => runCli(["--version"], tmp).ms));
        runCli(argv, tmp); // warm-up: the file and the library in the page cache
        const runs = Array.from({ length: c.runs }, () => runCli(argv, tmp));
        const reference = runCli([...argv, "--engine", "reference"], tmp);
        const a = runs[0].stdout.split("\n");
        const b = reference.stdout.split("\n");
        const differ = Math.max(a.length, b.length) - a.filter((l, i) => l === b[i]).length;
        row = {
          ...c,
          args: argv.map((x) => (x === file ? "file.json" : x)),
          times: runs.map((r) => r.ms),
          ms: median(runs.map((r) => r.ms)),
          rssPeak: Math.max(...runs.map((r) => r.rssMB ?? 0)) || undefined,
          referenceMs: reference.ms,
          outputLines: b.length,
          outputDiffer: differ,
          startupMs,
          loadMs,
        };
        rmSync(file, { force: true });
      } else if (c.kind === "browser") {
        let skipped;
        if (!existsSync(CHROMIUM)) skipped = "not measured (no Chromium)";
        else {
          try {
            await import("playwright-core");
          } catch {
            skipped = "not measured (no playwright-core)";
          }
        }
        if (skipped) row = { ...c, skipped };
        else {
          writeFileSync(file, JSON.stringify(generate(c)));
          row = { ...c, ...child({ ...c, file }) };
          rmSync(file, { force: true });
        }
      }
      log(`  ${summary(row)}`);
      rows.push(row);
      if (bigFile && !cases.slice(cases.indexOf(c) + 1).some((n) => n.kind === "stream" || n.kind === "streamCli")) {
        rmSync(bigFile, { force: true });
        bigFile = undefined;
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (profileArg) log(`CPU profiles in ${profDir}`);
  const load1 = os.loadavg();

  const table = render(rows, started, load0, load1);
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
    log(`written to ${path.relative(process.cwd(), file)}`);
  }
}

/** One line of progress per case. */
function summary(r) {
  if (r.failed) return `failed: ${r.failed}`;
  if (r.skipped) return r.skipped;
  switch (r.kind) {
    case "score":
      return `JSON.parse ${fmtMs(r.parseMs)}, score() ${fmtMs(r.scoreMs)} (${fmtX(r.scoreMs / r.parseMs)}), plain ${fmtMs(r.plainMs)} (${fmtX(r.scoreMs / r.plainMs)}), peak RSS ${fmtMB(r.rssPeak)}; reference: ${identityNote(r.identity)}`;
    case "stream":
      return `scoreLines ${fmtMs(r.scoreMs)}, JSON.parse of the lines ${fmtMs(r.parseMs)}, peak RSS ${fmtMB(r.rssPeak)}, ranking ${r.digest}`;
    case "streamCli":
      return `dti score --format jsonl ${fmtMs(r.scoreMs)}, peak RSS ${fmtMB(r.rssPeak)}, ${fmtInt(r.units)} units, ranking ${r.digest}`;
    case "cli":
      return `dti ${r.args.join(" ")}: ${fmtMs(r.ms)} (runs ${runsOf(r.times)}; node -e 0: ${fmtMs(r.startupMs)}, dti --version: ${fmtMs(r.loadMs)}), ${r.outputDiffer ? `${r.outputDiffer} lines differ from` : "same output as"} --engine reference`;
    case "incremental":
      return r.series.map((s) => `${s.what} ${fmtMs(s.ms)} (reference: ${identityNote(s.identity)})`).join(", ");
    case "browser":
      return `${r.browser}: score() ${fmtMs(r.fullMs)} (totals ${fmtMs(r.totalsMs)}), JSON.parse ${fmtMs(r.parseMs)}; reference: ${identityNote(r.identity)}`;
  }
  return "";
}

/** The generated block of RESULTS.md: machine and load, the targets, then a table per kind of case. */
function render(rows, started, load0, load1) {
  const cpu = os.cpus();
  const checks = []; // [target, measured, ok]
  const failed = rows.filter((r) => r.failed).map((r) => `- **${r.name}: ${r.failed}**`);

  const scoreRows = rows.filter((r) => r.kind === "score" && !r.failed);
  const scoreTable = scoreRows.map((r) => {
    const byParse = r.scoreMs / r.parseMs;
    const byPlain = r.scoreMs / r.plainMs;
    const targets = [];
    const check = (target, measured, ok) => {
      checks.push([`${target}: ${r.catalog}, ${fmtInt(r.units)} units${r.detail === "default" ? "" : `, ${r.detail}`}`, measured, ok]);
      targets.push(`${mark(ok)} ${target}`);
    };
    if (r.targets === "fast" || r.targets === "national") check(`≤ ${T.parseRatio}× JSON.parse`, fmtX(byParse), byParse <= T.parseRatio);
    if (r.targets === "fast") {
      check(`≤ ${T.plainRatio}× plain loop`, fmtX(byPlain), byPlain <= T.plainRatio);
      check(`≤ ${T.provinceMs} ms`, fmtMs(r.scoreMs), r.scoreMs <= T.provinceMs);
    }
    if (r.targets === "full" || r.catalog === KON_TUM.catalog)
      check(`default detail ≤ ${T.fullParseRatio}× JSON.parse`, fmtX(byParse), byParse <= T.fullParseRatio);
    if (r.targets === "national") check(`peak RSS ≤ ${T.nationalRssMB} MB`, fmtMB(r.rssPeak), r.rssPeak <= T.nationalRssMB);
    const opts = r.detail === "totals" ? '`detail: "totals"`' : "default";
    return `| ${r.scale} | \`${r.catalog}\` | ${opts} | ${fmtInt(r.units)} × ${r.periods.join(",")} | ${r.textMB.toFixed(1)} MB | ${fmtMs(r.parseMs)} | ${fmtMs(r.scoreMs)} | **${fmtX(byParse)}** | ${fmtMs(r.plainMs)} | **${fmtX(byPlain)}** | ${fmtMB(r.rssPeak)} (${fmtMB(r.rssBase)}) | ${fmtMs(r.referenceMs)} | ${identityNote(r.identity)} | ${targets.join(" · ")} |`;
  });
  const scoreRuns = scoreRows.map(
    (r) =>
      `| ${r.scale} | \`${r.catalog}\` | ${r.detail} | ${r.scoreTimes.length} | ${runsOf(r.parseTimes)} | ${runsOf(r.scoreTimes)} | ${fmtMs(r.cpuMs)} | ${runsOf(r.plainTimes)} | ${fmtX(Math.min(...r.scoreTimes) / Math.min(...r.parseTimes))} · ${fmtX(Math.min(...r.scoreTimes) / Math.min(...r.plainTimes))} | ${fmtInt(r.leafPeriods)} | ${r.agree} |`,
  );

  const other = [];
  for (const r of rows.filter((x) => x.kind !== "score" && !x.failed)) {
    if (r.kind === "stream") {
      const ok = r.rssPeak <= T.streamRssMB;
      checks.push([`streamed ${fmtInt(r.units)} × 4 (scoreLines): peak RSS ≤ ${fmtInt(T.streamRssMB)} MB`, fmtMB(r.rssPeak), ok]);
      other.push(
        `| ${r.name} | \`scoreLines(catalog, lines, { detail: "totals" })\` over ${fmtInt(r.lines - 1)} JSON Lines (read 1 MiB at a time) | ${fmtMs(r.scoreMs)} | JSON.parse of every line ${fmtMs(r.parseMs)} (${fmtX(r.scoreMs / r.parseMs)}); reading the lines alone ${fmtMs(r.readMs)} | ${fmtMB(r.rssPeak)} (${fmtMB(r.rssBase)}) | ${fmtInt(r.units)} units ranked, ranking digest \`${r.digest}\`; reference not run (see below) | ${mark(ok)} RSS ≤ 1.5 GB |`,
      );
    } else if (r.kind === "streamCli") {
      const ok = r.rssPeak !== undefined && r.rssPeak <= T.streamRssMB;
      checks.push([`streamed ${fmtInt(r.units)} × 4 (CLI): peak RSS ≤ ${fmtInt(T.streamRssMB)} MB`, fmtMB(r.rssPeak), ok]);
      const lib = rows.find((x) => x.kind === "stream" && !x.failed);
      other.push(
        `| ${r.name} | \`node dist/cli.js score file.jsonl --format jsonl > out.jsonl\` (whole process) | ${fmtMs(r.scoreMs)} | | ${fmtMB(r.rssPeak)} | ${fmtInt(r.units)} units written, ranking digest \`${r.digest}\`${lib ? (lib.digest === r.digest ? " = scoreLines'" : " ⚠️ ≠ scoreLines'") : ""} | ${mark(ok)} RSS ≤ 1.5 GB |`,
      );
    } else if (r.kind === "cli") {
      // Targets: issue 11's report (100 communes) and gaps; robustness (issue 13) has none: information.
      // (The report target is issue 11's 100 communes; a district report with quarters is information.)
      const limit = r.command === "report" && r.catalog === VINH_PHUC.catalog ? T.reportMs : r.command === "gaps" ? T.gapsMs : undefined;
      const ok = limit === undefined ? undefined : r.ms <= limit;
      const units = r.catalog === VINH_PHUC.catalog ? "communes" : "districts × 4 quarters";
      if (limit !== undefined)
        checks.push([
          `\`dti ${r.command}\` (${r.command === "gaps" ? `one unit of 100 ${units}` : `100 ${units}`}) ≤ ${fmtMs(limit)}`,
          fmtMs(r.ms),
          ok,
        ]);
      other.push(
        `| ${r.name} | \`node dist/cli.js ${r.args.join(" ")}\` on ${fmtInt(r.units)} generated ${units} (wall time of the process, Node's start-up included) | ${fmtMs(r.ms)} | \`node -e 0\` alone: ${fmtMs(r.startupMs)}; \`--engine reference\`: ${fmtMs(r.referenceMs)} | ${fmtMB(r.rssPeak)} | ${r.outputDiffer ? `⚠️ ${r.outputDiffer} of ${r.outputLines} output lines differ from` : `output identical (${r.outputLines} lines) to`} \`--engine reference\` | ${limit === undefined ? "(information)" : `${mark(ok)} ≤ ${fmtMs(limit)}`} |`,
      );
    } else if (r.kind === "incremental") {
      for (const s of r.series) {
        const targeted = !s.what.includes("new best");
        const ok = s.ms <= T.editMs;
        if (targeted) checks.push([`incremental re-score, ${s.what} ≤ ${T.editMs} ms`, fmtMs(s.ms), ok]);
        other.push(
          `| ${r.name} | \`session.setValue\` on unit ${s.unit}, ${r.periods.at(-1)}: ${s.what}, values ${s.values.join(" ↔ ")} (\`openScoring\`, 200 units × 4, totals; opened in ${fmtMs(r.openMs)}) | ${fmtMs(s.ms)} | ${s.times.length} edits: ${fmtMs(Math.min(...s.times))} – ${fmtMs(Math.max(...s.times))} | | after the last edit, vs the reference on the dataset edited alike: ${identityNote(s.identity)} | ${targeted ? `${mark(ok)} ≤ ${T.editMs} ms` : "(information: every unit re-scored)"} |`,
        );
      }
    } else if (r.kind === "browser") {
      if (r.skipped) {
        checks.push([`browser re-score of 200 units ≤ ${T.browserMs} ms`, r.skipped, undefined]);
        other.push(`| ${r.name} | score() of 200 generated communes in headless Chromium | ${r.skipped} | | | | — |`);
      } else {
        const ok = r.fullMs <= T.browserMs;
        checks.push([`browser re-score of 200 units ≤ ${T.browserMs} ms (${r.browser})`, fmtMs(r.fullMs), ok]);
        other.push(
          `| ${r.name} | score() of 200 generated communes in the page, ${r.browser} (median of ${r.fullTimes.length}) | ${fmtMs(r.fullMs)} | \`detail: "totals"\` ${fmtMs(r.totalsMs)}; JSON.parse in the page ${fmtMs(r.parseMs)} | | ${identityNote(r.identity)} vs the reference in Node | ${mark(ok)} ≤ ${T.browserMs} ms |`,
        );
      }
    }
  }

  return [
    `Run ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu[0]?.model ?? "?"}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()} (${os.arch()}); load average (1 / 5 / 15 min) at start ${load0.map((x) => x.toFixed(2)).join(" / ")}, at end ${load1.map((x) => x.toFixed(2)).join(" / ")}.`,
    "",
    ...(failed.length ? ["Failed:", "", ...failed, ""] : []),
    "Targets:",
    "",
    "| target | measured | met |",
    "|---|---:|:---:|",
    ...checks.map(([t, m, ok]) => `| ${t} | ${m} | ${ok === undefined ? "—" : mark(ok)} |`),
    "",
    "Scoring (medians; ratios from the same run, interleaved):",
    "",
    "| scale | catalog | score() options | units × periods | dataset text | JSON.parse | score() | score / JSON.parse | plain loop | score / plain | peak RSS (after loading the dataset) | reference engine | vs reference (strings) | targets |",
    "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ...scoreTable,
    "",
    "Streaming, CLI, incremental, browser:",
    "",
    "| case | what | time (median) | for comparison | peak RSS (baseline) | check | target |",
    "|---|---|---:|---|---:|---|---|",
    ...other,
    "",
    "Every run (ms):",
    "",
    "| scale | catalog | detail | runs | JSON.parse | score() | score() CPU (median, all threads) | plain loop | best runs: score / JSON.parse · score / plain | leaf evaluations | plain loop vs score() (doubles; information) |",
    "|---|---|---|---:|---|---|---:|---|---:|---:|---|",
    ...scoreRuns,
  ].join("\n");
}

export { compilePlain };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--child") {
    const spec = JSON.parse(process.argv[3]);
    const run = { score: scoreCase, stream: streamCase, incremental: incrementalCase, browser: browserCase }[spec.kind];
    const out = await run(spec);
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    await parent();
  }
}
