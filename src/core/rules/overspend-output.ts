/** The same as overspend.component and overspend.plan, for an output. */
import { budgetOverspend, planAboveBudget, planOverspend, spentAboveBudget } from "./overspend";
import { defineRule } from "./rule";

export const messages = { "overspend.output.budget": spentAboveBudget, "overspend.output.plan": planAboveBudget };

export const id = "overspend.output";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Output above budget", es: "Producto por encima del presupuesto" },
    amounts: { en: { expected: "Budget", actual: "Spent or planned" }, es: { expected: "Presupuesto", actual: "Gastado o planificado" } },
    severity: "error",
    what: "the same for an output: expenditure above its budget, or a work plan's amounts past its total budget",
    example: "Output 1.1.1: by 2021 the amounts add up to 186,628.11, above the total budget of 154,500.00 (by 32,128.11). Over all periods: 221,138.11.",
  },
  pirMark: "plan",
  check: (tables, s) => [...budgetOverspend("overspend.output", "output", tables, s), ...planOverspend("overspend.output", ["output"], tables, s)],
});
