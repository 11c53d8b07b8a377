import { Dec, parseDecimalLiteral, sum } from "../_decimal.js";
import { CatalogError, createIssue, type Issue, type IssueCode } from "../errors.js";
import { compileCatalog, fieldsOfFormula } from "./compile.js";
import { registeredCatalog } from "./registry.js";
import { CATALOG_READING, readingSets } from "./readings.js";
import type { Catalog, Note } from "./schema.js";

/** One lint finding. */
export interface LintFinding {
  readonly code: string;
  readonly message: string;
}

/** Result of {@link lintCatalog}. */
export interface LintReport {
  readonly catalog: string;
  /** True when there is no error (noted source contradictions are not errors). */
  readonly ok: boolean;
  readonly errors: readonly LintFinding[];
  /** Mismatches the source itself contains, explained by a note. */
  readonly noted: readonly LintFinding[];
  /** Every interpretation note: code, source text, reading (and `ambiguity` when classified). */
  readonly notes: readonly (Note & { readonly code: string })[];
  /** Every node with readings (`"catalog"` for the unit total's rule): its reading ids and the default (issue 13). */
  readonly readings: readonly {
    readonly code: string;
    readonly ids: readonly string[];
    readonly default: string;
    /** Readings described but not encoded (`encoded: false`): listed, not scorable. */
    readonly described: readonly string[];
  }[];
  /**
   * Every finding as a coded issue (the errors and noted mismatches above, and soft findings such
   * as inputs never read); when the catalog does not compile, its hard errors.
   */
  readonly issues: readonly Issue[];
  /** Soft findings only (legal but likely a slip: an input never read, an unregistered child catalog). */
  readonly warnings: readonly Issue[];
  readonly stats: {
    readonly mainIndicators: number;
    readonly components: number;
    readonly leaves: number;
    readonly total: string;
    /** Notes not yet classified as an ambiguity or not (`ambiguity` unset): the ones still to review. */
    readonly unclassifiedNotes: number;
    readonly declaredTotal?: string;
    /** Points catalogs whose tree does not add up to the usual 1000: the difference (tree − 1000). */
    readonly differenceFrom1000?: string;
  };
}

function segmentKey(code: string): number {
  const last = code.split(".").pop() ?? "";
  const n = Number(last);
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * Lints a catalog against itself and against what its document declares: children add up to
 * their parent's max, main totals, component counts and the grand total match the declared
 * tables, codes are unique and in the document's order, every scored node has a formula.
 * A mismatch on a node that carries a note is reported as `noted`, not as an error.
 * @param catalog A validated catalog.
 * @returns The report, with every interpretation note listed.
 * @example
 * const report = lintCatalog(getCatalog("dong-nai-2023/so"));
 * report.ok; // true
 * report.stats.total; // "1000"
 */
export function lintCatalog(catalog: Catalog): LintReport {
  const errors: LintFinding[] = [];
  const noted: LintFinding[] = [];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  let compiled;
  try {
    compiled = compileCatalog(catalog);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    return {
      catalog: catalog.id,
      ok: false,
      errors: e.issues.map((i) => ({ code: i.where.indicator ?? "", message: i.message })),
      noted: [],
      notes: [],
      readings: [],
      issues: e.issues,
      warnings: [],
      stats: { mainIndicators: catalog.indicators.length, components: 0, leaves: 0, total: "0", unclassifiedNotes: 0 },
    };
  }
  const coded = (kind: IssueCode, finding: LintFinding) =>
    issues.push(
      createIssue(
        "catalog",
        kind,
        { catalog: catalog.id, ...(finding.code ? { indicator: finding.code } : {}) },
        { detail: finding.message },
      ),
    );
  const report = (node: { notes?: Note[] | undefined } | undefined, finding: LintFinding, kind: IssueCode = "declaredMismatch") => {
    (node?.notes?.length ? noted : errors).push(finding);
    coded(kind, finding);
  };
  const error = (finding: LintFinding, kind: IssueCode) => {
    errors.push(finding);
    coded(kind, finding);
  };
  const points = catalog.scoring === "points";

  for (const node of compiled.order) {
    // children add up to max
    if (points && node.children.length && node.capped) {
      const kids = node.children.map((c) => compiled.nodes.get(c)!).filter((c) => node.unscored || !c.unscored);
      const s = sum(kids.map((c) => c.max));
      if (!s.eq(node.max))
        report(node.source, { code: node.code, message: `children add up to ${s.toFixed()}, max is ${node.max.toFixed()}` }, "childrenSum");
    }
    // document order among siblings
    const kids = node.children;
    for (let i = 1; i < kids.length; i++) {
      const a = segmentKey(kids[i - 1]!);
      const b = segmentKey(kids[i]!);
      if (!(b > a)) error({ code: kids[i]!, message: `code out of the document's order after ${kids[i - 1]}` }, "codeOrder");
      if (!kids[i]!.startsWith(`${node.code}.`))
        error({ code: kids[i]!, message: `code does not start with its parent's ${node.code}.` }, "codeOrder");
    }
  }
  for (let i = 1; i < compiled.top.length; i++) {
    if (!(segmentKey(compiled.top[i]!.code) > segmentKey(compiled.top[i - 1]!.code))) {
      error({ code: compiled.top[i]!.code, message: "main indicator out of order" }, "codeOrder");
    }
  }
  const components = compiled.top.reduce((n, t) => n + t.children.length, 0);
  const d = catalog.declared;
  for (const m of d?.main ?? []) {
    const node = compiled.nodes.get(m.code);
    if (!node || node.depth !== 0) {
      error({ code: m.code, message: "declared main indicator not in the tree" }, "declaredMismatch");
      continue;
    }
    if (m.max !== undefined && points && !parseDecimalLiteral(m.max).eq(node.max)) {
      report(node.source, { code: m.code, message: `declared max ${m.max}, tree max ${node.max.toFixed()}` });
    }
    const count = m.components ?? m.criteria;
    if (count !== undefined && catalog.scoring !== "structure" && count !== node.children.length) {
      report(node.source, { code: m.code, message: `declared ${count} components, tree has ${node.children.length}` });
    }
  }
  if (d?.main && d.main.length !== compiled.top.length) {
    error({ code: "", message: `declared ${d.main.length} main indicators, tree has ${compiled.top.length}` }, "declaredMismatch");
  }
  const declaredComponents = d?.components ?? d?.criteria;
  if (declaredComponents !== undefined && catalog.scoring !== "structure" && declaredComponents !== components) {
    report(catalog, { code: "", message: `declared ${declaredComponents} components in all, tree has ${components}` });
  }
  if (points && catalog.total !== undefined && !parseDecimalLiteral(catalog.total).eq(compiled.treeTotal)) {
    error(
      { code: "", message: `catalog total ${catalog.total} but the tree adds up to ${compiled.treeTotal.toFixed()}` },
      "declaredMismatch",
    );
  }
  if (points && d?.total !== undefined && !parseDecimalLiteral(d.total).eq(compiled.treeTotal)) {
    report(catalog, { code: "", message: `declared total ${d.total}, tree adds up to ${compiled.treeTotal.toFixed()}` });
  }
  // Soft findings: legal, but likely a slip. An input the formula never reads is asked for nothing.
  // An input read by an alternative reading only is read, too.
  compiled.order.forEach((node) => {
    const byReadings = new Set(
      (node.source.readings ?? []).flatMap((r) => (r.formula ? fieldsOfFormula(r.formula, node.inputs).map((f) => f.name) : [])),
    );
    for (const name of Object.keys(node.inputs))
      if (!node.fieldByName.has(name) && !byReadings.has(name))
        warnings.push(
          createIssue("catalog", "unusedInput", { catalog: catalog.id, indicator: node.code, field: name }, { received: name }),
        );
  });
  // A child catalog that is not registered must be given at every score() call.
  if (catalog.childCatalog !== undefined && catalog.childCatalog !== catalog.id && !registeredChild(catalog.childCatalog))
    warnings.push(
      createIssue("catalog", "unknownChildCatalog", { catalog: catalog.id }, { received: catalog.childCatalog }, ["childCatalog"]),
    );
  const notes = [
    ...(catalog.notes ?? []).map((n) => ({ code: "", ...n })),
    ...compiled.order.flatMap((n) => (n.source.notes ?? []).map((x) => ({ code: n.code, ...x }))),
  ];
  // The rule (docs/catalog-format.md, "Readings"): a note marked `ambiguity: true` needs readings
  // on its node (a catalog note: on the catalog); `ambiguity: false` needs none; unmarked notes
  // are counted as unclassified. No keyword guess: the mark is the catalog author's statement.
  const sets = readingSets(compiled);
  const withReadings = new Set(sets.map((s) => (s.code === CATALOG_READING ? "" : s.code)));
  for (const n of notes)
    if (n.ambiguity === true && !withReadings.has(n.code))
      warnings.push(
        createIssue(
          "catalog",
          "ambiguityWithoutReadings",
          { catalog: catalog.id, ...(n.code ? { indicator: n.code } : {}) },
          { detail: n.source.replace(/\s+/g, " ").trim().slice(0, 120) },
          ["notes"],
        ),
      );
  return {
    catalog: catalog.id,
    ok: errors.length === 0,
    errors,
    noted,
    notes,
    readings: sets.map((s) => ({ code: s.code, ids: s.ids, default: s.default, described: s.described })),
    issues: [...issues, ...warnings],
    warnings,
    stats: {
      mainIndicators: compiled.top.length,
      components,
      leaves: compiled.leaves.length,
      total: compiled.treeTotal.toFixed(),
      unclassifiedNotes: notes.filter((n) => n.ambiguity === undefined).length,
      ...(d?.total !== undefined ? { declaredTotal: new Dec(String(parseDecimalLiteral(d.total))).toFixed() } : {}),
      ...(points && !compiled.treeTotal.eq(1000) ? { differenceFrom1000: compiled.treeTotal.minus(1000).toFixed() } : {}),
    },
  };
}

/** Whether a child catalog id resolves to a registered catalog (one that does not load counts as none). */
function registeredChild(id: string): boolean {
  try {
    return registeredCatalog(id) !== undefined;
  } catch (e) {
    if (e instanceof CatalogError) return false;
    throw e;
  }
}
