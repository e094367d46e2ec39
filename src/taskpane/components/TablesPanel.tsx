/**
 * What was recognised on each sheet (kind, range, periods) and why a sheet
 * was skipped, with the way to point the add-in at the right range.
 */
import { Badge, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { periodLabel } from "../../core";
import type { Language } from "../i18n";
import { usePane } from "../pane-context";
import { RangeForm } from "./RangeForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  file: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  quiet: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: `${tokens.spacingVerticalS} 0 0`, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sheet: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  table: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  skipped: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  ranges: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  rangeItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

function periodSpan(periods: string[], lang: Language): string {
  const labels = periods.map((p) => periodLabel(p, lang));
  return labels.length <= 4 ? labels.join(", ") : `${labels[0]} … ${labels[labels.length - 1]} (${labels.length})`;
}

export function TablesPanel() {
  const styles = useStyles();
  const { session, state, t } = usePane();
  const lang = state.settings.language;
  const files = state.report?.files ?? [];

  return (
    <div className={styles.root}>
      <div>
        <h2 className={styles.heading}>{t.tablesHeading}</h2>
        <Text size={200} className={styles.quiet}>
          {files.length === 0 ? t.noWorkbooksYet : t.tablesIntro}
        </Text>
      </div>
      {files.map((file) => {
        const own = state.workbooks.find((w) => w.file === file.file)?.ownSheets ?? [];
        return (
          <section key={file.file} aria-label={file.file}>
            <h3 className={styles.file}>{file.file}</h3>
            <ul className={styles.list}>
              {file.sheets.map((sheet) => {
                const range = state.tableRanges.find((r) => r.file === file.file && r.sheet === sheet.name);
                return (
                  <li key={sheet.name} className={styles.sheet}>
                    <Text className={styles.sheetName}>{sheet.name}</Text>
                    {range && <Text className={styles.detail}>{t.restrictedTo(range.range)}</Text>}
                    {sheet.tables.map((table) => (
                      <div key={table.range} className={styles.table}>
                        <Badge appearance="tint" color={table.kind === "workplan" ? "brand" : "informative"}>
                          {t.tableKind[table.kind]}
                        </Badge>
                        <Text>{table.range}</Text>
                        <Text className={styles.detail}>
                          {[
                            table.periods.length > 0 ? `${t.periods}: ${periodSpan(table.periods, lang)}` : null,
                            t.components(table.components.length),
                            table.outputs.length > 0 ? t.outputs(table.outputs.length) : null,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </Text>
                        {/* How the table was read: row levels, column kinds, what is not money. */}
                        <Text className={styles.detail}>{table.shape}</Text>
                        {table.notes.map((note) => (
                          <Text key={note} className={styles.detail}>
                            {note}
                          </Text>
                        ))}
                      </div>
                    ))}
                    {sheet.tables.length === 0 && (
                      <Text className={styles.skipped}>
                        {t.skipped}: {sheet.skipped}
                      </Text>
                    )}
                  </li>
                );
              })}
              {own.map((name) => (
                <li key={name} className={styles.sheet}>
                  <Text className={styles.sheetName}>{name}</Text>
                  <Text className={styles.skipped}>
                    {t.skipped}: {t.ownSheet}
                  </Text>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {files.length > 0 && <RangeForm />}
      {state.tableRanges.length > 0 && (
        <ul className={`${styles.list} ${styles.ranges}`}>
          {state.tableRanges.map((r) => (
            <li key={`${r.file}|${r.sheet}`} className={styles.rangeItem}>
              <Text className={styles.detail}>{`${r.file} › ${r.sheet}!${r.range}`}</Text>
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={t.removeRange(r.sheet, r.range)}
                title={t.removeRange(r.sheet, r.range)}
                onClick={() => void session.removeTableRange(r)}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
