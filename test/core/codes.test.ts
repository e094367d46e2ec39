import { type LabelClass, classifyLabel, componentOfOutput } from "../../src/core/codes";

const component = (code: string): LabelClass => ({ kind: "component", code });
const output = (code: string): LabelClass => ({ kind: "output", code });
const outcome = (code: string): LabelClass => ({ kind: "outcome", code });
const total: LabelClass = { kind: "total" };
const subtotal: LabelClass = { kind: "subtotal" };
const plain: LabelClass = { kind: "text" };

function expectClasses(cases: Array<[string, LabelClass]>): void {
  for (const [label, expected] of cases) {
    expect({ label, cls: classifyLabel(label) }).toEqual({ label, cls: expected });
  }
}

describe("classifyLabel: numbered components", () => {
  test.each<[string, LabelClass]>([
    ["C.1: Policy framework for sustainable industrial zone development", component("1")],
    ["C1", component("1")],
    ["C 1", component("1")],
    ["C.1", component("1")],
    ["c.2 Capacity building", component("2")],
    ["C-3 Pilot", component("3")],
    ["Component 1 – Policy framework for sustainable industrial zone development", component("1")],
    ["Component 4. Monitoring and Evaluation", component("4")],
    ["Componente 1", component("1")],
    ["COMPONENTE 2:", component("2")],
    ["Comp. 1", component("1")],
    ["Comp 3", component("3")],
    ["Component I", component("1")],
    ["Componente II", component("2")],
    ["Componente III: Demostración", component("3")],
    ["Component IV - M&E", component("4")],
    ["Component 10", component("10")],
    ["Component 01", component("1")],
    ["\u00a0 C.3: Pilot \u00a0", component("3")],
  ])("%j", (label, expected) => {
    expect(classifyLabel(label)).toEqual(expected);
  });
});

describe("classifyLabel: PMC and unnumbered M&E", () => {
  test.each<[string, LabelClass]>([
    ["PMC", component("PMC")],
    ["pmc", component("PMC")],
    ["Project management", component("PMC")],
    ["Project Management Cost (PMC)", component("PMC")],
    ["Project management costs", component("PMC")],
    ["Gestión del proyecto", component("PMC")],
    ["Gestion de proyecto", component("PMC")],
    ["GESTIÓN DEL PROYECTO", component("PMC")],
    ["Costos de gestión del proyecto", component("PMC")],
    ["Costo de gestión", component("PMC")],
    ["Monitoring and Evaluation", component("M&E")],
    ["M&E", component("M&E")],
    ["M & E", component("M&E")],
    ["Monitoring & Evaluation", component("M&E")],
    ["Seguimiento y evaluación", component("M&E")],
    ["Monitoreo y evaluación", component("M&E")],
    ["MONITOREO Y EVALUACION", component("M&E")],
  ])("%j", (label, expected) => {
    expect(classifyLabel(label)).toEqual(expected);
  });
});

describe("classifyLabel: outputs and outcomes", () => {
  test.each<[string, LabelClass]>([
    ["1.1.1 Regulation, planning aids, policies", output("1.1.1")],
    ["2.1.4 Update database of consultants", output("2.1.4")],
    ["3.4.1: Access to alternative finance", output("3.4.1")],
    ["1.1.1. Regulation", output("1.1.1")],
    ["1.1.1- Regulation", output("1.1.1")],
    ["1.1.1", output("1.1.1")],
    ["2.2 Technical unit", output("2.2")],
    ["Output 2.2", output("2.2")],
    ["Output 1.1.1:", output("1.1.1")],
    ["OUTPUT 3.1.1 Feasibility studies", output("3.1.1")],
    ["Producto 1.1.1", output("1.1.1")],
    ["Producto 2.1: Módulos de capacitación", output("2.1")],
    ["Output 2", output("2")],
    ["Outcome 1.2 Policy framework adopted", outcome("1.2")],
    ["Outcome 1:", outcome("1")],
    ["Resultado 1.2", outcome("1.2")],
    ["Efecto 1.2", outcome("1.2")],
    ["Resultado del producto", plain],
    ["Outputs", plain],
    ["Outcomes", plain],
  ])("%j", (label, expected) => {
    expect(classifyLabel(label)).toEqual(expected);
  });
});

describe("classifyLabel: totals and subtotals", () => {
  test.each<[string, LabelClass]>([
    ["Total", total],
    ["TOTAL", total],
    ["total", total],
    ["Total:", total],
    ["Total (USD)", total],
    ["Total GEF", total],
    ["Total general", total],
    ["Total Budget", total],
    ["Total planned", total],
    ["Totales", total],
    ["Grand total", total],
    ["GRAND TOTAL", total],
    ["Suma total", total],
    ["Subtotal", subtotal],
    ["SUBTOTAL", subtotal],
    ["Sub-total", subtotal],
    ["Sub total componentes", subtotal],
    ["Totally new", plain],
  ])("%j", (label, expected) => {
    expect(classifyLabel(label)).toEqual(expected);
  });
});

describe("classifyLabel: plain text", () => {
  test.each<[string]>([
    ["Trus fund for companies:"],
    ["Notes"],
    ["María López"],
    ["Carlos Pérez"],
    ["Project components"],
    ["Componentes"],
    ["Compras 1"],
    ["CV 2021"],
    ["C IV"],
    ["Component in progress"],
    ["C.1.1 Activity"],
    ["1. Policy framework"],
    ["2.021"],
    ["15.000,00"],
    ["1,234.50"],
    ["GEF Fund (USD)"],
    ["Budget"],
    ["Expenditure"],
    ["Memo: co-financing"],
    [""],
    ["   "],
  ])("%j", (label) => {
    expect(classifyLabel(label)).toEqual(plain);
  });
});

describe("classifyLabel on the seed's tables", () => {
  test("financial implementation table (PIR VIII.3)", () => {
    expectClasses([
      ["Project components", plain],
      ["Component 1 – Policy framework for sustainable industrial zone development", component("1")],
      ["Component 2 – Capacity building on sustainable industrial zone planning", component("2")],
      ["Component 3 – Pilot demonstration of clean and low-carbon technologies", component("3")],
      ["Component 4. Monitoring and Evaluation", component("4")],
      ["Project management", component("PMC")],
      ["Total (USD)", total],
    ]);
  });

  test("work plan and budget table (PIR IX)", () => {
    expectClasses([
      ["Outputs", plain],
      ["C.1: Policy framework for sustainable industrial zone development", component("1")],
      ["1.1.1 Regulation, planning aids, policies", output("1.1.1")],
      ["1.2.1 Proposal for mechanisms/ incentives", output("1.2.1")],
      ["C.2: Capacity building on sustainable industrial zone planning", component("2")],
      ["2.1.1 Training modules for SIZ planning", output("2.1.1")],
      ["2.1.2 RECP training modules", output("2.1.2")],
      ["2.1.3 Sound chemical management training", output("2.1.3")],
      ["2.1.4 Update database of consultants", output("2.1.4")],
      ["2.2.1 Technical Unit for SIZ development", output("2.2.1")],
      ["C.3: Pilot demonstration of clean and low-carbon technologies", component("3")],
      ["3.1.1 Feasibility studies and assessment", output("3.1.1")],
      ["3.2.1 Inclusive socio-economic projects", output("3.2.1")],
      ["3.3.1 Public awareness and events", output("3.3.1")],
      ["3.4.1 Access to alternative finance", output("3.4.1")],
      ["C.4: Monitoring and Evaluation", component("4")],
      ["4.1.1 Monitoring & evaluation mechanism", output("4.1.1")],
      ["PMC", component("PMC")],
      ["Project Management Cost (PMC)", component("PMC")],
      ["Total", total],
      ["Trus fund for companies:", plain],
    ]);
  });
});

describe("componentOfOutput", () => {
  test.each<[string, string]>([
    ["1.1.1", "1"],
    ["2.2", "2"],
    ["3.4.1", "3"],
    ["10.1.2", "10"],
    ["01.1", "1"],
    ["2", "2"],
    [" 4.1.1 ", "4"],
  ])("%s → %s", (code, expected) => {
    expect(componentOfOutput(code)).toBe(expected);
  });

  test("agrees with classifyLabel for every output of the seed", () => {
    const labels = ["1.1.1 Regulation", "2.2.1 Technical Unit", "3.4.1 Access", "4.1.1 Monitoring & evaluation mechanism"];
    expect(
      labels.map((label) => {
        const cls = classifyLabel(label);
        return cls.kind === "output" ? componentOfOutput(cls.code) : null;
      }),
    ).toEqual(["1", "2", "3", "4"]);
  });
});
