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

/** Month names and their short forms, English, Spanish and French, folded. */
const MONTH_NUMBER: Record<string, number> = {
  january: 1, jan: 1, enero: 1, ene: 1, janvier: 1, janv: 1,
  february: 2, feb: 2, febrero: 2, fevrier: 2, fevr: 2, fev: 2,
  march: 3, mar: 3, marzo: 3, mars: 3,
  april: 4, apr: 4, abril: 4, abr: 4, avril: 4, avr: 4,
  may: 5, mayo: 5, mai: 5,
  june: 6, jun: 6, junio: 6, juin: 6,
  july: 7, jul: 7, julio: 7, juillet: 7, juil: 7,
  august: 8, aug: 8, agosto: 8, ago: 8, aout: 8,
  september: 9, sept: 9, sep: 9, septiembre: 9, setiembre: 9, set: 9, septembre: 9,
  october: 10, oct: 10, octubre: 10, octobre: 10,
  november: 11, nov: 11, noviembre: 11, novembre: 11,
  december: 12, dec: 12, diciembre: 12, dic: 12, decembre: 12,
};
const MONTH_WORD = `(${Object.keys(MONTH_NUMBER).sort((a, b) => b.length - a.length).join("|")})\\.?`;
/**
 * A fiscal year, July–June (DOMAIN: the GEF's FY22 is 1 July 2021 – 30 June
 * 2022), keyed by the calendar year it ends in: "FY2022", "FY22", "FY 2021/22",
 * "FY2021-2022", "Fiscal year 2022", "Año fiscal 2022", "AF22".
 */
const FISCAL = /^(?:fy|fiscal year|ano fiscal|anio fiscal|af|exercice) ?(?:(\d{4}) ?[-/] ?(\d{2}|\d{4})|(\d{4})|(\d{2}))$/;

export function parseFiscalYear(text: string): Period | null {
  const m = FISCAL.exec(fold(text));
  if (!m) return null;
  if (m[1]) {
    const from = Number(m[1]);
    const to = m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
    return to === from + 1 && validYear(to) ? `FY${to}` : null;
  }
  const year = m[3] ? Number(m[3]) : 2000 + Number(m[4]);
  return validYear(year) ? `FY${year}` : null;
}

/** "Jan 2022", "January 2022", "ene-22", "Mar-2022", "enero de 2022", "janv. 2023", "2022-01", "01/2022". */
const MONTH_YEAR = new RegExp(`^${MONTH_WORD}[ /-]?(?:de )?('?\\d{2}|\\d{4})$`);
const YEAR_MONTH = /^(\d{4})[-/.](0?[1-9]|1[0-2])$/;
const MONTH_NUM_YEAR = /^(0?[1-9]|1[0-2])[-/.](\d{4})$/;

export function parseMonth(cell: Cell | null | undefined): Period | null {
  if (!cell) return null;
  const v = cell.value;
  if (v instanceof Date) {
    // A date formatted to show its month and year ("mmm-yy", "mmmm yyyy", "yyyy-mm"), not its day.
    const fmt = (cell.numFmt ?? "").toLowerCase().replace(/\[[^\]]*\]|"[^"]*"/g, "");
    if (Number.isNaN(v.getTime()) || !/m/.test(fmt) || !/y/.test(fmt) || /d/.test(fmt) || /h|s/.test(fmt)) return null;
    const y = validYear(v.getUTCFullYear());
    return y === null ? null : `${y}-${String(v.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  // Office.js gives a date as its serial number, with the text Excel shows ("Jan-22").
  if (typeof v === "number") {
    if (typeof cell.text === "string" && cell.text !== "" && cell.text !== String(v)) return parseMonth({ value: cell.text });
    if (!Number.isInteger(v) || v < 32874 || v > 73051 || cell.numFmt === undefined) return null;
    return parseMonth({ value: new Date(Date.UTC(1899, 11, 30) + v * 86_400_000), numFmt: cell.numFmt });
  }
  if (typeof v !== "string") return null;
  const s = fold(v);
  const mm = (y: number | null, m: number) => (y === null ? null : `${y}-${String(m).padStart(2, "0")}`);
  let m = MONTH_YEAR.exec(s);
  if (m) {
    const digits = m[2].replace("'", "");
    return mm(validYear(digits.length === 2 ? 2000 + Number(digits) : Number(digits)), MONTH_NUMBER[m[1]]);
  }
  m = YEAR_MONTH.exec(s);
  if (m) return mm(validYear(Number(m[1])), Number(m[2]));
  m = MONTH_NUM_YEAR.exec(s);
  if (m) return mm(validYear(Number(m[2])), Number(m[1]));
  return null;
}

/** A month's name alone ("Jan", "enero", "févr."): its number, or null. */
export function parseMonthOnly(text: string): number | null {
  return MONTH_NUMBER[fold(text).replace(/\.$/, "")] ?? null;
}

/** One header cell on its own: "2021", "2022-Q1", "2022-03", "FY2022", "Y1", or null when it names no period. */
export function parsePeriodHeader(cell: Cell | null | undefined): Period | null {
  if (!cell) return null;
  if (typeof cell.value === "string") {
    const fiscal = parseFiscalYear(cell.value);
    if (fiscal !== null) return fiscal;
  }
  const year = parseYear(cell);
  if (year !== null) return String(year);
  const month = parseMonth(cell);
  if (month !== null) return month;
  if (typeof cell.value === "number" || cell.value instanceof Date) return null;
  const text = cellText(cell);
  const projectYear = parseProjectYear(text);
  if (projectYear !== null) return `Y${projectYear}`;
  return parseQuarterWithYear(text);
}

/**
 * The calendar periods: "2021" (a year), "2022-Q1" (a quarter), "2022-03" (a
 * month), "FY2022" (a fiscal year July–June, keyed by the calendar year it
 * ends in: 1 July 2021 – 30 June 2022), and a span of two of them
 * "2022-Q1/2022-Q2" (ISO 8601's interval, a year-to-date report: January to
 * June 2022). "Y1" is a project year, with no dates of its own.
 */
const ATOM = /^(?:(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?|FY(\d{4}))$/;

interface Span {
  /** ISO, inclusive. */
  start: string;
  end: string;
}

const QUARTER_START = ["01-01", "04-01", "07-01", "10-01"];
const QUARTER_END = ["03-31", "06-30", "09-30", "12-31"];
const MONTH_END = ["31", "28", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"];

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthEnd(year: number, month: number): string {
  const d = month === 2 && leap(year) ? "29" : MONTH_END[month - 1];
  return `${year}-${String(month).padStart(2, "0")}-${d}`;
}

function atomSpan(p: string): Span {
  const m = ATOM.exec(p);
  if (!m) throw new Error(`Not a calendar period: "${p}"`);
  if (m[4]) return { start: `${Number(m[4]) - 1}-07-01`, end: `${m[4]}-06-30` };
  const year = Number(m[1]);
  if (m[2]) {
    const q = Number(m[2]) - 1;
    return { start: `${year}-${QUARTER_START[q]}`, end: `${year}-${QUARTER_END[q]}` };
  }
  if (m[3]) return { start: `${year}-${m[3]}-01`, end: monthEnd(year, Number(m[3])) };
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

function spanOf(p: Period): Span {
  const slash = p.indexOf("/");
  if (slash < 0) return atomSpan(p);
  return { start: atomSpan(p.slice(0, slash)).start, end: atomSpan(p.slice(slash + 1)).end };
}

/** Whether a period is a calendar period (year, quarter, month, fiscal year or a span of them), not a project year. */
export function isCalendarPeriod(p: Period): boolean {
  const parts = p.split("/");
  return parts.length <= 2 && parts.every((x) => ATOM.test(x));
}

/** A project year's number ("Y2" → 2), or null for a calendar period. */
export function projectYearOf(p: Period): number | null {
  return /^Y\d+$/.test(p) ? Number(p.slice(1)) : null;
}

/** First day, ISO: "2022-Q2" → "2022-04-01", "FY2022" → "2021-07-01". */
export function periodStart(p: Period): string {
  return spanOf(p).start;
}

/** Last day, ISO and inclusive: "2022-Q1" → "2022-03-31", "2021" → "2021-12-31", "2022-Q1/2022-Q2" → "2022-06-30". */
export function periodEnd(p: Period): string {
  return spanOf(p).end;
}

/** Whether the calendar period `inner` lies within `outer` (or is it). Project years are within only themselves. */
export function periodWithin(inner: Period, outer: Period): boolean {
  if (inner === outer) return true;
  if (!isCalendarPeriod(inner) || !isCalendarPeriod(outer)) return false;
  const a = spanOf(inner);
  const b = spanOf(outer);
  return a.start >= b.start && a.end <= b.end;
}

/** The day after an ISO date. */
function nextDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

/** Whether the periods, put end to end, cover `outer` exactly, without gap or overlap. */
export function periodsCover(parts: Period[], outer: Period): boolean {
  if (parts.length === 0 || !parts.every(isCalendarPeriod) || !isCalendarPeriod(outer)) return parts.length === 1 && parts[0] === outer;
  const spans = parts.map(spanOf).sort((a, b) => compareIso(a.start, b.start));
  const whole = spanOf(outer);
  if (spans[0].start !== whole.start || spans[spans.length - 1].end !== whole.end) return false;
  for (let i = 1; i < spans.length; i++) if (spans[i].start !== nextDay(spans[i - 1].end)) return false;
  return true;
}

/**
 * The one period from the first day of a month to the last day of a month
 * (ISO dates, the days ignored): a year, a fiscal year, a quarter, a month, or
 * a span of quarters or months ("2022-Q1/2022-Q2" for January–June 2022).
 */
export function periodFromMonths(startIso: string, endIso: string): Period | null {
  const [sy, sm] = startIso.split("-").map(Number);
  const [ey, em] = endIso.split("-").map(Number);
  if (!validYear(sy) || !validYear(ey) || !(sm >= 1 && sm <= 12 && em >= 1 && em <= 12)) return null;
  if (ey * 12 + em < sy * 12 + sm) return null;
  if (sy === ey && sm === 1 && em === 12) return String(sy);
  if (ey === sy + 1 && sm === 7 && em === 6) return `FY${ey}`;
  const mm = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;
  if (sm % 3 === 1 && em % 3 === 0) {
    const a = `${sy}-Q${(sm + 2) / 3}`;
    const b = `${ey}-Q${em / 3}`;
    return a === b ? a : `${a}/${b}`;
  }
  const a = mm(sy, sm);
  const b = mm(ey, em);
  return a === b ? a : `${a}/${b}`;
}

/** The quarter a month lies in ("2022-05" → "2022-Q2"); any other period as it is. */
export function quarterOf(p: Period): Period {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(p);
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : p;
}

/** Chronological by start; a longer period sorts before a shorter one that starts with it; project years after calendar periods, in order. */
export function comparePeriods(a: Period, b: Period): number {
  const ya = projectYearOf(a);
  const yb = projectYearOf(b);
  if (ya !== null || yb !== null) return ya === null ? -1 : yb === null ? 1 : ya - yb;
  const sa = spanOf(a);
  const sb = spanOf(b);
  const byStart = compareIso(sa.start, sb.start);
  if (byStart !== 0) return byStart;
  return compareIso(sb.end, sa.end);
}

/** ISO dates order as strings do; localeCompare would ask the collator (slow, and its first call builds it). */
function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

const MONTHS: Record<"en" | "es", string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  es: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
};

function atomLabel(p: string, language: "en" | "es"): { year: string; rest: string } {
  const m = ATOM.exec(p);
  if (!m) return { year: "", rest: p };
  if (m[4]) return { year: "", rest: `${language === "es" ? "AF" : "FY"}${m[4]}` };
  if (m[2]) return { year: m[1], rest: `${language === "es" ? "T" : "Q"}${m[2]}` };
  if (m[3]) return { year: m[1], rest: MONTHS[language][Number(m[3]) - 1] };
  return { year: m[1], rest: "" };
}

/**
 * "2022 Q1" (en) or "2022 T1" (es, trimestre); a year as "2021"; a month as
 * "Mar 2022" / "mar 2022"; a fiscal year as "FY2022" / "AF2022"; a span as
 * "2022 Q1–Q2" or "Jan–May 2022"; a project year as "Year 1" / "Año 1".
 */
export function periodLabel(p: Period, language: "en" | "es"): string {
  const projectYear = projectYearOf(p);
  if (projectYear !== null) return `${language === "es" ? "Año" : "Year"} ${projectYear}`;
  const parts = p.split("/");
  if (parts.length === 2) {
    const a = atomLabel(parts[0], language);
    const b = atomLabel(parts[1], language);
    const month = /-\d{2}$/.test(parts[0]) && /-\d{2}$/.test(parts[1]);
    if (a.year !== "" && a.year === b.year && a.rest !== "" && b.rest !== "")
      return month ? `${a.rest}–${b.rest} ${a.year}` : `${a.year} ${a.rest}–${b.rest}`;
    return `${periodLabel(parts[0], language)} – ${periodLabel(parts[1], language)}`;
  }
  const { year, rest } = atomLabel(p, language);
  if (rest === "") return year;
  if (year === "") return rest;
  return /^[QT]\d$/.test(rest) ? `${year} ${rest}` : `${rest} ${year}`;
}

const TO = "(?:-|–|to|through|thru|until|a|al|hasta|au|jusqu'au)";

/** "January – June 2022", "enero a junio de 2022", "Jan 2022 - Jun 2022", "July 2021 – June 2022". */
const MONTH_SPAN = new RegExp(`(?:^|[^a-z])${MONTH_WORD}(?: (?:de |del )?(\\d{4}))? ?${TO} ?${MONTH_WORD} (?:de |del )?(\\d{4})(?![\\d])`);
/** "01/01/2022 - 30/06/2022" (day first unless a number above 12 says otherwise), "2022-01-01 to 2022-06-30". */
const DATE_SPAN = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}) ?(?:-|–|to|through|a|al|hasta|au) ?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])/;
const ISO_SPAN = /(?<![\d-])(\d{4})-(\d{2})-(\d{2}) ?(?:-|–|to|through|a|al|hasta|au) ?(\d{4})-(\d{2})-(\d{2})(?!\d)/;
/** "1 January 2022 to 30 June 2022", "1 de enero al 30 de junio de 2022" (the first year may be left out). */
const DAY_MONTH_SPAN = new RegExp(
  `(?:^|[^\\d])(\\d{1,2})(?:st|nd|rd|th|er|o)? (?:de )?${MONTH_WORD}(?: (?:de )?(\\d{4}))? ?${TO} ?(\\d{1,2})(?:st|nd|rd|th|o)? (?:de )?${MONTH_WORD} (?:de |del )?(\\d{4})(?![\\d])`,
);

/**
 * The period a report's header states ("Report Period: January - June
 * 2022", "01/01/2022 - 30/06/2022", "enero – junio 2022"), to the month:
 * "2022" for a whole year, "2022-Q1/2022-Q2" for a year to date, or null
 * when the text names no span of months.
 */
export function parseReportSpan(text: string): Period | null {
  const s = fold(text);
  const ymd = (y: string, m: string | number) => `${y}-${String(m).padStart(2, "0")}-01`;
  let m = MONTH_SPAN.exec(s);
  if (m) return periodFromMonths(ymd(m[2] ?? m[4], MONTH_NUMBER[m[1]]), ymd(m[4], MONTH_NUMBER[m[3]]));
  m = DAY_MONTH_SPAN.exec(s);
  if (m) return periodFromMonths(ymd(m[3] ?? m[6], MONTH_NUMBER[m[2]]), ymd(m[6], MONTH_NUMBER[m[5]]));
  m = ISO_SPAN.exec(s);
  if (m) return periodFromMonths(ymd(m[1], m[2]), ymd(m[4], m[5]));
  m = DATE_SPAN.exec(s);
  if (m) {
    const [a1, a2, b1, b2] = [m[1], m[2], m[4], m[5]].map(Number);
    // Day first (dd/mm/yyyy, as the UN writes dates) unless a month would be above 12.
    const monthFirst = a2 > 12 || b2 > 12;
    const [sm, em] = monthFirst ? [a1, b1] : [a2, b2];
    if (sm > 12 || em > 12) return null;
    return periodFromMonths(ymd(m[3], sm), ymd(m[6], em));
  }
  return null;
}

/** One span two tables are compared over: the plan's columns and the report's columns that fall in it. */
export interface PeriodMatch<A, B> {
  period: Period;
  plan: A[];
  spent: B[];
  /** Whether both sides cover the whole span (a report of January–June held against a plan for the year does not). */
  complete: boolean;
}

function byUnit<T extends { period: Period }>(columns: T[]): Map<Period, T[]> {
  const out = new Map<Period, T[]>();
  for (const c of columns) {
    const unit = quarterOf(c.period);
    const list = out.get(unit);
    if (list) list.push(c);
    else out.set(unit, [c]);
  }
  return out;
}

/**
 * How a plan's period columns and an expenditure report's are compared.
 * Months count by their quarter. A report's periods inside a plan's period
 * are added up and held against it (quarters against the year); a report's
 * period that holds several of the plan's is held against their sum when they
 * cover it without gap (a year-to-date report of January–June against the
 * plan's Q1 + Q2; a fiscal year against its four quarters). Sorted by period.
 */
export function matchPeriods<A extends { period: Period }, B extends { period: Period }>(plan: A[], spent: B[]): Array<PeriodMatch<A, B>> {
  const planUnits = byUnit(plan);
  const spentUnits = byUnit(spent);
  const used = new Set<Period>();
  const out: Array<PeriodMatch<A, B>> = [];
  const covers = (columns: Array<{ period: Period }>, outer: Period) => periodsCover(columns.map((c) => c.period), outer);
  for (const [unit, planCols] of planUnits) {
    const inside = [...spentUnits.keys()].filter((v) => periodWithin(v, unit));
    if (inside.length === 0) continue;
    inside.forEach((v) => used.add(v));
    const spentCols = inside.flatMap((v) => spentUnits.get(v)!);
    out.push({ period: unit, plan: planCols, spent: spentCols, complete: covers(spentCols, unit) && covers(planCols, unit) });
  }
  for (const [unit, spentCols] of spentUnits) {
    if (used.has(unit)) continue;
    const inside = [...planUnits.keys()].filter((u) => u !== unit && periodWithin(u, unit));
    if (inside.length === 0 || !periodsCover(inside, unit)) continue;
    const planCols = inside.flatMap((u) => planUnits.get(u)!);
    out.push({ period: unit, plan: planCols, spent: spentCols, complete: covers(spentCols, unit) && covers(planCols, unit) });
  }
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}
