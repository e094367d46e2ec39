/**
 * What the two PIR tables share: the Word-table look (thin borders all round,
 * grey bold header, bold total with a heavier rule above it) and how a source
 * amount cell is written.
 */
import { roundCents } from "../amounts";
import { address, placeName } from "../grid";
import type { AmountCell, Table, TableRow } from "../model";
import { AMOUNT_FORMAT, type SheetCanvas } from "./canvas";
import type { FindingTargets } from "./marks";
import type { CellBorder, CellStyle, SheetCell } from "./sheet";

const THIN_BOX: CellBorder = { top: "thin", bottom: "thin", left: "thin", right: "thin" };
const TOTAL_BOX: CellBorder = { ...THIN_BOX, top: "medium" };

export const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: "header",
  align: "center",
  valign: "middle",
  wrap: true,
  border: THIN_BOX,
};

export const SECTION_TITLE_STYLE: CellStyle = { bold: true };
export const SOURCE_LINE_STYLE: CellStyle = { italic: true, fontColor: "FF595959" };

export type RowLook = "component" | "output" | "total" | "plain" | "heading";

export function lookOf(row: TableRow): RowLook {
  switch (row.kind) {
    case "component":
      return "component";
    case "output":
      return "output";
    case "total":
      return "total";
    case "heading":
      return "heading";
    default:
      return "plain";
  }
}

// One style object per look, shared by every cell of that look (styles are never changed in place).
const LABEL_STYLES = new Map<RowLook, CellStyle>();
const AMOUNT_STYLES = new Map<RowLook, CellStyle>();

export function labelStyle(look: RowLook): CellStyle {
  let style = LABEL_STYLES.get(look);
  if (!style) LABEL_STYLES.set(look, (style = newLabelStyle(look)));
  return style;
}

export function amountStyle(look: RowLook): CellStyle {
  let style = AMOUNT_STYLES.get(look);
  if (!style) AMOUNT_STYLES.set(look, (style = newAmountStyle(look)));
  return style;
}

function newLabelStyle(look: RowLook): CellStyle {
  // Left, not general: Excel and LibreOffice only indent left-aligned text.
  const style: CellStyle = { align: "left", wrap: true, valign: "top", border: look === "total" ? TOTAL_BOX : THIN_BOX };
  if (look === "component" || look === "total") style.bold = true;
  if (look === "output") style.indent = 1;
  if (look === "heading") style.italic = true;
  if (look === "total") style.fill = "total";
  return style;
}

function newAmountStyle(look: RowLook): CellStyle {
  const style: CellStyle = { numFmt: AMOUNT_FORMAT, align: "right", valign: "top", border: look === "total" ? TOTAL_BOX : THIN_BOX };
  if (look === "component" || look === "total") style.bold = true;
  if (look === "total") style.fill = "total";
  return style;
}

/** What to show for a source amount: the number, else the text it held ("n/a", "#REF!"), else nothing. */
export function amountValue(amount: AmountCell | null | undefined): number | string | null {
  if (!amount) return null;
  if (amount.value !== null) return amount.value;
  return amount.invalid ?? null;
}

/** The sum of the numbers among `values`, to the cent. */
export function sumNumbers(values: Array<number | string | null>): number {
  let sum = 0;
  for (const v of values) if (typeof v === "number") sum = roundCents(sum + v);
  return sum;
}

/** The source label cell of a row, when the table has a label column. */
export function sourceLabelAddress(table: Table, row: TableRow): string | null {
  const labelColumn = table.columns.find((c) => c.role === "label");
  return labelColumn ? address(row.row, labelColumn.col) : null;
}

/** Writes one source amount at (row, col) and records where it came from. */
export function putAmount(
  canvas: SheetCanvas,
  targets: FindingTargets,
  table: Table,
  at: { row: number; col: number },
  amount: AmountCell | null | undefined,
  look: RowLook,
): SheetCell {
  const cell = canvas.put(at.row, at.col, amountValue(amount), amountStyle(look));
  if (amount) targets.addSource(table.file, table.sheet, amount.cell, cell);
  return cell;
}

/** Writes a row label (a source row without one becomes "(no label)", flagged) and records its source cell. */
export function putLabel(
  canvas: SheetCanvas,
  targets: FindingTargets,
  table: Table,
  at: { row: number; col: number },
  row: TableRow,
  noLabel: { text: string; note: string },
  look: RowLook = lookOf(row),
): SheetCell {
  const missing = row.label.trim() === "";
  const cell = canvas.put(at.row, at.col, missing ? noLabel.text : row.label, labelStyle(look));
  if (missing) {
    cell.style = { ...cell.style, fill: "warning", italic: true };
    cell.note = noLabel.note;
    cell.placeholder = true;
  }
  const source = sourceLabelAddress(table, row);
  if (source) targets.addSource(table.file, table.sheet, source, cell);
  return cell;
}

/** The A1 range a table covers, as people read it: "budget.xlsx › Budget!A3:C11". */
export function tableSource(table: Table): string {
  return placeName(table.file, table.sheet, table.range);
}
