import ExcelJS from "exceljs";
import { buildPirWorkbook } from "../../src/core/pir/build";
import { PALETTE, type WorkbookDescription } from "../../src/core/pir/sheet";
import { hyperlinkTarget, writeWorkbook } from "../../src/xlsx/write";
import { checkResultOf, finding, seedBudgetTable, seedSettings, seedWorkplanTable } from "../core/pir/seed-tables";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** ExcelJS reads a note back as rich text. */
function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as string | { texts?: Array<{ text: string }> } | undefined;
  if (note === undefined || typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

const DANGEROUS = ["=SUM(A1)", "@x", "+1", "-2", "=1+1"];

const description: WorkbookDescription = {
  sheets: [
    {
      name: "PIR tables",
      cells: [
        { row: 0, col: 0, value: "GEF Fund (USD)", style: { bold: true, fill: "header", align: "center", border: { top: "thin", bottom: "medium" } } },
        { row: 0, col: 1, value: null, style: { bold: true, fill: "header" } },
        { row: 1, col: 0, value: "1.1.1 Regulation", style: { indent: 1, italic: true, wrap: true } },
        { row: 1, col: 1, value: 242717.56, style: { numFmt: "#,##0.00", fill: "error" }, note: "overspend.component: over budget" },
        ...DANGEROUS.map((value, i) => ({ row: 2 + i, col: 0, value })),
        { row: 8, col: 0, value: "budget.xlsx › Budget!C5", link: { file: "budget.xlsx", sheet: "Budget", cell: "C5" } },
        { row: 9, col: 0, value: "Findings", link: { sheet: "Find'ings", cell: "A1" } },
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      columnWidths: [40, 15],
      rowHeights: [{ row: 1, height: 30 }],
      frozen: { rows: 1, cols: 1 },
      autoFilter: "A1:B1",
      print: { orientation: "landscape", fitToWidth: true },
    },
    { name: "Find'ings", cells: [{ row: 0, col: 0, value: 1 }], merges: [], columnWidths: [] },
  ],
};

describe("writeWorkbook", () => {
  let workbook: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const bytes = await writeWorkbook(description);
    expect(bytes).toBeInstanceOf(Uint8Array);
    workbook = await readBack(bytes);
    ws = workbook.getWorksheet("PIR tables")!;
  });

  test("writes every sheet, value and number format", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["PIR tables", "Find'ings"]);
    expect(ws.getCell("A1").value).toBe("GEF Fund (USD)");
    expect(ws.getCell("B2").value).toBe(242717.56);
    expect(ws.getCell("B2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("B2").text).toBe("242717.56"); // ExcelJS does not format; the format itself is checked above
  });

  test("strings that look like formulas stay strings", () => {
    DANGEROUS.forEach((text, i) => {
      const cell = ws.getCell(3 + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    });
  });

  test("maps the styles: bold, italic, indent, alignment, wrap, fill colours, borders", () => {
    const header = ws.getCell("A1");
    expect(header.font).toMatchObject({ bold: true, name: "Calibri" });
    expect(header.alignment).toMatchObject({ horizontal: "center", vertical: "top" });
    expect(header.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: PALETTE.header } });
    expect(header.border).toMatchObject({ top: { style: "thin" }, bottom: { style: "medium" } });
    expect(ws.getCell("A2").font).toMatchObject({ italic: true });
    expect(ws.getCell("A2").alignment).toMatchObject({ indent: 1, wrapText: true });
    expect(ws.getCell("B2").fill).toMatchObject({ fgColor: { argb: PALETTE.error } });
    expect(ws.getCell("A3").font?.bold).toBeFalsy();
  });

  test("merges, widths, row heights, frozen panes, filter and print setup", () => {
    expect(ws.model.merges).toEqual(["A1:B1"]);
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getColumn(2).width).toBe(15);
    expect(ws.getRow(2).height).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:B1");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  test("notes", () => {
    expect(noteText(ws.getCell("B2"))).toBe("overspend.component: over budget");
    expect(ws.getCell("A2").note).toBeUndefined();
  });

  test("links: to a cell of another file, and inside this workbook", () => {
    const external = ws.getCell("A9");
    expect(external.text).toBe("budget.xlsx › Budget!C5");
    expect(external.hyperlink).toBe("budget.xlsx#'Budget'!$C$5");
    expect(ws.getCell("A10").hyperlink).toBe("#'Find''ings'!$A$1");
  });

  test("hyperlinkTarget quotes the sheet and makes the cell absolute", () => {
    expect(hyperlinkTarget({ file: "a b.xlsx", sheet: "Work plan", cell: "d5" })).toBe("a b.xlsx#'Work plan'!$D$5");
    expect(hyperlinkTarget({ sheet: "S", cell: "$AA$10" })).toBe("#'S'!$AA$10");
  });
});

describe("writeWorkbook with the seed PIR", () => {
  test("the PIR tables read back as built", async () => {
    const findings = [
      finding({ rule: "overspend.component", severity: "error", file: "budget.xlsx", sheet: "Budget", cell: "C5", component: "1", message: "over" }),
    ];
    const desc = buildPirWorkbook(checkResultOf([seedWorkplanTable(), seedBudgetTable()], findings), seedSettings());
    const workbook = await readBack(await writeWorkbook(desc));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["PIR tables", "PIR tables annotated", "Findings"]);
    for (const [index, name] of ["PIR tables", "PIR tables annotated"].entries()) {
      const sheet = workbook.getWorksheet(name)!;
      const written = desc.sheets[index];
      for (const cell of written.cells.filter((c) => c.value !== null)) expect(sheet.getCell(cell.row + 1, cell.col + 1).value).toBe(cell.value);
      expect(sheet.model.merges).toHaveLength(written.merges.length);
    }
    // The clean copy's amounts print as the report does (zero as "-"); the annotated copy flags the cell, its footnote in its format.
    const clean = workbook.getWorksheet("PIR tables")!;
    const amount = desc.sheets[0].cells.find((c) => typeof c.value === "number")!;
    expect(clean.getCell(amount.row + 1, amount.col + 1).numFmt).toBe(amount.style!.numFmt);
    const annotated = workbook.getWorksheet("PIR tables annotated")!;
    const flagged = desc.sheets[1].cells.find((c) => c.note?.startsWith("overspend.component"))!;
    const read = annotated.getCell(flagged.row + 1, flagged.col + 1);
    expect(noteText(read)).toBe("overspend.component: Budget table, budget.xlsx › Budget!C5: over");
    expect(read.fill).toMatchObject({ fgColor: { argb: PALETTE.error } });
    expect(read.numFmt).toBe('#,##0.00" ¹"');
    const findingsSheet = workbook.getWorksheet("Findings")!;
    expect(findingsSheet.getCell("I2").hyperlink).toBe("budget.xlsx#'Budget'!$C$5");
    expect(findingsSheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});
