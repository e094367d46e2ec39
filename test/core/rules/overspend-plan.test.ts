/** overspend.plan: a work plan's component whose amounts add up past its total budget. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const plan = (y2023: number) =>
  sheet("Plan", [
    ["Component", "Total Budget", "2022", "2023", "2024"],
    ["Component 1: Policy", 100000, 60000, y2023, 10000],
    ["Component 2: Pilots", 50000, 20000, 20000, 10000],
    ["Total", 150000, 80000, y2023 + 20000, 20000],
  ]);

test("says in which period the running total passes the budget", () => {
  const found = findingsOf("overspend.plan", (language) => check(plan(45000), { period: "FY24", language }));
  // The Total row passes its budget too (150,000 → 165,000 over all periods, crossing in 2024).
  expect(found.short).toEqual(["overspend.plan D2 1 100000 105000", "overspend.plan E4 - 150000 165000"]);
  expect(found.en[1]).toBe('"Total": by 2024 the amounts add up to 165,000.00, above the total budget of 150,000.00 (by 15,000.00). Over all periods: 165,000.00.');
  expect(found.en.slice(0, 1)).toEqual(["Component 1: by 2023 the amounts add up to 105,000.00, above the total budget of 100,000.00 (by 5,000.00). Over all periods: 115,000.00."]);
  expect(found.es.slice(0, 1)).toEqual([
    "Componente 1: hasta 2023 los montos suman 105.000,00, más que el presupuesto total de 100.000,00 (en 5.000,00). En todos los períodos: 115.000,00.",
  ]);
});

test("a plan within its budget is no finding", () => {
  expect(check(plan(30000)).findings).toEqual([]);
});
