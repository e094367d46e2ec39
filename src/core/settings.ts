/**
 * User settings, validated wherever they come from (CLI flags, document
 * settings in Excel). Caps and tolerances are settings, not constants: they
 * vary by agency and project size.
 *
 * Two validators say the same thing: the zod schema (`settingsInputSchema`,
 * `parseSettings`: the pane and the document settings, which show zod's
 * issues) and `checkSettings`, plain code for the CLI, which then never loads
 * zod (a tenth of a second of its start-up). test/cli/settings.test.ts holds
 * them to the same verdict, field by field. The schema is built
 * `@__PURE__`, so a bundle that does not use it leaves zod out.
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

export const settingsInputSchema = /* @__PURE__ */ (() => z.object({
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
}))();
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
  return completeSettings(settingsInputSchema.parse(input), today);
}

/** What is wrong with one setting, as `checkSettings` finds it (zod's issue codes and limits). */
export class SettingsInputError extends Error {
  constructor(
    /** The field of SettingsInput: "tolerance", "pmcCap"… */
    readonly field: keyof SettingsInput,
    readonly code: "invalid_type" | "invalid_value" | "too_small" | "too_big" | "custom",
    message: string,
    /** The limit passed, for too_small and too_big. */
    readonly limit?: number,
  ) {
    super(message);
    this.name = "SettingsInputError";
  }
}

/**
 * `parseSettings` without zod: the same checks in plain code, for the CLI.
 * Throws a SettingsInputError naming the first bad field, in the schema's order.
 */
export function checkSettings(input: SettingsInput = {}, today: Date = new Date()): Settings {
  const bad = (field: keyof SettingsInput, code: SettingsInputError["code"], message: string, limit?: number) =>
    new SettingsInputError(field, code, message, limit);
  const number = (field: keyof SettingsInput, v: unknown, min: number, max: number, exclusiveMin = false): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v)) throw bad(field, "invalid_type", "must be a number");
    if (exclusiveMin ? v <= min : v < min) throw bad(field, "too_small", `must be ${exclusiveMin ? "above" : "at least"} ${min}`, min);
    if (v > max) throw bad(field, "too_big", `must be at most ${max}`, max);
    return v;
  };
  const oneOf = <T extends string>(field: keyof SettingsInput, v: unknown, options: readonly T[]): T | undefined => {
    if (v === undefined) return undefined;
    if (!options.includes(v as T)) throw bad(field, "invalid_value", `must be one of ${options.map((o) => `"${o}"`).join(", ")}`);
    return v as T;
  };
  const { period, projectStart, componentMap } = input;
  if (period !== undefined && (typeof period !== "string" || fiscalYear(period) === null)) {
    throw bad("period", "custom", 'period must look like "FY22" (July 2021 – June 2022)');
  }
  const tolerance = number("tolerance", input.tolerance, 0, 1_000_000) ?? 0.5;
  const pmcCap = number("pmcCap", input.pmcCap, 0, 1);
  const pmcBase = oneOf("pmcBase", input.pmcBase, ["subtotal", "total"] as const) ?? "subtotal";
  const gefGrant = number("gefGrant", input.gefGrant, 0, 1e12, true);
  const language = oneOf("language", input.language, ["en", "es"] as const) ?? "en";
  if (projectStart !== undefined && (typeof projectStart !== "string" || parseStartDate(projectStart) === null)) {
    throw bad("projectStart", "custom", 'projectStart must be a date such as "2020-01-01"');
  }
  if (componentMap !== undefined) {
    const entries = typeof componentMap === "object" && componentMap !== null ? Object.entries(componentMap) : null;
    if (!entries || !entries.every(([, to]) => typeof to === "string")) throw bad("componentMap", "invalid_type", "must map names to names");
    if (!entries.every(([from, to]) => componentCode(from) !== null && componentCode(to) !== null)) {
      throw bad("componentMap", "custom", 'each match must name two components, such as "ACTIVITY4=PMC" or "3=M&E"');
    }
  }
  return completeSettings({ period, tolerance, pmcCap, pmcBase, gefGrant, language, projectStart, componentMap }, today);
}

/** Valid settings with their defaults → Settings. */
function completeSettings(s: z.output<typeof settingsInputSchema>, today: Date): Settings {
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
