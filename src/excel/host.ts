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
