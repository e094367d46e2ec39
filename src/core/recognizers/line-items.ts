/**
 * Line-item budgets with codes: the UNDP-GEF "Total Budget and Work Plan"
 * (outcome cells merged over Atlas account lines, "Total Outcome 1" after
 * them, project years as columns), UNEP budgets by object of expenditure
 * (1101 … 1199 Sub-Total … 1999 … 99 Grand Total), and any table whose
 * rows are lines under parent items written beside or above them.
 */
import { message } from "../catalogue";
import { rangeAddress } from "../grid";
import { readLineRows } from "./line-reader";
import type { Recognizer } from "./types";

export const lineItems: Recognizer = {
  id: "line-items",
  accepts: (header) => header.columns.some((c) => c.role === "code" || c.role === "outline"),
  read({ sheet, merges, header, isNextHeader }) {
    const { rows, lastRow } = readLineRows(sheet, merges, header, isNextHeader);
    if (!rows.some((r) => r.kind !== "heading"))
      return { rejected: message("table.noLines", { range: rangeAddress(header.top, header.left, header.bottom, header.right) }) };
    return { rows, lastRow, notes: [] };
  },
};
