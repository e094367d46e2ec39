/**
 * Writes a WorkbookDescription (the PIR tables and the findings) into the open
 * workbook as new sheets, through Office.js. Never touches another sheet.
 *   sync 1  the existing sheet names (to rename or replace on a clash).
 *   sync 2  delete the sheets being replaced, add ours, all VALUES, then all
 *           FORMATS, then activate the first sheet written.
 * More syncs only when the queued request is estimated above ~4 MB (a
 * description far larger than a PIR): the batch is then sent in pieces.
 */
import { type CellBorder, type CellLink, type SheetDescription, type WorkbookDescription, PALETTE, columnName } from "../core";
import { type ApiSupport, PAYLOAD_BUDGET_BYTES, excelApi, officeApiSupport, quoteSheetName } from "./api";
import {
  type Rect, type StyledRect, argbToHex, charactersToPoints, jsonBytes, numberFormatMatrix, rectAddress, sheetRect,
  styledRects, valueMatrix, widthRuns,
} from "./write-plan";

export interface WritePirOptions {
  /** When a sheet of the same name exists: add "… (2)" (default), or delete it first (the pane asks the user). */
  existing?: "replace" | "rename";
  /** The open workbook's file name: links to cells of this file become links inside the workbook. */
  workbookFile?: string;
  supports?: ApiSupport;
  /** Estimated request bytes per sync; default ~4 MB under Excel on the web's 5 MB. */
  maxRequestBytes?: number;
}

/** Request bytes of one queued operation besides its value: the action and the object path it acts on. */
export const ESTIMATED_BYTES_PER_OPERATION = 200;

const SHEET_NAME_MAX = 31;

/** Returns the names of the sheets written, in the description's order. */
export async function writePirWorkbook(context: Excel.RequestContext, desc: WorkbookDescription, options: WritePirOptions = {}): Promise<string[]> {
  const supports = options.supports ?? officeApiSupport();
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const items: unknown = worksheets.items;
  const existingNames: unknown[] = Array.isArray(items) ? worksheets.items.map((ws) => ws.name) : [null];
  if (!existingNames.every((n): n is string => typeof n === "string")) throw new Error("Excel did not return the list of worksheets");

  const { names, replaced } = chooseNames(desc.sheets.map((s) => s.name), existingNames as string[], options.existing ?? "rename");
  const maxBytes = options.maxRequestBytes ?? PAYLOAD_BUDGET_BYTES;
  const batch = new Batch(context, maxBytes);
  for (const name of replaced) await batch.queue(ESTIMATED_BYTES_PER_OPERATION, () => worksheets.getItem(name).delete());
  const sheets: Excel.Worksheet[] = [];
  for (const name of names) await batch.queue(ESTIMATED_BYTES_PER_OPERATION, () => sheets.push(worksheets.add(name)));

  const renamed = new Map(desc.sheets.map((s, i) => [s.name, names[i]]));
  // A values or number-format array may take half a request; larger ones go in row bands.
  const writer = new SheetWriter(batch, maxBytes / 2, supports, renamed, options.workbookFile);
  for (let i = 0; i < desc.sheets.length; i++) await writer.values(sheets[i], desc.sheets[i]);
  for (let i = 0; i < desc.sheets.length; i++) await writer.formats(sheets[i], desc.sheets[i]);
  if (sheets.length) await batch.queue(ESTIMATED_BYTES_PER_OPERATION, () => sheets[0].activate());
  await batch.flush();
  return names;
}

/** `writePirWorkbook` on the open workbook, for the task pane. */
export function writePirToOpenWorkbook(desc: WorkbookDescription, options?: WritePirOptions): Promise<string[]> {
  return Excel.run((context) => writePirWorkbook(context, desc, options));
}

/**
 * The name each sheet gets. Excel compares sheet names without case. "rename":
 * "PIR tables (2)", "(3)"…, cut to Excel's 31 characters; "replace": the
 * existing sheet of that name is deleted first.
 */
export function chooseNames(wanted: string[], existing: string[], mode: "replace" | "rename"): { names: string[]; replaced: string[] } {
  const taken = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const names: string[] = [];
  const replaced: string[] = [];
  for (const want of wanted) {
    let name = want;
    const clash = taken.get(want.toLowerCase());
    if (clash !== undefined && mode === "replace" && !names.some((n) => n.toLowerCase() === want.toLowerCase())) {
      replaced.push(clash);
    } else if (clash !== undefined) {
      for (let n = 2; taken.has(name.toLowerCase()); n++) {
        const suffix = ` (${n})`;
        name = want.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
      }
    }
    taken.set(name.toLowerCase(), name);
    names.push(name);
  }
  return { names, replaced };
}

/** Queues operations and syncs before the estimated request would pass the budget. */
class Batch {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly maxBytes: number,
  ) {}

  async queue(bytes: number, op: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.maxBytes) await this.flush();
    op();
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

const OP = ESTIMATED_BYTES_PER_OPERATION;

class SheetWriter {
  constructor(
    private readonly batch: Batch,
    private readonly maxBandBytes: number,
    private readonly supports: ApiSupport,
    private readonly renamed: Map<string, string>,
    private readonly workbookFile: string | undefined,
  ) {}

  /** The values in row bands small enough for one request each (one band for any real PIR). */
  async values(ws: Excel.Worksheet, sheet: SheetDescription): Promise<void> {
    const rect = sheetRect(sheet);
    if (!rect) return;
    const matrix = valueMatrix(sheet, rect);
    for (const band of bands(rect, matrix, this.maxBandBytes)) {
      await this.batch.queue(OP + jsonBytes(band.rows), () => {
        ws.getRange(rectAddress(band.rect)).values = band.rows as (string | number)[][];
      });
    }
  }

  async formats(ws: Excel.Worksheet, sheet: SheetDescription): Promise<void> {
    const rect = sheetRect(sheet);
    const q = (bytes: number, op: () => void) => this.batch.queue(OP + bytes, op);
    if (rect) {
      // The widths in a description are estimated for Calibri 11 (src/core/pir/canvas.ts).
      await q(40, () => {
        const font = ws.getRange(rectAddress(rect)).format.font;
        font.name = "Calibri";
        font.size = 11;
      });
      const formats = numberFormatMatrix(sheet, rect);
      if (formats) {
        for (const band of bands(rect, formats, this.maxBandBytes)) {
          await q(jsonBytes(band.rows), () => {
            ws.getRange(rectAddress(band.rect)).numberFormat = band.rows as string[][];
          });
        }
      }
    }
    for (const r of styledRects(sheet.cells)) await q(OP * styleOperations(r), () => applyStyle(ws.getRange(rectAddress(r)).format, r, this.supports));
    for (const m of sheet.merges) await q(0, () => ws.getRange(rectAddress(m)).merge(false));
    for (const [first, last, width] of widthRuns(sheet.columnWidths)) {
      await q(0, () => {
        ws.getRange(`${columnName(first)}:${columnName(last)}`).format.columnWidth = charactersToPoints(width);
      });
    }
    for (const { row, height } of sheet.rowHeights ?? []) {
      await q(0, () => {
        ws.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
      });
    }
    if (excelApi(this.supports, "1.7")) {
      const frozen = sheet.frozen;
      if (frozen && (frozen.rows > 0 || frozen.cols > 0)) await q(0, () => freeze(ws, frozen.rows, frozen.cols));
      for (const c of sheet.cells) {
        const target = c.link && c.value !== null ? this.linkTarget(c.link) : null;
        if (target) await q(target.length, () => (ws.getRange(rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col })).hyperlink = { documentReference: target }));
      }
    }
    if (excelApi(this.supports, "1.18")) {
      for (const c of sheet.cells) {
        const note = c.note;
        if (note) await q(jsonBytes(note), () => ws.notes.add(rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col }), note));
      }
    }
    if (excelApi(this.supports, "1.9")) {
      const filter = sheet.autoFilter;
      if (filter) await q(0, () => ws.autoFilter.apply(ws.getRange(filter)));
      // Orientation only: "fit to one page wide, any number tall" has no documented
      // Office.js spelling (PageLayoutZoomOptions says nothing of 0 = automatic).
      const print = sheet.print;
      if (print) await q(0, () => (ws.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait"));
    }
  }

  /** "'Budget'!$C$5" for a cell of this workbook; null for a link to another file, which we do not write. */
  private linkTarget(link: CellLink): string | null {
    if (link.file !== undefined && link.file !== this.workbookFile) return null;
    const sheet = this.renamed.get(link.sheet) ?? link.sheet;
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(link.cell.trim());
    return `${quoteSheetName(sheet)}!${m ? `$${m[1].toUpperCase()}$${m[2]}` : link.cell}`;
  }
}

/** How many properties applyStyle sets: each is one action in the request. */
function styleOperations(r: StyledRect): number {
  const s = r.style;
  const b = s.border ?? {};
  const flags = [s.bold, s.italic, s.underline, s.fontColor, s.fill, s.align, true, s.wrap, s.indent];
  const sides = [b.top, b.bottom, b.left, b.right, b.left ?? b.right, b.top ?? b.bottom];
  return flags.filter(Boolean).length + 2 * sides.filter(Boolean).length;
}

function applyStyle(format: Excel.RangeFormat, r: StyledRect, supports: ApiSupport): void {
  const s = r.style;
  if (s.bold) format.font.bold = true;
  if (s.italic) format.font.italic = true;
  if (s.underline) format.font.underline = "Single";
  if (s.fontColor) format.font.color = argbToHex(s.fontColor);
  if (s.fill) format.fill.color = argbToHex(PALETTE[s.fill]);
  if (s.align) format.horizontalAlignment = s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right";
  format.verticalAlignment = s.valign === "top" ? "Top" : s.valign === "middle" ? "Center" : "Bottom";
  if (s.wrap) format.wrapText = true;
  if (s.indent && excelApi(supports, "1.9")) format.indentLevel = s.indent;
  if (s.border) applyBorders(format.borders, s.border, r);
}

/** Each cell's sides drawn on the rectangle: its edges, and the lines inside it (see write-plan sharesAcross). */
function applyBorders(borders: Excel.RangeBorderCollection, b: CellBorder, r: Rect): void {
  const set = (index: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical", weight: "thin" | "medium") => {
    const border = borders.getItem(index);
    border.style = "Continuous";
    border.weight = weight === "thin" ? "Thin" : "Medium";
  };
  if (b.top) set("EdgeTop", b.top);
  if (b.bottom) set("EdgeBottom", b.bottom);
  if (b.left) set("EdgeLeft", b.left);
  if (b.right) set("EdgeRight", b.right);
  const across = b.left ?? b.right;
  if (across && r.right > r.left) set("InsideVertical", across);
  const down = b.top ?? b.bottom;
  if (down && r.bottom > r.top) set("InsideHorizontal", down);
}

function freeze(ws: Excel.Worksheet, rows: number, cols: number): void {
  if (cols === 0) ws.freezePanes.freezeRows(rows);
  else if (rows === 0) ws.freezePanes.freezeColumns(cols);
  else ws.freezePanes.freezeAt(ws.getRange(rectAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 })));
}

/** Splits a matrix over `rect` into row bands of at most `maxBytes` of JSON each. */
function bands<T>(rect: Rect, matrix: T[][], maxBytes: number): Array<{ rect: Rect; rows: T[][] }> {
  const out: Array<{ rect: Rect; rows: T[][] }> = [];
  let start = 0;
  let bytes = 0;
  matrix.forEach((row, i) => {
    const size = jsonBytes(row) + 1;
    if (i > start && bytes + size > maxBytes) {
      out.push({ rect: { ...rect, top: rect.top + start, bottom: rect.top + i - 1 }, rows: matrix.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  out.push({ rect: { ...rect, top: rect.top + start, bottom: rect.bottom }, rows: matrix.slice(start) });
  return out;
}
