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
import { address, cellAt, parseAddress, type SheetGrid, type WorkbookGrid } from "../../src/core/grid";
import { findingSchema, reportSchema, type Finding, type Period, type Table, type TableRow } from "../../src/core/model";
import { buildPirWorkbook } from "../../src/core/pir/build";
import { parseSettings, type Settings } from "../../src/core/settings";
import { readWorkbookFile } from "../../src/xlsx/read-file";
import { anyMutation, applyMutations, shapeMutation, tableSpots, valueMutation, type FuzzBase, type Mutation } from "./mutate";

const ROOT = join(__dirname, "..", "..");
const GENERATED = join(ROOT, "test", "fixtures", "generated");
/** Fixed for CI; FUZZ_SEED=<n> explores other cases by hand. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);

const pool: FuzzBase[] = [];
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
    pmcCap: fc.option(fc.oneof(fc.constantFrom(0, 0.05, 0.1, 1), fc.double({ min: 0, max: 1, noNaN: true })), { nil: undefined }),
    pmcBase: fc.constantFrom("subtotal" as const, "total" as const),
    gefGrant: fc.option(fc.constantFrom(1_000_000, 2_000_000, 5_000_000, 12_345_678.9), { nil: undefined }),
    language: fc.constantFrom("en" as const, "es" as const),
  })
  .map((s) => parseSettings(s, new Date("2026-11-24T00:00:00Z")));

function caseArb(mutation: fc.Arbitrary<Mutation>, maxWorkbooks: number, maxMutations: number) {
  return fc.record({
    workbooks: fc.uniqueArray(fc.nat({ max: 63 }), { minLength: 1, maxLength: maxWorkbooks }),
    mutations: fc.array(fc.record({ workbook: fc.nat(), mutation }), { minLength: 1, maxLength: maxMutations }),
    settings: settingsArb,
  });
}

type Case = { workbooks: number[]; mutations: Array<{ workbook: number; mutation: Mutation }>; settings: Settings };

function runCase(c: Case): void {
  const bases = c.workbooks.map((i) => pool[i % pool.length]).filter((b, i, all) => all.indexOf(b) === i);
  const grids = bases.map((base, i) => applyMutations(base, c.mutations.filter((m) => m.workbook % bases.length === i).map((m) => m.mutation)));
  const result = checkWorkbooks(grids, c.settings);
  reportSchema.parse(result.report);
  for (const t of result.tables) expectReadFromGrid(t, grids);
  for (const f of result.findings) expectFindingHolds(f, grids, result, result.settings);
  buildPirWorkbook(result, c.settings);
}

/**
 * How many cases: `npm test` runs a bounded share (FUZZ_SCALE 0.4 of the counts
 * below), `npm run fuzz` many more (FUZZ_SCALE=6, over 22,000 cases).
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 0.4);
const runs = (base: number) => Math.max(1, Math.round(base * SCALE));
const params = (numRuns: number) => ({ seed: SEED, numRuns: runs(numRuns), endOnFailure: false });
const TIMEOUT = Math.max(120_000, 120_000 * SCALE);

test("damaged amounts, labels and headers", () => {
  fc.assert(fc.property(caseArb(valueMutation, 2, 8), runCase), params(2000));
}, TIMEOUT);

test("damaged rows, merges and sheets", () => {
  fc.assert(fc.property(caseArb(shapeMutation, 2, 6), runCase), params(1000));
}, TIMEOUT);

test("everything at once, over up to three workbooks checked together", () => {
  fc.assert(fc.property(caseArb(anyMutation, 3, 12), runCase), params(800));
}, TIMEOUT);

test("the cases above met, a hundred times at least (in proportion when fewer cases run), every rule whose numbers are recomputed here", () => {
  const rules = ["sum.component", "sum.total", "sum.subtotal", "sum.row", "overspend.component", "overspend.plan", "overspend.output", "overspend.period", "mismatch.budget", "mismatch.expenditure"];
  const least = Math.round(100 * Math.min(1, SCALE));
  expect(rules.filter((r) => (checked.get(r) ?? 0) < least)).toEqual([]);
});

// ---------------------------------------------------------------------------
// What must hold. Plain checks rather than expect(): a case makes thousands of
// them, and the message says which one failed.

function must(ok: boolean, what: () => string): asserts ok {
  if (!ok) throw new Error(what());
}

function sheetOf(grids: WorkbookGrid[], file: string, sheet: string): SheetGrid {
  const found = grids.find((g) => g.file === file)?.sheets.find((s) => s.name === sheet);
  must(found !== undefined, () => `no sheet ${file} › ${sheet}`);
  return found;
}

/** Widths by sheet, once per case: a sheet may have a million rows. */
const widths = new WeakMap<SheetGrid, number>();

function sheetWidth(sheet: SheetGrid): number {
  let w = widths.get(sheet);
  if (w === undefined) widths.set(sheet, (w = sheet.cells.reduce((max, r) => Math.max(max, r ? r.length : 0), 0)));
  return w;
}

function inRange(range: string, cell: string): boolean {
  const [from, to] = range.split(":").map((a) => parseAddress(a)!);
  const p = parseAddress(cell)!;
  return p.row >= from.row && p.row <= to.row && p.col >= from.col && p.col <= to.col;
}

/** Every amount the engine holds is the cell's own value, at that cell's address. */
function expectReadFromGrid(t: Table, grids: WorkbookGrid[]): void {
  const sheet = sheetOf(grids, t.file, t.sheet);
  if (t.layout === "ledger") return expectLedgerCells(t);
  let previous = -1;
  for (const r of t.rows) {
    must(r.row > previous && r.row < sheet.cells.length, () => `row ${r.row + 1} of ${t.range} is out of order or beyond the sheet`);
    must(inRange(t.range, address(r.row, t.columns[0].col)), () => `row ${r.row + 1} lies outside ${t.range}`);
    previous = r.row;
    r.amounts.forEach((a, i) => {
      const col = t.columns[i];
      must(col.role !== "label" || a === null, () => `label column ${col.header} holds an amount in row ${r.row + 1}`);
      if (!a) return;
      const where = address(r.row, col.col);
      must(a.cell === where, () => `amount at ${where} claims to be at ${a.cell}`);
      const v = cellAt(sheet, r.row, col.col)?.value;
      const read = JSON.stringify({ value: a.value, invalid: a.invalid });
      if (typeof v === "number" && Math.abs(v) <= MAX_AMOUNT) must(Object.is(a.value, v), () => `${where} holds ${v} but was read as ${read}`);
      else if (typeof v === "number") must(a.value === null && a.invalid === String(v), () => `${where} holds ${v} but was read as ${read}`);
      else if (typeof v === "string") return; // text is parsed (amounts.test.ts checks how)
      else must(a.value === null && typeof a.invalid === "string", () => `${where} holds ${JSON.stringify(v)} but was read as ${read}`);
    });
  }
}

/**
 * A ledger's amounts are sums of its lines (recognizers/ledger.ts): each one
 * points at a line of its amount column inside the table, and is a number or
 * says what its line held.
 */
function expectLedgerCells(t: Table): void {
  for (const r of t.rows) {
    r.amounts.forEach((a, i) => {
      if (!a) return;
      must(t.columns[i].role === "period", () => `ledger ${t.range}: an amount outside a period column`);
      must(inRange(t.range, a.cell) && parseAddress(a.cell)!.col === t.columns[i].col, () => `ledger ${t.range}: ${a.cell} is no line of its amount column`);
      must((typeof a.value === "number" && Number.isFinite(a.value)) || (a.value === null && typeof a.invalid === "string"), () => `ledger ${t.range}: ${a.cell} holds neither a sum nor what was invalid`);
    });
  }
}

/** Findings checked, by rule: the properties are only as good as the findings they meet. */
const checked = new Map<string, number>();

function expectFindingHolds(f: Finding, grids: WorkbookGrid[], result: CheckResult, s: Settings): void {
  checked.set(f.rule, (checked.get(f.rule) ?? 0) + 1);
  const what = () => JSON.stringify(f);
  must(findingSchema.safeParse(f).success, () => `not a finding: ${what()}`);
  must(!/\n|\bNaN\b|\bundefined\b|Infinity/.test(f.message), () => `garbled message: ${f.message}`);
  const sheet = sheetOf(grids, f.file, f.sheet);
  const at = parseAddress(f.cell);
  must(at !== null && address(at.row, at.col) === f.cell, () => `not an A1 address: ${what()}`);
  must(at.row < sheet.cells.length && at.col < sheetWidth(sheet), () => `${f.cell} is beyond the sheet's cells: ${what()}`);
  const tables = result.tables.filter((t) => t.file === f.file && t.sheet === f.sheet && inRange(t.range, f.cell));
  must(tables.length === 1, () => `${f.cell} is in ${tables.length} recognised tables: ${what()}`);
  const t = tables[0];
  const row = t.rows.find((r) => r.row === at.row);
  must(row !== undefined, () => `${f.cell} is on no row of ${t.range}: ${what()}`);
  const index = t.columns.findIndex((c) => c.col === at.col);
  if (f.rule.startsWith("sum.")) expectSumHolds(f, t, row, index);
  else if (f.rule === "overspend.period") same(f.actual, spentIn(row, t, f.period!), "the spending in the period", f);
  else if (f.rule.startsWith("overspend.") && t.kind === "budget") {
    same(f.expected, valueIn(row, t.columns.findIndex((c) => c.role === "budget")), "the budget cell", f);
    same(f.actual, valueIn(row, index), "the expenditure cell", f);
  } else if (f.rule.startsWith("overspend.")) expectRunningTotalHolds(f, t, row, s);
  else if (f.rule === "mismatch.component") expectComponentAbsent(f, t, row, index, result);
  else if (f.rule.startsWith("mismatch.")) expectMismatchHolds(f, t, row, index, result);
  else if (f.rule === "expenditure.negative") {
    must(t.kind === "budget" && t.columns[index]?.role === "expenditure", () => `expenditure.negative at ${f.cell}: not a budget table's expenditure cell`);
    same(f.actual, valueIn(row, index), "the expenditure cell", f);
    must(f.actual! < 0, () => `expenditure.negative at ${f.cell}: ${f.actual} is not below zero`);
  } else if (f.rule === "label.misplaced") {
    const named = row.output?.split(".")[0];
    must(row.kind === "output" && named !== undefined && /^\d+$/.test(named) && Number(named) !== Number(row.component), () => `label.misplaced at ${f.cell}: output ${row.output} sits under component ${row.component}`);
  }
}

/** A component with an amount in one table that another table, not an expenditure report, never names. */
function expectComponentAbsent(f: Finding, t: Table, row: TableRow, index: number, result: CheckResult): void {
  same(f.actual, valueIn(row, index), "the component's cell", f);
  must(Math.round(Math.abs(f.actual!) * 100) > 0, () => `mismatch.component at ${f.cell}: an amount under a cent is no component missing`);
  const names = (o: Table) => new Set([...o.rows.map((r) => r.component), ...o.columns.map((c) => (c.role === "member" ? c.component : null))]);
  const lacking = result.tables.filter((o) => o !== t && o.kind !== "expenditure" && !names(o).has(f.component));
  must(lacking.length > 0, () => `mismatch.component at ${f.cell}: every other table names component ${f.component}: ${JSON.stringify(f)}`);
}

/** The reference table's own cell, against what another table tells for the same component. */
function expectMismatchHolds(f: Finding, t: Table, row: TableRow, index: number, result: CheckResult): void {
  same(f.actual, valueIn(row, index), "the reference cell", f);
  const end = result.settings.period.end;
  const told = result.tables.flatMap((o) => {
    if (o === t) return [];
    const col = (role: string) => o.columns.findIndex((c) => c.role === role);
    if (f.rule === "mismatch.budget") {
      // Components as columns: the component's column at the Total row.
      const total = o.rows.find((x) => x.kind === "total");
      const members = o.columns.flatMap((c, i) => (c.role === "member" && c.component === f.component && total ? [valueIn(total, i)] : []));
      if (members.length > 0) return members;
      // Components as rows: the component's row, in the Budget column or the total of its periods.
      const r = o.rows.find((x) => x.kind === "component" && x.component === f.component);
      if (!r) return [];
      return o.columns.flatMap((c, i) => (c.role === "budget" || (c.role === "rowTotal" && c.sumOf === undefined) ? [valueIn(r, i)] : []));
    }
    const r = o.rows.find((x) => x.kind === "component" && x.component === f.component);
    if (!r) return [];
    if (o.kind === "budget") return [valueIn(r, col("expenditure"))];
    return [rowSum(r, periodIndexes(o).flatMap((p) => (periodEnd(p.period) <= end ? [p.i] : [])))];
  });
  must(told.some((v) => v !== null && Math.abs(v - f.expected!) <= 0.005 + 1e-12 * Math.abs(v)), () => `${f.rule} at ${f.cell}: no other table tells ${f.expected}: ${JSON.stringify(f)}`);
}

/** The first and last day of a year, quarter, month ("2022-03"), fiscal year ("FY2022", July–June) or span ("2022-Q1/2022-Q2"), ISO. */
function periodSpan(p: Period): [string, string] {
  if (/^Y\d+$/.test(p)) return ["9999-12-31", "9999-12-31"]; // a project year ends by no calendar date
  if (p.includes("/")) return [periodSpan(p.split("/")[0])[0], periodSpan(p.split("/")[1])[1]];
  const fy = /^FY(\d{4})$/.exec(p);
  if (fy) return [`${Number(fy[1]) - 1}-07-01`, `${fy[1]}-06-30`];
  const month = /^(\d{4})-(\d{2})$/.exec(p);
  if (month) return [`${p}-01`, new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10)];
  const [year, q] = p.split("-Q").map(Number);
  return q
    ? [`${year}-${["01-01", "04-01", "07-01", "10-01"][q - 1]}`, `${year}-${["03-31", "06-30", "09-30", "12-31"][q - 1]}`]
    : [`${year}-01-01`, `${year}-12-31`];
}

/** The last day of a period, ISO. */
function periodEnd(p: Period): string {
  return periodSpan(p)[1];
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

/** One row's cells added up across columns; null when one holds no amount. */
function rowSum(r: TableRow, indexes: number[]): number | null {
  let sum = 0;
  for (const i of indexes) {
    const v = valueIn(r, i);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Equal up to the rounding to cents that every reported amount gets. */
function same(reported: number | null, mine: number | null, what: string, f: Finding): void {
  must(
    // Half a cent, and a few ulps for amounts so large that a cent is near the double's precision.
    reported !== null && mine !== null && Math.abs(reported - mine) <= 0.005 + 8 * Number.EPSILON * Math.abs(mine),
    () => `${f.rule} at ${f.cell} reports ${reported} where ${what} gives ${mine}: ${JSON.stringify(f)}`,
  );
}

/** Each row's children, by the parent index the model gives every row; the tree must be one (no cycle, no self-parent). */
const trees = new WeakMap<Table, Map<TableRow, TableRow[]>>();

function childrenByParent(t: Table): Map<TableRow, TableRow[]> {
  const known = trees.get(t);
  if (known) return known;
  const kids = new Map<TableRow, TableRow[]>();
  t.rows.forEach((r, i) => {
    if (r.parent === null || r.parent === undefined) return;
    must(Number.isInteger(r.parent) && r.parent >= 0 && r.parent < t.rows.length && r.parent !== i, () => `row ${r.row + 1} of ${t.range} has parent ${r.parent}`);
    const seen = new Set<number>([i]);
    for (let p: number | null | undefined = r.parent; p !== null && p !== undefined; p = t.rows[p].parent) {
      must(!seen.has(p), () => `row ${r.row + 1} of ${t.range} is its own ancestor`);
      seen.add(p);
    }
    const parent = t.rows[r.parent];
    kids.set(parent, [...(kids.get(parent) ?? []), r]);
  });
  trees.set(t, kids);
  return kids;
}

/**
 * The parts a subtotal is checked against: its children in the model's row
 * tree, a child that holds no amount at all (a bare heading) counted through
 * its own children.
 */
function partsOf(t: Table, row: TableRow): TableRow[] {
  const kids = childrenByParent(t);
  const out: TableRow[] = [];
  const visit = (r: TableRow): void => {
    for (const k of kids.get(r) ?? []) {
      if (k.amounts.every((a) => a === null) && (kids.get(k)?.length ?? 0) > 0) visit(k);
      else out.push(k);
    }
  };
  visit(row);
  return out;
}

function expectSumHolds(f: Finding, t: Table, row: TableRow, index: number): void {
  must(index >= 0, () => `${f.rule} at ${f.cell}: not a column of ${t.range}`);
  same(f.actual, valueIn(row, index), "the printed cell", f);
  const col = t.columns[index];
  if (f.rule === "sum.row") {
    must(col.role === "rowTotal", () => `sum.row at ${f.cell}: not a Total column`);
    const parts = col.sumOf ?? periodIndexes(t).map((p) => p.i);
    must(parts.every((i) => i >= 0 && i < t.columns.length && i !== index), () => `sum.row at ${f.cell}: its column adds up ${parts}`);
    same(f.expected, rowSum(row, col.sumOf ? [...parts].sort((a, b) => a - b) : parts), "the row's parts", f);
    return;
  }
  must(col.role !== "rowTotal" && col.role !== "text" && col.role !== "code", () => `${f.rule} at ${f.cell} sums a ${col.role} column`);
  const kind = f.rule === "sum.total" ? "total" : f.rule === "sum.component" ? "component" : null;
  must(kind ? row.kind === kind : row.kind !== "total" && row.kind !== "component" && row.kind !== "heading", () => `${f.rule} at ${f.cell} is on a ${row.kind} row`);
  const parts = partsOf(t, row);
  must(parts.length > 0, () => `${f.rule} at ${f.cell}: the row has no parts in the model's tree`);
  same(f.expected, sumOf(parts, index), "the row's children", f);
}

/**
 * A table's period columns in chronological order: by first day, and a year
 * before the quarters it holds. Sums add up in this order, as a person reads
 * the row, so that float rounding matches the engine's to the last bit.
 */
function periodIndexes(t: Table): Array<{ period: Period; i: number }> {
  const key = (p: Period): string => {
    // Project years ("Y1") have no dates: after every calendar period, in their own order.
    const projectYear = /^Y(\d+)$/.exec(p);
    if (projectYear) return `Y${projectYear[1].padStart(4, "0")}`;
    // By first day; of two starting together, the longer first.
    const [start, end] = periodSpan(p);
    return `${start} ${String(99999999 - Number(end.replace(/-/g, "")))}`;
  };
  return t.columns
    .flatMap((c, i) => (c.role === "period" && c.period ? [{ period: c.period, i }] : []))
    .sort((a, b) => (key(a.period) < key(b.period) ? -1 : key(a.period) > key(b.period) ? 1 : 0));
}

function expectRunningTotalHolds(f: Finding, t: Table, row: TableRow, s: Settings): void {
  const budget = valueIn(row, t.columns.findIndex((c) => c.role === "budget"));
  same(f.expected, budget, "the budget cell", f);
  let running = 0;
  for (const p of periodIndexes(t)) {
    running += valueIn(row, p.i) ?? 0;
    // Differences count in whole cents (a budget of -5E-324 is no budget below 0).
    if (Math.round((running - budget!) * 100) / 100 > s.tolerance) {
      must(f.period === p.period, () => `${f.rule} at ${f.cell}: the amounts pass the budget in ${p.period}, not ${f.period}`);
      same(f.actual, running, `the running total to ${p.period}`, f);
      return;
    }
  }
  throw new Error(`${f.rule} at ${f.cell}: the amounts never add up past the budget ${budget}`);
}

/** What the expenditure row spent in a period: its columns whose periods lie within it (the quarters of a year, a year to date). */
function spentIn(row: TableRow, t: Table, period: string): number {
  let sum = 0;
  const [start, end] = periodSpan(period);
  for (const p of periodIndexes(t)) {
    const [s, e] = periodSpan(p.period);
    if (p.period === period || (!/^Y/.test(period) && s >= start && e <= end)) sum += valueIn(row, p.i) ?? 0;
  }
  return sum;
}
