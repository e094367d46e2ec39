/** cap.pmc: project management above GEF's cap, by project size, or as set. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (c1: number, pmc: number) =>
  sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", c1, 0],
    ["Project management (PMC)", pmc, 0],
    ["Total", c1 + pmc, 0],
  ]);

test("a medium-sized project: 10 % of the sub-total without PMC", () => {
  const found = findingsOf("cap.pmc", (language) => check(budget(800000, 100000), { period: "FY24", language }));
  expect(found.short).toEqual(["cap.pmc B3 PMC 80000 100000"]);
  expect(found.en).toEqual([
    "Project management (PMC): 100,000.00 is 12.5 % of the GEF sub-total (components and M&E, PMC excluded) 800,000.00, above 10 % (GEF's cap for projects of USD 2 million or less: 80,000.00).",
  ]);
  expect(found.es).toEqual([
    "Gestión del proyecto (PMC): 100.000,00 es el 12,5 % del subtotal GEF (componentes y SyE, sin PMC) 800.000,00, más que el 10 % (el tope GEF para proyectos de hasta USD 2 millones: 80.000,00).",
  ]);
});

test("a full-sized project: 5 %; the grant decides the size", () => {
  expect(findingsOf("cap.pmc", () => check(budget(3000000, 160000))).short).toEqual(["cap.pmc B3 PMC 150000 160000"]);
  expect(findingsOf("cap.pmc", () => check(budget(1900000, 100000), { period: "FY24", gefGrant: 2500000 })).short).toEqual(["cap.pmc B3 PMC 95000 100000"]);
});

test("a cap and a base set by the user, said in the message", () => {
  const found = findingsOf("cap.pmc", (language) => check(budget(800000, 100000), { period: "FY24", pmcCap: 0.05, pmcBase: "total", language }));
  expect(found.short).toEqual(["cap.pmc B3 PMC 45000 100000"]);
  expect(found.en[0]).toBe("Project management (PMC): 100,000.00 is 11.1 % of the total budget 900,000.00, above 5 % (the cap set: 45,000.00).");
});

test("PMC within its cap is no finding", () => {
  expect(check(budget(900000, 90000)).findings).toEqual([]);
});

test("PMC's spending against the same cap, measured on what the components spent: a warning", () => {
  const spent = sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 800000, 300000],
    ["Project management (PMC)", 60000, 45000],
    ["Total", 860000, 345000],
  ]);
  const found = findingsOf("cap.pmc", (language) => check(spent, { period: "FY24", language }));
  expect(found.short).toEqual(["cap.pmc C3 PMC 30000 45000"]);
  expect(found.severity).toEqual(["warning"]);
  expect(found.en).toEqual([
    "Project management (PMC): expenditure 45,000.00 is 15 % of the expenditure on the components and M&E (300,000.00), above 10 % (GEF's cap for projects of USD 2 million or less: 30,000.00).",
  ]);
  expect(found.es).toEqual([
    "Gestión del proyecto (PMC): el gasto 45.000,00 es el 15 % del gasto en los componentes y SyE (300.000,00), más que el 10 % (el tope GEF para proyectos de hasta USD 2 millones: 30.000,00).",
  ]);
});

test("a numbered component whose label says project management is the PMC (it keeps its number)", () => {
  const numbered = sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 800000, 0],
    ["Component 2: Project management costs", 100000, 0],
    ["Total", 900000, 0],
  ]);
  expect(findingsOf("cap.pmc", () => check(numbered)).short).toEqual(["cap.pmc B3 2 80000 100000"]);
  // A component merely about management of something else is not PMC.
  const other = sheet("Budget", [
    ["Component", "Budget", "Expenditure"],
    ["Component 1: Policy", 800000, 0],
    ["Component 2: Waste management", 100000, 0],
    ["Total", 900000, 0],
  ]);
  expect(check(other).findings.filter((f) => f.rule === "cap.pmc")).toEqual([]);
});
