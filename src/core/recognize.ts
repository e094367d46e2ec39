/**
 * Finds every work-plan, budget and expenditure table on every sheet,
 * wherever it starts, and says why a sheet holds none.
 */
import { message, type Message } from "./catalogue";
import { cellText, colCount, rangeAddress, type SheetGrid, type WorkbookGrid } from "./grid";
import { currencyFromText, quantityUnitOf, soundsLikeExpenditure, soundsLikeMoney, soundsLikeWorkPlan } from "./header-words";
import { MergeIndex } from "./merge-index";
import type { SheetRecognition, Table, TableKind, WorkbookRecognition } from "./model";
import { isAmountRole, readHeader, titleYear, type HeaderModel } from "./recognize-header";
import { readReportPeriod, readSchedule } from "./schedule";
import { recognizers, type TableDraft } from "./recognizers";
import { findGrant } from "./grant";
import { findProjectStart } from "./project-start";
import { parseQuarterOnly } from "./periods";

export function recognizeWorkbook(workbook: WorkbookGrid): WorkbookRecognition {
  return { file: workbook.file, sheets: workbook.sheets.map((s) => recognizeSheet(workbook.file, s)) };
}

export function recognizeSheet(file: string, sheet: SheetGrid): SheetRecognition {
  const merges = new MergeIndex(sheet.merges);
  const tables: Table[] = [];
  const rejected: Message[] = [];
  let sawContent = false;
  const rowCount = sheet.cells.length;
  // Headers are looked for in the first 1,000 columns: wider sheets are exports, not tables to read by eye.
  const width = Math.min(colCount(sheet), 1000);

  for (let r = 0; r < rowCount; r++) {
    if (!sawContent && rowHasContent(sheet, r)) sawContent = true;
    const header = readHeader(sheet, merges, r, width);
    if (!header) continue;
    const isNextHeader = (row: number) => readHeader(sheet, merges, row, width) !== null;
    const title = titleAbove(sheet, header);
    // A table of tonnes, work-months or people is not money: its numbers are never amounts.
    const unit = quantityUnitOf(`${title ?? ""} ${header.text}`);
    // Periods stated outside the columns (timeframe marks, a report's period) are settled before any row is read.
    const year = titleYear(sheet, header.top);
    const scheduleNotes = header.columns.some((c) => c.role === "period")
      ? readSchedule(sheet, header.columns, header.bottom, year)
      : readReportPeriod(header.columns, title, year);
    // Quarters that turned out to be a schedule were no periods: their year needs no note.
    if (scheduleNotes.some((n) => n.code === "note.schedule")) header.notes = header.notes.filter((n) => n.code !== "note.yearFromTitle");
    if (!header.columns.some((c) => isAmountRole(c.role))) continue;
    let recognizer = recognizers[0];
    let draft: TableDraft = { rejected: message("sheet.noHeader") };
    for (const candidate of recognizers) {
      if (!candidate.accepts(header)) continue;
      recognizer = candidate;
      draft = candidate.read({ sheet, merges, header, isNextHeader });
      if (!("rejected" in draft)) break;
    }
    if ("rejected" in draft) {
      rejected.push(draft.rejected);
      continue;
    }
    const { rows, lastRow } = draft;
    const words = `${title ?? ""} ${header.text}`;
    if (unit !== null && currencyFromText(words) === null && !soundsLikeMoney(words)) {
      rejected.push(message("table.notMoney", { range: rangeAddress(header.top, header.left, lastRow, header.right), unit }));
      r = lastRow;
      continue;
    }
    // A recogniser may lay the table out in columns of its own (a ledger's periods) and know its kind.
    const columns = draft.columns ?? header.columns;
    const kind = draft.kind ?? tableKind(header, title);
    tables.push({
      file,
      sheet: sheet.name,
      kind,
      range: rangeAddress(header.top, header.left, lastRow, header.right),
      title,
      headerRows: header.bottom > header.top ? [header.top, header.bottom] : [header.top],
      columns,
      rows,
      currency: currencyFromText(`${title ?? ""} ${header.text}`),
      layout: recognizer.id,
      notes: [...header.notes, ...draft.notes, ...scheduleNotes],
    });
    r = lastRow;
  }

  let skipped: Message | null = null;
  if (tables.length === 0) skipped = !sawContent ? message("sheet.empty") : (rejected[0] ?? quartersWithoutYear(sheet, width) ?? message("sheet.noHeader"));
  const result: SheetRecognition = { name: sheet.name, tables, skipped };
  const grant = findGrant(sheet);
  if (grant) result.grant = grant;
  const start = findProjectStart(sheet);
  if (start) result.start = start;
  return result;
}

/** A row of two or more bare quarters ("Q1", "Trimestre 2") on a sheet where no table was read: the year is missing, and the user is told. */
function quartersWithoutYear(sheet: SheetGrid, width: number): Message | null {
  for (let r = 0; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    const quarters: number[] = [];
    for (let c = 0; c < Math.min(row.length, width); c++) if (parseQuarterOnly(cellText(row[c])) !== null) quarters.push(c);
    if (quarters.length >= 2) return message("sheet.quartersWithoutYear", { range: rangeAddress(r, quarters[0], r, quarters[quarters.length - 1]) });
  }
  return null;
}

function rowHasContent(sheet: SheetGrid, row: number): boolean {
  const r = sheet.cells[row];
  return !!r && r.some((c) => c != null && c.value !== null && c.value !== "");
}

/** The nearest text above the header, within five rows (a report header block): the table's title. */
function titleAbove(sheet: SheetGrid, header: HeaderModel): string | null {
  const lines: string[] = [];
  for (let r = header.top - 1; r >= Math.max(0, header.top - 5); r--) {
    const row = sheet.cells[r];
    if (!row) continue;
    const texts = row.map((c) => cellText(c)).filter((t) => t !== "");
    if (texts.length > 0) lines.unshift(texts.join(" "));
    else if (lines.length > 0) break;
  }
  return lines.length > 0 ? lines.join(" — ") : null;
}

function tableKind(header: HeaderModel, title: string | null): TableKind {
  if (!header.columns.some((c) => c.role === "period")) return "budget";
  const t = title ?? "";
  if (soundsLikeWorkPlan(t)) return "workplan";
  // A CDR or ledger roll-up says "expenditure"/"actual" in its title, or in its
  // header when it has no budget column (a work plan's header may say "Expenditure 2021").
  const hasBudget = header.columns.some((c) => c.role === "budget");
  // Only the money columns' headers count: "Object of expenditure" heads a label column.
  const moneyHeaders = header.columns.filter((c) => c.role !== "label" && c.role !== "outline" && c.role !== "code" && c.role !== "text").map((c) => c.header).join(" | ");
  if (soundsLikeExpenditure(t) || (!hasBudget && soundsLikeExpenditure(moneyHeaders))) return "expenditure";
  return "workplan";
}


