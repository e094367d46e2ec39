/**
 * A table's shape in one line, so that a user sees at once how it was read:
 * "rows: outcome › account line; columns: Year 1 … Year 4, Total; not money:
 * Fund ID, Atlas Budgetary Account Code, Budget Note".
 */
import type { Table } from "./model";
import { periodLabel } from "./periods";

type Lang = "en" | "es";

const LEVEL_WORDS: Record<string, [string, string]> = {
  component: ["component", "componente"],
  outcome: ["outcome", "resultado"],
  output: ["output", "producto"],
  activity: ["activity", "actividad"],
  group: ["group", "grupo"],
  line: ["budget line", "línea presupuestaria"],
  account: ["account line", "línea por cuenta"],
};

function rowLevels(t: Table): string[] {
  const levels: string[] = [];
  const add = (l: string) => !levels.includes(l) && levels.push(l);
  const outcomes = t.rows.some((r) => r.kind === "component" && /^\s*(?:total\s+)?(?:outcome|resultado)/i.test(r.label));
  if (t.rows.some((r) => r.kind === "component" || (r.kind === "heading" && r.component !== null))) add(outcomes ? "outcome" : "component");
  if (t.rows.some((r) => r.kind === "subtotal")) add("group");
  if (t.rows.some((r) => r.kind === "output" && (r.parent === null || t.rows[r.parent]?.kind !== "output"))) add("output");
  if (t.rows.some((r) => r.kind === "output" && r.parent !== null && t.rows[r.parent]?.kind === "output")) add("activity");
  if (t.rows.some((r) => r.kind === "line")) add(t.rows.some((r) => r.code && /^\d{5}$/.test(r.code)) ? "account" : "line");
  return levels;
}

function span(labels: string[]): string {
  if (labels.length <= 3) return labels.join(", ");
  return `${labels[0]} … ${labels[labels.length - 1]}`;
}

export function describeShape(t: Table, lang: Lang = "en"): string {
  const es = lang === "es";
  const k = es ? 1 : 0;
  const levels = rowLevels(t).map((l) => LEVEL_WORDS[l][k]);
  const columns: string[] = [];
  const periods = t.columns.filter((c) => c.role === "period" && c.period).map((c) => periodLabel(c.period!, lang));
  if (periods.length > 0) columns.push(span(periods));
  const members = t.columns.filter((c) => c.role === "member" && c.component).map((c) => (/^\d+$/.test(c.component!) ? `${es ? "Componente" : "Component"} ${c.component}` : c.component!));
  if (members.length > 0) columns.push(members.join(", "));
  for (const c of t.columns) {
    if (c.role === "budget") columns.push(es ? "Presupuesto" : "Budget");
    if (c.role === "expenditure") columns.push(es ? "Gasto" : "Expenditure");
    if (c.role === "commitment") columns.push(es ? "Compromisos" : "Commitments");
    if (c.role === "rowTotal") columns.push(c.header.replace(/\s+/g, " ").trim() || "Total");
  }
  const notMoney = t.columns.filter((c) => c.role === "outline" || c.role === "code" || c.role === "text").map((c) => c.header.replace(/\s+/g, " ").trim());
  const parts = [`${es ? "filas" : "rows"}: ${levels.length > 0 ? levels.join(" › ") : "—"}`, `${es ? "columnas" : "columns"}: ${columns.join(", ")}`];
  if (notMoney.length > 0) parts.push(`${es ? "no son montos" : "not money"}: ${notMoney.join(", ")}`);
  return parts.join("; ");
}
