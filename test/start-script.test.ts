// What `npm start` and `npm run stop` decide to do, and say, in each situation.
// The scripts are plain Node; their decisions are pure functions tested here.
import fs from "fs";
import path from "path";

interface Plan {
  sideload: boolean;
  args?: string[];
  lines: string[];
}
interface StartScript {
  planSideload(facts: { platform: string; excelPath: string | null; debuggingTool: string | null; noSideload?: boolean; manifest?: string }): Plan;
  findExcel(platform: string, env: Record<string, string | undefined>, exists: (p: string) => boolean): string | null;
  excelCandidates(platform: string, env: Record<string, string | undefined>): string[];
  certificateAction(facts: { platform: string; filesPresent: boolean; validTo: Date | null; now: Date; trusted: boolean | null }): "keep" | "install";
  packageBin(name: string, resolve?: (id: string) => string): string | null;
  PANE_URL: string;
}
interface StopScript {
  planStop(facts: { debuggingTool: string | null; serverPid: number | null; serverAlive: boolean }): { unregister: boolean; killPid: number | null; lines: string[] };
}
 
const start = require("../scripts/start") as StartScript;
 
const stop = require("../scripts/stop") as StopScript;

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

describe("certificateAction", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const later = new Date("2026-06-30T00:00:00Z");

  it("makes certificates when they are missing or expired", () => {
    expect(start.certificateAction({ platform: "linux", filesPresent: false, validTo: null, now, trusted: null })).toBe("install");
    expect(start.certificateAction({ platform: "linux", filesPresent: true, validTo: new Date("2026-05-31"), now, trusted: null })).toBe("install");
  });

  it("keeps valid files on Linux, where the CA cannot be trusted without root anyway", () => {
    expect(start.certificateAction({ platform: "linux", filesPresent: true, validTo: later, now, trusted: false })).toBe("keep");
  });

  it("on Windows and macOS installs again until the CA is trusted", () => {
    expect(start.certificateAction({ platform: "win32", filesPresent: true, validTo: later, now, trusted: false })).toBe("install");
    expect(start.certificateAction({ platform: "darwin", filesPresent: true, validTo: later, now, trusted: true })).toBe("keep");
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
