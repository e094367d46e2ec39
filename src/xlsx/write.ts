/**
 * Writes a WorkbookDescription (src/core/pir/sheet.ts) to .xlsx bytes with
 * ExcelJS. No file system: the CLI writes the bytes, and the same code runs in
 * a browser bundle.
 */
import ExcelJS from "exceljs";
import { PALETTE, type CellBorder, type CellLink, type CellStyle, type SheetCell, type SheetDescription, type WorkbookDescription } from "../core";

/** The font the widths in a description are estimated for (src/core/pir/canvas.ts). */
const FONT_NAME = "Calibri";
const FONT_SIZE = 11;

export async function writeWorkbook(desc: WorkbookDescription): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PIR Budget Check";
  for (const sheet of desc.sheets) writeSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  // Node gives a Buffer, a browser an ArrayBuffer: both become a plain Uint8Array.
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeSheet(workbook: ExcelJS.Workbook, desc: SheetDescription): void {
  const frozen = desc.frozen && (desc.frozen.rows > 0 || desc.frozen.cols > 0) ? desc.frozen : undefined;
  const ws = workbook.addWorksheet(desc.name, {
    views: frozen ? [{ state: "frozen", xSplit: frozen.cols, ySplit: frozen.rows }] : undefined,
    pageSetup: desc.print
      ? {
          orientation: desc.print.orientation,
          paperSize: 9, // A4; Excel and LibreOffice switch to Letter where that is the default printer paper
          fitToPage: desc.print.fitToWidth,
          fitToWidth: 1,
          fitToHeight: 0,
          margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        }
      : undefined,
  });
  desc.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const { row, height } of desc.rowHeights ?? []) ws.getRow(row + 1).height = height;
  const styles = new StyleCache();
  for (const cell of desc.cells) writeCell(ws, cell, styles);
  // After the values: merging keeps each covered cell's own style (borders all round the area).
  for (const m of desc.merges) ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (desc.autoFilter) ws.autoFilter = desc.autoFilter;
}

/**
 * One ExcelJS style object per distinct description style, shared by its
 * cells: ExcelJS then serialises each style once (it remembers a style object
 * it has seen) instead of once per cell, and no cell carries its own font,
 * alignment and border objects.
 */
class StyleCache {
  private readonly byObject = new Map<CellStyle, Partial<ExcelJS.Style>>();
  private readonly byValue = new Map<string, Partial<ExcelJS.Style>>();

  get(style: CellStyle): Partial<ExcelJS.Style> {
    let out = this.byObject.get(style);
    if (!out) {
      const key = JSON.stringify(style);
      out = this.byValue.get(key);
      if (!out) this.byValue.set(key, (out = excelStyle(style)));
      this.byObject.set(style, out);
    }
    return out;
  }
}

function writeCell(ws: ExcelJS.Worksheet, desc: SheetCell, styles: StyleCache): void {
  const cell = ws.getCell(desc.row + 1, desc.col + 1);
  if (desc.link && desc.value !== null) {
    cell.value = { text: String(desc.value), hyperlink: hyperlinkTarget(desc.link) };
  } else {
    // ExcelJS stores a JS string as a shared string whatever it starts with
    // ("=SUM(A1)", "@x"): labels are data and never become formulas.
    cell.value = desc.value;
  }
  if (desc.style) cell.style = styles.get(desc.style);
  if (desc.note) cell.note = desc.note;
}

/**
 * "budget.xlsx#'Budget'!$C$5", or "#'Budget'!$C$5" inside this workbook. The
 * cell is written absolute on purpose: ExcelJS 4.4 adds a `location` beside
 * the link target when the target ends in a plain "A1" address, and Excel then
 * joins the two into a broken "#…#…" link (exceljs issue #3027).
 */
export function hyperlinkTarget(link: CellLink): string {
  const sheet = `'${link.sheet.replace(/'/g, "''")}'`;
  const cell = absolute(link.cell);
  return `${link.file ?? ""}#${sheet}!${cell}`;
}

function absolute(a1: string): string {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  return m ? `$${m[1].toUpperCase()}$${m[2]}` : a1;
}

function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  // A font without a name falls back to the application's default (a serif in LibreOffice).
  const font: Partial<ExcelJS.Font> = { name: FONT_NAME, size: FONT_SIZE };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.underline) font.underline = true;
  if (style.fontColor) font.color = { argb: style.fontColor };
  const out: Partial<ExcelJS.Style> = { font };
  if (style.numFmt) out.numFmt = style.numFmt;
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: PALETTE[style.fill] } };
  const alignment: Partial<ExcelJS.Alignment> = { vertical: style.valign ?? "top" };
  if (style.align) alignment.horizontal = style.align;
  if (style.wrap) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  out.alignment = alignment;
  if (style.border) out.border = borders(style.border);
  return out;
}

function borders(b: CellBorder): Partial<ExcelJS.Borders> {
  const out: Partial<ExcelJS.Borders> = {};
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const weight = b[side];
    if (weight) out[side] = { style: weight };
  }
  return out;
}
