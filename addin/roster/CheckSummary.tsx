import { Badge, Body1Strong, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useLang, useStrings } from "../i18n";
import { DiffTable } from "./DiffTable";
import type { Check } from "./useRosterFlow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  source: { color: tokens.colorNeutralForeground3 },
});

/** Counts by severity, who checked (the pane or the server), and the dry run's changes. */
export function CheckSummary({ check }: { check: Check }) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const fmt = (n: number) => n.toLocaleString(lang === "en" ? "en-US" : "id-ID");
  const clean = check.counts.error === 0 && check.counts.warning === 0;
  return (
    <section className={styles.root} aria-label={t.roster.issuesTitle}>
      <div className={styles.counts} data-testid="counts">
        <Badge appearance="tint" color="danger" shape="rounded" size="large">
          {`${fmt(check.counts.error)} ${t.roster.counts.error}`}
        </Badge>
        <Badge appearance="tint" color="warning" shape="rounded" size="large">
          {`${fmt(check.counts.warning)} ${t.roster.counts.warning}`}
        </Badge>
        <Badge appearance="tint" color="informative" shape="rounded" size="large">
          {`${fmt(check.counts.info)} ${t.roster.counts.info}`}
        </Badge>
        <Caption1 className={styles.source}>
          {check.source === "server" ? t.roster.serverChecked : t.roster.localChecked}
        </Caption1>
      </div>
      {clean && check.ok && (
        <MessageBar intent="success">
          <MessageBarBody>{t.roster.allClear}</MessageBarBody>
        </MessageBar>
      )}
      {check.diff && check.diff.length > 0 && (
        <>
          <Body1Strong>{t.roster.diffTitle}</Body1Strong>
          <DiffTable diff={check.diff} limit={5} />
        </>
      )}
    </section>
  );
}
