/**
 * A plain description of a workbook to write: values, styles, merges and
 * widths, and nothing tied to ExcelJS or Office.js. The engine builds it once
 * (./build) and every writer (src/xlsx/write.ts, the Office.js add-in) writes
 * it as-is. It stays JSON-serialisable: no functions, no Dates, no classes.
 */
import type { MergedArea } from "../grid";

/** Fills are named by meaning; PALETTE turns them into colours for every writer. */
export type FillName = "error" | "warning" | "info" | "header" | "total";

export type BorderWeight = "thin" | "medium";

export interface CellBorder {
  top?: BorderWeight;
  bottom?: BorderWeight;
  left?: BorderWeight;
  right?: BorderWeight;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Indent level (Excel's, about three characters each). */
  indent?: number;
  /** Excel number format, e.g. "#,##0.00". */
  numFmt?: string;
  fill?: FillName;
  /** ARGB, e.g. "FF9C0006". */
  fontColor?: string;
  align?: "left" | "center" | "right";
  /** Vertical alignment; writers default to "top". */
  valign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: CellBorder;
}

/** A link to a cell: in another workbook when `file` is set, else in this one. */
export interface CellLink {
  file?: string;
  sheet: string;
  /** A1 address. */
  cell: string;
}

export interface SheetCell {
  /** 0-based. */
  row: number;
  col: number;
  /** A string is always text, never a formula, whatever it starts with. */
  value: string | number | null;
  style?: CellStyle;
  /** A comment shown on hover (Excel "note"). */
  note?: string;
  link?: CellLink;
  /** Our stand-in for a value the source lacks ("(no label)"): the clean copy leaves it blank. */
  placeholder?: true;
}

export interface RowHeight {
  /** 0-based. */
  row: number;
  /** Points. */
  height: number;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Scale the sheet so every column fits on one page width. */
  fitToWidth: boolean;
}

export interface SheetDescription {
  name: string;
  cells: SheetCell[];
  /** 0-based and inclusive; the value and style of a merged area are its top-left cell's. */
  merges: MergedArea[];
  /** Excel character units, one per column from column A. */
  columnWidths: number[];
  /** Only rows whose wrapped text needs several lines; the others keep the default height. */
  rowHeights?: RowHeight[];
  /** Rows and columns that stay in view when scrolling. */
  frozen?: { rows: number; cols: number };
  /** A1 range of the header row that gets filter buttons, e.g. "A1:I1". */
  autoFilter?: string;
  print?: PrintSetup;
}

export interface WorkbookDescription {
  sheets: SheetDescription[];
}

/** ARGB colours of the semantic fills, shared by every writer. */
export const PALETTE: Readonly<Record<FillName, string>> = {
  // Excel's own "Bad", "Neutral" and "Note"-like tints, so the meaning reads at a glance.
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
  // The grey of a Word table header, like the PIR's tables.
  header: "FFD9D9D9",
  total: "FFF2F2F2",
};

/** Font colours that go with the severity fills (dark text of the same hue). */
export const SEVERITY_FONT_ARGB: Readonly<Record<"error" | "warning" | "info", string>> = {
  error: "FF9C0006",
  warning: "FF9C5700",
  info: "FF1F4E79",
};

/** The cell described at (row, col), or undefined. Linear: for tests and small sheets. */
export function describedCell(sheet: SheetDescription, row: number, col: number): SheetCell | undefined {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}
