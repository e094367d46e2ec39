/**
 * The pane's controller: it holds the workbooks, the user's corrections and
 * settings, runs the engine and the writers, and publishes one immutable
 * state that the components render. Components only read the state and call
 * these methods; nothing here knows about React.
 */
import { checkWorkbooks, type CheckResult, type WorkbookGrid, type Finding, buildPirWorkbook } from "../core";
import { applyTableRanges, tableRangeFor, type TableRange } from "./crop";
import { findingPlace } from "./findings-view";
import { descriptionToHtml, descriptionToText } from "./html-table";
import type { BrowserIo, PaneHost, ReadProgress } from "./pane-host";
import type { Dictionary } from "./i18n";
import type { PaneState, Text, WorkbookEntry, WorkbookFile } from "./pane-state";
import { engineSettings, isOwnSheet, settingsFromStored, validSettings, withoutOwnSheets, type SettingsValues } from "./settings-model";

export type { PaneState, WorkbookFile } from "./pane-state";

export const PIR_FILE_NAME = "pir-tables.xlsx";

/** The user cancelled reading this file. */
class ReadCancelled extends Error {
  constructor(readonly file: string) {
    super(`${file}: reading was cancelled`);
  }
}

function cancelledNotice(file: string, count: number): Text {
  return (t) => (count > 1 ? t.readCancelledRest(file) : t.readCancelled(file));
}

interface Source {
  grid: WorkbookGrid;
  /** How to read it again on Validate. */
  file: WorkbookFile | null;
}

export class PaneSession {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private readonly sources = new Map<string, Source>();
  private result: CheckResult | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The file being read, for Cancel. */
  private reading: AbortController | null = null;

  constructor(
    private readonly host: PaneHost,
    private readonly io: BrowserIo,
  ) {
    this.state = {
      mode: host.mode,
      settings: settingsFromStored(null),
      workbooks: [],
      tableRanges: [],
      report: null,
      checkedPeriod: null,
      checkedWorkbooks: 0,
      busy: null,
      notice: null,
      confirmReplace: null,
      selectedFinding: null,
    };
  }

  // --- the store React subscribes to

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Runs one task at a time; a failure becomes a notice, never an unhandled rejection. */
  private exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      try {
        await task();
      } catch (err) {
        const what = err instanceof Error ? err.message : String(err);
        const inExcel = this.host.mode === "excel" && (err as { name?: string } | null)?.name === "RichApi.Error";
        this.set({ notice: { intent: "error", text: (t) => (inExcel ? t.excelFailed(what) : t.failed(what)) } });
      } finally {
        if (this.state.busy) this.set({ busy: null });
      }
    });
    this.queue = run;
    return run;
  }

  // --- actions

  /** Loads the remembered settings; in Excel reads the open workbook at once. */
  start(): Promise<void> {
    return this.exclusive(async () => {
      this.set({ settings: settingsFromStored(await this.host.loadSettings()) });
      if (this.host.openWorkbook) await this.readOpenWorkbook();
      await this.check();
    });
  }

  /** Reads dropped or picked files; a file with a name already in the list replaces it. */
  addFiles(files: WorkbookFile[]): Promise<void> {
    return this.exclusive(async () => {
      const failures: string[] = [];
      let cancelled: string | null = null;
      for (let i = 0; i < files.length && cancelled === null; i++) {
        const f = files[i];
        try {
          await this.readFile(f, i, files.length);
        } catch (err) {
          if (err instanceof ReadCancelled) cancelled = f.name;
          else failures.push(err instanceof Error ? err.message : String(err));
        }
      }
      await this.check();
      if (failures.length > 0) this.set({ notice: { intent: "error", text: () => failures.join("\n") } });
      else if (cancelled !== null) this.set({ notice: { intent: "info", text: cancelledNotice(cancelled, files.length) } });
      // A file that could not be read (or was cancelled) before is no longer the news once good ones were added.
      else if (this.state.notice?.intent === "error" || this.state.notice?.intent === "info") this.set({ notice: null });
    });
  }

  /** Stops the file being read (Cancel): it is not added, nor are the files after it; those read before stay. */
  cancelReading(): void {
    this.reading?.abort();
  }

  removeWorkbook(file: string): Promise<void> {
    return this.exclusive(async () => {
      this.sources.delete(file);
      this.set({ tableRanges: this.state.tableRanges.filter((r) => r.file !== file) });
      await this.check();
    });
  }

  /** Reads every workbook again (they may have changed) and checks them. */
  validate(): Promise<void> {
    return this.exclusive(async () => {
      if (this.host.openWorkbook) await this.readOpenWorkbook();
      const added = [...this.sources.values()].filter((s) => s.file !== null);
      try {
        for (let i = 0; i < added.length; i++) await this.readFile(added[i].file!, i, added.length);
      } catch (err) {
        if (!(err instanceof ReadCancelled)) throw err;
        // The files read again so far are checked; the others keep what was read before.
        await this.check();
        this.set({ notice: { intent: "info", text: cancelledNotice(err.file, 1) } });
        return;
      }
      if (this.sources.size === 0) {
        this.set({ notice: { intent: "warning", text: (t) => t.needWorkbooks } });
        return;
      }
      this.set({ busy: { text: (t) => t.checking } });
      await this.check();
      this.set({ notice: null });
    });
  }

  /** Keeps a setting when it is valid (saving it) and checks again; an invalid value is ignored. */
  updateSettings(patch: Partial<SettingsValues>): Promise<void> {
    const next = { ...this.state.settings, ...patch };
    const valid = validSettings(next);
    if (!valid) return Promise.resolve();
    this.set({ settings: next });
    return this.exclusive(async () => {
      await this.check();
      await this.host.saveSettings(valid);
    });
  }

  /** Limits recognition on a sheet to a range: typed in file mode ("B4:M24" on `sheet` of `file`). */
  setTableRange(file: string, sheet: string | null, address: string): Promise<void> {
    return this.exclusive(async () => this.applyRange(file, sheet, address));
  }

  /** Excel: limits recognition on the selected sheet to the selected range. */
  useSelection(): Promise<void> {
    const open = this.host.openWorkbook;
    if (!open) return Promise.resolve();
    return this.exclusive(async () => this.applyRange(open.name, null, await open.selectedRange()));
  }

  removeTableRange(range: TableRange): Promise<void> {
    return this.exclusive(async () => {
      this.set({ tableRanges: this.state.tableRanges.filter((r) => r !== range) });
      await this.check();
    });
  }

  /** Excel: writes the PIR sheets, asking first when they exist. File mode: downloads pir-tables.xlsx. */
  generate(): Promise<void> {
    return this.exclusive(async () => {
      const desc = this.pirDescription();
      if (!desc) return;
      const open = this.host.openWorkbook;
      if (!open) {
        this.set({ busy: { text: (t) => t.writing } });
        this.io.download(await this.io.writeWorkbook(desc), PIR_FILE_NAME);
        this.set({ notice: { intent: "success", text: (t) => t.downloaded(PIR_FILE_NAME) } });
        return;
      }
      const existing = this.sources.get(open.name)?.grid.sheets.find((s) => s.name === desc.sheets[0].name);
      if (existing) {
        this.set({ confirmReplace: existing.name });
        return;
      }
      await this.writeToExcel("replace");
    });
  }

  /** The answer to "Replace the PIR tables?": null is Cancel. */
  answerReplace(choice: "replace" | "rename" | null): Promise<void> {
    this.set({ confirmReplace: null });
    if (!choice) return Promise.resolve();
    return this.exclusive(() => this.writeToExcel(choice));
  }

  /** The clean copy (the report's tables as it prints them), or the annotated one with its flags and notes. */
  copyForWord(copy: "clean" | "annotated" = "clean"): Promise<void> {
    return this.exclusive(async () => {
      const desc = this.pirDescription();
      if (!desc) return;
      const sheet = desc.sheets[copy === "clean" ? 0 : 1];
      const lang = this.state.settings.language;
      const how = await this.io.copyHtml(descriptionToHtml(sheet, lang), descriptionToText(sheet, lang));
      this.set({
        notice:
          how === "html"
            ? { intent: "success", text: (t) => t.copied }
            : how === "selection"
              ? { intent: "success", text: (t) => t.copiedSelection }
              : { intent: "error", text: (t) => t.copyFailed },
      });
    });
  }

  highlight(): Promise<void> {
    const open = this.host.openWorkbook;
    if (!open || !this.result) return Promise.resolve();
    const mine = this.result.findings.filter((f) => f.file === open.name);
    return this.exclusive(async () => {
      await open.highlight(mine);
      const cells = new Set(mine.map((f) => `${f.sheet}!${f.cell}`)).size;
      this.set({ notice: { intent: "success", text: (t) => t.highlighted(cells) } });
    });
  }

  clearHighlights(): Promise<void> {
    const open = this.host.openWorkbook;
    if (!open) return Promise.resolve();
    return this.exclusive(async () => {
      await open.clearHighlights();
      this.set({ notice: { intent: "success", text: (t) => t.highlightsCleared } });
    });
  }

  /** Takes the user to a finding's cell: selects it in Excel, or names the place when it is in another file. */
  showFinding(finding: Finding, key: string): Promise<void> {
    this.set({ selectedFinding: key });
    const open = this.host.openWorkbook;
    if (open && finding.file === open.name) {
      return this.exclusive(() => open.selectCell(finding.sheet, finding.cell));
    }
    const place = findingPlace(finding);
    this.set({ notice: { intent: "info", text: () => place } });
    return Promise.resolve();
  }

  today(): Date {
    return this.io.today();
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  /** Resolves when every queued task has run (tests, and the e2e hook). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  // --- below the actions

  private async readOpenWorkbook(): Promise<void> {
    const open = this.host.openWorkbook!;
    this.set({ busy: { text: (t) => t.readingFile(open.name), value: 0 } });
    const grid = await open.read((p: ReadProgress) => {
      const share = p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
      this.set({ busy: { text: (t) => t.readingFile(open.name), value: share } });
    });
    // Excel's name for the workbook is the one findings use, whatever the reader set.
    this.sources.set(open.name, { grid: { ...grid, file: open.name }, file: null });
  }

  /** Reads one file (in a worker, in file mode), with its progress and Cancel; throws ReadCancelled when cancelled. */
  private async readFile(file: WorkbookFile, index: number, count: number): Promise<void> {
    const text = (t: Dictionary) => t.readingFile(file.name);
    const share = (done: number) => (count > 0 ? (index + done) / count : undefined);
    const controller = new AbortController();
    this.reading = controller;
    this.set({ busy: { text, value: share(0), cancellable: true } });
    try {
      const bytes = await file.arrayBuffer();
      if (controller.signal.aborted) throw new ReadCancelled(file.name);
      const grid = await this.io.readWorkbook(bytes, file.name, {
        signal: controller.signal,
        onProgress: (p) => {
          if (!controller.signal.aborted) this.set({ busy: { text, value: share(p.total > 0 ? Math.min(1, p.done / p.total) : 0), cancellable: true } });
        },
      });
      if (controller.signal.aborted) throw new ReadCancelled(file.name);
      this.sources.set(file.name, { grid, file });
    } catch (err) {
      // Whichever way the read ended after Cancel (the worker ended, or the reader's "cancelled"), it was cancelled.
      if (controller.signal.aborted) throw err instanceof ReadCancelled ? err : new ReadCancelled(file.name);
      throw err;
    } finally {
      if (this.reading === controller) this.reading = null;
      if (this.state.busy?.cancellable) this.set({ busy: { text: (t) => t.checking } });
    }
  }

  private async applyRange(file: string, sheet: string | null, address: string): Promise<void> {
    const source = this.sources.get(file);
    if (!source) {
      this.set({ notice: { intent: "warning", text: (t) => t.selectionNotInWorkbook } });
      return;
    }
    const range = tableRangeFor(source.grid, address, sheet);
    if (typeof range === "string") {
      this.set({ notice: { intent: "warning", text: (t) => (range === "range-invalid" ? t.rangeInvalid : t.rangeSheetUnknown) } });
      return;
    }
    const others = this.state.tableRanges.filter((r) => !(r.file === range.file && r.sheet === range.sheet));
    this.set({ tableRanges: [...others, range], notice: null });
    await this.check();
  }

  /**
   * Runs the engine on what is loaded: in a worker where the host offers one
   * (file mode in a browser: a large work plan takes a second or more, and
   * the page stays responsive meanwhile), else here.
   */
  private async check(): Promise<void> {
    const entries: WorkbookEntry[] = [...this.sources.entries()].map(([file, s]) => ({
      file,
      origin: s.file ? "added" : "open",
      ownSheets: s.grid.sheets.filter((sh) => isOwnSheet(sh.name)).map((sh) => sh.name),
    }));
    if (this.sources.size === 0) {
      this.result = null;
      this.set({ workbooks: entries, report: null, checkedWorkbooks: 0, checkedPeriod: null, selectedFinding: null });
      return;
    }
    const grids = [...this.sources.values()].map((s) => applyTableRanges(withoutOwnSheets(s.grid), this.state.tableRanges));
    const settings = engineSettings(this.state.settings, this.io.today());
    this.result = this.io.checkWorkbooks ? await this.io.checkWorkbooks(grids, settings) : checkWorkbooks(grids, settings);
    const used = this.result.settings;
    this.set({
      workbooks: entries,
      report: this.result.report,
      checkedWorkbooks: grids.length,
      checkedPeriod: { label: used.period.label, source: used.periodSource },
    });
  }

  private pirDescription() {
    if (!this.result) {
      this.set({ notice: { intent: "warning", text: (t) => t.needWorkbooks } });
      return null;
    }
    return buildPirWorkbook(this.result, engineSettings(this.state.settings, this.io.today()));
  }

  private async writeToExcel(existing: "replace" | "rename"): Promise<void> {
    const open = this.host.openWorkbook!;
    const desc = this.pirDescription();
    if (!desc) return;
    this.set({ busy: { text: (t) => t.writing } });
    const written = await open.writePir(desc, existing);
    // Remember the new sheets so the next Generate asks before replacing them.
    const source = this.sources.get(open.name);
    if (source) {
      const known = new Set(source.grid.sheets.map((s) => s.name));
      const added = written.filter((n) => !known.has(n)).map((name) => ({ name, cells: [], merges: [] }));
      source.grid = { ...source.grid, sheets: [...source.grid.sheets, ...added] };
    }
    this.set({ notice: { intent: "success", text: (t) => t.wroteSheets(written) } });
  }
}
