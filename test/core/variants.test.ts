/**
 * The designed variants (scripts/fixtures/*.ts documents each): layouts,
 * value quirks, several tables, and sheets that are not tables. Each expected
 * finding was worked out by hand from the fixture's numbers.
 */
import { brief, checkFixtures } from "../helpers/fixtures";

describe("clean workbooks", () => {
  it("give no finding, alone or together", async () => {
    for (const names of [["workplan-clean.xlsx"], ["budget-clean.xlsx"], ["workplan-clean.xlsx", "budget-clean.xlsx"]]) {
      const { findings, tables } = await checkFixtures(names);
      expect(tables.length).toBe(names.length);
      expect(findings.map(brief)).toEqual([]);
    }
  });

  it("read a two-row header: years merged down, 2022 and 2023 merged over Q1..Q4, and non-period columns", async () => {
    const { tables } = await checkFixtures(["workplan-clean.xlsx"]);
    const t = tables[0];
    expect(t.range).toBe("B3:P20");
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns.map((c) => c.period ?? c.role)).toEqual([
      "label", "budget", "2020", "2021",
      "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4",
      "rowTotal", "other", "other",
    ]);
    expect(t.rows.filter((r) => r.kind === "component").map((r) => r.component)).toEqual(["1", "2", "3", "4", "PMC"]);
    expect(t.rows.filter((r) => r.kind === "output").map((r) => `${r.component}/${r.output}`)).toEqual([
      "1/1.1", "1/1.2", "1/1.3", "2/2.1", "2/2.2", "3/3.1", "3/3.2", "3/3.3", "4/4.1", "4/4.2",
    ]);
    expect(t.currency).toBe("USD");
  });

  it("still flag a disagreement when the reporting period moves (expenditure is to 30 June 2022)", async () => {
    const { findings } = await checkFixtures(["workplan-clean.xlsx", "budget-clean.xlsx"], { period: "FY23" });
    const mismatches = findings.filter((f) => f.rule === "mismatch.expenditure");
    expect(mismatches.length).toBe(5);
    expect(mismatches.every((f) => f.severity === "warning" && f.file === "budget-clean.xlsx")).toBe(true);
  });
});

describe("a Spanish work plan with text numbers in Spanish format", () => {
  it("finds the component that does not add up and the wrong row total, and nothing else", async () => {
    const { findings, tables } = await checkFixtures(["workplan-spanish.xlsx"]);
    expect(tables[0].currency).toBe("PEN");
    expect(tables[0].columns.filter((c) => c.period).map((c) => c.period)).toEqual(["2021", "2022-Q1", "2022-Q2", "2023-Q1", "2023-Q2"]);
    expect(findings.map(brief)).toEqual([
      "error sum.row workplan-spanish.xlsx Plan de trabajo H6 1 1.1.2  67640.75 67740.75",
      "error sum.component workplan-spanish.xlsx Plan de trabajo D7 2  2022-Q1 16300.85 16030.85",
    ]);
  });

  it("names components and outputs the Spanish way in Spanish messages", async () => {
    const { findings } = await checkFixtures(["workplan-spanish.xlsx"], { period: "FY22", language: "es" });
    expect(findings[1].message).toBe(
      "Componente 2, 2022 T1: la fila muestra 16.030,85 pero sus productos suman 16.300,85 (diferencia 270,00).",
    );
  });
});

describe("a work plan with quirks: offset start, text numbers, dashes, blanks, notes inside, errors", () => {
  it("finds the invalid cells, the overspent output and the unlabeled row", async () => {
    const { findings, tables } = await checkFixtures(["workplan-quirks.xlsx"]);
    expect(tables.map((t) => t.range)).toEqual(["D7:J21"]);
    expect(findings.map(brief)).toEqual([
      "error overspend.output workplan-quirks.xlsx Workplan I15 2 2.2 2022-Q3 150000 167060.45",
      "warning value.invalid workplan-quirks.xlsx Workplan G17 3 3.1 2022-Q1  ",
      "error value.invalid workplan-quirks.xlsx Workplan H18 3 3.2 2022-Q2  ",
      "warning label.missing workplan-quirks.xlsx Workplan D20     3960.25",
    ]);
    expect(findings[1].message).toContain('"n/a"');
    expect(findings[2].message).toContain('"#REF!"');
  });

  it("reads '(1,234.00)' as a negative amount and '-' as zero", async () => {
    const { tables } = await checkFixtures(["workplan-quirks.xlsx"]);
    const values = tables[0].rows.flatMap((r) => r.amounts.filter((a) => a !== null).map((a) => a!.value));
    expect(values).toContain(-1234);
    expect(values).toContain(0);
  });
});

describe("several tables: a budget table and a work plan on one sheet, a CDR on another", () => {
  it("recognises all three with their kinds", async () => {
    const { report } = await checkFixtures(["multi-table.xlsx"]);
    const found = report.files[0].sheets.map((s) => [s.name, s.tables.map((t) => `${t.kind} ${t.range}`)]);
    expect(found).toEqual([
      ["Budget and plan", ["budget A3:C8", "workplan A13:J25"]],
      ["CDR 2022", ["expenditure A3:F15"]],
    ]);
  });

  it("compares budgets and expenditure across them and spending against the plan per period", async () => {
    const { findings } = await checkFixtures(["multi-table.xlsx"]);
    expect(findings.map(brief)).toEqual([
      "error mismatch.expenditure multi-table.xlsx Budget and plan C4 1   62267 62627",
      "error mismatch.budget multi-table.xlsx Budget and plan B5 2   600000 620000",
      "warning overspend.period multi-table.xlsx CDR 2022 D8 2 2.1 2022-Q3 30000 34870.4",
    ]);
  });
});

describe("PMC cap", () => {
  it("flags PMC at 8.7 % of the sub-total under a 5 % cap, not under GEF's 10 % for a grant of 1.5 million", async () => {
    // 120,000 of the sub-total 1,380,000 (1,500,000 without PMC): a medium-sized project, capped at 10 %.
    const bySize = await checkFixtures(["cap-pmc.xlsx"]);
    expect(bySize.findings).toEqual([]);
    const five = await checkFixtures(["cap-pmc.xlsx"], { period: "FY22", pmcCap: 0.05 });
    expect(five.findings.map(brief)).toEqual(["error cap.pmc cap-pmc.xlsx Budget B8 PMC   69000 120000"]);
    // A grant above USD 2 million makes it full-sized: GEF's 5 % applies by default.
    const big = await checkFixtures(["cap-pmc.xlsx"], { period: "FY22", gefGrant: 2_500_000 });
    expect(big.findings.filter((f) => f.rule === "cap.pmc").map(brief)).toEqual(["error cap.pmc cap-pmc.xlsx Budget B8 PMC   69000 120000"]);
    expect(big.findings.find((f) => f.rule === "cap.pmc")!.message).toMatch(/GEF's cap for projects above USD 2 million/);
  });
});

describe("sheets that are not work plans or budgets", () => {
  it("claims no table and says why for each sheet", async () => {
    const { report, findings } = await checkFixtures(["non-tables.xlsx"]);
    expect(findings).toEqual([]);
    const sheets = report.files[0].sheets;
    expect(sheets.map((s) => s.name)).toEqual(["Contacts", "Events", "Sales", "Empty", "Notes"]);
    expect(sheets.every((s) => s.tables.length === 0)).toBe(true);
    expect(sheets.find((s) => s.name === "Empty")!.skipped).toBe("the sheet is empty");
    for (const s of sheets.filter((x) => x.name !== "Empty")) expect(s.skipped).toMatch(/no header row with years, quarters, Budget or Expenditure/);
  });
});
