/**
 * The two copies of the PIR tables. The clean copy is what the report
 * prints: no fills, no notes, no tool words, zero shown "-" and whole amounts
 * without ".00". The annotated copy flags the cells findings are about, with
 * a colour legend above and, in each flagged cell, a footnote number that
 * points to a numbered list under the tables, so the explanation survives
 * print, PDF and Word.
 */
import type { Finding } from "../model";
import { AMOUNT_FORMAT, type SheetCanvas } from "./canvas";
import type { PirLabels } from "./labels";
import type { CellStyle, SheetCell, SheetDescription } from "./sheet";

/** Accounting-style formats: a zero shows "-", as the PIR prints it. */
export const WHOLE_FORMAT = '#,##0;-#,##0;"-"';
export const CENTS_FORMAT = '#,##0.00;-#,##0.00;"-"';

/** The clean copy's cells: flags, notes and "(no label)" removed, amounts formatted as the report prints them. */
export function cleanCells(sheet: SheetDescription): SheetDescription {
  // Cells that shared a style share its clean one: [plain, whole amount, amount with cents].
  const cleaned = new Map<CellStyle, [CellStyle, CellStyle, CellStyle]>();
  const cleanOf = (style: CellStyle) => {
    let three = cleaned.get(style);
    if (!three) {
      const { fill, italic: _italic, ...rest } = style;
      const plain: CellStyle = fill === "header" || fill === "total" ? { ...rest, fill } : rest;
      three = [plain, { ...plain, numFmt: WHOLE_FORMAT }, { ...plain, numFmt: CENTS_FORMAT }];
      cleaned.set(style, three);
    }
    return three;
  };
  for (const cell of sheet.cells) {
    if (cell.note !== undefined) delete cell.note;
    if (cell.link !== undefined) delete cell.link;
    if (cell.style) {
      const [plain, whole, cents] = cleanOf(cell.style);
      if (plain.numFmt === AMOUNT_FORMAT && typeof cell.value === "number") cell.style = Number.isInteger(Math.round(cell.value * 100) / 100) ? whole : cents;
      else cell.style = plain;
    }
    // Our placeholder, by its mark: a source row that really reads "(no label)" keeps its label.
    if (cell.placeholder) {
      cell.value = "";
      delete cell.placeholder;
    }
  }
  return sheet;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 12 → "¹²". */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join("");
}

/**
 * Numbers the findings that flag a cell, in reading order, and writes the
 * numbers into those cells (a number keeps its value: the mark is part of its
 * format) and the numbered list from row `top`, each note as `noteOf` words
 * it (naming the source cell it speaks of: see findingNote). Returns the
 * first free row.
 */
export function writeFootnotes(
  canvas: SheetCanvas,
  cells: SheetCell[],
  findingsOf: (cell: SheetCell) => Finding[],
  noteOf: (f: Finding) => string,
  top: number,
  right: number,
  labels: PirLabels,
): number {
  const numbers = new Map<Finding, number>();
  const flagged = cells.filter((c) => findingsOf(c).length > 0).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of flagged) {
    const marks = findingsOf(cell)
      .map((f) => {
        if (!numbers.has(f)) numbers.set(f, numbers.size + 1);
        return numbers.get(f)!;
      })
      .sort((a, b) => a - b);
    const suffix = marks.map(superscript).join(" ");
    if (typeof cell.value === "number") {
      const fmt = cell.style?.numFmt ?? "General";
      cell.style = { ...cell.style, numFmt: `${fmt}" ${suffix}"` };
    } else cell.value = `${cell.value ?? ""} ${suffix}`.trim();
  }
  if (numbers.size === 0) return top;
  let row = top;
  canvas.put(row++, 0, labels.footnotesTitle, { bold: true }, { fit: false });
  for (const [f, n] of [...numbers].sort((a, b) => a[1] - b[1])) {
    canvas.putLine(row++, 0, right, `${superscript(n)} ${labels.severity[f.severity]} — ${noteOf(f)} (${f.rule})`, {});
  }
  return row;
}

/** The colour legend above the annotated tables. */
export function writeLegend(canvas: SheetCanvas, row: number, labels: PirLabels): void {
  canvas.put(row, 0, labels.legend, { italic: true }, { fit: false });
  (["error", "warning", "info"] as const).forEach((severity, i) => canvas.put(row, 1 + i, labels.severity[severity], { fill: severity, align: "center", border: { top: "thin", bottom: "thin", left: "thin", right: "thin" } }));
}
