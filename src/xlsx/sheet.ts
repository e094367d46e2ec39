/**
 * One worksheet part → the engine's SheetGrid, in one pass over the XML as it
 * inflates. Only what a cell holds is kept; rows and columns a file merely
 * claims cost nothing (a cell in row 1,048,576 is one entry, not a million
 * empty rows), and every limit is checked on what is actually read.
 */
import { columnName, type Cell, type CellValue, type MergedArea, type SheetGrid } from "../core";
import type { Styles } from "./parts";
import { NOT_MINE, XmlScanner, attributes, decodeOoxmlEscapes, decodeText, endOfTag, type XmlHandler } from "./xml";

/** Excel's own grid: 1,048,576 rows × 16,384 columns (XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** What a formula that was never calculated holds instead of a value (see README: the reader). */
export const UNCALCULATED = "formula without a calculated value: open and save the workbook in Excel";

/** A limit or a fault found while reading a sheet; read.ts turns it into a WorkbookReadError. */
export class SheetReadError extends Error {
  constructor(
    readonly kind: "damaged" | "too-large",
    message: string,
  ) {
    super(message);
  }
}

/** Shared by every sheet of one workbook. */
export interface SheetContext {
  styles: Styles;
  /** null when the package has no shared-strings part. */
  sharedStrings: string[] | null;
  date1904: boolean;
  /** Non-empty cells read so far in the workbook, and the most allowed. */
  cellCount: { n: number; max: number };
  /** Merged areas per sheet at most. */
  maxMerges: number;
}

/** Gaps in a row or column list longer than this are left as holes instead of filled with nulls. */
const DENSE_GAP = 1024;

interface SharedFormula {
  formula: string;
  row: number;
  col: number;
}

/** Parses the sheet's XML as fed to it by an XmlScanner; `result()` gives the grid when the part is done. */
export class SheetParser implements XmlHandler {
  wantText = false;
  private readonly cells: SheetGrid["cells"] = [];
  private readonly rowsPresent: number[] = [];
  private rowsSorted = true;
  private readonly merges: MergedArea[] = [];
  private readonly shared = new Map<string, SharedFormula>();

  /** Read by SheetScanner's fast path too. */
  inSheetData = false;
  private row = -1; // 0-based index of the current <row>
  private col = -1; // 0-based column of the last <c>
  private currentRow: Array<Cell | null | undefined> | null = null;

  // The cell being read.
  inCell = false;
  private type = "";
  private style = 0;
  private value: string | undefined;
  private inlineText: string | undefined;
  private formula: string | undefined;
  private formulaAttrs: Record<string, string> | null = null;
  private capture: "v" | "f" | "t" | "" = "";
  private inInline = false;
  private phonetic = 0;
  /** The number fastValue read in place, when `isParsed` (then `value` is only a placeholder). */
  private parsed = 0;
  private isParsed = false;

  constructor(
    private readonly name: string,
    private readonly ctx: SheetContext,
  ) {}

  open(name: string, raw: string, selfClosing: boolean): void {
    if (this.inCell) {
      switch (name) {
        case "v":
          this.value = "";
          this.isParsed = false;
          if (!selfClosing) this.startText("v");
          return;
        case "f":
          this.formula = "";
          this.formulaAttrs = raw ? attributes(raw) : null;
          if (!selfClosing) this.startText("f");
          return;
        case "is":
          this.inInline = true;
          this.inlineText = "";
          return;
        case "rPh":
          this.phonetic++;
          return;
        case "t":
          if (this.inInline && this.phonetic === 0 && !selfClosing) this.startText("t");
          return;
        default:
          return;
      }
    }
    switch (name) {
      case "sheetData":
        if (!selfClosing) this.inSheetData = true;
        return;
      case "row":
        if (!this.inSheetData) return;
        this.startRow(raw);
        return;
      case "c":
        if (!this.inSheetData) return;
        this.startCell(raw);
        if (selfClosing) this.inCell = false; // an empty cell: nothing to keep
        return;
      case "mergeCell":
        this.addMerge(raw);
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    if (this.inCell) {
      switch (name) {
        case "c":
          this.endCell();
          return;
        case "v":
        case "f":
        case "t":
          if (this.capture === name) this.stopText();
          return;
        case "is":
          this.inInline = false;
          return;
        case "rPh":
          this.phonetic--;
          return;
        default:
          return;
      }
    }
    if (name === "sheetData") this.inSheetData = false;
    else if (name === "row") this.currentRow = null;
  }

  text(text: string): void {
    switch (this.capture) {
      case "v":
        this.value += text;
        return;
      case "f":
        this.formula += text;
        return;
      case "t":
        this.inlineText += text;
        return;
      default:
        return;
    }
  }

  private startText(which: "v" | "f" | "t"): void {
    this.capture = which;
    this.wantText = true;
  }

  private stopText(): void {
    this.capture = "";
    this.wantText = false;
  }

  private startRow(raw: string): void {
    const r = raw ? quickAttr(raw, "r") : undefined;
    let row: number;
    if (r !== undefined) {
      row = toInt(r) - 1;
      if (!(row >= 0)) throw new SheetReadError("damaged", `the sheet "${this.name}" has a row numbered "${r}"`);
    } else row = this.row + 1;
    this.checkRow(row);
    this.row = row;
    this.col = -1;
    this.currentRow = null;
  }

  private startCell(raw: string): void {
    let type = "";
    let style = 0;
    let ref: string | undefined;
    if (raw) {
      ref = quickAttr(raw, "r");
      const t = quickAttr(raw, "t");
      if (t) type = t;
      const s = quickAttr(raw, "s");
      if (s) style = toInt(s);
    }
    let row = -1;
    let col = -1;
    if (ref !== undefined) {
      const at = parseRef(ref);
      if (!at) throw new SheetReadError("damaged", `the sheet "${this.name}" has a cell at "${ref}", which is not a cell address`);
      row = at.row;
      col = at.col;
    }
    this.beginCell(row, col, style, type);
  }

  /**
   * SheetScanner's fast path for `<c …>`: the attributes between `from` and
   * `to` read in place (r, s and t; others ignored), no string or object
   * made. False when they are anything but plain (then the general path reads
   * the tag, and reports what is wrong with it).
   */
  fastCell(buf: string, from: number, to: number, selfClosing: boolean): boolean {
    let row = -1;
    let col = -1;
    let style = 0;
    let type = "";
    let i = from;
    for (;;) {
      let ch = buf.charCodeAt(i);
      while (i < to && (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d)) ch = buf.charCodeAt(++i);
      if (i >= to) break;
      const nameStart = i;
      while (i < to && ch !== 0x3d && ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) ch = buf.charCodeAt(++i);
      if (ch !== 0x3d) return false; // spaces around "=", or a name with no value
      const quote = buf.charCodeAt(i + 1);
      if (quote !== 0x22 && quote !== 0x27) return false;
      const vs = i + 2;
      const ve = buf.indexOf(quote === 0x22 ? '"' : "'", vs);
      if (ve < 0 || ve >= to) return false;
      i = ve + 1;
      const nameLength = vs - 2 - nameStart;
      if (nameLength !== 1) continue; // a longer name (cm, vm, ph, x14ac:dyDescent…): not read
      switch (buf.charCodeAt(nameStart)) {
        case 0x72: {
          // r="AB12"
          let k = vs;
          let c = 0;
          for (; k < ve; k++) {
            const x = buf.charCodeAt(k);
            if (x < 0x41 || x > 0x5a) break;
            c = c * 26 + (x - 0x40);
          }
          if (k === vs || k - vs > 3) return false;
          let r = 0;
          const digits = k;
          for (; k < ve; k++) {
            const x = buf.charCodeAt(k);
            if (x < 0x30 || x > 0x39) return false;
            r = r * 10 + (x - 0x30);
          }
          if (k === digits || ve - digits > 7 || r === 0) return false;
          row = r - 1;
          col = c - 1;
          break;
        }
        case 0x73: {
          // s="12"
          if (ve === vs || ve - vs > 9) return false;
          let n = 0;
          for (let k = vs; k < ve; k++) {
            const x = buf.charCodeAt(k);
            if (x < 0x30 || x > 0x39) return false;
            n = n * 10 + (x - 0x30);
          }
          style = n;
          break;
        }
        case 0x74:
          // t="s", "str", "n", "b", "e", "d", "inlineStr"
          type = cellType(buf, vs, ve);
          if (type === "?") return false;
          break;
        default:
          break;
      }
    }
    this.beginCell(row, col, style, type);
    if (selfClosing) this.inCell = false; // an empty cell: nothing to keep
    return true;
  }

  /**
   * SheetScanner's fast path for `<v>text</v>` inside a cell. A number (or a
   * shared string's index) in plain digits is read in place, without a
   * string made for it: nearly every cell of a work plan.
   */
  fastValue(buf: string, from: number, to: number): void {
    if (from === to) {
      this.value = "";
      return;
    }
    const t = this.type;
    if (t === "" || t === "n" || t === "s") {
      const n = plainDecimalAt(buf, from, to);
      // A shared string's index is a whole number; anything else goes the general way (and is reported there).
      if (n === n && (t !== "s" || (Number.isInteger(n) && n >= 0))) {
        this.parsed = n;
        this.isParsed = true;
        this.value = PARSED;
        return;
      }
    }
    this.isParsed = false;
    this.value = decodeText(buf.slice(from, to));
  }

  /** A cell starts: `row` and `col` are -1 when the tag gives no address. */
  private beginCell(row: number, col: number, style: number, type: string): void {
    this.inCell = true;
    this.isParsed = false;
    this.type = type;
    this.style = style;
    this.value = undefined;
    this.inlineText = undefined;
    this.formula = undefined;
    this.formulaAttrs = null;
    this.inInline = false;
    this.phonetic = 0;
    if (row >= 0) {
      this.checkRow(row);
      if (row !== this.row) {
        // A cell outside its <row> (or with no <row> at all): Excel goes by the address.
        this.row = row;
        this.currentRow = null;
      }
      this.col = col;
    } else {
      if (this.row < 0) this.row = 0;
      this.col++;
    }
    if (this.col >= EXCEL_MAX_COLS) {
      throw new SheetReadError(
        "too-large",
        `the sheet "${this.name}" has a cell in column ${formatInt(this.col + 1)}, beyond Excel's last column XFD (16,384); the file is damaged or not made by Excel`,
      );
    }
  }

  private checkRow(row: number): void {
    if (row >= EXCEL_MAX_ROWS) {
      throw new SheetReadError(
        "too-large",
        `the sheet "${this.name}" has a cell in row ${formatInt(row + 1)}, beyond Excel's last row 1,048,576; the file is damaged or not made by Excel`,
      );
    }
  }

  private endCell(): void {
    this.inCell = false;
    this.stopText();
    const cell = this.makeCell();
    if (!cell) return;
    const count = this.ctx.cellCount;
    if (++count.n > count.max) {
      throw new SheetReadError(
        "too-large",
        `the workbook has more than ${formatInt(count.max)} non-empty cells, the most this reader takes; split it or remove what is not the budget`,
      );
    }
    let line = this.currentRow;
    if (!line) {
      const existing = this.cells[this.row];
      if (existing) line = existing;
      else {
        line = [];
        place(this.cells, this.row, line);
        const last = this.rowsPresent.length ? this.rowsPresent[this.rowsPresent.length - 1] : -1;
        if (this.row < last) this.rowsSorted = false;
        this.rowsPresent.push(this.row);
      }
      this.currentRow = line;
    }
    place(line, this.col, cell);
  }

  private makeCell(): Cell | null {
    const styles = this.ctx.styles;
    const xf = this.style < styles.numFmt.length ? this.style : 0;
    const isDate = styles.isDate[xf] === true;
    let formula = this.formula;
    const fa = this.formulaAttrs;
    if (fa && fa.t === "shared" && fa.si !== undefined) {
      if (formula && fa.ref !== undefined) this.shared.set(fa.si, { formula, row: this.row, col: this.col });
      else if (!formula) {
        const master = this.shared.get(fa.si);
        formula = master ? translateFormula(master.formula, this.row - master.row, this.col - master.col) : undefined;
      }
    }
    let value: CellValue;
    if (formula || (fa && fa.t === "shared")) {
      const v = this.value;
      value = v === undefined || v === "" ? (this.type === "str" && v === "" ? "" : { error: UNCALCULATED }) : this.typedValue(v, isDate);
    } else if (this.value !== undefined) {
      if (this.value === "" && this.type !== "str" && this.type !== "inlineStr") return null; // <v/>: no value
      value = this.typedValue(this.value, isDate);
    } else if (this.type === "inlineStr" && this.inlineText) {
      value = decodeOoxmlEscapes(this.inlineText);
    } else return null;
    // Whole literals rather than properties added one by one: fewer shapes, no backing store to grow.
    const numFmt = styles.numFmt[xf];
    let cell: Cell;
    if (formula) cell = numFmt !== undefined ? { value, formula, numFmt } : { value, formula };
    else cell = numFmt !== undefined ? { value, numFmt } : { value };
    if (styles.bold[xf]) cell.bold = true;
    return cell;
  }

  private typedValue(v: string, isDate: boolean): CellValue {
    switch (this.type) {
      case "s": {
        const strings = this.ctx.sharedStrings;
        const i = this.isParsed ? this.parsed : toInt(v);
        if (!strings) throw new SheetReadError("damaged", `the sheet "${this.name}" uses shared strings, but the workbook has none`);
        if (!(i >= 0 && i < strings.length)) {
          throw new SheetReadError("damaged", `the sheet "${this.name}" uses shared string ${Number.isFinite(i) ? i : v}, but the workbook has only ${strings.length}`);
        }
        return strings[i];
      }
      case "str":
      case "inlineStr":
        return decodeOoxmlEscapes(v);
      case "b":
        return toInt(v) !== 0;
      case "e":
        return { error: v };
      case "d": {
        // ISO 8601; without a zone it is a wall-clock time, kept as UTC like every other date here.
        const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !/T/.test(v) ? v : `${v}Z`);
        return Number.isNaN(t) ? null : new Date(t);
      }
      default: {
        if (this.isParsed) return isDate ? excelDate(this.parsed, this.ctx.date1904) : this.parsed;
        let n = plainDecimal(v);
        if (n !== n) n = Number(v);
        if (Number.isNaN(n)) n = parseFloat(v);
        if (!Number.isFinite(n)) return null;
        return isDate ? excelDate(n, this.ctx.date1904) : n;
      }
    }
  }

  private addMerge(raw: string): void {
    const ref = attributes(raw).ref;
    if (!ref) return;
    const [a, b = a] = ref.split(":");
    const from = parseRef(a);
    const to = parseRef(b);
    if (!from || !to) return;
    if (this.merges.length >= this.ctx.maxMerges) {
      throw new SheetReadError("too-large", `the sheet "${this.name}" has more than ${formatInt(this.ctx.maxMerges)} merged areas`);
    }
    const area = {
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    };
    if (area.bottom >= EXCEL_MAX_ROWS || area.right >= EXCEL_MAX_COLS) {
      throw new SheetReadError("too-large", `the sheet "${this.name}" merges ${ref}, beyond Excel's last row or column; the file is damaged`);
    }
    this.merges.push(area);
  }

  /** The grid, once the whole part has been fed. */
  result(hidden: boolean): SheetGrid {
    this.clearMergedCells();
    const grid: SheetGrid = { name: this.name, cells: this.cells, merges: this.merges };
    if (hidden) grid.hidden = true;
    return grid;
  }

  /**
   * Excel keeps a merged area's value in its top-left cell only; a value left
   * in another cell of the area is not shown, and is not read here either.
   * Only rows that hold cells are visited, so a merge over a million rows
   * costs what those rows hold.
   */
  private clearMergedCells(): void {
    if (this.merges.length === 0) return;
    const rows = this.rowsSorted ? this.rowsPresent : [...this.rowsPresent].sort((x, y) => x - y);
    const touched = new Set<number>();
    for (const m of this.merges) {
      for (let k = lowerBound(rows, m.top); k < rows.length && rows[k] <= m.bottom; k++) {
        const r = rows[k];
        const line = this.cells[r];
        if (!line) continue;
        const last = Math.min(m.right, line.length - 1);
        for (let c = m.left; c <= last; c++) {
          if ((r !== m.top || c !== m.left) && line[c]) {
            line[c] = null;
            touched.add(r);
          }
        }
      }
    }
    // A row left with nothing reads as an empty row; trailing empties are dropped.
    for (const r of touched) {
      const line = this.cells[r]!;
      let end = line.length;
      while (end > 0 && !line[end - 1]) end--;
      if (end === 0) this.cells[r] = null;
      else line.length = end;
    }
    let end = this.cells.length;
    while (end > 0 && !this.cells[end - 1]) end--;
    this.cells.length = end;
  }
}

/**
 * A one-letter attribute of a cell or row tag (r, s, t), without a prefix:
 * found as ` x="` or ` x='`; values of these never hold entities. Falls back
 * to the full parser for anything unusual (spaces around "=").
 */
function quickAttr(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + 1;
    const before = at === 0 ? 0x20 : raw.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    const eq = raw.charCodeAt(at + 1);
    if (eq !== 0x3d) {
      if (eq === 0x20 || eq === 0x09 || eq === 0x0a || eq === 0x0d) return attributes(raw)[name];
      continue;
    }
    const quote = raw[at + 2];
    if (quote !== '"' && quote !== "'") return attributes(raw)[name];
    const end = raw.indexOf(quote, at + 3);
    if (end < 0) return undefined;
    const value = raw.slice(at + 3, end);
    return value.indexOf("&") < 0 ? value : attributes(raw)[name];
  }
}

/** Sets list[index], filling a short gap with nulls and leaving a long one as a hole (a sparse array). */
function place<T>(list: Array<T | null | undefined>, index: number, item: T): void {
  if (index < list.length || index - list.length > DENSE_GAP) {
    list[index] = item;
    return;
  }
  while (list.length < index) list.push(null);
  list.push(item);
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "AB12" or "$AB$12" → 0-based row and column; null when it is not an address or lies beyond any sheet. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 0x24) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
    if (i - colStart >= 4) return null;
  }
  if (i === colStart) return null;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return null;
    row = row * 10 + (ch - 0x30);
    if (i - rowStart >= 10) return null;
  }
  if (i === rowStart || row === 0) return null;
  return { row: row - 1, col: col - 1 };
}

function toInt(s: string): number {
  // The usual case, digits only, without Number's general parsing.
  if (s.length > 0 && s.length < 10) {
    let n = 0;
    let k = 0;
    for (; k < s.length; k++) {
      const x = s.charCodeAt(k);
      if (x < 0x30 || x > 0x39) break;
      n = n * 10 + (x - 0x30);
    }
    if (k === s.length) return n;
  }
  const n = Number(s.trim());
  return Number.isInteger(n) ? n : NaN;
}

/**
 * "-1234.56" → -1234.56 without Number's general parsing, for at most 15
 * digits and no exponent (then the digits make an exact integer and one
 * division by an exact power of ten rounds as Number does); NaN for anything
 * else, which Number then reads.
 */
export function plainDecimal(s: string): number {
  return plainDecimalAt(s, 0, s.length);
}

/** `plainDecimal` of buf[from, to), read in place (no substring made). */
function plainDecimalAt(buf: string, from: number, to: number): number {
  let k = from;
  let negative = false;
  if (buf.charCodeAt(k) === 0x2d) {
    negative = true;
    k++;
  }
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; k < to; k++) {
    const x = buf.charCodeAt(k);
    if (x >= 0x30 && x <= 0x39) {
      m = m * 10 + (x - 0x30);
      digits++;
    } else if (x === 0x2e && scale < 0) scale = k;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const decimals = scale < 0 ? 0 : to - scale - 1;
  const value = decimals === 0 ? m : m / POWERS_OF_TEN[decimals];
  return negative ? -value : value;
}

/** `value` while fastValue's number stands in `parsed`: not empty, so it reads as a value. */
const PARSED = "#";

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A cell's t attribute as one of the known strings, without making a new one; "?" for anything else. */
function cellType(buf: string, from: number, to: number): string {
  switch (to - from) {
    case 1:
      switch (buf.charCodeAt(from)) {
        case 0x73:
          return "s";
        case 0x6e:
          return "n";
        case 0x62:
          return "b";
        case 0x65:
          return "e";
        case 0x64:
          return "d";
      }
      return "?";
    case 3:
      return buf.startsWith("str", from) ? "str" : "?";
    case 9:
      return buf.startsWith("inlineStr", from) ? "inlineStr" : "?";
    default:
      return "?";
  }
}

/**
 * The scanner for worksheet parts: the general XmlScanner, with a fast path
 * for the three tags that make up nearly all of a sheet — `<c …>`, `<v>…</v>`
 * and `</c>` — read in place, without the strings and objects the general
 * path makes per tag. Anything else, or anything unusual in these (a prefix,
 * spaces around "=", a value cut by the end of a piece), goes the general way.
 */
export class SheetScanner extends XmlScanner {
  constructor(private readonly parser: SheetParser) {
    super(parser);
  }

  protected override fast(buf: string, lt: number): number {
    const p = this.parser;
    const c1 = buf.charCodeAt(lt + 1);
    if (c1 === 0x63 /* c */) {
      const c2 = buf.charCodeAt(lt + 2);
      if ((c2 !== 0x20 && c2 !== 0x3e && c2 !== 0x2f) || !p.inSheetData || p.inCell) return NOT_MINE;
      const gt = endOfTag(buf, lt);
      if (gt < 0) return NOT_MINE;
      const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
      return p.fastCell(buf, lt + 2, selfClosing ? gt - 1 : gt, selfClosing) ? gt + 1 : NOT_MINE;
    }
    if (!p.inCell) return NOT_MINE;
    if (c1 === 0x76 /* v */ && buf.charCodeAt(lt + 2) === 0x3e /* > */) {
      const end = buf.indexOf("<", lt + 3);
      if (end < 0 || !buf.startsWith("</v>", end)) return NOT_MINE;
      p.fastValue(buf, lt + 3, end);
      return end + 4;
    }
    if (c1 === 0x2f /* / */ && buf.charCodeAt(lt + 2) === 0x63 && buf.charCodeAt(lt + 3) === 0x3e) {
      p.close("c");
      return lt + 4;
    }
    return NOT_MINE;
  }
}

/** An Excel serial date → a Date at that wall-clock time in UTC, as ExcelJS gives it. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function formatInt(n: number): string {
  return n.toLocaleString("en-US");
}

// ---------------------------------------------------------------------------
// Shared formulas

/**
 * A cell or column/row reference that is not part of a longer name, a
 * function call or a sheet name: `$A$1`, `B7`, `AB12`.
 */
const REFERENCE = /(^|[^A-Za-z0-9_.$'"\]])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!])/g;

/**
 * A shared formula as it reads in another cell of its range: the master's
 * relative references moved by the same rows and columns (ECMA-376 Part 1,
 * 18.3.1.40), text in quotes left alone.
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Split on string literals ("…", with "" inside) and quoted sheet names ('…'), moving references outside them only.
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|[^"']+/g, (part, quoted: string | undefined) =>
    quoted ? part : part.replace(REFERENCE, (whole, before: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      let col = 0;
      for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
      col -= 1;
      let row = Number(digits) - 1;
      if (col >= EXCEL_MAX_COLS || row >= EXCEL_MAX_ROWS) return whole; // a name such as "LOG10" or "ABC12345678"
      if (!colAbs) col += dCol;
      if (!rowAbs) row += dRow;
      if (col < 0 || row < 0 || col >= EXCEL_MAX_COLS || row >= EXCEL_MAX_ROWS) return `${before}#REF!`;
      return `${before}${colAbs}${columnName(col)}${rowAbs}${row + 1}`;
    }),
  );
}
