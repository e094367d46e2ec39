/**
 * Sums that do not match their parts: a component row against its outputs
 * (sum.component), the total row against the components (sum.total), and a
 * row's "Total" column against its period cells (sum.row).
 */
import type { Finding, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding, roundingBound } from "./finding";
import { money, period as periodText, roundingNote, subject, type Language } from "./messages";
import { amountAt, cellOf, childrenOf, isDataRow, periodColumns, sumColumn, topLevelRows, totalRow } from "./table-access";

export function sumRules(tables: Table[], settings: Settings): Finding[] {
  return tables.flatMap((t) => [...componentSums(t, settings), ...totalSums(t, settings), ...rowSums(t, settings)]);
}

/**
 * Columns whose cells add up down the hierarchy. Row-total columns are left
 * out: sum.row checks each of them against its own periods, so a wrong
 * output total would otherwise be reported a second time on its component.
 */
function summedColumns(t: Table): number[] {
  const out: number[] = [];
  t.columns.forEach((c, i) => {
    if (c.role === "period" || c.role === "budget" || c.role === "expenditure") out.push(i);
  });
  return out;
}

function columnName(t: Table, index: number, lang: Language): string {
  const c = t.columns[index];
  if (c.period) return periodText(c.period, lang);
  // A two-row header reads "GEF Fund (USD) Budget": name the column by what it holds.
  if (c.role === "budget") return lang === "es" ? "Presupuesto" : "Budget";
  if (c.role === "expenditure") return lang === "es" ? "Gasto" : "Expenditure";
  return `"${c.header}"`;
}

interface Mismatch {
  t: Table;
  row: TableRow;
  index: number;
  expected: number;
  actual: number;
  parts: number;
}

function sumMessage(m: Mismatch, rule: "sum.component" | "sum.total" | "sum.row", s: Settings): string {
  const lang = s.language;
  const col = columnName(m.t, m.index, lang);
  const diff = money(Math.abs(m.actual - m.expected), lang);
  const rounding = Math.abs(m.actual - m.expected) <= roundingBound(m.parts) ? roundingNote(lang) : "";
  const who = subject(m.row.component, m.row.output, lang, m.row.label);
  const a = money(m.actual, lang);
  const e = money(m.expected, lang);
  if (lang === "es") {
    if (rule === "sum.component") return `${who}, ${col}: la fila muestra ${a} pero sus productos suman ${e} (diferencia ${diff}).${rounding}`;
    if (rule === "sum.total") return `Total, ${col}: la fila muestra ${a} pero los componentes suman ${e} (diferencia ${diff}).${rounding}`;
    return `${who}: la columna ${col} muestra ${a} pero los períodos de la fila suman ${e} (diferencia ${diff}).${rounding}`;
  }
  if (rule === "sum.component") return `${who}, ${col}: the row shows ${a} but its outputs add up to ${e} (a difference of ${diff}).${rounding}`;
  if (rule === "sum.total") return `Total, ${col}: the row shows ${a} but the components add up to ${e} (a difference of ${diff}).${rounding}`;
  return `${who}: the ${col} column shows ${a} but the row's periods add up to ${e} (a difference of ${diff}).${rounding}`;
}

function toFinding(m: Mismatch, rule: "sum.component" | "sum.total" | "sum.row", s: Settings): Finding {
  const cell = cellOf(m.row, m.index)!;
  const rounding = Math.abs(m.actual - m.expected) <= roundingBound(m.parts);
  const c = m.t.columns[m.index];
  return makeFinding(m.t, {
    rule,
    severity: rounding ? "warning" : "error",
    cell: cell.cell,
    component: m.row.kind === "total" ? null : m.row.component,
    output: m.row.output,
    period: c.period ?? null,
    expected: m.expected,
    actual: m.actual,
    message: sumMessage(m, rule, s),
  });
}

/** Compares a printed cell with the sum of the same column over `parts`. */
function checkColumn(t: Table, row: TableRow, parts: TableRow[], index: number, s: Settings): Mismatch | null {
  const printed = cellOf(row, index);
  if (!printed || printed.value === null) return null;
  const sum = sumColumn(parts, index);
  if (sum === null || !beyond(Math.abs(printed.value - sum), s.tolerance)) return null;
  const counted = parts.filter((p) => (amountAt(p, index) ?? 0) !== 0).length;
  return { t, row, index, expected: sum, actual: printed.value, parts: counted };
}

function componentSums(t: Table, s: Settings): Finding[] {
  const out: Finding[] = [];
  const cols = summedColumns(t);
  for (const r of t.rows) {
    if (r.kind !== "component") continue;
    const kids = childrenOf(t, r);
    if (kids.length === 0) continue;
    for (const i of cols) {
      const m = checkColumn(t, r, kids, i, s);
      if (m) out.push(toFinding(m, "sum.component", s));
    }
  }
  return out;
}

function totalSums(t: Table, s: Settings): Finding[] {
  const total = totalRow(t);
  if (!total) return [];
  const parts = topLevelRows(t);
  if (parts.length === 0) return [];
  const out: Finding[] = [];
  for (const i of summedColumns(t)) {
    const m = checkColumn(t, total, parts, i, s);
    if (m) out.push(toFinding(m, "sum.total", s));
  }
  return out;
}

function rowSums(t: Table, s: Settings): Finding[] {
  const periods = periodColumns(t);
  const totals: number[] = [];
  t.columns.forEach((c, i) => c.role === "rowTotal" && totals.push(i));
  if (periods.length === 0 || totals.length === 0) return [];
  const out: Finding[] = [];
  for (const r of t.rows) {
    if (!isDataRow(r)) continue;
    let sum = 0;
    let parts = 0;
    let readable = true;
    for (const p of periods) {
      const v = amountAt(r, p.index);
      if (v === null) readable = false;
      else if (v !== 0) {
        sum += v;
        parts++;
      }
    }
    if (!readable) continue;
    for (const i of totals) {
      const printed = cellOf(r, i);
      if (!printed || printed.value === null || !beyond(Math.abs(printed.value - sum), s.tolerance)) continue;
      out.push(toFinding({ t, row: r, index: i, expected: sum, actual: printed.value, parts }, "sum.row", s));
    }
  }
  return out;
}
