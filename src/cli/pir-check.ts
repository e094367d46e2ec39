#!/usr/bin/env node
/**
 * The `pir-check` executable: hands the words to `main` and sets the exit
 * code. Nothing else lives here, so the tests can run `main` in-process.
 */
import { main } from "./commands";

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  // main catches everything; this is the last line of defence, still without a stack trace.
  (err: unknown) => {
    process.stderr.write(`pir-check: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
