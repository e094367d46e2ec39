/**
 * Builds the hostile-workbook corpus in test/fixtures/hostile/: files a user
 * may hand `pir-check` that are not workbooks it can read — each must give one
 * clear line, never a stack trace (test/hostile/cli-hostile.test.ts).
 *
 * Everything is built from bytes here (no ExcelJS): the point is files that
 * ExcelJS would choke on. The zips are real zips and the OLE files real
 * compound files, so that the reader's detectors are tested on what Excel and
 * Word actually write, not on byte patterns made to match them.
 *
 * One file is a readable workbook on purpose: the seed work plan with a note
 * typed into the sheet's very last row, which must be checked as fast as the
 * plan without it (a million empty rows are no reason to wait).
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";

export const ROOT = path.join(__dirname, "..");
export const HOSTILE_DIR = path.join(ROOT, "test", "fixtures", "hostile");
/** A real workbook to cut in half and to strip of its workbook part. */
export const REAL_WORKBOOK = path.join(ROOT, "examples", "peru-sizd-workplan.xlsx");

/** What each file of the corpus is; the names are the file names. */
export const HOSTILE = {
  missing: "missing.xlsx", // never created
  folder: "folder.xlsx", // a directory
  empty: "empty.xlsx",
  text: "notes.xlsx", // a CSV saved under a workbook's name
  truncated: "truncated.xlsx", // the first half of a real workbook
  encrypted: "locked.xlsx", // OLE compound file: EncryptionInfo + EncryptedPackage
  xls: "old-format.xls", // OLE compound file with a BIFF8 "Workbook" stream
  bomb: "bomb.xlsx", // workbook-shaped zip whose parts inflate to 550 MB
  docx: "report.xlsx", // a Word document renamed
  noWorkbookPart: "no-workbook-part.xlsx", // a real workbook without xl/workbook.xml
} as const;
export type HostileName = keyof typeof HOSTILE;

/** Readable on purpose (see above): the seed work plan with a note in A1048576. */
export const STRAY_LAST_ROW = "stray-last-row.xlsx";

/** The bomb: this many sheet parts of this many zeros each (550 MB, above the 500 MB limit). */
export const BOMB_PARTS = 11;
export const BOMB_PART_BYTES = 50 * 1024 * 1024;

/** Writes the corpus (idempotent; safe when two test files run it at once) and returns each file's path. */
export async function makeHostile(dir = HOSTILE_DIR): Promise<Record<HostileName | "strayLastRow", string>> {
  fs.mkdirSync(dir, { recursive: true });
  const at = (name: HostileName) => path.join(dir, HOSTILE[name]);
  fs.rmSync(at("missing"), { recursive: true, force: true });
  fs.mkdirSync(at("folder"), { recursive: true });
  const real = fs.readFileSync(REAL_WORKBOOK);
  const files: Array<[HostileName, Uint8Array]> = [
    ["empty", new Uint8Array(0)],
    ["text", Buffer.from("Component,Budget,Expenditure\nComponent 1,235000,180000\nPMC,50000,41000\n")],
    ["truncated", real.subarray(0, Math.floor(real.length / 2))],
    ["encrypted", encryptedWorkbook()],
    ["xls", legacyWorkbook()],
    ["bomb", zipBomb()],
    ["docx", wordDocument()],
    ["noWorkbookPart", withoutEntry(real, "xl/workbook.xml")],
  ];
  for (const [name, bytes] of files) writeAtomically(at(name), bytes);
  writeAtomically(path.join(dir, STRAY_LAST_ROW), withStrayLastRow(real));
  const paths = Object.fromEntries((Object.keys(HOSTILE) as HostileName[]).map((n) => [n, at(n)])) as Record<HostileName, string>;
  return { ...paths, strayLastRow: path.join(dir, STRAY_LAST_ROW) };
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  if (fs.existsSync(file) && fs.statSync(file).isFile() && fs.readFileSync(file).equals(bytes)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

// ---------------------------------------------------------------------------
// Zips

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc: number;
  size: number;
  data: Uint8Array;
}

export function deflated(name: string, content: Uint8Array | string): ZipEntry {
  const raw = typeof content === "string" ? Buffer.from(content) : content;
  return { name, method: 8, crc: zlib.crc32(raw), size: raw.length, data: zlib.deflateRawSync(raw, { level: 9 }) };
}

/** A zip of the given entries with local headers, central directory and end record, dated 1 Jan 1980. */
export function writeZip(entries: ZipEntry[]): Buffer {
  // The fields a local header and its central-directory entry share, in the same order.
  const common = (b: Buffer, at: number, e: ZipEntry, nameLength: number) => {
    b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
    b.writeUInt16LE(0x0800, at + 2); // names are UTF-8
    b.writeUInt16LE(e.method, at + 4);
    b.writeUInt16LE(0x0021, at + 8); // date: 1980-01-01, time 00:00
    b.writeUInt32LE(e.crc >>> 0, at + 10);
    b.writeUInt32LE(e.data.length, at + 14);
    b.writeUInt32LE(e.size, at + 18);
    b.writeUInt16LE(nameLength, at + 22);
  };
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4, e, name.length);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4); // made by 2.0
    common(head, 6, e, name.length);
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    central.push(head, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The entries of a zip as stored (still compressed), read through its central directory. */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = zip.readUInt16LE(p + 10);
    if (method !== 0 && method !== 8) throw new Error(`unsupported compression ${method}`);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    out.push({
      name: zip.toString("utf8", p + 46, p + 46 + nameLength),
      method,
      crc: zip.readUInt32LE(p + 16),
      size: zip.readUInt32LE(p + 24),
      data: zip.subarray(dataAt, dataAt + compressed),
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** The first sheet of a real workbook with an inline-text note in A1048576, the last row Excel has. */
function withStrayLastRow(xlsx: Buffer): Buffer {
  const sheet = "xl/worksheets/sheet1.xml";
  return writeZip(
    readZipEntries(xlsx).map((e) => {
      if (e.name !== sheet) return e;
      const xml = (e.method === 8 ? zlib.inflateRawSync(e.data) : Buffer.from(e.data)).toString("utf8");
      if (!xml.includes("</sheetData>")) throw new Error(`${sheet} has no sheetData`);
      const note = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>checked</t></is></c></row>';
      const edited = xml.replace(/<dimension ref="([A-Z]+)\d+:([A-Z]+)\d+"\/>/, '<dimension ref="A1:$21048576"/>').replace("</sheetData>", `${note}</sheetData>`);
      return deflated(sheet, edited);
    }),
  );
}

/** A real workbook with one part left out: every other part is copied as stored. */
function withoutEntry(xlsx: Buffer, name: string): Buffer {
  const entries = readZipEntries(xlsx);
  if (!entries.some((e) => e.name === name)) throw new Error(`${REAL_WORKBOOK} has no ${name}`);
  return writeZip(entries.filter((e) => e.name !== name));
}

const CONTENT_TYPES_XLSX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

/**
 * A workbook-shaped zip whose sheet parts are long runs of zeros: deflate
 * packs each 50 MB part into about 50 kB, so the 550 MB of parts fit in a
 * file of about half a megabyte. One deflated run serves every part.
 */
function zipBomb(): Buffer {
  const zeros = Buffer.alloc(BOMB_PART_BYTES);
  const crc = zlib.crc32(zeros);
  const data = zlib.deflateRawSync(zeros, { level: 9 });
  const sheets: ZipEntry[] = [];
  for (let i = 1; i <= BOMB_PARTS; i++) sheets.push({ name: `xl/worksheets/sheet${i}.xml`, method: 8, crc, size: zeros.length, data });
  return writeZip([
    deflated("[Content_Types].xml", CONTENT_TYPES_XLSX),
    deflated("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'),
    ...sheets,
  ]);
}

/** The parts Word writes for a one-paragraph document. */
function wordDocument(): Buffer {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return writeZip([
    deflated(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflated(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    deflated("word/document.xml", `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>PIR 2022: financial implementation</w:t></w:r></w:p></w:body></w:document>`),
  ]);
}

// ---------------------------------------------------------------------------
// OLE compound files (MS-CFB, version 3: 512-byte sectors)

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const SECTOR = 512;
/** Streams below this size live in the mini stream; ours are all at least this long, so none does. */
export const MINI_STREAM_CUTOFF = 4096;

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

/** A compound file holding the given streams under its root storage. */
export function compoundFile(streams: CfbStream[]): Buffer {
  for (const s of streams) if (s.data.length < MINI_STREAM_CUTOFF) throw new Error(`${s.name}: streams here must be ≥ ${MINI_STREAM_CUTOFF} bytes`);
  const dirSectors = Math.ceil((streams.length + 1) / 4);
  const dataSectors = streams.map((s) => Math.ceil(s.data.length / SECTOR));
  const used = dirSectors + dataSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * 128 < used + fatSectors) fatSectors++;
  const total = fatSectors + used;
  const fat = new Array<number>(fatSectors * 128).fill(FREESECT);
  const chain = (first: number, count: number) => {
    for (let i = 0; i < count; i++) fat[first + i] = i === count - 1 ? ENDOFCHAIN : first + i + 1;
  };
  for (let i = 0; i < fatSectors; i++) fat[i] = FATSECT;
  chain(fatSectors, dirSectors);
  const starts: number[] = [];
  let next = fatSectors + dirSectors;
  dataSectors.forEach((n) => {
    starts.push(next);
    chain(next, n);
    next += n;
  });

  const out = Buffer.alloc(SECTOR * (total + 1));
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  out.writeUInt16LE(0x003e, 24); // minor version
  out.writeUInt16LE(0x0003, 26); // major version 3
  out.writeUInt16LE(0xfffe, 28); // little-endian
  out.writeUInt16LE(9, 30); // 2^9 = 512-byte sectors
  out.writeUInt16LE(6, 32); // 64-byte mini sectors
  out.writeUInt32LE(fatSectors, 44);
  out.writeUInt32LE(fatSectors, 48); // first directory sector
  out.writeUInt32LE(MINI_STREAM_CUTOFF, 56);
  out.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  out.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i < fatSectors ? i : FREESECT, 76 + 4 * i);
  const sectorAt = (n: number) => SECTOR * (n + 1);
  fat.forEach((v, i) => out.writeUInt32LE(v >>> 0, sectorAt(0) + 4 * i)); // FAT sectors are contiguous from 0

  const dir = sectorAt(fatSectors);
  const tree = childTree(streams.map((s) => s.name));
  // Stream i is directory entry i + 1 (entry 0 is the root).
  const entryId = (stream: number) => (stream < 0 ? NOSTREAM : stream + 1);
  directoryEntry(out, dir, "Root Entry", 5, true, NOSTREAM, NOSTREAM, entryId(tree.root), ENDOFCHAIN, 0);
  streams.forEach((s, i) => {
    const node = tree.nodes[i];
    directoryEntry(out, dir + 128 * (i + 1), s.name, 2, node.black, entryId(node.left), entryId(node.right), NOSTREAM, starts[i], s.data.length);
    out.set(s.data, sectorAt(starts[i]));
  });
  for (let i = streams.length + 1; i < dirSectors * 4; i++) {
    const e = dir + 128 * i;
    out.writeUInt32LE(NOSTREAM, e + 68);
    out.writeUInt32LE(NOSTREAM, e + 72);
    out.writeUInt32LE(NOSTREAM, e + 76);
  }
  return out;
}

function directoryEntry(
  out: Buffer, at: number, name: string, type: 2 | 5, black: boolean,
  left: number, right: number, child: number, start: number, size: number,
): void {
  out.write(name, at, "utf16le");
  out.writeUInt16LE((name.length + 1) * 2, at + 64);
  out.writeUInt8(type, at + 66);
  out.writeUInt8(black ? 1 : 0, at + 67);
  out.writeUInt32LE(left >>> 0, at + 68);
  out.writeUInt32LE(right >>> 0, at + 72);
  out.writeUInt32LE(child >>> 0, at + 76);
  out.writeUInt32LE(start >>> 0, at + 116);
  out.writeUInt32LE(size, at + 120);
}

/**
 * The siblings of a storage form a red-black tree ordered by name length,
 * then upper-cased name. A balanced tree whose deepest level is red keeps
 * the black height equal on every path. Indexes are into `names`; -1 is none.
 */
function childTree(names: string[]): { root: number; nodes: Array<{ left: number; right: number; black: boolean }> } {
  const order = names.map((_, i) => i).sort((a, b) => names[a].length - names[b].length || (names[a].toUpperCase() < names[b].toUpperCase() ? -1 : 1));
  const nodes = names.map(() => ({ left: -1, right: -1, black: true, depth: 0 }));
  const build = (lo: number, hi: number, depth: number): number => {
    if (lo > hi) return -1;
    const mid = (lo + hi) >> 1;
    const i = order[mid];
    nodes[i].depth = depth;
    nodes[i].left = build(lo, mid - 1, depth + 1);
    nodes[i].right = build(mid + 1, hi, depth + 1);
    return i;
  };
  const root = build(0, order.length - 1, 0);
  const deepest = Math.max(...nodes.map((n) => n.depth));
  for (const n of nodes) n.black = deepest === 0 || n.depth < deepest;
  return { root, nodes };
}

/** Deterministic filler that looks like ciphertext. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** What Excel writes for a password-protected .xlsx: agile EncryptionInfo, then the encrypted zip. */
function encryptedWorkbook(): Buffer {
  const info = Buffer.alloc(MINI_STREAM_CUTOFF);
  info.writeUInt16LE(4, 0); // version 4.4: agile encryption
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>', 8, "latin1");
  const pkg = Buffer.alloc(8 * 1024);
  pkg.writeUInt32LE(7_000, 0); // the decrypted package's size, then ciphertext
  pkg.set(noise(pkg.length - 8, 9206), 8);
  return compoundFile([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: pkg },
  ]);
}

/** An Excel 97-2003 file: a "Workbook" stream of BIFF8 records, starting with BOF and ending with EOF. */
function legacyWorkbook(): Buffer {
  const biff = Buffer.alloc(MINI_STREAM_CUTOFF);
  biff.writeUInt16LE(0x0809, 0); // BOF
  biff.writeUInt16LE(16, 2);
  biff.writeUInt16LE(0x0600, 4); // BIFF8
  biff.writeUInt16LE(0x0005, 6); // workbook globals
  const eof = 4 + 16;
  biff.writeUInt16LE(0x000a, eof); // EOF record, length 0
  return compoundFile([{ name: "Workbook", data: biff }]);
}

if (require.main === module) {
  makeHostile().then(
    (paths) => console.log(`hostile corpus written to ${path.relative(process.cwd(), HOSTILE_DIR)}: ${Object.keys(paths).length} cases`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
