/**
 * Takes the user to a cell: a finding's "go to" in the task pane.
 */
import { ITEM_NOT_FOUND, errorCode } from "./api";

export class CellNotFoundError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(`Cannot go to ${cell}: the workbook has no sheet "${sheet}" (it may have been renamed or deleted)`);
    this.name = "CellNotFoundError";
  }
}

/** Activates the sheet and selects the cell (or range), in one sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).select();
  try {
    await context.sync();
  } catch (err) {
    if (errorCode(err) === ITEM_NOT_FOUND) throw new CellNotFoundError(sheet, cell);
    throw err;
  }
}

export function selectCellInOpenWorkbook(sheet: string, cell: string): Promise<void> {
  return Excel.run((context) => selectCell(context, sheet, cell));
}

/** The selected range's address as Excel gives it: "'Work plan'!B4:M24". */
export async function selectedRangeAddress(context: Excel.RequestContext): Promise<string> {
  const range = context.workbook.getSelectedRange();
  range.load("address");
  await context.sync();
  const address: unknown = range.address;
  if (typeof address !== "string" || !address.includes("!")) throw new Error("Excel did not tell which range is selected");
  return address;
}
