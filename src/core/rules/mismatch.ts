/**
 * The same component's budget, or its cumulative expenditure, told
 * differently by two tables — in one workbook or across two. The budget
 * table is the reference (it is what the PIR reports); work plans and
 * expenditure reports are compared with it.
 */
import type { Finding, Period, Table, TableRow } from "../model";
import { periodEndsBy } from "../periods";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money, period, subject } from "./messages";
import { placeName } from "../grid";
import { amountAt, cellOf, columnIndex, periodColumns } from "./table-access";

interface Told {
  table: Table;
  cell: string;
  value: number;
  /** True when the figure was derived by adding up a work plan's periods. */
  derived: boolean;
  /** The first and last periods added up, when derived. */
  span?: [Period, Period];
}

function componentRows(t: Table): TableRow[] {
  const seen = new Set<string>();
  return t.rows.filter((r) => {
    if (r.kind !== "component" || r.component === null || seen.has(r.component)) return false;
    seen.add(r.component);
    return true;
  });
}

function budgetTold(t: Table, r: TableRow): Told | null {
  const i = columnIndex(t, "budget");
  const cell = i >= 0 ? cellOf(r, i) : null;
  if (!cell || cell.value === null) return null;
  return { table: t, cell: cell.cell, value: cell.value, derived: false };
}

/** Cumulative expenditure to the end of the reporting period. */
function spentTold(t: Table, r: TableRow, s: Settings): Told | null {
  if (t.kind === "budget") {
    const i = columnIndex(t, "expenditure");
    const cell = i >= 0 ? cellOf(r, i) : null;
    if (!cell || cell.value === null) return null;
    return { table: t, cell: cell.cell, value: cell.value, derived: false };
  }
  const periods = periodColumns(t).filter((p) => periodEndsBy(p.period, s.period.end));
  if (periods.length === 0) return null;
  let sum = 0;
  for (const p of periods) {
    const v = amountAt(r, p.index);
    if (v === null) return null;
    sum += v;
  }
  const last = periods[periods.length - 1];
  const cell = cellOf(r, last.index)?.cell ?? r.amounts.find((a) => a)?.cell;
  if (!cell) return null;
  return { table: t, cell, value: sum, derived: true, span: [periods[0].period, last.period] };
}

export function mismatchRules(tables: Table[], s: Settings): Finding[] {
  const budgets = tables.filter((t) => t.kind === "budget");
  if (budgets.length === 0) return [];
  const reference = budgets[0];
  const others = tables.filter((t) => t !== reference);
  // Each table's component rows by code, looked up once per reference component.
  const byCode = new Map(others.map((t) => [t, new Map(componentRows(t).map((r) => [r.component!, r]))]));
  const out: Finding[] = [];
  for (const ref of componentRows(reference)) {
    const refBudget = budgetTold(reference, ref);
    const refSpent = spentTold(reference, ref, s);
    // Actual expenditure reports, where they cover the component, are the
    // better witness: the work plan's estimate is then not compared as well.
    const reported = others.some((t) => t.kind === "expenditure" && byCode.get(t)!.has(ref.component!));
    for (const t of others) {
      const row = byCode.get(t)!.get(ref.component!);
      if (!row) continue;
      const spentWitness = t.kind === "budget" || t.kind === "expenditure" || !reported;
      if (refBudget && t.kind !== "expenditure") {
        const other = budgetTold(t, row);
        if (other && beyond(Math.abs(other.value - refBudget.value), s.tolerance))
          out.push(disagreement("mismatch.budget", ref, refBudget, other, s));
      }
      if (refSpent && spentWitness) {
        const other = spentTold(t, row, s);
        if (other && beyond(Math.abs(other.value - refSpent.value), s.tolerance))
          out.push(disagreement("mismatch.expenditure", ref, refSpent, other, s));
      }
    }
  }
  return out;
}

function disagreement(rule: "mismatch.budget" | "mismatch.expenditure", row: TableRow, ref: Told, other: Told, s: Settings): Finding {
  const lang = s.language;
  const who = subject(row.component, null, lang, row.label);
  const there = placeName(other.table.file, other.table.sheet, other.cell);
  const what =
    rule === "mismatch.budget" ? (lang === "es" ? "el presupuesto" : "the budget") : lang === "es" ? "el gasto acumulado" : "cumulative expenditure";
  // Name the periods added up: a whole year that ends after the reporting period is left out.
  const span = other.span ? (other.span[0] === other.span[1] ? period(other.span[0], lang) : `${period(other.span[0], lang)} – ${period(other.span[1], lang)}`) : "";
  const derivedNote = other.derived
    ? lang === "es"
      ? ` (suma ${other.table.kind === "workplan" ? "del plan de trabajo" : "de los gastos"}, periodos ${span}, los que terminan a más tardar al cierre de ${s.period.label})`
      : ` (the ${other.table.kind === "workplan" ? "work plan's" : "expenditure report's"} periods ${span} added up: those that end by the close of ${s.period.label})`
    : "";
  const message =
    lang === "es"
      ? `${who}: ${what} es ${money(ref.value, "es")} aquí pero ${money(other.value, "es")} en ${there}${derivedNote}; diferencia ${money(Math.abs(ref.value - other.value), "es")}.`
      : `${who}: ${what} is ${money(ref.value, "en")} here but ${money(other.value, "en")} in ${there}${derivedNote}; a difference of ${money(Math.abs(ref.value - other.value), "en")}.`;
  return makeFinding(ref.table, {
    rule,
    // A work plan's past periods may still hold plans rather than actuals: a warning, not an error.
    severity: other.derived && other.table.kind === "workplan" ? "warning" : "error",
    cell: ref.cell,
    component: row.component,
    output: null,
    period: null,
    expected: other.value,
    actual: ref.value,
    message,
  });
}
