import { promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "exceljs";
import type { CellFormulaValue } from "exceljs";
import { cellAt } from "../../src/core/grid";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { UNCALCULATED, WorkbookReadError, readWorkbookBuffer, readZipDirectory } from "../../src/xlsx/read";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import { deflated, writeZip } from "../../scripts/make-hostile";

const EXAMPLES = join(__dirname, "..", "..", "examples");
const WORKPLAN = join(EXAMPLES, "peru-sizd-workplan.xlsx");
const BUDGET = join(EXAMPLES, "peru-sizd-budget.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), "pir-read-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const found = grid.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${grid.sheets.map((s) => s.name).join(", ")}`);
  return found;
}

/** The error a read rejects with, so that reason and message can both be checked. */
async function readError(path: string): Promise<WorkbookReadError> {
  try {
    await readWorkbookFile(path);
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw err;
  }
  throw new Error(`${path} was read without error`);
}

async function tmpFile(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await fs.writeFile(path, bytes);
  return path;
}

describe("the example workbooks", () => {
  test("the seed work plan's 2021 header is the number 2021 shown with a thousands separator", async () => {
    const grid = await readWorkbookFile(WORKPLAN);
    expect(grid.file).toBe(WORKPLAN);
    const plan = sheet(grid, "Work plan");
    // Header row 4: B4 "Outputs", C4 "Total Budget", D4..F4 2018..2020, G4 2021.
    expect(cellAt(plan, 3, 1)?.value).toBe("Outputs");
    expect(cellAt(plan, 3, 3)).toMatchObject({ value: 2018 });
    expect(cellAt(plan, 3, 6)).toEqual(expect.objectContaining({ value: 2021, numFmt: "#,##0" }));
    // "General" is the absence of a format: not stored, to keep 90k cells cheap.
    expect(cellAt(plan, 3, 1)?.numFmt).toBeUndefined();
    // Component rows were bold in the report, output rows not.
    expect(cellAt(plan, 4, 1)).toMatchObject({ value: expect.stringMatching(/^C\.1: Policy framework/), bold: true });
    expect(cellAt(plan, 5, 1)?.bold).toBeUndefined();
    expect(cellAt(plan, 4, 3)).toEqual({ value: 24599.5, numFmt: "#,##0.00", bold: true });
    expect(plan.hidden).toBeUndefined();
  });

  test("the seed budget's two-row header comes back as 0-based merged areas", async () => {
    const grid = await readWorkbookFile(BUDGET);
    const fin = sheet(grid, "Financial implementation");
    expect(fin.merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 0, bottom: 3, right: 0 }, // A3:A4 "Project components"
        { top: 2, left: 1, bottom: 2, right: 2 }, // B3:C3 "GEF Fund (USD)"
      ]),
    );
    expect(cellAt(fin, 2, 1)?.value).toBe("GEF Fund (USD)");
    // Only the top-left cell of a merge holds the value, as in Excel.
    expect(cellAt(fin, 2, 2)).toBeNull();
    expect(cellAt(fin, 3, 0)).toBeNull();
    expect(cellAt(fin, 3, 1)?.value).toBe("Budget");
  });

  test("formula cells of a fixture give their cached results", async () => {
    const grid = await readWorkbookFile(join(__dirname, "..", "fixtures", "generated", "budget-clean.xlsx"));
    const budget = sheet(grid, "Budget");
    const totalRow = budget.cells.findIndex((r) => r?.[0]?.value === "Total");
    const total = cellAt(budget, totalRow, 1);
    expect(total?.formula).toBe(`SUM(B4:B${totalRow})`);
    let parts = 0;
    for (let r = 3; r < totalRow; r++) parts += cellAt(budget, r, 1)?.value as number;
    expect(total?.value).toBe(parts);
    expect(parts).toBeGreaterThan(0);
  });

  test("a workbook cut in half is damaged, not a crash", async () => {
    const whole = await fs.readFile(WORKPLAN);
    const path = await tmpFile("half.xlsx", whole.subarray(0, Math.floor(whole.length / 2)));
    const err = await readError(path);
    expect(err.reason).toBe("damaged");
    expect(err.message).toBe(`${path}: the workbook is damaged or truncated and could not be read`);
  });

  test("a zip that declares more than 500 MB unpacked is refused before it is inflated", async () => {
    const bytes = new Uint8Array(await fs.readFile(WORKPLAN));
    // Make the first central-directory entry claim 600 MB, as a zip bomb does.
    const entry = Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(entry + 24, 600 * 1024 * 1024, true);
    const path = await tmpFile("bomb.xlsx", bytes);
    const err = await readError(path);
    expect(err.reason).toBe("too-large");
    expect(err.message).toMatch(new RegExp(`^${escape(path)}: the workbook would unpack to \\d+ MB, above the limit of 500 MB$`));
  });

  test("the zip directory lists the workbook's parts and their unpacked size", async () => {
    const bytes = await fs.readFile(WORKPLAN);
    const zip = readZipDirectory(bytes);
    expect(zip?.names).toEqual(expect.arrayContaining(["xl/workbook.xml", "[Content_Types].xml"]));
    expect(zip!.unpackedBytes).toBeGreaterThan(bytes.length);
  });

  test("onSlow is called once, naming the file and its size, when reading takes longer than the limit", async () => {
    const messages: string[] = [];
    await readWorkbookFile(WORKPLAN, { onSlow: (m) => messages.push(m), slowAfterMs: 0 });
    expect(messages).toEqual([expect.stringMatching(/^Reading peru-sizd-workplan\.xlsx \(\d+\.\d MB\)…$/)]);
    messages.length = 0;
    await readWorkbookFile(WORKPLAN, { onSlow: (m) => messages.push(m), slowAfterMs: 60_000 });
    expect(messages).toEqual([]);
  });
});

describe("cell values", () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Values");
    ws.getCell("A1").value = { formula: "SUM(B1:C1)", result: 30 };
    ws.getCell("B1").value = { formula: "A9/0", result: { error: "#DIV/0!" } };
    ws.getCell("C1").value = { formula: "Sheet9!A1" }; // never calculated: no cached result
    ws.getCell("A2").value = { formula: "B2*2", result: 4, shareType: "shared", ref: "A2:A3" } as CellFormulaValue;
    ws.getCell("A3").value = { sharedFormula: "A2", result: 6 };
    ws.getCell("B2").value = { richText: [{ text: "C.1: " }, { text: "Policy", font: { bold: true } }] };
    ws.getCell("C2").value = { text: "Annex 9", hyperlink: "https://example.org/annex9" };
    ws.getCell("D2").value = new Date(Date.UTC(2022, 5, 30));
    ws.getCell("E2").value = true;
    ws.getCell("F2").value = { error: "#REF!" };
    ws.getCell("G2").value = "15.000,00";
    ws.getCell("H5").value = -1250.5;
    ws.getCell("H5").numFmt = "#,##0.00;(#,##0.00)";
    wb.addWorksheet("Old notes", { state: "hidden" }).getCell("A1").value = "kept for the record";
    grid = await readWorkbookBuffer(await wb.xlsx.writeBuffer(), "values.xlsx");
  });

  test("formulas give their cached result and keep the formula", () => {
    const s = sheet(grid, "Values");
    expect(cellAt(s, 0, 0)).toEqual({ value: 30, formula: "SUM(B1:C1)" });
    expect(cellAt(s, 0, 1)).toEqual({ value: { error: "#DIV/0!" }, formula: "A9/0" });
  });

  test("a formula never calculated is not read as blank: it holds a value that says so", () => {
    const s = sheet(grid, "Values");
    expect(cellAt(s, 0, 2)).toEqual({ value: { error: UNCALCULATED }, formula: "Sheet9!A1" });
    expect(UNCALCULATED).toBe("formula without a calculated value: open and save the workbook in Excel");
  });

  test("a shared formula is given as it reads in its own cell", () => {
    const s = sheet(grid, "Values");
    expect(cellAt(s, 1, 0)).toEqual({ value: 4, formula: "B2*2" });
    expect(cellAt(s, 2, 0)).toEqual({ value: 6, formula: "B3*2" });
  });

  test("rich text, hyperlinks, dates, booleans, errors and text amounts", () => {
    const s = sheet(grid, "Values");
    expect(cellAt(s, 1, 1)?.value).toBe("C.1: Policy");
    expect(cellAt(s, 1, 2)?.value).toBe("Annex 9");
    expect(cellAt(s, 1, 3)?.value).toEqual(new Date(Date.UTC(2022, 5, 30)));
    expect(cellAt(s, 1, 4)?.value).toBe(true);
    expect(cellAt(s, 1, 5)?.value).toEqual({ error: "#REF!" });
    expect(cellAt(s, 1, 6)?.value).toBe("15.000,00");
    expect(cellAt(s, 4, 7)).toEqual({ value: -1250.5, numFmt: "#,##0.00;(#,##0.00)" });
  });

  test("rows and columns are dense and 0-based; empty rows are null", () => {
    const s = sheet(grid, "Values");
    expect(s.cells).toHaveLength(5);
    expect(s.cells[3]).toBeNull();
    expect(s.cells[4]).toHaveLength(8);
    expect(s.cells[4]!.slice(0, 7)).toEqual([null, null, null, null, null, null, null]);
  });

  test("a hidden sheet is read and marked hidden", () => {
    const notes = sheet(grid, "Old notes");
    expect(notes.hidden).toBe(true);
    expect(cellAt(notes, 0, 0)?.value).toBe("kept for the record");
    expect(grid.sheets.map((s) => s.name)).toEqual(["Values", "Old notes"]);
  });
});

describe("files that are not readable workbooks", () => {
  test("a missing file", async () => {
    const path = join(dir, "nowhere", "plan.xlsx");
    const err = await readError(path);
    expect(err).toMatchObject({ reason: "not-found", file: path, message: `${path}: file not found` });
  });

  test("a folder", async () => {
    const err = await readError(dir);
    expect(err.reason).toBe("directory");
    expect(err.message.startsWith(`${dir}: `)).toBe(true);
  });

  test("an empty file", async () => {
    const path = await tmpFile("empty.xlsx", "");
    const err = await readError(path);
    expect(err).toMatchObject({ reason: "empty", message: `${path}: the file is empty` });
  });

  test("a CSV saved under an .xlsx name", async () => {
    const path = await tmpFile("budget.xlsx", "Component,Budget\nComponent 1,235000\n");
    const err = await readError(path);
    expect(err.reason).toBe("not-xlsx");
    expect(err.message).toBe(`${path}: not an .xlsx workbook (it is a text file, perhaps a CSV)`);
  });

  test("a password-protected workbook (an OLE file holding an EncryptedPackage)", async () => {
    const path = await tmpFile("locked.xlsx", oleFile("EncryptedPackage"));
    const err = await readError(path);
    expect(err.reason).toBe("encrypted");
    expect(err.message).toBe(
      `${path}: the workbook is password-protected; remove the password in Excel (File › Info › Protect Workbook) and try again`,
    );
  });

  test("an old .xls workbook (an OLE file without an EncryptedPackage)", async () => {
    const path = await tmpFile("old.xlsx", oleFile("Workbook"));
    const err = await readError(path);
    expect(err.reason).toBe("xls");
    expect(err.message).toBe(`${path}: this is an old Excel 97-2003 .xls file; open it in Excel and save it as .xlsx`);
  });

  test("a Word document renamed to .xlsx", async () => {
    const path = await tmpFile("report.xlsx", writeZip([deflated("[Content_Types].xml", "<Types/>"), deflated("word/document.xml", "<w:document/>")]));
    const err = await readError(path);
    expect(err.reason).toBe("not-xlsx");
    expect(err.message).toBe(`${path}: not an .xlsx workbook (it is a Word document)`);
  });

  test("the buffer reader applies the same checks and names the file it was given", async () => {
    await expect(readWorkbookBuffer(new Uint8Array(0), "upload.xlsx")).rejects.toThrow("upload.xlsx: the file is empty");
    await expect(readWorkbookBuffer(oleFile("Workbook").buffer as ArrayBuffer, "old.xls")).rejects.toMatchObject({ reason: "xls" });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A compound-file header followed by a directory entry name in UTF-16LE, as Excel writes them. */
function oleFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(Buffer.from(streamName, "utf16le"), 1024);
  return bytes;
}

