/**
 * Delivery, as UNDP calls it: what an expenditure report spent against what
 * the work plan planned, per component and per plan period that has ended.
 * Shown in the PIR workbook as a small table; low delivery is a note
 * (rules/delivery-low.ts), never an error.
 */
import { componentRowsByCode, endedPeriodColumns } from "./facts";
import type { Period, Table } from "./model";
import { matchPeriods } from "./periods";
import type { Settings } from "./settings";

export interface Delivery {
  component: string;
  /** The plan's label for the component. */
  label: string;
  period: Period;
  planned: number;
  spent: number;
  /** spent ÷ planned; null when nothing was planned. */
  rate: number | null;
  plan: Table;
  report: Table;
  /** The report's cell for the period (its last one inside the plan's period). */
  cell: string;
}

/** The plans an expenditure report is held against: those of its own workbook when there are any, else every plan. */
export function plansFor(spent: Table, tables: Table[]): Table[] {
  const plans = tables.filter((t) => t.kind === "workplan");
  const own = plans.filter((p) => p.file === spent.file);
  return own.length > 0 ? own : plans;
}

/**
 * Per component, and per span of the plan's ended periods that the report
 * covers whole (a report's quarters added up to the plan's year; a
 * year-to-date report against the plan's quarters up to its end). A report
 * of part of a plan's period gives no delivery for it: half a year spent
 * against the whole year's plan is no rate.
 */
export function deliveryOf(tables: Table[], settings: Settings): Delivery[] {
  const out: Delivery[] = [];
  for (const report of tables.filter((t) => t.kind === "expenditure")) {
    const spentRows = componentRowsByCode(report);
    const reportPeriods = report.columns.flatMap((c, index) => (c.role === "period" && c.period ? [{ index, period: c.period }] : []));
    for (const plan of plansFor(report, tables)) {
      const matches = matchPeriods(endedPeriodColumns(plan, settings), reportPeriods).filter((m) => m.complete);
      for (const [component, planRow] of componentRowsByCode(plan)) {
        const spentRow = spentRows.get(component);
        if (!spentRow) continue;
        for (const m of matches) {
          const planned = m.plan.reduce((a, pc) => a + (planRow.amounts[pc.index]?.value ?? 0), 0);
          const cells = m.spent.map((rp) => spentRow.amounts[rp.index]).filter((a) => a !== null && a !== undefined);
          if (cells.some((a) => a!.value === null)) continue;
          const spent = cells.reduce((a, c) => a + c!.value!, 0);
          const cell = cells.length > 0 ? cells[cells.length - 1]!.cell : null;
          if (cell === null) continue;
          out.push({ component, label: planRow.label, period: m.period, planned, spent, rate: planned > 0 ? spent / planned : null, plan, report, cell });
        }
      }
    }
  }
  return out;
}
