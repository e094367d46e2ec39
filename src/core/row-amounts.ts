/**
 * A table row's amounts, read from the grid only when someone asks for the
 * cells themselves.
 *
 * Why: a big plan has hundreds of thousands of amount cells, and one object
 * per cell made the engine spend half its time collecting garbage. Rules
 * mostly need numbers, which the grid already holds; the cell objects (with
 * their A1 address) are needed for the few rows a finding points at. So a
 * row whose money cells are all plain numbers or blank keeps a reference to
 * its grid row, `amounts` is filled in on first access, and the accessors in
 * rules/table-access.ts read the numbers straight from the grid meanwhile.
 * Rows holding anything else (text amounts, errors) are read at once, as
 * before: they are few, and their parsing has messages to give.
 */
import type { Cell } from "./grid";
import type { AmountCell, TableRow } from "./model";

/** Where a table's columns sit on the sheet, made once per table. */
export interface ColumnPlan {
  /** The sheet column of each table column that holds money; -1 for the others. */
  cols: number[];
  /** Column letters, for the cells' A1 addresses. */
  letters: string[];
}

interface RowSource {
  cells: ReadonlyArray<Cell | null | undefined>;
  plan: ColumnPlan;
  rowNumber: number;
  read: Array<AmountCell | null> | null;
}

/** The key of a lazily read row's source; not enumerable, so rows still compare and serialise by their fields. */
const SOURCE = "__source";

type LazyRow = TableRow & { [SOURCE]?: RowSource };

/**
 * An amount as every reader records it: own data properties only, so that it
 * survives JSON and a worker's structured clone unchanged; `formula` only
 * when the cell holds one.
 */
export function amountCell(cell: string, value: number, formula: string | undefined): AmountCell {
  return formula === undefined ? { cell, value } : { cell, value, formula };
}

function materialize(src: RowSource): Array<AmountCell | null> {
  if (src.read) return src.read;
  const { cols, letters } = src.plan;
  const out = new Array<AmountCell | null>(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const found = cols[i] < 0 ? null : src.cells[cols[i]];
    out[i] = found && typeof found.value === "number" ? amountCell(letters[i] + String(src.rowNumber), found.value, found.formula) : null;
  }
  return (src.read = out);
}

// One getter and setter for every row, so that all lazily read rows share one hidden class.
const AMOUNTS: PropertyDescriptor = {
  get(this: LazyRow) {
    return materialize(this[SOURCE]!);
  },
  // Amounts set by hand are the row's from then on: it stops reading the grid.
  set(this: LazyRow, value: Array<AmountCell | null>) {
    delete this[SOURCE];
    Object.defineProperty(this, "amounts", { value, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};

/**
 * Gives a row its amounts from its grid row when first asked. Only for rows
 * whose money cells are all blank or plain numbers (`isPlainAmountRow`).
 */
export function readAmountsLater(row: Omit<TableRow, "amounts">, cells: ReadonlyArray<Cell | null | undefined>, plan: ColumnPlan, rowNumber: number): TableRow {
  Object.defineProperty(row, SOURCE, { value: { cells, plan, rowNumber, read: null } satisfies RowSource, writable: false, enumerable: false, configurable: true });
  Object.defineProperty(row, "amounts", AMOUNTS);
  return row as TableRow;
}

/**
 * The number in a table column without making its cell object: a number, or
 * null for a blank cell (or a column that holds no money). Undefined when the
 * row was read at once: then ask `row.amounts`.
 */
export function plainAmount(row: TableRow, index: number): number | null | undefined {
  const src = (row as LazyRow)[SOURCE];
  if (src === undefined) return undefined;
  const col = src.plan.cols[index];
  if (col === undefined || col < 0) return null;
  const found = src.cells[col];
  return found && typeof found.value === "number" ? found.value : null;
}

/** The formula of a table column's cell, for a lazily read row; `plainAmount` says when the row is one. */
export function plainFormula(row: TableRow, index: number): string | undefined {
  const src = (row as LazyRow)[SOURCE]!;
  const col = src.plan.cols[index];
  return col === undefined || col < 0 ? undefined : (src.cells[col]?.formula ?? undefined);
}

/** For a lazily read row, whether it holds no amount at all; undefined for a row read at once. */
export function plainIsEmpty(row: TableRow): boolean | undefined {
  const src = (row as LazyRow)[SOURCE];
  if (src === undefined) return undefined;
  if (src.read) return src.read.every((a) => a === null);
  for (const col of src.plan.cols) {
    const found = col < 0 ? null : src.cells[col];
    if (found && typeof found.value === "number") return false;
  }
  return true;
}

/** Whether the row was read lazily: then none of its cells is invalid. */
export function isPlainAmountRow(row: TableRow): boolean {
  return (row as LazyRow)[SOURCE] !== undefined;
}
