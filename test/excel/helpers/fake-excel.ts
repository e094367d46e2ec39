/**
 * A small typed fake of the Excel objects src/excel/ uses, over the state in
 * fake-model.ts. office-addin-mock cannot serve here: its objects are a fixed
 * tree of properties, so it has no collections whose items appear after a
 * sync, no methods that return new ranges (getRange, getUsedRangeOrNullObject,
 * getMergedAreasOrNullObject), no conditional formats, and no count or size of
 * round trips. Like Office.js, this fake queues every operation and runs the
 * queue at `context.sync()`; a property read before it was loaded and synced
 * gives the mock's "Error, property was not loaded" string. Each sync is
 * recorded with estimated request and response bytes, and a sync above Excel
 * on the web's 5 MB fails with the RichApi error code Excel would give.
 */
import type { ApiSupport } from "../../../src/excel/api";
import { type FakeWorkbookState, newSheet, parseRect } from "./fake-model";
import { NOT_LOADED, RangeProxy, WorksheetProxy, json, richError } from "./fake-range";

export { NOT_LOADED };

export const FIVE_MB = 5 * 1024 * 1024;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** The error code, when the sync failed. */
  failed?: string;
}

export type Outcome = { responseBytes: number; commit: () => void } | void;

/** Bytes of the request for one operation besides its arguments. */
const OPERATION_BYTES = 100;

export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  requestLimit = FIVE_MB;
  responseLimit = FIVE_MB;
  /** Changes what a range load returns (sheet, property, value → value): for answers Excel should never give. */
  tamper?: (sheet: string, property: string, value: unknown) => unknown;
  readonly context: { workbook: WorkbookProxy; sync(): Promise<void> };
  private queue: Array<{ bytes: number; run: () => Outcome }> = [];
  private readonly apiMinor: number;

  constructor(
    readonly state: FakeWorkbookState,
    options: { api?: string } = {},
  ) {
    this.apiMinor = minor(options.api ?? "1.18");
    const workbook = new WorkbookProxy(this);
    this.context = { workbook, sync: () => this.sync() };
  }

  /** What Office.context.requirements.isSetSupported would say for this host. */
  readonly supports: ApiSupport = (set, version) => set === "ExcelApi" && minor(version) <= this.apiMinor;

  /** Fails like a host without the requirement set: the code under test must have asked first. */
  require(version: string): void {
    if (minor(version) > this.apiMinor) throw richError("ApiNotFound", `ExcelApi ${version} is not supported by this host (it has 1.${this.apiMinor}).`);
  }

  /** The context as src/excel/ takes it. */
  get requestContext(): Excel.RequestContext {
    return this.context as unknown as Excel.RequestContext;
  }

  enqueue(argumentBytes: number, run: () => Outcome): void {
    this.queue.push({ bytes: OPERATION_BYTES + argumentBytes, run });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const record: SyncRecord = { requestBytes: queue.reduce((n, a) => n + a.bytes, 0), responseBytes: 0, operations: queue.length };
    this.syncs.push(record);
    if (record.requestBytes > this.requestLimit) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw richError(record.failed, "The request payload size has exceeded the limit.");
    }
    const commits: Array<() => void> = [];
    for (const action of queue) {
      let outcome: Outcome;
      try {
        outcome = action.run();
      } catch (err) {
        record.failed = (err as { code?: string }).code ?? "GeneralException";
        throw err;
      }
      if (outcome) {
        record.responseBytes += outcome.responseBytes;
        commits.push(outcome.commit);
      }
    }
    if (record.responseBytes > this.responseLimit) {
      record.failed = "ResponsePayloadSizeLimitExceeded";
      throw richError(record.failed, "The response payload size has exceeded the limit.");
    }
    for (const commit of commits) commit();
  }

  /** Forgets the syncs so far, so a test can count those of one call. */
  resetSyncs(): void {
    this.syncs.length = 0;
  }
}

function minor(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new Error(`fake Excel: unknown requirement-set version ${version}`);
  return Number(m[1]);
}

export class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  private loaded = new Map<string, unknown>();

  constructor(private readonly x: FakeExcel) {
    this.worksheets = new WorksheetsProxy(x);
  }

  load(props: string): this {
    if (props !== "name") throw new Error(`fake Excel: workbook.load("${props}") is not modelled`);
    this.x.require("1.7");
    this.x.enqueue(20, () => {
      const name = this.x.state.name;
      return { responseBytes: json(name), commit: () => this.loaded.set("name", name) };
    });
    return this;
  }

  get name(): unknown {
    return this.loaded.has("name") ? this.loaded.get("name") : NOT_LOADED;
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.x, () => {
      const sel = this.x.state.selection;
      if (!sel) throw richError("ItemNotFound", "Nothing is selected.");
      return { sheet: findSheet(this.x, sel.sheet), rect: parseRect(sel.address) };
    });
  }
}

export function findSheet(x: FakeExcel, name: string) {
  const sheet = x.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw richError("ItemNotFound", `The requested resource doesn't exist (sheet "${name}").`);
  return sheet;
}

export class WorksheetsProxy {
  private loadedItems: WorksheetProxy[] | null = null;

  constructor(private readonly x: FakeExcel) {}

  load(spec: string): this {
    const props = spec.split(",").map((p) => p.trim());
    if (!props.every((p) => p === "items/name" || p === "items/visibility")) {
      throw new Error(`fake Excel: worksheets.load("${spec}") is not modelled`);
    }
    const names = props.map((p) => p.slice("items/".length));
    this.x.enqueue(spec.length, () => {
      const sheets = [...this.x.state.sheets];
      const rows = sheets.map((s) => Object.fromEntries(names.map((n) => [n, n === "name" ? s.name : s.visibility])));
      return {
        responseBytes: json(rows),
        commit: () => {
          this.loadedItems = sheets.map((s, i) => new WorksheetProxy(this.x, () => liveSheet(this.x, s), rows[i]));
        },
      };
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    return (this.loadedItems ?? NOT_LOADED) as WorksheetProxy[];
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.x, () => findSheet(this.x, name));
  }

  add(name: string): WorksheetProxy {
    let created: ReturnType<typeof newSheet> | null = null;
    this.x.enqueue(json(name), () => {
      if (this.x.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw richError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      }
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw richError("InvalidArgument", `Bad sheet name "${name}".`);
      created = newSheet(name);
      this.x.state.sheets.push(created);
    });
    return new WorksheetProxy(this.x, () => {
      if (!created) throw new Error("fake Excel: a sheet was used before the operation that adds it ran");
      return liveSheet(this.x, created);
    });
  }
}

function liveSheet(x: FakeExcel, sheet: ReturnType<typeof newSheet>) {
  if (!x.state.sheets.includes(sheet)) throw richError("ItemNotFound", `The sheet "${sheet.name}" was deleted.`);
  return sheet;
}
