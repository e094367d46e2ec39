import type { Cell } from "../../src/core/grid";
import type { Period } from "../../src/core/model";
import {
  comparePeriods,
  parsePeriodHeader,
  parseQuarterOnly,
  parseYear,
  periodEnd,
  periodEndsBy,
  periodLabel,
  periodStart,
  projectYearEnd,
} from "../../src/core/periods";

const text = (value: string): Cell => ({ value });

describe("parseYear", () => {
  test.each<[string, Cell | null | undefined, number | null]>([
    ["number", { value: 2021 }, 2021],
    ["number shown as 2,021", { value: 2021, text: "2,021", numFmt: "#,##0" }, 2021],
    ["formula with a year result", { value: 2022, formula: "C4+1" }, 2022],
    ["lowest year", { value: 1990 }, 1990],
    ["highest year", { value: 2100 }, 2100],
    ["too early", { value: 1989 }, null],
    ["too late", { value: 2101 }, null],
    ["fraction", { value: 2021.5 }, null],
    ["amount", { value: 235000 }, null],
    ["text 2021", text("2021"), 2021],
    ["text 2,021", text("2,021"), 2021],
    ["text 2.021", text("2.021"), 2021],
    ["text with spaces", text("  2021\u00a0"), 2021],
    ["Year 2021", text("Year 2021"), 2021],
    ["Año 2021", text("Año 2021"), 2021],
    ["AÑO 2021", text("AÑO 2021"), 2021],
    ["FY2021", text("FY2021"), 2021],
    ["FY 2021", text("FY 2021"), 2021],
    ["FY21", text("FY21"), 2021],
    ["fy 21", text("fy 21"), 2021],
    ["date shown as yyyy", { value: new Date(Date.UTC(2021, 0, 1)), numFmt: "yyyy" }, 2021],
    ["date shown in full", { value: new Date(Date.UTC(2021, 0, 1)), numFmt: "dd/mm/yyyy" }, null],
    ["project year (not a calendar year)", text("Year 1"), null],
    ["range", text("2021-2022"), null],
    ["quarter", text("2022 T1"), null],
    ["Total", text("Total"), null],
    ["boolean", { value: true }, null],
    ["error", { value: { error: "#REF!" } }, null],
    ["empty", { value: null }, null],
    ["null cell", null, null],
    ["undefined cell", undefined, null],
  ])("%s", (_name, cell, expected) => {
    expect(parseYear(cell)).toBe(expected);
  });
});

describe("parseQuarterOnly", () => {
  test.each<[string, number | null]>([
    ["Q1", 1],
    ["q2", 2],
    ["Q 3", 3],
    ["T1", 1],
    ["T4", 4],
    ["1T", 1],
    ["2T", 2],
    ["1Q", 1],
    ["I trimestre", 1],
    ["II trimestre", 2],
    ["III Trimestre", 3],
    ["IV trimestre", 4],
    ["Trim 1", 1],
    ["Trim. 2", 2],
    ["TRIM 4", 4],
    ["1er trimestre", 1],
    ["2do trimestre", 2],
    ["3er trimestre", 3],
    ["4to trimestre", 4],
    ["1º trimestre", 1],
    ["2° trimestre", 2],
    ["Quarter 1", 1],
    ["quarter 4", 4],
    ["Qtr 1", 1],
    ["Qtr3", 3],
    ["Trimestre I", 1],
    ["Trimestre IV", 4],
    ["Quarter III", 3],
    ["1st quarter", 1],
    ["2nd Quarter", 2],
    ["3rd quarter", 3],
    ["4th quarter", 4],
    ["First quarter", 1],
    ["Primer trimestre", 1],
    ["Segundo trimestre", 2],
    ["Cuarto trimestre", 4],
    ["\u00a0Q1 ", 1],
    // Not quarters
    ["Q5", null],
    ["Q0", null],
    ["T", null],
    ["it", null],
    ["IT", null],
    ["ti", null],
    ["Trimestre V", null],
    ["Fifth quarter", null],
    ["Quarterly", null],
    ["Q1 2022", null],
    ["2022", null],
    ["", null],
  ])("%j → %p", (input, expected) => {
    expect(parseQuarterOnly(input)).toBe(expected);
  });
});

describe("parsePeriodHeader", () => {
  test.each<[string, Cell | null | undefined, Period | null]>([
    ["year number", { value: 2018 }, "2018"],
    ["year shown as 2,021", { value: 2021, text: "2,021", numFmt: "#,##0" }, "2021"],
    ["year text", text("2020"), "2020"],
    ["Año 2021", text("Año 2021"), "2021"],
    // A fiscal year column runs July–June (FY21 = 1 July 2020 – 30 June 2021).
    ["FY21", text("FY21"), "FY2021"],
    ["FY 2021/22", text("FY 2021/22"), "FY2022"],
    ["Año fiscal 2022", text("Año fiscal 2022"), "FY2022"],
    // Months, compared by their quarter.
    ["Jan 2022", text("Jan 2022"), "2022-01"],
    ["ene-22", text("ene-22"), "2022-01"],
    ["2022-01", text("2022-01"), "2022-01"],
    ["diciembre de 2022", text("diciembre de 2022"), "2022-12"],
    ["a date shown mmm-yy", { value: new Date(Date.UTC(2022, 2, 1)), numFmt: "mmm-yy" }, "2022-03"],
    ["a date shown with its day", { value: new Date(Date.UTC(2022, 2, 1)), numFmt: "dd/mm/yyyy" }, null],
    ["a date as Office.js gives it: its serial and the text shown", { value: 44621, text: "Mar-22", numFmt: "mmm-yy" }, "2022-03"],
    ["a date's serial shown mmm-yy", { value: 44621, numFmt: "mmm-yy" }, "2022-03"],
    ["an amount shown #,##0", { value: 44621, numFmt: "#,##0" }, null],
    ["a month without a year", text("Jan"), null],
    ["2022 T1", text("2022 T1"), "2022-Q1"],
    ["Q1 2023", text("Q1 2023"), "2023-Q1"],
    ["1T 2022", text("1T 2022"), "2022-Q1"],
    ["I trimestre 2022", text("I trimestre 2022"), "2022-Q1"],
    ["IV trimestre 2022", text("IV trimestre 2022"), "2022-Q4"],
    ["T1-2022", text("T1-2022"), "2022-Q1"],
    ["2022-Q1", text("2022-Q1"), "2022-Q1"],
    ["Q1/2022", text("Q1/2022"), "2022-Q1"],
    ["Trim 1 2022", text("Trim 1 2022"), "2022-Q1"],
    ["Trim. 3 - 2022", text("Trim. 3 - 2022"), "2022-Q3"],
    ["2022 Q1", text("2022 Q1"), "2022-Q1"],
    ["2022Q2", text("2022Q2"), "2022-Q2"],
    ["1er trimestre 2022", text("1er trimestre 2022"), "2022-Q1"],
    ["Primer trimestre 2022", text("Primer trimestre 2022"), "2022-Q1"],
    ["Quarter 3 2021", text("Quarter 3 2021"), "2021-Q3"],
    ["1st quarter 2021", text("1st quarter 2021"), "2021-Q1"],
    // A fiscal year beside a quarter is read as the calendar year's quarter.
    ["Q1 FY2022", text("Q1 FY2022"), "2022-Q1"],
    ["FY2022 Q3", text("FY2022 Q3"), "2022-Q3"],
    ["quarter in a year outside the range", text("Q1 1900"), null],
    // Not periods
    ["Total", text("Total"), null],
    ["Total planned", text("Total planned"), null],
    ["Total Budget", text("Total Budget"), null],
    ["Balance", text("Balance"), null],
    ["%", text("%"), null],
    ["Budget", text("Budget"), null],
    ["Expenditure", text("Expenditure"), null],
    ["Outputs", text("Outputs"), null],
    ["amount", { value: 235000 }, null],
    ["fraction", { value: 2021.5 }, null],
    ["range", text("2021-2022"), null],
    ["Q1 alone", text("Q1"), null],
    // Project years (UNDP budgets): counted from the project's start, not calendar years.
    ["Year 1", text("Year 1"), "Y1"],
    ["Amount Year 2 (USD)", text("Amount Year 2 (USD)"), "Y2"],
    ["Año 3", text("Año 3"), "Y3"],
    ["Project Year 4", text("Project Year 4"), "Y4"],
    ["Y1", text("Y1"), "Y1"],
    ["Year 0", text("Year 0"), null],
    ["Year 16", text("Year 16"), null],
    ["IT 2022", text("IT 2022"), null],
    ["empty string", text(""), null],
    ["empty value", { value: null }, null],
    ["null cell", null, null],
  ])("%s", (_name, cell, expected) => {
    expect(parsePeriodHeader(cell)).toBe(expected);
  });

  test("the seed's work-plan header row (PIR section IX)", () => {
    const printed = [
      "Outputs",
      "Total Budget",
      "2018",
      "2019",
      "2020",
      "2,021",
      "2022 T1",
      "2022 T2",
      "2022 T3",
      "2022 T4",
      "2023 T1",
      "2023 T2",
    ];
    expect(printed.map((h) => parsePeriodHeader(text(h)))).toEqual([
      null,
      null,
      "2018",
      "2019",
      "2020",
      "2021",
      "2022-Q1",
      "2022-Q2",
      "2022-Q3",
      "2022-Q4",
      "2023-Q1",
      "2023-Q2",
    ]);
  });

  test("the same header as Excel stores it: years as numbers, 2021 formatted with a separator", () => {
    const cells: Cell[] = [
      text("Outputs"),
      text("Total Budget"),
      { value: 2018 },
      { value: 2019 },
      { value: 2020 },
      { value: 2021, text: "2,021", numFmt: "#,##0" },
      text("2022 T1"),
      text("2023 T2"),
    ];
    expect(cells.map(parsePeriodHeader)).toEqual([null, null, "2018", "2019", "2020", "2021", "2022-Q1", "2023-Q2"]);
  });

  test("the seed's financial-table headers name no period", () => {
    for (const h of ["Project components", "GEF Fund (USD)", "Budget", "Expenditure"]) {
      expect(parsePeriodHeader(text(h))).toBeNull();
    }
  });
});

describe("period dates", () => {
  test.each<[Period, string, string]>([
    ["2021", "2021-01-01", "2021-12-31"],
    ["2022-Q1", "2022-01-01", "2022-03-31"],
    ["2022-Q2", "2022-04-01", "2022-06-30"],
    ["2022-Q3", "2022-07-01", "2022-09-30"],
    ["2022-Q4", "2022-10-01", "2022-12-31"],
  ])("%s runs %s … %s", (p, start, end) => {
    expect(periodStart(p)).toBe(start);
    expect(periodEnd(p)).toBe(end);
  });

  test("rejects what is not a period", () => {
    expect(() => periodStart("2022-Q5")).toThrow(/2022-Q5/);
    expect(() => periodEnd("22")).toThrow();
  });
});

describe("comparePeriods", () => {
  test("sorts chronologically, a year before the quarter it starts with", () => {
    const shuffled: Period[] = ["2023-Q2", "2022-Q1", "2021", "2022", "2018", "2022-Q4", "2023-Q1", "2020-Q3"];
    expect([...shuffled].sort(comparePeriods)).toEqual([
      "2018",
      "2020-Q3",
      "2021",
      "2022",
      "2022-Q1",
      "2022-Q4",
      "2023-Q1",
      "2023-Q2",
    ]);
  });

  test.each<[Period, Period, number]>([
    ["2021", "2021", 0],
    ["2022-Q1", "2022-Q1", 0],
    ["2021", "2022", -1],
    ["2022-Q2", "2022-Q1", 1],
    ["2022", "2022-Q1", -1],
    ["2022-Q1", "2022", 1],
    ["2021-Q4", "2022", -1],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });
});

describe("periodEndsBy", () => {
  // The seed's reporting period FY22 ends on 2022-06-30.
  test.each<[Period, string, boolean]>([
    ["2021", "2022-06-30", true],
    ["2022", "2022-06-30", false],
    ["2022-Q1", "2022-06-30", true],
    ["2022-Q2", "2022-06-30", true],
    ["2022-Q3", "2022-06-30", false],
    ["2022-Q2", "2022-06-29", false],
    ["2021", "2021-12-31", true],
    ["2022-Q2", "2022-06-30T23:59:59Z", true],
  ])("%s by %s → %p", (p, date, expected) => {
    expect(periodEndsBy(p, date)).toBe(expected);
  });
});

describe("periodLabel", () => {
  test.each<[Period, "en" | "es", string]>([
    ["2021", "en", "2021"],
    ["2021", "es", "2021"],
    ["2022-Q1", "en", "2022 Q1"],
    ["2022-Q1", "es", "2022 T1"],
    ["2023-Q4", "en", "2023 Q4"],
  ])("%s in %s → %s", (p, language, expected) => {
    expect(periodLabel(p, language)).toBe(expected);
  });

  test("a Spanish label reads back as the same period", () => {
    for (const p of ["2021", "2022-Q1", "2023-Q4"]) {
      expect(parsePeriodHeader(text(periodLabel(p, "es")))).toBe(p);
      expect(parsePeriodHeader(text(periodLabel(p, "en")))).toBe(p);
    }
  });
});

describe("project years", () => {
  test("sort after calendar periods, in order, and never end by a date", () => {
    expect(["Y2", "2022-Q1", "Y1", "2021"].sort(comparePeriods)).toEqual(["2021", "2022-Q1", "Y1", "Y2"]);
    expect(periodEndsBy("Y1", "2030-06-30")).toBe(false);
    expect(periodLabel("Y3", "en")).toBe("Year 3");
    expect(periodLabel("Y3", "es")).toBe("Año 3");
  });
});

describe("project years once the project's start is known", () => {
  test("year n ends the day before the start's n-th anniversary", () => {
    expect(projectYearEnd("2020-07-01", 1)).toBe("2021-06-30");
    expect(projectYearEnd("2020-01-01", 3)).toBe("2022-12-31");
    expect(projectYearEnd("2020-02-29", 1)).toBe("2021-02-28");
  });

  test("a project year has ended by a date only when the start is known", () => {
    expect(periodEndsBy("Y1", "2022-06-30")).toBe(false);
    expect(periodEndsBy("Y1", "2022-06-30", "2020-07-01")).toBe(true);
    expect(periodEndsBy("Y2", "2022-06-30", "2020-07-01")).toBe(true);
    expect(periodEndsBy("Y3", "2022-06-30", "2020-07-01")).toBe(false);
  });
});
