import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Issue, Severity } from "../../shared/schema/issue";
import type { IssueCell } from "../excel/types";
import { useStrings } from "../i18n";
import type { RosterLayout } from "./locate";

const PAGE = 100;
const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "important", info: "informative" } as const;

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    borderLeft: `3px solid transparent`,
    background: "none",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    ":disabled": { cursor: "default" },
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  where: { display: "block", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  message: { display: "block", fontSize: tokens.fontSizeBase300 },
});

interface Entry {
  issue: Issue;
  cell: IssueCell | null;
}

/** Issues grouped by severity; a click selects the cell the issue is about. */
export function IssueList({
  cells,
  unlocated,
  layout,
  onSelect,
}: {
  cells: IssueCell[];
  unlocated: Issue[];
  layout: RosterLayout;
  onSelect: (cell: IssueCell) => void;
}) {
  const t = useStrings();
  const styles = useStyles();
  const [shown, setShown] = useState<Record<Severity, number>>({ error: PAGE, warning: PAGE, info: PAGE });

  const groups = useMemo(() => {
    const out: Record<Severity, Entry[]> = { error: [], warning: [], info: [] };
    for (const cell of cells) out[cell.issue.severity].push({ issue: cell.issue, cell });
    for (const issue of unlocated) out[issue.severity].push({ issue, cell: null });
    return out;
  }, [cells, unlocated]);

  const present = SEVERITIES.filter((s) => groups[s].length > 0);
  if (present.length === 0) return null;

  /** The header as the user wrote it, so the list speaks the sheet's words, not the API's keys. */
  const columnLabel = (issue: Issue) => {
    if (issue.column === null) return null;
    const table = issue.table === "nakes" || issue.table === "pelatihan" ? layout[issue.table] : undefined;
    const i = table?.columns.indexOf(issue.column) ?? -1;
    return i >= 0 ? table!.headers[i]! : issue.column;
  };

  const where = ({ issue, cell }: Entry) => {
    const place = cell ? `${cell.sheetName}!${cell.address}` : t.roster.table[issue.table];
    const row = issue.row === null ? t.roster.wholeTable : null;
    return [place, row, columnLabel(issue)].filter(Boolean).join(" · ");
  };

  return (
    <Accordion multiple collapsible defaultOpenItems={[present[0]!]} aria-label={t.roster.issuesTitle}>
      {present.map((severity) => (
        <AccordionItem key={severity} value={severity}>
          <AccordionHeader>
            <span className={styles.header}>
              {t.roster.severity[severity]}
              <CounterBadge count={groups[severity].length} overflowCount={99_999} color={BADGE_COLOR[severity]} size="small" />
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {groups[severity].slice(0, shown[severity]).map((entry, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className={mergeClasses(styles.item, styles[severity])}
                    disabled={!entry.cell}
                    title={entry.cell ? t.roster.goToCell(entry.cell.address) : undefined}
                    onClick={() => entry.cell && onSelect(entry.cell)}
                  >
                    <span className={styles.where}>{where(entry)}</span>
                    <span className={styles.message}>{entry.issue.message}</span>
                  </button>
                </li>
              ))}
            </ul>
            {groups[severity].length > shown[severity] && (
              <Button
                appearance="subtle"
                size="small"
                onClick={() => setShown((s) => ({ ...s, [severity]: s[severity] + PAGE }))}
              >
                {t.roster.showMore(Math.min(PAGE, groups[severity].length - shown[severity]))}
              </Button>
            )}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
