import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { DiffTable } from "./DiffTable";
import type { Check } from "./useRosterFlow";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorStatusWarningForeground1 },
});

/** Asks before the roster replaces what is stored, showing what the dry run says will change. */
export function PushDialog({ check, onConfirm, onCancel }: { check: Check | null; onConfirm: (c: Check) => void; onCancel: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <Dialog open={check !== null} onOpenChange={(_, data) => !data.open && onCancel()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.push.dialogTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{t.push.dialogBody}</Body1>
            {check?.diff && <DiffTable diff={check.diff} />}
            {check && check.counts.warning > 0 && <Caption1 className={styles.note}>{t.push.warningsNote(check.counts.warning)}</Caption1>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => check && onConfirm(check)}>
              {t.push.confirm}
            </Button>
            <Button onClick={onCancel}>{t.push.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
