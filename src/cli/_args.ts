// Everything generated from the declaration in ./spec.ts: the commander parser of each command,
// the usage and help text, and the translation of commander's errors into coded, localized issues.
import { Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import { CliError, createIssue, type IssueCode, type IssueParams, type Lang, registerMessages } from "../errors.js";
import { fileMessages } from "../i18n/files.js";
import { cliTexts } from "../i18n/cli.js";
import {
  COMMANDS,
  GLOBAL_OPTIONS,
  VERSION_FLAGS,
  type ArgName,
  type ArgSpec,
  type ArgsOf,
  type CommandName,
  type CommandSpec,
  type OptionName,
  type OptionSpec,
  type OptionsOf,
} from "./spec.js";

// The messages of the problems raised here (not carried by score() alone).
registerMessages(fileMessages);

/**
 * Version of the dti-engine package, read from its package.json (the CLI runs in Node only): one
 * level up from the bundled command line (dist/cli.js), two from its modules (src/cli/_args.ts).
 */
export const VERSION: string = packageVersion();

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const file of ["../package.json", "../../package.json"]) {
    let pkg: { name?: string; version?: string } | undefined;
    try {
      pkg = require(file) as { name?: string; version?: string };
    } catch {
      continue; // not at this level
    }
    if (pkg.name === "dti-engine" && pkg.version) return pkg.version;
  }
  // A copy of dist/cli.js outside its package: say so rather than print a made-up version.
  return "unknown (dti-engine's package.json not found next to the command line)";
}

/** A coded command-line error (exit 2). */
export function cliError(code: IssueCode, params: IssueParams = {}, file?: string): CliError {
  return new CliError([createIssue("cli", code, file !== undefined ? { file } : {}, params)]);
}

/** The names of every command, in declaration order. */
// Every declared command, argument and option has its description in the locale tables: a missing
// one does not compile (both tables have the same keys, checked in src/i18n/cli.ts).
const described: {
  readonly commands: Readonly<Record<CommandName, string>>;
  readonly args: Readonly<Record<ArgName, string>>;
  readonly optionDescriptions: Readonly<Record<OptionName, string>>;
} = cliTexts.en.help;
void described;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The "unknown command" error, naming the commands. */
export function unknownCommand(name: string): CliError {
  return cliError("unknownCommand", { received: name, expected: COMMAND_NAMES.join(", ") });
}

function specOf(name: CommandName): CommandSpec {
  return COMMANDS[name];
}

/** A command's own options, then the global ones. */
function optionsOf(name: CommandName): [string, OptionSpec][] {
  return [...Object.entries(specOf(name).options), ...Object.entries(GLOBAL_OPTIONS)];
}

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const placeholder = (o: OptionSpec): string => o.choices?.join("|") ?? o.value ?? "VALUE";
const flagOf = (name: string, o: OptionSpec): string =>
  o.type === "boolean" ? `--${kebab(name)}` : `--${kebab(name)} ${placeholder(o)}${o.type === "list" ? " …" : ""}`;

function argUsage(a: ArgSpec): string {
  const n = kebab(a.name);
  switch (a.arity) {
    case "one":
      return `<${n}>`;
    case "optional":
      return `[${n}]`;
    case "many":
      return `<${n}…>`;
    case "optional-many":
      return `[${n}…]`;
  }
}

/** The usage line of a command, e.g. `dti explain <dataset> --unit ID [--code 6.3.2] [--catalog id|path]`. */
export function usageLine(name: CommandName): string {
  const spec = specOf(name);
  const options = Object.entries(spec.options).map(([n, o]) => (o.required ? flagOf(n, o) : `[${flagOf(n, o)}]`));
  return ["dti", name, ...spec.args.map(argUsage), ...options].join(" ");
}

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([l]) => [...l].length));
  return rows.map(([l, r]) => `  ${l}${" ".repeat(width - [...l].length)}   ${r}`.trimEnd());
}

function optionRows(entries: readonly [string, OptionSpec][], lang: Lang): [string, string][] {
  const t = cliTexts[lang].help;
  return entries.map(([n, o]) => [
    `${o.short ? `-${o.short}, ` : "    "}${flagOf(n, o)}`,
    `${t.optionDescriptions[n as keyof typeof t.optionDescriptions]}${o.default !== undefined ? ` (${t.defaultIs(o.default)})` : ""}`,
  ]);
}

/** The help of the whole command line: one usage line per command, the global options, notes. */
export function globalHelp(lang: Lang): string {
  const t = cliTexts[lang].help;
  return [
    t.title,
    "",
    `${t.usage}:`,
    ...COMMAND_NAMES.map((n) => `  ${usageLine(n)}`),
    `  dti ${VERSION_FLAGS.join(" | ")}   (${t.version})`,
    "",
    `${t.everyCommand}:`,
    ...columns(optionRows(Object.entries(GLOBAL_OPTIONS), lang)),
    "",
    t.moreHelp,
    ...t.notes,
  ].join("\n");
}

/** The help of one command: usage line, summary, arguments and options with their defaults. */
export function commandHelp(name: CommandName, lang: Lang): string {
  const t = cliTexts[lang].help;
  const spec = specOf(name);
  const lines = [`${t.usage}: ${usageLine(name)}`, "", t.commands[name]];
  if (spec.args.length)
    lines.push("", `${t.arguments}:`, ...columns(spec.args.map((a) => [argUsage(a), t.args[a.name as keyof typeof t.args]])));
  lines.push("", `${t.options}:`, ...columns(optionRows(optionsOf(name), lang)));
  const notes = (t.commandNotes as Partial<Record<string, readonly string[]>>)[name];
  if (notes) lines.push("", ...notes);
  return lines.join("\n");
}

function checkChoice(name: string, o: OptionSpec, value: string): void {
  if (o.choices && !o.choices.includes(value))
    throw cliError("badValue", { detail: `--${kebab(name)}`, expected: o.choices.join(", "), received: value });
}

/**
 * Reads `--lang` (either form, anywhere before `--`) before anything else can fail, so that every
 * message is in that language, and drops the global options given before the command name.
 * @param argv Arguments after the program name.
 * @returns The language and the arguments from the command name on.
 */
export function preParse(argv: readonly string[]): { lang: Lang; rest: string[] } {
  let lang: Lang = GLOBAL_OPTIONS.lang.default;
  const end = argv.indexOf("--");
  const head = end < 0 ? argv : argv.slice(0, end);
  head.forEach((a, i) => {
    const value = a === "--lang" ? head[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (value === undefined) return;
    checkChoice("lang", GLOBAL_OPTIONS.lang, value);
    lang = value as Lang;
  });
  const rest = [...argv];
  for (;;) {
    if (rest[0] === "--lang") {
      if (rest.length < 2) throw cliError("missingValue", { received: "--lang", expected: placeholder(GLOBAL_OPTIONS.lang) });
      rest.splice(0, 2);
    } else if (rest[0]?.startsWith("--lang=")) rest.shift();
    else break;
  }
  return { lang, rest };
}

function toCommanderOption(name: string, o: OptionSpec): Option {
  // commander names the value of `--group-by` groupBy: the key of the declaration.
  const option = new Option(`${o.short ? `-${o.short}, ` : ""}--${kebab(name)}${o.type === "boolean" ? "" : " <value>"}`);
  if (o.default !== undefined) option.default(o.default);
  if (o.required) option.makeOptionMandatory();
  if (o.type === "list") option.argParser((v: string, previous: string[] | undefined) => [...(previous ?? []), v]);
  else if (o.type === "integer") {
    option.argParser((v: string) => {
      // Digits only, and no more than a JS number holds exactly (Number() would round them silently).
      if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw cliError("badInteger", { detail: `--${kebab(name)}`, received: v });
      return Number(v);
    });
  } else if (o.choices) {
    option.argParser((v: string) => {
      checkChoice(name, o, v);
      return v;
    });
  }
  return option;
}

function commanderArgument(a: ArgSpec): string {
  switch (a.arity) {
    case "one":
      return `<${a.name}>`;
    case "optional":
      return `[${a.name}]`;
    case "many":
      return `<${a.name}...>`;
    case "optional-many":
      return `[${a.name}...]`;
  }
}

/** Turns commander's error (English text) into a coded issue with the names from the declaration. */
function fromCommander(e: CommanderError, name: CommandName, lang: Lang): CliError {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? "";
  const flag = quoted.split(" ")[0] ?? "";
  const option = optionsOf(name).find(([n]) => `--${kebab(n)}` === flag);
  const spec = specOf(name);
  switch (e.code) {
    case "commander.unknownOption":
      return cliError("unknownOption", {
        received: quoted,
        detail: name,
        expected: optionsOf(name)
          .map(([n]) => `--${kebab(n)}`)
          .join(", "),
      });
    case "commander.optionMissingArgument":
      return cliError("missingValue", { received: flag, expected: option ? placeholder(option[1]) : "" });
    case "commander.missingMandatoryOptionValue":
      return cliError("missingOption", { detail: name, received: option ? flagOf(...option) : flag });
    case "commander.missingArgument": {
      const arg = spec.args.find((a) => a.name === quoted);
      return cliError("missingArgument", { detail: name, received: arg ? argUsage(arg) : quoted });
    }
    case "commander.excessArguments":
      return cliError("tooManyArguments", {
        detail: name,
        expected: spec.args.map(argUsage).join(" ") || cliTexts[lang].help.noArguments,
        received: /got (\d+)/.exec(e.message)?.[1] ?? "?",
      });
    default:
      return cliError("usage", { detail: e.message.replace(/^error: /, "") });
  }
}

/** A command's parsed arguments and options, typed from its declaration. */
export interface Parsed<C extends CommandName> {
  readonly args: ArgsOf<C>;
  readonly opts: OptionsOf<C>;
}

/**
 * Parses a command's arguments with commander, built from the declaration: unknown options,
 * values outside `choices`, missing required options and wrong argument counts are coded
 * {@link CliError}s in `lang`.
 * @param name The command.
 * @param argv Its arguments (after the command name).
 * @param lang Language of the help and messages.
 * @param out Where `--help` writes.
 * @returns The parsed arguments and options, or `undefined` when help was shown.
 */
export function parseCommand<C extends CommandName>(
  name: C,
  argv: readonly string[],
  lang: Lang,
  out: (s: string) => void,
): Parsed<C> | undefined {
  const command = new Command(name)
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.replace(/\n$/, "")), writeErr: () => {}, outputError: () => {} })
    .helpOption("-h, --help")
    .configureHelp({ formatHelp: () => `${commandHelp(name, lang)}\n` })
    .allowExcessArguments(false)
    .action(() => {});
  for (const a of specOf(name).args) command.argument(commanderArgument(a));
  for (const [n, o] of optionsOf(name)) if (n !== "help") command.addOption(toCommanderOption(n, o));
  try {
    command.parse([...argv], { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.code === "commander.helpDisplayed" || e.code === "commander.help") return undefined;
    throw fromCommander(e, name, lang);
  }
  const values: Record<string, unknown> = { ...command.opts() };
  for (const [n, o] of optionsOf(name)) {
    // commander names `--skip-invalid` skipInvalid; the handlers read the declared name.
    if (n.includes("-")) values[n] = values[n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    if (o.type === "boolean") values[n] = values[n] === true;
    else if (o.type === "list") values[n] ??= [];
  }
  return { args: command.processedArgs as unknown as ArgsOf<C>, opts: values as OptionsOf<C> };
}
