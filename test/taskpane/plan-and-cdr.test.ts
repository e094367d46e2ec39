/**
 * The pane in Excel with a UNDP project's Annual Work Plan open and its
 * Combined Delivery Report imported: the report is held against the plan per
 * component and year, the matching of its activities is said with the
 * tables, and a correction made in the settings is applied and remembered.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { PaneSession, type WorkbookFile } from "../../src/taskpane/session";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { fakeExcel, recordingIo } from "./helpers/fake-host";

const GENERATED = path.join(__dirname, "..", "fixtures", "generated");

function generatedFile(name: string): WorkbookFile {
  return {
    name,
    arrayBuffer: async () => {
      const bytes = await fs.readFile(path.join(GENERATED, name));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

test("the AWP open, the CDR imported: the overspend per component and year, and a match the user corrects", async () => {
  const awp = await readWorkbookBuffer(await generatedFile("undp-awp-2021.xlsx").arrayBuffer(), "undp-awp-2021.xlsx");
  const host = fakeExcel(awp, { period: "FY22" });
  const session = new PaneSession(host, recordingIo());
  await session.start();
  await session.addFiles([generatedFile("undp-cdr-2021-defects.xlsx")]);
  const report = session.getState().report!;
  expect(report.findings.map((f) => `${f.rule} ${f.file} ${f.cell}`)).toEqual([
    "overspend.account undp-cdr-2021-defects.xlsx H10",
    "overspend.period undp-cdr-2021-defects.xlsx H13",
    "delivery.low undp-cdr-2021-defects.xlsx H15",
    "sum.component undp-cdr-2021-defects.xlsx H15",
  ]);
  const cdr = report.files.find((f) => f.file === "undp-cdr-2021-defects.xlsx")!.sheets[0].tables[0];
  expect(cdr.notes).toContain("matched ACTIVITY4, the report's last activity, with project management (PMC): the other tables have a PMC and no component of its number");

  // The user says ACTIVITY4 is M&E instead: PMC is then no longer reported, and the setting is saved with the workbook.
  await session.updateSettings({ componentMap: { ACTIVITY4: "M&E" } });
  const corrected = session.getState().report!.files.find((f) => f.file === "undp-cdr-2021-defects.xlsx")!.sheets[0].tables[0];
  expect(corrected.notes).toContain("matched the report's component 4 with M&E, as set");
  expect(host.saved.at(-1)).toMatchObject({ componentMap: { ACTIVITY4: "M&E" } });
});
