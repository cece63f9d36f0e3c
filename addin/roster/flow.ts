import type { DiffEntry, UploadResponse } from "../../shared/api/rosters";
import type { Counts, Issue } from "../../shared/schema/issue";
import type { IssueCell } from "../excel/types";
import type { RosterLayout } from "./locate";
import type { MappedRoster } from "./to-request";

/**
 * The roster flow as one state machine (issue 13 item 3): read → local check → server check →
 * confirm → push → done / conflict / rejected / offline. `flowReducer` is pure; the hook
 * (useRosterFlow) runs the side effects and dispatches what happened; every text on the Roster tab
 * is derived from the state by `describeFlow` (view.ts), so nothing from an earlier step survives a
 * transition (a note, a "siap dikirim", a table of changes).
 */

/** An upload the server keeps staged after an error-free dry run (SPEC §7, `?stage=1`). */
export interface Staged {
  id: string;
  expires_at: string;
}

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
  /** The staged upload Kirim commits, when the server kept one; null: Kirim sends the full body. */
  staged: Staged | null;
  mapped: MappedRoster;
  /** The request as JSON: a push reuses the dry run only while the sheet still says the same. */
  fingerprint: string;
}

/** Bytes of a request body on their way (after compression), and whether the link is slow. */
export interface Transfer {
  sent: number;
  total: number;
  slow: boolean;
}

/** What the user asked for: a check, or a check that goes on to the send dialog. */
export type Intent = "validate" | "push";

/** Who landed an upload between the dry run and the push (GET /v1/uploads), when it could be read. */
export interface ConflictBy {
  name: string;
  at: string;
}

export type Step =
  | { kind: "idle" }
  | { kind: "inserting" }
  | { kind: "inserted"; created: string[]; kept: string[] }
  | { kind: "reading"; intent: Intent }
  | { kind: "checkingLocal"; intent: Intent }
  | { kind: "checkingServer"; intent: Intent; transfer: Transfer | null }
  | { kind: "noRoster" }
  /** The check is the last word: local when there is no server, else the server's answer. */
  | { kind: "checked"; intent: Intent }
  /** The server could not be reached: the local check stands. */
  | { kind: "offline"; midway: boolean }
  | { kind: "blocked" }
  | { kind: "confirming" }
  | { kind: "pushing"; transfer: Transfer | null; attempt: { n: number; of: number } | null }
  | { kind: "done"; upload: UploadResponse }
  | { kind: "conflict"; by: ConflictBy | null }
  | { kind: "rejected" }
  | { kind: "pushFailed"; error: unknown; retryable: boolean }
  | { kind: "cancelled" }
  | { kind: "failed"; error: unknown }
  | { kind: "needsServer" };

export interface FlowState {
  step: Step;
  /** The findings the sheet shows now (its marks and Hasil Validasi). */
  check: Check | null;
  /** The cell the user selected in the sheet; its notes come from `check`, never kept apart. */
  selection: { sheetName: string; address: string } | null;
}

export type FlowEvent =
  | { type: "templateStart" }
  | { type: "templateDone"; created: string[]; kept: string[] }
  | { type: "start"; intent: Intent }
  | { type: "needsServer" }
  | { type: "noRoster" }
  | { type: "localChecked"; check: Check; serverNext: boolean }
  | { type: "transfer"; sent: number; total: number; slow: boolean }
  | { type: "serverChecked"; check: Check }
  /** The server check failed in transit; `midway` when bytes had already moved (not "unreachable"). */
  | { type: "unreachable"; midway: boolean }
  | { type: "failed"; error: unknown }
  | { type: "cancelConfirm" }
  | { type: "pushStart" }
  | { type: "retrying"; attempt: number; attempts: number }
  | { type: "pushed"; upload: UploadResponse }
  | { type: "conflict"; by: ConflictBy | null }
  | { type: "rejected"; check: Check }
  | { type: "pushFailed"; error: unknown; retryable: boolean }
  | { type: "cancelled" }
  | { type: "select"; cell: { sheetName: string; address: string } | null }
  | { type: "dismiss" };

export const initialFlow: FlowState = { step: { kind: "idle" }, check: null, selection: null };

/** Steps during which a long action runs and the buttons wait. */
export function isBusy(step: Step): boolean {
  return ["inserting", "reading", "checkingLocal", "checkingServer", "pushing"].includes(step.kind);
}

/** After a check: the send dialog when Kirim asked and the server found no errors, else the result. */
function afterServerCheck(intent: Intent, check: Check): Step {
  if (intent !== "push") return { kind: "checked", intent };
  return check.ok ? { kind: "confirming" } : { kind: "blocked" };
}

/**
 * The one transition function. Events that do not fit the current step (a late progress report
 * after a cancel, a second start while busy) leave the state as it is.
 */
export function flowReducer(state: FlowState, event: FlowEvent): FlowState {
  const { step } = state;
  switch (event.type) {
    case "templateStart":
      return isBusy(step) ? state : { ...state, step: { kind: "inserting" } };
    case "templateDone":
      return step.kind === "inserting" ? { ...state, step: { kind: "inserted", created: event.created, kept: event.kept } } : state;
    case "start":
      return isBusy(step) ? state : { ...state, step: { kind: "reading", intent: event.intent } };
    case "needsServer":
      return isBusy(step) ? state : { ...state, step: { kind: "needsServer" } };
    case "noRoster":
      // Nothing to check: the old findings no longer describe the workbook.
      return step.kind === "reading" ? { ...state, check: null, step: { kind: "noRoster" } } : state;
    case "localChecked":
      if (step.kind !== "reading" && step.kind !== "checkingLocal") return state;
      return {
        ...state,
        check: event.check,
        step: event.serverNext
          ? { kind: "checkingServer", intent: step.intent, transfer: null }
          : step.intent === "push"
            ? { kind: "needsServer" }
            : { kind: "checked", intent: step.intent },
      };
    case "transfer":
      if (step.kind === "checkingServer" || step.kind === "pushing") {
        return { ...state, step: { ...step, transfer: { sent: event.sent, total: event.total, slow: event.slow } } };
      }
      return state;
    case "serverChecked":
      // A push may reuse a server check of the same sheet: then it comes straight from "reading".
      if (step.kind !== "checkingServer" && step.kind !== "reading") return state;
      return { ...state, check: event.check, step: afterServerCheck(step.intent, event.check) };
    case "unreachable":
      return step.kind === "checkingServer" ? { ...state, step: { kind: "offline", midway: event.midway } } : state;
    case "failed":
      return isBusy(step) ? { ...state, step: { kind: "failed", error: event.error } } : state;
    case "cancelConfirm":
      return step.kind === "confirming" ? { ...state, step: { kind: "checked", intent: "push" } } : state;
    case "pushStart":
      return step.kind === "confirming" || step.kind === "pushFailed"
        ? { ...state, step: { kind: "pushing", transfer: null, attempt: null } }
        : state;
    case "retrying":
      return step.kind === "pushing"
        ? { ...state, step: { ...step, transfer: null, attempt: { n: event.attempt, of: event.attempts } } }
        : state;
    case "pushed":
      return step.kind === "pushing" ? { ...state, step: { kind: "done", upload: event.upload } } : state;
    case "conflict":
      // The dry run's base and staged upload are spent: only a new check can lead to a send.
      return step.kind === "pushing"
        ? { ...state, check: state.check && { ...state.check, base: null, staged: null }, step: { kind: "conflict", by: event.by } }
        : state;
    case "rejected":
      return step.kind === "pushing" ? { ...state, check: event.check, step: { kind: "rejected" } } : state;
    case "pushFailed":
      return step.kind === "pushing" ? { ...state, step: { kind: "pushFailed", error: event.error, retryable: event.retryable } } : state;
    case "cancelled":
      return isBusy(step) ? { ...state, step: { kind: "cancelled" } } : state;
    case "select":
      return { ...state, selection: event.cell };
    case "dismiss":
      return isBusy(step) || step.kind === "confirming" ? state : { ...state, step: { kind: "idle" } };
  }
}

/** The issues of the last check that sit on the selected cell (none: no note). */
export function selectedIssues(state: FlowState): Issue[] {
  const { selection, check } = state;
  if (!selection || !check) return [];
  return check.cells.filter((c) => c.sheetName === selection.sheetName && c.address === selection.address).map((c) => c.issue);
}
