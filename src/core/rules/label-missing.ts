/** A row of amounts without a label inside a table: counted in the sums without saying what it is. */
import { formatAmount } from "../amounts";
import { address } from "../grid";
import type { Finding } from "../model";
import { makeFinding } from "./finding";
import type { Language } from "./messages";
import { defineRule, type Template } from "./rule";
import { labelColumn } from "./table-access";

export interface UnlabeledParams {
  /** 1-based sheet row. */
  row: number;
  amounts: number[];
}

const shown = (p: UnlabeledParams, lang: Language) => p.amounts.map((v) => formatAmount(v, lang)).join(" | ");

export const messages = {
  "label.missing": {
    en: (p: UnlabeledParams) => `Row ${p.row} has amounts (${shown(p, "en")}) but no label; it is counted in the sums without saying what it is.`,
    es: (p: UnlabeledParams) => `La fila ${p.row} tiene montos (${shown(p, "es")}) pero no tiene nombre; se cuenta en las sumas sin saber a qué corresponde.`,
  } satisfies Template<UnlabeledParams>,
};

export const id = "label.missing";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Row without a label", es: "Fila sin nombre" },
    amounts: { en: { expected: "Expected", actual: "Amount" }, es: { expected: "Esperado", actual: "Monto" } },
    severity: "warning",
    what: "a row of amounts without a label inside a table",
    example: "Row 8 has amounts (2,280,000.00 | 56,156.94) but no label; it is counted in the sums without saying what it is.",
  },
  pirMark: "source",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const t of tables) {
      const labelCol = labelColumn(t);
      for (const r of t.rows) {
        if (r.kind !== "unlabeled") continue;
        const amounts = r.amounts.flatMap((a) => (a && a.value !== null ? [a.value] : []));
        out.push(
          makeFinding(t, {
            rule: "label.missing",
            severity: "warning",
            cell: address(r.row, labelCol),
            component: r.component,
            output: null,
            period: null,
            expected: null,
            actual: amounts[0] ?? null,
            message: messages["label.missing"][s.language]({ row: r.row + 1, amounts }),
          }),
        );
      }
    }
    return out;
  },
});
