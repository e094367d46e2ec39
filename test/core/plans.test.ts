/**
 * A UNDP project's year (scripts/fixtures/plans.ts documents each file): the
 * Annual Work Plan, whose timeframe is marked with "X" and whose year is only
 * in its title, and the Combined Delivery Report for the same year, whose
 * activities are numbered ACTIVITY1..n and whose encumbrances are not
 * expenditure. The CDR is held against the AWP per component and year.
 */
import { say } from "../../src/core/catalogue";
import { brief, checkFixtures } from "../helpers/fixtures";

const AWP = "undp-awp-2021.xlsx";
const CDR = "undp-cdr-2021.xlsx";
const CDR_DEFECTS = "undp-cdr-2021-defects.xlsx";

test("the AWP: X marks are a schedule, the Amount is the plan for the year in the title", async () => {
  const { tables, findings, report } = await checkFixtures([AWP]);
  expect(findings.map(brief)).toEqual([]);
  const [awp] = tables;
  expect(awp.kind).toBe("workplan");
  expect(awp.columns.filter((c) => c.role === "period").map((c) => `${c.header}=${c.period}`)).toEqual(["PLANNED BUDGET Amount (USD)=2021"]);
  expect(awp.columns.filter((c) => c.header.startsWith("TIMEFRAME")).map((c) => c.role)).toEqual(["text", "text", "text", "text"]);
  expect(awp.notes.map((n) => say(n, "en"))).toEqual([
    'read TIMEFRAME Q1–TIMEFRAME Q4 as the schedule (marks such as "X"), not as amounts',
    'read "PLANNED BUDGET Amount (USD)" as the amounts planned for 2021, the year the title names',
  ]);
  // Outcomes, their activities and sub-totals, project management, the total.
  expect(awp.rows.map((r) => `${r.kind}:${r.component ?? "-"}:${r.output ?? "-"}`)).toEqual([
    "output:1:1.1", "output:1:1.2", "component:1:-",
    "output:2:2.1", "output:2:2.2", "component:2:-",
    "output:3:3.1", "component:3:-",
    "line:PMC:-", "component:PMC:-",
    "total:-:-",
  ]);
  expect(report.files[0].sheets[0].tables[0].notes[1]).toBe('read "PLANNED BUDGET Amount (USD)" as the amounts planned for 2021, the year the title names');
});

test("the CDR: the report's period, encumbrances apart, a negative line is an amount, the last activity is project management", async () => {
  const { tables, findings } = await checkFixtures([AWP, CDR]);
  expect(findings.map(brief)).toEqual([]);
  const cdr = tables.find((t) => t.file === CDR)!;
  expect(cdr.kind).toBe("expenditure");
  expect(cdr.columns.map((c) => (c.period ? `period:${c.period}` : c.role))).toEqual([
    "outline", "text", "text", "text", "text", "code", "label", "period:2021", "commitment", "rowTotal",
  ]);
  expect(cdr.rows.find((r) => r.label === "Foreign Exchange Loss")!.amounts[7]!.value).toBe(-412.35);
  expect(cdr.rows.filter((r) => r.kind === "component").map((r) => r.component)).toEqual(["1", "2", "3", "PMC"]);
  expect(cdr.notes.map((n) => say(n, "es"))).toEqual([
    '"Expenditures" se leyó como el gasto de 2021, el período que indica el encabezado del informe',
    "ACTIVITY4, la última actividad del informe, se emparejó con la gestión del proyecto (PMC): las demás tablas tienen PMC y ningún componente con ese número",
  ]);
});

test("the CDR's overspend against the AWP per component and year, and its own wrong total; an encumbrance is never spending", async () => {
  const { findings } = await checkFixtures([AWP, CDR_DEFECTS]);
  expect(findings.map(brief)).toEqual([
    "warning overspend.period undp-cdr-2021-defects.xlsx CDR H13 2  2021 310000 320287.65",
    "error sum.component undp-cdr-2021-defects.xlsx CDR H15 3  2021 9870 9780",
  ]);
  expect(findings[0].message).toBe(
    "Component 2: in 2021 expenditure 320,287.65 is above the plan of 310,000.00 (by 10,287.65; plan in undp-awp-2021.xlsx › AWP 2021).",
  );
});

test("a CDR on its own is checked for its sums, with nothing to hold it against", async () => {
  const { findings } = await checkFixtures([CDR_DEFECTS]);
  expect(findings.map(brief)).toEqual(["error sum.component undp-cdr-2021-defects.xlsx CDR H15 3  2021 9870 9780"]);
});
