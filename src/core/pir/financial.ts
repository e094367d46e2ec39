/**
 * PIR section VIII.3, "Financial implementation": one row per component with
 * Budget and Expenditure under "GEF Fund (USD)", and a Total row we add up
 * ourselves. From the budget table when there is one, else derived from the
 * work plan (budget column, and the periods that ended by the end of the
 * reporting period as expenditure).
 */
import { periodLabel } from "../periods";
import { componentAmounts, componentRowsByCode, endedPeriodColumns, tableTotal, wholeAmountColumn } from "../facts";
import type { AmountCell, Table, TableRow } from "../model";
import { subject, type Language } from "../rules/messages";
import { childrenOf, columnIndex, totalRow } from "../rules/table-access";
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
  // A budget without a Budget column (an Annex E matrix, a TBWP by project
  // year, UNEP budget lines) tells each component's budget by its totals.
  const hasBudgetColumn = (t: Table | undefined) => !!t && columnIndex(t, "budget") >= 0;
  const byComponent = [budget, workplan].find((t) => t && !hasBudgetColumn(t) && budgetItems(t, ctx.settings.language).length > 0);
  const source = hasBudgetColumn(budget) ? budget : (byComponent ?? budget ?? workplan);
  if (!source) {
    canvas.putLine(top + 1, LABEL_COL, LAST_COL, labels.noTables, SOURCE_LINE_STYLE);
    return top + 2;
  }
  canvas.putLine(top + 1, LABEL_COL, LAST_COL, `${labels.source}: ${tableSource(source)}`, SOURCE_LINE_STYLE);
  // With only a work plan, the second column is what it planned through the close of the period, never "Expenditure".
  const onlyPlan = source.kind === "workplan" && source !== byComponent && !tables.some((t) => t.kind === "expenditure");
  const second = onlyPlan ? labels.plannedThrough(longDate(ctx.settings.period.end, ctx.settings.language)) : labels.expenditure;
  let row = writeHeader(ctx, top + 2, source.currency ?? "USD", second);
  if (source === byComponent) return writeFromComponents(ctx, row, source, tables, budgetItems(source, ctx.settings.language));
  // A plan without a budget column beside an expenditure report (an AWP and its CDR): the report's spending per component, no budget.
  if (source.kind === "workplan" && !hasBudgetColumn(source) && tables.some((t) => t.kind === "expenditure"))
    return writeFromComponents(ctx, row, source, tables, planItems(source, ctx.settings.language));
  row = source.kind === "budget" ? writeFromBudget(ctx, row, source) : writeFromWorkplan(ctx, row, source);
  return row;
}

/** A component's expenditure from another table, and how it was found. */
interface SpentTold {
  value: number;
  /** The source cell when the figure is one cell; null when added up. */
  cell: AmountCell | null;
  table: Table;
}

/**
 * Cumulative expenditure per component from whichever table reports it: a
 * budget table's Expenditure column, else an expenditure report's periods
 * that end by the end of the reporting period.
 */
function expenditureByComponent(tables: Table[], settings: Settings): { table: Table; spent: Map<string, SpentTold>; periods: string[] } | null {
  const withColumn = tables.find((t) => t.kind === "budget" && columnIndex(t, "expenditure") >= 0);
  if (withColumn) {
    const i = columnIndex(withColumn, "expenditure");
    const spent = new Map<string, SpentTold>();
    // A component's first row, as every rule reads it: a later row naming it again is not its expenditure.
    for (const [component, r] of componentRowsByCode(withColumn)) {
      const a = r.amounts[i];
      if (a && a.value !== null) spent.set(component, { value: a.value, cell: a, table: withColumn });
    }
    return { table: withColumn, spent, periods: [] };
  }
  const report = tables.find((t) => t.kind === "expenditure");
  if (!report) return null;
  const ended = endedPeriodColumns(report, settings).map((c) => c.index);
  const spent = new Map<string, SpentTold>();
  for (const [component, r] of componentRowsByCode(report)) {
    // One period: the figure is that cell's, and a finding about the cell shows on ours.
    const only = ended.length === 1 ? (r.amounts[ended[0]] ?? null) : null;
    spent.set(component, { value: sumNumbers(ended.map((i) => r.amounts[i]?.value ?? null)), cell: only && only.value !== null ? only : null, table: report });
  }
  return { table: report, spent, periods: ended.map((i) => periodLabel(report.columns[i].period!, settings.language)) };
}

/** One row of the financial table read from a budget's totals. */
interface BudgetItem {
  /** The component it is ("1", "PMC"), when the budget says. */
  component: string | null;
  name: string;
  cell: AmountCell | null;
  /** Null when the table holds no budget for it (a one-year plan beside an expenditure report). */
  value: number | null;
}

function componentName(row: TableRow, component: string, lang: Language): string {
  const label = row.kind === "component" ? row.label.trim() : "";
  return label !== "" && !/^(sub-?)?total\b/i.test(label) ? label : subject(component, null, lang);
}

/** A plan's components without a budget of their own: the rows an expenditure report is shown against. */
function planItems(table: Table, lang: Language): BudgetItem[] {
  return [...componentRowsByCode(table)].map(([component, r]) => ({ component, name: componentName(r, component, lang), cell: null, value: null }));
}

/**
 * What a budget without a Budget column tells per component: each
 * component's total (a matrix column, a "Total Outcome 1" row). A budget by
 * object of expenditure (UNEP) has no GEF components: its top-level groups
 * ("Component Total" of 10 Personnel, 20 Sub-contracts…) stand in their place.
 */
function budgetItems(table: Table, lang: Language): BudgetItem[] {
  const amounts = componentAmounts(table);
  if (amounts.length > 0)
    return amounts.map((a) => ({ component: a.component, name: componentName(a.row, a.component, lang), cell: a.row.amounts.find((x) => x?.cell === a.cell) ?? null, value: a.value }));
  const total = totalRow(table);
  const col = wholeAmountColumn(table);
  if (!total || col < 0) return [];
  const top = childrenOf(table, total);
  return top.flatMap((r, k) => {
    const a = r.amounts[col];
    if (!a || a.value === null) return [];
    return [{ component: r.component, name: groupName(table, r, top[k - 1]), cell: a, value: a.value }];
  });
}

/** A closing subtotal ("1999 Component Total") is named by the heading that opened its group. */
function groupName(table: Table, row: TableRow, previous: TableRow | undefined): string {
  if (!/^((sub-?)?total|component total)\b/i.test(row.label.trim()) && row.label.trim() !== "") return row.label;
  const from = previous ? table.rows.indexOf(previous) + 1 : 0;
  const heading = table.rows.slice(from, table.rows.indexOf(row)).find((r) => r.kind === "heading" && r.label.trim() !== "");
  return heading ? heading.label : row.label;
}

function writeFromComponents(ctx: FinancialContext, top: number, table: Table, tables: Table[], items: BudgetItem[]): number {
  const { canvas, targets, settings, labels } = ctx;
  const spentSource = expenditureByComponent(tables, settings);
  let row = top;
  const budgets: Array<number | null> = [];
  const expenditures: Array<number | null> = [];
  for (const item of items) {
    const label = canvas.put(row, LABEL_COL, item.name, labelStyle(look));
    const budget = putAmount(canvas, targets, table, { row, col: BUDGET_COL }, item.cell, look);
    const told = item.component === null ? undefined : spentSource?.spent.get(item.component);
    const expenditure = told?.cell
      ? putAmount(canvas, targets, told.table, { row, col: EXPENDITURE_COL }, told.cell, look)
      : canvas.put(row, EXPENDITURE_COL, told ? told.value : null, amountStyle(look));
    if (item.component !== null) targets.addFinancialRow(item.component, { label, budget, expenditure });
    budgets.push(item.value);
    expenditures.push(told ? told.value : null);
    row++;
  }
  const anyBudget = budgets.some((b) => b !== null);
  row = writeTotal(ctx, row, anyBudget ? sumNumbers(budgets) : null, spentSource ? sumNumbers(expenditures) : null, table, undefined, []);
  // The budget's own grand total is the source of our Total's budget: a finding about it shows there.
  const sourceTotal = tableTotal(table);
  if (sourceTotal?.cell && targets.financialTotal) targets.addSource(table.file, table.sheet, sourceTotal.cell, targets.financialTotal.budget);
  const notes = [anyBudget ? labels.budgetPerComponent : labels.noBudget];
  if (!spentSource) notes.push(labels.noExpenditure);
  else if (spentSource.periods.length === 0) notes.push(labels.expenditureFrom(tableSource(spentSource.table)));
  else {
    const p = spentSource.periods;
    const span = p.length === 1 ? p[0] : `${p[0]} – ${p[p.length - 1]}`;
    notes.push(labels.spentFromReport(tableSource(spentSource.table), longDate(settings.period.end, settings.language), span));
  }
  for (const note of notes) canvas.putLine(row++, LABEL_COL, LAST_COL, note, SOURCE_LINE_STYLE);
  return row;
}

function writeHeader(ctx: FinancialContext, top: number, currency: string, second: string): number {
  const { canvas, labels } = ctx;
  canvas.put(top, LABEL_COL, labels.components, HEADER_STYLE);
  canvas.merge({ top, left: LABEL_COL, bottom: top + 1, right: LABEL_COL });
  canvas.put(top, BUDGET_COL, labels.gefFund(currency), HEADER_STYLE);
  canvas.merge({ top, left: BUDGET_COL, bottom: top, right: EXPENDITURE_COL });
  canvas.put(top + 1, BUDGET_COL, labels.budget, HEADER_STYLE);
  canvas.put(top + 1, EXPENDITURE_COL, second, HEADER_STYLE);
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
  const spentIndexes = endedPeriodColumns(table, settings).map((c) => c.index);
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
  budget: number | null,
  expenditure: number | null,
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
