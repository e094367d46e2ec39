/**
 * The GEF grant as a workbook states it: a cell labelled "GEF Project
 * Financing" or "GEF grant" (as on the PIR cover and in CEO endorsement
 * documents) with the amount beside it or below it.
 */
import { parseAmount } from "./amounts";
import { address, cellAt, cellText, type SheetGrid } from "./grid";
import { normalizeWords } from "./header-words";

const GRANT_LABEL =
  /\b(gef project financing|gef financing|gef grant(?: amount)?|gef trust fund grant|total gef (?:grant|financing|resources)|donacion (?:del )?gef|financiamiento (?:del )?gef|financement (?:du )?(?:fem|gef)|subvencion (?:del )?gef)\b/;

/** Rows and columns searched: a cover block sits near the top-left. */
const SEARCH_ROWS = 80;
const SEARCH_COLS = 30;

export function findGrant(sheet: SheetGrid): { value: number; cell: string } | null {
  const rows = Math.min(sheet.cells.length, SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, SEARCH_COLS); c++) {
      const cell = row[c];
      if (!cell || typeof cell.value !== "string" || !GRANT_LABEL.test(normalizeWords(cell.value))) continue;
      for (const [rr, cc] of [...[1, 2, 3, 4, 5, 6].map((d) => [r, c + d]), [r + 1, c]]) {
        const candidate = cellAt(sheet, rr, cc);
        if (!candidate || cellText(candidate) === "") continue;
        const parsed = parseAmount(candidate);
        if (parsed.kind === "amount" && parsed.value > 1000) return { value: parsed.value, cell: address(rr, cc) };
        if (rr === r && parsed.kind !== "blank" && parsed.kind !== "amount") continue;
      }
    }
  }
  return null;
}
