/** @jest-environment jsdom */
// The add-in manifest, checked offline: jsdom's DOMParser is an independent
// second opinion on well-formedness and structure, next to the strict parser
// that scripts/manifest-check.js (also behind `npm run validate`) uses.
import fs from "fs";
import os from "os";
import path from "path";
import { drawIcon, encodePng, ICON_SIZES } from "../scripts/make-icons";
import { MIN_EXCEL_API } from "../src/excel/api";

interface CheckResult {
  errors: string[];
  summary: { id: string; requirementSets: { name: string; minVersion: string }[]; permission: string } | null;
}
interface ManifestCheck {
  checkManifest(xml: string, options?: object): CheckResult;
  checkManifestFile(file: string, options?: object): CheckResult;
  readPngSize(bytes: Buffer): { width: number; height: number };
  ORDER: Record<string, string[]>;
}
 
const { checkManifest, checkManifestFile, readPngSize, ORDER } = require("../scripts/manifest-check") as ManifestCheck;
 
const { parseXml } = require("../scripts/strict-xml") as { parseXml(xml: string): unknown };

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, "application/xml");
}
const doc = parse(xml);
const root = doc.documentElement;
const child = (el: Element, name: string) => Array.from(el.children).find((c) => c.localName === name);
const allElements = () => Array.from(doc.getElementsByTagName("*"));

describe("manifest.xml, read by DOMParser", () => {
  it("is well-formed and is a TaskPaneApp for Excel", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    const hosts = Array.from(child(root, "Hosts")!.children).map((h) => h.getAttribute("Name"));
    expect(hosts).toEqual(["Workbook"]);
  });

  it("has the root's children in the order the TaskPaneApp schema requires", () => {
    const names = Array.from(root.children).map((c) => c.localName);
    expect(names).toEqual([
      "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides",
    ]);
    const positions = names.map((n) => ORDER.OfficeApp.indexOf(n));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
  });

  it("has a GUID for an Id", () => {
    expect(child(root, "Id")!.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it("uses only https URLs, all on https://localhost:3000", () => {
    const urls = allElements().flatMap((el) =>
      Array.from(el.attributes).filter((a) => !a.name.startsWith("xmlns")).map((a) => a.value).filter((v) => v.includes("://")));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(new URL(url).origin).toBe("https://localhost:3000");
  });

  it("points every icon at a PNG in assets/ of the size Office asks for", () => {
    const fileFor = (url: string) => path.join(ROOT, new URL(url).pathname);
    const sizeOf = (url: string) => readPngSize(fs.readFileSync(fileFor(url)));
    expect(sizeOf(child(root, "IconUrl")!.getAttribute("DefaultValue")!)).toEqual({ width: 32, height: 32 });
    expect(sizeOf(child(root, "HighResolutionIconUrl")!.getAttribute("DefaultValue")!)).toEqual({ width: 64, height: 64 });
    const images = new Map(Array.from(doc.getElementsByTagNameNS(BT, "Image"))
      .filter((i) => i.hasAttribute("id")).map((i) => [i.getAttribute("id")!, i.getAttribute("DefaultValue")!]));
    const references = Array.from(doc.getElementsByTagNameNS(BT, "Image")).filter((i) => i.hasAttribute("resid"));
    expect(new Set(references.map((r) => r.getAttribute("size")))).toEqual(new Set(["16", "32", "80"]));
    for (const ref of references) {
      const size = Number(ref.getAttribute("size"));
      expect(sizeOf(images.get(ref.getAttribute("resid")!)!)).toEqual({ width: size, height: size });
    }
  });

  it("asks for the ExcelApi version the Office.js adapters need, and ReadWriteDocument, nothing more", () => {
    const sets = Array.from(child(child(root, "Requirements")!, "Sets")!.children);
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", MIN_EXCEL_API]]);
    expect(MIN_EXCEL_API).toBe("1.4");
    expect(child(root, "Permissions")!.textContent).toBe("ReadWriteDocument");
  });

  it("defines every resid that VersionOverrides references", () => {
    const defined = new Set(allElements().filter((e) => e.namespaceURI === BT && e.hasAttribute("id")).map((e) => e.getAttribute("id")));
    const referenced = allElements().filter((e) => e.hasAttribute("resid")).map((e) => e.getAttribute("resid"));
    expect(referenced.length).toBeGreaterThan(10);
    expect(referenced.filter((r) => !defined.has(r))).toEqual([]);
  });

  it("names the add-in and describes it in Spanish too", () => {
    for (const name of ["DisplayName", "Description"]) {
      const overrides = Array.from(child(root, name)!.children).map((o) => o.getAttribute("Locale"));
      expect(overrides).toContain("es-ES");
    }
    expect(child(root, "DisplayName")!.getAttribute("DefaultValue")).toBe("PIR Budget Check");
  });
});

describe("checkManifest (scripts/manifest-check.js)", () => {
  it("passes the committed manifest", () => {
    const result = checkManifestFile(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.summary!.requirementSets).toEqual([{ name: "ExcelApi", minVersion: MIN_EXCEL_API }]);
  });

  const hostsBlock = xml.match(/ {2}<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>\n/)![0];
  const mutations: [string, (s: string) => string, RegExp][] = [
    ["Hosts moved after Requirements", (s) => s.replace(hostsBlock, "").replace("  </Requirements>\n", `  </Requirements>\n${hostsBlock}`),
      /<Hosts> \(line \d+\) must come before <Requirements>/],
    ["a required element dropped", (s) => s.replace(/ {2}<ProviderName>.*\n/, ""), /<OfficeApp> \(line \d+\) lacks <ProviderName>/],
    ["an Id that is not a GUID", (s) => s.replace(/<Id>[^<]+<\/Id>/, "<Id>pir-budget-check</Id>"), /Id must be a GUID/],
    ["an http URL", (s) => s.replace('"https://localhost:3000/assets/icon-64.png"', '"http://localhost:3000/assets/icon-64.png"'), /is not https/],
    ["a URL on another origin", (s) => s.replace("https://localhost:3000/assets/support.html", "https://example.org/help"), /is not on https:\/\/localhost:3000/],
    ["a 16 px file where 32 px is due", (s) => s.replace('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-16.png"'),
      /IconUrl: \/assets\/icon-16.png is 16×16, not 32×32/],
    ["a ribbon icon without its 80 px image", (s) => s.replace(/ *<bt:Image size="80" resid="Icon.80x80"\/>\n/, ""), /an <Icon> lacks the required 80 px image/],
    ["VersionOverrides in the wrong namespace", (s) => s.replace('<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"', '<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides"'),
      /<VersionOverrides> is in the wrong namespace/],
    ["an icon file that does not exist", (s) => s.replace("assets/icon-80.png", "assets/icon-90.png"), /icon-90.png.*does not exist/],
    ["a higher requirement set", (s) => s.replace('MinVersion="1.4"/>', 'MinVersion="1.6"/>'), /requirement sets must be \[ExcelApi 1.4\], found \[ExcelApi 1.6\]/],
    ["a second requirement set", (s) => s.replace('<Set Name="ExcelApi" MinVersion="1.4"/>', '<Set Name="ExcelApi" MinVersion="1.4"/><Set Name="DialogApi"/>'), /found \[DialogApi 1.1, ExcelApi 1.4\]/],
    ["a different permission", (s) => s.replace(">ReadWriteDocument<", ">ReadDocument<"), /Permissions must be ReadWriteDocument/],
    ["an undefined resid", (s) => s.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Title"/>'), /resid="Group.Title".*names no resource in bt:ShortStrings/],
    ["a resid of the wrong kind", (s) => s.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Group.Label"/>'), /names no resource in bt:Urls/],
    ["no es-ES description", (s) => s.replace(/ {4}<Override Locale="es-ES" Value="Revisa[^"]*"\/>\n/, ""), /Description has no es-ES Override/],
    ["a display name over 125 characters", (s) => s.replace('DisplayName DefaultValue="PIR Budget Check"', `DisplayName DefaultValue="${"x".repeat(126)}"`), /DisplayName is 126 characters long/],
    ["a button that runs a function instead", (s) => s.replace('xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"'), /no Button on TabHome opens/],
    ["an unclosed element", (s) => s.replace("</Hosts>\n  <!--", "</Host>\n  <!--"), /not well-formed XML: line \d+: <\/Host> closes <Hosts>/],
    ["an undeclared prefix", (s) => s.replace(/xmlns:bt="[^"]+"/, ""), /not well-formed XML: .*prefix 'bt'/],
  ];

  it.each(mutations)("fails a copy with %s", (_name, mutate, expected) => {
    const broken = mutate(xml);
    expect(broken).not.toBe(xml);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
    fs.writeFileSync(file, broken);
    const { errors } = checkManifestFile(file);
    expect(errors.some((e) => expected.test(e))).toBe(true);
  });

  it("agrees with DOMParser that a broken copy is not XML", () => {
    const broken = xml.replace("</Hosts>\n  <!--", "</Host>\n  <!--");
    expect(parse(broken).getElementsByTagName("parsererror").length).toBeGreaterThan(0);
    expect(checkManifest(broken).errors).toHaveLength(1);
  });

  it.each([
    ["<a><b></a>", /closes <b>/], ["<a x=1/>", /not quoted/], ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<a>AT&T</a>", /bare '&'/], ["<a>&nbsp;</a>", /unknown entity/], ["<a/><b/>", /after the root/],
    ["<a><!-- x -- y --></a>", /'--' inside a comment/], ["<a>", /never closed/], ["<!DOCTYPE a><a/>", /DOCTYPE/],
  ])("the strict parser rejects %s", (text, expected) => {
    expect(() => parseXml(text)).toThrow(expected);
  });
});

describe("icons", () => {
  const drawn = new Map<number, Buffer>();
  beforeAll(() => ICON_SIZES.forEach((size) => drawn.set(size, drawIcon(size))));

  it("are exactly what scripts/make-icons.ts draws (the committed PNGs are current)", () => {
    for (const size of ICON_SIZES) {
      const committed = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(encodePng(size, size, drawn.get(size)!)).toEqual(committed);
    }
  });

  it("are opaque green inside the rounded square and transparent at its corners", () => {
    for (const size of ICON_SIZES) {
      const px = drawn.get(size)!;
      const at = (x: number, y: number) => Array.from(px.subarray((y * size + x) * 4, (y * size + x) * 4 + 4));
      expect(at(0, 0)[3]).toBeLessThan(128);
      const corner = Math.floor(0.84 * size); // lower right, inside the rounded square and clear of the glyph
      const [r, g, b, a] = at(corner, corner);
      expect(a).toBe(255);
      expect(g).toBeGreaterThan(r + 40);
      expect(g).toBeGreaterThan(b + 20);
    }
  });

  it("readPngSize refuses a file that is not a PNG", () => {
    expect(readPngSize(encodePng(3, 2, Buffer.alloc(24)))).toEqual({ width: 3, height: 2 });
    expect(() => readPngSize(Buffer.from("GIF89a, not a PNG at all, really"))).toThrow(/not a PNG/);
  });
});
