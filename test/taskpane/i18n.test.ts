import { RULE_IDS, ruleById } from "../../src/core/rules/registry";
import { amountWords, componentHeading, dictionaries, formatNumberField, parseNumberField, strings } from "../../src/taskpane/i18n";

/** Every key path of a dictionary, with the kind of value at it ("string", "function/2", …). */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}: function/${value.length}`];
  if (typeof value === "string") return [`${path}: string`];
  if (typeof value === "object" && value !== null) {
    return Object.keys(value)
      .sort()
      .flatMap((k) => shape((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return [`${path}: ${typeof value}`];
}

describe("the pane's dictionaries", () => {
  it("have the same keys, and the same kind of value under each, in English and Spanish", () => {
    expect(shape(dictionaries.es)).toEqual(shape(dictionaries.en));
    expect(shape(dictionaries.en).length).toBeGreaterThan(80);
  });

  it("translate every plain string (only names such as the language list may match)", () => {
    const same = Object.entries(dictionaries.en)
      .filter(([k, v]) => typeof v === "string" && (dictionaries.es as Record<string, unknown>)[k] === v)
      .map(([k]) => k);
    expect(same).toEqual([]);
  });

  it("count in both languages", () => {
    const counts = { error: 3, warning: 1, info: 0 };
    expect(strings("en").summary(counts, 2)).toBe("3 errors, 1 warning in 2 workbooks");
    expect(strings("es").summary(counts, 1)).toBe("3 errores, 1 advertencia en 1 libro");
    expect(strings("en").summary({ error: 0, warning: 0, info: 2 }, 1)).toBe("0 errors, 0 warnings, 2 notes in 1 workbook");
    expect(strings("es").noFindings(2)).toMatch(/^Ningún hallazgo en 2 libros/);
  });

  it("name component groups as finance officers do", () => {
    expect(componentHeading(strings("en"), "2")).toBe("Component 2");
    expect(componentHeading(strings("es"), "2")).toBe("Componente 2");
    expect(componentHeading(strings("es"), "PMC")).toBe("Gestión del proyecto (PMC)");
    expect(componentHeading(strings("en"), "M&E")).toBe("Monitoring and evaluation");
    expect(componentHeading(strings("en"), null)).toBe("Not tied to a component");
  });
});

describe("what a finding's amounts are called", () => {
  it("takes every rule's two labels from the rule's own file, in English and Spanish", () => {
    for (const lang of ["en", "es"] as const)
      for (const id of RULE_IDS) expect(amountWords(lang, id)).toEqual(ruleById(id).doc.amounts[lang]);
  });

  it("names them by what they are, and falls back to Expected / Actual for a rule it does not know", () => {
    expect(amountWords("en", "overspend.component")).toEqual({ expected: "Budget", actual: "Expenditure" });
    expect(amountWords("en", "sum.component").expected).toBe("Outputs add up to");
    expect(amountWords("en", "overspend.period").expected).toBe("Plan");
    expect(amountWords("es", "overspend.component")).toEqual({ expected: "Presupuesto", actual: "Gasto" });
    expect(amountWords("en", "some.new-rule" as never)).toEqual({ expected: "Expected", actual: "Actual" });
    expect(amountWords("es", "some.new-rule" as never)).toEqual({ expected: "Esperado", actual: "Real" });
  });
});

describe("numbers in the pane's fields", () => {
  it("are written with a decimal comma in Spanish and a point in English", () => {
    expect(formatNumberField(0.5, "es")).toBe("0,5");
    expect(formatNumberField(0.5, "en")).toBe("0.5");
    expect(formatNumberField(4114400, "es")).toBe("4114400");
  });

  it.each([
    ["0,5", "es", 0.5],
    ["0.5", "es", 0.5],
    ["1.000", "es", 1000],
    ["4.114.400", "es", 4114400],
    ["1.000,25", "es", 1000.25],
    ["2,5", "en", 2.5],
    ["1,000", "en", 1000],
    ["4,114,400.5", "en", 4114400.5],
    [" 12 ", "en", 12],
    ["", "en", null],
    ["abc", "es", null],
    ["1,2,3", "es", null],
  ] as const)("%j in %s reads as %p", (raw, lang, value) => {
    expect(parseNumberField(raw, lang)).toBe(value);
  });
});

describe("one spelling per word in Spanish", () => {
  it("writes período with its accent everywhere", () => {
    const text = JSON.stringify(dictionaries.es, (_, v: unknown) => (typeof v === "function" ? String(v) : v));
    expect(text).not.toMatch(/\bperiodos?\b/i);
    expect(dictionaries.es.period).toBe("Período del informe");
    expect(dictionaries.es.periods).toBe("Períodos");
  });
});
