/**
 * @jest-environment jsdom
 */
// The Cancel button in the pane while a file is read (issue #9): it takes the
// file picker's place, stops the read, and the picker comes back with the
// cancellation said.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { fileHost } from "../../src/taskpane/browser-io";
import { App } from "../../src/taskpane/components/App";
import { SessionContext } from "../../src/taskpane/pane-context";
import type { BrowserIo } from "../../src/taskpane/pane-host";
import { PaneSession } from "../../src/taskpane/session";
import { ReadCancelledError } from "../../src/taskpane/worker/protocol";

jest.setTimeout(60_000);

it("offers Cancel while a file is read, and Cancel stops it and says so", async () => {
  let reading!: () => void;
  const started = new Promise<void>((resolve) => (reading = resolve));
  const io: BrowserIo = {
    readWorkbook: (_bytes, file, hooks) => {
      hooks?.onProgress?.({ done: 1, total: 4 });
      reading();
      return new Promise((_, reject) => hooks?.signal?.addEventListener("abort", () => reject(new ReadCancelledError(file))));
    },
    writeWorkbook: async () => new Uint8Array(),
    download: () => undefined,
    copyHtml: async () => "failed",
    today: () => new Date("2026-11-24T00:00:00Z"),
  };
  const session = new PaneSession(fileHost(null), io);
  render(
    <SessionContext.Provider value={session}>
      <App theme={webLightTheme} />
    </SessionContext.Provider>,
  );
  await act(() => session.start());
  const panel = within(document.getElementById("pane-panel-check")!);
  expect(panel.getByRole("button", { name: "Choose files…" })).toBeTruthy();

  let adding!: Promise<void>;
  await act(async () => {
    adding = session.addFiles([{ name: "big.xlsx", arrayBuffer: async () => new ArrayBuffer(8) }]);
    await started;
  });
  // The picker's place holds Cancel; the progress bar shows a quarter read.
  expect(panel.queryByRole("button", { name: "Choose files…" })).toBeNull();
  const cancel = screen.getByTestId("cancel-reading");
  expect(cancel.textContent).toBe("Cancel");
  expect(cancel.getAttribute("title")).toBe("Reading big.xlsx…");
  expect(panel.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.25");

  await act(async () => {
    fireEvent.click(cancel);
    await adding;
  });
  expect(screen.queryByTestId("cancel-reading")).toBeNull();
  expect(panel.queryByRole("progressbar")).toBeNull();
  expect(panel.getByRole("button", { name: "Choose files…" })).toBeTruthy();
  expect(screen.getByTestId("notice").textContent).toBe("Cancelled: big.xlsx was not added.");
  expect(session.getState().workbooks).toEqual([]);
});
