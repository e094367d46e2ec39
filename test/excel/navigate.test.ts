import { OfficeMockObject } from "office-addin-mock";
import { CellNotFoundError, selectCell, selectedRangeAddress } from "../../src/excel/navigate";
import { cellAt, newSheet } from "./helpers/fake-model";
import { fakeExcelFromGrids } from "./helpers/mock-workbook";

function twoSheets() {
  const fake = fakeExcelFromGrids({ file: "w.xlsx", sheets: [] });
  fake.state.sheets.push(newSheet("Budget"), newSheet("Work plan"));
  cellAt(fake.state.sheets[1], 6, 3).value = 1200;
  fake.state.activeSheet = "Budget";
  return fake;
}

test("selectCell activates the sheet and selects the cell, in one sync", async () => {
  const fake = twoSheets();
  await selectCell(fake.requestContext, "Work plan", "D7");
  expect(fake.syncs).toHaveLength(1);
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

test("selectedRangeAddress gives the address with its sheet, as Excel writes it", async () => {
  const fake = twoSheets();
  await selectCell(fake.requestContext, "Work plan", "B4:M24");
  expect(await selectedRangeAddress(fake.requestContext)).toBe("'Work plan'!B4:M24");
});

test("with office-addin-mock's objects: activate, then select, then one sync", async () => {
  const calls: string[] = [];
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
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
  expect(calls).toEqual(["activate Work plan", "select D7", "sync"]);
});
