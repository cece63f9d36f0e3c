import type { MessageBarIntent } from "@fluentui/react-components";
import type { Lang } from "../../shared/schema/issue";
import { formatNumber } from "../i18n/format";
import type { Strings } from "../i18n";
import { errorText } from "../ui/error-text";
import { isBusy, selectedIssues, type Check, type FlowState, type Step, type Transfer } from "./flow";

/** A button a notice offers; the tab maps it to the flow's own action. */
export type NoticeAction = "revalidate" | "retry";

export interface FlowNotice {
  intent: MessageBarIntent;
  title?: string;
  body: string;
  detail?: string | null;
  action?: { label: string; run: NoticeAction };
}

export interface FlowProgress {
  phase: string;
  /** 0…1 of the bytes sent, when a request body is on its way. */
  fraction: number | null;
  slow: boolean;
  /** A request to the server is running and may be stopped. */
  cancellable: boolean;
}

/** Everything the Roster tab shows, derived from the flow's state alone. */
export interface RosterView {
  busy: boolean;
  /** Progress of a network step; the workbook steps report their own (read, mark) beside it. */
  transfer: FlowProgress | null;
  notice: FlowNotice | null;
  summary: { check: Check; ready: boolean; cleanLocal: boolean; showDiff: boolean } | null;
  dialog: Check | null;
  selection: { sheetName: string; address: string; issues: Check["issues"] } | null;
}

/** Steps after which the last check is on screen as a result. */
const RESULT_STEPS: ReadonlySet<Step["kind"]> = new Set([
  "checkingServer",
  "checked",
  "offline",
  "blocked",
  "confirming",
  "pushing",
  "done",
  "conflict",
  "rejected",
  "pushFailed",
  "cancelled",
  "failed",
  "needsServer",
  "idle",
  "inserted",
]);

/** Where the dry run's table of changes still describes what a send would do. */
const DIFF_STEPS: ReadonlySet<Step["kind"]> = new Set(["checked", "blocked", "confirming"]);

function percent(transfer: Transfer): number {
  return transfer.total > 0 ? Math.min(1, transfer.sent / transfer.total) : 0;
}

function transferProgress(step: Step, t: Strings, lang: Lang): FlowProgress | null {
  const pct = (tr: Transfer) => formatNumber(Math.floor(percent(tr) * 100), lang);
  if (step.kind === "checkingServer") {
    const tr = step.transfer;
    const phase = !tr
      ? t.progress.server
      : tr.sent < tr.total
        ? t.progress.uploadingCheck(pct(tr))
        : t.progress.serverChecking;
    return { phase: tr?.slow ? t.progress.slow(phase) : phase, fraction: tr ? percent(tr) : null, slow: tr?.slow ?? false, cancellable: true };
  }
  if (step.kind === "pushing") {
    const tr = step.transfer;
    const base = step.attempt
      ? t.progress.retrying(step.attempt.n, step.attempt.of)
      : !tr
        ? t.progress.pushing
        : tr.sent < tr.total
          ? t.progress.uploadingPush(pct(tr))
          : t.progress.serverStoring;
    return { phase: tr?.slow ? t.progress.slow(base) : base, fraction: tr ? percent(tr) : null, slow: tr?.slow ?? false, cancellable: true };
  }
  return null;
}

function notice(state: FlowState, t: Strings, lang: Lang): FlowNotice | null {
  const { step, check } = state;
  switch (step.kind) {
    case "inserted":
      return { intent: "success", body: t.roster.templateDone(step.created, step.kept) };
    case "noRoster":
      return { intent: "warning", body: t.roster.noRoster };
    case "needsServer":
      return { intent: "warning", body: t.roster.needsServer };
    case "checked":
      return check?.source === "local" ? { intent: "info", body: t.roster.localOnlyHint } : null;
    case "offline":
      return step.midway
        ? { intent: "warning", title: t.roster.droppedTitle, body: t.roster.droppedBody }
        : { intent: "warning", title: t.roster.offlineTitle, body: t.roster.offlineBody };
    case "blocked":
      return { intent: "error", body: t.roster.blocked(check?.counts.error ?? 0) };
    case "done":
      return {
        intent: "success",
        title: t.push.successTitle,
        body: t.push.success(step.upload.upload_id, step.upload.stored.nakes, step.upload.stored.pelatihan),
      };
    case "conflict":
      return {
        intent: "warning",
        title: t.push.conflictTitle,
        body: step.by ? t.push.conflictBy(step.by.name, formatWhen(step.by.at, lang)) : t.push.conflictBody,
        action: { label: t.push.revalidate, run: "revalidate" },
      };
    case "rejected":
      return { intent: "error", title: t.push.rejectedTitle, body: t.push.rejectedBody };
    case "pushFailed":
      return step.retryable
        ? {
            intent: "error",
            title: t.push.retryTitle,
            body: t.push.retryBody,
            detail: errorText(step.error, t).body,
            action: { label: t.push.retry, run: "retry" },
          }
        : { intent: "error", ...errorText(step.error, t) };
    case "cancelled":
      return { intent: "info", body: t.roster.cancelled };
    case "failed":
      return { intent: "error", ...errorText(step.error, t) };
    default:
      return null;
  }
}

/** A moment as the user reads it: "29 Nov 2026 14.05" in Indonesian. */
export function formatWhen(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "short" });
}

/**
 * The Roster tab's content for a state. Rules that keep the screen from contradicting itself:
 * "siap dikirim" only while the server's error-free check is the current step; the dry run's table
 * of changes only while a send would still do what it says; a cell's note only from the current
 * findings.
 */
export function describeFlow(state: FlowState, t: Strings, lang: Lang): RosterView {
  const { step, check } = state;
  const showResult = check !== null && RESULT_STEPS.has(step.kind);
  const cleanLocal = check !== null && check.source === "local" && check.counts.error === 0 && check.counts.warning === 0;
  const sel = state.selection;
  const issues = selectedIssues(state);
  return {
    busy: isBusy(step),
    transfer: transferProgress(step, t, lang),
    notice: notice(state, t, lang),
    summary: showResult
      ? {
          check,
          ready: step.kind === "checked" && check.source === "server" && check.ok,
          cleanLocal: cleanLocal && (step.kind === "checked" || step.kind === "offline"),
          showDiff: DIFF_STEPS.has(step.kind) && check.source === "server" && (check.diff?.length ?? 0) > 0,
        }
      : null,
    dialog: step.kind === "confirming" ? check : null,
    selection: sel && issues.length ? { ...sel, issues } : null,
  };
}
