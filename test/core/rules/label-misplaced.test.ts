/** label.misplaced: an output whose number names another component than the one it is listed under. */
import { checkFixtures } from "../../helpers/fixtures";
import { check, findingsOf, sheet, type Value } from "../recognizers/grid-helpers";

const plan = (third: string, pmcOutput = "PMC.1 Project manager") =>
  sheet("Plan", [
    ["Output", "Total budget", "2023", "2024"],
    ["Component 1: Policy", 30000, 12000, 18000],
    ["1.1 Study", 10000, 4000, 6000],
    ["1.2 Drafting", 10000, 4000, 6000],
    [third, 10000, 4000, 6000],
    ["Component 2: Pilots", 20000, 10000, 10000],
    ["2.1 Equipment", 20000, 10000, 10000],
    ["PMC", 2000, 1000, 1000],
    [pmcOutput, 2000, 1000, 1000],
    ["Total", 52000, 23000, 29000],
  ] as Value[][]);

test("an output numbered for component 2 among component 1's, in both languages", () => {
  const found = findingsOf("label.misplaced", (language) => check(plan("2.3 Workshop"), { period: "FY24", language }));
  expect(found.short).toEqual(["label.misplaced A5 1 - -"]);
  expect(found.severity).toEqual(["warning"]);
  expect(found.en).toEqual(['"2.3 Workshop" is listed under Component 1, but its number 2.3 says Component 2; its amounts are counted in Component 1.']);
  expect(found.es).toEqual(['"2.3 Workshop" figura bajo el componente 1, pero su número 2.3 indica el componente 2; sus montos se cuentan en el componente 1.']);
});

test("outputs numbered for their own component, activities under them, and PMC's lines are no finding", () => {
  for (const label of ["1.3 Workshop", "1.2.1 Workshop", "Output 1.3: Workshop", "Workshop"])
    expect(check(plan(label), { period: "FY24" }).findings.filter((f) => f.rule === "label.misplaced")).toEqual([]);
});

test("the planted slip of plan-budget-slips.xlsx is found, and no other fixture has one", async () => {
  const result = await checkFixtures(["plan-budget-slips.xlsx"]);
  expect(result.findings.filter((f) => f.rule === "label.misplaced").map((f) => `${f.sheet}!${f.cell} ${f.output}`)).toEqual(["Work plan!A7 2.3"]);
  const others = await checkFixtures(["seed-workplan.xlsx", "workplan-clean.xlsx", "poa-2022.xlsx", "plan-travail-2023.xlsx", "undp-tbwp.xlsx"]);
  expect(others.findings.filter((f) => f.rule === "label.misplaced")).toEqual([]);
});
