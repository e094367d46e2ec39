/** sum.total: the Total row against the components. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (total: number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, 80000],
    ["Component 2: Pilots", 50000, 40000],
    ["Project management (PMC)", 10000, 9000],
    ["Total", total, 129000],
  ]);

test("names the column and the difference, in both languages", () => {
  const found = findingsOf("sum.total", (language) => check(budget(170000), { period: "FY24", language }));
  expect(found.short).toEqual(["sum.total B5 - 160000 170000"]);
  expect(found.en).toEqual(["Total, Budget: the row shows 170,000.00 but the components add up to 160,000.00 (a difference of 10,000.00)."]);
  expect(found.es).toEqual(["Total, Presupuesto: la fila muestra 170.000,00 pero los componentes suman 160.000,00 (diferencia 10.000,00)."]);
});

test("a total that adds up is no finding", () => {
  expect(check(budget(160000)).findings).toEqual([]);
});
