/** label.missing: a row of amounts without a label. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

test("names the row and its amounts", () => {
  const budget = sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, 50000],
    [null, 2280000, 56156.94],
    ["Total", 2380000, 106156.94],
  ]);
  const found = findingsOf("label.missing", (language) => check(budget, { period: "FY24", language }));
  expect(found.short).toEqual(["label.missing A3 - - 2280000"]);
  expect(found.en).toEqual(["Row 3 has amounts (2,280,000.00 | 56,156.94) but no label; it is counted in the sums without saying what it is."]);
  expect(found.es).toEqual(["La fila 3 tiene montos (2.280.000,00 | 56.156,94) pero no tiene nombre; se cuenta en las sumas sin saber a qué corresponde."]);
});

test("labelled rows are no finding", () => {
  const budget = sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, 50000],
    ["Total", 100000, 50000],
  ]);
  expect(check(budget).findings).toEqual([]);
});
