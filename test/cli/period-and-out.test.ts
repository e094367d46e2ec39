/**
 * The CLI's sense about the reporting period (a period that contradicts the
 * tables' titles or lies outside every period they cover is warned about; a
 * lone work plan gives the fiscal year its past years end in) and about
 * --out (.xlsx only; an existing file is asked about on a terminal, refused
 * otherwise unless --force). Real workbooks, the real commands in-process,
 * and the built executable for what only a real process shows.
 */
import { createHash } from "crypto";
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main, type CliIo } from "../../src/cli/commands";
import { reportSchema } from "../../src/core/model";
import { readWorkbookFile } from "../../src/xlsx/read-file";

const ROOT = join(__dirname, "..", "..");
const WORKPLAN = join(ROOT, "examples", "peru-sizd-workplan.xlsx");
const BUDGET = join(ROOT, "examples", "peru-sizd-budget.xlsx");
const GENERATED = join(ROOT, "test", "fixtures", "generated");
const POA = join(GENERATED, "poa-2022.xlsx");
const TODAY = new Date("2026-03-01T12:00:00Z");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  asked: string[];
}

async function run(argv: string[], answer?: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const asked: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  if (answer !== undefined)
    io.ask = async (q) => {
      asked.push(q);
      return answer;
    };
  const code = await main(argv, io, { today: () => TODAY });
  return { code, stdout, stderr, asked };
}

const sha256 = async (path: string) => createHash("sha256").update(await fs.readFile(path)).digest("hex");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), "pir-cli-period-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the reporting period", () => {
  test("a --period that contradicts the budget's title and lies past the work plan gets two warning lines under the period line", async () => {
    const r = await run(["validate", "--period", "FY24", WORKPLAN, BUDGET]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Reporting period: FY24 (1 July 2023 – 30 June 2024)");
    expect(lines[1]).toBe(
      `Warning: the period set, FY24, is not the one the title of the table in ${BUDGET} › Financial implementation names (FY22: "Financial implementation — PIR FY22 (1 July 2021 – 30 June 2022)"). Check --period.`,
    );
    expect(lines[2]).toBe(
      "Warning: the reporting period, FY24 (1 July 2023 – 30 June 2024), lies outside every period the tables cover (2018 – 2023 Q2); no amount falls in it. Check --period.",
    );
    expect(lines[3]).toBe("");
    expect(r.stderr).toBe("");
  });

  test("a --period inside the plan but not the title's: only the contradiction", async () => {
    const r = await run(["validate", "--period", "FY23", WORKPLAN, BUDGET]);
    const warnings = r.stdout.split("\n").filter((l) => l.startsWith("Warning:"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("the period set, FY23, is not the one the title");
  });

  test("the title's own period, or a period the plan covers, is not warned about", async () => {
    for (const argv of [["--period", "FY22", WORKPLAN, BUDGET], [WORKPLAN, BUDGET], ["--period", "FY21", WORKPLAN]]) {
      const r = await run(["validate", ...argv]);
      expect(r.stdout).not.toContain("Warning:");
      expect(r.stderr).toBe("");
    }
  });

  test("with --json the warnings go to stderr and stdout stays the report alone", async () => {
    const r = await run(["validate", "--json", "--period", "FY30", WORKPLAN]);
    expect(() => reportSchema.parse(JSON.parse(r.stdout))).not.toThrow();
    expect(r.stderr).toBe(
      "pir-check: Warning: the reporting period, FY30 (1 July 2029 – 30 June 2030), lies outside every period the tables cover (2018 – 2023 Q2); no amount falls in it. Check --period.\n",
    );
  });

  test("in Spanish: one spelling of período, and quarters written 2023 T2, in the warnings and the table lines", async () => {
    const r = await run(["validate", "--lang", "es", "--period", "FY30", WORKPLAN]);
    expect(r.stdout).toContain(
      "Atención: el período del informe, FY30 (1 de julio de 2029 – 30 de junio de 2030), queda fuera de todos los períodos que cubren las tablas (2018 – 2023 T2); ningún importe cae en él. Compruebe --period.",
    );
    expect(r.stdout).toContain("  Work plan: tabla de plan de trabajo B4:M24 · períodos 2018 … 2023 T2 (10) · 5 componentes, 13 productos");
    expect(r.stdout).not.toMatch(/periodo/i);
    expect(r.stdout).not.toMatch(/\d{4}-Q\d/);
  });

  test("a work plan alone, no period given: the fiscal year its past years end in (2018–2021 → FY22), said so, not the one that ended last", async () => {
    const r = await run(["validate", WORKPLAN]);
    expect(r.stdout.split("\n")[0]).toBe(
      "Reporting period: FY22 (1 July 2021 – 30 June 2022) — the fiscal year in which the work plan's past years (2018 – 2021) end; set another with --period",
    );
    expect(r.stdout).not.toContain("Warning:");
    // The findings are those of FY22: the same as when FY22 is given.
    const json = await run(["validate", "--json", WORKPLAN]);
    const given = await run(["validate", "--json", "--period", "FY22", WORKPLAN]);
    expect(json.stdout).toBe(given.stdout);
    const es = await run(["validate", "--lang", "es", WORKPLAN]);
    expect(es.stdout.split("\n")[0]).toBe(
      "Período del informe: FY22 (1 de julio de 2021 – 30 de junio de 2022) — el año fiscal en que terminan los años pasados del plan de trabajo (2018 – 2021); cámbielo con --period",
    );
  });

  test("a plan of quarters only does not say which years are past: the fiscal year that ended last, with a warning that it is outside the plan", async () => {
    const r = await run(["validate", POA]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Reporting period: FY25 (1 July 2024 – 30 June 2025) — the fiscal year that ended last; set another with --period");
    expect(lines[1]).toBe(
      "Warning: the reporting period, FY25 (1 July 2024 – 30 June 2025), lies outside every period the tables cover (2022 Q1 – 2022 Q4); no amount falls in it. Check --period to choose another.",
    );
  });

  test("tables writes for the plan's period and prints the warnings after the summary", async () => {
    const out = join(dir, "period.xlsx");
    const r = await run(["tables", "--period", "FY30", "--out", out, WORKPLAN]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`Wrote the PIR tables to ${out}`);
    expect(lines).toContain(
      "Warning: the reporting period, FY30 (1 July 2029 – 30 June 2030), lies outside every period the tables cover (2018 – 2023 Q2); no amount falls in it. Check --period.",
    );
    const plain = join(dir, "plan-period.xlsx");
    await run(["tables", "--out", plain, WORKPLAN]);
    const text = (await readWorkbookFile(plain)).sheets.flatMap((s) => s.cells.flat().map((c) => String(c?.value ?? ""))).join("\n");
    expect(text).toContain("30 June 2022");
    expect(text).not.toContain("2026");
  });
});

describe("--out", () => {
  test("a name not ending in .xlsx is refused before anything is read or written", async () => {
    for (const name of ["pir.csv", "pir", "pir.xls", "pir.xlsx.bak"]) {
      const out = join(dir, name);
      const r = await run(["tables", "--out", out, WORKPLAN]);
      const base = name.replace(/\.[^.]*$/, "");
      expect(r).toMatchObject({
        code: 2,
        stdout: "",
        stderr: `pir-check: --out ${out} does not end in .xlsx; the PIR tables are an Excel workbook: give a name such as ${base}.xlsx\n`,
      });
      await expect(fs.stat(out)).rejects.toMatchObject({ code: "ENOENT" });
    }
    // Upper case is still .xlsx.
    expect((await run(["tables", "--out", join(dir, "UPPER.XLSX"), WORKPLAN])).code).toBe(1);
  });

  test("an existing file without a terminal is refused and left as it was; --force replaces it", async () => {
    const out = join(dir, "existing.xlsx");
    await fs.writeFile(out, "keep me");
    const r = await run(["tables", "--out", out, WORKPLAN, BUDGET]);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: `pir-check: --out ${out} already exists; add --force to replace it\n` });
    expect(await fs.readFile(out, "utf8")).toBe("keep me");
    const forced = await run(["tables", "--force", "--out", out, WORKPLAN, BUDGET]);
    expect(forced.code).toBe(1);
    expect(forced.stdout.split("\n")[0]).toBe(`Wrote the PIR tables to ${out}`);
    expect((await readWorkbookFile(out)).sheets.length).toBeGreaterThan(0);
    // -f is --force.
    const before = await sha256(out);
    await fs.writeFile(out, "again");
    expect((await run(["tables", "-f", "-o", out, WORKPLAN])).code).toBe(1);
    expect(await sha256(out)).not.toBe(before);
  });

  test("on a terminal it asks: no (or nothing) leaves the file, yes replaces it", async () => {
    const out = join(dir, "asked.xlsx");
    for (const answer of ["", "n", "no", "whatever"]) {
      await fs.writeFile(out, "keep me");
      const r = await run(["tables", "--out", out, WORKPLAN], answer);
      expect(r.asked).toEqual([`pir-check: ${out} already exists. Replace it? [y/N] `]);
      expect(r).toMatchObject({ code: 2, stdout: "", stderr: `pir-check: ${out} was left as it was; nothing was written\n` });
      expect(await fs.readFile(out, "utf8")).toBe("keep me");
    }
    for (const answer of ["y", "YES", " sí "]) {
      await fs.writeFile(out, "replace me");
      const r = await run(["tables", "--out", out, WORKPLAN], answer);
      expect(r.code).toBe(1);
      expect(r.stdout.split("\n")[0]).toBe(`Wrote the PIR tables to ${out}`);
      expect((await readWorkbookFile(out)).sheets.length).toBeGreaterThan(0);
    }
    // A new file is never asked about, and --force never asks.
    const fresh = join(dir, "fresh.xlsx");
    expect((await run(["tables", "--out", fresh, WORKPLAN], "n")).asked).toEqual([]);
    expect((await run(["tables", "--force", "--out", fresh, WORKPLAN], "n")).asked).toEqual([]);
  });

  test("the built executable, its input not a terminal: refuses an existing --out, exit 2; no arguments: usage on stderr, exit 2", () => {
    const bin = join(ROOT, "dist", "cli", "pir-check.js");
    const out = join(dir, "exec.xlsx");
    spawnSync("sh", ["-c", `printf x > '${out}'`]);
    const refused = spawnSync(process.execPath, [bin, "tables", "--out", out, WORKPLAN], { encoding: "utf8", input: "y\n" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`pir-check: --out ${out} already exists; add --force to replace it\n`);
    const bare = spawnSync(process.execPath, [bin], { encoding: "utf8" });
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toMatch(/^pir-check: no command given\n\npir-check — checks GEF/);
  });
});
