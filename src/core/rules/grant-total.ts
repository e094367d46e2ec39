/**
 * The budget's total against the GEF grant, when the grant is known (a
 * setting, or a workbook cell "GEF Project Financing"): the seed's PIR cover
 * says 4,114,400 while its tables add up to 4,114,000. Only tables that
 * budget the whole project are compared: a budget table, a TBWP by project
 * year, an Annex E matrix, a work plan with a Total Budget column.
 */
import { tableTotal, wholeAmountColumn } from "../facts";
import type { Finding, Table } from "../model";
import { projectYearOf } from "../periods";
import { beyond, makeFinding } from "./finding";
import { money } from "./messages";
import { defineRule, type Template } from "./rule";

function budgetsWholeProject(t: Table): boolean {
  if (t.kind === "expenditure") return false;
  if (t.kind === "budget" || t.columns.some((c) => c.role === "member" || c.role === "budget")) return true;
  const periods = t.columns.filter((c) => c.period);
  // Project years budget the whole project, also once read as calendar years from the project's start.
  const projectYears = periods.every((c) => projectYearOf(c.period!) !== null) || t.notes.some((n) => n.code === "note.projectYears");
  return periods.length > 0 && projectYears && wholeAmountColumn(t) >= 0;
}

export interface GrantParams {
  total: number;
  grant: number;
  /** Where the grant was read ("book.xlsx › Budget!C1"); null when it was set. */
  source: string | null;
}

export const messages = {
  "grant.total": {
    en: (p: GrantParams) =>
      `The budget adds up to ${money(p.total, "en")} here but the GEF grant is ${money(p.grant, "en")}${p.source ? ` (in ${p.source})` : " (as set)"}; a difference of ${money(Math.abs(p.total - p.grant), "en")}.`,
    es: (p: GrantParams) =>
      `El presupuesto suma ${money(p.total, "es")} aquí, pero la donación GEF es ${money(p.grant, "es")}${p.source ? ` (en ${p.source})` : " (configurada)"}; diferencia ${money(Math.abs(p.total - p.grant), "es")}.`,
  } satisfies Template<GrantParams>,
};

export const id = "grant.total";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Budget total against the GEF grant", es: "Total del presupuesto frente a la donación GEF" },
    amounts: { en: { expected: "GEF grant", actual: "Budget total" }, es: { expected: "Donación GEF", actual: "Total del presupuesto" } },
    severity: "error",
    what: 'the budget\'s total (lines after the total included) against the GEF grant, set with `--grant` or read from a "GEF Project Financing" cell',
    example: "The budget adds up to 1,130,000.00 here but the GEF grant is 1,030,000.00 (in gef-annex-e-defects.xlsx › Cover!B4); a difference of 100,000.00.",
  },
  pirMark: "plan",
  check: (tables, s) => {
    const grant = s.gefGrant;
    if (!grant) return [];
    const out: Finding[] = [];
    for (const t of tables) {
      if (!budgetsWholeProject(t)) continue;
      const total = tableTotal(t);
      if (!total || !total.cell || !beyond(Math.abs(total.value - grant.value), s.tolerance)) continue;
      out.push(
        makeFinding(t, {
          rule: "grant.total",
          severity: "error",
          cell: total.cell,
          component: null,
          output: null,
          period: null,
          expected: grant.value,
          actual: total.value,
          message: messages["grant.total"][s.language]({ total: total.value, grant: grant.value, source: grant.source }),
        }),
      );
    }
    return out;
  },
});
