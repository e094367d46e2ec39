/**
 * The commands behind `pir-check`. Everything takes an `io` object instead of
 * touching process.stdout, and returns the exit code instead of exiting, so
 * the tests run the real commands in-process.
 *
 * Exit codes: 0 no finding of severity error; 1 findings of severity error;
 * 2 a workbook could not be read, or the command line is wrong.
 */
import { promises as fs, readFileSync, unlinkSync } from "fs";
import { basename, dirname, join, relative, resolve, sep } from "path";
import {
  buildPirWorkbook,
  checkWorkbooks,
  periodFromWorkPlan,
  periodWarnings,
  planPeriodSource,
  reportingPeriodLine,
  type CheckResult,
  type PlanPeriod,
  type WorkbookGrid,
  type Settings,
} from "../core";
import { readWorkbookFile, type ReadFileOptions } from "../xlsx/read-file";
import { writeWorkbook } from "../xlsx/write";
import { SettingsError, UsageError, commandUsage, parseCommandLine, resolveSettings, usageText } from "./args";
import { formatReport, oneLine, summaryLine, terminalSafe } from "./format";

export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /**
   * Asks a question and returns the line typed; present only when a person is
   * at a terminal (stdin and stderr both a TTY), so that a script is never
   * left waiting for an answer.
   */
  ask?: (question: string) => Promise<string>;
}

type PirDescription = ReturnType<typeof buildPirWorkbook>;

/**
 * What the commands call below them; tests may replace any of them. The
 * reader and the engine are imported statically: the CLI ships as one bundle
 * (esbuild.config.mjs), where a dynamic import would keep every module it
 * reaches whole, zod's schemas included. ExcelJS, which only the writer
 * needs, is required there on first use (see the bundle's config).
 */
export interface CliDeps {
  readWorkbook(path: string, options: ReadFileOptions): Promise<WorkbookGrid>;
  check(grids: WorkbookGrid[], settings: Settings): Promise<CheckResult>;
  buildPir(result: CheckResult, settings: Settings): Promise<PirDescription>;
  writeWorkbook(description: PirDescription): Promise<Uint8Array>;
  today(): Date;
}

const defaultDeps: CliDeps = {
  readWorkbook: (path, options) => readWorkbookFile(path, options),
  check: async (grids, settings) => checkWorkbooks(grids, settings),
  buildPir: async (result, settings) => buildPirWorkbook(result, settings),
  writeWorkbook: (description) => writeWorkbook(description),
  today: () => new Date(),
};

/** A failure whose message is already fit for the user: printed as one line, exit 2. */
class CommandError extends Error {}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_FAILURE = 2;

export async function main(argv: string[], io: CliIo, deps: Partial<CliDeps> = {}): Promise<number> {
  const d: CliDeps = { ...defaultDeps, ...deps };
  try {
    const invocation = parseCommandLine(argv);
    switch (invocation.kind) {
      case "help":
        io.stdout.write(invocation.command ? commandUsage[invocation.command] : usageText);
        return EXIT_OK;
      case "version":
        io.stdout.write(`${packageVersion()}\n`);
        return EXIT_OK;
      case "validate":
        return await validate(invocation.files, invocation.json, resolveSettings(invocation.settings, d.today()), io, d);
      case "tables":
        return await tables(invocation.files, invocation.out, resolveSettings(invocation.settings, d.today()), io, d, invocation.force);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`pir-check: ${err.message}\n\n${err.command ? commandUsage[err.command] : usageText}`);
      return EXIT_FAILURE;
    }
    if (err instanceof SettingsError || err instanceof CommandError) {
      io.stderr.write(`pir-check: ${oneLine(err.message)}\n`);
      return EXIT_FAILURE;
    }
    // A bug below us: still one line, never a stack trace.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`pir-check: internal error: ${oneLine(message)}\n`);
    return EXIT_FAILURE;
  }
}

export async function validate(files: string[], json: boolean, settings: Settings, io: CliIo, d: CliDeps): Promise<number> {
  const grids = await readAll(files, io, d);
  if (!grids) return EXIT_FAILURE;
  const { result, plan } = await checkForPeriod(grids, settings, d);
  const warnings = periodAdvice(result, settings);
  // --json: stdout holds the report and nothing else, so the warnings go to stderr; else under the period line.
  if (json) {
    io.stdout.write(`${JSON.stringify(result.report)}\n`);
    for (const w of warnings) io.stderr.write(`pir-check: ${w}\n`);
  } else {
    const head = [await periodLine(result, settings, plan), ...warnings].map(terminalSafe).join("\n");
    io.stdout.write(`${head}\n\n${formatReport(result.report, settings.language)}`);
  }
  return exitCodeFor(result);
}

export async function tables(files: string[], out: string, settings: Settings, io: CliIo, d: CliDeps, force = false): Promise<number> {
  const { target, exists } = await outputPath(out, files);
  if (exists && !force && !(await mayReplace(out, io))) return EXIT_FAILURE;
  const grids = await readAll(files, io, d);
  if (!grids) return EXIT_FAILURE;
  const { result } = await checkForPeriod(grids, settings, d);
  const bytes = await d.writeWorkbook(linksRelativeTo(await d.buildPir(result, settings), dirname(target)));
  await writeAtomically(target, out, bytes);
  const findings = result.report.findings;
  const es = settings.language === "es";
  io.stdout.write(`${es ? "Tablas del PIR escritas en" : "Wrote the PIR tables to"} ${out}\n${summaryLine(findings, grids.length, settings.language)}\n`);
  for (const w of periodAdvice(result, settings)) io.stdout.write(`${w}\n`);
  if (findings.length > 0)
    io.stdout.write(
      es
        ? `Ejecute "pir-check validate" sobre los mismos libros para ver cada hallazgo.\n`
        : `Run "pir-check validate" on the same workbooks to see each finding.\n`,
    );
  return exitCodeFor(result);
}

/**
 * An existing --out is replaced only with --force or a "yes" typed at a
 * terminal; without a terminal the command refuses (a script must say
 * --force). False: leave the file alone, write nothing.
 */
async function mayReplace(out: string, io: CliIo): Promise<boolean> {
  if (!io.ask) throw new CommandError(`--out ${out} already exists; add --force to replace it`);
  const answer = await io.ask(`pir-check: ${out} already exists. Replace it? [y/N] `);
  if (/^\s*(y|yes|s|si|sí)\s*$/i.test(answer)) return true;
  io.stderr.write(`pir-check: ${out} was left as it was; nothing was written\n`);
  return false;
}

/**
 * Checks, and when neither the user nor a table's title named the period and
 * the only tables are a work plan whose whole years are followed by quarters,
 * checks again for the fiscal year in which those past years end (instead
 * of the fiscal year that ended last, which may be years later).
 */
async function checkForPeriod(grids: WorkbookGrid[], settings: Settings, d: CliDeps): Promise<{ result: CheckResult; plan: PlanPeriod | null }> {
  const first = await d.check(grids, settings);
  if ((first.settings ?? settings).periodSource !== "default") return { result: first, plan: null };
  const plan = periodFromWorkPlan(first.tables);
  if (!plan) return { result: first, plan: null };
  if (plan.period.label === (first.settings ?? settings).period.label) return { result: first, plan };
  return { result: await d.check(grids, { ...settings, period: plan.period, periodSource: "default" }), plan };
}

/** A period that contradicts the tables' titles or lies outside every period they cover: one line each, "Warning: …". */
function periodAdvice(result: CheckResult, requested: Settings): string[] {
  return periodWarnings(result.tables ?? [], result.settings ?? requested).map(oneLine);
}

/** Which reporting period the figures were checked for, and where it came from. */
async function periodLine(result: CheckResult, requested: Settings, plan: PlanPeriod | null): Promise<string> {
  const s = result.settings ?? requested;
  const es = s.language === "es";
  const source = plan
    ? ` — ${planPeriodSource(plan, s.language)}`
    : s.periodSource === "workbook"
      ? es ? " — tomado del título del libro; cámbielo con --period" : " — named in a workbook's title; set another with --period"
      : s.periodSource === "default"
        ? es ? " — el último año fiscal cerrado; cámbielo con --period" : " — the fiscal year that ended last; set another with --period"
        : "";
  return `${reportingPeriodLine(s.period, s.language)}${source}`;
}

/**
 * Links to the source workbooks are relative to the file that holds them:
 * the inputs were named relative to where the command ran, the links must
 * work from wherever --out put the new workbook.
 */
function linksRelativeTo(description: PirDescription, outDir: string): PirDescription {
  return {
    ...description,
    sheets: description.sheets.map((sheet) => ({
      ...sheet,
      cells: sheet.cells.map((cell) =>
        cell.link?.file ? { ...cell, link: { ...cell.link, file: relative(outDir, resolve(cell.link.file)).split(sep).join("/") } } : cell,
      ),
    })),
  };
}

function exitCodeFor(result: CheckResult): number {
  return result.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Reads every workbook, one after the other (a big one at a time is enough
 * memory), so that each bad file gets its own line; null when any failed.
 */
async function readAll(files: string[], io: CliIo, d: CliDeps): Promise<WorkbookGrid[] | null> {
  // The same file twice, also under another name (a symbolic or a hard link), would be counted twice.
  const seen = new Map<string, string>();
  for (const file of files) {
    const key = await fileIdentity(file);
    const first = seen.get(key);
    if (first !== undefined) throw new CommandError(resolve(first) === resolve(file) ? `${file} is given twice` : `${file} is the same file as ${first}, given twice`);
    seen.set(key, file);
  }
  const grids: WorkbookGrid[] = [];
  let failed = false;
  for (const file of files) {
    try {
      grids.push(await d.readWorkbook(file, { onSlow: (message) => io.stderr.write(`${message}\n`) }));
    } catch (err) {
      failed = true;
      io.stderr.write(`pir-check: ${oneLine(readFailure(file, err))}\n`);
    }
  }
  return failed ? null : grids;
}

/**
 * A read error as one sentence naming the file. The reader's own errors
 * (WorkbookReadError) already are; anything else (a JavaScript error from
 * deep inside a damaged file) is not shown as it is.
 */
export function readFailure(file: string, err: unknown): string {
  if (err instanceof Error && err.name === "WorkbookReadError") return err.message.startsWith(file) ? err.message : `${file}: ${err.message}`;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return `${file}: there is no such file`;
  if (code === "EACCES" || code === "EPERM") return `${file}: permission denied; check that you may read it`;
  if (code === "EISDIR") return `${file}: is a folder, not a workbook`;
  return `${file}: the file could not be read as an Excel workbook; it may be damaged. Open it in Excel, save it again as .xlsx and retry`;
}

/** What makes a file the same file: its device and inode (hard links too), else its real path. */
async function fileIdentity(file: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => null);
  if (stat && (stat.ino !== 0 || stat.dev !== 0)) return `${stat.dev}:${stat.ino}`;
  return realPath(resolve(file));
}

/**
 * The absolute path to write. Only a regular file (replaced) or a new name in
 * an existing folder: not "-", not a folder or a path ending in "/", not a
 * device (/dev/null), a pipe or a socket, and not one of the inputs (also
 * through a symbolic or hard link).
 */
async function outputPath(out: string, inputs: string[]): Promise<{ target: string; exists: boolean }> {
  if (out === "-") throw new CommandError("--out - would write to the terminal; give a file name such as pir-tables.xlsx");
  if (/[\\/]$/.test(out)) throw new CommandError(`--out ${out} is a folder; give a file name such as ${join(out, "pir-tables.xlsx")}`);
  const target = resolve(out);
  const targetReal = await realPath(target);
  const stat = await fs.stat(target).catch(() => null);
  for (const input of inputs) {
    const same = resolve(input) === target || (await realPath(resolve(input))) === targetReal || (stat !== null && (await fileIdentity(input)) === `${stat.dev}:${stat.ino}`);
    if (same) throw new CommandError(`--out ${out} is one of the input workbooks; choose another file to write`);
  }
  if (stat?.isDirectory()) throw new CommandError(`--out ${out} is a folder; give a file name such as ${join(out, "pir-tables.xlsx")}`);
  if (stat && !stat.isFile()) throw new CommandError(`--out ${out} is not a regular file (a device, a pipe or a socket); give a file name such as pir-tables.xlsx`);
  if (!/\.xlsx$/i.test(out)) {
    const suggestion = `${basename(out).replace(/\.[^.]*$/, "") || "pir-tables"}.xlsx`;
    throw new CommandError(`--out ${out} does not end in .xlsx; the PIR tables are an Excel workbook: give a name such as ${suggestion}`);
  }
  if (!stat) {
    const folder = await fs.stat(dirname(target)).catch(() => null);
    if (!folder?.isDirectory()) throw new CommandError(`cannot write ${out}: its folder does not exist`);
  }
  return { target, exists: stat !== null };
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function realPath(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    try {
      return join(await fs.realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** A short temporary name beside the target (long names can pass a file system's 255 bytes). */
export function temporaryName(target: string): string {
  return join(dirname(target), `.pir-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/**
 * Writes beside the target and renames, so a failure never leaves half a
 * workbook under the real name; Ctrl-C (or a kill) while writing removes the
 * temporary file.
 */
async function writeAtomically(target: string, shownAs: string, bytes: Uint8Array): Promise<void> {
  const temp = temporaryName(target);
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temp);
    } catch {
      // not created yet, or already renamed
    }
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, target);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw new CommandError(`cannot write ${shownAs}: ${writeFailure(err)}`);
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

function writeFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT":
      return "its folder does not exist";
    case "EACCES":
    case "EPERM":
    case "EBUSY":
      return "permission denied, or the file is open in Excel; close it and try again";
    case "ENOSPC":
      return "the disk is full";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function packageVersion(): string {
  // src/cli and dist/cli both sit two levels below the package root.
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
