/**
 * Reads budget lines under a header: rows of account codes, UNEP budget
 * lines or expenditure categories, grouped by a parent item written beside
 * them (an outcome cell merged over its lines) or above them (an outcome
 * heading, "1100 Project personnel"), with subtotals written after their
 * lines ("Total Outcome 1", "1199 Sub-Total", "PROJECT TOTAL"). Shared by
 * the line-item recognisers; the row tree comes from ../row-tree.
 */
import { parseAmount, isAmountNumber } from "../amounts";
import { classifyLabel } from "../codes";
import { cellAt, cellText, columnName, type SheetGrid } from "../grid";
import type { MergeIndex } from "../merge-index";
import type { AmountCell, RowKind, TableRow } from "../model";
import { isAmountRole, isMoneyRole, type HeaderModel } from "../recognize-header";
import { RANK, buildOutline, type OutlineItem } from "../row-tree";
import { amountCell } from "../row-amounts";

/** Blank or note rows allowed inside a table before it is taken as ended. */
const MAX_GAP = 3;

interface LineRow {
  row: number;
  label: string;
  code: string | null;
  amounts: Array<AmountCell | null>;
  hasAmount: boolean;
  item: OutlineItem;
  /** The GEF component the row is or belongs to. */
  component: string | null;
  output: string | null;
  /** What the row's own label says it is. */
  says: "total" | "component" | "output" | "group" | "line" | "unlabeled" | "note";
}

/** What a UNEP budget line code says: 1101 a line of group 11, 1199 its subtotal, 1999 component 1's total, 99 the grand total. */
/** A column whose texts start with an Atlas account: "Budget Description", "Descripción presupuestaria", "Account description". */
const ACCOUNT_TEXT_HEADER = /budget description|descripci[oó]n presupuestaria|account description|atlas/i;
/** An Atlas/Quantum account (7xxxx expenses, 6xxxx) at the start of a text: "71300 Local Consultants". */
const ACCOUNT_IN_TEXT = /^\s*([67]\d{4})\b/;

export function unepLine(code: string): { rank: number; id: string; closes: boolean } | null {
  if (!/^\d{2,4}$/.test(code)) return null;
  if (code === "99" || code === "9999" || code === "999") return { rank: RANK.total, id: "", closes: true };
  if (code.length === 2) return code.endsWith("0") ? { rank: RANK.outcome, id: code[0], closes: false } : null;
  if (code.length !== 4) return null;
  if (code.endsWith("999")) return { rank: RANK.outcome, id: code[0], closes: true };
  if (code.endsWith("99")) return { rank: RANK.group, id: code.slice(0, 2), closes: true };
  if (code.endsWith("000")) return { rank: RANK.outcome, id: code[0], closes: false };
  if (code.endsWith("00")) return { rank: RANK.group, id: code.slice(0, 2), closes: false };
  return { rank: RANK.line, id: code, closes: false };
}

function readAmounts(sheet: SheetGrid, header: HeaderModel, row: number): { amounts: Array<AmountCell | null>; hasAmount: boolean } {
  let hasAmount = false;
  const cells = sheet.cells[row];
  const amounts = header.columns.map((col): AmountCell | null => {
    if (!isMoneyRole(col.role)) return null;
    const found = cells ? cells[col.col] : null;
    const cell = `${columnName(col.col)}${row + 1}`;
    if (found && typeof found.value === "number" && isAmountNumber(found.value)) {
      if (isAmountRole(col.role)) hasAmount = true;
      return amountCell(cell, found.value, found.formula);
    }
    const parsed = parseAmount(found);
    if (parsed.kind === "blank") return null;
    if (parsed.kind === "amount") {
      if (isAmountRole(col.role)) hasAmount = true;
      return amountCell(cell, parsed.value, found?.formula);
    }
    if (!isAmountRole(col.role)) return null;
    // A footnote mark ("*", "1/") beside the amounts is no amount and no error.
    if (/^[*†‡]+$|^\(?[a-z0-9]\)$|^\d\/$/i.test(parsed.raw)) return null;
    hasAmount = true;
    return { cell, value: null, invalid: parsed.raw };
  });
  return { amounts, hasAmount };
}

/** The text a cell shows in its own row: a merged area's text counts only on its first row. */
function ownText(sheet: SheetGrid, merges: MergeIndex, row: number, col: number): string {
  const area = merges.areaAt(row, col);
  if (area && area.top !== row) return "";
  return cellText(cellAt(sheet, row, col));
}

interface ParentItem {
  rank: number;
  id: string;
  component: string | null;
  output: string | null;
}

/** A parent item's text ("OUTCOME 1: …", "Output 1.1 …", "Works"): what it is in the tree. */
function parentItem(text: string): ParentItem {
  const c = classifyLabel(text);
  if (c.kind === "component") return { rank: RANK.component, id: c.code, component: c.code, output: null };
  if (c.kind === "outcome")
    return c.code.includes(".")
      ? { rank: RANK.outcome, id: c.code, component: c.code.split(".")[0], output: null }
      : { rank: RANK.component, id: c.code, component: c.code, output: null };
  // An activity carries its output's code and one part more (1.1.1 under 1.1): a rank finer than the output's.
  if (c.kind === "output")
    return { rank: c.code.split(".").length >= 3 ? RANK.activity : RANK.output, id: c.code, component: c.code.split(".")[0], output: c.code };
  return { rank: RANK.group, id: text.toLowerCase(), component: null, output: null };
}

export interface LineRowsResult {
  rows: TableRow[];
  lastRow: number;
}

export function readLineRows(
  sheet: SheetGrid,
  merges: MergeIndex,
  header: HeaderModel,
  isNextHeader: (row: number) => boolean,
): LineRowsResult {
  const outlineCols = header.columns.filter((c) => c.role === "outline").map((c) => c.col);
  const codeCol = header.columns.find((c) => c.role === "code")?.col ?? null;
  // Without a code column, an account written before its description ("71300 Local Consultants", a UNDP AWP's Budget Description).
  const accountTextCol = codeCol === null ? (header.columns.find((c) => c.role === "text" && ACCOUNT_TEXT_HEADER.test(c.header))?.col ?? null) : null;
  const read: LineRow[] = [];
  const pending: LineRow[] = [];
  let gap = 0;
  let lastRow = header.bottom;
  /** The parent items carried down each outline column (blank cells under them continue them). */
  const carried = new Map<number, ParentItem | null>();
  let component: string | null = null;
  let afterTotal = false;

  for (let r = header.bottom + 1; r < sheet.cells.length; r++) {
    const { amounts, hasAmount } = readAmounts(sheet, header, r);
    const labelText = header.labelCols.map((c) => ownText(sheet, merges, r, c)).filter((t) => t !== "").join(" ");
    const outlineTexts = outlineCols.map((c) => ownText(sheet, merges, r, c));
    const rawCode = codeCol === null ? "" : ownText(sheet, merges, r, codeCol);
    const ownOutline = outlineTexts.filter((t) => t !== "").join(" ");
    if (!hasAmount && labelText === "" && ownOutline === "" && rawCode === "") {
      if (++gap > MAX_GAP) break;
      continue;
    }
    // Another table's header ends this one, even one whose years read as amounts.
    if (isNextHeader(r)) break;

    // A code column may hold an output code ("1.1") rather than an account: that is part of the label.
    const accountLike = /^\d{3,}$/.test(rawCode) || /^\d{2}$/.test(rawCode);
    const code = rawCode !== "" && accountLike ? rawCode : null;
    const label = [rawCode !== "" && !accountLike ? rawCode : "", labelText].filter((t) => t !== "").join(" ");
    const unep = code ? unepLine(code) : null;
    // A row's own words: its label, or, on a row with no label of its own, the parent column's text ("Total Outcome 1" in column A).
    const ownWords = label !== "" ? label : code === null ? ownOutline : "";
    const ownClass = classifyLabel(ownWords !== "" ? ownWords : ownOutline);
    const closingText = ownClass.kind === "total" || ownClass.kind === "subtotal";

    const line: LineRow = {
      row: r,
      label: label !== "" ? label : ownOutline,
      code: code ?? (accountTextCol === null ? null : (ACCOUNT_IN_TEXT.exec(ownText(sheet, merges, r, accountTextCol))?.[1] ?? null)),
      amounts,
      hasAmount,
      item: { rank: RANK.line, closes: false, id: null, hasAmounts: hasAmount },
      component: null,
      output: null,
      says: "line",
    };

    if (afterTotal) {
      // Lines below the total (a trust fund) are read but stay out of the tree.
      if (!hasAmount) {
        if (++gap > MAX_GAP) break;
        continue;
      }
      gap = 0;
      line.says = line.label === "" ? "unlabeled" : "line";
      line.item = { rank: null, closes: false, id: "after", hasAmounts: true };
      read.push(...pending.splice(0), line);
      lastRow = r;
      continue;
    }

    if (closingText || unep?.closes) {
      if (!hasAmount) {
        // A "Total" line without amounts is a note, not a closing row.
        pending.push({ ...line, says: "note" });
        if (++gap > MAX_GAP) break;
        continue;
      }
      if (unep?.closes) line.item = { rank: unep.rank, closes: true, id: `u${unep.id}`, hasAmounts: true };
      else if (ownClass.kind === "total") line.item = { rank: RANK.total, closes: true, id: null, hasAmounts: true };
      else if (ownClass.kind === "subtotal" && ownClass.component !== undefined)
        line.item = { rank: RANK.component, closes: true, id: ownClass.component, hasAmounts: true };
      else line.item = { rank: null, closes: true, id: null, hasAmounts: true };
      line.says = line.item.rank === RANK.total ? "total" : line.item.rank === RANK.component ? "component" : "group";
      line.component = line.item.rank === RANK.component ? line.item.id : line.item.rank === RANK.total ? null : component;
      if (line.item.rank === RANK.total) afterTotal = true;
      if (line.item.rank === RANK.component || line.item.rank === RANK.total) {
        component = null;
        carried.clear();
      }
    } else {
      // Parent items beside the row: merged over it, written on it, or carried down from above.
      const ancestors: Array<{ rank: number; id: string }> = [];
      outlineCols.forEach((col, k) => {
        const text = outlineTexts[k];
        const area = merges.areaAt(r, col);
        let item: ParentItem | null | undefined;
        if (text !== "") item = parentItem(text);
        else if (area) item = parentItem(cellText(cellAt(sheet, area.top, area.left)));
        else item = carried.get(col);
        if (item) {
          carried.set(col, item);
          ancestors.push({ rank: item.rank, id: item.id });
          if (item.component !== null) component = item.component;
          if (item.output !== null) line.output = item.output;
        }
      });
      if (unep && !unep.closes && unep.rank < RANK.line) {
        line.item = { rank: unep.rank, closes: false, id: `u${unep.id}`, hasAmounts: hasAmount };
        line.says = "group";
      } else if (unep) {
        // A UNEP line belongs to its group and object-of-expenditure component, headings or not.
        ancestors.push({ rank: RANK.outcome, id: `u${code![0]}` }, { rank: RANK.group, id: `u${code!.slice(0, 2)}` });
      } else if (ownWords !== "" && (ownClass.kind === "component" || ownClass.kind === "outcome" || ownClass.kind === "output")) {
        const p = parentItem(ownWords);
        ancestors.length = 0;
        line.item = { rank: p.rank, closes: false, id: p.id, hasAmounts: hasAmount };
        line.says = p.rank === RANK.component ? "component" : p.rank === RANK.output || p.rank === RANK.activity ? "output" : "group";
        if (p.component !== null) component = p.component;
        if (p.output !== null) line.output = p.output;
      } else if (!hasAmount) {
        // A heading or note without amounts: kept only if data follows.
        pending.push({ ...line, says: "note" });
        if (++gap > MAX_GAP) break;
        continue;
      } else line.says = line.label === "" && code === null ? "unlabeled" : "line";
      line.item = { ...line.item, ancestors };
      line.component = component;
    }
    gap = 0;
    read.push(...pending.splice(0), line);
    lastRow = r;
  }
  return { rows: toTableRows(read), lastRow };
}

function toTableRows(read: LineRow[]): TableRow[] {
  // Notes and rows after the total stay out of the tree.
  const inTree = read.map((l, i) => (l.says === "note" || l.item.id === "after" ? -1 : i)).filter((i) => i >= 0);
  const outline = buildOutline(inTree.map((i) => read[i].item));
  const parentOf = new Map<number, number | null>();
  inTree.forEach((i, k) => parentOf.set(i, outline.parent[k] === null ? null : inTree[outline.parent[k]!]));
  const headings = new Set([...outline.headings].map((k) => inTree[k]));
  const repeats = new Set([...outline.repeats].map((k) => inTree[k]));
  // A closing row whose level its words did not say ("Total Management") is what it closed.
  inTree.forEach((i, k) => {
    const c = outline.closed[k];
    const l = read[i];
    if (!c || l.item.rank !== null) return;
    if (c.rank === RANK.component && c.id !== null) {
      l.says = "component";
      l.component = c.id;
    } else if (c.rank === RANK.total) l.says = "total";
  });
  return read.map((l, i): TableRow => {
    const kind = rowKind(l, headings.has(i) || repeats.has(i));
    const row: TableRow = {
      row: l.row,
      label: l.label,
      kind,
      component: kind === "total" || kind === "afterTotal" ? null : l.component,
      output: kind === "output" ? l.output : l.output,
      amounts: l.amounts,
      parent: parentOf.get(i) ?? null,
    };
    if (l.code !== null) row.code = l.code;
    return row;
  });
}

function rowKind(l: LineRow, heading: boolean): RowKind {
  if (l.says === "note" || heading) return "heading";
  if (l.item.id === "after") return l.label === "" ? "unlabeled" : "afterTotal";
  switch (l.says) {
    case "total":
      return "total";
    case "component":
      return "component";
    case "output":
      return "output";
    case "group":
      return "subtotal";
    case "unlabeled":
      return "unlabeled";
    default:
      return "line";
  }
}
