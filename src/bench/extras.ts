/**
 * The add-in's figures for `npm run bench`: run scripts/bench-addin.ts (it
 * uses the typed fake of Excel from the tests and a production webpack
 * build) and turn its JSON into BENCHMARKS.md lines.
 */
import { execFileSync } from "child_process";
import * as path from "path";

export interface ExtraFigures {
  json: Record<string, unknown>;
  markdown: string[];
}

interface AddinResult {
  adapter: Array<{ case: string; cells: number; syncs: number; maxRequestKB: number; maxResponseKB: number }>;
  bundle: { initialGzipKB: number; files: string[] } | { error: string };
}

export async function extraBenchmarks(root: string, bigPlan: string): Promise<ExtraFigures> {
  let result: AddinResult;
  try {
    const tsNode = require.resolve("ts-node/dist/bin.js", { paths: [root] });
    const out = execFileSync(process.execPath, [tsNode, "--transpile-only", path.join(root, "scripts", "bench-addin.ts"), bigPlan], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    });
    result = JSON.parse(out) as AddinResult;
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { json: { addinError: why }, markdown: ["## Add-in", "", `Not measured: ${why}`] };
  }
  const rows = result.adapter.map(
    (a) => `| ${a.case} | ${a.cells.toLocaleString("en-US")} | ${a.syncs} | ${a.maxRequestKB.toLocaleString("en-US")} KB | ${a.maxResponseKB.toLocaleString("en-US")} KB |`,
  );
  const bundle =
    "error" in result.bundle
      ? `Not measured: ${result.bundle.error}`
      : `Initial task-pane bundle (what loads at start, without the lazily loaded ExcelJS chunk): **${result.bundle.initialGzipKB} KB gzipped** (target ≤ 250 KB) — ${result.bundle.files.join(", ")}.`;
  return {
    json: { addin: result },
    markdown: [
      "## Office.js adapter (on the typed fake of Excel that counts round trips)",
      "",
      "| case | cells | `context.sync()` calls | largest request | largest response |",
      "|---|---:|---:|---:|---:|",
      ...rows,
      "",
      "Reads take 3 syncs whatever the number of sheets (the sheet list, then every used range, then the cells in blocks sized to stay under Excel on the web's 5 MB); only a sheet larger than one block adds syncs. Writes take 2 (the existing sheet names, then values and formats in one batch), split only when a request would pass about 4 MB.",
      "",
      "## Task pane",
      "",
      bundle,
    ],
  };
}
