/** sum.component: a component row against its outputs, or its lines written after it. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const plan = (component2021: number) =>
  sheet("Plan", [
    ["Component / Output", "2021", "2022"],
    ["Component 1: Policy", component2021, 30000],
    ["Output 1.1: Laws drafted", 10000, 20000],
    ["Output 1.2: Staff trained", 15000, 10000],
    ["Total", component2021, 30000],
  ]);

test("names the component and the period; a difference of rounding is a warning", () => {
  const found = findingsOf("sum.component", (language) => check(plan(26000), { period: "FY24", language }));
  expect(found.short).toEqual(["sum.component B2 1 25000 26000"]);
  expect(found.severity).toEqual(["error"]);
  expect(found.en).toEqual(["Component 1, 2021: the row shows 26,000.00 but its outputs add up to 25,000.00 (a difference of 1,000.00)."]);
  expect(found.es).toEqual(["Componente 1, 2021: la fila muestra 26.000,00 pero sus productos suman 25.000,00 (diferencia 1.000,00)."]);
  const rounding = findingsOf("sum.component", (language) => check(plan(25001), { period: "FY24", language }));
  expect(rounding.severity).toEqual(["warning"]);
  expect(rounding.en[0]).toMatch(/The difference is small enough to be rounding\.$/);
  expect(rounding.es[0]).toMatch(/puede deberse al redondeo\.$/);
});

test("lines under an outcome, added up in a 'Total Outcome' row after them", () => {
  const tbwp = sheet("TBWP", [
    ["Atlas Budgetary Account Code", "ATLAS Budget Description", "Year 1", "Year 2", "Total (USD)"],
    [71200, "International Consultants", 10000, 5000, 15000],
    [71300, "Local Consultants", 4000, 7000, 11000],
    [null, "Total Outcome 1", 14000, 13000, 27000],
    [null, "PROJECT TOTAL", 14000, 13000, 27000],
  ]);
  expect(findingsOf("sum.component", () => check(tbwp)).short).toEqual(["sum.component D4 1 12000 13000"]);
});

test("a component that adds up is no finding", () => {
  expect(check(plan(25000)).findings).toEqual([]);
});
