/**
 * Sense about the reporting period, on top of a check: a period the user set
 * that contradicts what the tables' titles name or lies outside every period
 * the tables cover, and the period a lone work plan implies when neither the
 * user nor a title names one. Pure: tables and settings in, sentences out
 * (English and Spanish, as the engine's messages).
 */
import type { Table } from "./model";
import { comparePeriods, periodEnd, periodLabel, periodStart, projectYearOf } from "./periods";
import { longDate } from "./pir/labels";
import { inferReportingPeriod } from "./reporting-period";
import { fiscalYear, type ReportingPeriod, type Settings } from "./settings";

type Language = "en" | "es";

/** Calendar periods of a table's period columns, in order; project years (no dates) are left out. */
function calendarPeriods(t: Table): string[] {
  const periods = t.columns.flatMap((c) => (c.role === "period" && c.period && projectYearOf(c.period) === null ? [c.period] : []));
  return [...new Set(periods)].sort(comparePeriods);
}

function span(periods: string[], lang: Language): string {
  const first = periodLabel(periods[0], lang);
  const last = periodLabel(periods[periods.length - 1], lang);
  return first === last ? first : `${first} – ${last}`;
}

function where(t: Table): string {
  return `${t.file} › ${t.sheet}`;
}

function fyText(p: ReportingPeriod, lang: Language): string {
  return `${p.label} (${longDate(p.start, lang)} – ${longDate(p.end, lang)})`;
}

/**
 * Warnings about the period the check ran with (one sentence each, in the
 * settings' language): a period set by the user that is not the one a
 * table's title names; and any period that lies wholly outside every period
 * the tables' columns cover (work plans, expenditure reports).
 */
export function periodWarnings(tables: readonly Table[], settings: Settings): string[] {
  const lang = settings.language;
  const p = settings.period;
  const out: string[] = [];
  if (settings.periodSource === "setting") {
    for (const t of tables) {
      const named = inferReportingPeriod([t]);
      if (!named || named.label === p.label) continue;
      out.push(
        lang === "es"
          ? `Atención: el período indicado, ${p.label}, no es el que nombra el título de la tabla de ${where(t)} (${named.label}: "${t.title ?? ""}"). Compruebe --period.`
          : `Warning: the period set, ${p.label}, is not the one the title of the table in ${where(t)} names (${named.label}: "${t.title ?? ""}"). Check --period.`,
      );
      break;
    }
  }
  const covered = tables.map(calendarPeriods).filter((ps) => ps.length > 0);
  if (covered.length > 0) {
    const overlaps = covered.some((ps) => periodStart(ps[0]) <= p.end && periodEnd(ps[ps.length - 1]) >= p.start);
    if (!overlaps) {
      const all = covered.flat().sort(comparePeriods);
      const flag = settings.periodSource === "setting" ? "--period" : lang === "es" ? "--period para elegir otro" : "--period to choose another";
      out.push(
        lang === "es"
          ? `Atención: el período del informe, ${fyText(p, "es")}, queda fuera de todos los períodos que cubren las tablas (${span(all, "es")}); ningún importe cae en él. Compruebe ${flag}.`
          : `Warning: the reporting period, ${fyText(p, "en")}, lies outside every period the tables cover (${span(all, "en")}); no amount falls in it. Check ${flag}.`,
      );
    }
  }
  return out;
}

export interface PlanPeriod {
  period: ReportingPeriod;
  /** The work plan's past years, first and last ("2018", "2021"). */
  from: string;
  to: string;
}

/**
 * The reporting period a work plan implies when it is the only kind of table
 * and nothing names a period: a plan whose whole-year columns (what was
 * spent) are followed by quarter columns (what is planned) reports on the
 * fiscal year in which its past years end — years 2018–2021, then quarters
 * from 2022: 31 December 2021 falls in FY22. Null when it does not fit that
 * cleanly: another kind of table, no year columns, no quarters after them, a
 * year column after a quarter, or two plans that disagree.
 */
export function periodFromWorkPlan(tables: readonly Table[]): PlanPeriod | null {
  if (tables.length === 0 || tables.some((t) => t.kind !== "workplan")) return null;
  let found: PlanPeriod | null = null;
  for (const t of tables) {
    const periods = t.columns.flatMap((c) => (c.role === "period" && c.period ? [c.period] : []));
    if (periods.some((x) => projectYearOf(x) !== null)) return null;
    const years = periods.filter((x) => /^\d{4}$/.test(x));
    const quarters = periods.filter((x) => /^\d{4}-Q[1-4]$/.test(x));
    if (years.length === 0 || quarters.length === 0) return null;
    const lastYear = Math.max(...years.map(Number));
    const firstQuarterYear = Math.min(...quarters.map((q) => Number(q.slice(0, 4))));
    if (firstQuarterYear <= lastYear) return null;
    const period = fiscalYear(`FY${lastYear + 1}`);
    if (!period) return null;
    const candidate = { period, from: String(Math.min(...years.map(Number))), to: String(lastYear) };
    if (found && found.period.label !== candidate.period.label) return null;
    found = found ?? candidate;
  }
  return found;
}

/** How the period line says where a work plan's period came from. */
export function planPeriodSource(p: PlanPeriod, lang: Language): string {
  const years = p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  return lang === "es"
    ? `el año fiscal en que terminan los años pasados del plan de trabajo (${years}); cámbielo con --period`
    : `the fiscal year in which the work plan's past years (${years}) end; set another with --period`;
}
