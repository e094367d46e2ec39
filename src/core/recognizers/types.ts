/**
 * A recogniser is a plug-in that reads one family of layouts into the one
 * table model (row tree × column tree): it says which headers it reads and
 * turns the rows under such a header into table rows. A new layout is one
 * more file in this folder, listed in ./index.ts.
 */
import type { Message } from "../catalogue";
import type { SheetGrid } from "../grid";
import type { MergeIndex } from "../merge-index";
import type { TableColumn, TableKind, TableRow } from "../model";
import type { HeaderModel } from "../recognize-header";

export interface RecognizeContext {
  sheet: SheetGrid;
  merges: MergeIndex;
  header: HeaderModel;
  /** Whether a row starts another table's header, which ends this one. */
  isNextHeader: (row: number) => boolean;
}

export type TableDraft =
  | {
      rows: TableRow[];
      lastRow: number;
      notes: Message[];
      /** Columns of the recogniser's own, when the table's are not the header's (a ledger's periods, gathered from its lines). */
      columns?: TableColumn[];
      /** The table's kind, when the recogniser knows it (a ledger of transactions is expenditure). */
      kind?: TableKind;
    }
  /** Why the rows under the header are no table this recogniser reads. */
  | { rejected: Message };

export interface Recognizer {
  /** Stable id, stored on each table it reads ("line-items"). */
  id: string;
  /** Whether this recogniser reads tables under such a header. */
  accepts: (header: HeaderModel) => boolean;
  read: (ctx: RecognizeContext) => TableDraft;
}
