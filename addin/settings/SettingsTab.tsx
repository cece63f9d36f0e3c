import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useApi } from "../api/context";
import { currentReference, professionCount, refreshReference } from "../api/reference-cache";
import { useLang, useStrings } from "../i18n";
import { errorText } from "../ui/error-text";
import { Notice, type NoticeData } from "../ui/Notice";
import { Progress } from "../ui/Progress";
import { useTask } from "../ui/useTask";
import { checkApiUrl, isConfigured, normaliseApiUrl } from "./store";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Server address and token, per user in localStorage. "Tes koneksi" asks GET /v1/reference with what
 * is typed and, when the server answers, saves it (a working setting is never lost to a forgotten
 * Simpan). The address defaults to the pane's own origin; another must be https (loopback excepted).
 */
export function SettingsTab() {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const api = useApi();
  const { running, run } = useTask();
  const [apiUrl, setApiUrl] = useState(api.settings.apiUrl);
  const [token, setToken] = useState(api.settings.token);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [reference, setReference] = useState(() => currentReference(api.storage));

  const urlCheck = checkApiUrl(apiUrl);
  const urlValid = urlCheck === "ok";
  const firstRun = !isConfigured(api.settings);

  const save = () => {
    api.saveSettings({ apiUrl, token });
    setNotice({ intent: "success", body: t.settings.saved });
  };

  const test = () =>
    run(t.progress.testing, async () => {
      setNotice(null);
      try {
        const fresh = await refreshReference(api.clientFor({ apiUrl, token }), api.storage);
        setReference(fresh);
        api.saveSettings({ apiUrl, token });
        setNotice({
          intent: "success",
          title: t.settings.testOkTitle,
          body: `${t.settings.testOk(new URL(normaliseApiUrl(apiUrl)).host, professionCount(fresh.data))} ${t.settings.testSaved}`,
        });
      } catch (e) {
        setNotice({ intent: "error", ...errorText(e, t) });
      }
    });

  const when = reference.fetchedAt
    ? new Date(reference.fetchedAt).toLocaleString(lang === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "short" })
    : null;

  return (
    <div className={styles.root}>
      {firstRun && notice === null && <Notice notice={{ intent: "info", title: t.settings.firstRunTitle, body: t.settings.firstRunBody }} />}
      <Caption1 className={styles.muted}>{t.settings.intro}</Caption1>
      <Field
        label={t.settings.apiUrl}
        hint={t.settings.apiUrlHint}
        validationState={urlValid ? "none" : "error"}
        validationMessage={urlCheck === "http_blocked" ? t.settings.httpBlocked : urlValid ? undefined : t.settings.badUrl}
      >
        <Input type="url" value={apiUrl} onChange={(_, d) => setApiUrl(d.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field label={t.settings.token} hint={t.settings.tokenHint}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" spellCheck={false} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!urlValid || token.trim() === "" || running !== null} onClick={() => void test()}>
          {t.settings.test}
        </Button>
        <Button disabled={!urlValid || running !== null} onClick={save}>
          {t.settings.save}
        </Button>
      </div>
      <Progress task={running} />
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <Caption1 className={styles.muted}>{when ? t.settings.referenceCached(when) : t.settings.referenceBuiltIn}</Caption1>
    </div>
  );
}

export default SettingsTab;
