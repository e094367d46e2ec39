/**
 * The PIR workbook: the two tables the report needs (VIII.3 financial
 * implementation, IX work plan and budget) on one sheet, with the cells that
 * findings are about filled and annotated, and every finding on a second
 * sheet. A description only: src/xlsx/write.ts and the Office.js writer
 * turn it into cells.
 */
import type { CheckResult } from "../check";
import type { Finding } from "../model";
import type { Settings } from "../settings";
import { SheetCanvas } from "./canvas";
import { writeDeliverySection } from "./delivery-table";
import { writeFinancialSection } from "./financial";
import { buildFindingsSheet } from "./findings-sheet";
import { pirLabels, reportingPeriodLine } from "./labels";
import { writeBalanceColumns } from "./balance";
import { cleanCells, writeFootnotes, writeLegend } from "./copies";
import { FindingTargets, findingNote, markFindings } from "./marks";
import type { SheetDescription, WorkbookDescription } from "./sheet";
import { writeWorkplanSection } from "./workplan";

/** Blank rows between the two tables. */
const SECTION_GAP = 2;

export function buildPirWorkbook(result: CheckResult, requested: Settings): WorkbookDescription {
  // The period the findings were computed for, which a workbook's title may have named.
  const settings: Settings = { ...requested, period: result.settings?.period ?? requested.period };
  const labels = pirLabels(settings.language);
  return {
    sheets: [buildPirSheet(result, settings, "clean"), buildPirSheet(result, settings, "annotated"), buildFindingsSheet(result.findings, labels, settings.language)],
  };
}

/**
 * One copy of the PIR tables. "clean": the report's tables as it prints
 * them, to paste; "annotated": with the reporting period, sources, notes, a
 * delivery table, the findings' flags and their numbered explanations.
 */
export function buildPirSheet(result: CheckResult, settings: Settings, copy: "clean" | "annotated" = "annotated"): SheetDescription {
  const labels = pirLabels(settings.language);
  const clean = copy === "clean";
  const canvas = new SheetCanvas(clean);
  // The clean copy marks nothing: it records no source cells.
  const targets = new FindingTargets(clean ? [] : result.findings);
  const ctx = { canvas, targets, settings, labels };

  if (!clean) {
    canvas.put(0, 0, reportingPeriodLine(settings.period, settings.language), { bold: true }, { fit: false });
    writeLegend(canvas, 1, labels);
  }
  const financialTop = clean ? 0 : 3;
  const financialEnd = writeFinancialSection(ctx, financialTop, result.tables);
  if (!clean) writeBalanceColumns(canvas, financialTop, financialEnd, labels);
  const delivered = clean ? financialEnd + SECTION_GAP : writeDeliverySection(ctx, financialEnd + SECTION_GAP, result.tables);
  const row = delivered === financialEnd + SECTION_GAP ? financialEnd : delivered;
  const end = writeWorkplanSection(ctx, row + SECTION_GAP, result.tables);
  const layout = { minWidth: 12, maxWidth: 70, print: { orientation: "landscape" as const, fitToWidth: true } };
  if (clean) return cleanCells(canvas.toSheet(labels.pirSheet, layout));
  const noteOf = (f: Finding) => findingNote(f, result.tables, labels);
  const onCell = markFindings(result.findings, targets, noteOf);
  const right = Math.max(2, ...[...onCell.keys()].map((c) => c.col));
  writeFootnotes(canvas, [...onCell.keys()], (c) => onCell.get(c) ?? [], noteOf, end + SECTION_GAP, right, labels);
  return canvas.toSheet(labels.annotatedSheet, layout);
}
