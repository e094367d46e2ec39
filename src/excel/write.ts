/**
 * Writes a WorkbookDescription (the PIR tables and the findings) into the open
 * workbook as new sheets, through Office.js. Never touches another sheet, and
 * a failure leaves the workbook as it was:
 *   sync 1  the existing sheets (names, visibility).
 *   sync 2  new sheets under temporary names, their number formats ("@" for
 *           text, see write-plan cellWrite), VALUES, then FORMATS. More syncs
 *           only when the request would pass ~4 MB (a description far larger
 *           than a PIR): it is then sent in pieces.
 *   sync 3  only now, the swap: a sheet being replaced is renamed out of the
 *           way, ours take their real names, the first is activated.
 *   sync 4  (replace only) the sheets replaced are deleted (a very hidden one
 *           is first made merely hidden: Excel deletes no very hidden sheet).
 * When a sync of 2 or 3 fails, the temporary sheets are deleted and renamed
 * sheets get their names back (two more syncs), then the error is passed on.
 */
import { type CellBorder, type CellLink, type SheetDescription, type WorkbookDescription, PALETTE, columnName } from "../core";
import { type ApiSupport, PAYLOAD_BUDGET_BYTES, RequestBatch, actionBytes, excelApi, officeApiSupport, pathBytes, quoteSheetName, runExcel } from "./api";
import {
  type Rect, type StyledRect, argbToHex, charactersToPoints, clampRowHeight, jsonBytes, numberFormatMatrix, rectAddress, sheetRect,
  styledRects, valueMatrix, widthRuns,
} from "./write-plan";

export interface WritePirOptions {
  /** When a sheet of the same name exists: add "… (2)" (default), or delete it first (the pane asks the user). */
  existing?: "replace" | "rename";
  /** The open workbook's file name: links to cells of this file become links inside the workbook. */
  workbookFile?: string;
  supports?: ApiSupport;
  /** Request bytes per sync; default ~4 MB under Excel on the web's 5 MB. */
  maxRequestBytes?: number;
}

/** The earlier sheets are replaced, but one of them could not be deleted: it is kept under another name. */
export class ReplacedSheetKeptError extends Error {
  constructor(
    readonly kept: string[],
    cause: unknown,
  ) {
    super(
      `The PIR sheets are written, but Excel did not delete the sheet${kept.length > 1 ? "s" : ""} they replace: ` +
        `${kept.map((k) => `"${k}"`).join(", ")} can be deleted by hand (${cause instanceof Error ? cause.message : String(cause)})`,
    );
    this.name = "ReplacedSheetKeptError";
  }
}

const SHEET_NAME_MAX = 31;

interface ExistingSheet {
  name: string;
  visibility: string;
}

/** Returns the names of the sheets written, in the description's order. */
export async function writePirWorkbook(context: Excel.RequestContext, desc: WorkbookDescription, options: WritePirOptions = {}): Promise<string[]> {
  const supports = options.supports ?? officeApiSupport();
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const existing = existingSheets(worksheets);

  const { names, replaced } = chooseNames(desc.sheets.map((s) => s.name), existing.map((s) => s.name), options.existing ?? "rename");
  const taken = [...existing.map((s) => s.name), ...names];
  const temps = temporaryNames(desc.sheets.length, taken);
  const backups = temporaryNames(replaced.length, [...taken, ...temps]);
  const veryHidden = new Set(existing.filter((s) => s.visibility === "VeryHidden").map((s) => s.name));

  // Sync 2…: everything into sheets under temporary names.
  const maxBytes = options.maxRequestBytes ?? PAYLOAD_BUDGET_BYTES;
  const batch = new RequestBatch(context, maxBytes);
  const sheets: Excel.Worksheet[] = [];
  try {
    for (const name of temps) await batch.queue(pathBytes("Add", [name]), () => sheets.push(worksheets.add(name)));
    const renamed = new Map(desc.sheets.map((s, i) => [s.name, names[i]]));
    // A values or number-format array may take half a request; larger ones go in row bands.
    const writer = new SheetWriter(batch, maxBytes / 2, supports, renamed, options.workbookFile);
    for (let i = 0; i < desc.sheets.length; i++) await writer.values(sheets[i], desc.sheets[i]);
    for (let i = 0; i < desc.sheets.length; i++) await writer.formats(sheets[i], desc.sheets[i]);
    await batch.flush();

    // The swap, only once everything is written.
    replaced.forEach((old, i) => (worksheets.getItem(old).name = backups[i]));
    sheets.forEach((ws, i) => (ws.name = names[i]));
    if (sheets.length) sheets[0].activate();
    await context.sync();
  } catch (err) {
    await undo(context, { temps, names, replaced, backups, existing: existing.map((s) => s.name) });
    throw err;
  }

  if (replaced.length) {
    try {
      for (const backup of backups) {
        const ws = worksheets.getItem(backup);
        if (veryHidden.has(replaced[backups.indexOf(backup)])) ws.visibility = "Hidden";
        ws.delete();
      }
      await context.sync();
    } catch (err) {
      throw new ReplacedSheetKeptError(await stillThere(context, backups), err);
    }
  }
  return names;
}

function existingSheets(worksheets: Excel.WorksheetCollection): ExistingSheet[] {
  const items: unknown = worksheets.items;
  const list: unknown[] = Array.isArray(items) ? worksheets.items.map((ws) => ({ name: ws.name, visibility: ws.visibility })) : [null];
  if (!list.every((s): s is ExistingSheet => typeof (s as ExistingSheet | null)?.name === "string" && typeof (s as ExistingSheet).visibility === "string")) {
    throw new Error("Excel did not return the list of worksheets");
  }
  return list;
}

/**
 * Puts the workbook back as it was before a failed write: our sheets (under
 * their temporary or, once swapped, their real names) deleted, the sheets
 * renamed out of the way given their names back. Two syncs. A failure here is
 * swallowed: the error the caller sees is the one that started it.
 */
async function undo(
  context: Excel.RequestContext,
  plan: { temps: string[]; names: string[]; replaced: string[]; backups: string[]; existing: string[] },
): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const now = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
    const has = (n: string) => now.has(n.toLowerCase());
    const before = new Set(plan.existing.map((n) => n.toLowerCase()));
    const backedUp = (n: string) => plan.replaced.some((r, i) => r.toLowerCase() === n.toLowerCase() && has(plan.backups[i]));
    plan.temps.forEach((temp, i) => {
      if (has(temp)) worksheets.getItem(temp).delete();
      // Swapped already: ours under its real name, where no sheet of the user's has that name.
      else if (has(plan.names[i]) && (!before.has(plan.names[i].toLowerCase()) || backedUp(plan.names[i]))) worksheets.getItem(plan.names[i]).delete();
    });
    plan.backups.forEach((backup, i) => {
      if (has(backup)) worksheets.getItem(backup).name = plan.replaced[i];
    });
    await context.sync();
  } catch {
    // Nothing more can be done from here.
  }
}

async function stillThere(context: Excel.RequestContext, names: string[]): Promise<string[]> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const now = new Set(worksheets.items.map((ws) => ws.name));
    return names.filter((n) => now.has(n));
  } catch {
    return names;
  }
}

/** `count` sheet names that clash with none of `taken`: "PIR tmp k3x9 1"… */
export function temporaryNames(count: number, taken: string[]): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const out: string[] = [];
  let seed = Date.now();
  while (out.length < count) {
    const name = `PIR tmp ${(seed++ % 1_679_616).toString(36)} ${out.length + 1}`;
    if (used.has(name.toLowerCase())) continue;
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** `writePirWorkbook` on the open workbook, for the task pane. */
export function writePirToOpenWorkbook(desc: WorkbookDescription, options?: WritePirOptions): Promise<string[]> {
  return runExcel((context) => writePirWorkbook(context, desc, options));
}

/**
 * The name each sheet gets. Excel compares sheet names without case. "rename":
 * "PIR tables (2)", "(3)"…, cut to Excel's 31 characters; "replace": the
 * existing sheet of that name is replaced (hidden and very hidden ones too).
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

/** getRange(address) and its format object: where most formatting starts. */
const rangeBytes = (address: string) => pathBytes("GetRange", [address]);
const formatBytes = (address: string) => rangeBytes(address) + pathBytes("Format");

class SheetWriter {
  constructor(
    private readonly batch: RequestBatch,
    private readonly maxBandBytes: number,
    private readonly supports: ApiSupport,
    private readonly renamed: Map<string, string>,
    private readonly workbookFile: string | undefined,
  ) {}

  /**
   * The number formats first ("@" makes the text cells text before any value
   * arrives), then the values; in row bands small enough for one request each
   * (one band for any real PIR).
   */
  async values(ws: Excel.Worksheet, sheet: SheetDescription): Promise<void> {
    const rect = sheetRect(sheet);
    if (!rect) return;
    const formats = numberFormatMatrix(sheet, rect);
    if (formats) {
      for (const band of bands(rect, formats, this.maxBandBytes)) {
        const address = rectAddress(band.rect);
        await this.batch.queue(rangeBytes(address) + actionBytes("NumberFormat", [band.rows]), () => {
          ws.getRange(address).numberFormat = band.rows as string[][];
        });
      }
    }
    const matrix = valueMatrix(sheet, rect);
    for (const band of bands(rect, matrix, this.maxBandBytes)) {
      const address = rectAddress(band.rect);
      await this.batch.queue(rangeBytes(address) + actionBytes("Values", [band.rows]), () => {
        ws.getRange(address).values = band.rows as (string | number)[][];
      });
    }
  }

  async formats(ws: Excel.Worksheet, sheet: SheetDescription): Promise<void> {
    const rect = sheetRect(sheet);
    const q = (bytes: number, op: () => void) => this.batch.queue(bytes, op);
    if (rect) {
      // The widths in a description are estimated for Calibri 11 (src/core/pir/canvas.ts).
      const a = rectAddress(rect);
      await q(formatBytes(a) + pathBytes("Font") + actionBytes("Name", ["Calibri"]) + actionBytes("Size", [11]), () => {
        const font = ws.getRange(a).format.font;
        font.name = "Calibri";
        font.size = 11;
      });
    }
    for (const r of styledRects(sheet.cells)) {
      const a = rectAddress(r);
      await q(formatBytes(a) + styleBytes(r), () => applyStyle(ws.getRange(a).format, r, this.supports));
    }
    for (const m of sheet.merges) {
      const a = rectAddress(m);
      await q(rangeBytes(a) + actionBytes("Merge", [false]), () => ws.getRange(a).merge(false));
    }
    for (const [first, last, width] of widthRuns(sheet.columnWidths)) {
      const a = `${columnName(first)}:${columnName(last)}`;
      await q(formatBytes(a) + actionBytes("ColumnWidth", [charactersToPoints(width)]), () => {
        ws.getRange(a).format.columnWidth = charactersToPoints(width);
      });
    }
    for (const { row, height } of sheet.rowHeights ?? []) {
      const a = `${row + 1}:${row + 1}`;
      // Excel refuses a row taller than 409 points (a long wrapped label can ask for more).
      await q(formatBytes(a) + actionBytes("RowHeight", [clampRowHeight(height)]), () => {
        ws.getRange(a).format.rowHeight = clampRowHeight(height);
      });
    }
    const cellAt = (c: { row: number; col: number }) => rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col });
    if (excelApi(this.supports, "1.7")) {
      const frozen = sheet.frozen;
      if (frozen && (frozen.rows > 0 || frozen.cols > 0)) await q(pathBytes("FreezePanes") + rangeBytes("A1:ZZ99") + actionBytes("FreezeAt", [{ _ReferenceId: 1234567 }]), () => freeze(ws, frozen.rows, frozen.cols));
      for (const c of sheet.cells) {
        const target = c.link && c.value !== null ? this.linkTarget(c.link) : null;
        if (target) await q(rangeBytes(cellAt(c)) + actionBytes("Hyperlink", [{ documentReference: target }]), () => (ws.getRange(cellAt(c)).hyperlink = { documentReference: target }));
      }
    }
    if (excelApi(this.supports, "1.18")) {
      for (const c of sheet.cells) {
        const note = c.note;
        if (note) await q(pathBytes("Notes") + actionBytes("Add", [cellAt(c), note]), () => ws.notes.add(cellAt(c), note));
      }
    }
    if (excelApi(this.supports, "1.9")) {
      const filter = sheet.autoFilter;
      if (filter) await q(pathBytes("AutoFilter") + rangeBytes(filter) + actionBytes("Apply", [{ _ReferenceId: 1234567 }]), () => ws.autoFilter.apply(ws.getRange(filter)));
      // Orientation only: "fit to one page wide, any number tall" has no documented
      // Office.js spelling (PageLayoutZoomOptions says nothing of 0 = automatic).
      const print = sheet.print;
      if (print) await q(pathBytes("PageLayout") + actionBytes("Orientation", ["Landscape"]), () => (ws.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait"));
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

/** Request bytes of what applyStyle sets on a range's format: the font, fill and border objects it reaches and each property. */
function styleBytes(r: StyledRect): number {
  const s = r.style;
  const b = s.border ?? {};
  const color = actionBytes("Color", ["#000000"]);
  let n = actionBytes("VerticalAlignment", ["Bottom"]);
  if (s.bold || s.italic || s.underline || s.fontColor) n += pathBytes("Font");
  if (s.bold) n += actionBytes("Bold", [true]);
  if (s.italic) n += actionBytes("Italic", [true]);
  if (s.underline) n += actionBytes("Underline", ["Single"]);
  if (s.fontColor) n += color;
  if (s.fill) n += pathBytes("Fill") + color;
  if (s.align) n += actionBytes("HorizontalAlignment", ["Center"]);
  if (s.wrap) n += actionBytes("WrapText", [true]);
  if (s.indent) n += actionBytes("IndentLevel", [s.indent]);
  const sides = [b.top, b.bottom, b.left, b.right, b.left ?? b.right, b.top ?? b.bottom].filter(Boolean).length;
  if (sides) n += pathBytes("Borders") + sides * (pathBytes("GetItem", ["InsideHorizontal"]) + actionBytes("Style", ["Continuous"]) + actionBytes("Weight", ["Medium"]));
  return n;
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
