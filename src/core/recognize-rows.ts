/**
 * Reads the rows under a header into table rows: amounts per column, the
 * label, and the row's place in the hierarchy (component → output, total,
 * lines after the total). Stops at the table's end: blank rows or notes
 * that no data row follows, or the next table's header.
 */
import { cellAt, cellText, columnName, type Cell, type SheetGrid } from "./grid";
import { isAmountNumber, parseAmount } from "./amounts";
import { classifyLabel, componentOfOutput } from "./codes";
import type { AmountCell, RowKind, TableRow } from "./model";
import { isAmountRole, isMoneyRole, type HeaderModel } from "./recognize-header";
import { amountCell, readAmountsLater, type ColumnPlan } from "./row-amounts";

/** Blank or note rows allowed inside a table before it is taken as ended. */
const MAX_GAP = 3;

interface RawRow {
  row: number;
  label: string;
  labelCell: number | null;
  /** Read at once; null when the row's amounts are read from `cells` when asked. */
  amounts: Array<AmountCell | null> | null;
  cells: ReadonlyArray<Cell | null | undefined> | null;
  hasAmount: boolean;
}


/** Where the table's columns sit and what they hold, worked out once per table rather than once per cell. */
interface TablePlan extends ColumnPlan {
  /** Per table column: does it hold an amount (not only money, e.g. a note column's figures)? */
  amountRole: boolean[];
}

function tablePlan(header: HeaderModel): TablePlan {
  return {
    cols: header.columns.map((c) => (isMoneyRole(c.role) ? c.col : -1)),
    letters: header.columns.map((c) => columnName(c.col)),
    amountRole: header.columns.map((c) => isAmountRole(c.role)),
  };
}

/**
 * Whether every money cell of the row is blank or a plain number (nearly
 * every row of a big plan): then its amounts are read from the grid when
 * asked (row-amounts.ts). Also tells whether an amount column holds one.
 */
function plainRow(cells: ReadonlyArray<Cell | null | undefined> | null | undefined, plan: TablePlan): { plain: boolean; hasAmount: boolean } {
  let hasAmount = false;
  if (!cells) return { plain: true, hasAmount };
  for (let i = 0; i < plan.cols.length; i++) {
    const col = plan.cols[i];
    if (col < 0) continue;
    const found = cells[col];
    const v = found?.value;
    // Blank: no cell, no value, or only spaces (parseAmount reads them so too).
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "number" || !isAmountNumber(v)) return { plain: false, hasAmount };
    if (plan.amountRole[i]) hasAmount = true;
  }
  return { plain: true, hasAmount };
}

function readRawRow(sheet: SheetGrid, header: HeaderModel, plan: TablePlan, row: number): RawRow {
  const parts: string[] = [];
  let labelCell: number | null = null;
  for (const c of header.labelCols) {
    const t = cellText(cellAt(sheet, row, c));
    if (t !== "") {
      parts.push(t);
      if (labelCell === null) labelCell = c;
    }
  }
  const rowNumber = row + 1;
  const cells = sheet.cells[row];
  const label = parts.join(" ");
  const quick = plainRow(cells, plan);
  if (quick.plain) return { row, label, labelCell, amounts: null, cells: cells ?? [], hasAmount: quick.hasAmount };
  let hasAmount = false;
  const amounts = header.columns.map((col, i): AmountCell | null => {
    if (plan.cols[i] < 0) return null;
    // Only rows holding text or errors come here (plainRow reads the others later): parseAmount reads every cell.
    const found = cells ? cells[col.col] : null;
    const parsed = parseAmount(found);
    if (parsed.kind === "blank") return null;
    const cell = plan.letters[i] + String(rowNumber);
    if (parsed.kind === "amount") {
      if (plan.amountRole[i]) hasAmount = true;
      return amountCell(cell, parsed.value, found?.formula);
    }
    // Notes and percentages in "other" columns are not amounts and not errors.
    if (!plan.amountRole[i]) return null;
    hasAmount = true;
    return { cell, value: null, invalid: parsed.raw };
  });
  return { row, label, labelCell, amounts, cells: null, hasAmount };
}

export interface ReadRowsResult {
  rows: TableRow[];
  /** The last sheet row that belongs to the table. */
  lastRow: number;
}

/**
 * `isNextHeader(row)` tells whether a row starts another table, which ends
 * this one.
 */
export function readTableRows(
  sheet: SheetGrid,
  header: HeaderModel,
  isNextHeader: (row: number) => boolean,
): ReadRowsResult {
  const rows: TableRow[] = [];
  let gap = 0;
  let lastRow = header.bottom;
  let pending: TableRow[] = []; // label-only rows kept only if data follows
  let component: string | null = null;
  /** Index in `rows` where the current component's section began. */
  let sectionStart = 0;
  let previous: TableRow | null = null;
  let afterTotal = false;

  const plan = tablePlan(header);
  for (let r = header.bottom + 1; r < sheet.cells.length; r++) {
    const raw = readRawRow(sheet, header, plan, r);
    if (!raw.hasAmount && raw.label === "") {
      if (++gap > MAX_GAP) break;
      continue;
    }
    if (!raw.hasAmount && isNextHeader(r)) break;
    const cls = raw.label === "" ? null : classifyLabel(raw.label);

    if (!raw.hasAmount) {
      // A component or output with no amounts still opens its section; other text is a heading or a note.
      if (cls && (cls.kind === "component" || cls.kind === "output") && !afterTotal) {
        // falls through to be placed below
      } else {
        if (++gap > MAX_GAP) break;
        pending.push(makeRow(raw, plan, "heading", component, null));
        continue;
      }
    }
    gap = 0;
    rows.push(...pending);
    pending = [];

    let kind: RowKind;
    let output: string | null = null;
    let rowComponentOverride: string | null = null;
    if (afterTotal) {
      kind = raw.label === "" ? "unlabeled" : "afterTotal";
    } else if (cls === null) {
      kind = "unlabeled";
    } else if (cls.kind === "total") {
      kind = "total";
      afterTotal = true;
    } else if (cls.kind === "component") {
      // "Project Management Cost (PMC)" right under "PMC" is that component's only output line.
      if (previous && previous.kind === "component" && previous.component === cls.code && sameSectionStart(rows, previous)) {
        kind = "output";
        output = cls.code;
      } else {
        kind = "component";
        component = cls.code;
        sectionStart = rows.length;
      }
    } else if (cls.kind === "output") {
      kind = "output";
      output = cls.code;
      // "1.1.1" belongs to component 1; a lone "Output 2" says nothing of its component.
      if (component === null && cls.code.includes(".")) component = componentOfOutput(cls.code);
    } else if (cls.kind === "subtotal" && cls.component !== undefined) {
      // A component's total below its outputs ("Total Component 1") is that
      // component's row of amounts, closing its section; a bare "Component 1"
      // line above it is then only a heading.
      const owner = [...rows].reverse().find((x) => x.kind === "component" && x.component === cls.component);
      if (owner && owner.amounts.some((a) => a !== null)) {
        kind = "heading";
      } else {
        if (owner) owner.kind = "heading";
        for (let i = sectionStart; i < rows.length; i++) if (rows[i].kind === "output" && rows[i].component === null) rows[i].component = cls.component;
        kind = "component";
      }
      rowComponentOverride = cls.component;
      component = null;
      sectionStart = rows.length + 1;
    } else if (cls.kind === "outcome" || cls.kind === "subtotal") {
      kind = "heading";
    } else {
      // An uncoded line with amounts: an output of the component above, or a component of its own.
      kind = component === null ? "component" : "output";
    }

    let rowComponent: string | null = kind === "component" ? component : component;
    if (kind === "total" || kind === "afterTotal") rowComponent = null;
    if (kind === "unlabeled") rowComponent = previous && previous.kind === "output" ? previous.component : null;
    if (kind === "component" && cls?.kind !== "component") rowComponent = rowComponentOverride;
    const row = makeRow(raw, plan, kind, rowComponent, output);
    rows.push(row);
    lastRow = r;
    if (kind !== "heading") previous = row;
  }
  return { rows, lastRow };
}

function sameSectionStart(rows: TableRow[], componentRow: TableRow): boolean {
  // Only when nothing but headings came between the component row and this one.
  const i = rows.lastIndexOf(componentRow);
  return rows.slice(i + 1).every((r) => r.kind === "heading");
}

function makeRow(raw: RawRow, plan: ColumnPlan, kind: RowKind, component: string | null, output: string | null): TableRow {
  if (raw.amounts) return { row: raw.row, label: raw.label, kind, component, output, amounts: raw.amounts, parent: null };
  return readAmountsLater({ row: raw.row, label: raw.label, kind, component, output, parent: null }, raw.cells!, plan, raw.row + 1);
}
