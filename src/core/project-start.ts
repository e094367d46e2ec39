/**
 * The project's start date, which maps project years ("Year 1", "Año 1") to
 * dates: a setting, or a workbook cell labelled "Project start date",
 * "Fecha de inicio", "Date de démarrage" with the date beside or below it.
 * A project that starts on 1 January counts its years as calendar years; any
 * other start keeps project years, whose end dates are then known.
 */
import { message } from "./catalogue";
import { address, cellAt, cellText, type SheetGrid } from "./grid";
import { normalizeWords } from "./header-words";
import type { Table } from "./model";
import { projectYearOf } from "./periods";

const START_LABEL =
  /\b(project start(?: date)?|start date|date of start|implementation start(?: date)?|start of implementation|fecha de inicio|inicio del proyecto|date de (?:demarrage|debut)|debut du projet)\b/;

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1990 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A date as a cell holds it: a date value, "2020-01-01", "1 January 2020", "1 de enero de 2020", "01/07/2020" (day first). */
export function parseStartDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value !== "string") return null;
  const t = normalizeWords(value);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:er)? (?:de )?([a-z]+) (?:de )?(\d{4})$/.exec(t);
  if (m && MONTHS[m[2]]) return iso(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  m = /^([a-z]+) (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && MONTHS[m[1]]) return iso(Number(m[3]), MONTHS[m[1]], Number(m[2]));
  return null;
}

/** The start date a sheet states near its top, and its cell. */
export function findProjectStart(sheet: SheetGrid): { date: string; cell: string } | null {
  const rows = Math.min(sheet.cells.length, 80);
  for (let r = 0; r < rows; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      const label = row[c];
      if (!label || typeof label.value !== "string" || !START_LABEL.test(normalizeWords(label.value))) continue;
      // "Start date: 1 January 2020" in one cell, or the date beside or below the label.
      const inline = parseStartDate(label.value.split(/:\s*/).slice(1).join(":").trim());
      if (inline) return { date: inline, cell: address(r, c) };
      for (const [rr, cc] of [[r, c + 1], [r, c + 2], [r, c + 3], [r + 1, c]]) {
        const cell = cellAt(sheet, rr, cc);
        if (!cell || cellText(cell) === "") continue;
        const date = parseStartDate(cell.value);
        if (date) return { date, cell: address(rr, cc) };
      }
    }
  }
  return null;
}

/**
 * Maps the project years of every table once the start is known. A start on
 * 1 January makes "Year n" the calendar year start + n − 1, compared with
 * calendar periods from then on; another start keeps project years (a year
 * from 1 July is no calendar year) and says so. Changes the tables in place.
 */
export function applyProjectStart(tables: Table[], start: { date: string; source: string | null }): void {
  const [year, month, day] = start.date.split("-").map(Number);
  for (const t of tables) {
    const columns = t.columns.filter((c) => c.period && projectYearOf(c.period) !== null);
    if (columns.length === 0) continue;
    const first = projectYearOf(columns[0].period!)!;
    const last = projectYearOf(columns[columns.length - 1].period!)!;
    const where = start.source ?? "";
    if (month === 1 && day === 1) {
      for (const c of columns) c.period = String(year + projectYearOf(c.period!)! - 1);
      t.notes.push(message("note.projectYears", { from: String(first), to: String(last), years: `${year + first - 1}–${year + last - 1}`, start: start.date, where }));
    } else t.notes.push(message("note.projectYearsKept", { start: start.date, where }));
  }
}
