/**
 * The messages between the pane and its workers: the reading worker
 * (read.worker.ts) and the checking worker (check.worker.ts).
 * One read at a time per worker; the pane cancels by ending the worker.
 */
import type { CheckResult, Settings, WorkbookGrid } from "../../core";

/** Where reading is, in compressed bytes of the parts read and to read. */
export interface ReadProgress {
  done: number;
  total: number;
}

/** What the pane asks: read these bytes (transferred, not copied) as `file`. */
export interface ReadRequest {
  type: "read";
  id: number;
  file: string;
  bytes: ArrayBuffer;
  maxCells?: number;
}

export type WorkerReply =
  | { type: "progress"; id: number; done: number; total: number }
  | { type: "done"; id: number; grid: WorkbookGrid }
  /** `reason` is the reader's WorkbookReadReason when it gave one; `message` is one line naming the file. */
  | { type: "error"; id: number; message: string; reason: string | null };

/** The hooks a read takes: progress, and a signal that cancels it. */
export interface ReadHooks {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
}

/** A read the user stopped (Cancel); nothing was added. */
export class ReadCancelledError extends Error {
  readonly reason = "cancelled";
  constructor(readonly file: string) {
    super(`${file}: reading was cancelled`);
    this.name = "ReadCancelledError";
  }
}

/** A read that failed in the worker: the reader's one-line message, and its reason. */
export class WorkerReadError extends Error {
  constructor(
    message: string,
    readonly reason: string | null,
  ) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** What the pane asks the checking worker (check.worker.ts): run the engine on these grids (copied). */
export interface CheckRequest {
  type: "check";
  id: number;
  grids: WorkbookGrid[];
  settings: Settings;
}

export type CheckReply =
  | { type: "checked"; id: number; result: CheckResult }
  | { type: "error"; id: number; message: string };
