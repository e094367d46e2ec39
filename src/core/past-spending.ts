/**
 * What a work plan shows as spent in its past years, per component: its
 * whole-year columns that ended by the close of the reporting period (the
 * seed's 2018–2021). Used to tell which of two tables' figures the plan
 * supports: cumulative expenditure cannot be below it, and a pasted amount
 * is the one that fits the other row.
 */
import { componentRowsByCode } from "./facts";
import type { Period, Table } from "./model";
import { periodEndsBy, projectYearOf } from "./periods";
import type { Settings } from "./settings";

export interface PastSpending {
  value: number;
  from: Period;
  to: Period;
  plan: Table;
  /** The cell of the component's last past year in the plan. */
  cell: string;
}

/** For each component, what the first work plan with past years shows as spent in them. */
export function pastSpending(tables: Table[], s: Settings, plans: Table[] = tables.filter((t) => t.kind === "workplan")): Map<string, PastSpending> {
  const out = new Map<string, PastSpending>();
  for (const plan of plans) {
    const years = plan.columns.flatMap((c, i) =>
      c.role === "period" && c.period && /^\d{4}$/.test(c.period) && projectYearOf(c.period) === null && periodEndsBy(c.period, s.period.end) ? [{ i, period: c.period }] : [],
    );
    if (years.length === 0) continue;
    for (const [component, r] of componentRowsByCode(plan)) {
      if (out.has(component)) continue;
      let value = 0;
      for (const y of years) value += r.amounts[y.i]?.value ?? 0;
      const last = years[years.length - 1];
      out.set(component, { value, from: years[0].period, to: last.period, plan, cell: r.amounts[last.i]?.cell ?? r.amounts.find((a) => a)?.cell ?? "" });
    }
    if (out.size > 0) break;
  }
  return out;
}
