/**
 * Cumulative expenditure below zero in a budget table: spending to date
 * cannot be negative. It is usually a reversal or a refund typed without the
 * spending it corrects, or a sign slipped in a paste. Expenditure reports of
 * one period (a CDR) may hold negative lines (an exchange loss, a
 * reversal): they are not cumulative and are not checked here.
 */
import type { Finding } from "../model";
import { beyond, makeFinding } from "./finding";
import { money, who, whoText, type Who } from "./messages";
import { defineRule, type Template } from "./rule";
import { cellOf, isDataRow, printedAt } from "./table-access";

export interface NegativeParams {
  who: Who;
  spent: number;
}

export const messages = {
  "expenditure.negative": {
    en: (p: NegativeParams) =>
      `${whoText(p.who, "en")}: cumulative expenditure is ${money(p.spent, "en")}; spending to date cannot be below zero (a reversal or refund entered without the spending it corrects, or a wrong sign?).`,
    es: (p: NegativeParams) =>
      `${whoText(p.who, "es")}: el gasto acumulado es ${money(p.spent, "es")}; el gasto a la fecha no puede ser menor que cero (¿una reversión o un reembolso registrado sin el gasto que corrige, o un signo equivocado?).`,
  } satisfies Template<NegativeParams>,
};

export const id = "expenditure.negative";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Negative expenditure", es: "Gasto negativo" },
    amounts: { en: { expected: "At least", actual: "Cumulative expenditure" }, es: { expected: "Como mínimo", actual: "Gasto acumulado" } },
    severity: "error",
    what: "a budget table's cumulative expenditure below zero (an expenditure report's negative lines, reversals of one period, are amounts and not flagged)",
    example:
      "Component 2: cumulative expenditure is -12,500.00; spending to date cannot be below zero (a reversal or refund entered without the spending it corrects, or a wrong sign?).",
  },
  pirMark: "source",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const t of tables) {
      if (t.kind !== "budget") continue;
      const columns = t.columns.flatMap((c, i) => (c.role === "expenditure" ? [i] : []));
      if (columns.length === 0) continue;
      for (const r of t.rows) {
        if (!isDataRow(r)) continue;
        for (const i of columns) {
          const spent = printedAt(r, i);
          if (spent === null || !beyond(-spent, s.tolerance)) continue;
          out.push(
            makeFinding(t, {
              rule: "expenditure.negative",
              severity: "error",
              cell: cellOf(r, i)!.cell,
              component: r.kind === "total" ? null : r.component,
              output: r.output,
              period: t.columns[i].period ?? null,
              expected: 0,
              actual: spent,
              message: messages["expenditure.negative"][s.language]({ who: who(r), spent }),
            }),
          );
        }
      }
    }
    return out;
  },
});
