import { useCallback, useEffect, useRef, useState } from "react";
import type { DiffEntry } from "../../shared/api/rosters";
import type { Counts, Issue } from "../../shared/schema/issue";
import { validateRoster } from "../../shared/validate/roster";
import { useWorkbookActions } from "../actions/context";
import { newIdempotencyKey } from "../api/client";
import { useApi } from "../api/context";
import { isApiError, isTransient } from "../api/errors";
import { bestReference } from "../api/reference-cache";
import type { IssueCell, SelectedIssues } from "../excel/types";
import { useLang, useStrings } from "../i18n";
import { errorText } from "../ui/error-text";
import type { NoticeData } from "../ui/Notice";
import { useTask, type TaskControl } from "../ui/useTask";
import { locateIssues, type RosterLayout } from "./locate";
import { todayIso, toRosterRequest, type MappedRoster } from "./to-request";

/** The latest check of the workbook: local first, replaced by the server's answer when it comes. */
export interface Check {
  source: "local" | "server";
  ok: boolean;
  counts: Counts;
  issues: Issue[];
  cells: IssueCell[];
  unlocated: Issue[];
  layout: RosterLayout;
  /** Per-facility changes and the If-Match tag, from the server's dry run. */
  diff: DiffEntry[] | null;
  base: string | null;
  mapped: MappedRoster;
  /** The request as JSON: a push reuses the dry run only while the sheet still says the same. */
  fingerprint: string;
}

type CheckResult = Pick<Check, "source" | "ok" | "counts" | "issues" | "diff" | "base">;

/** Same findings in the same order: then the marks on the sheet are already right. */
function sameFindings(a: readonly Issue[], b: readonly Issue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.code === y.code && x.table === y.table && x.row === y.row && x.column === y.column && x.severity === y.severity;
  });
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Validasi and Kirim: read, check locally, mark, check on the server, confirm, push. */
export function useRosterFlow({ onStored }: { onStored?: () => void } = {}) {
  const actions = useWorkbookActions();
  const { client, storage } = useApi();
  const t = useStrings();
  const lang = useLang();
  const { running, run } = useTask();
  const [check, setCheck] = useState<Check | null>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [confirming, setConfirming] = useState<Check | null>(null);
  const [selected, setSelected] = useState<SelectedIssues | null>(null);
  const checkRef = useRef<Check | null>(null);
  /** The Idempotency-Key of the push in flight or failed in transit: a retry of that push reuses it. */
  const pushKey = useRef<{ fingerprint: string; base: string; key: string } | null>(null);

  const showError = useCallback((e: unknown) => setNotice({ intent: "error", ...errorText(e, t) }), [t]);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    actions
      .watchSelection((cell) => setSelected(cell.issues.length ? cell : null))
      .then((s) => (cancelled ? s() : (stop = s)))
      .catch(() => {
        // Without selection events the issue list still works; nothing to tell the user.
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [actions]);

  const show = useCallback(
    async (task: TaskControl, mapped: MappedRoster, fingerprint: string, result: CheckResult, previous: Check | null) => {
      const { cells, unlocated } = locateIssues(result.issues, mapped.layout);
      const next: Check = { ...result, cells, unlocated, layout: mapped.layout, mapped, fingerprint };
      checkRef.current = next;
      setCheck(next);
      if (!previous || previous.fingerprint !== fingerprint || !sameFindings(previous.issues, result.issues)) {
        task.phase(t.progress.marking);
        await actions.markIssues(cells, task.progress);
        task.phase(t.progress.results);
        await actions.writeResults(result.issues, cells, lang, task.progress);
      }
      return next;
    },
    [actions, lang, t],
  );

  /** Reads and checks the workbook; null when there is nothing to check. */
  const checkWorkbook = useCallback(
    async (task: TaskControl, reuseServerCheck: boolean): Promise<Check | null> => {
      task.phase(t.progress.reading);
      const roster = await actions.readRoster(task.progress);
      const asOf = todayIso();
      const mapped = toRosterRequest(roster, asOf);
      if (!mapped) {
        checkRef.current = null;
        setCheck(null);
        setNotice({ intent: "warning", body: t.roster.noRoster });
        return null;
      }
      const fingerprint = JSON.stringify(mapped.request);
      const prior = checkRef.current;
      if (reuseServerCheck && prior?.source === "server" && prior.fingerprint === fingerprint) return prior;

      task.phase(t.progress.validating);
      await yieldToUi();
      const local = validateRoster(mapped.request, { asOf, lang });
      let current = await show(
        task,
        mapped,
        fingerprint,
        { source: "local", ok: local.ok, counts: local.counts, issues: local.issues, diff: null, base: null },
        prior,
      );
      if (!client) {
        setNotice({ intent: "info", body: t.roster.localOnlyHint });
        return current;
      }
      task.phase(t.progress.server);
      try {
        const server = await client.validate(mapped.request);
        current = await show(
          task,
          mapped,
          fingerprint,
          { source: "server", ok: server.ok, counts: server.counts, issues: server.issues, diff: server.diff, base: server.base },
          current,
        );
      } catch (e) {
        if (isApiError(e) && (e.kind === "network" || e.kind === "timeout")) {
          setNotice({ intent: "warning", title: t.roster.offlineTitle, body: t.roster.offlineBody });
        } else {
          showError(e);
        }
      }
      return current;
    },
    [actions, client, lang, show, showError, t],
  );

  const validate = useCallback(async () => {
    setNotice(null);
    await run(t.progress.reading, async (task) => {
      try {
        await checkWorkbook(task, false);
      } catch (e) {
        showError(e);
      }
    });
  }, [checkWorkbook, run, showError, t]);

  const insertTemplate = useCallback(async () => {
    setNotice(null);
    await run(t.progress.template, async (task) => {
      try {
        const reference = await bestReference(client, storage);
        task.phase(t.progress.template);
        const outcome = await actions.insertTemplate(reference.data, task.progress);
        setNotice({ intent: "success", body: t.roster.templateDone(outcome.created, outcome.kept) });
      } catch (e) {
        showError(e);
      }
    });
  }, [actions, client, run, showError, storage, t]);

  const push = useCallback(async () => {
    setNotice(null);
    if (!client) {
      setNotice({ intent: "warning", body: t.roster.needsServer });
      return;
    }
    await run(t.progress.reading, async (task) => {
      try {
        const current = await checkWorkbook(task, true);
        if (!current || current.source !== "server") return;
        if (!current.ok) {
          setNotice({ intent: "error", body: t.roster.blocked(current.counts.error) });
          return;
        }
        setConfirming(current);
      } catch (e) {
        showError(e);
      }
    });
  }, [checkWorkbook, client, run, showError, t]);

  const confirmPush = useCallback(
    async (confirmed: Check) => {
      setConfirming(null);
      setNotice(null);
      if (!client || !confirmed.base) return;
      const base = confirmed.base;
      const held = pushKey.current;
      const key = held && held.fingerprint === confirmed.fingerprint && held.base === base ? held.key : newIdempotencyKey();
      pushKey.current = { fingerprint: confirmed.fingerprint, base, key };
      await run(t.progress.pushing, async (task) => {
        try {
          const res = await client.push(confirmed.mapped.request, {
            base,
            idempotencyKey: key,
            onRetry: (attempt, attempts) => task.phase(t.progress.retrying(attempt, attempts)),
          });
          pushKey.current = null;
          onStored?.();
          setNotice({
            intent: "success",
            title: t.push.successTitle,
            body: t.push.success(res.upload_id, res.stored.nakes, res.stored.pelatihan),
          });
        } catch (e) {
          if (isApiError(e) && e.status === 412) {
            pushKey.current = null;
            setNotice({
              intent: "warning",
              title: t.push.conflictTitle,
              body: t.push.conflictBody,
              action: { label: t.push.revalidate, onClick: () => void validate() },
            });
          } else if (isApiError(e) && e.status === 422 && e.issues.length) {
            pushKey.current = null;
            const counts = { error: 0, warning: 0, info: 0 };
            for (const issue of e.issues) counts[issue.severity]++;
            await show(
              task,
              confirmed.mapped,
              confirmed.fingerprint,
              { source: "server", ok: false, counts, issues: e.issues, diff: confirmed.diff, base: null },
              checkRef.current,
            );
            setNotice({ intent: "error", title: t.push.rejectedTitle, body: t.push.rejectedBody });
          } else if (isTransient(e)) {
            // Keep the key: sending the same roster again is answered with the first result.
            setNotice({
              intent: "error",
              title: t.push.retryTitle,
              body: t.push.retryBody,
              detail: errorText(e, t).body,
              action: { label: t.push.retry, onClick: () => void confirmPush(confirmed) },
            });
          } else {
            pushKey.current = null;
            showError(e);
          }
        }
      });
    },
    [client, run, show, showError, t, validate],
  );

  const selectIssue = useCallback(
    (cell: IssueCell) => {
      actions.selectCell({ sheetName: cell.sheetName, address: cell.address }).catch(showError);
    },
    [actions, showError],
  );

  return {
    running,
    check,
    notice,
    dismissNotice: () => setNotice(null),
    selected,
    confirming,
    cancelPush: () => setConfirming(null),
    insertTemplate,
    validate,
    push,
    confirmPush,
    selectIssue,
  };
}
