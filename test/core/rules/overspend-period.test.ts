/** overspend.period: an expenditure report above the work plan in a period. */
import { checkSheets, findingsOf, sheet } from "../recognizers/grid-helpers";

const plan = sheet("Plan", [
  ["Work plan 2023"],
  [],
  ["Component", "2023", "2024"],
  ["Component 1: Policy", 40000, 30000],
  ["Component 2: Pilots", 20000, 20000],
  ["Total", 60000, 50000],
]);

const report = (q3: number) =>
  sheet("Spent", [
    ["Expenditure report 2023"],
    [],
    ["Component", "2023 Q1", "2023 Q2", "2023 Q3", "2023 Q4"],
    ["Component 1: Policy", 10000, 10000, q3, 10000],
    ["Component 2: Pilots", 5000, 5000, 5000, 5000],
    ["Total", 15000, 15000, q3 + 5000, 15000],
  ]);

test("the quarters of a year added up against the year's plan, with the plan's place", () => {
  const found = findingsOf("overspend.period", (language) => checkSheets([plan, report(15000)], { period: "FY24", language }));
  expect(found.short).toEqual(["overspend.period E4 1 40000 45000"]);
  expect(found.severity).toEqual(["warning"]);
  expect(found.en).toEqual(["Component 1: in 2023 expenditure 45,000.00 is above the plan of 40,000.00 (by 5,000.00; plan in book.xlsx › Plan)."]);
  expect(found.es).toEqual(["Componente 1: en 2023 el gasto 45.000,00 supera lo planificado 40.000,00 (en 5.000,00; plan en book.xlsx › Plan)."]);
});

test("spending within the plan is no finding", () => {
  expect(checkSheets([plan, report(10000)]).findings.filter((f) => f.rule === "overspend.period")).toEqual([]);
});
