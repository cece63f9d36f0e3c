import { Badge, Body1Strong, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef } from "react";
import { formatNumber } from "../i18n/format";
import { useLang, useStrings } from "../i18n";
import { DiffTable } from "./DiffTable";
import type { FacilityNames } from "./diff-order";
import type { RosterView } from "./view";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  source: { color: tokens.colorNeutralForeground3 },
});

/**
 * Counts by severity, who checked (the pane or the server), and — only while the view says so —
 * "siap dikirim" and the dry run's changes. Focusable, so Validasi can move focus to its result.
 */
export const CheckSummary = forwardRef<HTMLElement, { summary: NonNullable<RosterView["summary"]>; names: FacilityNames }>(
  function CheckSummary({ summary, names }, ref) {
    const t = useStrings();
    const lang = useLang();
    const styles = useStyles();
    const { check } = summary;
    const fmt = (n: number) => formatNumber(n, lang);
    return (
      <section className={styles.root} aria-label={t.roster.resultTitle} tabIndex={-1} ref={ref} data-testid="check-summary">
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
          <Caption1 className={styles.source}>{check.source === "server" ? t.roster.serverChecked : t.roster.localChecked}</Caption1>
        </div>
        {summary.ready && check.counts.warning === 0 && check.counts.error === 0 && (
          <MessageBar intent="success">
            <MessageBarBody>{t.roster.allClear}</MessageBarBody>
          </MessageBar>
        )}
        {summary.cleanLocal && (
          <MessageBar intent="info">
            <MessageBarBody>{t.roster.allClearLocal}</MessageBarBody>
          </MessageBar>
        )}
        {summary.showDiff && check.diff && (
          <>
            <Body1Strong>{t.roster.diffTitle}</Body1Strong>
            <DiffTable diff={check.diff} names={names} />
          </>
        )}
      </section>
    );
  },
);
