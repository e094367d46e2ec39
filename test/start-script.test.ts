// What `npm start` and `npm run stop` decide to do, and say, in each situation.
// The scripts are plain Node; their decisions are pure functions tested here.
import fs from "fs";
import os from "os";
import path from "path";
import { spawnSync } from "child_process";

interface Plan {
  sideload: boolean;
  args?: string[];
  lines: string[];
}
interface StartScript {
  planSideload(facts: { platform: string; excelPath: string | null; debuggingTool: string | null; noSideload?: boolean; manifest?: string }): Plan;
  findExcel(platform: string, env: Record<string, string | undefined>, exists: (p: string) => boolean): string | null;
  excelCandidates(platform: string, env: Record<string, string | undefined>): string[];
  packageBin(name: string, resolve?: (id: string) => string): string | null;
  PANE_URL: string;
}
interface Certificates {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}
interface DevCertsScript {
  certificatePlan(facts: { platform: string; filesPresent: boolean; validTo: Date | null; now: Date; trusted: boolean | null }): "keep" | "generate" | "install";
  ensureDevCertificates(options: {
    platform?: string;
    paths?: { dir: string; ca: string; cert: string; key: string };
    now?: Date;
    quiet?: boolean;
    log?: (line: string) => void;
    warn?: (line: string) => void;
    loadDevCerts?: () => unknown;
  }): Promise<Certificates | null>;
  defaultPaths(home?: string): { dir: string; ca: string; cert: string; key: string };
}
interface StopScript {
  planStop(facts: { debuggingTool: string | null; serverPid: number | null; serverAlive: boolean }): { unregister: boolean; killPid: number | null; lines: string[] };
}
 
const start = require("../scripts/start") as StartScript;
 
const stop = require("../scripts/stop") as StopScript;

const devCerts = require("../scripts/dev-certs") as DevCertsScript;

const MANIFEST = "/home/me/pir/manifest.xml";
const text = (plan: { lines: string[] }) => plan.lines.join("\n");

describe("planSideload", () => {
  it("on Linux says Excel was not found, serves the pane in file mode and explains Excel on the web", () => {
    const plan = start.planSideload({ platform: "linux", excelPath: null, debuggingTool: null, manifest: MANIFEST });
    expect(plan.sideload).toBe(false);
    expect(text(plan)).toContain("Excel was not found on this machine (Linux)");
    expect(text(plan)).toContain("file mode at https://localhost:3000/taskpane.html");
    expect(text(plan)).toContain("Insert › Add-ins › Upload My Add-in");
    expect(text(plan)).toContain(MANIFEST);
  });

  it("sideloads into desktop Excel when Excel and office-addin-debugging are both there", () => {
    const plan = start.planSideload({
      platform: "win32", excelPath: "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
      debuggingTool: "/x/node_modules/office-addin-debugging/cli.js", manifest: MANIFEST,
    });
    expect(plan.sideload).toBe(true);
    expect(plan.args).toEqual(["start", MANIFEST, "desktop", "--app", "excel", "--dev-server-port", "3000"]);
    expect(text(plan)).toContain("Sideloading into Excel");
    expect(text(plan)).not.toContain("not found");
  });

  it("with Excel but without the optional tool, says which is missing and how to get it", () => {
    const plan = start.planSideload({ platform: "darwin", excelPath: "/Applications/Microsoft Excel.app", debuggingTool: null });
    expect(plan.sideload).toBe(false);
    expect(text(plan)).toContain("Excel is installed (/Applications/Microsoft Excel.app) but office-addin-debugging is not");
    expect(text(plan)).toContain("npm install office-addin-debugging");
    expect(text(plan)).toContain("Upload My Add-in");
  });

  it("does not sideload when asked not to, even with everything installed", () => {
    const plan = start.planSideload({ platform: "win32", excelPath: "C:\\excel.exe", debuggingTool: "/tool.js", noSideload: true });
    expect(plan.sideload).toBe(false);
    expect(text(plan)).toContain("Not sideloading (--no-sideload)");
    expect(text(plan)).toContain(start.PANE_URL);
  });
});

describe("findExcel", () => {
  it("finds Excel where Click-to-Run installs it on Windows", () => {
    const env = { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)" };
    const installed = "C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\EXCEL.EXE";
    expect(start.findExcel("win32", env, (p) => p === installed)).toBe(installed);
    expect(start.findExcel("win32", env, () => false)).toBeNull();
  });

  it("looks in /Applications on a Mac and nowhere on Linux", () => {
    expect(start.findExcel("darwin", {}, (p) => p === "/Applications/Microsoft Excel.app")).toBe("/Applications/Microsoft Excel.app");
    expect(start.excelCandidates("linux", { ProgramFiles: "/opt" })).toEqual([]);
    expect(start.findExcel("linux", {}, () => true)).toBeNull();
  });
});

describe("certificatePlan", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const later = new Date("2026-06-30T00:00:00Z");

  it("on Linux makes missing or expired certificates without installing anything, and keeps valid ones", () => {
    expect(devCerts.certificatePlan({ platform: "linux", filesPresent: false, validTo: null, now, trusted: null })).toBe("generate");
    expect(devCerts.certificatePlan({ platform: "linux", filesPresent: true, validTo: new Date("2026-05-31"), now, trusted: null })).toBe("generate");
    expect(devCerts.certificatePlan({ platform: "linux", filesPresent: true, validTo: later, now, trusted: false })).toBe("keep");
  });

  it("on Windows and macOS installs (asking the user) until the CA is trusted", () => {
    expect(devCerts.certificatePlan({ platform: "win32", filesPresent: false, validTo: null, now, trusted: null })).toBe("install");
    expect(devCerts.certificatePlan({ platform: "win32", filesPresent: true, validTo: later, now, trusted: false })).toBe("install");
    expect(devCerts.certificatePlan({ platform: "darwin", filesPresent: true, validTo: later, now, trusted: true })).toBe("keep");
  });
});

describe("ensureDevCertificates on Linux", () => {
  let home: string;
  beforeAll(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "pir-certs-"));
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it("makes real certificates without calling sudo, says so once, then keeps them (quietly for the dev server)", async () => {
    const real = require("office-addin-dev-certs") as Record<string, unknown>;
    const calls: string[] = [];
    // The real generator; anything that would install or verify (sudo) fails the test.
    const guarded = {
      generateCertificates: (...args: unknown[]) => {
        calls.push("generate");
        return (real.generateCertificates as (...a: unknown[]) => Promise<void>)(...args);
      },
      ensureCertificatesAreInstalled: () => {
        throw new Error("tried to install the CA (sudo)");
      },
      verifyCertificates: () => {
        throw new Error("tried to verify the CA");
      },
    };
    const paths = devCerts.defaultPaths(home);
    const log: string[] = [];
    const warn: string[] = [];
    const consoleLog = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const first = await devCerts.ensureDevCertificates({
        platform: "linux", paths, log: (l) => log.push(l), warn: (l) => warn.push(l), loadDevCerts: () => guarded,
      });
      expect(calls).toEqual(["generate"]);
      expect(first).not.toBeNull();
      for (const f of [paths.ca, paths.cert, paths.key]) expect(fs.existsSync(f)).toBe(true);
      // A real certificate for localhost, signed by the CA written beside it.
      const cert = new (require("crypto").X509Certificate)(first!.cert);
      expect(cert.subjectAltName).toContain("DNS:localhost");
      expect(cert.checkIssued(new (require("crypto").X509Certificate)(first!.ca))).toBe(true);
      expect(warn).toHaveLength(1);
      expect(warn[0]).toContain(`Dev certificates made in ${paths.dir}, not installed`);
      expect(warn[0]).not.toMatch(/sudo: not found/);

      // The dev server npm start then runs: the same files, read without a word.
      const log2: string[] = [];
      const warn2: string[] = [];
      const again = await devCerts.ensureDevCertificates({
        platform: "linux", paths, quiet: true, log: (l) => log2.push(l), warn: (l) => warn2.push(l), loadDevCerts: () => guarded,
      });
      expect(calls).toEqual(["generate"]);
      expect(again!.cert.equals(first!.cert)).toBe(true);
      expect([...log2, ...warn2]).toEqual([]);

      // Expired: made again, still without installing.
      const expired = await devCerts.ensureDevCertificates({
        platform: "linux", paths, now: new Date(Date.now() + 400 * 86_400_000), log: () => undefined, warn: () => undefined, loadDevCerts: () => guarded,
      });
      expect(calls).toEqual(["generate", "generate"]);
      expect(expired!.cert.equals(first!.cert)).toBe(false);
    } finally {
      consoleLog.mockRestore();
    }
  }, 60_000);

  it("without office-addin-dev-certs says so once and lets the dev server use its own certificate", async () => {
    const warn: string[] = [];
    const result = await devCerts.ensureDevCertificates({
      platform: "linux", paths: devCerts.defaultPaths(path.join(home, "none")), warn: (l) => warn.push(l),
      loadDevCerts: () => {
        throw new Error("Cannot find module");
      },
    });
    expect(result).toBeNull();
    expect(warn).toEqual(["office-addin-dev-certs is not installed (run `npm install`): the dev server uses a certificate of its own."]);
  });

  it("webpack's dev-server config takes the certificates npm start made, printing nothing", () => {
    // A child process with HOME pointing at the certificates made above: no sudo, no second warning.
    const child = spawnSync(
      process.execPath,
      ["-e", "require('./webpack.config.js')({ WEBPACK_SERVE: true }, { mode: 'development' }).then((c) => console.log(JSON.stringify(Object.keys(c.devServer.server.options))))"],
      { cwd: path.join(__dirname, ".."), encoding: "utf8", env: { ...process.env, HOME: home, PIR_DEV_CERTS_CHECKED: "1" } },
    );
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe('["ca","cert","key"]');
  });
});

describe("packageBin", () => {
  it("finds an installed package's command and returns null for a missing one", () => {
    const webpackCli = start.packageBin("webpack-cli");
    expect(webpackCli).not.toBeNull();
    expect(fs.existsSync(webpackCli!)).toBe(true);
    expect(path.basename(webpackCli!)).toBe("cli.js");
    const missing = () => {
      throw new Error("Cannot find module");
    };
    expect(start.packageBin("office-addin-debugging", missing)).toBeNull();
  });
});

describe("planStop", () => {
  it("unregisters with office-addin-debugging and stops the recorded dev server", () => {
    const plan = stop.planStop({ debuggingTool: "/tool.js", serverPid: 4242, serverAlive: true });
    expect(plan).toMatchObject({ unregister: true, killPid: 4242 });
    expect(text(plan)).toContain("Stopping the dev server (process 4242)");
  });

  it("without the tool explains how to remove a hand-sideloaded add-in", () => {
    const plan = stop.planStop({ debuggingTool: null, serverPid: null, serverAlive: false });
    expect(plan).toMatchObject({ unregister: false, killPid: null });
    expect(text(plan)).toContain("office-addin-debugging is not installed");
    expect(text(plan)).toContain("clear the browser's cache");
    expect(text(plan)).toContain("No dev server started by npm start is running");
  });

  it("never kills a recorded process that has already gone", () => {
    expect(stop.planStop({ debuggingTool: null, serverPid: 4242, serverAlive: false }).killPid).toBeNull();
  });
});
