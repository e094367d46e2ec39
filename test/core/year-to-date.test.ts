/**
 * A year-to-date expenditure report (scripts/fixtures/periods.ts documents
 * each file): a CDR whose header says "January - June 2022" is the
 * expenditure of 2022 Q1–Q2, held against the plan's Q1 + Q2, not its whole
 * year. Its period is read from the header in English, in Spanish, or as two
 * dates; the periods' model is unit-tested here too.
 */
import { say } from "../../src/core/catalogue";
import { matchPeriods, parseReportSpan, periodEnd, periodEndsBy, periodFromMonths, periodLabel, periodStart, periodWithin, periodsCover, comparePeriods } from "../../src/core/periods";
import { periodSchema } from "../../src/core/model";
import { brief, checkFixtures } from "../helpers/fixtures";

const PLAN = "workplan-2022-quarters.xlsx";

describe("the period a report's header states", () => {
  test.each([
    ["Report Period: January - December 2021", "2021"],
    ["Report Period: January - June 2022", "2022-Q1/2022-Q2"],
    ["Período del informe: enero – junio 2022", "2022-Q1/2022-Q2"],
    ["Report Period: 01/01/2022 - 30/06/2022", "2022-Q1/2022-Q2"],
    ["Period 01/01/2022 - 06/30/2022", "2022-Q1/2022-Q2"],
    ["Report period 2022-01-01 to 2022-09-30", "2022-Q1/2022-Q3"],
    ["1 January 2022 to 30 June 2022", "2022-Q1/2022-Q2"],
    ["del 1 de enero al 30 de junio de 2022", "2022-Q1/2022-Q2"],
    ["janvier – mars 2023", "2023-Q1"],
    ["Jan-May 2022", "2022-01/2022-05"],
    ["July 2021 - June 2022", "FY2022"],
    ["Annual Work Plan 2021", null],
    ["Report Period: 2021", null],
  ])("%s → %s", (text, period) => {
    expect(parseReportSpan(text)).toBe(period);
    if (period !== null) expect(periodSchema.safeParse(period).success).toBe(true);
  });
});

describe("months, fiscal years and spans", () => {
  test("their dates", () => {
    expect([periodStart("2022-Q1/2022-Q2"), periodEnd("2022-Q1/2022-Q2")]).toEqual(["2022-01-01", "2022-06-30"]);
    expect([periodStart("FY2022"), periodEnd("FY2022")]).toEqual(["2021-07-01", "2022-06-30"]);
    expect([periodStart("2024-02"), periodEnd("2024-02"), periodEnd("2023-02")]).toEqual(["2024-02-01", "2024-02-29", "2023-02-28"]);
    expect(periodEndsBy("2022-Q1/2022-Q2", "2022-06-30")).toBe(true);
    expect(periodEndsBy("FY2023", "2022-06-30")).toBe(false);
  });
  test("containment and cover", () => {
    expect(periodWithin("2022-Q2", "2022-Q1/2022-Q2")).toBe(true);
    expect(periodWithin("2022-Q3", "2022-Q1/2022-Q2")).toBe(false);
    expect(periodWithin("2022-Q1/2022-Q2", "2022")).toBe(true);
    expect(periodWithin("2021-Q3", "FY2022")).toBe(true);
    expect(periodWithin("Y1", "2022")).toBe(false);
    expect(periodsCover(["2022-Q1", "2022-Q2"], "2022-Q1/2022-Q2")).toBe(true);
    expect(periodsCover(["2022-Q2"], "2022-Q1/2022-Q2")).toBe(false);
    expect(periodsCover(["2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2"], "FY2022")).toBe(true);
    expect(periodsCover(["2022-01", "2022-02", "2022-03"], "2022-Q1")).toBe(true);
  });
  test("from a span of months: the coarsest period that says it", () => {
    expect(periodFromMonths("2022-01-01", "2022-12-31")).toBe("2022");
    expect(periodFromMonths("2021-07-01", "2022-06-30")).toBe("FY2022");
    expect(periodFromMonths("2022-04-01", "2022-06-30")).toBe("2022-Q2");
    expect(periodFromMonths("2022-03-01", "2022-03-31")).toBe("2022-03");
    expect(periodFromMonths("2022-07-01", "2022-01-31")).toBeNull();
  });
  test("labels in both languages, and order", () => {
    expect(["2022-Q1/2022-Q2", "2022-01/2022-05", "FY2022", "2022-03", "2021-Q4/2022-Q1"].map((p) => `${periodLabel(p, "en")} | ${periodLabel(p, "es")}`)).toEqual([
      "2022 Q1–Q2 | 2022 T1–T2",
      "Jan–May 2022 | ene–may 2022",
      "FY2022 | AF2022",
      "Mar 2022 | mar 2022",
      "2021 Q4 – 2022 Q1 | 2021 T4 – 2022 T1",
    ]);
    expect(["2022-Q2", "2022-Q1/2022-Q2", "2022", "FY2022", "2022-01", "Y1"].sort(comparePeriods)).toEqual(["FY2022", "2022", "2022-Q1/2022-Q2", "2022-01", "2022-Q2", "Y1"].sort(comparePeriods));
    expect(["2022-Q2", "2022-Q1/2022-Q2", "2022", "2022-01"].sort(comparePeriods)).toEqual(["2022", "2022-Q1/2022-Q2", "2022-01", "2022-Q2"]);
  });
  test("how a plan's periods and a report's are matched", () => {
    const cols = (ps: string[]) => ps.map((period) => ({ period }));
    const show = (plan: string[], spent: string[]) =>
      matchPeriods(cols(plan), cols(spent)).map((m) => `${m.period}: ${m.plan.map((c) => c.period).join("+")} vs ${m.spent.map((c) => c.period).join("+")}${m.complete ? "" : " (part)"}`);
    // A year to date against the plan's quarters up to its end.
    expect(show(["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"], ["2022-Q1/2022-Q2"])).toEqual(["2022-Q1/2022-Q2: 2022-Q1+2022-Q2 vs 2022-Q1/2022-Q2"]);
    // Against a plan for the whole year: only part of it.
    expect(show(["2022"], ["2022-Q1/2022-Q2"])).toEqual(["2022: 2022 vs 2022-Q1/2022-Q2 (part)"]);
    // Quarters against the year, months rolled up into quarters.
    expect(show(["2021", "2022-Q1"], ["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2022-01", "2022-02", "2022-03"])).toEqual([
      "2021: 2021 vs 2021-Q1+2021-Q2+2021-Q3+2021-Q4",
      "2022-Q1: 2022-Q1 vs 2022-01+2022-02+2022-03",
    ]);
    // A fiscal year against the quarters that cover it; not against quarters that leave a gap.
    expect(show(["2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2"], ["FY2022"])).toEqual(["FY2022: 2021-Q3+2021-Q4+2022-Q1+2022-Q2 vs FY2022"]);
    expect(show(["2022-Q1", "2022-Q2"], ["FY2022"])).toEqual([]);
    expect(show(["Y1", "Y2"], ["2021"])).toEqual([]);
  });
});

describe("a year-to-date CDR against a quarterly plan", () => {
  test.each(["undp-cdr-2022-h1.xlsx", "undp-cdr-2022-h1-es.xlsx"])("%s: 2022 Q1–Q2, said in a note; no finding", async (cdr) => {
    const { tables, findings } = await checkFixtures([PLAN, cdr]);
    expect(findings.map(brief)).toEqual([]);
    const report = tables.find((t) => t.file === cdr)!;
    expect(report.kind).toBe("expenditure");
    expect(report.columns.filter((c) => c.role === "period").map((c) => `${c.header}=${c.period}`)).toEqual(["Expenditures=2022-Q1/2022-Q2"]);
    expect(say(report.notes[0], "en")).toBe('read "Expenditures" as the expenditure of 2022 Q1–Q2 (year to date: compared with the plan up to its end), the period the report\'s header names');
    expect(say(report.notes[0], "es")).toBe('"Expenditures" se leyó como el gasto de 2022 T1–T2 (acumulado del año: se compara con el plan hasta su cierre), el período que indica el encabezado del informe');
  });

  test("the plan alone: no finding", async () => {
    const { findings, tables } = await checkFixtures([PLAN]);
    expect(findings.map(brief)).toEqual([]);
    expect(tables.map((t) => `${t.kind} ${t.range}`)).toEqual(["workplan A3:F8"]);
  });

  test("the defects: spending above Q1 + Q2 (though within the year's plan), low delivery; the encumbrance is not spending", async () => {
    const { findings } = await checkFixtures([PLAN, "undp-cdr-2022-h1-defects.xlsx"]);
    expect(findings.map(brief)).toEqual([
      "warning overspend.period undp-cdr-2022-h1-defects.xlsx CDR H13 2  2022-Q1/2022-Q2 100000 109471.6",
      "info delivery.low undp-cdr-2022-h1-defects.xlsx CDR H15 3  2022-Q1/2022-Q2 5000 2950",
    ]);
    expect(findings[0].message).toBe(
      "Component 2: in 2022 Q1–Q2 expenditure 109,471.60 is above the plan of 100,000.00 (by 9,471.60; plan in workplan-2022-quarters.xlsx › Work plan 2022).",
    );
    const es = await checkFixtures([PLAN, "undp-cdr-2022-h1-defects.xlsx"], { period: "FY22", language: "es" });
    expect(es.findings[0].message).toBe(
      "Componente 2: en 2022 T1–T2 el gasto 109.471,60 supera lo planificado 100.000,00 (en 9.471,60; plan en workplan-2022-quarters.xlsx › Work plan 2022).",
    );
  });

  test("against a plan for a whole other year: nothing to compare", async () => {
    const { findings } = await checkFixtures(["undp-awp-2021.xlsx", "undp-cdr-2022-h1-defects.xlsx"]);
    expect(findings.map(brief)).toEqual([]);
  });
});
