/**
 * What the findings list shows: the engine's findings filtered by what the
 * user asked for and grouped by severity, then component. Pure functions, no
 * React, so they are tested on their own.
 */
import { parseAddress, placeName, type Finding, type Severity } from "../core";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface FindingFilter {
  /** Severities to show; all when every one is on. */
  severities: ReadonlySet<Severity>;
  /** Text that must occur in the finding (message, place, component, rule); case, accents and extra spaces ignored. */
  text: string;
}

export const showAll: FindingFilter = { severities: new Set(SEVERITIES), text: "" };

export interface ComponentGroup {
  /** "1", "PMC", "M&E"…, or null for findings not tied to a component. */
  component: string | null;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  /** Findings of this severity in the group, after filtering. */
  count: number;
  components: ComponentGroup[];
}

export type SeverityCounts = Record<Severity, number>;

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Lower case without accents, so "gestion" finds "Gestión". */
export function foldText(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function haystack(f: Finding): string {
  return foldText(
    [f.message, findingPlace(f), f.component ?? "", f.output ?? "", f.period ?? "", f.rule].join(" \u0000 ").replace(/\s+/g, " "),
  );
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  // One phrase, not loose words: "component 2" must not match every finding with a 2 in it.
  const phrase = foldText(filter.text).replace(/\s+/g, " ").trim();
  return findings.filter((f) => filter.severities.has(f.severity) && (phrase === "" || haystack(f).includes(phrase)));
}

/** Numbered components in number order, then PMC, M&E and other names, then findings without a component. */
function componentRank(component: string | null): [number, number, string] {
  if (component === null || component === "") return [4, 0, ""];
  if (/^\d+$/.test(component)) return [0, Number(component), ""];
  if (/^pmc$/i.test(component)) return [1, 0, ""];
  if (/^m&e$/i.test(component)) return [2, 0, ""];
  return [3, 0, component];
}

export function compareComponents(a: string | null, b: string | null): number {
  const ra = componentRank(a);
  const rb = componentRank(b);
  return ra[0] - rb[0] || ra[1] - rb[1] || ra[2].localeCompare(rb[2]);
}

/** Within a component: by file, sheet, then cell in reading order. */
function compareWithin(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file.localeCompare(b.file);
  if (a.sheet !== b.sheet) return a.sheet.localeCompare(b.sheet);
  const pa = parseAddress(a.cell);
  const pb = parseAddress(b.cell);
  if (pa && pb) return pa.row - pb.row || pa.col - pb.col;
  return a.cell.localeCompare(b.cell);
}

/** Severity groups worst first; a severity with no finding left is not listed. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const byComponent = new Map<string | null, Finding[]>();
    for (const f of ofSeverity) {
      const key = f.component === "" ? null : f.component;
      const list = byComponent.get(key);
      if (list) list.push(f);
      else byComponent.set(key, [f]);
    }
    const components = [...byComponent.entries()]
      .sort(([a], [b]) => compareComponents(a, b))
      .map(([component, list]) => ({ component, findings: [...list].sort(compareWithin) }));
    groups.push({ severity, count: ofSeverity.length, components });
  }
  return groups;
}

/** A stable key for a finding in a list (two findings may share a cell, never rule + cell + message). */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.file}|${f.sheet}|${f.cell}|${f.message}`;
}

/** "budget.xlsx › Financial implementation!C5" */
export function findingPlace(f: Finding): string {
  return placeName(f.file, f.sheet, f.cell);
}
