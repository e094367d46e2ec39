/**
 * Random damage to real workbook grids, for the engine's fuzz test. Grids are
 * plain data, so each case mutates a copy of a fixture's grid directly — no
 * .xlsx round trip. Mutations carry raw picks (natural numbers) that are
 * resolved against the grid as it is when they apply, so that any list of
 * mutations is valid on any grid, and fast-check can shrink them freely.
 */
import fc from "fast-check";
import type { Cell, CellValue, MergedArea, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { Table } from "../../src/core/model";
import { parseAddress } from "../../src/core/grid";

/** Where a recognised table of the unmutated grid sits: a hint to aim mutations at the cells that matter. */
export interface TableSpot {
  /** The sheet by name: mutations that add sheets move the others. */
  sheet: string;
  headerTop: number;
  /** First and last data row (0-based, inclusive). */
  firstRow: number;
  lastRow: number;
  labelCol: number;
  amountCols: number[];
}

export interface FuzzBase {
  grid: WorkbookGrid;
  spots: TableSpot[];
}

export function tableSpots(grid: WorkbookGrid, tables: Table[]): TableSpot[] {
  return tables
    .filter((t) => t.file === grid.file)
    .map((t) => {
      const [from, to] = t.range.split(":").map((a) => parseAddress(a)!);
      const headerBottom = t.headerRows[t.headerRows.length - 1];
      return {
        sheet: t.sheet,
        headerTop: t.headerRows[0],
        firstRow: headerBottom + 1,
        lastRow: Math.max(headerBottom + 1, to.row),
        labelCol: t.columns.find((c) => c.role === "label")?.col ?? from.col,
        amountCols: t.columns.filter((c) => c.role !== "label").map((c) => c.col),
      };
    });
}

// ---------------------------------------------------------------------------
// Values

const ERRORS = ["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"];
const TEXTS = [
  "n/a", "-", "\u2013", "", "  ", "(1,234.50)", "60,000.00", "15.000,00", "1.234.567,89", "S/ 1,000", "S/. 2.500,00",
  "US$ 5", "$ (12.00)", "- 5", "--5", "(-5)", "1e5", "12%", "=SUM(C5:C9)", "TBD", "Total", "2021", "1 000,50",
];
const LABELS = [
  "C.1: Policy framework", "Component 2", "Componente 3", "Comp. 4", "1.1.1 Regulation", "Output 2.2", "3.4.1", "PMC",
  "Project management", "Gestión del proyecto", "M&E", "Total", "TOTAL GENERAL", "Sub-total", "Outcome 1.1", "Trus fund",
  "Trust fund for companies", "", "Note: amounts in USD",
];
const HEADERS = [
  "2021", "2,021", "FY22", "2022 Q1", "2022 T1", "Q3", "T4", "1T", "I trimestre", "Trim 2", "Budget", "Total Budget",
  "Expenditure", "Total expenditure", "Total", "Balance", "%", "GEF Fund (USD)", "Presupuesto", "Gasto", "Outputs",
];

/** 10,000 characters: a pasted paragraph, optionally behind a code so that it still reads as a component or output. */
const longText = fc
  .tuple(fc.constantFrom("", "C.1 ", "1.1.1 ", "PMC ", "Total "), fc.string({ minLength: 1, maxLength: 8 }))
  .map(([code, unit]) => (code + unit.repeat(Math.ceil(10_000 / unit.length))).slice(0, 10_000));

/** Anything a cell can hold, biased towards what breaks amount parsing and sums. */
export const hostileValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.constantFrom(...TEXTS), weight: 3 },
  { arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.constantFrom(1e300, -1e300, 5e-324, -5e-324, 9.99999999999999e307, -0, 0), weight: 2 },
  { arbitrary: fc.integer({ min: -1e12, max: 1e12 }), weight: 2 },
  { arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), weight: 3 },
  { arbitrary: fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const hostileCell: fc.Arbitrary<Cell> = fc
  .record({ value: hostileValue, bold: fc.boolean(), text: fc.option(fc.string({ maxLength: 10 }), { nil: undefined, freq: 8 }) })
  .map(({ value, bold, text }) => {
    const cell: Cell = { value };
    if (bold) cell.bold = true;
    if (text !== undefined) cell.text = text; // Office.js shows a text that need not match the value
    return cell;
  });

// ---------------------------------------------------------------------------
// Mutations

export type MergeShape = "random" | "overlap" | "outside" | "straddle" | "single" | "wholeRow" | "wholeColumn";

export type Mutation =
  | { kind: "amount"; spot: number; row: number; col: number; cell: Cell }
  | { kind: "cell"; sheet: number; row: number; col: number; cell: Cell }
  | { kind: "label"; spot: number; row: number; text: string }
  | { kind: "header"; spot: number; col: number; cell: Cell }
  | { kind: "deleteRow" | "duplicateRow" | "nullRow"; sheet: number; row: number }
  | { kind: "shortRow"; sheet: number; row: number; keep: number }
  | { kind: "shuffleRows"; spot: number; keys: number[] }
  | { kind: "headerOnly"; spot: number }
  | { kind: "merge"; sheet: number; shape: MergeShape; row: number; col: number; height: number; width: number }
  | { kind: "hideSheet" | "clearSheet"; sheet: number }
  | { kind: "emptySheet"; at: number; withNullRows: boolean }
  | { kind: "farCell"; sheet: number; row: number; edge: "row" | "column" | "corner"; cell: Cell };

const pick = fc.nat();

/** Changes of values: amounts, labels and header cells. The table's shape stays. */
export const valueMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("amount" as const), spot: pick, row: pick, col: pick, cell: hostileCell }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant("cell" as const), sheet: pick, row: pick, col: pick, cell: hostileCell }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant("label" as const), spot: pick, row: pick, text: fc.oneof(fc.constantFrom(...LABELS), longText, fc.string()) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("header" as const),
      spot: pick,
      col: pick,
      cell: fc.oneof(fc.constantFrom(...HEADERS).map((value): Cell => ({ value })), hostileCell, longText.map((value): Cell => ({ value }))),
    }),
    weight: 1,
  },
);

/** Changes of shape: rows, merges and sheets. */
export const shapeMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom("deleteRow" as const, "duplicateRow" as const, "nullRow" as const), sheet: pick, row: pick }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("shortRow" as const), sheet: pick, row: pick, keep: fc.nat({ max: 4 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("shuffleRows" as const), spot: pick, keys: fc.array(pick, { minLength: 1, maxLength: 12 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("headerOnly" as const), spot: pick }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant("merge" as const),
      sheet: pick,
      shape: fc.constantFrom<MergeShape>("random", "overlap", "outside", "straddle", "single", "wholeRow", "wholeColumn"),
      row: pick,
      col: pick,
      height: fc.nat({ max: 3 }),
      width: fc.nat({ max: 5 }),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constantFrom("hideSheet" as const, "clearSheet" as const), sheet: pick }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("emptySheet" as const), at: pick, withNullRows: fc.boolean() }), weight: 4 },
  // A stray note in the sheet's last row or column (Ctrl+↓ and typing): a million rows, nearly all
  // empty. Rarer than the rest, because every such case costs a pass over a million rows.
  {
    arbitrary: fc.record({
      kind: fc.constant("farCell" as const),
      sheet: pick,
      row: pick,
      edge: fc.constantFrom("row" as const, "column" as const, "corner" as const),
      cell: hostileCell,
    }),
    weight: 1,
  },
);

export const anyMutation: fc.Arbitrary<Mutation> = fc.oneof(valueMutation, shapeMutation);

/** A mutated deep copy of `base`; the base is never touched. */
export function applyMutations(base: FuzzBase, mutations: Mutation[]): WorkbookGrid {
  const grid = structuredClone(base.grid);
  for (const m of mutations) applyMutation(grid, base.spots, m);
  return grid;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function width(sheet: SheetGrid): number {
  return sheet.cells.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
}

function setCell(sheet: SheetGrid, row: number, col: number, cell: Cell | null): void {
  // Empty rows as the xlsx reader makes them: null, not holes.
  if (sheet.cells.length <= row) sheet.cells = sheet.cells.concat(new Array<null>(row + 1 - sheet.cells.length).fill(null));
  const line = sheet.cells[row] ?? (sheet.cells[row] = []);
  line[col] = cell; // may leave holes: a missing cell is an empty cell
}

function applyMutation(grid: WorkbookGrid, spots: TableSpot[], m: Mutation): void {
  const sheetAt = (n: number): SheetGrid | undefined => grid.sheets[n % Math.max(1, grid.sheets.length)];
  const spot = "spot" in m && spots.length > 0 ? spots[m.spot % spots.length] : undefined;
  const spotSheet = spot ? grid.sheets.find((s) => s.name === spot.sheet) : undefined;
  const dataRow = (s: TableSpot, n: number) => s.firstRow + (n % (s.lastRow - s.firstRow + 1));
  switch (m.kind) {
    case "amount":
      if (spot && spotSheet && spot.amountCols.length > 0) setCell(spotSheet, dataRow(spot, m.row), spot.amountCols[m.col % spot.amountCols.length], m.cell);
      return;
    case "label":
      if (spot && spotSheet) setCell(spotSheet, dataRow(spot, m.row), spot.labelCol, { value: m.text });
      return;
    case "header":
      if (spot && spotSheet && spot.amountCols.length > 0) setCell(spotSheet, spot.headerTop, spot.amountCols[m.col % spot.amountCols.length], m.cell);
      return;
    case "shuffleRows": {
      if (!spot || !spotSheet) return;
      const rows = spotSheet.cells.slice(spot.firstRow, spot.lastRow + 1);
      const order = rows.map((_, i) => i).sort((a, b) => m.keys[a % m.keys.length] - m.keys[b % m.keys.length] || a - b);
      order.forEach((from, i) => (spotSheet.cells[spot.firstRow + i] = rows[from]));
      return;
    }
    case "headerOnly":
      if (spot && spotSheet) spotSheet.cells.splice(spot.firstRow, spot.lastRow - spot.firstRow + 1);
      return;
    case "emptySheet": {
      const names = new Set(grid.sheets.map((s) => s.name));
      let n = 1;
      while (names.has(`Empty ${n}`)) n++;
      const sheet: SheetGrid = { name: `Empty ${n}`, cells: m.withNullRows ? [null, [], [null, undefined]] : [], merges: [] };
      grid.sheets.splice(m.at % (grid.sheets.length + 1), 0, sheet);
      return;
    }
  }
  const sheet = sheetAt(m.sheet);
  if (!sheet) return;
  const rows = sheet.cells.length;
  const row = (n: number, beyond = 0) => n % (rows + beyond || 1);
  switch (m.kind) {
    case "cell":
      setCell(sheet, row(m.row, 3), m.col % (width(sheet) + 3), m.cell);
      return;
    case "deleteRow":
      if (rows > 0) sheet.cells.splice(row(m.row), 1);
      return;
    case "duplicateRow":
      if (rows > 0) sheet.cells.splice(row(m.row), 0, structuredClone(sheet.cells[row(m.row)]));
      return;
    case "nullRow":
      if (rows > 0) sheet.cells[row(m.row)] = m.row % 2 === 0 ? null : undefined;
      return;
    case "shortRow": {
      const line = sheet.cells[row(m.row)];
      if (line) line.length = Math.min(line.length, m.keep);
      return;
    }
    case "merge":
      sheet.merges.push(mergeArea(sheet, m));
      return;
    case "farCell":
      setCell(sheet, m.edge === "column" ? row(m.row) : MAX_ROW, m.edge === "row" ? 0 : MAX_COL, m.cell);
      return;
    case "hideSheet":
      sheet.hidden = true;
      return;
    case "clearSheet":
      sheet.cells = [];
      return;
  }
}

function mergeArea(sheet: SheetGrid, m: Extract<Mutation, { kind: "merge" }>): MergedArea {
  const rows = Math.max(1, sheet.cells.length);
  const cols = Math.max(1, width(sheet));
  const top = m.row % rows;
  const left = m.col % cols;
  const area = (t: number, l: number, h: number, w: number): MergedArea => ({
    top: Math.min(t, MAX_ROW),
    left: Math.min(l, MAX_COL),
    bottom: Math.min(t + h, MAX_ROW),
    right: Math.min(l + w, MAX_COL),
  });
  switch (m.shape) {
    case "random":
      return area(top, left, m.height, m.width);
    case "overlap": {
      const other = sheet.merges[m.row % Math.max(1, sheet.merges.length)];
      return other ? area(other.top + (m.height % 2), other.left + (m.width % 2), m.height, m.width) : area(top, left, 1, 1);
    }
    case "outside":
      return area(rows + (m.row % 5), cols + (m.col % 5), m.height, m.width);
    case "straddle": // starts inside the used area and runs past its edge
      return area(rows - 1, left, m.height + 2, cols);
    case "single":
      return area(top, left, 0, 0);
    case "wholeRow":
      return area(top, 0, 0, MAX_COL);
    case "wholeColumn":
      return area(0, left, MAX_ROW, 0);
  }
}
