/**
 * Formulas as evidence: a subtotal's SUM that leaves out a line or counts a
 * subtotal twice, and a typed number among a subtotal's formulas.
 */
import { summedRows } from "../../../src/core/rules/formula-range";
import { check, short } from "../recognizers/grid-helpers";
import { plan } from "./formula-plan";

test("summedRows reads plain SUMs over one column only", () => {
  expect([...summedRows("SUM(C4:C6)", 2)!]).toEqual([3, 4, 5]);
  expect([...summedRows("sum(C4,C9, C12)", 2)!]).toEqual([3, 8, 11]);
  expect(summedRows("SUM(C4:D6)", 2)).toBeNull();
  expect(summedRows("C4+C5", 2)).toBeNull();
  expect(summedRows("SUM(Other!C4:C6)", 2)).toBeNull();
});

test("a consistent budget whose subtotals are SUMs gives nothing", () => {
  const result = check(plan({ f: "SUM(C5:C6)", v: 23000 }, { f: "SUM(C4,C7)", v: 37000 }));
  expect(result.tables[0].layout).toBe("line-items");
  expect(result.findings.map(short)).toEqual([]);
});

test("a SUM that leaves out the block's last line, and a total that counts a block with its lines", () => {
  const result = check(plan({ f: "SUM(C5:C5)", v: 20000 }, { f: "SUM(C2:C7)", v: 71000 }));
  expect(result.findings.map(short)).toEqual([
    "formula.range C7 2 - 20000",
    "sum.component C7 2 23000 20000",
    "sum.row E7 2 32000 35000",
    "formula.range C8 - - 71000",
    "sum.total C8 - 34000 71000",
    "sum.row E8 - 95000 61000",
  ]);
  expect(result.findings[0].message).toBe(
    "Component 2: the formula =SUM(C5:C5) in C7 leaves out row 6 (75700 Training, Workshops and Confer), 3,000.00.",
  );
  expect(result.findings[3].message).toBe(
    "Total: the formula =SUM(C2:C7) in C8 counts row 4 (Total Outcome 1), row 7 (Total Outcome 2) and their lines twice.",
  );
});
