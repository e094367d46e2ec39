/**
 * The small parts of an .xlsx package, each read by an XmlHandler in one
 * pass: relationships, the workbook (sheet list, 1904 dates), the styles
 * (number formats and bold fonts per cell style) and the shared strings.
 */
import { attributes, decodeOoxmlEscapes, type XmlHandler } from "./xml";

// ---------------------------------------------------------------------------
// Relationships

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export class RelsParser implements XmlHandler {
  wantText = false;
  readonly rels = new Map<string, Relationship>();
  open(name: string, raw: string): void {
    if (name !== "Relationship") return;
    const a = attributes(raw);
    if (a.Id === undefined || a.Target === undefined) return;
    this.rels.set(a.Id, { type: a.Type ?? "", target: a.Target, external: a.TargetMode === "External" });
  }
  close(): void {}
  text(): void {}
}

/** A relationship type's last word: ".../relationships/worksheet" → "worksheet" (transitional and strict alike). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/**
 * Where a relationship points inside the package, as a part name without a
 * leading slash; null when it points outside (an absolute URL, "../" past
 * the root, an external target).
 */
export function resolveTarget(sourcePart: string, rel: Relationship): string | null {
  if (rel.external) return null;
  let target = rel.target.replace(/\\/g, "/");
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) return null;
  target = target.split("#")[0];
  let base: string[];
  if (target.startsWith("/")) {
    base = [];
    target = target.slice(1);
  } else {
    base = sourcePart.split("/").slice(0, -1);
  }
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (base.length === 0) return null;
      base.pop();
    } else base.push(safeDecode(seg));
  }
  return base.length ? base.join("/") : null;
}

function safeDecode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

// ---------------------------------------------------------------------------
// Workbook

export interface SheetEntry {
  name: string;
  relId: string | undefined;
  hidden: boolean;
}

export class WorkbookParser implements XmlHandler {
  wantText = false;
  readonly sheets: SheetEntry[] = [];
  date1904 = false;
  sawWorkbook = false;
  open(name: string, raw: string): void {
    switch (name) {
      case "workbook":
        this.sawWorkbook = true;
        return;
      case "workbookPr": {
        const d = attributes(raw).date1904;
        this.date1904 = d === "1" || d === "true";
        return;
      }
      case "sheet": {
        const a = attributes(raw);
        this.sheets.push({ name: a.name ?? `Sheet${this.sheets.length + 1}`, relId: a.id, hidden: a.state === "hidden" || a.state === "veryHidden" });
        return;
      }
      default:
        return;
    }
  }
  close(): void {}
  text(): void {}
}

// ---------------------------------------------------------------------------
// Styles

/** Per cell style (the `s` of a cell, an index into cellXfs). */
export interface Styles {
  /** The number format, undefined for General. */
  numFmt: Array<string | undefined>;
  /** Whether the format shows a date or time (the value is then read as a Date). */
  isDate: boolean[];
  bold: boolean[];
}

export const NO_STYLES: Styles = { numFmt: [undefined], isDate: [false], bold: [false] };

/** Excel's built-in number formats by id (ECMA-376 Part 1, 18.8.30), as ExcelJS names them. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Whether a number format shows a date or a time: y m d h s (or b, Buddhist years) outside quotes and brackets. */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

export class StylesParser implements XmlHandler {
  wantText = false;
  private readonly formats = new Map<number, string>();
  private readonly fontBold: boolean[] = [];
  private readonly xfs: Array<{ numFmtId: number; fontId: number }> = [];
  private section = ""; // "fonts" | "cellXfs" | ""
  private depth = 0; // inside a <font> of <fonts>
  private fontIsBold = false;

  open(name: string, raw: string, selfClosing: boolean): void {
    switch (name) {
      case "numFmt": {
        const a = attributes(raw);
        const id = Number(a.numFmtId);
        if (Number.isInteger(id) && a.formatCode !== undefined) this.formats.set(id, a.formatCode);
        return;
      }
      case "fonts":
      case "cellXfs":
        if (!selfClosing) this.section = name;
        return;
      case "font":
        if (this.section === "fonts") {
          this.fontIsBold = false;
          if (selfClosing) this.fontBold.push(false);
          else this.depth = 1;
        }
        return;
      case "b":
        if (this.depth) {
          const v = attributes(raw).val;
          this.fontIsBold = v === undefined || (v !== "0" && v !== "false");
        }
        return;
      case "xf":
        if (this.section === "cellXfs") {
          const a = attributes(raw);
          this.xfs.push({ numFmtId: Number(a.numFmtId ?? 0) || 0, fontId: Number(a.fontId ?? 0) || 0 });
        }
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    if (name === "font" && this.depth) {
      this.fontBold.push(this.fontIsBold);
      this.depth = 0;
    } else if (name === this.section) this.section = "";
  }

  text(): void {}

  result(): Styles {
    if (this.xfs.length === 0) return NO_STYLES;
    const styles: Styles = { numFmt: [], isDate: [], bold: [] };
    for (const xf of this.xfs) {
      const fmt = xf.numFmtId ? (this.formats.get(xf.numFmtId) ?? BUILTIN_FORMATS[xf.numFmtId]) : undefined;
      const shown = fmt === undefined || fmt === "General" ? undefined : fmt;
      styles.numFmt.push(shown);
      styles.isDate.push(shown !== undefined && isDateFormat(shown));
      styles.bold.push(this.fontBold[xf.fontId] === true);
    }
    return styles;
  }
}

// ---------------------------------------------------------------------------
// Shared strings

export class SharedStringsParser implements XmlHandler {
  wantText = false;
  readonly strings: string[] = [];
  private current: string | null = null;
  private phonetic = 0;

  constructor(private readonly maxStrings: number) {}

  open(name: string, _raw: string, selfClosing: boolean): void {
    switch (name) {
      case "si":
        this.current = "";
        if (selfClosing) this.push();
        return;
      case "rPh":
        if (!selfClosing) this.phonetic++;
        return;
      case "t":
        if (this.current !== null && this.phonetic === 0 && !selfClosing) this.wantText = true;
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case "t":
        this.wantText = false;
        return;
      case "rPh":
        if (this.phonetic) this.phonetic--;
        return;
      case "si":
        if (this.current !== null) this.push();
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    this.current += text;
  }

  private push(): void {
    if (this.strings.length >= this.maxStrings) throw new TooManyStrings(this.maxStrings);
    this.strings.push(decodeOoxmlEscapes(this.current ?? ""));
    this.current = null;
  }
}

export class TooManyStrings extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} shared strings`);
  }
}
