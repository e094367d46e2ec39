import ExcelJS from "exceljs";
import { fileHost } from "../../src/taskpane/browser-io";
import { PaneSession } from "../../src/taskpane/session";
import { strings } from "../../src/taskpane/i18n";
import { exampleFile, exampleGrid, fakeExcel, recordingIo } from "./helpers/fake-host";

const en = strings("en");

async function fileSession(stored: unknown = { period: "FY22" }) {
  const storage = new Map<string, string>();
  storage.set("pir-budget-check.settings", JSON.stringify(stored));
  const host = fileHost({
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
  } as Storage);
  const io = recordingIo();
  const session = new PaneSession(host, io);
  await session.start();
  return { session, io, storage };
}

describe("the pane's session in file mode", () => {
  it("checks dropped workbooks with the remembered period", async () => {
    const { session } = await fileSession();
    expect(session.getState().settings.period).toBe("FY22");
    expect(session.getState().report).toBeNull();
    await session.addFiles([exampleFile("peru-sizd-workplan.xlsx"), exampleFile("peru-sizd-budget.xlsx")]);
    const state = session.getState();
    expect(state.workbooks.map((w) => [w.file, w.origin])).toEqual([
      ["peru-sizd-workplan.xlsx", "added"],
      ["peru-sizd-budget.xlsx", "added"],
    ]);
    expect(state.checkedWorkbooks).toBe(2);
    expect(state.report!.findings).toHaveLength(23);
    expect(state.busy).toBeNull();
  });

  it("says which file could not be read and keeps the others", async () => {
    const { session } = await fileSession();
    const notXlsx = { name: "notes.txt", arrayBuffer: async () => new TextEncoder().encode("just some text").buffer as ArrayBuffer };
    await session.addFiles([notXlsx, exampleFile("peru-sizd-budget.xlsx")]);
    const state = session.getState();
    expect(state.workbooks.map((w) => w.file)).toEqual(["peru-sizd-budget.xlsx"]);
    expect(state.notice?.intent).toBe("error");
    expect(state.notice?.text(en)).toMatch(/^notes\.txt: not an \.xlsx workbook \(it is a text file/);
    // Adding a good workbook afterwards clears the old error.
    await session.addFiles([exampleFile("peru-sizd-workplan.xlsx")]);
    expect(session.getState().notice).toBeNull();
  });

  it("re-checks at once when a setting changes, remembers it, and ignores an invalid one", async () => {
    const { session, storage } = await fileSession();
    await session.addFiles([exampleFile("peru-sizd-workplan.xlsx"), exampleFile("peru-sizd-budget.xlsx")]);
    await session.updateSettings({ language: "es" });
    expect(session.getState().report!.findings[0].message).toMatch(/presupuesto|gasto/);
    expect(JSON.parse(storage.get("pir-budget-check.settings")!)).toEqual({ period: "FY22", tolerance: 0.5, pmcBase: "subtotal", language: "es" });
    await session.updateSettings({ pmcCap: 7 });
    expect(session.getState().settings.pmcCap).toBeNull();
    // A 2 % cap makes PMC (4.74 % of the total) a finding, in each table, and its spending too.
    await session.updateSettings({ pmcCap: 0.02 });
    expect(session.getState().report!.findings.filter((f) => f.rule === "cap.pmc").map((f) => f.cell)).toEqual(["B10", "C10", "C21"]);
  });

  it("downloads pir-tables.xlsx that ExcelJS reads back", async () => {
    const { session, io } = await fileSession();
    await session.addFiles([exampleFile("peru-sizd-workplan.xlsx"), exampleFile("peru-sizd-budget.xlsx")]);
    await session.generate();
    expect(io.downloads.map((d) => d.fileName)).toEqual(["pir-tables.xlsx"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(io.downloads[0].bytes) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["PIR tables", "PIR tables annotated", "Findings"]);
    expect(session.getState().notice?.text(en)).toBe("Downloaded pir-tables.xlsx.");
  });

  it("copies the PIR sheet as HTML tables and as text", async () => {
    const { session, io } = await fileSession();
    await session.addFiles([exampleFile("peru-sizd-budget.xlsx")]);
    await session.copyForWord();
    expect(io.copies).toHaveLength(1);
    expect(io.copies[0].html).toMatch(/^<div>.*<table .*Total \(USD\).*4,114,000</);
    expect(io.copies[0].text).toContain("Total (USD)\t4,114,000\t1,496,995.01");
    expect(session.getState().notice?.text(en)).toBe(en.copied);
  });

  it("limits a sheet to a typed range, and forgets it again", async () => {
    const { session } = await fileSession();
    await session.addFiles([exampleFile("peru-sizd-workplan.xlsx")]);
    await session.setTableRange("peru-sizd-workplan.xlsx", "Work plan", "C5:M24");
    expect(session.getState().report!.files[0].sheets[0].tables).toEqual([]);
    expect(session.getState().tableRanges).toEqual([{ file: "peru-sizd-workplan.xlsx", sheet: "Work plan", range: "C5:M24" }]);
    await session.setTableRange("peru-sizd-workplan.xlsx", "Work plan", "A1:B2,C3");
    expect(session.getState().notice?.text(en)).toBe(en.rangeInvalid);
    await session.removeTableRange(session.getState().tableRanges[0]);
    expect(session.getState().report!.files[0].sheets[0].tables.map((t) => t.range)).toEqual(["B4:M24"]);
  });

  it("names the place of a finding instead of selecting it", async () => {
    const { session } = await fileSession();
    await session.addFiles([exampleFile("peru-sizd-budget.xlsx")]);
    const finding = session.getState().report!.findings.find((f) => f.rule === "label.missing")!;
    await session.showFinding(finding, "k");
    expect(session.getState().selectedFinding).toBe("k");
    expect(session.getState().notice?.text(en)).toBe("peru-sizd-budget.xlsx › Financial implementation!A8");
  });
});

describe("the pane's session in Excel", () => {
  it("reads the open workbook on start, leaves out its PIR sheets, and imports the other workbook", async () => {
    const open = await exampleGrid("peru-sizd-workplan.xlsx");
    open.sheets.push({ name: "PIR tables", cells: [[{ value: "Total (USD)" }]], merges: [] });
    const host = fakeExcel(open, { period: "FY22" });
    const session = new PaneSession(host, recordingIo());
    await session.start();
    expect(session.getState().workbooks).toEqual([{ file: "peru-sizd-workplan.xlsx", origin: "open", ownSheets: ["PIR tables"] }]);
    expect(session.getState().report!.files[0].sheets.map((s) => s.name)).toEqual(["Work plan"]);

    await session.addFiles([exampleFile("peru-sizd-budget.xlsx")]);
    expect(session.getState().report!.findings).toHaveLength(23);
  });

  it("selects a finding's cell when it is in the open workbook", async () => {
    const host = fakeExcel(await exampleGrid("peru-sizd-workplan.xlsx"), { period: "FY22" });
    const session = new PaneSession(host, recordingIo());
    await session.start();
    await session.addFiles([exampleFile("peru-sizd-budget.xlsx")]);
    const findings = session.getState().report!.findings;
    await session.showFinding(findings.find((f) => f.file === "peru-sizd-workplan.xlsx" && f.cell === "K5")!, "a");
    expect(host.openWorkbook.selectCell.mock.calls).toEqual([["Work plan", "K5"]]);
    await session.showFinding(findings.find((f) => f.file === "peru-sizd-budget.xlsx")!, "b");
    expect(host.openWorkbook.selectCell).toHaveBeenCalledTimes(1);
    expect(session.getState().notice?.text(en)).toMatch(/^peru-sizd-budget\.xlsx › Financial implementation!/);
  });

  it("asks before replacing an existing PIR sheet, and writes as answered", async () => {
    const open = await exampleGrid("peru-sizd-workplan.xlsx");
    const host = fakeExcel(open, { period: "FY22" });
    const session = new PaneSession(host, recordingIo());
    await session.start();
    await session.generate();
    expect(host.openWorkbook.writePir.mock.calls.map((c) => c[1])).toEqual(["replace"]);
    expect(session.getState().notice?.text(en)).toBe("Wrote the sheets PIR tables, PIR tables annotated and Findings.");

    // The sheet now exists: the next Generate asks first.
    await session.generate();
    expect(session.getState().confirmReplace).toBe("PIR tables");
    expect(host.openWorkbook.writePir).toHaveBeenCalledTimes(1);
    await session.answerReplace(null);
    expect(host.openWorkbook.writePir).toHaveBeenCalledTimes(1);
    await session.generate();
    await session.answerReplace("rename");
    expect(host.openWorkbook.writePir.mock.calls.map((c) => c[1])).toEqual(["replace", "rename"]);
    expect(session.getState().confirmReplace).toBeNull();
  });

  it("uses the selection as the table's range", async () => {
    const host = fakeExcel(await exampleGrid("peru-sizd-workplan.xlsx"), { period: "FY22" });
    const session = new PaneSession(host, recordingIo());
    await session.start();
    host.selection = "'Work plan'!$C$10:$M$24";
    await session.useSelection();
    expect(session.getState().tableRanges).toEqual([{ file: "peru-sizd-workplan.xlsx", sheet: "Work plan", range: "C10:M24" }]);
    expect(session.getState().report!.files[0].sheets[0].tables).toEqual([]);
  });

  it("highlights only the open workbook's findings, and turns an Excel failure into a notice", async () => {
    const host = fakeExcel(await exampleGrid("peru-sizd-workplan.xlsx"), { period: "FY22" });
    const session = new PaneSession(host, recordingIo());
    await session.start();
    await session.addFiles([exampleFile("peru-sizd-budget.xlsx")]);
    await session.highlight();
    const sent = host.openWorkbook.highlight.mock.calls[0][0];
    expect(new Set(sent.map((f) => f.file))).toEqual(new Set(["peru-sizd-workplan.xlsx"]));
    expect(sent).toHaveLength(10);

    host.openWorkbook.selectCell.mockRejectedValueOnce(Object.assign(new Error("The requested resource doesn't exist."), { name: "RichApi.Error" }));
    await session.showFinding(sent[0], "x");
    expect(session.getState().notice?.intent).toBe("error");
    expect(session.getState().notice?.text(en)).toBe("Excel did not accept the request: The requested resource doesn't exist.");
  });
});

describe("Copy for Word, both copies", () => {
  it("copies the clean tables by default and the annotated ones, flags and notes, when asked", async () => {
    const host = fakeExcel(await exampleGrid("peru-sizd-workplan.xlsx"), { period: "FY22" });
    const io = recordingIo();
    const session = new PaneSession(host, io);
    await session.start();
    await session.addFiles([exampleFile("peru-sizd-budget.xlsx")]);
    await session.copyForWord();
    await session.copyForWord("annotated");
    expect(io.copies).toHaveLength(2);
    expect(io.copies[0].text).not.toContain("Notes on the flagged cells");
    expect(io.copies[0].html).not.toContain("background:#FFC7CE");
    expect(io.copies[1].text).toContain("Notes on the flagged cells");
    expect(io.copies[1].html).toContain("background:#FFC7CE");
  });
});
