#!/usr/bin/env node
/**
 * `npm run validate [-- --online] [-- path/to/manifest.xml]`
 *
 * Always runs the offline checks of scripts/manifest-check.js. With --online
 * it then asks Microsoft's validation service too (office-addin-manifest
 * validate), which needs internet access and sends it the manifest (only the
 * manifest: no workbook data is involved).
 */
"use strict";

const path = require("path");
const { spawnSync } = require("child_process");
const { checkManifestFile, PROJECT_EXPECTATIONS } = require("./manifest-check");

function main(argv) {
  const online = argv.includes("--online");
  const file = path.resolve(argv.find((a) => !a.startsWith("--")) || path.join(PROJECT_EXPECTATIONS.rootDir, "manifest.xml"));
  const shown = path.relative(process.cwd(), file) || file;

  const { errors, summary } = checkManifestFile(file);
  if (errors.length > 0) {
    console.error(`${shown}: ${errors.length} problem(s) found offline:`);
    for (const e of errors) console.error(`  - ${e}`);
    return 1;
  }
  const sets = summary.requirementSets.map((s) => `${s.name} ${s.minVersion}`).join(", ");
  console.log(`${shown}: offline checks passed (id ${summary.id}; ${sets}; ${summary.permission}; ` +
    `${summary.icons.length} icons; pane ${summary.taskpaneUrl}).`);
  if (!online) {
    console.log("Add --online to also ask Microsoft's validation service (needs internet access).");
    return 0;
  }

  console.log("Asking Microsoft's validation service (office-addin-manifest validate)…");
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const run = spawnSync(npx, ["--no-install", "office-addin-manifest", "validate", file], {
    encoding: "utf8",
    timeout: 120_000,
    shell: process.platform === "win32",
  });
  const output = `${run.stdout || ""}${run.stderr || ""}`.replace(/^npm warn .*\n/gm, "");
  process.stdout.write(output);
  if (run.status === 0) return 0;
  if (run.error || /Unable to contact|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(output)) {
    console.error("The online check could not reach Microsoft's validation service: it needs internet access. " +
      "The offline checks above passed.");
  } else {
    console.error("Microsoft's validation service rejected the manifest (see above).");
  }
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { main };
