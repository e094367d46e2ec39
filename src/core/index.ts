/**
 * The engine's one public entry point: the CLI, the .xlsx reader and writer,
 * the Office.js adapter and the task pane import the core through here
 * (ESLint refuses deeper imports from outside src/core). Tests may reach
 * inside: they test the parts.
 */
export { formatAmount } from "./amounts";
export { checkWorkbooks, type CheckResult } from "./check";
export { address, columnName, parseAddress, placeName, rangeAddress, type Cell, type CellValue, type MergedArea, type SheetGrid, type WorkbookGrid } from "./grid";
export type { Finding, Report, Severity, TableKind } from "./model";
export { periodLabel } from "./periods";
export { ruleAmountWords } from "./rules/registry";
export { buildPirWorkbook } from "./pir/build";
export { pirLabels, reportingPeriodLine } from "./pir/labels";
export {
  PALETTE,
  SEVERITY_FONT_ARGB,
  type BorderWeight,
  type CellBorder,
  type CellLink,
  type CellStyle,
  type SheetCell,
  type SheetDescription,
  type WorkbookDescription,
} from "./pir/sheet";
export { checkSettings, fiscalYear, latestEndedFiscalYear, parseSettings, settingsInputSchema, SettingsInputError, type Settings, type SettingsInput } from "./settings";
export { periodFromWorkPlan, periodWarnings, planPeriodSource, type PlanPeriod } from "./period-advice";
