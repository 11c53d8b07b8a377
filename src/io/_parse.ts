import { parse } from "yaml";
import type { z } from "zod";
import { createIssue, type Issue, type IssueCode, type IssueKind } from "../errors.js";

/** Reads a file through Node's fs when running in Node; undefined in a browser. */
export function readTextFile(path: string): string {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.("node:fs") as { readFileSync(p: string, e: string): string } | undefined;
  if (!fs) throw new Error(`cannot read ${path}: no filesystem here; pass the file's text instead`);
  return fs.readFileSync(path, "utf8");
}

/** Whether a string is a file path rather than YAML/JSON text. */
export function looksLikePath(s: string): boolean {
  return !/[\n{:]/.test(s.replace(/^[A-Za-z]:\\/, "")) && /\.(ya?ml|json|csv)$/i.test(s.trim());
}

/**
 * Parses YAML or JSON text (a BOM and CRLF line endings are accepted).
 * Alias expansion is bounded, so an alias bomb is an error, not a hang.
 * @returns The value, or the syntax issue.
 */
export function parseText(text: string, kind: IssueKind, file?: string): { value: unknown } | { issue: Issue } {
  try {
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { value: parse(clean, { maxAliasCount: 100, uniqueKeys: true, merge: false }) };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
    return { issue: createIssue(kind, "yamlSyntax", file ? { file } : {}, { detail }) };
  }
}

/** Turns zod issues into dti issues, one per problem, with their paths. */
export function zodIssues(error: z.ZodError, kind: IssueKind, code: IssueCode, where: object): Issue[] {
  return error.issues.map((i) =>
    createIssue(kind, code, where, { detail: `${i.path.length ? i.path.join(".") + ": " : ""}${i.message}` }, i.path as (string | number)[]),
  );
}
