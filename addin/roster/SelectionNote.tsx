import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import type { Issue } from "../../shared/schema/issue";
import { useStrings } from "../i18n";

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: "1.1rem" } });

/** The messages of the marked cell the user selected in the sheet, from the current findings only. */
export function SelectionNote({ cell }: { cell: { sheetName: string; address: string; issues: Issue[] } }) {
  const t = useStrings();
  const styles = useStyles();
  const worst = cell.issues.some((i) => i.severity === "error")
    ? "error"
    : cell.issues.some((i) => i.severity === "warning")
      ? "warning"
      : "info";
  return (
    <MessageBar intent={worst} layout="multiline" data-testid="selection-note">
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
