/**
 * The summary line (a live region, so a screen reader hears the outcome of
 * Validate), the filters, and the findings grouped by severity and component.
 */
import { useMemo, useState } from "react";
import { Input, makeStyles, mergeClasses, Text, ToggleButton, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, SearchRegular } from "@fluentui/react-icons";
import type { Severity } from "../../core";
import { filterFindings, findingKey, groupFindings, SEVERITIES, severityCounts, type FindingFilter } from "../findings-view";
import { componentHeading } from "../i18n";
import { usePane } from "../pane-context";
import { FindingItem } from "./FindingItem";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  summary: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  period: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  togglesLabel: { marginRight: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  severityHeading: {
    margin: `${tokens.spacingVerticalM} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  componentHeading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  quiet: { color: tokens.colorNeutralForeground3 },
  // A chip that is on is filled and ticked; one that is off is hollow, dashed, greyed and struck through: never only a shade apart.
  chipOn: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorBrandForeground2Hover },
    ":hover:active": { backgroundColor: tokens.colorBrandBackground2Pressed, color: tokens.colorBrandForeground2Pressed },
  },
  chipOff: {
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    textDecorationLine: "line-through",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground2 },
    ":hover:active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
});

export function FindingsSection() {
  const styles = useStyles();
  const { state, t } = usePane();
  const [text, setText] = useState("");
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const findings = useMemo(() => state.report?.findings ?? [], [state.report]);
  const counts = useMemo(() => severityCounts(findings), [findings]);
  const shown = useMemo(() => filterFindings(findings, { severities, text } satisfies FindingFilter), [findings, severities, text]);
  const groups = useMemo(() => groupFindings(shown), [shown]);

  const tablesFound = state.report?.files.some((f) => f.sheets.some((s) => s.tables.length > 0)) ?? false;
  const summary =
    state.report === null
      ? t.notValidated
      : !tablesFound
        ? t.noTables(state.checkedWorkbooks)
        : findings.length === 0
          ? t.noFindings(state.checkedWorkbooks)
          : t.summary(counts, state.checkedWorkbooks);

  const toggle = (s: Severity) => {
    const next = new Set(severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setSeverities(next);
  };

  return (
    <section className={styles.section} aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={styles.summary}>
        <span className="visually-hidden">{t.findingsHeading}: </span>
        <span role="status" aria-live="polite" aria-atomic="true" data-testid="summary">
          {summary}
        </span>
      </h2>
      {state.checkedPeriod && tablesFound && (
        <p className={styles.period} data-testid="checked-period">
          {t.checkedPeriod(state.checkedPeriod.label, state.checkedPeriod.source)}
        </p>
      )}
      {findings.length > 0 && (
        <div className={styles.filters}>
          <Input
            type="search"
            value={text}
            onChange={(_, data) => setText(data.value)}
            contentBefore={<SearchRegular aria-hidden />}
            placeholder={t.filterPlaceholder}
            aria-label={t.filterText}
          />
          <div className={styles.toggles} role="group" aria-labelledby="severity-toggles-label">
            <Text id="severity-toggles-label" size={200} className={styles.togglesLabel}>
              {t.filterSeverities}
            </Text>
            {SEVERITIES.filter((s) => counts[s] > 0 || s !== "info").map((s) => (
              <ToggleButton
                key={s}
                size="small"
                shape="circular"
                checked={severities.has(s)}
                className={mergeClasses(severities.has(s) ? styles.chipOn : styles.chipOff)}
                icon={severities.has(s) ? <CheckmarkRegular aria-hidden /> : undefined}
                data-testid={`severity-chip-${s}`}
                onClick={() => toggle(s)}
              >
                {`${t.severityPlural[s]} ${counts[s]}`}
              </ToggleButton>
            ))}
          </div>
          {shown.length !== findings.length && (
            <Text size={200} className={styles.quiet}>
              {shown.length === 0 ? t.noMatch : t.showing(shown.length, findings.length)}
            </Text>
          )}
        </div>
      )}
      {groups.length > 0 && (
        <div role="region" aria-label={t.findingsList}>
          {groups.map((g) => (
            <div key={g.severity}>
              <h3 className={styles.severityHeading}>{`${t.severityPlural[g.severity]} (${g.count})`}</h3>
              {g.components.map((c) => {
                const heading = componentHeading(t, c.component);
                return (
                  <div key={c.component ?? "-"}>
                    <h4 className={styles.componentHeading}>{heading}</h4>
                    <ul className={styles.list} aria-label={`${t.severityPlural[g.severity]}: ${heading}`}>
                      {c.findings.map((f) => (
                        <FindingItem key={findingKey(f)} finding={f} />
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
