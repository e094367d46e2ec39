/**
 * The "Findings" sheet: every finding on one row, worst first, named in the
 * user's language (the rule's id in a narrow last column), each linked to the
 * source cell it is about, with a frozen header ready for Excel's filter and
 * a landscape print fitted to the page width.
 */
import { parseAddress } from "../grid";
import type { Finding } from "../model";
import { periodLabel } from "../periods";
import { AMOUNT_FORMAT, SheetCanvas } from "./canvas";
import { placeName } from "../grid";
import { type Language, type PirLabels } from "./labels";
import { SEVERITY_ORDER } from "./marks";
import { ruleById } from "../rules/registry";
import { SEVERITY_FONT_ARGB, type CellStyle, type SheetDescription } from "./sheet";

/** Severity | Finding (the rule's plain name) | … | Source | Rule (its id, narrow, last). */
const COLUMN_COUNT = 10;
/** Expected and Actual. */
const AMOUNT_COLUMNS = [5, 6];
/** The drop-down button Excel draws in a filtered header cell. */
const FILTER_BUTTON_WIDTH = 3;
/** A calendar period (a year, quarter, month, fiscal year or span: see ../periods), shown by its label. */
const PERIOD = /^(?:\d{4}(?:-Q[1-4]|-\d{2})?|FY\d{4})(?:\/(?:\d{4}(?:-Q[1-4]|-\d{2})?|FY\d{4}))?$/;

/** By severity, then file, sheet, and cell in reading order (row, then column). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.sheet.localeCompare(b.sheet) ||
    compareCells(a.cell, b.cell)
  );
}

function compareCells(a: string, b: string): number {
  const pa = parseAddress(a);
  const pb = parseAddress(b);
  if (pa && pb) return pa.row - pb.row || pa.col - pb.col;
  return a.localeCompare(b);
}

// A full grid, so right-aligned amounts and the message beside them stay apart.
const BODY: CellStyle = { valign: "top", border: { top: "thin", bottom: "thin", left: "thin", right: "thin" } };

export function buildFindingsSheet(findings: Finding[], labels: PirLabels, language: Language): SheetDescription {
  const canvas = new SheetCanvas();
  labels.findingsHeader.forEach((text, col) =>
    canvas.put(
      0,
      col,
      text,
      {
        bold: true,
        fill: "header",
        valign: "middle",
        align: AMOUNT_COLUMNS.includes(col) ? "right" : "left",
        border: { top: "thin", bottom: "medium", left: "thin", right: "thin" },
      },
      { extraWidth: FILTER_BUTTON_WIDTH },
    ),
  );
  const sorted = [...findings].sort(compareFindings);
  if (sorted.length === 0) {
    canvas.putLine(1, 0, COLUMN_COUNT - 1, labels.noFindings, { italic: true });
  }
  sorted.forEach((f, i) => {
    const row = i + 1;
    canvas.put(row, 0, labels.severity[f.severity], {
      ...BODY,
      bold: true,
      fill: f.severity,
      fontColor: SEVERITY_FONT_ARGB[f.severity],
    });
    canvas.put(row, 1, ruleById(f.rule).doc.title[language], { ...BODY, wrap: true });
    canvas.put(row, 2, f.component, BODY);
    canvas.put(row, 3, f.output, BODY);
    canvas.put(row, 4, f.period && PERIOD.test(f.period) ? periodLabel(f.period, language) : f.period, BODY);
    canvas.put(row, 5, f.expected, { ...BODY, numFmt: AMOUNT_FORMAT });
    canvas.put(row, 6, f.actual, { ...BODY, numFmt: AMOUNT_FORMAT });
    canvas.put(row, 7, f.message, { ...BODY, wrap: true });
    const source = canvas.put(row, 8, placeName(f.file, f.sheet, f.cell), {
      ...BODY,
      wrap: true,
      fontColor: "FF0563C1", // Excel's hyperlink blue
      underline: true,
    });
    source.link = { file: f.file, sheet: f.sheet, cell: f.cell };
    canvas.put(row, 9, f.rule, { ...BODY, fontColor: "FF595959" });
  });
  return canvas.toSheet(labels.findingsSheet, {
    minWidth: 10,
    maxWidth: 70,
    frozen: { rows: 1, cols: 0 },
    autoFilter: "A1:J1",
    print: { orientation: "landscape", fitToWidth: true },
  });
}
