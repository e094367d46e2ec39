import { OfficeMockObject } from "office-addin-mock";
import { ZodError } from "zod";
import { parseSettings } from "../../src/core/settings";
import { type DocumentSettingsLike, SETTINGS_KEY, loadSettings, readStoredSettings, saveSettings } from "../../src/excel/settings-store";

/** Office.context.document.settings as office-addin-mock builds it: a property bag that keeps the functions we give it. */
function officeWithSettings(initial?: unknown, saveStatus: "succeeded" | "failed" = "succeeded") {
  const values = new Map<string, unknown>();
  if (initial !== undefined) values.set(SETTINGS_KEY, initial);
  const saved: unknown[] = [];
  const office = new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (name: string) => (values.has(name) ? values.get(name) : null),
          set: (name: string, value: unknown) => values.set(name, JSON.parse(JSON.stringify(value))),
          saveAsync: (callback?: (r: { status: string; error?: { message: string } }) => void) => {
            if (saveStatus === "succeeded") saved.push(values.get(SETTINGS_KEY));
            callback?.(saveStatus === "succeeded" ? { status: "succeeded" } : { status: "failed", error: { message: "read-only workbook" } });
          },
        },
      },
    },
  }) as unknown as { context: { document: { settings: DocumentSettingsLike } } };
  return { office, store: office.context.document.settings, values, saved };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("what is saved comes back, validated, through the Office global", async () => {
  const { office, saved } = officeWithSettings();
  (globalThis as { Office?: unknown }).Office = office;
  expect(await loadSettings()).toBeNull();
  await saveSettings({ period: "FY22", tolerance: 1, pmcCap: 0.1, language: "es" });
  expect(saved).toHaveLength(1);
  const loaded = await loadSettings();
  expect(loaded).toEqual({ period: "FY22", tolerance: 1, pmcCap: 0.1, pmcBase: "subtotal", language: "es" });
  expect(parseSettings(loaded!).period.label).toBe("FY22");
});

test("defaults are stored with the values the user set", async () => {
  const { store, values } = officeWithSettings();
  await saveSettings({ period: "FY23" }, store);
  expect(values.get(SETTINGS_KEY)).toEqual({ version: 1, settings: { period: "FY23", tolerance: 0.5, pmcBase: "subtotal", language: "en" } });
});

test.each([
  ["a bad period", { version: 1, settings: { period: "2022" } }, /period/],
  ["a cap above 100 %", { version: 1, settings: { pmcCap: 5 } }, /pmcCap/],
  ["another version", { version: 2, settings: {} }, /version/],
  ["a string", "FY22", /ignored/],
])("%s stored in the document is ignored, with the reason", async (_what, stored, reason) => {
  const { store } = officeWithSettings(stored);
  expect(await loadSettings(store)).toBeNull();
  const { input, problem } = readStoredSettings(store);
  expect(input).toBeNull();
  expect(problem).toMatch(reason);
});

test("invalid settings are refused before anything is stored", async () => {
  const { store, values, saved } = officeWithSettings();
  await expect(saveSettings({ tolerance: -1 }, store)).rejects.toBeInstanceOf(ZodError);
  expect(values.size).toBe(0);
  expect(saved).toHaveLength(0);
});

test("a failed save is an error", async () => {
  const { store } = officeWithSettings(undefined, "failed");
  await expect(saveSettings({ period: "FY22" }, store)).rejects.toThrow(/could not be saved in the workbook: read-only workbook/);
});

test("outside Office there are no document settings", async () => {
  await expect(loadSettings()).rejects.toThrow(/only available inside Excel/);
});
