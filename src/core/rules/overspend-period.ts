/**
 * An expenditure report above the work plan for a period. A report is held
 * against the plan of its own workbook when there is one, else every plan.
 */
import { periodOverspend, spentAbovePlan } from "./overspend";
import { defineRule } from "./rule";

export const messages = { "overspend.period": spentAbovePlan };

export const id = "overspend.period";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Expenditure above plan in a period", es: "Gasto por encima del plan en un período" },
    amounts: { en: { expected: "Plan", actual: "Expenditure" }, es: { expected: "Plan", actual: "Gasto" } },
    severity: "warning",
    what: "an expenditure report above the work plan for a period (quarters added up where the plan has the year)",
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
