/**
 * The notes under the annotated PIR tables speak of the cells they are
 * attached to: each names the table and source cell its figures are about,
 * so a note that says "889,000.00 here" about the budget table's B7 is not
 * read as speaking of the work plan's 1,069,000.00 it also flags (the two
 * tables disagree; both cells carry the note).
 */
import { formatAmount } from "../../../src/core/amounts";
import { buildPirWorkbook } from "../../../src/core/pir/build";
import { superscript } from "../../../src/core/pir/copies";
import type { SheetCell, SheetDescription } from "../../../src/core/pir/sheet";
import { checkFixtures } from "../../helpers/fixtures";
import { rowLabelled } from "./sheet-query";

async function seed() {
  const result = await checkFixtures(["seed-workplan.xlsx", "seed-budget.xlsx"], { period: "FY22" });
  return { result, annotated: buildPirWorkbook(result, result.settings).sheets[1] };
}

/** The numbered notes under the tables, by number. */
function notes(sheet: SheetDescription): Map<string, string> {
  const title = rowLabelled(sheet, "Notes on the flagged cells");
  const out = new Map<string, string>();
  for (const c of sheet.cells) if (c.row > title && c.col === 0 && typeof c.value === "string") out.set(c.value.split(" ")[0], c.value);
  return out;
}

/** The footnote numbers a cell carries: in its format for a number, after its text otherwise. */
function marksOf(cell: SheetCell): string[] {
  const text = typeof cell.value === "number" ? (/" ([⁰¹²³⁴⁵⁶⁷⁸⁹ ]+)"$/.exec(cell.style?.numFmt ?? "")?.[1] ?? "") : (/ ([⁰¹²³⁴⁵⁶⁷⁸⁹ ]+)$/.exec(String(cell.value))?.[1] ?? "");
  return text.split(" ").filter((m) => m !== "");
}

test("every note names the table and source cell it speaks of (seed)", async () => {
  const { annotated } = await seed();
  expect([...notes(annotated).values()]).toEqual([
    "¹ Error — Budget table, seed-budget.xlsx › Financial implementation!C5: Component 1: expenditure 242,717.56 is above the budget 235,000.00 by 7,717.56. (overspend.component)",
    "² Warning — Budget table, seed-budget.xlsx › Financial implementation!C5: Component 1: cumulative expenditure is 242,717.56 here but 221,354.50 in seed-workplan.xlsx › Work plan!I5 (the work plan's periods 2018 – 2022 Q2 added up: those that end by the close of FY22); a difference of 21,363.06. (mismatch.expenditure)",
    "³ Error — Budget table, seed-budget.xlsx › Financial implementation!C6: Component 2: expenditure 475,924.04 is above the budget 315,000.00 by 160,924.04. Probably caused by the amount repeated in C7, which the work plan supports for Component 3. (overspend.component)",
    "⁴ Warning — Budget table, seed-budget.xlsx › Financial implementation!C6: Component 2: cumulative expenditure is 475,924.04 here but 248,958.32 in seed-workplan.xlsx › Work plan!I8 (the work plan's periods 2018 – 2022 Q2 added up: those that end by the close of FY22); a difference of 226,965.72. (mismatch.expenditure)",
    "⁵ Error — Budget table, seed-budget.xlsx › Financial implementation!B7: Component 3: the budget is 889,000.00 here but 1,069,000.00 in seed-workplan.xlsx › Work plan!C14; a difference of 180,000.00. Both tables add up to 4,114,000.00: the difference sits in the lines outside the components (2,280,000.00 here in B8; 2,100,000.00 in seed-workplan.xlsx › Work plan!C24). (mismatch.budget)",
    "⁶ Error — Budget table, seed-budget.xlsx › Financial implementation!C7: Component 3: cumulative expenditure is 475,924.04, less than the 487,292.51 the work plan already shows as spent in 2018 – 2021 (seed-workplan.xlsx › Work plan!G14); spending to date cannot go down. (expenditure.past)",
    "⁷ Warning — Budget table, seed-budget.xlsx › Financial implementation!C7: Component 3 shows 475,924.04, exactly the same amount as Component 2 in C6: a pasted value? The work plan supports Component 3: it shows 487,292.51 spent in 2018 – 2021 (Component 2: 221,958.32). (duplicate.value)",
    "⁸ Warning — Budget table, seed-budget.xlsx › Financial implementation!C7: Component 3: cumulative expenditure is 475,924.04 here but 718,292.51 in seed-workplan.xlsx › Work plan!I14 (the work plan's periods 2018 – 2022 Q2 added up: those that end by the close of FY22); a difference of 242,368.47. (mismatch.expenditure)",
    "⁹ Warning — Budget table, seed-budget.xlsx › Financial implementation!A8: Row 8 has amounts (2,280,000.00 | 56,156.94) but no label; it is counted in the sums without saying what it is. (label.missing)",
    "¹⁰ Warning — Budget table, seed-budget.xlsx › Financial implementation!C9: Component 4: cumulative expenditure is 65,536.16 here but 64,490.37 in seed-workplan.xlsx › Work plan!I19 (the work plan's periods 2018 – 2022 Q2 added up: those that end by the close of FY22); a difference of 1,045.79. (mismatch.expenditure)",
    "¹¹ Error — Budget table, seed-budget.xlsx › Financial implementation!C10: Project management (PMC): cumulative expenditure is 180,736.27, less than the 239,092.35 the work plan already shows as spent in 2018 – 2021 (seed-workplan.xlsx › Work plan!G21); spending to date cannot go down. (expenditure.past)",
    "¹² Warning — Budget table, seed-budget.xlsx › Financial implementation!C10: Project management (PMC): expenditure 180,736.27 is 13.7 % of the expenditure on the components and M&E (1,316,258.74), above 5 % (GEF's cap for projects above USD 2 million: 65,812.94). (cap.pmc)",
    "¹³ Warning — Budget table, seed-budget.xlsx › Financial implementation!C10: Project management (PMC): cumulative expenditure is 180,736.27 here but 271,092.35 in seed-workplan.xlsx › Work plan!I21 (the work plan's periods 2018 – 2022 Q2 added up: those that end by the close of FY22); a difference of 90,356.08. (mismatch.expenditure)",
    "¹⁴ Warning — Work plan, seed-workplan.xlsx › Work plan!G5: Component 1, 2021: the row shows 116,717.00 but its outputs add up to 116,718.00 (a difference of 1.00). The difference is small enough to be rounding. (sum.component)",
    "¹⁵ Error — Work plan, seed-workplan.xlsx › Work plan!K5: Component 1: by 2022 Q4 the amounts add up to 236,354.50, above the total budget of 235,000.00 (by 1,354.50). Over all periods: 261,354.50. (overspend.plan)",
    "¹⁶ Error — Work plan, seed-workplan.xlsx › Work plan!G6: Output 1.1.1: by 2021 the amounts add up to 186,628.11, above the total budget of 154,500.00 (by 32,128.11). Over all periods: 221,138.11. (overspend.output)",
    "¹⁷ Error — Work plan, seed-workplan.xlsx › Work plan!M8: Component 2: by 2023 Q2 the amounts add up to 320,958.32, above the total budget of 315,000.00 (by 5,958.32). Over all periods: 320,958.32. (overspend.plan)",
    "¹⁸ Error — Work plan, seed-workplan.xlsx › Work plan!H9: Output 2.1.1: by 2022 Q1 the amounts add up to 66,513.49, above the total budget of 58,300.00 (by 8,213.49). Over all periods: 66,513.49. (overspend.output)",
    "¹⁹ Error — Work plan, seed-workplan.xlsx › Work plan!G10: Output 2.1.2: by 2021 the amounts add up to 92,395.85, above the total budget of 80,200.00 (by 12,195.85). Over all periods: 92,395.85. (overspend.output)",
    "²⁰ Error — Work plan, seed-workplan.xlsx › Work plan!K15: Output 3.1.1: by 2022 Q4 the amounts add up to 608,068.81, above the total budget of 587,700.00 (by 20,368.81). Over all periods: 653,068.81. (overspend.output)",
    "²¹ Error — Work plan, seed-workplan.xlsx › Work plan!G21: Project management (PMC): by 2021 the amounts add up to 239,092.35, above the total budget of 195,000.00 (by 44,092.35). Over all periods: 271,092.35. (overspend.plan)",
    "²² Warning — Work plan, seed-workplan.xlsx › Work plan!G23: Total, 2021: the row shows 879,105.00 but the components add up to 879,103.00 (a difference of 2.00). The difference is small enough to be rounding. (sum.total)",
    "²³ Error — Work plan, seed-workplan.xlsx › Work plan!M23: \"Total\": by 2023 Q2 the amounts add up to 2,025,678.05, above the total budget of 2,014,000.00 (by 11,678.05). Over all periods: 2,025,678.05. (overspend.plan)"
  ]);
});

test("no note states a figure 'here' that is not its named source cell's, and the cross-table flag reads true on both cells (seed)", async () => {
  const { result, annotated } = await seed();
  const byNumber = notes(annotated);
  const sourceValue = (file: string, sheet: string, a1: string) => {
    for (const t of result.tables) {
      if (t.file !== file || t.sheet !== sheet) continue;
      for (const r of t.rows) for (const a of r.amounts) if (a?.cell === a1) return a.value;
    }
    return undefined;
  };
  const flagged = annotated.cells.filter((c) => marksOf(c).length > 0);
  expect(flagged.length).toBeGreaterThan(10);
  for (const cell of flagged) {
    for (const mark of marksOf(cell)) {
      const note = byNumber.get(mark)!;
      const named = /^\S+ \S+ — (Budget table|Work plan), (.+?) › (.+?)!([A-Z]+\d+): /.exec(note);
      expect(named).not.toBeNull();
      const [, , file, sheet, a1] = named!;
      // "X here" is the named cell's figure; the cell the note sits on shows it, or the note names the figure it shows.
      const here = [...note.matchAll(/([\d,]+\.\d\d) here(?! in)/g)].map((m) => m[1]);
      const value = sourceValue(file, sheet, a1);
      for (const h of here) expect(h).toBe(formatAmount(value!, "en"));
      if (typeof cell.value === "number" && here.length > 0 && here[0] !== formatAmount(cell.value, "en")) expect(note).toContain(formatAmount(cell.value, "en"));
      // The hover note says the same.
      expect(cell.note).toContain(note.slice(note.indexOf("— ") + 2).replace(/ \([a-z.]+\)$/, ""));
    }
  }
  // Component 3's budget: 889,000 in the budget table, 1,069,000 in the work plan; one note on both, naming B7.
  const both = flagged.filter((c) => c.value === 889000 || c.value === 1069000);
  expect(both.map((c) => c.value)).toEqual([889000, 1069000]);
  expect(marksOf(both[0])).toEqual(marksOf(both[1]));
  expect(byNumber.get(marksOf(both[1])[0])).toMatch(/^\S+ Error — Budget table, seed-budget\.xlsx › Financial implementation!B7: Component 3: the budget is 889,000\.00 here but 1,069,000\.00 in seed-workplan\.xlsx › Work plan!C14;/);
  expect(superscript(5)).toBe(marksOf(both[1])[0]);
});

test("a note names a source file by its name, not its folder (the Source line gives that)", async () => {
  const { result } = await seed();
  const folder = (file: string) => `/home/officer/PIR 2022/${file}`;
  const moved = {
    ...result,
    tables: result.tables.map((t) => ({ ...t, file: folder(t.file) })),
    findings: result.findings.map((f) => ({ ...f, file: folder(f.file) })),
  };
  const annotated = buildPirWorkbook(moved, result.settings).sheets[1];
  expect([...notes(annotated).values()][0]).toBe(
    "¹ Error — Budget table, seed-budget.xlsx › Financial implementation!C5: Component 1: expenditure 242,717.56 is above the budget 235,000.00 by 7,717.56. (overspend.component)",
  );
});
