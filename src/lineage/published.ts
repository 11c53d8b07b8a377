import Papa from "papaparse";
import { Dec, fmt } from "../_decimal.js";
import { checkShape, looksLikePath, readRaw, readTextFile } from "../_parse.js";
import { DatasetError, createIssue, registerMessages, type Issue } from "../errors.js";
import { fileMessages } from "../i18n/files.js";
import { lineageMessages } from "../i18n/lineage.js";
import { competitionRanks } from "../engine/rank.js";
import type { IndicatorResult, PointsUnit, ScoreResult } from "../engine/types.js";
import { PublishedFileSchema, type Ranking } from "./schema.js";

registerMessages(lineageMessages);
registerMessages(fileMessages);

/** What a published table says about itself: where it comes from, its precision, its weights. */
export interface PublishedInfo {
  readonly id: string;
  readonly title?: string;
  readonly source: string;
  /** Decimal places of the values as published. */
  readonly precision?: number;
  readonly notes?: readonly string[];
  /** The main indicators, in column order. */
  readonly indicators: readonly { readonly code: string; readonly name: string }[];
  /** Points of each main indicator, when the table gives them (exact decimal text). */
  readonly weights?: Readonly<Record<string, string>>;
  readonly ranking?: Ranking;
  /** Ranks as published (unit id → rank), when the table has them. */
  readonly ranks?: Readonly<Record<string, number>>;
}

/**
 * A published table read as a result: each unit's total and main-indicator values are 0–1
 * values (max 1), so that it can be merged, ranked and compared like a scored result.
 */
export interface PublishedResult extends ScoreResult {
  readonly published: PublishedInfo;
}

/** Whether a result is a published table (see {@link readPublished}). */
export function isPublished(result: ScoreResult): result is PublishedResult {
  return "published" in result;
}

const VALUE = /^(0|1)(\.\d+)?$/;

/**
 * Reads a table of published values (unit, main-indicator values, total; docs/lineage.md): YAML
 * or JSON `{ published: … }`, or CSV with the columns `id,name[,rank],<code>…,total` after `#`
 * lines (`# id: …`, `# year: 2024`, `# source: …`, `# precision: 4`, `# title: …`; other `#` lines
 * are notes). Values are read as exact decimals from 0 to 1.
 * @param source A path (Node), the text, or the parsed object.
 * @param options `csv`: the text is CSV (a path ending in .csv is).
 * @returns The table as a result: units ranked by their exact total (equal totals share a rank).
 * @throws DatasetError: `publishedSchema`, `publishedValue`, `publishedDuplicateUnit`, `csvDuplicateColumn`.
 */
export function readPublished(source: string | object, options: { readonly csv?: boolean } = {}): PublishedResult {
  const isCsv = options.csv ?? (typeof source === "string" && looksLikePath(source) && /\.csv$/i.test(source));
  let raw: unknown;
  let where: { file?: string } = {};
  if (isCsv && typeof source === "string") {
    const file = looksLikePath(source) ? source : undefined;
    where = file ? { file } : {};
    raw = csvTable(file ? readTextFile(file, "dataset") : source, where);
  } else ({ raw, where } = readRaw(source, "dataset"));
  const r = checkShape(raw, "dataset", PublishedFileSchema, where);
  if ("issues" in r)
    throw new DatasetError(r.issues.map((i) => createIssue("dataset", "publishedSchema", i.where, { detail: i.detail ?? "" }, i.path)));
  const p = r.data.published;
  const issues: Issue[] = [];
  const value = (v: string | number, unit: string, field: string, path: (string | number)[]): string => {
    const s = String(v).trim();
    if (!VALUE.test(s) || new Dec(s).gt(1)) {
      issues.push(createIssue("dataset", "publishedValue", { ...where, unit, field }, { received: s }, path));
      return "0";
    }
    return s;
  };
  const names = new Map(p.indicators.map((i) => [i.code, i.name]));
  const seen = new Set<string>();
  const units = p.units.map((u, ui): Omit<PointsUnit, "rank"> & { key: number; exact: Dec } => {
    if (seen.has(u.id)) issues.push(createIssue("dataset", "publishedDuplicateUnit", { ...where, unit: u.id }, { received: u.id }));
    seen.add(u.id);
    const indicators: Record<string, IndicatorResult> = {};
    for (const [code, v] of Object.entries(u.values)) {
      if (!names.has(code)) names.set(code, code);
      indicators[code] = {
        code,
        name: names.get(code)!,
        max: "1",
        score: value(v, u.id, code, ["published", "units", ui, "values", code]),
      };
    }
    const total = value(u.total, u.id, "total", ["published", "units", ui, "total"]);
    const exact = new Dec(total);
    return {
      id: u.id,
      name: u.name,
      catalog: p.id,
      scoring: "points",
      total: fmt(exact),
      max: "1",
      indicators,
      periods: {},
      key: Number(exact.toDecimalPlaces(6).times(1e6).toFixed()),
      exact,
    };
  });
  const weights: Record<string, string> = {};
  for (const [code, w] of Object.entries(p.weights ?? {})) {
    const s = String(w).trim();
    if (!/^\d+(\.\d+)?$/.test(s))
      issues.push(createIssue("dataset", "publishedValue", { ...where, field: `weights.${code}` }, { received: s }));
    else weights[code] = s;
  }
  if (issues.length) throw new DatasetError(issues);
  const ranks = competitionRanks(units.map((u) => u.key));
  const published: PublishedInfo = {
    id: p.id,
    ...(p.title !== undefined ? { title: p.title } : {}),
    source: p.source,
    ...(p.precision !== undefined ? { precision: p.precision } : {}),
    ...(p.notes ? { notes: p.notes } : {}),
    indicators: [...names].map(([code, name]) => ({ code, name })),
    ...(p.weights ? { weights } : {}),
    ...(p.ranking ? { ranking: p.ranking } : {}),
    ...(p.units.some((u) => u.rank !== undefined)
      ? { ranks: Object.fromEntries(p.units.filter((u) => u.rank !== undefined).map((u) => [u.id, u.rank!])) }
      : {}),
  };
  return {
    catalog: p.id,
    year: p.year,
    periods: [],
    units: units
      .map(({ key: _k, exact: _e, ...u }, i): PointsUnit => ({ ...u, rank: ranks[i]! }))
      .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id)),
    warnings: [],
    published,
  };
}

/** A CSV published table as the object form: `#` metadata lines, then a header and one row per unit. */
function csvTable(text: string, where: { file?: string }): unknown {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const meta: Record<string, string> = {};
  const notes: string[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i]!.startsWith("#") || !lines[i]!.trim()); i++) {
    const m = /^#\s*(id|year|source|precision|title):\s*(.*)$/.exec(lines[i]!);
    if (m) meta[m[1]!] = m[2]!.trim();
    else if (lines[i]!.startsWith("#")) notes.push(lines[i]!.replace(/^#\s?/, ""));
  }
  // Papa renames a repeated column ("NT_1") and reads it as another indicator: refuse it.
  const header = (Papa.parse<string[]>(lines[i] ?? "", { header: false }).data[0] ?? []).map((h) => h.trim());
  const dup = header.flatMap((h, c) => {
    const first = header.indexOf(h);
    return h && first < c
      ? [
          createIssue(
            "dataset",
            "csvDuplicateColumn",
            { ...where, row: i + 1 },
            { received: h, detail: `columns ${first + 1} and ${c + 1}` },
          ),
        ]
      : [];
  });
  if (dup.length) throw new DatasetError(dup);
  const parsed = Papa.parse<Record<string, string>>(lines.slice(i).join("\n"), { header: true, skipEmptyLines: true });
  if (parsed.errors.length)
    throw new DatasetError(
      parsed.errors.map((e) => createIssue("dataset", "publishedSchema", { ...where, row: (e.row ?? 0) + i + 2 }, { detail: e.message })),
    );
  const codes = (parsed.meta.fields ?? []).filter((f) => !["id", "name", "rank", "total"].includes(f));
  return {
    published: {
      id: meta["id"] ?? where.file ?? "published",
      ...(meta["title"] ? { title: meta["title"] } : {}),
      year: meta["year"] !== undefined && /^\d{4}$/.test(meta["year"]) ? Number(meta["year"]) : meta["year"],
      source: meta["source"],
      ...(meta["precision"] !== undefined ? { precision: Number(meta["precision"]) } : {}),
      ...(notes.length ? { notes } : {}),
      indicators: codes.map((code) => ({ code, name: code })),
      units: parsed.data.map((row) => ({
        id: row["id"],
        name: row["name"],
        ...(row["rank"] ? { rank: Number(row["rank"]) } : {}),
        values: Object.fromEntries(codes.filter((c) => row[c] !== undefined && row[c] !== "").map((c) => [c, row[c]])),
        total: row["total"],
      })),
    },
  };
}
