/**
 * A number typed into a subtotal whose neighbours hold formulas: it no
 * longer follows its lines when they change.
 */
import { columnName } from "../grid";
import type { Finding } from "../model";
import { makeFinding } from "./finding";
import { money, who, whoText, type Who } from "./messages";
import { defineRule, type Template } from "./rule";
import { summedColumns } from "./sums";
import { cellOf, childrenOf, formulaAt, printedAt } from "./table-access";

export interface ConstantParams {
  /** Null for the Total row. */
  who: Who | null;
  cell: string;
  value: number;
  /** The sheet column's letter. */
  column: string;
}

export const messages = {
  "formula.constant": {
    en: (p: ConstantParams) =>
      `${p.who ? whoText(p.who, "en") : "Total"}: ${p.cell} holds the typed number ${money(p.value, "en")} where the row's other cells add up their lines with a formula; it will not follow changes in column ${p.column}.`,
    es: (p: ConstantParams) =>
      `${p.who ? whoText(p.who, "es") : "Total"}: ${p.cell} tiene el número ${money(p.value, "es")} escrito a mano, mientras las demás celdas de la fila suman sus líneas con una fórmula; no seguirá los cambios de la columna ${p.column}.`,
  } satisfies Template<ConstantParams>,
};

export const id = "formula.constant";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Typed number among formulas", es: "Número escrito entre fórmulas" },
    amounts: { en: { expected: "Lines add up to", actual: "Typed number" }, es: { expected: "Suma de las líneas", actual: "Número escrito" } },
    severity: "warning",
    what: "a number typed into a subtotal whose other cells are formulas",
    example: "Total: G22 holds the typed number 626,000.00 where the row's other cells add up their lines with a formula; it will not follow changes in column G.",
  },
  pirMark: "plan",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const t of tables) {
      // Total columns are neighbours too: a subtotal row whose Total is a formula is a row of formulas.
      const neighbours = [...summedColumns(t), ...t.columns.flatMap((c, i) => (c.role === "rowTotal" ? [i] : []))].sort((a, b) => a - b);
      for (const r of t.rows) {
        if (r.kind === "heading" || childrenOf(t, r).length === 0) continue;
        const cells = neighbours.flatMap((i) => {
          const value = printedAt(r, i);
          return value !== null ? [{ i, value, formula: formulaAt(r, i) }] : [];
        });
        const withFormula = cells.filter((x) => x.formula !== undefined);
        if (withFormula.length < 2 || withFormula.length <= cells.length / 2) continue;
        for (const x of cells) {
          if (x.formula !== undefined || x.value === 0) continue;
          const at = cellOf(r, x.i)!.cell;
          const total = r.kind === "total";
          out.push(
            makeFinding(t, {
              rule: "formula.constant",
              severity: "warning",
              cell: at,
              component: total ? null : r.component,
              output: r.output,
              period: t.columns[x.i].period ?? null,
              expected: null,
              actual: x.value,
              message: messages["formula.constant"][s.language]({ who: total ? null : who(r), cell: at, value: x.value, column: columnName(t.columns[x.i].col) }),
            }),
          );
        }
      }
    }
    return out;
  },
});
