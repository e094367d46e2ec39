/**
 * What a rule is: one file per rule (see registry.ts) carrying its id, its
 * default severity, where its findings mark the PIR tables, its messages in
 * English and Spanish, its documentation and its check. The rule-id schema,
 * the README's rule table and the PIR marks are all derived from these.
 */
import type { Finding, Table } from "../model";
import type { Settings } from "../settings";
import type { Language } from "./messages";

/** A message in every language the product speaks, from the same parameters. */
export type Template<P> = Record<Language, (p: P) => string>;

/**
 * Where a finding marks the PIR tables. Every finding marks the PIR cell that
 * reproduces its own source cell; when there is none (it points at another
 * table's cell, or at a derived amount), it marks the cell its component,
 * output, period and rule name:
 * - `source`: no other cell (it is about one source cell);
 * - `plan`: the work-plan cell of its row and period (Budget when it has no period);
 * - `row`: the label of its work-plan row (a row's own Total column is not reproduced);
 * - `budget` / `expenditure`: the component's cell in the financial table, else the work-plan cell;
 * - `crossBudget`: a disagreement between tables, shown on both: the financial Budget and the work-plan cell, always;
 * - `crossExpenditure`: the same for the financial Expenditure.
 */
export type PirMark = "source" | "plan" | "row" | "budget" | "expenditure" | "crossBudget" | "crossExpenditure";

export interface AmountWords {
  expected: string;
  actual: string;
}

export interface RuleDoc {
  /** The rule's plain name, for the Findings sheet and the pane. */
  title: Record<Language, string>;
  /** What a finding's two amounts are ("Budget" and "Expenditure" rather than "Expected" and "Actual"), for the pane. */
  amounts: Record<Language, AmountWords>;
  /** How severe its findings are, in words ("error, or warning when rounding can explain it"). */
  severity: string;
  /** What it finds, for the README's rule table. */
  what: string;
  /** A finding's message as a user sees it, from a real fixture. */
  example: string;
}

export interface Rule<Id extends string = string> {
  id: Id;
  doc: RuleDoc;
  pirMark: PirMark;
  /** Every finding of this rule over all tables checked together. */
  check(tables: Table[], settings: Settings): Finding[];
}

/** Keeps a rule's id as its literal type, so that the registry's list of ids is the RuleId type. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
