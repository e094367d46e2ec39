/** formula.constant: a number typed into a subtotal whose other cells add up their lines with formulas. */
import { check, findingsOf, sheet, short, type Value } from "../recognizers/grid-helpers";

function plan(block2: Value, total: Value, typed: Value = { f: "SUM(D5:D6)", v: 12000 }) {
  return sheet("Plan", [
    ["Code", "Description", "Year 1", "Year 2", "Total"],
    [71200, "International Consultants", 10000, 5000, 15000],
    [71300, "Local Consultants", 4000, 7000, 11000],
    [null, "Total Outcome 1", { f: "SUM(C2:C3)", v: 14000 }, { f: "SUM(D2:D3)", v: 12000 }, { f: "SUM(E2:E3)", v: 26000 }],
    [72100, "Contractual Services-Companies", 20000, 8000, 28000],
    [75700, "Training, Workshops and Confer", 3000, 4000, 7000],
    [null, "Total Outcome 2", block2, typed, { f: "SUM(E5:E6)", v: 35000 }],
    [null, "PROJECT TOTAL", total, { f: "SUM(D4,D7)", v: 24000 }, { f: "SUM(E4,E7)", v: 61000 }],
  ]);
}

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
