import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatNumber } from "../i18n/format";
import { useLang, useStrings } from "../i18n";
import { DiffTable } from "./DiffTable";
import { orderDiff, type FacilityNames } from "./diff-order";
import type { Check } from "./flow";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorStatusWarningForeground1 },
  removals: { margin: 0, paddingLeft: "1.1rem", color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  surface: { maxWidth: "min(600px, calc(100vw - 16px))" },
});

/**
 * Asks before the roster replaces what is stored (issue 13 item 4): what changes per facility, by
 * name; who is removed, in red with the count; and, when anyone is removed, an explicit tick first.
 */
export function PushDialog({
  check,
  names,
  onConfirm,
  onCancel,
}: {
  check: Check | null;
  names: FacilityNames;
  onConfirm: (c: Check) => void;
  onCancel: () => void;
}) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [understood, setUnderstood] = useState(false);
  const ordered = check?.diff ? orderDiff(check.diff, names, lang) : null;
  const removed = ordered?.removedTotal ?? 0;
  const canSend = check !== null && (removed === 0 || understood);
  return (
    <Dialog
      open={check !== null}
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
      modalType="alert"
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t.push.dialogTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{t.push.dialogBody}</Body1>
            {ordered && ordered.removals.length > 0 && (
              <ul className={styles.removals} data-testid="removals">
                {ordered.removals.map((r) => (
                  <li key={r.kode_fasyankes}>{t.push.removals(formatNumber(r.removed, lang), r.name)}</li>
                ))}
              </ul>
            )}
            {check?.diff && <DiffTable diff={check.diff} names={names} />}
            {check && check.counts.warning > 0 && <Caption1 className={styles.note}>{t.push.warningsNote(check.counts.warning)}</Caption1>}
            {removed > 0 && (
              <Checkbox
                checked={understood}
                onChange={(_, d) => setUnderstood(d.checked === true)}
                label={t.push.removalsConfirm(formatNumber(removed, lang))}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!canSend} onClick={() => check && onConfirm(check)}>
              {t.push.confirm}
            </Button>
            <Button onClick={onCancel}>{t.push.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default PushDialog;
