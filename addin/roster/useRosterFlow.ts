import { useCallback, useEffect, useReducer, useRef } from "react";
import type { DiffEntry } from "../../shared/api/rosters";
import type { Issue } from "../../shared/schema/issue";
import { useWorkbookActions } from "../actions/context";
import type { ApiClient } from "../api/client";
import { useApi } from "../api/context";
import { isApiError, isTransient } from "../api/errors";
import type { IssueCell } from "../excel/types";
import { useLang, useStrings } from "../i18n";
import { useTask, type TaskControl } from "../ui/useTask";
import { flowReducer, initialFlow, type Check, type ConflictBy, type Intent, type Staged } from "./flow";
import { loadEngine } from "./load-engine";
import type { MappedRoster } from "./to-request";

export type { Check };

type Findings = Pick<Check, "source" | "ok" | "counts" | "issues" | "diff" | "base" | "staged">;

/** Same findings in the same order: then the marks on the sheet are already right. */
function sameFindings(a: readonly Issue[], b: readonly Issue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.code === y.code && x.table === y.table && x.row === y.row && x.column === y.column && x.severity === y.severity;
  });
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Facilities with the most change first: the uploads there are the likeliest to have landed. */
function byChange(diff: readonly DiffEntry[]): DiffEntry[] {
  return [...diff].sort((a, b) => b.added + b.removed + b.changed - (a.added + a.removed + a.changed));
}

/**
 * Who stored a roster for these facilities since the dry run: the newest upload in the history of
 * the first few (GET /v1/uploads is scope-checked on the server). Null when it cannot be read.
 */
async function whoLanded(client: ApiClient, diff: readonly DiffEntry[] | null): Promise<ConflictBy | null> {
  try {
    const codes = byChange(diff ?? []).slice(0, 3).map((d) => d.kode_fasyankes);
    const pages = await Promise.all(codes.map((kode_fasyankes) => client.uploads({ kode_fasyankes, limit: 1 })));
    const newest = pages
      .flatMap((p) => p.uploads.slice(0, 1))
      .sort((a, b) => b.committed_at.localeCompare(a.committed_at))[0];
    return newest ? { name: newest.uploaded_by.name, at: newest.committed_at } : null;
  } catch {
    return null;
  }
}

/**
 * Validasi, Kirim and Sisipkan template over the pure reducer of flow.ts: this hook only runs the
 * side effects (workbook, server) and dispatches what happened. Marks on the sheet follow each check.
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
  const pushKey = useRef<{ fingerprint: string; base: string; key: string } | null>(null);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    actions
      .watchSelection((cell) => dispatch({ type: "select", cell: { sheetName: cell.sheetName, address: cell.address } }))
      .then((s) => (cancelled ? s() : (stop = s)))
      .catch(() => {
        // Without selection events the issue list still works; nothing to tell the user.
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [actions]);

  /** The check of these findings, each issue placed on its cell. */
  const place = useCallback(async (mapped: MappedRoster, fingerprint: string, found: Findings): Promise<Check> => {
    const { locateIssues } = await loadEngine();
    const { cells, unlocated } = locateIssues(found.issues, mapped.layout);
    return { ...found, cells, unlocated, layout: mapped.layout, mapped, fingerprint };
  }, []);

  const mark = useCallback(
    async (task: TaskControl, check: Check, previous: Check | null) => {
      if (previous && previous.fingerprint === check.fingerprint && sameFindings(previous.issues, check.issues)) return;
      task.phase(t.progress.marking);
      await actions.markIssues(check.cells, task.progress);
      task.phase(t.progress.results);
      await actions.writeResults(check.issues, check.cells, lang, task.progress);
    },
    [actions, lang, t],
  );

  /** Reads, checks locally, then on the server (staging it for Kirim); dispatches each step. */
  const checkWorkbook = useCallback(
    async (task: TaskControl, intent: Intent) => {
      task.phase(t.progress.reading);
      const roster = await actions.readRoster(task.progress);
      task.phase(t.progress.loading);
      const engine = await loadEngine();
      const asOf = engine.todayIso();
      const mapped = engine.toRosterRequest(roster, asOf);
      if (!mapped) {
        dispatch({ type: "noRoster" });
        return;
      }
      const fingerprint = JSON.stringify(mapped.request);
      const prior = stateRef.current.check;
      if (intent === "push" && prior?.source === "server" && prior.fingerprint === fingerprint && prior.base) {
        dispatch({ type: "serverChecked", check: prior });
        return;
      }

      task.phase(t.progress.validating);
      await yieldToUi();
      const local = engine.validateRoster(mapped.request, { asOf, lang });
      const localFound: Findings = { source: "local", ok: local.ok, counts: local.counts, issues: local.issues, diff: null, base: null, staged: null };
      const localCheck = await place(mapped, fingerprint, localFound);
      dispatch({ type: "localChecked", check: localCheck, serverNext: client !== null });
      await mark(task, localCheck, prior);
      if (!client) return;

      task.phase(t.progress.server);
      const abort = new AbortController();
      abortRef.current = abort;
      let sent = 0;
      try {
        const server = await client.validate(mapped.request, {
          stage: true,
          signal: abort.signal,
          onProgress: (p) => {
            sent = p.sent;
            dispatch({ type: "transfer", ...p });
          },
        });
        const staged: Staged | null = server.ok && server.staged ? server.staged : null;
        const serverFound: Findings = { source: "server", ok: server.ok, counts: server.counts, issues: server.issues, diff: server.diff, base: server.base, staged };
        const serverCheck = await place(mapped, fingerprint, serverFound);
        await mark(task, serverCheck, localCheck);
        dispatch({ type: "serverChecked", check: serverCheck });
      } catch (e) {
        if (isApiError(e) && e.kind === "cancelled") dispatch({ type: "cancelled" });
        else if (isApiError(e) && (e.kind === "network" || e.kind === "timeout")) dispatch({ type: "unreachable", midway: sent > 0 });
        else dispatch({ type: "failed", error: e });
      } finally {
        abortRef.current = null;
      }
    },
    [actions, client, lang, mark, place, t],
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
        const { bestReference } = await import("../api/reference-cache");
        const reference = await bestReference(client, storage);
        task.phase(t.progress.template);
        const outcome = await actions.insertTemplate(reference.data, task.progress);
        // The kode_fasyankes column offers the master's facilities by name (GET /v1/facilities);
        // offline, the template works without that dropdown.
        if (client && actions.offerFacilities) {
          const facilities = await client.facilities().catch(() => null);
          if (facilities?.length) await actions.offerFacilities(facilities, task.progress);
        }
        dispatch({ type: "templateDone", created: outcome.created, kept: outcome.kept });
      } catch (e) {
        dispatch({ type: "failed", error: e });
      }
    });
  }, [actions, client, run, storage, t]);

  const confirmPush = useCallback(
    async (confirmed: Check) => {
      if (!client || !confirmed.base) return;
      const base = confirmed.base;
      const held = pushKey.current;
      const key = held && held.fingerprint === confirmed.fingerprint && held.base === base ? held.key : crypto.randomUUID();
      pushKey.current = { fingerprint: confirmed.fingerprint, base, key };
      dispatch({ type: "pushStart" });
      const abort = new AbortController();
      abortRef.current = abort;
      await run(t.progress.pushing, async (task) => {
        try {
          const res = await client.push(confirmed.mapped.request, {
            base,
            idempotencyKey: key,
            stagedId: confirmed.staged?.id ?? null,
            signal: abort.signal,
            onProgress: (p) => dispatch({ type: "transfer", ...p }),
            onRetry: (attempt, attempts) => dispatch({ type: "retrying", attempt, attempts }),
          });
          pushKey.current = null;
          onStored?.();
          dispatch({ type: "pushed", upload: res });
        } catch (e) {
          if (isApiError(e) && e.kind === "cancelled") {
            // Keep the key: if the server stored it after all, sending again returns that result.
            dispatch({ type: "cancelled" });
          } else if (isApiError(e) && e.status === 412) {
            pushKey.current = null;
            dispatch({ type: "conflict", by: await whoLanded(client, confirmed.diff) });
          } else if (isApiError(e) && e.status === 422 && e.issues.length) {
            pushKey.current = null;
            const counts = { error: 0, warning: 0, info: 0 };
            for (const issue of e.issues) counts[issue.severity]++;
            const found: Findings = { source: "server", ok: false, counts, issues: e.issues, diff: confirmed.diff, base: null, staged: null };
            const rejected = await place(confirmed.mapped, confirmed.fingerprint, found);
            await mark(task, rejected, confirmed);
            dispatch({ type: "rejected", check: rejected });
          } else {
            const retryable = isTransient(e);
            if (!retryable) pushKey.current = null;
            dispatch({ type: "pushFailed", error: e, retryable });
          }
        } finally {
          abortRef.current = null;
        }
      });
    },
    [client, mark, onStored, place, run, t],
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
