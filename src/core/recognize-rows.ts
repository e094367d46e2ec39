/**
 * Reads the rows under a header into table rows: amounts per column, the
 * label, and the row's place in the hierarchy (component → output, total,
 * lines after the total). Stops at the table's end: blank rows or notes
 * that no data row follows, or the next table's header.
 */
import { cellAt, cellText, columnName, type SheetGrid } from "./grid";
import { isAmountNumber, parseAmount } from "./amounts";
import { classifyLabel, componentOfOutput } from "./codes";
import type { AmountCell, RowKind, TableRow } from "./model";
import { isAmountRole, isMoneyRole, type HeaderModel } from "./recognize-header";

/** Blank or note rows allowed inside a table before it is taken as ended. */
const MAX_GAP = 3;

interface RawRow {
  row: number;
  label: string;
  labelCell: number | null;
  amounts: Array<AmountCell | null>;
  hasAmount: boolean;
}

/** Column letters of the header's columns, made once per table rather than once per cell. */
function columnLetters(header: HeaderModel): string[] {
  return header.columns.map((c) => columnName(c.col));
}

/**
 * An amount cell whose A1 address is spelled out only when asked for: a big
 * plan has hundreds of thousands of cells and findings on a handful.
 */
class ReadAmount implements AmountCell {
  formula?: string;

  constructor(
    readonly value: number | null,
    private readonly letters: string,
    private readonly rowNumber: number,
  ) {}

  get cell(): string {
    return this.letters + String(this.rowNumber);
  }

  toJSON(): AmountCell {
    return this.formula === undefined ? { cell: this.cell, value: this.value } : { cell: this.cell, value: this.value, formula: this.formula };
  }
}

function readRawRow(sheet: SheetGrid, header: HeaderModel, letters: string[], row: number): RawRow {
  const parts: string[] = [];
  let labelCell: number | null = null;
  for (const c of header.labelCols) {
    const t = cellText(cellAt(sheet, row, c));
    if (t !== "") {
      parts.push(t);
      if (labelCell === null) labelCell = c;
    }
  }
  let hasAmount = false;
  const rowNumber = row + 1;
  const cells = sheet.cells[row];
  const amounts = header.columns.map((col, i): AmountCell | null => {
    if (!isMoneyRole(col.role)) return null;
    const found = cells ? cells[col.col] : null;
    // Plain numbers are nearly every cell of a big plan: no detour through parseAmount.
    if (found && typeof found.value === "number" && isAmountNumber(found.value)) {
      if (isAmountRole(col.role)) hasAmount = true;
      const read = new ReadAmount(found.value, letters[i], rowNumber);
      if (found.formula !== undefined) read.formula = found.formula;
      return read;
    }
    const parsed = parseAmount(found);
    if (parsed.kind === "blank") return null;
    const cell = letters[i] + String(rowNumber);
    if (parsed.kind === "amount") {
      if (isAmountRole(col.role)) hasAmount = true;
      return found?.formula === undefined ? { cell, value: parsed.value } : { cell, value: parsed.value, formula: found.formula };
    }
    // Notes and percentages in "other" columns are not amounts and not errors.
    if (!isAmountRole(col.role)) return null;
    hasAmount = true;
    return { cell, value: null, invalid: parsed.raw };
  });
  return { row, label: parts.join(" "), labelCell, amounts, hasAmount };
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

  const letters = columnLetters(header);
  for (let r = header.bottom + 1; r < sheet.cells.length; r++) {
    const raw = readRawRow(sheet, header, letters, r);
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
        pending.push(makeRow(raw, "heading", component, null));
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
    const row = makeRow(raw, kind, rowComponent, output);
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

function makeRow(raw: RawRow, kind: RowKind, component: string | null, output: string | null): TableRow {
  return { row: raw.row, label: raw.label, kind, component, output, amounts: raw.amounts, parent: null };
}
