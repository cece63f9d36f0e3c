import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useApi } from "../api/context";
import { useStrings } from "../i18n";
import { Notice } from "../ui/Notice";
import { Progress } from "../ui/Progress";
import { CheckSummary } from "./CheckSummary";
import { IssueList } from "./IssueList";
import { PushDialog } from "./PushDialog";
import { SelectionNote } from "./SelectionNote";
import { useRosterFlow } from "./useRosterFlow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  wide: { gridColumn: "1 / span 2" },
  intro: { color: tokens.colorNeutralForeground2 },
  server: { color: tokens.colorNeutralForeground3 },
});

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function RosterTab({ onStored }: { onStored?: () => void } = {}) {
  const t = useStrings();
  const styles = useStyles();
  const flow = useRosterFlow({ onStored });
  const { settings, client } = useApi();
  const busy = flow.running !== null;
  const connection = client ? t.roster.server(hostOf(settings.apiUrl)) : t.roster.noServer;
  return (
    <div className={styles.root}>
      <Caption1 className={styles.intro}>{t.roster.intro}</Caption1>
      <div className={styles.buttons}>
        <Button className={styles.wide} disabled={busy} onClick={() => void flow.insertTemplate()}>
          {t.roster.insertTemplate}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void flow.validate()}>
          {t.roster.validate}
        </Button>
        <Button disabled={busy} onClick={() => void flow.push()}>
          {t.roster.push}
        </Button>
      </div>
      <Caption1 className={styles.server}>{connection}</Caption1>
      <Progress task={flow.running} />
      {flow.notice && <Notice notice={flow.notice} onDismiss={flow.dismissNotice} />}
      {flow.selected && <SelectionNote cell={flow.selected} />}
      {flow.check && <CheckSummary check={flow.check} />}
      {flow.check && (
        <IssueList cells={flow.check.cells} unlocated={flow.check.unlocated} layout={flow.check.layout} onSelect={flow.selectIssue} />
      )}
      <PushDialog check={flow.confirming} onConfirm={(c) => void flow.confirmPush(c)} onCancel={flow.cancelPush} />
    </div>
  );
}
