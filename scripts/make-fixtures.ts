/**
 * Builds every fixture workbook the tests read, and the two seed workbooks
 * users can try (examples/). jest's globalSetup calls makeFixtures() before
 * each test run; `npm run fixtures` runs it by hand.
 *
 * The workbooks are formatted as a finance officer would leave them (titles,
 * merged headers, number formats, bold component rows), because the
 * recogniser has to cope with exactly that. What each fixture holds and what
 * a validator must find in it is documented next to its builder in
 * scripts/fixtures/*.ts and summarised in test/fixtures/README.md.
 */
import fs from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import { budgetClean, workplanClean } from "./fixtures/clean";
import { multiTable } from "./fixtures/multi";
import { capPmc, nonTables } from "./fixtures/others";
import { workplanQuirks, workplanSpanish } from "./fixtures/quirky";
import { seedBudget, seedWorkplan } from "./fixtures/seed";
import * as layouts from "./fixtures/layouts";
import * as ledger from "./fixtures/ledger";
import * as periods from "./fixtures/periods";
import * as plans from "./fixtures/plans";
import { planBudgetSlips } from "./fixtures/slips";
import { fixZipTimestamps } from "./fixtures/workbook";

export const ROOT = path.join(__dirname, "..");
export const GENERATED_DIR = path.join(ROOT, "test", "fixtures", "generated");
export const EXAMPLES_DIR = path.join(ROOT, "examples");

/** File name → builder, for test/fixtures/generated/. */
export const FIXTURES: Record<string, () => ExcelJS.Workbook> = {
  "seed-workplan.xlsx": seedWorkplan,
  "seed-budget.xlsx": () => seedBudget(false),
  "seed-budget-footnote.xlsx": () => seedBudget(true),
  "workplan-clean.xlsx": workplanClean,
  "budget-clean.xlsx": budgetClean,
  "workplan-spanish.xlsx": workplanSpanish,
  "workplan-quirks.xlsx": workplanQuirks,
  "multi-table.xlsx": multiTable,
  "cap-pmc.xlsx": capPmc,
  "non-tables.xlsx": nonTables,
  "undp-tbwp.xlsx": layouts.undpTbwp,
  "undp-tbwp-defects.xlsx": layouts.undpTbwpDefects,
  "undp-tbwp-start.xlsx": layouts.undpTbwpWithStart,
  "gef-annex-e.xlsx": layouts.gefAnnexE,
  "gef-annex-e-defects.xlsx": layouts.gefAnnexEDefects,
  "unep-by-year.xlsx": layouts.unepYear,
  "unep-by-year-defects.xlsx": layouts.unepYearDefects,
  "unep-by-component.xlsx": layouts.unepComponent,
  "unep-by-component-defects.xlsx": layouts.unepComponentDefects,
  "money-and-tonnes.xlsx": layouts.moneyAndTonnes,
  "undp-awp-2021.xlsx": plans.undpAwp,
  "undp-cdr-2021.xlsx": plans.undpCdr,
  "undp-cdr-2021-defects.xlsx": plans.undpCdrDefects,
  "poa-2022.xlsx": plans.poa2022,
  "poa-2022-defects.xlsx": plans.poa2022Defects,
  "plan-travail-2023.xlsx": plans.planTravail,
  "plan-travail-2023-defects.xlsx": plans.planTravailDefects,
  "plan-budget-slips.xlsx": planBudgetSlips,
  "workplan-2022-quarters.xlsx": periods.workplan2022Quarters,
  "undp-cdr-2022-h1.xlsx": periods.undpCdrH1,
  "undp-cdr-2022-h1-es.xlsx": periods.undpCdrH1Spanish,
  "undp-cdr-2022-h1-defects.xlsx": periods.undpCdrH1Defects,
  "workplan-months-2022.xlsx": periods.workplanMonths,
  "poa-mensual-2022.xlsx": periods.workplanMonthsSpanish,
  "poa-mensual-2022-defects.xlsx": periods.workplanMonthsSpanishDefects,
  "workplan-fiscal-years.xlsx": periods.workplanFiscalYears,
  "workplan-fiscal-years-defects.xlsx": periods.workplanFiscalYearsDefects,
  "ledger-2022.xlsx": ledger.ledger2022,
  "ledger-2022-defects.xlsx": ledger.ledger2022Defects,
};

/** The seed workbooks again, under the names users see in examples/. */
export const EXAMPLES: Record<string, string> = {
  "peru-sizd-workplan.xlsx": "seed-workplan.xlsx",
  "peru-sizd-budget.xlsx": "seed-budget.xlsx",
};

/**
 * Write through a temporary file and rename: two test runs started at the
 * same time must never read a half-written workbook. Unchanged files are not
 * rewritten, so examples/ stays untouched in git and mtime-based tools calm.
 */
function writeAtomically(file: string, bytes: Buffer): void {
  if (fs.existsSync(file) && fs.readFileSync(file).equals(bytes)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

export async function makeFixtures(): Promise<void> {
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  fs.mkdirSync(EXAMPLES_DIR, { recursive: true });
  const built = new Map<string, Buffer>();
  await Promise.all(
    Object.entries(FIXTURES).map(async ([name, build]) => {
      const bytes = fixZipTimestamps(Buffer.from(await build().xlsx.writeBuffer()));
      built.set(name, bytes);
      writeAtomically(path.join(GENERATED_DIR, name), bytes);
    }),
  );
  for (const [example, fixture] of Object.entries(EXAMPLES)) {
    writeAtomically(path.join(EXAMPLES_DIR, example), built.get(fixture)!);
  }
}

if (require.main === module) {
  const started = Date.now();
  makeFixtures().then(
    () => console.log(`fixtures written to ${path.relative(process.cwd(), GENERATED_DIR) || "."} and examples/ in ${Date.now() - started} ms`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
