/**
 * The PIR workbook: the two tables the report needs (VIII.3 financial
 * implementation, IX work plan and budget) on one sheet, with the cells that
 * findings are about filled and annotated, and every finding on a second
 * sheet. A description only: src/xlsx/write.ts and the Office.js writer
 * turn it into cells.
 */
import type { CheckResult } from "../check";
import type { Settings } from "../settings";
import { SheetCanvas } from "./canvas";
import { writeDeliverySection } from "./delivery-table";
import { writeFinancialSection } from "./financial";
import { buildFindingsSheet } from "./findings-sheet";
import { pirLabels, reportingPeriodLine } from "./labels";
import { FindingTargets, markFindings } from "./marks";
import type { SheetDescription, WorkbookDescription } from "./sheet";
import { writeWorkplanSection } from "./workplan";

/** Blank rows between the two tables. */
const SECTION_GAP = 2;

export function buildPirWorkbook(result: CheckResult, requested: Settings): WorkbookDescription {
  // The period the findings were computed for, which a workbook's title may have named.
  const settings: Settings = { ...requested, period: result.settings?.period ?? requested.period };
  const labels = pirLabels(settings.language);
  return {
    sheets: [buildPirSheet(result, settings), buildFindingsSheet(result.findings, labels, settings.language)],
  };
}

export function buildPirSheet(result: CheckResult, settings: Settings): SheetDescription {
  const labels = pirLabels(settings.language);
  const canvas = new SheetCanvas();
  const targets = new FindingTargets();
  const ctx = { canvas, targets, settings, labels };

  canvas.put(0, 0, reportingPeriodLine(settings.period, settings.language), { bold: true }, { fit: false });
  const financialEnd = writeFinancialSection(ctx, 2, result.tables);
  const delivered = writeDeliverySection(ctx, financialEnd + SECTION_GAP, result.tables);
  const row = delivered === financialEnd + SECTION_GAP ? financialEnd : delivered;
  writeWorkplanSection(ctx, row + SECTION_GAP, result.tables);
  markFindings(result.findings, targets);

  return canvas.toSheet(labels.pirSheet, {
    minWidth: 12,
    maxWidth: 70,
    print: { orientation: "landscape", fitToWidth: true },
  });
}
