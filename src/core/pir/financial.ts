/**
 * PIR section VIII.3, "Financial implementation": one row per component with
 * Budget and Expenditure under "GEF Fund (USD)", and a Total row we add up
 * ourselves. From the budget table when there is one, else derived from the
 * work plan (budget column, and the periods that ended by the end of the
 * reporting period as expenditure).
 */
import { periodEndsBy, periodLabel } from "../periods";
import type { Table, TableRow } from "../model";
import type { Settings } from "../settings";
import type { SheetCanvas } from "./canvas";
import { type PirLabels, longDate } from "./labels";
import type { FindingTargets } from "./marks";
import {
  HEADER_STYLE,
  SECTION_TITLE_STYLE,
  SOURCE_LINE_STYLE,
  amountStyle,
  labelStyle,
  type RowLook,
  putAmount,
  putLabel,
  sumNumbers,
  tableSource,
} from "./table-cells";

const LABEL_COL = 0;
const BUDGET_COL = 1;
const EXPENDITURE_COL = 2;
const LAST_COL = EXPENDITURE_COL;
/** Every row but the total is plain, as in the PIR: the table lists components only, no hierarchy to show. */
const look: RowLook = "plain";

export interface FinancialContext {
  canvas: SheetCanvas;
  targets: FindingTargets;
  settings: Settings;
  labels: PirLabels;
}

/** The rows the PIR lists: components (PMC and M&E included) and unlabeled amounts, in source order. */
export function financialRows(table: Table): TableRow[] {
  const hasComponents = table.rows.some((r) => r.kind === "component");
  const wanted = hasComponents ? "component" : "output";
  return table.rows.filter((r) => r.kind === wanted || r.kind === "unlabeled");
}

/** Writes the section from row `top`; returns the first free row below it. */
export function writeFinancialSection(ctx: FinancialContext, top: number, tables: Table[]): number {
  const { canvas, labels } = ctx;
  canvas.put(top, LABEL_COL, labels.financialTitle, SECTION_TITLE_STYLE, { fit: false });
  const budget = tables.find((t) => t.kind === "budget");
  const workplan = tables.find((t) => t.kind === "workplan");
  const source = budget ?? workplan;
  if (!source) {
    canvas.putLine(top + 1, LABEL_COL, LAST_COL, labels.noTables, SOURCE_LINE_STYLE);
    return top + 2;
  }
  canvas.putLine(top + 1, LABEL_COL, LAST_COL, `${labels.source}: ${tableSource(source)}`, SOURCE_LINE_STYLE);
  let row = writeHeader(ctx, top + 2, source.currency ?? "USD");
  row = budget ? writeFromBudget(ctx, row, budget) : writeFromWorkplan(ctx, row, source);
  return row;
}

function writeHeader(ctx: FinancialContext, top: number, currency: string): number {
  const { canvas, labels } = ctx;
  canvas.put(top, LABEL_COL, labels.components, HEADER_STYLE);
  canvas.merge({ top, left: LABEL_COL, bottom: top + 1, right: LABEL_COL });
  canvas.put(top, BUDGET_COL, labels.gefFund(currency), HEADER_STYLE);
  canvas.merge({ top, left: BUDGET_COL, bottom: top, right: EXPENDITURE_COL });
  canvas.put(top + 1, BUDGET_COL, labels.budget, HEADER_STYLE);
  canvas.put(top + 1, EXPENDITURE_COL, labels.expenditure, HEADER_STYLE);
  return top + 2;
}

function writeFromBudget(ctx: FinancialContext, top: number, table: Table): number {
  const { canvas, targets } = ctx;
  const budgetIndex = table.columns.findIndex((c) => c.role === "budget");
  const expenditureIndex = table.columns.findIndex((c) => c.role === "expenditure");
  let row = top;
  const budgets: Array<number | string | null> = [];
  const expenditures: Array<number | string | null> = [];
  for (const source of financialRows(table)) {
    const label = putLabel(canvas, targets, table, { row, col: LABEL_COL }, source, noLabelOf(ctx), look);
    const budget = putAmount(canvas, targets, table, { row, col: BUDGET_COL }, source.amounts[budgetIndex], look);
    const expenditure = putAmount(canvas, targets, table, { row, col: EXPENDITURE_COL }, source.amounts[expenditureIndex], look);
    if (source.component !== null) targets.addFinancialRow(source.component, { label, budget, expenditure });
    budgets.push(budget.value);
    expenditures.push(expenditure.value);
    row++;
  }
  // The source's own Total row maps onto ours, so a finding about it shows on our total.
  const sourceTotal = table.rows.find((r) => r.kind === "total");
  row = writeTotal(ctx, row, sumNumbers(budgets), sumNumbers(expenditures), table, sourceTotal, [budgetIndex, expenditureIndex]);
  for (const after of table.rows.filter((r) => r.kind === "afterTotal")) {
    putLabel(canvas, targets, table, { row, col: LABEL_COL }, after, noLabelOf(ctx));
    putAmount(canvas, targets, table, { row, col: BUDGET_COL }, after.amounts[budgetIndex], "plain");
    putAmount(canvas, targets, table, { row, col: EXPENDITURE_COL }, after.amounts[expenditureIndex], "plain");
    row++;
  }
  return row;
}

function writeFromWorkplan(ctx: FinancialContext, top: number, table: Table): number {
  const { canvas, targets, settings, labels } = ctx;
  const budgetIndex = table.columns.findIndex((c) => c.role === "budget");
  const spentIndexes = table.columns.flatMap((c, i) =>
    c.role === "period" && c.period && periodEndsBy(c.period, settings.period.end) ? [i] : [],
  );
  let row = top;
  const budgets: Array<number | string | null> = [];
  const expenditures: number[] = [];
  for (const source of financialRows(table)) {
    const label = putLabel(canvas, targets, table, { row, col: LABEL_COL }, source, noLabelOf(ctx), look);
    const budget = putAmount(canvas, targets, table, { row, col: BUDGET_COL }, source.amounts[budgetIndex], look);
    const spent = sumNumbers(spentIndexes.map((i) => source.amounts[i]?.value ?? null));
    const expenditure = canvas.put(row, EXPENDITURE_COL, spent, amountStyle(look));
    if (source.component !== null) targets.addFinancialRow(source.component, { label, budget, expenditure });
    budgets.push(budget.value);
    expenditures.push(spent);
    row++;
  }
  row = writeTotal(ctx, row, sumNumbers(budgets), sumNumbers(expenditures), table, undefined, []);
  const periods = spentIndexes.map((i) => periodLabel(table.columns[i].period!, settings.language));
  const span = periods.length === 0 ? "—" : periods.length === 1 ? periods[0] : `${periods[0]} – ${periods[periods.length - 1]}`;
  const note = labels.derivedExpenditure(longDate(settings.period.end, settings.language), span);
  canvas.putLine(row, LABEL_COL, LAST_COL, note, SOURCE_LINE_STYLE);
  return row + 1;
}

function writeTotal(
  ctx: FinancialContext,
  row: number,
  budget: number,
  expenditure: number,
  table: Table,
  sourceTotal: TableRow | undefined,
  sourceIndexes: number[],
): number {
  const { canvas, targets, labels } = ctx;
  const currency = table.currency ?? "USD";
  const label = canvas.put(row, LABEL_COL, labels.total(currency), labelStyle("total"));
  const budgetCell = canvas.put(row, BUDGET_COL, budget, amountStyle("total"));
  const expenditureCell = canvas.put(row, EXPENDITURE_COL, expenditure, amountStyle("total"));
  targets.financialTotal = { label, budget: budgetCell, expenditure: expenditureCell };
  if (sourceTotal) {
    const ours = [budgetCell, expenditureCell];
    sourceIndexes.forEach((index, i) => {
      const amount = sourceTotal.amounts[index];
      if (amount) targets.addSource(table.file, table.sheet, amount.cell, ours[i]);
    });
  }
  return row + 1;
}

function noLabelOf(ctx: FinancialContext): { text: string; note: string } {
  return { text: ctx.labels.noLabel, note: ctx.labels.noLabelNote };
}
