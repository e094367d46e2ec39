/** A work plan: a component's amounts over all periods pass its total budget. */
import { planAboveBudget, planOverspend } from "./overspend";
import { defineRule } from "./rule";

export const messages = { "overspend.plan": planAboveBudget };

export const id = "overspend.plan";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Plan above budget", es: "Plan por encima del presupuesto" },
    amounts: { en: { expected: "Budget", actual: "Sum to that period" }, es: { expected: "Presupuesto", actual: "Suma hasta ese período" } },
    severity: "error",
    what: "work plan: a component's amounts (or the Total row's) over all periods pass its total budget; `period` is where the running total crosses it",
    example: "Component 1: by 2022 Q4 the amounts add up to 236,354.50, above the total budget of 235,000.00 (by 1,354.50). Over all periods: 261,354.50.",
  },
  pirMark: "plan",
  // The Total row too: a plan whose periods add up past its Total Budget is over budget as a whole.
  check: (tables, s) => planOverspend("overspend.plan", ["component", "total"], tables, s),
});
