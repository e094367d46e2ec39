/**
 * Finds every work-plan, budget and expenditure table on every sheet,
 * wherever it starts, and says why a sheet holds none.
 */
import { message, type Message } from "./catalogue";
import { cellText, colCount, rangeAddress, type SheetGrid, type WorkbookGrid } from "./grid";
import { currencyFromText, quantityUnitOf, soundsLikeExpenditure, soundsLikeMoney, soundsLikeWorkPlan } from "./header-words";
import { MergeIndex } from "./merge-index";
import type { SheetRecognition, Table, TableKind, WorkbookRecognition } from "./model";
import { readHeader, type HeaderModel } from "./recognize-header";
import { recognizers, type TableDraft } from "./recognizers";
import { findGrant } from "./grant";

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
    const kind = tableKind(header, title);
    tables.push({
      file,
      sheet: sheet.name,
      kind,
      range: rangeAddress(header.top, header.left, lastRow, header.right),
      title,
      headerRows: header.bottom > header.top ? [header.top, header.bottom] : [header.top],
      columns: header.columns,
      rows,
      currency: currencyFromText(`${title ?? ""} ${header.text}`),
      layout: recognizer.id,
      notes: [...header.notes, ...draft.notes],
    });
    r = lastRow;
  }

  let skipped: Message | null = null;
  if (tables.length === 0) skipped = !sawContent ? message("sheet.empty") : (rejected[0] ?? message("sheet.noHeader"));
  const grant = findGrant(sheet);
  return grant ? { name: sheet.name, tables, skipped, grant } : { name: sheet.name, tables, skipped };
}

function rowHasContent(sheet: SheetGrid, row: number): boolean {
  const r = sheet.cells[row];
  return !!r && r.some((c) => c != null && c.value !== null && c.value !== "");
}

/** The nearest text above the header, within three rows: the table's title. */
function titleAbove(sheet: SheetGrid, header: HeaderModel): string | null {
  const lines: string[] = [];
  for (let r = header.top - 1; r >= Math.max(0, header.top - 3); r--) {
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


