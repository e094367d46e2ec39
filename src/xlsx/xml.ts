/**
 * A small streaming XML tokenizer for the parts of an .xlsx package: no DOM,
 * no tree, one pass. Text arrives in chunks (as it inflates); every complete
 * tag or text run is handed to a handler at once, and only an unfinished tag
 * or text run at the end of a chunk is kept for the next one.
 *
 * It reads well-formed XML as Excel, LibreOffice and the common libraries
 * write it: elements with or without a namespace prefix (the prefix is
 * dropped, so strict OOXML and `x:`-prefixed sheets read alike), attributes
 * in either quote, comments, processing instructions and CDATA. It never
 * expands entities other than XML's five and character references, so a
 * DOCTYPE cannot make it grow (no "billion laughs").
 */

export interface XmlHandler {
  /** An opening tag; `attrs` is the raw text after the name (use `attr()`); `selfClosing` for `<x/>`. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded. Called only while `wantText` is true. */
  text(text: string): void;
  /** Whether text is wanted at this point: lets the scanner skip decoding text nobody reads. */
  wantText: boolean;
}

/** Raised for XML the scanner cannot continue after (an element larger than any real one, a part cut off). */
export class XmlError extends Error {}

/** No tag or text run of a real workbook comes near this: a cell holds at most 32,767 characters. */
const MAX_PENDING = 16 * 1024 * 1024;

/** What `XmlScanner.fast` returns when the tag is not one it takes: the general path reads it. */
export const NOT_MINE = -2;

export class XmlScanner {
  private rest = "";

  constructor(private readonly handler: XmlHandler) {}

  /**
   * A fast path for the tags a subclass reads most (a sheet's cells): given
   * the "<" at `lt`, handle the tag (and whatever it takes with it) and return
   * the index after it, or NOT_MINE to leave it to the general path. It may
   * always decline: the general path reads every tag correctly.
   */
  protected fast(buf: string, lt: number): number {
    void buf;
    void lt;
    return NOT_MINE;
  }

  /** Feeds the next piece of the document; `final` for the last one. */
  feed(chunk: string, final = false): void {
    const buf = this.rest ? this.rest + chunk : chunk;
    const h = this.handler;
    const n = buf.length;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf("<", i);
      if (lt < 0) {
        // Text up to the end: it may go on in the next chunk.
        if (final) {
          if (h.wantText && i < n) h.text(decodeText(buf.slice(i)));
          i = n;
        }
        break;
      }
      if (lt > i && h.wantText) h.text(decodeText(buf.slice(i, lt)));
      const taken = this.fast(buf, lt);
      if (taken >= 0) {
        i = taken;
        continue;
      }
      const c = buf.charCodeAt(lt + 1);
      if (c !== c) {
        i = lt; // "<" is the last character: wait for more
        break;
      }
      if (c === 0x3f /* ? */) {
        const end = buf.indexOf("?>", lt + 2);
        if (end < 0) {
          i = lt;
          break;
        }
        i = end + 2;
        continue;
      }
      if (c === 0x21 /* ! */) {
        if (buf.startsWith("<!--", lt)) {
          const end = buf.indexOf("-->", lt + 4);
          if (end < 0) {
            i = lt;
            break;
          }
          i = end + 3;
        } else if (buf.startsWith("<![CDATA[", lt)) {
          const end = buf.indexOf("]]>", lt + 9);
          if (end < 0) {
            i = lt;
            break;
          }
          if (h.wantText) h.text(buf.slice(lt + 9, end));
          i = end + 3;
        } else {
          // <!DOCTYPE …>: skipped, its entities are never expanded.
          const end = endOfTag(buf, lt);
          if (end < 0) {
            i = lt;
            break;
          }
          i = end + 1;
        }
        continue;
      }
      const gt = endOfTag(buf, lt);
      if (gt < 0) {
        i = lt;
        break;
      }
      if (c === 0x2f /* / */) {
        h.close(localName(buf, lt + 2, gt));
      } else {
        let nameEnd = lt + 1;
        for (; nameEnd < gt; nameEnd++) {
          const ch = buf.charCodeAt(nameEnd);
          if (ch === 0x20 || ch === 0x2f || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
        }
        const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
        const name = localName(buf, lt + 1, nameEnd);
        h.open(name, nameEnd < gt ? buf.slice(nameEnd, selfClosing ? gt - 1 : gt) : "", selfClosing);
        if (selfClosing) h.close(name);
      }
      i = gt + 1;
    }
    this.rest = i < n ? buf.slice(i) : "";
    if (this.rest.length > MAX_PENDING) throw new XmlError("an element is larger than any a workbook holds");
    if (final && this.rest) throw new XmlError("the part ends in the middle of an element");
  }
}

/** The index of the ">" closing the tag that starts at `lt`, skipping quoted attribute values; -1 when not in `buf` yet. */
export function endOfTag(buf: string, lt: number): number {
  let j = lt + 1;
  for (;;) {
    const gt = buf.indexOf(">", j);
    if (gt < 0) return -1;
    // A quote before the ">" (looked for within the tag only) means the ">" may be inside an attribute value.
    let q = j;
    for (; q < gt; q++) {
      const ch = buf.charCodeAt(q);
      if (ch === 0x22 || ch === 0x27) break;
    }
    if (q === gt) return gt;
    const close = buf.indexOf(buf[q], q + 1);
    if (close < 0) return -1;
    j = close + 1;
  }
}

/** The element name between `from` and `to` without its namespace prefix ("x:row" → "row"). */
function localName(buf: string, from: number, to: number): string {
  let end = to;
  while (end > from) {
    const ch = buf.charCodeAt(end - 1);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) end--;
    else break;
  }
  let start = from;
  for (let k = from; k < end; k++) if (buf.charCodeAt(k) === 0x3a) start = k + 1;
  if (end - start === 1) {
    // The sheet's one-letter elements, without a new string each time.
    switch (buf.charCodeAt(start)) {
      case 0x63:
        return "c";
      case 0x76:
        return "v";
      case 0x66:
        return "f";
      case 0x74:
        return "t";
    }
  }
  return buf.slice(start, end);
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A tag's attributes by local name ("r:id" → "id"; the xmlns declarations
 * come through too and are harmless), values decoded.
 */
export function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(raw); m; m = ATTRIBUTE.exec(raw)) {
    const name = m[1];
    const colon = name.indexOf(":");
    out[colon >= 0 ? name.slice(colon + 1) : name] = decodeText(m[2] ?? m[3] ?? "");
  }
  return out;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML's five entities and character references; anything else is left as written. */
export function decodeText(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 0x23) {
      const code = ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** OOXML's own escape for characters XML cannot hold: "_x000D_" → "\r" (ECMA-376 Part 1, 22.9.2.19). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
