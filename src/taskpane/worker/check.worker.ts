/**
 * The pane's checking worker: grids and settings in, the engine's result out.
 * Recognising and checking a large work plan takes a second or more in a
 * browser; here it never holds up the page. A chunk of its own (the engine),
 * fetched with the first check in file mode.
 */
import { createCheckHandler } from "./check-handler";
import type { CheckReply, CheckRequest } from "./protocol";

/** The part of a dedicated worker's global scope used here (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: CheckReply): void;
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createCheckHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event) => handle(event.data);
