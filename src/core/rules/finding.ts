import { roundCents } from "../amounts";
import type { Finding, Table } from "../model";

type FindingFields = Omit<Finding, "file" | "sheet" | "expected" | "actual"> & {
  expected: number | null;
  actual: number | null;
};

/** A finding located on a table's sheet; amounts are rounded to cents so that reports stay exact. */
export function makeFinding(table: Table, fields: FindingFields): Finding {
  return {
    rule: fields.rule,
    severity: fields.severity,
    file: table.file,
    sheet: table.sheet,
    cell: fields.cell,
    component: fields.component,
    output: fields.output,
    period: fields.period,
    expected: fields.expected === null ? null : roundCents(fields.expected),
    actual: fields.actual === null ? null : roundCents(fields.actual),
    message: fields.message,
  };
}

/**
 * Whether a difference goes past the tolerance, counted in whole cents: a sum
 * of amounts in floating point is off by a few billionths, which is no
 * difference to anyone (and would be one with a tolerance of 0).
 */
export function beyond(difference: number, tolerance: number): boolean {
  return roundCents(difference) > tolerance;
}

/**
 * How far a sum may be off through rounding alone: each printed part and the
 * printed total may each be rounded by up to half a unit.
 */
export function roundingBound(parts: number): number {
  return 0.5 * (parts + 1);
}
