import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import type { SelectedIssues } from "../excel/types";
import { useStrings } from "../i18n";

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: "1.1rem" } });

/** The messages of the marked cell the user selected in the sheet. */
export function SelectionNote({ cell }: { cell: SelectedIssues }) {
  const t = useStrings();
  const styles = useStyles();
  const worst = cell.issues.some((i) => i.severity === "error")
    ? "error"
    : cell.issues.some((i) => i.severity === "warning")
      ? "warning"
      : "info";
  return (
    <MessageBar intent={worst} layout="multiline" aria-live="polite" data-testid="selection-note">
      <MessageBarBody>
        <MessageBarTitle>{t.roster.selectionTitle(`${cell.sheetName}!${cell.address}`)}</MessageBarTitle>
        <ul className={styles.list}>
          {cell.issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
