import { checkWorkbooks } from "../../src/core/check";
import type { SheetGrid } from "../../src/core/grid";
import { parseSettings } from "../../src/core/settings";
import { applyTableRanges, cropSheet, parseRangeAddress, tableRangeFor } from "../../src/taskpane/crop";
import { loadFixture } from "../helpers/fixtures";

const settings = parseSettings({ period: "FY22" }, new Date("2026-11-24T00:00:00Z"));

describe("parseRangeAddress", () => {
  it("reads Excel's selection addresses, sheet names quoted or not", () => {
    expect(parseRangeAddress("'Work plan'!$B$4:$M$24")).toEqual({ sheet: "Work plan", area: { top: 3, left: 1, bottom: 23, right: 12 } });
    expect(parseRangeAddress("Budget!C5")).toEqual({ sheet: "Budget", area: { top: 4, left: 2, bottom: 4, right: 2 } });
    expect(parseRangeAddress("'It''s'!A1:B2")?.sheet).toBe("It's");
    expect(parseRangeAddress("m24:b4")).toEqual({ sheet: null, area: { top: 3, left: 1, bottom: 23, right: 12 } });
  });

  it("takes whole columns and rows as open-ended areas", () => {
    const cols = parseRangeAddress("B:M")!.area;
    expect([cols.top, cols.left, cols.right]).toEqual([0, 1, 12]);
    expect(cols.bottom).toBeGreaterThan(1_000_000);
    const rows = parseRangeAddress("4:24")!.area;
    expect([rows.top, rows.bottom, rows.left]).toEqual([3, 23, 0]);
  });

  it("refuses what is not one rectangle", () => {
    for (const bad of ["A1:B2,D4", "", "hello", "A1:B", "Sheet!", "!A1", "A0"]) expect(parseRangeAddress(bad)).toBeNull();
  });
});

describe("cropSheet", () => {
  const sheet: SheetGrid = {
    name: "S",
    cells: [
      [{ value: "title" }, null, { value: 1 }],
      [{ value: "a" }, { value: 2 }, { value: 3 }],
      [{ value: "b" }, { value: 4 }, { value: 5 }],
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 2 }, // its top-left A1 falls outside B2:C3: dropped
      { top: 1, left: 1, bottom: 2, right: 2 }, // inside: kept
      { top: 2, left: 2, bottom: 5, right: 4 }, // starts inside, reaches out: clipped
    ],
  };

  it("empties the cells outside the range and keeps every coordinate", () => {
    const cropped = cropSheet(sheet, { top: 1, left: 1, bottom: 2, right: 2 });
    expect(cropped.cells[0]).toBeNull();
    expect(cropped.cells[1]).toEqual([null, { value: 2 }, { value: 3 }]);
    expect(cropped.cells[2]).toEqual([null, { value: 4 }, { value: 5 }]);
    expect(cropped.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
    // The source grid is not touched.
    expect(sheet.cells[1]![0]).toEqual({ value: "a" });
  });
});

describe("a range given by the user, on the seed work plan", () => {
  it("finds the same table when the range is the table, and none when it misses the header", async () => {
    const grid = await loadFixture("seed-workplan.xlsx");
    const range = tableRangeFor(grid, "'Work plan'!$B$4:$M$24", null);
    expect(range).toEqual({ file: "seed-workplan.xlsx", sheet: "Work plan", range: "B4:M24" });
    if (typeof range === "string") throw new Error(range);

    const full = checkWorkbooks([grid], settings);
    const restricted = checkWorkbooks([applyTableRanges(grid, [range])], settings);
    expect(restricted.tables.map((t) => t.range)).toEqual(["B4:M24"]);
    // Same cells, same findings: addresses are those of the real sheet.
    expect(restricted.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(full.findings.map((f) => `${f.rule} ${f.cell}`));

    const headerless = tableRangeFor(grid, "B5:M24", "Work plan");
    if (typeof headerless === "string") throw new Error(headerless);
    const none = checkWorkbooks([applyTableRanges(grid, [headerless])], settings);
    expect(none.tables).toHaveLength(0);
    expect(none.report.files[0].sheets[0].skipped).toMatch(/no header row/);
  });

  it("says what is wrong with a bad range or sheet", async () => {
    const grid = await loadFixture("seed-workplan.xlsx");
    expect(tableRangeFor(grid, "B4:M24,C3", "Work plan")).toBe("range-invalid");
    expect(tableRangeFor(grid, "Elsewhere!B4:M24", null)).toBe("sheet-unknown");
    expect(tableRangeFor(grid, "B4:M24", null)).toBe("sheet-unknown");
  });
});
