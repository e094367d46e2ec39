/**
 * Finds the merged area a cell belongs to. Merged header cells carry their
 * text in the top-left cell only; readers of headers ask here for it.
 */
import { cellAt, type Cell, type MergedArea, type SheetGrid } from "./grid";

export class MergeIndex {
  private readonly byCell = new Map<number, MergedArea>();

  constructor(merges: MergedArea[]) {
    for (const m of merges) {
      // Large merges (a banner over a whole sheet) would bloat the map; only
      // areas up to a few thousand cells matter for headers.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 5000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.byCell.set(key(r, c), m);
    }
  }

  areaAt(row: number, col: number): MergedArea | undefined {
    return this.byCell.get(key(row, col));
  }

  /** The cell whose content shows at (row, col): the top-left cell of its merged area. */
  shownCell(sheet: SheetGrid, row: number, col: number): Cell | null {
    const m = this.areaAt(row, col);
    return m ? cellAt(sheet, m.top, m.left) : cellAt(sheet, row, col);
  }
}

function key(row: number, col: number): number {
  return row * 20000 + col;
}
