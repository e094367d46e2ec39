/**
 * Balance and % spent beside the financial table's Budget and Expenditure,
 * in the annotated copy: what is left of each component's budget, and how
 * much of it was spent. Worked out from the cells the table shows.
 */
import { roundCents } from "../amounts";
import type { SheetCanvas } from "./canvas";
import type { PirLabels } from "./labels";
import { HEADER_STYLE } from "./table-cells";

const BUDGET_COL = 1;
const EXPENDITURE_COL = 2;
const BALANCE_COL = 3;
const PERCENT_COL = 4;

/** Adds the two columns to the financial table whose header starts at or after `from`; rows up to `to`. */
export function writeBalanceColumns(canvas: SheetCanvas, from: number, to: number, labels: PirLabels): void {
  let header = -1;
  for (let r = from; r <= to && header < 0; r++) if (canvas.at(r, 0)?.value === labels.components) header = r;
  if (header < 0) return;
  // "GEF Fund (USD)" now spans the four amount columns.
  const group = canvas.merges.find((m) => m.top === header && m.left === BUDGET_COL);
  if (group) group.right = PERCENT_COL;
  for (const col of [BALANCE_COL, PERCENT_COL]) canvas.put(header, col, null, canvas.at(header, BUDGET_COL)?.style, { fit: false });
  canvas.put(header + 1, BALANCE_COL, labels.balance, HEADER_STYLE);
  canvas.put(header + 1, PERCENT_COL, labels.percentSpent, HEADER_STYLE);
  for (let r = header + 2; r <= to; r++) {
    const budget = canvas.at(r, BUDGET_COL);
    const spent = canvas.at(r, EXPENDITURE_COL);
    if (!budget || !spent) break;
    const b = typeof budget.value === "number" ? budget.value : null;
    const e = typeof spent.value === "number" ? spent.value : null;
    const style = { ...budget.style, fill: undefined };
    delete style.fill;
    canvas.put(r, BALANCE_COL, b !== null && e !== null ? roundCents(b - e) : null, style);
    canvas.put(r, PERCENT_COL, b !== null && e !== null && b > 0 ? Math.round((e / b) * 1000) / 1000 : null, { ...style, numFmt: "0.0%" });
    // The Total row ends the table; the lines under it are notes.
    if (canvas.at(r, 0)?.style?.fill === "total") break;
  }
}
