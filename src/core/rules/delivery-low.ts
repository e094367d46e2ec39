/**
 * Low delivery: an expenditure report spent less than 70 % of what the work
 * plan planned for a component in a period that has ended. A note for the
 * steering committee, not an error.
 */
import { deliveryOf } from "../delivery";
import { placeName } from "../grid";
import type { Finding, Period } from "../model";
import { makeFinding } from "./finding";
import { money, period as periodText, whoText, type Language, type Who } from "./messages";
import { defineRule, type Template } from "./rule";

/** Below this share of the plan, delivery is worth a note. */
export const LOW_DELIVERY = 0.7;

export interface DeliveryParams {
  who: Who;
  period: Period;
  rate: number;
  spent: number;
  planned: number;
  plan: string;
}

const pct = (x: number, lang: Language) => {
  const text = (x * 100).toFixed(1).replace(/\.0$/, "");
  return lang === "es" ? text.replace(".", ",") : text;
};

export const messages = {
  "delivery.low": {
    en: (p: DeliveryParams) =>
      `${whoText(p.who, "en")}: delivery in ${periodText(p.period, "en")} is ${pct(p.rate, "en")} % — expenditure ${money(p.spent, "en")} of the ${money(p.planned, "en")} planned (plan in ${p.plan}); below ${pct(LOW_DELIVERY, "en")} % is low.`,
    es: (p: DeliveryParams) =>
      `${whoText(p.who, "es")}: la ejecución de ${periodText(p.period, "es")} es ${pct(p.rate, "es")} %: gasto ${money(p.spent, "es")} de ${money(p.planned, "es")} planificados (plan en ${p.plan}); por debajo de ${pct(LOW_DELIVERY, "es")} % es baja.`,
  } satisfies Template<DeliveryParams>,
};

export const id = "delivery.low";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Low delivery", es: "Ejecución baja" },
    amounts: { en: { expected: "Plan", actual: "Expenditure" }, es: { expected: "Plan", actual: "Gasto" } },
    severity: "info",
    what: "an expenditure report spent less than 70 % of what the work plan planned for a component in a period that has ended (UNDP's delivery)",
    example:
      "Component 3: delivery in 2021 is 31.5 % — expenditure 3,780.00 of the 12,000.00 planned (plan in undp-awp-2021.xlsx › AWP 2021); below 70 % is low.",
  },
  pirMark: "source",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const d of deliveryOf(tables, s)) {
      if (d.rate === null || d.rate >= LOW_DELIVERY) continue;
      const row = d.plan.rows.find((r) => r.kind === "component" && r.component === d.component)!;
      out.push(
        makeFinding(d.report, {
          rule: "delivery.low",
          severity: "info",
          cell: d.cell,
          component: d.component,
          output: null,
          period: d.period,
          expected: d.planned,
          actual: d.spent,
          message: messages["delivery.low"][s.language]({
            who: { component: d.component, output: null, label: row.label },
            period: d.period,
            rate: d.rate,
            spent: d.spent,
            planned: d.planned,
            plan: placeName(d.plan.file, d.plan.sheet),
          }),
        }),
      );
    }
    return out;
  },
});
