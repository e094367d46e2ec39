/** expenditure.negative: a budget table's cumulative expenditure below zero. */
import { checkFixtures } from "../../helpers/fixtures";
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (spent: number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 200000, 50000],
    ["Component 2: Pilots", 100000, spent],
    ["Total", 300000, 50000 + spent],
  ]);

test("a component's cumulative expenditure below zero, in both languages", () => {
  const found = findingsOf("expenditure.negative", (language) => check(budget(-2500), { period: "FY22", language }));
  expect(found.short).toEqual(["expenditure.negative C3 2 0 -2500"]);
  expect(found.severity).toEqual(["error"]);
  expect(found.en).toEqual([
    "Component 2: cumulative expenditure is -2,500.00; spending to date cannot be below zero (a reversal or refund entered without the spending it corrects, or a wrong sign?).",
  ]);
  expect(found.es).toEqual([
    "Componente 2: el gasto acumulado es -2.500,00; el gasto a la fecha no puede ser menor que cero (¿una reversión o un reembolso registrado sin el gasto que corrige, o un signo equivocado?).",
  ]);
});

test("zero, and a cent of rounding below it, are no finding", () => {
  expect(check(budget(0), { period: "FY22" }).findings.filter((f) => f.rule === "expenditure.negative")).toEqual([]);
  expect(check(budget(-0.004), { period: "FY22" }).findings.filter((f) => f.rule === "expenditure.negative")).toEqual([]);
});

test("the planted reversal of plan-budget-slips.xlsx is found", async () => {
  const result = await checkFixtures(["plan-budget-slips.xlsx"]);
  expect(result.findings.filter((f) => f.rule === "expenditure.negative").map((f) => `${f.sheet}!${f.cell} ${f.actual}`)).toEqual(["Budget!C5 -12500"]);
});

test("an expenditure report's negative lines (one period's reversals) are amounts, not findings", async () => {
  const result = await checkFixtures(["undp-cdr-2021.xlsx"]);
  // The CDR holds a negative exchange-loss line: read as an amount, never flagged.
  expect(result.tables.some((t) => t.rows.some((r) => r.amounts.some((a) => a !== null && a.value !== null && a.value < 0)))).toBe(true);
  expect(result.findings.filter((f) => f.rule === "expenditure.negative")).toEqual([]);
});
