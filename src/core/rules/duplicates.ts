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

function duplicatesIn(t: Table, s: Settings): Finding[] {
  const out: Finding[] = [];
  const rows = t.rows.filter((r) => r.kind === "component" || r.kind === "output" || r.kind === "unlabeled" || r.kind === "afterTotal");
  t.columns.forEach((col, i) => {
    if (col.role === "label" || col.role === "other") return;
    // Keyed by whole cents: small integers hash far faster than fractional
    // numbers. Most amounts occur once, so a list is made only on a repeat.
    const firstSeen = new Map<number, TableRow>();
    const repeats = new Map<number, TableRow[]>();
    for (const r of rows) {
      const c = cellOf(r, i);
      if (!c || c.value === null || c.value === 0) continue;
      const v = roundCents(c.value);
      const cents = Math.round(v * 100);
      if (cents % 10_000 === 0) continue; // a multiple of 100 repeats by coincidence
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
