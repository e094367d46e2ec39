/** expenditure.past: cumulative expenditure below what the work plan's past years already show as spent. */
import { checkSheets, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (spent1: number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 200000, spent1],
    ["Component 2: Pilots", 100000, 30000],
    ["Total", 300000, spent1 + 30000],
  ]);

// Past years 2020 and 2021 hold what was spent; the 2022 quarters are plans.
const plan = sheet("Plan", [
  ["Work plan"],
  [],
  ["Component", "Total Budget", "2020", "2021", "2022 Q1", "2022 Q2", "2022 Q3"],
  ["Component 1: Policy", 200000, 40000, 60000, 20000, 20000, 20000],
  ["Component 2: Pilots", 100000, 10000, 10000, 5000, 5000, 5000],
  ["Total", 300000, 50000, 70000, 25000, 25000, 25000],
]);

test("spending to date below the past years' spending, in both languages", () => {
  const found = findingsOf("expenditure.past", (language) => checkSheets([budget(95000), plan], { period: "FY22", language }));
  expect(found.short).toEqual(["expenditure.past C2 1 100000 95000"]);
  expect(found.en).toEqual([
    "Component 1: cumulative expenditure is 95,000.00, less than the 100,000.00 the work plan already shows as spent in 2020 – 2021 (book.xlsx › Plan!D4); spending to date cannot go down.",
  ]);
  expect(found.es).toEqual([
    "Componente 1: el gasto acumulado es 95.000,00, menos que los 100.000,00 que el plan de trabajo ya muestra gastados en 2020 – 2021 (book.xlsx › Plan!D4); el gasto a la fecha no puede disminuir.",
  ]);
});

test("spending at or above the past years' is no finding; the plan's quarters are not counted as spent", () => {
  // 110,000 is below the 140,000 of the past years plus the quarters to June 2022, but not below the past years' 100,000.
  expect(checkSheets([budget(110000), plan], { period: "FY22" }).findings.filter((f) => f.rule === "expenditure.past")).toEqual([]);
});
