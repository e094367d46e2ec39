/**
 * `pir-check validate awp.xlsx cdr.xlsx`: a UNDP project's Annual Work Plan
 * and its Combined Delivery Report checked together, as a finance officer
 * runs it before the steering committee.
 */
import { join } from "path";
import { main } from "../../src/cli/commands";

const GENERATED = join(__dirname, "..", "fixtures", "generated");

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

test("reports the CDR's overspend against the AWP per component and year, and how it matched the activities", async () => {
  const { code, stdout } = await run(["validate", "--period", "FY22", join(GENERATED, "undp-awp-2021.xlsx"), join(GENERATED, "undp-cdr-2021-defects.xlsx")]);
  expect(code).toBe(1);
  expect(stdout).toContain("note: matched ACTIVITY4, the report's last activity, with project management (PMC)");
  expect(stdout).toContain('note: read TIMEFRAME Q1–TIMEFRAME Q4 as the schedule (marks such as "X"), not as amounts');
  expect(stdout).toMatch(/overspend\.period +\S*undp-cdr-2021-defects\.xlsx › CDR!H13 +Component 2: in 2021 expenditure 320,287\.65 is above the plan of 310,000\.00/);
  expect(stdout).toMatch(/^1 error, 1 warning, 1 note in 2 workbooks$/m);
});

test("the clean pair gives no finding", async () => {
  const { code, stdout } = await run(["validate", "--period", "FY22", join(GENERATED, "undp-awp-2021.xlsx"), join(GENERATED, "undp-cdr-2021.xlsx")]);
  expect(stdout).toMatch(/^0 errors, 0 warnings, 0 notes in 2 workbooks$/m);
  expect(code).toBe(0);
});
