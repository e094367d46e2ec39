/**
 * Starts the reading and the checking worker. webpack sees `new Worker(new URL(…, import.meta.url))`
 * and builds read.worker.ts (with the reader and fflate) as a chunk of its own,
 * fetched only when the first file is read. This module is itself loaded
 * with import() (browser-io.ts), so the pane's first download does not grow;
 * and it is kept apart because jest (CommonJS) cannot load `import.meta`.
 */
import { WorkerChecker, type CheckOnPage } from "./check-client";
import { WorkerReader, type ReadOnPage } from "./client";

export function spawnReadWorker(): Worker {
  // @ts-expect-error -- the type check compiles as CommonJS; webpack compiles this file as an ES module, where import.meta is defined.
  return new Worker(new URL("./read.worker.ts", import.meta.url), { name: "xlsx-read" });
}

/** A reader that uses the worker, or `onPage` where no worker can run. */
export function workerReader(onPage: ReadOnPage): WorkerReader {
  return new WorkerReader(() => (typeof Worker === "undefined" ? null : spawnReadWorker()), onPage);
}

export function spawnCheckWorker(): Worker {
  // @ts-expect-error -- as above: import.meta exists where webpack compiles this file.
  return new Worker(new URL("./check.worker.ts", import.meta.url), { name: "engine-check" });
}

/** A checker that runs the engine in its own worker (a chunk fetched with the first check), or `onPage` where no worker can run. */
export function workerChecker(onPage: CheckOnPage): WorkerChecker {
  return new WorkerChecker(() => (typeof Worker === "undefined" ? null : spawnCheckWorker()), onPage);
}
