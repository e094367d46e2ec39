/**
 * The same non-round amount in two unrelated rows of one column: usually a
 * paste error (the seed's budget table shows 475,924.04 for two components).
 * A component and its own outputs, or the total, are related and not flagged.
 */
import type { Finding, Period, Table, TableRow } from "../model";
import { pastSpending, type PastSpending } from "../past-spending";
import type { Settings } from "../settings";
import { makeFinding } from "./finding";
import { money, period, who, whoText, type Language, type Who } from "./messages";
import { defineRule, type Template } from "./rule";
import { cellOf, parentOf, printedAt } from "./table-access";

export interface DuplicateParams {
  who: Who;
  value: number;
  other: Who;
  otherCell: string;
  /** Which of the two rows the work plan's past years support, when it tells (expenditure only). */
  support: { row: Who; past: number; other: Who; otherPast: number; from: Period; to: Period } | null;
}

function supportText(p: DuplicateParams, lang: Language): string {
  const q = p.support;
  if (!q) return "";
  const span = (lang: Language) => (q.from === q.to ? period(q.to, lang) : `${period(q.from, lang)} – ${period(q.to, lang)}`);
  return lang === "es"
    ? ` El plan de trabajo respalda a ${whoText(q.row, "es")}: muestra ${money(q.past, "es")} gastados en ${span("es")} (${whoText(q.other, "es")}: ${money(q.otherPast, "es")}).`
    : ` The work plan supports ${whoText(q.row, "en")}: it shows ${money(q.past, "en")} spent in ${span("en")} (${whoText(q.other, "en")}: ${money(q.otherPast, "en")}).`;
}

export const messages = {
  "duplicate.value": {
    en: (p: DuplicateParams) =>
      `${whoText(p.who, "en")} shows ${money(p.value, "en")}, exactly the same amount as ${whoText(p.other, "en")} in ${p.otherCell}: a pasted value?${supportText(p, "en")}`,
    es: (p: DuplicateParams) =>
      `${whoText(p.who, "es")} muestra ${money(p.value, "es")}, exactamente lo mismo que ${whoText(p.other, "es")} en ${p.otherCell}: ¿un valor copiado por error?${supportText(p, "es")}`,
  } satisfies Template<DuplicateParams>,
};

export const id = "duplicate.value";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Repeated amount", es: "Monto repetido" },
    amounts: { en: { expected: "Other row", actual: "This row" }, es: { expected: "Otra fila", actual: "Esta fila" } },
    severity: "warning",
    what: "the same non-round amount in two unrelated rows of one column (a component and its own output are related); for expenditure, which of the two rows the work plan's past years support",
    example:
      "Component 3 shows 475,924.04, exactly the same amount as Component 2 in C6: a pasted value? The work plan supports Component 3: it shows 487,292.51 spent in 2018 – 2021 (Component 2: 221,958.32).",
  },
  pirMark: "source",
  check: (tables, s) => {
    const past = pastSpending(tables, s);
    return tables.flatMap((t) => duplicatesIn(t, s, past));
  },
});

function related(t: Table, a: TableRow, b: TableRow): boolean {
  return parentOf(t, a) === b || parentOf(t, b) === a;
}

/** A cell's amount in whole cents, or null when it is blank, zero or a multiple of 100 (which repeat by coincidence). */
function nonRoundCents(r: TableRow, i: number): number | null {
  const value = printedAt(r, i);
  if (value === null || value === 0) return null;
  // Equal amounts give equal keys; the nudge roundCents makes for display is not needed here.
  const cents = Math.round(value * 100);
  return cents % 10_000 === 0 ? null : cents;
}

/**
 * The amounts that occur more than once, per column. Most columns of a big
 * plan have no repeat at all, so this first pass must be cheap and make no
 * object per cell: the rows are read once, one after the other (walking a
 * column down 10,000 rows touches memory in a far worse order), into one
 * typed array per column; then each column goes through one open-addressing
 * table of whole cents, small enough to stay in the processor's cache,
 * cleared between columns.
 */
function repeatedCents(rows: TableRow[], columns: number[]): Map<number, Set<number>> {
  const byColumn = columns.map(() => new Float64Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let k = 0; k < columns.length; k++) byColumn[k][r] = nonRoundCents(row, columns[k]) ?? 0;
  }
  let size = 16;
  while (size < rows.length * 2) size *= 2;
  const mask = size - 1;
  // 0 marks an empty slot: zero amounts are never entered.
  const table = new Float64Array(size);
  const out = new Map<number, Set<number>>();
  columns.forEach((column, k) => {
    const found = new Set<number>();
    table.fill(0);
    for (const cents of byColumn[k]) {
      if (cents === 0) continue;
      let h = (Math.imul(cents | 0, 0x9e3779b1) ^ ((cents / 4294967296) | 0)) & mask;
      for (;;) {
        const slot = table[h];
        if (slot === 0) {
          table[h] = cents;
          break;
        }
        if (slot === cents) {
          found.add(cents);
          break;
        }
        h = (h + 1) & mask;
      }
    }
    out.set(column, found);
  });
  return out;
}

/**
 * Of two rows showing the same expenditure, the one whose work plan's past
 * years are nearer that figure; null when the plan does not tell them apart.
 */
export function supportedRow(a: TableRow, b: TableRow, value: number, past: Map<string, PastSpending>): { row: TableRow; other: TableRow; past: PastSpending; otherPast: PastSpending } | null {
  const pa = a.component === null ? undefined : past.get(a.component);
  const pb = b.component === null ? undefined : past.get(b.component);
  if (!pa || !pb) return null;
  const da = Math.abs(pa.value - value);
  const db = Math.abs(pb.value - value);
  // One must be clearly nearer: within a tenth of the figure, and the other not.
  if (Math.min(da, db) > 0.1 * Math.abs(value) || Math.max(da, db) <= 0.1 * Math.abs(value)) return null;
  return da < db ? { row: a, other: b, past: pa, otherPast: pb } : { row: b, other: a, past: pb, otherPast: pa };
}

function duplicatesIn(t: Table, s: Settings, past: Map<string, PastSpending>): Finding[] {
  const out: Finding[] = [];
  const rows = t.rows.filter((r) => r.kind === "component" || r.kind === "output" || r.kind === "unlabeled" || r.kind === "afterTotal");
  const amountColumns = t.columns.flatMap((col, i) => (col.role === "label" || col.role === "other" ? [] : [i]));
  const repeatedByColumn = repeatedCents(rows, amountColumns);
  t.columns.forEach((col, i) => {
    const repeated = repeatedByColumn.get(i);
    if (!repeated || repeated.size === 0) return;
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
        const backed = t.kind === "budget" && col.role === "expenditure" ? supportedRow(r, first, v, past) : null;
        const support = backed ? { row: who(backed.row), past: backed.past.value, other: who(backed.other), otherPast: backed.otherPast.value, from: backed.past.from, to: backed.past.to } : null;
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
            message: messages["duplicate.value"][s.language]({ who: who(r), value: v, other: who(first), otherCell: firstCell, support }),
          }),
        );
      }
      earlier.push(r);
    }
  });
  return out;
}
