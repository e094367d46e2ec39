/** A component's budget told differently by two tables, in one workbook or across two. */
import { budgetMismatch, mismatches } from "./mismatch";
import { defineRule } from "./rule";

export const messages = { "mismatch.budget": budgetMismatch };

export const id = "mismatch.budget";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Budgets disagree", es: "Presupuestos no coinciden" },
    amounts: { en: { expected: "Other table", actual: "This table" }, es: { expected: "Otra tabla", actual: "Esta tabla" } },
    severity: "error",
    what: "a component's budget differs between two tables, also across two workbooks (the budget table is the reference); when both totals agree and the gap sits in the lines outside the components (an unlabeled line, a trust fund), it says so",
    example:
      "Component 3: the budget is 889,000.00 here but 1,069,000.00 in peru-sizd-workplan.xlsx › Work plan!C14; a difference of 180,000.00. Both tables add up to 4,114,000.00: the difference sits in the lines outside the components (2,280,000.00 here in B8; 2,100,000.00 in peru-sizd-workplan.xlsx › Work plan!C24).",
  },
  pirMark: "crossBudget",
  check: (tables, s) => mismatches("mismatch.budget", tables, s),
});
