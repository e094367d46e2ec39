/**
 * A sheet being laid out: cells by position, merges, and the widths and row
 * heights that make them readable. Widths are estimated from the text the way
 * Excel shows it (Calibri 11, a coarse table of letter widths), so no writer
 * has to measure fonts.
 */
import { roundCents } from "../amounts";
import type { MergedArea } from "../grid";
import type { CellStyle, PrintSetup, RowHeight, SheetCell, SheetDescription } from "./sheet";

export const AMOUNT_FORMAT = "#,##0.00";

/** Points per line of Calibri 11, Excel's default row height. */
const LINE_HEIGHT = 15;
/** Excel's indent step, in character units. */
const INDENT_WIDTH = 3;
/** Bold Calibri is about a tenth wider than regular. */
const BOLD_FACTOR = 1.1;
/**
 * Wrapping assumes a line holds 3 % less than measured (a row one line too
 * tall beats a clipped one); widths allow for it, so a label that sized its
 * column never wraps.
 */
const WRAP_SLACK = 0.97;
/** Room around the content; numbers get more so they do not touch the text of the next column. */
const TEXT_PADDING = 2;
const NUMBER_PADDING = 3;

export interface PutOptions {
  /** Count this cell when sizing its column (off for free text lines that span several columns). */
  fit?: boolean;
  /** Room to keep beside the content, in character units (a filter button). */
  extraWidth?: number;
}

export interface CanvasLayout {
  minWidth: number;
  /** Columns never grow wider than this; longer text wraps when the cell wraps. */
  maxWidth: number;
  frozen?: { rows: number; cols: number };
  autoFilter?: string;
  print?: PrintSetup;
}

export class SheetCanvas {
  /**
   * A quiet canvas lays out the report's tables only: its free text lines
   * (sources, the tool's notes) are left out, and so are the rows they took.
   */
  constructor(readonly quiet = false) {}

  private readonly dropped = new Set<number>();
  /** Cells by row, then column: reading order for free, no key built per cell. */
  private readonly grid: Array<Array<SheetCell | undefined> | undefined> = [];
  private readonly unfitted = new Set<SheetCell>();
  private readonly extraWidth = new Map<SheetCell, number>();
  readonly merges: MergedArea[] = [];

  /**
   * Writes a cell. Its style is shared, not copied (tens of thousands of cells
   * take a handful of styles, and writers reuse one style per object): styles
   * are never changed in place, a cell that needs another gets a new object.
   */
  put(row: number, col: number, value: string | number | null, style?: CellStyle, options?: PutOptions): SheetCell {
    const cell: SheetCell = { row, col, value };
    if (style && !isEmpty(style)) cell.style = style;
    (this.grid[row] ??= [])[col] = cell;
    if (options?.fit === false) this.unfitted.add(cell);
    if (options?.extraWidth) this.extraWidth.set(cell, options.extraWidth);
    return cell;
  }

  at(row: number, col: number): SheetCell | undefined {
    return this.grid[row]?.[col];
  }

  /**
   * Merges an area and writes its covered cells with the same style, so
   * borders and fills are drawn all around it in every application.
   */
  merge(area: MergedArea): void {
    this.merges.push(area);
    const master = this.at(area.top, area.left);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        this.put(r, c, null, master?.style, { fit: false });
      }
    }
  }

  /** A line of free text across columns `left`..`right`, wrapped inside them. */
  putLine(row: number, left: number, right: number, text: string, style: CellStyle = {}): SheetCell {
    if (this.quiet) {
      this.dropped.add(row);
      return { row, col: left, value: text };
    }
    const cell = this.put(row, left, text, { ...style, wrap: true, align: "left" }, { fit: false });
    if (right > left) this.merge({ top: row, left, bottom: row, right });
    return cell;
  }

  /** Leaves a row out of the sheet (the rows below move up). */
  drop(row: number): void {
    this.dropped.add(row);
  }

  /** The sheet laid out. The canvas is spent: write nothing to it after. */
  toSheet(name: string, layout: CanvasLayout): SheetDescription {
    const cells: SheetCell[] = [];
    for (const row of this.grid) if (row) for (const cell of row) if (cell) cells.push(cell);
    if (this.dropped.size > 0) this.closeDroppedRows(cells);
    const columnWidths = this.columnWidths(cells, layout);
    const sheet: SheetDescription = { name, cells, merges: this.merges, columnWidths };
    const rowHeights = this.rowHeights(cells, columnWidths);
    if (rowHeights.length > 0) sheet.rowHeights = rowHeights;
    if (layout.frozen) sheet.frozen = layout.frozen;
    if (layout.autoFilter) sheet.autoFilter = layout.autoFilter;
    if (layout.print) sheet.print = layout.print;
    return sheet;
  }

  /** Moves every cell up past the dropped rows above it; cells and merges on dropped rows go. */
  private closeDroppedRows(cells: SheetCell[]): void {
    const dropped = [...this.dropped].sort((a, b) => a - b);
    const shift = (row: number) => {
      let n = 0;
      for (const d of dropped) if (d < row) n++;
      return row - n;
    };
    let kept = 0;
    for (const c of cells) {
      if (this.dropped.has(c.row)) continue;
      c.row = shift(c.row);
      cells[kept++] = c;
    }
    cells.length = kept;
    this.grid.length = 0;
    const merges = this.merges.filter((m) => !this.dropped.has(m.top)).map((m) => ({ ...m, top: shift(m.top), bottom: shift(m.bottom) }));
    this.merges.length = 0;
    this.merges.push(...merges);
    this.dropped.clear();
  }

  private isMerged(cell: SheetCell): boolean {
    return this.mergeOf(cell) !== undefined;
  }

  private mergeOf(cell: SheetCell): MergedArea | undefined {
    return this.merges.find(
      (m) => cell.row >= m.top && cell.row <= m.bottom && cell.col >= m.left && cell.col <= m.right,
    );
  }

  private columnWidths(cells: SheetCell[], layout: CanvasLayout): number[] {
    const widths: number[] = [];
    for (const cell of cells) {
      while (widths.length <= cell.col) widths.push(layout.minWidth);
      if (this.unfitted.has(cell) || this.isMerged(cell)) continue;
      const content = typeof cell.value === "number" ? textWidth(cell) + NUMBER_PADDING : textWidth(cell) / WRAP_SLACK + TEXT_PADDING;
      const wanted = Math.ceil(content + (this.extraWidth.get(cell) ?? 0));
      widths[cell.col] = Math.max(widths[cell.col], Math.min(wanted, layout.maxWidth));
    }
    return widths;
  }

  /**
   * Heights of rows whose wrapped text needs more than one line. Excel fits
   * an unmerged row by itself, but not a merged one, and LibreOffice's
   * converter fits neither (its PDF shows the lines overlapping), so every
   * such row gets a height.
   */
  private rowHeights(cells: SheetCell[], widths: number[]): RowHeight[] {
    const lines = new Map<number, number>();
    for (const cell of cells) {
      if (!cell.style?.wrap || typeof cell.value !== "string" || cell.value === "") continue;
      const area = this.mergeOf(cell);
      if (area && area.bottom > area.top) continue; // a vertical merge has the height of its rows
      let available = 0;
      for (let c = cell.col; c <= (area?.right ?? cell.col); c++) available += widths[c] ?? 0;
      available -= 1 + (cell.style.indent ?? 0) * INDENT_WIDTH;
      const needed = wrappedLineCount(cell.value, available, cell.style.bold === true);
      if (needed > (lines.get(cell.row) ?? 1)) lines.set(cell.row, needed);
    }
    return [...lines.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([row, n]) => ({ row, height: n * LINE_HEIGHT }));
  }
}

/** The width a cell's content needs on one line, in character units. */
function textWidth(cell: SheetCell): number {
  const style = cell.style ?? {};
  const indent = (style.indent ?? 0) * INDENT_WIDTH;
  if (typeof cell.value === "number") {
    // A format may carry text after the number (a footnote mark: '#,##0.00" ¹"').
    const suffix = /"([^"]*)"$/.exec(style.numFmt ?? "")?.[1] ?? "";
    const shown = (style.numFmt ?? "").startsWith(AMOUNT_FORMAT) ? amountLength(cell.value) : String(cell.value).length;
    return shown + suffix.length + indent; // digits are one unit each, separators less: a small margin
  }
  const lines = (cell.value ?? "").split("\n");
  return Math.max(0, ...lines.map((l) => textUnits(l, style.bold === true))) + indent;
}

/** The length of formatAmount(x, "en") ("-1,234,567.89"), without building it. */
export function amountLength(x: number): number {
  if (!Number.isFinite(x)) return String(x).length;
  const rounded = roundCents(x);
  const whole = Math.abs(rounded).toFixed(2).length - 3;
  return whole + Math.floor((whole - 1) / 3) + 3 + (rounded < 0 ? 1 : 0);
}

function isEmpty(style: CellStyle): boolean {
  for (const _ in style) return false;
  return true;
}

const NARROW = new Set([..." ijlI.,:;'!|`"]);
const SEMI_NARROW = new Set([..."frt()[]{}/\\-\"*"]);
const WIDE = new Set([..."mwMW@%"]);

/**
 * The width of `text` in Excel's column unit (the width of a digit in
 * Calibri 11), from a coarse table of Calibri's letter widths: good to a few
 * per cent on ordinary labels, which is what sizing columns and rows needs.
 */
export function textUnits(text: string, bold = false): number {
  let units = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) units += 0.45;
    else if (SEMI_NARROW.has(ch)) units += 0.65;
    else if (WIDE.has(ch)) units += 1.45;
    else if (ch >= "a" && ch <= "z") units += 0.95;
    else units += 1;
  }
  return units * (bold ? BOLD_FACTOR : 1);
}

/** How many lines `text` takes when wrapped at spaces into `width` character units. */
export function wrappedLineCount(text: string, width: number, bold = false): number {
  const usable = Math.max(1, width * WRAP_SLACK);
  const space = textUnits(" ", bold);
  let count = 0;
  for (const paragraph of text.split("\n")) {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const size = textUnits(word, bold);
      const need = used === 0 ? size : used + space + size;
      if (need <= usable) {
        used = need;
      } else if (used === 0) {
        lines += Math.ceil(size / usable) - 1; // a word longer than the line breaks anywhere
        used = size % usable;
      } else {
        lines++;
        used = Math.min(size, usable);
      }
    }
    count += lines;
  }
  return count;
}
