/**
 * What the recogniser finds and the rules read: tables of rows and typed
 * columns. Shapes that leave the engine (CLI JSON, task pane) are zod schemas.
 */
import { z } from "zod";

/** "2021" (a calendar year) or "2022-Q1" (a calendar quarter). */
export const periodSchema = z.string().regex(/^\d{4}(-Q[1-4])?$/);
export type Period = z.infer<typeof periodSchema>;

export const tableKindSchema = z.enum(["workplan", "budget", "expenditure"]);
export type TableKind = z.infer<typeof tableKindSchema>;

/**
 * What a column holds. `budget` is the approved amount (work plan "Total
 * Budget", budget table "Budget"); `expenditure` the cumulative spend of a
 * budget table; `period` an amount for one year or quarter; `rowTotal` a
 * "Total" column that should equal the sum of the row's period cells;
 * `other` a column that is read but not checked ("Balance", "%").
 */
export const columnRoleSchema = z.enum(["label", "budget", "expenditure", "period", "rowTotal", "other"]);
export type ColumnRole = z.infer<typeof columnRoleSchema>;

export interface TableColumn {
  /** 0-based sheet column. */
  col: number;
  header: string;
  role: ColumnRole;
  period?: Period;
}

/**
 * component: "C.1 …", "PMC"; output: "1.1.1 …"; total: the "Total" row;
 * afterTotal: lines below the total ("Trust fund for companies");
 * unlabeled: amounts without a label; heading: a label row without amounts
 * (an outcome title, a note).
 */
export const rowKindSchema = z.enum(["component", "output", "total", "afterTotal", "unlabeled", "heading"]);
export type RowKind = z.infer<typeof rowKindSchema>;

/** One amount cell as read. A blank cell has no AmountCell (null in `TableRow.amounts`). */
export interface AmountCell {
  /** A1 address on the table's sheet. */
  cell: string;
  /** The amount; 0 for "-". Null when the cell holds no amount (then `invalid` says what it held). */
  value: number | null;
  /** What the cell held when it is not an amount ("n/a", "#REF!"). */
  invalid?: string;
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
}

export interface SheetRecognition {
  name: string;
  tables: Table[];
  /** Why no table was recognised on this sheet (set only when `tables` is empty). */
  skipped: string | null;
}

export interface WorkbookRecognition {
  file: string;
  sheets: SheetRecognition[];
}

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

export const ruleIdSchema = z.enum([
  "overspend.component",
  "overspend.output",
  "overspend.plan",
  "overspend.period",
  "sum.component",
  "sum.total",
  "sum.row",
  "mismatch.budget",
  "mismatch.expenditure",
  "duplicate.value",
  "label.missing",
  "value.invalid",
  "cap.pmc",
]);
export type RuleId = z.infer<typeof ruleIdSchema>;

export const findingSchema = z.object({
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
});
export type Finding = z.infer<typeof findingSchema>;

/** The `--json` report: what was recognised, then every finding. */
export const reportSchema = z.object({
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
            }),
          ),
          skipped: z.string().nullable(),
        }),
      ),
    }),
  ),
  findings: z.array(findingSchema),
});
export type Report = z.infer<typeof reportSchema>;
