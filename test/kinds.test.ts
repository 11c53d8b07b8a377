// A formula kind is one folder (src/formulas/<kind>/) and one line of src/formulas/registry.ts:
// no other source file names a kind, so adding one needs nothing else (CONTRIBUTING.md).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formulaKinds } from "../src/index.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.ts$/.test(e.name) && !/\.(generated|test)\.ts$/.test(e.name) ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, "utf8") }));
const kinds = Object.keys(formulaKinds);

describe("formula kinds are complete units", () => {
  it("the registry has the nine points kinds, each from its own folder", () => {
    expect(kinds.sort()).toEqual(["bands", "checklist", "choice", "composite", "perItem", "ratio", "relative", "threshold", "yesNo"]);
    for (const kind of kinds) expect(files.some((f) => f.path === `formulas/${kind}/index.ts`), kind).toBe(true);
  });

  it.each(kinds)("no source file outside src/formulas/%s/ and the registry names the kind", (kind) => {
    const literal = new RegExp(`["'\`]${kind}["'\`]`);
    const outside = files.filter((f) => !f.path.startsWith(`formulas/${kind}/`) && f.path !== "formulas/registry.ts" && literal.test(f.text));
    expect(outside.map((f) => f.path)).toEqual([]);
  });

  it("the test would see a kind named outside its folder", () => {
    const probe = { path: "engine/evaluate.ts", text: 'if (node.formula?.kind === "relative") {}' };
    expect(new RegExp(`["'\`]relative["'\`]`).test(probe.text)).toBe(true);
  });
});
