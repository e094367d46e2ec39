/**
 * The task pane's entry: ask once whether we run inside Excel, build the
 * matching host, and render. Outside Office the same pane runs in file mode.
 */
import { createRoot } from "react-dom/client";
import { useEffect, useState } from "react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { detectHost } from "../excel/host";
import { browserIo, fileHost } from "./browser-io";
import { App } from "./components/App";
import { SessionContext } from "./pane-context";
import type { PaneHost } from "./pane-host";
import { PaneSession } from "./session";
import { prefersDark } from "./theme";

const darkQuery = "(prefers-color-scheme: dark)";

function Root({ session, officeBackground }: { session: PaneSession; officeBackground: string | null }) {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia?.(darkQuery).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(darkQuery);
    if (!query) return;
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);
  const dark = prefersDark(officeBackground, systemDark);
  useEffect(() => {
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, [dark]);
  return (
    <SessionContext.Provider value={session}>
      <App theme={dark ? webDarkTheme : webLightTheme} />
    </SessionContext.Provider>
  );
}

async function main(): Promise<void> {
  const where = await detectHost();
  let host: PaneHost = fileHost();
  let officeBackground: string | null = null;
  if (where === "excel") {
    // Only in Excel: keeps the Office.js adapter out of file mode's first download.
    const excel = await import(/* webpackChunkName: "excel" */ "./excel-host");
    host = await excel.excelHost();
    officeBackground = excel.officeBodyBackground();
  }
  const session = new PaneSession(host, browserIo);
  // The real-browser test waits on this instead of guessing how long work takes.
  (window as unknown as { pirPane?: PaneSession }).pirPane = session;
  const container = document.getElementById("root")!;
  createRoot(container).render(<Root session={session} officeBackground={officeBackground} />);
  await session.start();
}

main().catch((err: unknown) => {
  // Nothing rendered yet (Office refused the first request): say so instead of "Loading…" forever.
  const loading = document.getElementById("loading");
  if (loading) loading.textContent = `PIR Budget Check could not start: ${err instanceof Error ? err.message : String(err)}`;
});
