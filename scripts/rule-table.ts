/**
 * Rewrites the README's rule table from the rule registry (npm run docs:rules).
 * The table sits between the markers <!-- rules:start --> and <!-- rules:end -->.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { ruleTableMarkdown } from "../src/core/rules/rule-table";

const README = join(__dirname, "..", "README.md");
const text = readFileSync(README, "utf8");
const start = text.indexOf("<!-- rules:start -->");
const end = text.indexOf("<!-- rules:end -->");
if (start < 0 || end < start) {
  console.error("README.md has no <!-- rules:start --> … <!-- rules:end --> markers");
  process.exit(1);
}
writeFileSync(README, `${text.slice(0, start)}<!-- rules:start -->\n${ruleTableMarkdown()}\n${text.slice(end)}`);
console.log("README.md: rule table rewritten from src/core/rules/registry.ts");
