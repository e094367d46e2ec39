import { OfficeMockObject } from "office-addin-mock";
import { CellNotFoundError, SheetHiddenError, selectCell, selectedRangeAddress } from "../../src/excel/navigate";
import { cellAt, newSheet } from "./helpers/fake-model";
import { fakeExcelFromGrids } from "./helpers/mock-workbook";

function twoSheets() {
  const fake = fakeExcelFromGrids({ file: "w.xlsx", sheets: [] });
  fake.state.sheets.push(newSheet("Budget"), newSheet("Work plan"));
  cellAt(fake.state.sheets[1], 6, 3).value = 1200;
  fake.state.activeSheet = "Budget";
  return fake;
}

test("selectCell checks the sheet, then activates it and selects the cell: two syncs", async () => {
  const fake = twoSheets();
  await selectCell(fake.requestContext, "Work plan", "D7");
  expect(fake.syncs).toHaveLength(2);
  expect(fake.state.activeSheet).toBe("Work plan");
  expect(fake.state.selection).toEqual({ sheet: "Work plan", address: "D7" });
});

test("a sheet that is gone gives an error a person can read", async () => {
  const fake = twoSheets();
  const error = await selectCell(fake.requestContext, "Old plan", "D7").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CellNotFoundError);
  expect((error as Error).message).toBe('Cannot go to D7: the workbook has no sheet "Old plan" (it may have been renamed or deleted)');
  expect(fake.state.activeSheet).toBe("Budget");
});

test.each([
  ["Hidden", /the sheet "Notes" is hidden\. Unhide it/],
  ["VeryHidden", /the sheet "Notes" is very hidden, so Excel cannot show it/],
] as const)("a finding on a %s sheet says so instead of failing, and changes nothing", async (visibility, message) => {
  const fake = twoSheets();
  fake.state.sheets.push(newSheet("Notes", visibility));
  const error = await selectCell(fake.requestContext, "Notes", "B2").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SheetHiddenError);
  expect((error as Error).message).toMatch(message);
  expect(fake.state.activeSheet).toBe("Budget");
  expect(fake.state.selection).toBeNull();
  // Without the check, Excel refuses to activate it (the fake as Excel does).
  const raw = fake.requestContext.workbook.worksheets.getItem("Notes");
  raw.activate();
  await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
});

test("selectedRangeAddress gives the address with its sheet, as Excel writes it", async () => {
  const fake = twoSheets();
  await selectCell(fake.requestContext, "Work plan", "B4:M24");
  expect(await selectedRangeAddress(fake.requestContext)).toBe("'Work plan'!B4:M24");
});

test("with office-addin-mock's objects: the visibility, a sync, activate, then select, then a sync", async () => {
  const calls: string[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => ({
            isNullObject: false,
            visibility: "Visible",
            load: (props: string) => calls.push(`load ${props}`),
            activate: () => calls.push(`activate ${name}`),
            getRange: (a1: string) => ({ select: () => calls.push(`select ${a1}`) }),
          }),
        },
      },
    },
  }) as unknown as { context: Excel.RequestContext };
  const context = mock.context;
  const sync = context.sync.bind(context);
  context.sync = (async () => {
    calls.push("sync");
    await sync();
  }) as typeof context.sync;
  await selectCell(context, "Work plan", "D7");
  expect(calls).toEqual(["load visibility", "sync", "activate Work plan", "select D7", "sync"]);
});
