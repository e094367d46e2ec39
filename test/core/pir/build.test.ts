import { formatAmount } from "../../../src/core/amounts";
import { buildPirWorkbook } from "../../../src/core/pir/build";
import { fiscalYear } from "../../../src/core/settings";
import { BUDGET_ROWS, WORKPLAN_ROWS, checkResultOf, seedBudgetTable, seedSettings, seedWorkplanTable } from "./seed-tables";
import { AMOUNT, at, pirSheet, rowLabelled, rowValues, rowsLabelled, seedBoth } from "./sheet-query";

describe("buildPirWorkbook: the PIR tables sheet from the seed", () => {
  const sheet = pirSheet(seedBoth());

  test("opens with the reporting period", () => {
    expect(at(sheet, 0, 0).value).toBe("Reporting period: FY22 (1 July 2021 – 30 June 2022)");
    expect(sheet.name).toBe("PIR tables annotated");
  });

  test("VIII.3 has the two-row header with the merged first column and GEF Fund over Budget | Expenditure", () => {
    const header = rowLabelled(sheet, "Project components");
    expect(rowLabelled(sheet, "VIII.3 Financial implementation")).toBeLessThan(header);
    expect(at(sheet, header, 1).value).toBe("GEF Fund (USD)");
    expect(at(sheet, header + 1, 1).value).toBe("Budget");
    expect(at(sheet, header + 1, 2).value).toBe("Expenditure");
    expect(sheet.merges).toContainEqual({ top: header, left: 0, bottom: header + 1, right: 0 });
    // In the annotated copy, GEF Fund spans Balance and % spent too.
    expect(sheet.merges).toContainEqual({ top: header, left: 1, bottom: header, right: 4 });
    expect(rowValues(sheet, header + 1, 3, 4)).toEqual(["Balance", "% spent"]);
    const c1 = header + 2;
    expect(rowValues(sheet, c1, 1, 4)).toEqual([235000, 242717.56, -7717.56, 1.033]);
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

  test("IX has Outputs | Total Budget | one column per source period, labelled as the workbook labels its quarters", () => {
    const header = rowLabelled(sheet, "Outputs");
    expect(rowLabelled(sheet, "IX. Work plan and budget")).toBeLessThan(header);
    expect(rowValues(sheet, header, 0, 12)).toEqual([
      "Outputs", "Total Budget", "2018", "2019", "2020", "2021",
      // The seed's own "2022 T1", as the PIR prints it; its year 2021 (shown "2,021") as a year.
      "2022 T1", "2022 T2", "2022 T3", "2022 T4", "2023 T1", "2023 T2", null,
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
    // Calibri letters are at least 0.8 of a column unit on average; 70 is the cap beyond which labels wrap.
    expect(sheet.columnWidths[0]).toBeGreaterThanOrEqual(longest * 0.8);
    expect(sheet.columnWidths[0]).toBeLessThanOrEqual(70);
    for (const cell of sheet.cells.filter((c) => typeof c.value === "number")) {
      expect(sheet.columnWidths[cell.col]).toBeGreaterThanOrEqual(formatAmount(cell.value as number, "en").length + 1);
    }
    expect(sheet.columnWidths[1]).toBeGreaterThanOrEqual("4,114,000.00".length + 1);
    expect(sheet.print).toEqual({ orientation: "landscape", fitToWidth: true });
  });

  test("a label longer than the widest column wraps, and its row is made tall enough", () => {
    const workplan = seedWorkplanTable();
    workplan.rows[1].label = `1.1.1 ${"Regulation, planning aids and policies for industrial zones ".repeat(3).trim()}`;
    const s = pirSheet([workplan]);
    const row = rowLabelled(s, workplan.rows[1].label);
    expect(s.columnWidths[0]).toBe(70);
    expect(at(s, row, 0).style?.wrap).toBe(true);
    expect(s.rowHeights).toContainEqual({ row, height: 45 }); // about 190 characters: three lines of 70
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
    // The second column says what it holds: what was planned, never "Expenditure".
    expect(at(sheet, first - 1, 2).value).toBe("Planned through 30 June 2022");
    const note = at(sheet, first + 6, 0);
    expect(note.value).toBe(
      "No budget table was recognised: what is planned through 30 June 2022 is the sum of the work plan's periods that end by then (2018 – 2022 Q2); no table reports expenditure.",
    );
    expect(sheet.merges).toContainEqual({ top: first + 6, left: 0, bottom: first + 6, right: 2 });
    // The merged note wraps onto several lines; every label fits on one.
    expect(sheet.rowHeights?.map((h) => h.row)).toEqual([first + 6]);
  });

  test("an earlier reporting period sums fewer periods: FY21 stops before the year 2021", () => {
    const settings = { ...seedSettings(), period: fiscalYear("FY21")! };
    const sheet = pirSheet([seedWorkplanTable()], [], settings);
    const first = rowLabelled(sheet, "Project components") + 2;
    expect(at(sheet, first, 2).value).toBe(80127.5); // 24,599.50 + 12,936.26 + 42,591.74
    expect(at(sheet, 0, 0).value).toBe("Reporting period: FY21 (1 July 2020 – 30 June 2021)");
    expect(String(at(sheet, first + 6, 0).value)).toContain("30 June 2021 is the sum of the work plan's periods that end by then (2018 – 2020)");
  });

  test("with neither table, both sections say nothing was recognised", () => {
    const sheet = pirSheet([]);
    const texts = sheet.cells.map((c) => c.value);
    expect(texts).toContain("No budget or work plan table was recognised in the input workbooks.");
    expect(texts).toContain("No work plan table was recognised in the input workbooks.");
    expect(texts).not.toContain("Project components");
  });
});

describe("buildPirWorkbook: Spanish", () => {
  const desc = buildPirWorkbook(checkResultOf(seedBoth(), []), seedSettings("es"));
  const sheet = desc.sheets[1];

  test("our words are Spanish, the workbooks' labels are as read", () => {
    expect(desc.sheets.map((s) => s.name)).toEqual(["Tablas PIR", "Tablas PIR anotadas", "Hallazgos"]);
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

