/**
 * PIR section IX, "Work plan and budget": the source work plan as the PIR
 * prints it. Outputs | Total Budget | one column per period of the source;
 * components bold, outputs indented under them, the Total row bold under a
 * heavier rule, and the lines after the total below it. Amounts are the
 * source's, totals included: where they do not add up, findings say so.
 */
import { periodLabel } from "../periods";
import type { Table } from "../model";
import type { Settings } from "../settings";
import type { SheetCanvas } from "./canvas";
import type { PirLabels } from "./labels";
import type { FindingTargets, WorkplanTargets } from "./marks";
import type { SheetCell } from "./sheet";
import { HEADER_STYLE, SECTION_TITLE_STYLE, SOURCE_LINE_STYLE, lookOf, putAmount, putLabel, tableSource } from "./table-cells";

const LABEL_COL = 0;
const BUDGET_COL = 1;
const FIRST_PERIOD_COL = 2;

export interface WorkplanContext {
  canvas: SheetCanvas;
  targets: FindingTargets;
  settings: Settings;
  labels: PirLabels;
}

/** Writes the section from row `top`; returns the first free row below it. */
export function writeWorkplanSection(ctx: WorkplanContext, top: number, tables: Table[]): number {
  const { canvas, targets, settings, labels } = ctx;
  canvas.put(top, LABEL_COL, labels.workplanTitle, SECTION_TITLE_STYLE, { fit: false });
  const table = tables.find((t) => t.kind === "workplan");
  if (!table) {
    canvas.putLine(top + 1, LABEL_COL, FIRST_PERIOD_COL, labels.noWorkplan, SOURCE_LINE_STYLE);
    return top + 2;
  }
  const budgetIndex = table.columns.findIndex((c) => c.role === "budget");
  const periodIndexes = table.columns.flatMap((c, i) => (c.role === "period" && c.period ? [i] : []));
  const lastCol = FIRST_PERIOD_COL + periodIndexes.length - 1;
  canvas.putLine(top + 1, LABEL_COL, Math.max(lastCol, BUDGET_COL), `${labels.source}: ${tableSource(table)}`, SOURCE_LINE_STYLE);

  const header = top + 2;
  canvas.put(header, LABEL_COL, labels.outputs, HEADER_STYLE);
  canvas.put(header, BUDGET_COL, labels.totalBudget, HEADER_STYLE);
  periodIndexes.forEach((index, i) => {
    // Text, not a number: a year header must not take the amount format. The
    // workbook's own quarter label ("2022 T1") is kept, as the report prints it.
    const own = table.columns[index].header.trim();
    const label = /^(\d{4} ?[QT] ?[1-4]|[QT] ?[1-4] \d{4})$/i.test(own) ? own : periodLabel(table.columns[index].period!, settings.language);
    canvas.put(header, FIRST_PERIOD_COL + i, label, HEADER_STYLE);
  });

  let row = header + 1;
  for (const source of table.rows) {
    const look = lookOf(source);
    const label = putLabel(canvas, targets, table, { row, col: LABEL_COL }, source, {
      text: labels.noLabel,
      note: labels.noLabelNote,
    });
    const budget =
      budgetIndex >= 0 ? putAmount(canvas, targets, table, { row, col: BUDGET_COL }, source.amounts[budgetIndex], look) : null;
    const periods = new Map<string, SheetCell>();
    periodIndexes.forEach((index, i) => {
      const cell = putAmount(canvas, targets, table, { row, col: FIRST_PERIOD_COL + i }, source.amounts[index], look);
      const period = table.columns[index].period!;
      if (!periods.has(period)) periods.set(period, cell);
    });
    if (budgetIndex < 0) canvas.put(row, BUDGET_COL, null, { border: label.style?.border });
    const targetsOfRow: WorkplanTargets = { label, budget, periods };
    if (source.kind === "total") targets.workplanTotal ??= targetsOfRow;
    else if (source.kind === "output" && source.output !== null) targets.addWorkplanRow(`o:${source.output}`, targetsOfRow);
    else if (source.kind === "component" && source.component !== null) targets.addWorkplanRow(`c:${source.component}`, targetsOfRow);
    row++;
  }
  return row;
}
