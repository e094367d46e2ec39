/**
 * Project management cost above its cap (GEF Council paper GEF/C.39/9 and
 * later guidelines): PMC up to 5 % of the GEF financing sub-total (the
 * components and M&E, PMC excluded) for full-sized projects, whose grant is
 * above USD 2 million, and up to 10 % for medium-sized ones. Cap and base
 * are settings; the message says which were used. Lines below the total (a
 * trust fund) are part of the grant and count in it.
 */
import { roundCents } from "../amounts";
import { componentAmounts, tableTotal } from "../facts";
import type { Finding, Table } from "../model";
import { FULL_SIZED_GRANT, type Settings } from "../settings";
import { beyond, makeFinding } from "./finding";
import { money } from "./messages";

export function capRules(tables: Table[], s: Settings): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    if (t.kind === "expenditure") continue;
    const pmc = componentAmounts(t).find((a) => a.component === "PMC");
    const total = tableTotal(t);
    // A total budget that rounds to nothing (a stray 5E-324) leaves no share to compare the PMC with.
    if (!pmc || !total || roundCents(total.value) <= 0) continue;
    const base = s.pmcBase === "total" ? total.value : total.value - pmc.value;
    if (roundCents(base) <= 0) continue;
    const grant = s.gefGrant?.value ?? total.value;
    const share = s.pmcCap ?? (grant > FULL_SIZED_GRANT ? 0.05 : 0.1);
    const cap = base * share;
    if (!beyond(pmc.value - cap, s.tolerance)) continue;
    const es = s.language === "es";
    const pct = (x: number) => {
      const text = (x * 100).toFixed(1).replace(/\.0$/, "");
      return es ? text.replace(".", ",") : text;
    };
    const baseName =
      s.pmcBase === "total"
        ? es
          ? "del presupuesto total"
          : "of the total budget"
        : es
          ? "del subtotal GEF (componentes y SyE, sin PMC)"
          : "of the GEF sub-total (components and M&E, PMC excluded)";
    const why =
      s.pmcCap !== null
        ? es
          ? "el tope configurado"
          : "the cap set"
        : grant > FULL_SIZED_GRANT
          ? es
            ? "el tope GEF para proyectos de más de USD 2 millones"
            : "GEF's cap for projects above USD 2 million"
          : es
            ? "el tope GEF para proyectos de hasta USD 2 millones"
            : "GEF's cap for projects of USD 2 million or less";
    out.push(
      makeFinding(t, {
        rule: "cap.pmc",
        severity: "error",
        cell: pmc.cell,
        component: "PMC",
        output: null,
        period: null,
        expected: cap,
        actual: pmc.value,
        message: es
          ? `Gestión del proyecto (PMC): ${money(pmc.value, "es")} es el ${pct(pmc.value / base)} % ${baseName} ${money(base, "es")}, más que el ${pct(share)} % (${why}: ${money(cap, "es")}).`
          : `Project management (PMC): ${money(pmc.value, "en")} is ${pct(pmc.value / base)} % ${baseName} ${money(base, "en")}, above ${pct(share)} % (${why}: ${money(cap, "en")}).`,
      }),
    );
  }
  return out;
}
