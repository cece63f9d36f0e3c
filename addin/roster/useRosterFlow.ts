import { useCallback, useEffect, useReducer, useRef, type RefObject } from "react";
import { useWorkbookActions } from "../actions/context";
import { useApi } from "../api/context";
import type { IssueCell } from "../excel/types";
import { useLang, useStrings } from "../i18n";
import { useTask, type TaskControl } from "../ui/useTask";
import { flowReducer, initialFlow, type Check, type Intent } from "./flow";
import { loadEngine } from "./load-engine";
import { placeFindings, rejectedFindings } from "./steps/findings";
import { checkLocally } from "./steps/local-check";
import { markSheet } from "./steps/mark";
import { keepsKey, pushFailure, pushKeyFor, sendPush, type PushKey } from "./steps/push";
import { readRoster, reusableCheck } from "./steps/read";
import { followSelection } from "./steps/selection";
import { checkOnServer, serverCheckFailed } from "./steps/server-check";
import { insertTemplate as insertTemplateStep } from "./steps/template";
import { whoLanded } from "./steps/who-landed";

export type { Check };

/** A new request in flight: its controller, kept in `ref`, answers the cancel button until it settles. */
function abortable(ref: RefObject<AbortController | null>): AbortSignal {
  const abort = new AbortController();
  ref.current = abort;
  return abort.signal;
}

/**
 * Validasi, Kirim and Sisipkan template over the pure reducer of flow.ts: this hook wires the named
 * steps of steps/ (read, check locally, mark, check on the server, push, conflict lookup, template)
 * to the workbook, the server and the task progress, and dispatches what happened.
 */
export function useRosterFlow({ onStored }: { onStored?: () => void } = {}) {
  const actions = useWorkbookActions();
  const { client, storage } = useApi();
  const t = useStrings();
  const lang = useLang();
  const { running, run } = useTask();
  const [state, dispatch] = useReducer(flowReducer, initialFlow);
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Stops the request in flight (the cancel button beside the progress). */
  const abortRef = useRef<AbortController | null>(null);
  /** The Idempotency-Key of the push in flight or failed in transit: a retry of that push reuses it. */
  const pushKey = useRef<PushKey | null>(null);

  useEffect(() => followSelection(actions, (cell) => dispatch({ type: "select", cell })), [actions]);

  /** Reads, checks locally, then on the server (staging it for Kirim); dispatches each step. */
  const checkWorkbook = useCallback(
    async (task: TaskControl, intent: Intent) => {
      const read = await readRoster(actions, task, t);
      if (!read) {
        dispatch({ type: "noRoster" });
        return;
      }
      const { engine, mapped, fingerprint } = read;
      const prior = stateRef.current.check;
      const reused = reusableCheck(prior, intent, fingerprint);
      if (reused) {
        dispatch({ type: "serverChecked", check: reused });
        return;
      }

      const sheet = { actions, lang, t, task };
      task.phase(t.progress.validating);
      const localCheck = placeFindings(engine.locateIssues, mapped, fingerprint, await checkLocally(engine, mapped, lang));
      dispatch({ type: "localChecked", check: localCheck, serverNext: client !== null });
      await markSheet(sheet, localCheck, prior);
      if (!client) return;

      task.phase(t.progress.server);
      let sent = 0;
      try {
        const found = await checkOnServer(client, mapped, {
          signal: abortable(abortRef),
          onTransfer: (p) => {
            sent = p.sent;
            dispatch({ type: "transfer", ...p });
          },
        });
        const serverCheck = placeFindings(engine.locateIssues, mapped, fingerprint, found);
        await markSheet(sheet, serverCheck, localCheck);
        dispatch({ type: "serverChecked", check: serverCheck });
      } catch (e) {
        dispatch(serverCheckFailed(e, sent > 0));
      } finally {
        abortRef.current = null;
      }
    },
    [actions, client, lang, t],
  );

  const start = useCallback(
    async (intent: Intent) => {
      if (intent === "push" && !client) {
        dispatch({ type: "needsServer" });
        return;
      }
      dispatch({ type: "start", intent });
      await run(t.progress.reading, async (task) => {
        try {
          await checkWorkbook(task, intent);
        } catch (e) {
          dispatch({ type: "failed", error: e });
        }
      });
    },
    [checkWorkbook, client, run, t],
  );

  const validate = useCallback(() => start("validate"), [start]);
  const push = useCallback(() => start("push"), [start]);

  const insertTemplate = useCallback(async () => {
    dispatch({ type: "templateStart" });
    await run(t.progress.template, async (task) => {
      try {
        const outcome = await insertTemplateStep({ actions, client, storage, t, task });
        dispatch({ type: "templateDone", created: outcome.created, kept: outcome.kept });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    });
  }, [actions, client, run, storage, t]);

  const confirmPush = useCallback(
    async (confirmed: Check) => {
      if (!client || !confirmed.base) return;
      const key = pushKeyFor(pushKey.current, confirmed, confirmed.base);
      pushKey.current = key;
      dispatch({ type: "pushStart" });
      const signal = abortable(abortRef);
      await run(t.progress.pushing, async (task) => {
        try {
          const upload = await sendPush(client, confirmed, key, {
            signal,
            onProgress: (p) => dispatch({ type: "transfer", ...p }),
            onRetry: (attempt, attempts) => dispatch({ type: "retrying", attempt, attempts }),
          });
          pushKey.current = null;
          onStored?.();
          dispatch({ type: "pushed", upload });
        } catch (e) {
          const failure = pushFailure(e);
          if (!keepsKey(failure)) pushKey.current = null;
          if (failure.kind === "cancelled") dispatch({ type: "cancelled" });
          else if (failure.kind === "conflict") dispatch({ type: "conflict", by: await whoLanded(client, confirmed.diff) });
          else if (failure.kind === "rejected") {
            const { locateIssues } = await loadEngine();
            const rejected = placeFindings(locateIssues, confirmed.mapped, confirmed.fingerprint, rejectedFindings(failure.issues, confirmed.diff));
            await markSheet({ actions, lang, t, task }, rejected, confirmed);
            dispatch({ type: "rejected", check: rejected });
          } else dispatch({ type: "pushFailed", error: failure.error, retryable: failure.retryable });
        } finally {
          abortRef.current = null;
        }
      });
    },
    [actions, client, lang, onStored, run, t],
  );

  const selectIssue = useCallback(
    (cell: IssueCell) => {
      actions.selectCell({ sheetName: cell.sheetName, address: cell.address }).catch(() => {
        // The cell is gone (sheet renamed or deleted): the list still reads; nothing to select.
      });
    },
    [actions],
  );

  return {
    state,
    running,
    insertTemplate,
    validate,
    push,
    confirmPush,
    retryPush: () => {
      const check = stateRef.current.check;
      if (check) void confirmPush(check);
    },
    cancelPush: () => dispatch({ type: "cancelConfirm" }),
    cancelTransfer: () => abortRef.current?.abort(),
    dismiss: () => dispatch({ type: "dismiss" }),
    selectIssue,
  };
}
