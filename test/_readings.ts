// Shared by the readings tests (issue 13): a score under a choice of readings on both engines.
import { expect } from "vitest";
import { score, type CompiledCatalog, type DatasetInput, type ScoreResult } from "../src/index.js";

/** Scores under a choice of readings on both engines and checks they agree (fast path == reference). */
export function both(catalog: CompiledCatalog, dataset: DatasetInput, readings?: Record<string, string>): ScoreResult {
  const opts = readings ? { readings } : {};
  const fast = score(catalog, dataset, opts);
  const reference = score(catalog, dataset, { ...opts, engine: "reference" });
  expect(JSON.parse(JSON.stringify(fast.units))).toEqual(JSON.parse(JSON.stringify(reference.units)));
  expect(fast.readings).toEqual(reference.readings);
  return fast;
}

/** The head of a small test catalog (id t-2024/xa): spread it and add `indicators` (and what else the test needs). */
export const TEST_CATALOG = {
  id: "t-2024/xa",
  title: "T",
  province: "T",
  level: "xa",
  document: { number: "x", date: "2024-01-01" },
} as const;
