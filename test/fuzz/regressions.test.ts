/**
 * The smallest cases of the engine bugs the fuzz test (engine.test.ts) found,
 * each pinned here after its fix so it cannot come back unnoticed.
 */
import { MAX_AMOUNT, parseAmount, roundCents } from "../../src/core/amounts";
import { checkWorkbooks } from "../../src/core/check";
import type { CellValue, WorkbookGrid } from "../../src/core/grid";
import { findingSchema, type Finding } from "../../src/core/model";
import { buildPirWorkbook } from "../../src/core/pir/build";
import { parseSettings } from "../../src/core/settings";

const settings = parseSettings({ period: "FY22" });

/** A one-sheet workbook whose rows are given as plain values. */
function workbook(rows: CellValue[][]): WorkbookGrid {
  return { file: "regression.xlsx", sheets: [{ name: "Budget", cells: rows.map((r) => r.map((value) => ({ value }))), merges: [] }] };
}

function check(rows: CellValue[][]): Finding[] {
  const result = checkWorkbooks([workbook(rows)], settings);
  expect(result.tables).toHaveLength(1);
  for (const f of result.findings) expect(findingSchema.parse(f)).toEqual(f);
  expect(() => buildPirWorkbook(result, settings)).not.toThrow();
  return result.findings;
}

const brief = (f: Finding) => `${f.rule} ${f.cell} ${f.expected} ${f.actual}`;

describe("an amount too large to add up (fixed in src/core/amounts.ts and recognize-rows.ts)", () => {
  // Found as: two cells of 9.99999999999999E+307 (Excel's largest number) in the
  // Budget column made sum.total report expected = Infinity, which is not a
  // number in the report schema and prints as null in --json.
  test("cells beyond MAX_AMOUNT are invalid values, left out of the sums, and no finding holds Infinity", () => {
    const findings = check([
      ["Component", "Budget", "Expenditure"],
      ["Component 1", 9.99999999999999e307, 10],
      ["Component 2", 9.99999999999999e307, 20],
      ["Total", 1000, 30],
    ]);
    expect(findings.map(brief)).toEqual(["value.invalid B2 null null", "value.invalid B3 null null"]);
    expect(findings[0].message).toBe('Cell B2 holds "9.99999999999999e+307", which is not an amount; it was left out of the sums.');
    expect(findings[0].severity).toBe("warning");
  });

  test("a total that is the sum of large but real amounts is still checked, to the cent", () => {
    // Found with it: roundCents's one-ulp nudge added 2 cents to 80 trillion (fixed in amounts.ts).
    const findings = check([
      ["Component", "Budget", "Expenditure"],
      ["Component 1", 40_000_000_000_000, 10],
      ["Component 2", 40_000_000_000_000, 20],
      ["Total", 1000, 30],
    ]);
    expect(findings.map(brief)).toEqual(["sum.total B4 80000000000000 1000"]);
    expect(roundCents(80_000_000_000_000)).toBe(80_000_000_000_000);
    expect(roundCents(-45_035_996_273_704.96)).toBe(-45_035_996_273_704.96); // 2^52 cents
    expect(roundCents(MAX_AMOUNT)).toBe(MAX_AMOUNT);
  });

  test("the limit is 2^53 cents, as a number or as text", () => {
    expect(MAX_AMOUNT).toBe(90_071_992_547_409.91);
    expect(parseAmount({ value: MAX_AMOUNT })).toEqual({ kind: "amount", value: MAX_AMOUNT });
    expect(parseAmount({ value: -MAX_AMOUNT })).toEqual({ kind: "amount", value: -MAX_AMOUNT });
    expect(parseAmount({ value: 1e14 })).toEqual({ kind: "invalid", raw: "100000000000000" });
    expect(parseAmount({ value: "1,000,000,000,000,000,000.00" })).toEqual({ kind: "invalid", raw: "1,000,000,000,000,000,000.00" });
    expect(parseAmount({ value: 5e-324 })).toEqual({ kind: "amount", value: 5e-324 });
  });
});

describe("a total budget that rounds to nothing (fixed in src/core/rules/caps.ts)", () => {
  // Found as: a total row budget of 5E-324 made cap.pmc say the PMC "is
  // Infinity % of the total budget 0.00".
  test("gives no PMC share to report", () => {
    const findings = check([
      ["Component", "Budget", "Expenditure"],
      ["Component 1", 0, 0],
      ["PMC", 45_000, 0],
      ["Total", 5e-324, 0],
    ]);
    expect(findings.map(brief)).toEqual(["sum.total B4 45000 0"]);
  });

  test("while a real total still caps the PMC", () => {
    const findings = check([
      ["Component", "Budget", "Expenditure"],
      ["Component 1", 800_000, 0],
      ["PMC", 100_000, 0],
      ["Total", 900_000, 0],
    ]);
    // A USD 900,000 project: 10 % of the sub-total without PMC (800,000).
    expect(findings.map(brief)).toEqual(["cap.pmc B3 80000 100000"]);
    expect(findings[0].message).toBe("Project management (PMC): 100,000.00 is 12.5 % of the GEF sub-total (components and M&E, PMC excluded) 800,000.00, above 10 % (GEF's cap for projects of USD 2 million or less: 80,000.00).");
  });
});

describe("a sheet whose last row is the millionth (fixed in src/core/recognize-header.ts)", () => {
  // Found as: a stray cell in row 1,048,576 made recognition measure the sheet's
  // width (a pass over every row) for each of the million empty rows: minutes.
  test("is checked as fast as the table alone, with the same findings", () => {
    const rows: CellValue[][] = [
      ["Component", "Budget", "Expenditure"],
      ["Component 1", 100, 150],
      ["Total", 100, 150],
    ];
    const plain = check(rows);
    const stray = workbook(rows);
    const cells = stray.sheets[0].cells;
    while (cells.length < 1_048_575) cells.push(null);
    cells.push([{ value: "checked" }]);
    const started = performance.now();
    const result = checkWorkbooks([stray], settings);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.findings).toEqual(plain);
    expect(plain.map(brief)).toEqual(["overspend.component C2 100 150"]);
  });
});
