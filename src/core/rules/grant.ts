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
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money } from "./messages";

function budgetsWholeProject(t: Table): boolean {
  if (t.kind === "expenditure") return false;
  if (t.kind === "budget" || t.columns.some((c) => c.role === "member" || c.role === "budget")) return true;
  const periods = t.columns.filter((c) => c.period);
  return periods.length > 0 && periods.every((c) => projectYearOf(c.period!) !== null) && wholeAmountColumn(t) >= 0;
}

export function grantRules(tables: Table[], s: Settings): Finding[] {
  const grant = s.gefGrant;
  if (!grant) return [];
  const out: Finding[] = [];
  for (const t of tables) {
    if (!budgetsWholeProject(t)) continue;
    const total = tableTotal(t);
    if (!total || !total.cell || !beyond(Math.abs(total.value - grant.value), s.tolerance)) continue;
    const es = s.language === "es";
    const where = grant.source ? (es ? ` (en ${grant.source})` : ` (in ${grant.source})`) : es ? " (configurada)" : " (as set)";
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
        message: es
          ? `El presupuesto suma ${money(total.value, "es")} aquí, pero la donación GEF es ${money(grant.value, "es")}${where}; diferencia ${money(Math.abs(total.value - grant.value), "es")}.`
          : `The budget adds up to ${money(total.value, "en")} here but the GEF grant is ${money(grant.value, "en")}${where}; a difference of ${money(Math.abs(total.value - grant.value), "en")}.`,
      }),
    );
  }
  return out;
}
