import { filterFindings, findingPlace, groupFindings, severityCounts, showAll, type FindingFilter } from "../../src/taskpane/findings-view";
import { checkFixtures } from "../helpers/fixtures";

const seed = () => checkFixtures(["seed-workplan.xlsx", "seed-budget.xlsx"]);
const only = (severities: Array<"error" | "warning" | "info">, text = ""): FindingFilter => ({ severities: new Set(severities), text });

describe("the findings list of the seed (FY22)", () => {
  it("counts 13 errors and 10 warnings", async () => {
    const { findings } = await seed();
    expect(severityCounts(findings)).toEqual({ error: 13, warning: 10, info: 0 });
  });

  it("groups by severity, worst first, then by component in number order, PMC, then the rest", async () => {
    const groups = groupFindings((await seed()).findings);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ["error", 13],
      ["warning", 10],
    ]);
    // The Total row's overspend concerns no component: it comes last.
    expect(groups[0].components.map((c) => c.component)).toEqual(["1", "2", "3", "PMC", null]);
    expect(groups[1].components.map((c) => c.component)).toEqual(["1", "2", "3", "4", "PMC", null]);
    // Within a component: file, sheet, then cell in reading order.
    expect(groups[0].components[0].findings.map((f) => `${f.file}!${f.cell}`)).toEqual([
      "seed-budget.xlsx!C5",
      "seed-workplan.xlsx!K5",
      "seed-workplan.xlsx!G6",
    ]);
  });

  it("filters by severity and by a phrase, ignoring case, accents and extra spaces", async () => {
    const { findings } = await seed();
    expect(filterFindings(findings, showAll)).toHaveLength(23);
    expect(filterFindings(findings, only(["warning"]))).toHaveLength(10);
    expect(filterFindings(findings, only([]))).toHaveLength(0);

    const overspend = filterFindings(findings, only(["error", "warning", "info"], "  ABOVE   the budget 235,000.00 "));
    expect(overspend.map((f) => `${f.rule} ${f.cell}`)).toEqual(["overspend.component C5"]);
    // A place as the list shows it, and a component code, are words too.
    expect(filterFindings(findings, only(["error"], "Financial implementation!C6")).map((f) => f.rule)).toEqual(["overspend.component"]);
    expect(filterFindings(findings, only(["warning"], "pmc")).map((f) => `${f.rule} ${f.cell}`)).toEqual(["cap.pmc C10", "mismatch.expenditure C10"]);
    // "component 2" is a phrase: findings that merely contain a 2 are not kept.
    expect(filterFindings(findings, only(["error"], "component 2")).map((f) => f.cell)).toEqual(["C6", "M8"]);
    expect(filterFindings(findings, only(["error", "warning"], "no such words"))).toEqual([]);
  });

  it("finds Spanish messages without their accents", async () => {
    const { findings } = await checkFixtures(["seed-workplan.xlsx", "seed-budget.xlsx"], { period: "FY22", language: "es" });
    const pmc = filterFindings(findings, only(["error", "warning"], "GESTION del proyecto"));
    expect(pmc.map((f) => `${f.rule} ${f.cell}`).sort()).toEqual(["cap.pmc C10", "expenditure.past C10", "mismatch.expenditure C10", "overspend.plan G21"]);
  });

  it("groups only what is left after filtering", async () => {
    const { findings } = await seed();
    const groups = groupFindings(filterFindings(findings, only(["error", "warning"], "component 2")));
    // Component 3's duplicate names Component 2 in its message, so it is kept, under its own component.
    expect(groups.map((g) => [g.severity, g.count, g.components.map((c) => c.component)])).toEqual([
      ["error", 2, ["2"]],
      ["warning", 2, ["2", "3"]],
    ]);
  });

  it("names a finding's place as file › sheet!cell", async () => {
    const f = (await seed()).findings.find((x) => x.rule === "label.missing")!;
    expect(findingPlace(f)).toBe("seed-budget.xlsx › Financial implementation!A8");
  });
});
