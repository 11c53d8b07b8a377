import { periodsProblem } from "../_periods.js";
import { compileCatalog, type CompiledCatalog } from "../catalog/compile.js";
import { DatasetError, FormulaError, createIssue, registerMessages, type Issue } from "../errors.js";
import { fileMessages } from "../i18n/files.js";
import { readDatasetObject, type Dataset } from "../io/dataset.js";
import { checkRoster, filledCount, type RosterEntry } from "../io/roster.js";
import { fastPlan, type FastPlan } from "./fastPlan.js";
import { compactOf, normalizedOf, readCompactUnitInto, storage, type CompactUnit, type Storage } from "./fastRead.js";
import { checkDeclaredParents, checkParents, normalizeDataset, periodGapWarnings, type NormalizedUnit } from "./normalize.js";
import { ranked, scoreFastUnits, scorePoints, type Detail } from "./points.js";
import { readingsOf, score } from "./score.js";
import { withReadings, type ReadingChoice } from "../catalog/readings.js";
import type { ScoreResult } from "./types.js";

registerMessages(fileMessages);

// Streaming (issue 11): a dataset as JSON Lines — the header {catalog, year, periods[,
// numberFormat]} on the first line, then one unit per line — read one unit at a time into the
// compact form, so that 100,000 units fit in memory (the dataset's text and objects never do).
// The rules are those of every other source: the compiled reader, the reference reader for a unit
// it does not take (naming the line in each problem), the roster checks, all problems at once.

/** Options of {@link scoreLines}. */
export interface StreamOptions {
  /** `totals` (default), `indicators` or `full` (per-period records and traces built by the reference when read). */
  readonly detail?: Detail;
  /** The file the lines come from, for the places of problems. */
  readonly file?: string;
  /** Every unit that should be in the dataset (`--roster`): its checks run as for every dataset. */
  readonly roster?: readonly RosterEntry[];
  /** Called every 1,000 units read (progress for long runs). */
  readonly onProgress?: (units: number) => void;
  readonly engine?: "fast" | "reference";
  /** Readings of ambiguous nodes (issue 13), as for `score`. */
  readonly readings?: ReadingChoice;
}

const HEADER_KEYS = new Set(["catalog", "year", "periods", "numberFormat", "roster", "parents"]);
const CHUNK = 1024;

/** A unit as the roster checks read it: its id, name and how many values it fills. */
interface Light {
  readonly id: string;
  readonly name: string;
  readonly catalog?: string;
  readonly parent?: string;
  readonly filled: number;
}

/**
 * Scores a dataset given as JSON Lines, one unit at a time.
 * @param catalog The catalog.
 * @param lines The lines of the file (a header line, then one unit per line; blank lines are skipped).
 * @returns The result, as `score` gives it.
 * @throws DatasetError listing every problem of every line (each names its line as `row`).
 * @example
 * scoreLines(getCatalog("dong-nai-2023/huyen"), readFileSync("units.jsonl", "utf8").split("\n")).units[0]?.total;
 */
export function scoreLines(catalog: CompiledCatalog, lines: Iterable<string>, options: StreamOptions = {}): ScoreResult {
  const consumer = lineScorer(catalog, options);
  consumer.next();
  for (const line of lines) {
    const step = consumer.next(line);
    if (step.done) return step.value;
  }
  return finish(consumer);
}

/**
 * {@link scoreLines} over lines that arrive asynchronously: a Node stream read by `readline`, a
 * `fetch` body split with {@link textLines} — a server or a browser scores a large file without
 * holding it. The same rules, problems and result as {@link scoreLines}.
 * @param lines The lines (an async or a sync iterable).
 * @returns The result, as `score` gives it.
 * @example
 * const response = await fetch("/units.jsonl");
 * const result = await scoreLinesAsync(getCatalog("dong-nai-2023/huyen"), textLines(response.body!));
 */
export async function scoreLinesAsync(
  catalog: CompiledCatalog,
  lines: AsyncIterable<string> | Iterable<string>,
  options: StreamOptions = {},
): Promise<ScoreResult> {
  const consumer = lineScorer(catalog, options);
  consumer.next();
  for await (const line of lines) {
    const step = consumer.next(line);
    if (step.done) return step.value;
  }
  return finish(consumer);
}

/**
 * Lines of a text that arrives in chunks (bytes as UTF-8, or strings): a `fetch` body, a Node
 * stream. A line ends at "\n" (a "\r" before it is dropped); the last line needs no newline.
 * @param chunks The chunks, in order.
 * @returns The lines, one at a time.
 */
export async function* textLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let rest = "";
  for await (const chunk of chunks) {
    rest += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let end = rest.indexOf("\n");
    while (end >= 0) {
      yield rest.slice(0, end).replace(/\r$/, "");
      rest = rest.slice(end + 1);
      end = rest.indexOf("\n");
    }
  }
  rest += decoder.decode();
  if (rest) yield rest.replace(/\r$/, "");
}

/** The end of the lines, sent to a {@link lineScorer}. */
const END: unique symbol = Symbol("end of lines");

/** Tells a line scorer the lines have ended, and returns its result. */
function finish(consumer: Generator<undefined, ScoreResult, string | typeof END>): ScoreResult {
  // The consumer's loop ends at END: it returns (or throws the problems), never asks for more.
  return consumer.next(END).value as ScoreResult;
}

/**
 * The streaming scorer as a consumer of lines: each `next(line)` reads one line; `next(END)`
 * scores. It returns early (done) when the header refuses the file — no later line is read —
 * and throws the problems when it ends. Shared by the synchronous and asynchronous drivers.
 */
function* lineScorer(catalog: CompiledCatalog, options: StreamOptions): Generator<undefined, ScoreResult, string | typeof END> {
  const main = options.readings ? withReadings(catalog, options.readings) : compileCatalog(catalog);
  const file = options.file;
  const at = (row: number) => ({ ...(file !== undefined ? { file } : {}), row });
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  let header: Record<string, unknown> | undefined;
  let plan: FastPlan | undefined;
  // Catalogs the compact form does not hold (levels, child units), or the reference asked for: the units are gathered and scored as a whole.
  let gathered: unknown[] | undefined;
  const finals: (CompactUnit | undefined)[] = [];
  let selfs: (CompactUnit | undefined)[] | undefined;
  const light: Light[] = [];
  const rowOf: number[] = [];
  const ids = new Map<string, number>();
  let store: Storage | undefined;
  const referenceOnly = new Map<number, NormalizedUnit>();
  let row = 0;
  let headerRow = 0;
  for (;;) {
    const text = yield;
    if (text === END) break;
    row++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      issues.push(createIssue("dataset", "streamSyntax", at(row), { detail: (e as Error).message }));
      if (!header) break;
      continue;
    }
    if (!header) {
      const problem = headerProblem(value);
      if (problem) {
        issues.push(createIssue("dataset", "streamHeader", at(row), { detail: problem }));
        break;
      }
      header = value as Record<string, unknown>;
      headerRow = row;
      // The header's own shape, checked as a dataset with one placeholder unit.
      const probe = readDatasetObject({ ...header, units: [{ id: "-", name: "-" }] }, file !== undefined ? { file } : {});
      if (!probe.dataset) {
        issues.push(...probe.issues.map((i) => createIssue(i.kind, i.code, { ...i.where, ...at(row) }, i, i.path)));
        break;
      }
      if (probe.dataset.catalog !== main.catalog.id) {
        issues.push(
          createIssue("dataset", "catalogMismatch", at(row), { received: probe.dataset.catalog, expected: main.catalog.id }, ["catalog"]),
        );
        break;
      }
      if (probe.dataset.roster && options.roster) {
        issues.push(
          createIssue("dataset", "streamHeader", at(row), { detail: "the header declares a roster: another one cannot replace it" }),
        );
        break;
      }
      const periods = probe.dataset.periods;
      if (periodsProblem(periods)) {
        issues.push(createIssue("dataset", "badPeriods", at(row), { received: periods.join(", ") }, ["periods"]));
        break;
      }
      plan = options.engine === "reference" ? undefined : fastPlan(main, periods);
      if (!plan || main.childCatalog || main.scoring !== "points") gathered = [];
      else warnings.push(...periodGapWarnings(periods, main));
      continue;
    }
    if (gathered) {
      gathered.push(value);
      rowOf.push(row);
      continue;
    }
    const index = finals.length;
    if (index % CHUNK === 0) store = storage(plan!, CHUNK);
    const u = value as { id?: unknown; name?: unknown; catalog?: unknown; parent?: unknown; data?: unknown; appraisal?: unknown } | null;
    let compact = readCompactUnitInto(value, plan!, store!, index % CHUNK);
    let self: CompactUnit | undefined;
    let id = compact?.id;
    let name = compact?.name;
    let parent = compact?.parent;
    if (!compact) {
      // The reference reader, for this unit alone: every problem, or its warnings and normalised data.
      const one = readOne(value, header, main, plan!, row, index, at);
      issues.push(...one.issues);
      warnings.push(...one.warnings);
      if (!one.unit) continue;
      ({ id, name, parent } = one.unit);
      compact = one.final;
      self = one.self;
      // A value past the safe integers: this unit is scored by the reference.
      if (!compact) referenceOnly.set(index, one.unit);
      if (one.unit.appraisal && !selfs) selfs = [...finals];
      // An appraised unit's self-assessment is its own (undefined: the reference scores the unit).
      if (!one.unit.appraisal) self = compact;
    } else self = compact;
    if (selfs) selfs.push(self);
    id = id!;
    const first = ids.get(id);
    if (first !== undefined)
      issues.push(
        createIssue("dataset", "duplicateUnit", { ...at(row), unit: id }, { received: id, detail: `line ${first}` }, [
          "units",
          index,
          "id",
        ]),
      );
    else ids.set(id, row);
    finals.push(compact);
    rowOf.push(row);
    light.push({
      id,
      name: name!,
      ...(typeof u?.catalog === "string" ? { catalog: u.catalog } : {}),
      ...(parent !== undefined ? { parent } : {}),
      filled:
        filledCount(u?.data as Record<string, unknown> | undefined) + filledCount(u?.appraisal as Record<string, unknown> | undefined),
    });
    if (options.onProgress && finals.length % 1000 === 0) options.onProgress(finals.length);
  }
  if (!header && !issues.length) issues.push(createIssue("dataset", "streamHeader", at(row), { detail: "no header line" }));
  if (!header || (issues.length && gathered)) throw new DatasetError(issues);
  const head = header;
  if (gathered) {
    // Scored as a whole; the problems of a unit are named by its line.
    try {
      return score(
        main,
        { ...head, units: gathered } as Dataset,
        options.engine ? { engine: options.engine, detail: options.detail ?? "totals" } : { detail: options.detail ?? "totals" },
      );
    } catch (e) {
      if (e instanceof DatasetError) throw new DatasetError(e.issues.map((i) => withRow(i, rowOf, at)));
      throw e;
    }
  }
  // Links between units and the roster checks, over every unit; the parents the header declares
  // without assessing them (a commune file's districts), checked as in a dataset.
  const parentIssues: Issue[] = [];
  const declared = head["parents"] as readonly { readonly id: string; readonly name: string }[] | undefined;
  const parentWarnings: Issue[] = [];
  // The declared parents are the header's: their problems name its line.
  const onHeader = (i: Issue) => createIssue(i.kind, i.code, { ...i.where, ...at(headerRow) }, i, i.path);
  const declaredIssues: Issue[] = [];
  checkDeclaredParents(declared, light, declaredIssues, parentWarnings);
  parentIssues.push(...declaredIssues.map(onHeader));
  parentWarnings.splice(0, parentWarnings.length, ...parentWarnings.map(onHeader));
  if (light.some((l) => l.parent !== undefined))
    checkParents(
      light.map((l, index) => ({
        unit: { id: l.id, name: l.name, ...(l.parent !== undefined ? { parent: l.parent } : {}), data: {} },
        index,
        catalog: main,
      })),
      main,
      undefined,
      new Set((declared ?? []).map((p) => p.id)),
      parentIssues,
    );
  const rosterList = options.roster ?? (Array.isArray(head["roster"]) ? (head["roster"] as readonly RosterEntry[]) : undefined);
  const roster = checkRoster(
    { catalog: String(head["catalog"]), ...(rosterList ? { roster: rosterList } : {}), units: light },
    (i) => ({ where: at(rowOf[i]!), path: ["units", i] }),
    (u) => (u as Light).filled,
  );
  // Every problem at once: the lines', then the links between units and the roster's (as score() orders them).
  const all = [...issues, ...parentIssues.map((i) => withRow(i, rowOf, at)), ...roster.errors];
  if (all.length) throw new DatasetError(all);
  const scoringIssues: Issue[] = [];
  const detail = options.detail ?? "totals";
  const normalized = (i: number) => referenceOnly.get(i) ?? normalizedOf(plan!, finals[i]!);
  const fast = scoreFastUnits(plan!, finals, selfs, normalized, scoringIssues, detail);
  const units = fast
    ? ranked(fast.scored)
    : scorePoints(
        main,
        finals.map((_, i) => normalized(i)),
        plan!.periods,
        scoringIssues,
        detail,
        "reference",
      );
  if (scoringIssues.length) throw new FormulaError(scoringIssues.map((i) => withRow(i, rowOf, at)));
  const used = readingsOf(main);
  return {
    catalog: main.id,
    year: head["year"] as number,
    periods: plan!.periods,
    units,
    warnings: [...warnings, ...parentWarnings, ...roster.warnings],
    ...(used ? { readings: used } : {}),
    ...(declared ? { parents: declared } : {}),
  };
}

/** Why a header line is not one, or undefined. */
function headerProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const extra = Object.keys(value).filter((k) => !HEADER_KEYS.has(k));
  return extra.length ? `unexpected ${extra.join(", ")} (units go one per line after the header)` : undefined;
}

/** An issue of the unit at `units[i]` placed on its line. */
function withRow(issue: Issue, rowOf: readonly number[], at: (row: number) => { row: number }): Issue {
  const [head, index] = issue.path;
  if (head !== "units" || typeof index !== "number" || rowOf[index] === undefined) return issue;
  return createIssue(issue.kind, issue.code, { ...issue.where, ...at(rowOf[index]) }, issue, issue.path);
}

/** One unit read by the reference reader (a unit the compiled reader does not take). */
function readOne(
  value: unknown,
  header: Record<string, unknown>,
  main: CompiledCatalog,
  plan: FastPlan,
  row: number,
  index: number,
  at: (row: number) => { row: number },
): { issues: Issue[]; warnings: Issue[]; unit?: NormalizedUnit; final?: CompactUnit | undefined; self?: CompactUnit | undefined } {
  // Read as the only unit of a dataset: its paths say units[0]; they are put back at its index.
  const place = (i: Issue) =>
    createIssue(
      i.kind,
      i.code,
      { ...i.where, ...at(row) },
      i,
      i.path[0] === "units" && i.path[1] === 0 ? ["units", index, ...i.path.slice(2)] : i.path,
    );
  const reading = readDatasetObject({ ...header, units: [value] }, {});
  if (!reading.dataset || reading.issues.length) return { issues: reading.issues.map(place), warnings: [] };
  try {
    // The unit alone: its parent, and the parents the header declares, are checked with every unit
    // at the end, not against this one-unit dataset (each declared parent would be "unused" here).
    const { parent, ...alone } = reading.dataset.units[0]!;
    const { parents: _declared, ...dataset } = reading.dataset;
    const { units, warnings } = normalizeDataset({ ...dataset, units: [alone] }, main);
    const unit: NormalizedUnit = { ...units[0]!, parent };
    // The dataset-wide warnings (period gaps) are given once, from the header.
    const own = warnings.filter((w) => w.code !== "periodGap").map(place);
    return {
      issues: [],
      warnings: own,
      unit,
      final: compactOf(plan, unit, "final"),
      self: unit.appraisal ? compactOf(plan, unit, "self") : undefined,
    };
  } catch (e) {
    if (e instanceof DatasetError) return { issues: e.issues.map(place), warnings: [] };
    throw e;
  }
}
