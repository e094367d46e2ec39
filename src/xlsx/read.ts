/**
 * Reads an .xlsx workbook from bytes into the engine's plain Grid, in one pass
 * over each part as it inflates (no DOM, no workbook model). Browser-safe (no
 * Node APIs): the same code runs in the CLI and in the task pane's file mode;
 * the file checks that need a file system live in read-file.ts.
 *
 * Everything is bounded by what is actually read, never by what the file
 * claims: bytes are counted as they inflate, rows and columns stop at Excel's
 * own limits, the grid stays sparse, and the number of non-empty cells is
 * capped. Each limit, and each fault of the package, is a WorkbookReadError
 * whose one-line message starts with the file name.
 */
import type { SheetGrid, WorkbookGrid } from "../core";
import {
  NO_STYLES,
  RelsParser,
  SharedStringsParser,
  StylesParser,
  TooManyStrings,
  WorkbookParser,
  relKind,
  relsPartOf,
  resolveTarget,
  type Relationship,
  type Styles,
} from "./parts";
import { SheetParser, SheetReadError, SheetScanner, type SheetContext } from "./sheet";
import { XmlError, XmlScanner, type XmlHandler } from "./xml";
import { ZipEntryError, inflateEntry, readZipDirectory, type InflateBudget, type RawInflater, type ZipDirectory, type ZipEntryInfo } from "./zip";

export { readZipDirectory, type ZipDirectory } from "./zip";
export { UNCALCULATED, EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from "./sheet";

/** Why a workbook could not be read; the CLI and task pane may branch on it. */
export type WorkbookReadReason =
  | "not-found" | "directory" | "unreadable" | "empty" // the path
  | "not-xlsx" | "encrypted" | "xls" | "too-large" | "damaged" // the bytes
  | "cancelled"; // the user stopped it

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
/**
 * Non-empty cells read from one workbook at most: a large work plan holds a
 * few hundred thousand; two million take the engine about a second and the
 * reader a few hundred MB.
 */
export const MAX_CELLS = 2_000_000;
/** Merged areas per sheet at most (a real sheet has dozens). */
export const MAX_MERGES = 100_000;

export interface ReadProgress {
  /** Compressed bytes of the parts read so far, and of all the parts to read. */
  done: number;
  total: number;
}

export interface ReadOptions {
  /** Refuse workbooks whose parts add up to more than this uncompressed, counted as they inflate; default 500 MB. */
  maxUnpackedBytes?: number;
  /** Refuse workbooks with more non-empty cells than this; default 2,000,000. */
  maxCells?: number;
  /** Called every so often while reading, and once at the end. */
  onProgress?: (progress: ReadProgress) => void;
  /** Checked every so often: when it is aborted, the read stops with reason "cancelled". */
  signal?: { readonly aborted: boolean };
  /** How deflated parts are inflated: fflate's by default (anywhere); read-file.ts gives Node's zlib. */
  inflateRaw?: RawInflater;
}

const MB = 1024 * 1024;
/** Work between two yields to the event loop, so timers (a progress line) and messages (Cancel) get their turn. */
const SLICE_MS = 50;

export async function readWorkbookBuffer(
  data: ArrayBuffer | Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<WorkbookGrid> {
  // isView, not instanceof: a Buffer or array from another realm (a worker, jest's sandbox) must pass too.
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  const maxUnpackedBytes = options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  const dir = checkWorkbookBytes(bytes, file, maxUnpackedBytes);
  const reader = new PackageReader(bytes, file, dir, maxUnpackedBytes, options);
  try {
    return await reader.read();
  } catch (err) {
    throw reader.explain(err);
  }
}

/** One package being read: its entries, the byte budget, progress and yielding. */
class PackageReader {
  private readonly entries = new Map<string, ZipEntryInfo>();
  private readonly budget: InflateBudget;
  private part = "";
  private done = 0;
  private total = 0;
  private sliceStart = now();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly dir: ZipDirectory,
    maxUnpackedBytes: number,
    private readonly options: ReadOptions,
  ) {
    for (const e of dir.entries) this.entries.set(partKey(e.name), e);
    this.budget = { remaining: maxUnpackedBytes, limit: maxUnpackedBytes };
  }

  async read(): Promise<WorkbookGrid> {
    this.options.onProgress?.({ done: 0, total: this.bytes.length });
    const workbookPart = await this.workbookPartName();
    const workbook = new WorkbookParser();
    await this.scan(workbookPart, workbook);
    if (!workbook.sawWorkbook) throw this.damaged(`${workbookPart} is not a workbook`);
    const rels = await this.relationships(workbookPart);

    const byKind = (kind: string) => [...rels.values()].find((r) => relKind(r.type) === kind);
    const sheetParts = workbook.sheets.map((s) => {
      const rel = s.relId !== undefined ? rels.get(s.relId) : undefined;
      if (!rel) throw this.damaged(`the sheet "${s.name}" has no part in the package`);
      const target = resolveTarget(workbookPart, rel);
      if (target === null) throw this.damaged(`the sheet "${s.name}" points outside the workbook (to ${rel.target})`);
      if (!this.entries.has(partKey(target))) throw this.damaged(`the sheet "${s.name}" is missing from the package (${target})`);
      return { sheet: s, part: target, kind: relKind(rel.type) };
    });
    if (workbook.sheets.length === 0) throw this.damaged("the workbook lists no sheets");
    const worksheets = sheetParts.filter((p) => p.kind === "worksheet");

    const stylesPart = this.optionalPart(workbookPart, byKind("styles"));
    const stringsPart = this.optionalPart(workbookPart, byKind("sharedStrings"));
    for (const p of [stylesPart, stringsPart, ...worksheets.map((w) => w.part)]) {
      if (p) this.total += this.entries.get(partKey(p))!.compressedSize;
    }

    let styles: Styles = NO_STYLES;
    if (stylesPart) {
      const parser = new StylesParser();
      await this.scan(stylesPart, parser);
      styles = parser.result();
    }
    const maxCells = this.options.maxCells ?? MAX_CELLS;
    let sharedStrings: string[] | null = null;
    if (stringsPart) {
      // More distinct strings than cells can use is a file made to fill memory.
      const parser = new SharedStringsParser(maxCells);
      await this.scan(stringsPart, parser);
      sharedStrings = parser.strings;
    }

    const ctx: SheetContext = { styles, sharedStrings, date1904: workbook.date1904, cellCount: { n: 0, max: maxCells }, maxMerges: MAX_MERGES };
    const sheets: SheetGrid[] = [];
    for (const w of worksheets) {
      const parser = new SheetParser(w.sheet.name, ctx);
      await this.scan(w.part, parser);
      sheets.push(parser.result(w.sheet.hidden));
    }
    this.options.onProgress?.({ done: this.total, total: this.total });
    return { file: this.file, sheets };
  }

  /** The main part, from the package's own relationships; xl/workbook.xml when they do not say. */
  private async workbookPartName(): Promise<string> {
    if (this.entries.has("_rels/.rels")) {
      const rels = await this.relationships("");
      for (const rel of rels.values()) {
        if (relKind(rel.type) !== "officeDocument") continue;
        const target = resolveTarget("", rel);
        if (target && this.entries.has(partKey(target))) return target;
      }
    }
    return "xl/workbook.xml";
  }

  /** The relationships of a part ("" for the package's own); none when it has no .rels part. */
  private async relationships(part: string): Promise<Map<string, Relationship>> {
    const relsPart = part ? relsPartOf(part) : "_rels/.rels";
    if (!this.entries.has(partKey(relsPart))) return new Map();
    const parser = new RelsParser();
    await this.scan(relsPart, parser);
    return parser.rels;
  }

  private optionalPart(source: string, rel: Relationship | undefined): string | null {
    if (!rel) return null;
    const target = resolveTarget(source, rel);
    if (target === null) throw this.damaged(`a part points outside the workbook (to ${rel.target})`);
    // Excel opens a workbook without its styles; a missing shared-strings part is an error only if a cell uses it.
    return this.entries.has(partKey(target)) ? target : null;
  }

  /** Inflates one part and feeds it, piece by piece, to an XML handler. */
  private async scan(part: string, handler: XmlHandler): Promise<void> {
    this.checkCancelled();
    const entry = this.entries.get(partKey(part));
    if (!entry) throw this.damaged(`${part} is missing from the package`);
    this.part = entry.name;
    const scanner = handler instanceof SheetParser ? new SheetScanner(handler) : new XmlScanner(handler);
    const text = new PartDecoder();
    await inflateEntry(
      this.bytes,
      entry,
      this.budget,
      (piece) => text.decode(piece, (chunk) => scanner.feed(chunk)),
      (consumed) => this.step(consumed),
      this.options.inflateRaw,
    );
    scanner.feed(text.end(), true);
  }

  /** After each step of inflating: count progress, and every SLICE_MS give the event loop a turn. */
  private step(consumed: number): Promise<void> | void {
    this.done += consumed;
    if (now() - this.sliceStart < SLICE_MS) return;
    return this.pause();
  }

  private async pause(): Promise<void> {
    this.options.onProgress?.({ done: Math.min(this.done, this.total), total: this.total });
    await yieldToEventLoop();
    this.checkCancelled();
    this.sliceStart = now();
  }

  private checkCancelled(): void {
    if (this.options.signal?.aborted) throw new WorkbookReadError(this.file, "cancelled", "reading was cancelled");
  }

  private damaged(detail: string): WorkbookReadError {
    return new WorkbookReadError(this.file, "damaged", `the workbook is damaged and could not be read (${detail})`);
  }

  /** Any failure below → one WorkbookReadError naming the file. */
  explain(err: unknown): Error {
    if (err instanceof WorkbookReadError) return err;
    if (err instanceof SheetReadError) return err.kind === "damaged" ? this.damaged(err.message) : new WorkbookReadError(this.file, err.kind, err.message);
    if (err instanceof TooManyStrings) {
      return new WorkbookReadError(this.file, "too-large", `the workbook has more than ${err.limit.toLocaleString("en-US")} shared strings, more than the cells it may hold`);
    }
    if (err instanceof ZipEntryError) {
      if (err.kind === "too-large") {
        return new WorkbookReadError(
          this.file,
          "too-large",
          `the workbook unpacks to more than ${formatMB(this.budget.limit)}, the limit (its zip directory claims ${formatMB(this.dir.unpackedBytes)})`,
        );
      }
      return this.damaged(err.message);
    }
    if (err instanceof XmlError) return this.damaged(`${this.part}: ${err.message}`);
    if (err instanceof RangeError) {
      // An allocation the engine refused (a string or array past V8's own limits).
      return new WorkbookReadError(this.file, "too-large", `the workbook is too large to read (${oneLine(err.message)})`);
    }
    const why = err instanceof Error ? err.message : String(err);
    return this.damaged(oneLine(why));
  }
}

/**
 * Bytes → text for one part, piece by piece. UTF-8 is cut right after the
 * last ">" of each piece (never inside a character: ">" is one byte) and
 * what follows it is carried to the next piece, so each string handed on
 * ends where a tag does and the scanner has nothing left over to join to
 * the next one (joining would copy the whole piece again); decoded without
 * TextDecoder's streaming mode, which is several times slower. UTF-16 (with
 * its byte-order mark) streams.
 */
/** The most carried from one piece to the next when no ">" comes. */
const CARRY_MAX = 1024 * 1024;

class PartDecoder {
  private readonly utf8 = new TextDecoder("utf-8");
  private utf16: TextDecoder | null = null;
  private carry: Uint8Array | null = null;
  private first = true;

  decode(piece: Uint8Array, emit: (text: string) => void): void {
    if (this.first) {
      this.first = false;
      if ((piece[0] === 0xff && piece[1] === 0xfe) || (piece[0] === 0xfe && piece[1] === 0xff)) {
        this.utf16 = new TextDecoder(piece[0] === 0xff ? "utf-16le" : "utf-16be");
      }
    }
    if (this.utf16) {
      emit(this.utf16.decode(piece, { stream: true }));
      return;
    }
    let rest = piece;
    if (this.carry) {
      // The carried end of the last piece, completed up to this piece's first ">": a few bytes, joined.
      const gt = rest.indexOf(0x3e);
      const head = gt < 0 ? rest : rest.subarray(0, gt + 1);
      const joined = new Uint8Array(this.carry.length + head.length);
      joined.set(this.carry);
      joined.set(head, this.carry.length);
      this.carry = null;
      if (gt < 0) {
        // No ">" yet (a long text run): carried on, but never more than CARRY_MAX, so it is not copied over and over.
        if (joined.length <= CARRY_MAX) this.carry = joined;
        else {
          const cut = wholeCharacters(joined);
          if (cut < joined.length) this.carry = joined.slice(cut);
          emit(this.utf8.decode(joined.subarray(0, cut)));
        }
        return;
      }
      emit(this.utf8.decode(joined));
      rest = rest.subarray(gt + 1);
    }
    const last = rest.lastIndexOf(0x3e);
    if (last < rest.length - 1) this.carry = rest.slice(last + 1);
    if (last >= 0) emit(this.utf8.decode(last === rest.length - 1 ? rest : rest.subarray(0, last + 1)));
  }

  end(): string {
    if (this.utf16) return this.utf16.decode();
    // What is left holds no ">": at most a text run or an unfinished tag, whole characters unless the part is cut off.
    const rest = this.carry ? this.utf8.decode(this.carry) : "";
    this.carry = null;
    return rest;
  }
}

/** The length of `bytes` up to the end of its last complete UTF-8 character. */
function wholeCharacters(bytes: Uint8Array): number {
  const n = bytes.length;
  // Look back at most 3 bytes for the lead byte of the last character.
  for (let i = n - 1; i >= 0 && i >= n - 4; i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need <= n ? n : i;
  }
  return n;
}

/** Part names are case-insensitive in a package (OPC), with or without a leading slash. */
function partKey(name: string): string {
  return name.replace(/^\//, "").toLowerCase();
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}

/** A macrotask turn: setImmediate in Node, a message in a browser or worker (setTimeout would be clamped to 4 ms). */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// ---------------------------------------------------------------------------
// Looking at the bytes first

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Throws a WorkbookReadError when the bytes cannot be an .xlsx workbook we are willing to unpack. */
export function checkWorkbookBytes(bytes: Uint8Array, file: string, maxUnpackedBytes = MAX_UNPACKED_BYTES): ZipDirectory {
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
          : names.has("content.xml") && names.has("mimetype")
            ? "an OpenDocument spreadsheet (.ods); open it in Excel or LibreOffice and save it as .xlsx"
            : "a zip archive without a workbook inside";
    throw new WorkbookReadError(file, "not-xlsx", `not an .xlsx workbook (it is ${what})`);
  }
  return dir;
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
