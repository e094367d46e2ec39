/** Any other subtotal ("1199 Sub-Total", an output over its activities) against the rows under it. */
import { defineRule } from "./rule";
import { treeSumMessage, treeSums } from "./sums";

export const messages = { "sum.subtotal": treeSumMessage };

export const id = "sum.subtotal";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Subtotal off", es: "Subtotal no cuadra" },
    amounts: { en: { expected: "Lines add up to", actual: "Row shows" }, es: { expected: "Suma de las líneas", actual: "La fila muestra" } },
    severity: "error, or warning when rounding can explain it",
    what: 'any other subtotal against the rows under it, before or after them: "1199 Sub-Total" against its budget lines, an output against its activities',
    example: '"Sub-Total", 2021: the row shows 41,000.00 but its lines add up to 42,000.00 (a difference of 1,000.00).',
  },
  pirMark: "plan",
  check: (tables, s) => treeSums("sum.subtotal", (r) => r.kind !== "component" && r.kind !== "total", tables, s),
});
