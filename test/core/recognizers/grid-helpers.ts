/** Small in-memory sheets for recogniser tests: rows of values, merges in A1 notation. */
import { checkWorkbooks } from "../../../src/core/check";
import type { MergedArea, SheetGrid } from "../../../src/core/grid";
import { parseAddress } from "../../../src/core/grid";
import { parseSettings, type SettingsInput } from "../../../src/core/settings";

/** A cell: a value, or a formula with its cached result. */
export type Value = string | number | null | { f: string; v: number };

export function merge(range: string): MergedArea {
  const [a, b] = range.split(":").map((x) => parseAddress(x)!);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function sheet(name: string, rows: Value[][], merges: string[] = []): SheetGrid {
  return {
    name,
    cells: rows.map((r) => r.map((value) => (value === null ? null : typeof value === "object" ? { value: value.v, formula: value.f } : { value }))),
    merges: merges.map(merge),
  };
}

export function check(s: SheetGrid, settings: SettingsInput = { period: "FY24" }, file = "book.xlsx") {
  return checkWorkbooks([{ file, sheets: [s] }], parseSettings(settings, new Date("2026-11-24T00:00:00Z")));
}

/** A finding as the tests compare it: "rule cell component expected actual". */
export function short(f: { rule: string; cell: string; component: string | null; expected: number | null; actual: number | null }): string {
  return `${f.rule} ${f.cell} ${f.component ?? "-"} ${f.expected ?? "-"} ${f.actual ?? "-"}`;
}

/** Several sheets of one workbook checked together. */
export function checkSheets(sheets: SheetGrid[], settings: SettingsInput = { period: "FY24" }, file = "book.xlsx") {
  return checkWorkbooks([{ file, sheets }], parseSettings(settings, new Date("2026-11-24T00:00:00Z")));
}

/** The findings of one rule, in both languages: the short form and the messages. */
export function findingsOf(rule: string, run: (language: "en" | "es") => ReturnType<typeof checkWorkbooks>) {
  const en = run("en").findings.filter((f) => f.rule === rule);
  const es = run("es").findings.filter((f) => f.rule === rule);
  return { short: en.map(short), en: en.map((f) => f.message), es: es.map((f) => f.message), severity: en.map((f) => f.severity) };
}
