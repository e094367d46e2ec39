import {
  type OfficeLike, OfficeStartError, STARTING_MESSAGE, UNSAVED_WORKBOOK_NAME, detectHost, fileNameFromUrl, officeTheme, workbookFileName,
} from "../../src/excel/host";
import { fakeExcelFromGrids } from "./helpers/mock-workbook";

// Plain objects, not office-addin-mock: the mock answers every data property
// (Office.HostType.Excel here) with "Error, property was not loaded" until it
// is loaded and synced, which the real Office global never asks for.
function office(onReady: OfficeLike["onReady"]): OfficeLike {
  return { onReady, HostType: { Excel: "Excel" } };
}

describe("detectHost", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("no Office global: a plain browser", async () => {
    expect(await detectHost()).toBe("browser");
  });

  test("Office.onReady reports Excel", async () => {
    (globalThis as { Office?: unknown }).Office = office((cb) => setTimeout(() => cb?.({ host: "Excel", platform: "OfficeOnline" }), 5));
    expect(await detectHost()).toBe("excel");
  });

  test("the promise form of onReady is enough", async () => {
    expect(await detectHost(office(() => Promise.resolve({ host: "Excel" })))).toBe("excel");
  });

  test("office.js loaded outside Office reports no host; another host is not Excel", async () => {
    expect(await detectHost(office((cb) => cb?.({ host: null })))).toBe("browser");
    expect(await detectHost(office((cb) => cb?.({ host: "Word" })))).toBe("browser");
  });

  test("an onReady that takes long: 'Starting…' once, then Excel, with no fall-back to file mode", async () => {
    let slow = 0;
    const late = office((cb) => setTimeout(() => cb?.({ host: "Excel" }), 120));
    const started = Date.now();
    expect(await detectHost(late, { slowAfterMs: 20, onSlow: () => slow++ })).toBe("excel");
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(slow).toBe(1);
  });

  test("by default the page's loading line says it is starting", async () => {
    const line = { textContent: "Loading…" };
    (globalThis as { document?: unknown }).document = { getElementById: (id: string) => (id === "loading" ? line : null) };
    try {
      await detectHost(office((cb) => setTimeout(() => cb?.({ host: "Excel" }), 60)), { slowAfterMs: 10 });
      expect(line.textContent).toBe(STARTING_MESSAGE);
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });

  test("an answer in time says nothing about starting", async () => {
    let slow = 0;
    expect(await detectHost(office((cb) => cb?.({ host: "Excel" })), { slowAfterMs: 20, onSlow: () => slow++ })).toBe("excel");
    await new Promise((r) => setTimeout(r, 40));
    expect(slow).toBe(0);
  });

  test("onReady that throws or rejects: the reason, not file mode", async () => {
    const throwing = office(() => {
      throw new Error("Office.js is not loaded in a host");
    });
    await expect(detectHost(throwing)).rejects.toThrow(OfficeStartError);
    await expect(detectHost(throwing)).rejects.toThrow(/Office did not start the add-in \(Office\.js is not loaded in a host\)/);
    await expect(detectHost(office(() => Promise.reject(new Error("host refused"))))).rejects.toThrow(/host refused/);
  });
});

describe("every batch on the open workbook waits while the user edits a cell", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  test("Excel.run gets { delayForCellEdit: true } from each open-workbook function", async () => {
    const options: unknown[] = [];
    (globalThis as { Excel?: unknown }).Excel = {
      run: (opts: unknown, batch: unknown) => {
        options.push(opts);
        expect(typeof batch).toBe("function");
        return Promise.resolve(undefined);
      },
    };
    const { readOpenWorkbook } = await import("../../src/excel/read");
    const { writePirToOpenWorkbook } = await import("../../src/excel/write");
    const { highlightOpenWorkbook, clearOpenWorkbookHighlights } = await import("../../src/excel/highlight");
    const { selectCellInOpenWorkbook, selectedRangeInOpenWorkbook } = await import("../../src/excel/navigate");
    await readOpenWorkbook("w.xlsx");
    await writePirToOpenWorkbook({ sheets: [] });
    await highlightOpenWorkbook([], "w.xlsx");
    await clearOpenWorkbookHighlights();
    await selectCellInOpenWorkbook("S", "A1");
    await selectedRangeInOpenWorkbook();
    await workbookFileName(undefined, { context: { requirements: { isSetSupported: () => true } } });
    expect(options).toHaveLength(7);
    for (const o of options) expect(o).toEqual({ delayForCellEdit: true });
  });
});

describe("workbookFileName", () => {
  const requirements = (minor: number) => ({ isSetSupported: (set: string, v?: string) => set === "ExcelApi" && Number(v?.split(".")[1]) <= minor });

  test("from workbook.name where ExcelApi 1.7 has it", async () => {
    const fake = fakeExcelFromGrids({ file: "x", sheets: [] }, { name: "Work plan.xlsx" });
    const name = await workbookFileName(fake.requestContext, { context: { requirements: requirements(18), document: { url: "https://h/other.xlsx" } } });
    expect(name).toBe("Work plan.xlsx");
    expect(fake.syncs).toHaveLength(1);
  });

  test("else from the document's URL, else a stand-in name", async () => {
    const fake = fakeExcelFromGrids({ file: "x", sheets: [] }, { api: "1.4" });
    const url = "https://contoso.sharepoint.com/sites/gef/Shared%20Documents/Plan%20de%20trabajo.xlsx?web=1";
    expect(await workbookFileName(fake.requestContext, { context: { requirements: requirements(4), document: { url } } })).toBe("Plan de trabajo.xlsx");
    expect(await workbookFileName(fake.requestContext, { context: { requirements: requirements(4), document: { url: "" } } })).toBe(UNSAVED_WORKBOOK_NAME);
    expect(fileNameFromUrl("C:\\Users\\ana\\Budget 2022.xlsx")).toBe("Budget 2022.xlsx");
  });
});

test("officeTheme: the host's colours, or null", () => {
  expect(officeTheme({ context: { officeTheme: { bodyBackgroundColor: "#1f1f1f" } as Office.OfficeTheme } })?.bodyBackgroundColor).toBe("#1f1f1f");
  expect(officeTheme(undefined)).toBeNull();
});
