/**
 * The user's settings (period, tolerance, PMC cap, language) kept in the
 * workbook itself, under one key of Office's document settings, so each work
 * plan remembers its own. What comes back is validated like any other input.
 */
import { z } from "zod";
import { type SettingsInput, settingsInputSchema } from "../core";

export const SETTINGS_KEY = "pirBudgetCheck.settings";

/** Versioned, so a later shape can read (or ignore) what an earlier add-in stored. */
const storedSchema = z.object({ version: z.literal(1), settings: settingsInputSchema });

/** The part of `Office.context.document.settings` we use. */
export interface DocumentSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } | null }) => void): void;
}

export interface LoadedSettings {
  /** What was stored, or null when nothing (valid) was. */
  input: SettingsInput | null;
  /** Why a stored value was ignored; null when it was fine or absent. */
  problem: string | null;
}

/** What this workbook remembers, validated; null when nothing (valid) is stored. */
export async function loadSettings(store: DocumentSettingsLike = officeDocumentSettings()): Promise<SettingsInput | null> {
  return readStoredSettings(store).input;
}

/** The stored settings and, when they were unusable, why. */
export function readStoredSettings(store: DocumentSettingsLike = officeDocumentSettings()): LoadedSettings {
  const raw = store.get(SETTINGS_KEY);
  if (raw === null || raw === undefined) return { input: null, problem: null };
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return { input: null, problem: `The settings saved in this workbook were ignored (${where}${issue?.message ?? "unreadable"})` };
  }
  return { input: parsed.data.settings, problem: null };
}

/** Validates (throws a ZodError naming the bad field), stores, and saves into the document. */
export async function saveSettings(input: SettingsInput, store: DocumentSettingsLike = officeDocumentSettings()): Promise<void> {
  const settings = settingsInputSchema.parse(input);
  store.set(SETTINGS_KEY, { version: 1, settings });
  await new Promise<void>((resolve, reject) => {
    store.saveAsync((result) => {
      // Office.AsyncResultStatus.Failed is the string "failed".
      if (result?.status === "failed") reject(new Error(`The settings could not be saved in the workbook: ${result.error?.message ?? "unknown error"}`));
      else resolve();
    });
  });
}

function officeDocumentSettings(): DocumentSettingsLike {
  const settings = (globalThis as { Office?: typeof Office }).Office?.context?.document?.settings;
  if (!settings) throw new Error("Document settings are only available inside Excel");
  return settings as unknown as DocumentSettingsLike;
}
