/**
 * The reader this project used before the streaming one (read.ts): ExcelJS's
 * full workbook model, converted to the Grid. It stays as the reference the
 * streaming reader is compared with (test/xlsx/differential.test.ts) and as a
 * peer in `npm run bench`; neither the CLI nor the pane loads it.
 */
import { Workbook } from "exceljs";
import type { Cell as ExcelCell, Worksheet } from "exceljs";
import { parseAddress, type Cell, type CellValue, type MergedArea, type SheetGrid, type WorkbookGrid } from "../core";

/** ExcelJS's reading of the bytes, as the Grid. No checks: give it workbooks only. */
export async function readWithExcelJs(data: ArrayBuffer | Uint8Array, file: string): Promise<WorkbookGrid> {
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  return { file, sheets: workbook.worksheets.map(sheetGrid) };
}

// ---------------------------------------------------------------------------
// ExcelJS → Grid

// ExcelJS's ValueType is a const enum in its typings, which isolated-module
// builds cannot inline; these are its runtime values.
const TYPE_NULL = 0;
const TYPE_MERGE = 1;
const TYPE_FORMULA = 6;

function sheetGrid(ws: Worksheet): SheetGrid {
  const cells: SheetGrid["cells"] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let out: Array<Cell | null> | null = null;
    row.eachCell({ includeEmpty: false }, (xc, colNumber) => {
      const cell = gridCell(xc);
      if (!cell) return;
      const line: Array<Cell | null> = out ?? (out = []);
      while (line.length < colNumber - 1) line.push(null);
      line[colNumber - 1] = cell;
    });
    if (!out) return;
    while (cells.length < rowNumber - 1) cells.push(null);
    cells[rowNumber - 1] = out;
  });
  const grid: SheetGrid = { name: ws.name, cells, merges: sheetMerges(ws) };
  if (ws.state && ws.state !== "visible") grid.hidden = true;
  return grid;
}

function gridCell(xc: ExcelCell): Cell | null {
  const type = xc.type as number;
  // A merged cell other than the top-left one reads as the top-left's value in
  // ExcelJS; Excel (and Office.js) holds the value only in the top-left.
  if (type === TYPE_NULL || type === TYPE_MERGE) return null;
  let cell: Cell;
  if (type === TYPE_FORMULA) {
    cell = { value: plainValue(xc.result) };
    const formula = xc.formula; // shared formulas come back translated to this cell
    if (formula) cell.formula = formula;
  } else {
    cell = { value: plainValue(xc.value) };
  }
  const style = xc.style;
  if (style) {
    const numFmt = style.numFmt;
    if (numFmt && numFmt !== "General") cell.numFmt = numFmt;
    if (style.font?.bold) cell.bold = true;
  }
  return cell;
}

/** Any ExcelJS value or formula result → a Grid value. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v !== "object") return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? "")).join("");
  if (typeof o.error === "string") return { error: o.error };
  if ("hyperlink" in o || "text" in o) return plainValue(o.text);
  if ("formula" in o || "sharedFormula" in o || "result" in o) return plainValue(o.result);
  return null;
}

/** An ExcelJS Range: 1-based numbers, and its "A1:B2" text. */
interface RangeLike {
  top?: unknown;
  left?: unknown;
  bottom?: unknown;
  right?: unknown;
  range?: unknown;
}

function sheetMerges(ws: Worksheet): MergedArea[] {
  // `_merges` is ExcelJS's own map of merges; `model.merges` rebuilds the whole
  // sheet model (every row) just to list them, so it is only the fallback.
  const internal = (ws as unknown as { _merges?: Record<string, RangeLike> })._merges;
  const ranges: Array<RangeLike | string> = internal
    ? Object.values(internal)
    : ((ws.model as unknown as { merges?: string[] }).merges ?? []);
  const merges: MergedArea[] = [];
  for (const r of ranges) {
    let area: MergedArea | null = null;
    if (typeof r === "string") area = parseRange(r);
    else if ([r.top, r.left, r.bottom, r.right].every((n) => typeof n === "number")) {
      area = { top: (r.top as number) - 1, left: (r.left as number) - 1, bottom: (r.bottom as number) - 1, right: (r.right as number) - 1 };
    } else if (typeof r.range === "string") area = parseRange(r.range);
    if (area) merges.push(area);
  }
  return merges;
}

/** "A1:B2" (1-based, as Excel writes it) → 0-based area. */
function parseRange(range: string): MergedArea | null {
  const [a, b = a] = range.split(":");
  const from = parseAddress(a);
  const to = parseAddress(b);
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}
