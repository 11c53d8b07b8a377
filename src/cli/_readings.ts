// `--reading CODE=ID` and `--readings file.yaml` (issue 13): the readings of ambiguous rows a
// command scores with. The file is read first, the flags override it; both are checked against
// the catalog (unknown node, node without readings, unknown id: exit 2, naming the valid ones).
import { CliError, createIssue, type Issue } from "../errors.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { normalizeChoice, type ReadingChoice } from "../catalog/readings.js";
import { loadReadingsFile } from "../io/readingsFile.js";
import { readFile } from "./_utils.js";
import type { ScoreResult } from "../engine/types.js";

/** The readings a result was scored with, as a JSON field (none for a catalog without readings). */
export function readingsField(result: ScoreResult): { readings?: ScoreResult["readings"] } {
  return result.readings ? { readings: result.readings } : {};
}

/** The reading options of a command that scores. */
export interface ReadingOptions {
  readonly reading?: readonly string[] | undefined;
  readonly readings?: string | undefined;
}

/**
 * The readings the command line asks for, as a `readings` option of `score` and the analyses.
 * @returns `{ readings }`, or `{}` when neither option is given.
 * @throws CliError `badReadingOption` (not CODE=ID, every one at once); CatalogError for the file and the choice.
 */
export function readingOptions(opts: ReadingOptions, catalog: CompiledCatalog): { readings?: ReadingChoice } {
  const flags = opts.reading ?? [];
  if (!flags.length && opts.readings === undefined) return {};
  const fromFile = opts.readings !== undefined ? loadReadingsFile(readFile(opts.readings, "catalog"), catalog, opts.readings) : {};
  const issues: Issue[] = [];
  const given: Record<string, string> = {};
  for (const spec of flags) {
    // Codes hold dots, ids are camelCase words: the first "=" separates them.
    const at = spec.indexOf("=");
    const code = spec.slice(0, at).trim();
    const id = spec.slice(at + 1).trim();
    if (at < 0 || !code || !id) issues.push(createIssue("cli", "badReadingOption", {}, { received: spec }));
    else given[code] = id;
  }
  if (issues.length) throw new CliError(issues);
  const readings = { ...fromFile, ...given };
  normalizeChoice(catalog, readings);
  return { readings };
}
