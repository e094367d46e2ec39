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

test("the CDR's overspend against the AWP per component and year, low delivery as a note, and its own wrong total; an encumbrance is never spending", async () => {
  const { findings } = await checkFixtures([AWP, CDR_DEFECTS]);
  expect(findings.map(brief)).toEqual([
    // The overspend on the account that caused it: 72100 against Activity 2.1's "72100 Contractual Services-Companies".
    "warning overspend.account undp-cdr-2021-defects.xlsx CDR H10 2  2021 250000 262400",
    "warning overspend.period undp-cdr-2021-defects.xlsx CDR H13 2  2021 310000 320287.65",
    "info delivery.low undp-cdr-2021-defects.xlsx CDR H15 3  2021 12000 3780",
    "error sum.component undp-cdr-2021-defects.xlsx CDR H15 3  2021 3870 3780",
  ]);
  expect(findings[2].message).toBe(
    "Component 3: delivery in 2021 is 31.5 % — expenditure 3,780.00 of the 12,000.00 planned (plan in undp-awp-2021.xlsx › AWP 2021); below 70 % is low.",
  );
  expect(findings[1].message).toBe(
    "Component 2: in 2021 expenditure 320,287.65 is above the plan of 310,000.00 (by 10,287.65; plan in undp-awp-2021.xlsx › AWP 2021).",
  );
});

test("a CDR on its own is checked for its sums, with nothing to hold it against", async () => {
  const { findings } = await checkFixtures([CDR_DEFECTS]);
  expect(findings.map(brief)).toEqual(["error sum.component undp-cdr-2021-defects.xlsx CDR H15 3  2021 3870 3780"]);
});

describe("work plans with activities: a Spanish POA and a French PTBA", () => {
  test.each(["poa-2022.xlsx", "plan-travail-2023.xlsx"])("%s: clean, no finding at all", async (name) => {
    const { findings, tables } = await checkFixtures([name], { period: "FY23" });
    expect(tables).toHaveLength(1);
    expect(findings.map(brief)).toEqual([]);
  });

  test("the POA: quarters of the year in its title, Spanish text amounts, activities under their product", async () => {
    const { tables } = await checkFixtures(["poa-2022.xlsx"], { period: "FY23" });
    const [poa] = tables;
    expect(poa.columns.filter((c) => c.role === "period").map((c) => c.period)).toEqual(["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]);
    expect(poa.notes.map((n) => say(n, "es"))).toEqual(["Trimestre 1, Trimestre 2, Trimestre 3, Trimestre 4 se leyeron como trimestres de 2022, el año que indica el título"]);
    // The activity's row is labelled by its budget description; the outline column names the activity.
    const activity = poa.rows.find((r) => r.output === "2.1.1")!;
    expect(activity.label).toBe("Consultores locales");
    expect(activity.amounts.slice(4, 9).map((a) => a?.value)).toEqual([22500.5, 30000, 30000, 17499.5, 100000]);
    expect(poa.rows[activity.parent!].label).toMatch(/^Producto 2\.1/);
    expect(poa.rows[poa.rows[activity.parent!].parent!].label).toMatch(/^Resultado 2/);
  });

  test("the POA's planted defects: a typed 'n/d', a product that no longer adds up its activities", async () => {
    const { findings } = await checkFixtures(["poa-2022-defects.xlsx"], { period: "FY23", language: "es" });
    expect(findings.map(brief)).toEqual([
      "warning value.invalid poa-2022-defects.xlsx POA 2022 H7 1 1.1.1 2022-Q4  ",
      "error sum.component poa-2022-defects.xlsx POA 2022 F11 2  2022-Q2 70000 75000",
      "error sum.subtotal poa-2022-defects.xlsx POA 2022 F12 2 2.1 2022-Q2 75000 70000",
    ]);
    expect(findings[2].message).toBe("Producto 2.1, 2022 T2: la fila muestra 70.000,00 pero sus líneas suman 75.000,00 (diferencia 5.000,00).");
  });

  test("the PTBA's planted defects: a typed row total, a SUM that leaves out an activity", async () => {
    const { findings } = await checkFixtures(["plan-travail-2023-defects.xlsx"], { period: "FY23" });
    expect(findings.map(brief)).toEqual([
      "error sum.row plan-travail-2023-defects.xlsx PTBA 2023 F7 1 1.1.1  30000 25000",
      "error formula.range plan-travail-2023-defects.xlsx PTBA 2023 C10 2 2.1 2023-Q2  80000",
      "error sum.subtotal plan-travail-2023-defects.xlsx PTBA 2023 C10 2 2.1 2023-Q2 90000 80000",
    ]);
    expect(findings[2].message).toBe("Output 2.1, 2023 Q2: the row shows 80,000.00 but its activities add up to 90,000.00 (a difference of 10,000.00).");
  });
});

test("quarters with no year anywhere are not guessed: the sheet is skipped and says why", async () => {
  const { sheet, checkSheets } = await import("./recognizers/grid-helpers");
  const plan = sheet("Plan", [["Plan de trabajo"], [], ["Actividad", "Trimestre 1", "Trimestre 2", "Total"], ["Actividad 1.1.1 Talleres", 100, 200, 300]]);
  const result = checkSheets([plan], { period: "FY23", language: "es" });
  expect(result.tables).toEqual([]);
  expect(result.report.files[0].sheets[0].skipped).toBe(
    'el encabezado de B3:C3 tiene trimestres pero ningún año, ni en el encabezado ni en un título encima: agregue el año (como "2022 T1", o "POA 2022" encima de la tabla)',
  );
});

describe("project years and the project's start", () => {
  test("a TBWP that states its start on 1 January: Year 1–3 are calendar years, and its CDR is held against Year 2", async () => {
    const { tables, findings } = await checkFixtures(["undp-tbwp-start.xlsx", CDR], { period: "FY22" });
    const tbwp = tables.find((t) => t.file === "undp-tbwp-start.xlsx")!;
    expect(tbwp.columns.filter((c) => c.role === "period").map((c) => `${c.header}=${c.period}`)).toEqual([
      "Amount Year 1 (USD)=2020",
      "Amount Year 2 (USD)=2021",
      "Amount Year 3 (USD)=2022",
    ]);
    expect(tbwp.notes.map((n) => say(n, "en"))).toEqual(["read Year 1–Year 3 as 2020–2022: the project started on 2020-01-01 (undp-tbwp-start.xlsx › TBWP!E1)"]);
    // Year 2 plans 170,000 / 585,000 / 32,000 / 30,000; the CDR spent 68,730.50 / 289,787.65 / 9,870 / 24,600.
    expect(findings.map(brief)).toEqual([
      "info delivery.low undp-cdr-2021.xlsx CDR H9 1  2021 170000 68730.5",
      "info delivery.low undp-cdr-2021.xlsx CDR H13 2  2021 585000 289787.65",
      "info delivery.low undp-cdr-2021.xlsx CDR H15 3  2021 32000 9870",
    ]);
  });

  test("without a start, project years are not calendar years: nothing is compared with a calendar year's report", async () => {
    const { findings, tables } = await checkFixtures(["undp-tbwp.xlsx", CDR], { period: "FY22" });
    expect(tables[0].columns.filter((c) => c.role === "period").map((c) => c.period)).toEqual(["Y1", "Y2", "Y3"]);
    expect(findings.map(brief)).toEqual([]);
  });

  test("a start set on 1 July keeps project years, each ending the day before the anniversary, and says so", async () => {
    const { tables, findings } = await checkFixtures(["undp-tbwp.xlsx"], { period: "FY22", projectStart: "2020-07-01", language: "es" });
    expect(tables[0].columns.filter((c) => c.role === "period").map((c) => c.period)).toEqual(["Y1", "Y2", "Y3"]);
    expect(tables[0].notes.map((n) => say(n, "es"))).toEqual([
      "el proyecto empezó el 2020-07-01: sus años no son años calendario, así que se comparan como años del proyecto, cada uno hasta la víspera del aniversario del inicio",
    ]);
    expect(findings.map(brief)).toEqual([]);
  });
});
