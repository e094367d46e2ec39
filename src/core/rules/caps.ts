/**
 * Project management cost above its cap: a share of the total budget
 * (a setting; GEF commonly caps PMC at 5 % for full-sized projects and 10 %
 * for medium-sized ones). Lines below the total (a trust fund) are part of
 * the grant and count in the total.
 */
import { roundCents } from "../amounts";
import type { Finding, Table } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money } from "./messages";
import { amountAt, cellOf, columnIndex, sumColumn, topLevelRows, totalRow } from "./table-access";

export function capRules(tables: Table[], s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    if (t.kind === "expenditure") continue;
    const b = columnIndex(t, "budget");
    if (b < 0) continue;
    const pmc = t.rows.find((r) => r.kind === "component" && r.component === "PMC");
    const pmcCell = pmc ? cellOf(pmc, b) : null;
    if (!pmc || !pmcCell || pmcCell.value === null) continue;
    const total = totalBudget(t, b);
    // A total budget that rounds to nothing (a stray 5E-324) leaves no share to compare the PMC with.
    if (total === null || roundCents(total) <= 0) continue;
    const cap = total * s.pmcCap;
    if (!beyond(pmcCell.value - cap, s.tolerance)) continue;
    const share = ((pmcCell.value / total) * 100).toFixed(1);
    const capPct = (s.pmcCap * 100).toFixed(1).replace(/\.0$/, "");
    out.push(
      makeFinding(t, {
        rule: "cap.pmc",
        severity: "error",
        cell: pmcCell.cell,
        component: "PMC",
        output: null,
        period: null,
        expected: cap,
        actual: pmcCell.value,
        message:
          s.language === "es"
            ? `Gestión del proyecto (PMC): ${money(pmcCell.value, "es")} es el ${share.replace(".", ",")} % del presupuesto total ${money(total, "es")}, más que el tope del ${capPct} % (${money(cap, "es")}).`
            : `Project management (PMC): ${money(pmcCell.value, "en")} is ${share} % of the total budget ${money(total, "en")}, above the ${capPct} % cap (${money(cap, "en")}).`,
      }),
    );
  }
  return out;
}

/** The total row's budget plus lines after it; without a total row, the sum of the components. */
function totalBudget(t: Table, b: number): number | null {
  const total = totalRow(t);
  const after = t.rows.filter((r) => r.kind === "afterTotal");
  const base = total ? amountAt(total, b) : sumColumn(topLevelRows(t), b);
  if (base === null) return null;
  return after.reduce((sum, r) => sum + (amountAt(r, b) ?? 0), base);
}
