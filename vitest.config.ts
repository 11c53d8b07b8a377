import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    // Type tests (expectTypeOf) of the public types, checked by tsc as part of `vitest run`.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
  },
});
