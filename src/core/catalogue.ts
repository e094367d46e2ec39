/**
 * The message catalogue: every sentence the engine says, by code, in English
 * and Spanish, from plain parameters. Findings' messages come from the rule
 * files (rules/registry.ts gathers them); what the recognisers say — why a
 * sheet was skipped, what they guessed — is here. The engine keeps codes and
 * parameters; words are chosen in the user's language when a report is made.
 */
import type { Language } from "./rules/messages";
import { periodLabel } from "./periods";
import { RULE_MESSAGES } from "./rules/registry";
import type { Template } from "./rules/rule";

/** Something the engine says, before it is put in words. */
export interface Message {
  code: RecognitionCode;
  params: Record<string, string>;
}

/** " (year to date: compared with the plan up to its end)" for a report of part of a year that starts in January. */
function yearToDate(period: string, lang: Language): string {
  if (!period.includes("/") && !/^\d{4}-(?:Q[1-3]|0[1-9]|1[01])$/.test(period)) return "";
  if (!/^\d{4}-(?:Q1|01)(?:\/|$)/.test(period)) return "";
  return lang === "es" ? " (acumulado del año: se compara con el plan hasta su cierre)" : " (year to date: compared with the plan up to its end)";
}

const MONTH_NAMES = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
};

/** "2021-07-01" → "1 July 2021" / "1 de julio de 2021". */
function longDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split("-").map(Number);
  return lang === "es" ? `${d} de ${MONTH_NAMES.es[m - 1]} de ${y}` : `${d} ${MONTH_NAMES.en[m - 1]} ${y}`;
}

const NO_LABELLED_ROWS: Template<{ range: string }> = {
  en: (p) =>
    `the header at ${p.range} has amount columns, but no row below it is labelled as a component or output (C.1, Component 1, 1.1.1, PMC…) or carries a budget line code`,
  es: (p) =>
    `el encabezado de ${p.range} tiene columnas de montos, pero ninguna fila debajo se identifica como componente o producto (C.1, Componente 1, 1.1.1, PMC…) ni lleva un código de línea presupuestaria`,
};

export const RECOGNITION_MESSAGES = {
  "sheet.empty": { en: () => "the sheet is empty", es: () => "la hoja está vacía" },
  "sheet.noHeader": {
    en: () =>
      "no header row with years, quarters, Budget or Expenditure columns was found " +
      "(a work plan needs period columns such as 2021 or 2022 Q1; a budget table needs Budget and Expenditure)",
    es: () =>
      "no se encontró una fila de encabezado con años, trimestres o columnas de Presupuesto o Gasto " +
      "(un plan de trabajo necesita columnas de períodos como 2021 o 2022 T1; una tabla de presupuesto, Presupuesto y Gasto)",
  },
  "table.noLabelledRows": NO_LABELLED_ROWS,
  "table.noLines": {
    en: (p: { range: string }) => `the header at ${p.range} has no budget line with amounts below it`,
    es: (p: { range: string }) => `el encabezado de ${p.range} no tiene debajo ninguna línea presupuestaria con montos`,
  },
  "table.noComponentLines": {
    en: (p: { range: string }) => `the header at ${p.range} has component columns but no line with amounts below it`,
    es: (p: { range: string }) => `el encabezado de ${p.range} tiene columnas de componentes pero ninguna línea con montos debajo`,
  },
  "table.notMoney": {
    en: (p: { range: string; unit: string }) => `the table at ${p.range} counts ${p.unit}, not money`,
    es: (p: { range: string; unit: string }) => `la tabla de ${p.range} cuenta ${p.unit}, no dinero`,
  },
  "table.noLedgerLines": {
    en: (p: { range: string }) => `the ledger at ${p.range} has no line with a date or period, a component and an amount`,
    es: (p: { range: string }) => `el libro de ${p.range} no tiene ninguna línea con fecha o período, componente y monto`,
  },
  "note.ledger": {
    en: (p: { lines: string; components: string; from: string; to: string }) =>
      `read ${p.lines} ledger lines as the expenditure of ${p.components} components by quarter, ${periodLabel(p.from, "en")} to ${periodLabel(p.to, "en")} (each amount the sum of its lines; a finding points at the last one)`,
    es: (p: { lines: string; components: string; from: string; to: string }) =>
      `${p.lines} líneas del libro se leyeron como el gasto de ${p.components} componentes por trimestre, de ${periodLabel(p.from, "es")} a ${periodLabel(p.to, "es")} (cada monto es la suma de sus líneas; un hallazgo señala la última)`,
  },
  "note.ledgerNoPeriod": {
    en: (p: { count: string; first: string }) =>
      `left out ${p.count} ledger ${p.count === "1" ? "line" : "lines"} without a date or period (the first at ${p.first}): add the date to count ${p.count === "1" ? "it" : "them"}`,
    es: (p: { count: string; first: string }) =>
      `se ${p.count === "1" ? "dejó fuera 1 línea" : `dejaron fuera ${p.count} líneas`} del libro sin fecha ni período (la primera en ${p.first}): agregue la fecha para contar${p.count === "1" ? "la" : "las"}`,
  },
  "note.ledgerNoComponent": {
    en: (p: { count: string; first: string }) =>
      `left out ${p.count} ledger ${p.count === "1" ? "line" : "lines"} charged to no component (the first at ${p.first}): name the component (Component 1, Outcome 2, ACTIVITY3, PMC…) to count ${p.count === "1" ? "it" : "them"}`,
    es: (p: { count: string; first: string }) =>
      `se ${p.count === "1" ? "dejó fuera 1 línea" : `dejaron fuera ${p.count} líneas`} del libro sin componente (la primera en ${p.first}): indique el componente (Componente 1, Resultado 2, ACTIVITY3, PMC…) para contar${p.count === "1" ? "la" : "las"}`,
  },
  "note.yearFromTitle": {
    en: (p: { year: string; columns: string }) => `read ${p.columns} as quarters of ${p.year}, the year the title names`,
    es: (p: { year: string; columns: string }) => `${p.columns} se leyeron como trimestres de ${p.year}, el año que indica el título`,
  },
  "note.schedule": {
    en: (p: { columns: string }) => `read ${p.columns} as the schedule (marks such as "X"), not as amounts`,
    es: (p: { columns: string }) => `${p.columns} se leyeron como el calendario (marcas como "X"), no como montos`,
  },
  "note.amountForYear": {
    en: (p: { column: string; year: string }) => `read "${p.column}" as the amounts planned for ${p.year}, the year the title names`,
    es: (p: { column: string; year: string }) => `"${p.column}" se leyó como los montos de ${p.year}, el año que indica el título`,
  },
  "note.reportPeriod": {
    en: (p: { column: string; period: string }) =>
      `read "${p.column}" as the expenditure of ${periodLabel(p.period, "en")}${yearToDate(p.period, "en")}, the period the report's header names`,
    es: (p: { column: string; period: string }) =>
      `"${p.column}" se leyó como el gasto de ${periodLabel(p.period, "es")}${yearToDate(p.period, "es")}, el período que indica el encabezado del informe`,
  },
  "note.fiscalYears": {
    en: (p: { columns: string; period: string; start: string; end: string }) =>
      `read ${p.columns} as fiscal years, July to June (${periodLabel(p.period, "en")}: ${longDate(p.start, "en")} – ${longDate(p.end, "en")}), compared with other tables by their dates`,
    es: (p: { columns: string; period: string; start: string; end: string }) =>
      `${p.columns} se leyeron como años fiscales, de julio a junio (${periodLabel(p.period, "es")}: ${longDate(p.start, "es")} – ${longDate(p.end, "es")}), comparados con las demás tablas por sus fechas`,
  },
  "note.activityIsPmc": {
    en: (p: { activity: string }) => `matched ${p.activity}, the report's last activity, with project management (PMC): the other tables have a PMC and no component of its number`,
    es: (p: { activity: string }) => `${p.activity}, la última actividad del informe, se emparejó con la gestión del proyecto (PMC): las demás tablas tienen PMC y ningún componente con ese número`,
  },
  "note.matchSet": {
    en: (p: { from: string; to: string }) => `matched the report's component ${p.from} with ${p.to}, as set`,
    es: (p: { from: string; to: string }) => `el componente ${p.from} del informe se emparejó con ${p.to}, según la configuración`,
  },
  "note.projectYears": {
    en: (p: { from: string; to: string; years: string; start: string; where: string }) =>
      `read Year ${p.from}–Year ${p.to} as ${p.years}: the project started on ${p.start}${p.where ? ` (${p.where})` : ""}`,
    es: (p: { from: string; to: string; years: string; start: string; where: string }) =>
      `los años ${p.from}–${p.to} del proyecto se leyeron como ${p.years}: el proyecto empezó el ${p.start}${p.where ? ` (${p.where})` : ""}`,
  },
  "note.projectYearsKept": {
    en: (p: { start: string; where: string }) =>
      `the project started on ${p.start}${p.where ? ` (${p.where})` : ""}: its years are not calendar years, so they are compared as project years, each ending the day before the start's anniversary`,
    es: (p: { start: string; where: string }) =>
      `el proyecto empezó el ${p.start}${p.where ? ` (${p.where})` : ""}: sus años no son años calendario, así que se comparan como años del proyecto, cada uno hasta la víspera del aniversario del inicio`,
  },
  "sheet.quartersWithoutYear": {
    en: (p: { range: string }) =>
      `the header at ${p.range} has quarters but no year, neither in the header nor in a title above it: add the year (such as "2022 Q1", or "Work plan 2022" above the table)`,
    es: (p: { range: string }) =>
      `el encabezado de ${p.range} tiene trimestres pero ningún año, ni en el encabezado ni en un título encima: agregue el año (como "2022 T1", o "POA 2022" encima de la tabla)`,
  },
  "note.numberedComponents": {
    en: (p: { from: string; to: string }) => `read the columns headed ${p.from}–${p.to} as components ${p.from}–${p.to}`,
    es: (p: { from: string; to: string }) => `las columnas con encabezado ${p.from}–${p.to} se leyeron como componentes ${p.from}–${p.to}`,
  },
} satisfies Record<string, Template<never>>;

export type RecognitionCode = keyof typeof RECOGNITION_MESSAGES;

/** Builds a message, its parameters checked against its template. */
export function message<C extends RecognitionCode>(code: C, ...params: Parameters<(typeof RECOGNITION_MESSAGES)[C]["en"]>): Message {
  return { code, params: (params[0] ?? {}) as Record<string, string> };
}

/** A message in the user's language. */
export function say(m: Message, lang: Language): string {
  return (RECOGNITION_MESSAGES[m.code][lang] as (p: Record<string, string>) => string)(m.params);
}

/** Every code the engine can say, rules' and recognisers' together: for the tests that check each is in both languages. */
export const CATALOGUE: Readonly<Record<string, Template<never>>> = { ...RULE_MESSAGES, ...RECOGNITION_MESSAGES };
