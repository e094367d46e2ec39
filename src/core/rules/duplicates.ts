/**
 * The same non-round amount in two unrelated rows of one column: usually a
 * paste error (the seed's budget table shows 475,924.04 for two components).
 * A component and its own outputs, or the total, are related and not flagged.
 */
import { roundCents } from "../amounts";
import type { Finding, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { makeFinding } from "./finding";
import { money, subject } from "./messages";
import { cellOf, parentOf } from "./table-access";

export function duplicateRules(tables: Table[], s: Settings): Finding[] {
  return tables.flatMap((t) => duplicatesIn(t, s));
}

function related(t: Table, a: TableRow, b: TableRow): boolean {
  return parentOf(t, a) === b || parentOf(t, b) === a;
}

/** A cell's amount in whole cents, or null when it is blank, zero or a multiple of 100 (which repeat by coincidence). */
function nonRoundCents(r: TableRow, i: number): number | null {
  const c = cellOf(r, i);
  if (!c || c.value === null || c.value === 0) return null;
  const cents = Math.round(roundCents(c.value) * 100);
  return cents % 10_000 === 0 ? null : cents;
}

/**
 * The amounts that occur more than once in a column. Sorting a typed array
 * is far cheaper than hashing every cell of a big plan, and most columns
 * have no repeat at all.
 */
function repeatedCents(rows: TableRow[], i: number): Set<number> {
  const values = new Float64Array(rows.length);
  let n = 0;
  for (const r of rows) {
    const cents = nonRoundCents(r, i);
    if (cents !== null) values[n++] = cents;
  }
  const sorted = values.subarray(0, n).sort();
  const out = new Set<number>();
  for (let k = 1; k < n; k++) if (sorted[k] === sorted[k - 1]) out.add(sorted[k]);
  return out;
}

function duplicatesIn(t: Table, s: Settings): Finding[] {
  const out: Finding[] = [];
  const rows = t.rows.filter((r) => r.kind === "component" || r.kind === "output" || r.kind === "unlabeled" || r.kind === "afterTotal");
  t.columns.forEach((col, i) => {
    if (col.role === "label" || col.role === "other") return;
    const repeated = repeatedCents(rows, i);
    if (repeated.size === 0) return;
    const firstSeen = new Map<number, TableRow>();
    const repeats = new Map<number, TableRow[]>();
    for (const r of rows) {
      const cents = nonRoundCents(r, i);
      if (cents === null || !repeated.has(cents)) continue;
      const c = cellOf(r, i)!;
      const v = cents / 100;
      const seenFirst = firstSeen.get(cents);
      if (seenFirst === undefined) {
        firstSeen.set(cents, r);
        continue;
      }
      let earlier = repeats.get(cents);
      if (!earlier) repeats.set(cents, (earlier = [seenFirst]));
      const first = earlier.find((e) => !related(t, e, r));
      if (first) {
        const firstCell = cellOf(first, i)!.cell;
        const lang = s.language;
        const who = subject(r.component, r.output, lang, r.label);
        const other = subject(first.component, first.output, lang, first.label);
        out.push(
          makeFinding(t, {
            rule: "duplicate.value",
            severity: "warning",
            cell: c.cell,
            component: r.component,
            output: r.output,
            period: col.period ?? null,
            expected: null,
            actual: v,
            message:
              lang === "es"
                ? `${who} muestra ${money(v, "es")}, exactamente lo mismo que ${other} en ${firstCell}: ¿un valor copiado por error?`
                : `${who} shows ${money(v, "en")}, exactly the same amount as ${other} in ${firstCell}: a pasted value?`,
          }),
        );
      }
      earlier.push(r);
    }
  });
  return out;
}
