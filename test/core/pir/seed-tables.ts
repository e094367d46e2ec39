/**
 * The seed PIR's two tables (sections VIII.3 and IX of
 * /work/shared/seeds/000_633897ee4e1d9482.txt) as the recogniser would return
 * them, with the A1 cells of a workbook whose work-plan header is row 4 from
 * column B and whose budget header is rows 3-4 from column A. "-" is read as
 * 0; a blank cell as no amount.
 */
import type { CheckResult } from "../../../src/core/check";
import { address } from "../../../src/core/grid";
import type { AmountCell, Finding, RowKind, Table, TableColumn, TableRow } from "../../../src/core/model";
import { linkRowsByComponent } from "../../../src/core/row-tree";
import { fiscalYear, type Settings } from "../../../src/core/settings";

export const WORKPLAN_FILE = "workplan.xlsx";
export const WORKPLAN_SHEET = "Work plan";
export const BUDGET_FILE = "budget.xlsx";
export const BUDGET_SHEET = "Budget";

type Amount = number | "-" | null;

interface SeedRow {
  label: string;
  kind: RowKind;
  component: string | null;
  output: string | null;
  amounts: Amount[];
}

function amountCell(row: number, col: number, amount: Amount): AmountCell {
  return { cell: address(row, col), value: amount === "-" ? 0 : amount };
}

function buildRows(seedRows: SeedRow[], firstRow: number, labelCol: number): TableRow[] {
  const rows = seedRows.map((r, i): TableRow => {
    const row = firstRow + i;
    return {
      row,
      label: r.label,
      kind: r.kind,
      component: r.component,
      output: r.output,
      amounts: [null, ...r.amounts.map((a, j) => amountCell(row, labelCol + 1 + j, a))],
      parent: null,
    };
  });
  linkRowsByComponent(rows);
  return rows;
}

// Outputs | Total Budget | 2018 | 2019 | 2020 | 2,021 | 2022 T1 … 2023 T2, in B4:M4.
const WORKPLAN_HEADERS: Array<[string, TableColumn["role"], string?]> = [
  ["Outputs", "label"],
  ["Total Budget", "budget"],
  ["2018", "period", "2018"],
  ["2019", "period", "2019"],
  ["2020", "period", "2020"],
  ["2,021", "period", "2021"],
  ["2022 T1", "period", "2022-Q1"],
  ["2022 T2", "period", "2022-Q2"],
  ["2022 T3", "period", "2022-Q3"],
  ["2022 T4", "period", "2022-Q4"],
  ["2023 T1", "period", "2023-Q1"],
  ["2023 T2", "period", "2023-Q2"],
];

const c = (id: string, label: string, amounts: Amount[]): SeedRow => ({ label, kind: "component", component: id, output: null, amounts });
const o = (component: string, output: string | null, label: string, amounts: Amount[]): SeedRow => ({
  label,
  kind: "output",
  component,
  output,
  amounts,
});

export const WORKPLAN_ROWS: SeedRow[] = [
  c("1", "C.1: Policy framework for sustainable industrial zone development", [235000, 24599.5, 12936.26, 42591.74, 116717, 14510, 10000, 5000, 10000, 25000, 0]),
  o("1", "1.1.1", "1.1.1 Regulation, planning aids, policies", [154500, 24599.5, 12936.26, 39102.35, 109990, 4510, 5000, 5000, 5000, 15000, "-"]),
  o("1", "1.2.1", "1.2.1 Proposal for mechanisms/ incentives", [80500, 0, 0, 3489.39, 6728, 10000, 5000, "-", 5000, 10000, "-"]),
  c("2", "C.2: Capacity building on sustainable industrial zone planning", [315000, 13973.78, 2907.74, 24404.8, 180672, 17000, 10000, 10000, 10000, 32000, 20000]),
  o("2", "2.1.1", "2.1.1 Training modules for SIZ planning", [58300, 5670.99, 1157.74, 1735.76, 40949, 17000, "-", "-", "-", "-", "-"]),
  o("2", "2.1.2", "2.1.2 RECP training modules", [80200, 0, 0, 16326.85, 76069, "-", "-", "-", "-", "-", "-"]),
  o("2", "2.1.3", "2.1.3 Sound chemical management training", [67400, 0, 0, 6342.19, 53601, "-", "-", "-", "-", "-", "-"]),
  o("2", "2.1.4", "2.1.4 Update database of consultants", [12500, 0, 0, 0, "-", "-", "-", "-", "-", 7000, "-"]),
  o("2", "2.2.1", "2.2.1 Technical Unit for SIZ development", [96600, 8302.79, 1750, 0, 10053, "-", 10000, 10000, 10000, 25000, 20000]),
  c("3", "C.3: Pilot demonstration of clean and low-carbon technologies", [1069000, 22081.02, 11320.12, 85940.37, 367951, 101000, 130000, 70000, 82391, 85000, 40000]),
  o("3", "3.1.1", "3.1.1 Feasibility studies and assessment", [587700, 21081.02, 11320.12, 61074.67, 276202, 31000, 100000, 50000, 57391, 45000, "-"]),
  o("3", "3.2.1", "3.2.1 Inclusive socio-economic projects", [110000, 0, 0, 0, 19315, 10000, 10000, 10000, 15000, 20000, 20000]),
  o("3", "3.3.1", "3.3.1 Public awareness and events", [191300, 0, 0, 24865.7, 58151, 10000, 5000, 10000, 10000, 20000, 20000]),
  o("3", "3.4.1", "3.4.1 Access to alternative finance", [180000, 1000, 0, 0, 14283, 50000, 15000, "-", "-", "-", "-"]),
  c("4", "C.4: Monitoring and Evaluation", [200000, 0, 0, 13392.37, 51098, 0, 0, 20000, 20000, 20000, 52097]),
  o("4", "4.1.1", "4.1.1 Monitoring & evaluation mechanism", [200000, 0, 0, 13392.37, 51098, "-", "-", 20000, 20000, 20000, 52097]),
  c("PMC", "PMC", [195000, 19850.11, 5307.41, 51269.83, 162665, 20000, 12000, 0, 0, "-", 0]),
  o("PMC", null, "Project Management Cost (PMC)", [195000, 19850.11, 5307.41, 51269.83, 162665, 20000, 12000, "-", "-", "-", "-"]),
  { label: "Total", kind: "total", component: null, output: null, amounts: [2014000, 80504.41, 32471.53, 217599.11, 879105, 152510, 162000, 105000, 122391, 162000, 112097] },
  { label: "Trus fund for companies:", kind: "afterTotal", component: null, output: null, amounts: [2100000, null, null, null, null, null, null, null, null, null, null] },
];

/** The seed's work plan: header B4:M4, rows 5-24 (sheet rows 4-23). */
export function seedWorkplanTable(): Table {
  const headerRow = 3;
  const labelCol = 1;
  return {
    file: WORKPLAN_FILE,
    sheet: WORKPLAN_SHEET,
    kind: "workplan",
    range: "B4:M24",
    title: "IX. Work Plan and Budget",
    headerRows: [headerRow],
    columns: WORKPLAN_HEADERS.map(([header, role, period], i) => ({
      col: labelCol + i,
      header,
      role,
      ...(period ? { period } : {}),
    })),
    rows: buildRows(WORKPLAN_ROWS, headerRow + 1, labelCol),
    currency: null,
    layout: "rows-by-component",
    notes: [],
  };
}

export const BUDGET_ROWS: SeedRow[] = [
  c("1", "Component 1 – Policy framework for sustainable industrial zone development", [235000, 242717.56]),
  c("2", "Component 2 – Capacity building on sustainable industrial zone planning", [315000, 475924.04]),
  c("3", "Component 3 – Pilot demonstration of clean and low-carbon technologies", [889000, 475924.04]),
  { label: "", kind: "unlabeled", component: null, output: null, amounts: [2280000, 56156.94] },
  c("4", "Component 4. Monitoring and Evaluation", [200000, 65536.16]),
  c("PMC", "Project management", [195000, 180736.27]),
  { label: "Total (USD)", kind: "total", component: null, output: null, amounts: [4114000, 1496995.01] },
];

/** The seed's budget table: header A3:C4 ("GEF Fund (USD)" merged over B3:C3), rows 5-11 (sheet rows 4-10). */
export function seedBudgetTable(): Table {
  return {
    file: BUDGET_FILE,
    sheet: BUDGET_SHEET,
    kind: "budget",
    range: "A3:C11",
    title: null,
    headerRows: [2, 3],
    columns: [
      { col: 0, header: "Project components", role: "label" },
      { col: 1, header: "Budget", role: "budget" },
      { col: 2, header: "Expenditure", role: "expenditure" },
    ],
    rows: buildRows(BUDGET_ROWS, 4, 0),
    currency: "USD",
    layout: "rows-by-component",
    notes: [],
  };
}

export function seedSettings(language: "en" | "es" = "en"): Settings {
  return { period: fiscalYear("FY22")!, periodSource: "setting", tolerance: 0.5, pmcCap: 0.05, pmcBase: "subtotal", gefGrant: null, language, componentMap: {}, projectStart: null };
}

/** A CheckResult holding these tables and findings; recognitions and report are not read by the PIR builder. */
export function checkResultOf(tables: Table[], findings: Finding[] = []): CheckResult {
  return {
    recognitions: [],
    tables,
    findings,
    report: { files: [], findings },
    settings: seedSettings(),
  };
}

export function finding(partial: Partial<Finding> & Pick<Finding, "rule" | "file" | "sheet" | "cell">): Finding {
  return {
    severity: "warning",
    component: null,
    output: null,
    period: null,
    expected: null,
    actual: null,
    message: `${partial.rule} at ${partial.cell}`,
    ...partial,
  };
}
