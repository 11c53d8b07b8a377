// A readings file (issue 13): the readings of ambiguous rows a province scores with, kept beside
// its datasets so that every run reads the document the same way.
//
//   catalog: dong-nai-2023/huyen
//   readings:
//     "7.1": asWritten
//   note: Sở TT&TT đọc "Tỷ lệ/1%" đúng như văn bản (công văn …)
import * as z from "zod/mini";
import { CatalogError, createIssue } from "../errors.js";
import { readRaw, structuralIssues, zodIssues } from "../_parse.js";
import type { CompiledCatalog } from "../catalog/compile.js";
import { ReadingIdSchema } from "../catalog/schema.js";
import { normalizeChoice, type ReadingChoice } from "../catalog/readings.js";

/** A readings file: the catalog it is for, node code (or `"catalog"`) → reading id, and why. */
export const ReadingsFileSchema = z.strictObject({
  /** The catalog id the readings belong to: a file for another catalog is refused. */
  catalog: z.string().check(z.minLength(1)),
  readings: z.record(z.string().check(z.minLength(1)), ReadingIdSchema),
  /** Why the province reads these rows this way (a decision, a letter): kept, not interpreted. */
  note: z.optional(z.string()),
});
/** A readings file, as validated by {@link ReadingsFileSchema}. */
export type ReadingsFile = z.infer<typeof ReadingsFileSchema>;

/**
 * Reads a readings file and checks it against the catalog it will score with.
 * @param source A file path (Node), YAML/JSON text, or a parsed object.
 * @param catalog The catalog the dataset is scored with.
 * @param file The file name for the messages (a path source names itself).
 * @returns The choice of readings, for `score(…, { readings })`.
 * @throws CatalogError naming the file: `readingsSchema` (shape), `readingsCatalogMismatch`
 * (a file for another catalog), `unknownReadingNode` / `noReadings` / `unknownReading` — all at once.
 */
export function loadReadingsFile(source: string | object, catalog: CompiledCatalog, file?: string): ReadingChoice {
  const { raw, where: at } = readRaw(source, "catalog");
  const where = file !== undefined ? { file } : at;
  const structure = structuralIssues(raw, "catalog", "readingsSchema", where);
  if (structure.tooDeep) throw new CatalogError(structure.issues);
  const parsed = ReadingsFileSchema.safeParse(raw);
  if (!parsed.success) throw new CatalogError([...structure.issues, ...zodIssues(parsed.error, "catalog", "readingsSchema", where)]);
  const data = parsed.data;
  if (data.catalog !== catalog.id)
    throw new CatalogError([
      createIssue("catalog", "readingsCatalogMismatch", where, { received: data.catalog, expected: catalog.id }, ["catalog"]),
    ]);
  try {
    normalizeChoice(catalog, data.readings);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    throw new CatalogError(e.issues.map((i) => createIssue(i.kind, i.code, { ...where, ...i.where }, i, i.path)));
  }
  return data.readings;
}
