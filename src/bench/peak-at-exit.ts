/**
 * Preloaded (`node -r dist/bench/peak-at-exit.js …`) into a process the bench
 * times as a user runs it, such as the bundled `pir-check`: at exit, prints
 * the process's peak resident memory on stderr as a line
 * "pir-bench-peak-kb N", which the bench reads and no user sees.
 */
import { writeSync } from "fs";
import { PEAK_MARK, peakKB } from "./peer";

process.on("exit", () => {
  writeSync(2, `\n${PEAK_MARK} ${peakKB()}\n`);
});
