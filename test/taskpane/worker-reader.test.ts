/**
 * The pane's reading worker without a browser: the worker's handler runs the
 * real reader in-process behind a fake Worker that clones (and transfers)
 * every message as a real one does. Cancel ends the worker and the read says
 * so; a worker that cannot start leaves the read to the page; and the
 * session turns progress into the bar, Cancel into a notice.
 */
import { fileHost } from "../../src/taskpane/browser-io";
import { strings } from "../../src/taskpane/i18n";
import type { BrowserIo } from "../../src/taskpane/pane-host";
import { PaneSession } from "../../src/taskpane/session";
import { WorkerReader, type WorkerLike } from "../../src/taskpane/worker/client";
import { createReadHandler } from "../../src/taskpane/worker/handler";
import { ReadCancelledError, type ReadRequest, type WorkerReply } from "../../src/taskpane/worker/protocol";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { BrokenWorker } from "./helpers/broken-worker";
import { exampleFile, recordingIo } from "./helpers/fake-host";

const en = strings("en");
const WORKPLAN = "peru-sizd-workplan.xlsx";

async function bytesOf(name: string): Promise<ArrayBuffer> {
  return exampleFile(name).arrayBuffer();
}

/** A Worker running the handler on this thread, one event-loop turn away, with structured cloning and transfer. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: ReadRequest[] = [];
  private readonly handle = createReadHandler((reply) => {
    if (this.terminated) return; // a terminated worker says nothing more
    const copy = structuredClone(reply);
    setImmediate(() => !this.terminated && this.onmessage?.({ data: copy } as MessageEvent<WorkerReply>));
  });

  postMessage(message: ReadRequest, transfer: Transferable[]): void {
    const copy = structuredClone(message, { transfer: transfer as Transferable[] });
    this.received.push(copy);
    setImmediate(() => void this.handle(copy));
  }

  terminate(): void {
    this.terminated = true;
  }
}


const pageRead = jest.fn((bytes: ArrayBuffer, file: string) => readWorkbookBuffer(bytes, file));

beforeEach(() => pageRead.mockClear());

describe("the reading worker's handler", () => {
  it("answers a read with progress, then the same grid the reader gives", async () => {
    const replies: WorkerReply[] = [];
    await createReadHandler((r) => replies.push(r))({ type: "read", id: 7, file: WORKPLAN, bytes: await bytesOf(WORKPLAN) });
    const last = replies[replies.length - 1];
    expect(last.type).toBe("done");
    expect(replies.every((r) => r.id === 7)).toBe(true);
    const progress = replies.filter((r) => r.type === "progress");
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const end = progress[progress.length - 1] as { done: number; total: number };
    expect(end.done).toBe(end.total);
    expect(last.type === "done" && last.grid).toEqual(await readWorkbookBuffer(await bytesOf(WORKPLAN), WORKPLAN));
  });

  it("answers a file it cannot read with the reader's one line and reason", async () => {
    const replies: WorkerReply[] = [];
    const text = new TextEncoder().encode("just some text");
    await createReadHandler((r) => replies.push(r))({ type: "read", id: 1, file: "notes.txt", bytes: text.buffer as ArrayBuffer });
    expect(replies).toEqual([{ type: "error", id: 1, message: expect.stringMatching(/^notes\.txt: not an \.xlsx workbook/), reason: "not-xlsx" }]);
  });

  it("ignores anything that is not a read", async () => {
    const replies: WorkerReply[] = [];
    await createReadHandler((r) => replies.push(r))({ type: "other" } as unknown as ReadRequest);
    expect(replies).toEqual([]);
  });
});

describe("WorkerReader", () => {
  it("reads in the worker, transferring the bytes, and passes progress on", async () => {
    const workers: FakeWorker[] = [];
    const reader = new WorkerReader(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    }, pageRead);
    const seen: number[] = [];
    const bytes = await bytesOf(WORKPLAN);
    const grid = await reader.read(bytes, WORKPLAN, { onProgress: (p) => seen.push(p.done / p.total) });
    expect(grid.file).toBe(WORKPLAN);
    expect(grid.sheets.map((s) => s.name)).toContain("Work plan");
    expect(seen[seen.length - 1]).toBe(1);
    expect(pageRead).not.toHaveBeenCalled();
    // The first read sends a copy (kept for the page until the worker is known to run); later ones transfer the bytes.
    const again = await bytesOf(WORKPLAN);
    await reader.read(again, WORKPLAN);
    expect(again.byteLength).toBe(0);
    expect(workers).toHaveLength(1);
  });

  it("rejects with the reader's message when the worker cannot read the file", async () => {
    const reader = new WorkerReader(() => new FakeWorker(), pageRead);
    const text = new TextEncoder().encode("just some text");
    await expect(reader.read(text.buffer as ArrayBuffer, "notes.txt")).rejects.toMatchObject({
      name: "WorkbookReadError",
      reason: "not-xlsx",
      message: expect.stringMatching(/^notes\.txt: not an \.xlsx workbook/),
    });
  });

  it("on Cancel ends the worker at once, rejects as cancelled, and reads the next file in a new worker", async () => {
    const workers: FakeWorker[] = [];
    const reader = new WorkerReader(() => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    }, pageRead);
    const controller = new AbortController();
    let progressed!: () => void;
    const inWorker = new Promise<void>((resolve) => (progressed = resolve));
    const reading = reader.read(await bytesOf(WORKPLAN), WORKPLAN, { signal: controller.signal, onProgress: () => progressed() });
    await inWorker;
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(ReadCancelledError);
    expect(workers[0].terminated).toBe(true);
    const grid = await reader.read(await bytesOf(WORKPLAN), WORKPLAN);
    expect(grid.file).toBe(WORKPLAN);
    expect(workers).toHaveLength(2);
    // A signal aborted before the read starts sends nothing.
    await expect(reader.read(await bytesOf(WORKPLAN), WORKPLAN, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ReadCancelledError);
    expect(workers[1].received).toHaveLength(1);
  });

  it("reads on the page when no worker can run or the worker fails to load", async () => {
    const none = new WorkerReader(() => null, pageRead);
    expect((await none.read(await bytesOf(WORKPLAN), WORKPLAN)).file).toBe(WORKPLAN);
    expect(pageRead).toHaveBeenCalledTimes(1);

    let spawned = 0;
    const broken = new WorkerReader(() => {
      spawned++;
      return new BrokenWorker<WorkerReply>();
    }, pageRead);
    expect((await broken.read(await bytesOf(WORKPLAN), WORKPLAN)).file).toBe(WORKPLAN);
    expect((await broken.read(await bytesOf(WORKPLAN), WORKPLAN)).file).toBe(WORKPLAN);
    expect(pageRead).toHaveBeenCalledTimes(3);
    expect(spawned).toBe(1); // tried once, then the page for good
  });
});

describe("the session's reading, with progress and Cancel", () => {
  /** An io whose reads of "big.xlsx" report half their progress, then wait until cancelled. */
  function stallingIo(): BrowserIo & { started: Promise<void> } {
    const io = recordingIo();
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    return {
      ...io,
      started: startedPromise,
      readWorkbook: (bytes, file, hooks) => {
        if (file !== "big.xlsx") return io.readWorkbook(bytes, file, hooks);
        hooks?.onProgress?.({ done: 50, total: 100 });
        started();
        return new Promise((_, reject) => hooks?.signal?.addEventListener("abort", () => reject(new ReadCancelledError(file))));
      },
    };
  }

  async function session(io: BrowserIo) {
    const s = new PaneSession(fileHost(null), io);
    await s.start();
    return s;
  }

  const big = { name: "big.xlsx", arrayBuffer: async () => new ArrayBuffer(8) };

  it("shows the read's progress with Cancel, and Cancel adds nothing and says so", async () => {
    const io = stallingIo();
    const s = await session(io);
    await s.addFiles([exampleFile(WORKPLAN)]);
    const adding = s.addFiles([exampleFile("peru-sizd-budget.xlsx"), big, exampleFile("peru-sizd-budget.xlsx")]);
    await io.started;
    // The second of three files, half read: a third and a half of the way.
    const busy = s.getState().busy!;
    expect(busy.cancellable).toBe(true);
    expect(busy.text(en)).toBe("Reading big.xlsx…");
    expect(busy.value).toBeCloseTo(0.5, 5);
    s.cancelReading();
    await adding;
    const state = s.getState();
    expect(state.busy).toBeNull();
    expect(state.workbooks.map((w) => w.file)).toEqual([WORKPLAN, "peru-sizd-budget.xlsx"]);
    expect(state.checkedWorkbooks).toBe(2);
    expect(state.notice?.intent).toBe("info");
    expect(state.notice?.text(en)).toBe("Cancelled: big.xlsx and the files after it were not added.");
    // The pane is free again: the next file is read as usual.
    await s.addFiles([exampleFile(WORKPLAN)]);
    expect(s.getState().notice).toBeNull();
  });

  it("a cancelled read is never a read error, whichever way the reader stopped", async () => {
    const io = recordingIo();
    const s = await session({
      ...io,
      readWorkbook: (bytes, file, hooks) => {
        // The page's reader stops with its own "cancelled" error.
        return new Promise((_, reject) => hooks?.signal?.addEventListener("abort", () => reject(Object.assign(new Error(`${file}: reading was cancelled`), { reason: "cancelled" }))));
      },
    });
    const adding = s.addFiles([big]);
    await new Promise((r) => setImmediate(r));
    s.cancelReading();
    await adding;
    expect(s.getState().notice?.intent).toBe("info");
    expect(s.getState().notice?.text(en)).toBe("Cancelled: big.xlsx was not added.");
    expect(s.getState().workbooks).toEqual([]);
  });

  it("Cancel during Validate keeps what was read before", async () => {
    const io = stallingIo();
    let reads = 0;
    const s = await session({
      ...io,
      readWorkbook: (bytes, file, hooks) => (reads++ === 0 ? io.readWorkbook(bytes, WORKPLAN, hooks) : io.readWorkbook(bytes, "big.xlsx", hooks)),
    });
    await s.addFiles([exampleFile(WORKPLAN)]);
    const before = s.getState().report;
    expect(before).not.toBeNull();
    const validating = s.validate();
    await io.started;
    s.cancelReading();
    await validating;
    expect(s.getState().workbooks.map((w) => w.file)).toEqual([WORKPLAN]);
    expect(s.getState().report!.findings).toEqual(before!.findings);
    expect(s.getState().notice?.text(en)).toBe(`Cancelled: ${WORKPLAN} was not added.`);
  });
});
