/** mismatch.expenditure: cumulative expenditure told differently by two tables. */
import { checkSheets, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (spent1: number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, spent1],
    ["Component 2: Pilots", 50000, 20000],
    ["Total", 150000, spent1 + 20000],
  ]);

const spent = sheet("Spent", [
  ["Expenditure report"],
  [],
  ["Component", "2022", "2023"],
  ["Component 1: Policy", 20000, 30000],
  ["Component 2: Pilots", 10000, 10000],
  ["Total", 30000, 40000],
]);

test("an expenditure report's years up to the reporting period, added up, against the budget table", () => {
  const found = findingsOf("mismatch.expenditure", (language) => checkSheets([budget(55000), spent], { period: "FY24", language }));
  expect(found.short).toEqual(["mismatch.expenditure C2 1 50000 55000"]);
  expect(found.severity).toEqual(["error"]);
  expect(found.en).toEqual([
    "Component 1: cumulative expenditure is 55,000.00 here but 50,000.00 in book.xlsx › Spent!C4 (the expenditure report's periods 2022 – 2023 added up: those that end by the close of FY24); a difference of 5,000.00.",
  ]);
  expect(found.es).toEqual([
    "Componente 1: el gasto acumulado es 55.000,00 aquí pero 50.000,00 en book.xlsx › Spent!C4 (suma de los gastos, períodos 2022 – 2023, los que terminan a más tardar al cierre de FY24); diferencia 5.000,00.",
  ]);
});

test("the same expenditure in both tables is no finding", () => {
  expect(checkSheets([budget(50000), spent]).findings.filter((f) => f.rule === "mismatch.expenditure")).toEqual([]);
});

test("a work plan that starts within the reporting period holds no past actuals: it is not compared", () => {
  const plan = (first: string, second: string) =>
    sheet("Plan", [
      ["Work plan"],
      [],
      ["Component", "Total Budget", first, second],
      ["Component 1: Policy", 100000, 30000, 30000],
      ["Component 2: Pilots", 50000, 10000, 10000],
      ["Total", 150000, 40000, 40000],
    ]);
  // FY22 runs from July 2021: a plan from 2022 Q1 cannot hold the 55,000 spent since the project began.
  expect(checkSheets([budget(55000), plan("2022 Q1", "2022 Q2")], { period: "FY22" }).findings.filter((f) => f.rule === "mismatch.expenditure")).toEqual([]);
  // A plan from 2021 Q1 does: its quarters to June 2022 add up to 60,000.
  const found = findingsOf("mismatch.expenditure", () => checkSheets([budget(55000), plan("2021 Q1", "2021 Q2")], { period: "FY22" }));
  expect(found.short).toEqual(["mismatch.expenditure C2 1 60000 55000"]);
  expect(found.severity).toEqual(["warning"]);
});

test("a report of one year is no cumulative expenditure, unless it starts where the project does", () => {
  const oneYear = sheet("CDR", [
    ["Combined Delivery Report 2023"],
    [],
    ["Component", "2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4"],
    ["Component 1: Policy", 5000, 5000, 5000, 5000],
    ["Component 2: Pilots", 2000, 2000, 2000, 2000],
    ["Total", 7000, 7000, 7000, 7000],
  ]);
  const rule = (settings: Record<string, unknown>) => checkSheets([budget(55000), oneYear], { period: "FY24", ...settings }).findings.filter((f) => f.rule === "mismatch.expenditure").map((f) => `${f.cell} ${f.expected} ${f.actual}`);
  // Held against spending since the start, 2023 alone would make every earlier year a difference.
  expect(rule({})).toEqual([]);
  expect(rule({ projectStart: "2023-01-01" })).toEqual(["C2 20000 55000", "C3 8000 20000"]);
  expect(rule({ projectStart: "2021-07-01" })).toEqual([]);
});
