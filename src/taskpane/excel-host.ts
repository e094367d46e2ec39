/**
 * The pane's host inside Excel: the open workbook through the Office.js
 * adapter in src/excel/. Loaded only when detectHost() says "excel", so file
 * mode never downloads it.
 */
import { clearOpenWorkbookHighlights, highlightOpenWorkbook } from "../excel/highlight";
import { officeTheme, workbookFileName } from "../excel/host";
import { selectCellInOpenWorkbook, selectedRangeInOpenWorkbook } from "../excel/navigate";
import { readOpenWorkbook } from "../excel/read";
import { loadSettings, saveSettings } from "../excel/settings-store";
import { writePirToOpenWorkbook } from "../excel/write";
import type { OpenWorkbook, PaneHost } from "./pane-host";

export async function excelHost(): Promise<PaneHost> {
  const name = await workbookFileName();
  const open: OpenWorkbook = {
    name,
    read: (onProgress) => readOpenWorkbook(name, { onProgress: (done, total) => onProgress({ done, total }) }),
    selectedRange: () => selectedRangeInOpenWorkbook(),
    writePir: (desc, existing) => writePirToOpenWorkbook(desc, { existing, workbookFile: name }),
    highlight: (findings) => highlightOpenWorkbook(findings, name),
    clearHighlights: () => clearOpenWorkbookHighlights(),
    selectCell: (sheet, cell) => selectCellInOpenWorkbook(sheet, cell),
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
