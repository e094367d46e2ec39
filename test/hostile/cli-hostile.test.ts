/**
 * The hostile-workbook corpus (scripts/make-hostile.ts) through the real CLI,
 * end to end from files on disk: every file that is not a workbook we can
 * read gives exactly one line on stderr naming it, nothing on stdout, exit 2
 * — and no input is ever written, whatever the command.
 */
import { createHash } from "crypto";
import { promises as fs, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import zlib from "zlib";
import { BOMB_PARTS, BOMB_PART_BYTES, HOSTILE, makeHostile, readZipEntries, type HostileName } from "../../scripts/make-hostile";
import { main } from "../../src/cli/commands";
import { readZipDirectory } from "../../src/xlsx/read";

const ROOT = join(__dirname, "..", "..");
const GENERATED = join(ROOT, "test", "fixtures", "generated");
const EXAMPLES = ["peru-sizd-workplan.xlsx", "peru-sizd-budget.xlsx"].map((f) => join(ROOT, "examples", f));

/** What the user reads after "pir-check: <path>: ", for each file of the corpus. */
const EXPECTED: Record<HostileName, string> = {
  missing: "file not found",
  folder: "this is a folder, not a workbook file",
  empty: "the file is empty",
  text: "not an .xlsx workbook (it is a text file, perhaps a CSV)",
  truncated: "the workbook is damaged or truncated and could not be read",
  encrypted: "the workbook is password-protected; remove the password in Excel (File › Info › Protect Workbook) and try again",
  xls: "this is an old Excel 97-2003 .xls file; open it in Excel and save it as .xlsx",
  bomb: "the workbook would unpack to 550 MB, above the limit of 500 MB",
  docx: "not an .xlsx workbook (it is a Word document)",
  noWorkbookPart: "not an .xlsx workbook (it is a zip archive without a workbook inside)",
};
const NAMES = Object.keys(HOSTILE) as HostileName[];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** sha256 of every regular file among `paths` (a missing file or a folder has none). */
async function fingerprints(paths: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isFile()) out[p] = createHash("sha256").update(await fs.readFile(p)).digest("hex");
  }
  return out;
}

let paths: Record<HostileName | "strayLastRow", string>;
let out: string;
beforeAll(async () => {
  paths = await makeHostile();
  out = await fs.mkdtemp(join(tmpdir(), "pir-hostile-"));
}, 30_000);
afterAll(async () => {
  await fs.rm(out, { recursive: true, force: true });
});

describe.each(NAMES)("%s", (name) => {
  test("validate: one line naming the file, nothing on stdout, exit 2, the file unchanged", async () => {
    const before = await fingerprints([paths[name]]);
    for (const argv of [["validate", paths[name]], ["validate", "--json", paths[name]]]) {
      const r = await run(argv);
      expect(r).toEqual({ code: 2, stdout: "", stderr: `pir-check: ${paths[name]}: ${EXPECTED[name]}\n` });
      expect(r.stderr.split("\n")).toHaveLength(2); // one line and its newline
    }
    expect(await fingerprints([paths[name]])).toEqual(before);
  });

  test("tables --out: the same line, and nothing is written", async () => {
    const target = join(out, `${name}-pir.xlsx`);
    const inputs = [paths[name], EXAMPLES[1]];
    const before = await fingerprints(inputs);
    const r = await run(["tables", "--out", target, ...inputs]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `pir-check: ${paths[name]}: ${EXPECTED[name]}\n` });
    await expect(fs.stat(target)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await fingerprints(inputs)).toEqual(before);
  });
});

test("the whole corpus at once: one line per file, in the order given, and the good workbook among them is not reported", async () => {
  const files = [EXAMPLES[0], ...NAMES.map((n) => paths[n])];
  const r = await run(["validate", ...files]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(NAMES.map((n) => `pir-check: ${paths[n]}: ${EXPECTED[n]}\n`).join(""));
});

test("a note in the last of a million rows: the same report as without it, in seconds, not the minutes a pass per row would take", async () => {
  const before = await fingerprints([paths.strayLastRow]);
  const started = performance.now();
  const stray = await run(["validate", "--json", "--period", "FY22", paths.strayLastRow]);
  expect(performance.now() - started).toBeLessThan(10_000);
  const plain = await run(["validate", "--json", "--period", "FY22", EXAMPLES[0]]);
  expect(stray.stderr).toBe("");
  expect(stray.code).toBe(plain.code);
  expect(stray.stdout).toBe(plain.stdout.split(JSON.stringify(EXAMPLES[0])).join(JSON.stringify(paths.strayLastRow)));
  expect(await fingerprints([paths.strayLastRow])).toEqual(before);
}, 30_000);

describe("the corpus is what it claims to be", () => {
  test("the zip bomb is a real zip that inflates past the limit, refused from its directory in well under a second", async () => {
    const bytes = await fs.readFile(paths.bomb);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const dir = readZipDirectory(bytes)!;
    expect(dir.names).toContain("xl/workbook.xml");
    expect(dir.unpackedBytes).toBeGreaterThan(500 * 1024 * 1024);
    // One part really inflates to its declared size, with the declared CRC.
    const part = readZipEntries(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const inflated = zlib.inflateRawSync(part.data);
    expect(inflated.length).toBe(BOMB_PART_BYTES);
    expect(zlib.crc32(inflated) >>> 0).toBe(part.crc >>> 0);
    expect(BOMB_PARTS * BOMB_PART_BYTES).toBe(550 * 1024 * 1024);
    // Inflating 550 MB takes seconds and half a gigabyte; reading the directory takes milliseconds.
    const started = performance.now();
    const r = await run(["validate", paths.bomb]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.stderr).toMatch(/above the limit of 500 MB\n$/);
  });

  test("the password-protected and .xls files are compound files whose directories name their streams", async () => {
    expect(compoundFileStreams(await fs.readFile(paths.encrypted))).toEqual([
      { name: "EncryptionInfo", size: 4096 },
      { name: "EncryptedPackage", size: 8192 },
    ]);
    const xls = await fs.readFile(paths.xls);
    expect(compoundFileStreams(xls)).toEqual([{ name: "Workbook", size: 4096 }]);
    // The Workbook stream (sector 2: after the FAT and the directory) opens with a BIFF8 BOF record.
    expect([xls.readUInt16LE(512 * 3), xls.readUInt16LE(512 * 3 + 4)]).toEqual([0x0809, 0x0600]);
  });

  test("the truncated file is the first half of a real workbook; the stripped one lacks only its workbook part", async () => {
    const real = await fs.readFile(EXAMPLES[0]);
    const truncated = await fs.readFile(paths.truncated);
    expect(truncated.equals(real.subarray(0, Math.floor(real.length / 2)))).toBe(true);
    const names = (b: Buffer) => readZipEntries(b).map((e) => e.name);
    expect(names(await fs.readFile(paths.noWorkbookPart))).toEqual(names(real).filter((n) => n !== "xl/workbook.xml"));
    expect(names(await fs.readFile(paths.docx))).toContain("word/document.xml");
    const stray = readZipEntries(await fs.readFile(paths.strayLastRow)).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(zlib.inflateRawSync(stray.data).toString("utf8")).toMatch(/<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>checked<\/t><\/is><\/c><\/row><\/sheetData>/);
  });
});

test("real workbooks: validate and tables --out never write their inputs", async () => {
  const inputs = [...readdirSync(GENERATED).filter((f) => f.endsWith(".xlsx")).map((f) => join(GENERATED, f)), ...EXAMPLES];
  expect(inputs.length).toBeGreaterThanOrEqual(12);
  const before = await fingerprints(inputs);
  expect(Object.keys(before)).toHaveLength(inputs.length);
  for (const input of inputs) {
    const v = await run(["validate", "--period", "FY22", input]);
    expect([0, 1]).toContain(v.code);
    expect(v.stderr).toBe("");
    const target = join(out, `pir-${inputs.indexOf(input)}.xlsx`);
    const t = await run(["tables", "--period", "FY22", "--out", target, input]);
    expect(t.stderr).toBe("");
    expect(t.stdout.split("\n")[0]).toBe(`Wrote the PIR tables to ${target}`);
    expect((await fs.stat(target)).size).toBeGreaterThan(0);
  }
  expect(await fingerprints(inputs)).toEqual(before);
}, 60_000);

/**
 * Lists the streams under a compound file's root by reading it as any OLE
 * reader does: header → FAT → directory chain → red-black tree of entries.
 */
function compoundFileStreams(b: Buffer): Array<{ name: string; size: number }> {
  expect(b.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
  expect(b.readUInt16LE(28)).toBe(0xfffe);
  const sector = 1 << b.readUInt16LE(30);
  const at = (n: number) => sector * (n + 1);
  const fat: number[] = [];
  for (let i = 0; i < b.readUInt32LE(44); i++) {
    const s = b.readUInt32LE(76 + 4 * i);
    for (let j = 0; j < sector / 4; j++) fat.push(b.readUInt32LE(at(s) + 4 * j));
  }
  const chain = (first: number): number[] => {
    const out: number[] = [];
    for (let s = first; s !== 0xfffffffe; s = fat[s]) {
      if (out.length > fat.length || s >= fat.length) throw new Error(`broken sector chain at ${s}`);
      out.push(s);
    }
    return out;
  };
  const entries = chain(b.readUInt32LE(48)).flatMap((s) => [0, 1, 2, 3].map((k) => at(s) + 128 * k));
  const entry = (id: number) => {
    const e = entries[id];
    const name = b.toString("utf16le", e, e + b.readUInt16LE(e + 64) - 2);
    return { name, type: b[e + 66], left: b.readUInt32LE(e + 68), right: b.readUInt32LE(e + 72), child: b.readUInt32LE(e + 76), start: b.readUInt32LE(e + 116), size: b.readUInt32LE(e + 120) };
  };
  expect(entry(0)).toMatchObject({ name: "Root Entry", type: 5 });
  const found: Array<{ name: string; size: number }> = [];
  const walk = (id: number) => {
    if (id === 0xffffffff) return;
    const e = entry(id);
    walk(e.left);
    expect(e.type).toBe(2);
    // A stream's sector chain holds exactly its bytes.
    expect(chain(e.start)).toHaveLength(Math.ceil(e.size / sector));
    found.push({ name: e.name, size: e.size });
    walk(e.right);
  };
  walk(entry(0).child);
  return found;
}
