/**
 * Every amount cell of a table is a fact: its cell and value, its row item
 * and column item, and what they mean for GEF — component, output, period,
 * measure. Rules that compare tables read facts, so they work on every
 * layout: a component's budget is the Budget cell of its row in the seed's
 * table, the Total (USD) of "Total Outcome 1" in a UNDP TBWP, and the Grand
 * Total of its column in a GEF Annex E table.
 */
import type { Period, Table, TableColumn, TableRow } from "./model";
import { periodEndsBy } from "./periods";
import type { Settings } from "./settings";

export type Measure = "budget" | "plan" | "expenditure" | "commitment" | "other";

export interface Fact {
  cell: string;
  value: number;
  row: TableRow;
  column: TableColumn;
  /** Index into `Table.columns` and `TableRow.amounts`. */
  index: number;
  component: string | null;
  output: string | null;
  period: Period | null;
  measure: Measure;
}

/** What the money in a column measures, given the table it is in. */
export function measureOf(table: Table, column: TableColumn): Measure {
  switch (column.role) {
    case "budget":
      return "budget";
    case "expenditure":
      return "expenditure";
    case "commitment":
      return "commitment";
    case "other":
      return "other";
    default:
      return table.kind === "expenditure" ? "expenditure" : table.kind === "workplan" ? "plan" : "budget";
  }
}

/** Every readable amount of the table as a fact. */
export function factsOf(table: Table): Fact[] {
  const out: Fact[] = [];
  for (const row of table.rows) {
    if (row.kind === "heading") continue;
    row.amounts.forEach((a, index) => {
      if (!a || a.value === null) return;
      const column = table.columns[index];
      out.push({
        cell: a.cell,
        value: a.value,
        row,
        column,
        index,
        component: column.component ?? (row.kind === "total" || row.kind === "afterTotal" ? null : row.component),
        output: row.output,
        period: column.period ?? null,
        measure: measureOf(table, column),
      });
    });
  }
  return out;
}

/**
 * Each component's first row, by code, in table order: its own row, or its
 * "Total Outcome n" written after its lines. A later row naming the same
 * component is another table's echo, not the component.
 */
export function componentRowsByCode(table: Table): Map<string, TableRow> {
  const out = new Map<string, TableRow>();
  for (const r of table.rows) if (r.kind === "component" && r.component !== null && !out.has(r.component)) out.set(r.component, r);
  return out;
}

/** Whether a period had ended by the close of the reporting period (a project year once the project's start is known). */
export function endsByClose(period: Period, s: Settings): boolean {
  return periodEndsBy(period, s.period.end, s.projectStart?.date ?? null);
}

/** The table's period columns that had ended by the close of the reporting period, in table order. */
export function endedPeriodColumns(table: Table, s: Settings): Array<{ index: number; period: Period }> {
  return table.columns.flatMap((c, index) => (c.role === "period" && c.period && endsByClose(c.period, s) ? [{ index, period: c.period }] : []));
}

/** A component's whole-project amount in one table, and where it is printed (or derived). */
export interface ComponentAmount {
  component: string;
  value: number;
  cell: string;
  /** The row it was read from (the total row when components are columns). */
  row: TableRow;
}

/** The column that holds each row's whole-project amount: Budget, else the total of all periods. */
export function wholeAmountColumn(table: Table): number {
  const budget = table.columns.findIndex((c) => c.role === "budget");
  if (budget >= 0) return budget;
  return table.columns.findIndex((c) => c.role === "rowTotal" && c.sumOf === undefined && table.columns.some((p) => p.role === "period"));
}

/**
 * Each component's whole-project budget (or plan) in a table, in the order
 * the table shows them. Components as rows: the first row of each component
 * (its own row, or its "Total Outcome n" after its lines), in the Budget
 * column or the total of its periods. Components as columns: each component
 * column at the Total row.
 */
export function componentAmounts(table: Table): ComponentAmount[] {
  const out: ComponentAmount[] = [];
  const members = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.role === "member" && c.component);
  if (members.length > 0) {
    const total = table.rows.find((r) => r.kind === "total");
    if (!total) return out;
    const seen = new Set<string>();
    for (const { c, i } of members) {
      const a = total.amounts[i];
      if (!a || a.value === null || seen.has(c.component!)) continue;
      seen.add(c.component!);
      out.push({ component: c.component!, value: a.value, cell: a.cell, row: total });
    }
    return out;
  }
  const col = wholeAmountColumn(table);
  if (col < 0) return out;
  for (const [component, r] of componentRowsByCode(table)) {
    const a = r.amounts[col];
    if (!a || a.value === null) continue;
    out.push({ component, value: a.value, cell: a.cell, row: r });
  }
  return out;
}

/**
 * The whole budget of a table: its Total row in the whole-amount column
 * plus the lines printed after it (a trust fund is part of the grant), or
 * the grand Total column at the Total row when components are columns;
 * without a Total row, the top-level rows added up. Null when unreadable.
 */
export function tableTotal(table: Table): { value: number; cell: string | null } | null {
  const total = table.rows.find((r) => r.kind === "total");
  const members = table.columns.some((c) => c.role === "member");
  if (members) {
    if (!total) return null;
    // The last total column that adds up other columns is the grand total ("Total (USDeq.)").
    let col = -1;
    table.columns.forEach((c, i) => c.role === "rowTotal" && (col = i));
    if (col >= 0 && total.amounts[col]?.value != null) return { value: total.amounts[col]!.value!, cell: total.amounts[col]!.cell };
    const parts = componentAmounts(table);
    return parts.length === 0 ? null : { value: parts.reduce((a, p) => a + p.value, 0), cell: null };
  }
  const col = wholeAmountColumn(table);
  if (col < 0) return null;
  const after = table.rows.filter((r) => r.kind === "afterTotal").reduce((a, r) => a + (r.amounts[col]?.value ?? 0), 0);
  if (total) {
    const a = total.amounts[col];
    if (!a || a.value === null) return null;
    return { value: a.value + after, cell: a.cell };
  }
  let sum = 0;
  for (const r of table.rows) {
    if (r.parent !== null || r.kind === "heading" || r.kind === "afterTotal") continue;
    const v = r.amounts[col];
    if (v && v.value === null) return null;
    sum += v?.value ?? 0;
  }
  return { value: sum + after, cell: null };
}
