/**
 * The pane's reading worker: .xlsx bytes in, the engine's grid out, with
 * progress on the way. Unzipping and scanning a large workbook take seconds;
 * here they never hold up the page, and Cancel ends the worker at once.
 */
import { createReadHandler } from "./handler";
import type { ReadRequest, WorkerReply } from "./protocol";

/** The part of a dedicated worker's global scope used here (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createReadHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event) => void handle(event.data);
