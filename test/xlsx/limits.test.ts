/**
 * The reader is bounded by what it reads, not by what a file claims (issue
 * #9). Each hostile workbook here is generated as real zipped XML; through
 * the real CLI each gives exit 2 and exactly one line on stderr naming the
 * file, and the reader's own error says which limit.
 */
import { promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { deflated } from "../../scripts/make-hostile";
import { main } from "../../src/cli/commands";
import { MAX_CELLS, readWorkbookBuffer } from "../../src/xlsx/read";
import { buildPackage, columnLetters, deflatedFast, numberRows, readError, sheetXml, underDeclared } from "./package";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), "pir-limits-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await fs.writeFile(path, bytes);
  return path;
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/**
 * The CLI's answer on a file that must be refused: exit 2, nothing on stdout,
 * one line naming it (after the progress line, when reading took a while);
 * that line's reason.
 */
async function refused(path: string): Promise<string> {
  const r = await cli(["validate", path]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n").filter((l) => !l.startsWith("Reading "));
  expect(lines).toHaveLength(2);
  expect(lines[0].startsWith(`pir-check: ${path}: `)).toBe(true);
  return lines[0].slice(`pir-check: ${path}: `.length);
}

describe("rows and columns a file claims", () => {
  test("cells claiming row 99,999,999 on 11 sheets: a small file, refused, not padded to the claim", async () => {
    const sheets = Array.from({ length: 11 }, (_, i) => ({
      name: `Plan ${i + 1}`,
      xml: `<dimension ref="A1:Z99999999"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="99999999"><c r="Z99999999"><v>2</v></c></row></sheetData>`,
    }));
    const bytes = buildPackage({ sheets });
    expect(bytes.length).toBeLessThan(12 * 1024);
    const path = await write("far-rows.xlsx", bytes);
    expect(await refused(path)).toBe(
      `the sheet "Plan 1" has a cell in row 99,999,999, beyond Excel's last row 1,048,576; the file is damaged or not made by Excel`,
    );
  });

  test("a cell beyond column XFD", async () => {
    const path = await write("far-column.xlsx", buildPackage({ sheets: [{ name: "Wide", xml: `<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>` }] }));
    expect(await refused(path)).toBe(`the sheet "Wide" has a cell in column 16,385, beyond Excel's last column XFD (16,384); the file is damaged or not made by Excel`);
  });

  test("a cell in Excel's very last row and column is read, and the grid stays sparse", async () => {
    const bytes = buildPackage({
      sheets: [{ name: "Corner", xml: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData>` }],
    });
    const grid = await readWorkbookBuffer(bytes, "corner.xlsx");
    const cells = grid.sheets[0].cells;
    expect(cells).toHaveLength(1_048_576);
    expect(cells[1_048_575]![16_383]).toEqual({ value: 2 });
    // Holes, not a million nulls: only the two rows that hold cells exist.
    expect(Object.keys(cells)).toEqual(["0", "1048575"]);
    expect(Object.keys(cells[1_048_575]!)).toEqual(["16383"]);
  });
});

describe("bytes counted as they inflate", () => {
  test("a sheet whose zip directory claims 1 KB but inflates past the limit is stopped at the limit", async () => {
    const xml = Buffer.from(sheetXml(`<sheetData>${numberRows(4000, 20)}</sheetData>`));
    expect(xml.length).toBeGreaterThan(2 * 1024 * 1024);
    const bytes = buildPackage({ sheets: [{ name: "Liar", xml: "" }], extra: [underDeclared("xl/worksheets/sheet1.xml", xml, 1024)] });
    const err = await readError(bytes, { maxUnpackedBytes: 2 * 1024 * 1024 });
    expect(err.reason).toBe("too-large");
    expect(err.message).toBe("hostile.xlsx: the workbook unpacks to more than 2 MB, the limit (its zip directory claims 0 MB)");
    // With room enough, the same file reads: the limit, not the lie, stopped it.
    const grid = await readWorkbookBuffer(bytes, "liar.xlsx", { maxUnpackedBytes: 64 * 1024 * 1024 });
    expect(grid.sheets[0].cells).toHaveLength(4000);
  });

  test("a 3 MB file of zeros claiming a few kB per part: exit 2 naming the file, after at most a few MB inflated", async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const entries = [underDeclared("xl/worksheets/sheet1.xml", zeros, 2048)];
    const path = await write("zeros.xlsx", buildPackage({ sheets: [{ name: "Zeros", xml: "" }], extra: entries }));
    expect((await fs.stat(path)).size).toBeLessThan(3 * 1024 * 1024);
    expect(await refused(path)).toMatch(/^the workbook is damaged and could not be read \(xl\/worksheets\/sheet1\.xml: /);
  });
});

describe("the number of non-empty cells", () => {
  test("is capped by a setting, with a message naming the file and the limit", async () => {
    const bytes = buildPackage({ sheets: [{ name: "Big", xml: `<sheetData>${numberRows(100, 20)}</sheetData>` }] });
    const err = await readError(bytes, { maxCells: 1000 });
    expect(err.reason).toBe("too-large");
    expect(err.message).toBe("hostile.xlsx: the workbook has more than 1,000 non-empty cells, the most this reader takes; split it or remove what is not the budget");
    expect((await readWorkbookBuffer(bytes, "big.xlsx", { maxCells: 2000 })).sheets[0].cells).toHaveLength(100);
  });

  test(`the CLI refuses a sheet of more than ${MAX_CELLS.toLocaleString("en-US")} cells`, async () => {
    // 26 columns × 77,000 rows = 2,002,000 cells, written row by row.
    const rows: string[] = [];
    for (let r = 1; r <= 77_000; r++) {
      let line = `<row r="${r}">`;
      for (let c = 0; c < 26; c++) line += `<c r="${columnLetters(c)}${r}"><v>${c}</v></c>`;
      rows.push(`${line}</row>`);
    }
    const bytes = buildPackage({ sheets: [{ name: "Huge", xml: "" }], extra: [deflatedFast("xl/worksheets/sheet1.xml", sheetXml(`<sheetData>${rows.join("")}</sheetData>`))] });
    const path = await write("huge.xlsx", bytes);
    expect(await refused(path)).toBe("the workbook has more than 2,000,000 non-empty cells, the most this reader takes; split it or remove what is not the budget");
  }, 60_000);
});

describe("damaged packages", () => {
  test("a sheet relationship pointing outside the package", async () => {
    const path = await write("outside.xlsx", buildPackage({ sheets: [{ name: "Escape", xml: "", target: "../../../etc/passwd" }] }));
    expect(await refused(path)).toBe(`the workbook is damaged and could not be read (the sheet "Escape" points outside the workbook (to ../../../etc/passwd))`);
  });

  test("a sheet whose part is not in the package", async () => {
    const path = await write("missing-sheet.xlsx", buildPackage({ sheets: [{ name: "Gone", xml: "<sheetData/>" }], omit: ["xl/worksheets/sheet1.xml"] }));
    expect(await refused(path)).toBe(`the workbook is damaged and could not be read (the sheet "Gone" is missing from the package (xl/worksheets/sheet1.xml))`);
  });

  test("cells using shared strings the package does not have", async () => {
    const xml = `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`;
    const none = await write("no-strings.xlsx", buildPackage({ sheets: [{ name: "Budget", xml }] }));
    expect(await refused(none)).toBe(`the workbook is damaged and could not be read (the sheet "Budget" uses shared strings, but the workbook has none)`);
    const short = await write("short-strings.xlsx", buildPackage({ sheets: [{ name: "Budget", xml: xml.replace("<v>0</v>", "<v>5</v>") }], sharedStrings: ["only one"] }));
    expect(await refused(short)).toBe(`the workbook is damaged and could not be read (the sheet "Budget" uses shared string 5, but the workbook has only 1)`);
  });

  test("a sheet part cut off in the middle of a cell", async () => {
    const xml = sheetXml(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`).slice(0, -40);
    const path = await write("cut.xlsx", buildPackage({ sheets: [{ name: "Cut", xml, raw: true }] }));
    expect(await refused(path)).toBe("the workbook is damaged and could not be read (xl/worksheets/sheet1.xml: the part ends in the middle of an element)");
  });

  test("a workbook that lists no sheets", async () => {
    const path = await write("no-sheets.xlsx", buildPackage({ sheets: [] }));
    expect(await refused(path)).toBe("the workbook is damaged and could not be read (the workbook lists no sheets)");
  });

  test("an OpenDocument spreadsheet renamed to .xlsx", async () => {
    const { writeZip } = await import("../../scripts/make-hostile");
    const ods = writeZip([deflated("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), deflated("content.xml", "<office:document-content/>")]);
    const path = await write("sheet.xlsx", ods);
    expect(await refused(path)).toBe("not an .xlsx workbook (it is an OpenDocument spreadsheet (.ods); open it in Excel or LibreOffice and save it as .xlsx)");
  });
});

test("reading can be cancelled: it stops at the next step and says so", async () => {
  const bytes = buildPackage({ sheets: [{ name: "Big", xml: `<sheetData>${numberRows(2_000, 20)}</sheetData>` }] });
  const signal = { aborted: false };
  const err = await readError(bytes, { signal, onProgress: () => (signal.aborted = true) });
  expect(err.reason).toBe("cancelled");
  expect(err.message).toBe("hostile.xlsx: reading was cancelled");
});

test("progress goes from 0 to all of the parts", async () => {
  const bytes = buildPackage({ sheets: [{ name: "Big", xml: `<sheetData>${numberRows(2_000, 20)}</sheetData>` }] });
  const seen: Array<{ done: number; total: number }> = [];
  await readWorkbookBuffer(bytes, "p.xlsx", { onProgress: (p) => seen.push(p) });
  expect(seen[0].done).toBe(0);
  const last = seen[seen.length - 1];
  expect(last.done).toBe(last.total);
  expect(last.total).toBeGreaterThan(0);
});
