/**
 * Validate, Generate PIR tables and Copy for Word (and, in Excel, the
 * highlights), the progress of the task under way and its outcome.
 */
import { useState } from "react";
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CheckmarkCircleRegular, CopyRegular, DismissRegular, HighlightRegular, TableAddRegular } from "@fluentui/react-icons";
import { usePane } from "../pane-context";
import { noticeContext, noticeHolds } from "../pane-state";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  notice: { whiteSpace: "pre-line", overflowWrap: "anywhere" },
});

export function ActionsSection() {
  const styles = useStyles();
  const { session, state, t } = usePane();
  const busy = state.busy !== null;
  const hasResult = state.report !== null;
  const excel = state.mode === "excel";
  // The workbooks and findings a notice was given about (remembered when it appears): shown only while it still holds.
  const [shownWith, setShownWith] = useState(() => noticeContext(state));
  if (shownWith.notice !== state.notice) setShownWith(noticeContext(state));
  const notice = state.notice && noticeHolds(shownWith.notice === state.notice ? shownWith : noticeContext(state), state) ? state.notice : null;

  return (
    <section className={styles.section} aria-label={t.actions}>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<CheckmarkCircleRegular />}
          className={styles.grow}
          disabled={busy}
          onClick={() => void session.validate()}
        >
          {t.validate}
        </Button>
        <Button
          icon={excel ? <TableAddRegular /> : <ArrowDownloadRegular />}
          className={styles.grow}
          disabled={busy || !hasResult}
          onClick={() => void session.generate()}
        >
          {excel ? t.generateExcel : t.generateFile}
        </Button>
      </div>
      <div className={styles.row}>
        <Button icon={<CopyRegular />} className={styles.grow} disabled={busy || !hasResult} onClick={() => void session.copyForWord()}>
          {t.copyForWord}
        </Button>
        <Button appearance="subtle" className={styles.grow} disabled={busy || !hasResult} onClick={() => void session.copyForWord("annotated")}>
          {t.copyAnnotated}
        </Button>
        {excel && (
          <>
            <Button icon={<HighlightRegular />} className={styles.grow} disabled={busy || !hasResult} onClick={() => void session.highlight()}>
              {t.highlight}
            </Button>
            <Button appearance="subtle" className={styles.grow} disabled={busy} onClick={() => void session.clearHighlights()}>
              {t.clearHighlights}
            </Button>
          </>
        )}
      </div>
      {state.busy && (
        <Field label={t.progressLabel} hint={state.busy.text(t)} validationState="none">
          <ProgressBar value={state.busy.value} thickness="large" />
        </Field>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" politeness={notice.intent === "error" ? "assertive" : "polite"}>
          <MessageBarBody className={styles.notice} data-testid="notice">{notice.text(t)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={() => session.dismissNotice()} />
            }
          />
        </MessageBar>
      )}
    </section>
  );
}
