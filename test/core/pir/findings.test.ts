import type { Finding } from "../../../src/core/model";
import { buildPirWorkbook } from "../../../src/core/pir/build";
import { describedCell } from "../../../src/core/pir/sheet";
import { BUDGET_FILE, BUDGET_SHEET, WORKPLAN_FILE, WORKPLAN_SHEET, checkResultOf, finding, seedSettings, seedWorkplanTable } from "./seed-tables";
import { AMOUNT, at, pirSheet, rowLabelled, rowValues, seedBoth } from "./sheet-query";

describe("buildPirWorkbook: findings on the cells they are about", () => {
  const overspend = finding({
    rule: "overspend.component", severity: "error", file: BUDGET_FILE, sheet: BUDGET_SHEET, cell: "C5",
    component: "1", expected: 235000, actual: 242717.56, message: "Component 1 spent 242,717.56 of 235,000.00.",
  });
  const duplicate = finding({ rule: "duplicate.value", severity: "warning", file: BUDGET_FILE, sheet: BUDGET_SHEET, cell: "C7", message: "475,924.04 also in C6." });
  const duplicateToo = finding({ rule: "overspend.component", severity: "error", file: BUDGET_FILE, sheet: BUDGET_SHEET, cell: "C7", component: "3", message: "Component 3 over." });
  const mismatch = finding({
    rule: "mismatch.budget", severity: "warning", file: WORKPLAN_FILE, sheet: WORKPLAN_SHEET, cell: "C14", component: "3",
    expected: 889000, actual: 1069000, message: "1,069,000.00 in the work plan, 889,000.00 in the budget.",
  });
  const period = finding({ rule: "overspend.period", severity: "info", file: WORKPLAN_FILE, sheet: WORKPLAN_SHEET, cell: "H15", output: "3.1.1", period: "2022-Q1" });
  const elsewhere = finding({ rule: "overspend.component", severity: "error", file: "other.xlsx", sheet: "X", cell: "Z99", component: "2", message: "Component 2 over (other file)." });
  const total = finding({ rule: "sum.total", severity: "error", file: BUDGET_FILE, sheet: BUDGET_SHEET, cell: "B11", message: "Total off." });
  const lost = finding({ rule: "duplicate.value", severity: "warning", file: "other.xlsx", sheet: "X", cell: "A1" });
  const sheet = pirSheet(seedBoth(), [overspend, duplicate, duplicateToo, mismatch, period, elsewhere, total, lost]);
  const fin = (label: string, col: number) => at(sheet, rowLabelled(sheet, label), col);

  test("a finding on a reproduced source cell fills that cell by severity and notes 'rule: table, source cell: message'", () => {
    const cell = fin("Component 1 – Policy framework for sustainable industrial zone development", 2);
    expect(cell.value).toBe(242717.56);
    expect(cell.style?.fill).toBe("error");
    expect(cell.note).toBe("overspend.component: Budget table, budget.xlsx › Budget!C5: Component 1 spent 242,717.56 of 235,000.00.");
    expect(fin("Component 1 – Policy framework for sustainable industrial zone development", 1).style?.fill).toBeUndefined();
  });

  test("two findings on one cell: the worst severity fills it and the note lists both, worst first", () => {
    const cell = fin("Component 3 – Pilot demonstration of clean and low-carbon technologies", 2);
    expect(cell.style?.fill).toBe("error");
    expect(cell.note).toBe("overspend.component: Budget table, budget.xlsx › Budget!C7: Component 3 over.\nduplicate.value: Budget table, budget.xlsx › Budget!C7: 475,924.04 also in C6.");
  });

  test("a budget mismatch shows on the work-plan cell it points at and on the budget table's counterpart", () => {
    const workplanCell = at(sheet, rowLabelled(sheet, "C.3: Pilot demonstration of clean and low-carbon technologies"), 1);
    expect(workplanCell.value).toBe(1069000);
    expect(workplanCell.style?.fill).toBe("warning");
    const budgetCell = fin("Component 3 – Pilot demonstration of clean and low-carbon technologies", 1);
    expect(budgetCell.value).toBe(889000);
    expect(budgetCell.note).toBe("mismatch.budget: Work plan, workplan.xlsx › Work plan!C14: 1,069,000.00 in the work plan, 889,000.00 in the budget.");
  });

  test("a period cell of an output, a finding from a file we do not reproduce, and the source total", () => {
    const periodCell = at(sheet, rowLabelled(sheet, "3.1.1 Feasibility studies and assessment"), 6);
    expect(periodCell.value).toBe(31000);
    expect(periodCell.style?.fill).toBe("info");
    const other = fin("Component 2 – Capacity building on sustainable industrial zone planning", 2);
    expect(other.note).toBe("overspend.component: Source, other.xlsx › X!Z99: Component 2 over (other file).");
    expect(fin("Total (USD)", 1).note).toBe("sum.total: Budget table, budget.xlsx › Budget!B11: Total off.");
  });

  test("findings land nowhere else", () => {
    const noted = sheet.cells.filter((c) => c.note !== undefined);
    // C1 expenditure, C3 expenditure, C3 budget (both tables), 3.1.1 2022 Q1, C2 expenditure, total budget, "(no label)".
    expect(noted).toHaveLength(8);
    // The legend's three samples are filled too, on their own row above the tables.
    const legend = rowLabelled(sheet, "Flags (the numbers refer to the notes below the tables):");
    expect(sheet.cells.filter((c) => c.row !== legend && (c.style?.fill === "error" || c.style?.fill === "warning" || c.style?.fill === "info"))).toHaveLength(8);
  });

  test("a row-total finding on a column we do not reproduce flags the row's label", () => {
    const rowTotal = finding({ rule: "sum.row", file: WORKPLAN_FILE, sheet: WORKPLAN_SHEET, cell: "N9", component: "2", output: "2.1.1", message: "row total" });
    const s = pirSheet(seedBoth(), [rowTotal]);
    const flagged = s.cells.filter((c) => c.note === "sum.row: Work plan, workplan.xlsx › Work plan!N9: row total");
    // Its footnote number follows the label; the note under the tables explains it.
    expect(flagged.map((c) => [c.col, c.value])).toEqual([[0, "2.1.1 Training modules for SIZ planning ¹"]]);
    expect(s.cells.some((c) => c.value === "¹ Warning — Work plan, workplan.xlsx › Work plan!N9: row total (sum.row)")).toBe(true);
  });

  test("in the derived table, a finding on a work-plan budget cell shows in both tables", () => {
    const s = pirSheet([seedWorkplanTable()], [mismatch]);
    const legend = rowLabelled(s, "Flags (the numbers refer to the notes below the tables):");
    const flagged = s.cells.filter((c) => c.row !== legend && c.style?.fill === "warning");
    expect(flagged.map((c) => c.value)).toEqual([1069000, 1069000]);
    expect(flagged[0].row).toBeLessThan(rowLabelled(s, "Outputs"));
  });
});

describe("buildPirWorkbook: the Findings sheet", () => {
  const findings: Finding[] = [
    finding({ rule: "sum.component", severity: "warning", file: WORKPLAN_FILE, sheet: WORKPLAN_SHEET, cell: "C14", component: "3", message: "w C14" }),
    finding({ rule: "overspend.period", severity: "info", file: BUDGET_FILE, sheet: BUDGET_SHEET, cell: "A1", period: "2022-Q1", message: "i" }),
    finding({ rule: "sum.row", severity: "warning", file: WORKPLAN_FILE, sheet: WORKPLAN_SHEET, cell: "H9", output: "2.1.1", message: "w H9" }),
    finding({ rule: "overspend.component", severity: "error", file: BUDGET_FILE, sheet: BUDGET_SHEET, cell: "C5", component: "1", expected: 235000, actual: 242717.56, message: "e C5" }),
    finding({ rule: "label.missing", severity: "warning", file: BUDGET_FILE, sheet: BUDGET_SHEET, cell: "A8", message: "w A8" }),
  ];
  const sheet = buildPirWorkbook(checkResultOf(seedBoth(), findings), seedSettings()).sheets[2];

  test("has a frozen header row of the ten columns, the rule's id last", () => {
    expect(sheet.name).toBe("Findings");
    expect(rowValues(sheet, 0, 0, 9)).toEqual(["Severity", "Finding", "Component", "Output", "Period", "Expected", "Actual", "Message", "Source", "Rule"]);
    expect(sheet.frozen).toEqual({ rows: 1, cols: 0 });
    expect(sheet.autoFilter).toBe("A1:J1");
    expect(sheet.print).toEqual({ orientation: "landscape", fitToWidth: true });
  });

  test("lists findings by severity, then file, sheet and cell in reading order (H9 before C14)", () => {
    expect([1, 2, 3, 4, 5].map((r) => at(sheet, r, 7).value)).toEqual(["e C5", "w A8", "w H9", "w C14", "i"]);
    // The rule's plain name in the user's language; its id in the last column.
    expect(rowValues(sheet, 1, 0, 6)).toEqual(["Error", "Expenditure above budget", "1", null, null, 235000, 242717.56]);
    expect(at(sheet, 1, 9).value).toBe("overspend.component");
    const es = buildPirWorkbook(checkResultOf(seedBoth(), findings), seedSettings("es")).sheets[2];
    expect(rowValues(es, 1, 0, 1)).toEqual(["Error", "Gasto por encima del presupuesto"]);
    expect(at(sheet, 1, 0).style?.fill).toBe("error");
    expect(at(sheet, 1, 5).style?.numFmt).toBe(AMOUNT);
    expect(at(sheet, 5, 4).value).toBe("2022 Q1");
    expect(describedCell(sheet, 6, 0)).toBeUndefined();
  });

  test("the Source cell shows file › sheet!cell and links to it", () => {
    const source = at(sheet, 3, 8);
    expect(source.value).toBe("workplan.xlsx › Work plan!H9");
    expect(source.link).toEqual({ file: WORKPLAN_FILE, sheet: WORKPLAN_SHEET, cell: "H9" });
  });

  test("without findings, one row says so", () => {
    const empty = buildPirWorkbook(checkResultOf(seedBoth(), []), seedSettings()).sheets[2];
    const body = empty.cells.filter((c) => c.row > 0 && c.value !== null);
    expect(body.map((c) => [c.row, c.col, c.value])).toEqual([[1, 0, "No findings: the tables hold together."]]);
  });
});
