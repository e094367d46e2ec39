/**
 * The seed's two tables, as printed in the real PIR (GEF ID 9206, FY22),
 * hold genuine inconsistencies. Every one of them was worked out by hand
 * from the printed figures; this test asserts each, and nothing else.
 */
import { brief, checkFixtures } from "../helpers/fixtures";

const WP = "seed-workplan.xlsx";
const BT = "seed-budget.xlsx";
const W = `${WP} Work plan`;
const B = `${BT} Financial implementation`;

describe("the seed work plan and financial table together (FY22)", () => {
  it("finds exactly the inconsistencies worked out by hand", async () => {
    const { findings } = await checkFixtures([WP, BT]);
    expect(findings.map(brief).sort()).toEqual(
      [
        // Financial table: components 1 and 2 spent past their budget.
        `error overspend.component ${B} C5 1   235000 242717.56`,
        `error overspend.component ${B} C6 2   315000 475924.04`,
        // Component 3's expenditure is component 2's figure pasted again.
        `warning duplicate.value ${B} C7 3    475924.04`,
        // A row of amounts without a label (2,280,000 | 56,156.94), counted in the total.
        `warning label.missing ${B} A8     2280000`,
        // Component 3's budget: 889,000 in the financial table, 1,069,000 in the work plan.
        `error mismatch.budget ${B} B7 3   1069000 889000`,
        // Cumulative expenditure disagrees with the work plan's amounts up to 30 June 2022
        // (2018 + 2019 + 2020 + 2021 + 2022 T1 + 2022 T2).
        `warning mismatch.expenditure ${B} C5 1   221354.5 242717.56`,
        `warning mismatch.expenditure ${B} C6 2   248958.32 475924.04`,
        `warning mismatch.expenditure ${B} C7 3   718292.51 475924.04`,
        `warning mismatch.expenditure ${B} C9 4   64490.37 65536.16`,
        `warning mismatch.expenditure ${B} C10 PMC   271092.35 180736.27`,
        // Cumulative expenditure below what the work plan already shows as spent in 2018–2021: impossible.
        `error expenditure.past ${B} C7 3   487292.51 475924.04`,
        `error expenditure.past ${B} C10 PMC   239092.35 180736.27`,
        // PMC's spending against GEF's 5 % cap, measured on the components' spending.
        `warning cap.pmc ${B} C10 PMC   65812.94 180736.27`,
        // Work plan: component rows and outputs whose periods add up past their total budget,
        // at the period where the running total first crosses it.
        `error overspend.plan ${W} K5 1  2022-Q4 235000 236354.5`,
        `error overspend.output ${W} G6 1 1.1.1 2021 154500 186628.11`,
        `error overspend.plan ${W} M8 2  2023-Q2 315000 320958.32`,
        `error overspend.output ${W} H9 2 2.1.1 2022-Q1 58300 66513.49`,
        `error overspend.output ${W} G10 2 2.1.2 2021 80200 92395.85`,
        `error overspend.output ${W} K15 3 3.1.1 2022-Q4 587700 608068.81`,
        `error overspend.plan ${W} G21 PMC  2021 195000 239092.35`,
        // The Total row's periods add up to 2,025,678.05 against its Total Budget of 2,014,000: the whole plan is over budget.
        `error overspend.plan ${W} M23   2023-Q2 2014000 2025678.05`,
        // Sums that miss by rounding: C.1's 2021 cell (116,717 vs 109,990 + 6,728) and the 2021 total.
        `warning sum.component ${W} G5 1  2021 116718 116717`,
        `warning sum.total ${W} G23   2021 879103 879105`,
      ].sort(),
    );
  });

  it("tells which row the pasted 475,924.04 belongs to, and links component 2's overspend to it", async () => {
    const { findings } = await checkFixtures([WP, BT]);
    expect(findings.find((f) => f.rule === "duplicate.value")!.message).toBe(
      "Component 3 shows 475,924.04, exactly the same amount as Component 2 in C6: a pasted value? The work plan supports Component 3: it shows 487,292.51 spent in 2018 – 2021 (Component 2: 221,958.32).",
    );
    expect(findings.find((f) => f.rule === "overspend.component" && f.component === "2")!.message).toBe(
      "Component 2: expenditure 475,924.04 is above the budget 315,000.00 by 160,924.04. Probably caused by the amount repeated in C7, which the work plan supports for Component 3.",
    );
    // Component 1's overspend has no such cause.
    expect(findings.find((f) => f.rule === "overspend.component" && f.component === "1")!.message).toBe("Component 1: expenditure 242,717.56 is above the budget 235,000.00 by 7,717.56.");
  });

  it("reconciles component 3's 180,000 with the lines outside the components, in one finding", async () => {
    const { findings } = await checkFixtures([WP, BT]);
    expect(findings.find((f) => f.rule === "mismatch.budget")!.message).toBe(
      "Component 3: the budget is 889,000.00 here but 1,069,000.00 in seed-workplan.xlsx › Work plan!C14; a difference of 180,000.00. Both tables add up to 4,114,000.00: the difference sits in the lines outside the components (2,280,000.00 here in B8; 2,100,000.00 in seed-workplan.xlsx › Work plan!C24).",
    );
  });

  it("says when the whole plan is over budget, on its Total row", async () => {
    const { findings } = await checkFixtures([WP, BT]);
    expect(findings.find((f) => f.rule === "overspend.plan" && f.component === null)!.message).toBe(
      '"Total": by 2023 Q2 the amounts add up to 2,025,678.05, above the total budget of 2,014,000.00 (by 11,678.05). Over all periods: 2,025,678.05.',
    );
  });

  it("says in the message when a difference is small enough to be rounding", async () => {
    const { findings } = await checkFixtures([WP, BT]);
    const total = findings.find((f) => f.rule === "sum.total")!;
    expect(total.message).toMatch(/rounding/);
    const overspend = findings.find((f) => f.rule === "overspend.component")!;
    expect(overspend.message).toBe("Component 1: expenditure 242,717.56 is above the budget 235,000.00 by 7,717.56.");
  });

  it("writes the messages in Spanish when asked", async () => {
    const { findings } = await checkFixtures([WP, BT], { period: "FY22", language: "es" });
    const overspend = findings.find((f) => f.rule === "overspend.component")!;
    expect(overspend.message).toBe("Componente 1: el gasto 242.717,56 supera el presupuesto 235.000,00 en 7.717,56.");
  });

  it("keeps the PMC share under GEF's 5 % cap by counting the trust fund below the total", async () => {
    // A grant of 4,114,000 (the trust fund below the total included) is full-sized: 5 % of the sub-total.
    const { findings } = await checkFixtures([WP], { period: "FY22" });
    expect(findings.filter((f) => f.rule === "cap.pmc")).toEqual([]);
    // 195,000 of the sub-total 3,919,000 (4,114,000 without PMC) is 4.98 %: a 4.5 % cap catches it.
    const strict = await checkFixtures([WP], { period: "FY22", pmcCap: 0.045 });
    expect(strict.findings.filter((f) => f.rule === "cap.pmc").map(brief)).toEqual([
      `error cap.pmc ${W} C21 PMC   176355 195000`,
    ]);
    expect(strict.findings.find((f) => f.rule === "cap.pmc")!.message).toBe(
      "Project management (PMC): 195,000.00 is 5 % of the GEF sub-total (components and M&E, PMC excluded) 3,919,000.00, above 4.5 % (the cap set: 176,355.00).",
    );
    // Measured against the whole budget, as some agencies do: 4.74 % of 4,114,000.
    const ofTotal = await checkFixtures([WP], { period: "FY22", pmcCap: 0.045, pmcBase: "total" });
    expect(ofTotal.findings.filter((f) => f.rule === "cap.pmc").map(brief)).toEqual([`error cap.pmc ${W} C21 PMC   185130 195000`]);
  });

  it("takes the reporting period from the financial table's title when none is set", async () => {
    const named = await checkFixtures([WP, BT], {});
    expect(named.settings.period.label).toBe("FY22");
    expect(named.settings.periodSource).toBe("workbook");
    const set = await checkFixtures([WP, BT], { period: "FY22" });
    expect(named.findings).toEqual(set.findings);
    // The work plan's title names no period: its past years (2018–2021, then quarters from 2022) end in FY22.
    const alone = await checkFixtures([WP], {});
    expect([alone.settings.period.label, alone.settings.periodSource]).toEqual(["FY22", "default"]);
    // A plan of quarters only says nothing of the period: the fiscal year that ended last.
    const quarters = await checkFixtures(["poa-2022.xlsx"], {});
    expect([quarters.settings.period.label, quarters.settings.periodSource]).toEqual(["FY26", "default"]);
  });

  it("finds only the work plan's own findings when it is checked alone", async () => {
    const alone = await checkFixtures([WP]);
    const together = await checkFixtures([WP, BT]);
    expect(alone.findings.map(brief)).toEqual(together.findings.filter((f) => f.file === WP).map(brief));
  });
});

describe("recognising the seed tables", () => {
  it("reports the tables, periods, components and outputs", async () => {
    const { report } = await checkFixtures([WP, BT]);
    expect(report.files).toEqual([
      {
        file: WP,
        sheets: [
          {
            name: "Work plan",
            skipped: null,
            tables: [
              {
                kind: "workplan",
                range: "B4:M24",
                periods: ["2018", "2019", "2020", "2021", "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2"],
                components: ["1", "2", "3", "4", "PMC"],
                outputs: ["1.1.1", "1.2.1", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "3.1.1", "3.2.1", "3.3.1", "3.4.1", "4.1.1", "PMC"],
                layout: "rows-by-component",
                shape: "rows: component › output; columns: 2018 … 2023 Q2, Budget",
                notes: [],
              },
            ],
          },
        ],
      },
      {
        file: BT,
        sheets: [
          {
            name: "Financial implementation",
            skipped: null,
            tables: [
              {
                kind: "budget",
                range: "A3:C11",
                periods: [],
                components: ["1", "2", "3", "4", "PMC"],
                outputs: [],
                layout: "rows-by-component",
                shape: "rows: component; columns: Budget, Expenditure",
                notes: [],
              },
            ],
          },
        ],
      },
    ]);
  });

  it("sees the total row and the trust fund line below it", async () => {
    const { tables } = await checkFixtures([WP]);
    const kinds = tables[0].rows.slice(-2).map((r) => [r.kind, r.label]);
    expect(kinds).toEqual([
      ["total", "Total"],
      ["afterTotal", "Trus fund for companies:"],
    ]);
  });

  it("keeps the footnote row inside the budget table and finds the same problems", async () => {
    const plain = await checkFixtures([BT]);
    const noted = await checkFixtures(["seed-budget-footnote.xlsx"]);
    expect(noted.tables).toHaveLength(1);
    expect(noted.tables[0].rows.filter((r) => r.kind === "component").map((r) => r.component)).toEqual(["1", "2", "3", "4", "PMC"]);
    expect(noted.findings.map((f) => `${f.rule} ${f.component} ${f.expected} ${f.actual}`)).toEqual(
      plain.findings.map((f) => `${f.rule} ${f.component} ${f.expected} ${f.actual}`),
    );
  });
});
