/**
 * Reads a header of one or two rows into the column tree of a table: every
 * column gets a kind — a period (a year, a quarter, a project year, or a
 * year merged over Q1..Q4 below it), a measure (budget, expenditure), a
 * member of a dimension (a component column under "Component (USDeq.)"), a
 * total (with the columns it adds up), or not money at all (the row's label,
 * a parent item beside it, codes, responsible party, budget notes, w/m).
 */
import { message, type Message } from "./catalogue";
import { cellAt, cellText, type SheetGrid } from "./grid";
import {
  isComponentGroupHeader,
  isGroupHeaderText,
  isSubtotalHeader,
  isTextColumnHeader,
  ledgerColumnOf,
  leftColumnKind,
  roleFromHeaderText,
} from "./header-words";
import type { MergeIndex } from "./merge-index";
import type { ColumnRole, Period, TableColumn } from "./model";
import { parseMonth, parseMonthOnly, parsePeriodHeader, parseQuarterOnly, parseYear, periodEnd, periodStart } from "./periods";
import { classifyLabel } from "./codes";

/** Where a ledger's date or period, component and amount are (0-based sheet columns). */
export interface LedgerColumns {
  date: number;
  component: number;
  amount: number;
}

export interface HeaderModel {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Columns whose texts make a row's own label (left of the amounts). */
  labelCols: number[];
  /** Every column from `left` to `right`, label columns first. */
  columns: TableColumn[];
  /** The header texts joined, for telling table kinds apart. */
  text: string;
  /** What the reader guessed ("read the columns headed 1–4 as components 1–4"). */
  notes: Message[];
  /** Set when the header is a ledger's: one line per transaction, its period, component and amount in these columns. */
  ledger?: LedgerColumns;
}

/** Words a ledger's date or period column is headed with, unfolded ("Período", "Mes"), looked for before anything else. */
const LEDGER_HINT = /date|per[ií]od|fecha|\bmes\b|month|mois/i;

/**
 * A ledger's header (long format): one row of words naming a date or period
 * column, a component or activity column and one amount column, side by side
 * with others (account, description, reference). Its columns are the
 * header's words: the amount is expenditure, the component the row's label,
 * an account a code, the rest text. The ledger recogniser lays it out.
 */
function readLedgerHeader(sheet: SheetGrid, merges: MergeIndex, row: number, width: number): HeaderModel | null {
  // Most rows name no date or period: one cheap look at the raw texts before any word is folded.
  const cells = sheet.cells[row]!;
  let hinted = false;
  for (let c = 0; c < Math.min(cells.length, width) && !hinted; c++) {
    const v = cells[c]?.value;
    hinted = typeof v === "string" && v.length <= 40 && LEDGER_HINT.test(v);
  }
  if (!hinted) return null;
  const found: Partial<Record<"date" | "component" | "amount", number>> = {};
  let amounts = 0;
  let left = -1;
  let right = -1;
  for (let c = 0; c < width; c++) {
    const cell = merges.shownCell(sheet, row, c);
    if (!cell || typeof cell.value !== "string") continue;
    const t = cellText(cell);
    if (t === "") continue;
    if (left < 0) left = c;
    right = c;
    const kind = ledgerColumnOf(t);
    if (kind === "amount") amounts++;
    // A budget, a commitment or a period beside the amount: a table of its own kind, not a ledger.
    else if (kind === null) {
      const role = roleFromHeaderText(t);
      if (role === "budget" || role === "commitment" || parsePeriodHeader(cell) !== null) return null;
    }
    if (kind !== null && found[kind] === undefined) found[kind] = c;
  }
  if (found.date === undefined || found.component === undefined || found.amount === undefined || amounts !== 1) return null;
  const ledger: LedgerColumns = { date: found.date, component: found.component, amount: found.amount };
  const columns: TableColumn[] = [];
  for (let c = left; c <= right; c++) {
    const header = headerText(sheet, merges, row, c);
    const kind = leftColumnKind(header);
    const role: ColumnRole = c === ledger.amount ? "expenditure" : c === ledger.component ? "label" : kind === "code" ? "code" : "text";
    columns.push({ col: c, header, role });
  }
  const text = columns.map((c) => c.header).join(" | ");
  return { top: row, bottom: row, left, right, labelCols: [ledger.component], columns, text, notes: [], ledger };
}

/** Roles whose cells are money the rules read. */
const AMOUNT_ROLES: ReadonlySet<ColumnRole> = new Set(["period", "budget", "expenditure", "commitment", "member", "rowTotal"]);
/** Roles whose cells are never read at all. */
const NOT_MONEY: ReadonlySet<ColumnRole> = new Set(["label", "outline", "code", "text"]);

export function isAmountRole(role: ColumnRole): boolean {
  return AMOUNT_ROLES.has(role);
}

export function isMoneyRole(role: ColumnRole): boolean {
  return !NOT_MONEY.has(role);
}

interface ColumnGuess {
  header: string;
  role: ColumnRole | null;
  period?: Period;
  component?: string;
  /** "Sub-Total": adds up the member columns to its left. */
  subtotal?: boolean;
  /** A quarter whose year came from the title above ("AWP 2021" over Q1..Q4). */
  yearFromTitle?: number;
}

/** What the header's words are read against: the year a title above names, looked up only when a quarter lacks one. */
interface GuessContext {
  year: () => number | null;
}

/**
 * The year a title or report header above the table names ("Annual Work Plan
 * 2021", "Report period: January - December 2021", "POA 2022"), else the
 * sheet's name ("AWP 2021"); null when none does.
 */
export function titleYear(sheet: SheetGrid, row: number): number | null {
  const find = (text: string) => {
    const years = [...text.matchAll(/(?<![\d.,/-])((?:19|20)\d{2})(?![\d.,/])/g)].map((m) => Number(m[1]));
    return years.length > 0 ? years[years.length - 1] : null;
  };
  for (let r = row - 1; r >= Math.max(0, row - 5); r--) {
    for (const cell of sheet.cells[r] ?? []) {
      if (!cell || typeof cell.value !== "string") continue;
      const y = find(cell.value);
      if (y !== null) return y;
    }
  }
  return find(sheet.name);
}

/**
 * Tries to read a header whose first row is `row`; null when the row is not
 * a header. `width` is the sheet's column count, measured once per sheet by
 * the caller (measuring it here, for every row, made big sheets quadratic).
 */
export function readHeader(sheet: SheetGrid, merges: MergeIndex, row: number, width: number): HeaderModel | null {
  if (!sheet.cells[row]) return null;
  const bare = bareComponentNumbers(sheet, merges, row, width);
  if (!looksLikeHeaderRow(sheet, row, width, bare)) return null;
  const ledger = readLedgerHeader(sheet, merges, row, width);
  if (ledger) return ledger;
  const twoRows = usesSecondRow(sheet, merges, row, width, bare);
  let year: number | null | undefined;
  const ctx: GuessContext = { year: () => (year === undefined ? (year = titleYear(sheet, row)) : year) };
  const guesses = twoRows ? guessTwoRows(sheet, merges, row, width, bare, ctx) : guessOneRow(sheet, merges, row, width, bare, ctx);

  const firstAmount = guesses.findIndex((g) => g.role !== null && isAmountRole(g.role));
  if (firstAmount < 0) return null;
  const periods = guesses.filter((g) => g.role === "period");
  const roles = guesses.filter((g) => g.role === "budget" || g.role === "expenditure");
  const members = guesses.filter((g) => g.role === "member");
  const amountColumns = guesses.filter((g) => g.role !== null && isAmountRole(g.role));
  // A title such as "Work plan and budget" or one lone year is not a header: a header has
  // periods, budget/expenditure words or component columns over two amount columns at least.
  if ((periods.length === 0 && roles.length === 0 && members.length < 2) || amountColumns.length < 2) return null;

  const right = lastColumnOfRun(guesses, firstAmount);
  const left = firstLabelColumn(guesses, firstAmount);
  const hasPeriods = periods.length > 0;
  const columns: TableColumn[] = [];
  const notes: Message[] = [];
  for (let c = left; c <= right; c++) {
    const g = guesses[c];
    if (c < firstAmount) {
      columns.push({ col: c, header: g.header, role: "label" });
      continue;
    }
    // Right of the amounts, a description or a category is text, never money ("Budget Description").
    let role: ColumnRole = g.role === null ? "other" : g.role === "label" || g.role === "outline" ? "text" : g.role;
    // A "Total" column only means something next to period or component columns.
    if (role === "rowTotal" && !hasPeriods && members.length === 0) role = "other";
    // In a per-period table, "Total expenditure" is the row total.
    if (role === "expenditure" && hasPeriods && /^\s*total/i.test(g.header)) role = "rowTotal";
    const column: TableColumn = { col: c, header: g.header, role };
    if (g.period) column.period = g.period;
    if (g.component !== undefined && role === "member") column.component = g.component;
    columns.push(column);
  }
  kindLeftColumns(columns, firstAmount - left);
  linkTotals(columns, guesses);
  const labelCols = columns.filter((c) => c.role === "label").map((c) => c.col);
  if (bare.size > 0 && columns.some((c) => c.role === "member" && bare.has(c.col))) {
    const numbers = [...new Set(bare.values())];
    notes.push(message("note.numberedComponents", { from: String(numbers[0]), to: String(numbers[numbers.length - 1]) }));
  }
  const fromTitle = guesses.slice(left, right + 1).filter((g) => g.yearFromTitle !== undefined && g.role === "period");
  if (fromTitle.length > 0)
    notes.push(message("note.yearFromTitle", { year: String(fromTitle[0].yearFromTitle), columns: fromTitle.map((g) => g.header).join(", ") }));
  // A fiscal year runs July–June: said once, with its dates, so that no one reads FY2022 as the calendar year.
  const fiscal = columns.filter((c) => c.role === "period" && c.period?.startsWith("FY"));
  if (fiscal.length > 0) {
    const first = fiscal[0].period!;
    notes.push(message("note.fiscalYears", { columns: fiscal.length === 1 ? fiscal[0].header : `${fiscal[0].header}–${fiscal[fiscal.length - 1].header}`, period: first, start: periodStart(first), end: periodEnd(first) }));
  }
  const text = guesses.slice(left, right + 1).map((g) => g.header).join(" | ");
  return { top: row, bottom: twoRows ? row + 1 : row, left, right, labelCols, columns, text, notes };
}

/**
 * The columns left of the amounts: codes and text by their header's words;
 * of the rest, the rightmost is the row's own label and the others are
 * parent items (outline) when their header names one ("GEF Outcome",
 * "Expenditure Category"), else more of the label.
 */
function kindLeftColumns(columns: TableColumn[], count: number): void {
  const left = columns.slice(0, count);
  const kinds = left.map((c) => leftColumnKind(c.header));
  let own = -1;
  for (let i = left.length - 1; i >= 0; i--) {
    if (kinds[i] === "label" || kinds[i] === "outline") {
      own = i;
      break;
    }
  }
  left.forEach((c, i) => {
    const k = kinds[i];
    if (k === "code" || k === "text") c.role = k;
    else if (i === own) c.role = "label";
    else c.role = k === "outline" ? "outline" : "label";
  });
}

/**
 * Which columns a total adds up. "Sub-Total" adds the member columns just
 * left of it; a total after members or subtotals adds the top-level columns
 * since the first amount ("Total = Sub-Total + M&E + PMC"). A total beside
 * periods only keeps the old meaning: every period column.
 */
function linkTotals(columns: TableColumn[], guesses: ColumnGuess[]): void {
  let top: number[] = [];
  columns.forEach((c, i) => {
    if (c.role === "member" || c.role === "period") top.push(i);
    if (c.role !== "rowTotal") return;
    const subtotal = guesses[c.col]?.subtotal === true;
    if (subtotal) {
      const run: number[] = [];
      for (let j = i - 1; j >= 0 && columns[j].role === "member"; j--) run.unshift(j);
      if (run.length === 0) return;
      c.sumOf = run;
      top = top.filter((j) => !run.includes(j));
      top.push(i);
      return;
    }
    const hasMembers = top.some((j) => columns[j].role === "member" || columns[j].role === "rowTotal");
    if (hasMembers) c.sumOf = [...top];
  });
}

/**
 * Columns headed by bare numbers 1, 2, 3… in order: UNEP budgets by project
 * component head each component's column with its number only. Column →
 * component number; empty when the row holds no such run.
 */
function bareComponentNumbers(sheet: SheetGrid, merges: MergeIndex, row: number, width: number): Map<number, string> {
  const out = new Map<number, string>();
  let expected = 1;
  let lastText = "";
  for (let c = 0; c < width; c++) {
    const cell = merges.shownCell(sheet, row, c);
    const t = cellText(cell);
    if (t === "") continue;
    if (!/^\d{1,2}$/.test(t)) continue;
    const n = Number(t);
    if (t === lastText && merges.areaAt(row, c)) {
      out.set(c, t);
      continue;
    }
    if (n !== expected) return out.size >= 2 ? out : new Map();
    out.set(c, t);
    lastText = t;
    expected++;
  }
  return expected > 2 ? out : new Map();
}

/** Data rows (a component or output label, or plain amounts that are not years) are never headers. */
function looksLikeHeaderRow(sheet: SheetGrid, row: number, width: number, bare: Map<number, string>): boolean {
  let filled = 0;
  for (let c = 0; c < width; c++) {
    const cell = cellAt(sheet, row, c);
    if (!cell || cell.value === null) continue;
    if (typeof cell.value === "number") {
      // (A month shown "Jan-22" is a date's serial number in Office.js.)
      if (parseYear(cell) === null && !bare.has(c) && parseMonth(cell) === null) return false;
      filled++;
      continue;
    }
    const t = cellText(cell);
    if (t === "") continue;
    filled++;
    // ("Total Budget" is a heading; a total row is caught by its amounts.)
    const k = classifyLabel(t).kind;
    if (k === "output") return false;
    // "Component 1" heads a column of Annex E; as a row label it sits left of amounts, which a header row lacks.
    if (k === "component" && !bare.size && !rowHasComponentColumns(sheet, row, width)) return false;
  }
  return filled >= 2;
}

/** Two or more cells naming components in one row: the component columns of an Annex E header. */
function rowHasComponentColumns(sheet: SheetGrid, row: number, width: number): boolean {
  let n = 0;
  for (let c = 0; c < width; c++) {
    const cell = cellAt(sheet, row, c);
    if (!cell || typeof cell.value !== "string") continue;
    if (classifyLabel(cellText(cell)).kind === "component" && ++n >= 2) return true;
  }
  return false;
}

function headerText(sheet: SheetGrid, merges: MergeIndex, row: number, col: number): string {
  return cellText(merges.shownCell(sheet, row, col));
}

function guessText(header: string, cell: ReturnType<MergeIndex["shownCell"]>, ctx: GuessContext): ColumnGuess {
  // A sentence is a title or a note, not a column heading.
  if (header.length > 90) return { header, role: null };
  const period = parsePeriodHeader(cell);
  if (period) return { header, role: "period", period };
  // "Q1" or "Trimestre 1" alone: the year is in the title ("AWP 2021"); without one it is not guessed.
  const quarter = parseQuarterOnly(header);
  if (quarter !== null) {
    const year = ctx.year();
    return year !== null ? { header, role: "period", period: `${year}-Q${quarter}`, yearFromTitle: year } : { header, role: "text" };
  }
  if (isTextColumnHeader(header)) return { header, role: "text" };
  if (isSubtotalHeader(header)) return { header, role: "rowTotal", subtotal: true };
  const named = classifyLabel(header);
  if (named.kind === "component") return { header, role: "member", component: named.code };
  if (named.kind === "outcome" && !named.code.includes(".")) return { header, role: "member", component: named.code };
  const role = roleFromHeaderText(header);
  return { header, role };
}

function guessOne(sheet: SheetGrid, merges: MergeIndex, row: number, col: number, bare: Map<number, string>, ctx: GuessContext): ColumnGuess {
  const cell = merges.shownCell(sheet, row, col);
  const header = cellText(cell);
  const number = bare.get(col);
  if (number !== undefined) return { header, role: "member", component: String(Number(number)) };
  return guessText(header, cell, ctx);
}

function guessOneRow(sheet: SheetGrid, merges: MergeIndex, row: number, width: number, bare: Map<number, string>, ctx: GuessContext): ColumnGuess[] {
  const out: ColumnGuess[] = [];
  for (let c = 0; c < width; c++) out.push(guessOne(sheet, merges, row, c, bare, ctx));
  return out;
}

/** Words under a group that only say "this is money": the group says what money. */
const MONEY_ONLY = /^\s*(?:us\s?\$|usd|amount|monto|importe|montant|\$|cost|costo|coste|eur|€)\s*(?:\(.*\))?\s*$/i;

/**
 * A second header row is in use when it holds quarters under years,
 * Budget/Expenditure under a group heading such as "GEF Fund (USD)",
 * components under "Component (USDeq.)", or w/m | US$ under component numbers.
 */
function usesSecondRow(sheet: SheetGrid, merges: MergeIndex, row: number, width: number, bare: Map<number, string>): boolean {
  for (let c = 0; c < width; c++) {
    const below = cellAt(sheet, row + 1, c);
    const belowText = cellText(below);
    if (belowText === "") continue;
    const area = merges.areaAt(row + 1, c);
    if (area && area.top <= row) continue; // merged down from the first row
    if (parseQuarterOnly(belowText) !== null) return true;
    const top = headerText(sheet, merges, row, c);
    if (parseMonthOnly(belowText) !== null && parseYear(merges.shownCell(sheet, row, c)) !== null) return true;
    const role = roleFromHeaderText(belowText);
    if ((role === "budget" || role === "expenditure") && isGroupHeaderText(top)) return true;
    // Components under a group title merged across them ("Component (USDeq.)"); a lone
    // "Component" over "Component 1" is a label column's header over its first row.
    const group = merges.areaAt(row, c);
    if (classifyLabel(belowText).kind === "component" && isComponentGroupHeader(top) && group && group.right > group.left) return true;
    if ((MONEY_ONLY.test(belowText) || isTextColumnHeader(belowText)) && (bare.has(c) || parsePeriodHeader(merges.shownCell(sheet, row, c)) !== null || /^total/i.test(top)))
      return true;
  }
  return false;
}

function guessTwoRows(sheet: SheetGrid, merges: MergeIndex, row: number, width: number, bare: Map<number, string>, ctx: GuessContext): ColumnGuess[] {
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
      out.push(guessOne(sheet, merges, row, c, bare, ctx));
      continue;
    }
    const quarter = parseQuarterOnly(bottomText);
    if (quarter !== null && year !== null) {
      out.push({ header: `${year} ${bottomText}`, role: "period", period: `${year}-Q${quarter}` });
      continue;
    }
    // A year merged over the months of a monthly plan ("2022" over Jan … Dec).
    const month = year !== null ? parseMonthOnly(bottomText) : null;
    if (month !== null && year !== null) {
      out.push({ header: `${bottomText} ${year}`, role: "period", period: `${year}-${String(month).padStart(2, "0")}` });
      continue;
    }
    const joined = topText && topText !== bottomText ? `${topText} ${bottomText}` : bottomText;
    // Work-months, units, notes under a component or a year: quantities, never money.
    if (isTextColumnHeader(bottomText)) {
      out.push({ header: joined, role: "text" });
      continue;
    }
    // "US$" under "1" or "2021" or "Total": the group above says what the money is.
    if (MONEY_ONLY.test(bottomText)) {
      const above = guessOne(sheet, merges, row, c, bare, ctx);
      out.push({ ...above, header: joined });
      continue;
    }
    const below = guessText(bottomText, cellAt(sheet, row + 1, c), ctx);
    if (below.role !== null) {
      out.push({ ...below, header: joined });
      continue;
    }
    out.push(guessOne(sheet, merges, row, c, bare, ctx));
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
