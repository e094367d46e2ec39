/** The project's start as a workbook states it. */
import { findProjectStart, parseStartDate } from "../../src/core/project-start";
import { sheet } from "./recognizers/grid-helpers";

test("dates as cells hold them, in English, Spanish and French, day first when numeric", () => {
  expect(parseStartDate(new Date(Date.UTC(2020, 0, 1)))).toBe("2020-01-01");
  expect(parseStartDate("2020-07-01")).toBe("2020-07-01");
  expect(parseStartDate("1 July 2020")).toBe("2020-07-01");
  expect(parseStartDate("July 1, 2020")).toBe("2020-07-01");
  expect(parseStartDate("1 de julio de 2020")).toBe("2020-07-01");
  expect(parseStartDate("1er juillet 2020")).toBe("2020-07-01");
  expect(parseStartDate("01/07/2020")).toBe("2020-07-01");
  for (const bad of ["31/02/2020", "2020", "soon", "1 Julember 2020", 43831]) expect(parseStartDate(bad)).toBeNull();
});

test("a start date labelled near the top of a sheet, beside, below or in the label's own cell", () => {
  expect(findProjectStart(sheet("A", [["Award ID:", "00098765", "Project start date:", null, "1 January 2020"]]))).toEqual({ date: "2020-01-01", cell: "E1" });
  expect(findProjectStart(sheet("B", [["Fecha de inicio"], ["15/03/2021"]]))).toEqual({ date: "2021-03-15", cell: "A2" });
  expect(findProjectStart(sheet("C", [["Date de démarrage : 1er juillet 2020"]]))).toEqual({ date: "2020-07-01", cell: "A1" });
  expect(findProjectStart(sheet("D", [["Start date:", "to be confirmed"]]))).toBeNull();
});
