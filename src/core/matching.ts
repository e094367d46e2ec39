/**
 * Components matched across tables before the rules compare them. A UNDP
 * Combined Delivery Report numbers its activities ACTIVITY1..n, where
 * ACTIVITYn is outcome n and the last one is usually project management: when
 * the other tables have a PMC and no component of that number, the report's
 * last activity is their PMC. The user can say otherwise (the setting
 * componentMap, `--map ACTIVITY4=M&E`). Each match made is said as a note on
 * the table.
 */
import { message } from "./catalogue";
import type { Table } from "./model";

function componentsOf(t: Table): Set<string> {
  const out = new Set<string>();
  for (const r of t.rows) if (r.kind === "component" && r.component !== null) out.add(r.component);
  for (const c of t.columns) if (c.role === "member" && c.component) out.add(c.component);
  return out;
}

/** The user's matches first ("ACTIVITY4=PMC"), on every expenditure report; then the report's last activity as PMC. */
export function matchComponents(tables: Table[], map: Readonly<Record<string, string>> = {}): void {
  for (const t of tables) {
    if (t.kind !== "expenditure") continue;
    const set = Object.entries(map).filter(([from, to]) => from !== to && t.rows.some((r) => r.component === from));
    for (const [from, to] of set) {
      for (const r of t.rows) if (r.component === from) r.component = to;
      t.notes.push(message("note.matchSet", { from, to }));
    }
    if (set.length > 0) continue;
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
