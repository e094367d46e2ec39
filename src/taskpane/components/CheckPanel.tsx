/** The main section: which workbooks, what to do with them, and what was found. */
import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import { ActionsSection } from "./ActionsSection";
import { FindingsSection } from "./FindingsSection";
import { WorkbooksSection } from "./WorkbooksSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export function CheckPanel() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <WorkbooksSection />
      <ActionsSection />
      <Divider />
      <FindingsSection />
    </div>
  );
}
