import { existsSync, readFileSync } from "node:fs";
import { getCatalog } from "../catalog/builtin.js";
import { loadCatalog } from "../catalog/load.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { CliError, createIssue } from "../errors.js";

/** Reads a text file, or a usage-level error naming it. */
export function readFile(path: string): string {
  if (!existsSync(path)) throw new CliError([createIssue("cli", "fileNotFound", {}, { received: path })]);
  return readFileSync(path, "utf8");
}

/** A catalog from a built-in id or a file path. */
export function resolveCatalog(ref: string): CompiledCatalog {
  if (/\.(ya?ml|json)$/i.test(ref)) return loadCatalog(readFile(ref));
  return getCatalog(ref);
}

/** Pads to a display width (Vietnamese precomposed letters are one column). */
export function pad(s: string, width: number, right = false): string {
  const n = [...s.normalize("NFC")].length;
  const fill = " ".repeat(Math.max(0, width - n));
  return right ? fill + s : s + fill;
}

/** Renders rows as an aligned text table; `right` marks numeric columns. */
export function table(header: string[], rows: string[][], right: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i]!, right[i]))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
