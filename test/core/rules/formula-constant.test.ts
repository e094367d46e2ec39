/** formula.constant: a number typed into a subtotal whose other cells add up their lines with formulas. */
import { check, findingsOf, short } from "../recognizers/grid-helpers";
import { plan } from "./formula-plan";

test("a number typed into a subtotal whose other cells are formulas", () => {
  const result = check(plan({ f: "SUM(C5:C6)", v: 23000 }, { f: "SUM(C4,C7)", v: 37000 }, 12000));
  expect(result.findings.map(short)).toEqual(["formula.constant D7 2 - 12000"]);
});

test("says which cell, in English and Spanish, as a warning", () => {
  const found = findingsOf("formula.constant", (language) => check(plan({ f: "SUM(C5:C6)", v: 23000 }, { f: "SUM(C4,C7)", v: 37000 }, 12000), { period: "FY24", language }));
  expect(found.severity).toEqual(["warning"]);
  expect(found.en).toEqual(["Component 2: D7 holds the typed number 12,000.00 where the row's other cells add up their lines with a formula; it will not follow changes in column D."]);
  expect(found.es).toEqual(["Componente 2: D7 tiene el número 12.000,00 escrito a mano, mientras las demás celdas de la fila suman sus líneas con una fórmula; no seguirá los cambios de la columna D."]);
});

test("a row of typed numbers, without formulas, is no finding", () => {
  expect(check(plan(23000, { f: "SUM(C4,C7)", v: 37000 }, 12000)).findings.filter((f) => f.rule === "formula.constant")).toEqual([]);
});
