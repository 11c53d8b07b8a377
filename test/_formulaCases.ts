// Runs data-driven formula cases (src/formulas/<kind>/cases.yaml), jsonata-style: each case
// names the document and indicator it comes from, the data, and the expected result or error.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { DtiError, getCatalog, score } from "../src/index.js";

interface Case {
  name: string;
  catalog: string;
  code: string;
  data: unknown;
  profile?: Record<string, unknown>;
  with?: Record<string, unknown>;
  peers?: { data: unknown; profile?: Record<string, unknown> }[];
  childLevels?: number[];
  expect?: { score?: string; branch?: string; status?: string; levelMet?: number; clamp?: boolean };
  error?: string;
}

export function runCases(url: URL): void {
  const file = fileURLToPath(url);
  const cases = parse(readFileSync(file, "utf8")) as Case[];
  describe(file.split("/src/formulas/")[1] ?? file, () => {
    for (const c of cases) {
      it(c.name, () => {
        const catalog = getCatalog(c.catalog);
        const units = [
          { id: "unit", name: "unit", ...(c.profile ? { profile: c.profile } : {}), data: { Y: { ...(c.with ?? {}), [c.code]: c.data } } },
          ...(c.peers ?? []).map((p, i) => ({ id: `peer${i + 1}`, name: `peer ${i + 1}`, ...(p.profile ? { profile: p.profile } : {}), data: { Y: { ...(c.with ?? {}), [c.code]: p.data } } })),
        ];
        const run = () => score(catalog, { catalog: catalog.id, year: 2024, periods: ["Y"], units } as never);
        if (c.error) {
          let caught: unknown;
          try {
            run();
          } catch (e) {
            caught = e;
          }
          expect(caught).toBeInstanceOf(DtiError);
          expect((caught as DtiError).issues.map((i) => i.code)).toContain(c.error);
          return;
        }
        const unit = run().units.find((u) => u.id === "unit")!;
        if (c.expect?.levelMet !== undefined) {
          expect(unit.criteria[c.code]!.levelMet).toBe(c.expect.levelMet);
          return;
        }
        const ind = unit.indicators[c.code]!;
        const period = ind.periods!["Y"]!;
        if (c.expect?.score !== undefined) expect(ind.score).toBe(c.expect.score);
        if (c.expect?.branch !== undefined) expect(period.trace.branch).toBe(c.expect.branch);
        if (c.expect?.status !== undefined) expect(period.status).toBe(c.expect.status);
        if (c.expect?.clamp !== undefined) expect(period.trace.clamp !== undefined).toBe(c.expect.clamp);
        expect(period.trace.citation).toContain(`${c.catalog} ${c.code}`);
      });
    }
  });
}
