/**
 * A PaneHost and BrowserIo for tests: the real engine and ExcelJS reader and
 * writer on the example workbooks, with Excel's side recorded instead of
 * performed.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { WorkbookGrid } from "../../../src/core/grid";
import type { SettingsInput } from "../../../src/core/settings";
import type { BrowserIo, OpenWorkbook, PaneHost } from "../../../src/taskpane/pane-host";
import type { WorkbookFile } from "../../../src/taskpane/session";
import { readWorkbookBuffer } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/write";

export const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");
export const TODAY = new Date("2026-11-24T00:00:00Z");

/** An example workbook as the browser would hand it over. */
export function exampleFile(name: string): WorkbookFile {
  return {
    name,
    arrayBuffer: async () => {
      const bytes = await fs.readFile(path.join(EXAMPLES, name));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

export async function exampleGrid(name: string): Promise<WorkbookGrid> {
  return readWorkbookBuffer(await exampleFile(name).arrayBuffer(), name);
}

export interface RecordingIo extends BrowserIo {
  downloads: Array<{ fileName: string; bytes: Uint8Array }>;
  copies: Array<{ html: string; text: string }>;
}

export function recordingIo(copyResult: "html" | "selection" | "failed" = "html"): RecordingIo {
  const io: RecordingIo = {
    downloads: [],
    copies: [],
    readWorkbook: (bytes, file) => readWorkbookBuffer(bytes, file),
    writeWorkbook: (desc) => writeWorkbook(desc),
    download: (bytes, fileName) => io.downloads.push({ bytes, fileName }),
    copyHtml: async (html, text) => {
      io.copies.push({ html, text });
      return copyResult;
    },
    today: () => TODAY,
  };
  return io;
}

export interface FakeExcel extends PaneHost {
  openWorkbook: OpenWorkbook & {
    selectCell: jest.Mock<Promise<void>, [string, string]>;
    writePir: jest.Mock<Promise<string[]>, Parameters<OpenWorkbook["writePir"]>>;
    highlight: jest.Mock<Promise<void>, Parameters<OpenWorkbook["highlight"]>>;
  };
  saved: SettingsInput[];
  selection: string;
}

/** Excel with `grid` open; `stored` is what the document remembers. */
export function fakeExcel(grid: WorkbookGrid, stored: SettingsInput | null = null): FakeExcel {
  const host: FakeExcel = {
    mode: "excel",
    saved: [],
    selection: "'Work plan'!$B$4:$M$24",
    openWorkbook: {
      name: grid.file,
      read: async (onProgress) => {
        onProgress({ done: 1, total: 2 });
        return grid;
      },
      selectedRange: async () => host.selection,
      writePir: jest.fn<Promise<string[]>, Parameters<OpenWorkbook["writePir"]>>(async (desc) => desc.sheets.map((s) => s.name)),
      highlight: jest.fn<Promise<void>, Parameters<OpenWorkbook["highlight"]>>(async () => undefined),
      clearHighlights: async () => undefined,
      selectCell: jest.fn<Promise<void>, [string, string]>(async () => undefined),
    },
    loadSettings: async () => stored,
    saveSettings: async (s) => {
      host.saved.push(s);
    },
  };
  return host;
}
