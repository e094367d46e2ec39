/**
 * Components matched across tables before the rules compare them. A UNDP
 * Combined Delivery Report numbers its activities ACTIVITY1..n, where
 * ACTIVITYn is outcome n and the last one is usually project management: when
 * the other tables have a PMC and no component of that number, the report's
 * last activity is their PMC. Each match made is said as a note on the table.
 */
import { message } from "./catalogue";
import type { Table } from "./model";

function componentsOf(t: Table): Set<string> {
  const out = new Set<string>();
  for (const r of t.rows) if (r.kind === "component" && r.component !== null) out.add(r.component);
  for (const c of t.columns) if (c.role === "member" && c.component) out.add(c.component);
  return out;
}

export function matchComponents(tables: Table[]): void {
  for (const t of tables) {
    if (t.kind !== "expenditure") continue;
    const own = componentsOf(t);
    if (own.has("PMC")) continue;
    const others = new Set(tables.filter((o) => o !== t && o.kind !== "expenditure").flatMap((o) => [...componentsOf(o)]));
    if (!others.has("PMC")) continue;
    const numbered = [...own].filter((c) => /^\d+$/.test(c)).map(Number);
    if (numbered.length === 0) continue;
    const last = String(Math.max(...numbered));
    const unmatched = [...own].filter((c) => !others.has(c));
    if (unmatched.length !== 1 || unmatched[0] !== last) continue;
    const activity = t.rows.some((r) => r.component === last && /\bactivity\s*\d/i.test(r.label));
    if (!activity) continue;
    for (const r of t.rows) if (r.component === last) r.component = "PMC";
    t.notes.push(message("note.activityIsPmc", { activity: `ACTIVITY${last}` }));
  }
}
