/**
 * The seed's layout (UNIDO and most work plans): components and outputs as
 * rows, labelled by their codes ("C.1", "1.1.1", "PMC"), periods or
 * Budget | Expenditure as columns, a Total row and lines after it.
 */
import { message } from "../catalogue";
import { rangeAddress } from "../grid";
import { readTableRows } from "../recognize-rows";
import { linkRowsByComponent } from "../row-tree";
import type { Recognizer } from "./types";

export const rowsByComponent: Recognizer = {
  id: "rows-by-component",
  accepts: () => true,
  read({ sheet, header, isNextHeader }) {
    const { rows, lastRow } = readTableRows(sheet, header, isNextHeader);
    const coded = rows.filter((x) => (x.kind === "component" || x.kind === "output") && (x.component !== null || x.output !== null));
    if (coded.length === 0)
      return {
        rejected: message("table.noLabelledRows", { range: rangeAddress(header.top, header.left, header.bottom, header.right) }),
      };
    linkRowsByComponent(rows);
    return { rows, lastRow, notes: [] };
  },
};
