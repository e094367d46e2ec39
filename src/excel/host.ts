/**
 * Are we inside Excel, or in a plain browser tab (the task pane opened on its
 * own for a demo or a test)? The one place that asks; everything else takes
 * the answer as a parameter.
 */

import { runExcel } from "./api";

export type Host = "excel" | "browser";

/** After this long without an answer from Office.onReady, the pane says that it is still starting. */
export const SLOW_START_MS = 3000;

export const STARTING_MESSAGE = "Starting… waiting for Excel to open the add-in. / Iniciando… esperando a Excel.";

/** The part of the Office global we look at. */
export interface OfficeLike {
  onReady?: (callback?: (info: { host: unknown; platform?: unknown }) => void) => unknown;
  HostType?: { Excel?: unknown };
}

export interface DetectHostOptions {
  /** Called once when onReady has not answered after `slowAfterMs`; by default the page's "Loading…" line says so. */
  onSlow?: () => void;
  slowAfterMs?: number;
}

/** Office.onReady failed: the pane cannot start in Excel, and does not pretend to be a plain browser page. */
export class OfficeStartError extends Error {
  constructor(cause: unknown) {
    super(`Office did not start the add-in (${cause instanceof Error ? cause.message : String(cause)}). Close the pane and open it again.`);
    this.name = "OfficeStartError";
  }
}

/**
 * "excel" only when Office.onReady reports Excel as the host; "browser" when
 * there is no Office global (the page opened on its own), or when onReady
 * reports no host (office.js loaded outside Office) or another host. Waits for
 * onReady as long as Office takes (Excel can take many seconds to start an
 * add-in): after `slowAfterMs` it says "Starting…" and keeps waiting, never
 * falling back to file mode inside Excel. When onReady fails, the promise
 * rejects with the reason (OfficeStartError).
 */
export async function detectHost(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  options: DetectHostOptions = {},
): Promise<Host> {
  if (!office || typeof office.onReady !== "function") return "browser";
  const onReady = office.onReady.bind(office);
  const timer = setTimeout(options.onSlow ?? showStarting, options.slowAfterMs ?? SLOW_START_MS);
  // onReady takes a callback and, since office.js 1.1.x, also returns a promise;
  // listening to the callback covers both without calling onReady twice.
  const ready = new Promise<{ host: unknown } | null>((resolve, reject) => {
    try {
      const returned = onReady((info) => resolve(info ?? null));
      if (returned && typeof (returned as Promise<unknown>).then === "function") {
        (returned as Promise<{ host: unknown } | undefined>).then((info) => resolve(info ?? null), (err: unknown) => reject(new OfficeStartError(err)));
      }
    } catch (err) {
      reject(new OfficeStartError(err));
    }
  });
  try {
    const info = await ready;
    const excel = office.HostType?.Excel ?? "Excel";
    return info && info.host === excel ? "excel" : "browser";
  } finally {
    clearTimeout(timer);
  }
}

function showStarting(): void {
  const loading = typeof document === "undefined" ? null : document.getElementById("loading");
  if (loading) loading.textContent = STARTING_MESSAGE;
}

/** The colours of the Office theme, when the host tells them (Excel desktop and web do). */
export function officeTheme(office: { context?: { officeTheme?: Office.OfficeTheme } } | undefined = (globalThis as { Office?: typeof Office }).Office): Office.OfficeTheme | null {
  return office?.context?.officeTheme ?? null;
}

/** Used in findings when Excel does not tell the name (a new workbook never saved). */
export const UNSAVED_WORKBOOK_NAME = "Workbook.xlsx";

/**
 * The open workbook's file name, as findings name it ("Work plan.xlsx"):
 * `workbook.name` (ExcelApi 1.7), else the last part of the document's URL.
 */
export async function workbookFileName(
  context?: Excel.RequestContext,
  office: { context?: { document?: { url?: string }; requirements?: { isSetSupported(set: string, version?: string): boolean } } } | undefined = (globalThis as { Office?: typeof Office }).Office,
): Promise<string> {
  if (office?.context?.requirements?.isSetSupported("ExcelApi", "1.7")) {
    const fromWorkbook = await (context ? nameOfWorkbook(context) : runExcel(nameOfWorkbook));
    if (fromWorkbook) return fromWorkbook;
  }
  return fileNameFromUrl(office?.context?.document?.url) ?? UNSAVED_WORKBOOK_NAME;
}

async function nameOfWorkbook(context: Excel.RequestContext): Promise<string | null> {
  context.workbook.load("name");
  await context.sync();
  const name: unknown = context.workbook.name;
  return typeof name === "string" && name.trim() !== "" ? name : null;
}

/** "https://x/sites/p/Shared%20Documents/Work%20plan.xlsx?web=1" → "Work plan.xlsx". */
export function fileNameFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  const path = url.split(/[?#]/)[0];
  const last = path.split(/[/\\]/).filter(Boolean).pop();
  if (!last) return null;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
