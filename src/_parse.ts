import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type * as z from "zod/mini";
// zod/mini loads no messages: the English ones (zod's default) are passed to each parse, so that
// issue details read as before without touching the app's global zod configuration.
// A named import: a default import of this CommonJS-interop module breaks in the CJS build
// (esbuild's Node-mode interop hands the whole module, not its default, to `require` users).
import { en } from "zod/v4/locales";
import { Dec } from "./_decimal.js";
import { ONE_GROUP_DOT } from "./_values.js";
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

/** Significant digits held exactly (the engine's decimal precision). */
const EXACT_DIGITS = 40;

/**
 * Whether a number literal as written (JSON or a YAML plain scalar) is held exactly by the value
 * the parser made of it. Up to 15 significant digits a double always round-trips (outside the
 * subnormal range), so the decimal comparison runs only for longer literals: no allocation on
 * the common path.
 */
export function literalIsExact(literal: string, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  let digits = 0;
  let leading = true;
  let trailingZeros = 0;
  let nonzero = false;
  for (let i = 0; i < literal.length; i++) {
    const c = literal.charCodeAt(i);
    if (c === 101 || c === 69) break; // e, E: the exponent follows
    if (c < 48 || c > 57) continue; // sign, point, underscore
    if (c === 48 && leading) continue;
    leading = false;
    nonzero = true;
    digits++;
    trailingZeros = c === 48 ? trailingZeros + 1 : 0;
  }
  // 100000000000000000000 has 1 significant digit.
  const significant = digits - trailingZeros;
  if (!nonzero) return true;
  if (value === 0) return false; // 1e-400: underflows to 0
  if (significant > EXACT_DIGITS) return false;
  if (significant <= 15 && Math.abs(value) >= 2.2250738585072014e-308) return true;
  try {
    return new Dec(literal.replace(/_/g, "")).eq(new Dec(value));
  } catch {
    return true; // not a decimal literal (0x1F, 0o17): YAML's own forms, exact as integers
  }
}

/** A place inside a parsed text, built only when there is something to report. */
type PathOf = () => (string | number)[];

/**
 * Scans JSON text that JSON.parse accepted for what it would silently change: duplicate keys
 * (JSON.parse keeps the last: a field, a period, even `units`) and number literals it rounds
 * (more than 40 significant digits, integers past 2^53, 1e400).
 */
function jsonIssues(text: string, kind: IssueKind, code: IssueCode, where: object): Issue[] {
  const issues: Issue[] = [];
  // One frame per open container: an object's keys so far and its current key, or an array's index.
  const frames: { keys: Set<string> | undefined; at: string | number }[] = [];
  let expectKey = false;
  const pathOf: PathOf = () => frames.map((f) => f.at);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: find its end (JSON.parse accepted the text, so it is well formed)
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) {
          escaped = true;
          i++;
        } else if (d === 34) break;
      }
      const top = frames[frames.length - 1];
      if (expectKey && top?.keys) {
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        top.at = key;
        if (top.keys.has(key)) {
          issues.push(createIssue(kind, code, where, { received: key, detail: pathOf().join(".") }, pathOf()));
        } else top.keys.add(key);
        expectKey = false;
      }
    } else if (c === 123) {
      frames.push({ keys: new Set(), at: "" });
      expectKey = true;
    } else if (c === 91) {
      frames.push({ keys: undefined, at: 0 });
    } else if (c === 125 || c === 93) {
      frames.pop();
      expectKey = false;
    } else if (c === 44) {
      const top = frames[frames.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) (top.at as number)++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const start = i;
      while (i + 1 < text.length && /[-+.eE0-9]/.test(text[i + 1]!)) i++;
      const literal = text.slice(start, i + 1);
      if (!literalIsExact(literal, Number(literal))) {
        issues.push(createIssue(kind, "inexactNumber", where, { received: literal, detail: pathOf().join(".") }, pathOf()));
      }
    }
  }
  return issues;
}

/**
 * Walks a YAML document for number scalars whose value does not hold what was written (more
 * than 40 significant digits, integers past 2^53). Iterative: the nesting is bounded before.
 */
/** A number as plain digits (YAML reads other forms too: 1e3, 0x10, .inf, .nan). */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

function yamlNumberIssues(contents: unknown, kind: IssueKind, where: object, duplicates = false): Issue[] {
  const issues: Issue[] = [];
  // A dataset that declares numberFormat: en reads "1.000" as YAML does (one).
  const format = isMap(contents) ? contents.get("numberFormat") : undefined;
  const stack: { node: unknown; path: readonly (string | number)[] }[] = [{ node: contents, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (isScalar(node)) {
      const v = node.value;
      const source = typeof v === "number" && node.type === "PLAIN" ? node.source : undefined;
      if (source !== undefined && (!PLAIN_NUMBER.test(source) || (format !== "en" && ONE_GROUP_DOT.test(source.replace(/^\+/, ""))))) {
        // YAML would read it as a number the writer may not mean: refused, never reinterpreted.
        issues.push(
          createIssue(
            kind,
            PLAIN_NUMBER.test(source) && format === undefined ? "ambiguousNumber" : "yamlNumberForm",
            where,
            { received: source, expected: String(v), detail: path.join(".") },
            path,
          ),
        );
      } else if (typeof v === "number" && node.source !== undefined && !literalIsExact(node.source, v)) {
        issues.push(createIssue(kind, "inexactNumber", where, { received: node.source, detail: path.join(".") }, path));
      }
    } else if (isMap(node)) {
      // Keys are text (stringKeys), so `4.1` and "4.1" are the same key: named with its path.
      const keys = duplicates ? new Set<string>() : undefined;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = isScalar(pair.key) ? String(pair.key.value) : "?";
        if (keys?.has(k))
          issues.push(createIssue(kind, "duplicateKey", where, { received: k, detail: [...path, k].join(".") }, [...path, k]));
        keys?.add(k);
        stack.push({ node: pair.value, path: [...path, k] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    } else if (isAlias(node)) continue;
  }
  return issues;
}

/**
 * Parses YAML or JSON text (a BOM and CRLF line endings are accepted). JSON text goes through
 * JSON.parse (fast, bounded memory on large datasets) and a scan for what JSON.parse would change
 * silently (duplicate keys, rounded numbers); alias expansion is bounded and nesting is limited,
 * so an alias bomb or a deeply nested document is an error, not a hang or a crash.
 *
 * YAML mapping keys are always text, read as written: `4.10:` is the key "4.10" (YAML 1.2 would
 * make it the number 4.1, and its data would land on indicator 4.1). `4.1:` and `"4.1":` are the
 * same key, so both in one mapping are a duplicate key. YAML numbers that cannot be held exactly
 * are refused.
 * @returns The value, or the issues (the first also as `issue`).
 */
export function parseText(text: string, kind: IssueKind, file?: string): { value: unknown } | { issue: Issue; issues: Issue[] } {
  const where = file ? { file } : {};
  const fail = (issues: Issue[]) => ({ issue: issues[0]!, issues });
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (bracketDepth(clean) > MAX_DEPTH) {
    return fail([createIssue(kind, "yamlSyntax", where, { detail: `nesting deeper than ${MAX_DEPTH} levels` })]);
  }
  const head = clean.trimStart()[0];
  if (head === "{" || head === "[") {
    let value: unknown;
    let json = false;
    try {
      value = JSON.parse(clean);
      json = true;
    } catch {
      // not JSON: a YAML flow collection, parsed below
    }
    if (json) {
      const issues = jsonIssues(clean, kind, "duplicateKey", where);
      return issues.length ? fail(issues) : { value };
    }
  }
  try {
    const doc = parseDocument(clean, { uniqueKeys: true, merge: false, stringKeys: true, logLevel: "error" });
    const first = doc.errors[0];
    // Duplicate keys: named with their paths (the parser's message has only a line).
    if (first && doc.errors.every((e) => e.code === "DUPLICATE_KEY")) {
      const dup = yamlNumberIssues(doc.contents, kind, where, true).filter((i) => i.code === "duplicateKey");
      if (dup.length) return fail(dup);
    }
    if (first) throw first;
    const issues = yamlNumberIssues(doc.contents, kind, where);
    if (issues.length) return fail(issues);
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
    return fail([createIssue(kind, "yamlSyntax", where, { detail })]);
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
 * Reads a catalog or a dataset as written: a file path (Node) or YAML/JSON text is parsed, an
 * object is taken as is.
 * @returns The raw value and the place (the file) to name in issues.
 * @throws CatalogError or DatasetError (unreadable file, syntax).
 */
export function readRaw(source: string | object, kind: "catalog" | "dataset"): { raw: unknown; where: { file?: string } } {
  const Err = kind === "catalog" ? CatalogError : DatasetError;
  if (typeof source !== "string") return { raw: source, where: {} };
  let text = source;
  let file: string | undefined;
  if (looksLikePath(source)) {
    file = source;
    text = readTextFile(source, kind);
  }
  const parsed = parseText(text, kind, file);
  if ("issue" in parsed) throw new Err(parsed.issues);
  return { raw: parsed.value, where: file ? { file } : {} };
}

/**
 * Checks a raw value's structure, then its schema. Every problem is reported at once.
 * @returns The validated value, or every issue (`tooDeep`: the schema was not run).
 */
export function checkShape<S extends z.ZodMiniType>(
  raw: unknown,
  kind: "catalog" | "dataset",
  schema: S,
  where: object,
): { data: z.infer<S> } | { issues: Issue[]; tooDeep: boolean } {
  const code = kind === "catalog" ? "catalogSchema" : "datasetSchema";
  const structure = structuralIssues(raw, kind, code, where);
  // Too deep: stop here (the schema would overflow the stack); "__proto__" keys: reported with the rest.
  if (structure.tooDeep) return structure;
  // zod's English messages ("Invalid input: expected string, received number", "Too small: …").
  const r = schema.safeParse(raw, { error: en().localeError });
  if (!r.success) return { issues: [...structure.issues, ...zodIssues(r.error, kind, code, where)], tooDeep: false };
  if (structure.issues.length) return structure;
  return { data: r.data };
}

/**
 * Reads a catalog or a dataset: a file path (Node), YAML/JSON text, or an object; checks its
 * structure, then its schema. Every problem is reported at once.
 * @returns The validated value.
 * @throws CatalogError or DatasetError.
 */
export function readInput<S extends z.ZodMiniType>(source: string | object, kind: "catalog" | "dataset", schema: S): z.infer<S> {
  const Err = kind === "catalog" ? CatalogError : DatasetError;
  const { raw, where } = readRaw(source, kind);
  const r = checkShape(raw, kind, schema, where);
  if ("issues" in r) throw new Err(r.issues);
  return r.data;
}

/** Turns zod issues into dti issues, one per problem, with their paths. */
export function zodIssues(error: z.core.$ZodError, kind: IssueKind, code: IssueCode, where: object): Issue[] {
  return error.issues.flatMap((i) => {
    // An unknown key (a typo such as `cadance`) is named by its own path, one issue per key, so
    // that the place points at the key rather than at the object holding it.
    const keys = i.code === "unrecognized_keys" ? i.keys : [undefined];
    return keys.map((key) => {
      const path = (key === undefined ? i.path : [...i.path, key]) as (string | number)[];
      const message = key === undefined ? i.message : `unknown key "${key}" (not part of the schema; a typo?)`;
      return createIssue(kind, code, where, { detail: `${path.length ? path.join(".") + ": " : ""}${message}` }, path);
    });
  });
}
