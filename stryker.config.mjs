// Mutation testing (issue 9): `npm run mutate`. Results and known survivors: bench/MUTATION.md.
// The machine is small and shared: at most 2 workers; run it under `nice`.
// One folder at a time: npx stryker run --mutate "src/engine/**/*.ts"
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts" },
  mutate: ["src/formulas/**/*.ts", "src/levels/**/*.ts", "src/engine/**/*.ts", "!src/**/*.test.ts"],
  coverageAnalysis: "perTest",
  // Static mutants (module-level code: the zod schemas and constant tables, run once on import)
  // would each re-run every test: 16% of the mutants for 45% of the time. They are reported as
  // ignored, not counted; the schemas are covered by the catalog and hostile-input tests.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  ignorePatterns: ["dist", "docs/api", "coverage", "reports", "test-results.json", "*.tgz"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  // The machine is shared: generous timeouts so that a slow moment is not counted as a kill.
  timeoutFactor: 3,
  timeoutMS: 20000,
  thresholds: { high: 90, low: 80, break: null },
};
