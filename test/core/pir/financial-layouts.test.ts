/**
 * The PIR financial table (VIII.3) from budgets of every layout: an Annex E
 * matrix and a UNDP TBWP give Budget per component from their totals, a
 * UNEP budget by object of expenditure its top-level groups; expenditure
 * comes from whichever table reports it.
 */
import { join } from "path";
import { checkWorkbooks } from "../../../src/core/check";
import type { WorkbookGrid } from "../../../src/core/grid";
import { buildPirWorkbook } from "../../../src/core/pir/build";
import { parseSettings } from "../../../src/core/settings";
import { readWorkbookFile } from "../../../src/xlsx/read-file";
import { sheet } from "../recognizers/grid-helpers";
import { rowLabelled, rowValues } from "./sheet-query";

const GENERATED = join(__dirname, "..", "..", "fixtures", "generated");

async function fixture(name: string): Promise<WorkbookGrid> {
  return { ...(await readWorkbookFile(join(GENERATED, name))), file: name };
}

function financial(grids: WorkbookGrid[], language: "en" | "es" = "en") {
  const settings = parseSettings({ period: "FY22", language });
  const pir = buildPirWorkbook(checkWorkbooks(grids, settings), settings).sheets[1];
  const top = rowLabelled(pir, language === "es" ? "Componentes del proyecto" : "Project components") + 2;
  const end = rowLabelled(pir, "Total (USD)");
  const rows = [];
  for (let r = top; r <= end + 2; r++) rows.push(rowValues(pir, r, 0, 2));
  return { pir, rows, top };
}

test("Annex E: each component's column at the Grand Total row; no expenditure anywhere, said so", async () => {
  const { rows } = financial([await fixture("gef-annex-e.xlsx")]);
  expect(rows).toEqual([
    ["Component 1", 270000, null],
    ["Component 2", 400000, null],
    ["Component 3", 240000, null],
    ["Monitoring and evaluation", 60000, null],
    ["Project management (PMC)", 60000, null],
    ["Total (USD)", 1030000, null],
    ["Budget per component: the totals the budget table gives each component.", null, null],
    ["No table in the input workbooks reports expenditure: the Expenditure column is left blank.", null, null],
  ]);
});

test("TBWP: each 'Total Outcome' row; expenditure from a report's years that ended", async () => {
  const report = sheet("CDR", [
    ["Combined expenditure report"],
    [],
    ["Outcome", "2020", "2021", "2022"],
    ["Component 1", 100000, 150000, 90000],
    ["Component 2", 200000, 300000, 100000],
    ["Component 3", 10000, 20000, 5000],
    ["Project management", 20000, 25000, 10000],
    ["Total", 330000, 495000, 205000],
  ]);
  const grids = [await fixture("undp-tbwp.xlsx"), { file: "cdr.xlsx", sheets: [report] }];
  const { rows } = financial(grids);
  expect(rows).toEqual([
    ["Component 1", 490000, 250000],
    ["Component 2", 1410000, 500000],
    ["Component 3", 105000, 30000],
    ["Project management (PMC)", 90000, 45000],
    ["Total (USD)", 2095000, 825000],
    ["Budget per component: the totals the budget table gives each component.", null, null],
    ["Expenditure: the periods of cdr.xlsx › CDR!A3:D8 that end by 30 June 2022 (2020 – 2021), added up.", null, null],
  ]);
});

test("UNEP budget lines: the top-level groups, named by the heading that opens them, in Spanish too", async () => {
  const { rows } = financial([await fixture("unep-by-year.xlsx")], "es");
  expect(rows.slice(0, 5)).toEqual([
    ["PROJECT PERSONNEL COMPONENT", 203000, null],
    ["SUB-CONTRACT COMPONENT", 140000, null],
    ["TRAINING COMPONENT", 60000, null],
    ["MISCELLANEOUS COMPONENT", 35000, null],
    ["Total (USD)", 438000, null],
  ]);
  expect(rows[6][0]).toBe("Ninguna tabla de los libros informa el gasto: la columna Gasto queda en blanco.");
});

test("a finding on a component's budget marks its row of the PIR table", async () => {
  const { pir } = financial([await fixture("gef-annex-e-defects.xlsx")]);
  const row = rowLabelled(pir, "Component 2");
  const budget = pir.cells.find((c) => c.row === row && c.col === 1)!;
  expect(budget.style?.fill).toBe("error");
  expect(budget.note).toMatch(/^sum\.total: Budget table, gef-annex-e-defects\.xlsx › Annex E!D15: Total, Component 2: the row shows 402,000\.00/);
});

test("an AWP and its CDR: expenditure per component from the report, no budget to show, and a delivery table", async () => {
  const grids = [await fixture("undp-awp-2021.xlsx"), await fixture("undp-cdr-2021-defects.xlsx")];
  const { pir, rows } = financial(grids);
  expect(rows).toEqual([
    ["Component 1", null, 68730.5],
    ["Component 2", null, 320287.65],
    ["Component 3", null, 3780],
    ["Project management (PMC)", null, 24600],
    ["Total (USD)", null, 417398.15],
    ["No budget table was recognised: the Budget column is left blank.", null, null],
    ["Expenditure: the periods of undp-cdr-2021-defects.xlsx › CDR!A6:J18 that end by 30 June 2022 (2021), added up.", null, null],
  ]);
  // The report's cells are ours: the findings about them mark them.
  const spent2 = pir.cells.find((c) => c.row === rowLabelled(pir, "Component 2") && c.col === 2)!;
  expect(spent2.note).toMatch(/^overspend\.period: Expenditure report, undp-cdr-2021-defects\.xlsx › CDR!H13: Component 2: in 2021 expenditure 320,287\.65/);
  const delivery = rowLabelled(pir, "Delivery against the work plan");
  const header = delivery + 2;
  expect(rowValues(pir, header, 0, 4)).toEqual(["Component", "Period", "Plan", "Expenditure", "Delivery"]);
  expect([1, 2, 3, 4].map((k) => rowValues(pir, header + k, 0, 4))).toEqual([
    ["Component 1", "2021", 75000, 68730.5, 0.916],
    ["Component 2", "2021", 310000, 320287.65, 1.033],
    ["Component 3", "2021", 12000, 3780, 0.315],
    ["Project management (PMC)", "2021", 25000, 24600, 0.984],
  ]);
  const fills = [1, 2, 3, 4].map((k) => pir.cells.find((c) => c.row === header + k && c.col === 4)!.style?.fill ?? null);
  expect(fills).toEqual([null, "warning", "info", null]);
});
