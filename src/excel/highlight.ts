/**
 * Marks the cells that findings are about in the open workbook, and removes
 * the marks again, without touching the user's own formats.
 *
 * Each mark is a conditional format (ExcelApi 1.6) on the cell: it shows the
 * severity's fill and font colour over whatever the cell has, and deleting it
 * brings the cell back exactly as it was, because the cell's own format was
 * never changed. The rule formula carries a marker, =ISTEXT("PIR Budget
 * Check"), always true, so `clearHighlights` recognises our formats among the
 * user's and deletes those and nothing else.
 */
import { parseAddress, type Finding, type Severity, PALETTE, SEVERITY_FONT_ARGB } from "../core";
import { type ApiSupport, PAYLOAD_BUDGET_BYTES, RequestBatch, actionBytes, excelApi, officeApiSupport, pathBytes, runExcel } from "./api";
import { argbToHex } from "./write-plan";

export const HIGHLIGHT_MARKER = "PIR Budget Check";
export const HIGHLIGHT_FORMULA = `=ISTEXT("${HIGHLIGHT_MARKER}")`;

export const HIGHLIGHT_UNSUPPORTED =
  "This version of Excel cannot mark cells (it needs conditional formats, ExcelApi 1.6): use the Findings sheet instead";

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sheet → cell → the worst severity of the findings about it. Only findings of `workbookFile`. */
export function cellsToMark(findings: Finding[], workbookFile: string): Map<string, Map<string, Severity>> {
  const bySheet = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (f.file !== workbookFile || !isCellOrRange(f.cell)) continue;
    const cells = bySheet.get(f.sheet) ?? new Map<string, Severity>();
    bySheet.set(f.sheet, cells);
    const cell = f.cell.toUpperCase();
    const before = cells.get(cell);
    if (before === undefined || SEVERITY_RANK[f.severity] < SEVERITY_RANK[before]) cells.set(cell, f.severity);
  }
  return bySheet;
}

function isCellOrRange(a1: string): boolean {
  const parts = a1.split(":");
  return parts.length <= 2 && parts.every((p) => parseAddress(p) !== null);
}

/**
 * Request bytes of one mark, as the Office.js serializer counts them: the
 * paths getRange(cell) › conditionalFormats › add("Custom") › custom › rule,
 * format › fill, font, and the three properties set. About 1,600 bytes, so
 * Excel on the web's 5 MB holds some 3,000 marks: more go in further requests.
 */
export function markBytes(cell: string, severity: Severity): number {
  return (
    pathBytes("GetRange", [cell]) + pathBytes("ConditionalFormats") + pathBytes("Add", ["Custom"]) + pathBytes("Custom") +
    pathBytes("Rule") + pathBytes("Format") + pathBytes("Fill") + pathBytes("Font") +
    actionBytes("Formula", [HIGHLIGHT_FORMULA]) + actionBytes("Color", [argbToHex(PALETTE[severity])]) + actionBytes("Color", [argbToHex(SEVERITY_FONT_ARGB[severity])])
  );
}

/** Request bytes of deleting one conditional format reached as an item of a loaded collection. */
const DELETE_BYTES = pathBytes("", ["{00000000-0000-0000-0000-000000000000}"]) + actionBytes("Delete");

/** The one mark on a cell: the severity's fill and font colour, under our marker formula. */
export function queueMark(worksheet: Excel.Worksheet, cell: string, severity: Severity): void {
  const cf = worksheet.getRange(cell).conditionalFormats.add("Custom");
  cf.custom.rule.formula = HIGHLIGHT_FORMULA;
  cf.custom.format.fill.color = argbToHex(PALETTE[severity]);
  cf.custom.format.font.color = argbToHex(SEVERITY_FONT_ARGB[severity]);
}

/**
 * Clears earlier marks, then marks every cell of this workbook that a finding
 * is about (worst severity wins). Findings on sheets the workbook does not
 * have are skipped. Three syncs for any ordinary number of marks: sheet names,
 * existing conditional formats, then deletes and adds together, split into
 * more requests when they would pass `maxRequestBytes` (default ~4 MB, under
 * Excel on the web's 5 MB). Conditional formats need ExcelApi 1.6.
 */
export async function highlightFindings(
  context: Excel.RequestContext,
  findings: Finding[],
  workbookFile: string,
  supports: ApiSupport = officeApiSupport(),
  maxRequestBytes: number = PAYLOAD_BUDGET_BYTES,
): Promise<void> {
  if (!excelApi(supports, "1.6")) throw new Error(HIGHLIGHT_UNSUPPORTED);
  const sheets = await loadOurFormats(context);
  const batch = new RequestBatch(context, maxRequestBytes);
  for (const s of sheets) for (const cf of s.ours) await batch.queue(DELETE_BYTES, () => cf.delete());
  for (const [sheetName, cells] of cellsToMark(findings, workbookFile)) {
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    for (const [cell, severity] of cells) await batch.queue(markBytes(cell, severity), () => queueMark(sheet.worksheet, cell, severity));
  }
  await batch.flush();
}

/** Removes every mark `highlightFindings` made, and nothing else. Three syncs (two when there is none). */
export async function clearHighlights(
  context: Excel.RequestContext,
  supports: ApiSupport = officeApiSupport(),
  maxRequestBytes: number = PAYLOAD_BUDGET_BYTES,
): Promise<void> {
  if (!excelApi(supports, "1.6")) return; // no conditional formats, so none of ours
  const sheets = await loadOurFormats(context);
  const batch = new RequestBatch(context, maxRequestBytes);
  let removed = 0;
  for (const s of sheets) {
    for (const cf of s.ours) await batch.queue(DELETE_BYTES, () => cf.delete());
    removed += s.ours.length;
  }
  if (removed > 0) await batch.flush();
}

export function highlightOpenWorkbook(findings: Finding[], workbookFile: string): Promise<void> {
  return runExcel((context) => highlightFindings(context, findings, workbookFile));
}

export function clearOpenWorkbookHighlights(): Promise<void> {
  return runExcel((context) => clearHighlights(context));
}

interface SheetFormats {
  name: string;
  worksheet: Excel.Worksheet;
  ours: Excel.ConditionalFormat[];
}

/** Two syncs: the sheets, then every conditional format on each of them with its rule formula. */
async function loadOurFormats(context: Excel.RequestContext): Promise<SheetFormats[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const collections = worksheets.items.map((ws) =>
    ws.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
  );
  await context.sync();
  return worksheets.items.map((ws, i) => ({
    name: ws.name,
    worksheet: ws,
    ours: collections[i].items.filter(isOurs),
  }));
}

function isOurs(cf: Excel.ConditionalFormat): boolean {
  if (cf.type !== "Custom") return false;
  const custom = cf.customOrNullObject;
  if (!custom || custom.isNullObject) return false;
  const formula: unknown = custom.rule?.formula;
  return typeof formula === "string" && formula.includes(HIGHLIGHT_MARKER);
}
