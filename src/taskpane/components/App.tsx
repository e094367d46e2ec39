/**
 * The pane: a header, three sections behind tabs (Check, Tables, Settings),
 * and the dialog that asks before replacing the PIR sheet.
 */
import { useState } from "react";
import { FluentProvider, makeStyles, Tab, TabList, Text, tokens, type Theme } from "@fluentui/react-components";
import { usePane } from "../pane-context";
import { CheckPanel } from "./CheckPanel";
import { ReplaceDialog } from "./ReplaceDialog";
import { SettingsPanel } from "./SettingsPanel";
import { TablesPanel } from "./TablesPanel";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  mode: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    marginTop: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalS,
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  main: { flexGrow: 1 },
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
  },
});

type Section = "check" | "tables" | "settings";

export function App({ theme }: { theme: Theme }) {
  const styles = useStyles();
  const { state, t } = usePane();
  const [section, setSection] = useState<Section>("check");
  const tabId = (s: Section) => `pane-tab-${s}`;
  const panelId = (s: Section) => `pane-panel-${s}`;

  return (
    <FluentProvider theme={theme} lang={state.settings.language} className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t.appTitle}</h1>
        <Text size={200} className={styles.mode}>
          {state.mode === "excel" ? t.modeExcel : t.modeFile}
        </Text>
        <TabList
          className={styles.tabs}
          selectedValue={section}
          onTabSelect={(_, data) => setSection(data.value as Section)}
          aria-label={t.sections}
          size="medium"
        >
          <Tab id={tabId("check")} value="check" aria-controls={panelId("check")}>
            {t.tabCheck}
          </Tab>
          <Tab id={tabId("tables")} value="tables" aria-controls={panelId("tables")}>
            {t.tabTables}
          </Tab>
          <Tab id={tabId("settings")} value="settings" aria-controls={panelId("settings")}>
            {t.tabSettings}
          </Tab>
        </TabList>
      </header>
      <main className={styles.main}>
        {/* Every panel stays mounted (hidden when not chosen) so a filter or a typed range survives a tab switch. */}
        {(["check", "tables", "settings"] as const).map((s) => (
          <div key={s} id={panelId(s)} role="tabpanel" aria-labelledby={tabId(s)} hidden={section !== s} className={styles.panel}>
            {s === "check" && <CheckPanel />}
            {s === "tables" && <TablesPanel />}
            {s === "settings" && <SettingsPanel />}
          </div>
        ))}
      </main>
      <ReplaceDialog />
    </FluentProvider>
  );
}
