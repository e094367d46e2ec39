/**
 * An amount cell that holds no amount ("n/a", "#REF!"): left out of the sums,
 * never read as zero. Excel's errors are errors; other text is a warning.
 */
import type { Finding } from "../model";
import { makeFinding } from "./finding";
import { isPlainAmountRow } from "./table-access";
import { defineRule, type Template } from "./rule";

export interface InvalidParams {
  cell: string;
  held: string;
}

export const messages = {
  "value.invalid": {
    en: (p: InvalidParams) => `Cell ${p.cell} holds "${p.held}", which is not an amount; it was left out of the sums.`,
    es: (p: InvalidParams) => `La celda ${p.cell} contiene "${p.held}", que no es un monto; no se incluyó en las sumas.`,
  } satisfies Template<InvalidParams>,
};

export const id = "value.invalid";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Not an amount", es: "No es un monto" },
    amounts: { en: { expected: "Expected", actual: "Actual" }, es: { expected: "Esperado", actual: "Real" } },
    severity: "error for Excel errors, warning for text",
    what: "an amount cell that holds no amount (left out of the sums, never read as zero)",
    example: 'Cell H18 holds "#REF!", which is not an amount; it was left out of the sums.',
  },
  pirMark: "source",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const t of tables)
      for (const r of t.rows) {
        // A row read from plain numbers holds no invalid cell, by construction.
        if (isPlainAmountRow(r)) continue;
        r.amounts.forEach((a, i) => {
          if (!a || a.invalid === undefined) return;
          out.push(
            makeFinding(t, {
              rule: "value.invalid",
              severity: /^#/.test(a.invalid) ? "error" : "warning",
              cell: a.cell,
              component: r.kind === "total" ? null : r.component,
              output: r.output,
              period: t.columns[i].period ?? null,
              expected: null,
              actual: null,
              message: messages["value.invalid"][s.language]({ cell: a.cell, held: a.invalid }),
            }),
          );
        });
      }
    return out;
  },
});
