/**
 * The CLI checks its settings with core's checkSettings (plain code, so the
 * bundled CLI never loads zod); the pane and the document settings use the
 * zod schema (parseSettings). The two must give the same verdict on the same
 * input: the same settings when valid, the same field when not.
 */
import fc from "fast-check";
import { ZodError } from "zod";
import { checkSettings, parseSettings, SettingsInputError, type SettingsInput } from "../../src/core";

const TODAY = new Date("2026-11-24T00:00:00Z");

type Verdict = { ok: true; settings: unknown } | { ok: false; field: string };

function viaZod(input: SettingsInput): Verdict {
  try {
    return { ok: true, settings: parseSettings(input, TODAY) };
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    return { ok: false, field: String(e.issues[0]?.path[0]) };
  }
}

function viaPlain(input: SettingsInput): Verdict {
  try {
    return { ok: true, settings: checkSettings(input, TODAY) };
  } catch (e) {
    if (!(e instanceof SettingsInputError)) throw e;
    return { ok: false, field: e.field };
  }
}

const cases: Array<[string, SettingsInput]> = [
  ["nothing", {}],
  ["everything valid", { period: "fy2022", tolerance: 0, pmcCap: 1, pmcBase: "total", gefGrant: 1e12, language: "es", projectStart: "1 January 2020", componentMap: { ACTIVITY4: "PMC", "3": "M&E" } }],
  ["period not a fiscal year", { period: "2022" }],
  ["period out of range", { period: "FY1850" }],
  ["tolerance below 0", { tolerance: -0.01 }],
  ["tolerance above 1,000,000", { tolerance: 1_000_001 }],
  ["tolerance NaN", { tolerance: Number.NaN }],
  ["tolerance infinite", { tolerance: Number.POSITIVE_INFINITY }],
  ["PMC cap above 1", { pmcCap: 1.5 }],
  ["PMC cap below 0", { pmcCap: -1 }],
  ["PMC base unknown", { pmcBase: "grant" as "total" }],
  ["grant 0", { gefGrant: 0 }],
  ["grant above 1e12", { gefGrant: 2e12 }],
  ["language unknown", { language: "fr" as "en" }],
  ["start not a date", { projectStart: "soon" }],
  ["map to no component", { componentMap: { ACTIVITY4: "lunch" } }],
  ["map from no component", { componentMap: { lunch: "PMC" } }],
  ["two bad fields: the first in the schema's order", { tolerance: -1, period: "x", gefGrant: 0 }],
];

test.each(cases)("checkSettings and parseSettings agree: %s", (_, input) => {
  expect(viaPlain(input)).toEqual(viaZod(input));
});

test("checkSettings and parseSettings agree on any mix of settings", () => {
  const num = fc.oneof(fc.double({ min: -10, max: 2e12 }), fc.constantFrom(0, 1, 1e6, 1e12, -0, Number.NaN));
  const input = fc.record(
    {
      period: fc.constantFrom("FY22", "fy 2022", "FY1899", "2022", ""),
      tolerance: num,
      pmcCap: num,
      pmcBase: fc.constantFrom("subtotal", "total", "grant") as fc.Arbitrary<"total">,
      gefGrant: num,
      language: fc.constantFrom("en", "es", "fr") as fc.Arbitrary<"en">,
      projectStart: fc.constantFrom("2020-01-01", "1 de enero de 2020", "2020-02-30", "x"),
      componentMap: fc.dictionary(fc.constantFrom("ACTIVITY4", "3", "PMC", "lunch"), fc.constantFrom("PMC", "M&E", "1", "lunch"), { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  );
  fc.assert(fc.property(input, (i) => expect(viaPlain(i)).toEqual(viaZod(i))), { numRuns: 500 });
});
