import { formatAmount } from "../../../src/core/amounts";
import { buildPirWorkbook } from "../../../src/core/pir/build";
import { describedCell, type SheetCell, type SheetDescription } from "../../../src/core/pir/sheet";
import { fiscalYear } from "../../../src/core/settings";
import type { Finding, Table } from "../../../src/core/model";
import {
  BUDGET_FILE,
  BUDGET_ROWS,
  BUDGET_SHEET,
  WORKPLAN_FILE,
  WORKPLAN_ROWS,
  WORKPLAN_SHEET,
  checkResultOf,
  finding,
  seedBudgetTable,
  seedSettings,
  seedWorkplanTable,
} from "./seed-tables";

const AMOUNT = "#,##0.00";

function pirSheet(tables: Table[], findings: Finding[] = [], settings = seedSettings()): SheetDescription {
  return buildPirWorkbook(checkResultOf(tables, findings), settings).sheets[0];
}

function at(sheet: SheetDescription, row: number, col: number): SheetCell {
  const cell = describedCell(sheet, row, col);
  if (!cell) throw new Error(`no cell at ${row},${col}`);
  return cell;
}

/** The 0-based rows whose first cell holds `text`, top to bottom. */
function rowsLabelled(sheet: SheetDescription, text: string): number[] {
  return sheet.cells.filter((c) => c.col === 0 && c.value === text).map((c) => c.row);
}

function rowLabelled(sheet: SheetDescription, text: string, nth = 0): number {
  const rows = rowsLabelled(sheet, text);
  if (rows.length <= nth) throw new Error(`no row labelled "${text}"`);
  return rows[nth];
}

function rowValues(sheet: SheetDescription, row: number, from: number, to: number): Array<SheetCell["value"]> {
  const values: Array<SheetCell["value"]> = [];
  for (let col = from; col <= to; col++) values.push(describedCell(sheet, row, col)?.value ?? null);
  return values;
}

const seedBoth = () => [seedWorkplanTable(), seedBudgetTable()];

describe("buildPirWorkbook: the PIR tables sheet from the seed", () => {
  const sheet = pirSheet(seedBoth());

  test("opens with the reporting period", () => {
    expect(at(sheet, 0, 0).value).toBe("Reporting period: FY22 (1 July 2021 – 30 June 2022)");
    expect(sheet.name).toBe("PIR tables");
  });

  test("VIII.3 has the two-row header with the merged first column and GEF Fund over Budget | Expenditure", () => {
    const header = rowLabelled(sheet, "Project components");
    expect(rowLabelled(sheet, "VIII.3 Financial implementation")).toBeLessThan(header);
    expect(at(sheet, header, 1).value).toBe("GEF Fund (USD)");
    expect(at(sheet, header + 1, 1).value).toBe("Budget");
    expect(at(sheet, header + 1, 2).value).toBe("Expenditure");
    expect(sheet.merges).toContainEqual({ top: header, left: 0, bottom: header + 1, right: 0 });
    expect(sheet.merges).toContainEqual({ top: header, left: 1, bottom: header, right: 2 });
    for (const cell of [at(sheet, header, 0), at(sheet, header, 1), at(sheet, header + 1, 2)]) {
      expect(cell.style).toMatchObject({ bold: true, fill: "header", border: { top: "thin", bottom: "thin" } });
    }
  });

  test("VIII.3 lists the budget table's rows in source order, the unlabeled one kept, then the total", () => {
    const first = rowLabelled(sheet, "Project components") + 2;
    const labels = Array.from({ length: 7 }, (_, i) => at(sheet, first + i, 0).value);
    expect(labels).toEqual([
      "Component 1 – Policy framework for sustainable industrial zone development",
      "Component 2 – Capacity building on sustainable industrial zone planning",
      "Component 3 – Pilot demonstration of clean and low-carbon technologies",
      "(no label)",
      "Component 4. Monitoring and Evaluation",
      "Project management",
      "Total (USD)",
    ]);
    const amounts = Array.from({ length: 7 }, (_, i) => rowValues(sheet, first + i, 1, 2));
    expect(amounts).toEqual([
      [235000, 242717.56],
      [315000, 475924.04],
      [889000, 475924.04],
      [2280000, 56156.94],
      [200000, 65536.16],
      [195000, 180736.27],
      [4114000, 1496995.01],
    ]);
    expect(at(sheet, first, 1).style?.numFmt).toBe(AMOUNT);
    const total = at(sheet, first + 6, 1);
    expect(total.style).toMatchObject({ bold: true, numFmt: AMOUNT, border: { top: "medium" } });
  });

  test("the unlabeled budget row is flagged even without a finding", () => {
    const cell = at(sheet, rowLabelled(sheet, "(no label)"), 0);
    expect(cell.style?.fill).toBe("warning");
    expect(cell.note).toMatch(/no label/);
  });

  test("the financial total is our sum of the rows written, not the source's total", () => {
    const budget = seedBudgetTable();
    const sourceTotal = budget.rows.find((r) => r.kind === "total")!;
    sourceTotal.amounts[1]!.value = 1;
    sourceTotal.amounts[2]!.value = 2;
    const s = pirSheet([budget]);
    expect(rowValues(s, rowLabelled(s, "Total (USD)"), 1, 2)).toEqual([4114000, 1496995.01]);
  });

  test("IX has Outputs | Total Budget | one column per source period, labelled in English", () => {
    const header = rowLabelled(sheet, "Outputs");
    expect(rowLabelled(sheet, "IX. Work plan and budget")).toBeLessThan(header);
    expect(rowValues(sheet, header, 0, 12)).toEqual([
      "Outputs", "Total Budget", "2018", "2019", "2020", "2021",
      "2022 Q1", "2022 Q2", "2022 Q3", "2022 Q4", "2023 Q1", "2023 Q2", null,
    ]);
    expect(at(sheet, header, 5).style?.fill).toBe("header");
  });

  test("IX reproduces every work-plan row in order: components bold, outputs indented, the total ruled, the trust fund below", () => {
    const first = rowLabelled(sheet, "Outputs") + 1;
    WORKPLAN_ROWS.forEach((seed, i) => {
      const label = at(sheet, first + i, 0);
      expect(label.value).toBe(seed.label);
      const expected = seed.amounts.map((a) => (a === "-" ? 0 : a));
      expect(rowValues(sheet, first + i, 1, 11)).toEqual(expected);
      if (seed.kind === "component") expect(label.style).toMatchObject({ bold: true });
      if (seed.kind === "output") expect(label.style).toMatchObject({ indent: 1 });
      if (seed.kind === "output") expect(label.style?.bold).toBeUndefined();
    });
    const total = rowLabelled(sheet, "Total");
    expect(at(sheet, total, 0).style).toMatchObject({ bold: true, border: { top: "medium" } });
    expect(at(sheet, total, 11).style).toMatchObject({ bold: true, numFmt: AMOUNT, border: { top: "medium" } });
    expect(rowLabelled(sheet, "Trus fund for companies:")).toBe(total + 1);
    expect(at(sheet, total + 1, 1).value).toBe(2100000);
    expect(at(sheet, total + 1, 2).value).toBeNull();
  });

  test("columns are wide enough for the labels and the largest amounts", () => {
    const longest = Math.max(...WORKPLAN_ROWS.map((r) => r.label.length), ...BUDGET_ROWS.map((r) => r.label.length));
    expect(sheet.columnWidths[0]).toBeGreaterThanOrEqual(Math.min(longest * 0.9, 70));
    for (const cell of sheet.cells.filter((c) => typeof c.value === "number")) {
      expect(sheet.columnWidths[cell.col]).toBeGreaterThanOrEqual(formatAmount(cell.value as number, "en").length + 1);
    }
    expect(sheet.columnWidths[1]).toBeGreaterThanOrEqual("4,114,000.00".length + 1);
    expect(sheet.print).toEqual({ orientation: "landscape", fitToWidth: true });
  });

  test("merged areas never overlap", () => {
    const m = sheet.merges;
    for (let i = 0; i < m.length; i++)
      for (let j = i + 1; j < m.length; j++) {
        const apart = m[i].bottom < m[j].top || m[j].bottom < m[i].top || m[i].right < m[j].left || m[j].right < m[i].left;
        expect(apart).toBe(true);
      }
  });

  test("the description survives JSON", () => {
    const desc = buildPirWorkbook(checkResultOf(seedBoth()), seedSettings());
    expect(JSON.parse(JSON.stringify(desc))).toEqual(desc);
  });

  test("labels from the workbooks stay strings, whatever they look like", () => {
    const workplan = seedWorkplanTable();
    workplan.rows[1].label = "=SUM(A1)";
    workplan.rows[2].label = "2021";
    const s = pirSheet([workplan]);
    expect(rowsLabelled(s, "=SUM(A1)")).toHaveLength(1);
    expect(rowsLabelled(s, "2021")).toHaveLength(1);
  });
});

describe("buildPirWorkbook: VIII.3 derived from the work plan when there is no budget table", () => {
  test("Budget is the work plan's, Expenditure the periods ended by 30 June 2022, with a note saying so", () => {
    const sheet = pirSheet([seedWorkplanTable()]);
    const first = rowLabelled(sheet, "Project components") + 2;
    const rows = Array.from({ length: 6 }, (_, i) => [at(sheet, first + i, 0).value, ...rowValues(sheet, first + i, 1, 2)]);
    // 2018 + 2019 + 2020 + 2021 + 2022 Q1 + 2022 Q2 of each component row, by hand.
    expect(rows).toEqual([
      ["C.1: Policy framework for sustainable industrial zone development", 235000, 221354.5],
      ["C.2: Capacity building on sustainable industrial zone planning", 315000, 248958.32],
      ["C.3: Pilot demonstration of clean and low-carbon technologies", 1069000, 718292.51],
      ["C.4: Monitoring and Evaluation", 200000, 64490.37],
      ["PMC", 195000, 271092.35],
      ["Total (USD)", 2014000, 1524188.05],
    ]);
    const note = at(sheet, first + 6, 0);
    expect(note.value).toBe(
      "No budget table was recognised: Expenditure is the sum of the work plan's periods that end by 30 June 2022 (2018 – 2022 Q2).",
    );
    expect(sheet.merges).toContainEqual({ top: first + 6, left: 0, bottom: first + 6, right: 2 });
  });

  test("an earlier reporting period sums fewer periods: FY21 stops before the year 2021", () => {
    const settings = { ...seedSettings(), period: fiscalYear("FY21")! };
    const sheet = pirSheet([seedWorkplanTable()], [], settings);
    const first = rowLabelled(sheet, "Project components") + 2;
    expect(at(sheet, first, 2).value).toBe(80127.5); // 24,599.50 + 12,936.26 + 42,591.74
    expect(at(sheet, 0, 0).value).toBe("Reporting period: FY21 (1 July 2020 – 30 June 2021)");
    expect(String(at(sheet, first + 6, 0).value)).toContain("30 June 2021 (2018 – 2020)");
  });

  test("with neither table, both sections say nothing was recognised", () => {
    const sheet = pirSheet([]);
    const texts = sheet.cells.map((c) => c.value);
    expect(texts).toContain("No budget or work plan table was recognised in the input workbooks.");
    expect(texts).toContain("No work plan table was recognised in the input workbooks.");
    expect(texts).not.toContain("Project components");
  });
});

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

  test("a finding on a reproduced source cell fills that cell by severity and notes 'rule: message'", () => {
    const cell = fin("Component 1 – Policy framework for sustainable industrial zone development", 2);
    expect(cell.value).toBe(242717.56);
    expect(cell.style?.fill).toBe("error");
    expect(cell.note).toBe("overspend.component: Component 1 spent 242,717.56 of 235,000.00.");
    expect(fin("Component 1 – Policy framework for sustainable industrial zone development", 1).style?.fill).toBeUndefined();
  });

  test("two findings on one cell: the worst severity fills it and the note lists both, worst first", () => {
    const cell = fin("Component 3 – Pilot demonstration of clean and low-carbon technologies", 2);
    expect(cell.style?.fill).toBe("error");
    expect(cell.note).toBe("overspend.component: Component 3 over.\nduplicate.value: 475,924.04 also in C6.");
  });

  test("a budget mismatch shows on the work-plan cell it points at and on the budget table's counterpart", () => {
    const workplanCell = at(sheet, rowLabelled(sheet, "C.3: Pilot demonstration of clean and low-carbon technologies"), 1);
    expect(workplanCell.value).toBe(1069000);
    expect(workplanCell.style?.fill).toBe("warning");
    const budgetCell = fin("Component 3 – Pilot demonstration of clean and low-carbon technologies", 1);
    expect(budgetCell.value).toBe(889000);
    expect(budgetCell.note).toBe("mismatch.budget: 1,069,000.00 in the work plan, 889,000.00 in the budget.");
  });

  test("a period cell of an output, a finding from a file we do not reproduce, and the source total", () => {
    const periodCell = at(sheet, rowLabelled(sheet, "3.1.1 Feasibility studies and assessment"), 6);
    expect(periodCell.value).toBe(31000);
    expect(periodCell.style?.fill).toBe("info");
    const other = fin("Component 2 – Capacity building on sustainable industrial zone planning", 2);
    expect(other.note).toBe("overspend.component: Component 2 over (other file).");
    expect(fin("Total (USD)", 1).note).toBe("sum.total: Total off.");
  });

  test("findings land nowhere else", () => {
    const noted = sheet.cells.filter((c) => c.note !== undefined);
    // C1 expenditure, C3 expenditure, C3 budget (both tables), 3.1.1 2022 Q1, C2 expenditure, total budget, "(no label)".
    expect(noted).toHaveLength(8);
    expect(sheet.cells.filter((c) => c.style?.fill === "error" || c.style?.fill === "warning" || c.style?.fill === "info")).toHaveLength(8);
  });

  test("in the derived table, a finding on a work-plan budget cell shows in both tables", () => {
    const s = pirSheet([seedWorkplanTable()], [mismatch]);
    const flagged = s.cells.filter((c) => c.style?.fill === "warning");
    expect(flagged.map((c) => c.value)).toEqual([1069000, 1069000]);
    expect(flagged[0].row).toBeLessThan(rowLabelled(s, "Outputs"));
  });
});

describe("buildPirWorkbook: Spanish", () => {
  const desc = buildPirWorkbook(checkResultOf(seedBoth(), []), seedSettings("es"));
  const sheet = desc.sheets[0];

  test("our words are Spanish, the workbooks' labels are as read", () => {
    expect(desc.sheets.map((s) => s.name)).toEqual(["Tablas PIR", "Hallazgos"]);
    expect(at(sheet, 0, 0).value).toBe("Período del informe: FY22 (1 de julio de 2021 – 30 de junio de 2022)");
    const header = rowLabelled(sheet, "Componentes del proyecto");
    expect(rowValues(sheet, header, 1, 1)).toEqual(["Fondo GEF (USD)"]);
    expect(rowValues(sheet, header + 1, 1, 2)).toEqual(["Presupuesto", "Gasto"]);
    expect(rowsLabelled(sheet, "(sin etiqueta)")).toHaveLength(1);
    expect(rowsLabelled(sheet, "Total (USD)")).toHaveLength(1);
    const wp = rowLabelled(sheet, "Productos");
    expect(rowValues(sheet, wp, 1, 11)).toEqual([
      "Presupuesto total", "2018", "2019", "2020", "2021", "2022 T1", "2022 T2", "2022 T3", "2022 T4", "2023 T1", "2023 T2",
    ]);
    expect(rowsLabelled(sheet, "Project Management Cost (PMC)")).toHaveLength(1);
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
  const sheet = buildPirWorkbook(checkResultOf(seedBoth(), findings), seedSettings()).sheets[1];

  test("has a frozen header row of the nine columns", () => {
    expect(sheet.name).toBe("Findings");
    expect(rowValues(sheet, 0, 0, 8)).toEqual(["Severity", "Rule", "Component", "Output", "Period", "Expected", "Actual", "Message", "Source"]);
    expect(sheet.frozen).toEqual({ rows: 1, cols: 0 });
    expect(sheet.autoFilter).toBe("A1:I1");
  });

  test("lists findings by severity, then file, sheet and cell in reading order (H9 before C14)", () => {
    expect([1, 2, 3, 4, 5].map((r) => at(sheet, r, 7).value)).toEqual(["e C5", "w A8", "w H9", "w C14", "i"]);
    expect(rowValues(sheet, 1, 0, 6)).toEqual(["Error", "overspend.component", "1", null, null, 235000, 242717.56]);
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
    const empty = buildPirWorkbook(checkResultOf(seedBoth(), []), seedSettings()).sheets[1];
    const body = empty.cells.filter((c) => c.row > 0 && c.value !== null);
    expect(body.map((c) => [c.row, c.col, c.value])).toEqual([[1, 0, "No findings: the tables hold together."]]);
  });
});
