/**
 * What a row label says the row is: a component ("C.1: Policy framework",
 * "Componente II", "PMC"), an output ("1.1.1 Regulation…", "Output 2.2"), an
 * outcome heading, a total or subtotal, or plain text. English and Spanish,
 * case- and accent-insensitive.
 */
import { foldText } from "./fold";

export type LabelClass =
  | { kind: "component"; code: string }
  | { kind: "output"; code: string }
  | { kind: "outcome"; code: string }
  | { kind: "total" }
  /** "Subtotal", or the total of one component: "Total Component 1", "Subtotal C.2", "Total PMC". */
  | { kind: "subtotal"; component?: string }
  | { kind: "text" };

/** Lower case, accents and compatibility forms folded, NBSP → space, spaces collapsed. */
const fold = (text: string): string => foldText(text);

/**
 * Code parts have one or two digits: "2.021" or "15.000" in a label cell is
 * an amount or a year, not a code. A component number cannot run into a
 * further ".1" part ("C.1.1" is no component).
 */
const CODE_END = "(?!\\d|\\.\\d)";
/** A component number may run to three digits (programmes number components 100, 110…). */
const CODE = `(\\d{1,3}(?:\\.\\d{1,2})*)${CODE_END}`;

const SUBTOTAL = /^sub ?-? ?total(?:es)?\b/;
/** Any label that starts with the word "total" is a total row ("Total (USD)", "Total:", "Total GEF"). */
const TOTAL = /^(?:(?:grand|gran|suma|sum) )?total(?:es)?\b/;

const OUTCOME = new RegExp(`^(?:outcome|resultado|efecto|effet|resultat) ?${CODE}`);
/**
 * A word-prefixed output may have a one-part code ("Output 2"); its word
 * says what it is. A bare leading code needs two parts ("1.1.1 Regulation"),
 * since "1. Policy framework" or a stray number is no output code.
 */
const PREFIXED_OUTPUT = new RegExp(`^(?:output|producto|product|produit) ?${CODE}`);
/** An activity carries its output's code and one part more: "Activity 1.1.1", "Actividad 2.1.3". */
const PREFIXED_ACTIVITY = /^(?:activity|actividad|activite|activ\.?) ?(\d{1,3}(?:\.\d{1,2}){1,})(?!\d|\.\d)/;
const BARE_OUTPUT = /^(\d{1,3}(?:\.\d{1,2})+)\.?(?=$|[\s:;)\-\u2013\u2014])/;

const COMPONENT_NUMBER = new RegExp(`^(?:componente|component|composante|comp\\.?|c\\.?-?) ?(\\d{1,3})${CODE_END}`);
/** Atlas numbers a project's outcomes ACTIVITY1, ACTIVITY2… (one word): the component. */
const ATLAS_ACTIVITY = /^activity(\d{1,2})(?!\d|\.\d)/;
/** Roman numerals only after the whole word: "C IV" or "cv" must not become components. */
const COMPONENT_ROMAN = /^(?:componente|component|composante) ([ivx]+)\b/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

const PMC = [
  /^pmc\b/,
  /\(pmc\)/,
  /^project management\b/,
  /^(?:costos?|costes?|gastos?) de gestion\b/,
  /^gestion del? (?:el )?proyecto\b/,
  /^(?:couts?|frais) de gestion\b/,
  /^gestion de projet\b/,
  /^project management (?:unit|costs?)\b/,
  /^pmu\b/,
];
/** The total of the whole table, whatever word comes first: "PROJECT TOTAL", "Total general". */
const PROJECT_TOTAL = /^(?:project total|total (?:del )?proyecto|total (?:du )?projet|total general|gran total|grand total)\b/;
/** Words after "Total" that name a part of the table, not the whole: "Total Management", "Total Personnel". */
const PART_WORDS =
  /^(?:for )?(?:management|pmu|project management unit|outcome|output|component|activity|group|category|personnel|consultants?|travel|training|equipment|sub-?contracts?|miscellaneous|resultado|producto|componente|actividad|composante|produit|activite)\b/;
const MONITORING_AND_EVALUATION =
  /^(?:m ?& ?e|m and e|monitoring ?(?:and|&) ?evaluation|seguimiento y evaluacion|monitoreo y evaluacion)(?![a-z])/;

/**
 * Whether a numbered component's label names project management after its
 * number ("Component 5: Project management costs"). Such a row keeps its
 * number, which other tables may use for it, and is still the project's PMC.
 */
export function namesProjectManagement(label: string): boolean {
  const s = fold(label).replace(/^(?:component|componente|composante|outcome|resultado|effet|activity|actividad)\s*\d{1,3}\s*[:.)\u2013\u2014-]?\s*/, "");
  return PMC.some((re) => re.test(s));
}

export function classifyLabel(label: string): LabelClass {
  const s = fold(label);
  if (s === "") return { kind: "text" };

  if (PROJECT_TOTAL.test(s)) return { kind: "total" };
  const totalOf = SUBTOTAL.exec(s) ?? TOTAL.exec(s);
  if (totalOf) {
    // "Total Component 1" closes component 1; it is not the table's grand total.
    const rest = s.slice(totalOf[0].length).replace(/^[\s:–—-]*(?:(?:for|of|de|del|de la|du|des)\s+)?/, "");
    const named = rest === "" ? null : classifyLabel(rest);
    if (named && named.kind === "component") return { kind: "subtotal", component: named.code };
    // "Total Outcome 1": UNDP's outcomes are the project's components.
    if (named && named.kind === "outcome" && !named.code.includes(".")) return { kind: "subtotal", component: named.code };
    if (SUBTOTAL.test(s) || PART_WORDS.test(rest) || (named && named.kind !== "text")) return { kind: "subtotal" };
    return { kind: "total" };
  }

  const outcome = OUTCOME.exec(s);
  if (outcome) return { kind: "outcome", code: outcome[1] };

  const output = PREFIXED_OUTPUT.exec(s) ?? PREFIXED_ACTIVITY.exec(s) ?? BARE_OUTPUT.exec(s);
  if (output) return { kind: "output", code: output[1] };

  const atlas = ATLAS_ACTIVITY.exec(s);
  if (atlas) return { kind: "component", code: String(Number(atlas[1])) };

  const component = COMPONENT_NUMBER.exec(s);
  if (component) return { kind: "component", code: String(Number(component[1])) };
  const roman = COMPONENT_ROMAN.exec(s);
  if (roman) {
    const n = romanToNumber(roman[1]);
    if (n !== null) return { kind: "component", code: String(n) };
  }

  if (PMC.some((re) => re.test(s))) return { kind: "component", code: "PMC" };
  // M&E is a component of its own only when it carries no number; numbered,
  // it was caught above ("Component 4. Monitoring and Evaluation" → "4").
  if (MONITORING_AND_EVALUATION.test(s)) return { kind: "component", code: "M&E" };

  return { kind: "text" };
}

/** I..XXXIX; null for malformed numerals such as "IIII" or "VX". */
function romanToNumber(roman: string): number | null {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN_VALUES[roman[i]];
    const next = ROMAN_VALUES[roman[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === roman ? total : null;
}

function toRoman(n: number): string {
  const parts: Array<[number, string]> = [
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (const [value, numeral] of parts) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** The component an output code belongs to: "1.1.1" → "1", "2.2" → "2". */
export function componentOfOutput(outputCode: string): string {
  const first = outputCode.trim().split(".")[0];
  return /^\d+$/.test(first) ? String(Number(first)) : first;
}

/**
 * A component as a user names it in a setting: "ACTIVITY4", "Component 2",
 * "Outcome 3", "2", "PMC", "M&E" → its code ("4", "2", "3", "2", "PMC",
 * "M&E"); null when the text names no component.
 */
export function componentCode(text: string): string | null {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) return String(Number(t));
  if (/^m\s*&\s*e$/i.test(t)) return "M&E";
  const c = classifyLabel(t);
  if (c.kind === "component" || (c.kind === "outcome" && !c.code.includes("."))) return c.code;
  return null;
}
