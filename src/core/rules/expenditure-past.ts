/**
 * Cumulative expenditure below what a work plan already shows as spent in
 * its past years: spending to date cannot be less than the spending of the
 * years before. A work plan's whole-year columns that ended by the close of
 * the reporting period hold what was spent (the seed's 2018–2021); its
 * quarters may still be plans and are not counted here.
 */
import { placeName } from "../grid";
import type { Finding, Period, Table, TableRow } from "../model";
import { periodEndsBy, projectYearOf } from "../periods";
import { beyond, makeFinding } from "./finding";
import { money, period as periodText, whoText, type Who } from "./messages";
import { defineRule, type Template } from "./rule";
import { amountAt, cellOf, columnIndex } from "./table-access";

export interface PastParams {
  who: Who;
  spent: number;
  past: number;
  from: Period;
  to: Period;
  /** Where the plan is: "file › sheet!cell" of its last past year. */
  place: string;
}

const span = (p: PastParams, lang: "en" | "es") => (p.from === p.to ? periodText(p.from, lang) : `${periodText(p.from, lang)} – ${periodText(p.to, lang)}`);

export const messages = {
  "expenditure.past": {
    en: (p: PastParams) =>
      `${whoText(p.who, "en")}: cumulative expenditure is ${money(p.spent, "en")}, less than the ${money(p.past, "en")} the work plan already shows as spent in ${span(p, "en")} (${p.place}); spending to date cannot go down.`,
    es: (p: PastParams) =>
      `${whoText(p.who, "es")}: el gasto acumulado es ${money(p.spent, "es")}, menos que los ${money(p.past, "es")} que el plan de trabajo ya muestra gastados en ${span(p, "es")} (${p.place}); el gasto a la fecha no puede disminuir.`,
  } satisfies Template<PastParams>,
};

function firstComponentRows(t: Table): Map<string, TableRow> {
  const out = new Map<string, TableRow>();
  for (const r of t.rows) if (r.kind === "component" && r.component !== null && !out.has(r.component)) out.set(r.component, r);
  return out;
}

export const id = "expenditure.past";

export const rule = defineRule({
  id,
  doc: {
    severity: "error",
    what: "a budget table's cumulative expenditure below what a work plan already shows as spent in its past years (its whole-year columns that ended)",
    example:
      "Component 3: cumulative expenditure is 475,924.04, less than the 487,292.51 the work plan already shows as spent in 2018 – 2021 (peru-sizd-workplan.xlsx › Work plan!G14); spending to date cannot go down.",
  },
  pirMark: "crossExpenditure",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const budget of tables.filter((t) => t.kind === "budget")) {
      const e = columnIndex(budget, "expenditure");
      if (e < 0) continue;
      for (const plan of tables.filter((t) => t.kind === "workplan")) {
        const years = plan.columns.flatMap((c, i) =>
          c.role === "period" && c.period && /^\d{4}$/.test(c.period) && projectYearOf(c.period) === null && periodEndsBy(c.period, s.period.end) ? [{ i, period: c.period }] : [],
        );
        if (years.length === 0) continue;
        const planRows = firstComponentRows(plan);
        for (const [component, row] of firstComponentRows(budget)) {
          const p = planRows.get(component);
          const spentCell = cellOf(row, e);
          const spent = amountAt(row, e);
          if (!p || !spentCell || spent === null || spentCell.value === null) continue;
          let past = 0;
          for (const y of years) past += amountAt(p, y.i) ?? 0;
          if (!beyond(past - spent, s.tolerance)) continue;
          const last = years[years.length - 1];
          const lastCell = cellOf(p, last.i)?.cell ?? p.amounts.find((a) => a)?.cell ?? "";
          out.push(
            makeFinding(budget, {
              rule: "expenditure.past",
              severity: "error",
              cell: spentCell.cell,
              component,
              output: null,
              period: null,
              expected: past,
              actual: spent,
              message: messages["expenditure.past"][s.language]({
                who: { component, output: null, label: row.label },
                spent,
                past,
                from: years[0].period,
                to: last.period,
                place: placeName(plan.file, plan.sheet, lastCell),
              }),
            }),
          );
        }
      }
    }
    return out;
  },
});
