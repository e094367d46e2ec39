/**
 * The pane's side of the reading worker. Each read transfers the file's bytes
 * to the worker (no copy), passes its progress on, and resolves with the grid.
 * Cancel ends the worker at once — even in the middle of inflating — and the
 * next read starts a fresh one. Where no worker can run (no Worker, or it
 * fails to load) the same reader runs on the page instead, as before.
 */
import type { WorkbookGrid } from "../../core";
import { ReadCancelledError, WorkerReadError, type ReadHooks, type ReadRequest, type WorkerReply } from "./protocol";
import { startWorker } from "./start";

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: ReadRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type ReadOnPage = (bytes: ArrayBuffer, file: string, hooks: ReadHooks) => Promise<WorkbookGrid>;

interface Pending {
  id: number;
  file: string;
  bytes: ArrayBuffer;
  hooks: ReadHooks;
  resolve: (grid: WorkbookGrid) => void;
  reject: (err: Error) => void;
  /** Whether the worker has answered at all (then a later failure is not a failure to start). */
  answered: boolean;
}

export class WorkerReader {
  private worker: WorkerLike | null = null;
  /** Set once a worker could not start: every later read runs on the page. */
  private noWorker = false;
  private pending: Pending | null = null;
  /** Whether the current worker has answered once (so it loaded). */
  private started = false;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(
    /** Starts a worker; null or a throw when none can run here. */
    private readonly spawn: () => WorkerLike | null,
    private readonly onPage: ReadOnPage,
  ) {}

  /** Reads one workbook; reads queue up behind each other. */
  read(bytes: ArrayBuffer, file: string, hooks: ReadHooks = {}): Promise<WorkbookGrid> {
    const run = this.queue.then(() => this.readNow(bytes, file, hooks));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the worker (the pane is going away). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private readNow(bytes: ArrayBuffer, file: string, hooks: ReadHooks): Promise<WorkbookGrid> {
    if (hooks.signal?.aborted) return Promise.reject(new ReadCancelledError(file));
    const worker = this.ensureWorker();
    if (!worker) return this.onPage(bytes, file, hooks);
    return new Promise<WorkbookGrid>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, file, bytes, hooks, resolve, reject, answered: false };
      this.pending = pending;
      const onAbort = () => {
        if (this.pending !== pending) return;
        // A worker in the middle of inflating cannot be interrupted any other way; a new one starts with the next read.
        this.dispose();
        this.settle(pending, () => reject(new ReadCancelledError(file)));
      };
      hooks.signal?.addEventListener("abort", onAbort, { once: true });
      const cleanUp = () => hooks.signal?.removeEventListener("abort", onAbort);
      pending.resolve = (grid) => {
        cleanUp();
        resolve(grid);
      };
      pending.reject = (err) => {
        cleanUp();
        reject(err);
      };
      // Until the worker has answered once, send a copy: if it cannot start, the page reads the original instead.
      const send = this.started ? bytes : bytes.slice(0);
      worker.postMessage({ type: "read", id: pending.id, file, bytes: send }, [send]);
    });
  }

  private ensureWorker(): WorkerLike | null {
    if (this.worker) return this.worker;
    if (this.noWorker) return null;
    const worker = startWorker(this.spawn, (reply: WorkerReply) => this.onReply(reply), (w, event) => this.onWorkerError(w, event));
    if (!worker) this.noWorker = true;
    else this.started = false;
    return (this.worker = worker);
  }

  private onReply(reply: WorkerReply): void {
    this.started = true;
    const pending = this.pending;
    if (!pending || reply.id !== pending.id) return; // a cancelled read's last words
    pending.answered = true;
    switch (reply.type) {
      case "progress":
        pending.hooks.onProgress?.({ done: reply.done, total: reply.total });
        return;
      case "done":
        this.settle(pending, () => pending.resolve(reply.grid));
        return;
      case "error":
        this.settle(pending, () => pending.reject(new WorkerReadError(reply.message, reply.reason)));
        return;
    }
  }

  /** The worker failed to load or died: read on the page when it never started, else say what happened. */
  private onWorkerError(worker: WorkerLike, event: ErrorEvent): void {
    event.preventDefault?.();
    if (this.worker !== worker) return;
    const pending = this.pending;
    const started = this.started;
    this.dispose();
    if (!started) this.noWorker = true;
    if (!pending) return;
    if (!started && !pending.answered) {
      this.settle(pending, () => this.onPage(pending.bytes, pending.file, pending.hooks).then(pending.resolve, pending.reject));
      return;
    }
    const why = event.message || "the reading worker stopped";
    this.settle(pending, () => pending.reject(new WorkerReadError(`${pending.file}: ${why}`, null)));
  }

  private settle(pending: Pending, then: () => void): void {
    if (this.pending !== pending) return;
    this.pending = null;
    then();
  }
}
