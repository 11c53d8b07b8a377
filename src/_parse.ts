import { parse } from "yaml";
import type * as z from "zod/mini";
// zod/mini loads no messages: the English ones (zod's default) are passed to each parse, so that
// issue details read as before without touching the app's global zod configuration.
import en from "zod/v4/locales/en.js";
import { CatalogError, DatasetError, createIssue, type Issue, type IssueCode, type IssueKind } from "./errors.js";

/** Deepest nesting accepted in a catalog or dataset: real ones are under 10 levels deep. */
export const MAX_DEPTH = 200;

/**
 * Reads a UTF-8 text file through Node's fs when running in Node.
 * @throws CatalogError / DatasetError naming the file: `fileNotFound` (no such file; in a browser,
 * the same with a hint), `notAFile` (a directory), `unreadableFile` (permission denied, a symlink
 * loop…: the system's reason), `notUtf8` (UTF-16 or invalid bytes: never read with replacement characters).
 */
export function readTextFile(path: string, kind: "catalog" | "dataset"): string {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.("node:fs") as { readFileSync(p: string): Uint8Array } | undefined;
  const fail = (code: "fileNotFound" | "notAFile" | "unreadableFile" | "notUtf8", params: { received?: string; detail?: string } = {}) => {
    const issue = createIssue(kind, code, { file: path }, params);
    return kind === "catalog" ? new CatalogError([issue]) : new DatasetError([issue]);
  };
  // No filesystem here (a browser): the caller must pass the file's text instead.
  if (!fs) throw fail("fileNotFound", { received: path });
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    // Only a missing file is "not found": a directory or a refused read says what it is.
    const { code, message } = e as { code?: string; message?: string };
    if (code === "ENOENT" || code === "ENOTDIR") throw fail("fileNotFound", { received: path });
    if (code === "EISDIR") throw fail("notAFile", { received: path });
    throw fail("unreadableFile", { received: path, detail: (message ?? String(code)).replace(/, open '.*'$/, "") });
  }
  // Excel's "Unicode text" is UTF-16 with a byte order mark: say so rather than read it as garbage.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw fail("notUtf8", { received: "UTF-16" });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Invalid bytes (a legacy code page such as Windows-1258): name the first line that has one.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const at = lenient.indexOf("\uFFFD");
    throw fail("notUtf8", { detail: String(lenient.slice(0, Math.max(0, at)).split("\n").length) });
  }
}

/** Whether a string is a file path rather than YAML/JSON text. */
export function looksLikePath(s: string): boolean {
  return !/[\n{:]/.test(s.replace(/^[A-Za-z]:\\/, "")) && /\.(ya?ml|json|csv)$/i.test(s.trim());
}

/** Deepest bracket nesting of a text, outside quoted strings (a cheap guard before parsing). */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth--;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) while (i < text.length && text[i] !== "\n") i++;
  }
  return max;
}

/**
 * Parses YAML or JSON text (a BOM and CRLF line endings are accepted). JSON text goes through
 * JSON.parse (fast, bounded memory on large datasets); alias expansion is bounded and nesting is
 * limited, so an alias bomb or a deeply nested document is an error, not a hang or a crash.
 * @returns The value, or the syntax issue.
 */
export function parseText(text: string, kind: IssueKind, file?: string): { value: unknown } | { issue: Issue } {
  const where = file ? { file } : {};
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (bracketDepth(clean) > MAX_DEPTH) {
    return { issue: createIssue(kind, "yamlSyntax", where, { detail: `nesting deeper than ${MAX_DEPTH} levels` }) };
  }
  const head = clean.trimStart()[0];
  if (head === "{" || head === "[") {
    try {
      return { value: JSON.parse(clean) };
    } catch {
      // not JSON: a YAML flow collection, parsed below
    }
  }
  try {
    return { value: parse(clean, { maxAliasCount: 100, uniqueKeys: true, merge: false, logLevel: "error" }) };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
    return { issue: createIssue(kind, "yamlSyntax", where, { detail }) };
  }
}

/**
 * Finds what a schema would drop or choke on in an already parsed value: own `__proto__` keys
 * (zod records drop them silently) and nesting deeper than {@link MAX_DEPTH}. Iterative.
 * @returns One issue per problem, with its path; `tooDeep` when the schema must not see the value.
 */
export function structuralIssues(value: unknown, kind: IssueKind, code: IssueCode, where: object): { issues: Issue[]; tooDeep: boolean } {
  const issues: Issue[] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (path.length > MAX_DEPTH) {
      issues.push(
        createIssue(
          kind,
          code,
          where,
          { detail: `${path.slice(0, 6).join(".")}…: nesting deeper than ${MAX_DEPTH} levels` },
          path.slice(0, 6),
        ),
      );
      return { issues, tooDeep: true };
    }
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else {
      if (Object.hasOwn(v, "__proto__"))
        issues.push(
          createIssue(kind, code, where, { detail: `${[...path, "__proto__"].join(".")}: "__proto__" is not allowed as a key` }, [
            ...path,
            "__proto__",
          ]),
        );
      for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
    }
  }
  return { issues, tooDeep: false };
}

/**
 * Reads a catalog or a dataset: a file path (Node), YAML/JSON text, or an object; checks its
 * structure, then its schema. Every problem is reported at once.
 * @param known Returns a value already validated (e.g. a dataset from loadDataset) unchanged.
 * @returns The validated value.
 * @throws CatalogError or DatasetError.
 */
export function readInput<S extends z.ZodMiniType>(
  source: string | object,
  kind: "catalog" | "dataset",
  schema: S,
  known?: (raw: object) => boolean,
): z.infer<S> {
  const Err = kind === "catalog" ? CatalogError : DatasetError;
  const code = kind === "catalog" ? "catalogSchema" : "datasetSchema";
  let raw: unknown = source;
  let file: string | undefined;
  if (typeof source === "string") {
    let text = source;
    if (looksLikePath(source)) {
      file = source;
      text = readTextFile(source, kind);
    }
    const parsed = parseText(text, kind, file);
    if ("issue" in parsed) throw new Err([parsed.issue]);
    raw = parsed.value;
  }
  if (known && typeof raw === "object" && raw !== null && known(raw)) return raw as z.infer<S>;
  const where = file ? { file } : {};
  const structure = structuralIssues(raw, kind, code, where);
  // Too deep: stop here (the schema would overflow the stack); "__proto__" keys: reported with the rest.
  if (structure.tooDeep) throw new Err(structure.issues);
  // zod's English messages ("Invalid input: expected string, received number", "Too small: …").
  const r = schema.safeParse(raw, { error: en().localeError });
  if (!r.success) throw new Err([...structure.issues, ...zodIssues(r.error, kind, code, where)]);
  if (structure.issues.length) throw new Err(structure.issues);
  return r.data;
}

/** Turns zod issues into dti issues, one per problem, with their paths. */
export function zodIssues(error: z.core.$ZodError, kind: IssueKind, code: IssueCode, where: object): Issue[] {
  return error.issues.map((i) =>
    createIssue(
      kind,
      code,
      where,
      { detail: `${i.path.length ? i.path.join(".") + ": " : ""}${i.message}` },
      i.path as (string | number)[],
    ),
  );
}
