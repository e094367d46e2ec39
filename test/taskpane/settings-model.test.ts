import { engineSettings, defaultSettings, formatComponentMap, isOwnSheet, parseComponentMap, periodOptions, settingsFromStored, validSettings, withoutOwnSheets } from "../../src/taskpane/settings-model";

const nov2026 = new Date("2026-11-24T00:00:00Z");

describe("settings as the pane keeps them", () => {
  it("default to an automatic period: the one a table's title names, else the fiscal year that ended last", () => {
    expect(defaultSettings()).toEqual({ period: "", tolerance: 0.5, pmcCap: null, pmcBase: "subtotal", gefGrant: null, componentMap: {}, language: "en" });
    expect(engineSettings(defaultSettings(), nov2026)).toMatchObject({ period: { label: "FY26" }, periodSource: "default" });
    const june = new Date("2026-06-30T12:00:00Z");
    expect(engineSettings(defaultSettings(), june).period.label).toBe("FY25");
  });

  it("keep each stored field that validates and drop the ones that do not", () => {
    expect(
      settingsFromStored({ period: "fy 2022", tolerance: 2, pmcCap: 0.1, pmcBase: "total", gefGrant: 1_500_000, componentMap: { ACTIVITY4: "PMC" }, language: "es" }),
    ).toEqual({
      period: "FY22",
      tolerance: 2,
      pmcCap: 0.1,
      pmcBase: "total",
      gefGrant: 1_500_000,
      componentMap: { ACTIVITY4: "PMC" },
      language: "es",
    });
    expect(
      settingsFromStored({ period: "2022", tolerance: -1, pmcCap: 5, pmcBase: "half", gefGrant: -3, componentMap: { Travel: "PMC" }, language: "fr" }),
    ).toEqual(defaultSettings());
    expect(settingsFromStored("garbage")).toEqual(defaultSettings());
    expect(settingsFromStored(null)).toEqual(defaultSettings());
  });

  it("refuse out-of-range values from the form", () => {
    const ok = defaultSettings();
    // What is automatic is not stored: the period, the cap by project size, the grant read from the workbook.
    expect(validSettings(ok)).toEqual({ tolerance: 0.5, pmcBase: "subtotal", language: "en" });
    expect(validSettings({ ...ok, pmcCap: 0.07, gefGrant: 900_000 })).toEqual({ tolerance: 0.5, pmcCap: 0.07, pmcBase: "subtotal", gefGrant: 900_000, language: "en" });
    expect(settingsFromStored(validSettings({ ...ok, pmcCap: 0.07 }))).toEqual({ ...ok, pmcCap: 0.07 });
    expect(validSettings({ ...ok, pmcCap: 1.5 })).toBeNull();
    expect(validSettings({ ...ok, gefGrant: 0 })).toBeNull();
    expect(validSettings({ ...ok, tolerance: Number.NaN })).toBeNull();
    expect(validSettings({ ...ok, period: "FY1" })).toBeNull();
  });

  it("read component matches as the user types them, and write them back", () => {
    expect(parseComponentMap("ACTIVITY4=PMC, ACTIVITY3 = M&E")).toEqual({ ACTIVITY4: "PMC", ACTIVITY3: "M&E" });
    expect(parseComponentMap("")).toEqual({});
    expect(parseComponentMap("ACTIVITY4")).toBeNull();
    expect(parseComponentMap("ACTIVITY4=Travel")).toBeNull();
    expect(formatComponentMap({ ACTIVITY4: "PMC", ACTIVITY3: "M&E" })).toBe("ACTIVITY4=PMC, ACTIVITY3=M&E");
  });

  it("offer the fiscal year under way and ten before it, plus an older chosen one", () => {
    const options = periodOptions(nov2026, "FY26");
    expect(options[0]).toBe("FY27");
    expect(options).toContain("FY22");
    expect(options).toHaveLength(12);
    expect(periodOptions(nov2026, "FY09").at(-1)).toBe("FY09");
  });
});

describe("the add-in's own sheets", () => {
  it("are recognised in both languages, with the copies Keep both makes", () => {
    for (const name of ["PIR tables", "pir tables (2)", "Findings", "Findings (3)", "Tablas PIR", "Hallazgos 2"]) expect(isOwnSheet(name)).toBe(true);
    for (const name of ["Work plan", "PIR tables old", "Budget (2)"]) expect(isOwnSheet(name)).toBe(false);
  });

  it("are left out of what is checked", () => {
    const grid = { file: "w.xlsx", sheets: ["Work plan", "PIR tables", "Findings (2)"].map((name) => ({ name, cells: [], merges: [] })) };
    expect(withoutOwnSheets(grid).sheets.map((s) => s.name)).toEqual(["Work plan"]);
  });
});
