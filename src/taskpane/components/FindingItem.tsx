/**
 * One finding: its message, the amounts it compares and where it is. The
 * whole item is a button, so Tab reaches it and Enter or a click takes the
 * user to the cell (in file mode it names the place).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatAmount, type Finding } from "../../core";
import { findingKey, findingPlace } from "../findings-view";
import { amountWords } from "../i18n";
import { usePane } from "../pane-context";

const useStyles = makeStyles({
  item: {
    display: "block",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  warning: { borderLeftColor: tokens.colorStatusWarningBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderTopColor: tokens.colorNeutralStroke1,
    borderRightColor: tokens.colorNeutralStroke1,
    borderBottomColor: tokens.colorNeutralStroke1,
  },
  message: { display: "block", overflowWrap: "anywhere" },
  amounts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: "tabular-nums",
  },
  amountLabel: { color: tokens.colorNeutralForeground3 },
  place: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForegroundLink,
    overflowWrap: "anywhere",
  },
});

export function FindingItem({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const { session, state, t } = usePane();
  const key = findingKey(finding);
  const place = findingPlace(finding);
  const lang = state.settings.language;
  const selected = state.selectedFinding === key;
  // "Budget 235,000.00 · Expenditure 242,717.56": each amount named by what it is for this rule.
  const words = amountWords(lang, finding.rule);

  return (
    <li>
      <button
        type="button"
        className={mergeClasses(styles.item, styles[finding.severity], selected && styles.selected)}
        aria-current={selected ? "true" : undefined}
        title={state.mode === "excel" ? t.goTo(place) : place}
        onClick={() => void session.showFinding(finding, key)}
      >
        <span className="visually-hidden">{`${t.severityOne[finding.severity]}: `}</span>
        <span className={styles.message}>{finding.message}</span>
        {(finding.expected !== null || finding.actual !== null) && (
          <span className={styles.amounts}>
            {finding.expected !== null && (
              <span>
                <span className={styles.amountLabel}>{words.expected} </span>
                {formatAmount(finding.expected, lang)}
              </span>
            )}
            {finding.actual !== null && (
              <span>
                <span className={styles.amountLabel}>{words.actual} </span>
                {formatAmount(finding.actual, lang)}
              </span>
            )}
          </span>
        )}
        <span className={styles.place}>{place}</span>
      </button>
    </li>
  );
}
