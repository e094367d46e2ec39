/**
 * Period headers of work-plan tables: whole years ("2021", a number shown as
 * "2,021", "Año 2021", "FY21") and calendar quarters in the many ways people
 * write them ("2022 T1", "Q1 2023", "I trimestre 2022", "1er trimestre 2022").
 * A Period is "2021" or "2022-Q1" (see ./model).
 */
import { type Cell, cellText } from "./grid";
import { foldText } from "./fold";
import type { Period } from "./model";

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** Lower case, accents and compatibility forms folded ("º" → "o", NBSP → space), spaces collapsed. */
const fold = (text: string): string => foldText(text);

function validYear(n: number): number | null {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

/**
 * A year header cell. A fiscal-year column ("FY2021", "FY21") is keyed by the
 * calendar year it ends in: a simplification, since the PIR's periods are
 * calendar years and quarters and a work plan rarely mixes the two.
 */
export function parseYear(cell: Cell | null | undefined): number | null {
  if (!cell) return null;
  const v = cell.value;
  // The value decides, not the display: 2021 shown as "2,021" is still 2021.
  if (typeof v === "number") return validYear(v);
  // A date formatted to show only its year ("yyyy").
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const showsYearOnly = /^\s*y{4}\s*$/i.test(cell.numFmt ?? "") || /^\s*\d{4}\s*$/.test(cell.text ?? "");
    return showsYearOnly ? validYear(v.getUTCFullYear()) : null;
  }
  return parseYearText(cellText(cell));
}

const YEAR_PREFIX = "(?:year|ano|anio|fiscal year|ano fiscal|fy|af)";
const YEAR_TEXT = new RegExp(`^(?:${YEAR_PREFIX} ?)?(\\d{4}|\\d[,.]\\d{3})$`);
const FISCAL_TWO_DIGITS = /^fy ?(\d{2})$/;

function parseYearText(text: string): number | null {
  const s = fold(text);
  const m = YEAR_TEXT.exec(s);
  if (m) return validYear(Number(m[1].replace(/[,.]/, "")));
  const fy = FISCAL_TWO_DIGITS.exec(s);
  if (fy) return validYear(2000 + Number(fy[1]));
  return null;
}

type Quarter = 1 | 2 | 3 | 4;

/** Every way to say "quarter"; the one-letter forms only ever next to a digit. */
const QUARTER_WORD = "(?:quarter|qtr|trimestre|trim|q|t)";
const LONG_QUARTER_WORD = "(?:quarter|qtr|trimestre|trim)";
const ROMAN_NUMERAL = "(i{1,3}|iv)";
const ORDINAL_SUFFIX = "(?:st|nd|rd|th|er|ero|ro|do|to|o|a|°|\\.)";
const ROMAN: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ORDINAL_WORDS: Record<string, Quarter> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  primer: 1,
  primero: 1,
  segundo: 2,
  tercer: 3,
  tercero: 3,
  cuarto: 4,
};

/**
 * Roman numerals go only with a whole word and a space ("Trimestre I",
 * "II trimestre"), so that words such as "it" or "ti" are never quarters.
 */
const QUARTER_PATTERNS: RegExp[] = [
  // "Q1", "T 1", "Trim. 1", "Quarter 1", "Qtr1"
  new RegExp(`^${QUARTER_WORD}\\.? ?([1-4])$`),
  // "1T", "1Q", "1er trimestre", "1st quarter", "1º trimestre", "2do trim."
  new RegExp(`^([1-4])${ORDINAL_SUFFIX}? ?${QUARTER_WORD}\\.?$`),
  // "Trimestre I", "Quarter IV"
  new RegExp(`^${LONG_QUARTER_WORD}\\.? ${ROMAN_NUMERAL}$`),
  // "I trimestre", "IV Quarter"
  new RegExp(`^${ROMAN_NUMERAL}\\.? ${LONG_QUARTER_WORD}\\.?$`),
];
/** "First quarter", "Primer trimestre" */
const ORDINAL_WORD_THEN_WORD = new RegExp(`^([a-z]+) ${LONG_QUARTER_WORD}\\.?$`);

function quarterNumber(token: string): Quarter | null {
  if (/^[1-4]$/.test(token)) return Number(token) as Quarter;
  return ROMAN[token] ?? null;
}

/** A quarter without its year, or null. */
export function parseQuarterOnly(text: string): Quarter | null {
  const s = fold(text);
  for (const re of QUARTER_PATTERNS) {
    const m = re.exec(s);
    if (m) return quarterNumber(m[1]);
  }
  const w = ORDINAL_WORD_THEN_WORD.exec(s);
  if (w) return ORDINAL_WORDS[w[1]] ?? null;
  return null;
}

/**
 * A quarter and its year in one cell, the year first or last. A fiscal year
 * beside a quarter ("Q1 FY2022") is read as that calendar year's quarter: the
 * sheets we have seen use "FY" loosely, and guessing the fiscal offset would
 * shift every amount by two quarters when it is wrong.
 */
const YEAR_FIRST = /^(?:fy ?)?(\d{4}) ?[-/_.,]? ?(.+)$/;
const YEAR_LAST = /^(.+?) ?[-/_.,]? ?(?:fy ?)?(\d{4})$/;

function parseQuarterWithYear(text: string): Period | null {
  const s = fold(text);
  for (const [re, yearAt, quarterAt] of [
    [YEAR_FIRST, 1, 2],
    [YEAR_LAST, 2, 1],
  ] as const) {
    const m = re.exec(s);
    if (!m) continue;
    const year = validYear(Number(m[yearAt]));
    const quarter = parseQuarterOnly(m[quarterAt]);
    if (year !== null && quarter !== null) return `${year}-Q${quarter}`;
  }
  return null;
}

/**
 * A project year: "Year 1", "Amount Year 2 (USD)", "Project Year 3", "Y4",
 * "PY1", "Año 1", "Année 2". Counted from the project's start, not the
 * calendar; "Year 2021" is a calendar year and is read by parseYear first.
 */
const PROJECT_YEAR = /^(?:(?:amount|budget|presupuesto|monto|montant|total) )?(?:project year|year|ano|anio|annee|py|y|yr)\.? ?(\d{1,2})(?: \((?:usd|us\$|\$|eur)\))?$/;

export function parseProjectYear(text: string): number | null {
  const m = PROJECT_YEAR.exec(fold(text));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 15 ? n : null;
}

/** One header cell on its own: "2021", "2022-Q1", "Y1", or null when it names no period. */
export function parsePeriodHeader(cell: Cell | null | undefined): Period | null {
  if (!cell) return null;
  const year = parseYear(cell);
  if (year !== null) return String(year);
  if (typeof cell.value === "number" || cell.value instanceof Date) return null;
  const text = cellText(cell);
  const projectYear = parseProjectYear(text);
  if (projectYear !== null) return `Y${projectYear}`;
  return parseQuarterWithYear(text);
}

const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

/** A project year's number ("Y2" → 2), or null for a calendar period. */
export function projectYearOf(p: Period): number | null {
  return /^Y\d+$/.test(p) ? Number(p.slice(1)) : null;
}

function splitPeriod(p: Period): { year: number; quarter: Quarter | null } {
  const m = PERIOD.exec(p);
  if (!m) throw new Error(`Not a calendar period: "${p}"`);
  return { year: Number(m[1]), quarter: m[2] ? (Number(m[2]) as Quarter) : null };
}

const QUARTER_START = ["01-01", "04-01", "07-01", "10-01"];
const QUARTER_END = ["03-31", "06-30", "09-30", "12-31"];

/** First day, ISO: "2022-Q2" → "2022-04-01". */
export function periodStart(p: Period): string {
  const { year, quarter } = splitPeriod(p);
  return `${year}-${quarter ? QUARTER_START[quarter - 1] : "01-01"}`;
}

/** Last day, ISO and inclusive: "2022-Q1" → "2022-03-31", "2021" → "2021-12-31". */
export function periodEnd(p: Period): string {
  const { year, quarter } = splitPeriod(p);
  return `${year}-${quarter ? QUARTER_END[quarter - 1] : "12-31"}`;
}

/** Chronological by start; a year sorts before the quarter that starts with it; project years after calendar periods, in order. */
export function comparePeriods(a: Period, b: Period): number {
  const ya = projectYearOf(a);
  const yb = projectYearOf(b);
  if (ya !== null || yb !== null) return ya === null ? -1 : yb === null ? 1 : ya - yb;
  const byStart = periodStart(a).localeCompare(periodStart(b));
  if (byStart !== 0) return byStart;
  return periodEnd(b).localeCompare(periodEnd(a));
}

/**
 * The whole period lies on or before the ISO date (a time part is ignored).
 * A project year has no dates until the project's start is known: never;
 * with the start, year n ends the day before the start's n-th anniversary.
 */
export function periodEndsBy(p: Period, isoDate: string, projectStart: string | null = null): boolean {
  const n = projectYearOf(p);
  if (n !== null) return projectStart !== null && projectYearEnd(projectStart, n) <= isoDate.slice(0, 10);
  return periodEnd(p) <= isoDate.slice(0, 10);
}

/** The last day of project year n for a project that started on `start` (ISO): 2020-07-01, 1 → 2021-06-30. */
export function projectYearEnd(start: string, n: number): string {
  const [y, m, d] = start.split("-").map(Number);
  const next = new Date(Date.UTC(y + n, m - 1, d));
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

/** "2022 Q1" (en) or "2022 T1" (es, trimestre); a year as "2021"; a project year as "Year 1" / "Año 1". */
export function periodLabel(p: Period, language: "en" | "es"): string {
  const projectYear = projectYearOf(p);
  if (projectYear !== null) return `${language === "es" ? "Año" : "Year"} ${projectYear}`;
  const { year, quarter } = splitPeriod(p);
  if (quarter === null) return String(year);
  return `${year} ${language === "es" ? "T" : "Q"}${quarter}`;
}
