/**
 * Every word the task pane shows, in English and Spanish. The findings'
 * messages come from the engine in the same language (settings.language);
 * names read from the workbooks (sheets, labels, files) are data and are
 * shown as read.
 */
import { ruleAmountWords, type Finding, type Severity, type TableKind } from "../core";

export type Language = "en" | "es";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "A, B and C": a list as a sentence says it. */
function listed(items: string[], and: string): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

const en = {
  appTitle: "PIR Budget Check",
  modeExcel: "Checks this workbook, and the other one if you import it.",
  modeFile: "Checks the workbooks you add here. They stay on this computer.",
  sections: "Sections",
  tabCheck: "Check",
  tabTables: "Tables",
  tabSettings: "Settings",

  // Workbooks
  workbooksHeading: "Workbooks",
  thisWorkbook: "This workbook",
  dropTitle: "Drop the work plan and budget workbooks (.xlsx) here",
  dropTitleExcel: "Drop the other workbook (.xlsx) here",
  dropMore: "Drop more workbooks here",
  chooseFiles: "Choose files…",
  importOther: "Import the other workbook…",
  fileInputLabel: "Workbooks to check (.xlsx)",
  removeWorkbook: (file: string) => `Remove ${file}`,

  // Actions
  actions: "Actions",
  validate: "Validate",
  generateExcel: "Generate PIR tables",
  generateFile: "Download PIR tables",
  copyForWord: "Copy for Word",
  copyAnnotated: "Copy with flags",
  copied: "The PIR tables are on the clipboard: paste them into Word.",
  copiedSelection: "The PIR tables were copied as text; paste them into Word.",
  copyFailed: "The browser did not allow copying. Download the PIR tables instead.",
  downloaded: (file: string) => `Downloaded ${file}.`,
  wroteSheets: (sheets: string[]) => `Wrote the sheets ${listed(sheets, "and")}.`,
  highlight: "Highlight in workbook",
  clearHighlights: "Clear highlights",
  highlighted: (n: number) => `${plural(n, "cell", "cells")} highlighted.`,
  highlightsCleared: "Highlights cleared.",
  needWorkbooks: "Add at least one workbook first.",

  // Progress
  progressLabel: "Progress",
  readingFile: (file: string) => `Reading ${file}…`,
  checking: "Checking the tables…",
  writing: "Writing the PIR tables…",
  loadingReader: "Loading the workbook reader…",
  cancelReading: "Cancel",
  readCancelled: (file: string) => `Cancelled: ${file} was not added.`,
  readCancelledRest: (file: string) => `Cancelled: ${file} and the files after it were not added.`,

  // Summary and findings
  summary: (counts: Record<Severity, number>, workbooks: number) => {
    const parts = [plural(counts.error, "error", "errors"), plural(counts.warning, "warning", "warnings")];
    if (counts.info > 0) parts.push(plural(counts.info, "note", "notes"));
    return `${parts.join(", ")} in ${plural(workbooks, "workbook", "workbooks")}`;
  },
  noFindings: (workbooks: number) => `No findings in ${plural(workbooks, "workbook", "workbooks")}: the tables hold together.`,
  noTables: (workbooks: number) =>
    `No work plan, budget or expenditure table was recognised in ${plural(workbooks, "workbook", "workbooks")}: nothing was checked. See the Tables tab.`,
  checkedPeriod: (label: string, source: "setting" | "workbook" | "default") =>
    `Checked for ${label}` +
    (source === "workbook" ? ", the period a table's title names." : source === "default" ? ", the fiscal year that ended last." : "."),
  notValidated: "Not checked yet.",
  findingsHeading: "Findings",
  findingsList: "Findings, grouped by severity and component",
  filterText: "Filter findings",
  filterPlaceholder: "Search the findings",
  filterSeverities: "Show",
  severityPlural: { error: "Errors", warning: "Warnings", info: "Notes" } as Record<Severity, string>,
  severityOne: { error: "Error", warning: "Warning", info: "Note" } as Record<Severity, string>,
  showing: (shown: number, total: number) => `Showing ${shown} of ${total} findings.`,
  noMatch: "No finding matches the filter.",
  component: (c: string) => `Component ${c}`,
  pmc: "Project management (PMC)",
  monitoring: "Monitoring and evaluation",
  noComponent: "Not tied to a component",
  expected: "Expected",
  actual: "Actual",
  goTo: (place: string) => `Select ${place} in Excel`,
  placeLabel: "Cell",

  // Tables
  tablesHeading: "Tables found",
  tablesIntro: "What the add-in recognised on each sheet. Check the ranges before trusting the findings.",
  noWorkbooksYet: "No workbook yet.",
  tableKind: { workplan: "Work plan", budget: "Budget", expenditure: "Expenditure" } as Record<TableKind, string>,
  periods: "Periods",
  components: (n: number) => plural(n, "component", "components"),
  outputs: (n: number) => plural(n, "output", "outputs"),
  skipped: "Skipped",
  ownSheet: "written by this add-in, so not checked.",
  restrictedTo: (range: string) => `Limited to ${range}`,
  rangeHeading: "Table in the wrong place?",
  rangeHelpExcel: "Select the table's cells (header included) in Excel, then use the selection.",
  rangeHelpFile: "Give the table's range, header included, and the add-in reads only those cells.",
  useSelection: "Use selection as table",
  rangeSheet: "Sheet",
  rangeInput: "Range",
  rangePlaceholder: "e.g. B4:M24",
  applyRange: "Apply",
  removeRange: (sheet: string, range: string) => `Stop limiting ${sheet} to ${range}`,
  rangeInvalid: "That is not a range such as B4:M24.",
  rangeSheetUnknown: "That sheet is not in the workbooks being checked.",
  selectionNotInWorkbook: "Select the table in this workbook first.",

  // Settings
  settingsHeading: "Settings",
  period: "Reporting period",
  periodHint: "The GEF fiscal year, July to June. Automatic: the one a table's title names (\"PIR FY22\"), else the last that ended.",
  periodAuto: "Automatic (from the workbook)",
  fiscalYear: (label: string, startYear: number, endYear: number) => `${label} (July ${startYear} – June ${endYear})`,
  tolerance: "Tolerance",
  toleranceHint: "Differences up to this amount are not reported.",
  pmcCap: "PMC cap",
  pmcCapHint: "GEF's rule: up to 5 % of the GEF sub-total for projects above USD 2 million, 10 % at or below.",
  pmcCapBySize: "GEF's rule, by project size",
  pmcCapCustom: "A share I set",
  pmcCapShare: "PMC cap (%)",
  pmcCapShareHint: "The share of the base below that PMC may take.",
  pmcBase: "PMC cap is a share of",
  pmcBaseSubtotal: "GEF sub-total, PMC excluded",
  pmcBaseTotal: "Whole budget, PMC included",
  componentMap: "Component matching",
  componentMapHint: "Only when the check matched an expenditure report's activities wrongly (see the Tables tab): pairs such as ACTIVITY4=PMC, ACTIVITY3=M&E.",
  componentMapInvalid: "Write pairs of components, such as ACTIVITY4=PMC.",
  gefGrant: "GEF grant (USD)",
  gefGrantHint: "Empty: read from a cell labelled \"GEF Project Financing\" in the workbook. The budget's total is checked against it.",
  language: "Language",
  languageNames: { en: "English", es: "Español" } as Record<Language, string>,
  settingsSavedExcel: "Saved with this workbook.",
  settingsSavedFile: "Saved in this browser.",
  settingInvalid: (field: string) => `${field}: enter a number in range.`,

  // Replace dialog
  replaceTitle: "Replace the PIR tables?",
  replaceBody: (sheet: string) => `This workbook already has a sheet named “${sheet}”. Replace it, or keep it and add a new one beside it?`,
  replace: "Replace",
  keepBoth: "Keep both",
  cancel: "Cancel",

  // Errors
  failed: (what: string) => `Something went wrong: ${what}`,
  excelFailed: (what: string) => `Excel did not accept the request: ${what}`,
  dismiss: "Dismiss",
};

export type Dictionary = typeof en;

const es: Dictionary = {
  appTitle: "Control de presupuesto PIR",
  modeExcel: "Revisa este libro, y el otro si lo importa.",
  modeFile: "Revisa los libros que agregue aquí. No salen de este equipo.",
  sections: "Secciones",
  tabCheck: "Revisar",
  tabTables: "Tablas",
  tabSettings: "Configuración",

  workbooksHeading: "Libros",
  thisWorkbook: "Este libro",
  dropTitle: "Suelte aquí los libros del plan de trabajo y del presupuesto (.xlsx)",
  dropTitleExcel: "Suelte aquí el otro libro (.xlsx)",
  dropMore: "Suelte aquí más libros",
  chooseFiles: "Elegir archivos…",
  importOther: "Importar el otro libro…",
  fileInputLabel: "Libros a revisar (.xlsx)",
  removeWorkbook: (file) => `Quitar ${file}`,

  actions: "Acciones",
  validate: "Validar",
  generateExcel: "Generar tablas PIR",
  generateFile: "Descargar tablas PIR",
  copyForWord: "Copiar para Word",
  copyAnnotated: "Copiar con marcas",
  copied: "Las tablas PIR están en el portapapeles: péguelas en Word.",
  copiedSelection: "Las tablas PIR se copiaron como texto; péguelas en Word.",
  copyFailed: "El navegador no permitió copiar. Descargue las tablas PIR.",
  downloaded: (file) => `Se descargó ${file}.`,
  wroteSheets: (sheets) => `Se escribieron las hojas ${listed(sheets, "y")}.`,
  highlight: "Resaltar en el libro",
  clearHighlights: "Quitar el resaltado",
  highlighted: (n) => `${plural(n, "celda resaltada", "celdas resaltadas")}.`,
  highlightsCleared: "Resaltado quitado.",
  needWorkbooks: "Primero agregue al menos un libro.",

  progressLabel: "Progreso",
  readingFile: (file) => `Leyendo ${file}…`,
  checking: "Revisando las tablas…",
  writing: "Escribiendo las tablas PIR…",
  loadingReader: "Cargando el lector de libros…",
  cancelReading: "Cancelar",
  readCancelled: (file) => `Cancelado: no se agregó ${file}.`,
  readCancelledRest: (file) => `Cancelado: no se agregaron ${file} ni los archivos siguientes.`,

  summary: (counts, workbooks) => {
    const parts = [plural(counts.error, "error", "errores"), plural(counts.warning, "advertencia", "advertencias")];
    if (counts.info > 0) parts.push(plural(counts.info, "nota", "notas"));
    return `${parts.join(", ")} en ${plural(workbooks, "libro", "libros")}`;
  },
  noFindings: (workbooks) => `Ningún hallazgo en ${plural(workbooks, "libro", "libros")}: las tablas cuadran.`,
  noTables: (workbooks) =>
    `No se reconoció ninguna tabla de plan de trabajo, presupuesto o gastos en ${plural(workbooks, "libro", "libros")}: no se revisó nada. Vea la pestaña Tablas.`,
  checkedPeriod: (label, source) =>
    `Revisado para ${label}` +
    (source === "workbook" ? ", el período que nombra el título de una tabla." : source === "default" ? ", el último año fiscal cerrado." : "."),
  notValidated: "Todavía sin revisar.",
  findingsHeading: "Hallazgos",
  findingsList: "Hallazgos, agrupados por gravedad y componente",
  filterText: "Filtrar hallazgos",
  filterPlaceholder: "Buscar en los hallazgos",
  filterSeverities: "Mostrar",
  severityPlural: { error: "Errores", warning: "Advertencias", info: "Notas" },
  severityOne: { error: "Error", warning: "Advertencia", info: "Nota" },
  showing: (shown, total) => `Se muestran ${shown} de ${total} hallazgos.`,
  noMatch: "Ningún hallazgo coincide con el filtro.",
  component: (c) => `Componente ${c}`,
  pmc: "Gestión del proyecto (PMC)",
  monitoring: "Seguimiento y evaluación",
  noComponent: "Sin componente",
  expected: "Esperado",
  actual: "Real",
  goTo: (place) => `Seleccionar ${place} en Excel`,
  placeLabel: "Celda",

  tablesHeading: "Tablas encontradas",
  tablesIntro: "Lo que el complemento reconoció en cada hoja. Revise los rangos antes de confiar en los hallazgos.",
  noWorkbooksYet: "Todavía no hay libros.",
  tableKind: { workplan: "Plan de trabajo", budget: "Presupuesto", expenditure: "Gastos" },
  periods: "Períodos",
  components: (n) => plural(n, "componente", "componentes"),
  outputs: (n) => plural(n, "producto", "productos"),
  skipped: "Omitida",
  ownSheet: "la escribió este complemento, así que no se revisa.",
  restrictedTo: (range) => `Limitada a ${range}`,
  rangeHeading: "¿La tabla está en otro lugar?",
  rangeHelpExcel: "Seleccione las celdas de la tabla (con el encabezado) en Excel y use la selección.",
  rangeHelpFile: "Indique el rango de la tabla, con el encabezado, y el complemento leerá solo esas celdas.",
  useSelection: "Usar la selección como tabla",
  rangeSheet: "Hoja",
  rangeInput: "Rango",
  rangePlaceholder: "p. ej. B4:M24",
  applyRange: "Aplicar",
  removeRange: (sheet, range) => `Dejar de limitar ${sheet} a ${range}`,
  rangeInvalid: "Eso no es un rango como B4:M24.",
  rangeSheetUnknown: "Esa hoja no está en los libros que se revisan.",
  selectionNotInWorkbook: "Primero seleccione la tabla en este libro.",

  settingsHeading: "Configuración",
  period: "Período del informe",
  periodHint: "El año fiscal del GEF, de julio a junio. Automático: el que nombra el título de una tabla (\"PIR FY22\"), o el último cerrado.",
  periodAuto: "Automático (según el libro)",
  fiscalYear: (label, startYear, endYear) => `${label} (julio ${startYear} – junio ${endYear})`,
  tolerance: "Tolerancia",
  toleranceHint: "Las diferencias hasta este monto no se informan.",
  pmcCap: "Tope de PMC",
  pmcCapHint: "Regla del GEF: hasta 5 % del subtotal GEF en proyectos de más de USD 2 millones, 10 % en los demás.",
  pmcCapBySize: "Regla del GEF, según el tamaño del proyecto",
  pmcCapCustom: "Un porcentaje que fijo yo",
  pmcCapShare: "Tope de PMC (%)",
  pmcCapShareHint: "La parte de la base que puede ocupar la gestión del proyecto.",
  pmcBase: "El tope de PMC es una parte de",
  pmcBaseSubtotal: "Subtotal GEF, sin PMC",
  pmcBaseTotal: "Todo el presupuesto, con PMC",
  componentMap: "Emparejamiento de componentes",
  componentMapHint: "Solo si la revisión emparejó mal las actividades de un informe de gastos (vea la pestaña Tablas): pares como ACTIVITY4=PMC, ACTIVITY3=M&E.",
  componentMapInvalid: "Escriba pares de componentes, como ACTIVITY4=PMC.",
  gefGrant: "Donación GEF (USD)",
  gefGrantHint: "Vacío: se lee de una celda \"GEF Project Financing\" del libro. El total del presupuesto se compara con ella.",
  language: "Idioma",
  languageNames: { en: "English", es: "Español" },
  settingsSavedExcel: "Se guarda con este libro.",
  settingsSavedFile: "Se guarda en este navegador.",
  settingInvalid: (field) => `${field}: escriba un número dentro del rango.`,

  replaceTitle: "¿Reemplazar las tablas PIR?",
  replaceBody: (sheet) => `Este libro ya tiene una hoja llamada “${sheet}”. ¿Reemplazarla, o conservarla y agregar otra a su lado?`,
  replace: "Reemplazar",
  keepBoth: "Conservar ambas",
  cancel: "Cancelar",

  failed: (what) => `Algo salió mal: ${what}`,
  excelFailed: (what) => `Excel no aceptó la solicitud: ${what}`,
  dismiss: "Cerrar",
};

export const dictionaries: Record<Language, Dictionary> = { en, es };

export function strings(language: Language): Dictionary {
  return dictionaries[language];
}

/** The heading of a component group, as a finance officer names it. */
export function componentHeading(t: Dictionary, component: string | null): string {
  if (component === null || component === "") return t.noComponent;
  if (/^pmc$/i.test(component)) return t.pmc;
  if (/^m&e$/i.test(component)) return t.monitoring;
  return /^\d+$/.test(component) ? t.component(component) : component;
}

type AmountWords = { expected: string; actual: string };

/** The labels of a finding's expected and actual amounts, in the pane's language. */
export function amountWords(language: Language, rule: Finding["rule"]): AmountWords {
  const t = dictionaries[language];
  // Each rule names its two amounts in its own file (src/core/rules/): "Budget" and "Expenditure" rather than "Expected" and "Actual".
  return ruleAmountWords(rule, language) ?? { expected: t.expected, actual: t.actual };
}

/**
 * A number as the pane's fields show it: "0.5" in English, "0,5" in Spanish
 * (no thousands separators, so what is shown reads back the same).
 */
export function formatNumberField(value: number, language: Language): string {
  const text = String(value);
  return language === "es" ? text.replace(".", ",") : text;
}

/**
 * What a user typed in a number field, read the way the language writes
 * numbers: English "1,000.5", Spanish "1.000,5"; a lone comma in English or
 * a lone dot in Spanish is taken as the decimal mark when it cannot be a
 * thousands separator ("0,5", "2.5"). Null when it is not a number.
 */
export function parseNumberField(raw: string, language: Language): number | null {
  let s = raw.replace(/[\s\u00a0]/g, "");
  if (s === "") return null;
  const [group, decimal] = language === "es" ? [".", ","] : [",", "."];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d*)?$`);
  if (grouped.test(s)) s = s.split(group).join("");
  else if (s.includes(group) && !s.includes(decimal) && s.split(group).length === 2) s = s.replace(group, decimal);
  if (decimal === ",") s = s.replace(",", ".");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
