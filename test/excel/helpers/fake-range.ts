/**
 * The fake's worksheet, range and merged-area proxies (see
 * fake-excel.ts). Setters queue a change; `load` queues a snapshot that becomes
 * readable after the sync.
 */
import type { FakeExcel } from "./fake-excel";
import { type FakeSheet, cellAt, enterValue, intersects, parseRect, peekCell, rectA1, sheetRef, usedRect } from "./fake-model";
import { ConditionalFormatsProxy, formatProxy } from "./fake-format";
import { Loadable, type Target, eachCell, json, matrixOf, names, richError } from "./fake-base";

export { NOT_LOADED, json, richError } from "./fake-base";

export class WorksheetProxy extends Loadable {
  constructor(
    private readonly x: FakeExcel,
    private readonly resolve: () => FakeSheet,
    loaded?: Record<string, unknown>,
  ) {
    super();
    for (const [k, v] of Object.entries(loaded ?? {})) this.loaded.set(k, v);
  }
  get name(): string {
    return this.prop("name");
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error("fake Excel: only the values-only used range is modelled");
    this.x.require("1.4");
    return new RangeProxy(this.x, () => {
      const sheet = this.resolve();
      const rect = usedRect(sheet);
      return rect ? { sheet, rect } : null;
    });
  }
  getRange(address = ""): RangeProxy {
    return new RangeProxy(this.x, () => ({ sheet: this.resolve(), rect: parseRect(address) }));
  }
  delete(): void {
    this.x.enqueue(0, () => {
      const sheet = this.resolve();
      const state = this.x.state;
      if (state.sheets.filter((s) => s !== sheet && s.visibility === "Visible").length === 0) {
        throw richError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      if (state.activeSheet === sheet.name) state.activeSheet = state.sheets[0].name;
    });
  }
  activate(): void {
    this.x.enqueue(0, () => {
      this.x.state.activeSheet = this.resolve().name;
    });
  }
  get freezePanes() {
    this.x.require("1.7");
    const at = (rows: number, cols: number) =>
      this.x.enqueue(8, () => {
        this.resolve().frozen = { rows, cols };
      });
    return {
      freezeRows: (n: number) => at(n, 0),
      freezeColumns: (n: number) => at(0, n),
      freezeAt: (range: RangeProxy) =>
        this.x.enqueue(20, () => {
          const { rect } = range.target()!;
          this.resolve().frozen = { rows: rect.bottom + 1, cols: rect.right + 1 };
        }),
    };
  }
  get notes() {
    this.x.require("1.18");
    return {
      add: (address: string, content: string) =>
        this.x.enqueue(json([address, content]), () => {
          this.resolve().notes.set(rectA1(parseRect(address)), content);
        }),
    };
  }
  get autoFilter() {
    this.x.require("1.9");
    return {
      apply: (range: RangeProxy) =>
        this.x.enqueue(20, () => {
          this.resolve().autoFilter = rectA1(range.target()!.rect);
        }),
    };
  }
  get pageLayout() {
    this.x.require("1.9");
    const x = this.x;
    const resolve = this.resolve;
    return {
      set orientation(v: string) {
        x.enqueue(json(v), () => {
          resolve().orientation = v;
        });
      },
    };
  }
}

export class RangeProxy extends Loadable {
  constructor(
    private readonly x: FakeExcel,
    readonly target: Target,
  ) {
    super();
  }

  load(props: string | string[]): this {
    this.queueLoad(this.x, names(props), () => {
      const t = this.target();
      if (!t) return null;
      const { sheet, rect } = t;
      const wanted = new Set(names(props));
      const cell = (r: number, c: number) => peekCell(sheet, r, c);
      const snap: Record<string, unknown> = {
        address: `${sheetRef(sheet.name)}!${rectA1(rect)}`,
        rowIndex: rect.top,
        columnIndex: rect.left,
        rowCount: rect.bottom - rect.top + 1,
        columnCount: rect.right - rect.left + 1,
      };
      if (wanted.has("values")) snap.values = matrixOf(rect, (r, c) => cell(r, c)?.value ?? "");
      // A quote-prefixed text comes back from `formulas` without its apostrophe (office-js #6687).
      if (wanted.has("formulas")) snap.formulas = matrixOf(rect, (r, c) => cell(r, c)?.formula ?? cell(r, c)?.value ?? "");
      if (wanted.has("numberFormat")) snap.numberFormat = matrixOf(rect, (r, c) => cell(r, c)?.numberFormat ?? "General");
      if (wanted.has("text")) snap.text = matrixOf(rect, (r, c) => { const k = cell(r, c); return k ? (k.text ?? String(k.value)) : ""; });
      const tamper = this.x.tamper;
      if (tamper) for (const n of wanted) snap[n] = tamper(sheet.name, n, snap[n]);
      return snap;
    });
    return this;
  }

  get address(): string { return this.prop("address"); }
  get rowIndex(): number { return this.prop("rowIndex"); }
  get columnIndex(): number { return this.prop("columnIndex"); }
  get rowCount(): number { return this.prop("rowCount"); }
  get columnCount(): number { return this.prop("columnCount"); }
  get values(): unknown[][] { return this.prop("values"); }
  get formulas(): unknown[][] { return this.prop("formulas"); }
  get numberFormat(): unknown[][] { return this.prop("numberFormat"); }
  get text(): unknown[][] { return this.prop("text"); }

  set values(v: unknown[][]) {
    this.setMatrix(v, (r, c, sheet, value) => enterValue(cellAt(sheet, r, c), value));
  }
  set numberFormat(v: unknown[][]) {
    this.setMatrix(v, (r, c, sheet, value) => (cellAt(sheet, r, c).numberFormat = String(value)));
  }
  set hyperlink(link: { documentReference?: string; address?: string; screenTip?: string; textToDisplay?: string }) {
    this.x.require("1.7");
    this.x.enqueue(json(link), () => {
      const { sheet, rect } = this.target()!;
      eachCell(rect, (r, c) => (cellAt(sheet, r, c).hyperlink = { ...link }));
    });
  }

  private setMatrix(v: unknown[][], put: (r: number, c: number, sheet: FakeSheet, value: unknown) => void): void {
    this.x.enqueue(json(v), () => {
      const { sheet, rect } = this.target()!;
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw richError("InvalidArgument", `The array does not match the size of ${rectA1(rect)}.`);
      }
      eachCell(rect, (r, c) => {
        const value = v[r - rect.top][c - rect.left];
        if (value !== null) put(r, c, sheet, value);
      });
    });
  }

  get format() {
    return formatProxy(this.x, this.target);
  }
  merge(across = false): void {
    this.x.require("1.2");
    if (across) throw new Error("fake Excel: merge(true) is not modelled");
    this.x.enqueue(10, () => {
      const { sheet, rect } = this.target()!;
      if (sheet.merges.some((m) => intersects(m, rect))) throw richError("InvalidOperation", `${rectA1(rect)} overlaps a merged area`);
      sheet.merges.push({ ...rect });
    });
  }
  select(): void {
    this.x.enqueue(0, () => {
      const { sheet, rect } = this.target()!;
      if (this.x.state.activeSheet !== sheet.name) throw richError("InvalidSelection", "Select works on the active sheet only.");
      this.x.state.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.x.require("1.13");
    return new RangeAreasProxy(this.x, this.target);
  }
  get conditionalFormats(): ConditionalFormatsProxy {
    this.x.require("1.6");
    return new ConditionalFormatsProxy(this.x, this.target);
  }
}

export class RangeAreasProxy extends Loadable {
  constructor(
    x: FakeExcel,
    target: Target,
  ) {
    super();
    this.load = (props: string) => {
      this.queueLoad(x, names(props), () => {
        const { sheet, rect } = target()!;
        const areas = sheet.merges.filter((m) => intersects(m, rect));
        return areas.length ? { address: areas.map((m) => `${sheetRef(sheet.name)}!${rectA1(m)}`).join(", ") } : null;
      });
      return this;
    };
  }
  load: (props: string) => this;
  get address(): string { return this.prop("address"); }
}

