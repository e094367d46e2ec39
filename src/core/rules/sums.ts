/**
 * Every subtotal equals its children, on both axes, wherever it is written.
 * Down the row tree: a component row against its outputs or lines
 * (sum.component), the total row against the components (sum.total), any
 * other subtotal against its lines ("1199 Sub-Total", an output over its
 * activities: sum.subtotal). Across the column tree: a total column against
 * the columns it adds up ("Total" = the periods, "Sub-Total" = the
 * components, "Total" = Sub-Total + M&E + PMC: sum.row).
 */
import type { Finding, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding, roundingBound } from "./finding";
import { money, period as periodText, roundingNote, subject, type Language } from "./messages";
import { amountAt, cellOf, childrenOf, isDataRow, partsOf, periodColumns, sumColumn } from "./table-access";

type SumRule = "sum.component" | "sum.total" | "sum.subtotal" | "sum.row";

export function sumRules(tables: Table[], settings: Settings): Finding[] {
  return tables.flatMap((t) => [...treeSums(t, settings), ...rowSums(t, settings)]);
}

/**
 * Columns whose cells add up down the row tree. Total columns are left out:
 * sum.row checks each of them against its own parts, so a wrong line total
 * would otherwise be reported a second time on its subtotal.
 */
export function summedColumns(t: Table): number[] {
  const out: number[] = [];
  t.columns.forEach((c, i) => {
    if (c.role === "period" || c.role === "budget" || c.role === "expenditure" || c.role === "commitment" || c.role === "member") out.push(i);
  });
  return out;
}

/** The columns a total column adds up: its own list, else every period column. */
export function partColumns(t: Table, index: number): number[] {
  return t.columns[index].sumOf ?? periodColumns(t).map((p) => p.index);
}

function columnName(t: Table, index: number, lang: Language): string {
  const c = t.columns[index];
  if (c.period) return periodText(c.period, lang);
  // A two-row header reads "GEF Fund (USD) Budget": name the column by what it holds.
  if (c.role === "budget") return lang === "es" ? "Presupuesto" : "Budget";
  if (c.role === "expenditure") return lang === "es" ? "Gasto" : "Expenditure";
  if (c.role === "member" && c.component) return subject(c.component, null, lang);
  return `"${c.header}"`;
}

interface Mismatch {
  t: Table;
  row: TableRow;
  index: number;
  expected: number;
  actual: number;
  parts: number;
  /** What the parts are, in words: "its outputs", "the components", "its lines". */
  partsName: string;
}

/** How a parent's children are called in a message. */
function childrenName(kids: TableRow[], total: boolean, lang: Language): string {
  const es = lang === "es";
  if (kids.length > 0 && kids.every((k) => k.kind === "output")) return es ? "sus productos" : "its outputs";
  if (total && kids.some((k) => k.kind === "component")) return es ? "los componentes" : "the components";
  if (kids.some((k) => k.kind === "subtotal")) return es ? "sus subtotales" : "its subtotals";
  return es ? "sus líneas" : "its lines";
}

/** How the columns a total adds up are called: periods, components, or columns. */
function columnsName(t: Table, parts: number[], lang: Language): string {
  const es = lang === "es";
  if (parts.every((i) => t.columns[i].role === "period")) return es ? "los períodos de la fila" : "the row's periods";
  if (parts.every((i) => t.columns[i].role === "member")) return es ? "los componentes de la fila" : "the row's components";
  return es ? `las columnas ${parts.map((i) => columnName(t, i, lang)).join(" + ")}` : `the columns ${parts.map((i) => columnName(t, i, lang)).join(" + ")}`;
}

function sumMessage(m: Mismatch, rule: SumRule, s: Settings): string {
  const lang = s.language;
  const col = columnName(m.t, m.index, lang);
  const diff = money(Math.abs(m.actual - m.expected), lang);
  const rounding = Math.abs(m.actual - m.expected) <= roundingBound(m.parts) ? roundingNote(lang) : "";
  const who = rule === "sum.total" ? "Total" : subject(m.row.component, m.row.output, lang, m.row.label);
  const a = money(m.actual, lang);
  const e = money(m.expected, lang);
  if (rule === "sum.row") {
    return lang === "es"
      ? `${who}: la columna ${col} muestra ${a} pero ${m.partsName} suman ${e} (diferencia ${diff}).${rounding}`
      : `${who}: the ${col} column shows ${a} but ${m.partsName} add up to ${e} (a difference of ${diff}).${rounding}`;
  }
  return lang === "es"
    ? `${who}, ${col}: la fila muestra ${a} pero ${m.partsName} suman ${e} (diferencia ${diff}).${rounding}`
    : `${who}, ${col}: the row shows ${a} but ${m.partsName} add up to ${e} (a difference of ${diff}).${rounding}`;
}

function toFinding(m: Mismatch, rule: SumRule, s: Settings): Finding {
  const cell = cellOf(m.row, m.index)!;
  const rounding = Math.abs(m.actual - m.expected) <= roundingBound(m.parts);
  const c = m.t.columns[m.index];
  return makeFinding(m.t, {
    rule,
    severity: rounding ? "warning" : "error",
    cell: cell.cell,
    component: m.row.kind === "total" ? (c.component ?? null) : (m.row.component ?? c.component ?? null),
    output: m.row.output,
    period: c.period ?? null,
    expected: m.expected,
    actual: m.actual,
    message: sumMessage(m, rule, s),
  });
}

/** Compares a printed cell with the sum of the same column over `parts`. */
function checkColumn(t: Table, row: TableRow, parts: TableRow[], index: number, s: Settings, partsName: string): Mismatch | null {
  const printed = cellOf(row, index);
  if (!printed || printed.value === null) return null;
  const sum = sumColumn(parts, index);
  if (sum === null || !beyond(Math.abs(printed.value - sum), s.tolerance)) return null;
  const counted = parts.filter((p) => (amountAt(p, index) ?? 0) !== 0).length;
  return { t, row, index, expected: sum, actual: printed.value, parts: counted, partsName };
}

function ruleFor(row: TableRow): SumRule {
  if (row.kind === "total") return "sum.total";
  if (row.kind === "component") return "sum.component";
  return "sum.subtotal";
}

function treeSums(t: Table, s: Settings): Finding[] {
  const out: Finding[] = [];
  const cols = summedColumns(t);
  for (const r of t.rows) {
    if (r.kind === "heading" || childrenOf(t, r).length === 0) continue;
    const parts = partsOf(t, r);
    if (parts.length === 0) continue;
    const rule = ruleFor(r);
    const name = childrenName(parts, r.kind === "total", s.language);
    for (const i of cols) {
      const m = checkColumn(t, r, parts, i, s, name);
      if (m) out.push(toFinding(m, rule, s));
    }
  }
  return out;
}

function rowSums(t: Table, s: Settings): Finding[] {
  const out: Finding[] = [];
  t.columns.forEach((c, i) => {
    if (c.role !== "rowTotal") return;
    const parts = partColumns(t, i);
    if (parts.length === 0) return;
    const name = columnsName(t, parts, s.language);
    for (const r of t.rows) {
      if (!isDataRow(r)) continue;
      let sum = 0;
      let counted = 0;
      let readable = true;
      for (const p of parts) {
        const v = amountAt(r, p);
        if (v === null) readable = false;
        else if (v !== 0) {
          sum += v;
          counted++;
        }
      }
      if (!readable) continue;
      const printed = cellOf(r, i);
      if (!printed || printed.value === null || !beyond(Math.abs(printed.value - sum), s.tolerance)) continue;
      out.push(toFinding({ t, row: r, index: i, expected: sum, actual: printed.value, parts: counted, partsName: name }, "sum.row", s));
    }
  });
  return out;
}
