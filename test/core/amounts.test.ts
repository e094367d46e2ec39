import { formatAmount, isRoundAmount, parseAmount, parseAmountText, roundCents } from "../../src/core/amounts";
import type { Cell } from "../../src/core/grid";

const amount = (value: number) => ({ kind: "amount", value });
const invalid = (raw: string) => ({ kind: "invalid", raw });
const blank = { kind: "blank" };

describe("parseAmountText", () => {
  test.each<[string, object]>([
    // English notation
    ["60,000.00", amount(60000)],
    ["1,234", amount(1234)],
    ["60,000", amount(60000)],
    ["236,354.50", amount(236354.5)],
    ["1,496,995.01", amount(1496995.01)],
    ["1.5", amount(1.5)],
    ["0.125", amount(0.125)],
    ["1234.567", amount(1234.567)],
    ["235000", amount(235000)],
    ["0", amount(0)],
    // Spanish notation
    ["15.000,00", amount(15000)],
    ["15.000", amount(15000)],
    ["1.234.567", amount(1234567)],
    ["1.234.567,89", amount(1234567.89)],
    ["1,5", amount(1.5)],
    ["1 234,56", amount(1234.56)],
    ["1\u00a0234,56", amount(1234.56)],
    ["1\u202f234\u202f567", amount(1234567)],
    ["1 234.56", amount(1234.56)],
    // Dashes are the accounting format's zero
    ["-", amount(0)],
    [" - ", amount(0)],
    ["\u2013", amount(0)],
    ["  \u2014  ", amount(0)],
    ["$ -", amount(0)],
    // Negatives
    ["(1,234)", amount(-1234)],
    ["(1,234.50)", amount(-1234.5)],
    ["-1,234.5", amount(-1234.5)],
    ["\u22121.234,5", amount(-1234.5)],
    ["- 500", amount(-500)],
    ["-0", amount(0)],
    // Currency marks, before or after, with or without a space
    ["$1,234.00", amount(1234)],
    ["$ 1,234.00", amount(1234)],
    ["US$ 2,280,000", amount(2280000)],
    ["USD 1,496,995.01", amount(1496995.01)],
    ["1,234 USD", amount(1234)],
    ["usd 10", amount(10)],
    ["S/ 15.000,00", amount(15000)],
    ["S/. 15.000,00", amount(15000)],
    ["S/.15.000,00", amount(15000)],
    ["PEN 1.234,50", amount(1234.5)],
    ["1.234,50 PEN", amount(1234.5)],
    ["€ 1.234,50", amount(1234.5)],
    ["1.234,50 €", amount(1234.5)],
    ["($1,234.50)", amount(-1234.5)],
    ["$(1,234.50)", amount(-1234.5)],
    ["-$1,234.50", amount(-1234.5)],
    ["USD (500)", amount(-500)],
    // Blank
    ["", blank],
    ["   ", blank],
    ["\u00a0\u00a0", blank],
    // Not amounts: raw is the trimmed text as written
    ["n/a", invalid("n/a")],
    [" N/A ", invalid("N/A")],
    ["TBD", invalid("TBD")],
    ["12%", invalid("12%")],
    ["1,2,3.4.5", invalid("1,2,3.4.5")],
    ["1.234.56", invalid("1.234.56")],
    ["1,234-", invalid("1,234-")],
    ["--5", invalid("--5")],
    ["(-5)", invalid("(-5)")],
    ["(1,234", invalid("(1,234")],
    ["12 34", invalid("12 34")],
    ["1,234.", invalid("1,234.")],
    [".5", invalid(".5")],
    ["abc", invalid("abc")],
    ["$", invalid("$")],
    ["PENDING", invalid("PENDING")],
    ["#REF!", invalid("#REF!")],
    ["1e5", invalid("1e5")],
  ])("%j", (text, expected) => {
    expect(parseAmountText(text)).toEqual(expected);
  });

  test("a negative zero is returned as plain 0", () => {
    const parsed = parseAmountText("(0.00)");
    expect(parsed).toEqual(amount(0));
    expect(Object.is((parsed as { value: number }).value, -0)).toBe(false);
  });
});

describe("parseAmount", () => {
  test.each<[string, Cell | null | undefined, object]>([
    ["null cell", null, blank],
    ["undefined cell", undefined, blank],
    ["empty value", { value: null }, blank],
    ["formula without a cached result", { value: null, formula: "SUM(C5:C6)" }, blank],
    ["number", { value: 242717.56 }, amount(242717.56)],
    ["negative number", { value: -12.5 }, amount(-12.5)],
    ["zero", { value: 0 }, amount(0)],
    ["formula with its cached result", { value: 235000, formula: "SUM(C6:C7)" }, amount(235000)],
    ["number shown with a format", { value: 116717, text: "116,717", numFmt: "#,##0" }, amount(116717)],
    ["NaN", { value: NaN }, invalid("NaN")],
    ["Infinity", { value: Infinity }, invalid("Infinity")],
    ["-Infinity", { value: -Infinity }, invalid("-Infinity")],
    ["text number", { value: "60,000.00" }, amount(60000)],
    ["Spanish text number", { value: "15.000,00" }, amount(15000)],
    ["dash", { value: "-" }, amount(0)],
    ["blank string", { value: "  " }, blank],
    ["n/a", { value: "n/a" }, invalid("n/a")],
    ["TRUE", { value: true }, invalid("TRUE")],
    ["FALSE", { value: false }, invalid("FALSE")],
    ["date", { value: new Date(Date.UTC(2022, 2, 31)) }, invalid("2022-03-31")],
    ["#REF!", { value: { error: "#REF!" } }, invalid("#REF!")],
    ["#N/A from a formula", { value: { error: "#N/A" }, formula: "VLOOKUP(A1,B:C,2,0)" }, invalid("#N/A")],
  ])("%s", (_name, cell, expected) => {
    expect(parseAmount(cell)).toEqual(expected);
  });
});

describe("roundCents", () => {
  test.each<[number, number]>([
    [0.1 + 0.2, 0.3],
    [1.005, 1.01],
    [2.675, 2.68],
    [1.004999, 1],
    [-1.005, -1.01],
    [-0.001, 0],
    [242717.56 + 475924.04, 718641.6],
    [80504.41 + 32471.53 + 217599.11, 330575.05],
    [4114000, 4114000],
    [123456789012.345, 123456789012.35],
  ])("%p → %p", (x, expected) => {
    expect(roundCents(x)).toBe(expected);
  });

  test("never returns -0", () => {
    expect(Object.is(roundCents(-0.004), -0)).toBe(false);
  });

  test("passes non-finite numbers through", () => {
    expect(roundCents(NaN)).toBeNaN();
    expect(roundCents(Infinity)).toBe(Infinity);
  });
});

describe("isRoundAmount", () => {
  test.each<[number, boolean]>([
    [235000, true],
    [2100000, true],
    [100, true],
    [-500, true],
    [0, true],
    [24599.5, false],
    [116717, false],
    [150, false],
    [100.01, false],
    [99.999, true], // rounds to 100.00
    [0.1 + 0.2, false],
    [NaN, false],
  ])("%p → %p", (x, expected) => {
    expect(isRoundAmount(x)).toBe(expected);
  });
});

describe("formatAmount", () => {
  test.each<[number, "en" | "es", string]>([
    [236354.5, "en", "236,354.50"],
    [236354.5, "es", "236.354,50"],
    [4114000, "en", "4,114,000.00"],
    [4114000, "es", "4.114.000,00"],
    [-1234, "en", "-1,234.00"],
    [-1234, "es", "-1.234,00"],
    [0, "en", "0.00"],
    [-0.001, "en", "0.00"],
    [999.999, "en", "1,000.00"],
    [12.3, "en", "12.30"],
    [100, "es", "100,00"],
    [1000, "es", "1.000,00"],
    [0.1 + 0.2, "en", "0.30"],
    [1496995.01, "en", "1,496,995.01"],
  ])("%p in %s → %s", (x, language, expected) => {
    expect(formatAmount(x, language)).toBe(expected);
  });

  test("what it writes reads back as the same amount", () => {
    for (const x of [0, 12.3, -1234.5, 236354.5, 4114000, 1496995.01]) {
      for (const language of ["en", "es"] as const) {
        expect(parseAmountText(formatAmount(x, language))).toEqual(amount(x));
      }
    }
  });
});
