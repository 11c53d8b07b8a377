// Vitest configuration used by Stryker (`npm run mutate`, stryker.config.mjs). Only test files
// that score inside `it()` blocks: Stryker then knows which tests reach each mutant
// (coverageAnalysis perTest) and runs just those. The other suites score whole sample
// fixtures while they are collected, which makes every mutant "static" (run against every
// test: 2 h+ for src/formulas alone on a 2-core machine), and the browser, CLI and package
// tests spawn processes on dist/, where a mutant never is. `npm test` still runs them all.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "test/formulas.test.ts",
      "test/rules.test.ts",
      "test/mutation-*.test.ts",
      "test/hostile-cases.test.ts",
      // Not fast-identity: it covers every formula, so every mutant would run its 16 s of datasets.
      "test/fast-path.test.ts",
      "test/compiled-kinds.test.ts",
    ],
    testTimeout: 60_000,
  },
});
