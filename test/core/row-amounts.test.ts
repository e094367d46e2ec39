/**
 * Rows whose money cells are plain numbers keep their grid row and make
 * their cell objects only when asked (src/core/row-amounts.ts). Whatever is
 * asked first, a row must read exactly as a row read at once would.
 */
import type { SheetGrid } from "../../src/core/grid";
import type { TableRow } from "../../src/core/model";
import { recognizeSheet } from "../../src/core/recognize";
import { isPlainAmountRow } from "../../src/core/row-amounts";
import { amountAt, formulaAt, isAmountless, printedAt } from "../../src/core/rules/table-access";

function sheet(rows: Array<Array<string | number | null | { value: number; formula: string }>>): SheetGrid {
  return {
    name: "Plan",
    cells: rows.map((r) => r.map((v) => (v === null ? null : typeof v === "object" ? v : { value: v }))),
    merges: [],
  };
}

const plan = sheet([
  ["Output", "Total budget", 2023, 2024],
  ["Component 1: Policy", 15000, { value: 6000, formula: "SUM(C3:C4)" }, { value: 9000, formula: "SUM(D3:D4)" }],
  ["1.1 Study", 10000, 4000, "  "],
  ["1.2 Workshop", 5000, "2,000.50", 3000],
  ["Component 2: Pilots", null, null, null],
  ["2.1 Equipment", 20000, 10000, 10000],
  ["Total", 35000, 16000, 19000],
]);

function rows(): TableRow[] {
  return recognizeSheet("plan.xlsx", plan).tables[0].rows;
}

const byLabel = (rs: TableRow[], start: string) => rs.find((r) => r.label.startsWith(start))!;

test("rows of plain numbers are read from the grid; a row holding text amounts is read at once", () => {
  const rs = rows();
  expect(isPlainAmountRow(byLabel(rs, "1.1"))).toBe(true);
  expect(isPlainAmountRow(byLabel(rs, "Component 1"))).toBe(true);
  expect(isPlainAmountRow(byLabel(rs, "1.2"))).toBe(false);
});

test("the numbers read without cell objects equal the cells' own", () => {
  const rs = rows();
  for (const r of rs)
    r.amounts.forEach((a, i) => {
      expect(amountAt(r, i)).toBe(a ? a.value : 0);
      expect(printedAt(r, i)).toBe(a ? a.value : null);
      expect(formulaAt(r, i)).toBe(a?.formula);
    });
  // Asked before `amounts` was ever touched, on fresh rows:
  const fresh = rows();
  const study = byLabel(fresh, "1.1");
  expect([0, 1, 2, 3].map((i) => amountAt(study, i))).toEqual([0, 10000, 4000, 0]);
  expect([0, 1, 2, 3].map((i) => printedAt(study, i))).toEqual([null, 10000, 4000, null]);
  expect(formulaAt(byLabel(fresh, "Component 1"), 2)).toBe("SUM(C3:C4)");
  expect(isAmountless(byLabel(fresh, "Component 2"))).toBe(true);
  expect(isAmountless(study)).toBe(false);
});

test("the cells, when asked for, carry their A1 address, value and formula, and serialise like any row", () => {
  const component = byLabel(rows(), "Component 1");
  expect(component.amounts.map((a) => a && { cell: a.cell, value: a.value, formula: a.formula })).toEqual([
    null,
    { cell: "B2", value: 15000, formula: undefined },
    { cell: "C2", value: 6000, formula: "SUM(C3:C4)" },
    { cell: "D2", value: 9000, formula: "SUM(D3:D4)" },
  ]);
  // Asked twice, the same objects: rules may keep them.
  expect(component.amounts[1]).toBe(component.amounts[1]);
  const json = JSON.parse(JSON.stringify(component));
  expect(json.amounts).toEqual([null, { cell: "B2", value: 15000 }, { cell: "C2", value: 6000, formula: "SUM(C3:C4)" }, { cell: "D2", value: 9000, formula: "SUM(D3:D4)" }]);
  expect(Object.keys(json)).not.toContain("__source");
  // A worker posts tables to the page by structured clone: the cells must arrive whole.
  const cloned = structuredClone(component);
  expect(cloned.amounts.map((a) => a && { cell: a.cell, value: a.value, formula: a.formula })).toEqual(component.amounts.map((a) => a && { cell: a.cell, value: a.value, formula: a.formula }));
  // A spread copy is a plain row with the same amounts.
  expect({ ...component }.amounts).toBe(component.amounts);
});

test("amounts set by hand replace the grid's", () => {
  const study = byLabel(rows(), "1.1");
  study.amounts = [null, { cell: "B3", value: 1 }, null, null];
  expect(isPlainAmountRow(study)).toBe(false);
  expect(amountAt(study, 1)).toBe(1);
  expect(amountAt(study, 2)).toBe(0);
});
