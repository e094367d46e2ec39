/**
 * The pane's settings as the form holds them, and the rules that turn what
 * was stored (in a document or the browser, so untrusted) back into them.
 */
import { type WorkbookGrid, pirLabels, fiscalYear, latestEndedFiscalYear, parseSettings, settingsInputSchema, type Settings, type SettingsInput } from "../core";
import type { Language } from "./i18n";

export interface SettingsValues {
  /** "FY22"; "" for automatic: the period a table's title names, else the fiscal year that ended last. */
  period: string;
  tolerance: number;
  /** 0.05 = 5 %; null for GEF's rule by project size (5 % above USD 2 million, else 10 %). */
  pmcCap: number | null;
  /** What the cap is a share of: the GEF sub-total without PMC (GEF's rule) or the whole budget. */
  pmcBase: "subtotal" | "total";
  /** The GEF grant in USD; null to read it from the workbook ("GEF Project Financing"). */
  gefGrant: number | null;
  /** How an expenditure report's components match the plan's ("ACTIVITY4" → "PMC"); empty: the engine's matching. */
  componentMap: Record<string, string>;
  language: Language;
}

export function defaultSettings(): SettingsValues {
  return { period: "", tolerance: 0.5, pmcCap: null, pmcBase: "subtotal", gefGrant: null, componentMap: {}, language: "en" };
}

/** The engine's input for the form's values: what is automatic is left out, for the engine to decide. */
function inputOf(values: SettingsValues): SettingsInput {
  const input: SettingsInput = { period: values.period || undefined, tolerance: values.tolerance, pmcBase: values.pmcBase, language: values.language };
  if (values.pmcCap !== null) input.pmcCap = values.pmcCap;
  if (values.gefGrant !== null) input.gefGrant = values.gefGrant;
  if (Object.keys(values.componentMap).length > 0) input.componentMap = values.componentMap;
  return input;
}

/** The engine's settings for the form's values: an automatic period is left for the engine to find. */
export function engineSettings(values: SettingsValues, today: Date): Settings {
  return parseSettings(inputOf(values), today);
}

/**
 * Stored settings field by field: a field that does not validate falls back
 * to its default instead of throwing every other setting away.
 */
export function settingsFromStored(stored: unknown): SettingsValues {
  const values = defaultSettings();
  if (typeof stored !== "object" || stored === null) return values;
  const s = stored as Record<string, unknown>;
  const shape = settingsInputSchema.shape;
  const period = shape.period.safeParse(s.period);
  if (period.success && period.data) values.period = fiscalYear(period.data)!.label;
  const tolerance = shape.tolerance.safeParse(s.tolerance);
  if (tolerance.success) values.tolerance = tolerance.data;
  const pmcCap = shape.pmcCap.safeParse(s.pmcCap);
  if (pmcCap.success && pmcCap.data !== undefined) values.pmcCap = pmcCap.data;
  const pmcBase = shape.pmcBase.safeParse(s.pmcBase);
  if (pmcBase.success) values.pmcBase = pmcBase.data;
  const gefGrant = shape.gefGrant.safeParse(s.gefGrant);
  if (gefGrant.success && gefGrant.data !== undefined) values.gefGrant = gefGrant.data;
  const componentMap = shape.componentMap.safeParse(s.componentMap);
  if (componentMap.success && componentMap.data !== undefined) values.componentMap = componentMap.data;
  const language = shape.language.safeParse(s.language);
  if (language.success) values.language = language.data;
  return values;
}

/** What to store for the form's values; null when one is out of range (the form then keeps the last good value). */
export function validSettings(values: SettingsValues): SettingsInput | null {
  const input = inputOf(values);
  const parsed = settingsInputSchema.safeParse(input);
  if (!parsed.success) return null;
  // Stored as given: an automatic period stays automatic.
  if (input.period === undefined) delete input.period;
  return input;
}

/**
 * Fiscal years to choose from, newest first: the one under way, back ten
 * years (GEF projects run five to seven), and the chosen one if older.
 */
export function periodOptions(today: Date, chosen: string): string[] {
  const latest = Number(latestEndedFiscalYear(today).label.slice(2));
  const options: string[] = [];
  for (let y = latest + 1; y >= latest - 10; y--) options.push(`FY${String(((y % 100) + 100) % 100).padStart(2, "0")}`);
  const label = fiscalYear(chosen)?.label;
  if (label && !options.includes(label)) options.push(label);
  return options;
}

/** The calendar years a fiscal year spans: FY22 → 2021, 2022. */
export function fiscalYearSpan(label: string): { startYear: number; endYear: number } | null {
  const p = fiscalYear(label);
  return p ? { startYear: Number(p.start.slice(0, 4)), endYear: Number(p.end.slice(0, 4)) } : null;
}

const OWN_SHEET_BASES = (["en", "es"] as const).flatMap((l) => [pirLabels(l).pirSheet, pirLabels(l).annotatedSheet, pirLabels(l).findingsSheet]);

/**
 * The sheets this add-in wrote ("PIR tables", "PIR tables annotated",
 * "Findings", their Spanish names, and copies kept beside them such as
 * "PIR tables (2)"). They
 * hold copies of the tables and must not be checked against their sources.
 */
export function isOwnSheet(name: string): boolean {
  const base = name.replace(/\s*\(\d+\)$|\s+\d+$/, "");
  return OWN_SHEET_BASES.some((b) => b.toLowerCase() === base.toLowerCase());
}

export function withoutOwnSheets(grid: WorkbookGrid): WorkbookGrid {
  return grid.sheets.some((s) => isOwnSheet(s.name)) ? { file: grid.file, sheets: grid.sheets.filter((s) => !isOwnSheet(s.name)) } : grid;
}

/** "ACTIVITY4=PMC, ACTIVITY3=M&E" → the map; null when a pair is not two components. */
export function parseComponentMap(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[,;\n]/).map((p) => p.trim()).filter((p) => p !== "")) {
    const m = /^([^=]+)=([^=]+)$/.exec(pair);
    if (!m) return null;
    out[m[1].trim()] = m[2].trim();
  }
  return settingsInputSchema.shape.componentMap.safeParse(out).success ? out : null;
}

export function formatComponentMap(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([from, to]) => `${from}=${to}`)
    .join(", ");
}
