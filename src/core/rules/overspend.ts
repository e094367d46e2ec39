/**
 * What the overspend rules share: a budget table's expenditure above its
 * budget, a work plan's amounts adding up past a row's total budget (with the
 * period where the running total crosses it), and an expenditure report above
 * the plan for a period. The rule files choose the rows and the words.
 */
import type { Finding, Period, RuleId, Table, TableRow } from "../model";
import type { Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money, period as periodText, who, whoText, type Who } from "./messages";
import type { Template } from "./rule";
import { pastSpending, type PastSpending } from "../past-spending";
import { supportedRow } from "./duplicate-value";
import { amountAt, cellOf, childrenOf, columnIndex, parentOf, periodColumns, printedAt } from "./table-access";

export interface SpentParams {
  who: Who;
  spent: number;
  budget: number;
  /** The same amount in another row, which the work plan supports for that row: the likely cause. */
  repeated?: { cell: string; row: Who };
}

export const spentAboveBudget: Template<SpentParams> = {
  en: (p) =>
    `${whoText(p.who, "en")}: expenditure ${money(p.spent, "en")} is above the budget ${money(p.budget, "en")} by ${money(p.spent - p.budget, "en")}.` +
    (p.repeated ? ` Probably caused by the amount repeated in ${p.repeated.cell}, which the work plan supports for ${whoText(p.repeated.row, "en")}.` : ""),
  es: (p) =>
    `${whoText(p.who, "es")}: el gasto ${money(p.spent, "es")} supera el presupuesto ${money(p.budget, "es")} en ${money(p.spent - p.budget, "es")}.` +
    (p.repeated ? ` Probablemente por el monto repetido en ${p.repeated.cell}, que el plan de trabajo respalda para ${whoText(p.repeated.row, "es")}.` : ""),
};

/** Another component row of the column showing the same amount, that the work plan supports rather than this one. */
function repeatedElsewhere(t: Table, r: TableRow, e: number, spent: number, past: Map<string, PastSpending>): SpentParams["repeated"] {
  const cents = Math.round(spent * 100);
  if (cents % 10_000 === 0) return undefined;
  for (const o of t.rows) {
    const a = o.amounts[e];
    if (o === r || o.kind !== "component" || !a || a.value === null || Math.round(a.value * 100) !== cents) continue;
    const backed = supportedRow(r, o, spent, past);
    if (backed && backed.row === o) return { cell: a.cell, row: who(o) };
  }
  return undefined;
}

export interface PlanParams {
  who: Who;
  period: Period;
  /** The running total when it crossed the budget. */
  total: number;
  budget: number;
  /** Over all periods. */
  all: number;
}

export const planAboveBudget: Template<PlanParams> = {
  en: (p) =>
    `${whoText(p.who, "en")}: by ${periodText(p.period, "en")} the amounts add up to ${money(p.total, "en")}, above the total budget of ${money(p.budget, "en")} (by ${money(p.total - p.budget, "en")}). Over all periods: ${money(p.all, "en")}.`,
  es: (p) =>
    `${whoText(p.who, "es")}: hasta ${periodText(p.period, "es")} los montos suman ${money(p.total, "es")}, más que el presupuesto total de ${money(p.budget, "es")} (en ${money(p.total - p.budget, "es")}). En todos los períodos: ${money(p.all, "es")}.`,
};

/** A budget table's rows of this kind whose expenditure is above their budget. */
export function budgetOverspend(rule: RuleId, kind: "component" | "output", tables: Table[], s: Settings): Finding[] {
  const out: Finding[] = [];
  const past = kind === "component" ? pastSpending(tables, s) : new Map<string, PastSpending>();
  for (const t of tables) {
    if (t.kind !== "budget") continue;
    const b = columnIndex(t, "budget");
    const e = columnIndex(t, "expenditure");
    if (b < 0 || e < 0) continue;
    for (const r of t.rows) {
      if (r.kind !== kind) continue;
      const budget = amountAt(r, b);
      const spent = printedAt(r, e);
      if (budget === null || spent === null || !beyond(spent - budget, s.tolerance)) continue;
      const cell = cellOf(r, e)!;
      out.push(
        makeFinding(t, {
          rule,
          severity: "error",
          cell: cell.cell,
          component: r.component,
          output: r.output,
          period: null,
          expected: budget,
          actual: spent,
          message: spentAboveBudget[s.language]({ who: who(r), spent, budget, repeated: repeatedElsewhere(t, r, e, spent, past) }),
        }),
      );
    }
  }
  return out;
}

/** A component's single output repeating the component's own amounts adds nothing to report. */
function repeatsOnlyParent(t: Table, r: TableRow): boolean {
  const parent = parentOf(t, r);
  if (!parent) return false;
  const kids = childrenOf(t, parent);
  if (kids.length !== 1) return false;
  for (let i = 0; i < t.columns.length; i++) if ((printedAt(r, i) ?? 0) !== (printedAt(parent, i) ?? 0)) return false;
  return true;
}

/** A work plan's rows of this kind whose amounts add up past their Total Budget, at the period where they cross it. */
export function planOverspend(rule: RuleId, kinds: ReadonlyArray<"component" | "output" | "total">, tables: Table[], s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    if (t.kind !== "workplan") continue;
    const b = columnIndex(t, "budget");
    const periods = periodColumns(t);
    if (b < 0 || periods.length === 0) continue;
    for (const r of t.rows) {
      if (!(kinds as readonly string[]).includes(r.kind)) continue;
      const budget = printedAt(r, b);
      if (budget === null) continue;
      if (r.kind === "output" && repeatsOnlyParent(t, r)) continue;
      let running = 0;
      let crossing: { period: Period; cell: string; total: number } | null = null;
      for (const p of periods) {
        running += amountAt(r, p.index) ?? 0;
        // The plain comparison first: rounding to cents (beyond) is only worth it near the budget.
        if (!crossing && running - budget > s.tolerance - 0.01 && beyond(running - budget, s.tolerance)) {
          const cell = cellOf(r, p.index);
          crossing = { period: p.period, cell: (cell ?? cellOf(r, b)!).cell, total: running };
        }
      }
      if (!crossing) continue;
      out.push(
        makeFinding(t, {
          rule,
          severity: "error",
          cell: crossing.cell,
          component: r.component,
          output: r.output,
          period: crossing.period,
          expected: budget,
          actual: crossing.total,
          message: planAboveBudget[s.language]({ who: who(r), period: crossing.period, total: crossing.total, budget, all: running }),
        }),
      );
    }
  }
  return out;
}

export interface PeriodParams {
  who: Who;
  period: Period;
  spent: number;
  planned: number;
  /** Where the plan is: "file › sheet". */
  plan: string;
}

export const spentAbovePlan: Template<PeriodParams> = {
  en: (p) =>
    `${whoText(p.who, "en")}: in ${periodText(p.period, "en")} expenditure ${money(p.spent, "en")} is above the plan of ${money(p.planned, "en")} (by ${money(p.spent - p.planned, "en")}; plan in ${p.plan}).`,
  es: (p) =>
    `${whoText(p.who, "es")}: en ${periodText(p.period, "es")} el gasto ${money(p.spent, "es")} supera lo planificado ${money(p.planned, "es")} (en ${money(p.spent - p.planned, "es")}; plan en ${p.plan}).`,
};
