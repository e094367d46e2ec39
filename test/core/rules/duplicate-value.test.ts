/** duplicate.value: the same non-round amount in two unrelated rows of a column. */
import { check, findingsOf, sheet } from "../recognizers/grid-helpers";

const budget = (spent3: number) =>
  sheet("Budget", [
    ["Component / Output", "Budget", "Expenditure"],
    ["Component 1: Policy", 100000, 47592.04],
    ["Output 1.1: Laws drafted", 100000, 47592.04],
    ["Component 2: Pilots", 50000, 31234.5],
    ["Component 3: Knowledge", 60000, spent3],
    ["Total", 210000, 47592.04 + 31234.5 + spent3],
  ]);

test("a pasted value between two components; a component and its own output are related", () => {
  const found = findingsOf("duplicate.value", (language) => check(budget(31234.5), { period: "FY24", language }));
  expect(found.short).toEqual(["duplicate.value C5 3 - 31234.5"]);
  expect(found.en).toEqual(["Component 3 shows 31,234.50, exactly the same amount as Component 2 in C4: a pasted value?"]);
  expect(found.es).toEqual(["Componente 3 muestra 31.234,50, exactamente lo mismo que Componente 2 en C4: ¿un valor copiado por error?"]);
});

test("round amounts repeat by coincidence and are no finding", () => {
  expect(check(budget(30000)).findings.filter((f) => f.rule === "duplicate.value")).toEqual([]);
});
