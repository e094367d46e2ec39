/**
 * Builds fake Excel workbooks (fake-excel.ts) from real fixtures: a
 * WorkbookGrid read by the ExcelJS reader becomes the cells Office.js would
 * report for the same file — dates as serial numbers with their date format,
 * formulas with "=", errors as their strings, and the display text Excel
 * would show for the common number formats. The FakeExcel it returns counts
 * every sync() and the size of each batch (`fake.syncs`).
 */
import type { Cell, WorkbookGrid } from "../../../src/core/grid";
import { isErrorValue } from "../../../src/core/grid";
import { FakeExcel } from "./fake-excel";
import { type FakeCell, type FakeSheet, type FakeWorkbookState, emptyCell, newSheet } from "./fake-model";

export function fakeExcelFromGrids(grids: WorkbookGrid | WorkbookGrid[], options: { name?: string; api?: string } = {}): FakeExcel {
  const list = Array.isArray(grids) ? grids : [grids];
  const state: FakeWorkbookState = {
    name: options.name ?? list[0]?.file ?? "Book1.xlsx",
    sheets: list.flatMap((g) => g.sheets.map((s) => sheetFromGrid(s.name, s))),
    activeSheet: null,
    selection: null,
  };
  state.activeSheet = state.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
  return new FakeExcel(state, { api: options.api });
}

export function sheetFromGrid(name: string, grid: WorkbookGrid["sheets"][number]): FakeSheet {
  const sheet = newSheet(name, grid.hidden ? "Hidden" : "Visible");
  grid.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell) sheet.cells.set(`${r},${c}`, fakeCell(cell));
    }),
  );
  sheet.merges = grid.merges.map((m) => ({ ...m }));
  return sheet;
}

/** The same sheet under another name: for workbooks of 10 or 50 sheets. */
export function copySheet(sheet: FakeSheet, name: string): FakeSheet {
  const copy = newSheet(name, sheet.visibility);
  for (const [key, cell] of sheet.cells) copy.cells.set(key, JSON.parse(JSON.stringify(cell)) as FakeCell);
  copy.merges = sheet.merges.map((m) => ({ ...m }));
  return copy;
}

function fakeCell(cell: Cell): FakeCell {
  const out = emptyCell();
  const v = cell.value;
  if (v instanceof Date) out.value = v.getTime() / 86_400_000 + 25569;
  else if (isErrorValue(v)) out.value = v.error;
  else if (v === null) out.value = "";
  else out.value = v;
  if (cell.formula !== undefined) out.formula = `=${cell.formula}`;
  out.numberFormat = cell.numFmt ?? "General";
  out.text = displayText(cell);
  return out;
}

/** What Excel shows for the formats the fixtures use; other formats show the plain value. */
export function displayText(cell: Cell): string {
  const v = cell.value;
  const fmt = cell.numFmt ?? "General";
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isErrorValue(v)) return v.error;
  if (v instanceof Date) {
    const dd = String(v.getUTCDate()).padStart(2, "0");
    const mm = String(v.getUTCMonth() + 1).padStart(2, "0");
    const yyyy = String(v.getUTCFullYear());
    if (fmt === "yyyy") return yyyy;
    return fmt.replace("dd", dd).replace("mm", mm).replace("yyyy", yyyy);
  }
  let m = /^#,##0(?:\.(0+))?$/.exec(fmt);
  if (m) {
    const d = m[1]?.length ?? 0;
    return v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  m = /^0(?:\.(0+))?(%?)$/.exec(fmt);
  if (m) return (m[2] ? v * 100 : v).toFixed(m[1]?.length ?? 0) + m[2];
  return String(Number(v.toPrecision(11)));
}
