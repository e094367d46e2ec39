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
  expect(stdout).toMatch(/overspend\.account +\S*undp-cdr-2021-defects\.xlsx › CDR!H10 +Component 2, account 72100: in 2021 expenditure 262,400\.00 is above the plan of 250,000\.00/);
  expect(stdout).toMatch(/^1 error, 2 warnings, 1 note in 2 workbooks$/m);
});

test("the clean pair gives no finding", async () => {
  const { code, stdout } = await run(["validate", "--period", "FY22", join(GENERATED, "undp-awp-2021.xlsx"), join(GENERATED, "undp-cdr-2021.xlsx")]);
  expect(stdout).toMatch(/^0 errors, 0 warnings, 0 notes in 2 workbooks$/m);
  expect(code).toBe(0);
});

test("--map says how the report's activities match when the engine's guess is not the user's", async () => {
  const files = [join(GENERATED, "undp-awp-2021.xlsx"), join(GENERATED, "undp-cdr-2021.xlsx")];
  // Say ACTIVITY3 is project management and ACTIVITY4 is outcome 3: the two now exceed or miss their plans.
  const { code, stdout } = await run(["validate", "--period", "FY22", "--map", "ACTIVITY3=PMC", "--map", "ACTIVITY4=3", ...files]);
  expect(stdout).toContain("note: matched the report's component 3 with PMC, as set");
  expect(stdout).toContain("note: matched the report's component 4 with 3, as set");
  expect(stdout).toMatch(/overspend\.period +\S*undp-cdr-2021\.xlsx › CDR!H17 +Component 3: in 2021 expenditure 24,600\.00 is above the plan of 12,000\.00/);
  expect(stdout).toMatch(/delivery\.low +\S*undp-cdr-2021\.xlsx › CDR!H15 +Project management \(PMC\): delivery in 2021 is 39\.5 %/);
  expect(code).toBe(0);
});

test("a --map that names no component is one line, exit 2", async () => {
  const { code, stderr } = await run(["validate", "--map", "ACTIVITY4", join(GENERATED, "undp-cdr-2021.xlsx")]);
  expect(code).toBe(2);
  expect(stderr.trim()).toBe('pir-check: --map takes pairs such as ACTIVITY4=PMC, not "ACTIVITY4"');
  const bad = await run(["validate", "--map", "ACTIVITY4=Travel", join(GENERATED, "undp-cdr-2021.xlsx")]);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim()).toBe('pir-check: --map: each match must name two components, such as "ACTIVITY4=PMC" or "3=M&E"');
});

test("--start maps a TBWP's project years to calendar years, so its CDR is held against Year 2", async () => {
  const files = [join(GENERATED, "undp-tbwp.xlsx"), join(GENERATED, "undp-cdr-2021.xlsx")];
  const without = await run(["validate", "--period", "FY22", ...files]);
  expect(without.stdout).toMatch(/^0 errors, 0 warnings, 0 notes in 2 workbooks$/m);
  const { stdout } = await run(["validate", "--period", "FY22", "--start", "2020-01-01", ...files]);
  expect(stdout).toContain("note: read Year 1–Year 3 as 2020–2022: the project started on 2020-01-01");
  expect(stdout).toMatch(/^0 errors, 0 warnings, 3 notes in 2 workbooks$/m);
  const bad = await run(["validate", "--start", "soon", ...files]);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim()).toBe('pir-check: --start: projectStart must be a date such as "2020-01-01"');
});
