/**
 * Reading amounts out of recognised tables the way every rule needs them:
 * by column role, by period, and along the component → output hierarchy.
 */
import type { AmountCell, ColumnRole, Period, Table, TableRow } from "../model";
import { comparePeriods } from "../periods";

export interface PeriodColumn {
  index: number;
  period: Period;
}

/** The index (into `Table.columns` and `TableRow.amounts`) of the first column with this role. */
export function columnIndex(table: Table, role: ColumnRole): number {
  return table.columns.findIndex((c) => c.role === role);
}

/** Period columns in chronological order. */
export function periodColumns(table: Table): PeriodColumn[] {
  const out: PeriodColumn[] = [];
  table.columns.forEach((c, index) => {
    if (c.role === "period" && c.period) out.push({ index, period: c.period });
  });
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}

/** The amount of a cell: blank and "-" are 0; a cell that holds no amount gives null. */
export function amountAt(row: TableRow, index: number): number | null {
  const a = row.amounts[index];
  if (!a) return 0;
  return a.value;
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
    r.kind === "component" ? (r.amounts.every((a) => a === null) ? childrenOf(table, r) : [r]) : r.kind === "unlabeled" && r.component === null ? [r] : [],
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
  parent: Map<TableRow, TableRow>;
}

const hierarchies = new WeakMap<Table, Hierarchy>();

/**
 * Component → children links, worked out once per table: rules ask for them
 * for every row. Outputs follow their component row; where a plan prints the
 * component as a total below its outputs ("Total Component 1"), that row
 * claims the outputs above it that no component row opened.
 */
function hierarchy(table: Table): Hierarchy {
  const h = hierarchies.get(table);
  if (h) return h;
  const links: Hierarchy = { children: new Map(), parent: new Map() };
  let open: TableRow[] | null = null;
  let owner: TableRow | null = null;
  let orphans: TableRow[] = [];
  const adopt = (parent: TableRow, kids: TableRow[]) => {
    links.children.set(parent, kids);
    for (const k of kids) links.parent.set(k, parent);
  };
  for (const r of table.rows) {
    if (r.kind === "component") {
      if (orphans.length > 0 && orphans.every((o) => o.component === r.component)) {
        adopt(r, orphans);
        open = owner = null;
      } else {
        open = [];
        owner = r;
        adopt(r, open);
      }
      orphans = [];
    } else if (r.kind === "total" || r.kind === "afterTotal" || (r.kind === "unlabeled" && r.component === null)) {
      open = owner = null;
      orphans = [];
    } else if (r.kind === "output" || r.kind === "unlabeled") {
      if (open && owner) {
        open.push(r);
        links.parent.set(r, owner);
      } else orphans.push(r);
    }
  }
  hierarchies.set(table, links);
  return links;
}

/** The output rows (and unlabeled rows among them) that follow a component row up to the next component or total. */
export function childrenOf(table: Table, component: TableRow): TableRow[] {
  return hierarchy(table).children.get(component) ?? [];
}

/** The component row an output row sits under, if any. */
export function parentOf(table: Table, row: TableRow): TableRow | null {
  return hierarchy(table).parent.get(row) ?? null;
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
