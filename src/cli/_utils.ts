import { getCatalog } from "../catalog/builtin.js";
import { loadCatalog } from "../catalog/load.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { readTextFile } from "../_parse.js";

/**
 * Reads a UTF-8 text file the way the library does: a missing file, a directory, a refused read
 * or a file that is not UTF-8 is a coded error naming the path (exit 2), never a system error.
 */
export function readFile(path: string, kind: "catalog" | "dataset" = "dataset"): string {
  return readTextFile(path, kind);
}

/** A catalog from a built-in id or a file path; every problem of a catalog file names that file. */
export function resolveCatalog(ref: string): CompiledCatalog {
  if (/\.(ya?ml|json)$/i.test(ref)) return loadCatalog(readFile(ref, "catalog"), { file: ref });
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
