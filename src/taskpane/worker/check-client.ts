/**
 * The pane's side of the checking worker: each check posts the grids and
 * settings (copied by the structured clone) and resolves with the engine's
 * result. One worker is kept for the pane's life; checks queue up behind each
 * other. Where no worker can run (no Worker, or it fails to load or dies) the
 * engine runs on the page instead, as before.
 */
import type { CheckResult, Settings, WorkbookGrid } from "../../core";
import type { CheckReply, CheckRequest } from "./protocol";
import { startWorker } from "./start";

/** What the checker needs of a Worker (a fake one in tests). */
export interface CheckWorkerLike {
  postMessage(message: CheckRequest): void;
  onmessage: ((event: MessageEvent<CheckReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type CheckOnPage = (grids: WorkbookGrid[], settings: Settings) => CheckResult | Promise<CheckResult>;

interface Pending {
  id: number;
  grids: WorkbookGrid[];
  settings: Settings;
  resolve: (result: CheckResult) => void;
  reject: (err: Error) => void;
}

export class WorkerChecker {
  private worker: CheckWorkerLike | null = null;
  private noWorker = false;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(
    /** Starts a worker; null or a throw when none can run here. */
    private readonly spawn: () => CheckWorkerLike | null,
    private readonly onPage: CheckOnPage,
  ) {}

  check(grids: WorkbookGrid[], settings: Settings): Promise<CheckResult> {
    const run = this.queue.then(() => this.checkNow(grids, settings));
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private checkNow(grids: WorkbookGrid[], settings: Settings): Promise<CheckResult> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.onPage(grids, settings));
    return new Promise<CheckResult>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, grids, settings, resolve, reject };
      this.pending = pending;
      try {
        worker.postMessage({ type: "check", id: pending.id, grids, settings });
      } catch {
        // Something in the grids the structured clone refuses: the engine runs on the page.
        this.pending = null;
        Promise.resolve(this.onPage(grids, settings)).then(resolve, reject);
      }
    });
  }

  private ensureWorker(): CheckWorkerLike | null {
    if (this.worker) return this.worker;
    if (this.noWorker) return null;
    const worker = startWorker(this.spawn, (reply: CheckReply) => this.onReply(reply), (w, event) => this.onWorkerError(w, event));
    if (!worker) this.noWorker = true;
    return (this.worker = worker);
  }

  private onReply(reply: CheckReply): void {
    const pending = this.pending;
    if (!pending || reply.id !== pending.id) return;
    this.pending = null;
    if (reply.type === "checked") pending.resolve(reply.result);
    else pending.reject(new Error(reply.message));
  }

  /** The worker failed to load or died: from now on the engine runs on the page, this check included. */
  private onWorkerError(worker: CheckWorkerLike, event: ErrorEvent): void {
    event.preventDefault?.();
    if (this.worker !== worker) return;
    this.dispose();
    this.noWorker = true;
    const pending = this.pending;
    this.pending = null;
    if (pending) Promise.resolve(this.onPage(pending.grids, pending.settings)).then(pending.resolve, pending.reject);
  }
}
