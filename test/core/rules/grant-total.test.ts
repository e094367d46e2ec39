/** grant.total: the budget's total against the GEF grant. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (grant: number | null) =>
  sheet("Budget", [
    ["GEF Project Financing", grant],
    [],
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 1100000, 0],
    ["Project management (PMC)", 100000, 0],
    ["Total", 1200000, 0],
  ]);

test("a grant read from the workbook names its cell", () => {
  const found = findingsOf("grant.total", (language) => check(budget(1250000), { period: "FY24", language }));
  expect(found.short).toEqual(["grant.total B6 - 1250000 1200000"]);
  expect(found.en).toEqual(["The budget adds up to 1,200,000.00 here but the GEF grant is 1,250,000.00 (in book.xlsx › Budget!B1); a difference of 50,000.00."]);
  expect(found.es).toEqual(["El presupuesto suma 1.200.000,00 aquí, pero la donación GEF es 1.250.000,00 (en book.xlsx › Budget!B1); diferencia 50.000,00."]);
});

test("a grant set by the user wins over the workbook's", () => {
  const found = findingsOf("grant.total", (language) => check(budget(1200000), { period: "FY24", gefGrant: 1300000, language }));
  expect(found.en).toEqual(["The budget adds up to 1,200,000.00 here but the GEF grant is 1,300,000.00 (as set); a difference of 100,000.00."]);
  expect(found.es[0]).toMatch(/\(configurada\)/);
});

test("a total equal to the grant, or no grant known, is no finding", () => {
  expect(check(budget(1200000)).findings).toEqual([]);
  expect(check(budget(null)).findings).toEqual([]);
});
