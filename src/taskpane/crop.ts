/**
 * "Use selection as table": when the recogniser guessed wrong, the user points
 * at the table's cells and recognition runs again on that range only. The
 * sheet keeps its coordinates (cells outside the range become empty, merges
 * are clipped), so every finding still names the real cell in the workbook.
 */
import { parseAddress, rangeAddress, type MergedArea, type SheetGrid, type WorkbookGrid } from "../core";

/** A user's correction: on this workbook's sheet, the table is in this range. */
export interface TableRange {
  file: string;
  sheet: string;
  /** Normalised A1 range, e.g. "B4:M24". */
  range: string;
}

/** 0-based, inclusive; open ends (a whole column "B:M" or row "4:24") reach to the sheet's edge. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * Reads an address as Excel gives it ("'Work plan'!$B$4:$M$24", "B4:M24",
 * "B4", "B:M", "4:24") into its sheet (when named) and area; null when it is
 * not a single rectangular range (a multi-area selection "A1:B2,D4" is not).
 */
export function parseRangeAddress(address: string): { sheet: string | null; area: CellArea } | null {
  let text = address.trim();
  let sheet: string | null = null;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    text = text.slice(bang + 1);
    if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    if (sheet === "") return null;
  }
  if (text.includes(",")) return null;
  const [first, second = first, ...rest] = text.split(":");
  if (rest.length > 0) return null;
  const a = parseEnd(first);
  const b = parseEnd(second);
  if (!a || !b) return null;
  // Both ends must be of one kind: cell:cell, column:column or row:row.
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = a.row === null ? LIMIT : Math.max(a.row, b.row!);
  const left = Math.min(a.col ?? 0, b.col ?? 0);
  const right = a.col === null ? LIMIT : Math.max(a.col, b.col!);
  return { sheet, area: { top, left, bottom, right } };
}

function parseEnd(text: string): { row: number | null; col: number | null } | null {
  const t = text.trim().replace(/\$/g, "");
  const cell = parseAddress(t);
  if (cell) return cell.row >= 0 ? cell : null;
  if (/^[A-Za-z]{1,3}$/.test(t)) return { row: null, col: parseAddress(`${t}1`)!.col };
  if (/^\d{1,7}$/.test(t) && Number(t) >= 1) return { row: Number(t) - 1, col: null };
  return null;
}

/** The range as the pane shows it and stores it: "B4:M24", or "B4" for one cell. */
export function formatArea(area: CellArea, sheet: SheetGrid): string {
  const bottom = Math.min(area.bottom, Math.max(sheet.cells.length - 1, area.top));
  const right = area.right === LIMIT ? Math.max(area.left, widest(sheet) - 1) : area.right;
  if (bottom === area.top && right === area.left) return rangeAddress(area.top, area.left, bottom, right).split(":")[0];
  return rangeAddress(area.top, area.left, bottom, right);
}

function widest(sheet: SheetGrid): number {
  let max = 0;
  for (const row of sheet.cells) if (row && row.length > max) max = row.length;
  return max;
}

/** The sheet with every cell outside `area` emptied and its merges clipped to `area`. */
export function cropSheet(sheet: SheetGrid, area: CellArea): SheetGrid {
  const cells: SheetGrid["cells"] = sheet.cells.map((row, r) => {
    if (!row || r < area.top || r > area.bottom) return null;
    const kept = row.slice(0, Math.min(row.length, area.right + 1));
    for (let c = 0; c < Math.min(kept.length, area.left); c++) kept[c] = null;
    return kept;
  });
  const merges: MergedArea[] = [];
  for (const m of sheet.merges) {
    const clipped = {
      top: Math.max(m.top, area.top),
      left: Math.max(m.left, area.left),
      bottom: Math.min(m.bottom, area.bottom),
      right: Math.min(m.right, area.right),
    };
    if (clipped.top > clipped.bottom || clipped.left > clipped.right) continue;
    // A merge cut so that its top-left cell (the one holding the value) falls
    // outside is no longer a merged header: drop it rather than invent one.
    if (clipped.top !== m.top || clipped.left !== m.left) continue;
    merges.push(clipped);
  }
  const cropped: SheetGrid = { name: sheet.name, cells, merges };
  if (sheet.hidden) cropped.hidden = true;
  return cropped;
}

/** Applies every correction that names this workbook; other sheets are left as read. */
export function applyTableRanges(workbook: WorkbookGrid, ranges: TableRange[]): WorkbookGrid {
  const mine = ranges.filter((r) => r.file === workbook.file);
  if (mine.length === 0) return workbook;
  return {
    file: workbook.file,
    sheets: workbook.sheets.map((sheet) => {
      const range = mine.find((r) => r.sheet === sheet.name);
      const parsed = range ? parseRangeAddress(range.range) : null;
      return parsed ? cropSheet(sheet, parsed.area) : sheet;
    }),
  };
}

/**
 * Turns what the user gave (a selection address from Excel, or a range typed
 * in file mode) into a correction for a sheet of `workbook`; a string is a
 * message key saying what is wrong.
 */
export function tableRangeFor(
  workbook: WorkbookGrid,
  address: string,
  fallbackSheet: string | null,
): TableRange | "range-invalid" | "sheet-unknown" {
  const parsed = parseRangeAddress(address);
  if (!parsed) return "range-invalid";
  const sheetName = parsed.sheet ?? fallbackSheet;
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) return "sheet-unknown";
  return { file: workbook.file, sheet: sheet.name, range: formatArea(parsed.area, sheet) };
}
