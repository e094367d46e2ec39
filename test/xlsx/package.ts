/**
 * Hand-built .xlsx packages for the reader's tests: each part written as the
 * XML Excel would (or, for the hostile ones, as an attacker would), zipped
 * with make-hostile's zip writer. Real zips, real XML; no ExcelJS involved,
 * so the files can hold what ExcelJS never writes.
 */
import zlib from "zlib";
import { columnName } from "../../src/core/grid";
import { deflated, writeZip, type ZipEntry } from "../../scripts/make-hostile";
import { WorkbookReadError, readWorkbookBuffer, type ReadOptions } from "../../src/xlsx/read";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  name: string;
  /** The <sheetData> contents and anything after it (mergeCells…); or the whole part when `raw`. */
  xml: string;
  raw?: boolean;
  state?: "hidden" | "veryHidden";
  /** Where the workbook's relationship points; default worksheets/sheetN.xml. */
  target?: string;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  /** The whole styles part. */
  styles?: string;
  date1904?: boolean;
  /** Replace or add parts as they are. */
  extra?: ZipEntry[];
  /** Leave these part names out. */
  omit?: string[];
}

export function sheetXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${body}</worksheet>`;
}

export function buildPackage(spec: PackageSpec): Buffer {
  const rels: string[] = [];
  const parts: ZipEntry[] = [];
  const sheets = spec.sheets.map((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target}"/>`);
    if (!s.target) parts.push(deflated(`xl/${target}`, s.raw ? s.xml : sheetXml(s.xml)));
    return `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`;
  });
  if (spec.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
    const body =
      typeof spec.sharedStrings === "string" ? spec.sharedStrings : spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("");
    parts.push(deflated("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN_NS}">${body}</sst>`));
  }
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/>`);
    parts.push(deflated("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN_NS}">${spec.styles}</styleSheet>`));
  }
  const all: ZipEntry[] = [
    deflated(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
    ),
    deflated("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets.join("")}</sheets></workbook>`,
    ),
    deflated("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL_NS}">${rels.join("")}</Relationships>`),
    ...parts,
  ];
  const byName = new Map(all.map((e) => [e.name, e]));
  for (const e of spec.extra ?? []) byName.set(e.name, e);
  for (const name of spec.omit ?? []) byName.delete(name);
  return writeZip([...byName.values()]);
}

/** A deflated entry whose directory claims `claimedSize` bytes, whatever it really inflates to. */
export function underDeclared(name: string, content: Buffer, claimedSize: number): ZipEntry {
  return { name, method: 8, crc: zlib.crc32(content), size: claimedSize, data: zlib.deflateRawSync(content, { level: 9 }) };
}

/** A deflated entry packed quickly (level 1), for the big generated sheets. */
export function deflatedFast(name: string, content: string | Buffer): ZipEntry {
  const raw = typeof content === "string" ? Buffer.from(content) : content;
  return { name, method: 8, crc: zlib.crc32(raw), size: raw.length, data: zlib.deflateRawSync(raw, { level: 1 }) };
}

/** `<row r="n"><c r="An"><v>n</v></c>…</row>` for `rows` rows of `cols` numbers. */
export function numberRows(rows: number, cols: number, firstRow = 1): string {
  const out: string[] = [];
  for (let r = firstRow; r < firstRow + rows; r++) {
    let line = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) line += `<c r="${columnLetters(c)}${r}"><v>${r * 100 + c}</v></c>`;
    out.push(`${line}</row>`);
  }
  return out.join("");
}

/** 0 → "A": the engine's own column naming. */
export const columnLetters = columnName;

/** The reader's refusal of a package, which a test expects; a read that succeeds fails the test. */
export async function readError(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookReadError> {
  try {
    await readWorkbookBuffer(bytes, "hostile.xlsx", options);
  } catch (err) {
    if (err instanceof WorkbookReadError) return err;
    throw err;
  }
  throw new Error("read without error");
}
