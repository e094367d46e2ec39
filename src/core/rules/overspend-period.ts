/**
 * An expenditure report above the work plan for a period. A report is held
 * against the plan of its own workbook when there is one, else every plan.
 * The periods are matched by their dates (periods.ts matchPeriods): a
 * report's quarters or months are added up where the plan has the year; a
 * year-to-date report ("January – June 2022") is held against the plan's
 * quarters up to its end, not the whole year's plan; a fiscal year against
 * the quarters it covers.
 */
import { placeName } from "../grid";
import type { Finding, Table, TableRow } from "../model";
import { matchPeriods } from "../periods";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { who } from "./messages";
import { spentAbovePlan } from "./overspend";
import { defineRule } from "./rule";
import { amountAt, cellOf, periodColumns } from "./table-access";

export const messages = { "overspend.period": spentAbovePlan };

export const id = "overspend.period";

function rowKey(r: TableRow): string | null {
  if (r.kind === "output" && r.output) return `o:${r.component ?? ""}:${r.output}`;
  if (r.kind === "component" && r.component) return `c:${r.component}`;
  return null;
}

/** Expenditure above plan, span by span. */
export function periodOverspend(spent: Table, plan: Table, s: Settings): Finding[] {
  const planRows = new Map<string, TableRow>();
  for (const r of plan.rows) {
    const k = rowKey(r);
    if (k && !planRows.has(k)) planRows.set(k, r);
  }
  const matches = matchPeriods(periodColumns(plan), periodColumns(spent));
  const out: Finding[] = [];
  for (const r of spent.rows) {
    const k = rowKey(r);
    const p = k ? planRows.get(k) : undefined;
    if (!p) continue;
    for (const m of matches) {
      let actual = 0;
      for (const sc of m.spent) actual += amountAt(r, sc.index) ?? 0;
      let planned = 0;
      for (const pc of m.plan) planned += amountAt(p, pc.index) ?? 0;
      if (!beyond(actual - planned, s.tolerance)) continue;
      const cell = cellOf(r, m.spent[m.spent.length - 1].index)?.cell ?? cellOf(r, m.spent[0].index)?.cell;
      if (!cell) continue;
      out.push(
        makeFinding(spent, {
          rule: "overspend.period",
          severity: "warning",
          cell,
          component: r.component,
          output: r.output,
          period: m.period,
          expected: planned,
          actual,
          message: spentAbovePlan[s.language]({ who: who(r), period: m.period, spent: actual, planned, plan: placeName(plan.file, plan.sheet) }),
        }),
      );
    }
  }
  return out;
}

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Expenditure above plan in a period", es: "Gasto por encima del plan en un período" },
    amounts: { en: { expected: "Plan", actual: "Expenditure" }, es: { expected: "Plan", actual: "Gasto" } },
    severity: "warning",
    what: "an expenditure report above the work plan for a period (quarters added up where the plan has the year; a year-to-date report against the plan up to its end)",
    example: "Output 2.1: in 2022 Q3 expenditure 34,870.40 is above the plan of 30,000.00 (by 4,870.40; plan in multi-table.xlsx › Budget and plan).",
  },
  pirMark: "plan",
  check: (tables, s) => {
    const plans = tables.filter((t) => t.kind === "workplan");
    return tables
      .filter((t) => t.kind === "expenditure")
      .flatMap((spent) => {
        const own = plans.filter((p) => p.file === spent.file);
        return (own.length > 0 ? own : plans).flatMap((plan) => periodOverspend(spent, plan, s));
      });
  },
});
