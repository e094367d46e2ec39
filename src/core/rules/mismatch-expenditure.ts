/** A component's cumulative expenditure told differently by two tables. */
import { mismatches, spentMismatch } from "./mismatch";
import { defineRule } from "./rule";

export const messages = { "mismatch.expenditure": spentMismatch };

export const id = "mismatch.expenditure";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Expenditure disagrees", es: "Gastos no coinciden" },
    amounts: { en: { expected: "Other table", actual: "This table" }, es: { expected: "Otra tabla", actual: "Esta tabla" } },
    severity: "error; warning when the other figure is a work plan's periods added up to the end of the reporting period",
    what: "cumulative expenditure differs between two tables (an expenditure report counts only when it runs from the project's start: a CDR of one year is no spending to date)",
    example:
      "Component 1: cumulative expenditure is 242,717.56 here but 221,354.50 in peru-sizd-workplan.xlsx › Work plan!I5 (the work plan's periods 2018 – 2022 Q2 added up: those that end by the close of FY22); a difference of 21,363.06.",
  },
  pirMark: "crossExpenditure",
  check: (tables, s) => mismatches("mismatch.expenditure", tables, s),
});
