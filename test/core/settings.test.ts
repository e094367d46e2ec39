import { ZodError } from "zod";
import { fiscalYear, latestEndedFiscalYear, parseSettings, type SettingsInput } from "../../src/core/settings";

const utc = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("fiscalYear", () => {
  test.each<[string, string, string, string]>([
    ["FY22", "FY22", "2021-07-01", "2022-06-30"],
    ["fy2022", "FY22", "2021-07-01", "2022-06-30"],
    ["FY 22", "FY22", "2021-07-01", "2022-06-30"],
    [" FY26 ", "FY26", "2025-07-01", "2026-06-30"],
    ["FY2000", "FY00", "1999-07-01", "2000-06-30"],
  ])("%j → %s, %s … %s", (label, normalised, start, end) => {
    expect(fiscalYear(label)).toEqual({ label: normalised, start, end });
  });

  test.each([["2022"], ["FY"], ["FY222"], ["FY1989"], ["FY2101"], ["Q1 2022"], [""]])("%j is not a fiscal year", (label) => {
    expect(fiscalYear(label)).toBeNull();
  });
});

describe("latestEndedFiscalYear", () => {
  test.each<[string, string]>([
    ["2026-11-24", "FY26"],
    ["2026-03-01", "FY25"],
    ["2026-06-30", "FY25"], // FY26 ends this day: not over yet
    ["2026-07-01", "FY26"],
    ["2022-09-15", "FY22"], // the seed's PIR reports on FY22
  ])("on %s → %s", (today, label) => {
    expect(latestEndedFiscalYear(utc(today)).label).toBe(label);
  });

  test("returns the full period", () => {
    expect(latestEndedFiscalYear(utc("2026-11-24"))).toEqual({ label: "FY26", start: "2025-07-01", end: "2026-06-30" });
  });
});

describe("parseSettings", () => {
  test("fills every default", () => {
    expect(parseSettings({}, utc("2026-11-24"))).toEqual({
      period: { label: "FY26", start: "2025-07-01", end: "2026-06-30" },
      periodSource: "default",
      tolerance: 0.5,
      // No cap set: GEF's rule by project size; its base is the GEF sub-total without PMC.
      pmcCap: null,
      pmcBase: "subtotal",
      gefGrant: null,
      language: "en",
      componentMap: {},
      projectStart: null,
    });
  });

  test("takes every value given", () => {
    expect(
      parseSettings(
        { period: "FY22", tolerance: 1, pmcCap: 0.1, pmcBase: "total", gefGrant: 1_500_000, language: "es", componentMap: { ACTIVITY4: "PMC", "Component 3": "m&e" }, projectStart: "1 July 2020" },
        utc("2026-11-24"),
      ),
    ).toEqual({
      period: { label: "FY22", start: "2021-07-01", end: "2022-06-30" },
      periodSource: "setting",
      tolerance: 1,
      pmcCap: 0.1,
      pmcBase: "total",
      gefGrant: { value: 1_500_000, source: null },
      language: "es",
      // Matches are kept as component codes, whatever words named them.
      componentMap: { "4": "PMC", "3": "M&E" },
      projectStart: { date: "2020-07-01", source: null },
    });
  });

  test("accepts the bounds", () => {
    expect(parseSettings({ tolerance: 0, pmcCap: 0 }).tolerance).toBe(0);
    expect(parseSettings({ pmcCap: 1 }).pmcCap).toBe(1);
  });

  test.each<[string, SettingsInput, string]>([
    ["negative tolerance", { tolerance: -1 }, "tolerance"],
    ["infinite tolerance", { tolerance: Infinity }, "tolerance"],
    ["a year instead of a fiscal year", { period: "2022" }, "period"],
    ["a PMC cap above 100 %", { pmcCap: 2 }, "pmcCap"],
    ["a negative PMC cap", { pmcCap: -0.05 }, "pmcCap"],
    ["an unknown language", { language: "fr" as "en" }, "language"],
    ["a tolerance given as text", { tolerance: "0.5" as unknown as number }, "tolerance"],
  ])("rejects %s, naming the field", (_name, input, field) => {
    let thrown: unknown;
    try {
      parseSettings(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    expect((thrown as ZodError).issues.map((i) => i.path.join("."))).toEqual([field]);
  });

  test("explains the period format", () => {
    expect(() => parseSettings({ period: "2022" })).toThrow(/FY22/);
  });
});
