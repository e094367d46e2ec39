import { formatFindings, formatReport, formatTables, oneLine, summaryLine, terminalSafe } from "../../src/cli/format";
import type { Finding, Report } from "../../src/core/model";

function finding(partial: Partial<Finding>): Finding {
  return {
    rule: "sum.component",
    severity: "warning",
    file: "plan.xlsx",
    sheet: "Work plan",
    cell: "D5",
    component: "1",
    output: null,
    period: null,
    expected: null,
    actual: null,
    message: "a message",
    ...partial,
  };
}

describe("summaryLine", () => {
  test("counts each severity, with singulars where they belong", () => {
    const findings = [
      finding({ severity: "error" }),
      finding({ severity: "error" }),
      finding({ severity: "error" }),
      finding({ severity: "warning" }),
      finding({ severity: "warning" }),
      finding({ severity: "info" }),
    ];
    expect(summaryLine(findings, 2)).toBe("3 errors, 2 warnings, 1 note in 2 workbooks");
    expect(summaryLine([finding({ severity: "error" })], 1)).toBe("1 error, 0 warnings, 0 notes in 1 workbook");
    expect(summaryLine(findings, 2, "es")).toBe("3 errores, 2 advertencias, 1 nota en 2 libros");
  });
});

describe("formatFindings", () => {
  test("groups by severity (errors first), then by component in number order, PMC after, none last", () => {
    const lines = formatFindings([
      finding({ severity: "info", component: null, rule: "duplicate.value", cell: "A1", message: "note" }),
      finding({ severity: "warning", component: null, rule: "label.missing", cell: "A8", message: "no label" }),
      finding({ severity: "warning", component: "PMC", rule: "cap.pmc", cell: "B10", message: "cap" }),
      finding({ severity: "warning", component: "10", cell: "D30", message: "ten" }),
      finding({ severity: "warning", component: "2", cell: "D9", message: "two" }),
      finding({ severity: "error", component: "3", rule: "overspend.component", file: "budget.xlsx", sheet: "Fin", cell: "C7", message: "over\nbudget" }),
    ]);
    expect(lines).toEqual([
      "Errors (1)",
      "  Component 3",
      "    overspend.component  budget.xlsx › Fin!C7  over budget",
      "Warnings (4)",
      "  Component 2",
      "    sum.component        plan.xlsx › Work plan!D9  two",
      "  Component 10",
      "    sum.component        plan.xlsx › Work plan!D30  ten",
      "  Project management (PMC)",
      "    cap.pmc              plan.xlsx › Work plan!B10  cap",
      "  Not tied to a component",
      "    label.missing        plan.xlsx › Work plan!A8  no label",
      "Notes (1)",
      "  Not tied to a component",
      "    duplicate.value      plan.xlsx › Work plan!A1  note",
    ]);
  });

  test("says so when there is nothing to report", () => {
    expect(formatFindings([])).toEqual(["No findings."]);
    expect(formatFindings([], "es")).toEqual(["Ningún hallazgo."]);
  });
});

describe("formatTables", () => {
  const report: Report = {
    files: [
      {
        file: "plan.xlsx",
        sheets: [
          {
            name: "Work plan",
            tables: [
              {
                kind: "workplan",
                range: "B4:M24",
                periods: ["2018", "2019", "2020", "2021", "2022-Q1", "2022-Q2"],
                components: ["1", "2", "PMC"],
                outputs: ["1.1.1", "2.1.1"],
                layout: "rows-by-component",
                shape: "rows: component › output; columns: 2018 … 2022 Q2, Budget",
                notes: [],
              },
            ],
            skipped: null,
          },
          { name: "Notes", tables: [], skipped: "the sheet is empty" },
        ],
      },
      {
        file: "budget.xlsx",
        sheets: [{ name: "Fin", tables: [{ kind: "budget", range: "A3:C11", periods: [], components: ["1"], outputs: [], layout: "components-as-columns", shape: "rows: budget line; columns: Component 1, Component 2", notes: ["read the columns headed 1–2 as components 1–2"] }], skipped: null }],
      },
    ],
    findings: [],
  };

  test("one line per table with kind, range, periods and sizes; skipped sheets with their reason", () => {
    expect(formatTables(report)).toEqual([
      "plan.xlsx",
      "  Work plan: work plan table B4:M24 · periods 2018 … 2022 Q2 (6) · 3 components, 2 outputs",
      "    rows: component › output; columns: 2018 … 2022 Q2, Budget",
      "  Notes: skipped — the sheet is empty",
      "budget.xlsx",
      "  Fin: budget table A3:C11 · 1 component",
      "    rows: budget line; columns: Component 1, Component 2",
      "    note: read the columns headed 1–2 as components 1–2",
    ]);
  });

  test("the whole report ends with the summary line", () => {
    const text = formatReport({ ...report, findings: [finding({ severity: "error" })] });
    expect(text.endsWith("\n1 error, 0 warnings, 0 notes in 2 workbooks\n")).toBe(true);
  });
});

describe("text from the workbooks cannot drive the terminal", () => {
  const ESC = "\u001b";
  const hostile = [
    `${ESC}[2J${ESC}[31mred`, // clear the screen, colour
    `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, // an OSC-8 link
    "safe\rOVERWRITTEN", // a carriage return that overwrites the line
    "abc\u202Eexe.xlsx", // right-to-left override
    "bell\u0007 and C1 \u009b31m",
  ];

  test("sheet names, messages and shapes are printed with their control characters escaped", () => {
    const report: Report = {
      files: [{ file: `plan${ESC}[8m.xlsx`, sheets: hostile.map((name) => ({ name, tables: [], skipped: "the sheet is empty" })) }],
      findings: hostile.map((message, i) => finding({ sheet: hostile[i], message, component: null })),
    };
    const out = formatReport(report);
    // Nothing a terminal would obey is left: only newlines between lines.
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain("\\u001b[2J\\u001b[31mred");
    expect(out).toContain("\\u001b]8;;https://evil.example\\u001b\\click");
    expect(out).toContain("abc\\u202eexe.xlsx");
    expect(out).toContain("bell\\u0007 and C1 \\u009b31m");
    expect(out).toContain("plan\\u001b[8m.xlsx");
  });

  test("escaped as --json escapes them, and ordinary text (accents, €, ›) untouched", () => {
    expect(terminalSafe(`${ESC}[0m`)).toBe(JSON.stringify(`${ESC}[0m`).slice(1, -1));
    expect(terminalSafe("Producto 1.1.1 — Gestión › 1.500,00 €")).toBe("Producto 1.1.1 — Gestión › 1.500,00 €");
    expect(oneLine("a\r\n b\u202e")).toBe("a b\\u202e");
  });
});
