/**
 * Plans that print a component's total below its outputs ("Total Component 1",
 * "Subtotal Component 2"), with or without a "Component 1" line above. Such a
 * line is that component's row of amounts, not the table's grand total: the
 * rows after it must still be read and checked. (Found by trying the tool as
 * a new user would.)
 */
import { checkWorkbooks } from "../../src/core/check";
import type { SheetGrid } from "../../src/core/grid";
import { parseSettings } from "../../src/core/settings";

const settings = parseSettings({ period: "FY24" });

function sheet(rows: Array<Array<string | number>>): SheetGrid {
  return { name: "S", cells: rows.map((r) => r.map((value) => ({ value }))), merges: [] };
}

function check(rows: Array<Array<string | number>>) {
  return checkWorkbooks([{ file: "plan.xlsx", sheets: [sheet(rows)] }], settings);
}

const brief = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.rule} ${f.cell} ${f.component ?? ""} ${f.expected} ${f.actual}`);

test('"Total Component 1" under a component row with amounts is not the grand total', () => {
  const result = check([
    ["Output", "Total budget", 2023, 2024],
    ["Component 1: Policy", 15000, 6000, 9000],
    ["1.1 Study", 10000, 4000, 6000],
    ["1.2 Workshop", 5000, 2000, 2000],
    ["Total Component 1", 15000, 6000, 8000],
    ["Component 2: Pilots", 20000, 10000, 12000],
    ["2.1 Equipment", 20000, 10000, 14000],
    ["Total Component 2", 20000, 10000, 14000],
    ["PMC", 1000, 500, 500],
    ["Grand total", 36000, 16500, 21500],
  ]);
  expect(result.report.files[0].sheets[0].tables[0]).toMatchObject({ range: "A1:D10", components: ["1", "2", "PMC"] });
  expect(brief(result)).toEqual([
    "sum.component D2 1 8000 9000",
    "overspend.plan D6 2 20000 22000",
    "sum.component D6 2 14000 12000",
    "overspend.output D7 2 20000 24000",
    // The grand total's periods (16,500 + 21,500) pass its Total budget of 36,000.
    "overspend.plan D10  36000 38000",
  ]);
});

test('"Subtotal Component 1" below its outputs, with no component line above, is the component row', () => {
  const result = check([
    ["Activity", "Total budget", 2023, 2024, "Total planned"],
    ["1.1 Study", 10000, 4000, 6000, 10000],
    ["1.2 Workshop", 5000, 2000, 2000, 4000],
    ["Subtotal Component 1", 15000, 6000, 9000, 15000],
    ["2.1 Equipment", 20000, 10000, 12000, 22000],
    ["Subtotal Component 2", 20000, 10000, 12000, 22000],
    ["PMC", 1000, 500, 500, 1000],
    ["Grand total", 36000, 16500, 21500, 38000],
  ]);
  const t = result.tables[0];
  expect(t.rows.filter((r) => r.kind === "component").map((r) => `${r.component}@${r.row + 1}`)).toEqual(["1@4", "2@6", "PMC@7"]);
  // The grand total adds up once the subtotals count as the components.
  expect(brief(result)).toEqual(["sum.component D4 1 8000 9000", "overspend.plan D6 2 20000 22000", "overspend.plan D8  36000 38000"]);
});

test('a bare "Component 1" heading with no amounts: its outputs count in the grand total', () => {
  const result = check([
    ["Output", "Budget", "2024 Q1", "2024 Q2"],
    ["Component 1"],
    ["1.1 Study", 10000, 4000, 6000],
    ["Component 2"],
    ["2.1 Equipment", 5000, 2000, 2000],
    ["Total", 15000, 6000, 8000],
  ]);
  expect(result.findings).toEqual([]);
});
