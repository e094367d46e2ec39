/**
 * Project management cost above its cap (GEF Council paper GEF/C.39/9 and
 * later guidelines): PMC up to 5 % of the GEF financing sub-total (the
 * components and M&E, PMC excluded) for full-sized projects, whose grant is
 * above USD 2 million, and up to 10 % for medium-sized ones. Cap and base
 * are settings; the message says which were used. Lines below the total (a
 * trust fund) are part of the grant and count in it.
 */
import { roundCents } from "../amounts";
import { componentAmounts, tableTotal, type ComponentAmount } from "../facts";
import { namesProjectManagement } from "../codes";
import type { Finding, Table } from "../model";
import { FULL_SIZED_GRANT, type Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money, type Language } from "./messages";
import { defineRule, type Template } from "./rule";

export interface CapParams {
  pmc: number;
  base: number;
  baseKind: "subtotal" | "total";
  share: number;
  cap: number;
  /** Why this share: set by the user, or GEF's cap for a full-sized or a medium-sized project. */
  why: "set" | "fullSized" | "mediumSized";
}

function pct(x: number, lang: Language): string {
  const text = (x * 100).toFixed(1).replace(/\.0$/, "");
  return lang === "es" ? text.replace(".", ",") : text;
}

const BASE: Record<CapParams["baseKind"], Record<Language, string>> = {
  total: { en: "of the total budget", es: "del presupuesto total" },
  subtotal: { en: "of the GEF sub-total (components and M&E, PMC excluded)", es: "del subtotal GEF (componentes y SyE, sin PMC)" },
};

const SPENT_BASE: Record<CapParams["baseKind"], Record<Language, string>> = {
  total: { en: "of all expenditure, PMC included", es: "de todo el gasto, PMC incluida" },
  subtotal: { en: "of the expenditure on the components and M&E", es: "del gasto en los componentes y SyE" },
};

const WHY: Record<CapParams["why"], Record<Language, string>> = {
  set: { en: "the cap set", es: "el tope configurado" },
  fullSized: { en: "GEF's cap for projects above USD 2 million", es: "el tope GEF para proyectos de más de USD 2 millones" },
  mediumSized: { en: "GEF's cap for projects of USD 2 million or less", es: "el tope GEF para proyectos de hasta USD 2 millones" },
};

export const messages = {
  "cap.pmc": {
    en: (p: CapParams) =>
      `Project management (PMC): ${money(p.pmc, "en")} is ${pct(p.pmc / p.base, "en")} % ${BASE[p.baseKind].en} ${money(p.base, "en")}, above ${pct(p.share, "en")} % (${WHY[p.why].en}: ${money(p.cap, "en")}).`,
    es: (p: CapParams) =>
      `Gestión del proyecto (PMC): ${money(p.pmc, "es")} es el ${pct(p.pmc / p.base, "es")} % ${BASE[p.baseKind].es} ${money(p.base, "es")}, más que el ${pct(p.share, "es")} % (${WHY[p.why].es}: ${money(p.cap, "es")}).`,
  } satisfies Template<CapParams>,
  /** The same share measured on what was spent: PMC spending running ahead of the components. */
  "cap.pmc.spent": {
    en: (p: CapParams) =>
      `Project management (PMC): expenditure ${money(p.pmc, "en")} is ${pct(p.pmc / p.base, "en")} % ${SPENT_BASE[p.baseKind].en} (${money(p.base, "en")}), above ${pct(p.share, "en")} % (${WHY[p.why].en}: ${money(p.cap, "en")}).`,
    es: (p: CapParams) =>
      `Gestión del proyecto (PMC): el gasto ${money(p.pmc, "es")} es el ${pct(p.pmc / p.base, "es")} % ${SPENT_BASE[p.baseKind].es} (${money(p.base, "es")}), más que el ${pct(p.share, "es")} % (${WHY[p.why].es}: ${money(p.cap, "es")}).`,
  } satisfies Template<CapParams>,
};

/**
 * PMC (budget or spending) against `share` of its base in the same table: the
 * total without PMC (GEF's sub-total) or the whole total. Null when within it,
 * or when a total that rounds to nothing (a stray 5E-324) leaves no base.
 */
function aboveCap(
  t: Table,
  pmc: { value: number; cell: string; component: string },
  total: number,
  share: number,
  why: CapParams["why"],
  code: "cap.pmc" | "cap.pmc.spent",
  s: Settings,
): Finding | null {
  if (roundCents(total) <= 0) return null;
  const base = s.pmcBase === "total" ? total : total - pmc.value;
  if (roundCents(base) <= 0) return null;
  const cap = base * share;
  if (!beyond(pmc.value - cap, s.tolerance)) return null;
  return makeFinding(t, {
    rule: "cap.pmc",
    // Spending ahead of the components is a warning; a budget above the cap an error.
    severity: code === "cap.pmc" ? "error" : "warning",
    cell: pmc.cell,
    component: pmc.component,
    output: null,
    period: null,
    expected: cap,
    actual: pmc.value,
    message: messages[code][s.language]({ pmc: pmc.value, base, baseKind: s.pmcBase, share, cap, why }),
  });
}

/** The table's PMC: the component coded PMC, else a numbered component whose label says project management. */
function pmcAmount(t: Table): ComponentAmount | undefined {
  const amounts = componentAmounts(t);
  return amounts.find((a) => a.component === "PMC") ?? amounts.find((a) => namesProjectManagement(a.row.label));
}

/** The PMC's expenditure against the same cap, measured on what the table says was spent. */
function spentAboveCap(t: Table, share: number, why: CapParams["why"], s: Settings): Finding | null {
  const e = t.columns.findIndex((c) => c.role === "expenditure");
  if (e < 0) return null;
  const pmcRow = pmcAmount(t);
  const pmc = pmcRow?.row.amounts[e];
  const total = t.rows.find((r) => r.kind === "total")?.amounts[e];
  if (!pmcRow || !pmc || pmc.value === null || !total || total.value === null) return null;
  return aboveCap(t, { value: pmc.value, cell: pmc.cell, component: pmcRow.component }, total.value, share, why, "cap.pmc.spent", s);
}

export const id = "cap.pmc";

export const rule = defineRule({
  id,
  doc: {
    title: { en: "PMC above its cap", es: "PMC por encima del tope" },
    amounts: { en: { expected: "Cap", actual: "Project management" }, es: { expected: "Tope", actual: "Gestión del proyecto" } },
    severity: "error",
    what: "PMC above its cap: by GEF's rule 5 % of the GEF sub-total (components and M&E, PMC excluded) when the grant is above USD 2 million, 10 % at or below; cap and base are settings; lines below the total (a trust fund) count in the grant. A budget table's PMC expenditure is held against the same share of what the components spent (a warning)",
    example:
      "Project management (PMC): 160,000.00 is 16.5 % of the GEF sub-total (components and M&E, PMC excluded) 970,000.00, above 10 % (GEF's cap for projects of USD 2 million or less: 97,000.00).",
  },
  pirMark: "budget",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const t of tables) {
      if (t.kind === "expenditure") continue;
      const pmc = pmcAmount(t);
      const total = tableTotal(t);
      if (!pmc || !total) continue;
      const grant = s.gefGrant?.value ?? total.value;
      const share = s.pmcCap ?? (grant > FULL_SIZED_GRANT ? 0.05 : 0.1);
      const why = s.pmcCap !== null ? "set" : grant > FULL_SIZED_GRANT ? "fullSized" : "mediumSized";
      for (const f of [t.kind === "budget" ? spentAboveCap(t, share, why, s) : null, aboveCap(t, pmc, total.value, share, why, "cap.pmc", s)]) if (f) out.push(f);
    }
    return out;
  },
});
