/**
 * Components as columns: GEF Annex E (expenditure categories × Component 1..n
 * | Sub-Total | M&E | PMC | Total) and UNEP budgets by component headed only
 * by the component's number, with w/m columns beside the money.
 */
import { say } from "../../../src/core/catalogue";
import { check, sheet, short, type Value } from "./grid-helpers";

function annexE(overrides: (rows: Value[][]) => void = () => {}) {
  const rows: Value[][] = [
    ["Annex E: Project Budget Table"],
    ["Expenditure Category", "Detailed Description", "Component (USDeq.)", null, "Sub-Total", "M&E", "PMC", "Total (USDeq.)", "Responsible Entity"],
    [null, null, "Component 1", "Component 2", null, null, null, null, null],
    ["Goods", "Laboratory equipment", 10000, 20000, 30000, null, null, 30000, "Ministry of Environment"],
    [null, "IT equipment", 2000, 0, 2000, 1000, 500, 3500, "Ministry of Environment"],
    ["International Consultants", "Chief technical adviser", 15000, 15000, 30000, 4000, null, 34000, "UNIDO"],
    ["Travel", "Project travel", 1000, 2000, 3000, 1000, 2000, 6000, "UNIDO"],
    ["Grand Total", null, 28000, 37000, 65000, 6000, 2500, 73500, null],
  ];
  overrides(rows);
  return sheet("Annex E", rows, ["A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:I3", "A4:A5"]);
}

describe("GEF Annex E project budget table", () => {
  it("reads components, Sub-Total, M&E, PMC and Total as a column tree, and finds nothing when it adds up", () => {
    const result = check(annexE());
    const t = result.tables[0];
    expect(t.layout).toBe("components-as-columns");
    expect(t.columns.map((c) => `${c.role}${c.component ? ":" + c.component : ""}${c.sumOf ? "=" + c.sumOf.map((i) => t.columns[i].header).join("+") : ""}`)).toEqual([
      "outline",
      "label",
      "member:1",
      "member:2",
      "rowTotal=Component (USDeq.) Component 1+Component (USDeq.) Component 2",
      "member:M&E",
      "member:PMC",
      "rowTotal=Sub-Total+M&E+PMC",
      "text",
    ]);
    expect(t.rows.map((r) => `${r.row + 1} ${r.kind}`)).toEqual(["4 line", "5 line", "6 line", "7 line", "8 total"]);
    expect(result.findings.map(short)).toEqual([]);
  });

  it("finds a Sub-Total off its components, a Total off Sub-Total + M&E + PMC, and a column's grand total off its rows", () => {
    const result = check(
      annexE((rows) => {
        rows[3][4] = 31000; // Sub-Total of laboratory equipment: components add up to 30,000
        rows[5][7] = 35000; // Total of the adviser: 30,000 + 4,000
        rows[7][3] = 36000; // Grand Total, Component 2: rows add up to 37,000
      }),
    );
    expect(result.findings.map(short)).toEqual([
      "sum.row E4 - 30000 31000",
      "sum.row H4 - 31000 30000",
      "sum.row H6 - 34000 35000",
      "sum.total D8 2 37000 36000",
      // The grand total's Sub-Total against its components (total columns are checked across, not down).
      "sum.row E8 - 64000 65000",
    ]);
  });
});

describe("UNEP budget by project component", () => {
  it("reads bare numbers as components, w/m as quantities, and says how it read them", () => {
    const rows: Value[][] = [
      ["Budget line", "Description", 1, null, 2, null, "Total", null],
      [null, null, "w/m", "US$", "w/m", "US$", "w/m", "US$"],
      [1101, "Project coordinator", 12, 60000, 6, 30000, 18, 90000],
      [1102, "Assistant", 6, 12000, 3.5, 7000, 9.5, 19000],
      [1199, "Sub-Total", 18, 72000, 9.5, 37000, 27.5, 109000],
      [99, "GRAND TOTAL", null, 72000, null, 37000, null, 109000],
    ];
    const result = check(sheet("By component", rows, ["C1:D1", "E1:F1", "G1:H1", "A1:A2", "B1:B2"]));
    const t = result.tables[0];
    expect(t.layout).toBe("components-as-columns");
    expect(t.columns.map((c) => `${c.role}${c.component ? ":" + c.component : ""}`)).toEqual([
      "code", "label", "text", "member:1", "text", "member:2", "text", "rowTotal",
    ]);
    expect(t.notes.map((n) => say(n, "en"))).toEqual(["read the columns headed 1–2 as components 1–2"]);
    expect(t.notes.map((n) => say(n, "es"))).toEqual(["las columnas con encabezado 1–2 se leyeron como componentes 1–2"]);
    expect(result.findings.map(short)).toEqual([]);
  });
});
