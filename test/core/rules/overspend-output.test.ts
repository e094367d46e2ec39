/** overspend.output: an output that spent, or plans to spend, past its budget. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

test("a budget table's output above its budget", () => {
  const budget = sheet("Budget", [
    ["Component / Output", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, 90000],
    ["Output 1.1: Laws drafted", 60000, 65000],
    ["Output 1.2: Staff trained", 40000, 25000],
    ["Total", 100000, 90000],
  ]);
  const found = findingsOf("overspend.output", (language) => check(budget, { period: "FY24", language }));
  expect(found.short).toEqual(["overspend.output C3 1 60000 65000"]);
  expect(found.en).toEqual(["Output 1.1: expenditure 65,000.00 is above the budget 60,000.00 by 5,000.00."]);
  expect(found.es).toEqual(["Producto 1.1: el gasto 65.000,00 supera el presupuesto 60.000,00 en 5.000,00."]);
});

test("a work plan's output whose periods pass its budget; its only output repeating the component is not reported twice", () => {
  const plan = sheet("Plan", [
    ["Component / Output", "Total Budget", "2023", "2024"],
    ["Component 1: Policy", 100000, 50000, 50000],
    ["Output 1.1: Laws drafted", 60000, 40000, 30000],
    ["Output 1.2: Staff trained", 40000, 10000, 20000],
    ["Component 2: Pilots", 50000, 30000, 30000],
    ["Output 2.1: Farms", 50000, 30000, 30000],
    ["Total", 150000, 80000, 80000],
  ]);
  const found = findingsOf("overspend.output", (language) => check(plan, { period: "FY24", language }));
  expect(found.short).toEqual(["overspend.output D3 1 60000 70000"]);
  expect(found.en).toEqual(["Output 1.1: by 2024 the amounts add up to 70,000.00, above the total budget of 60,000.00 (by 10,000.00). Over all periods: 70,000.00."]);
  expect(found.es).toEqual(["Producto 1.1: hasta 2024 los montos suman 70.000,00, más que el presupuesto total de 60.000,00 (en 10.000,00). En todos los períodos: 70.000,00."]);
});
