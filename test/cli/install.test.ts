/**
 * pir-check outside the clone, as the README says to install it: `npm pack`
 * makes the package from the built dist/ (npm test builds first), and
 * `npm install -g --prefix <folder> <tarball>` installs it with its
 * dependencies (from the npm cache, else the registry) into a temporary
 * prefix, never the machine's global one. The installed command then checks
 * the example workbooks from another folder.
 */
import { execFile, spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";

const ROOT = join(__dirname, "..", "..");
const EXAMPLES = join(ROOT, "examples");
const run = promisify(execFile);

// Installing pulls the package's dependencies (ExcelJS, zod, React, Fluent UI): minutes on a cold cache.
jest.setTimeout(600_000);

describe("pir-check installed from the packed tarball", () => {
  let dir: string;
  let bin: string;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "cli", "pir-check.js"))) throw new Error("dist/cli/pir-check.js is missing: run npm run build first (npm test does)");
    dir = await fs.mkdtemp(join(tmpdir(), "pir-install-"));
    const pack = await run("npm", ["pack", "--pack-destination", dir, "--silent"], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    const tarball = join(dir, pack.stdout.trim().split("\n").pop()!);
    expect(existsSync(tarball)).toBe(true);
    await run("npm", ["install", "-g", "--prefix", join(dir, "prefix"), tarball, "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    bin = join(dir, "prefix", "bin", "pir-check");
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("puts a pir-check command in the prefix's bin that checks the examples from any folder", () => {
    expect(existsSync(bin)).toBe(true);
    const pkg = require(join(ROOT, "package.json")) as { version: string };
    expect(spawnSync(bin, ["--version"], { cwd: dir, encoding: "utf8" }).stdout).toBe(`${pkg.version}\n`);
    const r = spawnSync(bin, ["validate", "--period", "FY22", join(EXAMPLES, "peru-sizd-workplan.xlsx"), join(EXAMPLES, "peru-sizd-budget.xlsx")], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Reporting period: FY22 (1 July 2021 – 30 June 2022)");
    expect(lines[lines.length - 1]).toMatch(/^\d+ errors, \d+ warnings, \d+ notes? in 2 workbooks$/);
    expect(r.status).toBe(1);
  });

  it("writes the PIR tables with the installed command and exits as the README says", () => {
    const out = join(dir, "pir.xlsx");
    const r = spawnSync(bin, ["tables", "--period", "FY22", "--out", out, join(EXAMPLES, "peru-sizd-workplan.xlsx"), join(EXAMPLES, "peru-sizd-budget.xlsx")], { cwd: dir, encoding: "utf8" });
    expect(r.stdout.split("\n")[0]).toBe(`Wrote the PIR tables to ${out}`);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(true);
    const bare = spawnSync(bin, [], { cwd: dir, encoding: "utf8" });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^pir-check: no command given/);
  });
});
