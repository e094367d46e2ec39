/**
 * What every subtotal check shares, on both axes and wherever it is written:
 * a printed cell against the sum of its parts in the same column (down the
 * row tree: sum.component, sum.total, sum.subtotal), or against the columns a
 * total column adds up (across the column tree: sum.row). The rule files
 * choose which rows; the words are the templates below, from plain
 * parameters.
 */
import type { Finding, Period, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding, roundingBound } from "./finding";
import { money, period as periodText, roundingNote, subject, type Language } from "./messages";
import type { Template } from "./rule";
import { amountAt, cellOf, childrenOf, isDataRow, partsOf, periodColumns, printedAt, sumColumn } from "./table-access";

/** A column named by what it holds, for a message. */
export interface ColumnWords {
  period: Period | null;
  role: string;
  component: string | null;
  header: string;
}

/** What a subtotal's parts are: rows down the tree, or columns across. */
export type PartsWords = "outputs" | "activities" | "components" | "subtotals" | "lines" | "periods" | "componentColumns" | { columns: ColumnWords[] };

export interface SumParams {
  /** Null for the Total row. */
  who: { component: string | null; output: string | null; label: string } | null;
  column: ColumnWords;
  parts: PartsWords;
  actual: number;
  expected: number;
  /** The difference is within what rounding the parts can explain. */
  rounding: boolean;
}

function columnText(c: ColumnWords, lang: Language): string {
  if (c.period) return periodText(c.period, lang);
  // A two-row header reads "GEF Fund (USD) Budget": name the column by what it holds.
  if (c.role === "budget") return lang === "es" ? "Presupuesto" : "Budget";
  if (c.role === "expenditure") return lang === "es" ? "Gasto" : "Expenditure";
  if (c.role === "member" && c.component) return subject(c.component, null, lang);
  return `"${c.header}"`;
}

const PARTS: Record<Exclude<PartsWords, { columns: ColumnWords[] }>, Record<Language, string>> = {
  outputs: { en: "its outputs", es: "sus productos" },
  activities: { en: "its activities", es: "sus actividades" },
  components: { en: "the components", es: "los componentes" },
  subtotals: { en: "its subtotals", es: "sus subtotales" },
  lines: { en: "its lines", es: "sus líneas" },
  periods: { en: "the row's periods", es: "los períodos de la fila" },
  componentColumns: { en: "the row's components", es: "los componentes de la fila" },
};

function partsText(parts: PartsWords, lang: Language): string {
  if (typeof parts === "string") return PARTS[parts][lang];
  const list = parts.columns.map((c) => columnText(c, lang)).join(" + ");
  return lang === "es" ? `las columnas ${list}` : `the columns ${list}`;
}

function whoText(p: SumParams, lang: Language): string {
  return p.who === null ? "Total" : subject(p.who.component, p.who.output, lang, p.who.label);
}

function shared(p: SumParams, lang: Language) {
  return {
    who: whoText(p, lang),
    col: columnText(p.column, lang),
    parts: partsText(p.parts, lang),
    a: money(p.actual, lang),
    e: money(p.expected, lang),
    diff: money(Math.abs(p.actual - p.expected), lang),
    rounding: p.rounding ? roundingNote(lang) : "",
  };
}

/** A row against its parts down the tree. */
export const treeSumMessage: Template<SumParams> = {
  en: (p) => {
    const w = shared(p, "en");
    return `${w.who}, ${w.col}: the row shows ${w.a} but ${w.parts} add up to ${w.e} (a difference of ${w.diff}).${w.rounding}`;
  },
  es: (p) => {
    const w = shared(p, "es");
    return `${w.who}, ${w.col}: la fila muestra ${w.a} pero ${w.parts} suman ${w.e} (diferencia ${w.diff}).${w.rounding}`;
  },
};

/** A total column against the columns it adds up. */
export const rowSumMessage: Template<SumParams> = {
  en: (p) => {
    const w = shared(p, "en");
    return `${w.who}: the ${w.col} column shows ${w.a} but ${w.parts} add up to ${w.e} (a difference of ${w.diff}).${w.rounding}`;
  },
  es: (p) => {
    const w = shared(p, "es");
    return `${w.who}: la columna ${w.col} muestra ${w.a} pero ${w.parts} suman ${w.e} (diferencia ${w.diff}).${w.rounding}`;
  },
};

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

function columnWords(t: Table, index: number): ColumnWords {
  const c = t.columns[index];
  return { period: c.period ?? null, role: c.role, component: c.component ?? null, header: c.header };
}

function rowParts(row: TableRow, kids: TableRow[], total: boolean): PartsWords {
  // Under an output, the rows of finer code are its activities (1.1.1 under 1.1).
  if (kids.length > 0 && kids.every((k) => k.kind === "output")) return row.kind === "output" ? "activities" : "outputs";
  if (total && kids.some((k) => k.kind === "component")) return "components";
  if (kids.some((k) => k.kind === "subtotal")) return "subtotals";
  return "lines";
}

function columnParts(t: Table, parts: number[]): PartsWords {
  if (parts.every((i) => t.columns[i].role === "period")) return "periods";
  if (parts.every((i) => t.columns[i].role === "member")) return "componentColumns";
  return { columns: parts.map((i) => columnWords(t, i)) };
}

type SumRuleId = "sum.component" | "sum.total" | "sum.subtotal" | "sum.row";

function sumFinding(rule: SumRuleId, t: Table, row: TableRow, index: number, expected: number, actual: number, counted: number, parts: PartsWords, template: Template<SumParams>, s: Settings): Finding {
  const rounding = Math.abs(actual - expected) <= roundingBound(counted);
  const c = t.columns[index];
  const params: SumParams = {
    who: rule === "sum.total" ? null : { component: row.component, output: row.output, label: row.label },
    column: columnWords(t, index),
    parts,
    actual,
    expected,
    rounding,
  };
  return makeFinding(t, {
    rule,
    severity: rounding ? "warning" : "error",
    cell: cellOf(row, index)!.cell,
    component: row.kind === "total" ? (c.component ?? null) : (row.component ?? c.component ?? null),
    output: row.output,
    period: c.period ?? null,
    expected,
    actual,
    message: template[s.language](params),
  });
}

/**
 * Each row that `owns` picks, against its parts down the row tree, in every
 * summed column: a printed cell that differs from the sum of its children.
 */
export function treeSums(rule: "sum.component" | "sum.total" | "sum.subtotal", owns: (row: TableRow) => boolean, tables: Table[], s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    const cols = summedColumns(t);
    for (const r of t.rows) {
      if (r.kind === "heading" || !owns(r) || childrenOf(t, r).length === 0) continue;
      const parts = partsOf(t, r);
      if (parts.length === 0) continue;
      const words = rowParts(r, parts, r.kind === "total");
      for (const i of cols) {
        const printed = printedAt(r, i);
        if (printed === null) continue;
        const sum = sumColumn(parts, i);
        if (sum === null || !beyond(Math.abs(printed - sum), s.tolerance)) continue;
        const counted = parts.filter((p) => (amountAt(p, i) ?? 0) !== 0).length;
        out.push(sumFinding(rule, t, r, i, sum, printed, counted, words, treeSumMessage, s));
      }
    }
  }
  return out;
}

/** Every total column against the columns it adds up, row by row. */
export function rowSums(tables: Table[], s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const t of tables)
    t.columns.forEach((c, i) => {
      if (c.role !== "rowTotal") return;
      const parts = partColumns(t, i);
      if (parts.length === 0) return;
      const words = columnParts(t, parts);
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
        const printed = printedAt(r, i);
        if (printed === null || !beyond(Math.abs(printed - sum), s.tolerance)) continue;
        out.push(sumFinding("sum.row", t, r, i, sum, printed, counted, words, rowSumMessage, s));
      }
    });
  return out;
}
