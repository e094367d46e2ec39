/** overspend.account: an expenditure report's account lines above the plan's lines for the same account of the component. */
import { brief, checkFixtures } from "../../helpers/fixtures";
import { checkSheets, findingsOf, sheet } from "../recognizers/grid-helpers";

test("a CDR's account against the AWP activity budgeted on it (undp-awp-2021 + undp-cdr-2021-defects)", async () => {
  const { findings } = await checkFixtures(["undp-awp-2021.xlsx", "undp-cdr-2021-defects.xlsx"]);
  expect(findings.filter((f) => f.rule === "overspend.account").map(brief)).toEqual(["warning overspend.account undp-cdr-2021-defects.xlsx CDR H10 2  2021 250000 262400"]);
  const es = await checkFixtures(["undp-awp-2021.xlsx", "undp-cdr-2021-defects.xlsx"], { period: "FY22", language: "es" });
  expect(es.findings.filter((f) => f.rule === "overspend.account").map((f) => f.message)).toEqual([
    "Componente 2, cuenta 72100: en 2021 el gasto 262.400,00 supera lo planificado 250.000,00 (en 12.400,00; plan en undp-awp-2021.xlsx › AWP 2021).",
  ]);
  // The clean CDR spends within every account's plan.
  const clean = await checkFixtures(["undp-awp-2021.xlsx", "undp-cdr-2021.xlsx"]);
  expect(clean.findings.filter((f) => f.rule === "overspend.account")).toEqual([]);
});

const tbwp = sheet("TBWP", [
  ["Total Budget and Work Plan"],
  [],
  ["GEF Outcome/Atlas Activity", "Atlas Budgetary Account Code", "ATLAS Budget Description", "2023", "2024", "Total (USD)"],
  ["OUTCOME 1: Policy framework", 71200, "International Consultants", 20000, 10000, 30000],
  [null, 71300, "Local Consultants", 8000, 8000, 16000],
  [null, null, "Total Outcome 1", 28000, 18000, 46000],
  ["Project Management Unit", 71400, "Contractual Services - Individ", 1000, 1000, 2000],
  [null, null, "Total Management", 1000, 1000, 2000],
  [null, null, "PROJECT TOTAL", 29000, 19000, 48000],
]);

const cdr = (local: number) =>
  sheet("CDR", [
    ["Combined Delivery Report by Activity"],
    ["Report Period: January - December 2023"],
    [],
    ["Activity", "Account", "Account Description", "Expenditures", "Encumbrance", "Total"],
    ["ACTIVITY1", 71200, "International Consultants", 15000, 0, 15000],
    ["ACTIVITY1", 71300, "Local Consultants", local, 0, local],
    ["ACTIVITY1", 76125, "Foreign Exchange Loss", 300, 0, 300],
    ["Total for ACTIVITY1", null, null, 15300 + local, 0, 15300 + local],
    ["ACTIVITY2", 71400, "Contractual Services - Individ", 900, 0, 900],
    ["Total for ACTIVITY2", null, null, 900, 0, 900],
    ["Grand Total", null, null, 16200 + local, 0, 16200 + local],
  ]);

test("a TBWP's account lines, in both languages; an unplanned exchange loss is no finding", () => {
  const found = findingsOf("overspend.account", (language) => checkSheets([tbwp, cdr(9500)], { period: "FY24", language }));
  expect(found.short).toEqual(["overspend.account D6 1 8000 9500"]);
  expect(found.severity).toEqual(["warning"]);
  expect(found.en).toEqual(["Component 1, account 71300: in 2023 expenditure 9,500.00 is above the plan of 8,000.00 (by 1,500.00; plan in book.xlsx › TBWP)."]);
  expect(found.es).toEqual(["Componente 1, cuenta 71300: en 2023 el gasto 9.500,00 supera lo planificado 8.000,00 (en 1.500,00; plan en book.xlsx › TBWP)."]);
});

test("spending within each account's plan is no finding", () => {
  expect(checkSheets([tbwp, cdr(7000)], { period: "FY24" }).findings.filter((f) => f.rule === "overspend.account")).toEqual([]);
});
