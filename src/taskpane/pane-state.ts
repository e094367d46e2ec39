/**
 * The state the session publishes and the components render: plain data,
 * replaced (never mutated) on every change.
 */
import type { Report } from "../core";
import type { TableRange } from "./crop";
import type { Dictionary } from "./i18n";
import type { SettingsValues } from "./settings-model";

/** Text is kept as a function of the dictionary so that it follows a language switch. */
export type Text = (t: Dictionary) => string;

export interface Notice {
  intent: "error" | "warning" | "success" | "info";
  text: Text;
}

export interface Busy {
  text: Text;
  /** 0…1 when the share done is known. */
  value?: number;
  /** Reading files: the pane offers Cancel (PaneSession.cancelReading). */
  cancellable?: boolean;
}

export interface WorkbookEntry {
  file: string;
  /** "open": the workbook Excel has open; "added": a file the user dropped or picked. */
  origin: "open" | "added";
  /** Sheets this add-in wrote (PIR tables, Findings): not checked. */
  ownSheets: string[];
}

export interface PaneState {
  mode: "excel" | "file";
  settings: SettingsValues;
  workbooks: WorkbookEntry[];
  tableRanges: TableRange[];
  /** What was recognised and found; null until something was checked. */
  report: Report | null;
  /** How many workbooks the report covers. */
  checkedWorkbooks: number;
  /** The reporting period the check ran with, and where it came from; null until something was checked. */
  checkedPeriod: { label: string; source: "setting" | "workbook" | "default" } | null;
  busy: Busy | null;
  notice: Notice | null;
  /** Set while asking whether to replace this existing sheet. */
  confirmReplace: string | null;
  /** The finding last shown (its findingKey). */
  selectedFinding: string | null;
}

/** A file the user gave: a browser File, or anything with a name and bytes. */
export interface WorkbookFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What a notice was given about: the workbooks and the check on show when it appeared. */
export interface NoticeContext {
  notice: Notice | null;
  workbooks: WorkbookEntry[];
  report: Report | null;
}

export function noticeContext(state: PaneState): NoticeContext {
  return { notice: state.notice, workbooks: state.workbooks, report: state.report };
}

/**
 * Whether the notice on show still holds. A warning, a success or an
 * information speaks of the workbooks and the check of its moment: "Add at
 * least one workbook first." no longer holds once one is added, "Downloaded
 * pir-tables.xlsx." no longer once the findings changed (a workbook added or
 * removed, a setting changed, checked again). An error (a file that could not
 * be read, a failed request) stays until it is dismissed or replaced.
 */
export function noticeHolds(shownWith: NoticeContext, state: PaneState): boolean {
  const notice = state.notice;
  if (notice === null) return false;
  if (notice !== shownWith.notice || notice.intent === "error") return true;
  return shownWith.workbooks === state.workbooks && shownWith.report === state.report;
}
