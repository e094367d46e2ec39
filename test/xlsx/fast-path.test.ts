/**
 * The CLI's speed-ups of the reader (issue #9) change nothing it reads:
 * Node's zlib counts bytes as they inflate exactly like fflate (a lying zip
 * directory is stopped at the limit, a cut-off part is damaged, Cancel
 * stops it); the sheet scanner's fast path gives the grid the general path
 * gives, however the XML is cut into pieces; and the plain-decimal parser
 * reads every number as Number does.
 */
import fc from "fast-check";
import zlib from "zlib";
import type { SheetGrid } from "../../src/core";
import { nodeInflateRaw } from "../../src/xlsx/node-inflate";
import { NO_STYLES } from "../../src/xlsx/parts";
import { readWorkbookBuffer, type ReadOptions } from "../../src/xlsx/read";
import { SheetParser, SheetScanner, plainDecimal, type SheetContext } from "../../src/xlsx/sheet";
import { XmlScanner } from "../../src/xlsx/xml";
import { fflateInflateRaw, ZipEntryError } from "../../src/xlsx/zip";
import { buildPackage, numberRows, readError, sheetXml, underDeclared } from "./package";

const node: ReadOptions = { inflateRaw: nodeInflateRaw };

describe("Node's zlib as the inflater", () => {
  const xml = Buffer.from(sheetXml(`<sheetData>${numberRows(4000, 20)}</sheetData>`));
  const liar = buildPackage({ sheets: [{ name: "Liar", xml: "" }], extra: [underDeclared("xl/worksheets/sheet1.xml", xml, 1024)] });

  it("reads the same grid as fflate", async () => {
    const bytes = buildPackage({ sheets: [{ name: "Plan", xml: `<sheetData>${numberRows(300, 12)}</sheetData>` }], sharedStrings: ["a", "b"] });
    expect(await readWorkbookBuffer(bytes, "p.xlsx", node)).toEqual(await readWorkbookBuffer(bytes, "p.xlsx"));
  });

  it("stops a part whose directory under-declares it at the limit, counted as it inflates", async () => {
    const err = await readError(liar, { ...node, maxUnpackedBytes: 2 * 1024 * 1024 });
    expect(err.reason).toBe("too-large");
    expect(err.message).toBe("hostile.xlsx: the workbook unpacks to more than 2 MB, the limit (its zip directory claims 0 MB)");
    expect((await readWorkbookBuffer(liar, "liar.xlsx", { ...node, maxUnpackedBytes: 64 * 1024 * 1024 })).sheets[0].cells).toHaveLength(4000);
  });

  it("never hands over more than a step's output before counting it", async () => {
    const zeros = zlib.deflateRawSync(Buffer.alloc(32 * 1024 * 1024), { level: 9 });
    let largest = 0;
    let total = 0;
    await expect(
      nodeInflateRaw(
        zeros,
        (piece) => {
          largest = Math.max(largest, piece.length);
          total += piece.length;
          if (total > 4 * 1024 * 1024) throw new ZipEntryError("too-large", "over");
        },
        () => undefined,
        "zeros",
      ),
    ).rejects.toMatchObject({ kind: "too-large" });
    expect(largest).toBeLessThanOrEqual(256 * 1024);
    expect(total).toBeLessThanOrEqual(4 * 1024 * 1024 + 256 * 1024);
  });

  it("says a cut-off or garbled part is damaged, as fflate does", async () => {
    const whole = zlib.deflateRawSync(xml);
    const cut = whole.subarray(0, whole.length >> 1);
    for (const inflate of [nodeInflateRaw, fflateInflateRaw]) {
      await expect(inflate(cut, () => undefined, () => undefined, "sheet1.xml")).rejects.toMatchObject({
        kind: "damaged",
        message: expect.stringMatching(/^sheet1\.xml (is cut off|could not be inflated \(unexpected EOF\))$/),
      });
      await expect(inflate(Buffer.from([0xff, 0xff, 0xff, 0xff]), () => undefined, () => undefined, "x.xml")).rejects.toMatchObject({
        kind: "damaged",
        message: expect.stringMatching(/^x\.xml could not be inflated/),
      });
    }
  });

  it("reads text whole however the pieces cut it: multi-byte characters, and runs longer than a piece or the carry limit", async () => {
    const long = "é€😀a&amp;".repeat(150_000); // ~2 MB of UTF-8 with no ">"
    const many = Array.from({ length: 3000 }, (_, i) => `Línea ${i} — ${"ñ".repeat(i % 97)}`);
    const cells = [long, ...many].map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join("");
    const bytes = buildPackage({ sheets: [{ name: "Text", xml: `<sheetData>${cells}</sheetData>` }], sharedStrings: [long, ...many] });
    for (const options of [node, {}]) {
      const grid = await readWorkbookBuffer(bytes, "text.xlsx", options);
      const values = grid.sheets[0].cells.map((row) => row?.[0]?.value);
      expect(values[0]).toBe(long.replace(/&amp;/g, "&"));
      expect(values.slice(1)).toEqual(many);
    }
  });

  it("stops when cancelled between steps", async () => {
    const signal = { aborted: false };
    const err = await readError(liar, {
      ...node,
      signal,
      onProgress: () => {
        signal.aborted = true;
      },
    });
    expect(err.reason).toBe("cancelled");
  });
});

describe("the sheet scanner's fast path", () => {
  const ctx = (): SheetContext => ({ styles: NO_STYLES, sharedStrings: ["zero", "one", "a & b"], date1904: false, cellCount: { n: 0, max: 1e6 }, maxMerges: 100 });

  function readWith(fast: boolean, xml: string, cuts: number[]): SheetGrid {
    const parser = new SheetParser("S", ctx());
    const scanner = fast ? new SheetScanner(parser) : new XmlScanner(parser);
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      scanner.feed(xml.slice(from, cut));
      from = cut;
    }
    scanner.feed(xml.slice(from), true);
    return parser.result(false);
  }

  const cellXml = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => `<v>${n}</v>`),
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => `<v>${n / 100}</v>`),
    fc.constantFrom(
      '<v>1E-3</v>',
      "<v> 12 </v>",
      "<v></v>",
      "<v/>",
      "",
      "<f>SUM(A1:A2)</f><v>3</v>",
      "<f>1+1</f>",
      "<v><![CDATA[7]]></v>",
      "<x:v>5</x:v>",
    ),
  );
  const attrs = fc.constantFrom("", ' t="s"', ' t="str"', ' t="b"', ' t="e"', ' t="n"', ' s="0"', " s = '0'", ' cm="1"', ' t="inlineStr"');
  const sheet = fc
    .array(fc.array(fc.tuple(attrs, cellXml, fc.boolean()), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })
    .map((rows) => {
      let out = "<sheetData>";
      rows.forEach((cells, r) => {
        out += `<row r="${r + 1}">`;
        cells.forEach(([a, body, addressed], c) => {
          let content = body;
          if (a === ' t="s"') content = `<v>${c % 3}</v>`;
          else if (a === ' t="b"') content = `<v>${c % 2}</v>`;
          else if (a === ' t="e"') content = "<v>#REF!</v>";
          else if (a === ' t="inlineStr"') content = "<is><t>x &amp; y</t></is>";
          else if (a === ' t="str"') content = "<v>a &lt; b</v>";
          const ref = addressed ? ` r="${String.fromCharCode(65 + c)}${r + 1}"` : "";
          out += content ? `<c${ref}${a}>${content}</c>` : `<c${ref}${a}/>`;
        });
        out += "</row>";
      });
      return `${out}</sheetData>`;
    });

  it("gives the grid the general path gives, wherever the pieces are cut", () => {
    fc.assert(
      fc.property(
        sheet.chain((xml) => fc.tuple(fc.constant(xml), fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 6 }))),
        ([xml, cuts]) => {
          expect(readWith(true, xml, cuts)).toEqual(readWith(false, xml, []));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads numbers and shared-string indexes in place as the general path reads them, errors included", () => {
    const outcome = (fast: boolean, xml: string) => {
      try {
        return readWith(fast, xml, []);
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    };
    for (const t of ["", ' t="n"', ' t="s"', ' s="0"']) {
      for (const v of ["0", "2", "1.0", "2.5", "-1", "-0", "007", "1E2", "12345678901234567", "-", ".", "1.", "&#50;"]) {
        const xml = `<sheetData><row r="1"><c r="A1"${t}><v>${v}</v></c></row></sheetData>`;
        expect([t, v, outcome(true, xml)]).toEqual([t, v, outcome(false, xml)]);
      }
    }
  });

  it("leaves what it does not take to the general path, errors included", () => {
    const bad = '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>';
    expect(() => readWith(true, bad, [])).toThrow(/beyond Excel's last column XFD/);
    const lower = '<sheetData><row r="1"><c r="b1"><v>1</v></c></row></sheetData>';
    expect(readWith(true, lower, [])).toEqual(readWith(false, lower, []));
  });
});

describe("plainDecimal", () => {
  it("reads every plain decimal exactly as Number, and declines the rest", () => {
    const plain = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).chain((n) => fc.integer({ min: 0, max: 6 }).map((d) => (n / 10 ** d).toFixed(d))),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.stringMatching(/^-?[0-9]{0,16}(\.[0-9]{0,16})?$/),
    );
    fc.assert(
      fc.property(plain, (s) => {
        const fast = plainDecimal(s);
        if (!Number.isNaN(fast)) expect(Object.is(fast, Number(s))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(plainDecimal("1234.56")).toBe(1234.56);
    expect(plainDecimal("-0")).toBe(-0);
    expect(plainDecimal("1E3")).toBeNaN();
    expect(plainDecimal(" 1")).toBeNaN();
    expect(plainDecimal("")).toBeNaN();
    expect(plainDecimal("1234567890123456")).toBeNaN(); // 16 digits: left to Number
  });
});
