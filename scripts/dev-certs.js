/**
 * The HTTPS certificates for localhost that `npm start` and `webpack serve`
 * use (office-addin-dev-certs, kept in ~/.office-addin-dev-certs).
 *
 * office-addin-dev-certs' own `ensureCertificatesAreInstalled` always tries to
 * trust its certificate authority, and on Linux that is `sudo …`: without
 * sudo (or root) it fails with "sudo: not found" after deleting and
 * regenerating the files, once in `npm start` and once more in webpack's
 * config. Here the files are generated without installing anything where
 * trusting is not possible (Linux), kept while they are valid, and what
 * needs saying is said once: `npm start` checks, and tells the dev server it
 * started (PIR_DEV_CERTS_CHECKED=1) to read the files without a word.
 *
 * The decision is a pure function (certificatePlan), tested in
 * test/start-script.test.ts together with ensureDevCertificates on a
 * temporary folder.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const nodeCrypto = require("crypto");

/** office-addin-dev-certs keeps its files here (its lib/defaults.js). */
function defaultPaths(home = os.homedir()) {
  const dir = path.join(home, ".office-addin-dev-certs");
  return { dir, ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
}

/** Trusting the CA takes an administrator: Windows and macOS ask for it; on Linux the tool runs sudo, which we never do. */
function canTrust(platform) {
  return platform === "win32" || platform === "darwin";
}

/**
 * What to do about the certificates:
 * - "keep": valid files (and, where trusting is possible, a trusted CA);
 * - "generate": make new files, trust nothing (missing or expired, on Linux);
 * - "install": office-addin-dev-certs makes the files and trusts its CA (Windows, macOS).
 */
function certificatePlan({ platform, filesPresent, validTo, now, trusted }) {
  const valid = filesPresent && validTo && validTo.getTime() > now.getTime();
  if (!canTrust(platform)) return valid ? "keep" : "generate";
  return valid && trusted ? "keep" : "install";
}

function certificateValidTo(file) {
  try {
    return new Date(new nodeCrypto.X509Certificate(fs.readFileSync(file)).validTo);
  } catch {
    return null;
  }
}

function readFiles(paths) {
  return { ca: fs.readFileSync(paths.ca), cert: fs.readFileSync(paths.cert), key: fs.readFileSync(paths.key) };
}

function firstLine(err) {
  return String((err && err.message) || err).split("\n").map((l) => l.trim()).find((l) => l !== "") || "unknown error";
}

/**
 * Makes sure valid localhost certificates exist and returns them
 * ({ ca, cert, key } as Buffers), or null when none could be made (the
 * caller then falls back to webpack-dev-server's own). `quiet`: say nothing
 * unless something goes wrong (the dev server that npm start started).
 */
async function ensureDevCertificates({
  platform = process.platform,
  paths = defaultPaths(),
  now = new Date(),
  quiet = false,
  log = (line) => console.log(line),
  warn = (line) => console.warn(line),
  loadDevCerts = () => require("office-addin-dev-certs"),
} = {}) {
  let devCerts;
  try {
    devCerts = loadDevCerts();
  } catch {
    warn("office-addin-dev-certs is not installed (run `npm install`): the dev server uses a certificate of its own.");
    return null;
  }
  const filesPresent = [paths.ca, paths.cert, paths.key].every((f) => fs.existsSync(f));
  const validTo = filesPresent ? certificateValidTo(paths.cert) : null;
  let trusted = null;
  if (filesPresent && canTrust(platform)) {
    try {
      trusted = devCerts.verifyCertificates(paths.cert, paths.key);
    } catch {
      trusted = false;
    }
  }
  const plan = certificatePlan({ platform, filesPresent, validTo, now, trusted });
  if (plan === "keep") {
    if (!quiet) log(`Dev certificates: ${paths.dir} (valid until ${validTo.toISOString().slice(0, 10)}).`);
    return readFiles(paths);
  }
  if (plan === "generate") {
    try {
      for (const f of [paths.ca, paths.cert, paths.key]) fs.rmSync(f, { force: true });
      // Writes the three files (only when ca.crt is absent, hence the removal above); installs nothing.
      await devCerts.generateCertificates(paths.ca, paths.cert, paths.key);
    } catch (err) {
      warn(`Could not make dev certificates in ${paths.dir}: ${firstLine(err)}. The dev server uses a certificate of its own.`);
      return null;
    }
    warn(
      [
        `Dev certificates made in ${paths.dir}, not installed: trusting their authority on Linux takes root, which npm start does not use.`,
        `  Browsers will warn about https://localhost:3000 until you accept it once, or trust ${paths.ca} yourself`,
        "  (Debian/Ubuntu: sudo cp it to /usr/local/share/ca-certificates/ and run sudo update-ca-certificates).",
      ].join("\n"),
    );
    return readFiles(paths);
  }
  try {
    await devCerts.ensureCertificatesAreInstalled();
  } catch (err) {
    // The files are written before the trust step; only trusting failed (the user said no, or no rights).
    const made = [paths.ca, paths.cert, paths.key].every((f) => fs.existsSync(f));
    if (!made) {
      warn(`Could not make dev certificates: ${firstLine(err)}. The dev server uses a certificate of its own.`);
      return null;
    }
    warn(`Dev certificates made in ${paths.dir}, but their authority could not be trusted: ${firstLine(err)}`);
    warn("  Browsers will warn about https://localhost:3000 until you accept it once.");
  }
  return readFiles(paths);
}

module.exports = { certificatePlan, canTrust, ensureDevCertificates, defaultPaths, certificateValidTo };
