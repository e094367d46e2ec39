/**
 * Reads the open workbook through Office.js into the engine's Grid, in a fixed
 * number of round trips whatever the number of sheets:
 *   sync 1  the worksheets (name, visibility). Office.js cannot ask anything of
 *           a sheet before this answer: a collection's items only exist after a sync.
 *   sync 2  every sheet's used range (position and size) and merged areas.
 *   sync 3… the used ranges' values, formulas, number formats and display text,
 *           in blocks, as many sheets per sync as fit in `maxCellsPerSync`.
 * So 3 syncs for an ordinary workbook, 2 + ceil(cells / maxCellsPerSync) in general.
 * When Excel answers that a response would be too large, the block size is
 * halved, and stays halved for the rest of the read.
 * Everything that comes back is checked with zod before it is used.
 */
import { z } from "zod";
import { address, type Cell, type MergedArea, type SheetGrid, type WorkbookGrid } from "../core";
import { type ApiSupport, PAYLOAD_BUDGET_BYTES, RESPONSE_TOO_LARGE, errorCode, excelApi, officeApiSupport, runExcel } from "./api";
import { type RawValue, toGridCell } from "./cells";

/**
 * Response bytes per cell, estimated: each cell comes back four times (values,
 * formulas, numberFormat, text). A number costs about 45 bytes in all
 * ("242717.56", the same again, "#,##0.00", "242,717.56"), an empty cell about
 * 20 ("", "", "General", ""), a 40-character label about 140. 200 bytes covers
 * label-heavy sheets; a sheet of long texts that still goes past the limit is
 * split further when Excel answers ResponsePayloadSizeLimitExceeded.
 */
export const ESTIMATED_BYTES_PER_CELL = 200;

/** 4 MB / 200 B ≈ 20,000 cells: a whole work plan, or fifty, in one sync. */
export const DEFAULT_MAX_CELLS_PER_SYNC = Math.floor(PAYLOAD_BUDGET_BYTES / ESTIMATED_BYTES_PER_CELL);

export interface ReadGridOptions {
  maxCellsPerSync?: number;
  /** After each data sync: cells read so far, cells in all. */
  onProgress?: (done: number, total: number) => void;
  /** Requirement-set check; default `Office.context.requirements.isSetSupported`. */
  supports?: ApiSupport;
}

/** Excel answered something other than what we asked for. */
export class ExcelReadError extends Error {
  constructor(
    readonly sheet: string | null,
    detail: string,
  ) {
    super(sheet === null ? detail : `Sheet "${sheet}": ${detail}`);
    this.name = "ExcelReadError";
  }
}

const sheetListSchema = z.array(z.object({ name: z.string().min(1), visibility: z.enum(["Visible", "Hidden", "VeryHidden"]) }));
const usedRangeSchema = z.object({
  rowIndex: z.number().int().min(0),
  columnIndex: z.number().int().min(0),
  rowCount: z.number().int().min(1),
  columnCount: z.number().int().min(1),
});
const areaSchema = usedRangeSchema;
const rawValueSchema = z.union([z.string(), z.number(), z.boolean()]);

function matrix<T extends z.ZodType>(item: T, rows: number, cols: number) {
  return z.array(z.array(item).length(cols)).length(rows);
}

interface UsedRange {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** A rectangle of one sheet, read in one piece. 0-based sheet coordinates. */
export interface Block {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export async function readWorkbookGrid(context: Excel.RequestContext, fileName: string, options: ReadGridOptions = {}): Promise<WorkbookGrid> {
  const cap = Math.max(1, Math.floor(options.maxCellsPerSync ?? DEFAULT_MAX_CELLS_PER_SYNC));
  const supports = options.supports ?? officeApiSupport();

  // Sync 1: the sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const items: unknown = worksheets.items;
  if (!Array.isArray(items)) throw new ExcelReadError(null, "Excel did not return the list of worksheets");
  const listed = sheetListSchema.safeParse(worksheets.items.map((ws) => ({ name: ws.name, visibility: ws.visibility })));
  if (!listed.success) throw new ExcelReadError(null, `Excel returned an unexpected list of worksheets (${listed.error.issues[0]?.message})`);
  const sheets = listed.data;

  // Sync 2: where each sheet's data is, and its merged areas.
  const withMerges = excelApi(supports, "1.13");
  const usedRanges = worksheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
  const mergedAreas = withMerges ? worksheets.items.map((ws) => ws.getRange().getMergedAreasOrNullObject().load(AREA_LOAD)) : [];
  await context.sync();
  const used = usedRanges.map((r, i) => usedRange(r, sheets[i].name));
  const grids: SheetGrid[] = sheets.map((s, i) => {
    const grid: SheetGrid = { name: s.name, cells: [], merges: withMerges ? merges(mergedAreas[i], s.name) : [] };
    if (s.visibility !== "Visible") grid.hidden = true;
    return grid;
  });

  // Sync 3…: the cells.
  const total = used.reduce((n, u) => n + (u ? u.rows * u.cols : 0), 0);
  let done = 0;
  let size = cap;
  const pending: Block[] = used.flatMap((u, sheet) => (u ? [{ sheet, ...u }] : []));
  while (pending.length) {
    const batch = takeBatch(pending, size);
    const ranges = batch.map((b) => worksheets.items[b.sheet].getRange(blockAddress(b)).load("values,formulas,numberFormat,text"));
    try {
      await context.sync();
    } catch (err) {
      const cells = batch.reduce((n, b) => n + b.rows * b.cols, 0);
      if (errorCode(err) !== RESPONSE_TOO_LARGE || cells === 1) throw err;
      // Too much at once: half as many cells per sync, from here to the end.
      size = Math.max(1, Math.floor(cells / 2));
      pending.unshift(...batch);
      continue;
    }
    batch.forEach((b, i) => putBlock(grids[b.sheet], b, ranges[i]));
    done += batch.reduce((n, b) => n + b.rows * b.cols, 0);
    options.onProgress?.(done, total);
  }
  for (const grid of grids) fillHoles(grid);
  return { file: fileName, sheets: grids };
}

/** `readWorkbookGrid` on the open workbook, for the task pane. */
export function readOpenWorkbook(fileName: string, options?: ReadGridOptions): Promise<WorkbookGrid> {
  return runExcel((context) => readWorkbookGrid(context, fileName, options));
}

/** Each merged area as a range of its own, with its position: no address string to parse. */
const AREA_LOAD = "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount";

function usedRange(range: Excel.Range, sheet: string): UsedRange | null {
  if (range.isNullObject) return null;
  const parsed = usedRangeSchema.safeParse({
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  });
  if (!parsed.success) throw new ExcelReadError(sheet, `Excel returned an unexpected used range (${parsed.error.issues[0]?.message})`);
  const p = parsed.data;
  return { top: p.rowIndex, left: p.columnIndex, rows: p.rowCount, cols: p.columnCount };
}

/** The merged areas, from the `areas` of getMergedAreasOrNullObject: rowIndex, columnIndex, rowCount, columnCount each. */
function merges(areas: Excel.RangeAreas, sheet: string): MergedArea[] {
  if (areas.isNullObject) return [];
  const items: unknown = areas.areas.items;
  if (!Array.isArray(items)) throw new ExcelReadError(sheet, "Excel returned unexpected merged areas");
  return areas.areas.items.map((r) => {
    const parsed = areaSchema.safeParse({ rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount });
    if (!parsed.success) throw new ExcelReadError(sheet, `Excel returned a merged area that is not a range (${parsed.error.issues[0]?.message})`);
    const a = parsed.data;
    return { top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 };
  });
}

/**
 * Takes the next sync's blocks off the front of `pending`, at most `cap`
 * cells: whole sheets share a sync, a sheet larger than the room left is cut
 * into row bands (and a row wider than `cap` into column pieces); what is
 * left of a block stays at the front.
 */
export function takeBatch(pending: Block[], cap: number): Block[] {
  const batch: Block[] = [];
  let room = cap;
  while (pending.length && room > 0) {
    const b = pending[0];
    if (b.cols > cap) {
      // Cut into column pieces of at most `cap`.
      const pieces: Block[] = [];
      for (let left = b.left; left < b.left + b.cols; left += cap) pieces.push({ ...b, left, cols: Math.min(cap, b.left + b.cols - left) });
      pending.splice(0, 1, ...pieces);
      continue;
    }
    const rows = Math.min(b.rows, Math.floor(room / b.cols));
    if (rows === 0) break;
    batch.push({ ...b, rows });
    room -= rows * b.cols;
    if (rows === b.rows) pending.shift();
    else pending[0] = { ...b, top: b.top + rows, rows: b.rows - rows };
  }
  return batch;
}

/** All the syncs' blocks at once, for a fixed cap (what `readWorkbookGrid` does while no answer is too large). */
export function planBlocks(used: Array<UsedRange | null>, cap: number): Block[][] {
  const pending: Block[] = used.flatMap((u, sheet) => (u ? [{ sheet, ...u }] : []));
  const batches: Block[][] = [];
  while (pending.length) batches.push(takeBatch(pending, cap));
  return batches;
}

function blockAddress(b: Block): string {
  const from = address(b.top, b.left);
  return b.rows === 1 && b.cols === 1 ? from : `${from}:${address(b.top + b.rows - 1, b.left + b.cols - 1)}`;
}

function putBlock(grid: SheetGrid, b: Block, range: Excel.Range): void {
  const shape = z.object({
    values: matrix(rawValueSchema, b.rows, b.cols),
    formulas: matrix(rawValueSchema, b.rows, b.cols),
    numberFormat: matrix(z.string(), b.rows, b.cols),
    text: matrix(z.string(), b.rows, b.cols),
  });
  const parsed = shape.safeParse({ values: range.values, formulas: range.formulas, numberFormat: range.numberFormat, text: range.text });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExcelReadError(
      grid.name,
      `Excel returned an unexpected ${String(issue?.path[0] ?? "answer")} for ${blockAddress(b)} (expected ${b.rows} × ${b.cols} cells: ${issue?.message})`,
    );
  }
  const { values, formulas, numberFormat, text } = parsed.data;
  for (let i = 0; i < b.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      const cell = toGridCell(values[i][j] as RawValue, formulas[i][j] as RawValue, numberFormat[i][j], text[i][j]);
      if (!cell) continue;
      const row = (grid.cells[b.top + i] ??= []);
      row[b.left + j] = cell;
    }
  }
}

/** Rows and cells that were never set become null, as in the ExcelJS reader's grids. */
function fillHoles(grid: SheetGrid): void {
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    if (!row) {
      grid.cells[r] = null;
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null as Cell | null;
  }
}
