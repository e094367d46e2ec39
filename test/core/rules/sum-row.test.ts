/** sum.row: a total column against the columns it adds up. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

test("a Total column against the row's periods", () => {
  const plan = sheet("Plan", [
    ["Component / Output", "2021", "2022", "Total"],
    ["Component 1: Policy", 25000, 30000, 56000],
    ["Output 1.1: Laws drafted", 25000, 30000, 55000],
    ["Total", 25000, 30000, 56000],
  ]);
  const found = findingsOf("sum.row", (language) => check(plan, { period: "FY24", language }));
  expect(found.short).toEqual(["sum.row D2 1 55000 56000", "sum.row D4 - 55000 56000"]);
  expect(found.en[0]).toBe('Component 1: the "Total" column shows 56,000.00 but the row\'s periods add up to 55,000.00 (a difference of 1,000.00).');
  expect(found.es[0]).toBe('Componente 1: la columna "Total" muestra 56.000,00 pero los períodos de la fila suman 55.000,00 (diferencia 1.000,00).');
});

test("Annex E: the Sub-Total against the component columns", () => {
  const annex = sheet(
    "Annex E",
    [
      ["Expenditure Category", "Detailed Description", "Component (USDeq.)", null, "Sub-Total", "M&E", "PMC", "Total (USDeq.)"],
      [null, null, "Component 1", "Component 2"],
      ["Goods", "Equipment", 50000, 100000, 151000, 0, 0, 151000],
      ["Travel", "Field missions", 10000, 0, 10000, 0, 5000, 15000],
      ["Grand Total", null, 60000, 100000, 161000, 0, 5000, 166000],
    ],
    ["C1:D1", "A1:A2", "B1:B2", "E1:E2", "F1:F2", "G1:G2", "H1:H2"],
  );
  const found = findingsOf("sum.row", (language) => check(annex, { period: "FY24", language }));
  expect(found.short).toEqual(["sum.row E3 - 150000 151000", "sum.row E5 - 160000 161000"]);
  expect(found.en[0]).toBe('"Equipment": the "Sub-Total" column shows 151,000.00 but the row\'s components add up to 150,000.00 (a difference of 1,000.00).');
  expect(found.es[0]).toBe('"Equipment": la columna "Sub-Total" muestra 151.000,00 pero los componentes de la fila suman 150.000,00 (diferencia 1.000,00).');
});

test("totals that add up are no finding", () => {
  const plan = sheet("Plan", [
    ["Component / Output", "2021", "2022", "Total"],
    ["Component 1: Policy", 25000, 30000, 55000],
    ["Total", 25000, 30000, 55000],
  ]);
  expect(check(plan).findings).toEqual([]);
});
