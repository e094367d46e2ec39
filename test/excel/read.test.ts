import * as path from "path";
import { checkWorkbooks } from "../../src/core/check";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { parseSettings } from "../../src/core/settings";
import { FIVE_MB, NOT_LOADED } from "./helpers/fake-excel";
import { type FakeExcel } from "./helpers/fake-excel";
import { cellAt, newSheet } from "./helpers/fake-model";
import { copySheet, fakeExcelFromGrids } from "./helpers/mock-workbook";
import { DEFAULT_MAX_CELLS_PER_SYNC, ExcelReadError, readWorkbookGrid } from "../../src/excel/read";
import { EXAMPLES, GENERATED, brief, loadFixture } from "../helpers/fixtures";

const SETTINGS = parseSettings({ period: "FY22" }, new Date("2026-11-24T00:00:00Z"));

/**
 * The grid without Excel's display text, which the ExcelJS reader does not
 * know, and without bold, which the Office.js reader does not read (a format
 * per cell costs a request of its own, and no rule uses it).
 */
function withoutText(grid: WorkbookGrid): WorkbookGrid {
  return {
    ...grid,
    sheets: grid.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((row) => row?.map((c) => (c ? (({ text: _t, bold: _b, ...rest }) => rest)(c) : c)) ?? row),
      merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    })),
  };
}

function sortedMerges(grid: WorkbookGrid): WorkbookGrid {
  return { ...grid, sheets: grid.sheets.map((s) => ({ ...s, merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left) })) };
}

async function read(fake: FakeExcel, file: string, options: Parameters<typeof readWorkbookGrid>[2] = {}): Promise<WorkbookGrid> {
  return readWorkbookGrid(fake.requestContext, file, { supports: fake.supports, ...options });
}

function expectWithinLimits(fake: FakeExcel): void {
  for (const s of fake.syncs.filter((s) => !s.failed)) {
    expect(s.requestBytes).toBeLessThan(FIVE_MB);
    expect(s.responseBytes).toBeLessThan(FIVE_MB);
  }
}

describe("readWorkbookGrid on the real fixtures", () => {
  const FIXTURES = [
    path.join(EXAMPLES, "peru-sizd-workplan.xlsx"),
    path.join(EXAMPLES, "peru-sizd-budget.xlsx"),
    ...["workplan-clean.xlsx", "workplan-quirks.xlsx", "workplan-spanish.xlsx", "multi-table.xlsx", "non-tables.xlsx"].map((f) =>
      path.join(GENERATED, f),
    ),
  ];

  test.each(FIXTURES.map((f) => [path.basename(f), f]))("%s: the same grid as the ExcelJS reader", async (name, file) => {
    const exceljs = await loadFixture(file);
    const fake = fakeExcelFromGrids(exceljs);
    const grid = await read(fake, name);
    expect(withoutText(grid)).toEqual(withoutText(sortedMerges(exceljs)));
  });

  test("the seed work plan and budget give the same findings as through ExcelJS", async () => {
    const exceljs = await Promise.all([
      loadFixture(path.join(EXAMPLES, "peru-sizd-workplan.xlsx")),
      loadFixture(path.join(EXAMPLES, "peru-sizd-budget.xlsx")),
    ]);
    const viaOffice = await Promise.all(exceljs.map((g) => read(fakeExcelFromGrids(g), g.file)));
    // The display text is there (what Excel shows), and the engine reads it too.
    expect(viaOffice[0].sheets[0].cells.flat().some((c) => c?.text?.includes(","))).toBe(true);
    const expected = checkWorkbooks(exceljs, SETTINGS).findings.map(brief);
    const actual = checkWorkbooks(viaOffice, SETTINGS).findings.map(brief);
    expect(expected.length).toBeGreaterThan(5); // the seed has genuine inconsistencies
    expect(actual).toEqual(expected);
  });
});

describe("round trips", () => {
  let seedSheet: ReturnType<typeof newSheet>;
  beforeAll(async () => {
    const seed = await loadFixture(path.join(EXAMPLES, "peru-sizd-workplan.xlsx"));
    seedSheet = fakeExcelFromGrids(seed).state.sheets[0];
  });

  function workbookOf(sheets: number): FakeExcel {
    const fake = fakeExcelFromGrids({ file: "big.xlsx", sheets: [] });
    for (let i = 0; i < sheets; i++) fake.state.sheets.push(copySheet(seedSheet, `Plan ${i + 1}`));
    return fake;
  }

  test.each([1, 10, 50])("%i sheets: 3 syncs (list, used ranges, cells), each within 5 MB", async (sheets) => {
    const fake = workbookOf(sheets);
    const grid = await read(fake, "big.xlsx");
    expect(fake.syncs).toHaveLength(3);
    expectWithinLimits(fake);
    expect(grid.sheets.map((s) => s.name)).toEqual(Array.from({ length: sheets }, (_, i) => `Plan ${i + 1}`));
    for (const s of grid.sheets) expect(s.cells).toEqual(grid.sheets[0].cells);
  });

  test("a sheet larger than the cap is read in blocks, with more syncs and the same result", async () => {
    const fake = workbookOf(3);
    const whole = await read(fake, "big.xlsx");
    const cells = whole.sheets.reduce((n, s) => n + s.cells.length * Math.max(...s.cells.map((r) => r?.length ?? 0)), 0);
    expect(cells).toBeGreaterThan(300);

    fake.resetSyncs();
    const progress: Array<[number, number]> = [];
    const cap = 100;
    const blocks = await read(fake, "big.xlsx", { maxCellsPerSync: cap, onProgress: (done, total) => progress.push([done, total]) });
    expect(blocks).toEqual(whole);
    const total = progress[progress.length - 1][1];
    expect(progress[progress.length - 1][0]).toBe(total);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1][0])).toBe(true);
    // 2 + ceil(cells / cap), less the room a sync leaves when the next row does not fit.
    const cols = whole.sheets[0].cells[whole.sheets[0].cells.length - 1]!.length;
    expect(fake.syncs.length).toBeGreaterThanOrEqual(2 + Math.ceil(total / cap));
    expect(fake.syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / (cap - cols + 1)));

    // A cap narrower than a row: rows are cut into pieces too.
    fake.resetSyncs();
    expect(await read(fake, "big.xlsx", { maxCellsPerSync: 5 })).toEqual(whole);
    expect(fake.syncs.length).toBeGreaterThanOrEqual(2 + Math.ceil(total / 5));
    expect(fake.syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / 3)); // 13 columns: pieces of 5, 5 and 3
  });

  test("the default cap keeps an ordinary work plan in one data sync", () => {
    expect(DEFAULT_MAX_CELLS_PER_SYNC).toBeGreaterThan(50 * 26 * 13);
  });

  test("after a response-too-large answer the block size stays halved for the rest of the read", async () => {
    const fake = workbookOf(12);
    const whole = await read(fake, "big.xlsx");
    fake.resetSyncs();
    fake.responseLimit = 60_000; // the 12 sheets answer ~200 KB together
    const grid = await read(fake, "big.xlsx");
    expect(grid).toEqual(whole);
    const failed = fake.syncs.map((s, i) => (s.failed ? i : -1)).filter((i) => i >= 0);
    expect(failed.length).toBeGreaterThan(0);
    // Once a size works, it is kept: every failure comes before the first data sync that succeeds.
    const firstDataSuccess = fake.syncs.findIndex((s, i) => i >= 2 && !s.failed);
    expect(failed.every((i) => i < firstDataSuccess)).toBe(true);
    expect(failed.length).toBeLessThanOrEqual(3); // 200 KB → 100 → 50 KB
    expectWithinLimits(fake);
  });

  test("a sheet of long texts above 5 MB is split again when Excel refuses the answer", async () => {
    const fake = fakeExcelFromGrids({ file: "notes.xlsx", sheets: [] });
    const sheet = newSheet("Activities");
    const long = (i: number) => `Activity ${i}: ${"x".repeat(3000)}`;
    for (let r = 0; r < 1000; r++) cellAt(sheet, r, 0).value = long(r);
    fake.state.sheets.push(sheet);
    const grid = await read(fake, "notes.xlsx");
    expect(fake.syncs.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expectWithinLimits(fake);
    expect(grid.sheets[0].cells).toHaveLength(1000);
    expect(grid.sheets[0].cells[999]?.[0]?.value).toBe(long(999));
  });
});

describe("what the cells become", () => {
  function oneSheet(): FakeExcel {
    const fake = fakeExcelFromGrids({ file: "t.xlsx", sheets: [] });
    const s = newSheet("Budget");
    const put = (r: number, c: number, cell: Partial<ReturnType<typeof cellAt>>) => Object.assign(cellAt(s, r, c), cell);
    put(4, 2, { value: "Component 1" });
    put(4, 3, { value: 1500.5, numberFormat: "#,##0.00", text: "1,500.50" });
    put(5, 3, { value: "#REF!", formula: "=#REF!+1" });
    put(5, 4, { value: 3001, formula: "=D5*2", numberFormat: "General" });
    put(6, 2, { value: "=SUM(A1)", quotePrefix: true });
    put(6, 3, { value: true });
    put(7, 2, { value: 44562, numberFormat: "dd/mm/yyyy" });
    put(7, 3, { value: "", numberFormat: "#,##0" }); // formatted but empty
    s.merges.push({ top: 3, left: 2, bottom: 3, right: 4 });
    fake.state.sheets.push(s, newSheet("Hidden notes", "Hidden"), newSheet("Empty"));
    cellAt(fake.state.sheets[1], 0, 0).value = "n/a";
    return fake;
  }

  test("values, errors, formulas, dates, text prefixed with an apostrophe; offsets from A1", async () => {
    const grid = await read(oneSheet(), "t.xlsx");
    const budget = grid.sheets[0];
    expect(budget.cells.slice(0, 4)).toEqual([null, null, null, null]);
    expect(budget.cells[4]).toEqual([null, null, { value: "Component 1", text: "Component 1" }, { value: 1500.5, numFmt: "#,##0.00", text: "1,500.50" }]);
    expect(budget.cells[5]?.[3]).toEqual({ value: { error: "#REF!" }, formula: "#REF!+1", text: "#REF!" });
    expect(budget.cells[5]?.[4]).toEqual({ value: 3001, formula: "D5*2", text: "3001" });
    expect(budget.cells[6]?.[2]).toEqual({ value: "=SUM(A1)", text: "=SUM(A1)" });
    expect(budget.cells[6]?.[3]).toMatchObject({ value: true });
    expect(budget.cells[7]?.[2]?.value).toEqual(new Date(Date.UTC(2022, 0, 1)));
    expect(budget.cells[7]).toHaveLength(3); // D8 is formatted but empty
    expect(budget.merges).toEqual([{ top: 3, left: 2, bottom: 3, right: 4 }]);
    expect(grid.sheets[1]).toMatchObject({ name: "Hidden notes", hidden: true });
    expect(grid.sheets[2]).toEqual({ name: "Empty", cells: [], merges: [] });
  });

  test("merged areas need ExcelApi 1.13; below it the grid has none, in the same 3 syncs", async () => {
    const fake = oneSheet();
    const grid = await readWorkbookGrid(fake.requestContext, "t.xlsx", { supports: (set, v) => set === "ExcelApi" && Number(v.split(".")[1]) <= 12 });
    expect(grid.sheets[0].merges).toEqual([]);
    expect(fake.syncs).toHaveLength(3);
  });

  test("an answer of the wrong shape is an error naming the sheet", async () => {
    const fake = oneSheet();
    // office-addin-mock answers a property that was not loaded with this string instead of throwing.
    fake.tamper = (sheet, property, value) => (sheet === "Budget" && property === "text" ? NOT_LOADED : value);
    const error = await read(fake, "t.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelReadError);
    expect((error as ExcelReadError).sheet).toBe("Budget");
    expect((error as Error).message).toMatch(/^Sheet "Budget": Excel returned an unexpected text for C5:E8/);

    const short = oneSheet();
    short.tamper = (sheet, property, value) => (sheet === "Budget" && property === "values" ? (value as unknown[][]).slice(1) : value);
    await expect(read(short, "t.xlsx")).rejects.toThrow(/Sheet "Budget".*values.*expected 4 × 3 cells/);
  });

  test("a sheet list that did not load is an error, not an empty workbook", async () => {
    const fake = oneSheet();
    const ctx = fake.requestContext;
    const worksheets = ctx.workbook.worksheets as unknown as { load: (s: string) => unknown };
    worksheets.load = () => worksheets; // forgets to ask Excel
    // The real runtime throws PropertyNotLoaded; the fake does the same.
    await expect(readWorkbookGrid(ctx, "t.xlsx", { supports: fake.supports })).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    // office-addin-mock answers with a string instead: that is no list either.
    Object.defineProperty(worksheets, "items", { get: () => NOT_LOADED });
    await expect(readWorkbookGrid(ctx, "t.xlsx", { supports: fake.supports })).rejects.toThrow(/did not return the list of worksheets/);
  });

  test("merged areas are read as ranges from `areas`, not by parsing an address", async () => {
    const fake = oneSheet();
    const s = fake.state.sheets[0];
    s.name = "Plan, 2022!A1"; // a sheet name that would fool an address parser
    s.merges.push({ top: 9, left: 0, bottom: 10, right: 1 });
    const loads: string[] = [];
    const enqueue = fake.enqueue.bind(fake);
    fake.enqueue = (action, run) => {
      if (action.select) loads.push(`${action.on.name}:${action.select.join(",")}`);
      enqueue(action, run);
    };
    const grid = await read(fake, "t.xlsx");
    expect(grid.sheets[0].merges).toEqual([{ top: 3, left: 2, bottom: 3, right: 4 }, { top: 9, left: 0, bottom: 10, right: 1 }]);
    expect(loads.some((l) => l.startsWith("GetMergedAreasOrNullObject:") && l.includes("address"))).toBe(false);
    expect(loads).toContain("Areas:rowIndex,columnIndex,rowCount,columnCount");
  });
});

// Keeps the SheetGrid import honest: the reader's output satisfies the engine's own shape check.
test("the grid passes the engine's schema", async () => {
  const { sheetGridSchema } = await import("../../src/core/grid");
  const grid = await read(fakeExcelFromGrids(await loadFixture(path.join(EXAMPLES, "peru-sizd-workplan.xlsx"))), "w.xlsx");
  grid.sheets.forEach((s: SheetGrid) => expect(sheetGridSchema.safeParse(s).success).toBe(true));
});
