import * as path from "path";
import { checkWorkbooks } from "../../src/core/check";
import type { Finding } from "../../src/core/model";
import { PALETTE, SEVERITY_FONT_ARGB } from "../../src/core/pir/sheet";
import { parseSettings } from "../../src/core/settings";
import { HIGHLIGHT_FORMULA, HIGHLIGHT_UNSUPPORTED, cellsToMark, clearHighlights, highlightFindings } from "../../src/excel/highlight";
import type { FakeExcel } from "./helpers/fake-excel";
import { cellAt, snapshotSheet } from "./helpers/fake-model";
import { fakeExcelFromGrids } from "./helpers/mock-workbook";
import { EXAMPLES, loadFixture } from "../helpers/fixtures";

const WORKPLAN = "peru-sizd-workplan.xlsx";
let findings: Finding[];
let fake: FakeExcel;

beforeEach(async () => {
  const grids = await Promise.all([loadFixture(path.join(EXAMPLES, WORKPLAN)), loadFixture(path.join(EXAMPLES, "peru-sizd-budget.xlsx"))]);
  findings = checkWorkbooks(grids, parseSettings({ period: "FY22" })).findings;
  fake = fakeExcelFromGrids(grids[0], { name: WORKPLAN });
  // The user's own look: a fill, bold text, and two conditional formats of their own.
  const sheet = fake.state.sheets[0];
  Object.assign(cellAt(sheet, 5, 2).format, { fill: "#FFFF00", bold: true });
  sheet.conditionalFormats.push(
    { id: 101, type: "CellValue", address: "C2:N30" },
    { id: 102, type: "Custom", address: "B5", formula: "=B5>100000", fill: "#00FF00" },
  );
});

const ours = (f: FakeExcel) => f.state.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => cf.formula === HIGHLIGHT_FORMULA));

test("marks each cell of this workbook that a finding is about, worst severity first, over the user's formats", async () => {
  const expected = cellsToMark(findings, WORKPLAN).get("Work plan")!;
  expect(expected.size).toBeGreaterThan(3);
  await highlightFindings(fake.requestContext, findings, WORKPLAN, fake.supports);
  expect(fake.syncs).toHaveLength(3);
  const marks = ours(fake);
  expect(marks).toHaveLength(expected.size);
  for (const [cell, severity] of expected) {
    expect(marks.find((m) => m.address === cell)).toMatchObject({
      type: "Custom",
      fill: `#${PALETTE[severity].slice(2)}`,
      fontColor: `#${SEVERITY_FONT_ARGB[severity].slice(2)}`,
    });
  }
  // Findings about the budget workbook are not marked here.
  expect(findings.some((f) => f.file !== WORKPLAN)).toBe(true);
});

test("the worst severity decides a cell's mark", () => {
  const base = findings[0];
  const marks = cellsToMark(
    [
      { ...base, sheet: "S", cell: "B2", severity: "info" },
      { ...base, sheet: "S", cell: "b2", severity: "error" },
      { ...base, sheet: "S", cell: "B2", severity: "warning" },
      { ...base, sheet: "S", cell: "not a cell", severity: "error" },
      { ...base, file: "other.xlsx", sheet: "S", cell: "C3", severity: "error" },
    ],
    base.file,
  );
  expect([...marks.get("S")!]).toEqual([["B2", "error"]]);
});

test("highlighting again replaces the marks instead of adding more", async () => {
  await highlightFindings(fake.requestContext, findings, WORKPLAN, fake.supports);
  const first = ours(fake).length;
  await highlightFindings(fake.requestContext, findings, WORKPLAN, fake.supports);
  expect(ours(fake)).toHaveLength(first);
});

test("clear removes every mark and nothing else: the sheet is as it was", async () => {
  const before = fake.state.sheets.map(snapshotSheet);
  await highlightFindings(fake.requestContext, findings, WORKPLAN, fake.supports);
  expect(fake.state.sheets.map(snapshotSheet)).not.toEqual(before);
  // Highlighting never changes a cell's own format.
  expect(snapshotSheet(fake.state.sheets[0])).toMatchObject({ cells: (before[0] as { cells: unknown }).cells });
  fake.resetSyncs();
  await clearHighlights(fake.requestContext, fake.supports);
  expect(fake.syncs).toHaveLength(3);
  expect(fake.state.sheets.map(snapshotSheet)).toEqual(before);
  fake.resetSyncs();
  await clearHighlights(fake.requestContext, fake.supports);
  expect(fake.syncs).toHaveLength(2); // nothing left to delete
});

test("findings on a sheet the workbook does not have are skipped", async () => {
  const elsewhere = findings.filter((f) => f.file === WORKPLAN).map((f) => ({ ...f, sheet: "Deleted sheet" }));
  await highlightFindings(fake.requestContext, elsewhere, WORKPLAN, fake.supports);
  expect(ours(fake)).toHaveLength(0);
});

test("a host without conditional formats (ExcelApi 1.5) is told so, and has nothing to clear", async () => {
  const old = fakeExcelFromGrids(await loadFixture(path.join(EXAMPLES, WORKPLAN)), { name: WORKPLAN, api: "1.5" });
  await expect(highlightFindings(old.requestContext, findings, WORKPLAN, old.supports)).rejects.toThrow(HIGHLIGHT_UNSUPPORTED);
  await expect(clearHighlights(old.requestContext, old.supports)).resolves.toBeUndefined();
  expect(old.syncs).toHaveLength(0);
});

test("marks beyond one request's budget go in further requests, and all of them are made", async () => {
  const base = findings.find((f) => f.file === WORKPLAN)!;
  const many = Array.from({ length: 300 }, (_, i) => ({ ...base, sheet: "Work plan", cell: `Z${i + 1}`, severity: "error" as const }));
  fake.resetSyncs();
  await highlightFindings(fake.requestContext, many, WORKPLAN, fake.supports, 100_000);
  expect(fake.syncs.length).toBeGreaterThan(4);
  for (const s of fake.syncs) expect(s.requestBytes).toBeLessThanOrEqual(100_000);
  expect(ours(fake)).toHaveLength(300);
});
