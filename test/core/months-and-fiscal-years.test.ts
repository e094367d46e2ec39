/**
 * Plans by month and by fiscal year (scripts/fixtures/periods.ts documents
 * each file). Months are compared by their quarter: a year-to-date CDR meets
 * a monthly plan exactly as it meets a quarterly one. Fiscal years run
 * July–June and are compared with the reporting period by their dates.
 */
import { say } from "../../src/core/catalogue";
import { brief, checkFixtures } from "../helpers/fixtures";

const MONTHS = Array.from({ length: 12 }, (_, m) => `2022-${String(m + 1).padStart(2, "0")}`);

describe("a plan by month", () => {
  test.each([
    ["workplan-months-2022.xlsx", "Monthly plan 2022", "A3:N8"],
    ["poa-mensual-2022.xlsx", "POA mensual 2022", "A3:N9"],
  ])("%s: dates shown mmm-yy, or 2022 merged over Ene … Dic, are months; no finding, alone or with the year-to-date CDR", async (file, sheet, range) => {
    const alone = await checkFixtures([file]);
    expect(alone.findings.map(brief)).toEqual([]);
    const [plan] = alone.tables;
    expect([plan.sheet, plan.kind, plan.range]).toEqual([sheet, "workplan", range]);
    expect(plan.columns.filter((c) => c.role === "period").map((c) => c.period)).toEqual(MONTHS);
    expect(plan.rows.filter((r) => r.kind === "component").map((r) => r.component)).toEqual(["1", "2", "3", "PMC"]);
    const withCdr = await checkFixtures([file, "undp-cdr-2022-h1.xlsx"]);
    expect(withCdr.findings.map(brief)).toEqual([]);
  });

  test("the year-to-date CDR's defects against the monthly plan: Jan … Jun added up, the same findings as against the quarterly plan", async () => {
    const { findings } = await checkFixtures(["workplan-months-2022.xlsx", "undp-cdr-2022-h1-defects.xlsx"]);
    expect(findings.map(brief)).toEqual([
      "warning overspend.period undp-cdr-2022-h1-defects.xlsx CDR H13 2  2022-Q1/2022-Q2 100000 109471.6",
      "info delivery.low undp-cdr-2022-h1-defects.xlsx CDR H15 3  2022-Q1/2022-Q2 5000 2950",
    ]);
    const quarterly = await checkFixtures(["workplan-2022-quarters.xlsx", "undp-cdr-2022-h1-defects.xlsx"]);
    expect(quarterly.findings.map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual(findings.map((f) => [f.rule, f.cell, f.expected, f.actual]));
  });

  test("the Spanish monthly plan's defects: a June cut below what the CDR spent, a typed row total", async () => {
    const { findings } = await checkFixtures(["poa-mensual-2022-defects.xlsx", "undp-cdr-2022-h1.xlsx"], { period: "FY22", language: "es" });
    expect(findings.map(brief)).toEqual([
      "error sum.row poa-mensual-2022-defects.xlsx POA mensual 2022 N7 3   12000 11000",
      "warning overspend.period undp-cdr-2022-h1.xlsx CDR H9 1  2022-Q1/2022-Q2 36000 39150.5",
    ]);
    expect(findings[1].message).toBe(
      "Componente 1: en 2022 T1–T2 el gasto 39.150,50 supera lo planificado 36.000,00 (en 3.150,50; plan en poa-mensual-2022-defects.xlsx › POA mensual 2022).",
    );
  });
});

describe("a plan by fiscal year", () => {
  test("FY2021 … FY2024 are fiscal years July–June, said in a note; the budget's spending to 30 June 2022 is FY2021 + FY2022: no finding", async () => {
    const { findings, tables } = await checkFixtures(["workplan-fiscal-years.xlsx"]);
    expect(findings.map(brief)).toEqual([]);
    const plan = tables.find((t) => t.kind === "workplan")!;
    expect(plan.columns.filter((c) => c.role === "period").map((c) => `${c.header}=${c.period}`)).toEqual(["FY2021=FY2021", "FY2022=FY2022", "FY2023=FY2023", "FY2024=FY2024"]);
    expect(plan.notes.map((n) => say(n, "en"))).toEqual([
      "read FY2021–FY2024 as fiscal years, July to June (FY2021: 1 July 2020 – 30 June 2021), compared with other tables by their dates",
    ]);
    expect(say(plan.notes[0], "es")).toBe(
      "FY2021–FY2024 se leyeron como años fiscales, de julio a junio (AF2021: 1 de julio de 2020 – 30 de junio de 2021), comparados con las demás tablas por sus fechas",
    );
  });

  test("the defects: the budget's Component 2 spent 395,000 where the plan's ended fiscal years say 380,000", async () => {
    const { findings } = await checkFixtures(["workplan-fiscal-years-defects.xlsx"]);
    expect(findings.map(brief)).toEqual(["warning mismatch.expenditure workplan-fiscal-years-defects.xlsx Budget C5 2   380000 395000"]);
    expect(findings[0].message).toBe(
      "Component 2: cumulative expenditure is 395,000.00 here but 380,000.00 in workplan-fiscal-years-defects.xlsx › Work plan!C5 (the work plan's periods FY2021 – FY2022 added up: those that end by the close of FY22); a difference of 15,000.00.",
    );
  });
});
