/**
 * The engine's front door: grids in, recognised tables and findings out.
 * The CLI, the task pane and the benchmarks all call this and nothing below.
 */
import { say } from "./catalogue";
import { matchComponents } from "./matching";
import { periodFromWorkPlan } from "./period-advice";
import { applyProjectStart } from "./project-start";
import { placeName, type WorkbookGrid } from "./grid";
import type { Finding, Report, Table, WorkbookRecognition } from "./model";
import { recognizeWorkbook } from "./recognize";
import { runRules } from "./rules";
import { describeShape } from "./shape";
import { inferReportingPeriod } from "./reporting-period";
import type { Settings } from "./settings";

export interface CheckResult {
  recognitions: WorkbookRecognition[];
  /** Every table of every workbook, in file, sheet and position order. */
  tables: Table[];
  findings: Finding[];
  /** The `--json` shape. */
  report: Report;
  /** The settings the rules ran with: the reporting period may come from a workbook's title. */
  settings: Settings;
}

/** Recognises the tables of all workbooks together, then validates them together (cross-workbook rules need both). */
export function checkWorkbooks(grids: WorkbookGrid[], settings: Settings): CheckResult {
  const recognitions = grids.map(recognizeWorkbook);
  const tables = recognitions.flatMap((r) => r.sheets.flatMap((s) => s.tables));
  matchComponents(tables, settings.componentMap);
  const named = settings.periodSource === "default" ? inferReportingPeriod(tables) : null;
  let effective: Settings = named ? { ...settings, period: named, periodSource: "workbook" } : settings;
  // With only a work plan whose past years come before its quarters, the fiscal year those years end in (still "default": no one named it).
  const plan = !named && settings.periodSource === "default" ? periodFromWorkPlan(tables) : null;
  if (plan) effective = { ...effective, period: plan.period };
  if (effective.gefGrant === null) {
    for (const wb of recognitions)
      for (const s of wb.sheets)
        if (s.grant && effective.gefGrant === null) effective = { ...effective, gefGrant: { value: s.grant.value, source: placeName(wb.file, s.name, s.grant.cell) } };
  }
  if (effective.projectStart === null) {
    for (const wb of recognitions)
      for (const s of wb.sheets)
        if (s.start && effective.projectStart === null) effective = { ...effective, projectStart: { date: s.start.date, source: placeName(wb.file, s.name, s.start.cell) } };
  }
  if (effective.projectStart) applyProjectStart(tables, effective.projectStart);
  const findings = runRules(tables, effective);
  return { recognitions, tables, findings, report: toReport(recognitions, findings, effective.language), settings: effective };
}

function tablePeriods(table: Table): string[] {
  return table.columns.flatMap((c) => (c.role === "period" && c.period ? [c.period] : []));
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

export function toReport(recognitions: WorkbookRecognition[], findings: Finding[], language: "en" | "es" = "en"): Report {
  return {
    files: recognitions.map((wb) => ({
      file: wb.file,
      sheets: wb.sheets.map((s) => ({
        name: s.name,
        tables: s.tables.map((t) => ({
          kind: t.kind,
          range: t.range,
          periods: tablePeriods(t),
          components: unique([
            ...t.rows.filter((r) => r.kind === "component").map((r) => r.component),
            ...t.columns.filter((c) => c.role === "member").map((c) => c.component ?? null),
          ]),
          outputs: unique(t.rows.filter((r) => r.kind === "output").map((r) => r.output)),
          layout: t.layout,
          shape: describeShape(t, language),
          notes: t.notes.map((n) => say(n, language)),
        })),
        skipped: s.skipped && say(s.skipped, language),
      })),
    })),
    findings,
  };
}
