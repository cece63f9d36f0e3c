import { Field, ProgressBar } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import type { TaskProgress } from "./useTask";

/** Determinate once the action reports numbers, moving otherwise. */
export function Progress({ task }: { task: TaskProgress | null }) {
  const t = useStrings();
  if (!task) return null;
  const known = task.total > 0;
  const hint = known ? `${task.phase} ${t.progress.ofTotal(task.done, task.total)}` : task.phase;
  return (
    <Field validationMessage={hint} validationState="none" aria-live="polite">
      <ProgressBar aria-label={t.progress.label} value={known ? Math.min(1, task.done / task.total) : undefined} thickness="large" />
    </Field>
  );
}
