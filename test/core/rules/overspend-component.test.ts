/** overspend.component: a budget table's component that spent past its budget. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (spent1: number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, spent1],
    ["Component 2: Pilots", 50000, 40000],
    ["Total", 150000, spent1 + 40000],
  ]);

test("names the component, the budget and by how much, in both languages", () => {
  const found = findingsOf("overspend.component", (language) => check(budget(120000), { period: "FY24", language }));
  expect(found.short).toEqual(["overspend.component C2 1 100000 120000"]);
  expect(found.en).toEqual(["Component 1: expenditure 120,000.00 is above the budget 100,000.00 by 20,000.00."]);
  expect(found.es).toEqual(["Componente 1: el gasto 120.000,00 supera el presupuesto 100.000,00 en 20.000,00."]);
});

test("spending up to the budget, or within the tolerance above it, is no finding", () => {
  expect(check(budget(100000)).findings).toEqual([]);
  expect(check(budget(100000.4), { period: "FY24", tolerance: 0.5 }).findings.filter((f) => f.rule === "overspend.component")).toEqual([]);
  expect(check(budget(100000.6), { period: "FY24", tolerance: 0.5 }).findings.filter((f) => f.rule === "overspend.component")).toHaveLength(1);
});
