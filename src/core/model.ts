/**
 * What the recogniser finds and the rules read: tables of rows and typed
 * columns. Shapes that leave the engine (CLI JSON, task pane) are zod schemas.
 */
import { z } from "zod";
import type { Message } from "./catalogue";
import { RULE_IDS } from "./rules/registry";

/**
 * "2021" (a calendar year), "2022-Q1" (a calendar quarter), "2022-03" (a
 * month), "FY2022" (a fiscal year July–June, 1 July 2021 – 30 June 2022), a
 * span of two of these "2022-Q1/2022-Q2" (a year-to-date report), or "Y1"
 * (the first project year: UNDP budgets count years from the project's
 * start, which maps them to dates only once it is known). See ./periods.
 */
const CALENDAR_PERIOD = String.raw`(?:\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?|FY\d{4})`;
export const periodSchema = /* @__PURE__ */ (() => z.string().regex(new RegExp(`^(?:${CALENDAR_PERIOD}(?:/${CALENDAR_PERIOD})?|Y\\d{1,2})$`)))();
export type Period = z.infer<typeof periodSchema>;

export const tableKindSchema = /* @__PURE__ */ (() => z.enum(["workplan", "budget", "expenditure"]))();
export type TableKind = z.infer<typeof tableKindSchema>;

/**
 * What a column holds. Money columns: `budget` is the approved amount (work
 * plan "Total Budget", budget table "Budget"); `expenditure` the cumulative
 * spend of a budget table; `commitment` encumbrances (never expenditure);
 * `period` an amount for one year or quarter; `member` the amount of one
 * member of a dimension (a component column of GEF Annex E); `rowTotal` a
 * total column that should equal the sum of the columns in `sumOf`
 * ("Total", "Sub-Total"); `other` money that is read but not checked
 * ("Balance"). Columns that are not money are never read as amounts:
 * `label` (the row's own label), `outline` (a parent item written beside
 * its rows, often merged over them: "GEF Outcome", "Expenditure Category"),
 * `code` (account code, budget line) and `text` (responsible party, fund,
 * donor, budget note, work-months, units, %).
 */
export const columnRoleSchema = /* @__PURE__ */ (() => z.enum([
  "label",
  "outline",
  "code",
  "text",
  "budget",
  "expenditure",
  "commitment",
  "period",
  "member",
  "rowTotal",
  "other",
]))();
export type ColumnRole = z.infer<typeof columnRoleSchema>;

export interface TableColumn {
  /** 0-based sheet column. */
  col: number;
  header: string;
  role: ColumnRole;
  period?: Period;
  /** The component a `member` column holds ("1", "M&E", "PMC"). */
  component?: string;
  /**
   * For a `rowTotal` column: the indexes (into `Table.columns`) of the
   * columns it adds up. Absent: every period column of the table.
   */
  sumOf?: number[];
}

/**
 * component: "C.1 …", "PMC", "Total Outcome 1"; output: "1.1.1 …"; line: a
 * budget line (an account code, a UNEP budget line, an expenditure
 * category); subtotal: the sum of a group of lines that is no component
 * ("1199 Sub-Total"); total: the "Total" row; afterTotal: lines below the
 * total ("Trust fund for companies"); unlabeled: amounts without a label;
 * heading: a label row without amounts (an outcome title, a note).
 */
export const rowKindSchema = /* @__PURE__ */ (() => z.enum(["component", "output", "line", "subtotal", "total", "afterTotal", "unlabeled", "heading"]))();
export type RowKind = z.infer<typeof rowKindSchema>;

/** One amount cell as read. A blank cell has no AmountCell (null in `TableRow.amounts`). */
export interface AmountCell {
  /** A1 address on the table's sheet. */
  cell: string;
  /** The amount; 0 for "-". Null when the cell holds no amount (then `invalid` says what it held). */
  value: number | null;
  /** What the cell held when it is not an amount ("n/a", "#REF!"). */
  invalid?: string;
  /** The cell's formula without "=", when it holds one: evidence of what it was meant to add up. */
  formula?: string;
}

export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  label: string;
  kind: RowKind;
  /** "1", "2", "PMC"; the component this row is or belongs to. */
  component: string | null;
  /** "1.1.1", "2.2"; set on output rows. */
  output: string | null;
  /**
   * One entry per table column, aligned with `Table.columns`; null for the
   * label column and for blank cells (a blank amount counts as zero in sums).
   */
  amounts: Array<AmountCell | null>;
  /**
   * The row whose amounts should be the sum of this row's and its siblings'
   * (an index into `Table.rows`), wherever it is written, above or below;
   * null at the top of the tree and for rows outside it.
   */
  parent: number | null;
  /** The line's code when the table has a code column: "71200", "1101". */
  code?: string;
}

export interface Table {
  file: string;
  sheet: string;
  kind: TableKind;
  /** A1 range the table covers, header included: "B4:M27". */
  range: string;
  /** The title found above the table, if any. */
  title: string | null;
  /** 0-based sheet rows of the header (one or two). */
  headerRows: number[];
  columns: TableColumn[];
  rows: TableRow[];
  /** "USD", "PEN" or null when the sheet does not say. */
  currency: string | null;
  /** The recogniser that read the table ("rows-by-component", "line-items", "components-as-columns"). */
  layout: string;
  /**
   * What the recogniser was unsure of and how it read it ("read the columns
   * headed 1–4 as components 1–4"): shown with the table, never an error.
   */
  notes: Message[];
}

export interface SheetRecognition {
  name: string;
  tables: Table[];
  /** Why no table was recognised on this sheet (set only when `tables` is empty). */
  skipped: Message | null;
  /** The GEF grant a cell of the sheet states ("GEF Project Financing: 4,114,400"), if any. */
  grant?: { value: number; cell: string };
  /** The project's start date a cell of the sheet states ("Project start date: 1 January 2020"), if any. */
  start?: { date: string; cell: string };
}

export interface WorkbookRecognition {
  file: string;
  sheets: SheetRecognition[];
}

export const severitySchema = /* @__PURE__ */ (() => z.enum(["error", "warning", "info"]))();
export type Severity = z.infer<typeof severitySchema>;

/** The ids of the rules in the registry (rules/registry.ts), one file each. */
export const ruleIdSchema = /* @__PURE__ */ (() => z.enum(RULE_IDS))();
export type RuleId = z.infer<typeof ruleIdSchema>;

export const findingSchema = /* @__PURE__ */ (() => z.object({
  rule: ruleIdSchema,
  severity: severitySchema,
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
  component: z.string().nullable(),
  output: z.string().nullable(),
  period: z.string().nullable(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  message: z.string(),
}))();
export type Finding = z.infer<typeof findingSchema>;

/** The `--json` report: what was recognised, then every finding. */
export const reportSchema = /* @__PURE__ */ (() => z.object({
  files: z.array(
    z.object({
      file: z.string(),
      sheets: z.array(
        z.object({
          name: z.string(),
          tables: z.array(
            z.object({
              kind: tableKindSchema,
              range: z.string(),
              periods: z.array(periodSchema),
              components: z.array(z.string()),
              outputs: z.array(z.string()),
              /** The recogniser that read it: "rows-by-component", "line-items", "components-as-columns". */
              layout: z.string(),
              /** How it was read: "rows: outcome › account line; columns: Year 1 … Year 4, Total (USD); not money: …". */
              shape: z.string(),
              /** What the recogniser guessed ("read the columns headed 1–4 as components 1–4"). */
              notes: z.array(z.string()),
            }),
          ),
          skipped: z.string().nullable(),
        }),
      ),
    }),
  ),
  findings: z.array(findingSchema),
}))();
export type Report = z.infer<typeof reportSchema>;
