/**
 * Runs every rule of the registry over all recognised tables together and
 * returns the findings in a stable order: file, sheet, then cell position.
 */
import { parseAddress } from "../grid";
import type { Finding, Table } from "../model";
import type { Settings } from "../settings";
import { RULES } from "./registry";

export function runRules(tables: Table[], settings: Settings): Finding[] {
  const findings = RULES.flatMap((rule) => rule.check(tables, settings));
  return findings.sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const pa = parseAddress(a.cell)!;
  const pb = parseAddress(b.cell)!;
  if (pa.row !== pb.row) return pa.row - pb.row;
  if (pa.col !== pb.col) return pa.col - pb.col;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
