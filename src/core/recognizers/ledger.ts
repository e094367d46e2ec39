/**
 * A ledger (long format): one row per transaction, or per account and
 * month — Date or Period | Component, Outcome or Activity | Account |
 * Description | Amount — as accounting systems export it (a general-ledger
 * extract, an Atlas/Quantum "transactions by activity" list). Read into the
 * same model as the other layouts: one row per component, one column per
 * quarter (months and dates gathered into their quarter; a line dated only
 * by a year or a fiscal year keeps it), each amount the sum of its lines and
 * pointing at the last line's cell. Negative lines (reversals) are amounts;
 * a line whose amount is not one makes its component's period invalid, at
 * that line's cell. Lines without a period or a component are left out and
 * said in a note, never guessed.
 */
import { parseAmount } from "../amounts";
import { message } from "../catalogue";
import { classifyLabel } from "../codes";
import { cellAt, cellText, columnName, rangeAddress, type Cell } from "../grid";
import { soundsLikeWorkPlan } from "../header-words";
import type { AmountCell, Period, TableColumn, TableRow } from "../model";
import { comparePeriods, parsePeriodHeader, periodLabel, quarterOf } from "../periods";
import type { Recognizer } from "./types";

/** Blank rows a ledger may hold between its lines. */
const MAX_GAP = 2;

function monthOf(y: number, m: number): Period | null {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, "0")}` : null;
}

/** A line's period: a date (a value, an Excel serial shown as a date, "2022-03-15", "15/03/2022"), a month, a quarter, a year. */
export function linePeriod(cell: Cell | null | undefined): Period | null {
  if (!cell) return null;
  const v = cell.value;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : monthOf(v.getUTCFullYear(), v.getUTCMonth() + 1);
  if (typeof v === "number") {
    // A date's serial number (Office.js) when its format shows a date; else a year ("2022").
    if (Number.isInteger(v) && v > 32874 && v < 73051 && /[dmy]/i.test(cell.numFmt ?? "")) {
      const d = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
      return monthOf(d.getUTCFullYear(), d.getUTCMonth() + 1);
    }
    return parsePeriodHeader(cell);
  }
  const t = cellText(cell);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    // Day first, as the UN writes dates, unless the second number cannot be a month.
    const monthFirst = Number(m[2]) > 12;
    return monthOf(Number(m[3]), Number(monthFirst ? m[1] : m[2]));
  }
  return parsePeriodHeader(cell);
}

/** The component a line is charged to: "Component 1", "Outcome 2", "ACTIVITY3", "1.2.1" (its component), "1", "PMC". */
export function lineComponent(text: string): string | null {
  if (/^\s*\d{1,2}\s*$/.test(text)) return String(Number(text));
  const c = classifyLabel(text);
  if (c.kind === "component") return c.code;
  if (c.kind === "outcome" || c.kind === "output") return c.code.split(".")[0];
  return null;
}

interface Sum {
  value: number;
  /** The last line's cell, or the first line whose amount is no amount. */
  cell: string;
  invalid?: string;
}

function componentOrder(a: string, b: string): number {
  const rank = (c: string) => (/^\d+$/.test(c) ? Number(c) : c === "M&E" ? 1000 : c === "PMC" ? 1001 : 1002);
  return rank(a) - rank(b) || a.localeCompare(b);
}

export const ledger: Recognizer = {
  id: "ledger",
  accepts: (header) => header.ledger !== undefined,
  read({ sheet, merges, header, isNextHeader }) {
    const at = header.ledger!;
    const amountHeader = header.columns.find((c) => c.col === at.amount)?.header ?? "";
    const componentHeader = header.columns.find((c) => c.col === at.component)?.header ?? "";
    const sums = new Map<string, Map<Period, Sum>>();
    const labels = new Map<string, { label: string; row: number }>();
    const noPeriod: string[] = [];
    const noComponent: string[] = [];
    let lines = 0;
    let gap = 0;
    let lastRow = header.bottom;
    const text = (r: number, c: number) => cellText(merges.shownCell(sheet, r, c));
    for (let r = header.bottom + 1; r < sheet.cells.length; r++) {
      const row = sheet.cells[r];
      const filled = !!row && row.some((c, i) => i >= header.left && i <= header.right && c != null && c.value !== null && c.value !== "");
      if (!filled) {
        if (++gap > MAX_GAP) break;
        continue;
      }
      if (isNextHeader(r)) break;
      gap = 0;
      lastRow = r;
      const amountCell = cellAt(sheet, r, at.amount);
      const parsed = parseAmount(amountCell);
      const componentText = text(r, at.component);
      // A total line closes the ledger: its lines are what count.
      if (row!.some((c, i) => i >= header.left && i <= header.right && c != null && typeof c.value === "string" && classifyLabel(c.value).kind === "total")) break;
      if (parsed.kind === "blank") continue;
      const cell = `${columnName(at.amount)}${r + 1}`;
      lines++;
      const period = linePeriod(cellAt(sheet, r, at.date));
      const component = lineComponent(componentText);
      if (period === null) {
        noPeriod.push(cell);
        continue;
      }
      if (component === null) {
        noComponent.push(cell);
        continue;
      }
      if (!labels.has(component)) labels.set(component, { label: componentText, row: r });
      const unit = quarterOf(period);
      let byPeriod = sums.get(component);
      if (!byPeriod) sums.set(component, (byPeriod = new Map()));
      const sum = byPeriod.get(unit) ?? { value: 0, cell };
      if (sum.invalid === undefined) {
        if (parsed.kind === "amount") byPeriod.set(unit, { value: Math.round((sum.value + parsed.value) * 100) / 100, cell });
        else byPeriod.set(unit, { value: 0, cell, invalid: parsed.raw });
      }
    }
    const range = rangeAddress(header.top, header.left, lastRow, header.right);
    if (sums.size === 0) return { rejected: message("table.noLedgerLines", { range }) };

    const periods = [...new Set([...sums.values()].flatMap((m) => [...m.keys()]))].sort(comparePeriods);
    const columns: TableColumn[] = [
      { col: at.component, header: componentHeader, role: "label" },
      ...periods.map((period): TableColumn => ({ col: at.amount, header: `${amountHeader} ${periodLabel(period, "en")}`, role: "period", period })),
    ];
    const rows: TableRow[] = [...sums.keys()].sort(componentOrder).map((component) => {
      const byPeriod = sums.get(component)!;
      const amounts = columns.map((c): AmountCell | null => {
        const s = c.period ? byPeriod.get(c.period) : undefined;
        if (!s) return null;
        return s.invalid !== undefined ? { cell: s.cell, value: null, invalid: s.invalid } : { cell: s.cell, value: s.value };
      });
      const { label, row } = labels.get(component)!;
      return { row, label, kind: "component", component, output: null, amounts, parent: null };
    });
    const notes = [
      message("note.ledger", {
        lines: String(lines),
        components: String(rows.length),
        from: periods[0],
        to: periods[periods.length - 1],
      }),
    ];
    if (noPeriod.length > 0) notes.push(message("note.ledgerNoPeriod", { count: String(noPeriod.length), first: noPeriod[0] }));
    if (noComponent.length > 0) notes.push(message("note.ledgerNoComponent", { count: String(noComponent.length), first: noComponent[0] }));
    // A ledger of transactions is what was spent, unless its title says it is a plan.
    const title = [header.top - 1, header.top - 2, header.top - 3].filter((r) => r >= 0).map((r) => (sheet.cells[r] ?? []).map((c) => cellText(c)).join(" ")).join(" ");
    return { rows, lastRow, notes, columns, kind: soundsLikeWorkPlan(title) ? "workplan" : "expenditure" };
  },
};
