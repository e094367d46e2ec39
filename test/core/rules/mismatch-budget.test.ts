/** mismatch.budget: one component's budget told differently by two tables. */
import { checkSheets, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = sheet("Budget", [
  ["Component", "Budget", "Expenditure"],
  ["Component 1: Policy", 100000, 50000],
  ["Component 2: Pilots", 50000, 20000],
  ["Total", 150000, 70000],
]);

const plan = (budget2: number) =>
  sheet("Plan", [
    ["Component", "Total Budget", "2023", "2024"],
    ["Component 1: Policy", 100000, 50000, 50000],
    ["Component 2: Pilots", budget2, 20000, 30000],
    ["Total", 100000 + budget2, 70000, 80000],
  ]);

test("the budget table is the reference; the message names the other table's cell", () => {
  const found = findingsOf("mismatch.budget", (language) => checkSheets([budget, plan(60000)], { period: "FY24", language }));
  expect(found.short).toEqual(["mismatch.budget B3 2 60000 50000"]);
  expect(found.en).toEqual(["Component 2: the budget is 50,000.00 here but 60,000.00 in book.xlsx › Plan!B3; a difference of 10,000.00."]);
  expect(found.es).toEqual(["Componente 2: el presupuesto es 50.000,00 aquí pero 60.000,00 en book.xlsx › Plan!B3; diferencia 10.000,00."]);
});

test("the same budgets in both tables are no finding", () => {
  expect(checkSheets([budget, plan(50000)]).findings.filter((f) => f.rule === "mismatch.budget")).toEqual([]);
});
