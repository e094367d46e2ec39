import { type OfficeLike, UNSAVED_WORKBOOK_NAME, detectHost, fileNameFromUrl, officeTheme, workbookFileName } from "../../src/excel/host";
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
    expect(await detectHost(50)).toBe("browser");
  });

  test("Office.onReady reports Excel", async () => {
    (globalThis as { Office?: unknown }).Office = office((cb) => setTimeout(() => cb?.({ host: "Excel", platform: "OfficeOnline" }), 5));
    expect(await detectHost(500)).toBe("excel");
  });

  test("the promise form of onReady is enough", async () => {
    expect(await detectHost(500, office(() => Promise.resolve({ host: "Excel" })))).toBe("excel");
  });

  test("office.js loaded outside Office reports no host; another host is not Excel", async () => {
    expect(await detectHost(500, office((cb) => cb?.({ host: null })))).toBe("browser");
    expect(await detectHost(500, office((cb) => cb?.({ host: "Word" })))).toBe("browser");
  });

  test("onReady that never answers: a browser, once the time is up", async () => {
    const started = Date.now();
    expect(await detectHost(40, office(() => new Promise(() => undefined)))).toBe("browser");
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  test("onReady that throws: a browser", async () => {
    const throwing = office(() => {
      throw new Error("Office.js is not loaded in a host");
    });
    expect(await detectHost(500, throwing)).toBe("browser");
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
