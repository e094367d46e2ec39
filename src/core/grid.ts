/**
 * The plain grid of cells that every reader (ExcelJS, Office.js) produces and
 * the recogniser consumes. Rows and columns are 0-based here; A1 addresses are
 * only made for people (findings, table ranges).
 */
import { z } from "zod";

/** An Excel error value such as #REF! or #N/A. */
export interface ErrorValue {
  error: string;
}

export type CellValue = number | string | boolean | Date | ErrorValue | null;

export interface Cell {
  /** The value, or for a formula its cached result. */
  value: CellValue;
  /** The text Excel displays, when the reader knows it (Office.js does). */
  text?: string;
  /** The number format, e.g. "#,##0.00". */
  numFmt?: string;
  /** The formula without the leading "=", when the cell holds one. */
  formula?: string;
  /** Font is bold: a hint for component rows. */
  bold?: boolean;
}

/** A merged area, 0-based and inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Row-major; a missing row or cell is an empty cell. */
  cells: (Array<Cell | null | undefined> | null | undefined)[];
  merges: MergedArea[];
  hidden?: boolean;
}

export interface WorkbookGrid {
  /** The file name (or workbook name in Excel) used in every message. */
  file: string;
  sheets: SheetGrid[];
}

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell | null {
  const r = sheet.cells[row];
  if (!r) return null;
  return r[col] ?? null;
}

export function colCount(sheet: SheetGrid): number {
  let max = 0;
  for (const r of sheet.cells) if (r && r.length > max) max = r.length;
  return max;
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as ErrorValue).error === "string";
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (4, 3) → "D5". */
export function address(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "D5" → { row: 4, col: 3 }; null when it is not an A1 address. */
export function parseAddress(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${address(top, left)}:${address(bottom, right)}`;
}

/**
 * How a place in a workbook is shown to people, in messages, reports and the
 * PIR sheets alike: "budget.xlsx › Budget!C5" (a cell or a range), or
 * "budget.xlsx › Budget" for a whole sheet.
 */
export function placeName(file: string, sheet: string, where = ""): string {
  return where ? `${file} › ${sheet}!${where}` : `${file} › ${sheet}`;
}

/** The text of a cell as a person reads it: display text if known, else the value. */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return "";
  if (typeof cell.text === "string" && cell.text !== "") return cell.text.trim();
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isErrorValue(v)) return v.error;
  return "";
}

/** Shape check for grids that arrive from outside (Office.js, a worker); built `@__PURE__`, so a bundle that does not use it (the CLI) leaves zod out. */
export const cellSchema = /* @__PURE__ */ (() => z.object({
  value: z.union([
    z.number(),
    z.string(),
    z.boolean(),
    z.date(),
    z.object({ error: z.string() }),
    z.null(),
  ]),
  text: z.string().optional(),
  numFmt: z.string().optional(),
  formula: z.string().optional(),
  bold: z.boolean().optional(),
}))();

export const mergedAreaSchema = /* @__PURE__ */ (() => z.object({
  top: z.number().int().min(0),
  left: z.number().int().min(0),
  bottom: z.number().int().min(0),
  right: z.number().int().min(0),
}))();

export const sheetGridSchema = /* @__PURE__ */ (() => z.object({
  name: z.string(),
  cells: z.array(z.array(cellSchema.nullable().optional()).nullable().optional()),
  merges: z.array(mergedAreaSchema),
  hidden: z.boolean().optional(),
}))();
