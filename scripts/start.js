#!/usr/bin/env node
/**
 * `npm start`: makes sure the localhost certificates exist, starts the webpack
 * dev server (https://localhost:3000), then sideloads the add-in into desktop
 * Excel when both Excel and office-addin-debugging (an optional dependency)
 * are present. Otherwise it says why not and how to open the pane by hand.
 * `npm start -- --no-sideload` only serves. Stop with Ctrl+C or `npm run stop`.
 *
 * The decisions are pure functions (exported, tested in test/start-script.test.ts);
 * main() only gathers facts and carries them out. The certificates: ./dev-certs.js
 * (made without installing anything where trusting them takes root, as on Linux).
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const https = require("https");
const { spawn } = require("child_process");
const { ensureDevCertificates } = require("./dev-certs");

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const PORT = 3000;
const PANE_URL = `https://localhost:${PORT}/taskpane.html`;
/** Where start.js records the dev server's process id, for stop.js. */
const PID_FILE = path.join(os.tmpdir(), "pir-budget-check-dev-server.json");
const PLATFORM_NAMES = { win32: "Windows", darwin: "macOS", linux: "Linux" };
const platformName = (platform) => PLATFORM_NAMES[platform] || platform;

/** Places where Excel is installed by default. */
function excelCandidates(platform, env) {
  if (platform === "darwin") return ["/Applications/Microsoft Excel.app"];
  if (platform !== "win32") return [];
  const roots = [env.ProgramFiles, env["ProgramFiles(x86)"]].filter(Boolean);
  const tails = ["Microsoft Office\\root\\Office16\\EXCEL.EXE", "Microsoft Office\\Office16\\EXCEL.EXE"];
  return roots.flatMap((root) => tails.map((tail) => path.win32.join(root, tail)));
}

function findExcel(platform, env, exists) {
  return excelCandidates(platform, env).find((candidate) => exists(candidate)) || null;
}

function webInstructions(manifest) {
  return [
    "To use it in Excel on the web: keep this server running, open a workbook in Excel on the web, then",
    "  Insert › Add-ins › Upload My Add-in (newer layout: Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in)",
    `  and choose ${manifest}. The ribbon then shows Home › PIR Budget Check › Check budget.`,
    `  Your browser must trust ${`https://localhost:${PORT}`} first: open ${PANE_URL} once and accept the certificate.`,
  ];
}

/** What to do once the dev server answers, and what to tell the user. */
function planSideload({ platform, excelPath, debuggingTool, noSideload, manifest = MANIFEST }) {
  const fileMode = [
    `The pane runs in file mode at ${PANE_URL}: open it in a browser and pick the work-plan and budget .xlsx files.`,
  ];
  if (noSideload) {
    return { sideload: false, lines: ["Not sideloading (--no-sideload).", ...fileMode, ...webInstructions(manifest)] };
  }
  if (!excelPath) {
    return {
      sideload: false,
      lines: [`Excel was not found on this machine (${platformName(platform)}), so nothing was sideloaded.`,
        ...fileMode, ...webInstructions(manifest)],
    };
  }
  if (!debuggingTool) {
    return {
      sideload: false,
      lines: [
        `Excel is installed (${excelPath}) but office-addin-debugging is not, so nothing was sideloaded.`,
        "  It is an optional dependency: `npm install office-addin-debugging` adds it, or sideload by hand (see README).",
        ...fileMode, ...webInstructions(manifest),
      ],
    };
  }
  return {
    sideload: true,
    args: ["start", manifest, "desktop", "--app", "excel", "--dev-server-port", String(PORT)],
    lines: [`Sideloading into Excel (${excelPath}) with office-addin-debugging…`,
      "When Excel opens, select Home › PIR Budget Check › Check budget."],
  };
}

/** The JS entry point of an installed package's command, or null when the package is missing. */
function packageBin(name, resolve = require.resolve) {
  try {
    const manifestPath = resolve(`${name}/package.json`);
    const bin = require(manifestPath).bin;
    const relative = typeof bin === "string" ? bin : bin && (bin[name] || Object.values(bin)[0]);
    return relative ? path.join(path.dirname(manifestPath), relative) : null;
  } catch {
    return null;
  }
}

function isServing(url) {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

async function waitUntilServing(url, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (await isServing(url)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/** `certsChecked`: the certificates were seen to just now, so the dev server reads them without repeating what was said. */
function startDevServer(certsChecked) {
  const webpackCli = packageBin("webpack-cli");
  const [command, args] = webpackCli
    ? [process.execPath, [webpackCli, "serve", "--mode", "development"]]
    : ["npx", ["webpack", "serve", "--mode", "development"]];
  const env = certsChecked ? { ...process.env, PIR_DEV_CERTS_CHECKED: "1" } : process.env;
  const server = spawn(command, args, { cwd: ROOT, env, stdio: "inherit", shell: !webpackCli && process.platform === "win32" });
  fs.writeFileSync(PID_FILE, JSON.stringify({ serverPid: server.pid, starterPid: process.pid }));
  const forget = () => fs.rmSync(PID_FILE, { force: true });
  server.on("exit", (code, signal) => {
    forget();
    process.exit(code ?? (signal ? 0 : 1));
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  return server;
}

async function main(argv) {
  const noSideload = argv.includes("--no-sideload");
  const certificates = await ensureDevCertificates();
  const alreadyServing = await isServing(PANE_URL);
  if (alreadyServing) console.log(`A dev server already answers at ${PANE_URL}; using it.`);
  else {
    startDevServer(certificates !== null);
    if (!(await waitUntilServing(PANE_URL, 180))) {
      console.error(`The dev server did not answer at ${PANE_URL} within 3 minutes; see webpack's output above.`);
      return;
    }
  }
  const plan = planSideload({
    platform: process.platform,
    excelPath: findExcel(process.platform, process.env, fs.existsSync),
    debuggingTool: packageBin("office-addin-debugging"),
    noSideload,
  });
  const stopHint = alreadyServing ? [] : ["Stop with Ctrl+C, or `npm run stop` from another terminal."];
  console.log(["", ...plan.lines, ...stopHint, ""].join("\n"));
  if (plan.sideload) {
    const tool = spawn(process.execPath, [packageBin("office-addin-debugging"), ...plan.args], { cwd: ROOT, stdio: "inherit" });
    tool.on("exit", (code) => {
      if (code) console.error(["office-addin-debugging failed; sideload by hand instead:", ...webInstructions(MANIFEST)].join("\n"));
    });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { planSideload, findExcel, excelCandidates, packageBin, PANE_URL, PID_FILE, MANIFEST };
