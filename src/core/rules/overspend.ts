/**
 * Spending past what was approved: a budget table's expenditure above its
 * budget (overspend.component), a work plan's amounts adding up past a row's
 * total budget (overspend.plan for components, overspend.output for outputs),
 * and an expenditure report above the plan for a period (overspend.period).
 */
import { placeName } from "../grid";
import type { Finding, Period, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money, period as periodText, subject } from "./messages";
import { amountAt, cellOf, childrenOf, columnIndex, parentOf, periodColumns } from "./table-access";

export function overspendRules(tables: Table[], settings: Settings): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    if (t.kind === "budget") out.push(...budgetOverspend(t, settings));
    if (t.kind === "workplan") out.push(...planOverspend(t, settings));
  }
  const plans = tables.filter((t) => t.kind === "workplan");
  for (const spent of tables.filter((t) => t.kind === "expenditure")) {
    // A report is held against the plan of its own workbook when there is one.
    const own = plans.filter((p) => p.file === spent.file);
    for (const plan of own.length > 0 ? own : plans) out.push(...periodOverspend(spent, plan, settings));
  }
  return out;
}

function budgetOverspend(t: Table, s: Settings): Finding[] {
  const b = columnIndex(t, "budget");
  const e = columnIndex(t, "expenditure");
  if (b < 0 || e < 0) return [];
  const out: Finding[] = [];
  for (const r of t.rows) {
    if (r.kind !== "component" && r.kind !== "output") continue;
    const budget = amountAt(r, b);
    const spent = amountAt(r, e);
    const cell = cellOf(r, e);
    if (budget === null || spent === null || !cell || !beyond(spent - budget, s.tolerance)) continue;
    const who = subject(r.component, r.output, s.language, r.label);
    out.push(
      makeFinding(t, {
        rule: r.kind === "component" ? "overspend.component" : "overspend.output",
        severity: "error",
        cell: cell.cell,
        component: r.component,
        output: r.output,
        period: null,
        expected: budget,
        actual: spent,
        message:
          s.language === "es"
            ? `${who}: el gasto ${money(spent, "es")} supera el presupuesto ${money(budget, "es")} en ${money(spent - budget, "es")}.`
            : `${who}: expenditure ${money(spent, "en")} is above the budget ${money(budget, "en")} by ${money(spent - budget, "en")}.`,
      }),
    );
  }
  return out;
}

/** A component's single output repeating the component's own amounts adds nothing to report. */
function repeatsOnlyParent(t: Table, r: TableRow): boolean {
  const parent = parentOf(t, r);
  if (!parent) return false;
  const kids = childrenOf(t, parent);
  return kids.length === 1 && r.amounts.every((a, i) => (a?.value ?? 0) === (parent.amounts[i]?.value ?? 0));
}

function planOverspend(t: Table, s: Settings): Finding[] {
  const b = columnIndex(t, "budget");
  const periods = periodColumns(t);
  if (b < 0 || periods.length === 0) return [];
  const out: Finding[] = [];
  for (const r of t.rows) {
    if (r.kind !== "component" && r.kind !== "output") continue;
    const budgetCell = cellOf(r, b);
    const budget = amountAt(r, b);
    if (!budgetCell || budget === null) continue;
    if (r.kind === "output" && repeatsOnlyParent(t, r)) continue;
    let running = 0;
    let crossing: { period: Period; cell: string; total: number } | null = null;
    for (const p of periods) {
      running += amountAt(r, p.index) ?? 0;
      if (!crossing && beyond(running - budget, s.tolerance)) {
        const cell = cellOf(r, p.index);
        crossing = { period: p.period, cell: cell ? cell.cell : budgetCell.cell, total: running };
      }
    }
    if (!crossing) continue;
    const who = subject(r.component, r.output, s.language, r.label);
    const when = periodText(crossing.period, s.language);
    out.push(
      makeFinding(t, {
        rule: r.kind === "component" ? "overspend.plan" : "overspend.output",
        severity: "error",
        cell: crossing.cell,
        component: r.component,
        output: r.output,
        period: crossing.period,
        expected: budget,
        actual: crossing.total,
        message:
          s.language === "es"
            ? `${who}: hasta ${when} los montos suman ${money(crossing.total, "es")}, más que el presupuesto total de ${money(budget, "es")} (en ${money(crossing.total - budget, "es")}). En todos los períodos: ${money(running, "es")}.`
            : `${who}: by ${when} the amounts add up to ${money(crossing.total, "en")}, above the total budget of ${money(budget, "en")} (by ${money(crossing.total - budget, "en")}). Over all periods: ${money(running, "en")}.`,
      }),
    );
  }
  return out;
}

function rowKey(r: TableRow): string | null {
  if (r.kind === "output" && r.output) return `o:${r.component ?? ""}:${r.output}`;
  if (r.kind === "component" && r.component) return `c:${r.component}`;
  return null;
}

/**
 * Expenditure above plan, period by period. Quarters of spending are added
 * up when the plan has the whole year.
 */
function periodOverspend(spent: Table, plan: Table, s: Settings): Finding[] {
  const planRows = new Map<string, TableRow>();
  for (const r of plan.rows) {
    const k = rowKey(r);
    if (k && !planRows.has(k)) planRows.set(k, r);
  }
  const planPeriods = periodColumns(plan);
  const spentPeriods = periodColumns(spent);
  const out: Finding[] = [];
  for (const r of spent.rows) {
    const k = rowKey(r);
    const p = k ? planRows.get(k) : undefined;
    if (!p) continue;
    for (const pc of planPeriods) {
      const inside = spentPeriods.filter((sc) => sc.period === pc.period || sc.period.startsWith(`${pc.period}-`));
      if (inside.length === 0) continue;
      let actual = 0;
      for (const sc of inside) actual += amountAt(r, sc.index) ?? 0;
      const planned = amountAt(p, pc.index) ?? 0;
      if (!beyond(actual - planned, s.tolerance)) continue;
      const last = inside[inside.length - 1];
      const cell = cellOf(r, last.index)?.cell ?? cellOf(r, inside[0].index)?.cell;
      if (!cell) continue;
      const who = subject(r.component, r.output, s.language, r.label);
      const when = periodText(pc.period, s.language);
      out.push(
        makeFinding(spent, {
          rule: "overspend.period",
          severity: "warning",
          cell,
          component: r.component,
          output: r.output,
          period: pc.period,
          expected: planned,
          actual,
          message:
            s.language === "es"
              ? `${who}: en ${when} el gasto ${money(actual, "es")} supera lo planificado ${money(planned, "es")} (en ${money(actual - planned, "es")}; plan en ${placeName(plan.file, plan.sheet)}).`
              : `${who}: in ${when} expenditure ${money(actual, "en")} is above the plan of ${money(planned, "en")} (by ${money(actual - planned, "en")}; plan in ${placeName(plan.file, plan.sheet)}).`,
        }),
      );
    }
  }
  return out;
}
