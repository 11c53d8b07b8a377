// The one declaration of the `dti` command line: every command, its positional arguments and its
// options. Parsing (src/cli/_args.ts, with commander), validation of allowed values, required
// options and argument counts, and the usage/help text are all generated from this table; the
// words shown to users (summaries, descriptions) are in src/i18n/cli.ts, keyed by these names.

/**
 * How an option takes its value: `string` (one value, optionally from `choices`), `integer`,
 * `boolean` (a flag, no value) or `list` (repeatable: `--set a --set b`).
 */
export type OptionType = "string" | "integer" | "boolean" | "list";

/** Declaration of one option, `--name value` or `--name=value` (a key `groupBy` is the flag `--group-by`). */
export interface OptionSpec {
  readonly type: OptionType;
  /** Placeholder of the value in the usage line (`id|path`); `choices` are shown instead when given. */
  readonly value?: string;
  /** Allowed values. */
  readonly choices?: readonly string[];
  /** Value when the option is absent. */
  readonly default?: string;
  /** The command fails (exit 2) without it. */
  readonly required?: boolean;
  /** One-letter alias, `-h`. */
  readonly short?: string;
}

/** How many values a positional argument takes. */
export type Arity = "one" | "optional" | "many" | "optional-many";

/** Declaration of one positional argument. */
export interface ArgSpec {
  readonly name: string;
  readonly arity: Arity;
}

/** Declaration of one command. */
export interface CommandSpec {
  readonly args: readonly ArgSpec[];
  readonly options: Readonly<Record<string, OptionSpec>>;
}

const catalogOption = { type: "string", value: "id|path" } as const;
const unitOption = { type: "string", value: "ID", required: true } as const;
// Every command that scores can write its warnings to a CSV companion (spreadsheet users open it).
const warningsOption = { type: "string", value: "file.csv" } as const;
// Every command that scores can force the decimal.js reference engine (docs/fast-path.md): to
// compare with the compiled fast path, or to have every trace computed up front.
const engineOption = { type: "string", choices: ["fast", "reference"], default: "fast" } as const;
// Every command that scores can read ambiguous rows another way (issue 13): `--reading 7.1=asWritten`
// (repeatable) and a readings file kept beside the datasets (src/io/readingsFile.ts).
const readingOption = { type: "list", value: "CODE=ID" } as const;
const readingsOption = { type: "string", value: "file.yaml" } as const;
// Which units a table or report shows and in which order (issue 12): src/analysis/select.ts.
const sortOption = { type: "string", choices: ["total", "name", "id"], default: "total" } as const;
const filterOption = { type: "string", value: "text" } as const;
const groupByOption = { type: "string", choices: ["parent"] } as const;
const parentsOption = { type: "string", value: "file" } as const;

// Unit lineage after the 2025 reform (issue 14, docs/lineage.md): the new units scored from their
// predecessors', and national-style 0–1 values ranked on the published precision.
const lineageOption = { type: "string", value: "file" } as const;
const mergeRuleOption = { type: "string", choices: ["mean", "weighted", "max", "min"], default: "mean" } as const;
const mergeByOption = { type: "string", value: "field" } as const;
const precisionOption = { type: "integer", value: "4" } as const;
// An output file (`-o`); required for a workbook (`--format xlsx`, binary).
const outOption = { type: "string", value: "file", short: "o" } as const;

// CSV for a Vietnamese-locale Excel (issue 12): BOM, `;`, decimal comma (src/io/excel.ts).
const excelOption = { type: "boolean" } as const;

/** Options every command takes (`--lang` also applies to the error messages). */
export const GLOBAL_OPTIONS = {
  lang: { type: "string", choices: ["vi", "en"], default: "vi" },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

/** Top-level flags that print the package version. */
export const VERSION_FLAGS = ["--version", "-V", "-v"] as const;

/** Every `dti` command, in the order of the usage text. */
export const COMMANDS = {
  score: {
    args: [{ name: "dataset", arity: "many" }],
    options: {
      catalog: catalogOption,
      format: { type: "string", choices: ["table", "json", "jsonl", "csv"], default: "table" },
      full: { type: "boolean" },
      roster: { type: "string", value: "file" },
      // The districts a commune dataset names as parents without assessing them (for --group-by parent).
      parents: parentsOption,
      numbers: { type: "string", choices: ["vi", "en"] },
      excel: excelOption,
      sort: sortOption,
      filter: filterOption,
      groupBy: groupByOption,
      warnings: warningsOption,
      engine: engineOption,
      reading: readingOption,
      readings: readingsOption,
      // Score the valid units, list the rejected ones with their problems, exit 3.
      "skip-invalid": { type: "boolean" },
      lineage: lineageOption,
      mergeRule: mergeRuleOption,
      mergeBy: mergeByOption,
      precision: precisionOption,
    },
  },
  catalogs: {
    args: [],
    options: { format: { type: "string", choices: ["table", "json"], default: "table" } },
  },
  validate: {
    args: [{ name: "catalogOrDataset", arity: "many" }],
    options: { catalog: catalogOption, warnings: warningsOption, engine: engineOption },
  },
  lint: {
    args: [{ name: "catalogs", arity: "optional-many" }],
    options: { format: { type: "string", choices: ["table", "json"], default: "table" } },
  },
  explain: {
    args: [{ name: "dataset", arity: "one" }],
    options: {
      unit: unitOption,
      code: { type: "string", value: "6.3.2" },
      catalog: catalogOption,
      warnings: warningsOption,
      engine: engineOption,
      reading: readingOption,
      readings: readingsOption,
    },
  },
  gaps: {
    args: [{ name: "dataset", arity: "one" }],
    options: {
      unit: unitOption,
      format: { type: "string", choices: ["text", "json"], default: "text" },
      catalog: catalogOption,
      warnings: warningsOption,
      engine: engineOption,
      reading: readingOption,
      readings: readingsOption,
      // The unit against its earlier result (issue 14): the earlier dataset, across a lineage file.
      previous: { type: "string", value: "old-dataset" },
      lineage: lineageOption,
      mergeRule: mergeRuleOption,
      mergeBy: mergeByOption,
    },
  },
  whatif: {
    args: [{ name: "dataset", arity: "one" }],
    options: {
      set: { type: "list", value: "UNIT.PERIOD.CODE[.FIELD]=VALUE", required: true },
      format: { type: "string", choices: ["table", "json"], default: "table" },
      catalog: catalogOption,
      warnings: warningsOption,
      engine: engineOption,
      reading: readingOption,
      readings: readingsOption,
    },
  },
  compare: {
    args: [
      { name: "oldDataset", arity: "one" },
      { name: "newDataset", arity: "one" },
    ],
    options: {
      format: { type: "string", choices: ["table", "json"], default: "table" },
      catalog: catalogOption,
      warnings: warningsOption,
      engine: engineOption,
      reading: readingOption,
      readings: readingsOption,
      lineage: lineageOption,
      mergeRule: mergeRuleOption,
      mergeBy: mergeByOption,
    },
  },
  rank: {
    args: [{ name: "table", arity: "one" }],
    options: {
      lineage: lineageOption,
      mergeRule: mergeRuleOption,
      precision: precisionOption,
      format: { type: "string", choices: ["table", "json"], default: "table" },
    },
  },
  report: {
    args: [{ name: "dataset", arity: "one" }],
    options: {
      format: { type: "string", choices: ["md", "html", "csv", "json", "xlsx"], default: "md" },
      out: outOption,
      unit: { type: "string", value: "ID" },
      perUnit: { type: "boolean" },
      excel: excelOption,
      sort: sortOption,
      filter: filterOption,
      groupBy: groupByOption,
      parents: parentsOption,
      catalog: catalogOption,
      warnings: warningsOption,
      engine: engineOption,
      reading: readingOption,
      readings: readingsOption,
      // As for score: report the valid units, list the rejected ones, exit 3.
      "skip-invalid": { type: "boolean" },
    },
  },
  // Issue 13: how much the ranks depend on the readings of ambiguous rows (src/analysis/robustness.ts).
  robustness: {
    args: [{ name: "dataset", arity: "one" }],
    options: {
      format: { type: "string", choices: ["table", "json", "csv"], default: "table" },
      catalog: catalogOption,
      reading: readingOption,
      readings: readingsOption,
      maxCombinations: { type: "integer", value: "N" },
      warnings: warningsOption,
      engine: engineOption,
    },
  },
  template: {
    args: [{ name: "catalog", arity: "one" }],
    options: {
      format: { type: "string", choices: ["csv", "csv-wide", "yaml", "json-schema", "xlsx"], default: "csv" },
      out: outOption,
      periods: { type: "string", value: "Q1,Q2,Q3,Q4" },
      year: { type: "integer", value: "2024" },
      units: { type: "string", value: "roster.csv" },
      excel: excelOption,
    },
  },
  sample: {
    args: [{ name: "builtinCatalog", arity: "one" }],
    options: { out: { type: "string", value: "file" } },
  },
  help: {
    args: [{ name: "command", arity: "optional" }],
    options: {},
  },
} as const satisfies Record<string, CommandSpec>;

/** Name of a `dti` command. */
export type CommandName = keyof typeof COMMANDS;

type Spec = typeof COMMANDS;

/** Name of any declared option (global or of a command). */
export type OptionName = keyof typeof GLOBAL_OPTIONS | { [C in CommandName]: keyof Spec[C]["options"] }[CommandName];

/** Name of any declared positional argument. */
export type ArgName = { [C in CommandName]: Spec[C]["args"][number]["name"] }[CommandName];

/** The parsed value of an option, typed from its declaration. */
export type ValueOf<O> = O extends { readonly type: "boolean" }
  ? boolean
  : O extends { readonly type: "list" }
    ? readonly string[]
    : O extends { readonly type: "integer" }
      ? number | undefined
      : O extends { readonly choices: readonly (infer V)[] }
        ? O extends { readonly default: string }
          ? V
          : V | undefined
        : O extends { readonly required: true } | { readonly default: string }
          ? string
          : string | undefined;

/** The parsed options of a command (its own and the global ones). */
export type OptionsOf<C extends CommandName> = {
  readonly [K in keyof Spec[C]["options"] | keyof typeof GLOBAL_OPTIONS]: K extends keyof Spec[C]["options"]
    ? ValueOf<Spec[C]["options"][K]>
    : K extends keyof typeof GLOBAL_OPTIONS
      ? ValueOf<(typeof GLOBAL_OPTIONS)[K]>
      : never;
};

type ArgValue<A> = A extends { readonly arity: "one" }
  ? string
  : A extends { readonly arity: "optional" }
    ? string | undefined
    : readonly string[];
type ArgValues<A extends readonly ArgSpec[]> = { readonly [I in keyof A]: ArgValue<A[I]> };

/** The parsed positional arguments of a command: one string per `one`/`optional` argument, a list per `many`. */
export type ArgsOf<C extends CommandName> = ArgValues<Spec[C]["args"]>;

/** Whether a word names a declared command. */
export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
