/**
 * A ledger (long format, scripts/fixtures/ledger.ts documents each file):
 * one row per transaction, read into expenditure per component and quarter
 * and held against the quarterly plan like any expenditure report.
 */
import { say } from "../../../src/core/catalogue";
import { ledgerColumnOf } from "../../../src/core/header-words";
import { lineComponent, linePeriod } from "../../../src/core/recognizers/ledger";
import { brief, checkFixtures } from "../../helpers/fixtures";
import { check, sheet, short } from "./grid-helpers";

const PLAN = "workplan-2022-quarters.xlsx";

describe("a ledger's words", () => {
  test.each([
    ["Date", "date"], ["Posting date", "date"], ["Fecha contable", "date"], ["Accounting period", "date"], ["Period", "date"], ["Mes", "date"],
    ["Component", "component"], ["Outcome/Activity", "component"], ["Atlas Activity", "component"], ["Componente", "component"], ["Actividad", "component"],
    ["Amount (USD)", "amount"], ["Monto", "amount"], ["Montant", "amount"], ["Expenditure", "amount"], ["Transaction amount", "amount"],
    ["Description", null], ["Account", null], ["Voucher", null], ["Budget", null], ["2022", null],
  ])("%s → %s", (header, kind) => expect(ledgerColumnOf(header)).toBe(kind));

  test("a line's period and component", () => {
    expect(linePeriod({ value: new Date(Date.UTC(2022, 4, 15)), numFmt: "dd/mm/yyyy" })).toBe("2022-05");
    expect(linePeriod({ value: "15/05/2022" })).toBe("2022-05");
    expect(linePeriod({ value: "05/15/2022" })).toBe("2022-05");
    expect(linePeriod({ value: "2022-06-20" })).toBe("2022-06");
    expect(linePeriod({ value: 44697, numFmt: "dd/mm/yyyy" })).toBe("2022-05");
    expect(linePeriod({ value: "Mar 2022" })).toBe("2022-03");
    expect(linePeriod({ value: "2022 Q3" })).toBe("2022-Q3");
    expect(linePeriod({ value: 2022 })).toBe("2022");
    expect(linePeriod({ value: "soon" })).toBeNull();
    expect(["Component 1", "Outcome 2", "ACTIVITY3", "1.2.1 Pilot audits", "2", "Project management", "Gestión del proyecto", "Bank charges", ""].map(lineComponent)).toEqual([
      "1", "2", "3", "1", "2", "PMC", "PMC", null, null,
    ]);
  });
});

describe("the ledger fixtures", () => {
  test("the clean ledger: expenditure per component and quarter, said in a note; no finding alone or against the plan", async () => {
    const { tables, findings } = await checkFixtures(["ledger-2022.xlsx"]);
    expect(findings.map(brief)).toEqual([]);
    const [t] = tables;
    expect([t.kind, t.layout, t.range]).toEqual(["expenditure", "ledger", "A4:F19"]);
    expect(t.columns.map((c) => c.period ?? c.role)).toEqual(["label", "2022-Q1", "2022-Q2"]);
    expect(t.rows.map((r) => `${r.component}: ${r.amounts.map((a) => (a ? `${a.cell}=${a.value}` : "-")).join(" ")}`)).toEqual([
      "1: - F7=17450 F15=21300",
      "2: - F10=36200 F18=52780.4",
      "3: - F11=2400 F19=1900",
      "PMC: - F6=5850 F14=5900",
    ]);
    expect(t.notes.map((n) => say(n, "en"))).toEqual([
      "read 15 ledger lines as the expenditure of 4 components by quarter, 2022 Q1 to 2022 Q2 (each amount the sum of its lines; a finding points at the last one)",
    ]);
    expect(say(t.notes[0], "es")).toBe(
      "15 líneas del libro se leyeron como el gasto de 4 componentes por trimestre, de 2022 T1 a 2022 T2 (cada monto es la suma de sus líneas; un hallazgo señala la última)",
    );
    const withPlan = await checkFixtures([PLAN, "ledger-2022.xlsx"]);
    expect(withPlan.findings.map(brief)).toEqual([]);
  });

  test("the defects: a quarter above plan, an amount that is none, low delivery; a line with no component left out and said", async () => {
    const { tables, findings } = await checkFixtures([PLAN, "ledger-2022-defects.xlsx"]);
    expect(findings.map(brief)).toEqual([
      "warning value.invalid ledger-2022-defects.xlsx GL 2022 F7 1  2022-Q1  ",
      "warning overspend.period ledger-2022-defects.xlsx GL 2022 F18 2  2022-Q2 60000 61780.4",
      "info delivery.low ledger-2022-defects.xlsx GL 2022 F19 3  2022-Q2 2000 900",
    ]);
    expect(findings[1].message).toBe(
      "Component 2: in 2022 Q2 expenditure 61,780.40 is above the plan of 60,000.00 (by 1,780.40; plan in workplan-2022-quarters.xlsx › Work plan 2022).",
    );
    const ledger = tables.find((t) => t.layout === "ledger")!;
    expect(ledger.range).toBe("A4:F20");
    expect(ledger.notes.map((n) => say(n, "en"))).toEqual([
      "read 16 ledger lines as the expenditure of 4 components by quarter, 2022 Q1 to 2022 Q2 (each amount the sum of its lines; a finding points at the last one)",
      "left out 1 ledger line charged to no component (the first at F20): name the component (Component 1, Outcome 2, ACTIVITY3, PMC…) to count it",
    ]);
    expect(say(ledger.notes[1], "es")).toBe(
      "se dejó fuera 1 línea del libro sin componente (la primera en F20): indique el componente (Componente 1, Resultado 2, ACTIVITY3, PMC…) para contarla",
    );
  });
});

describe("ledgers in memory", () => {
  test("per account and month, Spanish words, a total line that ends it, lines without a date said", () => {
    const result = check(
      sheet("Libro", [
        ["Libro mayor — gastos del proyecto (USD)"],
        [],
        ["Mes", "Componente", "Cuenta", "Descripción", "Monto"],
        ["ene-22", "Componente 1", 71300, "Consultores locales", 1000],
        ["feb-22", "Componente 1", 71300, "Consultores locales", 1500],
        ["abr-22", "Componente 2", 72100, "Servicios contractuales", "2.500,00"],
        [null, "Componente 2", 72100, "Servicios contractuales", 700],
        ["Total", null, null, null, 5700],
        ["Elaborado por: ________"],
      ]),
      { period: "FY22" },
    );
    expect(result.findings.map(short)).toEqual([]);
    const [t] = result.tables;
    expect([t.layout, t.kind, t.range]).toEqual(["ledger", "expenditure", "A3:E8"]);
    expect(t.rows.map((r) => `${r.component}: ${r.amounts.map((a) => (a ? `${a.cell}=${a.value}` : "-")).join(" ")}`)).toEqual(["1: - E5=2500 -", "2: - - E6=2500"]);
    expect(t.notes.map((n) => say(n, "en"))[1]).toBe("left out 1 ledger line without a date or period (the first at E7): add the date to count it");
  });

  test("a budget table with a Date column is no ledger: its Budget is money a ledger has not", () => {
    const result = check(
      sheet("Budget", [
        ["Financial implementation (USD)"],
        [],
        ["Component", "Budget", "Expenditure", "Date"],
        ["Component 1", 10000, 4000, "30/06/2022"],
        ["Component 2", 20000, 9000, "30/06/2022"],
        ["Total", 30000, 13000, null],
      ]),
      { period: "FY22" },
    );
    expect(result.tables.map((t) => `${t.layout} ${t.kind} ${t.range}`)).toEqual(["rows-by-component budget A3:D6"]);
  });

  test("a header with Date and Amount but no component column is no ledger", () => {
    const result = check(
      sheet("Events", [
        ["Date", "Event", "Amount"],
        ["2022-01-10", "Workshop", 1000],
        ["2022-02-10", "Visit", 500],
      ]),
    );
    expect(result.tables.filter((t) => t.layout === "ledger")).toEqual([]);
  });
});
