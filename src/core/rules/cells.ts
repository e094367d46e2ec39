/**
 * Cell-level problems: an amount cell that holds no amount (value.invalid)
 * and a row of amounts without a label (label.missing).
 */
import { formatAmount } from "../amounts";
import { address, parseAddress } from "../grid";
import type { Finding, Table } from "../model";
import type { Settings } from "../settings";
import { makeFinding } from "./finding";

export function cellRules(tables: Table[], s: Settings): Finding[] {
  return tables.flatMap((t) => [...invalidValues(t, s), ...missingLabels(t, s)]);
}

function invalidValues(t: Table, s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const r of t.rows)
    r.amounts.forEach((a, i) => {
      if (!a || a.invalid === undefined) return;
      const isExcelError = /^#/.test(a.invalid);
      const col = t.columns[i];
      out.push(
        makeFinding(t, {
          rule: "value.invalid",
          severity: isExcelError ? "error" : "warning",
          cell: a.cell,
          component: r.kind === "total" ? null : r.component,
          output: r.output,
          period: col.period ?? null,
          expected: null,
          actual: null,
          message:
            s.language === "es"
              ? `La celda ${a.cell} contiene "${a.invalid}", que no es un monto; no se incluyó en las sumas.`
              : `Cell ${a.cell} holds "${a.invalid}", which is not an amount; it was left out of the sums.`,
        }),
      );
    });
  return out;
}

function missingLabels(t: Table, s: Settings): Finding[] {
  const labelCol = t.columns.find((c) => c.role === "label")?.col ?? parseAddress(t.range.split(":")[0])!.col;
  const out: Finding[] = [];
  for (const r of t.rows) {
    if (r.kind !== "unlabeled") continue;
    const shown = r.amounts.filter((a) => a && a.value !== null).map((a) => formatAmount(a!.value!, s.language));
    const first = r.amounts.find((a) => a && a.value !== null);
    out.push(
      makeFinding(t, {
        rule: "label.missing",
        severity: "warning",
        cell: address(r.row, labelCol),
        component: r.component,
        output: null,
        period: null,
        expected: null,
        actual: first?.value ?? null,
        message:
          s.language === "es"
            ? `La fila ${r.row + 1} tiene montos (${shown.join(" | ")}) pero no tiene nombre; se cuenta en las sumas sin saber a qué corresponde.`
            : `Row ${r.row + 1} has amounts (${shown.join(" | ")}) but no label; it is counted in the sums without saying what it is.`,
      }),
    );
  }
  return out;
}
