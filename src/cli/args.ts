/**
 * Command-line words → what to run. Nothing here reads files or prints: it
 * only parses, so every mistake a user can type is testable in isolation.
 */
import { parseArgs } from "util";
import { checkSettings, SettingsInputError, type Settings, type SettingsInput } from "../core";

export type CommandName = "validate" | "tables";

export type Invocation =
  | { kind: "help"; command?: CommandName }
  | { kind: "version" }
  | { kind: "validate"; files: string[]; json: boolean; settings: SettingsInput }
  | { kind: "tables"; files: string[]; out: string; force: boolean; settings: SettingsInput };

/** The words do not form a command: print the usage and exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** A setting has a bad value: print this one line and exit 2. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

const settingOptions = {
  period: { type: "string" },
  tolerance: { type: "string" },
  "pmc-cap": { type: "string" },
  "pmc-base": { type: "string" },
  grant: { type: "string" },
  map: { type: "string", multiple: true },
  start: { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const commandOptions = {
  validate: { ...settingOptions, json: { type: "boolean" } },
  tables: { ...settingOptions, out: { type: "string", short: "o" }, force: { type: "boolean", short: "f" } },
} as const;

function isCommand(word: string): word is CommandName {
  return word === "validate" || word === "tables";
}

export function parseCommandLine(argv: string[]): Invocation {
  const [first, ...rest] = argv;
  // Nothing at all is a mistake (exit 2), not a request for help: scripts that lost their arguments must fail.
  if (first === undefined) throw new UsageError("no command given");
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first === "--version" || first === "-V" || first === "-v") return { kind: "version" };
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) return { kind: "help" };
    if (!isCommand(topic)) throw new UsageError(`unknown command "${topic}"`);
    return { kind: "help", command: topic };
  }
  if (!isCommand(first)) {
    throw new UsageError(first.startsWith("-") ? `unknown option ${first}` : `unknown command "${first}"`);
  }
  const command = first;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: commandOptions[command], allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(parseArgsMessage(err), command);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: "help", command };
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError("no workbook given", command);
  const settings = settingsFromFlags(values);
  if (command === "validate") return { kind: "validate", files, json: values.json === true, settings };
  const out = values.out;
  if (typeof out !== "string" || out === "") throw new UsageError("--out <out.xlsx> is required", command);
  return { kind: "tables", files, out, force: values.force === true, settings };
}

/** Node's parseArgs messages are long and mention "args"; keep what a user needs. */
function parseArgsMessage(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) return `option ${option} needs a value`;
  return message.split("\n")[0];
}

function settingsFromFlags(values: Record<string, string | boolean | undefined>): SettingsInput {
  const input: SettingsInput = {};
  if (typeof values.period === "string") input.period = values.period;
  if (typeof values.tolerance === "string") input.tolerance = numberFlag("--tolerance", values.tolerance, false);
  if (typeof values["pmc-cap"] === "string") input.pmcCap = numberFlag("--pmc-cap", values["pmc-cap"], true);
  if (typeof values["pmc-base"] === "string") {
    const base = values["pmc-base"].toLowerCase();
    if (base !== "subtotal" && base !== "total") throw new SettingsError(`--pmc-base must be "subtotal" or "total", not "${values["pmc-base"]}"`);
    input.pmcBase = base;
  }
  if (typeof values.grant === "string") input.gefGrant = numberFlag("--grant", values.grant, false);
  const maps = values.map as unknown as string[] | undefined;
  if (maps && maps.length > 0) input.componentMap = mapFlag(maps);
  if (typeof values.start === "string") input.projectStart = values.start;
  if (typeof values.lang === "string") {
    const lang = values.lang.toLowerCase();
    if (lang !== "en" && lang !== "es") throw new SettingsError(`--lang must be "en" or "es", not "${values.lang}"`);
    input.language = lang;
  }
  return input;
}

/** "--map ACTIVITY4=PMC,ACTIVITY3=M&E" (the flag may be repeated) → { ACTIVITY4: "PMC", ACTIVITY3: "M&E" }. */
function mapFlag(texts: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of texts.flatMap((t) => t.split(",")).map((p) => p.trim()).filter((p) => p !== "")) {
    const m = /^([^=]+)=([^=]+)$/.exec(pair);
    if (!m) throw new SettingsError(`--map takes pairs such as ACTIVITY4=PMC, not "${pair}"`);
    out[m[1].trim()] = m[2].trim();
  }
  return out;
}

/** "1000", "0.5", "1,000"; with `percent`, "5%" → 0.05. */
function numberFlag(flag: string, text: string, percent: boolean): number {
  const trimmed = text.trim().replace(/,/g, "");
  const m = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(%?)$/.exec(trimmed);
  if (!m || (m[2] && !percent)) {
    const example = percent ? `0.05 or 5%` : `0.5`;
    throw new SettingsError(`${flag} must be a number such as ${example}, not "${text}"`);
  }
  const n = Number(m[1]);
  return m[2] ? n / 100 : n;
}

const flagOfField: Record<string, string> = {
  period: "--period",
  tolerance: "--tolerance",
  pmcCap: "--pmc-cap",
  pmcBase: "--pmc-base",
  gefGrant: "--grant",
  language: "--lang",
  componentMap: "--map",
  projectStart: "--start",
};

/**
 * Validates and completes settings; a bad value becomes a one-line SettingsError naming the flag.
 * checkSettings is core's plain-code twin of the zod schema, so the CLI never loads zod.
 */
export function resolveSettings(input: SettingsInput, today: Date = new Date()): Settings {
  try {
    return checkSettings(input, today);
  } catch (err) {
    if (!(err instanceof SettingsInputError)) throw err;
    const flag = flagOfField[err.field] ?? err.field;
    throw new SettingsError(`${flag}: ${err.message}`);
  }
}

export const usageText = `pir-check — checks GEF work-plan and budget workbooks and writes the PIR tables

Usage:
  pir-check validate [options] <file.xlsx>...       check the workbooks and report findings
  pir-check tables --out <out.xlsx> [options] <file.xlsx>...
                                                    write the PIR financial and work-plan tables
  pir-check help [command]                          show this help, or a command's
  pir-check --version                               show the version

Options:
  --period FY22       reporting period, a GEF fiscal year July–June (default: the one a table title
                      names, such as "PIR FY22"; for a work plan alone whose past years are whole
                      years followed by quarters, the fiscal year in which those years end; else
                      the last one that ended)
  --tolerance N       differences up to N currency units are not findings (default 0.5)
  --pmc-cap SHARE     project management cap as a share of its base: 0.05 or 5% (default: GEF's rule,
                      5% when the GEF grant is above USD 2 million, 10% at or below)
  --pmc-base subtotal|total
                      what the cap is a share of: the GEF sub-total without PMC (default) or the total
  --grant N           the GEF grant in USD (default: a cell labelled "GEF Project Financing" or "GEF
                      grant", else the budget's total); the budget total is checked against it
  --start DATE        the project's start (2020-01-01 or 1 January 2020), which maps project years
                      ("Year 1") to dates (default: a "Project start date" cell in a workbook)
  --map A=B,...       how an expenditure report's components match the other tables', where the
                      engine cannot tell: ACTIVITY4=PMC,ACTIVITY3=M&E (default: ACTIVITYn is
                      component n, and the report's last activity is PMC when the plan has one)
  --lang en|es        language of the messages and tables (default en)
  --json              validate: print the report as JSON on stdout, nothing else
  --out, -o FILE      tables: the workbook to write (.xlsx); never one of the inputs
  --force, -f         tables: replace --out if it exists (on a terminal pir-check asks instead)

Exit codes: 0 no errors found, 1 errors found (tables: the workbook was written all the same), 2 a workbook
could not be read, the command is wrong, or nothing was written.
`;

export const commandUsage: Record<CommandName, string> = {
  validate: `Usage: pir-check validate [--json] [--period FY22] [--tolerance N] [--pmc-cap 5%] [--pmc-base subtotal|total] [--grant N] [--map A=B] [--start DATE] [--lang en|es] <file.xlsx>...

Reads every workbook, finds the work-plan and budget tables, checks them
together and prints the tables found and the findings, grouped by severity and
component. With --json, prints the report as JSON and nothing else.
`,
  tables: `Usage: pir-check tables --out <out.xlsx> [--force] [--period FY22] [--tolerance N] [--pmc-cap 5%] [--pmc-base subtotal|total] [--grant N] [--map A=B] [--start DATE] [--lang en|es] <file.xlsx>...

Reads every workbook and writes the PIR financial-implementation and
work-plan tables to --out, then prints the findings summary. The inputs are
never changed; --out may not be one of them. An existing --out is replaced
only with --force, or when you answer yes on a terminal. Exit 0 when the
workbook was written and no error was found, 1 when it was written and errors
were found, 2 when nothing was written.
`,
};
