/** mismatch.component: a component that one table gives an amount and another leaves out altogether. */
import { checkFixtures } from "../../helpers/fixtures";
import { checkSheets, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (third: number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 200000, 50000],
    ["Component 2: Pilots", 100000, 30000],
    ["Component 3: Outreach", third, 0],
    ["Total", 300000 + third, 80000],
  ]);

const plan = (extra: Array<[string, number, number, number]> = []) =>
  sheet("Plan", [
    ["Work plan 2023-2024"],
    [],
    ["Component", "Total Budget", "2023", "2024"],
    ["Component 1: Policy", 200000, 60000, 60000],
    ["Component 2: Pilots", 100000, 30000, 30000],
    ...extra,
    ["Total", 300000 + extra.reduce((a, e) => a + e[1], 0), 90000 + extra.reduce((a, e) => a + e[2], 0), 90000 + extra.reduce((a, e) => a + e[3], 0)],
  ]);

test("a budgeted component the work plan leaves out, in both languages", () => {
  const found = findingsOf("mismatch.component", (language) => checkSheets([budget(40000), plan()], { period: "FY22", language }));
  expect(found.short).toEqual(["mismatch.component B4 3 - 40000"]);
  expect(found.severity).toEqual(["warning"]);
  expect(found.en).toEqual([
    "Component 3 has a budget of 40,000.00 in book.xlsx › Budget!B4 but does not appear in book.xlsx › Plan!A3:D6: the two tables do not cover the same components.",
  ]);
  expect(found.es).toEqual([
    "Componente 3 tiene un presupuesto de 40.000,00 en book.xlsx › Budget!B4 pero no aparece en book.xlsx › Plan!A3:D6: las dos tablas no cubren los mismos componentes.",
  ]);
});

test("a component the work plan plans and the budget table leaves out", () => {
  const found = findingsOf("mismatch.component", (language) => checkSheets([budget(0), plan([["Component 4: Knowledge", 25000, 10000, 15000]])], { period: "FY22", language }));
  expect(found.short).toEqual(["mismatch.component B6 4 - 25000"]);
  expect(found.en[0]).toBe(
    "Component 4 has a planned amount of 25,000.00 in book.xlsx › Plan!B6 but does not appear in book.xlsx › Budget!A1:C5: the two tables do not cover the same components.",
  );
});

test("a component with a zero budget, and tables that cover the same components, are no finding", () => {
  expect(checkSheets([budget(0), plan()], { period: "FY22" }).findings.filter((f) => f.rule === "mismatch.component")).toEqual([]);
});

test("the planted gap of plan-budget-slips.xlsx is found; an expenditure report is never asked to list every component", async () => {
  const result = await checkFixtures(["plan-budget-slips.xlsx"]);
  expect(result.findings.filter((f) => f.rule === "mismatch.component").map((f) => `${f.sheet}!${f.cell} ${f.component} ${f.actual}`)).toEqual(["Budget!B6 3 900000"]);
  const pairs = await checkFixtures(["undp-awp-2021.xlsx", "undp-cdr-2021.xlsx"]);
  expect(pairs.findings.filter((f) => f.rule === "mismatch.component")).toEqual([]);
  const seed = await checkFixtures(["seed-budget.xlsx", "seed-workplan.xlsx"]);
  expect(seed.findings.filter((f) => f.rule === "mismatch.component")).toEqual([]);
});
