/**
 * Reads a header of one or two rows into typed columns: periods (a year, a
 * quarter, or a year merged over Q1..Q4 below it), budget, expenditure, row
 * totals, and the label columns to the left of the first amount column.
 */
import { cellAt, cellText, type SheetGrid } from "./grid";
import { isGroupHeaderText, roleFromHeaderText } from "./header-words";
import type { MergeIndex } from "./merge-index";
import type { ColumnRole, Period, TableColumn } from "./model";
import { parsePeriodHeader, parseQuarterOnly, parseYear } from "./periods";
import { classifyLabel } from "./codes";

export interface HeaderModel {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Columns left of the first amount column, joined to make a row's label. */
  labelCols: number[];
  /** Every column from `left` to `right`, label columns first. */
  columns: TableColumn[];
  /** The header texts joined, for telling table kinds apart. */
  text: string;
}

const AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set(["period", "budget", "expenditure", "rowTotal"]);

export function isAmountRole(role: ColumnRole): boolean {
  return AMOUNT_ROLES.has(role);
}

interface ColumnGuess {
  header: string;
  role: ColumnRole | "label" | null;
  period?: Period;
}

/**
 * Tries to read a header whose first row is `row`; null when the row is not
 * a header. `width` is the sheet's column count, measured once per sheet by
 * the caller (measuring it here, for every row, made big sheets quadratic).
 */
export function readHeader(sheet: SheetGrid, merges: MergeIndex, row: number, width: number): HeaderModel | null {
  if (!sheet.cells[row]) return null;
  if (!looksLikeHeaderRow(sheet, row, width)) return null;
  const twoRows = usesSecondRow(sheet, merges, row, width);
  const guesses = twoRows ? guessTwoRows(sheet, merges, row, width) : guessOneRow(sheet, merges, row, width);

  const firstAmount = guesses.findIndex((g) => g.role !== null && g.role !== "label" && isAmountRole(g.role));
  if (firstAmount < 0) return null;
  const periods = guesses.filter((g) => g.role === "period");
  const roles = guesses.filter((g) => g.role === "budget" || g.role === "expenditure");
  const amountColumns = guesses.filter((g) => g.role !== null && g.role !== "label" && isAmountRole(g.role));
  // A title such as "Work plan and budget" or one lone year is not a header:
  // a header has periods or budget/expenditure words over two amount columns at least.
  if ((periods.length === 0 && roles.length === 0) || amountColumns.length < 2) return null;

  const right = lastColumnOfRun(guesses, firstAmount);
  const left = firstLabelColumn(guesses, firstAmount);
  const hasPeriods = periods.length > 0;
  const columns: TableColumn[] = [];
  const labelCols: number[] = [];
  for (let c = left; c <= right; c++) {
    const g = guesses[c];
    if (c < firstAmount) {
      labelCols.push(c);
      columns.push({ col: c, header: g.header, role: "label" });
      continue;
    }
    let role: ColumnRole = g.role === null || g.role === "label" ? "other" : g.role;
    // A "Total" column only means something next to period columns.
    if (role === "rowTotal" && !hasPeriods) role = "other";
    // In a per-period table, "Total expenditure" is the row total.
    if (role === "expenditure" && hasPeriods && /^\s*total/i.test(g.header)) role = "rowTotal";
    columns.push(g.period ? { col: c, header: g.header, role, period: g.period } : { col: c, header: g.header, role });
  }
  const text = guesses.slice(left, right + 1).map((g) => g.header).join(" | ");
  return { top: row, bottom: twoRows ? row + 1 : row, left, right, labelCols, columns, text };
}

/** Data rows (a component or output label, or plain amounts that are not years) are never headers. */
function looksLikeHeaderRow(sheet: SheetGrid, row: number, width: number): boolean {
  let filled = 0;
  for (let c = 0; c < width; c++) {
    const cell = cellAt(sheet, row, c);
    if (!cell || cell.value === null) continue;
    if (typeof cell.value === "number") {
      if (parseYear(cell) === null) return false;
      filled++;
      continue;
    }
    const t = cellText(cell);
    if (t === "") continue;
    filled++;
    // ("Total Budget" is a heading; a total row is caught by its amounts.)
    const k = classifyLabel(t).kind;
    if (k === "component" || k === "output") return false;
  }
  return filled >= 2;
}

function headerText(sheet: SheetGrid, merges: MergeIndex, row: number, col: number): string {
  return cellText(merges.shownCell(sheet, row, col));
}

function guessOne(sheet: SheetGrid, merges: MergeIndex, row: number, col: number): ColumnGuess {
  const cell = merges.shownCell(sheet, row, col);
  const header = cellText(cell);
  // A sentence is a title or a note, not a column heading.
  if (header.length > 80) return { header, role: null };
  const period = parsePeriodHeader(cell);
  if (period) return { header, role: "period", period };
  return { header, role: roleFromHeaderText(header) };
}

function guessOneRow(sheet: SheetGrid, merges: MergeIndex, row: number, width: number): ColumnGuess[] {
  const out: ColumnGuess[] = [];
  for (let c = 0; c < width; c++) out.push(guessOne(sheet, merges, row, c));
  return out;
}

/**
 * A second header row is in use when it holds quarters under years, or
 * Budget/Expenditure under a group heading such as "GEF Fund (USD)".
 */
function usesSecondRow(sheet: SheetGrid, merges: MergeIndex, row: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const below = cellAt(sheet, row + 1, c);
    const belowText = cellText(below);
    if (belowText === "") continue;
    const area = merges.areaAt(row + 1, c);
    if (area && area.top <= row) continue; // merged down from the first row
    if (parseQuarterOnly(belowText) !== null) return true;
    const role = roleFromHeaderText(belowText);
    if ((role === "budget" || role === "expenditure") && isGroupHeaderText(headerText(sheet, merges, row, c))) return true;
  }
  return false;
}

function guessTwoRows(sheet: SheetGrid, merges: MergeIndex, row: number, width: number): ColumnGuess[] {
  const out: ColumnGuess[] = [];
  let year: number | null = null;
  for (let c = 0; c < width; c++) {
    const topCell = merges.shownCell(sheet, row, c);
    const topText = cellText(topCell);
    const topYear = parseYear(topCell);
    if (topYear !== null) year = topYear;
    else if (topText !== "") year = null;
    const area = merges.areaAt(row + 1, c);
    const mergedDown = area !== undefined && area.top <= row;
    const bottomText = mergedDown ? "" : cellText(cellAt(sheet, row + 1, c));
    if (bottomText === "") {
      out.push(guessOne(sheet, merges, row, c));
      continue;
    }
    const quarter = parseQuarterOnly(bottomText);
    if (quarter !== null && year !== null) {
      out.push({ header: `${year} ${bottomText}`, role: "period", period: `${year}-Q${quarter}` });
      continue;
    }
    const below = guessOne(sheet, merges, row + 1, c);
    if (below.role !== null) {
      out.push({ header: topText && topText !== bottomText ? `${topText} ${bottomText}` : bottomText, role: below.role, period: below.period });
      continue;
    }
    out.push(guessOne(sheet, merges, row, c));
  }
  return out;
}

/** The amount columns run right from the first one until two empty header cells in a row. */
function lastColumnOfRun(guesses: ColumnGuess[], first: number): number {
  let last = first;
  let empties = 0;
  for (let c = first + 1; c < guesses.length; c++) {
    if (guesses[c].header === "") {
      if (++empties >= 2) break;
      continue;
    }
    empties = 0;
    last = c;
  }
  return last;
}

/** Label columns: the column just left of the amounts, and headed columns contiguous to it. */
function firstLabelColumn(guesses: ColumnGuess[], firstAmount: number): number {
  if (firstAmount === 0) return 0;
  let left = firstAmount - 1;
  for (let c = firstAmount - 2; c >= 0; c--) {
    if (guesses[c].header === "") break;
    left = c;
  }
  return left;
}
