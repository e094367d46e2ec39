/**
 * The row tree of a table: which row's amounts should be the sum of which
 * rows, wherever the sum is written — above its children (a component row
 * over its outputs) or after them ("Total Outcome 1", "1199 Sub-Total").
 * Recognisers say what each row is; this file links them.
 */
import type { TableRow } from "./model";

/** Ranks, coarse to fine. A parent always has a lower rank than its children. */
export const RANK = { total: 0, component: 1, outcome: 2, group: 3, output: 4, activity: 5, line: 6 } as const;

export interface OutlineItem {
  /** Where the row sits; null for a closing row whose level its label does not say ("Sub-total"). */
  rank: number | null;
  /** "Total Outcome 1", "1199 Sub-Total": the row carries the sums of the rows above it. */
  closes: boolean;
  /** What the row is, to match a closing row with the group it closes ("1", "PMC", "11"). */
  id: string | null;
  /** Whether the row has any amount: a heading without amounts only groups its rows. */
  hasAmounts: boolean;
  /** Parent items written beside the row (an outcome cell merged over its lines), coarse first. */
  ancestors?: Array<{ rank: number; id: string }>;
}

interface Group {
  rank: number;
  id: string | null;
  /** The row carrying the group's sums, once known. */
  node: number | null;
  members: number[];
}

export interface Outline {
  /** Each row's parent (an index into the rows), or null. */
  parent: Array<number | null>;
  /**
   * Rows that close a group whose sums another row already carries (a
   * "Total Component 1" under a component row with amounts): a repeat.
   */
  repeats: Set<number>;
  /** Openers without amounts whose group was closed by a later row: they are headings only. */
  headings: Set<number>;
  /** For each closing row, the group it closed: its rank and id (the id of "Total Management" is that of the PMC group it closed). */
  closed: Array<{ rank: number; id: string | null } | null>;
}

/**
 * One pass with a stack of open groups. An opener (a row of a coarser rank
 * than the rows under it) starts a group; a closer ends the group of its
 * rank and becomes the row carrying its sums; when no group of that rank
 * is open, it takes the trailing rows of finer rank. A group without a row
 * of sums hands its members to the group around it.
 */
export function buildOutline(items: OutlineItem[]): Outline {
  const parent: Array<number | null> = items.map(() => null);
  const rankOf = (i: number): number => items[i].rank ?? RANK.line;
  const repeats = new Set<number>();
  const headings = new Set<number>();
  const closed: Outline["closed"] = items.map(() => null);
  const root: Group = { rank: -1, id: null, node: null, members: [] };
  const stack: Group[] = [root];
  const top = (): Group => stack[stack.length - 1];

  const closeTop = (): void => {
    const g = stack.pop()!;
    const around = top();
    if (g.node !== null) {
      for (const m of g.members) parent[m] = g.node;
      around.members.push(g.node);
    } else around.members.push(...g.members);
  };
  const closeFinerThan = (rank: number): void => {
    while (stack.length > 1 && top().rank > rank) closeTop();
  };
  const openAncestors = (ancestors: Array<{ rank: number; id: string }>): void => {
    for (const a of ancestors) {
      const at = stack.findIndex((g) => g.rank === a.rank);
      if (at > 0 && stack[at].id === a.id) continue;
      if (at > 0) while (stack.length > at) closeTop();
      closeFinerThan(a.rank - 1);
      while (stack.length > 1 && top().rank >= a.rank) closeTop();
      stack.push({ rank: a.rank, id: a.id, node: null, members: [] });
    }
  };

  items.forEach((item, i) => {
    if (item.closes) {
      const rank = item.rank ?? (stack.length > 1 ? top().rank : Math.min(...root.members.map(rankOf), RANK.line) - 1);
      items[i] = { ...item, rank };
      closeFinerThan(rank);
      const g = top();
      if (stack.length > 1 && g.rank === rank && (item.id === null || g.id === null || g.id === item.id)) {
        closed[i] = { rank, id: item.id ?? g.id };
        if (g.node === null) {
          g.node = i;
          closeTop();
        } else {
          repeats.add(i);
          closeTop();
        }
        return;
      }
      // No open group of this rank: the rows of finer rank just above are its children.
      closed[i] = { rank, id: item.id };
      const taken: number[] = [];
      while (g.members.length > 0 && rankOf(g.members[g.members.length - 1]) > rank) taken.unshift(g.members.pop()!);
      for (const m of taken) parent[m] = i;
      g.members.push(i);
      return;
    }
    if (item.ancestors && item.ancestors.length > 0) openAncestors(item.ancestors);
    const rank = rankOf(i);
    while (stack.length > 1 && top().rank >= rank) closeTop();
    if (rank < RANK.line) {
      stack.push({ rank, id: item.id, node: item.hasAmounts ? i : null, members: [] });
      if (!item.hasAmounts) headings.add(i);
    } else top().members.push(i);
  });
  while (stack.length > 1) closeTop();
  return { parent, repeats, headings, closed };
}

/**
 * The old rows-by-component links (the seed's layout): outputs under the
 * component row above them, or, where a plan prints the component as a
 * total below its outputs, under that row; activities (1.1.1) under their
 * output (1.1); and every top-level row under the Total row.
 */
export function linkRowsByComponent(rows: TableRow[]): void {
  for (const r of rows) r.parent = null;
  let open: number | null = null;
  let orphans: number[] = [];
  let sectionOutputs: number[] = [];
  rows.forEach((r, i) => {
    if (r.kind === "component") {
      if (orphans.length > 0 && orphans.every((o) => rows[o].component === r.component)) {
        for (const o of orphans) if (rows[o].parent === null) rows[o].parent = i;
        open = null;
      } else open = i;
      orphans = [];
      sectionOutputs = [];
    } else if (r.kind === "total" || r.kind === "afterTotal" || (r.kind === "unlabeled" && r.component === null)) {
      open = null;
      orphans = [];
      sectionOutputs = [];
    } else if (r.kind === "output" || r.kind === "unlabeled") {
      const owner = r.kind === "output" ? ownerOutput(rows, sectionOutputs, r.output) : null;
      if (owner !== null) r.parent = owner;
      else if (open !== null) r.parent = open;
      else orphans.push(i);
      if (r.kind === "output") sectionOutputs.push(i);
    }
  });
  const total = rows.findIndex((r) => r.kind === "total");
  if (total < 0) return;
  const before = rows.slice(0, total);
  const hasTop = before.some((r) => r.kind === "component" || (r.kind === "unlabeled" && r.component === null));
  before.forEach((r) => {
    const top = hasTop
      ? r.kind === "component" || (r.kind === "unlabeled" && r.component === null)
      : (r.kind === "output" || r.kind === "unlabeled") && r.parent === null;
    if (top && r.parent === null) r.parent = total;
  });
}

/** The deepest earlier output of the section whose code the new one extends: 1.1 for 1.1.1. */
function ownerOutput(rows: TableRow[], sectionOutputs: number[], code: string | null): number | null {
  if (!code) return null;
  let best: number | null = null;
  let bestLength = 0;
  for (const i of sectionOutputs) {
    const c = rows[i].output;
    if (c && c !== code && code.startsWith(`${c}.`) && c.length > bestLength) {
      best = i;
      bestLength = c.length;
    }
  }
  return best;
}
