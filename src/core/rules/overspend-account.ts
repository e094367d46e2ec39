/**
 * An expenditure report above the work plan for one account of a component
 * in a period: a UNDP CDR's account lines (ACTIVITY2 › 72100) against the
 * plan's lines charged to the same account (an AWP's activities whose
 * Budget Description reads "72100 Contractual Services-Companies", a TBWP's
 * account lines). Only accounts both tables name for the component are held
 * against each other: an exchange loss nobody planned is no overspend.
 * Periods are matched as overspend.period matches them.
 */
import { placeName } from "../grid";
import type { Finding, Period, Table, TableRow } from "../model";
import { matchPeriods } from "../periods";
import type { Settings } from "../settings";
import { plansFor } from "../delivery";
import { beyond, makeFinding } from "./finding";
import { money, period as periodText, whoText, type Who } from "./messages";
import { defineRule, type Template } from "./rule";
import { amountAt, cellOf, periodColumns } from "./table-access";

export interface AccountParams {
  who: Who;
  account: string;
  period: Period;
  spent: number;
  planned: number;
  /** Where the plan is: "file › sheet". */
  plan: string;
}

export const messages = {
  "overspend.account": {
    en: (p: AccountParams) =>
      `${whoText(p.who, "en")}, account ${p.account}: in ${periodText(p.period, "en")} expenditure ${money(p.spent, "en")} is above the plan of ${money(p.planned, "en")} (by ${money(p.spent - p.planned, "en")}; plan in ${p.plan}).`,
    es: (p: AccountParams) =>
      `${whoText(p.who, "es")}, cuenta ${p.account}: en ${periodText(p.period, "es")} el gasto ${money(p.spent, "es")} supera lo planificado ${money(p.planned, "es")} (en ${money(p.spent - p.planned, "es")}; plan en ${p.plan}).`,
  } satisfies Template<AccountParams>,
};

export const id = "overspend.account";

/** The rows charged to each component's accounts: "2|72100" → rows. Only rows with an account code and a component. */
function byAccount(t: Table, kinds: ReadonlyArray<TableRow["kind"]>): Map<string, TableRow[]> {
  const out = new Map<string, TableRow[]>();
  for (const r of t.rows) {
    if (!r.code || !/^\d{5}$/.test(r.code) || r.component === null || !kinds.includes(r.kind)) continue;
    const key = `${r.component}|${r.code}`;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

export function accountOverspend(spent: Table, plan: Table, s: Settings): Finding[] {
  const planned = byAccount(plan, ["output", "line"]);
  if (planned.size === 0) return [];
  const spentLines = byAccount(spent, ["line"]);
  const matches = matchPeriods(periodColumns(plan), periodColumns(spent));
  const out: Finding[] = [];
  for (const [key, rows] of spentLines) {
    const planRows = planned.get(key);
    if (!planRows) continue;
    const [component, account] = key.split("|");
    for (const m of matches) {
      let actual = 0;
      for (const r of rows) for (const c of m.spent) actual += amountAt(r, c.index) ?? 0;
      let plannedAmount = 0;
      for (const r of planRows) for (const c of m.plan) plannedAmount += amountAt(r, c.index) ?? 0;
      if (!beyond(actual - plannedAmount, s.tolerance)) continue;
      const last = rows[rows.length - 1];
      const cell = cellOf(last, m.spent[m.spent.length - 1].index)?.cell;
      if (!cell) continue;
      const who: Who = { component, output: null, label: last.label };
      out.push(
        makeFinding(spent, {
          rule: "overspend.account",
          severity: "warning",
          cell,
          component,
          output: null,
          period: m.period,
          expected: plannedAmount,
          actual,
          message: messages["overspend.account"][s.language]({ who, account, period: m.period, spent: actual, planned: plannedAmount, plan: placeName(plan.file, plan.sheet) }),
        }),
      );
    }
  }
  return out;
}

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Expenditure above plan for an account", es: "Gasto por encima del plan en una cuenta" },
    amounts: { en: { expected: "Plan", actual: "Expenditure" }, es: { expected: "Plan", actual: "Gasto" } },
    severity: "warning",
    what: "an expenditure report's account lines above the work plan's lines for the same account of the component, per period (a CDR against an AWP or TBWP)",
    example: "Component 2, account 72100: in 2021 expenditure 262,400.00 is above the plan of 250,000.00 (by 12,400.00; plan in undp-awp-2021.xlsx › AWP 2021).",
  },
  pirMark: "source",
  check: (tables, s) => tables.filter((t) => t.kind === "expenditure").flatMap((spent) => plansFor(spent, tables).flatMap((plan) => accountOverspend(spent, plan, s))),
});
