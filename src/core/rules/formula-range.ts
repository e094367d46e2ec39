/**
 * Formulas are evidence of what a subtotal was meant to add up: a SUM whose
 * range leaves out one of the subtotal's children, or takes in a subtotal
 * together with its own lines.
 */
import { parseAddress } from "../grid";
import type { AmountCell, Finding, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money, who, whoText, type Language, type Who } from "./messages";
import { defineRule, type Template } from "./rule";
import { summedColumns } from "./sums";
import { childrenOf, formulaAt, partsOf } from "./table-access";

/** The 0-based rows a SUM formula takes from one column, or null when it is no plain SUM over that column. */
export function summedRows(formula: string, column: number): Set<number> | null {
  const m = /^\s*SUM\((.*)\)\s*$/i.exec(formula);
  if (!m) return null;
  const rows = new Set<number>();
  for (const arg of m[1].split(/[,;]/)) {
    const [from, to = from] = arg.trim().split(":");
    const a = parseAddress(from ?? "");
    const b = parseAddress(to);
    if (!a || !b || a.col !== column || b.col !== column) return null;
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) rows.add(r);
  }
  return rows;
}

/** A row named in a message: its sheet row (1-based) and its code and label. */
export interface RowWords {
  row: number;
  label: string;
}

export interface RangeParams {
  /** Null for the Total row. */
  who: Who | null;
  cell: string;
  formula: string;
  missing: RowWords[];
  /** What the rows left out hold together. */
  left: number;
  twice: RowWords[];
}

function rowText(r: RowWords, lang: Language): string {
  const shown = r.label.length > 50 ? `${r.label.slice(0, 47)}…` : r.label;
  const row = lang === "es" ? "fila" : "row";
  return shown ? `${row} ${r.row} (${shown})` : `${row} ${r.row}`;
}

function rangeText(p: RangeParams, lang: Language): string {
  const es = lang === "es";
  const parts: string[] = [];
  if (p.missing.length > 0) {
    const amount = p.left !== 0 ? `, ${money(p.left, lang)}` : "";
    parts.push(`${es ? "deja fuera" : "leaves out"} ${p.missing.map((r) => rowText(r, lang)).join(", ")}${amount}`);
  }
  if (p.twice.length > 0) {
    const rows = p.twice.map((r) => rowText(r, lang)).join(", ");
    parts.push(es ? `cuenta dos veces ${rows} y sus líneas` : `counts ${rows} and ${p.twice.length > 1 ? "their" : "its"} lines twice`);
  }
  return parts.join(es ? " y " : " and ");
}

export const messages = {
  "formula.range": {
    en: (p: RangeParams) => `${p.who ? whoText(p.who, "en") : "Total"}: the formula =${p.formula} in ${p.cell} ${rangeText(p, "en")}.`,
    es: (p: RangeParams) => `${p.who ? whoText(p.who, "es") : "Total"}: la fórmula =${p.formula} de ${p.cell} ${rangeText(p, "es")}.`,
  } satisfies Template<RangeParams>,
};

function rowWords(r: TableRow): RowWords {
  return { row: r.row + 1, label: r.code ? `${r.code} ${r.label.replace(r.code, "").trim()}` : r.label };
}

function rangeFinding(t: Table, parent: TableRow, index: number, cell: AmountCell, s: Settings): Finding | null {
  const taken = summedRows(cell.formula!, t.columns[index].col);
  if (!taken) return null;
  const missing = partsOf(t, parent).filter((p) => !taken.has(p.row));
  // A subtotal taken in together with rows under it counts them twice.
  const twice = t.rows.filter((r) => r !== parent && taken.has(r.row) && childrenOf(t, r).some((k) => taken.has(k.row)));
  if (missing.length === 0 && twice.length === 0) return null;
  const left = missing.reduce((a, p) => a + (p.amounts[index]?.value ?? 0), 0);
  const total = parent.kind === "total";
  return makeFinding(t, {
    rule: "formula.range",
    severity: beyond(Math.abs(left), s.tolerance) || twice.length > 0 ? "error" : "warning",
    cell: cell.cell,
    component: total ? null : parent.component,
    output: parent.output,
    period: t.columns[index].period ?? null,
    expected: null,
    actual: cell.value,
    message: messages["formula.range"][s.language]({
      who: total ? null : who(parent),
      cell: cell.cell,
      formula: cell.formula!,
      missing: missing.map(rowWords),
      left,
      twice: twice.map(rowWords),
    }),
  });
}

export const id = "formula.range";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "SUM leaves out a row", es: "La SUMA omite una fila" },
    amounts: { en: { expected: "Rows add up to", actual: "Formula gives" }, es: { expected: "Suma de las filas", actual: "La fórmula da" } },
    severity: "error (warning when the rows left out hold nothing)",
    what: "a subtotal's `SUM` that leaves out one of its rows, or counts a subtotal together with its own lines",
    example: "Component 2: the formula =SUM(I12:I13) in I15 leaves out row 14 (74200 Audio Visual&Print Prod Costs), 5,000.00.",
  },
  pirMark: "plan",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const t of tables) {
      const cols = summedColumns(t);
      for (const r of t.rows) {
        if (r.kind === "heading" || childrenOf(t, r).length === 0) continue;
        for (const i of cols) {
          if (formulaAt(r, i) === undefined) continue;
          const a = r.amounts[i];
          if (!a || a.value === null || a.formula === undefined) continue;
          const f = rangeFinding(t, r, i, a, s);
          if (f) out.push(f);
        }
      }
    }
    return out;
  },
});
