/** Asks before Generate replaces a "PIR tables" sheet that is already in the workbook. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { usePane } from "../pane-context";

export function ReplaceDialog() {
  const { session, state, t } = usePane();
  const sheet = state.confirmReplace;
  return (
    <Dialog
      open={sheet !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) void session.answerReplace(null);
      }}
    >
      <DialogSurface aria-describedby="replace-body">
        <DialogBody>
          <DialogTitle>{t.replaceTitle}</DialogTitle>
          <DialogContent id="replace-body">{sheet ? t.replaceBody(sheet) : null}</DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => void session.answerReplace("replace")}>
              {t.replace}
            </Button>
            <Button onClick={() => void session.answerReplace("rename")}>{t.keepBoth}</Button>
            <Button appearance="subtle" onClick={() => void session.answerReplace(null)}>
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
