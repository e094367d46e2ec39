import type { Settings } from "../../src/core/settings";
import { createHash } from "crypto";
import { spawnSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import { tmpdir } from "os";
import { basename, dirname, join, relative } from "path";
import { main, readFailure, temporaryName } from "../../src/cli/commands";
import type { CliDeps } from "../../src/cli/commands";
import type { CheckResult } from "../../src/core/check";
import type { Finding } from "../../src/core/model";
import { reportSchema } from "../../src/core/model";
import { readWorkbookFile } from "../../src/xlsx/read-file";

const ROOT = join(__dirname, "..", "..");
const WORKPLAN = join(ROOT, "examples", "peru-sizd-workplan.xlsx");
const BUDGET = join(ROOT, "examples", "peru-sizd-budget.xlsx");
const GENERATED = join(ROOT, "test", "fixtures", "generated");
const CLEAN = [join(GENERATED, "workplan-clean.xlsx"), join(GENERATED, "budget-clean.xlsx")];
const CAP_PMC = join(GENERATED, "cap-pmc.xlsx");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], deps: Partial<CliDeps> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } }, deps);
  return { code, stdout, stderr };
}

async function sha256(path: string): Promise<string> {
  return createHash("sha256").update(await fs.readFile(path)).digest("hex");
}

const SUMMARY = /^(\d+) errors?, (\d+) warnings?, (\d+) notes? in (\d+) workbooks?$/;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), "pir-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("help, version and usage mistakes", () => {
  test.each([[["--help"]], [["-h"]], [["help"]]])("%j prints the usage on stdout and exits 0", async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pir-check validate .*<file\.xlsx>\.\.\./);
    expect(r.stdout).toMatch(/pir-check tables --out <out\.xlsx>/);
    expect(r.stderr).toBe("");
  });

  test("help for one command", async () => {
    for (const argv of [["help", "tables"], ["tables", "--help"]]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: pir-check tables --out <out\.xlsx>/);
    }
  });

  test("--version prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  test.each([
    [[], "pir-check: no command given"],
    [["frobnicate", WORKPLAN], 'pir-check: unknown command "frobnicate"'],
    [["--frob"], "pir-check: unknown option --frob"],
    [["validate", "--frob", WORKPLAN], "pir-check: unknown option --frob"],
    [["validate", "--json", "--out", "x.xlsx", WORKPLAN], "pir-check: unknown option --out"],
    [["validate"], "pir-check: no workbook given"],
    [["validate", WORKPLAN, "--period"], "pir-check: option --period needs a value"],
    [["tables", WORKPLAN], "pir-check: --out <out.xlsx> is required"],
  ])("%j → usage on stderr, exit 2", async (argv, first) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(first);
    expect(r.stderr).toMatch(/Usage:/);
  });

  test.each([
    [["--period", "2022"], 'pir-check: --period: period must look like "FY22" (July 2021 – June 2022)'],
    [["--tolerance", "abc"], 'pir-check: --tolerance must be a number such as 0.5, not "abc"'],
    [["--tolerance=-3"], 'pir-check: --tolerance must be a number such as 0.5, not "-3"'],
    [["--pmc-cap", "2"], "pir-check: --pmc-cap: must be at most 1"],
    [["--pmc-cap", "150%"], "pir-check: --pmc-cap: must be at most 1"],
    [["--lang", "fr"], 'pir-check: --lang must be "en" or "es", not "fr"'],
  ])("a bad setting %j is one line on stderr, exit 2", async (flags, line) => {
    const r = await run(["validate", ...flags, WORKPLAN]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `${line}\n` });
  });
});

describe("validate", () => {
  test("the seed's two workbooks: a readable report whose summary counts the findings", async () => {
    const r = await run(["validate", "--period", "FY22", WORKPLAN, BUDGET]);
    const json = await run(["validate", "--json", "--period", "FY22", WORKPLAN, BUDGET]);
    const report = reportSchema.parse(JSON.parse(json.stdout));
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Reporting period: FY22 (1 July 2021 – 30 June 2022)");
    expect(lines[2]).toBe(WORKPLAN);
    expect(lines).toContain(BUDGET);
    expect(lines).toContain(`  Financial implementation: budget table ${report.files[1].sheets[0].tables[0].range} · 5 components`);
    const summary = SUMMARY.exec(lines[lines.length - 1]);
    expect(summary).not.toBeNull();
    const count = (s: Finding["severity"]) => report.findings.filter((f) => f.severity === s).length;
    expect(summary!.slice(1).map(Number)).toEqual([count("error"), count("warning"), count("info"), 2]);
    // Every finding is one line naming its rule, file › sheet!cell and message.
    for (const f of report.findings) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^    ${f.rule} +${escape(`${f.file} › ${f.sheet}!${f.cell}`)}  `)));
    }
    // Errors come before warnings, and the exit code says whether there were errors.
    expect(lines.indexOf(`Errors (${count("error")})`)).toBeLessThan(lines.indexOf(`Warnings (${count("warning")})`));
    expect(r.code).toBe(count("error") > 0 ? 1 : 0);
    expect(r.stderr).toBe("");
  });

  test("--json prints exactly the report, which parses with reportSchema", async () => {
    const r = await run(["validate", "--json", "--period", "FY22", ...CLEAN]);
    expect(r.stderr).toBe("");
    expect(r.stdout.endsWith("}\n")).toBe(true);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.files.map((f) => f.file)).toEqual(CLEAN);
    expect(report.files[0].sheets[0].tables[0].kind).toBe("workplan");
    expect(r.code).toBe(report.findings.some((f) => f.severity === "error") ? 1 : 0);
  });

  test("exit 0 without errors, 1 with: the PMC cap is the --pmc-cap given", async () => {
    const strict = await run(["validate", "--json", "--pmc-cap", "5%", CAP_PMC]);
    const loose = await run(["validate", "--json", CAP_PMC]);
    const caps = (r: Run) => reportSchema.parse(JSON.parse(r.stdout)).findings.filter((f) => f.rule === "cap.pmc");
    expect(caps(strict)).toHaveLength(1);
    expect(strict.code).toBe(1);
    expect(caps(loose)).toHaveLength(0);
    expect(loose.code).toBe(0);
  });

  test("the exit code follows the severities the engine reports", async () => {
    const only = (severity: Finding["severity"]) => async (grids: unknown[], settings: Settings): Promise<CheckResult> => {
      const finding: Finding = {
        rule: "sum.total",
        severity,
        file: "a.xlsx",
        sheet: "Plan",
        cell: "C9",
        component: null,
        output: null,
        period: null,
        expected: 10,
        actual: 11,
        message: "Total is off by 1.",
      };
      return { recognitions: [], tables: [], findings: [finding], report: { files: [], findings: [finding] }, settings };
    };
    expect((await run(["validate", WORKPLAN], { check: only("warning") })).code).toBe(0);
    expect((await run(["validate", WORKPLAN], { check: only("info") })).code).toBe(0);
    const failing = await run(["validate", WORKPLAN], { check: only("error") });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("    sum.total  a.xlsx › Plan!C9  Total is off by 1.");
  });

  test("unreadable inputs: one line per bad file on stderr, nothing on stdout, exit 2", async () => {
    const missing = join(dir, "missing.xlsx");
    const empty = join(dir, "empty.xlsx");
    await fs.writeFile(empty, "");
    const r = await run(["validate", "--json", missing, WORKPLAN, empty]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`pir-check: ${missing}: file not found\npir-check: ${empty}: the file is empty\n`);
  });

  test("an engine failure is one line, never a stack trace", async () => {
    const r = await run(["validate", WORKPLAN], {
      check: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'rows')\n    at recognize (recognize.ts:1:1)");
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pir-check: internal error: Cannot read properties of undefined (reading 'rows') at recognize (recognize.ts:1:1)\n");
  });

  test("the same workbook twice is refused", async () => {
    const r = await run(["validate", WORKPLAN, relative(process.cwd(), WORKPLAN)]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `pir-check: ${relative(process.cwd(), WORKPLAN)} is given twice\n` });
  });
});

describe("tables", () => {
  test("writes a readable PIR workbook to --out and leaves the inputs as they were", async () => {
    const before = [await sha256(WORKPLAN), await sha256(BUDGET)];
    const out = join(dir, "pir.xlsx");
    const r = await run(["tables", "--period", "FY22", "--out", out, WORKPLAN, BUDGET]);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`Wrote the PIR tables to ${out}`);
    expect(lines[1]).toMatch(SUMMARY);
    expect(r.code).toBe(Number(SUMMARY.exec(lines[1])![1]) > 0 ? 1 : 0);
    const written = await readWorkbookFile(out);
    expect(written.sheets.length).toBeGreaterThan(0);
    expect([await sha256(WORKPLAN), await sha256(BUDGET)]).toEqual(before);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("refuses an --out that is one of the inputs, however it is spelled", async () => {
    const copy = join(dir, "plan.xlsx");
    await fs.copyFile(WORKPLAN, copy);
    const link = join(dir, "link.xlsx");
    await fs.symlink(copy, link);
    const before = await sha256(copy);
    for (const out of [copy, join(dir, ".", "sub", "..", "plan.xlsx"), link]) {
      const r = await run(["tables", "--out", out, copy, BUDGET]);
      expect(r).toEqual({ code: 2, stdout: "", stderr: `pir-check: --out ${out} is one of the input workbooks; choose another file to write\n` });
    }
    expect(await sha256(copy)).toBe(before);
  });

  test("a failed write leaves neither the output nor a temporary file", async () => {
    const sub = await fs.mkdtemp(join(dir, "fail-"));
    const out = join(sub, "pir.xlsx");
    const r = await run(["tables", "--out", out, WORKPLAN, BUDGET], {
      writeWorkbook: async () => {
        throw new Error("writer exploded");
      },
    });
    expect(r).toEqual({ code: 2, stdout: "", stderr: "pir-check: internal error: writer exploded\n" });
    expect(await fs.readdir(sub)).toEqual([]);
  });

  test("an --out in a folder that does not exist is one line, exit 2", async () => {
    const out = join(dir, "no-such-folder", "pir.xlsx");
    const r = await run(["tables", "--out", out, ...CLEAN]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `pir-check: cannot write ${out}: its folder does not exist\n` });
  });

  test("an unreadable input stops before anything is written", async () => {
    const out = join(dir, "never.xlsx");
    const text = join(dir, "notes.xlsx");
    await fs.writeFile(text, "just some notes\n");
    const r = await run(["tables", "--out", out, text, BUDGET]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pir-check: ${text}: not an .xlsx workbook (it is a text file, perhaps a CSV)\n`);
    await expect(fs.stat(out)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

test("the executable sets the process exit code and prints no stack trace", () => {
  const missing = join(dir, "gone.xlsx");
  const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", join(ROOT, "src", "cli", "pir-check.ts"), "validate", missing], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json") },
  });
  expect(child.status).toBe(2);
  expect(child.stdout).toBe("");
  expect(child.stderr).toBe(`pir-check: ${missing}: file not found\n`);
}, 30_000);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("the findings sheet links to the source cells from wherever --out puts it", async () => {
  const dir = await fs.mkdtemp(join(tmpdir(), "pir-links-"));
  const out = join(dir, "nested", "pir.xlsx");
  await fs.mkdir(join(dir, "nested"));
  // The inputs are named relative to the working directory, the output lives elsewhere.
  await run(["tables", "--period", "FY22", "--out", out, relative(process.cwd(), BUDGET), relative(process.cwd(), WORKPLAN)]);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const targets: string[] = [];
  wb.getWorksheet("Findings")!.eachRow((row) => row.eachCell((c) => {
    const v = c.value as { hyperlink?: string } | null;
    if (v && typeof v === "object" && v.hyperlink) targets.push(v.hyperlink);
  }));
  expect(targets.length).toBe(23);
  for (const t of targets) {
    const file = t.slice(0, t.indexOf("#"));
    expect([BUDGET, WORKPLAN]).toContain(join(dirname(out), file));
  }
});

describe("--out is a new or regular file, and an input is never read twice", () => {
  test.each([
    ["-", "pir-check: --out - would write to the terminal; give a file name such as pir-tables.xlsx\n"],
    ["/dev/null", "pir-check: --out /dev/null is not a regular file (a device, a pipe or a socket); give a file name such as pir-tables.xlsx\n"],
  ])("--out %s is refused, exit 2", async (out, stderr) => {
    expect(await run(["tables", "--out", out, ...CLEAN])).toEqual({ code: 2, stdout: "", stderr });
  });

  test("a folder, a path ending in '/' and a FIFO are refused, and nothing is written there", async () => {
    const sub = await fs.mkdtemp(join(dir, "out-"));
    for (const out of [sub, `${sub}/`, join(sub, "new-folder") + "/"]) {
      const r = await run(["tables", "--out", out, ...CLEAN]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is a folder; give a file name such as/);
    }
    const fifo = join(sub, "pipe.xlsx");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = await run(["tables", "--out", fifo, ...CLEAN]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `pir-check: --out ${fifo} is not a regular file (a device, a pipe or a socket); give a file name such as pir-tables.xlsx\n` });
    expect((await fs.readdir(sub)).sort()).toEqual(["pipe.xlsx"]);
  });

  test("an input given twice through a symbolic or a hard link is refused like a literal duplicate", async () => {
    const sub = await fs.mkdtemp(join(dir, "links-"));
    const copy = join(sub, "plan.xlsx");
    await fs.copyFile(WORKPLAN, copy);
    const soft = join(sub, "soft.xlsx");
    const hard = join(sub, "hard.xlsx");
    await fs.symlink(copy, soft);
    await fs.link(copy, hard);
    for (const twin of [soft, hard]) {
      expect(await run(["validate", copy, twin])).toEqual({ code: 2, stdout: "", stderr: `pir-check: ${twin} is the same file as ${copy}, given twice\n` });
    }
    // A hard link to an input is the input: not a place to write.
    const r = await run(["tables", "--out", hard, copy, BUDGET]);
    expect(r.stderr).toBe(`pir-check: --out ${hard} is one of the input workbooks; choose another file to write\n`);
  });

  test("the temporary file has a short name beside the target", () => {
    const long = join(dir, `${"a".repeat(240)}.xlsx`);
    const temp = temporaryName(long);
    expect(dirname(temp)).toBe(dir);
    expect(basename(temp).length).toBeLessThan(30);
    expect(basename(temp)).toMatch(/^\.pir-[0-9a-z]+-[0-9a-z]+\.tmp$/);
  });
});

describe("read errors are sentences that name the file", () => {
  test("an internal JavaScript error from a damaged file is not shown as it is", async () => {
    const r = await run(["validate", WORKPLAN], {
      readWorkbook: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pir-check: ${WORKPLAN}: the file could not be read as an Excel workbook; it may be damaged. Open it in Excel, save it again as .xlsx and retry\n`);
    expect(r.stderr).not.toMatch(/Cannot read properties/);
  });

  test("the reader's own messages, and missing or forbidden files", () => {
    const own = Object.assign(new Error("book.xlsx: password-protected; remove the password in Excel and try again"), { name: "WorkbookReadError" });
    expect(readFailure("book.xlsx", own)).toBe("book.xlsx: password-protected; remove the password in Excel and try again");
    expect(readFailure("gone.xlsx", Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" }))).toBe("gone.xlsx: there is no such file");
    expect(readFailure("locked.xlsx", Object.assign(new Error("EACCES"), { code: "EACCES" }))).toBe("locked.xlsx: permission denied; check that you may read it");
  });
});
