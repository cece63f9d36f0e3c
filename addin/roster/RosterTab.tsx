import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useRef } from "react";
import { useApi } from "../api/context";
import { useFacilityNames } from "../api/facility-master";
import { useLang, useStrings } from "../i18n";
import { isBusy } from "./flow";
import { useRosterFlow } from "./useRosterFlow";
import { describeFlow } from "./view";

// What a check and a send show (progress, notices, results, the dialog): not part of the first
// screen, so loaded after it (main.tsx preloads it) or when first needed.
const RosterBody = lazy(() => import("./RosterBody"));

/** Starts loading what a check and a send will show, so they appear at once when needed. */
export function preloadRosterParts(): Promise<unknown> {
  return import("./RosterBody").then((m) => {
    void m.preloadDialogParts();
  });
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  buttons: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(7rem, 1fr))", gap: tokens.spacingHorizontalS },
  wide: { gridColumn: "1 / -1" },
  intro: { color: tokens.colorNeutralForeground2 },
  server: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function RosterTab({ onStored }: { onStored?: () => void } = {}) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const flow = useRosterFlow({ onStored });
  const { settings, client } = useApi();
  const view = useMemo(() => describeFlow(flow.state, t, lang), [flow.state, t, lang]);
  const names = useFacilityNames(client, flow.state.check?.source === "server");
  const busy = view.busy || flow.running !== null;
  const connection = client ? t.roster.server(hostOf(settings.apiUrl)) : t.roster.noServer;

  const summaryRef = useRef<HTMLElement>(null);
  const pushRef = useRef<HTMLButtonElement>(null);
  const validateRef = useRef<HTMLButtonElement>(null);
  const previous = useRef(flow.state.step);
  const step = flow.state.step;
  useEffect(() => {
    const before = previous.current;
    previous.current = step;
    // After Validasi, focus goes to its result; after the send dialog closes, back to Kirim.
    if (isBusy(before) && !isBusy(step) && step.kind !== "confirming") {
      if (summaryRef.current) summaryRef.current.focus();
      else validateRef.current?.focus();
    }
    if (before.kind === "confirming" && step.kind !== "confirming" && step.kind !== "pushing") pushRef.current?.focus();
  }, [step]);

  return (
    <div className={styles.root}>
      <Caption1 className={styles.intro}>{t.roster.intro}</Caption1>
      <div className={styles.buttons}>
        <Button className={styles.wide} disabled={busy} onClick={() => void flow.insertTemplate()}>
          {t.roster.insertTemplate}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void flow.validate()} ref={validateRef}>
          {t.roster.validate}
        </Button>
        <Button disabled={busy} onClick={() => void flow.push()} ref={pushRef}>
          {t.roster.push}
        </Button>
      </div>
      <Caption1 className={styles.server}>{connection}</Caption1>
      <Suspense fallback={null}>
        <RosterBody flow={flow} view={view} names={names} busy={busy} summaryRef={summaryRef} />
      </Suspense>
    </div>
  );
}
