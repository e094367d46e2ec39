/**
 * Periods a table states outside its columns. A UNDP Annual Work Plan marks
 * its timeframe with "X" under Q1..Q4 and gives one Amount per line: the
 * marks are not money, and the Amount is the plan for the year its title
 * names ("AWP 2021"). A Combined Delivery Report states its period in its
 * header ("January - December 2021") over one Expenditures column.
 */
import { message, type Message } from "./catalogue";
import { cellAt, type SheetGrid } from "./grid";
import { ledgerColumnOf, soundsLikeExpenditure } from "./header-words";
import type { TableColumn } from "./model";
import { parseReportSpan } from "./periods";

/** "X", "x", "✓", "•": a mark in a timeframe cell, never an amount. */
const MARK = /^\s*(?:x{1,2}|[✓✔√•●■▪*+])\s*$/i;

/** Words that only say "this is money", heading a plan's single amount column. */
const AMOUNT_ONLY = /^\s*(?:amount|planned amount|monto|importe|montant|cost|costo|coût|budget amount)\s*(?:\(.*\))?\s*$/i;

function runName(columns: TableColumn[]): string {
  return columns.length === 1 ? columns[0].header : `${columns[0].header}–${columns[columns.length - 1].header}`;
}

/** How far below the header the cells are looked at: a timeframe shows in its first lines. */
const ROWS_LOOKED_AT = 200;

/**
 * Turns period columns whose cells below the header hold marks and no
 * number into text columns (so the rows are read without them); then, when
 * no period is left and the title names a year, reads a lone "Amount" column
 * as that year's plan. Changes `columns` in place; returns what it did.
 */
export function readSchedule(sheet: SheetGrid, columns: TableColumn[], headerBottom: number, year: number | null): Message[] {
  const notes: Message[] = [];
  const schedule: TableColumn[] = [];
  const last = Math.min(sheet.cells.length - 1, headerBottom + ROWS_LOOKED_AT);
  for (const c of columns) {
    if (c.role !== "period") continue;
    let marks = 0;
    let numbers = 0;
    for (let r = headerBottom + 1; r <= last && numbers === 0; r++) {
      const cell = cellAt(sheet, r, c.col);
      if (!cell || cell.value === null || cell.value === "") continue;
      if (typeof cell.value === "string" && MARK.test(cell.value)) marks++;
      else numbers++;
    }
    if (marks === 0 || numbers > 0) continue;
    c.role = "text";
    delete c.period;
    schedule.push(c);
  }
  if (schedule.length === 0) return notes;
  notes.push(message("note.schedule", { columns: runName(schedule) }));
  if (year === null || columns.some((c) => c.role === "period")) return notes;
  // The one money column left ("Amount", "PLANNED BUDGET Amount (USD)") is the year's plan.
  const money = columns.filter((c) => c.role === "other" || c.role === "budget" || c.role === "rowTotal");
  const amount = money.length === 1 ? money : money.filter((c) => AMOUNT_ONLY.test(c.header));
  if (amount.length !== 1) return notes;
  amount[0].role = "period";
  amount[0].period = String(year);
  notes.push(message("note.amountForYear", { column: amount[0].header, year: String(year) }));
  return notes;
}

/**
 * An expenditure report for one period named above it (a CDR): its
 * Expenditures column becomes that period's expenditure — the span of
 * months the header states ("January - June 2022": 2022-Q1/2022-Q2, a year
 * to date), else the year it names — its Encumbrance stays a commitment,
 * and its "Total" adds the two up.
 */
export function readReportPeriod(columns: TableColumn[], title: string | null, year: number | null): Message[] {
  if (!title || !soundsLikeExpenditure(title)) return [];
  // A ledger dates each line itself (recognizers/ledger.ts): its header's period is not its amount column's.
  if (columns.some((c) => ledgerColumnOf(c.header) === "date")) return [];
  const period = parseReportSpan(title) ?? (year === null ? null : String(year));
  if (period === null) return [];
  if (columns.some((c) => c.role === "period" || c.role === "budget" || c.role === "member")) return [];
  const spent = columns.filter((c) => c.role === "expenditure");
  if (spent.length !== 1) return [];
  spent[0].role = "period";
  spent[0].period = period;
  const total = columns.findIndex((c) => c.role === "other" && /^\s*total\s*$/i.test(c.header));
  if (total >= 0) {
    columns[total].role = "rowTotal";
    columns[total].sumOf = columns.flatMap((c, i) => (c === spent[0] || c.role === "commitment" ? [i] : []));
  }
  return [message("note.reportPeriod", { column: spent[0].header, period })];
}
