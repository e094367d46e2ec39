/**
 * Components as columns: the GEF's own "Annex E" project budget table
 * (expenditure categories down, "Component (USDeq.)" over Component 1 … n |
 * Sub-Total | M&E | PMC | Total across) and UNEP budgets by project
 * component (columns headed only by the component's number, sometimes a
 * w/m column beside each US$ column). The rows are budget lines; each amount
 * belongs to the component of its column.
 */
import { message } from "../catalogue";
import { rangeAddress } from "../grid";
import { readLineRows } from "./line-reader";
import type { Recognizer } from "./types";

export const componentsAsColumns: Recognizer = {
  id: "components-as-columns",
  accepts: (header) => header.columns.filter((c) => c.role === "member").length >= 2,
  read({ sheet, merges, header, isNextHeader }) {
    const { rows, lastRow } = readLineRows(sheet, merges, header, isNextHeader);
    if (!rows.some((r) => r.kind !== "heading"))
      return { rejected: message("table.noComponentLines", { range: rangeAddress(header.top, header.left, header.bottom, header.right) }) };
    return { rows, lastRow, notes: [] };
  },
};
