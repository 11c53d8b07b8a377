import Papa, { type ParseError } from "papaparse";
import { DatasetError, createIssue, type Issue, type IssueWhere, registerMessages } from "../errors.js";
import { fileMessages } from "../i18n/files.js";
import { parseText } from "../_parse.js";
import { RosterSchema, nameKey, quoteList, type RosterEntry } from "./roster.js";

// The messages of the problems raised here (not carried by score() alone).
registerMessages(fileMessages);

// Reading a roster file lives apart from the roster checks: the checks run in every score(), the
// CSV reader (papaparse) only where a file is read, so that score() does not carry it.

/**
 * Papaparse's "cannot detect the delimiter" note on a file of one column or few rows: it then reads
 * commas, as the template writes; a wrong guess shows as missing columns, so it is not an error.
 */
export const notDelimiterGuess = (e: ParseError): boolean => e.code !== "UndetectableDelimiter";

/**
 * Reads a roster file: a CSV with `unit_id` and `unit_name` columns (other columns ignored), or a
 * YAML/JSON list of `{id, name}`. Duplicate ids and names are refused with their row.
 * @param text The file's text.
 * @param file The file name, for the messages (its extension `.csv` selects the CSV reader).
 * @returns The roster.
 * @throws DatasetError naming the file and the row of every problem.
 */
export function readRoster(text: string, file = "roster.csv"): RosterEntry[] {
  const issues: Issue[] = [];
  // A CSV entry is named by its row (header = row 1), a YAML/JSON entry by its index in the list.
  let entries: { entry: RosterEntry; where: IssueWhere; path: (string | number)[]; label: string }[] = [];
  if (/\.csv$/i.test(file)) {
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const parsed = Papa.parse<string[]>(clean, { header: false });
    for (const e of parsed.errors.filter(notDelimiterGuess))
      issues.push(
        createIssue("dataset", "rosterSchema", { file, row: (e.row ?? 0) + 1 }, { detail: e.message }, ["row", (e.row ?? 0) + 1]),
      );
    const header = (parsed.data[0] ?? []).map((h) => h.trim());
    const idCol = header.indexOf("unit_id");
    const nameCol = header.indexOf("unit_name");
    for (const [col, i] of [
      ["unit_id", idCol],
      ["unit_name", nameCol],
    ] as const)
      if (i < 0) issues.push(createIssue("dataset", "rosterSchema", { file, row: 1 }, { detail: `missing column "${col}"` }, ["row", 1]));
    if (issues.length) throw new DatasetError(issues);
    parsed.data.slice(1).forEach((cells, k) => {
      const row = k + 2;
      const id = (cells[idCol] ?? "").trim();
      const name = (cells[nameCol] ?? "").trim();
      if (!id && !name) return; // a blank line
      if (!id || !name)
        issues.push(
          createIssue("dataset", "rosterSchema", { file, row }, { detail: `${!id ? "unit_id" : "unit_name"} is empty` }, ["row", row]),
        );
      else entries.push({ entry: { id, name }, where: { file, row }, path: ["row", row], label: `row ${row}` });
    });
  } else {
    const parsed = parseText(text, "dataset", file);
    if ("issue" in parsed) throw new DatasetError([parsed.issue]);
    const checked = RosterSchema.safeParse(parsed.value);
    if (!checked.success)
      throw new DatasetError(
        checked.error.issues.map((i) =>
          createIssue(
            "dataset",
            "rosterSchema",
            { file },
            { detail: `${i.path.join(".") || "(root)"}: a list of {id, name} is expected` },
            i.path as (string | number)[],
          ),
        ),
      );
    entries = checked.data.map((entry, i) => ({ entry, where: { file }, path: [i], label: `entry ${i + 1}` }));
  }
  const ids = new Map<string, string>();
  const names = new Map<string, RosterEntry>();
  for (const { entry, where, path, label } of entries) {
    const first = ids.get(entry.id);
    if (first !== undefined)
      issues.push(createIssue("dataset", "rosterDuplicateId", where, { received: entry.id, detail: `${first} and ${label}` }, path));
    else ids.set(entry.id, label);
    const same = names.get(nameKey(entry.name));
    if (same && same.id !== entry.id)
      issues.push(
        createIssue("dataset", "rosterDuplicateName", where, { received: entry.name, detail: quoteList([same.id, entry.id]) }, path),
      );
    else names.set(nameKey(entry.name), entry);
  }
  if (!entries.length && !issues.length)
    issues.push(createIssue("dataset", "rosterSchema", { file }, { detail: "the roster lists no unit" }));
  if (issues.length) throw new DatasetError(issues);
  return entries.map((e) => e.entry);
}
