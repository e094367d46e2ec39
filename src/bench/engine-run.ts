/**
 * The engine alone on one workbook, in a fresh Node process: read the file,
 * warm the engine up (300 runs and a second at least, five seconds at most),
 * then time `runs` checks and print their median in milliseconds. Run by
 * bench.ts, one process per size, so that no other measurement's garbage
 * (ExcelJS's models, `tables` runs) is collected on the engine's time.
 */
import { checkWorkbooks, parseSettings } from "../core";
import { readWorkbookFile } from "../xlsx/read-file";
import { median } from "./stats";

async function run(file: string, runs: number): Promise<void> {
  const grid = await readWorkbookFile(file);
  const settings = parseSettings({ period: "FY22" });
  // V8 optimises a function after some hundreds of calls: warm up for 300 runs
  // and a second at least (five seconds at most, for the big plans).
  const start = performance.now();
  for (let n = 0; ; n++) {
    const elapsed = performance.now() - start;
    if ((n >= 300 && elapsed >= 1000) || elapsed >= 5000) break;
    checkWorkbooks([grid], settings);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    checkWorkbooks([grid], settings);
    times.push(performance.now() - start);
  }
  process.stdout.write(JSON.stringify({ medianMs: median(times) }) + "\n");
}

void run(process.argv[2], Number(process.argv[3] ?? 20));
