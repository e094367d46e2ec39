/**
 * The financial table reads a component's expenditure from its first row in
 * the budget table, as every rule does (componentRowsByCode): a later row
 * that names the component again is not its expenditure.
 */
import { address } from "../../../src/core/grid";
import type { Table, TableRow } from "../../../src/core/model";
import { rowLabelled, rowValues, pirSheet } from "./sheet-query";

function row(r: number, label: string, component: string | null, kind: TableRow["kind"], values: Array<number | null>, firstCol = 1): TableRow {
  return {
    row: r,
    label,
    kind,
    component,
    output: null,
    amounts: [null, ...values.map((v, j) => (v === null ? null : { cell: address(r, firstCol + j), value: v }))],
    parent: null,
  };
}

// A plan without a Budget column: its components' budgets are the totals of their periods.
const plan: Table = {
  file: "plan.xlsx",
  sheet: "Plan",
  kind: "workplan",
  range: "A1:D4",
  title: null,
  headerRows: [0],
  columns: [
    { col: 0, header: "Outputs", role: "label" },
    { col: 1, header: "2021", role: "period", period: "2021" },
    { col: 2, header: "2022", role: "period", period: "2022" },
    { col: 3, header: "Total", role: "rowTotal" },
  ],
  rows: [
    row(1, "Component 1", "1", "component", [100, 200, 300]),
    row(2, "Component 2", "2", "component", [400, 500, 900]),
    row(3, "Total", null, "total", [500, 700, 1200]),
  ],
  currency: null,
  layout: "rows-by-component",
  notes: [],
};

// Expenditure per component, without a Budget column; component 2's own row has none, a later row names it again.
const spent: Table = {
  file: "spent.xlsx",
  sheet: "Spent",
  kind: "budget",
  range: "A1:B5",
  title: null,
  headerRows: [0],
  columns: [
    { col: 0, header: "Components", role: "label" },
    { col: 1, header: "Expenditure", role: "expenditure" },
  ],
  rows: [
    row(1, "Component 1", "1", "component", [150]),
    row(2, "Component 2", "2", "component", [null]),
    row(3, "Component 2 (continued)", "2", "component", [77]),
    row(4, "Total", null, "total", [227]),
  ],
  currency: null,
  layout: "rows-by-component",
  notes: [],
};

test("a component's expenditure is its first row's, never a later row's", () => {
  const sheet = pirSheet([plan, spent]);
  const top = rowLabelled(sheet, "Project components") + 2;
  expect([0, 1, 2].map((k) => rowValues(sheet, top + k, 0, 2))).toEqual([
    ["Component 1", 300, 150],
    ["Component 2", 900, null],
    ["Total (USD)", 1200, 150],
  ]);
});
