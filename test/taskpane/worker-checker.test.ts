/**
 * The pane's checking worker without a browser: the worker's handler runs the
 * real engine in-process behind a fake Worker that clones every message as a
 * real one does. The result that comes back is the engine's own (the PIR
 * tables built from it included); a worker that cannot start or dies leaves
 * the check to the page; and the session checks through the io's worker when
 * it has one, the page staying free meanwhile.
 */
import { buildPirWorkbook, checkWorkbooks, parseSettings, type CheckResult, type WorkbookGrid } from "../../src/core";
import { fileHost } from "../../src/taskpane/browser-io";
import { PaneSession } from "../../src/taskpane/session";
import { WorkerChecker, type CheckWorkerLike } from "../../src/taskpane/worker/check-client";
import { createCheckHandler } from "../../src/taskpane/worker/check-handler";
import type { CheckReply, CheckRequest } from "../../src/taskpane/worker/protocol";
import { BrokenWorker } from "./helpers/broken-worker";
import { exampleFile, exampleGrid, recordingIo } from "./helpers/fake-host";

const SETTINGS = parseSettings({ period: "FY22" }, new Date("2026-11-24T00:00:00Z"));

class FakeCheckWorker implements CheckWorkerLike {
  onmessage: ((event: MessageEvent<CheckReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: CheckRequest[] = [];
  private readonly handle = createCheckHandler((reply) => {
    if (this.terminated) return;
    const copy = structuredClone(reply);
    setImmediate(() => !this.terminated && this.onmessage?.({ data: copy } as MessageEvent<CheckReply>));
  });

  postMessage(message: CheckRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setImmediate(() => this.handle(copy));
  }

  terminate(): void {
    this.terminated = true;
  }
}


async function grids(): Promise<WorkbookGrid[]> {
  return Promise.all(["peru-sizd-workplan.xlsx", "peru-sizd-budget.xlsx"].map((f) => exampleGrid(f)));
}

describe("WorkerChecker", () => {
  it("gives the engine's own result through the worker, PIR tables included", async () => {
    const worker = new FakeCheckWorker();
    let onPage = 0;
    const checker = new WorkerChecker(
      () => worker,
      (g, s) => {
        onPage++;
        return checkWorkbooks(g, s);
      },
    );
    const gs = await grids();
    const viaWorker: CheckResult = await checker.check(gs, SETTINGS);
    const here = checkWorkbooks(gs, SETTINGS);
    expect(onPage).toBe(0);
    expect(worker.received).toHaveLength(1);
    expect(viaWorker.report).toEqual(here.report);
    expect(viaWorker.report.findings.length).toBeGreaterThan(0);
    expect(buildPirWorkbook(viaWorker, SETTINGS)).toEqual(buildPirWorkbook(here, SETTINGS));
  });

  it("queues checks and keeps one worker", async () => {
    let spawned = 0;
    const checker = new WorkerChecker(
      () => {
        spawned++;
        return new FakeCheckWorker();
      },
      () => {
        throw new Error("not on the page");
      },
    );
    const gs = await grids();
    const [a, b] = await Promise.all([checker.check(gs, SETTINGS), checker.check([gs[0]], SETTINGS)]);
    expect(spawned).toBe(1);
    expect(a.report.files).toHaveLength(2);
    expect(b.report.files).toHaveLength(1);
  });

  it("checks on the page when the worker cannot start, or there is no Worker at all", async () => {
    const gs = await grids();
    for (const spawn of [() => new BrokenWorker<CheckReply>(), () => null]) {
      let onPage = 0;
      const checker = new WorkerChecker(spawn, (g, s) => {
        onPage++;
        return checkWorkbooks(g, s);
      });
      expect((await checker.check(gs, SETTINGS)).report).toEqual(checkWorkbooks(gs, SETTINGS).report);
      await checker.check(gs, SETTINGS);
      expect(onPage).toBe(2);
    }
  });

  it("passes on the engine's error as a rejection", async () => {
    const checker = new WorkerChecker(() => new FakeCheckWorker(), () => checkWorkbooks([], SETTINGS));
    const broken = [{ file: "x.xlsx", sheets: null }] as unknown as WorkbookGrid[];
    await expect(checker.check(broken, SETTINGS)).rejects.toThrow();
  });
});

describe("the session checks through the io's worker", () => {
  it("shows what the worker's engine found", async () => {
    const io = recordingIo();
    const worker = new FakeCheckWorker();
    const checker = new WorkerChecker(() => worker, () => {
      throw new Error("not on the page");
    });
    const s = new PaneSession(fileHost(null), { ...io, checkWorkbooks: (g, st) => checker.check(g, st) });
    await s.start();
    await s.addFiles([exampleFile("peru-sizd-workplan.xlsx"), exampleFile("peru-sizd-budget.xlsx")]);
    const report = s.getState().report!;
    expect(worker.received.length).toBeGreaterThan(0);
    expect(report.files.map((f) => f.file)).toEqual(["peru-sizd-workplan.xlsx", "peru-sizd-budget.xlsx"]);
    const plain = new PaneSession(fileHost(null), io);
    await plain.start();
    await plain.addFiles([exampleFile("peru-sizd-workplan.xlsx"), exampleFile("peru-sizd-budget.xlsx")]);
    expect(report).toEqual(plain.getState().report);
  });
});
