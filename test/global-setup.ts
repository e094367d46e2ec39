// Builds the fixture workbooks before the tests run, so that every test reads
// real .xlsx files made by scripts/make-fixtures.ts.
export default async function globalSetup(): Promise<void> {
  const { makeFixtures } = await import("../scripts/make-fixtures");
  await makeFixtures();
}
