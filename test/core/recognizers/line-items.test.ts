/**
 * Line-item budgets: the UNDP TBWP (outcome merged over Atlas account lines,
 * "Total Outcome n" after them, project years, codes and budget notes that
 * are not money) and UNEP budget lines (1101 … 1199 Sub-Total … 1999 … 99).
 */
import { check, sheet, short, type Value } from "./grid-helpers";

const HEADER: Value[] = [
  "GEF Outcome/Atlas Activity", "Responsible Party/ Implementing Agent", "Fund ID", "Donor Name",
  "Atlas Budgetary Account Code", "ATLAS Budget Description",
  "Amount Year 1 (USD)", "Amount Year 2 (USD)", "Amount Year 3 (USD)", "Total (USD)", "Budget Note",
];

function tbwp(overrides: (rows: Value[][]) => void = () => {}) {
  const rows: Value[][] = [
    ["Total Budget and Work Plan"],
    ["Award ID:", "00098765"],
    [],
    HEADER,
    ["OUTCOME 1: Policy framework", "MoE", 62000, "GEF", 71200, "International Consultants", 20000, 10000, 5000, 35000, 1],
    [null, null, null, null, 71300, "Local Consultants", 8000, 8000, 4000, 20000, 2],
    [null, null, null, null, 74200, "Audio Visual&Print Prod Costs", 1500, 2500, 1000, 5000, 3],
    [null, null, null, null, null, "Total Outcome 1", 29500, 20500, 10000, 60000, null],
    ["OUTCOME 2: Pilots", "MoE", 62000, "GEF", 72100, "Contractual Services-Companies", 50000, 60000, 30000, 140000, 4],
    [null, null, null, null, 75700, "Training, Workshops and Confer", 5000, 5000, 2000, 12000, 5],
    [null, null, null, null, null, "Total Outcome 2", 55000, 65000, 32000, 152000, null],
    ["Project Management Unit", "UNDP", 62000, "GEF", 71400, "Contractual Services - Individ", 3000, 3000, 3000, 9000, 6],
    [null, null, null, null, 74500, "Miscellaneous", 500, 500, 0, 1000, 7],
    [null, null, null, null, null, "Total Management", 3500, 3500, 3000, 10000, null],
    [null, null, null, null, null, "PROJECT TOTAL", 88000, 89000, 45000, 222000, null],
  ];
  overrides(rows);
  return sheet("TBWP", rows, ["A5:A7", "B5:B7", "C5:C7", "D5:D7", "A9:A10", "B9:B10", "C9:C10", "D9:D10", "A12:A13", "B12:B13", "C12:C13", "D12:D13"]);
}

describe("UNDP Total Budget and Work Plan", () => {
  it("reads the outcome blocks, their totals after the lines, and finds nothing in a consistent budget", () => {
    const result = check(tbwp());
    const t = result.tables[0];
    expect(t.layout).toBe("line-items");
    expect(t.range).toBe("A4:K15");
    expect(t.columns.map((c) => c.period ?? c.role)).toEqual([
      "outline", "text", "text", "text", "code", "label", "Y1", "Y2", "Y3", "rowTotal", "text",
    ]);
    const shape = t.rows.map((r) => `${r.row + 1} ${r.kind} ${r.component ?? "-"} ${r.code ?? ""} <${r.parent === null ? "-" : t.rows[r.parent].row + 1}`);
    expect(shape).toEqual([
      "5 line 1 71200 <8", "6 line 1 71300 <8", "7 line 1 74200 <8", "8 component 1  <15",
      "9 line 2 72100 <11", "10 line 2 75700 <11", "11 component 2  <15",
      "12 line PMC 71400 <14", "13 line PMC 74500 <14", "14 component PMC  <15",
      "15 total -  <-",
    ]);
    // Codes, fund ids and budget notes are never amounts, never findings.
    expect(result.findings.map(short)).toEqual([]);
  });

  it("finds a block total that leaves out a line, a line total off its years, and a wrong project total", () => {
    const result = check(
      tbwp((rows) => {
        rows[10][8] = 30000; // Total Outcome 2, Year 3: lines add up to 32,000
        rows[5][9] = 21000; // 71300 Total: years add up to 20,000
        rows[14][6] = 89000; // PROJECT TOTAL Year 1: totals add up to 88,000
      }),
    );
    expect(result.findings.map(short)).toEqual([
      "sum.row J6 1 20000 21000",
      "sum.component I11 2 32000 30000",
      // The printed block total is wrong: its row total, and the project total that adds it up, follow.
      "sum.row J11 2 150000 152000",
      "sum.total G15 - 88000 89000",
      "sum.total I15 - 43000 45000",
      "sum.row J15 - 223000 222000",
    ]);
  });
});

function unep(overrides: (rows: Value[][]) => void = () => {}) {
  const rows: Value[][] = [
    ["UNEP Budget Line", "Object of expenditure", 2021, 2022, "Total"],
    [10, "PROJECT PERSONNEL COMPONENT", null, null, null],
    [1100, "Project personnel", null, null, null],
    [1101, "Project Coordinator", 30000, 30000, 60000],
    [1102, "Finance and Admin assistant", 12000, 12000, 24000],
    [1199, "Sub-Total", 42000, 42000, 84000],
    [1200, "Consultants", null, null, null],
    [1201, "Policy expert", 10000, 5000, 15000],
    [1299, "Sub-Total", 10000, 5000, 15000],
    [1999, "Component Total", 52000, 47000, 99000],
    [20, "SUB-CONTRACT COMPONENT", null, null, null],
    [2101, "Sub-contract with cooperating agency", 40000, 20000, 60000],
    [2199, "Sub-Total", 40000, 20000, 60000],
    [2999, "Component Total", 40000, 20000, 60000],
    [99, "GRAND TOTAL", 92000, 67000, 159000],
  ];
  overrides(rows);
  return sheet("Budget", rows);
}

describe("UNEP budget by object of expenditure", () => {
  it("links lines to their x99 sub-totals, those to the x999 totals, those to the grand total", () => {
    const result = check(unep());
    const t = result.tables[0];
    const shape = t.rows.map((r) => `${r.code ?? "?"} ${r.kind} <${r.parent === null ? "-" : t.rows[r.parent].code}`);
    expect(shape).toEqual([
      "10 heading <-", "1100 heading <-", "1101 line <1199", "1102 line <1199", "1199 subtotal <1999",
      "1200 heading <-", "1201 line <1299", "1299 subtotal <1999", "1999 subtotal <99",
      "20 heading <-", "2101 line <2199", "2199 subtotal <2999", "2999 subtotal <99", "99 total <-",
    ]);
    expect(result.findings.map(short)).toEqual([]);
  });

  it("finds a wrong sub-total, component total and line total, and no code is ever an amount", () => {
    const result = check(
      unep((rows) => {
        rows[5][2] = 41000; // 1199, 2021: lines add up to 42,000
        rows[9][3] = 48000; // 1999, 2022: sub-totals add up to 47,000
        rows[7][4] = 16000; // 1201 Total: years add up to 15,000
      }),
    );
    expect(result.findings.map(short)).toEqual([
      "sum.subtotal C6 - 42000 41000",
      "sum.row E6 - 83000 84000",
      "sum.row E8 - 15000 16000",
      "sum.subtotal C10 - 51000 52000",
      "sum.subtotal D10 - 47000 48000",
      "sum.row E10 - 100000 99000",
      // The grand total adds up the printed component totals, 48,000 among them.
      "sum.total D15 - 68000 67000",
    ]);
  });
});
