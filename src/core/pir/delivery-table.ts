/**
 * A small table under the financial one when an expenditure report was held
 * against a work plan: per component and ended plan period, the plan, the
 * expenditure and the delivery rate (expenditure ÷ plan), as UNDP reports it.
 */
import { deliveryOf } from "../delivery";
import type { Table } from "../model";
import { periodLabel } from "../periods";
import { LOW_DELIVERY } from "../rules/delivery-low";
import { subject } from "../rules/messages";
import type { FinancialContext } from "./financial";
import { HEADER_STYLE, SECTION_TITLE_STYLE, SOURCE_LINE_STYLE, amountStyle, labelStyle, tableSource } from "./table-cells";

const PERCENT_STYLE = { ...amountStyle("plain"), numFmt: "0.0%" };

/** Writes the section from row `top` when there is anything to show; returns the first free row below it. */
export function writeDeliverySection(ctx: FinancialContext, top: number, tables: Table[]): number {
  const { canvas, settings, labels } = ctx;
  const rows = deliveryOf(tables, settings);
  if (rows.length === 0) return top;
  canvas.put(top, 0, labels.deliveryTitle, SECTION_TITLE_STYLE, { fit: false });
  canvas.putLine(top + 1, 0, 4, `${labels.source}: ${tableSource(rows[0].report)} · ${tableSource(rows[0].plan)}`, SOURCE_LINE_STYLE);
  labels.deliveryHeader.forEach((h, c) => canvas.put(top + 2, c, h, HEADER_STYLE));
  let row = top + 3;
  for (const d of rows) {
    canvas.put(row, 0, subject(d.component, null, settings.language), labelStyle("plain"));
    canvas.put(row, 1, periodLabel(d.period, settings.language), labelStyle("plain"));
    canvas.put(row, 2, d.planned, amountStyle("plain"));
    canvas.put(row, 3, d.spent, amountStyle("plain"));
    const rate = canvas.put(row, 4, d.rate === null ? null : Math.round(d.rate * 1000) / 1000, PERCENT_STYLE);
    // Above the plan is a warning (overspend.period), low delivery a note.
    if (d.rate !== null && d.rate > 1) rate.style = { ...rate.style, fill: "warning" };
    else if (d.rate !== null && d.rate < LOW_DELIVERY) rate.style = { ...rate.style, fill: "info" };
    row++;
  }
  canvas.putLine(row, 0, 4, labels.deliveryNote, SOURCE_LINE_STYLE);
  return row + 1;
}
