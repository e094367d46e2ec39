/**
 * One measured run for the reader benchmarks, in a fresh Node process:
 * `node dist/bench/peer.js <what> <file.xlsx>`. Prints the process's peak
 * resident memory in kB (its own: see peakKB); the parent times the whole process (Node start-up
 * included, as a user waits for it).
 *
 *   floor    fflate unzips every part, then each sheet's and the shared
 *            strings' XML is decoded and walked once (every "<" counted):
 *            the least any reader of the file must do
 *   sheetjs  SheetJS (@e965/xlsx) reads the file (its default options)
 *   exceljs  ExcelJS reads the file (its full workbook model)
 *   reader   this project's streaming reader builds the grid
 *   node     nothing: Node's own start-up and memory
 *
 * `validate` and `modules` (validate's fixed cost) are the bundled command
 * itself, run by reader.ts's runCli with peak-at-exit.js preloaded.
 */
import { readFileSync } from "fs";

async function run(what: string, file: string): Promise<void> {
  switch (what) {
    case "floor": {
      const { unzipSync } = await import("fflate");
      const parts = unzipSync(new Uint8Array(readFileSync(file)));
      const decoder = new TextDecoder();
      let tags = 0;
      for (const [name, bytes] of Object.entries(parts)) {
        if (!/^xl\/(worksheets\/.*|sharedStrings)\.xml$/.test(name)) continue;
        const xml = decoder.decode(bytes);
        for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) tags++;
      }
      if (tags === 0) throw new Error("no XML walked");
      break;
    }
    case "sheetjs": {
      const XLSX = require("@e965/xlsx") as { readFile(f: string): { SheetNames: string[] } };
      if (XLSX.readFile(file).SheetNames.length === 0) throw new Error("no sheets");
      break;
    }
    case "exceljs": {
      const ExcelJS = (await import("exceljs")).default;
      await new ExcelJS.Workbook().xlsx.readFile(file);
      break;
    }
    case "reader": {
      const { readWorkbookFile } = await import("../xlsx/read-file");
      await readWorkbookFile(file);
      break;
    }
    case "node":
      break;
    default:
      throw new Error(`unknown peer ${what}`);
  }
  process.stdout.write(String(peakKB()));
}

/** The line peak-at-exit.js prints on stderr: "pir-bench-peak-kb N". */
export const PEAK_MARK = "pir-bench-peak-kb";

/**
 * This process's own peak resident memory, in kB. Linux's VmHWM belongs to
 * the process's memory map, which starts afresh at exec; getrusage's maxRSS
 * (process.resourceUsage) also counts the parent's pages the child had at
 * fork, so every child of a large bench process would report at least its size.
 */
export function peakKB(): number {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

if (require.main === module) {
  run(process.argv[2], process.argv[3]).catch((e) => {
    process.stderr.write(`peer failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
