/**
 * Formulas are evidence of what a subtotal was meant to add up. A SUM whose
 * range leaves out one of the subtotal's children, or takes in a subtotal
 * together with its own lines (formula.range); a number typed into a
 * subtotal whose neighbours hold formulas, which stops following its lines
 * when they change (formula.constant).
 */
import { columnName, parseAddress } from "../grid";
import type { AmountCell, Finding, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money, subject } from "./messages";
import { childrenOf, partsOf } from "./table-access";
import { summedColumns } from "./sums";

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

function rowName(r: TableRow, lang: "en" | "es"): string {
  const label = r.code ? `${r.code} ${r.label.replace(r.code, "").trim()}` : r.label;
  const shown = label.length > 50 ? `${label.slice(0, 47)}…` : label;
  return shown ? `${lang === "es" ? "fila" : "row"} ${r.row + 1} (${shown})` : `${lang === "es" ? "fila" : "row"} ${r.row + 1}`;
}

function rangeFindings(t: Table, parent: TableRow, index: number, cell: AmountCell, s: Settings): Finding[] {
  const col = t.columns[index].col;
  const taken = summedRows(cell.formula!, col);
  if (!taken) return [];
  const parts = partsOf(t, parent);
  const missing = parts.filter((p) => !taken.has(p.row));
  // A subtotal taken in together with rows under it counts them twice.
  const twice = t.rows.filter((r) => r !== parent && taken.has(r.row) && childrenOf(t, r).some((k) => taken.has(k.row)));
  if (missing.length === 0 && twice.length === 0) return [];
  const lang = s.language;
  const who = subject(parent.kind === "total" ? null : parent.component, parent.output, lang, parent.label);
  const left = missing.reduce((a, p) => a + (p.amounts[index]?.value ?? 0), 0);
  const parts2: string[] = [];
  if (missing.length > 0)
    parts2.push(
      lang === "es"
        ? `deja fuera ${missing.map((p) => rowName(p, lang)).join(", ")}${left !== 0 ? `, ${money(left, "es")}` : ""}`
        : `leaves out ${missing.map((p) => rowName(p, lang)).join(", ")}${left !== 0 ? `, ${money(left, "en")}` : ""}`,
    );
  if (twice.length > 0)
    parts2.push(
      lang === "es"
        ? `cuenta dos veces ${twice.map((p) => rowName(p, lang)).join(", ")} y sus líneas`
        : `counts ${twice.map((p) => rowName(p, lang)).join(", ")} and ${twice.length > 1 ? "their" : "its"} lines twice`,
    );
  const names = parent.kind === "total" ? "Total" : who;
  return [
    makeFinding(t, {
      rule: "formula.range",
      severity: beyond(Math.abs(left), s.tolerance) || twice.length > 0 ? "error" : "warning",
      cell: cell.cell,
      component: parent.kind === "total" ? null : parent.component,
      output: parent.output,
      period: t.columns[index].period ?? null,
      expected: null,
      actual: cell.value,
      message:
        lang === "es"
          ? `${names}: la fórmula =${cell.formula} de ${cell.cell} ${parts2.join(" y ")}.`
          : `${names}: the formula =${cell.formula} in ${cell.cell} ${parts2.join(" and ")}.`,
    }),
  ];
}

export function formulaRules(tables: Table[], s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    const cols = summedColumns(t);
    // Total columns are neighbours too: a subtotal row whose Total is a formula is a row of formulas.
    const neighbours = [...cols, ...t.columns.flatMap((c, i) => (c.role === "rowTotal" ? [i] : []))].sort((a, b) => a - b);
    for (const r of t.rows) {
      if (r.kind === "heading" || childrenOf(t, r).length === 0) continue;
      const readable = (i: number) => ({ i, a: r.amounts[i] });
      const isCell = (x: { i: number; a: AmountCell | null }): x is { i: number; a: AmountCell } => !!x.a && x.a.value !== null;
      for (const x of cols.map(readable).filter(isCell)) if (x.a.formula !== undefined) out.push(...rangeFindings(t, r, x.i, x.a, s));
      const cells = neighbours.map(readable).filter(isCell);
      const withFormula = cells.filter((x) => x.a.formula !== undefined);
      // A typed number among a subtotal's formulas: it no longer follows its lines.
      if (withFormula.length >= 2 && withFormula.length > cells.length / 2)
        for (const x of cells) {
          if (x.a.formula !== undefined || x.a.value === 0) continue;
          const who = r.kind === "total" ? "Total" : subject(r.component, r.output, s.language, r.label);
          const col = columnName(t.columns[x.i].col);
          out.push(
            makeFinding(t, {
              rule: "formula.constant",
              severity: "warning",
              cell: x.a.cell,
              component: r.kind === "total" ? null : r.component,
              output: r.output,
              period: t.columns[x.i].period ?? null,
              expected: null,
              actual: x.a.value,
              message:
                s.language === "es"
                  ? `${who}: ${x.a.cell} tiene el número ${money(x.a.value!, "es")} escrito a mano, mientras las demás celdas de la fila suman sus líneas con una fórmula; no seguirá los cambios de la columna ${col}.`
                  : `${who}: ${x.a.cell} holds the typed number ${money(x.a.value!, "en")} where the row's other cells add up their lines with a formula; it will not follow changes in column ${col}.`,
            }),
          );
        }
    }
  }
  return out;
}
