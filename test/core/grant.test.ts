/**
 * The budget total against the GEF grant: the seed's PIR cover says
 * 4,114,400 while its tables add up to 4,114,000.
 */
import { brief, checkFixtures } from "../helpers/fixtures";
import { check, sheet, short } from "./recognizers/grid-helpers";

test("the seed work plan's total (trust fund included) against the grant on the PIR cover", async () => {
  const { findings } = await checkFixtures(["seed-workplan.xlsx"], { period: "FY22", gefGrant: 4_114_400 });
  expect(findings.filter((f) => f.rule === "grant.total").map(brief)).toEqual([
    "error grant.total seed-workplan.xlsx Work plan C23    4114400 4114000",
  ]);
  const agreed = await checkFixtures(["seed-workplan.xlsx"], { period: "FY22", gefGrant: 4_114_000 });
  expect(agreed.findings.filter((f) => f.rule === "grant.total")).toEqual([]);
});

test("the grant read from a cell labelled 'GEF Project Financing', named in the message", () => {
  const result = check(
    sheet("Budget", [
      ["GEF Project Financing:", null, "1,250,000"],
      [],
      ["Component", "Budget (USD)", "Expenditure (USD)"],
      ["Component 1", 600000, 100000],
      ["Component 2", 540000, 90000],
      ["PMC", 100000, 18000],
      ["Total", 1240000, 208000],
    ]),
  );
  expect(result.settings.gefGrant).toEqual({ value: 1_250_000, source: "book.xlsx › Budget!C1" });
  expect(result.findings.map(short)).toEqual(["grant.total B7 - 1250000 1240000"]);
  expect(result.findings[0].message).toBe(
    "The budget adds up to 1,240,000.00 here but the GEF grant is 1,250,000.00 (in book.xlsx › Budget!C1); a difference of 10,000.00.",
  );
});
