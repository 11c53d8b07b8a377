import { en } from "./i18n/en.js";
import { vi } from "./i18n/vi.js";

/** Where an issue comes from. */
export type IssueKind = "catalog" | "dataset" | "formula" | "cli";

/** Stable issue codes; messages are looked up by code in `src/i18n/<lang>.ts`. */
export type IssueCode = keyof typeof en;

/** Place of an issue in the catalog or dataset. */
export interface IssueWhere {
  readonly file?: string;
  /** Row of a CSV file (the header is row 1), or of a roster file. */
  readonly row?: number;
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
  if (w.row !== undefined) parts.push(`${t.row} ${w.row}`);
  if (w.catalog) parts.push(`${t.catalog} ${w.catalog}`);
  if (w.unit) parts.push(`${t.unit} ${w.unit}`);
  if (w.period) parts.push(`${t.period} ${w.period}`);
  if (w.indicator) parts.push(`${t.indicator} ${w.indicator}`);
  if (w.field) parts.push(`${t.field} ${w.field}`);
  return parts.join(", ");
}

function messageOf(issue: Issue, lang: Lang): string {
  const text = (locales[lang][issue.code] as (p: IssueParams) => string)(issue);
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
