/**
 * The readable report `pir-check validate` prints: what was recognised in each
 * workbook, then the findings grouped by severity and component, then one
 * summary line. Pure: report in, text out.
 */
import { periodLabel, placeName, type Finding, type Report, type Severity } from "../core";

export type Language = "en" | "es";

const words = {
  en: {
    severities: { error: "Errors", warning: "Warnings", info: "Notes" },
    counts: { error: ["error", "errors"], warning: ["warning", "warnings"], info: ["note", "notes"] },
    workbooks: ["workbook", "workbooks"],
    in: "in",
    kinds: { workplan: "work plan", budget: "budget", expenditure: "expenditure" },
    table: (kind: string) => `${kind} table`,
    periods: "periods",
    components: ["component", "components"],
    outputs: ["output", "outputs"],
    skipped: "skipped",
    noTable: "no table found",
    noSheets: "no sheets",
    note: "note",
    component: (c: string) => `Component ${c}`,
    pmc: "Project management (PMC)",
    noComponent: "Not tied to a component",
    noFindings: "No findings.",
    noTables: "No work-plan, budget or expenditure table was recognised: nothing was checked (each sheet above says why).",
  },
  es: {
    severities: { error: "Errores", warning: "Advertencias", info: "Notas" },
    counts: { error: ["error", "errores"], warning: ["advertencia", "advertencias"], info: ["nota", "notas"] },
    workbooks: ["libro", "libros"],
    in: "en",
    kinds: { workplan: "plan de trabajo", budget: "presupuesto", expenditure: "gastos" },
    table: (kind: string) => `tabla de ${kind}`,
    periods: "períodos",
    components: ["componente", "componentes"],
    outputs: ["producto", "productos"],
    skipped: "omitida",
    noTable: "ninguna tabla encontrada",
    noSheets: "sin hojas",
    note: "nota",
    component: (c: string) => `Componente ${c}`,
    pmc: "Gestión del proyecto (PMC)",
    noComponent: "Sin componente",
    noFindings: "Ningún hallazgo.",
    noTables: "No se reconoció ninguna tabla de plan de trabajo, presupuesto o gastos: no se revisó nada (cada hoja dice por qué).",
  },
} as const;

const severityOrder: Severity[] = ["error", "warning", "info"];

function count(n: number, forms: readonly [string, string] | readonly string[]): string {
  return `${n} ${n === 1 ? forms[0] : forms[1]}`;
}

export function severityCounts(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** "3 errors, 2 warnings, 1 note in 2 workbooks" */
export function summaryLine(findings: Finding[], workbooks: number, lang: Language = "en"): string {
  const w = words[lang];
  const counts = severityCounts(findings);
  const parts = severityOrder.map((s) => count(counts[s], w.counts[s]));
  return `${parts.join(", ")} ${w.in} ${count(workbooks, w.workbooks)}`;
}

/** "budget.xlsx › Work plan!D7", as the engine's own messages write a place. */
export function findingLocation(f: Finding): string {
  return placeName(f.file, f.sheet, f.cell);
}

function componentHeading(component: string | null, lang: Language): string {
  const w = words[lang];
  if (component === null || component === "") return w.noComponent;
  if (/^pmc$/i.test(component)) return w.pmc;
  return /^\d+$/.test(component) ? w.component(component) : component;
}

/** Numbered components in number order, then PMC and other names, then findings without a component. */
function componentRank(component: string | null): [number, number, string] {
  if (component === null || component === "") return [3, 0, ""];
  if (/^\d+$/.test(component)) return [0, Number(component), ""];
  if (/^pmc$/i.test(component)) return [1, 0, ""];
  return [2, 0, component];
}

function compareComponents(a: string | null, b: string | null): number {
  const ra = componentRank(a);
  const rb = componentRank(b);
  return ra[0] - rb[0] || ra[1] - rb[1] || (ra[2] < rb[2] ? -1 : ra[2] > rb[2] ? 1 : 0);
}

/** "2018 … 2023 Q2 (10)" ("2023 T2" in Spanish), as the report's tables write periods; short lists are given whole. */
function periodList(periods: string[], lang: Language): string {
  const label = (p: string) => periodLabel(p, lang);
  if (periods.length <= 4) return periods.map(label).join(", ");
  return `${label(periods[0])} … ${label(periods[periods.length - 1])} (${periods.length})`;
}

export function formatTables(report: Report, lang: Language = "en"): string[] {
  const w = words[lang];
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(file.file);
    if (file.sheets.length === 0) lines.push(`  ${w.noSheets}`);
    for (const sheet of file.sheets) {
      if (sheet.tables.length === 0) {
        lines.push(`  ${sheet.name}: ${w.skipped} — ${sheet.skipped ?? w.noTable}`);
        continue;
      }
      for (const t of sheet.tables) {
        const parts = [`${w.table(w.kinds[t.kind])} ${t.range}`];
        if (t.periods.length > 0) parts.push(`${w.periods} ${periodList(t.periods, lang)}`);
        const sizes = [count(t.components.length, w.components)];
        if (t.outputs.length > 0) sizes.push(count(t.outputs.length, w.outputs));
        parts.push(sizes.join(", "));
        lines.push(`  ${sheet.name}: ${parts.join(" · ")}`);
        lines.push(`    ${t.shape}`);
        for (const note of t.notes) lines.push(`    ${w.note}: ${note}`);
      }
    }
  }
  return lines;
}

export function formatFindings(findings: Finding[], lang: Language = "en"): string[] {
  const w = words[lang];
  if (findings.length === 0) return [w.noFindings];
  const lines: string[] = [];
  const ruleWidth = Math.max(...findings.map((f) => f.rule.length));
  for (const severity of severityOrder) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(`${w.severities[severity]} (${ofSeverity.length})`);
    const components = [...new Set(ofSeverity.map((f) => f.component))].sort(compareComponents);
    for (const component of components) {
      lines.push(`  ${componentHeading(component, lang)}`);
      for (const f of ofSeverity.filter((x) => x.component === component)) {
        lines.push(`    ${f.rule.padEnd(ruleWidth)}  ${findingLocation(f)}  ${oneLine(f.message)}`);
      }
    }
  }
  return lines;
}

/** The whole readable report, ending with a newline; text from the workbooks cannot drive the terminal (see terminalSafe). */
export function formatReport(report: Report, lang: Language = "en"): string {
  const anyTable = report.files.some((f) => f.sheets.some((s) => s.tables.length > 0));
  const lines = [
    ...formatTables(report, lang),
    "",
    ...(anyTable || report.findings.length > 0 ? formatFindings(report.findings, lang) : [words[lang].noTables]),
    "",
    summaryLine(report.findings, report.files.length, lang),
  ];
  return lines.map(terminalSafe).join("\n") + "\n";
}

/** One line of text, whitespace runs collapsed, control characters shown escaped. */
export function oneLine(text: string): string {
  return terminalSafe(text.replace(/[ \t\n\r\f\v\u00a0\u2028\u2029]+/g, " ").trim());
}

/**
 * Characters a terminal obeys rather than shows, written the way --json
 * writes them ("\u001b"): C0 and C1 controls (escape sequences, OSC-8 links,
 * a carriage return that overwrites the line, a bell), DEL, and the
 * bidirectional controls that reorder what is shown (right-to-left override,
 * isolates, marks). A sheet or label holding them is printed as text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => {
    switch (c) {
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
}
