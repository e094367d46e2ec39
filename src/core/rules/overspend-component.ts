/** A budget table: a component's expenditure above its budget. */
import { budgetOverspend, spentAboveBudget } from "./overspend";
import { defineRule } from "./rule";

export const messages = { "overspend.component": spentAboveBudget };

export const id = "overspend.component";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Expenditure above budget", es: "Gasto por encima del presupuesto" },
    amounts: { en: { expected: "Budget", actual: "Expenditure" }, es: { expected: "Presupuesto", actual: "Gasto" } },
    severity: "error",
    what: "budget table: expenditure above budget",
    example: "Component 1: expenditure 242,717.56 is above the budget 235,000.00 by 7,717.56.",
  },
  pirMark: "expenditure",
  check: (tables, s) => budgetOverspend("overspend.component", "component", tables, s),
});
