/**
 * An output whose number names another component than the one it is listed
 * under ("2.2 Workshop" among component 1's outputs): a row pasted into the
 * wrong section, or a typo in its number. Its amounts are counted in the
 * component it sits under, so the component's sums still agree and nothing
 * else shows the slip.
 */
import { address } from "../grid";
import { componentOfOutput } from "../codes";
import type { Finding } from "../model";
import { makeFinding } from "./finding";
import { shortLabel, subject, type Language } from "./messages";
import { defineRule, type Template } from "./rule";
import { labelColumn } from "./table-access";

export interface MisplacedParams {
  output: string;
  label: string;
  /** The component it is listed under. */
  under: string;
  /** The component its number names. */
  named: string;
}

export const messages = {
  "label.misplaced": {
    en: (p: MisplacedParams) =>
      `"${shortLabel(p.label)}" is listed under ${subject(p.under, null, "en")}, but its number ${p.output} says ${subject(p.named, null, "en")}; its amounts are counted in ${subject(p.under, null, "en")}.`,
    es: (p: MisplacedParams) =>
      `"${shortLabel(p.label)}" figura bajo el ${subject(p.under, null, "es").toLowerCase()}, pero su número ${p.output} indica el ${subject(p.named, null, "es").toLowerCase()}; sus montos se cuentan en el ${subject(p.under, null, "es").toLowerCase()}.`,
  } satisfies Template<MisplacedParams>,
};

export const id = "label.misplaced";

/** Components numbered by the project ("1", "2"), not PMC or M&E, whose outputs need no number of theirs. */
const NUMBERED = /^\d+$/;

export const rule = defineRule({
  id,
  doc: {
    title: { en: "Output under another component", es: "Producto bajo otro componente" },
    amounts: { en: { expected: "Expected", actual: "Amount" }, es: { expected: "Esperado", actual: "Monto" } },
    severity: "warning",
    what: "an output whose number names another component than the one it is listed under (its amounts are counted where it sits)",
    example: '"2.3 Pilot training for inspectors" is listed under Component 1, but its number 2.3 says Component 2; its amounts are counted in Component 1.',
  },
  pirMark: "row",
  check: (tables, s) => {
    const out: Finding[] = [];
    for (const t of tables) {
      const labelCol = labelColumn(t);
      for (const r of t.rows) {
        if (r.kind !== "output" || r.output === null || r.component === null || !r.output.includes(".")) continue;
        if (!NUMBERED.test(r.component)) continue;
        const named = componentOfOutput(r.output);
        if (!NUMBERED.test(named) || Number(named) === Number(r.component)) continue;
        out.push(
          makeFinding(t, {
            rule: "label.misplaced",
            severity: "warning",
            cell: address(r.row, labelCol),
            component: r.component,
            output: r.output,
            period: null,
            expected: null,
            actual: null,
            message: messages["label.misplaced"][s.language as Language]({ output: r.output, label: r.label, under: r.component, named }),
          }),
        );
      }
    }
    return out;
  },
});
