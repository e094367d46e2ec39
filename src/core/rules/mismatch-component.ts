/**
 * A component that one table budgets or plans and another leaves out
 * altogether: the two tables do not cover the same project, and every
 * comparison between them (budget, expenditure) is silent on it. The budget
 * table is the reference, as for the other mismatch rules; work plans and
 * other budget tables are compared with it, across workbooks too.
 * Expenditure reports are not: a period's report lists only what was spent.
 */
import { componentAmounts } from "../facts";
import { placeName } from "../grid";
import type { Finding, Table } from "../model";
import { beyond, makeFinding } from "./finding";
import { money, subject, type Language } from "./messages";
import { defineRule, type Template } from "./rule";

export interface AbsentParams {
  component: string;
  value: number;
  /** Where the amount is: "file › sheet!cell". */
  place: string;
  /** The table without the component: "file › sheet!range". */
  other: string;
  /** Which of the two is the budget table. */
  budgetHasIt: boolean;
}

const what = (p: AbsentParams, lang: Language) =>
  p.budgetHasIt ? (lang === "es" ? "un presupuesto" : "a budget") : lang === "es" ? "un monto planificado" : "a planned amount";

export const messages = {
  "mismatch.component": {
    en: (p: AbsentParams) =>
      `${subject(p.component, null, "en")} has ${what(p, "en")} of ${money(p.value, "en")} in ${p.place} but does not appear in ${p.other}: the two tables do not cover the same components.`,
    es: (p: AbsentParams) =>
      `${subject(p.component, null, "es")} tiene ${what(p, "es")} de ${money(p.value, "es")} en ${p.place} pero no aparece en ${p.other}: las dos tablas no cubren los mismos componentes.`,
  } satisfies Template<AbsentParams>,
};

export const id = "mismatch.component";

/** Every component a table names anywhere: its rows (outputs included) and its component columns. */
function componentsNamed(t: Table): Set<string> {
  const out = new Set<string>();
  for (const r of t.rows) if (r.component !== null) out.add(r.component);
  for (const c of t.columns) if (c.role === "member" && c.component) out.add(c.component);
  return out;
}

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Component missing from a table", es: "Componente ausente de una tabla" },
    amounts: { en: { expected: "Other table", actual: "This table" }, es: { expected: "Otra tabla", actual: "Esta tabla" } },
    severity: "warning",
    what: "a component that the budget table or a work plan gives an amount and the other leaves out altogether",
    example:
      "Component 3 has a budget of 900,000.00 in plan-budget-slips.xlsx › Budget!B6 but does not appear in plan-budget-slips.xlsx › Work plan!A3:G12: the two tables do not cover the same components.",
  },
  pirMark: "crossBudget",
  check: (tables, s) => {
    const out: Finding[] = [];
    const budgets = tables.filter((t) => t.kind === "budget");
    const reference = budgets[0];
    if (!reference) return out;
    const referenceNames = componentsNamed(reference);
    for (const other of tables) {
      if (other === reference || other.kind === "expenditure") continue;
      const otherAmounts = componentAmounts(other);
      // A table that names no component (a list of budget lines) says nothing about which are missing.
      if (otherAmounts.length === 0) continue;
      const otherNames = componentsNamed(other);
      const report = (from: Table, cell: string, component: string, value: number, to: Table, budgetHasIt: boolean) =>
        out.push(
          makeFinding(from, {
            rule: "mismatch.component",
            severity: "warning",
            cell,
            component,
            output: null,
            period: null,
            expected: null,
            actual: value,
            message: messages["mismatch.component"][s.language]({
              component,
              value,
              place: placeName(from.file, from.sheet, cell),
              other: placeName(to.file, to.sheet, to.range),
              budgetHasIt,
            }),
          }),
        );
      // An amount of nothing (under a cent) gives a component nothing to miss.
      const some = (v: number) => beyond(Math.abs(v), 0);
      for (const a of componentAmounts(reference)) if (some(a.value) && !otherNames.has(a.component)) report(reference, a.cell, a.component, a.value, other, true);
      for (const a of otherAmounts) if (some(a.value) && !referenceNames.has(a.component)) report(other, a.cell, a.component, a.value, reference, other.kind === "budget");
    }
    return out;
  },
});
