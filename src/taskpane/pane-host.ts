/**
 * What the pane needs from where it runs. In Excel (excel-host.ts) the open
 * workbook is read and written through Office.js; in a plain browser
 * (file-host.ts) there is no open workbook, only the files the user adds.
 * The session (session.ts) talks to this interface and nothing else, so its
 * logic is the same in both and is tested with a fake host.
 */
import type { CheckResult, WorkbookGrid, Finding, Settings, WorkbookDescription, SettingsInput } from "../core";
import type { ReadHooks } from "./worker/protocol";

export interface ReadProgress {
  /** Cells read so far, and in all. */
  done: number;
  total: number;
}

/** The open workbook in Excel: everything here is absent in file mode. */
export interface OpenWorkbook {
  /** The workbook's file name, used in findings ("Work plan.xlsx"). */
  readonly name: string;
  read(onProgress: (p: ReadProgress) => void): Promise<WorkbookGrid>;
  /** The selected range's address as Excel gives it: "'Work plan'!B4:M24". */
  selectedRange(): Promise<string>;
  /** Writes the PIR sheets; `existing` says what to do with sheets of the same names. Returns the names written. */
  writePir(desc: WorkbookDescription, existing: "replace" | "rename"): Promise<string[]>;
  highlight(findings: Finding[]): Promise<void>;
  clearHighlights(): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
}

export interface PaneHost {
  readonly mode: "excel" | "file";
  /** Set in Excel only. */
  readonly openWorkbook: OpenWorkbook | null;
  /** What was saved last (unvalidated: it comes from a document or the browser). */
  loadSettings(): Promise<unknown>;
  saveSettings(settings: SettingsInput): Promise<void>;
}

/** The browser services both modes use; replaced by fakes in component tests. */
export interface BrowserIo {
  /**
   * Reads .xlsx bytes into a grid, off the page (a worker) where it can; the
   * bytes may be transferred (unusable afterwards). `hooks.signal` cancels it.
   */
  readWorkbook(bytes: ArrayBuffer, file: string, hooks?: ReadHooks): Promise<WorkbookGrid>;
  /** Runs the engine off the page (a worker) where it can; absent: the session runs it on the page. */
  checkWorkbooks?(grids: WorkbookGrid[], settings: Settings): Promise<CheckResult>;
  /** Writes a description to .xlsx bytes (loads ExcelJS on first use). */
  writeWorkbook(desc: WorkbookDescription): Promise<Uint8Array>;
  /** Offers bytes as a download. */
  download(bytes: Uint8Array, fileName: string): void;
  /** Puts HTML (and its plain-text twin) on the clipboard; says how it managed. */
  copyHtml(html: string, text: string): Promise<"html" | "selection" | "failed">;
  today(): Date;
}
