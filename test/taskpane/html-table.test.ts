/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// Node's export conditions: the fixtures are read with ExcelJS's Node build (its
// uuid dependency's browser build is ESM, which jest does not load).
import { TextDecoder } from "util";
import { buildPirWorkbook } from "../../src/core/pir/build";
import type { SheetDescription } from "../../src/core/pir/sheet";
import { parseSettings } from "../../src/core/settings";
import { descriptionToHtml, descriptionToText, formatNumber } from "../../src/taskpane/html-table";
import { checkFixtures } from "../helpers/fixtures";

// The workbook reader decodes zip names with TextDecoder, which jsdom's window lacks.
Object.assign(globalThis, { TextDecoder });

/** The clean copy (what "Copy for Word" copies by default), or the annotated one. */
async function seedPirSheet(language: "en" | "es" = "en", copy: "clean" | "annotated" = "clean"): Promise<SheetDescription> {
  const settings = { period: "FY22", language } as const;
  const result = await checkFixtures(["seed-workplan.xlsx", "seed-budget.xlsx"], settings);
  return buildPirWorkbook(result, parseSettings(settings)).sheets[copy === "clean" ? 0 : 1];
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html");
}

const rowTexts = (table: HTMLTableElement) => Array.from(table.rows).map((r) => Array.from(r.cells).map((c) => c.textContent));

describe("descriptionToHtml on the seed's PIR sheet", () => {
  it("makes the two PIR tables real tables, with titles as paragraphs between them", async () => {
    const doc = parse(descriptionToHtml(await seedPirSheet()));
    const tables = Array.from(doc.querySelectorAll("table"));
    expect(tables).toHaveLength(2);
    // The clean copy: the two titles and their tables, nothing of the tool's.
    const order = Array.from(doc.body.firstElementChild!.children).map((e) => (e.tagName === "TABLE" ? "TABLE" : e.textContent!.slice(0, 12)));
    expect(order).toEqual(["VIII.3 Finan", "TABLE", "IX. Work pla", "TABLE"]);
    // The annotated copy keeps the period, the sources and the notes.
    const annotated = parse(descriptionToHtml(await seedPirSheet("en", "annotated")));
    const paragraphs = Array.from(annotated.querySelectorAll("p")).map((p) => p.textContent);
    expect(paragraphs[0]).toBe("Reporting period: FY22 (1 July 2021 – 30 June 2022)");
    expect(paragraphs.some((p) => p?.startsWith("Source: seed"))).toBe(true);
  });

  it("keeps the financial table's merged header, amounts as Excel shows them, and its Total row", async () => {
    const financial = parse(descriptionToHtml(await seedPirSheet())).querySelector("table")!;
    const header = financial.rows[0].cells;
    expect(header[0].textContent).toBe("Project components");
    expect(header[0].rowSpan).toBe(2);
    expect(header[1].textContent).toBe("GEF Fund (USD)");
    expect(header[1].colSpan).toBe(2);
    expect(rowTexts(financial)[1]).toEqual(["Budget", "Expenditure"]);
    const total = rowTexts(financial).find((r) => r[0] === "Total (USD)");
    // Whole amounts as the report prints them; zero as "-".
    expect(total).toEqual(["Total (USD)", "4,114,000", "1,496,995.01"]);
    const plan = parse(descriptionToHtml(await seedPirSheet())).querySelectorAll("table")[1];
    expect(rowTexts(plan).find((r) => r[0]?.startsWith("1.2.1"))!.slice(0, 4)).toEqual(["1.2.1 Proposal for mechanisms/ incentives", "80,500", "-", "-"]);
    expect(financial.rows.length).toBe(9); // two header rows, six component rows (one unlabeled), the total
  });

  it("carries fills, bold and borders as inline styles Word keeps", async () => {
    const tables = Array.from(parse(descriptionToHtml(await seedPirSheet("en", "annotated"))).querySelectorAll("table"));
    const financial = tables.find((t) => t.textContent?.includes("Project components"))!;
    // The annotated copy: the flagged amount with its footnote numbers.
    const overspent = Array.from(financial.querySelectorAll("td")).find((td) => /^242,717\.56 [¹²³⁴⁵⁶⁷⁸⁹⁰ ]+$/.test(td.textContent ?? ""))!;
    expect(overspent.getAttribute("style")).toContain("background:#FFC7CE");
    expect(overspent.getAttribute("style")).toContain("text-align:right");
    expect(overspent.getAttribute("style")).toContain("border-top:1px solid #000000");
    const totalCell = Array.from(financial.querySelectorAll("td")).find((td) => td.textContent?.startsWith("4,114,000.00"))!;
    expect(totalCell.getAttribute("style")).toContain("font-weight:bold");
    expect(totalCell.getAttribute("style")).toContain("border-top:2px solid #000000");
  });

  it("writes amounts the Spanish way in Spanish", async () => {
    const doc = parse(descriptionToHtml(await seedPirSheet("es"), "es"));
    const total = rowTexts(doc.querySelector("table")!).find((r) => r[0] === "Total (USD)");
    expect(total).toEqual(["Total (USD)", "4.114.000", "1.496.995,01"]);
  });

  it("has a tab-separated twin for plain-text pastes", async () => {
    const text = descriptionToText(await seedPirSheet());
    const lines = text.split("\n");
    expect(lines[0]).toBe("VIII.3 Financial implementation");
    expect(lines).toContain("Total (USD)\t4,114,000\t1,496,995.01");
    expect(lines).toContain("Project components\tGEF Fund (USD)\t");
  });
});

describe("descriptionToHtml on a small description", () => {
  it("escapes text from the workbooks and clips merges to their table", () => {
    const border = { top: "thin", bottom: "thin", left: "thin", right: "thin" } as const;
    const sheet: SheetDescription = {
      name: "x",
      columnWidths: [],
      cells: [
        { row: 0, col: 0, value: "<b>Title</b> & co", style: { italic: true } },
        { row: 1, col: 0, value: "=SUM(A1)", style: { border, indent: 2 } },
        { row: 1, col: 1, value: -1234.5, style: { border, numFmt: "#,##0.00" } },
        { row: 2, col: 0, value: 0.05, style: { border, numFmt: "0%" } },
        { row: 2, col: 1, value: null, style: { border } },
      ],
      merges: [{ top: 2, left: 0, bottom: 5, right: 1 }],
    };
    const html = descriptionToHtml(sheet);
    expect(html).toContain("&lt;b&gt;Title&lt;/b&gt; &amp; co");
    expect(html).not.toContain("<b>");
    const doc = parse(html);
    expect(doc.querySelector("p")!.getAttribute("style")).toContain("font-style:italic");
    const table = doc.querySelector("table")!;
    expect(rowTexts(table)).toEqual([["'=SUM(A1)", "-1,234.50"], ["5 %"]]); // a formula-looking label keeps its apostrophe on the clipboard
    expect(table.rows[1].cells[0].rowSpan).toBe(1); // the merge reaches past the table's last row
    expect(table.rows[1].cells[0].colSpan).toBe(2);
    expect(table.rows[0].cells[0].getAttribute("style")).toContain("padding:2px 4px 2px 28px");
  });

  it("formats numbers by their Excel format", () => {
    expect(formatNumber(1234567.891, "#,##0.00", "en")).toBe("1,234,567.89");
    expect(formatNumber(1234567.891, "#,##0.00", "es")).toBe("1.234.567,89");
    expect(formatNumber(1234.5, "0", "en")).toBe("1235");
    expect(formatNumber(-0.001, "#,##0.00", "en")).toBe("0.00");
    expect(formatNumber(0.125, "0.0%", "en")).toBe("12.5 %");
    expect(formatNumber(2.5, undefined, "es")).toBe("2,5");
  });
});

describe("the clipboard never carries a formula", () => {
  const HOSTILE = ['=HYPERLINK("http://evil.example","click")', "=1+1", "+1", "-2+3", "@SUM(A1)", "\t=A1", "\r=A1", "  =A1"];
  const sheet: SheetDescription = {
    name: "PIR tables",
    cells: [
      ...HOSTILE.map((value, i) => ({ row: i, col: 0, value, style: { border: { top: "thin" as const, bottom: "thin" as const } } })),
      ...HOSTILE.map((_, i) => ({ row: i, col: 1, value: -1500 - i, style: { numFmt: "#,##0.00", border: { top: "thin" as const, bottom: "thin" as const } } })),
    ],
    merges: [],
    columnWidths: [20, 12],
  };

  test("formula-looking labels get an apostrophe in the HTML and in the text, and stay readable", () => {
    const table = parse(descriptionToHtml(sheet)).querySelector("table")!;
    const first = Array.from(table.rows).map((r) => r.cells[0].textContent);
    expect(first).toEqual(HOSTILE.map((v) => `'${v.replace(/\r/g, "\n")}`)); // HTML reads a CR as a line break
    const lines = descriptionToText(sheet).trimEnd().split("\n");
    for (const [i, line] of lines.entries()) {
      const [label, amount] = line.split("\t");
      expect(label.startsWith("'")).toBe(true);
      expect(label.slice(1).replace(/\s+/g, " ").trim()).toBe(HOSTILE[i].replace(/\s+/g, " ").trim());
      // A negative amount stays a plain number.
      expect(amount).toMatch(/^-1,5\d\d\.00$/);
    }
    expect(lines).toHaveLength(HOSTILE.length);
  });

  test("the plain text pasted into LibreOffice Calc gives text cells, not formulas", () => {
    const { spawnSync } = require("child_process") as typeof import("child_process");
    const fs = require("fs") as typeof import("fs");
    const os = require("os") as typeof import("os");
    const path = require("path") as typeof import("path");
    if (spawnSync("soffice", ["--version"]).status !== 0) return; // LibreOffice not installed: the test above still holds
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pir-clip-"));
    try {
      const csv = path.join(dir, "paste.csv");
      fs.writeFileSync(csv, descriptionToText(sheet));
      // The control: the same text without the apostrophes is computed.
      const raw = path.join(dir, "raw.csv");
      fs.writeFileSync(raw, "=1+1\t1\n");
      spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--infilter=CSV:9,34,76,1,,0,false,true,false,false,false,-1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, "raw"), raw], { timeout: 60_000 });
      expect(fs.readFileSync(path.join(dir, "raw", fs.readdirSync(path.join(dir, "raw"))[0]), "utf8").split(",")[0]).toBe("2");
      // Open the pasted text as Calc would (tab-separated, formulas evaluated) and save what it made of it.
      const r = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--infilter=CSV:9,34,76,1,,0,false,true,false,false,false,-1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, "out"), csv], { timeout: 60_000 });
      expect(r.status).toBe(0);
      const [file] = fs.readdirSync(path.join(dir, "out"));
      const first = fs.readFileSync(path.join(dir, "out", file), "utf8").trimEnd().split("\n").map((l) => l.split(",")[0]);
      // Calc computes an unprotected =1+1 to 2 (checked in the same run); ours stay the text they were.
      expect(first[1]).toMatch(/=1\+1/);
      expect(first[0]).toMatch(/HYPERLINK/);
      expect(first.every((f) => !/^"?\d+"?$/.test(f))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
