/**
 * The same component's budget, or its cumulative expenditure, told
 * differently by two tables — in one workbook or across two. The budget
 * table is the reference (it is what the PIR reports); work plans and
 * expenditure reports are compared with it.
 */
import type { Finding, Period, Table, TableRow } from "../model";
import { periodStart, projectYearOf } from "../periods";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money, period, whoText, type Who } from "./messages";
import type { Template } from "./rule";
import { placeName } from "../grid";
import { amountAt, cellOf, columnIndex, periodColumns, type PeriodColumn } from "./table-access";
import { componentAmounts, componentRowsByCode, endsByClose, tableTotal, wholeAmountColumn } from "../facts";

interface Told {
  table: Table;
  cell: string;
  value: number;
  /** True when the figure was derived by adding up a work plan's periods. */
  derived: boolean;
  /** The first and last periods added up, when derived. */
  span?: [Period, Period];
}

/** Each component's budget as the table tells it, in any layout (see ../facts). */
function budgetsTold(t: Table): Map<string, Told> {
  return new Map(componentAmounts(t).map((a) => [a.component, { table: t, cell: a.cell, value: a.value, derived: false }]));
}

/**
 * The table's periods that count as spending to date: those ended by the
 * close of the reporting period. Worked out once per table (mismatches), not per row.
 */
function pastPeriods(t: Table, s: Settings): PeriodColumn[] {
  const all = periodColumns(t);
  // A plan that starts within or after the reporting period holds no past actuals: its sum is no cumulative expenditure.
  const futurePlan = t.kind === "workplan" && all.length > 0 && projectYearOf(all[0].period) === null && periodStart(all[0].period) > s.period.start;
  return futurePlan ? [] : all.filter((p) => endsByClose(p.period, s));
}

/** Cumulative expenditure to the end of the reporting period; `periods` are the table's pastPeriods. */
function spentTold(t: Table, r: TableRow, periods: PeriodColumn[]): Told | null {
  if (t.kind === "budget") {
    const i = columnIndex(t, "expenditure");
    const cell = i >= 0 ? cellOf(r, i) : null;
    if (!cell || cell.value === null) return null;
    return { table: t, cell: cell.cell, value: cell.value, derived: false };
  }
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

/**
 * Whether an expenditure report (a CDR, a ledger) starts where the project
 * does, so that its periods added up are spending to date. A report of one
 * year or half-year is not: held against cumulative expenditure it would
 * show every earlier year's spending as a difference. The project's start is
 * the setting or a workbook's "Start date"; without one, the earliest period
 * of a work plan checked with it (a plan runs from the start); without
 * either, a report over several years is taken as the project's to date,
 * one of a single year (UNDP's annual or year-to-date CDR) is not.
 */
function coversFromStart(t: Table, tables: Table[], s: Settings): boolean {
  const first = periodColumns(t)[0];
  if (!first || projectYearOf(first.period) !== null) return first !== undefined;
  const begins = periodStart(first.period);
  if (s.projectStart) return begins <= s.projectStart.date;
  const planStarts = tables.flatMap((o) => {
    const p = o.kind === "workplan" ? periodColumns(o)[0] : undefined;
    return p && projectYearOf(p.period) === null ? [periodStart(p.period)] : [];
  });
  if (planStarts.length > 0) return planStarts.every((start) => begins <= start);
  const years = new Set(periodColumns(t).map((p) => periodStart(p.period).slice(0, 4)));
  return years.size > 1;
}

/** The findings of one mismatch rule: the reference budget table against every other table. */
export function mismatches(rule: "mismatch.budget" | "mismatch.expenditure", tables: Table[], s: Settings): Finding[] {
  const budgets = tables.filter((t) => t.kind === "budget");
  if (budgets.length === 0) return [];
  const reference = budgets[0];
  // Expenditure reports that hold only part of the project's life tell no cumulative expenditure.
  const others = tables.filter((t) => t !== reference && (rule === "mismatch.budget" || t.kind !== "expenditure" || coversFromStart(t, tables, s)));
  // Each table's component rows and budgets by code, looked up once per reference component.
  const byCode = new Map(others.map((t) => [t, componentRowsByCode(t)]));
  const budgetsOf = new Map(others.map((t) => [t, budgetsTold(t)]));
  const past = new Map([reference, ...others].map((t) => [t, pastPeriods(t, s)]));
  const refRows = componentRowsByCode(reference);
  const refBudgets = budgetsTold(reference);
  const codes = [...new Set([...refRows.keys(), ...refBudgets.keys()])];
  const out: Finding[] = [];
  for (const code of codes) {
    const ref = refRows.get(code) ?? null;
    const refBudget = refBudgets.get(code) ?? null;
    const refSpent = ref ? spentTold(reference, ref, past.get(reference)!) : null;
    const label = ref?.label ?? "";
    // Actual expenditure reports, where they cover the component, are the
    // better witness: the work plan's estimate is then not compared as well.
    const reported = others.some((t) => t.kind === "expenditure" && byCode.get(t)!.has(code));
    for (const t of others) {
      const row = byCode.get(t)!.get(code);
      if (rule === "mismatch.budget" && refBudget && t.kind !== "expenditure") {
        const other = budgetsOf.get(t)!.get(code);
        if (other && beyond(Math.abs(other.value - refBudget.value), s.tolerance))
          out.push(disagreement("mismatch.budget", code, label, refBudget, other, s, reconcile(reference, t, other.value - refBudget.value, s)));
      }
      const spentWitness = t.kind === "budget" || t.kind === "expenditure" || !reported;
      if (rule === "mismatch.expenditure" && row && refSpent && spentWitness) {
        const other = spentTold(t, row, past.get(t)!);
        if (other && beyond(Math.abs(other.value - refSpent.value), s.tolerance))
          out.push(disagreement("mismatch.expenditure", code, label, refSpent, other, s));
      }
    }
  }
  return out;
}

/** The lines outside the components (an unlabeled row, a trust fund below the total): their sum and first cell. */
function outsideLines(t: Table): { value: number; cell: string } | null {
  const col = wholeAmountColumn(t);
  if (col < 0) return null;
  let value = 0;
  let cell: string | null = null;
  for (const r of t.rows) {
    if (!((r.kind === "unlabeled" && r.component === null) || r.kind === "afterTotal")) continue;
    const a = r.amounts[col];
    if (!a || a.value === null) continue;
    value += a.value;
    cell ??= a.cell;
  }
  return cell === null ? null : { value, cell };
}

/**
 * When both tables add up to the same total, a component's gap may be
 * exactly what the lines outside the components differ by: the amount was
 * moved between them. Said in the one finding instead of left unexplained.
 */
function reconcile(reference: Table, other: Table, gap: number, s: Settings): MismatchParams["reconciled"] {
  const totalRef = tableTotal(reference);
  const totalOther = tableTotal(other);
  const here = outsideLines(reference);
  const there = outsideLines(other);
  if (!totalRef || !totalOther || !here || !there || beyond(Math.abs(totalRef.value - totalOther.value), s.tolerance)) return null;
  if (beyond(Math.abs(here.value - there.value - gap), s.tolerance)) return null;
  return { total: totalRef.value, here: here.value, hereCell: here.cell, there: there.value, thereCell: placeName(other.file, other.sheet, there.cell) };
}

export interface MismatchParams {
  who: Who;
  /** The other table's figure and where it is: "file › sheet!cell". */
  here: number;
  there: number;
  place: string;
  /** Set when the other figure is a table's periods added up. */
  derived: { kind: "workplan" | "expenditure" | "budget"; from: Period; to: Period; close: string } | null;
  /** Both totals agree and the gap sits in the lines outside the components. */
  reconciled?: { total: number; here: number; hereCell: string; there: number; thereCell: string } | null;
}

function reconciledText(p: MismatchParams, lang: "en" | "es"): string {
  const r = p.reconciled;
  if (!r) return "";
  return lang === "es"
    ? ` Ambas tablas suman ${money(r.total, "es")}: la diferencia está en las líneas fuera de los componentes (${money(r.here, "es")} aquí en ${r.hereCell}; ${money(r.there, "es")} en ${r.thereCell}).`
    : ` Both tables add up to ${money(r.total, "en")}: the difference sits in the lines outside the components (${money(r.here, "en")} here in ${r.hereCell}; ${money(r.there, "en")} in ${r.thereCell}).`;
}

function derivedText(p: MismatchParams, lang: "en" | "es"): string {
  const d = p.derived;
  if (!d) return "";
  // Name the periods added up: a whole year that ends after the reporting period is left out.
  const span = d.from === d.to ? period(d.from, lang) : `${period(d.from, lang)} – ${period(d.to, lang)}`;
  return lang === "es"
    ? ` (suma ${d.kind === "workplan" ? "del plan de trabajo" : "de los gastos"}, períodos ${span}, los que terminan a más tardar al cierre de ${d.close})`
    : ` (the ${d.kind === "workplan" ? "work plan's" : "expenditure report's"} periods ${span} added up: those that end by the close of ${d.close})`;
}

function mismatchTemplate(en: string, es: string): Template<MismatchParams> {
  return {
    en: (p) =>
      `${whoText(p.who, "en")}: ${en} is ${money(p.here, "en")} here but ${money(p.there, "en")} in ${p.place}${derivedText(p, "en")}; a difference of ${money(Math.abs(p.here - p.there), "en")}.${reconciledText(p, "en")}`,
    es: (p) =>
      `${whoText(p.who, "es")}: ${es} es ${money(p.here, "es")} aquí pero ${money(p.there, "es")} en ${p.place}${derivedText(p, "es")}; diferencia ${money(Math.abs(p.here - p.there), "es")}.${reconciledText(p, "es")}`,
  };
}

export const budgetMismatch = mismatchTemplate("the budget", "el presupuesto");
export const spentMismatch = mismatchTemplate("cumulative expenditure", "el gasto acumulado");

function disagreement(
  rule: "mismatch.budget" | "mismatch.expenditure",
  component: string,
  label: string,
  ref: Told,
  other: Told,
  s: Settings,
  reconciled: MismatchParams["reconciled"] = null,
): Finding {
  const params: MismatchParams = {
    who: { component, output: null, label },
    here: ref.value,
    there: other.value,
    place: placeName(other.table.file, other.table.sheet, other.cell),
    derived: other.derived && other.span ? { kind: other.table.kind, from: other.span[0], to: other.span[1], close: s.period.label } : null,
    reconciled,
  };
  return makeFinding(ref.table, {
    rule,
    // A work plan's past periods may still hold plans rather than actuals: a warning, not an error.
    severity: other.derived && other.table.kind === "workplan" ? "warning" : "error",
    cell: ref.cell,
    component,
    output: null,
    period: null,
    expected: other.value,
    actual: ref.value,
    message: (rule === "mismatch.budget" ? budgetMismatch : spentMismatch)[s.language](params),
  });
}
