/**
 * Every rule, one file each. The rule-id schema (model.ts), the README's
 * rule table, the PIR marks and the message catalogue are derived from this
 * list; a test fails when a rule lacks its documentation, its example or its
 * test file. Adding a rule: one file here and its test.
 */
import type { Language } from "./messages";
import type { AmountWords, Rule, Template } from "./rule";
import * as capPmc from "./cap-pmc";
import * as deliveryLow from "./delivery-low";
import * as duplicateValue from "./duplicate-value";
import * as expenditureNegative from "./expenditure-negative";
import * as expenditurePast from "./expenditure-past";
import * as formulaConstant from "./formula-constant";
import * as formulaRange from "./formula-range";
import * as grantTotal from "./grant-total";
import * as labelMisplaced from "./label-misplaced";
import * as labelMissing from "./label-missing";
import * as mismatchBudget from "./mismatch-budget";
import * as mismatchComponent from "./mismatch-component";
import * as mismatchExpenditure from "./mismatch-expenditure";
import * as overspendAccount from "./overspend-account";
import * as overspendComponent from "./overspend-component";
import * as overspendOutput from "./overspend-output";
import * as overspendPeriod from "./overspend-period";
import * as overspendPlan from "./overspend-plan";
import * as sumComponent from "./sum-component";
import * as sumRow from "./sum-row";
import * as sumSubtotal from "./sum-subtotal";
import * as sumTotal from "./sum-total";
import * as valueInvalid from "./value-invalid";

/** Each rule's module (its id, rule and messages), in the order the README lists them. */
const MODULES = [
  overspendComponent,
  overspendPlan,
  overspendOutput,
  overspendPeriod,
  overspendAccount,
  deliveryLow,
  sumComponent,
  sumTotal,
  sumSubtotal,
  sumRow,
  formulaRange,
  formulaConstant,
  grantTotal,
  mismatchBudget,
  mismatchExpenditure,
  mismatchComponent,
  expenditurePast,
  expenditureNegative,
  duplicateValue,
  labelMissing,
  labelMisplaced,
  valueInvalid,
  capPmc,
] as const;

export type RuleId = (typeof MODULES)[number]["id"];

export const RULE_IDS = MODULES.map((m) => m.id) as [RuleId, ...RuleId[]];

export const RULES: ReadonlyArray<Rule<RuleId>> = MODULES.map((m) => m.rule);

/** Every message of every rule, by code: the rules' part of the catalogue. */
export const RULE_MESSAGES: Readonly<Record<string, Template<never>>> = Object.assign({}, ...MODULES.map((m) => m.messages));

export function ruleById(id: RuleId): Rule<RuleId> {
  return RULES.find((r) => r.id === id)!;
}

/** What a rule's finding calls its expected and actual amounts; null for an id the registry does not know. */
export function ruleAmountWords(id: string, language: Language): AmountWords | null {
  return RULES.find((r) => r.id === id)?.doc.amounts[language] ?? null;
}
