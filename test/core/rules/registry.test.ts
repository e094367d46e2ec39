/**
 * The registry is the one list of rules: each has its documentation, an
 * example that a real fixture produces word for word, its own test file,
 * and the README's rule table is written from it.
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { basename, join } from "path";
import { checkWorkbooks } from "../../../src/core/check";
import { ruleIdSchema } from "../../../src/core/model";
import { RULES, RULE_IDS } from "../../../src/core/rules/registry";
import { ruleTableMarkdown } from "../../../src/core/rules/rule-table";
import { parseSettings } from "../../../src/core/settings";
import { readWorkbookFile } from "../../../src/xlsx/read-file";

const ROOT = join(__dirname, "..", "..", "..");

/** Every message the fixtures and the example workbooks produce, with files named as a user names them. */
async function fixtureMessages(): Promise<Set<string>> {
  const settings = parseSettings({ period: "FY22" });
  const generated = join(ROOT, "test", "fixtures", "generated");
  const read = async (path: string) => ({ ...(await readWorkbookFile(path)), file: basename(path) });
  const messages = new Set<string>();
  const add = (grids: Awaited<ReturnType<typeof read>>[]) => checkWorkbooks(grids, settings).findings.forEach((f) => messages.add(f.message));
  for (const f of readdirSync(generated).filter((n) => n.endsWith(".xlsx"))) add([await read(join(generated, f))]);
  add(await Promise.all(["peru-sizd-budget.xlsx", "peru-sizd-workplan.xlsx"].map((f) => read(join(ROOT, "examples", f)))));
  // Workbooks a user checks together: a work plan and its expenditure report.
  add(await Promise.all(["undp-awp-2021.xlsx", "undp-cdr-2021-defects.xlsx"].map((f) => read(join(generated, f)))));
  return messages;
}

let produced: Set<string>;
beforeAll(async () => {
  produced = await fixtureMessages();
}, 60_000);

test("the rule-id schema is the registry's list of ids, each once", () => {
  expect(ruleIdSchema.options).toEqual(RULES.map((r) => r.id));
  expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
});

describe.each(RULES.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  test("is documented: a plain name and what its two amounts are in both languages, severity, what it finds, an example", () => {
    expect(rule.doc.title.en.trim()).not.toBe("");
    expect(rule.doc.title.es.trim()).not.toBe("");
    expect(rule.doc.title.es).not.toBe(rule.doc.title.en);
    expect(rule.doc.severity.trim()).not.toBe("");
    expect(rule.doc.what.trim().length).toBeGreaterThan(20);
    expect(rule.doc.example.trim()).not.toBe("");
    for (const lang of ["en", "es"] as const) {
      expect(rule.doc.amounts[lang].expected.trim()).not.toBe("");
      expect(rule.doc.amounts[lang].actual.trim()).not.toBe("");
    }
  });

  test("its example is a message a fixture or the example workbooks produce", () => {
    expect(produced.has(rule.doc.example)).toBe(true);
  });

  test("has its own source file and test file", () => {
    const file = id.replace(".", "-");
    expect(existsSync(join(ROOT, "src", "core", "rules", `${file}.ts`))).toBe(true);
    expect(existsSync(join(ROOT, "test", "core", "rules", `${file}.test.ts`))).toBe(true);
  });
});

test("the README's rule table is the one the registry writes (npm run docs:rules)", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("<!-- rules:start -->") + "<!-- rules:start -->".length, readme.indexOf("<!-- rules:end -->")).trim();
  expect(table).toBe(ruleTableMarkdown());
});
