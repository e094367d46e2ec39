/**
 * What the reading and the checking worker's clients do alike when they first
 * need their worker: start it, and hand its replies and its failure to them.
 * (Kept apart from spawn.ts, which jest cannot load.)
 */
export interface WorkerEnds<R> {
  onmessage: ((event: MessageEvent<R>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The started worker, wired to `onReply` and `onError`; null when none can run here (`spawn` gives null or throws). */
export function startWorker<R, W extends WorkerEnds<R>>(spawn: () => W | null, onReply: (reply: R) => void, onError: (worker: W, event: ErrorEvent) => void): W | null {
  let worker: W | null;
  try {
    worker = spawn();
  } catch {
    worker = null;
  }
  if (!worker) return null;
  const started = worker;
  started.onmessage = (event) => onReply(event.data);
  started.onerror = (event) => onError(started, event);
  return started;
}
