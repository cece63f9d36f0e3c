import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { TaskProgress } from "./useTask";

/** A network step's progress: bytes sent as a fraction, and whether it may be stopped. */
export interface TransferProgress {
  phase: string;
  fraction: number | null;
  slow: boolean;
  cancellable: boolean;
}

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

/**
 * Determinate once the action reports numbers, moving otherwise. A request to the server shows its
 * upload percentage (and "koneksi lambat" on a slow link) with a cancel button.
 */
export function Progress({ task, transfer, onCancel }: { task: TaskProgress | null; transfer?: TransferProgress | null; onCancel?: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  if (!task && !transfer) return null;
  let hint: string;
  let value: number | undefined;
  if (transfer) {
    hint = transfer.phase;
    value = transfer.fraction ?? undefined;
  } else {
    const known = task!.total > 0;
    hint = known ? `${task!.phase} ${t.progress.ofTotal(task!.done, task!.total)}` : task!.phase;
    value = known ? Math.min(1, task!.done / task!.total) : undefined;
  }
  return (
    <div className={styles.row}>
      <Field className={styles.field} validationMessage={hint} validationState="none">
        <ProgressBar aria-label={t.progress.label} value={value} thickness="large" />
      </Field>
      {transfer?.cancellable && onCancel && (
        <Button size="small" onClick={onCancel}>
          {t.progress.cancel}
        </Button>
      )}
    </div>
  );
}
