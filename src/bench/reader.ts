/**
 * The reader's figures for `npm run bench` (issue #9): `pir-check validate`
 * against its peers on the same file, each a fresh Node process timed from
 * start to exit, interleaved run by run so that noise hurts every side alike;
 * medians, and the ratios the issue sets as targets. Also the size of the
 * pane's lazily loaded reader chunk.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { PEAK_MARK } from "./peer";
import { median } from "./stats";

const PEERS = ["node", "modules", "floor", "sheetjs", "exceljs", "reader", "validate"] as const;
type Peer = (typeof PEERS)[number];

export interface ReaderFigures {
  outputs: number;
  fileKB: number;
  /** Median wall time (ms) and peak RSS (MB) per peer. */
  ms: Record<Peer, number>;
  peakMB: Record<Peer, number>;
  validateOverSheetJs: number;
  validateOverFloor: number;
  peakOverFloor: number;
}

export interface ReaderChunk {
  files: string[];
  gzipKB: number;
}

/**
 * `validate` and `modules` run the real command as a user's shell does:
 * package.json's `bin` (the bundle dist/cli/pir-check.js) executed through
 * its first line (`env -S node --max-semi-space-size=4`), its JSON piped to
 * the bench as to any program; peak-at-exit.js, preloaded through
 * NODE_OPTIONS, reports its peak memory on stderr.
 */
export function runCli(root: string, args: string[]): { ms: number; peakMB: number } {
  const preload = `--require=${path.join(root, "dist", "bench", "peak-at-exit.js")}`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(path.join(root, "dist", "cli", "pir-check.js"), args, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    // The node on the PATH is the one the first line finds: put this one first.
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${preload}`.trim(), PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peak = new RegExp(`^${PEAK_MARK} (\\d+)$`, "m").exec(r.stderr ?? "");
  if (r.status === null || r.status > 1 || !peak) throw new Error(`pir-check ${args.join(" ")} failed (exit ${r.status}): ${(r.stderr ?? "").trim().split("\n")[0]}`);
  if (args[0] === "validate" && !r.stdout) throw new Error("pir-check validate printed nothing");
  return { ms, peakMB: Number(peak[1]) / 1024 };
}

function runPeer(root: string, peer: Peer, file: string): { ms: number; peakMB: number } {
  if (peer === "validate") return runCli(root, ["validate", "--json", "--period", "FY22", file]);
  if (peer === "modules") return runCli(root, ["--version"]);
  const t0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [path.join(root, "dist", "bench", "peer.js"), peer, file], { encoding: "utf8", cwd: root });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, peakMB: Number(out) / 1024 };
}

export function measureReader(root: string, outputs: number, file: string, runs: number): ReaderFigures {
  const times = Object.fromEntries(PEERS.map((p) => [p, [] as number[]])) as Record<Peer, number[]>;
  const peaks = Object.fromEntries(PEERS.map((p) => [p, [] as number[]])) as Record<Peer, number[]>;
  for (const peer of PEERS) runPeer(root, peer, file); // warm the file cache and the module cache
  for (let i = 0; i < runs; i++) {
    for (const peer of PEERS) {
      const r = runPeer(root, peer, file);
      times[peer].push(r.ms);
      peaks[peer].push(r.peakMB);
    }
  }
  const ms = Object.fromEntries(PEERS.map((p) => [p, median(times[p])])) as Record<Peer, number>;
  const peakMB = Object.fromEntries(PEERS.map((p) => [p, median(peaks[p])])) as Record<Peer, number>;
  return {
    outputs,
    fileKB: Math.round(readFileSync(file).length / 1024),
    ms,
    peakMB,
    validateOverSheetJs: ms.validate / ms.sheetjs,
    validateOverFloor: ms.validate / ms.floor,
    peakOverFloor: peakMB.validate / peakMB.floor,
  };
}

/** Builds the pane (production) into a temporary folder and measures, gzipped, the chunks that reading a dropped file loads. */
export function readerChunk(root: string): ReaderChunk | { error: string } {
  const out = mkdtempSync(path.join(tmpdir(), "pir-reader-chunk-"));
  try {
    const stats = execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "--mode", "production", "--output-path", out, "--json"],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 },
    );
    const json = JSON.parse(stats.slice(stats.indexOf("{"))) as { namedChunkGroups?: Record<string, { assets: Array<{ name: string } | string> }> };
    // The reading worker (xlsx-read: the reader and fflate) and the page's side that starts it (xlsx-worker).
    const groups = ["xlsx-read", "xlsx-worker"].map((name) => json.namedChunkGroups?.[name]);
    if (!groups[0]) return { error: "no xlsx-read chunk in the build" };
    const files = [
      ...new Set(groups.flatMap((g) => (g ? g.assets.map((a) => (typeof a === "string" ? a : a.name)) : [])).filter((f) => f.endsWith(".js"))),
    ];
    const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(out, f)), { level: 9 }).length, 0);
    return { files, gzipKB: Math.round(bytes / 102.4) / 10 };
  } catch (e) {
    return { error: `webpack build failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function fmt(x: number, digits = 0): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function readerMarkdown(figures: ReaderFigures[], chunk: ReaderChunk | { error: string }): string[] {
  const rows = figures.map(
    (f) =>
      `| ${fmt(f.outputs)} | ${fmt(f.fileKB)} KB | ${fmt(f.ms.node)} / ${fmt(f.ms.modules)} ms | ${fmt(f.ms.floor)} ms | ${fmt(f.ms.sheetjs)} ms | ${fmt(f.ms.exceljs)} ms | ${fmt(f.ms.reader)} ms | **${fmt(f.ms.validate)} ms** | ${mark(f.validateOverSheetJs, 0.5)} | ${mark(f.validateOverFloor, 1.5)} | ${fmt(f.peakMB.node)} / ${fmt(f.peakMB.floor)} / ${fmt(f.peakMB.sheetjs)} / ${fmt(f.peakMB.exceljs)} / ${fmt(f.peakMB.reader)} / ${fmt(f.peakMB.validate)} MB | ${mark(f.peakOverFloor, 1.5)} |`,
  );
  const chunkLine =
    "error" in chunk
      ? `Reader chunk: not measured (${chunk.error}).`
      : `What the pane loads to read a dropped file — the Web Worker with the reader and fflate, and the page's side that starts it (${chunk.files.join(", ")}): **${chunk.gzipKB} KB gzipped** (target ≤ 60 KB), none of it in the first download. ExcelJS's chunk loads only to write the PIR workbook.`;
  return [
    "## Reader (issue #9): `pir-check validate` against reading alone",
    "",
    "Each a fresh Node process on the same work plan, timed from start to exit (Node's start-up included), interleaved run by run; medians. ✓ marks a target met, ✗ one missed.",
    "",
    "| outputs × 24 quarters | file | Node alone / `pir-check --version` | floor: fflate unzip + one walk of the XML | SheetJS read | ExcelJS read | streaming reader alone | `validate` (read + check + print) | validate ÷ SheetJS (target ≤ 0.5) | validate ÷ floor (target ≤ 1.5) | peak RSS Node / floor / SheetJS / ExcelJS / reader / validate | validate ÷ floor peak (target ≤ 1.5) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    "- *floor*: fflate's `unzipSync` of the whole package, then every sheet's and the shared strings' XML decoded and walked once (each `<` counted): the least any reader of the file must do. *SheetJS*: `@e965/xlsx`'s `readFile` with its default options. *ExcelJS*: `workbook.xlsx.readFile`, its full model, which the CLI used before. *Node alone*: `node` doing nothing; *`pir-check --version`*: the bundled command (package.json's `bin`, one file with the reader and the engine) loaded, reading no file: validate's fixed cost. *validate*: that same command, `pir-check validate --json --period FY22 <file>`, its JSON piped to the bench. *streaming reader alone*: `readWorkbookFile` (Node's zlib, the fast path for cells), nothing else.",
    "",
    chunkLine,
  ];
}

function mark(ratio: number, target: number): string {
  return `${fmt(ratio, 2)} ${ratio <= target ? "✓" : "✗"}`;
}
