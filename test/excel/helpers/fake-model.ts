/**
 * The state of a fake Excel workbook: sheets of cells with values, formulas,
 * number formats, formats, merges, notes, links and conditional formats. The
 * proxies in fake-excel.ts read and change it the way Office.js reads and
 * changes a real workbook. Plain data, so tests can compare it before and after.
 */
import { columnName, parseAddress } from "../../../src/core/grid";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface FakeFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders: Partial<Record<BorderSide, string>>;
}

export interface FakeCell {
  /** "" when the cell holds nothing. */
  value: string | number | boolean;
  /** With its "=", as `range.formulas` gives it. */
  formula?: string;
  /** Text typed after an apostrophe: stored without it. */
  quotePrefix?: boolean;
  numberFormat: string;
  /** What Excel displays; when absent, String(value). */
  text?: string;
  format: FakeFormat;
  hyperlink?: { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string };
}

export interface FakeConditionalFormat {
  id: number;
  type: string;
  /** The cells it applies to, e.g. "C5". */
  address: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Keyed "row,col", 0-based. */
  cells: Map<string, FakeCell>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozen?: { rows: number; cols: number };
  notes: Map<string, string>;
  autoFilter?: string;
  orientation?: string;
  conditionalFormats: FakeConditionalFormat[];
}

export interface FakeWorkbookState {
  name: string;
  sheets: FakeSheet[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
}

export function newSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
  return {
    name,
    visibility,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    notes: new Map(),
    conditionalFormats: [],
  };
}

export function emptyCell(): FakeCell {
  return { value: "", numberFormat: "General", format: { borders: {} } };
}

export function cellAt(sheet: FakeSheet, row: number, col: number): FakeCell {
  const key = `${row},${col}`;
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = emptyCell();
    sheet.cells.set(key, cell);
  }
  return cell;
}

export function peekCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return sheet.cells.get(`${row},${col}`);
}

/**
 * What Excel makes of a value written to `range.values`: it is parsed like
 * typed input. An apostrophe makes the rest text; in a cell formatted as text
 * ("@") any string stays the text it is; otherwise a number-like string
 * becomes a number, TRUE/FALSE a boolean, and a string starting with =, +, -
 * or @ (after any blanks, tabs or line breaks) that is not a number becomes a
 * formula.
 */
export function enterValue(cell: FakeCell, input: unknown): void {
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.text;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new Error(`fake Excel: cannot write ${JSON.stringify(input)} to a cell`);
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
  } else if (cell.numberFormat === "@") {
    cell.value = input;
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(input.trim()) && input.trim() !== "") {
    cell.value = Number(input.trim());
  } else if (/^(true|false)$/i.test(input)) {
    cell.value = input.toLowerCase() === "true";
  } else if (/^[\s]*[=+\-@]/.test(input)) {
    cell.formula = input.trim().startsWith("=") ? input.trim() : `=${input.trim()}`;
    cell.value = "#NAME?";
  } else {
    cell.value = input;
  }
}

/** Whether the cell counts for a values-only used range. */
export function hasValue(cell: FakeCell): boolean {
  return cell.value !== "" || cell.formula !== undefined;
}

/** The values-only used range, or null for a sheet without values. */
export function usedRect(sheet: FakeSheet): Rect | null {
  let r: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    if (!hasValue(cell)) continue;
    const [row, col] = key.split(",").map(Number);
    if (!r) r = { top: row, left: col, bottom: row, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.left = Math.min(r.left, col);
      r.bottom = Math.max(r.bottom, row);
      r.right = Math.max(r.right, col);
    }
  }
  return r;
}

/** "A1", "B2:C3", "$A$1", "A:C", "5:7", or "" for the whole sheet → 0-based rectangle. */
export function parseRect(address: string): Rect {
  const a = address.trim();
  if (a === "") return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
  const [from, to = from] = a.split(":");
  const cols = /^\$?([A-Z]{1,3})$/i;
  const rows = /^\$?(\d+)$/;
  if (cols.test(from) && cols.test(to)) {
    const l = parseAddress(`${from.replace("$", "")}1`)!.col;
    const r = parseAddress(`${to.replace("$", "")}1`)!.col;
    return { top: 0, left: Math.min(l, r), bottom: MAX_ROWS - 1, right: Math.max(l, r) };
  }
  if (rows.test(from) && rows.test(to)) {
    const t = Number(from.replace("$", "")) - 1;
    const b = Number(to.replace("$", "")) - 1;
    return { top: Math.min(t, b), left: 0, bottom: Math.max(t, b), right: MAX_COLS - 1 };
  }
  const p = parseAddress(from);
  const q = parseAddress(to);
  if (!p || !q) throw Object.assign(new Error(`fake Excel: bad address "${address}"`), { code: "InvalidArgument" });
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function rectA1(r: Rect): string {
  const from = `${columnName(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${columnName(r.right)}${r.bottom + 1}`;
}

/** A sheet name as Excel writes it in an address: quoted unless plain. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A deep copy, for before/after comparisons. */
export function snapshotSheet(sheet: FakeSheet): unknown {
  return JSON.parse(
    JSON.stringify({
      ...sheet,
      cells: [...sheet.cells.entries()].sort(),
      columnWidths: [...sheet.columnWidths.entries()],
      rowHeights: [...sheet.rowHeights.entries()],
      notes: [...sheet.notes.entries()],
    }),
  );
}
