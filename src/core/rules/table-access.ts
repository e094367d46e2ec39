/**
 * Reading amounts out of recognised tables the way every rule needs them:
 * by column role, by period, and along the component → output hierarchy.
 */
import type { AmountCell, ColumnRole, Period, Table, TableRow } from "../model";
import { parseAddress } from "../grid";
import { comparePeriods } from "../periods";
import { isPlainAmountRow, plainAmount, plainFormula, plainIsEmpty } from "../row-amounts";

export { isPlainAmountRow };

export interface PeriodColumn {
  index: number;
  period: Period;
}

/** The sheet column of the table's row labels: its label column, else its first column. */
export function labelColumn(table: Table): number {
  return table.columns.find((c) => c.role === "label")?.col ?? parseAddress(table.range.split(":")[0])!.col;
}

/** The index (into `Table.columns` and `TableRow.amounts`) of the first column with this role. */
export function columnIndex(table: Table, role: ColumnRole): number {
  return table.columns.findIndex((c) => c.role === role);
}

const chronologies = new WeakMap<Table, PeriodColumn[]>();

/**
 * Period columns in chronological order. Rules ask for them row after row,
 * so the sorted list is kept per table, and kept only while the columns
 * still say the same (a project start turns "Year 1" into a year).
 */
export function periodColumns(table: Table): PeriodColumn[] {
  let count = 0;
  for (const c of table.columns) if (c.role === "period" && c.period) count++;
  const kept = chronologies.get(table);
  if (kept && kept.length === count && kept.every((p) => table.columns[p.index]?.role === "period" && table.columns[p.index].period === p.period)) return kept.slice();
  const out: PeriodColumn[] = [];
  table.columns.forEach((c, index) => {
    if (c.role === "period" && c.period) out.push({ index, period: c.period });
  });
  out.sort((a, b) => comparePeriods(a.period, b.period));
  chronologies.set(table, out);
  return out.slice();
}

/** The amount of a cell: blank and "-" are 0; a cell that holds no amount gives null. */
export function amountAt(row: TableRow, index: number): number | null {
  const plain = plainAmount(row, index);
  if (plain !== undefined) return plain ?? 0;
  const a = row.amounts[index];
  if (!a) return 0;
  return a.value;
}

/** The amount printed in a cell; null when the cell is blank or holds no amount (nothing to check it against). */
export function printedAt(row: TableRow, index: number): number | null {
  const plain = plainAmount(row, index);
  if (plain !== undefined) return plain;
  return row.amounts[index]?.value ?? null;
}

/** A cell's formula, when it holds one. */
export function formulaAt(row: TableRow, index: number): string | undefined {
  return isPlainAmountRow(row) ? plainFormula(row, index) : row.amounts[index]?.formula;
}

/** The cell itself, present when the cell is not blank. */
export function cellOf(row: TableRow, index: number): AmountCell | null {
  return row.amounts[index] ?? null;
}

/** The rows between the total header and the total row that sit at the top level. */
export function topLevelRows(table: Table): TableRow[] {
  const before = rowsBeforeTotal(table);
  // A component printed as a bare heading (no amounts, no subtotal) counts through its outputs.
  const top = before.flatMap((r) =>
    r.kind === "component" ? (isAmountless(r) ? childrenOf(table, r) : [r]) : r.kind === "unlabeled" && r.component === null ? [r] : [],
  );
  // A flat list of outputs with no component rows sums straight into the total.
  return top.length > 0 ? top : before.filter((r) => r.kind === "output" || r.kind === "unlabeled");
}

function rowsBeforeTotal(table: Table): TableRow[] {
  const end = table.rows.findIndex((r) => r.kind === "total");
  return end < 0 ? table.rows : table.rows.slice(0, end);
}

interface Hierarchy {
  children: Map<TableRow, TableRow[]>;
  index: Map<TableRow, number>;
}

const hierarchies = new WeakMap<Table, Hierarchy>();

/** The row tree's children lists, worked out once per table from each row's parent: rules ask for them for every row. */
function hierarchy(table: Table): Hierarchy {
  const h = hierarchies.get(table);
  if (h) return h;
  const links: Hierarchy = { children: new Map(), index: new Map() };
  table.rows.forEach((r, i) => {
    links.index.set(r, i);
    if (r.parent === null || r.parent === undefined) return;
    const p = table.rows[r.parent];
    let kids = links.children.get(p);
    if (!kids) links.children.set(p, (kids = []));
    kids.push(r);
  });
  hierarchies.set(table, links);
  return links;
}

/** The rows whose amounts add up to this row's (outputs of a component, lines of a subtotal, components of the total). */
export function childrenOf(table: Table, row: TableRow): TableRow[] {
  return hierarchy(table).children.get(row) ?? [];
}

/** The row this row's amounts add up into, if any. */
export function parentOf(table: Table, row: TableRow): TableRow | null {
  return row.parent === null || row.parent === undefined ? null : (table.rows[row.parent] ?? null);
}

/** Whether a row holds no amount at all: a heading that only groups the rows under it. */
export function isAmountless(row: TableRow): boolean {
  return plainIsEmpty(row) ?? row.amounts.every((a) => a === null);
}

/**
 * The rows a parent's amounts should equal the sum of: its children, with a
 * child that holds no amount at all (a bare heading) replaced by its own.
 */
export function partsOf(table: Table, row: TableRow): TableRow[] {
  const out: TableRow[] = [];
  const visit = (r: TableRow): void => {
    for (const k of childrenOf(table, r)) {
      if (isAmountless(k) && childrenOf(table, k).length > 0) visit(k);
      else out.push(k);
    }
  };
  visit(row);
  return out;
}

export function totalRow(table: Table): TableRow | null {
  return table.rows.find((r) => r.kind === "total") ?? null;
}

/** Sums a column over rows; null when any of the cells holds no amount (value.invalid reports those). */
export function sumColumn(rows: TableRow[], index: number): number | null {
  let sum = 0;
  for (const r of rows) {
    const v = amountAt(r, index);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Rows that carry amounts a rule can check. */
export function isDataRow(row: TableRow): boolean {
  return row.kind !== "heading";
}
