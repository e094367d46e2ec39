/**
 * What every Office.js adapter in src/excel/ shares: which requirement sets the
 * host supports, Excel on the web's payload limit, and RichApi error codes.
 * Requirement sets (checked in @types/office-js and learn.microsoft.com):
 *   1.1  getRange(address), values/formulas/numberFormat/text, fonts, fills, borders, activate, select
 *   1.2  merge, columnWidth/rowHeight, getResizedRange
 *   1.4  getUsedRangeOrNullObject, getItemOrNullObject
 *   1.6  conditional formats
 *   1.7  range.hyperlink, freezePanes, getRangeByIndexes (not needed: an A1 address does the same in 1.1)
 *   1.9  indentLevel, autoFilter, pageLayout
 *   1.13 getMergedAreasOrNullObject
 *   1.18 worksheet.notes (the yellow "notes"; threaded comments, 1.10, are another thing)
 */

/** Whether the host supports a requirement set, as `Office.context.requirements.isSetSupported`. */
export type ApiSupport = (set: string, version: string) => boolean;

/** The lowest ExcelApi the add-in can run on: reading needs getUsedRangeOrNullObject. */
export const MIN_EXCEL_API = "1.4";

/** The host's answer, or "nothing beyond the minimum" outside Office (tests, a plain browser). */
export function officeApiSupport(): ApiSupport {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return () => false;
  return (set, version) => requirements.isSetSupported(set, version);
}

export function excelApi(supports: ApiSupport, version: string): boolean {
  return supports("ExcelApi", version);
}

/** Excel on the web refuses a request or a response above 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** What we allow ourselves per round trip: a fifth below the limit, for what our estimates miss. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** RichApi error codes we react to (Excel.ErrorCodes). */
export const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";
export const REQUEST_TOO_LARGE = "RequestPayloadSizeLimitExceeded";
export const ITEM_NOT_FOUND = "ItemNotFound";

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** "Budget" → "'Budget'": a sheet name as Excel writes it in a reference. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * `Excel.run` for every batch of the add-in, with `delayForCellEdit`: while
 * the user is typing in a cell, Excel holds the batch until they leave the
 * cell, instead of failing it (Excel.RunOptions; hosts that do not know the
 * option ignore it).
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}

/**
 * What an operation adds to a request, as the Office.js runtime serializes it
 * (ClientRequestContext in office-js; test/excel/runtime.test.ts measures the
 * adapter's operations with the real runtime against these). A request is
 * `{"Actions":[…],"ObjectPaths":{…}}`: every object reached on the way (a
 * `getRange(…)`, its `format`, the `font` of that) is an object path, sent
 * with an "instantiate" action and listed again in the last action; every
 * property set or method call is an action. Ids count up through the session:
 * seven digits are allowed for. Paths to the workbook and its sheets, sent
 * again in each request, are left to the room between the budget and the limit.
 */
const BIG_ID = 1_234_567;

/** A path with its instantiate action and its place in the "L" list. */
export function pathBytes(name: string, args?: unknown[]): number {
  const info: Record<string, unknown> = { Id: BIG_ID, ObjectPathType: 3, Name: name, ParentObjectPathId: BIG_ID };
  if (args) info.ArgumentInfo = { Arguments: args };
  const instantiate = { Id: BIG_ID, ActionType: 1, Name: "", ObjectPathId: BIG_ID };
  return `"${BIG_ID}":`.length + JSON.stringify(info).length + 1 + JSON.stringify(instantiate).length + 1 + `${BIG_ID},`.length;
}

/** A property set (`fill.color = "#FFC7CE"`) or a method call with these arguments. */
export function actionBytes(name: string, args: unknown[] = []): number {
  return JSON.stringify({ Id: BIG_ID, ActionType: 4, Name: name, ObjectPathId: BIG_ID, ArgumentInfo: { Arguments: args } }).length + 1;
}

/**
 * Queues operations and syncs before the request would pass the budget, so
 * that no request passes Excel on the web's 5 MB. `queue` takes the bytes the
 * operation adds (pathBytes + actionBytes).
 */
export class RequestBatch {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly maxBytes: number = PAYLOAD_BUDGET_BYTES,
  ) {}

  async queue(bytes: number, op: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.maxBytes) await this.flush();
    op();
    this.bytes += bytes;
  }

  /** Sends what is queued (a sync even when nothing is). */
  async flush(): Promise<void> {
    this.bytes = 0;
    await this.context.sync();
  }
}
