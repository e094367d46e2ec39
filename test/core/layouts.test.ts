/**
 * Budgets of other GEF agencies (scripts/fixtures/layouts.ts documents each):
 * the UNDP TBWP, GEF Annex E, UNEP budgets by year and by component, and a
 * money table followed by a table of tonnes. Clean ones give no finding;
 * each planted defect is found, with what follows from it in the printed
 * table, and nothing else.
 */
import { brief, checkFixtures } from "../helpers/fixtures";

const CLEAN = ["undp-tbwp.xlsx", "gef-annex-e.xlsx", "unep-by-year.xlsx", "unep-by-component.xlsx", "money-and-tonnes.xlsx"];

test.each(CLEAN)("%s: no finding at all", async (name) => {
  const { findings, tables } = await checkFixtures([name]);
  expect(tables).toHaveLength(1);
  expect(findings.map(brief)).toEqual([]);
});

const DEFECTS: Array<[string, string[]]> = [
  ["undp-tbwp-defects.xlsx", [
      "error sum.row undp-tbwp-defects.xlsx TBWP J9 1   255000 265000",
      "error formula.range undp-tbwp-defects.xlsx TBWP I15 2  Y3  445000",
      "error sum.component undp-tbwp-defects.xlsx TBWP I15 2  Y3 450000 445000",
      "error sum.row undp-tbwp-defects.xlsx TBWP J15 2   1405000 1410000",
      "warning formula.constant undp-tbwp-defects.xlsx TBWP G22   Y1  626000",
      "error sum.total undp-tbwp-defects.xlsx TBWP G22   Y1 625000 626000",
      "error sum.total undp-tbwp-defects.xlsx TBWP I22   Y3 648000 653000",
      "error sum.row undp-tbwp-defects.xlsx TBWP J22    2096000 2095000",
    ]],
  ["gef-annex-e-defects.xlsx", [
      "error sum.row gef-annex-e-defects.xlsx Annex E F6    150000 151000",
      "error sum.row gef-annex-e-defects.xlsx Annex E I6    151000 150000",
      "error sum.row gef-annex-e-defects.xlsx Annex E I9    140000 141000",
      "warning formula.constant gef-annex-e-defects.xlsx Annex E D15     402000",
      "error sum.total gef-annex-e-defects.xlsx Annex E D15 2   400000 402000",
      "error sum.row gef-annex-e-defects.xlsx Annex E F15    912000 910000",
      "error cap.pmc gef-annex-e-defects.xlsx Annex E H15 PMC   97000 160000",
      "error grant.total gef-annex-e-defects.xlsx Annex E I15    1030000 1130000",
    ]],
  ["unep-by-year-defects.xlsx", [
      "warning formula.constant unep-by-year-defects.xlsx Budget C8   2021  41000",
      "error sum.subtotal unep-by-year-defects.xlsx Budget C8   2021 42000 41000",
      "error sum.row unep-by-year-defects.xlsx Budget G8    167000 168000",
      "error sum.row unep-by-year-defects.xlsx Budget G10    15000 16000",
      "error sum.subtotal unep-by-year-defects.xlsx Budget C13   2021 51000 52000",
      "warning formula.constant unep-by-year-defects.xlsx Budget F13   2024  47000",
      "error sum.subtotal unep-by-year-defects.xlsx Budget F13   2024 46000 47000",
      "error sum.row unep-by-year-defects.xlsx Budget G13    204000 203000",
      "error sum.total unep-by-year-defects.xlsx Budget F26   2024 97000 96000",
    ]],
  ["unep-by-component-defects.xlsx", [
      "warning formula.constant unep-by-component-defects.xlsx Costed work plan J7     26000",
      "error sum.row unep-by-component-defects.xlsx Costed work plan J7    91200 26000",
      "error sum.subtotal unep-by-component-defects.xlsx Costed work plan F9 2   10000 11000",
      "error sum.row unep-by-component-defects.xlsx Costed work plan J9    26000 25000",
      "error sum.subtotal unep-by-component-defects.xlsx Costed work plan F10 2   39800 38800",
    ]],
];

test.each(DEFECTS)("%s: exactly the planted defects", async (name, expected) => {
  const { findings } = await checkFixtures([name]);
  expect(findings.map(brief)).toEqual(expected);
});

test("no code, note, fund, w/m or text column ever yields a finding", async () => {
  for (const [name] of DEFECTS) {
    const { findings, tables } = await checkFixtures([name]);
    const notMoney = new Set(tables[0].columns.filter((c) => ["label", "outline", "code", "text"].includes(c.role)).map((c) => c.col));
    for (const f of findings) {
      const col = f.cell.replace(/\d+$/, "");
      const index = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      expect(notMoney.has(index)).toBe(false);
    }
  }
});

test("each table says how it was read", async () => {
  const shapes = [];
  for (const name of CLEAN) shapes.push((await checkFixtures([name])).report.files[0].sheets.flatMap((s) => s.tables)[0].shape);
  expect(shapes).toEqual([
    "rows: outcome › account line; columns: Year 1, Year 2, Year 3, Total (USD); not money: GEF Outcome/Atlas Activity, Responsible Party/ Implementing Agent, Fund ID, Donor Name, Atlas Budgetary Account Code, Budget Note",
    "rows: budget line; columns: Component 1, Component 2, Component 3, M&E, PMC, Sub-Total, Total (USDeq.); not money: Expenditure Category, Responsible Entity (Executing Entity receiving funds from the GEF Agency)[1]",
    "rows: group › budget line; columns: 2021 … 2024, Total; not money: UNEP Budget Line",
    "rows: group › budget line; columns: Component 1, Component 2, Component 3, Total US$; not money: Budget line, 1 w/m, 2 w/m, 3 w/m, Total w/m",
    "rows: budget line; columns: 2021 … 2024, Total",
  ]);
});

test("the tonnes below the money table are not read as money", async () => {
  const { recognitions, tables } = await checkFixtures(["money-and-tonnes.xlsx"]);
  expect(tables.map((t) => t.range)).toEqual(["A3:F7"]);
  expect(recognitions[0].sheets[0].tables).toHaveLength(1);
});
