/**
 * The worker's side, apart from the worker global so that jest can run it:
 * reads each request with the streaming reader and answers with progress,
 * then the grid or the reader's one-line error.
 */
import { WorkbookReadError, readWorkbookBuffer } from "../../xlsx/read";
import type { ReadRequest, WorkerReply } from "./protocol";

export type Post = (reply: WorkerReply) => void;

export function createReadHandler(post: Post): (request: ReadRequest) => Promise<void> {
  return async (request) => {
    if (request?.type !== "read") return;
    const { id, file } = request;
    try {
      const grid = await readWorkbookBuffer(request.bytes, file, {
        maxCells: request.maxCells,
        onProgress: (p) => post({ type: "progress", id, done: p.done, total: p.total }),
      });
      post({ type: "done", id, grid });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      post({ type: "error", id, message, reason: err instanceof WorkbookReadError ? err.reason : null });
    }
  };
}
