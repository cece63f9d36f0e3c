import { lazy, Suspense, type RefObject } from "react";
import { formatNumber } from "../i18n/format";
import { useLang, useStrings } from "../i18n";
import { LiveRegion } from "../ui/LiveRegion";
import { Notice, type NoticeData } from "../ui/Notice";
import { Progress } from "../ui/Progress";
import { CheckSummary } from "./CheckSummary";
import type { FacilityNames } from "./diff-order";
import { SelectionNote } from "./SelectionNote";
import type { useRosterFlow } from "./useRosterFlow";
import type { RosterView } from "./view";

const IssueList = lazy(() => import("./IssueList").then((m) => ({ default: m.IssueList })));
const PushDialog = lazy(() => import("./PushDialog"));

/** The issue list and the send dialog, loaded ahead of need. */
export function preloadDialogParts(): Promise<unknown> {
  return Promise.all([import("./IssueList"), import("./PushDialog")]);
}

export interface RosterBodyProps {
  flow: ReturnType<typeof useRosterFlow>;
  view: RosterView;
  names: FacilityNames;
  busy: boolean;
  summaryRef: RefObject<HTMLElement | null>;
}

/**
 * Below the Roster tab's buttons: progress (with cancel), the notice, the selected cell's note, the
 * result and its issues, and the send dialog — all from the view of the flow's current state.
 */
export default function RosterBody({ flow, view, names, busy, summaryRef }: RosterBodyProps) {
  const t = useStrings();
  const lang = useLang();
  const notice: NoticeData | null = view.notice && {
    ...view.notice,
    action: view.notice.action && {
      label: view.notice.action.label,
      onClick: view.notice.action.run === "retry" ? flow.retryPush : () => void flow.validate(),
    },
  };
  // Notices announce themselves (their container is a live region); this one speaks the result.
  const announcement = view.summary && !busy ? t.roster.validated(formatNumber(view.summary.check.counts.error, lang)) : "";
  return (
    <>
      <Progress task={view.transfer ? null : flow.running} transfer={view.transfer} onCancel={flow.cancelTransfer} />
      <LiveRegion message={announcement} />
      <div aria-live={notice?.intent === "error" ? "assertive" : "polite"} data-testid="notices">
        {notice && <Notice notice={notice} onDismiss={view.busy ? undefined : flow.dismiss} />}
      </div>
      {view.selection && <SelectionNote cell={view.selection} />}
      {view.summary && <CheckSummary summary={view.summary} names={names} ref={summaryRef} />}
      {view.summary && (
        <Suspense fallback={null}>
          <IssueList
            cells={view.summary.check.cells}
            unlocated={view.summary.check.unlocated}
            layout={view.summary.check.layout}
            onSelect={flow.selectIssue}
          />
        </Suspense>
      )}
      {view.dialog && (
        <Suspense fallback={null}>
          <PushDialog check={view.dialog} names={names} onConfirm={(c) => void flow.confirmPush(c)} onCancel={flow.cancelPush} />
        </Suspense>
      )}
    </>
  );
}
