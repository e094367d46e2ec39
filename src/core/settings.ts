/**
 * User settings, validated with zod wherever they come from (CLI flags,
 * document settings in Excel). Caps and tolerances are settings, not
 * constants: they vary by agency and project size.
 */
import { z } from "zod";
import { componentCode } from "./codes";
import { parseStartDate } from "./project-start";

export interface ReportingPeriod {
  /** "FY22" */
  label: string;
  /** ISO dates, inclusive: "2021-07-01" … "2022-06-30". */
  start: string;
  end: string;
}

/**
 * The GEF/UNDP fiscal year July–June: FY22 = 1 July 2021 – 30 June 2022.
 * Accepts "FY22", "fy2022", "FY 22".
 */
export function fiscalYear(label: string): ReportingPeriod | null {
  const m = /^\s*FY\s*(\d{2}|\d{4})\s*$/i.exec(label);
  if (!m) return null;
  const n = Number(m[1]);
  const endYear = m[1].length === 2 ? 2000 + n : n;
  if (endYear < 1990 || endYear > 2100) return null;
  return {
    label: `FY${String(endYear % 100).padStart(2, "0")}`,
    start: `${endYear - 1}-07-01`,
    end: `${endYear}-06-30`,
  };
}

/** The fiscal year that ended most recently before `today` (FY ends 30 June). */
export function latestEndedFiscalYear(today: Date): ReportingPeriod {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth(); // 0-based; July = 6
  const endYear = m >= 6 ? y : y - 1;
  return fiscalYear(`FY${endYear}`)!;
}

export const settingsInputSchema = z.object({
  /** "FY22"; default: the fiscal year that ended most recently. */
  period: z
    .string()
    .refine((s) => fiscalYear(s) !== null, { message: 'period must look like "FY22" (July 2021 – June 2022)' })
    .optional(),
  /** Differences up to this many currency units are not findings. */
  tolerance: z.number().finite().min(0).max(1_000_000).default(0.5),
  /**
   * PMC cap as a share of its base: 0.05 = 5 %. Not set: GEF's rule by
   * project size, 5 % when the GEF grant is above USD 2 million, 10 % at or below.
   */
  pmcCap: z.number().finite().min(0).max(1).optional(),
  /**
   * What the cap is a share of: "subtotal" (GEF's rule: the GEF financing
   * without PMC, components and M&E) or "total" (the whole budget, PMC included).
   */
  pmcBase: z.enum(["subtotal", "total"]).default("subtotal"),
  /** The GEF grant (USD), when known; else read from a cell labelled "GEF Project Financing" or "GEF grant". */
  gefGrant: z.number().finite().positive().max(1e12).optional(),
  language: z.enum(["en", "es"]).default("en"),
  /** The project's start (ISO date), which maps project years to dates; else read from a "Project start date" cell. */
  projectStart: z
    .string()
    .refine((d) => parseStartDate(d) !== null, { message: 'projectStart must be a date such as "2020-01-01"' })
    .optional(),
  /**
   * How an expenditure report's components match the other tables' where the
   * engine cannot tell: { "ACTIVITY4": "PMC", "ACTIVITY3": "M&E" }.
   */
  componentMap: z
    .record(z.string(), z.string())
    .refine((m) => Object.entries(m).every(([from, to]) => componentCode(from) !== null && componentCode(to) !== null), {
      message: 'each match must name two components, such as "ACTIVITY4=PMC" or "3=M&E"',
    })
    .optional(),
});
export type SettingsInput = z.input<typeof settingsInputSchema>;

export interface Settings {
  period: ReportingPeriod;
  /**
   * Where the period came from: the user's setting, a workbook's title
   * ("PIR FY22"), or the default (the fiscal year that ended last).
   */
  periodSource: "setting" | "workbook" | "default";
  tolerance: number;
  /** Null: by project size (GEF: 5 % above USD 2 million, else 10 %). */
  pmcCap: number | null;
  pmcBase: "subtotal" | "total";
  /** The GEF grant and where it came from (a setting, or a workbook cell "file › sheet!B7"). */
  gefGrant: { value: number; source: string | null } | null;
  language: "en" | "es";
  /** The project's start and where it came from (a setting, or a workbook cell "file › sheet!B3"). */
  projectStart: { date: string; source: string | null } | null;
  /** Component codes as a report gives them → as the other tables do ("4" → "PMC"). */
  componentMap: Record<string, string>;
}

/** GEF's size threshold: a full-sized project's grant is above USD 2 million. */
export const FULL_SIZED_GRANT = 2_000_000;

/** Validates settings and fills defaults; throws a ZodError naming the bad field. */
export function parseSettings(input: SettingsInput = {}, today: Date = new Date()): Settings {
  const s = settingsInputSchema.parse(input);
  return {
    period: s.period ? fiscalYear(s.period)! : latestEndedFiscalYear(today),
    periodSource: s.period ? "setting" : "default",
    tolerance: s.tolerance,
    pmcCap: s.pmcCap ?? null,
    pmcBase: s.pmcBase,
    gefGrant: s.gefGrant === undefined ? null : { value: s.gefGrant, source: null },
    language: s.language,
    projectStart: s.projectStart === undefined ? null : { date: parseStartDate(s.projectStart)!, source: null },
    componentMap: Object.fromEntries(Object.entries(s.componentMap ?? {}).map(([from, to]) => [componentCode(from)!, componentCode(to)!])),
  };
}
