/**
 * The words of every finding, in English and Spanish. Amounts are formatted
 * the way the language writes them; subjects name the component or output
 * as a finance officer does ("Component 1", "Output 1.1.1", "PMC").
 */
import { formatAmount } from "../amounts";
import { periodLabel } from "../periods";
import type { Period } from "../model";

export type Language = "en" | "es";

export function subject(component: string | null, output: string | null, lang: Language, label?: string): string {
  const es = lang === "es";
  if (output && output !== component) return `${es ? "Producto" : "Output"} ${output}`;
  if (component === "PMC") return es ? "Gestión del proyecto (PMC)" : "Project management (PMC)";
  if (component === "M&E") return es ? "Seguimiento y evaluación" : "Monitoring and evaluation";
  if (component) return `${es ? "Componente" : "Component"} ${component}`;
  if (label) return `"${shortLabel(label)}"`;
  return es ? "La fila" : "The row";
}

/** A row's label as a message quotes it: cut to 60 characters. */
export function shortLabel(label: string): string {
  return label.length > 60 ? label.slice(0, 57) + "…" : label;
}

export function money(x: number, lang: Language): string {
  return formatAmount(x, lang);
}

export function period(p: Period, lang: Language): string {
  return periodLabel(p, lang);
}

/** The sentence added when a difference is within what rounding of the parts can explain. */
export function roundingNote(lang: Language): string {
  return lang === "es"
    ? " La diferencia es tan pequeña que puede deberse al redondeo."
    : " The difference is small enough to be rounding.";
}

/** The row a finding is about, as plain parameters for a message. */
export interface Who {
  component: string | null;
  output: string | null;
  label: string;
}

export function who(row: Who): Who {
  return { component: row.component, output: row.output, label: row.label };
}

/** "Component 1", "Output 1.1.1", "Project management (PMC)", or the row's label. */
export function whoText(w: Who, lang: Language): string {
  return subject(w.component, w.output, lang, w.label);
}
