/** A worker whose script never loads: an error event on its first message and nothing else (for the reading and the checking worker alike). */
export class BrokenWorker<Reply> {
  onmessage: ((event: MessageEvent<Reply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(): void {
    setImmediate(() => this.onerror?.({ message: "failed to load", preventDefault: () => undefined } as ErrorEvent));
  }
  terminate(): void {
    this.terminated = true;
  }
}
