/** A line-item budget whose subtotals are SUM formulas, for the formula rules' tests: block 2 and the total as given. */
import { sheet, type Value } from "../recognizers/grid-helpers";

export function plan(block2: Value, total: Value, typed: Value = { f: "SUM(D5:D6)", v: 12000 }) {
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
