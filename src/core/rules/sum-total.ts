/** The total row against the components (or the top-level rows), per column. */
import { defineRule } from "./rule";
import { treeSumMessage, treeSums } from "./sums";

export const messages = { "sum.total": treeSumMessage };

export const id = "sum.total";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Total off", es: "Total no cuadra" },
    amounts: { en: { expected: "Components add up to", actual: "Row shows" }, es: { expected: "Suma de los componentes", actual: "La fila muestra" } },
    severity: "error, or warning when rounding can explain it",
    what: "the total row against the sum of the components, per column",
    example: "Total, 2021: the row shows 879,105.00 but the components add up to 879,103.00 (a difference of 2.00). The difference is small enough to be rounding.",
  },
  pirMark: "plan",
  check: (tables, s) => treeSums("sum.total", (r) => r.kind === "total", tables, s),
});
