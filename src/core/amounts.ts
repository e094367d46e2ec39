/**
 * Reading amounts out of cells, whatever the workbook's locale: numbers,
 * numbers stored as text in English ("60,000.00") or Spanish ("15.000,00")
 * notation, "-" for zero, negatives in parentheses, currency marks. Anything
 * that is not plainly an amount is reported as invalid with the text the
 * person sees, so a finding can quote it.
 */
import { type Cell, isErrorValue } from "./grid";

export type ParsedAmount = { kind: "amount"; value: number } | { kind: "blank" } | { kind: "invalid"; raw: string };

const BLANK: ParsedAmount = { kind: "blank" };

/**
 * The largest amount the engine reads: beyond it a double no longer holds
 * whole cents (2^53 cents, about 90 trillion), a sum of a few such cells
 * overflows to Infinity, and no project budget comes near. A larger number
 * (1E+300, a date serial gone wrong) is reported as invalid, like "n/a".
 */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER / 100;

/** True for a number the engine reads as an amount: finite and within MAX_AMOUNT. */
export function isAmountNumber(v: number): boolean {
  return Math.abs(v) <= MAX_AMOUNT; // false for NaN and ±Infinity too
}

export function parseAmount(cell: Cell | null | undefined): ParsedAmount {
  if (!cell) return BLANK;
  const v = cell.value;
  // A formula without a cached result reads as null: nothing to check yet.
  if (v === null || v === undefined) return BLANK;
  if (typeof v === "number") {
    return isAmountNumber(v) ? { kind: "amount", value: v } : { kind: "invalid", raw: String(v) };
  }
  if (typeof v === "string") return parseAmountText(v);
  if (typeof v === "boolean") return { kind: "invalid", raw: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) {
    const raw = Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().slice(0, 10);
    return { kind: "invalid", raw };
  }
  if (isErrorValue(v)) return { kind: "invalid", raw: v.error };
  return { kind: "invalid", raw: String(v) };
}

/** Longest first, so "US$" is not read as "US" + "$" and "S/." not as "S/" + ".". */
const CURRENCY_MARKS = ["US$", "USD", "S/.", "S/", "PEN", "$", "€"];
const DASHES = /^[-\u2013\u2014]$/;
const MINUS = /^[-\u2212]/;

export function parseAmountText(text: string): ParsedAmount {
  const raw = text.trim();
  if (raw === "") return BLANK;
  const invalid: ParsedAmount = { kind: "invalid", raw };

  let s = raw;
  let negative = false;
  let signs = 0;
  // Signs, parentheses and currency marks may wrap each other in any order:
  // "-$1,234", "$ (1,234)", "(USD 1,234.50)". Peel them off until none is left.
  for (;;) {
    const before = s;
    if (s.length > 1 && s.startsWith("(") && s.endsWith(")")) {
      s = s.slice(1, -1).trim();
      negative = true;
      signs++;
    } else if (s.length > 1 && MINUS.test(s)) {
      s = s.slice(1).trim();
      negative = true;
      signs++;
    } else {
      s = stripCurrency(s);
    }
    if (s === before) break;
  }
  if (signs > 1) return invalid;
  // "-", "$ -": the accounting format's zero.
  if (DASHES.test(s)) return signs === 0 ? { kind: "amount", value: 0 } : invalid;

  const value = parseUnsignedNumber(s);
  if (value === null) return invalid;
  return { kind: "amount", value: negative && value !== 0 ? -value : value };
}

function stripCurrency(s: string): string {
  const upper = s.toUpperCase();
  for (const mark of CURRENCY_MARKS) {
    if (upper.startsWith(mark)) return s.slice(mark.length).trim();
    if (upper.endsWith(mark)) return s.slice(0, s.length - mark.length).trim();
  }
  return s;
}

/** Ordinary, non-breaking and narrow non-breaking spaces used as thousands separators. */
const SPACES = /[ \u00a0\u202f]/;

/**
 * Digits with "." "," or spaces, no sign. Which separator is the decimal one:
 * when both "." and "," appear the last one is; a separator that appears more
 * than once, or once before exactly three digits, groups thousands
 * ("15.000" → 15000); otherwise it is the decimal separator ("1,5").
 */
function parseUnsignedNumber(s: string): number | null {
  if (!/^\d[\d., \u00a0\u202f]*$/.test(s) || !/\d$/.test(s)) return null;

  const hasSpace = SPACES.test(s);
  const dots = count(s, ".");
  const commas = count(s, ",");
  let decimal: "." | "," | null = null;
  let thousands: "." | "," | " " | null = hasSpace ? " " : null;

  if (dots > 0 && commas > 0) {
    if (hasSpace) return null;
    decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
    thousands = decimal === "." ? "," : ".";
  } else if (dots + commas > 0) {
    const sep = dots > 0 ? "." : ",";
    const n = dots + commas;
    const after = s.slice(s.lastIndexOf(sep) + 1);
    const before = s.slice(0, s.indexOf(sep));
    // With spaces grouping thousands, the one other separator must be the decimal.
    if (hasSpace) decimal = sep;
    else if (n > 1) thousands = sep;
    // Only a proper leading group can start thousands: "0.125" and "1234.567" are decimals.
    else if (after.length === 3 && /^[1-9]\d{0,2}$/.test(before)) thousands = sep;
    else decimal = sep;
  }

  let intPart = s;
  let fracPart = "";
  if (decimal) {
    const at = s.lastIndexOf(decimal);
    if (s.indexOf(decimal) !== at) return null;
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (!/^\d+$/.test(fracPart)) return null;
  }
  const digits = thousands ? groupedDigits(intPart, thousands) : intPart;
  if (digits === null || !/^\d+$/.test(digits)) return null;
  const value = Number(fracPart ? `${digits}.${fracPart}` : digits);
  return isAmountNumber(value) ? value : null;
}

/** "1.234.567" → "1234567"; null when the groups are not 1–3 digits then threes. */
function groupedDigits(intPart: string, sep: "." | "," | " "): string | null {
  const groups = sep === " " ? intPart.split(/[ \u00a0\u202f]/) : intPart.split(sep);
  if (!/^\d{1,3}$/.test(groups[0])) return null;
  for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i])) return null;
  return groups.join("");
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * Rounds to cents, half away from zero. The product is first cut to 15
 * significant digits so binary noise does not decide the rounding:
 * 0.1 + 0.2 → 0.3, 1.005 → 1.01.
 */
export function roundCents(x: number): number {
  if (!Number.isFinite(x)) return x;
  // The nudge of one ulp makes 1.005 (stored as 1.00499999…) round up as a person expects,
  // without the cost of a round trip through a string on every amount.
  const scaled = Math.abs(x) * 100;
  // From 2^51 cents (22.5 trillion) on, one ulp is half a cent or more: the nudge would add cents.
  const cents = Math.round(scaled < 2 ** 51 ? scaled * (1 + Number.EPSILON) : scaled);
  if (cents === 0) return 0;
  return (Math.sign(x) * cents) / 100;
}

/** A multiple of 100 (0 included): such amounts repeat by coincidence more often. */
export function isRoundAmount(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  return Math.round(roundCents(x) * 100) % 10_000 === 0;
}

/** "236,354.50" (en) or "236.354,50" (es); always two decimals. */
export function formatAmount(x: number, language: "en" | "es"): string {
  if (!Number.isFinite(x)) return String(x);
  const rounded = roundCents(x);
  const [intDigits, frac] = Math.abs(rounded).toFixed(2).split(".");
  const group = language === "es" ? "." : ",";
  const decimal = language === "es" ? "," : ".";
  const grouped = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${rounded < 0 ? "-" : ""}${grouped}${decimal}${frac}`;
}
