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
