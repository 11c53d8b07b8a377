import { looksLikePath, readInput } from "../_parse.js";
import { CatalogError, createIssue, type Issue } from "../errors.js";
import { compileCatalog, type CompiledCatalog } from "./compile.js";
import { CatalogSchema } from "./schema.js";

/** Options of {@link loadCatalog}. */
export interface LoadCatalogOptions {
  /** The file the text was read from: named in every issue (a path source names itself). */
  readonly file?: string;
}

/**
 * Loads, validates and compiles a catalog (once: the result is what every other function takes).
 * @param source A file path (Node only), YAML/JSON text, or an already parsed object.
 * @param options `file`: the file the text came from, so that every problem names it.
 * @returns The compiled catalog, with defaults applied.
 * @throws CatalogError listing every problem (schema, duplicate codes, unknown inputs…), each
 * naming the catalog file when there is one.
 * @example
 * const catalog = loadCatalog("catalogs/dong-nai-2023/so.yaml");
 */
export function loadCatalog(source: string | object, options: LoadCatalogOptions = {}): CompiledCatalog {
  const file = options.file ?? (typeof source === "string" && looksLikePath(source) ? source : undefined);
  try {
    return compileCatalog(readInput(source, "catalog", CatalogSchema));
  } catch (e) {
    // The compiler's checks know codes, not files: a problem of a catalog file names that file,
    // not whichever dataset it was used with.
    if (file === undefined || !(e instanceof CatalogError)) throw e;
    throw new CatalogError(e.issues.map((i) => inFile(i, file)));
  }
}

function inFile(issue: Issue, file: string): Issue {
  if (issue.where.file !== undefined) return issue;
  return createIssue(issue.kind, issue.code, { file, ...issue.where }, issue, issue.path);
}
