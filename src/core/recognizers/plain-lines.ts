/**
 * The last resort: a header of periods or Budget | Expenditure over rows
 * that carry no component, output or account code ("Lead implementing
 * agency agreed funding", "Travel"). Read as budget lines under the table's
 * total, so that their sums are still checked.
 */
import { message } from "../catalogue";
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
        rejected: message("table.noLabelledRows", { range: rangeAddress(header.top, header.left, header.bottom, header.right) }),
      };
    return { rows, lastRow, notes: [] };
  },
};
