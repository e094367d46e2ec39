/**
 * The message catalogue: every sentence the engine says, by code, in English
 * and Spanish, from plain parameters. Findings' messages come from the rule
 * files (rules/registry.ts gathers them); what the recognisers say — why a
 * sheet was skipped, what they guessed — is here. The engine keeps codes and
 * parameters; words are chosen in the user's language when a report is made.
 */
import type { Language } from "./rules/messages";
import { RULE_MESSAGES } from "./rules/registry";
import type { Template } from "./rules/rule";

/** Something the engine says, before it is put in words. */
export interface Message {
  code: RecognitionCode;
  params: Record<string, string>;
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
