/**
 * The words of the PIR sheets in English and Spanish. Only our own words are
 * here: labels read from the input workbooks are data and are written as read.
 */
import type { TableKind } from "../model";
import type { ReportingPeriod } from "../settings";

export type Language = "en" | "es";

export interface PirLabels {
  pirSheet: string;
  /** The annotated copy's sheet (31 characters at most). */
  annotatedSheet: string;
  findingsSheet: string;
  legend: string;
  footnotesTitle: string;
  reportingPeriod: string;
  financialTitle: string;
  workplanTitle: string;
  source: string;
  /** What a note calls the table a finding's cell is in: "Budget table, budget.xlsx › Budget!B7: …". */
  tableKinds: Record<TableKind, string>;
  components: string;
  gefFund: (currency: string) => string;
  budget: string;
  expenditure: string;
  total: (currency: string) => string;
  outputs: string;
  totalBudget: string;
  noLabel: string;
  noLabelNote: string;
  noTables: string;
  noWorkplan: string;
  /** The note under a financial table whose expenditure was summed from the work plan. */
  derivedExpenditure: (endDate: string, periods: string) => string;
  /** The note under a financial table whose Budget is read per component from a matrix or a line-item budget. */
  budgetPerComponent: string;
  /** Where Expenditure came from when the budget has none: another table, or none at all. */
  expenditureFrom: (source: string) => string;
  spentFromReport: (source: string, endDate: string, periods: string) => string;
  noExpenditure: string;
  noBudget: string;
  balance: string;
  percentSpent: string;
  /** The financial table's second column when only a work plan was read. */
  plannedThrough: (endDate: string) => string;
  deliveryTitle: string;
  deliveryHeader: string[];
  deliveryNote: string;
  findingsHeader: string[];
  severity: Record<"error" | "warning" | "info", string>;
  noFindings: string;
  months: string[];
  /** "1 July 2021" / "1 de julio de 2021". */
  date: (day: number, month: string, year: number) => string;
}

const EN: PirLabels = {
  pirSheet: "PIR tables",
  annotatedSheet: "PIR tables annotated",
  findingsSheet: "Findings",
  legend: "Flags (the numbers refer to the notes below the tables):",
  footnotesTitle: "Notes on the flagged cells",
  reportingPeriod: "Reporting period",
  financialTitle: "VIII.3 Financial implementation",
  workplanTitle: "IX. Work plan and budget",
  source: "Source",
  tableKinds: { workplan: "Work plan", budget: "Budget table", expenditure: "Expenditure report" },
  components: "Project components",
  gefFund: (c) => `GEF Fund (${c})`,
  budget: "Budget",
  expenditure: "Expenditure",
  total: (c) => `Total (${c})`,
  outputs: "Outputs",
  totalBudget: "Total Budget",
  noLabel: "(no label)",
  noLabelNote: "This row has amounts but no label in the source.",
  noTables: "No budget or work plan table was recognised in the input workbooks.",
  noWorkplan: "No work plan table was recognised in the input workbooks.",
  derivedExpenditure: (end, periods) =>
    `No budget table was recognised: what is planned through ${end} is the sum of the work plan's periods that end by then (${periods}); no table reports expenditure.`,
  budgetPerComponent: "Budget per component: the totals the budget table gives each component.",
  expenditureFrom: (source) => `Expenditure from ${source}.`,
  spentFromReport: (source, end, periods) => `Expenditure: the periods of ${source} that end by ${end} (${periods}), added up.`,
  noExpenditure: "No table in the input workbooks reports expenditure: the Expenditure column is left blank.",
  noBudget: "No budget table was recognised: the Budget column is left blank.",
  balance: "Balance",
  percentSpent: "% spent",
  plannedThrough: (end) => `Planned through ${end}`,
  deliveryTitle: "Delivery against the work plan",
  deliveryHeader: ["Component", "Period", "Plan", "Expenditure", "Delivery"],
  deliveryNote: "Delivery is expenditure ÷ plan for each plan period that has ended; below 70 % is marked.",
  findingsHeader: ["Severity", "Finding", "Component", "Output", "Period", "Expected", "Actual", "Message", "Source", "Rule"],
  severity: { error: "Error", warning: "Warning", info: "Info" },
  noFindings: "No findings: the tables hold together.",
  months: [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ],
  date: (d, m, y) => `${d} ${m} ${y}`,
};

const ES: PirLabels = {
  pirSheet: "Tablas PIR",
  annotatedSheet: "Tablas PIR anotadas",
  findingsSheet: "Hallazgos",
  legend: "Marcas (los números remiten a las notas bajo las tablas):",
  footnotesTitle: "Notas sobre las celdas marcadas",
  reportingPeriod: "Período del informe",
  financialTitle: "VIII.3 Ejecución financiera",
  workplanTitle: "IX. Plan de trabajo y presupuesto",
  source: "Origen",
  tableKinds: { workplan: "Plan de trabajo", budget: "Tabla de presupuesto", expenditure: "Informe de gastos" },
  components: "Componentes del proyecto",
  gefFund: (c) => `Fondo GEF (${c})`,
  budget: "Presupuesto",
  expenditure: "Gasto",
  total: (c) => `Total (${c})`,
  outputs: "Productos",
  totalBudget: "Presupuesto total",
  noLabel: "(sin etiqueta)",
  noLabelNote: "Esta fila tiene montos pero no tiene etiqueta en el origen.",
  noTables: "No se reconoció ninguna tabla de presupuesto ni de plan de trabajo en los libros.",
  noWorkplan: "No se reconoció ninguna tabla de plan de trabajo en los libros.",
  derivedExpenditure: (end, periods) =>
    `No se reconoció una tabla de presupuesto: lo planificado hasta el ${end} es la suma de los períodos del plan de trabajo que terminan a más tardar ese día (${periods}); ninguna tabla informa el gasto.`,
  budgetPerComponent: "Presupuesto por componente: los totales que la tabla de presupuesto da a cada componente.",
  expenditureFrom: (source) => `Gasto tomado de ${source}.`,
  spentFromReport: (source, end, periods) => `Gasto: suma de los períodos de ${source} que terminan a más tardar el ${end} (${periods}).`,
  noExpenditure: "Ninguna tabla de los libros informa el gasto: la columna Gasto queda en blanco.",
  noBudget: "No se reconoció una tabla de presupuesto: la columna Presupuesto queda en blanco.",
  balance: "Saldo",
  percentSpent: "% ejecutado",
  plannedThrough: (end) => `Planificado hasta el ${end}`,
  deliveryTitle: "Ejecución frente al plan de trabajo",
  deliveryHeader: ["Componente", "Período", "Plan", "Gasto", "Ejecución"],
  deliveryNote: "La ejecución es gasto ÷ plan en cada período del plan ya terminado; por debajo de 70 % se marca.",
  findingsHeader: ["Severidad", "Hallazgo", "Componente", "Producto", "Período", "Esperado", "Real", "Mensaje", "Origen", "Regla"],
  severity: { error: "Error", warning: "Advertencia", info: "Información" },
  noFindings: "Sin hallazgos: las tablas son coherentes.",
  months: [
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
  ],
  date: (d, m, y) => `${d} de ${m} de ${y}`,
};

export function pirLabels(language: Language): PirLabels {
  return language === "es" ? ES : EN;
}

/** "2021-07-01" → "1 July 2021" (en) / "1 de julio de 2021" (es). */
export function longDate(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const labels = pirLabels(language);
  return labels.date(Number(m[3]), labels.months[Number(m[2]) - 1] ?? m[2], Number(m[1]));
}

/** "Reporting period: FY22 (1 July 2021 – 30 June 2022)". */
export function reportingPeriodLine(period: ReportingPeriod, language: Language): string {
  const labels = pirLabels(language);
  return `${labels.reportingPeriod}: ${period.label} (${longDate(period.start, language)} – ${longDate(period.end, language)})`;
}
