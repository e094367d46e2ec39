/**
 * The add-in's half of `npm run bench` (run by src/bench/extras.ts): the
 * Office.js adapter on the typed fake of Excel that counts context.sync()
 * calls and payload sizes, for 1, 10 and 50 sheets and a 3,000-output plan;
 * and the task pane's initial bundle, gzipped, from a production build.
 * Prints one JSON object on stdout.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { checkWorkbooks } from "../src/core/check";
import { buildPirWorkbook } from "../src/core/pir/build";
import { parseSettings } from "../src/core/settings";
import { readWorkbookGrid } from "../src/excel/read";
import { writePirWorkbook } from "../src/excel/write";
import { readWorkbookFile } from "../src/xlsx/read-file";
import { copySheet, fakeExcelFromGrids } from "../test/excel/helpers/mock-workbook";
import type { FakeExcel } from "../test/excel/helpers/fake-excel";

const ROOT = path.join(__dirname, "..");

interface SyncFigures {
  case: string;
  cells: number;
  syncs: number;
  maxRequestKB: number;
  maxResponseKB: number;
}

function figures(name: string, cells: number, fake: FakeExcel): SyncFigures {
  const ok = fake.syncs.filter((s) => !s.failed);
  return {
    case: name,
    cells,
    syncs: fake.syncs.length,
    maxRequestKB: Math.round(Math.max(...ok.map((s) => s.requestBytes)) / 1024),
    maxResponseKB: Math.round(Math.max(...ok.map((s) => s.responseBytes)) / 1024),
  };
}

function cellCount(fake: FakeExcel): number {
  let n = 0;
  for (const s of fake.state.sheets) n += s.cells.size;
  return n;
}

async function adapter(bigPlan: string | null): Promise<SyncFigures[]> {
  const seed = await readWorkbookFile(path.join(ROOT, "examples", "peru-sizd-workplan.xlsx"));
  const out: SyncFigures[] = [];
  for (const sheets of [1, 10, 50]) {
    const fake = fakeExcelFromGrids({ file: "bench.xlsx", sheets: [] });
    const template = fakeExcelFromGrids(seed).state.sheets[0];
    for (let i = 0; i < sheets; i++) fake.state.sheets.push(copySheet(template, `Plan ${i + 1}`));
    await readWorkbookGrid(fake.requestContext, "bench.xlsx", { supports: fake.supports });
    out.push(figures(`read, ${sheets} sheet${sheets > 1 ? "s" : ""} (seed work plan each)`, cellCount(fake), fake));
  }
  if (bigPlan) {
    const grid = await readWorkbookFile(bigPlan);
    const fake = fakeExcelFromGrids(grid);
    await readWorkbookGrid(fake.requestContext, "big.xlsx", { supports: fake.supports });
    out.push(figures("read, 3,000 outputs × 24 quarters", cellCount(fake), fake));
    const settings = parseSettings({ period: "FY22" });
    const desc = buildPirWorkbook(checkWorkbooks([grid], settings), settings);
    const writer = fakeExcelFromGrids(grid);
    await writePirWorkbook(writer.requestContext, desc, { supports: writer.supports });
    out.push(figures("write PIR sheets, 3,000 outputs", desc.sheets.reduce((n, s) => n + s.cells.length, 0), writer));
  }
  const settings = parseSettings({ period: "FY22" });
  const grids = await Promise.all(["peru-sizd-workplan.xlsx", "peru-sizd-budget.xlsx"].map((f) => readWorkbookFile(path.join(ROOT, "examples", f))));
  const desc = buildPirWorkbook(checkWorkbooks(grids, settings), settings);
  const writer = fakeExcelFromGrids(grids[0]);
  await writePirWorkbook(writer.requestContext, desc, { supports: writer.supports });
  out.push(figures("write PIR sheets, seed", desc.sheets.reduce((n, s) => n + s.cells.length, 0), writer));
  return out;
}

/** The scripts the page loads at start (not the lazily loaded ExcelJS chunk), gzipped. */
function bundle(): { initialGzipKB: number; files: string[] } | { error: string } {
  const out = mkdtempSync(path.join(tmpdir(), "pir-bundle-"));
  try {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (e) {
    return { error: `webpack build failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` };
  }
  const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
  // Minified HTML may drop the quotes around attribute values.
  const local = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((s) => !/^https?:/.test(s));
  const files = local.map((s) => s.replace(/^\.?\//, ""));
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(out, f)), { level: 9 }).length, 0);
  const all = readdirSync(out).filter((f) => f.endsWith(".js"));
  return { initialGzipKB: Math.round(bytes / 102.4) / 10, files: [...files, `(${all.length} .js files in all)`] };
}

async function run(): Promise<void> {
  const bigPlan = process.argv[2] ?? null;
  const result = { adapter: await adapter(bigPlan), bundle: bundle() };
  process.stdout.write(JSON.stringify(result));
}

run().catch((e) => {
  process.stderr.write(`bench-addin failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
