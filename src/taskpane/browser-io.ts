/**
 * The browser side of reading, writing, downloading and copying. Dropped
 * files are read in a Web Worker (worker/read.worker.ts: the streaming reader
 * src/xlsx/read.ts and fflate, a chunk of its own fetched with the first
 * file), so the page stays responsive and Cancel stops a read at once; where
 * no worker can run, the same reader is loaded with import() and runs on the
 * page. The engine checks in a worker of its own too (worker/check.worker.ts),
 * so recognising and checking a large workbook never holds up the page; the
 * engine on the page (already in the first download) only where no worker
 * can run. The writer (ExcelJS) is loaded with import() only when a PIR workbook
 * is written. None of them is in the pane's first download.
 */
import { checkWorkbooks } from "../core";
import type { BrowserIo, PaneHost } from "./pane-host";
import type { WorkerChecker } from "./worker/check-client";
import type { ReadOnPage, WorkerReader } from "./worker/client";

let reader: WorkerReader | null = null;
let checker: WorkerChecker | null = null;

/** The reader on the page: only where no worker can run. */
const readOnPage: ReadOnPage = async (bytes, file, hooks) => {
  const { readWorkbookBuffer } = await import(/* webpackChunkName: "xlsx-read-page" */ "../xlsx/read");
  return readWorkbookBuffer(bytes, file, { onProgress: hooks.onProgress, signal: hooks.signal });
};

export const browserIo: BrowserIo = {
  async readWorkbook(bytes, file, hooks) {
    if (!reader) {
      const { workerReader } = await import(/* webpackChunkName: "xlsx-worker" */ "./worker/spawn");
      reader ??= workerReader(readOnPage);
    }
    return reader.read(bytes, file, hooks);
  },

  async checkWorkbooks(grids, settings) {
    if (!checker) {
      const { workerChecker } = await import(/* webpackChunkName: "xlsx-worker" */ "./worker/spawn");
      checker ??= workerChecker(checkWorkbooks);
    }
    return checker.check(grids, settings);
  },

  async writeWorkbook(desc) {
    const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/write");
    return writeWorkbook(desc);
  },

  download(bytes, fileName) {
    const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },

  async copyHtml(html, text) {
    if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
      try {
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([html], { type: "text/html" }),
            "text/plain": new Blob([text], { type: "text/plain" }),
          }),
        ]);
        return "html";
      } catch {
        // Office's task pane frames and older browsers may refuse: copy a selection instead.
      }
    }
    return copyBySelection(html) ? "selection" : "failed";
  },

  today: () => new Date(),
};

/** The old way: render the HTML off screen, select it and let the browser copy the selection (HTML and text). */
function copyBySelection(html: string): boolean {
  const holder = document.createElement("div");
  holder.contentEditable = "true";
  holder.setAttribute("aria-hidden", "true");
  holder.style.position = "fixed";
  holder.style.left = "-10000px";
  holder.style.top = "0";
  holder.innerHTML = html;
  document.body.appendChild(holder);
  const selection = window.getSelection();
  const previous = document.activeElement as HTMLElement | null;
  try {
    const range = document.createRange();
    range.selectNodeContents(holder);
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    selection?.removeAllRanges();
    holder.remove();
    previous?.focus?.();
  }
}

const STORAGE_KEY = "pir-budget-check.settings";

/** Outside Office: no open workbook, settings remembered by this browser. */
export function fileHost(storage: Storage | null = safeLocalStorage()): PaneHost {
  return {
    mode: "file",
    openWorkbook: null,
    async loadSettings() {
      const raw = storage?.getItem(STORAGE_KEY);
      if (!raw) return null;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return null;
      }
    },
    async saveSettings(settings) {
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
      } catch {
        // Private browsing or a full quota: the settings hold for this visit only.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // blocked third-party storage throws on access
  }
}
