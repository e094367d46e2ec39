/**
 * One cell as Office.js returns it (values, formulas, numberFormat, text: four
 * parallel 2-D arrays) → the engine's Cell, mapped the way src/xlsx/read.ts
 * maps ExcelJS cells, so both readers give the engine the same grid.
 */
import type { Cell, CellValue } from "../core";

/** A value as `range.values` / `range.formulas` return it: "" is an empty cell. */
export type RawValue = string | number | boolean;

/** The error values Excel shows; `values` returns them as plain strings. */
const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
]);

/**
 * Whether a number format shows a date or time. The same test ExcelJS applies
 * when it turns a number into a Date (its utils.isDateFmt): drop [colour] and
 * [condition] sections and quoted literals, then look for a date/time letter.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || numFmt === "General") return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** An Excel serial date (1900 system) → a UTC Date, computed as ExcelJS does. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 24 * 3600 * 1000));
}

/**
 * null for an empty cell. A formula is a `formulas` string that starts with
 * "=" and differs from the value: text stored with a leading apostrophe
 * ("'=SUM(A1)") comes back from `formulas` without the apostrophe
 * (office-js issue #6687) and then equals its own value.
 */
export function toGridCell(value: RawValue, formula: RawValue, numberFormat: string, text: string | undefined): Cell | null {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  if (value === "" && !isFormula) return null;
  const cell: Cell = { value: gridValue(value, numberFormat) };
  if (isFormula) cell.formula = (formula as string).slice(1);
  if (numberFormat && numberFormat !== "General") cell.numFmt = numberFormat;
  if (text !== undefined && text !== "") cell.text = text;
  return cell;
}

function gridValue(value: RawValue, numberFormat: string): CellValue {
  if (value === "") return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return isDateFormat(numberFormat) ? serialToDate(value) : value;
  }
  if (typeof value === "boolean") return value;
  return EXCEL_ERRORS.has(value) ? { error: value } : value;
}
