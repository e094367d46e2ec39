/** Reading a built sheet description in tests: cells by position, rows by their first cell. */
import type { Finding, Table } from "../../../src/core/model";
import { buildPirWorkbook } from "../../../src/core/pir/build";
import { describedCell, type SheetCell, type SheetDescription } from "../../../src/core/pir/sheet";
import { checkResultOf, seedBudgetTable, seedSettings, seedWorkplanTable } from "./seed-tables";

export const AMOUNT = "#,##0.00";

export function pirSheet(tables: Table[], findings: Finding[] = [], settings = seedSettings()): SheetDescription {
  // The annotated copy: the one with sources, notes and flags.
  return buildPirWorkbook({ ...checkResultOf(tables, findings), settings }, settings).sheets[1];
}

export function at(sheet: SheetDescription, row: number, col: number): SheetCell {
  const cell = describedCell(sheet, row, col);
  if (!cell) throw new Error(`no cell at ${row},${col}`);
  return cell;
}

/** The 0-based rows whose first cell holds `text`, top to bottom. */
export function rowsLabelled(sheet: SheetDescription, text: string): number[] {
  return sheet.cells.filter((c) => c.col === 0 && c.value === text).map((c) => c.row);
}

export function rowLabelled(sheet: SheetDescription, text: string, nth = 0): number {
  const rows = rowsLabelled(sheet, text);
  if (rows.length <= nth) throw new Error(`no row labelled "${text}"`);
  return rows[nth];
}

export function rowValues(sheet: SheetDescription, row: number, from: number, to: number): Array<SheetCell["value"]> {
  const values: Array<SheetCell["value"]> = [];
  for (let col = from; col <= to; col++) values.push(describedCell(sheet, row, col)?.value ?? null);
  return values;
}

export const seedBoth = (): Table[] => [seedWorkplanTable(), seedBudgetTable()];
