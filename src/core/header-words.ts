/**
 * The words that name a column or a table, in English and Spanish. Matching
 * is on normalised text (lower case, no accents, single spaces).
 */
import { foldText } from "./fold";
import type { ColumnRole } from "./model";

export function normalizeWords(text: string): string {
  return foldText(text, "NFD");
}

const BUDGET = /\b(budget|budgeted|presupuesto|presupuestado|approved|aprobado|allocation|asignacion)\b/;
const EXPENDITURE =
  /\b(expenditures?|expenses?|spent|actuals?|disbursements?|disbursed|gastos?|gastado|ejecutad[oa]s?|ejecucion|desembolsos?|desembolsado)\b/;
const TOTAL = /^(total|totales|suma|sum|grand total|total general)\b/;
/** Money committed but not yet spent (UNDP's "Encumbrance"): never expenditure. */
const COMMITMENT = /\b(encumbrances?|commitments?|obligations?|compromisos?|comprometido|engagements?)\b/;
const OTHER = /(\bbalance\b|\bsaldo\b|%|\bpercent|\bporcentaje\b|\bvariance\b|\bvariacion\b|\bremaining\b|\bdisponible\b|\bdelivery rate\b|\bnotes?\b|\bcomments?\b|\bobservaciones\b|\bremarks?\b)/;
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
  // "ATLAS Budget Description", "Object of expenditure": the words of a label, not of an amount.
  if (DESCRIPTION.test(t)) return "label";
  if (OTHER.test(t)) return "other";
  if (COMMITMENT.test(t)) return "commitment";
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
  // "Budget by object of expenditure" is a budget (UNEP's lines are objects of expenditure).
  const t = normalizeWords(text).replace(/\b(?:objects? of expenditures?|objeto del? gasto|expenditure categor(?:y|ies))\b/g, "");
  return EXPENDITURE.test(t) || /\b(cdr|combined delivery|ledger|libro mayor)\b/.test(t);
}

export function soundsLikeWorkPlan(text: string): boolean {
  const t = normalizeWords(text);
  return /\b(work ?plan|workplan|plan de trabajo|awp|poa|plan operativo|planned|planificado|programado)\b/.test(t);
}

/** The currency a title or header names, if any. */
export function currencyFromText(text: string): string | null {
  const t = normalizeWords(text);
  if (/\b(usd|us dollars?|dolares)\b/.test(t) || /(^|[^a-z])us ?\$/.test(t) || /\(\$\)/.test(t)) return "USD";
  if (/(^|[\s(])s\/\.?|\bsoles\b|\bpen\b/.test(t)) return "PEN";
  if (/\beur\b|€|\beuros?\b/.test(t)) return "EUR";
  return null;
}

/**
 * Columns that are never money, whatever numbers they hold: codes (account
 * codes, UNEP budget lines, Atlas codes) and text (responsible party, fund
 * id, donor, budget note, work-months, units, entity). Checked on the
 * header's own words, before any money word: "Fund ID" is not "GEF Fund".
 */
const CODE_COLUMN =
  /\b(codes?|codigos?|account|accounts|cuenta|compte|budget ?line|linea presupuestaria|ligne budgetaire|acct)\b/;
const DESCRIPTION = /\b(description|descripcion|libelle|name|nombre|title|titulo|object of expenditure|objeto del? gasto|category|categories|categoria|categorie)\b/;
const TEXT_COLUMN =
  /(\bresponsible\b|\bparty\b|\bparte responsable\b|\bimplementing (?:agent|partner|agency)\b|\bfund ?id\b|\bfund code\b|\bfunding source\b|\bfuente\b|\bdonor\b|\bdonante\b|\bbailleur\b|\bbudget notes?\b|\bnotes? (?:no|number|#)\b|\bnota\b|\bw ?\/ ?m\b|\bm ?\/ ?m\b|\bwork ?-?months?\b|\bperson ?-?months?\b|\bunits?\b|\bunidad(?:es)?\b|\bquantity\b|\bcantidad\b|\bqty\b|\bentity\b|\bentidad\b|\bexecuting\b|\bremarks?\b|\bcomments?\b|\bobservaciones\b|\bindicators?\b|\bindicador(?:es)?\b|\btimeframe\b|\bcronograma\b|\bstatus\b|\bestado\b|\btonnes?\b|\btons?\b|\bodp\b|\bco2\b|\bhectares?\b|\bha\b|\bpeople\b|\bpersons?\b|\bbeneficiar)/;
/** Left of the amounts only (over amounts, "GEF Fund" is a group of money): a CDR's chart of accounts. */
const LEFT_TEXT_COLUMN = /\b(fund|fondo|fonds|dept|department|departamento|impl\.? agent|business unit|operating unit|unidad operativa)\b/;
/** A parent item written beside its rows: outcome, activity, category columns of line-item budgets. */
const OUTLINE_COLUMN =
  /\b(outcomes?|atlas activity|activity|activities|actividad(?:es)?|components?|componentes?|composantes?|expected outputs?|outputs?|productos?|produits?|resultados?|efectos?|effets?|expenditure category|category|categories|categoria|categorie|object of expenditure groups?)\b/;

/** What a column left of the amounts is: a code, text, a parent item (outline), or the row's own label. */
export function leftColumnKind(header: string): "code" | "text" | "outline" | "label" {
  const t = normalizeWords(header);
  if (t === "") return "label";
  if (CODE_COLUMN.test(t) && !DESCRIPTION.test(t)) return "code";
  if (TEXT_COLUMN.test(t) || LEFT_TEXT_COLUMN.test(t)) return "text";
  if (OUTLINE_COLUMN.test(t)) return "outline";
  return "label";
}

/** A header that makes its column text even among the amounts: "Budget Note", "w/m", "Responsible Entity", "%". */
export function isTextColumnHeader(header: string): boolean {
  const t = normalizeWords(header);
  return t !== "" && (TEXT_COLUMN.test(t) || (CODE_COLUMN.test(t) && !DESCRIPTION.test(t)));
}

/** "Sub-Total", "Subtotal", "Sous-total": a total of the member columns to its left. */
export function isSubtotalHeader(header: string): boolean {
  return /^(?:sub ?-? ?totals?|subtotales?|sous ?-? ?totals?)\b/.test(normalizeWords(header));
}

/** Words over a group of component columns: "Component (USDeq.)", "Project components", "Componentes". */
export function isComponentGroupHeader(header: string): boolean {
  return /\b(components?|componentes?|composantes?|project components?|outcomes?)\b/.test(normalizeWords(header)) && !/\d/.test(header);
}

/** Words that make a table a money table whatever else it counts. */
export function soundsLikeMoney(text: string): boolean {
  return /\b(budget|presupuesto|expenditures?|gastos?|amount|monto|cost|costs|costo|funding|financement|fund|usd|eur|dollars?)\b/.test(normalizeWords(text));
}

/** Units that make a table not a money table: tonnes, work-months, people, hectares. */
export function quantityUnitOf(text: string): string | null {
  const t = normalizeWords(text);
  const m = /\b(odp tonnes|tonnes?|tons?|metric tons|toneladas|work ?-?months|w ?\/ ?m|person ?-?months|hectares?|people|persons|participants|beneficiaries|number of)\b/.exec(t);
  return m ? m[1] : null;
}

/**
 * The columns of a ledger (long format: one row per transaction, or per
 * account and month): the date or period of each line, the component or
 * activity it is charged to, and its amount.
 */
const LEDGER_DATE = /^(?:(?:transaction|posting|accounting|gl|payment|voucher|invoice|value|journal) )?(?:date|period|periodo|fecha|mes|month|mois|periode)(?: (?:contable|de pago|comptable|contable))?$/;
const LEDGER_COMPONENT =
  /^(?:gef |atlas |project )?(?:components?|outcomes?|activity|activities|actividad(?:es)?|componentes?|composantes?|resultados?|outputs?|productos?|produits?|effets?)(?: ?(?:\/ ?(?:outcomes?|activity|activities|actividad|resultado|producto|output)|code|id|no\.?|#))?$/;
const LEDGER_AMOUNT =
  /^(?:(?:transaction|net|total|base|local|txn) )?(?:amount|monto|importe|montant|expenditures?|gastos?|debit|debe|actuals?|depenses?|valor|value)(?: (?:usd|us\$|eur|pen|in usd|en usd))?$/;

export type LedgerColumn = "date" | "component" | "amount";

/** What a header cell is in a ledger, or null. Parenthesised units ("Amount (USD)", "Date (dd/mm/yyyy)") are ignored. */
export function ledgerColumnOf(header: string): LedgerColumn | null {
  const t = normalizeWords(header).replace(/\(.*?\)/g, "").replace(/\s+/g, " ").trim();
  if (t === "") return null;
  if (LEDGER_DATE.test(t)) return "date";
  if (LEDGER_COMPONENT.test(t)) return "component";
  if (LEDGER_AMOUNT.test(t)) return "amount";
  return null;
}
