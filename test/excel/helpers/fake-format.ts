/**
 * The fake's format, border and conditional-format proxies (see fake-excel.ts):
 * every assignment queues a change to each cell of the range.
 */
import type { FakeExcel } from "./fake-excel";
import { type BorderSide, type FakeFormat, type FakeSheet, cellAt, intersects, parseRect, rectA1 } from "./fake-model";
import { Loadable, type Target, eachCell, json, richError } from "./fake-base";

/** Setter-only objects whose every assignment queues a change to each cell of the range. */
function setters(x: FakeExcel, target: Target, fields: Record<string, (f: FakeFormat, v: any) => void>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [name, apply] of Object.entries(fields)) {
    Object.defineProperty(o, name, {
      set(v: unknown) {
        x.enqueue(json(v), () => {
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

export function formatProxy(x: FakeExcel, target: Target) {
  const format = setters(x, target, {
    horizontalAlignment: (f, v) => (f.horizontalAlignment = v),
    verticalAlignment: (f, v) => (f.verticalAlignment = v),
    wrapText: (f, v) => (f.wrapText = v),
    indentLevel: (f, v) => (f.indentLevel = v),
  });
  // indentLevel is ExcelApi 1.9: check when it is set, not when the format is reached.
  const setIndent = Object.getOwnPropertyDescriptor(format, "indentLevel")!.set!;
  Object.defineProperty(format, "indentLevel", { set: (v: number) => (x.require("1.9"), setIndent(v)) });
  Object.defineProperty(format, "columnWidth", {
    set: (v: number) => (x.require("1.2"), x.enqueue(json(v), () => { const { sheet, rect } = target()!; for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v); })),
  });
  Object.defineProperty(format, "rowHeight", {
    set: (v: number) => (x.require("1.2"), x.enqueue(json(v), () => { const { sheet, rect } = target()!; for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v); })),
  });
  format.font = setters(x, target, {
    name: (f, v) => (f.fontName = v),
    size: (f, v) => (f.fontSize = v),
    bold: (f, v) => (f.bold = v),
    italic: (f, v) => (f.italic = v),
    underline: (f, v) => (f.underline = v),
    color: (f, v) => (f.fontColor = v),
  });
  format.fill = setters(x, target, { color: (f, v) => (f.fill = v) });
  format.borders = { getItem: (index: string) => borderProxy(x, target, index) };
  return format as any;
}

/** Edge* set the outer sides of the range; Inside* the sides of the cells that face each other. */
function borderProxy(x: FakeExcel, target: Target, index: string) {
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
      x.enqueue(json(v), () => undefined);
    },
    set weight(v: string) {
      x.enqueue(json(v), () => apply(v));
    },
  };
}

export class ConditionalFormatsProxy extends Loadable {
  constructor(
    private readonly x: FakeExcel,
    private readonly target: Target,
  ) {
    super();
  }
  add(type: string): ConditionalFormatProxy {
    let created: { sheet: FakeSheet; id: number } | null = null;
    this.x.enqueue(json(type), () => {
      const { sheet, rect } = this.target()!;
      const id = Math.max(0, ...this.x.state.sheets.flatMap((s) => s.conditionalFormats.map((f) => f.id))) + 1;
      sheet.conditionalFormats.unshift({ id, type, address: rectA1(rect) }); // first priority, as Excel adds it
      created = { sheet, id };
    });
    return new ConditionalFormatProxy(this.x, () => created!);
  }
  load(spec: string): this {
    if (spec !== "items/type,items/customOrNullObject/rule/formula") throw new Error(`fake Excel: conditionalFormats.load("${spec}") is not modelled`);
    this.queueLoad(this.x, ["items"], () => {
      const { sheet, rect } = this.target()!;
      const items = sheet.conditionalFormats.filter((f) => intersects(parseRect(f.address), rect));
      return {
        items: items.map((f) => {
          const p = new ConditionalFormatProxy(this.x, () => ({ sheet, id: f.id }));
          p.setLoaded(f.type, f.type === "Custom" ? { isNullObject: false, rule: { formula: f.formula ?? "" } } : { isNullObject: true });
          return p;
        }),
      };
    });
    return this;
  }
  get items(): ConditionalFormatProxy[] { return this.prop("items"); }
}

export class ConditionalFormatProxy extends Loadable {
  constructor(
    private readonly x: FakeExcel,
    private readonly ref: () => { sheet: FakeSheet; id: number },
  ) {
    super();
  }
  setLoaded(type: string, custom: unknown): void {
    this.loaded.set("type", type);
    this.loaded.set("customOrNullObject", custom);
  }
  get type(): string { return this.prop("type"); }
  get customOrNullObject(): any { return this.prop("customOrNullObject"); }
  get custom() {
    const x = this.x;
    const ref = this.ref;
    const edit = (key: "formula" | "fill" | "fontColor") => (v: string) =>
      x.enqueue(json(v), () => {
        const { sheet, id } = ref();
        const f = sheet.conditionalFormats.find((k) => k.id === id);
        if (!f) throw richError("ItemNotFound", "The conditional format was deleted.");
        f[key] = v;
      });
    return {
      rule: { set formula(v: string) { edit("formula")(v); } },
      format: {
        fill: { set color(v: string) { edit("fill")(v); } },
        font: { set color(v: string) { edit("fontColor")(v); } },
      },
    };
  }
  delete(): void {
    this.x.enqueue(0, () => {
      const { sheet, id } = this.ref();
      const i = sheet.conditionalFormats.findIndex((k) => k.id === id);
      if (i < 0) throw richError("ItemNotFound", "The conditional format was already deleted.");
      sheet.conditionalFormats.splice(i, 1);
    });
  }
}
