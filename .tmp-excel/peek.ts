import { readWorkbookFile } from "../src/xlsx/read-file";
(async () => {
  for (const f of process.argv.slice(2)) {
    const g = await readWorkbookFile(f);
    for (const s of g.sheets) {
      const fmts = new Map<string, number>();
      let n = 0, formulas = 0, dates = 0, errs = 0, texts = 0;
      s.cells.forEach(r => r?.forEach(c => { if (!c) return; n++; if (c.formula) formulas++; if (c.value instanceof Date) dates++; if (c.value && typeof c.value === "object" && !(c.value instanceof Date)) errs++; if (typeof c.value === "string") texts++; if (c.numFmt) fmts.set(c.numFmt, (fmts.get(c.numFmt) ?? 0) + 1); }));
      console.log(f, s.name, "rows", s.cells.length, "cells", n, "formulas", formulas, "dates", dates, "errs", errs, "strings", texts, "merges", s.merges.length, "hidden", s.hidden, [...fmts]);
    }
  }
})();
