// Vitest configuration used by Stryker (`npm run mutate`, stryker.config.mjs): only the tests that
// run src/ in-process and quickly. Left out: the browser/Chromium tests, the CLI and package tests
// (they spawn processes on dist/, so they can never see a mutant), and the slow property, hostile
// and generator suites (a minute per mutant run that reaches them; run them with `npm test`).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/formulas/**/*.test.ts",
      "test/catalogs/**/*.test.ts",
      "test/engine.test.ts",
      "test/lint.test.ts",
      "test/mutation-*.test.ts",
    ],
    testTimeout: 60_000,
  },
});
