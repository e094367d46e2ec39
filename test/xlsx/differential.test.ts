/**
 * The streaming reader against ExcelJS, the reader it replaced: on every
 * fixture workbook, the examples and a generated set of odd workbooks, both
 * must give the same grid — values, number formats, bold, formulas (shared
 * ones as they read in their own cell), merges, hidden sheets — so nothing
 * the engine used to see is lost.
 *
 * The only differences allowed are the ones made on purpose, and they are
 * normalised here, each said once:
 * - a formula with no cached value holds UNCALCULATED (ExcelJS: null);
 * - long runs of empty rows or cells may be holes in the arrays instead of
 *   nulls (the grid is sparse), so holes read as null;
 * - a shared formula's text in quotes is not moved ("A1" stays "A1"; ExcelJS
 *   moves it as if it were a reference), asserted in the last test.
 */
import { promises as fs, readdirSync } from "fs";
import { join } from "path";
import { Workbook } from "exceljs";
import type { CellFormulaValue } from "exceljs";
import type { Cell, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { readWithExcelJs } from "../../src/xlsx/exceljs-grid";
import { UNCALCULATED, readWorkbookBuffer } from "../../src/xlsx/read";

const ROOT = join(__dirname, "..", "..");
const GENERATED = join(ROOT, "test", "fixtures", "generated");
const EXAMPLES = join(ROOT, "examples");

/** Holes → null, trailing empties dropped, a row of nothing → null; UNCALCULATED → null. */
function normalise(grid: WorkbookGrid): WorkbookGrid {
  const cell = (c: Cell | null | undefined): Cell | null => {
    if (!c) return null;
    const v = c.value;
    if (v && typeof v === "object" && !(v instanceof Date) && v.error === UNCALCULATED) return { ...c, value: null };
    return c;
  };
  const sheet = (s: SheetGrid): SheetGrid => {
    const rows = Array.from(s.cells, (r) => {
      if (!r) return null;
      const line = Array.from(r, cell);
      while (line.length && !line[line.length - 1]) line.pop();
      return line.length ? line : null;
    });
    while (rows.length && !rows[rows.length - 1]) rows.pop();
    const merges = [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    return { ...s, cells: rows, merges };
  };
  return { file: grid.file, sheets: grid.sheets.map(sheet) };
}

async function both(bytes: Uint8Array, name: string): Promise<[WorkbookGrid, WorkbookGrid]> {
  return [normalise(await readWorkbookBuffer(bytes, name)), normalise(await readWithExcelJs(bytes, name))];
}

const fixtureFiles = [
  ...readdirSync(GENERATED)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(GENERATED, f)),
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(EXAMPLES, f)),
];

test("there are fixtures to compare", () => {
  expect(fixtureFiles.length).toBeGreaterThanOrEqual(20);
});

describe.each(fixtureFiles.map((f) => [f.slice(ROOT.length + 1), f]))("%s", (_name, file) => {
  test("the same grid as ExcelJS's", async () => {
    const bytes = await fs.readFile(file);
    const [streamed, exceljs] = await both(bytes, "book.xlsx");
    expect(streamed.sheets.length).toBeGreaterThan(0);
    expect(streamed).toEqual(exceljs);
  });
});

/** Odd workbooks, each holding what the fixtures do not. */
const ODD: Record<string, () => Workbook> = {
  "every kind of value": () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Values");
    ws.getCell("A1").value = { formula: "SUM(B1:C1)", result: 30 };
    ws.getCell("B1").value = { formula: "A9/0", result: { error: "#DIV/0!" } };
    ws.getCell("C1").value = { formula: "Sheet9!A1" };
    ws.getCell("D1").value = { formula: 'IF(A1>3,"big","small")', result: "big" };
    ws.getCell("E1").value = { formula: "A1>3", result: true };
    ws.getCell("B2").value = { richText: [{ text: "C.1: " }, { text: "Policy", font: { bold: true } }] };
    ws.getCell("C2").value = { text: "Annex 9", hyperlink: "https://example.org/annex9" };
    ws.getCell("D2").value = new Date(Date.UTC(2022, 5, 30));
    ws.getCell("E2").value = true;
    ws.getCell("F2").value = false;
    ws.getCell("G2").value = { error: "#N/A" };
    ws.getCell("H2").value = "15.000,00";
    ws.getCell("I2").value = 'Quotes " and \' and <tags> & ampersands';
    ws.getCell("J2").value = "  leading and trailing spaces  ";
    ws.getCell("K2").value = "Línea con acentos, ñ, € and 中文";
    ws.getCell("L2").value = "";
    ws.getCell("M2").value = 0;
    ws.getCell("N2").value = -1e-9;
    ws.getCell("O2").value = 123456789012.345;
    ws.getCell("P2").value = "multi\nline";
    return wb;
  },
  "number formats, dates and bold": () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Formats");
    const formats = ["0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "mm-dd-yy", "d-mmm-yy", "h:mm", "[$-409]mmmm d, yyyy", '#,##0 "USD"', "#,##0.00;(#,##0.00)", "@", "yyyy-mm-dd hh:mm:ss"];
    formats.forEach((f, i) => {
      const c = ws.getCell(i + 1, 1);
      c.value = 44742.5 + i;
      c.numFmt = f;
      const d = ws.getCell(i + 1, 2);
      d.value = { formula: `A${i + 1}+1`, result: 44743.5 + i };
      d.numFmt = f;
      ws.getCell(i + 1, 3).value = `format ${f}`;
      ws.getCell(i + 1, 3).font = { bold: i % 2 === 0 };
    });
    ws.getCell("E1").value = "styled but empty below";
    ws.getCell("E2").numFmt = "#,##0.00"; // a style with no value: not a cell
    ws.getCell("E3").font = { bold: true };
    return wb;
  },
  "1904 dates": () => {
    const wb = new Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Mac");
    ws.getCell("A1").value = new Date(Date.UTC(2021, 6, 1));
    ws.getCell("A2").value = 1000;
    ws.getCell("A2").numFmt = "d-mmm-yy";
    ws.getCell("A3").value = 1000;
    return wb;
  },
  "shared formulas across rows and columns": () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Shared");
    for (let r = 1; r <= 6; r++) for (let c = 1; c <= 4; c++) ws.getCell(r, c).value = r * 10 + c;
    ws.getCell("E1").value = { formula: "SUM(A1:D1)*$A$1+Other!B2+'My sheet'!C1", result: 1, shareType: "shared", ref: "E1:G6" } as CellFormulaValue;
    for (let r = 1; r <= 6; r++)
      for (let c = 5; c <= 7; c++) {
        if (r === 1 && c === 5) continue;
        ws.getCell(r, c).value = { sharedFormula: "E1", result: r + c };
      }
    return wb;
  },
  "merged areas, with values left in covered cells": () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Merges");
    ws.getCell("A1").value = "Title over four columns";
    ws.mergeCells("A1:D1");
    ws.getCell("A3").value = "Two rows";
    ws.mergeCells("A3:A4");
    ws.getCell("B3").value = "Budget";
    ws.getCell("C3").value = "Expenditure";
    ws.getCell("B4").value = 1;
    ws.getCell("C4").value = 2;
    ws.getCell("F10").value = "block";
    ws.mergeCells("F10:H12");
    ws.mergeCells("J1:K1"); // a merge over nothing
    return wb;
  },
  "hidden sheets, an empty sheet and a far cell": () => {
    const wb = new Workbook();
    wb.addWorksheet("Visible").getCell("A1").value = "here";
    wb.addWorksheet("Hidden", { state: "hidden" }).getCell("B2").value = 2;
    wb.addWorksheet("Very hidden", { state: "veryHidden" }).getCell("C3").value = 3;
    wb.addWorksheet("Empty");
    const far = wb.addWorksheet("Far");
    far.getCell("A1").value = "top";
    far.getCell(5000, 300).value = "far away";
    far.getCell(5000, 2).value = "same row";
    return wb;
  },
};

describe.each(Object.keys(ODD))("generated: %s", (name) => {
  test("the same grid as ExcelJS's", async () => {
    const bytes = new Uint8Array(await ODD[name]().xlsx.writeBuffer());
    const [streamed, exceljs] = await both(bytes, `${name}.xlsx`);
    expect(streamed).toEqual(exceljs);
    // Something was read: the comparison is not of two empty grids.
    expect(streamed.sheets.some((s) => s.cells.length > 0)).toBe(true);
  });
});

test("the differences made on purpose: an uncalculated formula, holes in a sparse sheet, text in a shared formula", async () => {
  const wb = ODD["every kind of value"]();
  const ws = wb.addWorksheet("Quoted");
  ws.getCell("A1").value = { formula: 'CONCATENATE("A1",B1)', result: "A111", shareType: "shared", ref: "A1:A2" } as CellFormulaValue;
  ws.getCell("A2").value = { sharedFormula: "A1", result: "A121" };
  const far = wb.addWorksheet("Sparse");
  far.getCell(3000, 1).value = "after a long gap";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const streamed = await readWorkbookBuffer(bytes, "x.xlsx");
  const values = streamed.sheets[0];
  expect(values.cells[0]![2]).toEqual({ value: { error: UNCALCULATED }, formula: "Sheet9!A1" });
  const sparse = streamed.sheets.find((s) => s.name === "Sparse")!;
  expect(sparse.cells).toHaveLength(3000);
  expect(0 in sparse.cells).toBe(false); // a hole, not 2,999 nulls
  expect(sparse.cells[2999]).toEqual([{ value: "after a long gap" }]);
  const quoted = streamed.sheets.find((s) => s.name === "Quoted")!;
  expect(quoted.cells[1]![0]).toEqual({ value: "A121", formula: 'CONCATENATE("A1",B2)' });
  const exceljs = await readWithExcelJs(bytes, "x.xlsx");
  expect(exceljs.sheets.find((s) => s.name === "Quoted")!.cells[1]![0]!.formula).toBe('CONCATENATE("A2",B2)');
});
