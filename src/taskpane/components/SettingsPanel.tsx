/**
 * Reporting period, tolerance, PMC cap and language. Every change is checked,
 * applied at once (the findings follow) and remembered: with the workbook in
 * Excel, in this browser in file mode.
 */
import { useId, useState } from "react";
import { Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import type { Language } from "../i18n";
import { usePane } from "../pane-context";
import { fiscalYearSpan, periodOptions } from "../settings-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "480px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  quiet: { color: tokens.colorNeutralForeground3 },
});

/** A number field that keeps what the user types until it is a valid value. */
function NumberField(props: {
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit?: string;
  onValid(value: number): void;
}) {
  const { t } = usePane();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(props.value);
  const parsed = Number(text.replace(",", "."));
  const valid = text.trim() !== "" && Number.isFinite(parsed) && parsed >= props.min && parsed <= props.max;
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : t.settingInvalid(props.label)}
    >
      <Input
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step}
        value={text}
        contentAfter={props.unit ? <span aria-hidden>{props.unit}</span> : undefined}
        onChange={(_, data) => {
          setDraft(data.value);
          const n = Number(data.value.replace(",", "."));
          if (data.value.trim() !== "" && Number.isFinite(n) && n >= props.min && n <= props.max) props.onValid(n);
        }}
        onBlur={() => {
          if (valid) setDraft(null);
        }}
      />
    </Field>
  );
}

export function SettingsPanel() {
  const styles = useStyles();
  const { session, state, t } = usePane();
  const s = state.settings;
  const headingId = useId();
  const today = session.today();

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t.settingsHeading}
      </h2>
      <Field label={t.period} hint={t.periodHint}>
        <Select value={s.period} onChange={(_, data) => void session.updateSettings({ period: data.value })} data-testid="period">
          <option value="">{t.periodAuto}</option>
          {periodOptions(today, s.period).map((p) => {
            const span = fiscalYearSpan(p);
            return (
              <option key={p} value={p}>
                {span ? t.fiscalYear(p, span.startYear, span.endYear) : p}
              </option>
            );
          })}
        </Select>
      </Field>
      <NumberField
        label={t.tolerance}
        hint={t.toleranceHint}
        value={s.tolerance}
        min={0}
        max={1_000_000}
        step={0.5}
        onValid={(tolerance) => void session.updateSettings({ tolerance })}
      />
      <NumberField
        label={t.pmcCap}
        hint={t.pmcCapHint}
        value={Math.round(s.pmcCap * 10_000) / 100}
        min={0}
        max={100}
        step={1}
        unit="%"
        onValid={(percent) => void session.updateSettings({ pmcCap: percent / 100 })}
      />
      <Field label={t.language}>
        <Select value={s.language} onChange={(_, data) => void session.updateSettings({ language: data.value as Language })} data-testid="language">
          {(["en", "es"] as const).map((l) => (
            <option key={l} value={l} lang={l}>
              {t.languageNames[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} className={styles.quiet}>
        {state.mode === "excel" ? t.settingsSavedExcel : t.settingsSavedFile}
      </Text>
    </section>
  );
}
