import { componentHeading, dictionaries, strings } from "../../src/taskpane/i18n";

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
