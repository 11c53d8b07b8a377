import { Dec, parseDecimalLiteral, sum } from "../_decimal.js";
import { compileCatalog } from "./compile.js";
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
  /** Every interpretation note: code, source text, reading. */
  readonly notes: readonly (Note & { readonly code: string })[];
  readonly stats: {
    readonly mainIndicators: number;
    readonly components: number;
    readonly leaves: number;
    readonly total: string;
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
  let compiled;
  try {
    compiled = compileCatalog(catalog);
  } catch (e) {
    const issues = (e as { issues?: { where: { indicator?: string }; message: string }[] }).issues ?? [];
    return {
      catalog: catalog.id,
      ok: false,
      errors: issues.map((i) => ({ code: i.where.indicator ?? "", message: i.message })),
      noted: [],
      notes: [],
      stats: { mainIndicators: catalog.indicators.length, components: 0, leaves: 0, total: "0" },
    };
  }
  const report = (node: { notes?: Note[] | undefined } | undefined, finding: LintFinding) =>
    (node?.notes?.length ? noted : errors).push(finding);
  const points = catalog.scoring === "points";

  for (const node of compiled.order) {
    // children add up to max
    if (points && node.children.length && node.source.max !== undefined) {
      const kids = node.children.map((c) => compiled.nodes.get(c)!).filter((c) => node.unscored || !c.unscored);
      const s = sum(kids.map((c) => c.max));
      if (!s.eq(node.max))
        report(node.source, { code: node.code, message: `children add up to ${s.toFixed()}, max is ${node.max.toFixed()}` });
    }
    // document order among siblings
    const kids = node.children;
    for (let i = 1; i < kids.length; i++) {
      const a = segmentKey(kids[i - 1]!);
      const b = segmentKey(kids[i]!);
      if (!(b > a)) errors.push({ code: kids[i]!, message: `code out of the document's order after ${kids[i - 1]}` });
      if (!kids[i]!.startsWith(`${node.code}.`))
        errors.push({ code: kids[i]!, message: `code does not start with its parent's ${node.code}.` });
    }
  }
  for (let i = 1; i < compiled.top.length; i++) {
    if (!(segmentKey(compiled.top[i]!.code) > segmentKey(compiled.top[i - 1]!.code))) {
      errors.push({ code: compiled.top[i]!.code, message: "main indicator out of order" });
    }
  }
  const components = compiled.top.reduce((n, t) => n + t.children.length, 0);
  const d = catalog.declared;
  for (const m of d?.main ?? []) {
    const node = compiled.nodes.get(m.code);
    if (!node || node.depth !== 0) {
      errors.push({ code: m.code, message: "declared main indicator not in the tree" });
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
    errors.push({ code: "", message: `declared ${d.main.length} main indicators, tree has ${compiled.top.length}` });
  }
  const declaredComponents = d?.components ?? d?.criteria;
  if (declaredComponents !== undefined && catalog.scoring !== "structure" && declaredComponents !== components) {
    report(catalog, { code: "", message: `declared ${declaredComponents} components in all, tree has ${components}` });
  }
  if (points && catalog.total !== undefined && !parseDecimalLiteral(catalog.total).eq(compiled.treeTotal)) {
    errors.push({ code: "", message: `catalog total ${catalog.total} but the tree adds up to ${compiled.treeTotal.toFixed()}` });
  }
  if (points && d?.total !== undefined && !parseDecimalLiteral(d.total).eq(compiled.treeTotal)) {
    report(catalog, { code: "", message: `declared total ${d.total}, tree adds up to ${compiled.treeTotal.toFixed()}` });
  }
  const notes = [
    ...(catalog.notes ?? []).map((n) => ({ code: "", ...n })),
    ...compiled.order.flatMap((n) => (n.source.notes ?? []).map((x) => ({ code: n.code, ...x }))),
  ];
  return {
    catalog: catalog.id,
    ok: errors.length === 0,
    errors,
    noted,
    notes,
    stats: {
      mainIndicators: compiled.top.length,
      components,
      leaves: compiled.leaves.length,
      total: compiled.treeTotal.toFixed(),
      ...(d?.total !== undefined ? { declaredTotal: new Dec(String(parseDecimalLiteral(d.total))).toFixed() } : {}),
      ...(points && !compiled.treeTotal.eq(1000) ? { differenceFrom1000: compiled.treeTotal.minus(1000).toFixed() } : {}),
    },
  };
}
