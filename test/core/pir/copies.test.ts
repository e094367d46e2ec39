/**
 * The two copies of the PIR tables, from the seed's two workbooks: the clean
 * copy is the report's tables as the real PIR prints them (compare
 * ../shared/seeds: "Component 1 … 235,000 | 242,717.56", "Total (USD)
 * 4,114,000 | 1,496,995.01", "2022 T1", "-" for zero); the annotated copy
 * flags cells with footnote numbers explained under the tables.
 */
import { buildPirWorkbook } from "../../../src/core/pir/build";
import { CENTS_FORMAT, WHOLE_FORMAT, superscript } from "../../../src/core/pir/copies";
import { describedCell, type SheetDescription } from "../../../src/core/pir/sheet";
import { checkFixtures } from "../../helpers/fixtures";
import { checkResultOf, seedBudgetTable, seedSettings, seedWorkplanTable } from "./seed-tables";
import { rowLabelled, rowValues } from "./sheet-query";

async function seedWorkbook(language: "en" | "es" = "en") {
  const result = await checkFixtures(["seed-workplan.xlsx", "seed-budget.xlsx"], { period: "FY22", language });
  return buildPirWorkbook(result, result.settings);
}

const fmt = (s: SheetDescription, row: number, col: number) => describedCell(s, row, col)?.style?.numFmt;

test("three sheets: the clean copy first, the annotated copy, the findings", async () => {
  expect((await seedWorkbook()).sheets.map((s) => s.name)).toEqual(["PIR tables", "PIR tables annotated", "Findings"]);
  expect((await seedWorkbook("es")).sheets.map((s) => s.name)).toEqual(["Tablas PIR", "Tablas PIR anotadas", "Hallazgos"]);
});

test("the clean copy holds the report's tables and nothing else", async () => {
  const [clean] = (await seedWorkbook()).sheets;
  // The financial table as the seed's report prints it (its unlabeled line keeps no label).
  const top = rowLabelled(clean, "Project components") + 2;
  const rows = Array.from({ length: 7 }, (_, k) => rowValues(clean, top + k, 0, 2));
  expect(rows).toEqual([
    ["Component 1 – Policy framework for sustainable industrial zone development", 235000, 242717.56],
    ["Component 2 – Capacity building on sustainable industrial zone planning", 315000, 475924.04],
    ["Component 3 – Pilot demonstration of clean and low-carbon technologies", 889000, 475924.04],
    ["", 2280000, 56156.94],
    ["Component 4. Monitoring and Evaluation", 200000, 65536.16],
    ["Project management", 195000, 180736.27],
    ["Total (USD)", 4114000, 1496995.01],
  ]);
  // Whole amounts without ".00", cents where there are cents, zero as "-".
  expect([fmt(clean, top, 1), fmt(clean, top, 2)]).toEqual([WHOLE_FORMAT, CENTS_FORMAT]);
  const wpHeader = rowLabelled(clean, "Outputs");
  expect(rowValues(clean, wpHeader, 0, 7)).toEqual(["Outputs", "Total Budget", "2018", "2019", "2020", "2021", "2022 T1", "2022 T2"]);
  const out121 = rowLabelled(clean, "1.2.1 Proposal for mechanisms/ incentives");
  expect(describedCell(clean, out121, 2)?.value).toBe(0);
  expect(fmt(clean, out121, 2)).toBe(WHOLE_FORMAT);
  // No flags, notes, tool words or paths.
  for (const c of clean.cells) {
    expect(c.note).toBeUndefined();
    expect(c.style?.fill === "error" || c.style?.fill === "warning" || c.style?.fill === "info").toBe(false);
    if (typeof c.value === "string") expect(c.value).not.toMatch(/Source:|Reporting period|\.xlsx|\(no label\)|[¹²³⁴⁵⁶⁷⁸⁹]/);
  }
  // Balance and % spent are the annotated copy's: the report's table has two amount columns.
  expect(describedCell(clean, top - 1, 3)).toBeUndefined();
  // The two section titles, then the tables: nothing above the financial title.
  expect(describedCell(clean, 0, 0)?.value).toBe("VIII.3 Financial implementation");
});

test("the annotated copy: a legend, footnote numbers in the flagged cells, the notes under the tables", async () => {
  const [, annotated] = (await seedWorkbook()).sheets;
  const legend = rowLabelled(annotated, "Flags (the numbers refer to the notes below the tables):");
  expect(rowValues(annotated, legend, 1, 3)).toEqual(["Error", "Warning", "Info"]);
  // Component 1's expenditure keeps its value; its footnote is part of its format.
  const c1 = rowLabelled(annotated, "Component 1 – Policy framework for sustainable industrial zone development");
  const spent = describedCell(annotated, c1, 2)!;
  expect(spent.value).toBe(242717.56);
  expect(spent.style?.fill).toBe("error");
  const marks = /" ([⁰¹²³⁴⁵⁶⁷⁸⁹ ]+)"$/.exec(spent.style!.numFmt!)![1].split(" ");
  expect(marks.length).toBeGreaterThanOrEqual(2); // its overspend and its disagreement with the work plan
  const notesTitle = rowLabelled(annotated, "Notes on the flagged cells");
  const notes = annotated.cells.filter((c) => c.row > notesTitle && c.col === 0).map((c) => String(c.value));
  for (const m of marks) expect(notes.some((n) => n.startsWith(`${m} `))).toBe(true);
  expect(notes.find((n) => n.startsWith(`${marks[0]} `))).toMatch(/Component 1: /);
  // Numbered 1, 2, 3… in reading order, each once.
  expect(notes.map((n) => n.split(" ")[0])).toEqual(notes.map((_, i) => superscript(i + 1)));
});

test("the clean copy blanks our '(no label)' placeholder by its mark, not a source row that really reads '(no label)'", () => {
  const workplan = seedWorkplanTable();
  const trustFund = workplan.rows.find((r) => r.kind === "afterTotal")!;
  trustFund.label = "(no label)";
  const settings = seedSettings();
  const [clean, annotated] = buildPirWorkbook(checkResultOf([workplan, seedBudgetTable()], []), settings).sheets;
  // The budget table's unlabeled line: our placeholder in the annotated copy, blank in the clean one.
  const unlabeled = (s: SheetDescription) => s.cells.find((c) => c.col === 1 && c.value === 2280000)!.row;
  expect(describedCell(annotated, unlabeled(annotated), 0)).toMatchObject({ value: "(no label)", placeholder: true });
  expect(describedCell(clean, unlabeled(clean), 0)?.value).toBe("");
  expect(describedCell(clean, unlabeled(clean), 0)?.placeholder).toBeUndefined();
  // The work plan's line after the total says "(no label)" in its source: both copies keep it.
  const trust = (s: SheetDescription) => s.cells.find((c) => c.col === 1 && c.value === 2100000)!.row;
  expect(describedCell(clean, trust(clean), 0)?.value).toBe("(no label)");
  expect(describedCell(annotated, trust(annotated), 0)?.value).toBe("(no label)");
  expect(describedCell(annotated, trust(annotated), 0)?.placeholder).toBeUndefined();
});
