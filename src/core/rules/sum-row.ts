/** A total column against the columns it adds up: across the column tree. */
import { defineRule } from "./rule";
import { rowSumMessage, rowSums } from "./sums";

export const messages = { "sum.row": rowSumMessage };

export const id = "sum.row";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Row total off", es: "Total de fila no cuadra" },
    amounts: { en: { expected: "Columns add up to", actual: "Total column shows" }, es: { expected: "Suma de las columnas", actual: "La columna total muestra" } },
    severity: "error, or warning when rounding can explain it",
    what: 'a total column against the columns it adds up: "Total" = the row\'s periods, "Sub-Total" = the components, "Total" = Sub-Total + M&E + PMC',
    example: 'Output 1.1.2: the "Total" column shows 67,740.75 but the row\'s periods add up to 67,640.75 (a difference of 100.00).',
  },
  // The row's own Total column is not reproduced: the finding is about the row.
  pirMark: "row",
  check: rowSums,
});
