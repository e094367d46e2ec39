/**
 * Offline checks of the add-in manifest, shared by scripts/validate-manifest.js
 * and test/manifest.test.ts. They cover what Office's own validator would
 * reject (element order from the XSDs, GUID, string lengths, https, icon
 * sizes, undefined resource ids) plus this project's choices (requirement
 * set, permission, origin, ribbon button, es-ES strings).
 *
 * checkManifest(xmlText, options?) → { errors: string[], summary }
 * An empty errors list means the manifest passed.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { parseXml } = require("./strict-xml");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** What this project's manifest must say. Tests pass other values to prove the checks bite. */
const PROJECT_EXPECTATIONS = {
  rootDir: path.join(__dirname, ".."),
  origin: "https://localhost:3000",
  taskpaneUrl: "https://localhost:3000/taskpane.html",
  host: "Workbook",
  requirementSets: [{ name: "ExcelApi", minVersion: "1.4" }], // = MIN_EXCEL_API in src/excel/api.ts
  permission: "ReadWriteDocument",
  locales: ["es-ES"],
  ribbon: { tab: "TabHome", groupLabel: "PIR Budget Check", buttonLabel: "Check budget" },
};

// Child order per parent, from OfficeAppManifestV1_1.xsd (TaskPaneApp) and
// TaskPaneAppVersionOverridesV1_0.xsd. Names listed in REPEATABLE may occur more than once.
const ORDER = {
  OfficeApp: ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
    "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
    "Dictionary", "VersionOverrides"],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  "Control:Button": ["Label", "Supertip", "Icon", "Action"],
  "Control:Menu": ["Label", "Supertip", "Icon", "Items"],
  Supertip: ["Title", "Description"],
  "Action:ShowTaskpane": ["TaskpaneId", "SourceLocation", "Title"],
  "Action:ExecuteFunction": ["FunctionName"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Requirements: ["Sets", "Methods"],
};
const REQUIRED = {
  OfficeApp: ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  "Control:Button": ["Label", "Supertip", "Icon", "Action"],
  "Control:Menu": ["Label", "Supertip", "Icon", "Items"],
  Supertip: ["Title", "Description"],
  "Action:ShowTaskpane": ["SourceLocation"],
  "Action:ExecuteFunction": ["FunctionName"],
  DesktopFormFactor: ["ExtensionPoint"],
};
const REPEATABLE = new Set(["Control", "ExtensionPoint"]);
/** Which resource list a resid must name, by the referring element. */
const RESID_KIND = { Image: "Images", SourceLocation: "Urls", LearnMoreUrl: "Urls", FunctionFile: "Urls",
  Label: "ShortStrings", Title: "ShortStrings", Description: "LongStrings" };
const MAX_LENGTH = { short: 125, long: 250, resid: 32 };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CULTURE = /^([a-z]{2,3}-[a-z0-9]{3,8}(-[a-z]{2,3})?|[a-z]{2,3}(-[a-z]{2,3}(_tradnl|\.pseudo|-[a-z]{4,8})?)?)$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const MAX_IMAGE_BYTES = 100 * 1024; // "The image file size should not exceed 100KB" (OfficeAppBasicTypesV1_0.xsd)

const kids = (el, local) => el.children.filter((c) => local === undefined || c.local === local);
const kid = (el, local) => el && el.children.find((c) => c.local === local);
const attr = (el, local, ns = "") => {
  const a = el && el.attrs.find((x) => x.local === local && x.ns === ns);
  return a ? a.value : undefined;
};
const xsiType = (el) => attr(el, "type", NS.xsi);
const walk = (el, visit, parent = null) => {
  visit(el, parent);
  for (const c of el.children) walk(c, visit, el);
};

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
function readPngSize(bytes) {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) throw new Error("not a PNG file");
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") throw new Error("PNG without an IHDR chunk first");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function checkManifest(xmlText, options = {}) {
  const want = { ...PROJECT_EXPECTATIONS, ...options };
  const errors = [];
  const error = (message) => errors.push(message);
  let root;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    return { errors: [`not well-formed XML: ${e.message}`], summary: null };
  }
  if (root.local !== "OfficeApp" || root.ns !== NS.app) error(`root must be <OfficeApp xmlns="${NS.app}">`);
  if (xsiType(root) !== "TaskPaneApp") error(`OfficeApp xsi:type must be TaskPaneApp, not ${xsiType(root)}`);

  walk(root, (el) => checkOrder(el, error));
  for (const el of root.children) {
    if (el.ns !== (el.local === "VersionOverrides" ? NS.ov : NS.app)) error(`<${el.name}> is in the wrong namespace (${el.ns || "none"})`);
    if (el.local !== "VersionOverrides") continue;
    walk(el, (inner) => {
      if (![NS.ov, NS.bt].includes(inner.ns)) error(`<${inner.name}> (line ${inner.line}) is in the wrong namespace (${inner.ns || "none"})`);
    });
  }

  const text = (local) => (kid(root, local) ? kid(root, local).text.trim() : "");
  if (!GUID.test(text("Id"))) error(`Id must be a GUID, not "${text("Id")}"`);
  if (!VERSION.test(text("Version"))) error(`Version must be n[.n[.n[.n]]], not "${text("Version")}"`);
  if (!CULTURE.test(text("DefaultLocale"))) error(`DefaultLocale "${text("DefaultLocale")}" is not a culture name`);
  checkLength("ProviderName", text("ProviderName"), MAX_LENGTH.short, error);
  checkLocalised(kid(root, "DisplayName"), MAX_LENGTH.short, want.locales, error);
  checkLocalised(kid(root, "Description"), MAX_LENGTH.long, want.locales, error);
  checkUrls(root, want, error);
  for (const domain of kids(kid(root, "AppDomains") || { children: [] }, "AppDomain")) {
    if (domain.text.trim().replace(/\/$/, "") !== want.origin) error(`AppDomain ${domain.text.trim()} is not ${want.origin}`);
  }

  const hosts = kids(kid(root, "Hosts") || { children: [] }, "Host").map((h) => attr(h, "Name"));
  if (hosts.join() !== want.host) error(`Hosts must be exactly <Host Name="${want.host}"/>, found [${hosts}]`);
  const sets = readRequirementSets(kid(root, "Requirements"));
  const setList = (list) => list.map((s) => `${s.name} ${s.minVersion}`).sort().join(", ");
  if (setList(sets) !== setList(want.requirementSets)) {
    error(`requirement sets must be [${setList(want.requirementSets)}], found [${setList(sets)}]`);
  }
  if (text("Permissions") !== want.permission) error(`Permissions must be ${want.permission}, not "${text("Permissions")}"`);
  const sourceLocation = attr(kid(kid(root, "DefaultSettings"), "SourceLocation"), "DefaultValue");
  if (sourceLocation !== want.taskpaneUrl) error(`DefaultSettings SourceLocation must be ${want.taskpaneUrl}, not ${sourceLocation}`);

  const icons = [];
  const checkIcon = (url, size, where) => {
    const found = checkImageFile(url, size, want, where, error);
    if (found && !icons.some((i) => i.url === url && i.size === size)) icons.push({ url, size, file: found });
  };
  const iconUrl = attr(kid(root, "IconUrl"), "DefaultValue");
  const highResolutionIconUrl = attr(kid(root, "HighResolutionIconUrl"), "DefaultValue");
  if (iconUrl) checkIcon(iconUrl, 32, "IconUrl");
  else error("IconUrl is missing");
  if (highResolutionIconUrl) checkIcon(highResolutionIconUrl, 64, "HighResolutionIconUrl");
  else error("HighResolutionIconUrl is missing");

  const overrides = kid(root, "VersionOverrides");
  const resources = overrides ? readResources(kid(overrides, "Resources"), error) : null;
  if (!overrides) error("VersionOverrides (the ribbon button) is missing");
  else {
    checkResids(overrides, resources, error);
    checkRibbon(overrides, resources, want, error);
    walk(overrides, (el) => {
      if (el.local !== "Icon") return;
      const sizes = kids(el, "Image").map((img) => Number(attr(img, "size")));
      for (const size of [16, 32, 80]) if (!sizes.includes(size)) error(`an <Icon> lacks the required ${size} px image`);
      for (const img of kids(el, "Image")) {
        const url = resources.Images.get(attr(img, "resid"));
        if (url) checkIcon(url, Number(attr(img, "size")), `image ${attr(img, "resid")}`);
      }
    });
    for (const kind of ["ShortStrings", "LongStrings"]) {
      for (const [id, el] of resources.elements[kind]) {
        checkLocalised(el, kind === "ShortStrings" ? MAX_LENGTH.short : MAX_LENGTH.long, want.locales, error, id);
      }
    }
  }
  const summary = { id: text("Id"), requirementSets: sets, permission: text("Permissions"), taskpaneUrl: sourceLocation, icons };
  return { errors: [...new Set(errors)], summary };
}

function checkOrder(el, error) {
  const typed = el.local === "Control" || el.local === "Action";
  const key = typed ? `${el.local}:${xsiType(el)}` : el.local;
  const order = ORDER[key];
  if (typed && !order) error(`<${el.name}> (line ${el.line}) has an unknown xsi:type "${xsiType(el)}"`);
  if (!order) return;
  let last = -1;
  const seen = new Set();
  for (const child of el.children) {
    const index = order.indexOf(child.local);
    if (index < 0) error(`<${child.name}> (line ${child.line}) is not a valid child of <${el.name}>`);
    else if (index < last) error(`<${child.name}> (line ${child.line}) must come before <${order[last]}> in <${el.name}>`);
    else if (seen.has(child.local) && !REPEATABLE.has(child.local)) error(`<${el.name}> has more than one <${child.name}>`);
    last = Math.max(last, index);
    seen.add(child.local);
  }
  for (const name of REQUIRED[key] || []) if (!seen.has(name)) error(`<${el.name}> (line ${el.line}) lacks <${name}>`);
}

function checkLength(what, value, max, error) {
  if (!value) error(`${what} is empty`);
  else if ([...value].length > max) error(`${what} is ${[...value].length} characters long; the limit is ${max}`);
}

/** DefaultValue and every Override within the length limit, with an Override for each wanted locale. */
function checkLocalised(el, max, locales, error, label) {
  if (!el) return;
  const what = label || el.local;
  checkLength(what, attr(el, "DefaultValue"), max, error);
  const overrides = kids(el, "Override");
  for (const o of overrides) {
    if (!CULTURE.test(attr(o, "Locale") || "")) error(`${what} has an Override with a bad Locale "${attr(o, "Locale")}"`);
    checkLength(`${what} (${attr(o, "Locale")})`, attr(o, "Value"), max, error);
  }
  for (const locale of locales) {
    if (!overrides.some((o) => attr(o, "Locale") === locale)) error(`${what} has no ${locale} Override`);
  }
}

/** Every URL anywhere in the manifest (attribute or text) is https on the expected origin; /assets/ ones exist. */
function checkUrls(root, { origin, rootDir }, error) {
  walk(root, (el) => {
    const values = el.attrs.filter((a) => a.prefix !== "xmlns" && a.name !== "xmlns").map((a) => a.value);
    values.push(el.text.trim());
    for (const value of values) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
      let url;
      try {
        url = new URL(value);
      } catch {
        error(`${value} (line ${el.line}) is not a valid URL`);
        continue;
      }
      if (url.protocol !== "https:") error(`${value} (line ${el.line}) is not https`);
      else if (url.origin !== origin) error(`${value} (line ${el.line}) is not on ${origin}`);
      else if (url.pathname.startsWith("/assets/") && !fs.existsSync(path.join(rootDir, decodeURIComponent(url.pathname)))) {
        error(`${value} (line ${el.line}) names a file that is not in assets/`);
      }
    }
  });
}

function readRequirementSets(requirements) {
  const sets = kid(requirements, "Sets");
  if (!sets) return [];
  const fallback = attr(sets, "DefaultMinVersion") || "1.1";
  return kids(sets, "Set").map((s) => ({ name: attr(s, "Name"), minVersion: attr(s, "MinVersion") || fallback }));
}

/** Maps resid → value (URLs for Images/Urls) per kind, and reports duplicate or over-long ids. */
function readResources(resources, error) {
  const out = { elements: {} };
  const seen = new Set();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    out[kind] = new Map();
    out.elements[kind] = new Map();
    for (const el of kids(kid(resources, kind) || { children: [] })) {
      const id = attr(el, "id") || "";
      if (seen.has(id)) error(`resource id "${id}" is defined twice`);
      if (!id || id.length > MAX_LENGTH.resid) error(`resource id "${id}" must be 1–${MAX_LENGTH.resid} characters`);
      seen.add(id);
      out[kind].set(id, attr(el, "DefaultValue"));
      out.elements[kind].set(id, el);
    }
  }
  return out;
}

function checkResids(overrides, resources, error) {
  walk(overrides, (el) => {
    const resid = attr(el, "resid");
    if (resid === undefined) return;
    const kind = RESID_KIND[el.local];
    if (!kind) error(`<${el.name}> (line ${el.line}) cannot take a resid`);
    else if (!resources[kind].has(resid)) {
      error(`<${el.name} resid="${resid}"> (line ${el.line}) names no resource in bt:${kind}`);
    }
  });
}

/** A Home-tab button that opens the task pane, with the group and button labels we chose. */
function checkRibbon(overrides, resources, want, error) {
  const label = (el) => resources.ShortStrings.get(attr(kid(el, "Label"), "resid"));
  const buttons = [];
  walk(overrides, (tab) => {
    if (tab.local !== "OfficeTab" || attr(tab, "id") !== want.ribbon.tab) return;
    for (const group of kids(tab, "Group")) {
      for (const control of kids(group, "Control")) buttons.push({ group, control });
    }
  });
  const opener = buttons.find(({ control }) => {
    const action = kid(control, "Action");
    return xsiType(control) === "Button" && xsiType(action) === "ShowTaskpane" &&
      resources.Urls.get(attr(kid(action, "SourceLocation"), "resid")) === want.taskpaneUrl;
  });
  if (!opener) {
    error(`no Button on ${want.ribbon.tab} opens ${want.taskpaneUrl} with ShowTaskpane`);
    return;
  }
  if (label(opener.group) !== want.ribbon.groupLabel) error(`ribbon group label is "${label(opener.group)}", not "${want.ribbon.groupLabel}"`);
  if (label(opener.control) !== want.ribbon.buttonLabel) error(`ribbon button label is "${label(opener.control)}", not "${want.ribbon.buttonLabel}"`);
}

/** The file behind an icon URL (served from the repository root) exists, is a PNG of size×size, ≤ 100 KB. */
function checkImageFile(url, size, want, where, error) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // checkUrls has reported it
  }
  if (!pathname.startsWith("/assets/")) {
    error(`${where}: ${url} is not under /assets/`);
    return null;
  }
  const file = path.join(want.rootDir, ...pathname.split("/").filter(Boolean));
  if (!fs.existsSync(file)) {
    error(`${where}: ${url} maps to ${path.relative(want.rootDir, file)}, which does not exist`);
    return null;
  }
  const bytes = fs.readFileSync(file);
  if (bytes.length > MAX_IMAGE_BYTES) error(`${where}: ${pathname} is ${bytes.length} bytes; Office allows 100 KB`);
  try {
    const { width, height } = readPngSize(bytes);
    if (width !== size || height !== size) error(`${where}: ${pathname} is ${width}×${height}, not ${size}×${size}`);
  } catch (e) {
    error(`${where}: ${pathname}: ${e.message}`);
  }
  return file;
}

function checkManifestFile(file, options) {
  return checkManifest(fs.readFileSync(file, "utf8"), options);
}

module.exports = { checkManifest, checkManifestFile, readPngSize, PROJECT_EXPECTATIONS, ORDER };
