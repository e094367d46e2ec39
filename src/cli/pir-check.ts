#!/usr/bin/env -S node --max-semi-space-size=4
/**
 * The `pir-check` executable: hands the words to `main` and sets the exit
 * code. Nothing else lives here, so the tests can run `main` in-process.
 *
 * The first line gives V8 young-generation semi-spaces of 4 MB instead of
 * Node's 16: a workbook's cells all outlive the young generation, which
 * otherwise grows to its largest for nothing — peak memory of `validate` on
 * the 10,000-output plan ~128 → ~104 MB, no slower (BENCHMARKS.md). `env -S`
 * (GNU coreutils, macOS, and npm's Windows shims all read it) splits the
 * line; where `env` has no -S (BusyBox), run `node dist/cli/pir-check.js`.
 */
import { createInterface } from "readline";
import { main, type CliIo } from "./commands";

/** One question on the terminal; Ctrl-D or Ctrl-C answers "no". */
function askOnTerminal(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    let answered = false;
    rl.on("SIGINT", () => rl.close());
    rl.on("close", () => {
      if (answered) return;
      process.stderr.write("\n");
      resolve("");
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer);
    });
  });
}

const io: CliIo = { stdout: process.stdout, stderr: process.stderr };
// Only a person at a terminal is asked; a script (stdin or stderr not a terminal) gets a refusal instead.
if (process.stdin.isTTY && process.stderr.isTTY) io.ask = askOnTerminal;

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  // main catches everything; this is the last line of defence, still without a stack trace.
  (err: unknown) => {
    process.stderr.write(`pir-check: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
