import type { Lang } from "../../../shared/schema/issue";
import type { WorkbookActions } from "../../actions/types";
import type { Strings } from "../../i18n";
import type { TaskControl } from "../../ui/useTask";
import type { Check } from "../flow";
import { sameFindings } from "./findings";

/** What marking needs: the workbook, the language of Hasil Validasi, and the task to report on. */
export interface MarkTarget {
  actions: Pick<WorkbookActions, "markIssues" | "writeResults">;
  lang: Lang;
  t: Strings;
  task: TaskControl;
}

/**
 * Puts a check on the sheet: its marks on the cells, then the Hasil Validasi sheet. Skipped (false)
 * when `previous` is the same request with the same findings, since the sheet already shows them;
 * true when it wrote. Rejects with what the workbook threw.
 */
export async function markSheet(to: MarkTarget, check: Check, previous: Check | null): Promise<boolean> {
  if (previous && previous.fingerprint === check.fingerprint && sameFindings(previous.issues, check.issues)) return false;
  to.task.phase(to.t.progress.marking);
  await to.actions.markIssues(check.cells, to.task.progress);
  to.task.phase(to.t.progress.results);
  await to.actions.writeResults(check.issues, check.cells, to.lang, to.task.progress);
  return true;
}
