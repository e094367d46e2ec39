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
