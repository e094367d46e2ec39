/**
 * The fixture workbooks, read back with ExcelJS as any other program would
 * read them: what a user opening them would check before trusting them. The
 * files exist because jest's globalSetup ran scripts/make-fixtures.ts.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { EXAMPLES, EXAMPLES_DIR, FIXTURES, GENERATED_DIR } from "../../scripts/make-fixtures";
import { fixZipTimestamps } from "../../scripts/fixtures/workbook";

async function open(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(GENERATED_DIR, name));
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}"`);
  return ws;
}

/** Every formula cell of a sheet with its cached result. */
function formulaCells(ws: ExcelJS.Worksheet): Array<{ address: string; formula: string; result: unknown }> {
  const found: Array<{ address: string; formula: string; result: unknown }> = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v && typeof v === "object" && "formula" in v && typeof v.formula === "string") found.push({ address: cell.address, formula: v.formula, result: v.result });
    }),
  );
  return found;
}

describe("make-fixtures", () => {
  test("writes every fixture and both examples", () => {
    for (const name of Object.keys(FIXTURES)) expect(fs.existsSync(path.join(GENERATED_DIR, name))).toBe(true);
    for (const [example, fixture] of Object.entries(EXAMPLES)) {
      // The committed example is the seed fixture, byte for byte.
      expect(fs.readFileSync(path.join(EXAMPLES_DIR, example)).equals(fs.readFileSync(path.join(GENERATED_DIR, fixture)))).toBe(true);
    }
  });

  test("is reproducible: building again gives the same bytes as the file on disk", async () => {
    for (const name of ["seed-workplan.xlsx", "workplan-clean.xlsx", "non-tables.xlsx"]) {
      const again = fixZipTimestamps(Buffer.from(await FIXTURES[name]().xlsx.writeBuffer()));
      expect(again.equals(fs.readFileSync(path.join(GENERATED_DIR, name)))).toBe(true);
    }
    const wb = await open("seed-budget.xlsx");
    expect(wb.creator).toBe("PIR Budget Check fixtures");
    expect(wb.created.toISOString()).toBe("2022-07-15T09:00:00.000Z");
  });
});

describe("the seed work plan", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = sheet(await open("seed-workplan.xlsx"), "Work plan");
  });

  test("has the title above and the header in row 4 from column B", () => {
    expect(ws.getCell("B1").value).toBe("Sustainable Industrial Zone Development in Peru (GEF ID 9206)");
    expect(ws.getCell("B4").value).toBe("Outputs");
    expect(ws.getCell("C4").value).toBe("Total Budget");
    expect(ws.getCell("D4").value).toBe(2018);
    expect(ws.getCell("D4").numFmt).toBe("0");
    expect(ws.getCell("H4").value).toBe("2022 T1");
    expect(ws.getCell("M4").value).toBe("2023 T2");
  });

  test("keeps the seed's quirk: 2021 is the number 2021 shown as 2,021", () => {
    expect(ws.getCell("G4").value).toBe(2021);
    expect(ws.getCell("G4").numFmt).toBe("#,##0");
  });

  test("writes amounts as the seed prints them", () => {
    expect(ws.getCell("B5").value).toBe("C.1: Policy framework for sustainable industrial zone development");
    expect(ws.getCell("B5").font.bold).toBe(true);
    expect(ws.getCell("D5").value).toBe(24599.5);
    expect(ws.getCell("D5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("G5").value).toBe(116717);
    expect(ws.getCell("G5").numFmt).toBe("#,##0");
    // "0.00" is a zero with decimals; "-" is the text "-"; "15,000.00" keeps its decimals.
    expect(ws.getCell("D7").value).toBe(0);
    expect(ws.getCell("D7").numFmt).toBe("#,##0.00");
    expect(ws.getCell("M6").value).toBe("-");
    expect(ws.getCell("L6").value).toBe(15000);
    expect(ws.getCell("L6").numFmt).toBe("#,##0.00");
  });

  test("ends with Total, the trust fund line (typo kept) and the source note", () => {
    expect(ws.getCell("B22").value).toBe("Project Management Cost (PMC)");
    expect(ws.getCell("B23").value).toBe("Total");
    expect(ws.getCell("C23").value).toBe(2014000);
    expect(ws.getCell("B24").value).toBe("Trus fund for companies:");
    expect(ws.getCell("C24").value).toBe(2100000);
    expect(ws.getCell("D24").value).toBeNull();
    expect(ws.getCell("B25").value).toBeNull();
    expect(ws.getCell("B26").value).toBe("Source: PIR FY22, section IX.");
  });
});

describe("the seed financial table", () => {
  test("has the merged two-row header and the row without a label", async () => {
    const ws = sheet(await open("seed-budget.xlsx"), "Financial implementation");
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A3:A4", "B3:C3"]));
    expect(ws.getCell("B3").value).toBe("GEF Fund (USD)");
    expect(ws.getCell("B4").value).toBe("Budget");
    expect(ws.getCell("C4").value).toBe("Expenditure");
    expect(ws.getCell("A8").value).toBeNull();
    expect(ws.getCell("B8").value).toBe(2280000);
    expect(ws.getCell("C8").value).toBe(56156.94);
    expect(ws.getCell("A11").value).toBe("Total (USD)");
    expect(ws.getCell("C11").value).toBe(1496995.01);
  });

  test("the footnote variant holds the footnote between blank rows inside the table", async () => {
    const ws = sheet(await open("seed-budget-footnote.xlsx"), "Financial implementation");
    expect(ws.getCell("B8").value).toBe(2280000);
    expect(ws.getRow(9).hasValues).toBe(false);
    expect(String(ws.getCell("A10").value)).toMatch(/^⁵ As described in Annex 9/);
    expect(ws.getRow(11).hasValues).toBe(false);
    expect(ws.getCell("A12").value).toBe("Component 4. Monitoring and Evaluation");
    expect(ws.getCell("A14").value).toBe("Total (USD)");
  });
});

describe("the designed variants", () => {
  test("workplan-clean merges years over their quarters and caches every formula's result", async () => {
    const ws = sheet(await open("workplan-clean.xlsx"), "Work plan");
    expect(ws.model.merges).toEqual(expect.arrayContaining(["B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:I3", "J3:M3", "N3:N4"]));
    expect(ws.getCell("F3").value).toBe(2022);
    expect(["F4", "G4", "H4", "I4"].map((a) => ws.getCell(a).value)).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(ws.getCell("C5").value).toEqual({ formula: "SUM(C6:C8)", result: 420000 });
    const formulas = formulaCells(ws);
    expect(formulas.length).toBeGreaterThan(100);
    for (const f of formulas) expect(typeof f.result).toBe("number");
    expect(ws.getCell("B20").value).toBe("Total");
  });

  test("budget-clean's expenditure is the work plan's spending through 30 June 2022", async () => {
    const plan = sheet(await open("workplan-clean.xlsx"), "Work plan");
    const budget = sheet(await open("budget-clean.xlsx"), "Budget");
    const valueOf = (c: ExcelJS.Cell) => {
      const v = c.value;
      return typeof v === "number" ? v : (v as ExcelJS.CellFormulaValue).result as number;
    };
    const componentRows = [5, 9, 12, 16, 19];
    componentRows.forEach((r, i) => {
      const spent = ["D", "E", "F", "G"].reduce((s, col) => s + valueOf(plan.getCell(`${col}${r}`)), 0);
      expect(valueOf(budget.getCell(`B${4 + i}`))).toBe(valueOf(plan.getCell(`C${r}`)));
      expect(valueOf(budget.getCell(`C${4 + i}`))).toBeCloseTo(spent, 2);
    });
  });

  test("workplan-quirks holds text numbers, n/a, #REF! and an unlabeled row", async () => {
    const ws = sheet(await open("workplan-quirks.xlsx"), "Workplan");
    expect(ws.getCell("D7").value).toBe("Output");
    expect(ws.getCell("F7").value).toBe("2021");
    expect(ws.getCell("F9").value).toBe("60,000.00");
    expect(ws.getCell("G14").value).toBe("(1,234.00)");
    expect(ws.getCell("G17").value).toBe("n/a");
    expect(ws.getCell("H18").value).toEqual({ error: "#REF!" });
    expect(ws.getCell("D20").value).toBeNull();
    expect(ws.getCell("F20").value).toBe(3960.25);
    expect(ws.getCell("D21").value).toBe("Total");
  });

  test("workplan-spanish mixes Spanish text numbers and numbers", async () => {
    const ws = sheet(await open("workplan-spanish.xlsx"), "Plan de trabajo");
    expect(ws.getCell("D3").value).toBe("I trimestre 2022");
    expect(ws.getCell("C5").value).toBe("42.350,50");
    expect(ws.getCell("D7").value).toBe(16030.85);
    expect(ws.getCell("A14").value).toBe("Total general");
  });

  test("multi-table holds the CDR on its own sheet", async () => {
    const wb = await open("multi-table.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Budget and plan", "CDR 2022"]);
    const cdr = sheet(wb, "CDR 2022");
    expect(cdr.getCell("A3").value).toBe("Component/Output");
    expect(cdr.getCell("D8").value).toBe(34870.4);
    expect(sheet(wb, "Budget and plan").getCell("E18").value).toBe(30000);
  });

  test("non-tables has five sheets and nothing on 'Empty'", async () => {
    const wb = await open("non-tables.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Contacts", "Events", "Sales", "Empty", "Notes"]);
    expect(sheet(wb, "Empty").actualRowCount).toBe(0);
    expect(sheet(wb, "Events").getCell("A2").value).toEqual(new Date(Date.UTC(2021, 8, 14)));
    expect(sheet(wb, "Sales").getCell("N7").value).toMatchObject({ formula: "SUM(N2:N6)" });
  });
});
