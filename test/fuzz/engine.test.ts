/**
 * Fuzzes the engine with damaged versions of the real fixture grids: whatever
 * a workbook holds, `checkWorkbooks` and `buildPirWorkbook` must not throw,
 * every finding must point at a cell that exists in a table that was
 * recognised, and every sum or running total it reports must be the one a
 * person gets by adding up the amounts the engine says it read — which in
 * turn must be what the grid holds.
 *
 * The seed is fixed so that CI is reproducible; on failure fast-check prints
 * the seed, the path and the shrunk counterexample (workbook indexes,
 * mutations, settings) to replay with `{ seed, path }`.
 */
import { readdirSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { MAX_AMOUNT } from "../../src/core/amounts";
import { checkWorkbooks, type CheckResult } from "../../src/core/check";
import { address, cellAt, isErrorValue, parseAddress, type SheetGrid, type WorkbookGrid } from "../../src/core/grid";
import { findingSchema, reportSchema, type Finding, type Period, type Table, type TableRow } from "../../src/core/model";
import { buildPirWorkbook } from "../../src/core/pir/build";
import { parseSettings, type Settings } from "../../src/core/settings";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import { anyMutation, applyMutations, shapeMutation, tableSpots, valueMutation, type FuzzBase, type Mutation } from "./mutate";

const ROOT = join(__dirname, "..", "..");
const GENERATED = join(ROOT, "test", "fixtures", "generated");
const SEED = 20_261_124;

let pool: FuzzBase[] = [];
beforeAll(async () => {
  const files = readdirSync(GENERATED).filter((f) => f.endsWith(".xlsx")).map((f) => join(GENERATED, f));
  files.push(join(ROOT, "examples", "peru-sizd-workplan.xlsx"), join(ROOT, "examples", "peru-sizd-budget.xlsx"));
  const settings = parseSettings({ period: "FY22" });
  for (const file of files) {
    const grid = await readWorkbookFile(file);
    pool.push({ grid, spots: tableSpots(grid, checkWorkbooks([grid], settings).tables) });
  }
}, 60_000);

test("the fuzz pool is every fixture, and most hold tables to aim at", () => {
  expect(pool.length).toBeGreaterThanOrEqual(12);
  expect(pool.filter((b) => b.spots.length > 0).length).toBeGreaterThanOrEqual(10);
});

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    // No period: the engine takes one from a workbook's title, or the fiscal year before `today`.
    period: fc.option(fc.integer({ min: 2018, max: 2026 }).map((y) => `FY${y % 100}`), { nil: undefined }),
    tolerance: fc.oneof(fc.constantFrom(0, 0.5, 1, 100), fc.double({ min: 0, max: 1_000_000, noNaN: true })),
    pmcCap: fc.oneof(fc.constantFrom(0, 0.05, 0.1, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    language: fc.constantFrom("en" as const, "es" as const),
  })
  .map((s) => parseSettings(s, new Date("2026-11-24T00:00:00Z")));

function caseArb(mutation: fc.Arbitrary<Mutation>, maxWorkbooks: number, maxMutations: number) {
  return fc.record({
    workbooks: fc.uniqueArray(fc.nat({ max: 13 }), { minLength: 1, maxLength: maxWorkbooks }),
    mutations: fc.array(fc.record({ workbook: fc.nat(), mutation }), { minLength: 1, maxLength: maxMutations }),
    settings: settingsArb,
  });
}

type Case = { workbooks: number[]; mutations: Array<{ workbook: number; mutation: Mutation }>; settings: Settings };

function runCase(c: Case): void {
  const bases = c.workbooks.map((i) => pool[i % pool.length]).filter((b, i, all) => all.indexOf(b) === i);
  const grids = bases.map((base, i) => applyMutations(base, c.mutations.filter((m) => m.workbook % bases.length === i).map((m) => m.mutation)));
  const result = checkWorkbooks(grids, c.settings);
  expect(() => reportSchema.parse(result.report)).not.toThrow();
  for (const t of result.tables) expectReadFromGrid(t, grids);
  for (const f of result.findings) expectFindingHolds(f, grids, result, c.settings);
  buildPirWorkbook(result, c.settings);
}

const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

test("damaged amounts, labels and headers", () => {
  fc.assert(fc.property(caseArb(valueMutation, 2, 8), runCase), params(1200));
}, 120_000);

test("damaged rows, merges and sheets", () => {
  fc.assert(fc.property(caseArb(shapeMutation, 2, 6), runCase), params(800));
}, 120_000);

test("everything at once, over up to three workbooks checked together", () => {
  fc.assert(fc.property(caseArb(anyMutation, 3, 12), runCase), params(800));
}, 120_000);

// ---------------------------------------------------------------------------
// What must hold

function sheetOf(grids: WorkbookGrid[], file: string, sheet: string): SheetGrid {
  const grid = grids.find((g) => g.file === file);
  expect(grid).toBeDefined();
  const found = grid!.sheets.find((s) => s.name === sheet);
  expect(found).toBeDefined();
  return found!;
}

function sheetWidth(sheet: SheetGrid): number {
  return sheet.cells.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
}

function inRange(range: string, cell: string): boolean {
  const [from, to] = range.split(":").map((a) => parseAddress(a)!);
  const p = parseAddress(cell)!;
  return p.row >= from.row && p.row <= to.row && p.col >= from.col && p.col <= to.col;
}

/** Every amount the engine holds is the cell's own value, at that cell's address. */
function expectReadFromGrid(t: Table, grids: WorkbookGrid[]): void {
  const sheet = sheetOf(grids, t.file, t.sheet);
  let previous = -1;
  for (const r of t.rows) {
    expect(r.row).toBeGreaterThan(previous);
    previous = r.row;
    expect(r.row).toBeLessThan(sheet.cells.length);
    expect(inRange(t.range, address(r.row, t.columns[0].col))).toBe(true);
    r.amounts.forEach((a, i) => {
      const col = t.columns[i];
      if (col.role === "label") expect(a).toBeNull();
      if (!a) return;
      expect(a.cell).toBe(address(r.row, col.col));
      const v = cellAt(sheet, r.row, col.col)?.value;
      if (typeof v === "number" && Math.abs(v) <= MAX_AMOUNT) expect(a.value).toBe(v);
      else if (typeof v === "number") expect(a).toEqual({ cell: a.cell, value: null, invalid: String(v) });
      else if (typeof v === "boolean" || v instanceof Date || isErrorValue(v)) expect(a).toEqual({ cell: a.cell, value: null, invalid: expect.any(String) });
      else expect(typeof v).toBe("string"); // text is parsed; a blank cell has no AmountCell
    });
  }
}

function expectFindingHolds(f: Finding, grids: WorkbookGrid[], result: CheckResult, s: Settings): void {
  expect(findingSchema.safeParse(f).success).toBe(true);
  expect(f.message).not.toMatch(/\n|\bNaN\b|\bundefined\b|Infinity/);
  const sheet = sheetOf(grids, f.file, f.sheet);
  const at = parseAddress(f.cell);
  expect(at).not.toBeNull();
  expect(address(at!.row, at!.col)).toBe(f.cell);
  expect(at!.row).toBeLessThan(sheet.cells.length);
  expect(at!.col).toBeLessThan(sheetWidth(sheet));
  const tables = result.tables.filter((t) => t.file === f.file && t.sheet === f.sheet && inRange(t.range, f.cell));
  expect(tables).toHaveLength(1);
  const t = tables[0];
  const row = t.rows.find((r) => r.row === at!.row)!;
  expect(row).toBeDefined();
  const index = t.columns.findIndex((c) => c.col === at!.col);
  if (f.rule.startsWith("sum.")) expectSumHolds(f, t, row, index);
  if (f.rule === "overspend.period") expectClose(f.actual, spentIn(row, t, f.period!));
  else if (f.rule.startsWith("overspend.") && t.kind === "budget") {
    expectClose(f.expected, valueIn(row, t.columns.findIndex((c) => c.role === "budget")));
    expectClose(f.actual, valueIn(row, index));
  } else if (f.rule.startsWith("overspend.")) expectRunningTotalHolds(f, t, row, s);
}

/** An amount as the rules count it: blank is 0, a cell that holds no amount is null. */
function valueIn(r: TableRow, i: number): number | null {
  const a = r.amounts[i];
  return a ? a.value : 0;
}

function sumOf(rows: TableRow[], i: number): number | null {
  let sum = 0;
  for (const r of rows) {
    const v = valueIn(r, i);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Equal up to the rounding to cents that every reported amount gets. */
function expectClose(reported: number | null, mine: number | null): void {
  expect(mine).not.toBeNull();
  expect(reported).not.toBeNull();
  expect(Math.abs(reported! - mine!)).toBeLessThanOrEqual(0.005 + 1e-12 * Math.abs(mine!));
}

/** The parts a sum is checked against, by the hierarchy the model documents. */
function partsOf(f: Finding, t: Table, row: TableRow): TableRow[] {
  const i = t.rows.indexOf(row);
  if (f.rule === "sum.component") {
    const kids: TableRow[] = [];
    for (const r of t.rows.slice(i + 1)) {
      if (r.kind === "component" || r.kind === "total" || r.kind === "afterTotal") break;
      if (r.kind === "unlabeled" && r.component === null) break;
      if (r.kind === "output" || r.kind === "unlabeled") kids.push(r);
    }
    return kids;
  }
  const before = t.rows.slice(0, t.rows.findIndex((r) => r.kind === "total"));
  const top = before.filter((r) => r.kind === "component" || (r.kind === "unlabeled" && r.component === null));
  return top.length > 0 ? top : before.filter((r) => r.kind === "output" || r.kind === "unlabeled");
}

function expectSumHolds(f: Finding, t: Table, row: TableRow, index: number): void {
  expect(index).toBeGreaterThanOrEqual(0);
  expectClose(f.actual, valueIn(row, index));
  if (f.rule === "sum.row") {
    expect(t.columns[index].role).toBe("rowTotal");
    const periods = t.columns.flatMap((c, i) => (c.role === "period" && c.period ? [i] : []));
    expectClose(f.expected, periods.reduce<number | null>((sum, i) => (sum === null || valueIn(row, i) === null ? null : sum + valueIn(row, i)!), 0));
    return;
  }
  expect(row.kind).toBe(f.rule === "sum.total" ? "total" : "component");
  if (f.rule === "sum.total") expect(t.rows.find((r) => r.kind === "total")).toBe(row);
  expectClose(f.expected, sumOf(partsOf(f, t, row), index));
}

/** Chronological: by first day, and a year before the quarters it holds. */
function periodKey(p: Period): [number, number] {
  const [year, q] = p.split("-Q").map(Number);
  return q ? [year * 4 + q - 1, 1] : [year * 4, 0];
}

function expectRunningTotalHolds(f: Finding, t: Table, row: TableRow, s: Settings): void {
  const budget = valueIn(row, t.columns.findIndex((c) => c.role === "budget"));
  expectClose(f.expected, budget);
  const periods = t.columns
    .map((c, i) => ({ period: c.period, i }))
    .filter((p): p is { period: Period; i: number } => t.columns[p.i].role === "period" && p.period !== undefined)
    .sort((a, b) => periodKey(a.period)[0] - periodKey(b.period)[0] || periodKey(a.period)[1] - periodKey(b.period)[1]);
  let running = 0;
  for (const p of periods) {
    running += valueIn(row, p.i) ?? 0;
    if (running - budget! > s.tolerance) {
      expect(f.period).toBe(p.period);
      expectClose(f.actual, running);
      return;
    }
  }
  throw new Error(`${f.rule} at ${f.cell}: the amounts never add up past the budget ${budget}`);
}

/** What the expenditure row spent in a period: the period itself, or the quarters of a year. */
function spentIn(row: TableRow, t: Table, period: string): number {
  let sum = 0;
  t.columns.forEach((c, i) => {
    if (c.role === "period" && c.period && (c.period === period || c.period.startsWith(`${period}-`))) sum += valueIn(row, i) ?? 0;
  });
  return sum;
}
