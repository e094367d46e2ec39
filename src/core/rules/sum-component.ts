/** A component row against its outputs or lines, per column, wherever its lines are written. */
import { defineRule } from "./rule";
import { treeSumMessage, treeSums } from "./sums";

export const messages = { "sum.component": treeSumMessage };

export const id = "sum.component";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Component total off", es: "Total de componente no cuadra" },
    amounts: { en: { expected: "Outputs add up to", actual: "Row shows" }, es: { expected: "Suma de los productos", actual: "La fila muestra" } },
    severity: "error, or warning when rounding can explain it",
    what: "a component row against the sum of its outputs (or its lines, before or after it: \"Total Outcome 1\"), per column",
    example: "Component 1, 2021: the row shows 116,717.00 but its outputs add up to 116,718.00 (a difference of 1.00). The difference is small enough to be rounding.",
  },
  pirMark: "plan",
  check: (tables, s) => treeSums("sum.component", (r) => r.kind === "component", tables, s),
});
