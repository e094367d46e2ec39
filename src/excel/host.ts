/**
 * Are we inside Excel, or in a plain browser tab (the task pane opened on its
 * own for a demo or a test)? The one place that asks; everything else takes
 * the answer as a parameter.
 */

export type Host = "excel" | "browser";

/** How long to wait for Office.onReady before deciding it will never answer. */
export const DEFAULT_HOST_TIMEOUT_MS = 3000;

/** The part of the Office global we look at. */
export interface OfficeLike {
  onReady?: (callback?: (info: { host: unknown; platform?: unknown }) => void) => unknown;
  HostType?: { Excel?: unknown };
}

/**
 * "excel" only when Office.onReady reports Excel as the host; "browser" when
 * there is no Office global, when onReady reports no host (office.js loaded
 * outside Office) or another host, or when it has not answered in time.
 */
export async function detectHost(
  timeoutMs: number = DEFAULT_HOST_TIMEOUT_MS,
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
): Promise<Host> {
  if (!office || typeof office.onReady !== "function") return "browser";
  const onReady = office.onReady.bind(office);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  // onReady takes a callback and, since office.js 1.1.x, also returns a promise;
  // listening to the callback covers both without calling onReady twice.
  const ready = new Promise<{ host: unknown } | null>((resolve) => {
    try {
      const returned = onReady((info) => resolve(info ?? null));
      if (returned && typeof (returned as Promise<unknown>).then === "function") {
        (returned as Promise<{ host: unknown } | undefined>).then((info) => resolve(info ?? null), () => resolve(null));
      }
    } catch {
      resolve(null);
    }
  });
  try {
    const info = await Promise.race([ready, timeout]);
    const excel = office.HostType?.Excel ?? "Excel";
    return info && info.host === excel ? "excel" : "browser";
  } finally {
    if (timer) clearTimeout(timer);
  }
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
    const fromWorkbook = await (context ? nameOfWorkbook(context) : Excel.run(nameOfWorkbook));
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
