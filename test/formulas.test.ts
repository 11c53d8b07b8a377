// The formula kinds test themselves: every src/formulas/<kind>/cases.yaml is run here, jsonata
// style. A case file carries the catalog nodes it scores (copied from the document-cited catalog,
// or written for the case), so no case depends on a built-in catalog. Format: docs/formula-cases.md.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
  DtiError,
  formulaKinds,
  loadCatalog,
  score,
  type CatalogNode,
  type CompiledCatalog,
  type DatasetInput,
  type UnitResult,
} from "../src/index.js";
import { asLevels, asPoints } from "./_units.js";

/** What a case expects of the unit's indicator (points) or criterion (levels). */
interface Expectation {
  score?: string;
  branch?: string;
  status?: string;
  /** true: a clamp to [0, max] happened; false: none; {from, to}: that clamp. */
  clamp?: boolean | { from: string; to: string };
  /** Points before the clamp. */
  raw?: string;
  /** A subset of the trace facts. */
  facts?: Record<string, string>;
  /** The unit's rank among itself and its peers (ties share a rank). */
  rank?: number;
  /** Scores of the peers' indicator, in order. */
  peerScores?: string[];
  /** Level criteria: the highest level met. */
  levelMet?: number;
  /** Level criteria: status. */
  criterionStatus?: string;
}

interface Case {
  name: string;
  catalog?: string;
  code: string;
  data: unknown;
  profile?: Record<string, unknown>;
  with?: Record<string, unknown>;
  peers?: { data: unknown; profile?: Record<string, unknown>; with?: Record<string, unknown> }[];
  /** Readings of the copied node to score with (issue 13): node code → reading id. */
  readings?: Record<string, string>;
  expect?: Expectation;
  error?: string;
}

interface CaseFile {
  catalogs: Record<string, Record<string, unknown> & { indicators: CatalogNode[] }>;
  cases: Case[];
}

const FORMULAS = fileURLToPath(new URL("../src/formulas/", import.meta.url));
/** Kinds that need no case file: `sum` (the default of a group) is leaving the registry. */
const EXEMPT = new Set(["sum"]);
const MIN_CASES = 3;

/** Where each kind's cases live: its folder under src/formulas, and the level criteria's module. */
const caseDirs = new Map<string, string>([
  ...readdirSync(FORMULAS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(FORMULAS, e.name, "cases.yaml")))
    .map((e): [string, string] => [e.name, join(FORMULAS, e.name)]),
  ["levels", fileURLToPath(new URL("../src/levels/", import.meta.url))],
]);
const kindDirs = [...caseDirs.keys()].sort();

function readCaseFile(kind: string): CaseFile {
  const file = parse(readFileSync(join(caseDirs.get(kind)!, "cases.yaml"), "utf8")) as CaseFile;
  return { catalogs: file.catalogs ?? {}, cases: file.cases ?? [] };
}

function hasLevels(nodes: readonly CatalogNode[]): boolean {
  return nodes.some((n) => n.formula?.kind === "levels" || hasLevels(n.children ?? []));
}

/**
 * Wraps a case file's catalog block into a minimal valid catalog: the block's own fields
 * (title, document…) win; what it leaves out gets a placeholder.
 */
function wrapCatalog(id: string, block: CaseFile["catalogs"][string]): CompiledCatalog {
  const suffix = id.split("/")[1] ?? "";
  const level = ["so", "huyen", "xa"].includes(suffix) ? suffix : "so";
  return loadCatalog({
    title: id,
    province: "(formula cases)",
    level,
    document: { number: "formula-cases", date: "2000-01-01" },
    ...(hasLevels(block.indicators) ? { scoring: "levels" } : {}),
    ...block,
    id,
  });
}

function findNode(nodes: readonly CatalogNode[], code: string): CatalogNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const hit = findNode(n.children ?? [], code);
    if (hit) return hit;
  }
  return undefined;
}

function run(catalog: CompiledCatalog, c: Case) {
  const unit = (id: string, data: unknown, profile: Record<string, unknown> | undefined, other: Record<string, unknown> | undefined) => ({
    id,
    name: id,
    ...(profile ? { profile } : {}),
    data: { Y: { ...(other ?? c.with ?? {}), [c.code]: data } },
  });
  const dataset = {
    catalog: catalog.id,
    year: 2024,
    periods: ["Y"],
    units: [unit("unit", c.data, c.profile, c.with), ...(c.peers ?? []).map((p, i) => unit(`peer${i + 1}`, p.data, p.profile, p.with))],
  } as DatasetInput;
  return score(catalog, dataset, c.readings ? { readings: c.readings } : {});
}

function checkPoints(catalog: CompiledCatalog, c: Case, units: readonly UnitResult[]): void {
  const e = c.expect ?? {};
  const byId = new Map(units.map((u) => [u.id, asPoints(u)]));
  const ind = byId.get("unit")!.indicators[c.code];
  expect(ind, `indicator ${c.code}`).toBeDefined();
  const period = ind!.periods?.["Y"];
  expect(period, `period Y of ${c.code}`).toBeDefined();
  const trace = period!.trace;
  if (e.score !== undefined) expect(ind!.score).toBe(e.score);
  if (e.branch !== undefined) expect(trace.branch).toBe(e.branch);
  if (e.status !== undefined) expect(period!.status).toBe(e.status);
  if (e.raw !== undefined) expect(trace.raw).toBe(e.raw);
  if (typeof e.clamp === "boolean") expect(trace.clamp !== undefined, `clamp ${JSON.stringify(trace.clamp)}`).toBe(e.clamp);
  else if (e.clamp !== undefined) expect(trace.clamp).toEqual(e.clamp);
  if (e.facts !== undefined) expect(trace.facts).toMatchObject(e.facts);
  if (e.rank !== undefined) expect(byId.get("unit")!.rank).toBe(e.rank);
  if (e.peerScores !== undefined)
    expect((c.peers ?? []).map((_, i) => byId.get(`peer${i + 1}`)!.indicators[c.code]!.score)).toEqual(e.peerScores);
  // The trace cites the catalog and the indicator.
  expect(trace.citation).toBe(`${catalog.id} ${c.code} (${catalog.document.number})`);
}

function checkLevels(c: Case, units: readonly UnitResult[]): void {
  const e = c.expect ?? {};
  const crit = asLevels(units.find((u) => u.id === "unit")).criteria[c.code];
  expect(crit, `criterion ${c.code}`).toBeDefined();
  if (e.levelMet !== undefined) expect(crit!.levelMet).toBe(e.levelMet);
  if (e.criterionStatus !== undefined) expect(crit!.status).toBe(e.criterionStatus);
}

describe("every formula kind in the registry has its cases", () => {
  const required = Object.keys(formulaKinds).filter((k) => !EXEMPT.has(k));

  it("the registry lists the nine points kinds (levels have their own module)", () => {
    expect(required.sort()).toEqual(["bands", "checklist", "choice", "composite", "perItem", "ratio", "relative", "threshold", "yesNo"]);
  });

  it.each(required)(`%s: src/formulas/%s/cases.yaml with at least ${MIN_CASES} cases`, (kind) => {
    expect(kindDirs, `src/formulas/${kind}/cases.yaml`).toContain(kind);
    expect(readCaseFile(kind).cases.length).toBeGreaterThanOrEqual(MIN_CASES);
  });
});

for (const kind of kindDirs) {
  const file = readCaseFile(kind);
  describe(`src/formulas/${kind}/cases.yaml`, () => {
    const catalogs = new Map<string, CompiledCatalog>();
    const catalogOf = (c: Case): CompiledCatalog => {
      const ids = Object.keys(file.catalogs);
      const id = c.catalog ?? (ids.length === 1 ? ids[0]! : undefined);
      if (id === undefined || !file.catalogs[id])
        throw new Error(`case "${c.name}": catalog ${String(id)} is not in this file's catalogs (${ids.join(", ")})`);
      let cat = catalogs.get(id);
      if (!cat) catalogs.set(id, (cat = wrapCatalog(id, file.catalogs[id])));
      return cat;
    };

    for (const c of file.cases) {
      it(c.name, () => {
        const catalog = catalogOf(c);
        const node = findNode(catalog.indicators, c.code);
        expect(node, `node ${c.code} in ${catalog.id}`).toBeDefined();
        // A kind's cases exercise that kind.
        expect(node!.formula?.kind).toBe(kind);
        if (c.error !== undefined) {
          let caught: unknown;
          try {
            run(catalog, c);
          } catch (e) {
            caught = e;
          }
          expect(caught).toBeInstanceOf(DtiError);
          expect((caught as DtiError).issues.map((i) => i.code)).toContain(c.error);
          return;
        }
        expect(c.expect, "a case has expect or error").toBeDefined();
        const { units } = run(catalog, c);
        if (catalog.scoring === "levels") checkLevels(c, units);
        else checkPoints(catalog, c, units);
      });
    }
  });
}
