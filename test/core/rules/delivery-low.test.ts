/** delivery.low: expenditure well below the plan for a period that has ended. */
import { checkSheets, findingsOf, sheet } from "../recognizers/grid-helpers";

const plan = sheet("Plan", [
  ["Work plan"],
  [],
  ["Component", "2022", "2023"],
  ["Component 1: Policy", 40000, 30000],
  ["Component 2: Pilots", 20000, 20000],
  ["Total", 60000, 50000],
]);

const report = (spent2: number) =>
  sheet("Spent", [
    ["Expenditure report"],
    [],
    ["Component", "2022", "2023"],
    ["Component 1: Policy", 38000, 29000],
    ["Component 2: Pilots", spent2, 18000],
    ["Total", 38000 + spent2, 47000],
  ]);

test("a component that spent under 70 % of a past year's plan, as a note in both languages", () => {
  const found = findingsOf("delivery.low", (language) => checkSheets([plan, report(9000)], { period: "FY23", language }));
  // 2023 has not ended by 30 June 2023: only 2022 is measured.
  expect(found.short).toEqual(["delivery.low B5 2 20000 9000"]);
  expect(found.severity).toEqual(["info"]);
  expect(found.en).toEqual(["Component 2: delivery in 2022 is 45 % — expenditure 9,000.00 of the 20,000.00 planned (plan in book.xlsx › Plan); below 70 % is low."]);
  expect(found.es).toEqual(["Componente 2: la ejecución de 2022 es 45 %: gasto 9.000,00 de 20.000,00 planificados (plan en book.xlsx › Plan); por debajo de 70 % es baja."]);
});

test("delivery of 70 % or more is no finding", () => {
  expect(checkSheets([plan, report(14000)], { period: "FY23" }).findings.filter((f) => f.rule === "delivery.low")).toEqual([]);
});
