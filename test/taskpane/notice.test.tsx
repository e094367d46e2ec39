/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The pane's notices disappear once they no longer hold, and its severity
// chips say on or off by more than a shade: rendered in file mode with the
// seed's workbooks.
import { TextDecoder, TextEncoder } from "util";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { fileHost } from "../../src/taskpane/browser-io";
import { App } from "../../src/taskpane/components/App";
import { SessionContext } from "../../src/taskpane/pane-context";
import { noticeContext, noticeHolds, type PaneState } from "../../src/taskpane/pane-state";
import { PaneSession } from "../../src/taskpane/session";
import { exampleFile, recordingIo } from "./helpers/fake-host";

Object.assign(globalThis, { TextDecoder, TextEncoder });
jest.setTimeout(60_000);

const checkPanel = () => within(document.getElementById("pane-panel-check")!);
const notice = () => screen.queryByTestId("notice")?.textContent ?? null;

async function renderFilePane() {
  const storage = new Map<string, string>([["pir-budget-check.settings", JSON.stringify({ period: "FY22" })]]);
  const host = fileHost({ getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage);
  const io = recordingIo();
  const session = new PaneSession(host, io);
  render(
    <SessionContext.Provider value={session}>
      <App theme={webLightTheme} />
    </SessionContext.Provider>,
  );
  await act(async () => {
    await session.start();
  });
  return { session, io };
}

describe("notices that no longer hold", () => {
  it('"Add at least one workbook first." goes once a workbook is added', async () => {
    const { session } = await renderFilePane();
    await act(async () => {
      fireEvent.click(checkPanel().getByText("Validate"));
      await session.idle();
    });
    expect(notice()).toBe("Add at least one workbook first.");
    await act(async () => {
      await session.addFiles([exampleFile("peru-sizd-workplan.xlsx")]);
    });
    expect(notice()).toBeNull();
    expect(checkPanel().getByRole("status").textContent).toMatch(/in 1 workbook$/);
  });

  it('"Downloaded pir-tables.xlsx." goes once the findings change: a setting, a workbook removed', async () => {
    const { session, io } = await renderFilePane();
    await act(async () => {
      await session.addFiles([exampleFile("peru-sizd-workplan.xlsx"), exampleFile("peru-sizd-budget.xlsx")]);
    });
    const download = async () =>
      act(async () => {
        fireEvent.click(checkPanel().getByText("Download PIR tables"));
        await session.idle();
      });
    await download();
    expect(io.downloads.map((d) => d.fileName)).toEqual(["pir-tables.xlsx"]);
    expect(notice()).toBe("Downloaded pir-tables.xlsx.");
    // Filtering or toggling a chip changes nothing that was downloaded: the notice stays.
    fireEvent.click(checkPanel().getByTestId("severity-chip-warning"));
    expect(notice()).toBe("Downloaded pir-tables.xlsx.");
    // Another tolerance: other findings than the file holds.
    await act(async () => {
      await session.updateSettings({ tolerance: 3 });
    });
    expect(notice()).toBeNull();
    await download();
    expect(notice()).toBe("Downloaded pir-tables.xlsx.");
    await act(async () => {
      await session.removeWorkbook("peru-sizd-budget.xlsx");
    });
    expect(notice()).toBeNull();
  });

  it("an error stays until dismissed, whatever changes", async () => {
    const { session } = await renderFilePane();
    const broken = { name: "broken.xlsx", arrayBuffer: async () => new TextEncoder().encode("not a workbook").buffer as ArrayBuffer };
    await act(async () => {
      await session.addFiles([exampleFile("peru-sizd-workplan.xlsx"), broken]);
    });
    const text = notice();
    expect(text).toMatch(/broken\.xlsx/);
    await act(async () => {
      await session.updateSettings({ tolerance: 2 });
    });
    expect(notice()).toBe(text);
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(notice()).toBeNull();
  });

  it("noticeHolds: the same notice holds while the workbooks and the check are those it was given with", () => {
    const base = { notice: { intent: "success", text: () => "Downloaded" }, workbooks: [], report: null } as unknown as PaneState;
    const shown = noticeContext(base);
    expect(noticeHolds(shown, base)).toBe(true);
    expect(noticeHolds(shown, { ...base, workbooks: [] })).toBe(false);
    expect(noticeHolds(shown, { ...base, report: { files: [], findings: [] } })).toBe(false);
    expect(noticeHolds(shown, { ...base, notice: null })).toBe(false);
    const error = { ...base, notice: { intent: "error", text: () => "failed" } } as PaneState;
    expect(noticeHolds(noticeContext(error), { ...error, workbooks: [] })).toBe(true);
  });
});

describe("severity chips", () => {
  it("a chip turned off is hollow, unticked and struck through; on again, filled and ticked", async () => {
    const { session } = await renderFilePane();
    await act(async () => {
      await session.addFiles([exampleFile("peru-sizd-workplan.xlsx"), exampleFile("peru-sizd-budget.xlsx")]);
    });
    const chip = checkPanel().getByTestId("severity-chip-error");
    const on = { className: chip.className, icon: chip.querySelector("svg") !== null };
    expect(chip.getAttribute("aria-pressed")).toBe("true");
    expect(on.icon).toBe(true);
    fireEvent.click(chip);
    expect(chip.getAttribute("aria-pressed")).toBe("false");
    expect(chip.querySelector("svg")).toBeNull();
    expect(chip.className).not.toBe(on.className);
    // The styles behind the classes: dashed and struck through when off.
    const rules = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules).map((r) => r.cssText));
    const offClasses = chip.className.split(/\s+/).filter((c) => !on.className.split(/\s+/).includes(c));
    const offRules = rules.filter((r) => offClasses.some((c) => r.startsWith(`.${c}`))).join(" ");
    expect(offRules).toMatch(/dashed/);
    expect(offRules).toMatch(/line-through/);
    fireEvent.click(chip);
    expect(chip.getAttribute("aria-pressed")).toBe("true");
    expect(chip.querySelector("svg")).not.toBeNull();
  });
});
