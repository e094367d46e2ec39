/**
 * Builds large synthetic work plans for the benchmarks: N output rows in
 * components of ten, 24 quarters (2022 Q1 … 2027 Q4), a Total budget and a
 * Total planned column, a Total row; plus a budget table for the same
 * components. Amounts are consistent, so the engine does all its work
 * without stopping at the first problem.
 */
import ExcelJS from "exceljs";

export const QUARTERS = 24;

export async function makeWorkplanBytes(outputs: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date("2026-01-01T00:00:00Z");
  const ws = wb.addWorksheet("Work plan");
  ws.addRow([`Synthetic work plan, ${outputs} outputs × ${QUARTERS} quarters (USD)`]);
  ws.addRow([]);
  const header: string[] = ["Outputs", "Total budget"];
  for (let q = 0; q < QUARTERS; q++) header.push(`${2022 + Math.floor(q / 4)} Q${(q % 4) + 1}`);
  header.push("Total planned");
  ws.addRow(header);

  const components = Math.ceil(outputs / 10);
  const totals = new Array<number>(QUARTERS).fill(0);
  let grand = 0;
  const budgetRows: Array<[string, number, number]> = [];
  let written = 0;
  for (let c = 1; c <= components; c++) {
    const n = Math.min(10, outputs - written);
    const rows: number[][] = [];
    for (let o = 0; o < n; o++) {
      // Non-round cents, different per cell, so duplicate detection has work to do.
      rows.push(Array.from({ length: QUARTERS }, (_, q) => 1000 + ((c * 7919 + o * 104729 + q * 1299709) % 900000) / 100));
    }
    const compQ = Array.from({ length: QUARTERS }, (_, q) => rows.reduce((s, r) => s + r[q], 0));
    const compTotal = compQ.reduce((a, b) => a + b, 0);
    const compBudget = Math.ceil(compTotal / 1000) * 1000 + 10000;
    ws.addRow([`Component ${c}: synthetic component ${c}`, compBudget, ...compQ.map(round2), round2(compTotal)]);
    rows.forEach((r, o) => {
      const t = r.reduce((a, b) => a + b, 0);
      ws.addRow([`${c}.${o + 1}.1 Output ${c}.${o + 1}`, Math.ceil(t / 100) * 100 + 1000 * (o + 1), ...r.map(round2), round2(t)]);
    });
    compQ.forEach((v, q) => (totals[q] += v));
    grand += compBudget;
    budgetRows.push([`Component ${c}`, compBudget, round2(compQ.slice(0, 2).reduce((a, b) => a + b, 0))]);
    written += n;
  }
  ws.addRow(["Total", grand, ...totals.map(round2), round2(totals.reduce((a, b) => a + b, 0))]);

  const bs = wb.addWorksheet("Budget");
  bs.addRow(["Financial implementation (USD)"]);
  bs.addRow(["Component", "Budget", "Expenditure"]);
  for (const r of budgetRows) bs.addRow(r);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
