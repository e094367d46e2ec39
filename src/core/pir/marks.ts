/**
 * Puts findings on the PIR cells they are about: a fill by severity and a note
 * "rule: message". A finding lands first on the cell that reproduces its source
 * cell; when it points at a cell we do not reproduce (another table, a derived
 * amount), on the cell its component, output, period and rule name.
 */
import { parseAddress, placeName } from "../grid";
import type { Finding, Period, Severity, Table } from "../model";
import { ruleById } from "../rules/registry";
import type { PirMark } from "../rules/rule";
import type { PirLabels } from "./labels";
import type { SheetCell } from "./sheet";

/** The cells of one financial-table row that a finding can name. */
export interface FinancialTargets {
  label: SheetCell;
  budget: SheetCell;
  expenditure: SheetCell;
}

/** The cells of one work-plan row that a finding can name. */
export interface WorkplanTargets {
  label: SheetCell;
  budget: SheetCell | null;
  periods: Map<Period, SheetCell>;
}

export class FindingTargets {
  private readonly bySource = new Map<string, SheetCell[]>();
  /** The source cells findings point at, by file and sheet: only those are recorded (null: every one). */
  private readonly wanted: Map<string, Map<string, Set<string>>> | null;
  /** By component ("1", "PMC"). */
  readonly financial = new Map<string, FinancialTargets>();
  financialTotal: FinancialTargets | null = null;
  /** By "c:<component>" and "o:<output>". */
  readonly workplan = new Map<string, WorkplanTargets>();
  workplanTotal: WorkplanTargets | null = null;

  /**
   * `findings`: the findings whose cells will be asked for; a sheet of tens of
   * thousands of source cells then records only theirs. Without: every cell.
   */
  constructor(findings?: Finding[]) {
    if (!findings) {
      this.wanted = null;
      return;
    }
    this.wanted = new Map();
    for (const f of findings) {
      let sheets = this.wanted.get(f.file);
      if (!sheets) this.wanted.set(f.file, (sheets = new Map()));
      let cells = sheets.get(f.sheet);
      if (!cells) sheets.set(f.sheet, (cells = new Set()));
      cells.add(normalA1(f.cell));
    }
  }

  /** Records that `target` shows the source cell `file|sheet|a1`. */
  addSource(file: string, sheet: string, a1: string, target: SheetCell): void {
    if (this.wanted && !this.wanted.get(file)?.get(sheet)?.has(normalA1(a1))) return;
    const key = sourceKey(file, sheet, a1);
    const list = this.bySource.get(key);
    if (list) list.push(target);
    else this.bySource.set(key, [target]);
  }

  /** The first row wins: a component's own row, not a later row that names it. */
  addWorkplanRow(key: string, targets: WorkplanTargets): void {
    if (!this.workplan.has(key)) this.workplan.set(key, targets);
  }

  addFinancialRow(component: string, targets: FinancialTargets): void {
    if (!this.financial.has(component)) this.financial.set(component, targets);
  }

  cellsFor(finding: Finding): SheetCell[] {
    const exact = this.bySource.get(sourceKey(finding.file, finding.sheet, finding.cell)) ?? [];
    // A disagreement between the two tables shows on both: the cell it points at and its counterparts.
    const mark = ruleById(finding.rule).pirMark;
    const crossTable = mark === "crossBudget" || mark === "crossExpenditure";
    if (exact.length > 0 && !crossTable) return exact;
    const cells = [...exact];
    for (const named of this.namedCells(finding, mark)) if (!cells.includes(named)) cells.push(named);
    return cells;
  }

  /** The cells the registry says a finding of its rule marks (see PirMark in rules/rule.ts). */
  private namedCells(f: Finding, mark: PirMark): SheetCell[] {
    const present = (cells: Array<SheetCell | null | undefined>) => cells.filter((c): c is SheetCell => !!c);
    switch (mark) {
      case "crossBudget":
        return present([this.financialRow(f)?.budget, this.workplanCell(f)]);
      case "crossExpenditure":
        return present([this.financialRow(f)?.expenditure]);
      case "expenditure":
        return present([this.financialRow(f)?.expenditure ?? this.workplanCell(f)]);
      case "budget":
        return present([this.financialRow(f)?.budget ?? this.workplanCell(f)]);
      case "row":
        return present([this.workplanRow(f)?.label]);
      case "source":
        return []; // about one source cell: only an exact match says which
      case "plan":
        return present([this.workplanCell(f)]);
    }
  }

  private financialRow(f: Finding): FinancialTargets | null {
    if (f.component === null) return f.rule === "sum.total" ? this.financialTotal : null;
    return this.financial.get(f.component) ?? null;
  }

  private workplanRow(f: Finding): WorkplanTargets | null {
    return (
      (f.output !== null ? this.workplan.get(`o:${f.output}`) : undefined) ??
      (f.component !== null ? this.workplan.get(`c:${f.component}`) : undefined) ??
      (f.rule === "sum.total" ? this.workplanTotal : null)
    );
  }

  private workplanCell(f: Finding): SheetCell | null {
    const row = this.workplanRow(f);
    if (!row) return null;
    if (f.period !== null) return row.periods.get(f.period) ?? null;
    return row.budget ?? row.label;
  }
}

function sourceKey(file: string, sheet: string, a1: string): string {
  return `${file}|${sheet}|${normalA1(a1)}`;
}

/** "$c$5" → "C5"; an address already plain (as the recognisers write them) is returned as is. */
function normalA1(a1: string): string {
  return /[$a-z]/.test(a1) ? a1.replace(/\$/g, "").toUpperCase() : a1;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * A finding's explanation as a note on the PIR sheet. A message speaks of its
 * source cell ("the budget is 889,000.00 here", "in C7"), and the PIR cell a
 * note sits on may show another figure (a disagreement between the two tables
 * marks both), so the note first names the table and source cell it speaks
 * of: "Budget table, budget.xlsx › Budget!B7: Component 3: the budget is
 * 889,000.00 here but 1,069,000.00 in …".
 */
export function findingNote(f: Finding, tables: Table[], labels: PirLabels): string {
  const table = tableOf(f, tables);
  const name = table ? labels.tableKinds[table.kind] : labels.source;
  // The file by its name only: the table's Source line above gives its folder.
  return `${name}, ${placeName(f.file.replace(/^.*[\\/]/, ""), f.sheet, f.cell)}: ${f.message}`;
}

/** The table that holds a finding's cell: on its sheet, and within its range when several tables share the sheet. */
function tableOf(f: Finding, tables: Table[]): Table | undefined {
  const onSheet = tables.filter((t) => t.file === f.file && t.sheet === f.sheet);
  if (onSheet.length <= 1) return onSheet[0];
  const at = parseAddress(f.cell);
  const within = (t: Table) => {
    const [from, to] = t.range.split(":").map(parseAddress);
    return !!at && !!from && !!to && at.row >= from.row && at.row <= to.row && at.col >= from.col && at.col <= to.col;
  };
  return onSheet.find(within) ?? onSheet[0];
}

/** Fills every cell a finding is about and writes its notes (`noteOf`); the worst severity decides the fill. Returns the findings on each cell. */
export function markFindings(findings: Finding[], targets: FindingTargets, noteOf: (f: Finding) => string): Map<SheetCell, Finding[]> {
  const onCell = new Map<SheetCell, Finding[]>();
  for (const f of findings) {
    for (const cell of targets.cellsFor(f)) {
      const list = onCell.get(cell);
      if (list) {
        if (!list.includes(f)) list.push(f);
      } else onCell.set(cell, [f]);
    }
  }
  for (const [cell, list] of onCell) {
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    cell.style = { ...cell.style, fill: list[0].severity };
    cell.note = list.map((f) => `${f.rule}: ${noteOf(f)}`).join("\n");
  }
  return onCell;
}
