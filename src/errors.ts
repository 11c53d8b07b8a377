import { en } from "./i18n/en.js";
import { vi } from "./i18n/vi.js";
import type { fileMessages } from "./i18n/files.js";
import type { lineageMessages } from "./i18n/lineage.js";
import type { xlsxMessages } from "./i18n/xlsx.js";

/** Where an issue comes from. */
export type IssueKind = "catalog" | "dataset" | "formula" | "cli";

/**
 * Stable issue codes; messages are looked up by code in `src/i18n/<lang>.ts`, and for the file
 * readers and the command line in `src/i18n/files.ts` (registered by the modules that raise them).
 */
export type IssueCode = keyof typeof en | keyof typeof fileMessages.en | keyof typeof lineageMessages.en | keyof typeof xlsxMessages.en;

/** Place of an issue in the catalog or dataset. */
export interface IssueWhere {
  readonly file?: string;
  /** Row of a CSV file (the header is row 1), or of a roster file. */
  readonly row?: number;
  /** Cell of an Excel workbook, A1-style with its sheet (`Q1!F7`, `'Hướng dẫn'!B2`). */
  readonly cell?: string;
  readonly catalog?: string;
  readonly unit?: string;
  readonly period?: string;
  readonly indicator?: string;
  readonly field?: string;
}

/** A plain readonly record describing one problem. */
export interface Issue {
  readonly kind: IssueKind;
  readonly code: IssueCode;
  /** Path inside the input (`units.3.data.Q1.6.3.2.a`). */
  readonly path: readonly (string | number)[];
  readonly where: IssueWhere;
  readonly expected?: string;
  readonly received?: string;
  /** Extra words for the message (a label, a list). */
  readonly detail?: string;
  /** English message; {@link formatIssue} gives Vietnamese. */
  readonly message: string;
}

/** A unit left out by `score(…, { skipInvalid: true })`, with its problems. */
export interface RejectedUnit {
  /** The unit's id (`units[3]` when it has none). */
  readonly id: string;
  readonly name?: string;
  /** Its parent unit as read (a commune's district), when it names one. */
  readonly parent?: string;
  /** Every problem found in the unit, coded as any issue (`where` names the unit, period, indicator, field). */
  readonly issues: readonly Issue[];
}

/** Message languages. */
export type Lang = "vi" | "en";
const locales = { vi, en } as const;

/** Parameters of an issue message. */
export interface IssueParams {
  readonly expected?: string;
  readonly received?: string;
  readonly detail?: string;
}

/**
 * Creates an issue record.
 * @param kind Origin of the issue.
 * @param code Stable issue code.
 * @param where Place (unit, period, indicator, field…).
 * @param params Expected/received values and detail for the message.
 * @param path Path inside the input.
 * @returns The issue, with an English message.
 */
export function createIssue(
  kind: IssueKind,
  code: IssueCode,
  where: IssueWhere,
  params: IssueParams = {},
  path: readonly (string | number)[] = [],
): Issue {
  const issue: Issue = {
    kind,
    code,
    path,
    where,
    ...(params.expected !== undefined ? { expected: params.expected } : {}),
    ...(params.received !== undefined ? { received: params.received } : {}),
    ...(params.detail !== undefined ? { detail: params.detail } : {}),
    message: "",
  };
  return { ...issue, message: messageOf(issue, "en") };
}

function placeOf(w: IssueWhere, lang: Lang): string {
  const t = locales[lang].$place;
  const parts: string[] = [];
  if (w.file) parts.push(w.file);
  if (w.cell !== undefined) parts.push(w.cell);
  if (w.row !== undefined) parts.push(`${t.row} ${w.row}`);
  if (w.catalog) parts.push(`${t.catalog} ${w.catalog}`);
  if (w.unit) parts.push(`${t.unit} ${w.unit}`);
  if (w.period) parts.push(`${t.period} ${w.period}`);
  if (w.indicator) parts.push(`${t.indicator} ${w.indicator}`);
  if (w.field) parts.push(`${t.field} ${w.field}`);
  return parts.join(", ");
}

type MessageTable = Readonly<Record<string, unknown>>;
/** Message tables registered by the file readers and the command line (see src/i18n/files.ts). */
const registered: { vi: MessageTable[]; en: MessageTable[] } = { vi: [], en: [] };

/**
 * Registers the messages of issue codes raised outside the core (CSV and roster files, the CLI),
 * so that an app that scores does not carry them. Called once by each module that raises them.
 * @param tables The messages in both languages.
 */
export function registerMessages(tables: { readonly vi: MessageTable; readonly en: MessageTable }): void {
  if (!registered.en.includes(tables.en)) {
    registered.en.push(tables.en);
    registered.vi.push(tables.vi);
  }
}

function messageOf(issue: Issue, lang: Lang): string {
  const core = locales[lang] as MessageTable;
  const fn = (
    Object.hasOwn(core, issue.code) ? core[issue.code] : registered[lang].find((t) => Object.hasOwn(t, issue.code))?.[issue.code]
  ) as ((p: IssueParams) => string) | undefined;
  // A code whose table is not loaded still says what it is (never a crash while reporting a problem).
  const text = fn ? fn(issue) : [issue.code, issue.detail, issue.received].filter((x) => x !== undefined).join(": ");
  const place = placeOf(issue.where, lang);
  return place ? `${place}: ${text}` : text;
}

/**
 * Formats an issue in a language.
 * @param issue The issue.
 * @param lang `vi` (default) or `en`.
 * @returns One line naming the place and the problem.
 */
export function formatIssue(issue: Issue, lang: Lang = "vi"): string {
  return lang === "en" ? issue.message : messageOf(issue, lang);
}

/** Base class of the errors thrown by dti-engine; carries every issue found. */
export class DtiError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => i.message).join("\n"));
    this.issues = issues;
    this.name = new.target.name;
  }
  /** Stable code of the first issue. */
  get code(): IssueCode {
    return this.issues[0]!.code;
  }
}
/** A catalog is malformed or inconsistent. */
export class CatalogError extends DtiError {}
/** A dataset is malformed or does not match its catalog; lists every problem. */
export class DatasetError extends DtiError {}
/** A formula cannot be evaluated (e.g. a zero denominator under the `error` policy). */
export class FormulaError extends DtiError {}
/** Bad command-line usage. */
export class CliError extends DtiError {}
