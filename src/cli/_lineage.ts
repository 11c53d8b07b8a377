// The lineage side of the command line (issue 14): `score --lineage/--precision`, `rank` (a
// published table) and `compare` of published tables or across a lineage. Kept apart from
// main.ts, which only routes to it.
import { formatNumber } from "../_format.js";
import { DatasetError, DtiError, type Issue, type Lang, createIssue } from "../errors.js";
import { lineageTexts } from "../i18n/lineage.js";
import type { ScoreResult } from "../engine/types.js";
import { merge, type MergeResult, type MergeRule, type MergedUnit } from "../lineage/merge.js";
import { readPublished } from "../lineage/published.js";
import { readLineage } from "../lineage/read.js";
import type { Ranking, UnitLineage } from "../lineage/schema.js";
import { nationalValues, type NationalValues } from "../analysis/values.js";
import { fileLines } from "./_lines.js";
import { table } from "./_utils.js";

/** What `--lineage`, `--merge-rule`, `--merge-by` and `--precision` ask for. */
export interface LineageOptions {
  readonly lineage?: string | undefined;
  readonly mergeRule: MergeRule;
  readonly mergeBy?: string | undefined;
  readonly precision?: number | undefined;
  readonly format: string;
}

/** Runs `f`, naming `file` in the place of every problem it throws that names no file. */
function inFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DtiError)
      throw new DatasetError(
        e.issues.map((i) => (i.where.file !== undefined ? i : createIssue(i.kind, i.code, { file, ...i.where }, i, i.path))),
      );
    throw e;
  }
}

/** A lineage file, its problems naming it. */
export function lineageFile(file: string): UnitLineage {
  return inFile(file, () => readLineage(file));
}

/** Whether a file is a table of published values: YAML/JSON with `published:`, or CSV whose header starts id,name. */
export function isPublishedFile(file: string): boolean {
  try {
    for (const line of fileLines(file)) {
      const l = line.replace(/^\uFEFF/, "").trim();
      if (!l || l.startsWith("#")) continue;
      return /\.csv$/i.test(file) ? /^id,name(,|$)/.test(l) : /^["']?published["']?\s*:|^\{\s*"published"/.test(l);
    }
  } catch {
    return false; // the reader names the problem
  }
  return false;
}

/** A published table, its problems naming the file. */
export function publishedFile(file: string): ScoreResult {
  return inFile(file, () => readPublished(file));
}

/** Merges with the options, the lineage's problems naming its file. */
export function mergeWith(
  result: ScoreResult,
  opts: LineageOptions,
  profiles?: readonly { readonly id: string; readonly profile?: Readonly<Record<string, unknown>> | undefined }[],
): MergeResult {
  const file = opts.lineage!;
  const l = lineageFile(file);
  return inFile(file, () =>
    merge(result, l, {
      rule: opts.mergeRule,
      ...(opts.mergeBy !== undefined ? { by: opts.mergeBy } : {}),
      ...(profiles ? { profiles } : {}),
    }),
  );
}

/** The 0–1 values table: rank on the precision, main indicators, total; groups and unranked units after. */
export function valuesTable(v: NationalValues, lang: Lang): string {
  const t = lineageTexts[lang];
  const h = t.valuesHeaders(v.precision);
  // Every decimal kept ("0.7480", as published); a decimal comma in Vietnamese.
  const n = (s: string) => (lang === "vi" ? s.replace(".", ",") : s);
  const codes = v.indicators.map((i) => i.code);
  const pillarCodes = [...new Set(v.units.flatMap((u) => Object.keys(u.pillars ?? {})))];
  const block = (units: typeof v.units) =>
    table(
      [h.rank, "ID", lineageTexts[lang].headers[2]!, ...pillarCodes, ...codes, h.total],
      units.map((u) => [
        u.rank === undefined ? "-" : String(u.rank),
        u.id,
        u.name,
        ...pillarCodes.map((c) => (u.pillars?.[c] ? n(u.pillars[c].shown) : "-")),
        ...codes.map((c) => (u.main[c] ? n(u.main[c].shown) : "-")),
        n(u.total.shown),
      ]),
      [true, false, false, ...pillarCodes.map(() => true), ...codes.map(() => true), true],
    );
  const blocks = [block(v.units.filter((u) => u.rank !== undefined && u.group === undefined))];
  for (const g of v.ranking?.groups ?? []) blocks.push(`${t.group(g.name, g.citation)}\n${block(v.units.filter((u) => u.group === g.id))}`);
  const unranked = v.units.filter((u) => u.rank === undefined);
  if (unranked.length) blocks.push(`${t.unranked(v.ranking?.unranked?.citation ?? "")}\n${block(unranked)}`);
  return blocks.join("\n\n");
}

/** The new ranking of a merge: rank, id, name, total, max, predecessors. */
function mergedTable(units: readonly MergedUnit[], lang: Lang, totals = true): string {
  const t = lineageTexts[lang];
  const keep = (cells: string[]) => (totals ? cells : [...cells.slice(0, 3), ...cells.slice(5)]);
  return table(
    keep([...t.headers]),
    units.map((u) =>
      keep([
        String(u.rank),
        u.id,
        u.name,
        formatNumber(u.total, lang),
        formatNumber(u.max, lang),
        u.merged
          ? u.merged.predecessors.map((p) => `${p.id}${p.share !== undefined ? `×${formatNumber(p.share, lang)}` : ""}`).join(" + ")
          : t.unchanged,
      ]),
    ),
    keep(["1", "", "", "1", "1", ""]).map(Boolean),
  );
}

/**
 * The output of `score --lineage/--precision` and `rank`: the earlier ranking (as the table
 * given, or 0–1 values with --precision), then the new one. JSON: `{ before, after, values, noHistory }`.
 */
export function lineageOutput(
  result: ScoreResult,
  opts: LineageOptions,
  lang: Lang,
  beforeTable: () => string,
  profiles?: readonly { readonly id: string; readonly profile?: Readonly<Record<string, unknown>> | undefined }[],
  ranking?: Ranking,
): string {
  const m = opts.lineage !== undefined ? mergeWith(result, opts, profiles) : undefined;
  // The dataset's ranking groups name its own (earlier) units: they apply to the earlier ranking.
  const values = (r: ScoreResult, withRanking = false) =>
    nationalValues(r, {
      ...(opts.precision !== undefined ? { precision: opts.precision } : {}),
      ...(withRanking && ranking ? { ranking } : {}),
    });
  const withValues = opts.precision !== undefined || (result as { published?: unknown }).published !== undefined;
  if (opts.format === "json")
    return JSON.stringify(
      {
        ...(m ? { lineage: m.lineage, rule: m.rule, noHistory: m.noHistory } : {}),
        before: withValues ? values(result, true) : result,
        ...(m ? { after: m.after, ...(withValues ? { afterValues: values(m.after) } : {}) } : {}),
      },
      null,
      2,
    );
  const t = lineageTexts[lang];
  const parts = [m ? `${t.before(result.units.length)}\n\n` : ""];
  parts[0] += withValues ? valuesTable(values(result, true), lang) : beforeTable();
  if (m) {
    parts.push(t.after(m.lineage.id, m.lineage.effective, m.lineage.source, m.rule, m.after.units.length));
    parts.push(withValues ? valuesTable(values(m.after), lang) : mergedTable(m.after.units, lang));
    // The 0–1 table has no room for the predecessors: they follow, in rank order.
    if (withValues) parts.push(mergedTable(m.after.units, lang, false));
    if (m.noHistory.length) parts.push(t.noHistory(m.noHistory.map((u) => `${u.id} (${u.name})`).join(", ")));
  }
  return parts.join("\n\n");
}

/** The line naming the new units without history after a comparison table. */
export function noHistoryLine(
  units: readonly { readonly id: string; readonly name: string; readonly noHistory?: true }[],
  lang: Lang,
): string {
  const none = units.filter((u) => u.noHistory);
  return none.length ? `\n\n${lineageTexts[lang].noHistory(none.map((u) => `${u.id} (${u.name})`).join(", "))}` : "";
}

/** Problems of options that only make sense together. */
export function lineageOptionIssues(opts: LineageOptions): Issue[] {
  const issues =
    opts.precision !== undefined && (opts.precision < 0 || opts.precision > 6)
      ? [createIssue("cli", "badPrecision", {}, { received: String(opts.precision) })]
      : [];
  // A rule or a weight field that no merge would use is refused rather than silently ignored.
  if (opts.lineage === undefined && (opts.mergeRule !== "mean" || opts.mergeBy !== undefined))
    issues.push(
      createIssue(
        "cli",
        "usage",
        {},
        { detail: `${opts.mergeBy !== undefined ? "--merge-by" : "--merge-rule"} applies to a merge: give --lineage file` },
      ),
    );
  else if (opts.mergeBy !== undefined && opts.mergeRule !== "weighted")
    issues.push(
      createIssue(
        "cli",
        "usage",
        {},
        { detail: `--merge-by weighs the weighted rule: give --merge-rule weighted (got ${opts.mergeRule})` },
      ),
    );
  return issues;
}
