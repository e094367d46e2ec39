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
