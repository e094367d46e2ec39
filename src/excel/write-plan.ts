/**
 * Turns a SheetDescription (src/core/pir/sheet.ts) into the few large
 * operations Office.js is good at: one 2-D `values` array for the sheet, one
 * `numberFormat` array, and one format call per rectangle of equally styled
 * cells instead of one per cell. Pure functions: no Office.js here.
 */
import { rangeAddress, address, type BorderWeight, type CellStyle, type SheetCell, type SheetDescription } from "../core";

/** A value for `range.values`; null leaves the cell as it is. */
export type WriteValue = string | number | null;

/**
 * How a described string goes into a cell. `range.values` takes a string the
 * way Excel takes typed input: "If the value starts with a plus, minus, or
 * equal sign, Excel interprets this value as a formula" (the Range.values
 * reference), and "2018", "15-Feb", "TRUE" become a number, a date, a boolean.
 *   - A whole number as text, without a leading zero ("2018", "1": years and
 *     component numbers) is written as the number it is, shown with the "0"
 *     format: no "number stored as text" warning in Excel.
 *   - Any other string is text: its cell gets the "@" (Text) number format,
 *     set in the request before the values, so Excel keeps "0075", "TRUE" or
 *     "1.10" as typed. A string that starts like a formula (=, +, -, @, a tab
 *     or a line break, after blanks) or with an apostrophe is written after
 *     an apostrophe as well, Excel's own "this is text" prefix, which is not
 *     part of the stored value (office-js issue #6687): so nothing is ever a
 *     formula, whatever the host makes of "@".
 */
export type CellWrite = { value: number; numFmt: string } | { value: string; numFmt: "@" };

export const TEXT_FORMAT = "@";
const WHOLE_NUMBER = /^(0|[1-9]\d{0,14})$/;
const FORMULA_LIKE = /^[\s]*[=+\-@]|^[\t\r\n]|^'/;

export function cellWrite(s: string, numFmt?: string): CellWrite {
  if (WHOLE_NUMBER.test(s)) return { value: Number(s), numFmt: numFmt && numFmt !== TEXT_FORMAT ? numFmt : "0" };
  return { value: FORMULA_LIKE.test(s) ? asText(s) : s, numFmt: TEXT_FORMAT };
}

/** Excel's "this is text" prefix: only the first apostrophe is taken as the prefix. */
export function asText(s: string): string {
  return `'${s}`;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectAddress(r: Rect): string {
  return r.top === r.bottom && r.left === r.right ? address(r.top, r.left) : rangeAddress(r.top, r.left, r.bottom, r.right);
}

/** The smallest rectangle from A1 that holds every described cell, or null for an empty sheet. */
export function sheetRect(sheet: SheetDescription): Rect | null {
  if (sheet.cells.length === 0) return null;
  let bottom = 0;
  let right = 0;
  for (const c of sheet.cells) {
    if (c.row > bottom) bottom = c.row;
    if (c.col > right) right = c.col;
  }
  return { top: 0, left: 0, bottom, right };
}

function emptyMatrix<T>(rect: Rect): (T | null)[][] {
  return Array.from({ length: rect.bottom - rect.top + 1 }, () => new Array<T | null>(rect.right - rect.left + 1).fill(null));
}

/** The sheet's values as one array over `sheetRect`, strings as `cellWrite` says. */
export function valueMatrix(sheet: SheetDescription, rect: Rect): WriteValue[][] {
  const m = emptyMatrix<string | number>(rect);
  for (const c of sheet.cells) {
    if (c.value === null) continue;
    m[c.row - rect.top][c.col - rect.left] = typeof c.value === "string" ? cellWrite(c.value, c.style?.numFmt).value : c.value;
  }
  return m;
}

/**
 * The number formats as one array: the described ones, "@" for text and "0"
 * for whole numbers written from text (see `cellWrite`); null when no cell
 * needs one. Sent before the values.
 */
export function numberFormatMatrix(sheet: SheetDescription, rect: Rect): (string | null)[][] | null {
  const m = emptyMatrix<string>(rect);
  let any = false;
  for (const c of sheet.cells) {
    const numFmt = typeof c.value === "string" ? cellWrite(c.value, c.style?.numFmt).numFmt : c.style?.numFmt;
    if (!numFmt) continue;
    m[c.row - rect.top][c.col - rect.left] = numFmt;
    any = true;
  }
  return any ? m : null;
}

/** Excel's tallest row, in points: `format.rowHeight` refuses more. */
export const MAX_ROW_HEIGHT_POINTS = 409;

export function clampRowHeight(points: number): number {
  return Math.min(MAX_ROW_HEIGHT_POINTS, Math.max(0, points));
}

/** A style without its number format (that goes in the matrix), with the writers' default top alignment. */
export type RectStyle = Omit<CellStyle, "numFmt"> & { valign: "top" | "middle" | "bottom" };

export interface StyledRect extends Rect {
  style: RectStyle;
}

function rectStyle(style: CellStyle): RectStyle {
  const { numFmt: _numFmt, ...rest } = style;
  return { ...rest, valign: style.valign ?? "top" };
}

/** A stable key: same key, same look. */
function styleKey(s: RectStyle): string {
  const b = s.border ?? {};
  return JSON.stringify([
    s.bold ?? false, s.italic ?? false, s.underline ?? false, s.indent ?? 0, s.fill ?? null, s.fontColor ?? null,
    s.align ?? null, s.valign, s.wrap ?? false, b.top ?? null, b.bottom ?? null, b.left ?? null, b.right ?? null,
  ]);
}

/**
 * Can cells of this style share a rectangle across columns (or rows) without
 * losing a border? Yes when the inner lines all look the same: one side only,
 * or both sides of the same weight (then "inside" borders draw them).
 */
function sharesAcross(a?: BorderWeight, b?: BorderWeight): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * Equally styled cells grouped into rectangles: runs along each row, then runs
 * of the same columns stacked down the rows. Cells without a style get none.
 */
export function styledRects(cells: SheetCell[]): StyledRect[] {
  const styled = cells
    .filter((c) => c.style)
    .map((c) => ({ row: c.row, col: c.col, style: rectStyle(c.style!), key: "" }))
    .map((c) => ({ ...c, key: styleKey(c.style) }))
    .sort((a, b) => a.row - b.row || a.col - b.col);

  const runs: Array<StyledRect & { key: string }> = [];
  for (const c of styled) {
    const last = runs[runs.length - 1];
    const border = c.style.border ?? {};
    if (last && last.key === c.key && last.top === c.row && last.right === c.col - 1 && sharesAcross(border.left, border.right)) {
      last.right = c.col;
    } else {
      runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col, style: c.style, key: c.key });
    }
  }

  // Stack a run onto the rectangle that ends on the row above with the same columns and style.
  const open = new Map<string, StyledRect & { key: string }>();
  const rects: Array<StyledRect & { key: string }> = [];
  for (const run of runs) {
    const at = `${run.left}:${run.right}:${run.key}`;
    const above = open.get(at);
    const border = run.style.border ?? {};
    if (above && above.bottom === run.top - 1 && sharesAcross(border.top, border.bottom)) {
      above.bottom = run.top;
    } else {
      rects.push(run);
      open.set(at, run);
    }
  }
  return rects.map(({ key: _key, ...r }) => r);
}

/** Consecutive columns of the same width: [first, last, width]. */
export function widthRuns(widths: number[]): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  widths.forEach((w, col) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === w && last[1] === col - 1) last[1] = col;
    else runs.push([col, col, w]);
  });
  return runs;
}

/**
 * Excel character units (the width of "0" in Calibri 11, 7 pixels, plus 5
 * pixels of padding) → points, which is what `format.columnWidth` takes:
 * the default 8.43 characters is 64 px = 48 pt.
 */
export function charactersToPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

/** "FF9C0006" → "#9C0006". */
export function argbToHex(argb: string): string {
  return `#${argb.slice(-6)}`;
}

/** Bytes a value adds to a request: its JSON. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}
