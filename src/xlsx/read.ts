/**
 * Reads an .xlsx workbook from bytes into the engine's plain Grid. Browser-safe
 * (no Node APIs): the file checks that need a file system live in read-file.ts.
 *
 * Before ExcelJS sees the bytes we look at them ourselves, because ExcelJS
 * fails on a wrong file with messages no finance officer can act on
 * ("End of data reached"), and would happily inflate a zip bomb.
 */
import { Workbook } from "exceljs";
import type { Cell as ExcelCell, Worksheet } from "exceljs";
import { parseAddress, type Cell, type CellValue, type MergedArea, type SheetGrid, type WorkbookGrid } from "../core";

/** Why a workbook could not be read; the CLI and task pane may branch on it. */
export type WorkbookReadReason =
  | "not-found" | "directory" | "unreadable" | "empty" // the path
  | "not-xlsx" | "encrypted" | "xls" | "too-large" | "damaged"; // the bytes

/** A workbook that could not be read. The message is one line and starts with the file name. */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: WorkbookReadReason,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "WorkbookReadError";
  }
}

/** A real work plan is a few hundred kB; anything that unpacks beyond this is not one. */
export const MAX_UNPACKED_BYTES = 500 * 1024 * 1024;

export interface ReadOptions {
  /** Refuse workbooks whose parts add up to more than this uncompressed; default 500 MB. */
  maxUnpackedBytes?: number;
}

const MB = 1024 * 1024;

export async function readWorkbookBuffer(
  data: ArrayBuffer | Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<WorkbookGrid> {
  // isView, not instanceof: a Buffer or array from another realm (a worker, jest's sandbox) must pass too.
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  checkWorkbookBytes(bytes, file, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES);
  const workbook = new Workbook();
  try {
    // JSZip (inside ExcelJS) takes any Uint8Array; the typings only name Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError(file, "damaged", `the workbook is damaged or truncated and could not be read (${oneLine(why)})`);
  }
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

// ---------------------------------------------------------------------------
// Looking at the bytes first

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Throws a WorkbookReadError when the bytes cannot be an .xlsx workbook we are willing to unpack. */
export function checkWorkbookBytes(bytes: Uint8Array, file: string, maxUnpackedBytes = MAX_UNPACKED_BYTES): void {
  if (bytes.length === 0) throw new WorkbookReadError(file, "empty", "the file is empty");
  if (startsWith(bytes, OLE_MAGIC)) {
    // Excel stores a password-protected .xlsx as an OLE file with an EncryptedPackage stream.
    if (indexOf(bytes, utf16le("EncryptedPackage")) >= 0) {
      throw new WorkbookReadError(
        file,
        "encrypted",
        "the workbook is password-protected; remove the password in Excel (File › Info › Protect Workbook) and try again",
      );
    }
    throw new WorkbookReadError(file, "xls", "this is an old Excel 97-2003 .xls file; open it in Excel and save it as .xlsx");
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError(file, "not-xlsx", `not an .xlsx workbook (${describeNonZip(bytes)})`);
  }
  const dir = readZipDirectory(bytes);
  if (!dir) throw new WorkbookReadError(file, "damaged", "the workbook is damaged or truncated and could not be read");
  if (dir.unpackedBytes > maxUnpackedBytes) {
    throw new WorkbookReadError(
      file,
      "too-large",
      `the workbook would unpack to ${formatMB(dir.unpackedBytes)}, above the limit of ${formatMB(maxUnpackedBytes)}`,
    );
  }
  const names = new Set(dir.names.map((n) => n.replace(/^\//, "").toLowerCase()));
  if (!names.has("xl/workbook.xml")) {
    const what = names.has("xl/workbook.bin")
      ? "a binary .xlsb workbook; open it in Excel and save it as .xlsx"
      : names.has("word/document.xml")
        ? "a Word document"
        : names.has("ppt/presentation.xml")
          ? "a PowerPoint presentation"
          : "a zip archive without a workbook inside";
    throw new WorkbookReadError(file, "not-xlsx", `not an .xlsx workbook (it is ${what})`);
  }
}

function formatMB(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

function describeNonZip(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64));
  if (head.startsWith("%PDF")) return "it is a PDF";
  if (/^\s*</.test(head)) return "it is an HTML or XML file, perhaps a web page or an Excel 2003 XML file";
  const sample = bytes.subarray(0, 512);
  // Control characters other than tab, newlines and escape mean binary.
  const binary = sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
  return binary ? "it does not start with a zip header" : "it is a text file, perhaps a CSV";
}

export interface ZipDirectory {
  names: string[];
  /** Sum of the uncompressed sizes the central directory declares. */
  unpackedBytes: number;
}

/**
 * Lists a zip's entries from its central directory, without inflating
 * anything; null when the directory is missing or cut off (a truncated file).
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  let entries = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: a locator 20 bytes before the classic record points to the real one.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return null;
    const record = readUint64(view, locator + 8);
    if (record + 56 > view.byteLength || view.getUint32(record, true) !== 0x06064b50) return null;
    entries = readUint64(view, record + 32);
    cdSize = readUint64(view, record + 40);
    cdOffset = readUint64(view, record + 48);
  }
  if (cdOffset + cdSize > view.byteLength) return null;
  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  let unpackedBytes = 0;
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== 0x02014b50) return null;
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > view.byteLength) return null;
    if (size === 0xffffffff) size = zip64UncompressedSize(view, p + 46 + nameLength, extraLength) ?? Infinity;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    unpackedBytes += size;
    p = next;
  }
  return { names, unpackedBytes };
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}

/** The ZIP64 extra field (id 1) starts with the uncompressed size when the classic field is 0xFFFFFFFF. */
function zip64UncompressedSize(view: DataView, start: number, length: number): number | null {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001 && size >= 8) return readUint64(view, p + 4);
    p += 4 + size;
  }
  return null;
}

function readUint64(view: DataView, p: number): number {
  return view.getUint32(p, true) + view.getUint32(p + 4, true) * 0x1_0000_0000;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i); // ASCII only
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const end = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= end; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
