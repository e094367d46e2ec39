/**
 * A small typed fake of the Excel objects src/excel/ uses, over the state in
 * fake-model.ts. office-addin-mock cannot serve here: its objects are a fixed
 * tree of properties, so it has no collections whose items appear after a
 * sync, no methods that return new ranges (getRange, getUsedRangeOrNullObject,
 * getMergedAreasOrNullObject), no conditional formats, and no count or size of
 * round trips. Like Office.js, this fake queues every operation and runs the
 * queue at `context.sync()`; like the real runtime, a property read before it
 * was loaded and synced throws PropertyNotLoaded, and so does `isNullObject`.
 * Each sync is recorded with its request bytes, counted per object path and
 * action as the real serializer counts them (fake-base.ts), and its response
 * bytes; a sync above Excel on the web's 5 MB fails with the RichApi error code
 * Excel would give. Like Excel, a batch is not a transaction: the actions
 * before a failing one stay done.
 */
import type { ApiSupport } from "../../../src/excel/api";
import { type FakeWorkbookState, newSheet, parseRect } from "./fake-model";
import {
  ACTION_INSTANTIATE, ACTION_METHOD, ACTION_QUERY, type FakeAction, type FakePath, Loadable, NOT_LOADED, PATH_GLOBAL, PATH_INDEXER, PATH_METHOD,
  json, propertyNotLoaded, requestBody, richError,
} from "./fake-base";
import { RangeProxy, WorksheetProxy } from "./fake-range";

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

/** Makes a sync fail as Excel would: before its first action, or at its `action`-th action (0-based). */
export interface PlannedFailure {
  /** 1-based, counted over `syncs`. */
  sync: number;
  action?: number;
  code?: string;
}

export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  requestLimit = FIVE_MB;
  responseLimit = FIVE_MB;
  /** Changes what a range load returns (sheet, property, value → value): for answers Excel should never give. */
  tamper?: (sheet: string, property: string, value: unknown) => unknown;
  /** A sync that will fail, for tests of what the code under test leaves behind. */
  failure?: PlannedFailure;
  readonly context: { workbook: WorkbookProxy; sync(): Promise<void> };
  private queue: Array<{ action: FakeAction; run: () => Outcome }> = [];
  private readonly apiMinor: number;
  private lastId = 0;

  constructor(
    readonly state: FakeWorkbookState,
    options: { api?: string } = {},
  ) {
    this.apiMinor = minor(options.api ?? "1.18");
    const workbook = new WorkbookProxy(this, this.newPath(null, PATH_GLOBAL, ""));
    this.context = { workbook, sync: () => this.sync() };
  }

  nextId = (): number => ++this.lastId;

  newPath(parent: FakePath | null, type: number, name: string, args?: unknown[]): FakePath {
    return { id: this.nextId(), type, name, parent, args };
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

  enqueue(action: FakeAction, run: () => Outcome): void {
    this.queue.push({ action, run });
  }

  /** A method call on the object at `on` (ActionType 3), e.g. delete, activate, merge. */
  method(on: FakePath, name: string, args: unknown[], run: () => Outcome): void {
    this.enqueue({ on, type: ACTION_METHOD, name, args }, run);
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const body = queue.length ? requestBody(queue.map((q) => q.action), this.nextId) : null;
    const record: SyncRecord = { requestBytes: body ? json(body) : 0, responseBytes: 0, operations: queue.length };
    this.syncs.push(record);
    if (record.requestBytes > this.requestLimit) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw richError(record.failed, "The request payload size has exceeded the limit.");
    }
    const planned = this.failure && this.failure.sync === this.syncs.length ? this.failure : undefined;
    const commits: Array<() => void> = [];
    for (let i = 0; i < queue.length; i++) {
      let outcome: Outcome;
      try {
        if (planned && (planned.action ?? 0) === i) throw richError(planned.code ?? "GeneralException", `fake Excel: planned failure at sync ${planned.sync}, action ${i}`);
        outcome = queue[i].run();
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

export class WorkbookProxy extends Loadable {
  get worksheets(): WorksheetsProxy {
    return this.child("worksheets", (path) => new WorksheetsProxy(this.x, path));
  }

  load(props: string): this {
    if (props !== "name") throw new Error(`fake Excel: workbook.load("${props}") is not modelled`);
    this.x.require("1.7");
    this.queueLoad(["name"], () => ({ name: this.x.state.name }));
    return this;
  }

  get name(): unknown {
    return this.prop("name");
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.x, this.x.newPath(this.path, PATH_METHOD, "GetSelectedRange", []), () => {
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

/** A worksheet's id as Excel gives it, which the runtime puts in an item's path. */
const SHEET_ID = "{00000000-0001-0000-0000-000000000000}";

export class WorksheetsProxy extends Loadable {
  private loadedItems: WorksheetProxy[] | null = null;

  load(spec: string): this {
    const props = spec.split(",").map((p) => p.trim());
    if (!props.every((p) => p === "items/name" || p === "items/visibility")) {
      throw new Error(`fake Excel: worksheets.load("${spec}") is not modelled`);
    }
    const names = props.map((p) => p.slice("items/".length));
    this.x.enqueue({ on: this.path, type: ACTION_QUERY, name: "", select: names }, () => {
      const sheets = [...this.x.state.sheets];
      const rows = sheets.map((s) => Object.fromEntries(names.map((n) => [n, n === "name" ? s.name : s.visibility])));
      return {
        responseBytes: json(rows),
        commit: () => {
          this.loadedItems = sheets.map((s, i) => {
            const item = new WorksheetProxy(this.x, this.x.newPath(this.path, PATH_INDEXER, "", [SHEET_ID]), () => liveSheet(this.x, s));
            item.markLoaded(rows[i]);
            return item;
          });
        },
      };
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw propertyNotLoaded("items");
    return this.loadedItems;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.x, this.x.newPath(this.path, PATH_INDEXER, "", [name]), () => findSheet(this.x, name));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    this.x.require("1.4");
    return new WorksheetProxy(this.x, this.x.newPath(this.path, PATH_METHOD, "GetItemOrNullObject", [name]), () => findSheet(this.x, name), true);
  }

  add(name: string): WorksheetProxy {
    let created: ReturnType<typeof newSheet> | null = null;
    const path = this.x.newPath(this.path, PATH_METHOD, "Add", [name]);
    // Adding is the instantiation of the "Add" path (an action of type 1), nothing more.
    this.x.enqueue({ on: path, type: ACTION_INSTANTIATE, name: "" }, () => {
      if (this.x.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw richError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      }
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw richError("InvalidArgument", `Bad sheet name "${name}".`);
      created = newSheet(name);
      this.x.state.sheets.push(created);
      // Excel answers with the new sheet's id; later requests reach it through the collection by that id, as the runtime does.
      Object.assign(path, { type: PATH_INDEXER, name: "", args: [SHEET_ID] });
    });
    return new WorksheetProxy(this.x, path, () => {
      if (!created) throw new Error("fake Excel: a sheet was used before the operation that adds it ran");
      return liveSheet(this.x, created);
    });
  }
}

function liveSheet(x: FakeExcel, sheet: ReturnType<typeof newSheet>) {
  if (!x.state.sheets.includes(sheet)) throw richError("ItemNotFound", `The sheet "${sheet.name}" was deleted.`);
  return sheet;
}
