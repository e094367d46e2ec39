/**
 * When the add-in found the wrong table, or none: the user names the range
 * (typed, or in Excel the current selection) and recognition reads only it.
 */
import { useState, type FormEvent } from "react";
import { Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { SelectAllOnRegular } from "@fluentui/react-icons";
import { usePane } from "../pane-context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // A long "file › sheet" option must not widen the pane: the select shrinks and cuts it.
  select: { minWidth: 0, maxWidth: "100%" },
  selectControl: { minWidth: 0, textOverflow: "ellipsis" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  help: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  range: { flexGrow: 1, minWidth: 0 },
});

export function RangeForm() {
  const styles = useStyles();
  const { session, state, t } = usePane();
  const sheets = (state.report?.files ?? []).flatMap((f) => f.sheets.map((s) => ({ file: f.file, sheet: s.name, key: `${f.file}\u0000${s.name}` })));
  const [chosen, setChosen] = useState("");
  const [address, setAddress] = useState("");
  const target = sheets.find((s) => s.key === chosen) ?? sheets[0];
  const busy = state.busy !== null;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (target && address.trim() !== "") void session.setTableRange(target.file, target.sheet, address);
  };

  return (
    <section className={styles.root} aria-labelledby="range-heading">
      <h3 id="range-heading" className={styles.heading}>
        {t.rangeHeading}
      </h3>
      {state.mode === "excel" && (
        <>
          <Text size={200} className={styles.help}>
            {t.rangeHelpExcel}
          </Text>
          <Button icon={<SelectAllOnRegular />} disabled={busy} onClick={() => void session.useSelection()}>
            {t.useSelection}
          </Button>
        </>
      )}
      <Text size={200} className={styles.help}>
        {t.rangeHelpFile}
      </Text>
      <form onSubmit={apply} className={styles.form}>
        <Field label={t.rangeSheet}>
          <Select
            className={styles.select}
            select={{ className: styles.selectControl }}
            value={target?.key ?? ""}
            onChange={(_, data) => setChosen(data.value)}
          >
            {sheets.map((s) => (
              <option key={s.key} value={s.key}>
                {`${s.file} › ${s.sheet}`}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Field label={t.rangeInput} className={styles.range}>
            <Input value={address} placeholder={t.rangePlaceholder} onChange={(_, data) => setAddress(data.value)} />
          </Field>
          <Button type="submit" disabled={busy || address.trim() === ""}>
            {t.applyRange}
          </Button>
        </div>
      </form>
    </section>
  );
}
