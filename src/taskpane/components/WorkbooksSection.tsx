/**
 * The workbooks being checked: in Excel the open one plus any imported; in
 * file mode the ones dropped or picked. Files arrive by drag and drop or
 * through the file picker (the keyboard way in). While a file is read, the
 * picker's place holds Cancel.
 */
import { useRef, useState, type DragEvent } from "react";
import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { DismissRegular, DocumentTableRegular } from "@fluentui/react-icons";
import { usePane } from "../pane-context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "center",
  },
  // Once workbooks are in (or in Excel, where the open one is), adding more is a side task: one line.
  dropCompact: {
    flexDirection: "row",
    justifyContent: "space-between",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    gap: tokens.spacingHorizontalM,
  },
  dropText: { minWidth: 0 },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  origin: { color: tokens.colorNeutralForeground3 },
  icon: { flexShrink: 0, fontSize: "20px", color: tokens.colorBrandForeground1 },
});

export function WorkbooksSection() {
  const styles = useStyles();
  const { session, state, t } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const excel = state.mode === "excel";
  const busy = state.busy !== null;
  const compact = excel || state.workbooks.length > 0;

  const take = (files: FileList | null) => {
    if (files && files.length > 0) void session.addFiles(Array.from(files));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) take(e.dataTransfer.files);
  };

  return (
    <section className={styles.section} aria-labelledby="workbooks-heading">
      <h2 id="workbooks-heading" className={styles.heading}>
        {t.workbooksHeading}
      </h2>
      {state.workbooks.length > 0 && (
        <ul className={styles.list}>
          {state.workbooks.map((w) => (
            <li key={w.file} className={styles.item}>
              <DocumentTableRegular className={styles.icon} aria-hidden />
              <Text className={styles.fileName}>
                {w.file}
                {w.origin === "open" && <span className={styles.origin}> · {t.thisWorkbook}</span>}
              </Text>
              {w.origin === "added" && (
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<DismissRegular />}
                  aria-label={t.removeWorkbook(w.file)}
                  title={t.removeWorkbook(w.file)}
                  disabled={busy}
                  onClick={() => void session.removeWorkbook(w.file)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div
        className={mergeClasses(styles.drop, compact && styles.dropCompact, dragging && styles.dropActive)}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text size={compact ? 200 : 300} className={styles.dropText}>
          {excel ? t.dropTitleExcel : compact ? t.dropMore : t.dropTitle}
        </Text>
        {state.busy?.cancellable ? (
          // Reading runs in a worker: the page stays responsive, and Cancel stops the read at once.
          <Button
            appearance="secondary"
            size={compact ? "small" : "medium"}
            icon={<DismissRegular />}
            title={state.busy.text(t)}
            data-testid="cancel-reading"
            onClick={() => session.cancelReading()}
          >
            {t.cancelReading}
          </Button>
        ) : (
          <Button appearance={compact ? "secondary" : "primary"} size={compact ? "small" : "medium"} disabled={busy} onClick={() => input.current?.click()}>
            {excel ? t.importOther : t.chooseFiles}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          aria-label={t.fileInputLabel}
          tabIndex={-1}
          className={styles.hiddenInput}
          data-testid="workbook-input"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = ""; // picking the same file again must fire a change
          }}
        />
      </div>
    </section>
  );
}
