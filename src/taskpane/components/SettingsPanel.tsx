/**
 * Reporting period, tolerance, PMC cap (GEF's rule by project size, or a
 * share the user sets) and its base, the GEF grant, and language. Every change is checked,
 * applied at once (the findings follow) and remembered: with the workbook in
 * Excel, in this browser in file mode.
 */
import { useId, useState } from "react";
import { Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { formatNumberField, parseNumberField, type Language } from "../i18n";
import { usePane } from "../pane-context";
import { fiscalYearSpan, formatComponentMap, parseComponentMap, periodOptions } from "../settings-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "480px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  quiet: { color: tokens.colorNeutralForeground3 },
});

/** A number field that keeps what the user types until it is a valid value; an optional one may be left empty (null). */
function NumberField(props: {
  label: string;
  hint: string;
  value: number | null;
  min: number;
  max: number;
  unit?: string;
  optional?: boolean;
  testId?: string;
  onValid(value: number | null): void;
}) {
  const { state, t } = usePane();
  const lang = state.settings.language;
  const [draft, setDraft] = useState<string | null>(null);
  // Written the language's way: "0,5" in Spanish. A text field, since a number field shows the browser's locale, not the pane's.
  const text = draft ?? (props.value === null ? "" : formatNumberField(props.value, lang));
  const read = (raw: string): { ok: boolean; value: number | null } => {
    if (raw.trim() === "") return { ok: !!props.optional, value: null };
    const n = parseNumberField(raw, lang);
    return { ok: n !== null && n >= props.min && n <= props.max, value: n };
  };
  const valid = read(text).ok;
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : t.settingInvalid(props.label)}
    >
      <Input
        type="text"
        inputMode="decimal"
        value={text}
        contentAfter={props.unit ? <span aria-hidden>{props.unit}</span> : undefined}
        data-testid={props.testId}
        onChange={(_, data) => {
          setDraft(data.value);
          const next = read(data.value);
          if (next.ok) props.onValid(next.value);
        }}
        onBlur={() => {
          if (valid) setDraft(null);
        }}
      />
    </Field>
  );
}

/** How the report's components match the plan's: pairs the user types, applied once they all read. */
function MatchField() {
  const { session, state, t } = usePane();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? formatComponentMap(state.settings.componentMap);
  const valid = parseComponentMap(text) !== null;
  return (
    <Field label={t.componentMap} hint={t.componentMapHint} validationState={valid ? "none" : "error"} validationMessage={valid ? undefined : t.componentMapInvalid}>
      <Input
        value={text}
        placeholder="ACTIVITY4=PMC"
        data-testid="component-map"
        onChange={(_, data) => {
          setDraft(data.value);
          const map = parseComponentMap(data.value);
          if (map) void session.updateSettings({ componentMap: map });
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
        onValid={(tolerance) => void session.updateSettings({ tolerance: tolerance ?? 0 })}
      />
      <Field label={t.pmcCap} hint={t.pmcCapHint}>
        <Select
          value={s.pmcCap === null ? "gef" : "custom"}
          onChange={(_, data) => void session.updateSettings({ pmcCap: data.value === "gef" ? null : 0.05 })}
          data-testid="pmc-rule"
        >
          <option value="gef">{t.pmcCapBySize}</option>
          <option value="custom">{t.pmcCapCustom}</option>
        </Select>
      </Field>
      {s.pmcCap !== null && (
        <NumberField
          label={t.pmcCapShare}
          hint={t.pmcCapShareHint}
          value={Math.round(s.pmcCap * 10_000) / 100}
          min={0}
          max={100}
          unit="%"
          testId="pmc-cap"
          onValid={(percent) => void session.updateSettings({ pmcCap: (percent ?? 0) / 100 })}
        />
      )}
      <Field label={t.pmcBase}>
        <Select value={s.pmcBase} onChange={(_, data) => void session.updateSettings({ pmcBase: data.value as "subtotal" | "total" })} data-testid="pmc-base">
          <option value="subtotal">{t.pmcBaseSubtotal}</option>
          <option value="total">{t.pmcBaseTotal}</option>
        </Select>
      </Field>
      <NumberField
        label={t.gefGrant}
        hint={t.gefGrantHint}
        value={s.gefGrant}
        min={1}
        max={1e12}
        optional
        testId="gef-grant"
        onValid={(gefGrant) => void session.updateSettings({ gefGrant })}
      />
      <MatchField />
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
