import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { defineConfig, type Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the browser build as soon as anything imports or requires a Node built-in. */
export const noNodeBuiltins: EsbuildPlugin = {
  name: "no-node-builtins",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.path.startsWith("node:") || nodeBuiltins.has(args.path) || nodeBuiltins.has(args.path.split("/")[0] ?? "")) {
        return { errors: [{ text: `browser bundle must not use the Node built-in "${args.path}" (imported from ${args.importer})` }] };
      }
      return undefined;
    });
  },
};

/**
 * Second line of defence on the written file: no import/require of a Node built-in survives in it.
 * (A string such as getBuiltinModule("node:fs"), used for feature detection at run time, is allowed.)
 */
export function nodeBuiltinUses(code: string): string[] {
  const names = [...nodeBuiltins].map((m) => m.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&")).join("|");
  const re = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)["'](?:${names})["']`, "g");
  return code.match(re) ?? [];
}

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    // decimal.js/yaml/zod/papaparse are dependencies: not bundled in the library build.
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
  },
  {
    // Self-contained browser build: one minified ES module with every dependency inlined.
    entry: { browser: "src/index.ts" },
    format: ["esm"],
    outExtension: () => ({ js: ".js" }),
    target: "es2022",
    platform: "browser",
    minify: true,
    sourcemap: false,
    dts: false,
    splitting: false,
    noExternal: [/.*/],
    esbuildPlugins: [noNodeBuiltins],
    // A no-op ESM statement on its own line: minified output ends in `}export{…}`, which content
    // sniffers (publint) miss, while bundled papaparse's worker source mentions `global.`.
    banner: { js: "export {};" },
    async onSuccess() {
      const code = readFileSync("dist/browser.js", "utf8");
      const uses = nodeBuiltinUses(code);
      if (uses.length) throw new Error(`dist/browser.js uses Node built-ins: ${uses.join(", ")}`);
      if (/\brequire\s*\(/.test(code)) throw new Error("dist/browser.js contains a require() call");
    },
  },
]);
