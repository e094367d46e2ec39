/**
 * The fake's worksheet, range and merged-area proxies (see
 * fake-excel.ts). Setters queue a change; `load` queues a snapshot that becomes
 * readable after the sync.
 */
import type { FakeExcel } from "./fake-excel";
import { type FakeSheet, type Rect, cellAt, enterValue, intersects, parseRect, peekCell, rectA1, sheetRef, usedRect } from "./fake-model";
import { ConditionalFormatsProxy, formatProxy } from "./fake-format";
import {
  ACTION_QUERY, ACTION_SET, type FakePath, Loadable, PATH_METHOD, PATH_PROPERTY, type Target, eachCell, json, matrixOf, names, pascal, propertyNotLoaded, richError,
} from "./fake-base";

export { NOT_LOADED, json, richError } from "./fake-base";

export class WorksheetProxy extends Loadable {
  constructor(
    x: FakeExcel,
    path: FakePath,
    private readonly resolveSheet: () => FakeSheet,
    /** getItemOrNullObject: a missing sheet is a null object, not an error, until it is used. */
    private readonly nullable = false,
  ) {
    super(x, path);
  }
  private resolve = (): FakeSheet => this.resolveSheet();
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.x.enqueue({ on: this.path, type: ACTION_SET, name: "Name", args: [v] }, () => {
      const sheet = this.resolve();
      if (this.x.state.sheets.some((s) => s !== sheet && s.name.toLowerCase() === v.toLowerCase())) {
        throw richError("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
      }
      if (v.length > 31 || v.trim() === "" || /[:\\/?*[\]]/.test(v)) throw richError("InvalidArgument", `Bad sheet name "${v}".`);
      if (this.x.state.activeSheet === sheet.name) this.x.state.activeSheet = v;
      sheet.name = v;
    });
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: string) {
    this.x.enqueue({ on: this.path, type: ACTION_SET, name: "Visibility", args: [v] }, () => {
      const sheet = this.resolve();
      if (v !== "Visible" && this.x.state.sheets.filter((s) => s !== sheet && s.visibility === "Visible").length === 0) {
        throw richError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      sheet.visibility = v as FakeSheet["visibility"];
      if (v !== "Visible" && this.x.state.activeSheet === sheet.name) this.x.state.activeSheet = this.x.state.sheets.find((s) => s.visibility === "Visible")!.name;
    });
  }
  load(props: string): this {
    const wanted = names(props);
    if (!wanted.every((p) => p === "name" || p === "visibility")) throw new Error(`fake Excel: worksheet.load("${props}") is not modelled`);
    this.queueLoad(wanted, () => {
      let sheet: FakeSheet;
      try {
        sheet = this.resolve();
      } catch (err) {
        if (this.nullable && (err as { code?: string }).code === "ItemNotFound") return null;
        throw err;
      }
      return { name: sheet.name, visibility: sheet.visibility };
    });
    return this;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error("fake Excel: only the values-only used range is modelled");
    this.x.require("1.4");
    return new RangeProxy(this.x, this.x.newPath(this.path, PATH_METHOD, "GetUsedRangeOrNullObject", [valuesOnly]), () => {
      const sheet = this.resolve();
      const rect = usedRect(sheet);
      return rect ? { sheet, rect } : null;
    });
  }
  getRange(address = ""): RangeProxy {
    return new RangeProxy(this.x, this.x.newPath(this.path, PATH_METHOD, "GetRange", address === "" ? [] : [address]), () => ({ sheet: this.resolve(), rect: parseRect(address) }));
  }
  delete(): void {
    this.x.method(this.path, "Delete", [], () => {
      const sheet = this.resolve();
      const state = this.x.state;
      if (sheet.visibility === "VeryHidden") throw richError("InvalidOperation", `The very hidden sheet "${sheet.name}" cannot be deleted.`);
      if (state.sheets.filter((s) => s !== sheet && s.visibility === "Visible").length === 0) {
        throw richError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      if (state.activeSheet === sheet.name) state.activeSheet = state.sheets.find((s) => s.visibility === "Visible")!.name;
    });
  }
  activate(): void {
    this.x.method(this.path, "Activate", [], () => {
      const sheet = this.resolve();
      if (sheet.visibility !== "Visible") throw richError("InvalidOperation", `The sheet "${sheet.name}" is hidden.`);
      this.x.state.activeSheet = sheet.name;
    });
  }
  get freezePanes() {
    this.x.require("1.7");
    const path = this.child("freezePanes", (p) => p);
    const at = (name: string, n: number, rows: number, cols: number) =>
      this.x.method(path, name, [n], () => {
        this.resolve().frozen = { rows, cols };
      });
    return {
      freezeRows: (n: number) => at("FreezeRows", n, n, 0),
      freezeColumns: (n: number) => at("FreezeColumns", n, 0, n),
      freezeAt: (range: RangeProxy) =>
        this.x.method(path, "FreezeAt", [{ _ReferenceId: range.path.id }], () => {
          const { rect } = range.target()!;
          this.resolve().frozen = { rows: rect.bottom + 1, cols: rect.right + 1 };
        }),
    };
  }
  get notes() {
    this.x.require("1.18");
    const path = this.child("notes", (p) => p);
    return {
      add: (address: string, content: string) =>
        this.x.method(path, "Add", [address, content], () => {
          this.resolve().notes.set(rectA1(parseRect(address)), content);
        }),
    };
  }
  get autoFilter() {
    this.x.require("1.9");
    const path = this.child("autoFilter", (p) => p);
    return {
      apply: (range: RangeProxy) =>
        this.x.method(path, "Apply", [{ _ReferenceId: range.path.id }], () => {
          this.resolve().autoFilter = rectA1(range.target()!.rect);
        }),
    };
  }
  get pageLayout() {
    this.x.require("1.9");
    const x = this.x;
    const resolve = this.resolve;
    const path = this.child("pageLayout", (p) => p);
    return {
      set orientation(v: string) {
        x.enqueue({ on: path, type: ACTION_SET, name: "Orientation", args: [v] }, () => {
          resolve().orientation = v;
        });
      },
    };
  }
}

export class RangeProxy extends Loadable {
  constructor(
    x: FakeExcel,
    path: FakePath,
    readonly target: Target,
  ) {
    super(x, path);
  }

  load(props: string | string[]): this {
    this.queueLoad(names(props), () => {
      const t = this.target();
      if (!t) return null;
      return this.snapshot(t.sheet, t.rect, new Set(names(props)));
    });
    return this;
  }

  snapshot(sheet: FakeSheet, rect: Rect, wanted: Set<string>): Record<string, unknown> {
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
    this.setMatrix("values", v, (r, c, sheet, value) => enterValue(cellAt(sheet, r, c), value));
  }
  set numberFormat(v: unknown[][]) {
    this.setMatrix("numberFormat", v, (r, c, sheet, value) => (cellAt(sheet, r, c).numberFormat = String(value)));
  }
  set hyperlink(link: { documentReference?: string; address?: string; screenTip?: string; textToDisplay?: string }) {
    this.x.require("1.7");
    this.x.enqueue({ on: this.path, type: ACTION_SET, name: "Hyperlink", args: [link] }, () => {
      const { sheet, rect } = this.target()!;
      eachCell(rect, (r, c) => (cellAt(sheet, r, c).hyperlink = { ...link }));
    });
  }

  private setMatrix(name: string, v: unknown[][], put: (r: number, c: number, sheet: FakeSheet, value: unknown) => void): void {
    this.x.enqueue({ on: this.path, type: ACTION_SET, name: pascal(name), args: [v] }, () => {
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
    return this.child("format", (path) => formatProxy(this.x, path, this.target));
  }
  merge(across = false): void {
    this.x.require("1.2");
    if (across) throw new Error("fake Excel: merge(true) is not modelled");
    this.x.method(this.path, "Merge", [across], () => {
      const { sheet, rect } = this.target()!;
      if (sheet.merges.some((m) => intersects(m, rect))) throw richError("InvalidOperation", `${rectA1(rect)} overlaps a merged area`);
      sheet.merges.push({ ...rect });
    });
  }
  select(): void {
    this.x.method(this.path, "Select", [], () => {
      const { sheet, rect } = this.target()!;
      if (this.x.state.activeSheet !== sheet.name) throw richError("InvalidSelection", "Select works on the active sheet only.");
      this.x.state.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.x.require("1.13");
    return new RangeAreasProxy(this.x, this.x.newPath(this.path, PATH_METHOD, "GetMergedAreasOrNullObject", []), this.target);
  }
  get conditionalFormats(): ConditionalFormatsProxy {
    this.x.require("1.6");
    return this.child("conditionalFormats", (path) => new ConditionalFormatsProxy(this.x, path, this.target));
  }
}

const AREA_PROPERTIES = ["rowIndex", "columnIndex", "rowCount", "columnCount", "address"];

/**
 * The merged areas of a range. Loads `address` (one string, "A1:B2, D4:E5")
 * or `areas/items/<property>`: the areas as ranges, each with its own
 * position, which is how the adapter reads them.
 */
export class RangeAreasProxy extends Loadable {
  private areaItems: RangeProxy[] | null = null;

  constructor(
    x: FakeExcel,
    path: FakePath,
    private readonly target: Target,
  ) {
    super(x, path);
  }

  load(props: string): this {
    const wanted = names(props);
    const itemProps = wanted.filter((p) => p.startsWith("areas/items/")).map((p) => p.slice("areas/items/".length));
    const own = wanted.filter((p) => !p.startsWith("areas/items/"));
    if (!own.every((p) => p === "address") || !itemProps.every((p) => AREA_PROPERTIES.includes(p))) {
      throw new Error(`fake Excel: rangeAreas.load("${props}") is not modelled`);
    }
    const areasOf = () => {
      const { sheet, rect } = this.target()!;
      return { sheet, areas: sheet.merges.filter((m) => intersects(m, rect)) };
    };
    this.queueLoad(own, () => {
      const { sheet, areas } = areasOf();
      return areas.length ? { address: areas.map((m) => `${sheetRef(sheet.name)}!${rectA1(m)}`).join(", ") } : null;
    });
    if (itemProps.length) {
      const areasPath = this.x.newPath(this.path, PATH_PROPERTY, "Areas");
      this.x.enqueue({ on: areasPath, type: ACTION_QUERY, name: "", select: itemProps }, () => {
        const { sheet, areas } = areasOf();
        const items = areas.map((m) => {
          const item = new RangeProxy(this.x, this.x.newPath(areasPath, PATH_METHOD, "GetItemAt", [0]), () => ({ sheet, rect: m }));
          const snap = item.snapshot(sheet, m, new Set(itemProps));
          item.markLoaded(Object.fromEntries(itemProps.map((p) => [p, snap[p]])));
          return item;
        });
        return { responseBytes: json(items), commit: () => (this.areaItems = items) };
      });
    }
    return this;
  }

  get address(): string { return this.prop("address"); }

  get areas(): { items: RangeProxy[] } {
    const items = this.areaItems;
    return {
      get items(): RangeProxy[] {
        if (!items) throw propertyNotLoaded("items");
        return items;
      },
    };
  }
}
