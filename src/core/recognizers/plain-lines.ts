/**
 * The last resort: a header of periods or Budget | Expenditure over rows
 * that carry no component, output or account code ("Lead implementing
 * agency agreed funding", "Travel"). Read as budget lines under the table's
 * total, so that their sums are still checked.
 */
import { rangeAddress } from "../grid";
import { readLineRows } from "./line-reader";
import type { Recognizer } from "./types";

export const plainLines: Recognizer = {
  id: "line-items",
  accepts: () => true,
  read({ sheet, merges, header, isNextHeader }) {
    const { rows, lastRow } = readLineRows(sheet, merges, header, isNextHeader);
    const lines = rows.filter((r) => r.kind === "line" && r.label !== "");
    if (lines.length < 2 || !rows.some((r) => r.kind === "total"))
      return {
        rejected:
          `the header at ${rangeAddress(header.top, header.left, header.bottom, header.right)} has amount columns, ` +
          `but no row below it is labelled as a component or output (C.1, Component 1, 1.1.1, PMC…) or carries a budget line code`,
      };
    return { rows, lastRow, notes: [] };
  },
};
