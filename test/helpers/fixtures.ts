/**
 * Loads the generated fixture workbooks (built by scripts/make-fixtures.ts in
 * jest's globalSetup) and the examples through the real ExcelJS reader.
 */
import * as path from "path";
import { checkWorkbooks, type CheckResult } from "../../src/core/check";
import type { WorkbookGrid } from "../../src/core/grid";
import type { Finding } from "../../src/core/model";
import { parseSettings, type SettingsInput } from "../../src/core/settings";
import { readWorkbookFile } from "../../src/xlsx/read-file";

export const GENERATED = path.join(__dirname, "..", "fixtures", "generated");
export const EXAMPLES = path.join(__dirname, "..", "..", "examples");

const cache = new Map<string, Promise<WorkbookGrid>>();

/** Reads a generated fixture by file name; the grid's `file` is the bare name. */
export function loadFixture(name: string): Promise<WorkbookGrid> {
  const full = name.includes("/") ? name : path.join(GENERATED, name);
  let p = cache.get(full);
  if (!p) {
    p = readWorkbookFile(full).then((g) => ({ ...g, file: path.basename(full) }));
    cache.set(full, p);
  }
  return p;
}

export async function checkFixtures(names: string[], settings: SettingsInput = { period: "FY22" }): Promise<CheckResult> {
  const grids = await Promise.all(names.map(loadFixture));
  return checkWorkbooks(grids, parseSettings(settings, new Date("2026-11-24T00:00:00Z")));
}

/** A finding reduced to what the tests compare. */
export function brief(f: Finding): string {
  return [f.severity, f.rule, f.file, f.sheet, f.cell, f.component, f.output, f.period, f.expected, f.actual].join(" ");
}
