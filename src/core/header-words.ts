/**
 * The words that name a column or a table, in English and Spanish. Matching
 * is on normalised text (lower case, no accents, single spaces).
 */
import type { ColumnRole } from "./model";

export function normalizeWords(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u00a0\s]+/g, " ")
    .trim()
    .toLowerCase();
}

const BUDGET = /\b(budget|budgeted|presupuesto|presupuestado|approved|aprobado|allocation|asignacion)\b/;
const EXPENDITURE =
  /\b(expenditures?|expenses?|spent|actuals?|disbursements?|disbursed|gastos?|gastado|ejecutad[oa]s?|ejecucion|desembolsos?|desembolsado)\b/;
const TOTAL = /^(total|totales|suma|sum|grand total|total general)\b/;
const OTHER = /(\bbalance\b|\bsaldo\b|%|\bpercent|\bporcentaje\b|\bvariance\b|\bvariacion\b|\bremaining\b|\bdisponible\b|\bdelivery rate\b|\bcommitments?\b|\bcompromisos?\b|\bnotes?\b|\bcomments?\b|\bobservaciones\b|\bremarks?\b)/;
/** Words over a merged group of amount columns: "GEF Fund (USD)". */
const GROUP = /\b(gef|fund|fondo|grant|donacion|usd|us\$|amount|monto|importe)\b/;
/** Words heading the label column. */
const LABEL = /\b(outputs?|outcomes?|components?|productos?|componentes?|resultados?|activities|actividades|description|descripcion|concepto|item|project components?|budget lines?|lineas?)\b/;

/**
 * The role a single header text gives its column, when it is not a period.
 * "Total Budget" is a budget; "Total planned" or "Total" a row total; a
 * header with both budget and expenditure words ("Budget vs expenditure") is other.
 */
export function roleFromHeaderText(text: string): ColumnRole | "label" | null {
  const t = normalizeWords(text);
  if (t === "") return null;
  if (OTHER.test(t)) return "other";
  const budget = BUDGET.test(t);
  const spent = EXPENDITURE.test(t);
  if (budget && spent) return "other";
  if (budget) return "budget";
  if (spent) return "expenditure";
  if (TOTAL.test(t)) return "rowTotal";
  if (LABEL.test(t)) return "label";
  return null;
}

export function isGroupHeaderText(text: string): boolean {
  return GROUP.test(normalizeWords(text));
}

/** Title or header words that make a per-period table an expenditure report rather than a plan. */
export function soundsLikeExpenditure(text: string): boolean {
  const t = normalizeWords(text);
  return EXPENDITURE.test(t) || /\b(cdr|combined delivery|ledger|libro mayor)\b/.test(t);
}

export function soundsLikeWorkPlan(text: string): boolean {
  const t = normalizeWords(text);
  return /\b(work ?plan|workplan|plan de trabajo|awp|poa|plan operativo|planned|planificado|programado)\b/.test(t);
}

/** The currency a title or header names, if any. */
export function currencyFromText(text: string): string | null {
  const t = normalizeWords(text);
  if (/\b(usd|us\$|us dollars?|dolares)\b/.test(t) || /\(\$\)/.test(t)) return "USD";
  if (/(^|[\s(])s\/\.?|\bsoles\b|\bpen\b/.test(t)) return "PEN";
  if (/\beur\b|€|\beuros?\b/.test(t)) return "EUR";
  return null;
}
