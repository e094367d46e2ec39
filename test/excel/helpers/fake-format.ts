/**
 * The fake's format, border and conditional-format proxies (see fake-excel.ts):
 * every assignment queues a change to each cell of the range, as one
 * set-property action on the format object's path.
 */
import type { FakeExcel } from "./fake-excel";
import { MAX_ROW_HEIGHT } from "./fake-model";
import { type BorderSide, type FakeFormat, type FakeSheet, cellAt, intersects, parseRect, rectA1 } from "./fake-model";
import { ACTION_SET, type FakePath, Loadable, PATH_METHOD, PATH_PROPERTY, type Target, eachCell, pascal, richError } from "./fake-base";

/** Setter-only objects whose every assignment queues a change to each cell of the range. */
function setters(x: FakeExcel, path: FakePath, target: Target, fields: Record<string, (f: FakeFormat, v: any) => void>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [name, apply] of Object.entries(fields)) {
    Object.defineProperty(o, name, {
      set(v: unknown) {
        x.enqueue({ on: path, type: ACTION_SET, name: pascal(name), args: [v] }, () => {
          const { sheet, rect } = target()!;
          eachCell(rect, (r, c) => apply(cellAt(sheet, r, c).format, v));
        });
      },
      enumerable: true,
      configurable: true,
    });
  }
  return o;
}

/** A child object reached by a property, made once per parent as the runtime does. */
function lazy<T>(o: Record<string, unknown>, name: string, make: () => T): void {
  let made: T | undefined;
  Object.defineProperty(o, name, { get: () => (made ??= make()), enumerable: true });
}

export function formatProxy(x: FakeExcel, path: FakePath, target: Target) {
  const format = setters(x, path, target, {
    horizontalAlignment: (f, v) => (f.horizontalAlignment = v),
    verticalAlignment: (f, v) => (f.verticalAlignment = v),
    wrapText: (f, v) => (f.wrapText = v),
    indentLevel: (f, v) => (f.indentLevel = v),
  });
  const set = (name: string, v: unknown, run: () => void) => x.enqueue({ on: path, type: ACTION_SET, name, args: [v] }, run);
  // indentLevel is ExcelApi 1.9: check when it is set, not when the format is reached.
  const setIndent = Object.getOwnPropertyDescriptor(format, "indentLevel")!.set!;
  Object.defineProperty(format, "indentLevel", { set: (v: number) => (x.require("1.9"), setIndent(v)) });
  Object.defineProperty(format, "columnWidth", {
    set: (v: number) => (x.require("1.2"), set("ColumnWidth", v, () => { const { sheet, rect } = target()!; for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v); })),
  });
  Object.defineProperty(format, "rowHeight", {
    set: (v: number) =>
      (x.require("1.2"),
      set("RowHeight", v, () => {
        // Excel refuses a row taller than 409 points.
        if (!(v >= 0 && v <= MAX_ROW_HEIGHT)) throw richError("InvalidArgument", `The row height ${v} is outside 0–${MAX_ROW_HEIGHT} points.`);
        const { sheet, rect } = target()!;
        for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
      })),
  });
  const child = (name: string) => x.newPath(path, PATH_PROPERTY, pascal(name));
  lazy(format, "font", () =>
    setters(x, child("font"), target, {
      name: (f, v) => (f.fontName = v),
      size: (f, v) => (f.fontSize = v),
      bold: (f, v) => (f.bold = v),
      italic: (f, v) => (f.italic = v),
      underline: (f, v) => (f.underline = v),
      color: (f, v) => (f.fontColor = v),
    }),
  );
  lazy(format, "fill", () => setters(x, child("fill"), target, { color: (f, v) => (f.fill = v) }));
  lazy(format, "borders", () => {
    const bordersPath = child("borders");
    return { getItem: (index: string) => borderProxy(x, x.newPath(bordersPath, PATH_METHOD, "GetItem", [index]), target, index) };
  });
  return format as any;
}

/** Edge* set the outer sides of the range; Inside* the sides of the cells that face each other. */
function borderProxy(x: FakeExcel, path: FakePath, target: Target, index: string) {
  const apply = (weight: string) => {
    const { sheet, rect } = target()!;
    eachCell(rect, (r, c) => {
      const b = cellAt(sheet, r, c).format.borders;
      const set = (side: BorderSide) => (b[side] = weight);
      if (index === "EdgeTop" && r === rect.top) set("EdgeTop");
      if (index === "EdgeBottom" && r === rect.bottom) set("EdgeBottom");
      if (index === "EdgeLeft" && c === rect.left) set("EdgeLeft");
      if (index === "EdgeRight" && c === rect.right) set("EdgeRight");
      if (index === "InsideHorizontal") { if (r > rect.top) set("EdgeTop"); if (r < rect.bottom) set("EdgeBottom"); }
      if (index === "InsideVertical") { if (c > rect.left) set("EdgeLeft"); if (c < rect.right) set("EdgeRight"); }
    });
  };
  return {
    set style(v: string) {
      if (v !== "Continuous") throw new Error(`fake Excel: border style ${v} is not modelled`);
      x.enqueue({ on: path, type: ACTION_SET, name: "Style", args: [v] }, () => undefined);
    },
    set weight(v: string) {
      x.enqueue({ on: path, type: ACTION_SET, name: "Weight", args: [v] }, () => apply(v));
    },
  };
}

export class ConditionalFormatsProxy extends Loadable {
  private loadedItems: ConditionalFormatProxy[] | null = null;

  constructor(
    x: FakeExcel,
    path: FakePath,
    private readonly target: Target,
  ) {
    super(x, path);
  }
  add(type: string): ConditionalFormatProxy {
    let created: { sheet: FakeSheet; id: number } | null = null;
    const path = this.x.newPath(this.path, PATH_METHOD, "Add", [type]);
    this.x.enqueue({ on: path, type: 1, name: "" }, () => {
      const { sheet, rect } = this.target()!;
      const id = Math.max(0, ...this.x.state.sheets.flatMap((s) => s.conditionalFormats.map((f) => f.id))) + 1;
      sheet.conditionalFormats.unshift({ id, type, address: rectA1(rect) }); // first priority, as Excel adds it
      created = { sheet, id };
    });
    return new ConditionalFormatProxy(this.x, path, () => created!);
  }
  load(spec: string): this {
    if (spec !== "items/type,items/customOrNullObject/rule/formula") throw new Error(`fake Excel: conditionalFormats.load("${spec}") is not modelled`);
    this.x.enqueue({ on: this.path, type: 2, name: "", select: ["type", "customOrNullObject/rule/formula"] }, () => {
      const { sheet, rect } = this.target()!;
      const items = sheet.conditionalFormats.filter((f) => intersects(parseRect(f.address), rect));
      const proxies = items.map((f) => {
        const p = new ConditionalFormatProxy(this.x, this.x.newPath(this.path, 5, "", [String(f.id)]), () => ({ sheet, id: f.id }));
        p.markLoaded({ type: f.type, customOrNullObject: f.type === "Custom" ? loadedCustom(f.formula ?? "") : NULL_CUSTOM });
        return p;
      });
      return { responseBytes: JSON.stringify(items).length, commit: () => (this.loadedItems = proxies) };
    });
    return this;
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.loadedItems) return this.prop("items");
    return this.loadedItems;
  }
}

/** A loaded `customOrNullObject`: its isNullObject and its rule's formula are known. */
function loadedCustom(formula: string) {
  return { isNullObject: false, rule: { formula } };
}
const NULL_CUSTOM = { isNullObject: true };

export class ConditionalFormatProxy extends Loadable {
  constructor(
    x: FakeExcel,
    path: FakePath,
    private readonly ref: () => { sheet: FakeSheet; id: number },
  ) {
    super(x, path);
  }
  get type(): string { return this.prop("type"); }
  get customOrNullObject(): any { return this.prop("customOrNullObject"); }
  get custom() {
    return this.child("custom", (customPath) => {
      const x = this.x;
      const ref = this.ref;
      const edit = (on: FakePath, name: string, key: "formula" | "fill" | "fontColor") => (v: string) =>
        x.enqueue({ on, type: ACTION_SET, name, args: [v] }, () => {
          const { sheet, id } = ref();
          const f = sheet.conditionalFormats.find((k) => k.id === id);
          if (!f) throw richError("ItemNotFound", "The conditional format was deleted.");
          f[key] = v;
        });
      const rulePath = x.newPath(customPath, PATH_PROPERTY, "Rule");
      const formatPath = x.newPath(customPath, PATH_PROPERTY, "Format");
      const fillPath = x.newPath(formatPath, PATH_PROPERTY, "Fill");
      const fontPath = x.newPath(formatPath, PATH_PROPERTY, "Font");
      const setFormula = edit(rulePath, "Formula", "formula");
      const setFill = edit(fillPath, "Color", "fill");
      const setFont = edit(fontPath, "Color", "fontColor");
      return {
        rule: { set formula(v: string) { setFormula(v); } },
        format: {
          fill: { set color(v: string) { setFill(v); } },
          font: { set color(v: string) { setFont(v); } },
        },
      };
    });
  }
  delete(): void {
    this.x.method(this.path, "Delete", [], () => {
      const { sheet, id } = this.ref();
      const i = sheet.conditionalFormats.findIndex((k) => k.id === id);
      if (i < 0) throw richError("ItemNotFound", "The conditional format was already deleted.");
      sheet.conditionalFormats.splice(i, 1);
    });
  }
}
