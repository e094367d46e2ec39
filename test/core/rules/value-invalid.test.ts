/** value.invalid: an amount cell that holds no amount. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (spent2: string | number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, "#REF!"],
    ["Component 2: Pilots", 50000, spent2],
    ["Total", 150000, 40000],
  ]);

test("an Excel error is an error, other text a warning; neither is read as zero", () => {
  const found = findingsOf("value.invalid", (language) => check(budget("n/a"), { period: "FY24", language }));
  expect(found.short).toEqual(["value.invalid C2 1 - -", "value.invalid C3 2 - -"]);
  expect(found.severity).toEqual(["error", "warning"]);
  expect(found.en).toEqual([
    'Cell C2 holds "#REF!", which is not an amount; it was left out of the sums.',
    'Cell C3 holds "n/a", which is not an amount; it was left out of the sums.',
  ]);
  expect(found.es[0]).toBe('La celda C2 contiene "#REF!", que no es un monto; no se incluyó en las sumas.');
  // The total is not checked against a column with a cell that holds no amount.
  expect(check(budget("n/a")).findings.filter((f) => f.rule === "sum.total")).toEqual([]);
});

test("amounts, blanks and dashes are no finding", () => {
  expect(check(budget("-")).findings.filter((f) => f.rule === "value.invalid" && f.cell !== "C2")).toEqual([]);
});
