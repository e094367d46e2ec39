/**
 * Cumulative expenditure below what a work plan already shows as spent in
 * its past years: spending to date cannot be less than the spending of the
 * years before. A work plan's whole-year columns that ended by the close of
 * the reporting period hold what was spent (the seed's 2018–2021); its
 * quarters may still be plans and are not counted here.
 */
import { placeName } from "../grid";
import type { Finding, Period } from "../model";
import { componentRowsByCode } from "../facts";
import { pastSpending } from "../past-spending";
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

export const id = "expenditure.past";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Expenditure below past spending", es: "Gasto por debajo de lo ya gastado" },
    amounts: { en: { expected: "Spent in past years", actual: "Cumulative expenditure" }, es: { expected: "Gastado en años pasados", actual: "Gasto acumulado" } },
    severity: "error",
    what: "a budget table's cumulative expenditure below what a work plan already shows as spent in its past years (its whole-year columns that ended)",
    example:
      "Component 3: cumulative expenditure is 475,924.04, less than the 487,292.51 the work plan already shows as spent in 2018 – 2021 (peru-sizd-workplan.xlsx › Work plan!G14); spending to date cannot go down.",
  },
  pirMark: "crossExpenditure",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const plan of tables.filter((t) => t.kind === "workplan")) {
      const past = pastSpending(tables, s, [plan]);
      if (past.size === 0) continue;
      for (const budget of tables.filter((t) => t.kind === "budget")) {
        const e = columnIndex(budget, "expenditure");
        if (e < 0) continue;
        for (const [component, row] of componentRowsByCode(budget)) {
          const p = past.get(component);
          const spentCell = cellOf(row, e);
          const spent = amountAt(row, e);
          if (!p || !spentCell || spent === null || spentCell.value === null || !beyond(p.value - spent, s.tolerance)) continue;
          out.push(
            makeFinding(budget, {
              rule: "expenditure.past",
              severity: "error",
              cell: spentCell.cell,
              component,
              output: null,
              period: null,
              expected: p.value,
              actual: spent,
              message: messages["expenditure.past"][s.language]({
                who: { component, output: null, label: row.label },
                spent,
                past: p.value,
                from: p.from,
                to: p.to,
                place: placeName(plan.file, plan.sheet, p.cell),
              }),
            }),
          );
        }
      }
    }
    return out;
  },
});
