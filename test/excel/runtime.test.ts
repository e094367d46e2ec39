/**
 * The adapter and the fake against the real Office.js runtime: the request
 * sizes the serializer produces for the adapter's writes and highlights, and
 * the runtime's PropertyNotLoaded / isNullObject behaviour the fake copies.
 */
import * as path from "path";
import { checkWorkbooks } from "../../src/core/check";
import type { Finding, Severity } from "../../src/core/model";
import { buildPirWorkbook } from "../../src/core/pir/build";
import type { WorkbookDescription } from "../../src/core/pir/sheet";
import { parseSettings } from "../../src/core/settings";
import { PAYLOAD_BUDGET_BYTES, PAYLOAD_LIMIT_BYTES } from "../../src/excel/api";
import { highlightFindings, markBytes } from "../../src/excel/highlight";
import { writePirWorkbook } from "../../src/excel/write";
import type { FakeExcel } from "./helpers/fake-excel";
import { newSheet } from "./helpers/fake-model";
import { fakeExcelFromGrids } from "./helpers/mock-workbook";
import { realExcel } from "./helpers/office-runtime";
import { EXAMPLES, loadFixture } from "../helpers/fixtures";

/** Every requirement set the runtime in node_modules knows: its Excel script has no `worksheet.notes` (1.18) yet. */
const ALL_APIS = (set: string, version: string) => set === "ExcelApi" && Number(version.split(".")[1]) <= 17;
const WORKPLAN = "peru-sizd-workplan.xlsx";
let pir: WorkbookDescription;
let finding: Finding;

beforeAll(async () => {
  const grids = await Promise.all([loadFixture(path.join(EXAMPLES, WORKPLAN)), loadFixture(path.join(EXAMPLES, "peru-sizd-budget.xlsx"))]);
  const settings = parseSettings({ period: "FY22" });
  const result = checkWorkbooks(grids, settings);
  pir = buildPirWorkbook(result, settings);
  finding = result.findings.find((f) => f.file === WORKPLAN)!;
});

function emptyFake(sheets = ["Work plan"]): FakeExcel {
  const fake = fakeExcelFromGrids({ file: WORKPLAN, sheets: [] });
  for (const s of sheets) fake.state.sheets.push(newSheet(s));
  return fake;
}

/** `count` findings on distinct cells of one sheet, severities in turn. */
function manyFindings(count: number): Finding[] {
  const severities: Severity[] = ["error", "warning", "info"];
  return Array.from({ length: count }, (_, i) => ({ ...finding, sheet: "Work plan", cell: `${String.fromCharCode(65 + (i % 20))}${Math.floor(i / 20) + 1}`, severity: severities[i % 3] }));
}

const total = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);

describe("what the real runtime does, the fake does", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", () => {
    const real = realExcel().context.workbook.worksheets.getItem("Work plan").getRange("A1");
    const fake = emptyFake().requestContext.workbook.worksheets.getItem("Work plan").getRange("A1");
    for (const range of [real, fake]) {
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => range.address).toThrow(/The property 'address' is not available/);
    }
  });

  test("isNullObject is unknown until a load of the object has been synced", () => {
    for (const context of [realExcel().context, emptyFake().requestContext]) {
      const used = context.workbook.worksheets.getItem("Work plan").getUsedRangeOrNullObject(true);
      expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      used.load("rowIndex");
      expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    }
  });
});

describe("request sizes through the real serializer", () => {
  test("one mark costs what markBytes says (a little more, never less)", async () => {
    const { context, requests } = realExcel();
    await highlightFindings(context, manyFindings(1), WORKPLAN, ALL_APIS);
    const { context: c2, requests: r2 } = realExcel();
    await highlightFindings(c2, manyFindings(201), WORKPLAN, ALL_APIS);
    const perMark = (r2[2].bytes - requests[2].bytes) / 200;
    expect(perMark).toBeGreaterThan(1_300);
    const estimate = markBytes("T11", "warning");
    expect(estimate).toBeGreaterThanOrEqual(perMark);
    expect(estimate).toBeLessThan(perMark * 1.25);
  });

  test("4,000 flagged cells: several requests, each under the budget; in one request they would pass 5 MB", async () => {
    const findings = manyFindings(4_000);
    const { context, requests } = realExcel();
    await highlightFindings(context, findings, WORKPLAN, ALL_APIS);
    const marks = requests.slice(2);
    expect(marks.length).toBeGreaterThan(1);
    for (const r of marks) expect(r.bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    expect(total(marks.map((r) => r.bytes))).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);

    // The fake counts the same requests within a few per cent.
    const fake = emptyFake();
    await highlightFindings(fake.requestContext, findings, WORKPLAN, fake.supports);
    expect(fake.syncs.length).toBe(requests.length);
    const fakeMarks = fake.syncs.slice(2).map((s) => s.requestBytes);
    expect(Math.abs(total(fakeMarks) - total(marks.map((r) => r.bytes))) / total(marks.map((r) => r.bytes))).toBeLessThan(0.05);
  });

  test.each([
    ["the seed's PIR", () => pir],
    ["a description of 60,000 labels", () => big()],
  ])("writing %s: every request under the budget, and the fake within 5 %% of the real sizes", async (_name, desc) => {
    const { context, requests } = realExcel();
    await writePirWorkbook(context, desc(), { supports: ALL_APIS, workbookFile: WORKPLAN });
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    const fake = emptyFake();
    await writePirWorkbook(fake.requestContext, desc(), { supports: ALL_APIS, workbookFile: WORKPLAN });
    expect(fake.syncs.length).toBe(requests.length);
    const realTotal = total(requests.map((r) => r.bytes));
    expect(Math.abs(total(fake.syncs.map((s) => s.requestBytes)) - realTotal) / realTotal).toBeLessThan(0.05);
  });
});

function big(): WorkbookDescription {
  const label = (i: number) => `Line ${i} ${"·".repeat(90)}`;
  const cells = Array.from({ length: 60_000 }, (_, i) => ({ row: Math.floor(i / 4), col: i % 4, value: label(i) }));
  return { sheets: [{ name: "Big", cells, merges: [], columnWidths: [30, 30, 30, 30] }] };
}
