import * as path from "path";
import { checkWorkbooks } from "../../src/core/check";
import type { WorkbookGrid } from "../../src/core/grid";
import { buildPirWorkbook } from "../../src/core/pir/build";
import { PALETTE, type CellBorder, type SheetDescription, type WorkbookDescription } from "../../src/core/pir/sheet";
import { parseSettings } from "../../src/core/settings";
import { readWorkbookGrid } from "../../src/excel/read";
import { chooseNames, writePirWorkbook } from "../../src/excel/write";
import { MAX_ROW_HEIGHT_POINTS, charactersToPoints } from "../../src/excel/write-plan";
import { FIVE_MB, type FakeExcel } from "./helpers/fake-excel";
import { type FakeSheet, hasValue, newSheet, parseRect, peekCell, rectA1, snapshotSheet } from "./helpers/fake-model";
import { fakeExcelFromGrids } from "./helpers/mock-workbook";
import { EXAMPLES, loadFixture } from "../helpers/fixtures";

const WORKPLAN = "peru-sizd-workplan.xlsx";
const BUDGET = "peru-sizd-budget.xlsx";

let grids: WorkbookGrid[];
let pir: WorkbookDescription;

beforeAll(async () => {
  grids = await Promise.all([loadFixture(path.join(EXAMPLES, WORKPLAN)), loadFixture(path.join(EXAMPLES, BUDGET))]);
  const settings = parseSettings({ period: "FY22" });
  pir = buildPirWorkbook(checkWorkbooks(grids, settings), settings);
});

/** The open workbook: the seed work plan. */
function openWorkplan(api?: string): FakeExcel {
  return fakeExcelFromGrids(grids[0], { name: WORKPLAN, api });
}

function sheet(fake: FakeExcel, name: string): FakeSheet {
  const s = fake.state.sheets.find((k) => k.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function write(fake: FakeExcel, desc: WorkbookDescription, options: Parameters<typeof writePirWorkbook>[2] = {}) {
  return writePirWorkbook(fake.requestContext, desc, { supports: fake.supports, workbookFile: WORKPLAN, ...options });
}

/** Each drawn line once per cell side that draws it: "h:row:col=thin" is the line above (row, col). */
function describedEdges(desc: SheetDescription): string[] {
  const out: string[] = [];
  for (const c of desc.cells) {
    const b: CellBorder = c.style?.border ?? {};
    if (b.top) out.push(`h:${c.row}:${c.col}=${b.top}`);
    if (b.bottom) out.push(`h:${c.row + 1}:${c.col}=${b.bottom}`);
    if (b.left) out.push(`v:${c.row}:${c.col}=${b.left}`);
    if (b.right) out.push(`v:${c.row}:${c.col + 1}=${b.right}`);
  }
  return [...new Set(out)].sort();
}

function drawnEdges(s: FakeSheet): string[] {
  const out: string[] = [];
  for (const [key, cell] of s.cells) {
    const [r, c] = key.split(",").map(Number);
    const b = cell.format.borders;
    const w = (x: string) => x.toLowerCase();
    if (b.EdgeTop) out.push(`h:${r}:${c}=${w(b.EdgeTop)}`);
    if (b.EdgeBottom) out.push(`h:${r + 1}:${c}=${w(b.EdgeBottom)}`);
    if (b.EdgeLeft) out.push(`v:${r}:${c}=${w(b.EdgeLeft)}`);
    if (b.EdgeRight) out.push(`v:${r}:${c + 1}=${w(b.EdgeRight)}`);
  }
  return [...new Set(out)].sort();
}

const hex = (argb: string) => `#${argb.slice(-6)}`;
const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const VALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** What a described cell becomes: whole numbers given as text are numbers shown with "0", other text is text in a "@" cell. */
function expectedCell(c: SheetDescription["cells"][number]): { value: string | number; numberFormat: string } {
  if (typeof c.value === "string") {
    return /^(0|[1-9]\d{0,14})$/.test(c.value) ? { value: Number(c.value), numberFormat: c.style?.numFmt ?? "0" } : { value: c.value, numberFormat: "@" };
  }
  return { value: c.value ?? "", numberFormat: c.style?.numFmt ?? "General" };
}

/** Every value, format, merge, width, height, pane, note and filter of the description, found in the fake sheet. */
function expectWritten(s: FakeSheet, desc: SheetDescription): void {
  const described = new Set(desc.cells.map((c) => `${c.row},${c.col}`));
  for (const c of desc.cells) {
    const cell = peekCell(s, c.row, c.col);
    const want = expectedCell(c);
    expect({ at: rectA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }), value: cell?.value ?? "", formula: cell?.formula }).toEqual({
      at: rectA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }),
      value: want.value,
      formula: undefined,
    });
    const f = cell!.format;
    const st = c.style;
    expect(cell!.numberFormat).toBe(c.value === null ? (st?.numFmt ?? "General") : want.numberFormat);
    expect(f.fontName).toBe("Calibri");
    expect(Boolean(f.bold)).toBe(Boolean(st?.bold));
    expect(Boolean(f.italic)).toBe(Boolean(st?.italic));
    expect(f.underline).toBe(st?.underline ? "Single" : undefined);
    expect(f.fontColor).toBe(st?.fontColor ? hex(st.fontColor) : undefined);
    expect(f.fill).toBe(st?.fill ? hex(PALETTE[st.fill]) : undefined);
    expect(f.horizontalAlignment).toBe(st?.align ? ALIGN[st.align] : undefined);
    expect(f.verticalAlignment).toBe(st ? VALIGN[st.valign ?? "top"] : undefined);
    expect(Boolean(f.wrapText)).toBe(Boolean(st?.wrap));
    expect(f.indentLevel).toBe(st?.indent || undefined);
  }
  for (const [key, cell] of s.cells) if (!described.has(key)) expect({ key, value: hasValue(cell) }).toEqual({ key, value: false });
  expect(drawnEdges(s)).toEqual(describedEdges(desc));
  expect(s.merges).toEqual(desc.merges);
  desc.columnWidths.forEach((w, col) => expect(s.columnWidths.get(col)).toBe(charactersToPoints(w)));
  expect(s.columnWidths.size).toBe(desc.columnWidths.length);
  expect([...s.rowHeights.entries()].sort((a, b) => a[0] - b[0])).toEqual((desc.rowHeights ?? []).map((h) => [h.row, Math.min(h.height, MAX_ROW_HEIGHT_POINTS)]));
  expect(s.frozen).toEqual(desc.frozen && (desc.frozen.rows || desc.frozen.cols) ? desc.frozen : undefined);
  const notes = desc.cells.filter((c) => c.note).map((c) => [rectA1({ top: c.row, left: c.col, bottom: c.row, right: c.col }), c.note]);
  expect([...s.notes.entries()].sort()).toEqual(notes.sort());
  expect(s.autoFilter).toBe(desc.autoFilter);
  expect(s.orientation).toBe(desc.print ? (desc.print.orientation === "landscape" ? "Landscape" : "Portrait") : undefined);
}

describe("writePirWorkbook with the seed's PIR description", () => {
  test("three syncs (sheets, everything into temporary sheets, the swap), every described value and format in place, the user's sheet untouched", async () => {
    const fake = openWorkplan();
    const before = fake.state.sheets.map(snapshotSheet);
    const names = await write(fake, pir);
    expect(names).toEqual(["PIR tables", "PIR tables annotated", "Findings"]);
    expect(fake.syncs).toHaveLength(3);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(FIVE_MB);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Work plan", "PIR tables", "PIR tables annotated", "Findings"]);
    expect(snapshotSheet(fake.state.sheets[0])).toEqual(before[0]);
    pir.sheets.forEach((desc, i) => expectWritten(sheet(fake, names[i]), desc));
    expect(fake.state.activeSheet).toBe("PIR tables");
  });

  test("findings about the open workbook link to their cell; those about another file are not linked", async () => {
    const fake = openWorkplan();
    await write(fake, pir);
    const findings = pir.sheets[2];
    const links = findings.cells.filter((c) => c.link);
    expect(links.some((c) => c.link!.file === WORKPLAN)).toBe(true);
    expect(links.some((c) => c.link!.file === BUDGET)).toBe(true);
    for (const c of links) {
      const cell = peekCell(sheet(fake, "Findings"), c.row, c.col)!;
      const a1 = parseRect(c.link!.cell);
      const target = `'${c.link!.sheet}'!$${rectA1(a1).replace(/(\d+)$/, "$$$1")}`;
      expect(cell.hyperlink).toEqual(c.link!.file === WORKPLAN ? { documentReference: target } : undefined);
    }
  });

  test("a name clash renames: (2), then (3); the sheets already there are left as they were", async () => {
    const fake = openWorkplan();
    await write(fake, pir);
    const first = fake.state.sheets.map(snapshotSheet);
    expect(await write(fake, pir)).toEqual(["PIR tables (2)", "PIR tables annotated (2)", "Findings (2)"]);
    expect(await write(fake, pir)).toEqual(["PIR tables (3)", "PIR tables annotated (3)", "Findings (3)"]);
    expect(fake.state.sheets.slice(0, 4).map(snapshotSheet)).toEqual(first);
    expectWritten(sheet(fake, "PIR tables (3)"), pir.sheets[0]);
  });

  test("replace deletes the earlier PIR sheets and writes new ones, in four syncs", async () => {
    const fake = openWorkplan();
    await write(fake, pir);
    const workplan = snapshotSheet(fake.state.sheets[0]);
    const pirSheet = sheet(fake, "PIR tables");
    pirSheet.cells.set("99,0", { value: "left over", numberFormat: "General", format: { borders: {} } });
    fake.resetSyncs();
    expect(await write(fake, pir, { existing: "replace" })).toEqual(["PIR tables", "PIR tables annotated", "Findings"]);
    expect(fake.syncs).toHaveLength(4);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Work plan", "PIR tables", "PIR tables annotated", "Findings"]);
    expect(peekCell(sheet(fake, "PIR tables"), 99, 0)).toBeUndefined();
    expectWritten(sheet(fake, "PIR tables"), pir.sheets[0]);
    expect(snapshotSheet(fake.state.sheets[0])).toEqual(workplan);
  });

  test("on ExcelApi 1.4 it writes values and formats and leaves out notes, links, panes, filters and indents", async () => {
    const fake = openWorkplan("1.4");
    await write(fake, pir);
    const s = sheet(fake, "PIR tables");
    expect(s.notes.size).toBe(0);
    expect(s.frozen).toBeUndefined();
    expect(sheet(fake, "Findings").autoFilter).toBeUndefined();
    for (const c of pir.sheets[0].cells) expect(peekCell(s, c.row, c.col)?.value ?? "").toBe(expectedCell(c).value);
    expect(s.merges).toEqual(pir.sheets[0].merges);
  });
});

describe("text stays text", () => {
  const RISKY = ["=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx", "=1+1", "'quoted", "0075", "TRUE", "-", "  =A1"];
  const desc: WorkbookDescription = {
    sheets: [{ name: "Risky", cells: RISKY.map((value, row) => ({ row, col: 0, value })), merges: [], columnWidths: [20] }],
  };

  test("the fake reads typed input as Excel does: written raw, these would not stay text", async () => {
    const fake = fakeExcelFromGrids({ file: "t.xlsx", sheets: [] });
    fake.state.sheets.push(newSheet("Raw"));
    const ws = fake.requestContext.workbook.worksheets.getItem("Raw");
    ws.getRange(`A1:A${RISKY.length}`).values = RISKY.map((v) => [v]);
    await fake.context.sync();
    const raw = RISKY.map((_, r) => peekCell(fake.state.sheets[0], r, 0)!);
    expect(raw.filter((c) => c.formula !== undefined || typeof c.value !== "string" || c.value !== RISKY[raw.indexOf(c)]).length).toBeGreaterThanOrEqual(8);
  });

  test("strings starting with =, +, -, @, a tab or a line break are written as text, and read back unchanged", async () => {
    const fake = openWorkplan();
    await write(fake, desc);
    const s = sheet(fake, "Risky");
    RISKY.forEach((text, row) => {
      const cell = peekCell(s, row, 0)!;
      expect({ text, value: cell.value, formula: cell.formula }).toEqual({ text, value: text, formula: undefined });
    });
    const grid = await readWorkbookGrid(fake.requestContext, WORKPLAN, { supports: fake.supports });
    const risky = grid.sheets.find((g) => g.name === "Risky")!;
    expect(risky.cells.map((r) => r?.[0]?.value)).toEqual(RISKY);
    expect(risky.cells.every((r) => r?.[0]?.formula === undefined)).toBe(true);
  });
});

test("a description above 4 MB is sent in several requests, each under 5 MB", async () => {
  const label = (i: number) => `Line ${i} ${"·".repeat(90)}`;
  const cells = Array.from({ length: 60_000 }, (_, i) => ({ row: Math.floor(i / 4), col: i % 4, value: label(i) }));
  const big: WorkbookDescription = { sheets: [{ name: "Big", cells, merges: [], columnWidths: [30, 30, 30, 30] }] };
  const fake = openWorkplan();
  await write(fake, big);
  expect(fake.syncs.length).toBeGreaterThan(2);
  for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(FIVE_MB);
  const s = sheet(fake, "Big");
  expect(peekCell(s, 0, 0)?.value).toBe(label(0));
  expect(peekCell(s, 14_999, 3)?.value).toBe(label(59_999));
});

test("links to a renamed sheet of the description follow the new name", async () => {
  const desc: WorkbookDescription = {
    sheets: [
      { name: "Summary", cells: [{ row: 0, col: 0, value: "see details", link: { sheet: "Details", cell: "b2" } }], merges: [], columnWidths: [] },
      { name: "Details", cells: [{ row: 1, col: 1, value: 1 }], merges: [], columnWidths: [] },
    ],
  };
  const fake = openWorkplan();
  fake.state.sheets.push(newSheet("details"));
  expect(await write(fake, desc)).toEqual(["Summary", "Details (2)"]);
  expect(peekCell(sheet(fake, "Summary"), 0, 0)?.hyperlink).toEqual({ documentReference: "'Details (2)'!$B$2" });
});

describe("chooseNames", () => {
  test("compares without case, counts up, and keeps to 31 characters", () => {
    expect(chooseNames(["PIR tables"], ["pir TABLES", "PIR tables (2)"], "rename").names).toEqual(["PIR tables (3)"]);
    const long = "A".repeat(31);
    expect(chooseNames([long], [long], "rename").names).toEqual([`${"A".repeat(27)} (2)`]);
    expect(chooseNames(["PIR tables", "Findings"], ["PIR Tables", "Budget"], "replace")).toEqual({ names: ["PIR tables", "Findings"], replaced: ["PIR Tables"] });
  });
});

describe("numbers stored as text, and text that must stay text", () => {
  const desc: WorkbookDescription = {
    sheets: [
      {
        name: "Kinds",
        cells: [
          { row: 0, col: 0, value: "2018" },
          { row: 0, col: 1, value: "1" },
          { row: 0, col: 2, value: "0075" },
          { row: 0, col: 3, value: "1.10" },
          { row: 0, col: 4, value: "=HYPERLINK(\"http://x\")" },
          { row: 0, col: 5, value: "2022", style: { numFmt: "#,##0" } },
          { row: 0, col: 6, value: 1500.5, style: { numFmt: "#,##0.00" } },
          { row: 0, col: 7, value: "Output 1.1.1" },
        ],
        merges: [],
        columnWidths: [],
      },
    ],
  };

  test("whole numbers given as text become numbers shown as typed; other text gets the '@' format before its value; nothing is a formula", async () => {
    const fake = openWorkplan();
    await write(fake, desc);
    const s = sheet(fake, "Kinds");
    const got = Array.from({ length: 8 }, (_, c) => {
      const cell = peekCell(s, 0, c)!;
      return [cell.value, cell.numberFormat, cell.formula];
    });
    expect(got).toEqual([
      [2018, "0", undefined],
      [1, "0", undefined],
      ["0075", "@", undefined],
      ["1.10", "@", undefined],
      ["=HYPERLINK(\"http://x\")", "@", undefined],
      [2022, "#,##0", undefined],
      [1500.5, "#,##0.00", undefined],
      ["Output 1.1.1", "@", undefined],
    ]);
    // The apostrophe only where the text starts like a formula: elsewhere no "number stored as text" flag.
    expect(peekCell(s, 0, 4)!.quotePrefix).toBe(true);
    expect([0, 1, 2, 3, 5, 7].map((c) => peekCell(s, 0, c)!.quotePrefix ?? false)).toEqual([false, false, false, false, false, false]);
  });

  test("the number formats go out before the values in the same request", async () => {
    const fake = openWorkplan();
    const order: string[] = [];
    const enqueue = fake.enqueue.bind(fake);
    fake.enqueue = (action, run) => {
      if (action.name === "NumberFormat" || action.name === "Values") order.push(action.name);
      enqueue(action, run);
    };
    await write(fake, desc);
    expect(order).toEqual(["NumberFormat", "Values"]);
  });
});

test("a row taller than Excel's 409 points is written at 409", async () => {
  const desc: WorkbookDescription = {
    sheets: [{ name: "Tall", cells: [{ row: 0, col: 0, value: "x" }, { row: 1, col: 0, value: "y" }], merges: [], columnWidths: [], rowHeights: [{ row: 0, height: 900 }, { row: 1, height: 30 }] }],
  };
  const fake = openWorkplan();
  await write(fake, desc);
  expect([...sheet(fake, "Tall").rowHeights.entries()]).toEqual([[0, 409], [1, 30]]);
});

test("replacing a very hidden 'PIR tables' sheet: it is made merely hidden, then deleted", async () => {
  const fake = openWorkplan();
  const old = newSheet("PIR tables", "VeryHidden");
  old.cells.set("0,0", { value: "old", numberFormat: "General", format: { borders: {} } });
  fake.state.sheets.push(old);
  expect(await write(fake, pir, { existing: "replace" })).toEqual(["PIR tables", "PIR tables annotated", "Findings"]);
  expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([["Work plan", "Visible"], ["PIR tables", "Visible"], ["PIR tables annotated", "Visible"], ["Findings", "Visible"]]);
  expectWritten(sheet(fake, "PIR tables"), pir.sheets[0]);
});

describe("a failed write leaves the workbook as it was", () => {
  /** The open work plan, with an earlier PIR sheet (very hidden, to make the replace path longer) and a Findings sheet. */
  function withEarlierSheets(): FakeExcel {
    const fake = openWorkplan();
    const oldPir = newSheet("PIR tables", "VeryHidden");
    oldPir.cells.set("0,0", { value: "earlier PIR", numberFormat: "General", format: { borders: {} } });
    const oldFindings = newSheet("Findings");
    oldFindings.cells.set("0,0", { value: "earlier findings", numberFormat: "General", format: { borders: {} } });
    fake.state.sheets.push(oldPir, oldFindings);
    fake.state.activeSheet = "Work plan";
    return fake;
  }

  for (const existing of ["replace", "rename"] as const) {
    test(`${existing}: a failure at any action of any sync before the swap is done undoes everything`, async () => {
      // A small request budget, so that the writing takes several syncs.
      const options = { existing, maxRequestBytes: 60_000 };
      const dry = withEarlierSheets();
      await write(dry, pir, options);
      const writeSyncs = dry.syncs.length - (existing === "replace" ? 1 : 0); // the last sync deletes the replaced sheets
      expect(writeSyncs).toBeGreaterThan(4);
      let cases = 0;
      for (let sync = 1; sync <= writeSyncs; sync++) {
        const actions = dry.syncs[sync - 1].operations;
        // Every action of the first and last syncs (the sheet list, the swap); the first, middle and last of the others.
        const at = sync === 1 || sync === writeSyncs ? [...Array(actions).keys()] : [0, Math.floor(actions / 2), actions - 1];
        for (const action of at) {
          const fake = withEarlierSheets();
          const before = fake.state.sheets.map(snapshotSheet);
          fake.failure = { sync, action };
          await expect(write(fake, pir, options)).rejects.toThrow(/planned failure/);
          expect({ sync, action, sheets: fake.state.sheets.map(snapshotSheet) }).toEqual({ sync, action, sheets: before });
          cases++;
        }
      }
      expect(cases).toBeGreaterThan(writeSyncs);
    });
  }

  test("when the replaced sheets cannot be deleted, the new ones stay and the error names what is left", async () => {
    const dry = withEarlierSheets();
    await write(dry, pir, { existing: "replace" });
    const fake = withEarlierSheets();
    fake.failure = { sync: dry.syncs.length, action: 2 };
    const error = await write(fake, pir, { existing: "replace" }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("ReplacedSheetKeptError");
    const left = (error as { kept: string[] }).kept;
    expect(left.length).toBeGreaterThan(0);
    expect((error as Error).message).toContain(`"${left[0]}" can be deleted by hand`);
    expectWritten(sheet(fake, "PIR tables"), pir.sheets[0]);
    expectWritten(sheet(fake, "PIR tables annotated"), pir.sheets[1]);
    expectWritten(sheet(fake, "Findings"), pir.sheets[2]);
    for (const name of left) expect(sheet(fake, name)).toBeDefined();
  });
});
