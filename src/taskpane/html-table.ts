/**
 * "Copy for Word": the PIR sheet as HTML that Word pastes as real tables with
 * their merged headers, fills and borders, plus a tab-separated text version
 * for editors that take plain text. Built from the same WorkbookDescription
 * the Excel writers write, so the pasted tables and the sheet never disagree.
 */
import { type MergedArea, PALETTE, type CellStyle, type SheetCell, type SheetDescription } from "../core";

export type Language = "en" | "es";

const THIN = "1px solid #000000";
const MEDIUM = "2px solid #000000";

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** "FFD9D9D9" → "#D9D9D9". */
function cssColor(argb: string): string {
  return `#${argb.slice(-6)}`;
}

/** A number as its Excel format shows it: decimals and thousands grouping ("#,##0.00"), or a percentage. */
export function formatNumber(value: number, numFmt: string | undefined, language: Language): string {
  const sections = (numFmt ?? "").split(";");
  // A zero section that is only text ('"-"', as the PIR prints a zero).
  const zero = /^"([^"]*)"$/.exec(sections[2] ?? "");
  if (value === 0 && zero) return zero[1];
  // Text after the number ('#,##0.00" ¹"': a footnote mark) is shown after it.
  const suffix = /"([^"]*)"$/.exec(sections[0])?.[1] ?? "";
  const fmt = sections[0].replace(/"[^"]*"$/, "");
  const percent = fmt.includes("%");
  const decimalsMatch = /\.(0+)/.exec(fmt);
  const decimals = decimalsMatch ? decimalsMatch[1].length : numFmt ? 0 : -1;
  const x = percent ? value * 100 : value;
  let text: string;
  if (decimals < 0) {
    text = String(x); // General: as stored
    if (language === "es") text = text.replace(".", ",");
  } else {
    const [int, frac] = Math.abs(x).toFixed(decimals).split(".");
    const grouped = fmt.includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, language === "es" ? "." : ",") : int;
    text = `${x < 0 && Number(Math.abs(x).toFixed(decimals)) !== 0 ? "-" : ""}${grouped}${frac ? (language === "es" ? "," : ".") + frac : ""}`;
  }
  return `${percent ? `${text} %` : text}${suffix}`;
}

export function cellDisplay(cell: SheetCell | undefined, language: Language): string {
  if (!cell || cell.value === null) return "";
  return typeof cell.value === "number" ? formatNumber(cell.value, cell.style?.numFmt, language) : clipboardSafe(cell.value);
}

/**
 * Text that a spreadsheet would take for a formula when the clipboard is
 * pasted into it (=, +, -, @, a tab or a line break first: OWASP's CSV
 * injection list) gets an apostrophe in front, as the workbook writers do:
 * Excel and LibreOffice take a leading apostrophe as "this is text", and in
 * Word it stays readable. A plain negative amount ("-1,500.00") is left alone.
 */
export function clipboardSafe(text: string): string {
  if (/^-[\d.,\s]*$/.test(text)) return text;
  return /^[\s]*[=+\-@]|^[\t\r\n]/.test(text) ? `'${text}` : text;
}

function styleCss(style: CellStyle | undefined, inTable: boolean): string {
  const css: string[] = [];
  if (style?.bold) css.push("font-weight:bold");
  if (style?.italic) css.push("font-style:italic");
  if (style?.underline) css.push("text-decoration:underline");
  if (style?.fontColor) css.push(`color:${cssColor(style.fontColor)}`);
  if (!inTable) return css.join(";");
  if (style?.fill) css.push(`background:${cssColor(PALETTE[style.fill])}`);
  css.push(`text-align:${style?.align ?? "left"}`);
  css.push(`vertical-align:${style?.valign ?? "top"}`);
  const indent = style?.indent ? 4 + style.indent * 12 : 4;
  css.push(`padding:2px 4px 2px ${indent}px`);
  const b = style?.border ?? {};
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const weight = b[side];
    css.push(`border-${side}:${weight === "medium" ? MEDIUM : weight === "thin" ? THIN : "none"}`);
  }
  return css.join(";");
}

interface Grid {
  at(row: number, col: number): SheetCell | undefined;
  /** Merges by their top-left cell. */
  mergeAt(row: number, col: number): MergedArea | undefined;
  /** True for a cell inside a merge other than its top-left. */
  covered(row: number, col: number): boolean;
  lastRow: number;
}

function indexSheet(sheet: SheetDescription): Grid {
  const cells = new Map<string, SheetCell>();
  let lastRow = -1;
  for (const c of sheet.cells) {
    cells.set(`${c.row},${c.col}`, c);
    if (c.row > lastRow) lastRow = c.row;
  }
  const origins = new Map<string, MergedArea>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    origins.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return {
    at: (r, c) => cells.get(`${r},${c}`),
    mergeAt: (r, c) => origins.get(`${r},${c}`),
    covered: (r, c) => covered.has(`${r},${c}`),
    lastRow,
  };
}

function hasBorder(cell: SheetCell): boolean {
  const b = cell.style?.border;
  return !!b && !!(b.top || b.bottom || b.left || b.right);
}

type Block = { kind: "table"; top: number; bottom: number; left: number; right: number } | { kind: "line"; row: number };

/** Rows with bordered cells form tables; other rows with text are lines of their own (titles, sources). */
function blocksOf(sheet: SheetDescription): Block[] {
  const byRow = new Map<number, SheetCell[]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  let table: Extract<Block, { kind: "table" }> | null = null;
  for (const r of rows) {
    const cells = byRow.get(r)!;
    const bordered = cells.filter(hasBorder);
    if (bordered.length > 0) {
      const left = Math.min(...bordered.map((c) => c.col));
      const right = Math.max(...bordered.map((c) => c.col));
      if (table && table.bottom === r - 1) {
        table.bottom = r;
        table.left = Math.min(table.left, left);
        table.right = Math.max(table.right, right);
      } else {
        table = { kind: "table", top: r, bottom: r, left, right };
        blocks.push(table);
      }
    } else {
      table = null;
      if (cells.some((c) => c.value !== null && c.value !== "")) blocks.push({ kind: "line", row: r });
    }
  }
  return blocks;
}

function tableHtml(grid: Grid, block: Extract<Block, { kind: "table" }>, language: Language): string {
  const rows: string[] = [];
  for (let r = block.top; r <= block.bottom; r++) {
    const tds: string[] = [];
    for (let c = block.left; c <= block.right; c++) {
      if (grid.covered(r, c)) continue;
      const cell = grid.at(r, c);
      const merge = grid.mergeAt(r, c);
      const span: string[] = [];
      if (merge) {
        const rowspan = Math.min(merge.bottom, block.bottom) - r + 1;
        const colspan = Math.min(merge.right, block.right) - c + 1;
        if (rowspan > 1) span.push(` rowspan="${rowspan}"`);
        if (colspan > 1) span.push(` colspan="${colspan}"`);
      }
      tds.push(`<td${span.join("")} style="${styleCss(cell?.style, true)}">${escapeHtml(cellDisplay(cell, language))}</td>`);
    }
    rows.push(`<tr>${tds.join("")}</tr>`);
  }
  return (
    `<table style="border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:11pt">` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

function rowTexts(sheet: SheetDescription, row: number, language: Language): string[] {
  return sheet.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => cellDisplay(c, language));
}

function lineHtml(sheet: SheetDescription, row: number, language: Language): string {
  const first = sheet.cells.filter((c) => c.row === row && c.value !== null).sort((a, b) => a.col - b.col)[0];
  const text = rowTexts(sheet, row, language).filter((t) => t !== "").join(" ");
  const css = styleCss(first?.style, false);
  return `<p style="font-family:Calibri,Arial,sans-serif;font-size:11pt${css ? `;${css}` : ""}">${escapeHtml(text)}</p>`;
}

/** The sheet as HTML: each table a `<table>`, each title or note line a `<p>`, in sheet order. */
export function descriptionToHtml(sheet: SheetDescription, language: Language = "en"): string {
  const grid = indexSheet(sheet);
  const parts = blocksOf(sheet).map((b) => (b.kind === "table" ? tableHtml(grid, b, language) : lineHtml(sheet, b.row, language)));
  return `<div>${parts.join("")}</div>`;
}

/** The same content as tab-separated text: one line per row, a blank line between blocks. */
export function descriptionToText(sheet: SheetDescription, language: Language = "en"): string {
  const grid = indexSheet(sheet);
  const out: string[] = [];
  for (const block of blocksOf(sheet)) {
    if (block.kind === "line") {
      out.push(rowTexts(sheet, block.row, language).filter((t) => t !== "").join(" "));
      continue;
    }
    if (out.length > 0) out.push("");
    for (let r = block.top; r <= block.bottom; r++) {
      const cols: string[] = [];
      // A tab or line break inside a label would start another column or row of the pasted table.
      for (let c = block.left; c <= block.right; c++) cols.push(grid.covered(r, c) ? "" : cellDisplay(grid.at(r, c), language).replace(/[\t\r\n]+/g, " "));
      out.push(cols.join("\t"));
    }
    out.push("");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
