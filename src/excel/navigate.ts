/**
 * Takes the user to a cell: a finding's "go to" in the task pane.
 */
import { ITEM_NOT_FOUND, errorCode, runExcel } from "./api";

export class CellNotFoundError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(`Cannot go to ${cell}: the workbook has no sheet "${sheet}" (it may have been renamed or deleted)`);
    this.name = "CellNotFoundError";
  }
}

/** The finding is on a sheet Excel cannot show: hidden (Home › Format › Unhide Sheet) or very hidden (only a macro can show it). */
export class SheetHiddenError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly visibility: "Hidden" | "VeryHidden",
  ) {
    super(
      visibility === "Hidden"
        ? `Cannot go to ${cell}: the sheet "${sheet}" is hidden. Unhide it (right-click a sheet tab › Unhide) and try again.`
        : `Cannot go to ${cell}: the sheet "${sheet}" is very hidden, so Excel cannot show it (only a macro or the VBA editor can unhide it).`,
    );
    this.name = "SheetHiddenError";
  }
}

/**
 * Activates the sheet and selects the cell (or range). Two syncs: the sheet's
 * visibility first (Excel cannot activate a hidden sheet, and a missing sheet
 * is a null object rather than an error), then the selection.
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
  worksheet.load("visibility");
  await context.sync();
  if (worksheet.isNullObject) throw new CellNotFoundError(sheet, cell);
  const visibility: unknown = worksheet.visibility;
  if (visibility === "Hidden" || visibility === "VeryHidden") throw new SheetHiddenError(sheet, cell, visibility);
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
  return runExcel((context) => selectCell(context, sheet, cell));
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

export function selectedRangeInOpenWorkbook(): Promise<string> {
  return runExcel((context) => selectedRangeAddress(context));
}
