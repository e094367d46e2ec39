/**
 * The reporting period a workbook names in a table's title: "PIR FY22" or
 * "(1 July 2021 – 30 June 2022)". Used only when the user set no period,
 * so that checking last year's report does not compare it with this year.
 */
import type { Table } from "./model";
import { fiscalYear, type ReportingPeriod } from "./settings";

const FY = /\bFY\s?(\d{4}|\d{2})\b/gi;
const JUNE_END = /\b30\s+(?:june|junio|de junio)(?:\s+de)?\s+(\d{4})\b/gi;

export function inferReportingPeriod(tables: Table[]): ReportingPeriod | null {
  let best: ReportingPeriod | null = null;
  for (const t of tables) {
    const title = t.title ?? "";
    const found = [...title.matchAll(FY)].map((m) => fiscalYear(`FY${m[1]}`));
    found.push(...[...title.matchAll(JUNE_END)].map((m) => fiscalYear(`FY${m[1]}`)));
    for (const p of found) if (p && (!best || p.end > best.end)) best = p;
  }
  return best;
}
