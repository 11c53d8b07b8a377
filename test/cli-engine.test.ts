// `--engine` reaches every score() call a command makes (issue 11): the first score, the gap
// search's re-scoring, what-if's two results, compare's two years, the report's gaps. score() is
// wrapped (not replaced) to record its options, so the commands still run for real.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as Score from "../src/engine/score.js";
import type { ScoreOptions } from "../src/engine/score.js";

const calls = vi.hoisted(() => [] as (ScoreOptions | undefined)[]);
vi.mock("../src/engine/score.js", async (original) => {
  const m = await original<typeof Score>();
  return {
    ...m,
    score: (...args: Parameters<typeof m.score>) => {
      calls.push(args[2]);
      return m.score(...args);
    },
  };
});
const { runMain } = await import("../src/cli/main.js");

async function dti(...args: string[]) {
  let out = "";
  let err = "";
  const code = await runMain(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

const so = "fixtures/dong-nai-2023-so.sample.yaml";
const dir = mkdtempSync(join(tmpdir(), "dti-engine-calls-"));
const before = join(dir, "y1.yaml");
writeFileSync(before, readFileSync(so, "utf8").replace(/^year: \d+/m, "year: 2023"));

/** Each command that scores, with arguments that make it score (gaps and report re-score too). */
const commands: Record<string, string[]> = {
  score: ["score", so],
  validate: ["validate", so],
  explain: ["explain", so, "--unit", "so-tc"],
  gaps: ["gaps", so, "--unit", "so-vhttdl"],
  whatif: ["whatif", so, "--set", "so-vhttdl.Q4.10.1.achieved=5"],
  compare: ["compare", before, so],
  report: ["report", so],
};

describe("--engine reaches every score() call of a command", () => {
  beforeEach(() => void calls.splice(0));
  for (const [name, args] of Object.entries(commands)) {
    it(`dti ${name} --engine reference: every score() call asks for the reference engine`, async () => {
      expect((await dti(...args, "--engine", "reference")).code).toBe(0);
      // gaps re-scores each verified suggestion; report runs gaps for each of the 3 units.
      expect(calls.length).toBeGreaterThanOrEqual(
        name === "whatif" || name === "compare" ? 2 : name === "gaps" || name === "report" ? 3 : 1,
      );
      expect(calls.map((o) => o?.engine)).toEqual(calls.map(() => "reference"));
    });
    it(`dti ${name}: without --engine every call asks for the fast path (the default)`, async () => {
      expect((await dti(...args)).code).toBe(0);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.map((o) => o?.engine)).toEqual(calls.map(() => "fast"));
    });
  }
});
