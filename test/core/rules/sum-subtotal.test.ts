/** sum.subtotal: any other subtotal ("1199 Sub-Total") against its lines. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const unep = (subtotal: number) =>
  sheet("Budget", [
    ["Budget line", "Object of expenditure", "2021", "2022", "Total"],
    [1100, "Project personnel", null, null, null],
    [1101, "Project coordinator", 20000, 20000, 40000],
    [1102, "Finance assistant", 10000, 10000, 20000],
    [1199, "Sub-Total", subtotal, 30000, subtotal + 30000],
    [1999, "Component Total", subtotal, 30000, subtotal + 30000],
    [99, "GRAND TOTAL", subtotal, 30000, subtotal + 30000],
  ]);

test("a UNEP sub-total against its budget lines", () => {
  const found = findingsOf("sum.subtotal", (language) => check(unep(31000), { period: "FY24", language }));
  expect(found.short).toEqual(["sum.subtotal C5 - 30000 31000"]);
  expect(found.en).toEqual(['"Sub-Total", 2021: the row shows 31,000.00 but its lines add up to 30,000.00 (a difference of 1,000.00).']);
  expect(found.es).toEqual(['"Sub-Total", 2021: la fila muestra 31.000,00 pero sus líneas suman 30.000,00 (diferencia 1.000,00).']);
});

test("a sub-total that adds up is no finding", () => {
  expect(check(unep(30000)).findings).toEqual([]);
});
