/**
 * The pane's host inside Excel: the open workbook through the Office.js
 * adapter in src/excel/. Loaded only when detectHost() says "excel", so file
 * mode never downloads it.
 */
import { readWorkbookGrid } from "../excel/read";
import { writePirWorkbook } from "../excel/write";
import { clearHighlights, highlightFindings } from "../excel/highlight";
import { selectCell, selectedRangeAddress } from "../excel/navigate";
import { loadSettings, saveSettings } from "../excel/settings-store";
import { workbookFileName, officeTheme } from "../excel/host";
import type { OpenWorkbook, PaneHost } from "./pane-host";

export async function excelHost(): Promise<PaneHost> {
  const name = await workbookFileName();
  const open: OpenWorkbook = {
    name,
    read: (onProgress) => Excel.run((context) => readWorkbookGrid(context, name, { onProgress: (done, total) => onProgress({ done, total }) })),
    selectedRange: () => Excel.run((context) => selectedRangeAddress(context)),
    writePir: (desc, existing) => Excel.run((context) => writePirWorkbook(context, desc, { existing, workbookFile: name })),
    highlight: (findings) => Excel.run((context) => highlightFindings(context, findings, name)),
    clearHighlights: () => Excel.run((context) => clearHighlights(context)),
    selectCell: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
  };
  return {
    mode: "excel",
    openWorkbook: open,
    loadSettings: () => loadSettings(),
    saveSettings: (settings) => saveSettings(settings),
  };
}

/** Office's body background colour, from which the pane picks light or dark. */
export function officeBodyBackground(): string | null {
  return officeTheme()?.bodyBackgroundColor ?? null;
}
