#!/usr/bin/env node
/**
 * `npm run stop`: ends what `npm start` began. If office-addin-debugging is
 * installed it unregisters the sideloaded add-in; then it stops the dev server
 * that start.js recorded (by that process id only). Without the tool it says
 * how to remove a hand-sideloaded add-in.
 */
"use strict";

const fs = require("fs");
const { spawnSync } = require("child_process");
const { packageBin, PID_FILE, MANIFEST } = require("./start");

/** What to stop, and what to tell the user. */
function planStop({ debuggingTool, serverPid, serverAlive }) {
  const lines = [];
  if (!debuggingTool) {
    lines.push(
      "office-addin-debugging is not installed, so npm start sideloaded nothing and there is nothing to unregister.",
      "To remove an add-in you sideloaded by hand: in Excel on the web, clear the browser's cache;",
      "  on a Mac, delete manifest.xml from ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef;",
      "  on Windows, remove manifest.xml from the shared folder you listed as a trusted add-in catalog.",
    );
  }
  if (serverPid && serverAlive) lines.push(`Stopping the dev server (process ${serverPid}).`);
  else lines.push("No dev server started by npm start is running.");
  return {
    unregister: Boolean(debuggingTool),
    killPid: serverPid && serverAlive ? serverPid : null,
    lines,
  };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The recorded dev-server pid, if the process under it is still a webpack server (pids get reused). */
function recordedServerPid() {
  let pid;
  try {
    pid = JSON.parse(fs.readFileSync(PID_FILE, "utf8")).serverPid;
  } catch {
    return null;
  }
  if (!Number.isInteger(pid)) return null;
  const cmdline = `/proc/${pid}/cmdline`;
  if (fs.existsSync(cmdline) && !fs.readFileSync(cmdline, "utf8").includes("webpack")) return null;
  return pid;
}

function main() {
  const debuggingTool = packageBin("office-addin-debugging");
  const serverPid = recordedServerPid();
  const plan = planStop({ debuggingTool, serverPid, serverAlive: serverPid !== null && isAlive(serverPid) });
  if (plan.unregister) {
    const run = spawnSync(process.execPath, [debuggingTool, "stop", MANIFEST], { stdio: "inherit" });
    if (run.status) console.error("office-addin-debugging stop failed (see above).");
  }
  console.log(plan.lines.join("\n"));
  if (plan.killPid) process.kill(plan.killPid, "SIGTERM");
  fs.rmSync(PID_FILE, { force: true });
}

if (require.main === module) main();

module.exports = { planStop };
