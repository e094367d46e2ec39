/**
 * The README's rule table, written from the registry: a rule's row cannot
 * say something its file does not (test/core/rules/registry.test.ts checks
 * that the README holds exactly this table).
 */
import { RULES } from "./registry";

/** Markdown cells may not hold a bare "|". */
const cell = (text: string) => text.replace(/\|/g, "\\|");

export function ruleTableMarkdown(): string {
  const lines = ["| rule | severity | what it finds | example |", "| --- | --- | --- | --- |"];
  for (const r of RULES) lines.push(`| \`${r.id}\` | ${cell(r.doc.severity)} | ${cell(r.doc.what)} | *${cell(r.doc.example)}* |`);
  return lines.join("\n");
}
