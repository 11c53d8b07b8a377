// ESLint (flat config) with typescript-eslint's recommended rules; formatting is Prettier's job.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "docs/api/",
      "coverage/",
      "reports/",
      "**/*.generated.ts",
      ".stryker-tmp/",
      "src/catalog/builtins/",
      "src/catalogs/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Type imports stay type imports (verbatimModuleSyntax).
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-throw-literal": "error",
    },
  },
  {
    // Library code throws coded DtiErrors, never a plain Error (CONTRIBUTING.md).
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Error']", message: "throw a DtiError with coded issues (src/errors.ts)" },
      ],
    },
  },
);
