// Prints what the engine recognises and finds in the given workbooks (a developer's aid).
import { checkWorkbooks } from "../src/core/check";
import { parseSettings } from "../src/core/settings";
import { readWorkbookFile } from "../src/xlsx/read-file";

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  const grids = await Promise.all(files.map((f) => readWorkbookFile(f)));
  const res = checkWorkbooks(grids, parseSettings({ period: "FY22" }));
  for (const wb of res.recognitions)
    for (const s of wb.sheets) {
      console.log(`${wb.file} › ${s.name}: ${s.skipped ?? ""}`);
      for (const t of s.tables) {
        console.log(`  ${t.kind} ${t.range} title=${JSON.stringify(t.title)} currency=${t.currency}`);
        console.log(`   cols: ${t.columns.map((c) => `${c.role}${c.period ? ":" + c.period : ""}`).join(", ")}`);
        for (const r of t.rows) console.log(`   ${r.row + 1} ${r.kind} c=${r.component} o=${r.output} ${JSON.stringify(r.label.slice(0, 40))}`);
      }
    }
  for (const f of res.findings)
    console.log(f.severity, f.rule, f.file, f.sheet, f.cell, f.component, f.output, f.period, f.expected, f.actual, "|", f.message);
}
void main();
