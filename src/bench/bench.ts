/**
 * `npm run bench`: measures, in one run, figures that can be compared on a
 * noisy machine — full `pir-check validate` against ExcelJS merely opening
 * the same file, the engine alone per 100,000 amount cells, `pir-check
 * tables` end to end, and peak memory (each in a child process). Prints a
 * table, writes bench-results.json and BENCHMARKS.md.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkWorkbooks, parseSettings } from "../core";
import { main } from "../cli/commands";
import { QUARTERS, makeWorkplanBytes } from "./make-workplan";
import { median } from "./stats";
import { extraBenchmarks, type ExtraFigures } from "./extras";
import { measureReader, readerChunk, readerMarkdown, runCli, type ReaderFigures } from "./reader";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,3000,10000").split(",").map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const ROOT = path.join(__dirname, "..", "..");
const WORK = path.join(os.tmpdir(), "pir-bench");

interface SizeFigures {
  outputs: number;
  amountCells: number;
  fileBytes: number;
  excelOpenMs: number;
  validateMs: number;
  ratio: number;
  engineMs: number;
  engineMsPer100k: number;
  tablesMs: number;
  validatePeakMB: number;
  tablesPeakMB: number;
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

/** Peak resident memory of a run of the bundled `pir-check` in its own process (its own VmHWM, see peer.ts peakKB). */
function peakMB(args: string[]): number {
  return Math.round(runCli(ROOT, args).peakMB);
}

async function measure(outputs: number): Promise<SizeFigures> {
  const bytes = await makeWorkplanBytes(outputs);
  const file = path.join(WORK, `workplan-${outputs}.xlsx`);
  writeFileSync(file, bytes);
  const out = path.join(WORK, `pir-${outputs}.xlsx`);

  const open: number[] = [];
  const validate: number[] = [];
  const tables: number[] = [];
  // Small files take a few milliseconds: more runs, after a warm-up, so that
  // the medians measure the code rather than the JIT and the machine's noise.
  const runs = Math.min(40, Math.max(REPEATS, Math.ceil(300_000 / (outputs * QUARTERS))));
  for (let i = 0; i < 2; i++) {
    await new ExcelJS.Workbook().xlsx.readFile(file);
    await main(["validate", "--json", "--period", "FY22", file], quiet);
  }
  // Interleaved, so that a burst of noise hurts both sides of a ratio alike.
  // Both sides start from the file on disk: ExcelJS's own readFile against the whole command.
  for (let i = 0; i < runs; i++) {
    open.push(await time(() => new ExcelJS.Workbook().xlsx.readFile(file)));
    validate.push(await time(() => main(["validate", "--json", "--period", "FY22", file], quiet)));
    if (i < 3) tables.push(await time(() => main(["tables", "--force", "--period", "FY22", "--out", out, file], quiet)));
  }
  const amountCells = outputs * (QUARTERS + 2) + Math.ceil(outputs / 10) * (QUARTERS + 2);
  const excelOpenMs = median(open);
  const validateMs = median(validate);
  // The engine alone, in a process of its own (engine-run.ts): in this one it
  // would pay for collecting the garbage of the ExcelJS reads and `tables` runs.
  const engineMs = engineAlone(file, Math.max(runs, 20));
  return {
    outputs,
    amountCells,
    fileBytes: bytes.length,
    excelOpenMs,
    validateMs,
    ratio: validateMs / excelOpenMs,
    engineMs,
    engineMsPer100k: (engineMs / amountCells) * 100_000,
    tablesMs: median(tables),
    validatePeakMB: peakMB(["validate", "--json", "--period", "FY22", file]),
    tablesPeakMB: peakMB(["tables", "--force", "--period", "FY22", "--out", out, file]),
  };
}

function engineAlone(file: string, runs: number): number {
  const out = execFileSync(process.execPath, [path.join(__dirname, "engine-run.js"), file, String(runs)], { encoding: "utf8" });
  return (JSON.parse(out) as { medianMs: number }).medianMs;
}

/**
 * A sheet that holds no table (a 40,000-row contact list): the recogniser
 * must look at every row and still stay linear.
 */
async function nonTableSheet(rows: number): Promise<{ rows: number; engineMs: number }> {
  const cells = Array.from({ length: rows }, (_, r) => [
    { value: `Person ${r}` },
    { value: `Organisation ${r % 97}` },
    { value: `person${r}@example.org` },
    { value: `+51 1 ${String(1000000 + r)}` },
  ]);
  const grid = { file: "contacts.xlsx", sheets: [{ name: "Contacts", cells, merges: [] }] };
  const settings = parseSettings({ period: "FY22" });
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) times.push(await time(() => checkWorkbooks([grid], settings)));
  return { rows, engineMs: median(times) };
}

function fmt(x: number, digits = 0): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function tableOf(sizes: SizeFigures[]): string {
  const head =
    "| outputs × 24 quarters | amount cells | file | ExcelJS open | `validate` (full) | ratio (target ≤ 1.2) | engine alone | engine per 100k cells (target < 50 ms) | `tables` | peak RSS validate / tables |\n" +
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const rows = sizes.map(
    (s) =>
      `| ${fmt(s.outputs)} | ${fmt(s.amountCells)} | ${fmt(s.fileBytes / 1024)} KB | ${fmt(s.excelOpenMs)} ms | ${fmt(s.validateMs)} ms | ${fmt(s.ratio, 2)} | ${fmt(s.engineMs, 1)} ms | ${fmt(s.engineMsPer100k, 1)} ms | ${fmt(s.tablesMs)} ms | ${fmt(s.validatePeakMB)} / ${fmt(s.tablesPeakMB)} MB |`,
  );
  return [head, ...rows].join("\n");
}

/**
 * `BENCH_ONLY=reader npm run bench`: only issue #9's reader table, on work
 * plans already made by a full run (or made now), printed and written to
 * bench-reader.json in the work folder; BENCHMARKS.md is left as it is. For
 * the repeated runs that BENCHMARKS.md's hand-kept table sums up.
 */
async function readerOnly(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const reader: ReaderFigures[] = [];
  for (const n of SIZES.filter((s) => s >= 3000)) {
    const file = path.join(WORK, `workplan-${n}.xlsx`);
    if (!existsSync(file)) writeFileSync(file, await makeWorkplanBytes(n));
    process.stderr.write(`measuring the reader and its peers on ${n} outputs…\n`);
    reader.push(measureReader(ROOT, n, file, REPEATS));
  }
  writeFileSync(path.join(WORK, "bench-reader.json"), `${JSON.stringify({ taken: new Date().toISOString(), machine: machine(), reader }, null, 2)}\n`);
  process.stdout.write(`${readerMarkdown(reader, { error: "not measured in a reader-only run" }).join("\n")}\n`);
}

async function run(): Promise<void> {
  if (process.env.BENCH_ONLY === "reader") return readerOnly();
  mkdirSync(WORK, { recursive: true });
  const sizes: SizeFigures[] = [];
  for (const n of SIZES) {
    process.stderr.write(`measuring ${n} outputs…\n`);
    sizes.push(await measure(n));
  }
  const readerSizes = SIZES.filter((n) => n >= 3000);
  const reader: ReaderFigures[] = [];
  for (const n of readerSizes.length ? readerSizes : [SIZES[SIZES.length - 1]]) {
    process.stderr.write(`measuring the reader and its peers on ${n} outputs…\n`);
    reader.push(measureReader(ROOT, n, path.join(WORK, `workplan-${n}.xlsx`), REPEATS));
  }
  process.stderr.write("measuring the reader chunk…\n");
  const chunk = readerChunk(ROOT);
  const contacts = await nonTableSheet(40_000);
  const bigPlan = path.join(WORK, `workplan-${SIZES.includes(3000) ? 3000 : SIZES[SIZES.length - 1]}.xlsx`);
  const extras: ExtraFigures = await extraBenchmarks(ROOT, bigPlan);
  const taken = new Date().toISOString();
  const results = { taken, machine: machine(), repeats: REPEATS, sizes, reader, readerChunk: chunk, nonTableSheet: contacts, ...extras.json };
  writeFileSync(path.join(ROOT, "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const md = [
    "# Benchmarks",
    "",
    `Latest run: ${taken} on ${machine()}. Made by \`npm run bench\` (medians of ${REPEATS} to 40 interleaved runs after a warm-up, more for the small files; figures also in \`bench-results.json\`).`,
    "",
    "## Engine and CLI",
    "",
    tableOf(sizes),
    "",
    "- *ExcelJS open*: ExcelJS's own `workbook.xlsx.readFile` of the file, nothing else. *validate (full)*: `pir-check validate --json` in process — read with the streaming reader (src/xlsx/read.ts), recognise, run every rule, print. *ratio*: validate ÷ open.",
    "- *engine alone*: `checkWorkbooks` (recognise + every rule) on a grid already read, in a Node process of its own (src/bench/engine-run.ts) after a warm-up of 300 runs and a second at least (five seconds at most): in the bench's process it paid for collecting the garbage of the ExcelJS reads and `tables` runs. Its time per 100,000 amount cells staying flat across sizes is what linear growth looks like.",
    "- *peak RSS*: each command in a fresh Node process (its own peak, Linux's VmHWM).",
    `- A sheet with no table (${fmt(contacts.rows)} rows of a contact list, 4 columns): the engine takes ${fmt(contacts.engineMs, 1)} ms to read every row and claim nothing.`,
    "",
    ...readerMarkdown(reader, chunk),
    "",
    ...extras.markdown,
  ].join("\n");
  writeFileSync(path.join(ROOT, "BENCHMARKS.md"), `${md}\n`);
  process.stdout.write(`${tableOf(sizes)}\n\n${readerMarkdown(reader, chunk).join("\n")}\n\n${extras.markdown.join("\n")}\n`);
}

run().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
